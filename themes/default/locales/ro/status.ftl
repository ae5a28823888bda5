# The staff's translation status report (Romanian); see en/status.ftl.

status-title = Stadiul traducerilor – { $site }
status-skip = Salt la raport
status-views = Vederi
status-view-languages = Progres pe limbi
status-view-matrix = Toate paginile, pagină cu pagină
status-view-by-state = Sarcini după urgență
status-view-by-language = Sarcini pe limbi
status-states = Stări:
status-state-original = original
status-state-current = actual
status-state-unreviewed = neverificat
status-state-unstamped = fără marcaj
status-state-outdated = depășit
status-state-missing = lipsește
status-column-language = Limba
status-column-page = Pagina
status-column-variant = Varianta
status-column-state = Starea
status-column-task = Ce e de făcut
status-column-progress = Progres
status-languages-caption = Paginile fiecărei limbi, după stare (în ordinea limbilor din site.toml)
status-progress = { $current } din { $total } actuale ({ $percent } %)
status-progress-label = { $language }: pagini actuale
status-matrix-caption = Fiecare pagină și variantă (rânduri, în ordinea site-ului) în fiecare limbă (coloane)
status-by-state-caption =
    { $count ->
        [one] O sarcină, ordonată după stare (lipsește, depășit, fără marcaj, neverificat), apoi după limbă și fișier
        [few] { $count } sarcini, ordonate după stare (lipsește, depășit, fără marcaj, neverificat), apoi după limbă și fișier
       *[other] { $count } de sarcini, ordonate după stare (lipsește, depășit, fără marcaj, neverificat), apoi după limbă și fișier
    }
status-by-language-caption =
    { $count ->
        [one] O sarcină, ordonată după limbă, apoi după stare și fișier
        [few] { $count } sarcini, ordonate după limbă, apoi după stare și fișier
       *[other] { $count } de sarcini, ordonate după limbă, apoi după stare și fișier
    }
status-nothing-to-do = Nimic de făcut: toate traducerile sunt actuale și verificate.
status-task-outdated = Aduceți { $file } la zi după versiunea actuală a { $original }, apoi rulați:
status-task-unstamped = Comparați { $file } cu { $original }; dacă se potrivesc, rulați:
status-task-unreviewed = Cereți unui vorbitor nativ să verifice { $file }, apoi setați `reviewed = true` în antetul său (front matter).
status-task-missing = Traduceți { $original } în { $file }, apoi rulați:
status-task-missing-new = Scrieți { $file }.
