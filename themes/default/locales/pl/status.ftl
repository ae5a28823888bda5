# The staff's translation status report (Polish); see en/status.ftl.

status-title = Stan tłumaczeń – { $site }
status-skip = Przejdź do raportu
status-views = Widoki
status-view-languages = Postęp według języków
status-view-matrix = Wszystkie strony według stron
status-view-by-state = Zadania według pilności
status-view-by-language = Zadania według języków
status-states = Stany:
status-state-original = oryginał
status-state-current = aktualne
status-state-unreviewed = niesprawdzone
status-state-unstamped = bez znacznika
status-state-outdated = nieaktualne
status-state-missing = brak
status-column-language = Język
status-column-page = Strona
status-column-variant = Wariant
status-column-state = Stan
status-column-task = Co zrobić
status-column-progress = Postęp
status-languages-caption = Strony w każdym języku według stanu (w kolejności języków z site.toml)
status-progress = aktualne: { $current } z { $total } ({ $percent } %)
status-progress-label = { $language }: aktualne strony
status-matrix-caption = Każda strona i wariant (wiersze, w kolejności serwisu) w każdym języku (kolumny)
status-by-state-caption =
    { $count ->
        [one] { $count } zadanie, według stanu (brak, nieaktualne, bez znacznika, niesprawdzone), potem języka i pliku
        [few] { $count } zadania, według stanu (brak, nieaktualne, bez znacznika, niesprawdzone), potem języka i pliku
       *[other] { $count } zadań, według stanu (brak, nieaktualne, bez znacznika, niesprawdzone), potem języka i pliku
    }
status-by-language-caption =
    { $count ->
        [one] { $count } zadanie, według języka, potem stanu i pliku
        [few] { $count } zadania, według języka, potem stanu i pliku
       *[other] { $count } zadań, według języka, potem stanu i pliku
    }
status-nothing-to-do = Nie ma nic do zrobienia: wszystkie tłumaczenia są aktualne i sprawdzone.
status-task-outdated = Dostosuj { $file } do aktualnej wersji { $original }, a następnie uruchom:
status-task-unstamped = Porównaj { $file } z { $original }; jeśli się zgadzają, uruchom:
status-task-unreviewed = Poproś rodzimego użytkownika języka o sprawdzenie { $file }, a następnie ustaw `reviewed = true` w jego nagłówku (front matter).
status-task-missing = Przetłumacz { $original } do pliku { $file }, a następnie uruchom:
status-task-missing-new = Napisz { $file }.
