# Interface strings of the Bielefeld site (Romanian).
site-title = Promovăm integrarea!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = Orașul Bielefeld
statement-legal-basis = Temeiul legal îl constituie Legea landului Renania de Nord-Westfalia privind egalitatea persoanelor cu dizabilități (BGG NRW) și Regulamentul landului privind tehnologia informației fără bariere (BITVNRW).
statement-enforcement-heading = Procedura de ombudsman
statement-enforcement = Dacă nu primiți un răspuns satisfăcător la mesajul dumneavoastră, vă puteți adresa biroului ombudsmanului:
statement-enforcement-missing = Datele biroului competent al ombudsmanului urmează să fie completate.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = Intern: numai pentru angajații orașului Bielefeld
