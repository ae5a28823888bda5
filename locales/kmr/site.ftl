# Interface strings of the Bielefeld site (Kurmanji).
site-title = Em entegrasyonê pêş dixin!

# The accessibility statement: who makes it and the law it rests on
# (North Rhine-Westphalia: BGG NRW and BITVNRW; complaints go to the
# Ombudsstelle, BITVNRW §§ 9-16).
statement-organisation = Şaredariya Bielefeldê
# statement-legal-basis is a machine translation that no Kurmanji native
# speaker has checked (the names of the two laws have no established
# Kurmanji form). It is shown only on the Kurmanji accessibility statement,
# content/barrierefreiheit.kmr.md, which therefore keeps
# `translation = "machine"` and `reviewed = false`: readers see the notice
# that the page is an unreviewed machine translation, with the link to the
# German original, above it. Set `reviewed = true` there only after a
# native speaker has checked this sentence too.
statement-legal-basis = Bingeha qanûnî: Qanûna wekheviya mirovên bi astengdarî ya eyaleta Nordrhein-Westfalenê (BGG NRW) û Rêziknameya eyaletê ya teknolojiya agahiyê ya bêasteng (BITVNRW).
statement-enforcement-heading = Prosedûra ombudsmanê
statement-enforcement = Heke hûn ji bo nêrîna xwe bersiveke têrker negirin, hûn dikarin serî li nivîsgeha ombudsmanê bidin:
statement-enforcement-missing = Agahiyên derbarê nivîsgeha berpirsiyar a ombudsmanê de dê paşê werin zêdekirin.

# The banner of the intranet build ([profiles.intranet] banner in site.toml).
intranet-banner = Navxweyî: tenê ji bo karmendên bajarê Bielefeldê
