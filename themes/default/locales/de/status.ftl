# Der Bericht zum Übersetzungsstand für die Redaktion (`vielfalt status`,
# templates/status.html), auf Deutsch. Er erscheint nur in der
# Standardsprache der Website; die Abdeckung der anderen Sprachen zählt
# `status-`-Nachrichten nicht.

status-title = Übersetzungsstand – { $site }
status-skip = Zum Bericht springen
status-views = Ansichten
status-view-languages = Fortschritt nach Sprache
status-view-matrix = Alle Seiten nach Seite
status-view-by-state = Aufgaben nach Dringlichkeit
status-view-by-language = Aufgaben nach Sprache
status-states = Legende:
status-state-original = Original
status-state-current = aktuell
status-state-unreviewed = nicht geprüft
status-state-unstamped = nicht gestempelt
status-state-outdated = veraltet
status-state-missing = fehlt
status-column-language = Sprache
status-column-page = Seite
status-column-variant = Variante
status-column-state = Stand
status-column-task = Was zu tun ist
status-column-progress = Fortschritt
status-languages-caption = Seiten je Sprache nach Stand (in der Reihenfolge der Sprachen in site.toml)
status-progress = { $current } von { $total } aktuell ({ $percent } %)
status-progress-label = { $language }: aktuelle Seiten
status-matrix-caption = Jede Seite und Variante (Zeilen, in der Reihenfolge der Website) in jeder Sprache (Spalten)
status-by-state-caption =
    { $count ->
        [one] Eine Aufgabe, sortiert nach Stand (fehlt, veraltet, nicht gestempelt, nicht geprüft), dann nach Sprache und Datei
       *[other] { $count } Aufgaben, sortiert nach Stand (fehlt, veraltet, nicht gestempelt, nicht geprüft), dann nach Sprache und Datei
    }
status-by-language-caption =
    { $count ->
        [one] Eine Aufgabe, sortiert nach Sprache, dann nach Stand und Datei
       *[other] { $count } Aufgaben, sortiert nach Sprache, dann nach Stand und Datei
    }
status-nothing-to-do = Nichts zu tun: Alle Übersetzungen sind aktuell und geprüft.
status-task-outdated = { $file } an den aktuellen Stand von { $original } anpassen, dann ausführen:
status-task-unstamped = { $file } mit { $original } vergleichen; wenn beide übereinstimmen, ausführen:
status-task-unreviewed = { $file } von einer Muttersprachlerin oder einem Muttersprachler prüfen lassen, dann in der Front Matter `reviewed = true` setzen.
status-task-missing = { $original } in { $file } übersetzen, dann ausführen:
status-task-missing-new = { $file } schreiben.
