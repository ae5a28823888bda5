# The staff's translation status report (Greek); see en/status.ftl.

status-title = Κατάσταση μεταφράσεων – { $site }
status-skip = Μετάβαση στην αναφορά
status-views = Προβολές
status-view-languages = Πρόοδος ανά γλώσσα
status-view-matrix = Όλες οι σελίδες ανά σελίδα
status-view-by-state = Εργασίες κατά επείγον
status-view-by-language = Εργασίες ανά γλώσσα
status-states = Καταστάσεις:
status-state-original = πρωτότυπο
status-state-current = ενημερωμένο
status-state-unreviewed = μη ελεγμένο
status-state-unstamped = χωρίς σήμανση
status-state-outdated = παρωχημένο
status-state-missing = λείπει
status-column-language = Γλώσσα
status-column-page = Σελίδα
status-column-variant = Παραλλαγή
status-column-state = Κατάσταση
status-column-task = Τι πρέπει να γίνει
status-column-progress = Πρόοδος
status-languages-caption = Σελίδες ανά γλώσσα και κατάσταση (με τη σειρά των γλωσσών στο site.toml)
status-progress = { $current } από { $total } ενημερωμένες ({ $percent } %)
status-progress-label = { $language }: ενημερωμένες σελίδες
status-matrix-caption = Κάθε σελίδα και παραλλαγή (γραμμές, με τη σειρά του ιστότοπου) σε κάθε γλώσσα (στήλες)
status-by-state-caption =
    { $count ->
        [one] Μία εργασία, ταξινομημένη κατά κατάσταση (λείπει, παρωχημένο, χωρίς σήμανση, μη ελεγμένο), έπειτα κατά γλώσσα και αρχείο
       *[other] { $count } εργασίες, ταξινομημένες κατά κατάσταση (λείπει, παρωχημένο, χωρίς σήμανση, μη ελεγμένο), έπειτα κατά γλώσσα και αρχείο
    }
status-by-language-caption =
    { $count ->
        [one] Μία εργασία, ταξινομημένη κατά γλώσσα, έπειτα κατά κατάσταση και αρχείο
       *[other] { $count } εργασίες, ταξινομημένες κατά γλώσσα, έπειτα κατά κατάσταση και αρχείο
    }
status-nothing-to-do = Τίποτα προς το παρόν: όλες οι μεταφράσεις είναι ενημερωμένες και ελεγμένες.
status-task-outdated = Ενημερώστε το { $file } σύμφωνα με την τρέχουσα έκδοση του { $original } και μετά εκτελέστε:
status-task-unstamped = Συγκρίνετε το { $file } με το { $original }· αν συμφωνούν, εκτελέστε:
status-task-unreviewed = Ζητήστε από φυσικό ομιλητή να ελέγξει το { $file } και μετά ορίστε `reviewed = true` στην κεφαλίδα του (front matter).
status-task-missing = Μεταφράστε το { $original } στο { $file } και μετά εκτελέστε:
status-task-missing-new = Γράψτε το { $file }.
