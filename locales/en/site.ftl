# Interface strings of the Bielefeld site (English).
site-title = We promote integration!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = The City of Bielefeld
statement-legal-basis = The legal basis is the Disability Equality Act of North Rhine-Westphalia (BGG NRW) and the Accessible Information Technology Ordinance of North Rhine-Westphalia (BITVNRW).
statement-enforcement-heading = Ombuds procedure
statement-enforcement = If you do not receive a satisfactory answer to your feedback, you can contact the ombuds office:
statement-enforcement-missing = The details of the responsible ombuds office are still to be added.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = Internal: for the staff of the City of Bielefeld only
