# Interface strings of the Bielefeld site (Greek).
site-title = Προωθούμε την ένταξη!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = Ο Δήμος Μπίλεφελντ
statement-legal-basis = Νομική βάση αποτελούν ο νόμος του κρατιδίου Βόρειας Ρηνανίας-Βεστφαλίας για την ισότητα των ατόμων με αναπηρία (BGG NRW) και ο κανονισμός του κρατιδίου για την προσβάσιμη τεχνολογία πληροφοριών (BITVNRW).
statement-enforcement-heading = Διαδικασία διαμεσολαβητή (ombudsman)
statement-enforcement = Αν δεν λάβετε ικανοποιητική απάντηση στα σχόλιά σας, μπορείτε να απευθυνθείτε στο γραφείο του διαμεσολαβητή (ombudsman):
statement-enforcement-missing = Τα στοιχεία του αρμόδιου γραφείου διαμεσολαβητή (ombudsman) θα συμπληρωθούν στη συνέχεια.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = Εσωτερικό: μόνο για το προσωπικό της πόλης του Μπίλεφελντ
