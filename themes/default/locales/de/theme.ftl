# Interface strings of the default theme (German).
# Every message here must exist in every shipped language.

site-title = Vielfalt
skip-to-content = Zum Inhalt springen
language-nav-label = Sprache
main-nav-label = Hauptmenü
all-languages = Alle Sprachen
accessibility-statement = Erklärung zur Barrierefreiheit
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = Erklärung zur Barriere·freiheit
feed-link = Neuigkeiten als Feed abonnieren
feed-title = Neuigkeiten – { $site }
published = Veröffentlicht am
updated = aktualisiert am
entries-count =
    { $count ->
        [one] { $count } Beitrag
       *[other] { $count } Beiträge
    }
pagination-label = Seiten
pagination-previous = Vorherige Seite
pagination-next = Nächste Seite
pagination-page = Seite { $number }
pagination-status = Seite { $number } von { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = Diese Seite gibt es noch nicht auf Deutsch. Sie lesen hier die Fassung in dieser Sprache:
outdated-notice = Das Original dieser Seite wurde geändert, nachdem diese Fassung entstanden ist. Sie ist vielleicht nicht mehr aktuell.
outdated-link = Aktuelles Original lesen:
unreviewed-notice =
    { $method ->
        [machine] Diese Übersetzung wurde maschinell erstellt und noch nicht von Muttersprachlerinnen oder Muttersprachlern geprüft.
       *[human] Diese Übersetzung wurde noch nicht von Muttersprachlerinnen oder Muttersprachlern geprüft.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] Diesen Text hat ein Computer·programm geschrieben. Menschen aus der Ziel·gruppe haben ihn noch nicht geprüft.
       *[human] Menschen aus der Ziel·gruppe haben diesen Text noch nicht geprüft.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] Diesen Text hat ein Computerprogramm in Einfacher Sprache geschrieben. Menschen aus der Zielgruppe haben ihn noch nicht geprüft.
       *[human] Menschen aus der Zielgruppe haben diesen Text noch nicht geprüft.
    }
unreviewed-link = Original lesen:
variant-easy = Leichte Sprache
    .link = Diese Seite in Leichter Sprache
variant-plain = Einfache Sprache
    .link = Diese Seite in Einfacher Sprache
variant-original = Diese Seite in Standardsprache
variant-original-easy = Diese Seite in Standard·sprache

chooser-title = Sprache wählen
chooser-prompt = Auf Deutsch lesen
not-found-title = Seite nicht gefunden
not-found-text = Diese Seite gibt es nicht.
not-found-home = Zur Startseite auf Deutsch

glossary-intro-easy = Hier erklären wir schwere Wörter.
glossary-term-link = Erklärung von { $term }

statement-scope = Diese Erklärung gilt für die Website „{ $site }“.
statement-commitment = { $organisation } ist bemüht, diese Website barrierefrei zugänglich zu machen.
statement-status-heading = Stand der Vereinbarkeit mit den Anforderungen
statement-status =
    { $status ->
        [full] Diese Website ist mit { $standard } vollständig vereinbar.
        [partial] Diese Website ist mit { $standard } teilweise vereinbar. Die Ausnahmen stehen unten.
       *[none] Diese Website ist mit { $standard } nicht vereinbar.
    }
statement-status-missing = Der Stand der Vereinbarkeit ist noch nicht bewertet.
statement-non-accessible-heading = Nicht barrierefreie Inhalte
statement-non-accessible-none = Es sind keine nicht barrierefreien Inhalte bekannt.
statement-non-accessible-pending = Welche Inhalte nicht barrierefrei sind, wird bei der Bewertung festgestellt. Die Bewertung steht noch aus.
statement-reason = Grund
statement-alternative = Alternative
statement-preparation-heading = Erstellung dieser Erklärung
statement-prepared = Diese Erklärung wurde am { $date } erstellt.
statement-reviewed = Sie wurde zuletzt am { $date } überprüft.
statement-dates-missing = Das Datum der Erstellung wird noch ergänzt.
statement-review-overdue = Diese Erklärung wurde seit mehr als einem Jahr nicht überprüft und ist möglicherweise nicht mehr aktuell.
statement-method =
    { $method ->
        [self-assessment] Die Bewertung beruht auf einer Selbstbewertung.
        [third-party] Die Bewertung beruht auf einer Prüfung durch Dritte.
       *[other] Die Art der Bewertung wird noch ergänzt.
    }
statement-tests-lint = Bei jedem Erstellen der Website prüft der Seitengenerator jede Seite nach seinen eigenen Regeln (Zahl der Regeln: { $rules }; WCAG-Erfolgskriterien { $criteria }).
statement-tests-passed = Die Website hat diese automatischen Tests bestanden:
statement-tests-axe = Regeln für WCAG 2.0, 2.1 und 2.2, Stufen A und AA, und weitere Prüfungen im Browser (WCAG-Erfolgskriterien { $criteria }); alle Seiten (geprüfte Seiten: { $pages })
statement-tests-html = gültiges HTML; alle Seiten (geprüfte Seiten: { $pages })
statement-tests-matrix = Geänderte Benutzereinstellungen und Bedienung mit der Tastatur (WCAG-Erfolgskriterien { $criteria }); eine Seite jeder Art (geprüfte Seiten: { $pages })
statement-tests-limits = Automatische Tests finden nur einen Teil der Barrieren. Sie ersetzen keine Bewertung dieser Website.
statement-feedback-heading = Feedback und Kontakt
statement-feedback = Sind Ihnen Mängel beim barrierefreien Zugang zu Inhalten dieser Website aufgefallen? Dann schreiben Sie uns:
statement-feedback-missing = Die Kontaktadresse für Rückmeldungen zur Barrierefreiheit wird noch ergänzt.
statement-enforcement-heading = Schlichtungsverfahren
statement-enforcement = Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Schlichtungs- oder Durchsetzungsstelle wenden:
statement-enforcement-missing = Die Angaben zur zuständigen Schlichtungs- oder Durchsetzungsstelle werden noch ergänzt.
statement-sign-language-missing = Ein Video in Deutscher Gebärdensprache wird noch ergänzt.

# Search ([search] in site.toml): the header's search form, the search page
# and its script (search.js). `search-count` gets the number of results.
search-landmark = Website durchsuchen
search-input-label = Suchbegriff
search-submit = Suchen
search-title = Suche
search-variant-label = Fassung
search-variant-all = Alle Fassungen
search-count = Treffer: { $count }
search-empty = Bitte geben Sie einen Suchbegriff ein.
search-searching = Suche läuft …
search-unavailable = Die Suche ist hier nicht verfügbar. Der Suchindex entsteht, wenn die Website erstellt wird; die Vorschau hat keinen. Unten stehen alle Seiten auf Deutsch.
search-results-heading = Treffer
search-more = Weitere Treffer zeigen
search-index-heading = Alle Seiten auf Deutsch
search-index-note = Die Liste zeigt jede Seite dieser Website auf Deutsch.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = Das ganze Dokument als PDF
pdf-size = PDF, { $kilobytes } KB

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = Schriftzug „{ $text }“
# Printed pages only: the text's language and date follow each label.
print-language = Sprache:
print-date = Stand:
