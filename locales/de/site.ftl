# Interface strings of the Bielefeld site (German); they override the theme.
site-title = Wir fördern Integration!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = Die Stadt Bielefeld
statement-legal-basis = Rechtsgrundlage sind das Behindertengleichstellungsgesetz Nordrhein-Westfalen (BGG NRW) und die Barrierefreie-Informationstechnik-Verordnung Nordrhein-Westfalen (BITVNRW).
statement-enforcement-heading = Ombudsverfahren
statement-enforcement = Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie sich an die Ombudsstelle wenden:
statement-enforcement-missing = Die Angaben zur zuständigen Ombudsstelle werden noch ergänzt.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = Intern: nur für die Beschäftigten der Stadt Bielefeld
