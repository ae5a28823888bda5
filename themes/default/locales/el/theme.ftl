# Interface strings of the default theme (Greek).

site-title = Vielfalt
skip-to-content = Μετάβαση στο περιεχόμενο
language-nav-label = Γλώσσα
main-nav-label = Κύριο μενού
all-languages = Όλες οι γλώσσες
accessibility-statement = Δήλωση προσβασιμότητας
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = Δήλωση προσβασιμότητας
feed-link = Εγγραφή στα νέα μέσω ροής (feed)
feed-title = Νέα – { $site }
published = Δημοσιεύθηκε στις
updated = ενημερώθηκε στις
entries-count =
    { $count ->
        [one] { $count } ανάρτηση
       *[other] { $count } αναρτήσεις
    }
pagination-label = Σελίδες
pagination-previous = Προηγούμενη σελίδα
pagination-next = Επόμενη σελίδα
pagination-page = Σελίδα { $number }
pagination-status = Σελίδα { $number } από { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = Η σελίδα αυτή δεν είναι ακόμη διαθέσιμη στα ελληνικά. Εδώ διαβάζετε την έκδοσή της στη γλώσσα:
outdated-notice = Το πρωτότυπο αυτής της σελίδας άλλαξε μετά τη δημιουργία αυτής της έκδοσης. Ενδέχεται να μην είναι πλέον επίκαιρη.
outdated-link = Διαβάστε το τρέχον πρωτότυπο στη γλώσσα:
unreviewed-notice =
    { $method ->
        [machine] Η μετάφραση αυτή έγινε αυτόματα και δεν έχει ελεγχθεί ακόμη από φυσικούς ομιλητές ή φυσικές ομιλήτριες της ελληνικής.
       *[human] Η μετάφραση αυτή δεν έχει ελεγχθεί ακόμη από φυσικούς ομιλητές ή φυσικές ομιλήτριες της ελληνικής.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] Αυτό το κείμενο το έγραψε ένα πρόγραμμα υπολογιστή. Άτομα από την ομάδα-στόχο δεν το έχουν ελέγξει ακόμη.
       *[human] Άτομα από την ομάδα-στόχο δεν έχουν ελέγξει ακόμη αυτό το κείμενο.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] Αυτό το κείμενο το έγραψε ένα πρόγραμμα υπολογιστή. Άτομα από την ομάδα-στόχο δεν το έχουν ελέγξει ακόμη.
       *[human] Άτομα από την ομάδα-στόχο δεν έχουν ελέγξει ακόμη αυτό το κείμενο.
    }
unreviewed-link = Διαβάστε το πρωτότυπο στη γλώσσα:
variant-easy = Εύκολη ανάγνωση
    .link = Η σελίδα αυτή σε μορφή εύκολης ανάγνωσης
variant-plain = Απλή γλώσσα
    .link = Η σελίδα αυτή σε απλή γλώσσα
variant-original = Η σελίδα αυτή σε τυπική γλώσσα
variant-original-easy = Η σελίδα αυτή σε τυπική γλώσσα

chooser-title = Επιλέξτε γλώσσα
chooser-prompt = Διαβάστε στα ελληνικά
not-found-title = Η σελίδα δεν βρέθηκε
not-found-text = Αυτή η σελίδα δεν υπάρχει.
not-found-home = Μετάβαση στην αρχική σελίδα στα ελληνικά

glossary-intro-easy = Εδώ εξηγούμε δύσκολες λέξεις.
glossary-term-link = Εξήγηση του όρου { $term }

statement-scope = Η παρούσα δήλωση ισχύει για τον ιστότοπο «{ $site }».
statement-commitment = { $organisation } καταβάλλει προσπάθειες ώστε ο ιστότοπος αυτός να είναι προσβάσιμος.
statement-status-heading = Κατάσταση συμμόρφωσης με τις απαιτήσεις
statement-status =
    { $status ->
        [full] Ο ιστότοπος αυτός συμμορφώνεται πλήρως με τα πρότυπα { $standard }.
        [partial] Ο ιστότοπος αυτός συμμορφώνεται εν μέρει με τα πρότυπα { $standard }. Οι εξαιρέσεις αναφέρονται παρακάτω.
       *[none] Ο ιστότοπος αυτός δεν συμμορφώνεται με τα πρότυπα { $standard }.
    }
statement-status-missing = Η κατάσταση συμμόρφωσης δεν έχει αξιολογηθεί ακόμη.
statement-non-accessible-heading = Μη προσβάσιμο περιεχόμενο
statement-non-accessible-none = Δεν είναι γνωστό μη προσβάσιμο περιεχόμενο.
statement-non-accessible-pending = Ποιο περιεχόμενο δεν είναι προσβάσιμο θα διαπιστωθεί με την αξιολόγηση. Η αξιολόγηση δεν έχει γίνει ακόμη.
statement-reason = Αιτία
statement-alternative = Εναλλακτική λύση
statement-preparation-heading = Σύνταξη της παρούσας δήλωσης
statement-prepared = Η παρούσα δήλωση συντάχθηκε στις { $date }.
statement-reviewed = Επανεξετάστηκε για τελευταία φορά στις { $date }.
statement-dates-missing = Η ημερομηνία σύνταξης θα συμπληρωθεί στη συνέχεια.
statement-method =
    { $method ->
        [self-assessment] Η αξιολόγηση βασίζεται σε αυτοαξιολόγηση.
        [third-party] Η αξιολόγηση βασίζεται σε έλεγχο από τρίτο μέρος.
       *[other] Ο τρόπος αξιολόγησης θα συμπληρωθεί στη συνέχεια.
    }
statement-tests-lint = Σε κάθε δημιουργία του ιστότοπου, η γεννήτρια ελέγχει κάθε σελίδα με τους δικούς της κανόνες (αριθμός κανόνων: { $rules }· κριτήρια επιτυχίας WCAG: { $criteria }).
statement-tests-passed = Ο ιστότοπος πέρασε τους εξής αυτόματους ελέγχους:
statement-tests-axe = κανόνες των WCAG 2.0, 2.1 και 2.2 για τα επίπεδα A και AA και πρόσθετοι έλεγχοι στο πρόγραμμα περιήγησης (κριτήρια επιτυχίας WCAG: { $criteria })· όλες οι σελίδες (σελίδες που ελέγχθηκαν: { $pages })
statement-tests-html = έγκυρος κώδικας HTML· όλες οι σελίδες (σελίδες που ελέγχθηκαν: { $pages })
statement-tests-matrix = Αλλαγμένες ρυθμίσεις χρήστη και χρήση με το πληκτρολόγιο (κριτήρια επιτυχίας WCAG: { $criteria })· μία σελίδα από κάθε είδος (σελίδες που ελέγχθηκαν: { $pages })
statement-tests-limits = Οι αυτόματοι έλεγχοι βρίσκουν μόνο ένα μέρος των εμποδίων. Δεν αντικαθιστούν την αξιολόγηση αυτού του ιστότοπου.
statement-feedback-heading = Σχόλια και επικοινωνία
statement-feedback = Παρατηρήσατε εμπόδια στην πρόσβαση στο περιεχόμενο αυτού του ιστότοπου; Γράψτε μας:
statement-feedback-missing = Η διεύθυνση επικοινωνίας για σχόλια σχετικά με την προσβασιμότητα θα συμπληρωθεί στη συνέχεια.
statement-enforcement-heading = Διαδικασία διαμεσολάβησης
statement-enforcement = Αν δεν λάβετε ικανοποιητική απάντηση στα σχόλιά σας, μπορείτε να απευθυνθείτε στον φορέα διαμεσολάβησης ή στον φορέα επιβολής:
statement-enforcement-missing = Τα στοιχεία του αρμόδιου φορέα διαμεσολάβησης ή επιβολής θα συμπληρωθούν στη συνέχεια.
statement-sign-language-missing = Ένα βίντεο στη Γερμανική Νοηματική Γλώσσα θα προστεθεί στη συνέχεια.
statement-review-overdue = Αυτή η δήλωση δεν έχει επανεξεταστεί για περισσότερο από ένα έτος και ενδέχεται να μην είναι πλέον επίκαιρη.

# Search ([search] in site.toml).
search-landmark = Αναζήτηση στον ιστότοπο
search-input-label = Όρος αναζήτησης
search-submit = Αναζήτηση
search-title = Αναζήτηση
search-variant-label = Έκδοση
search-variant-all = Όλες οι εκδόσεις
search-count = Αποτελέσματα: { $count }
search-empty = Πληκτρολογήστε έναν όρο αναζήτησης.
search-searching = Αναζήτηση σε εξέλιξη …
search-unavailable = Η αναζήτηση δεν είναι διαθέσιμη εδώ. Το ευρετήριο αναζήτησης δημιουργείται κατά την κατασκευή του ιστότοπου· η προεπισκόπηση δεν έχει. Παρακάτω είναι όλες οι σελίδες στα ελληνικά.
search-results-heading = Αποτελέσματα
search-more = Εμφάνιση περισσότερων αποτελεσμάτων
search-index-heading = Όλες οι σελίδες στα ελληνικά
search-index-note = Αυτή η λίστα δείχνει κάθε σελίδα του ιστότοπου στα ελληνικά.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = Ολόκληρο το έγγραφο ως PDF
pdf-size = PDF, { $kilobytes } KB

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = Επιγραφή «{ $text }»
# Printed pages only: the text's language and date follow each label.
print-language = Γλώσσα:
print-date = Ημερομηνία:
