# The staff's translation status report (Turkish); see en/status.ftl.

status-title = Çeviri durumu – { $site }
status-skip = Rapora geç
status-views = Görünümler
status-view-languages = Dillere göre ilerleme
status-view-matrix = Sayfa sayfa tüm sayfalar
status-view-by-state = Aciliyete göre işler
status-view-by-language = Dillere göre işler
status-states = Durumlar:
status-state-original = orijinal
status-state-current = güncel
status-state-unreviewed = kontrol edilmedi
status-state-unstamped = damgalanmadı
status-state-outdated = eskimiş
status-state-missing = eksik
status-column-language = Dil
status-column-page = Sayfa
status-column-variant = Varyant
status-column-state = Durum
status-column-task = Yapılacak iş
status-column-progress = İlerleme
status-languages-caption = Dil başına sayfalar, duruma göre (site.toml'daki dil sırasıyla)
status-progress = { $total } sayfadan { $current } tanesi güncel (%{ $percent })
status-progress-label = { $language }: güncel sayfalar
status-matrix-caption = Her sayfa ve varyant (satırlar, site sırasıyla) her dilde (sütunlar)
status-by-state-caption = { $count } iş; duruma (eksik, eskimiş, damgalanmadı, kontrol edilmedi), sonra dile ve dosyaya göre sıralı
status-by-language-caption = { $count } iş; dile, sonra duruma ve dosyaya göre sıralı
status-nothing-to-do = Yapılacak iş yok: tüm çeviriler güncel ve kontrol edilmiş.
status-task-outdated = { $file } dosyasını { $original } dosyasının güncel hâline uyarlayın, sonra şunu çalıştırın:
status-task-unstamped = { $file } dosyasını { $original } ile karşılaştırın; ikisi örtüşüyorsa şunu çalıştırın:
status-task-unreviewed = { $file } dosyasını anadili bu dil olan birine kontrol ettirin, sonra ön bilgide (front matter) `reviewed = true` yazın.
status-task-missing = { $original } dosyasını { $file } dosyasına çevirin, sonra şunu çalıştırın:
status-task-missing-new = { $file } dosyasını yazın.
