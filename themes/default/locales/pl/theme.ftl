# Interface strings of the default theme (Polish).

site-title = Vielfalt
skip-to-content = Przejdź do treści
language-nav-label = Język
main-nav-label = Menu główne
all-languages = Wszystkie języki
accessibility-statement = Deklaracja dostępności
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = Deklaracja dostępności
feed-link = Subskrybuj aktualności (kanał)
feed-title = Aktualności – { $site }
published = Opublikowano
updated = zaktualizowano
entries-count =
    { $count ->
        [one] { $count } wpis
        [few] { $count } wpisy
        [many] { $count } wpisów
       *[other] { $count } wpisu
    }
pagination-label = Strony
pagination-previous = Poprzednia strona
pagination-next = Następna strona
pagination-page = Strona { $number }
pagination-status = Strona { $number } z { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = Tej strony nie ma jeszcze w języku polskim. Czytają Państwo wersję w języku:
outdated-notice = Oryginał tej strony został zmieniony po przygotowaniu tej wersji. Może ona nie być już aktualna.
outdated-link = Przeczytaj aktualny oryginał w języku:
unreviewed-notice =
    { $method ->
        [machine] To tłumaczenie zostało wykonane maszynowo i nie zostało jeszcze sprawdzone przez osoby, dla których polski jest językiem ojczystym.
       *[human] To tłumaczenie nie zostało jeszcze sprawdzone przez osoby, dla których polski jest językiem ojczystym.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] Ten tekst napisał program komputerowy. Osoby z grupy docelowej jeszcze go nie sprawdziły.
       *[human] Osoby z grupy docelowej jeszcze nie sprawdziły tego tekstu.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] Ten tekst napisał program komputerowy. Osoby z grupy docelowej jeszcze go nie sprawdziły.
       *[human] Osoby z grupy docelowej jeszcze nie sprawdziły tego tekstu.
    }
unreviewed-link = Przeczytaj oryginał w języku:
variant-easy = Tekst łatwy do czytania
    .link = Ta strona w wersji łatwej do czytania
variant-plain = Prosty język
    .link = Ta strona w prostym języku
variant-original = Ta strona w języku standardowym
variant-original-easy = Ta strona w języku standardowym

chooser-title = Wybierz język
chooser-prompt = Czytaj po polsku
not-found-title = Nie znaleziono strony
not-found-text = Ta strona nie istnieje.
not-found-home = Przejdź do strony głównej w języku polskim

glossary-intro-easy = Tutaj wyjaśniamy trudne słowa.
glossary-term-link = Wyjaśnienie pojęcia: { $term }

statement-scope = Niniejsza deklaracja dotyczy strony internetowej „{ $site }”.
statement-commitment = { $organisation } dokłada starań, aby ta strona internetowa była dostępna.
statement-status-heading = Stan zgodności z wymaganiami
statement-status =
    { $status ->
        [full] Ta strona internetowa jest w pełni zgodna z wymaganiami { $standard }.
        [partial] Ta strona internetowa jest częściowo zgodna z wymaganiami { $standard }. Wyjątki wymieniono poniżej.
       *[none] Ta strona internetowa nie jest zgodna z wymaganiami { $standard }.
    }
statement-status-missing = Stan zgodności nie został jeszcze oceniony.
statement-non-accessible-heading = Treści niedostępne
statement-non-accessible-none = Nie są znane żadne treści niedostępne.
statement-non-accessible-pending = To, które treści są niedostępne, zostanie ustalone w ramach oceny. Ocena jeszcze się nie odbyła.
statement-reason = Powód
statement-alternative = Alternatywa
statement-preparation-heading = Sporządzenie deklaracji
statement-prepared = Niniejszą deklarację sporządzono dnia { $date }.
statement-reviewed = Ostatni przegląd deklaracji przeprowadzono dnia { $date }.
statement-dates-missing = Data sporządzenia zostanie jeszcze uzupełniona.
statement-review-overdue = Deklaracja nie była przeglądana od ponad roku i może być nieaktualna.
statement-method =
    { $method ->
        [self-assessment] Ocena opiera się na samoocenie.
        [third-party] Ocena opiera się na badaniu przeprowadzonym przez podmiot zewnętrzny.
       *[other] Sposób przeprowadzenia oceny zostanie jeszcze uzupełniony.
    }
statement-tests-lint = Przy każdym budowaniu strony internetowej generator sprawdza każdą podstronę według własnych reguł (liczba reguł: { $rules }; kryteria sukcesu WCAG: { $criteria }).
statement-tests-passed = Strona internetowa przeszła następujące testy automatyczne:
statement-tests-axe = reguły WCAG 2.0, 2.1 i 2.2 na poziomach A i AA oraz dodatkowe testy w przeglądarce (kryteria sukcesu WCAG: { $criteria }); wszystkie podstrony (liczba sprawdzonych podstron: { $pages })
statement-tests-html = poprawny kod HTML; wszystkie podstrony (liczba sprawdzonych podstron: { $pages })
statement-tests-matrix = Zmienione ustawienia użytkownika i obsługa za pomocą klawiatury (kryteria sukcesu WCAG: { $criteria }); po jednej podstronie każdego rodzaju (liczba sprawdzonych podstron: { $pages })
statement-tests-limits = Testy automatyczne wykrywają tylko część barier. Nie zastępują oceny tej strony internetowej.
statement-feedback-heading = Informacje zwrotne i dane kontaktowe
statement-feedback = Czy zauważyli Państwo problemy z dostępnością treści tej strony internetowej? W takim przypadku prosimy o wiadomość:
statement-feedback-missing = Adres kontaktowy do zgłaszania uwag dotyczących dostępności zostanie jeszcze uzupełniony.
statement-enforcement-heading = Postępowanie rozjemcze
statement-enforcement = Jeśli nie otrzymają Państwo zadowalającej odpowiedzi na swoje zgłoszenie, mogą się Państwo zwrócić do organu rozjemczego lub organu egzekwującego przepisy:
statement-enforcement-missing = Dane właściwego organu rozjemczego lub organu egzekwującego przepisy zostaną jeszcze uzupełnione.
statement-sign-language-missing = Film w niemieckim języku migowym zostanie jeszcze dodany.

# Search ([search] in site.toml).
search-landmark = Szukaj w tej witrynie
search-input-label = Wyszukiwana fraza
search-submit = Szukaj
search-title = Wyszukiwanie
search-variant-label = Wersja
search-variant-all = Wszystkie wersje
search-count = Wyniki: { $count }
search-empty = Wpisz wyszukiwaną frazę.
search-searching = Trwa wyszukiwanie …
search-unavailable = Wyszukiwanie nie jest tu dostępne. Indeks wyszukiwania powstaje podczas budowania witryny; podgląd go nie ma. Poniżej są wszystkie strony w języku polskim.
search-results-heading = Wyniki
search-more = Pokaż więcej wyników
search-index-heading = Wszystkie strony w języku polskim
search-index-note = Ta lista zawiera każdą stronę tej witryny w języku polskim.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = Cały dokument jako PDF
pdf-size = PDF, { $kilobytes } KB

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = Napis „{ $text }”
# Printed pages only: the text's language and date follow each label.
print-language = Język:
print-date = Stan na
