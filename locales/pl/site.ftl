# Interface strings of the Bielefeld site (Polish).
site-title = Wspieramy integrację!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = Miasto Bielefeld
statement-legal-basis = Podstawą prawną są ustawa kraju związkowego Nadrenia Północna-Westfalia o równouprawnieniu osób z niepełnosprawnościami (BGG NRW) oraz rozporządzenie tego kraju związkowego w sprawie dostępnej technologii informacyjnej (BITVNRW).
statement-enforcement-heading = Postępowanie przed rzecznikiem (ombudsmanem)
statement-enforcement = Jeśli nie otrzymają Państwo zadowalającej odpowiedzi na swoje zgłoszenie, mogą się Państwo zwrócić do biura rzecznika (ombudsmana):
statement-enforcement-missing = Dane właściwego biura rzecznika (ombudsmana) zostaną jeszcze uzupełnione.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = Wewnętrzne: tylko dla pracowników miasta Bielefeld
