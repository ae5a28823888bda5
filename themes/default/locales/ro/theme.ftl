# Interface strings of the default theme (Romanian).

site-title = Vielfalt
skip-to-content = Salt la conținut
language-nav-label = Limbă
main-nav-label = Meniu principal
all-languages = Toate limbile
accessibility-statement = Declarație de accesibilitate
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = Declarație de accesibilitate
feed-link = Abonați-vă la noutăți (feed)
feed-title = Noutăți – { $site }
published = Publicat pe
updated = actualizat pe
entries-count =
    { $count ->
        [one] { $count } articol
        [few] { $count } articole
       *[other] { $count } de articole
    }
pagination-label = Pagini
pagination-previous = Pagina anterioară
pagination-next = Pagina următoare
pagination-page = Pagina { $number }
pagination-status = Pagina { $number } din { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = Această pagină nu este încă disponibilă în limba română. Citiți versiunea în limba:
outdated-notice = Originalul acestei pagini a fost modificat după realizarea acestei versiuni. Este posibil ca aceasta să nu mai fie actuală.
outdated-link = Citiți originalul actual în limba:
unreviewed-notice =
    { $method ->
        [machine] Această traducere a fost realizată automat și nu a fost încă verificată de vorbitori nativi de limba română.
       *[human] Această traducere nu a fost încă verificată de vorbitori nativi de limba română.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] Acest text a fost scris de un program de calculator. Persoanele din grupul-țintă nu l-au verificat încă.
       *[human] Persoanele din grupul-țintă nu au verificat încă acest text.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] Acest text a fost scris de un program de calculator. Persoanele din grupul-țintă nu l-au verificat încă.
       *[human] Persoanele din grupul-țintă nu au verificat încă acest text.
    }
unreviewed-link = Citiți originalul în limba:
variant-easy = Ușor de citit
    .link = Această pagină în format ușor de citit
variant-plain = Limbaj simplu
    .link = Această pagină în limbaj simplu
variant-original = Această pagină în limbaj standard
variant-original-easy = Această pagină în limbaj standard

chooser-title = Alegeți limba
chooser-prompt = Citiți în limba română
not-found-title = Pagina nu a fost găsită
not-found-text = Această pagină nu există.
not-found-home = Mergeți la pagina principală în limba română

glossary-intro-easy = Aici explicăm cuvinte grele.
glossary-term-link = Explicația termenului: { $term }

statement-scope = Această declarație se aplică site-ului „{ $site }”.
statement-commitment = { $organisation } depune eforturi pentru ca acest site să fie accesibil.
statement-status-heading = Stadiul conformității cu cerințele
statement-status =
    { $status ->
        [full] Acest site este pe deplin conform cu { $standard }.
        [partial] Acest site este parțial conform cu { $standard }. Excepțiile sunt enumerate mai jos.
       *[none] Acest site nu este conform cu { $standard }.
    }
statement-status-missing = Stadiul conformității nu a fost încă evaluat.
statement-non-accessible-heading = Conținut inaccesibil
statement-non-accessible-none = Nu se cunoaște niciun conținut inaccesibil.
statement-non-accessible-pending = Ce conținut este inaccesibil se va stabili prin evaluare. Evaluarea nu a avut loc încă.
statement-reason = Motiv
statement-alternative = Alternativă
statement-preparation-heading = Elaborarea acestei declarații
statement-prepared = Această declarație a fost elaborată la data de { $date }.
statement-reviewed = Ultima revizuire a avut loc la data de { $date }.
statement-dates-missing = Data elaborării urmează să fie completată.
statement-review-overdue = Această declarație nu a mai fost revizuită de peste un an și este posibil să nu mai fie actuală.
statement-method =
    { $method ->
        [self-assessment] Evaluarea se bazează pe o autoevaluare.
        [third-party] Evaluarea se bazează pe o verificare efectuată de o terță parte.
       *[other] Metoda de evaluare urmează să fie completată.
    }
statement-tests-lint = La fiecare generare a site-ului, generatorul verifică fiecare pagină după propriile reguli (numărul de reguli: { $rules }; criterii de succes WCAG: { $criteria }).
statement-tests-passed = Site-ul a trecut următoarele teste automate:
statement-tests-axe = regulile WCAG 2.0, 2.1 și 2.2 pentru nivelurile A și AA și verificări suplimentare în browser (criterii de succes WCAG: { $criteria }); toate paginile (pagini verificate: { $pages })
statement-tests-html = cod HTML valid; toate paginile (pagini verificate: { $pages })
statement-tests-matrix = Setări modificate ale utilizatorului și utilizarea cu tastatura (criterii de succes WCAG: { $criteria }); câte o pagină din fiecare tip (pagini verificate: { $pages })
statement-tests-limits = Testele automate găsesc doar o parte dintre bariere. Ele nu înlocuiesc o evaluare a acestui site.
statement-feedback-heading = Feedback și date de contact
statement-feedback = Ați observat deficiențe de accesibilitate în ceea ce privește conținutul acestui site? Atunci scrieți-ne:
statement-feedback-missing = Adresa de contact pentru feedback privind accesibilitatea urmează să fie completată.
statement-enforcement-heading = Procedura de conciliere
statement-enforcement = Dacă nu primiți un răspuns satisfăcător la mesajul dumneavoastră, vă puteți adresa organismului de conciliere sau celui responsabil cu asigurarea respectării cerințelor:
statement-enforcement-missing = Datele organismului competent de conciliere sau de asigurare a respectării cerințelor urmează să fie completate.
statement-sign-language-missing = Un videoclip în limba germană a semnelor urmează să fie adăugat.

# Search ([search] in site.toml).
search-landmark = Căutare pe acest site
search-input-label = Termen de căutare
search-submit = Caută
search-title = Căutare
search-variant-label = Versiune
search-variant-all = Toate versiunile
search-count = Rezultate: { $count }
search-empty = Introduceți un termen de căutare.
search-searching = Se caută …
search-unavailable = Căutarea nu este disponibilă aici. Indexul de căutare se creează la construirea site-ului; previzualizarea nu are unul. Mai jos sunt toate paginile în limba română.
search-results-heading = Rezultate
search-more = Arată mai multe rezultate
search-index-heading = Toate paginile în limba română
search-index-note = Această listă arată fiecare pagină a acestui site în limba română.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = Întregul document ca PDF
pdf-size = PDF, { $kilobytes } KB

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = Textul „{ $text }”
# Printed pages only: the text's language and date follow each label.
print-language = Limba:
print-date = Data:
