# Interface strings of the default theme (Turkish).

site-title = Vielfalt
skip-to-content = İçeriğe geç
language-nav-label = Dil
main-nav-label = Ana menü
all-languages = Tüm diller
accessibility-statement = Erişilebilirlik beyanı
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = Erişilebilirlik beyanı
feed-link = Haberlere akış (feed) ile abone olun
feed-title = Haberler – { $site }
published = Yayımlanma tarihi:
updated = güncellenme tarihi:
entries-count =
    { $count ->
        [one] { $count } yazı
       *[other] { $count } yazı
    }
pagination-label = Sayfalar
pagination-previous = Önceki sayfa
pagination-next = Sonraki sayfa
pagination-page = Sayfa { $number }
pagination-status = Sayfa { $number } / { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = Bu sayfa henüz Türkçe olarak mevcut değil. Burada sayfanın şu dildeki sürümünü okuyorsunuz:
outdated-notice = Bu sayfanın orijinali, bu sürüm hazırlandıktan sonra değiştirildi. Bu sürüm artık güncel olmayabilir.
outdated-link = Güncel orijinali okuyun:
unreviewed-notice =
    { $method ->
        [machine] Bu çeviri makine tarafından yapılmıştır ve henüz anadili Türkçe olan kişilerce kontrol edilmemiştir.
       *[human] Bu çeviri henüz anadili Türkçe olan kişilerce kontrol edilmemiştir.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] Bu metni bir bilgisayar programı yazdı. Hedef gruptaki kişiler metni henüz kontrol etmedi.
       *[human] Hedef gruptaki kişiler bu metni henüz kontrol etmedi.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] Bu metni bir bilgisayar programı yazdı. Hedef gruptaki kişiler metni henüz kontrol etmedi.
       *[human] Hedef gruptaki kişiler bu metni henüz kontrol etmedi.
    }
unreviewed-link = Orijinali okuyun:
variant-easy = Kolay okunur dil
    .link = Bu sayfa kolay okunur dilde
variant-plain = Sade dil
    .link = Bu sayfa sade dilde
variant-original = Bu sayfa standart dilde
variant-original-easy = Bu sayfa standart dilde

chooser-title = Dil seçin
chooser-prompt = Türkçe okuyun
not-found-title = Sayfa bulunamadı
not-found-text = Bu sayfa mevcut değil.
not-found-home = Türkçe ana sayfaya gidin

glossary-intro-easy = Burada zor kelimeleri açıklıyoruz.
glossary-term-link = Açıklama: { $term }

statement-scope = Bu beyan “{ $site }” web sitesi için geçerlidir.
statement-commitment = { $organisation }, bu web sitesini engelsiz erişilebilir hâle getirmek için çaba göstermektedir.
statement-status-heading = Gerekliliklere uygunluk durumu
statement-status =
    { $status ->
        [full] Bu web sitesi { $standard } ile tamamen uyumludur.
        [partial] Bu web sitesi { $standard } ile kısmen uyumludur. İstisnalar aşağıda belirtilmiştir.
       *[none] Bu web sitesi { $standard } ile uyumlu değildir.
    }
statement-status-missing = Uygunluk durumu henüz değerlendirilmemiştir.
statement-non-accessible-heading = Erişilebilir olmayan içerikler
statement-non-accessible-none = Erişilebilir olmayan herhangi bir içerik bilinmemektedir.
statement-non-accessible-pending = Hangi içeriklerin erişilebilir olmadığı değerlendirme ile belirlenecektir. Değerlendirme henüz yapılmadı.
statement-reason = Neden
statement-alternative = Alternatif
statement-preparation-heading = Bu beyanın hazırlanması
statement-prepared = Bu beyan { $date } tarihinde hazırlanmıştır.
statement-reviewed = En son { $date } tarihinde gözden geçirilmiştir.
statement-dates-missing = Hazırlanma tarihi daha sonra eklenecektir.
statement-method =
    { $method ->
        [self-assessment] Değerlendirme bir öz değerlendirmeye dayanmaktadır.
        [third-party] Değerlendirme, üçüncü bir tarafça yapılan bir denetime dayanmaktadır.
       *[other] Değerlendirme yöntemi daha sonra eklenecektir.
    }
statement-tests-lint = Web sitesi her oluşturulduğunda site oluşturucu her sayfayı kendi kurallarıyla denetler (kural sayısı: { $rules }; WCAG başarı ölçütleri { $criteria }).
statement-tests-passed = Web sitesi şu otomatik testleri geçmiştir:
statement-tests-axe = WCAG 2.0, 2.1 ve 2.2 için A ve AA düzeyi kuralları ile tarayıcıda ek denetimler (WCAG başarı ölçütleri { $criteria }); tüm sayfalar (denetlenen sayfa sayısı: { $pages })
statement-tests-html = geçerli HTML; tüm sayfalar (denetlenen sayfa sayısı: { $pages })
statement-tests-matrix = Değiştirilmiş kullanıcı ayarları ve klavyeyle kullanım (WCAG başarı ölçütleri { $criteria }); her türden bir sayfa (denetlenen sayfa sayısı: { $pages })
statement-tests-limits = Otomatik testler engellerin yalnızca bir kısmını bulur. Bu web sitesinin değerlendirilmesinin yerini tutmazlar.
statement-feedback-heading = Geri bildirim ve iletişim
statement-feedback = Bu web sitesinin içeriklerine engelsiz erişimde eksiklikler fark ettiniz mi? O hâlde bize yazın:
statement-feedback-missing = Erişilebilirlikle ilgili geri bildirimler için iletişim adresi daha sonra eklenecektir.
statement-enforcement-heading = Uzlaştırma süreci
statement-enforcement = Geri bildiriminize tatmin edici bir yanıt alamazsanız uzlaştırma birimine ya da uygulama denetim birimine başvurabilirsiniz:
statement-enforcement-missing = Yetkili uzlaştırma ya da uygulama denetim birimiyle ilgili bilgiler daha sonra eklenecektir.
statement-sign-language-missing = Alman İşaret Dili’nde bir video daha sonra eklenecektir.
statement-review-overdue = Bu beyan bir yıldan uzun süredir gözden geçirilmedi ve artık güncel olmayabilir.

# Search ([search] in site.toml).
search-landmark = Bu web sitesinde ara
search-input-label = Arama terimi
search-submit = Ara
search-title = Arama
search-variant-label = Sürüm
search-variant-all = Tüm sürümler
search-count = Sonuçlar: { $count }
search-empty = Lütfen bir arama terimi girin.
search-searching = Aranıyor …
search-unavailable = Arama burada kullanılamıyor. Arama dizini web sitesi oluşturulurken hazırlanır; önizlemede yoktur. Aşağıda Türkçe tüm sayfalar yer alıyor.
search-results-heading = Sonuçlar
search-more = Daha fazla sonuç göster
search-index-heading = Türkçe tüm sayfalar
search-index-note = Bu liste, bu web sitesinin Türkçe her sayfasını gösterir.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = Belgenin tamamı PDF olarak
pdf-size = PDF, { $kilobytes } KB

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = Yazı: “{ $text }”
# Printed pages only: the text's language and date follow each label.
print-language = Dil:
print-date = Tarih:
