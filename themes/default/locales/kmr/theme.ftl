# Interface strings of the default theme (Kurmanji, Latin script).

site-title = Vielfalt
skip-to-content = Here naverokê
language-nav-label = Ziman
main-nav-label = Menuya sereke
all-languages = Hemû ziman
accessibility-statement = Daxuyaniya bêastengiyê
# The same link on Leichte Sprache / Easy Read pages, in their style.
accessibility-statement-easy = Daxuyaniya bêastengiyê
feed-link = Nûçeyan bi feedê bişopînin
feed-title = Nûçe – { $site }
published = Dîroka weşanê:
updated = dîroka nûkirinê:
entries-count =
    { $count ->
        [one] { $count } nivîs
       *[other] { $count } nivîs
    }
pagination-label = Rûpel
pagination-previous = Rûpela berê
pagination-next = Rûpela pêş
pagination-page = Rûpel { $number }
pagination-status = Rûpel { $number } ji { $total }

# Shown on a page whose text is not yet translated. The theme adds the name
# of the language the text is shown in after the colon, marked with its own
# `lang`; so do `outdated-link` and `unreviewed-link` with the original's.
fallback-notice = Ev rûpel hêj bi kurmancî tune ye. Hûn li vir guhertoya bi vî zimanî dixwînin:
outdated-notice = Metna orîjînal a vê rûpelê piştî amadekirina vê guhertoyê hatiye guhertin. Dibe ku ev guhertoy êdî ne rojane be.
outdated-link = Metna orîjînal a rojane bixwînin:
unreviewed-notice =
    { $method ->
        [machine] Ev werger bi makîneyê hatiye çêkirin û hêj ji aliyê kesên ku zimanê wan ê dayikê kurmancî ye ve nehatiye kontrolkirin.
       *[human] Ev werger hêj ji aliyê kesên ku zimanê wan ê dayikê kurmancî ye ve nehatiye kontrolkirin.
    }
# On a plain-language version (Leichte Sprache, Easy Read), which is a
# rewrite for a target group rather than a translation.
unreviewed-rewrite-notice =
    { $method ->
        [machine] Bernameyeke kompîterê ev nivîs nivîsandiye. Kesên ji koma armanc hê ew kontrol nekirine.
       *[human] Kesên ji koma armanc hê ev nivîs kontrol nekirine.
    }
unreviewed-plain-notice =
    { $method ->
        [machine] Bernameyeke kompîterê ev nivîs nivîsandiye. Kesên ji koma armanc hê ew kontrol nekirine.
       *[human] Kesên ji koma armanc hê ev nivîs kontrol nekirine.
    }
unreviewed-link = Metna orîjînal bixwînin:
variant-easy = Zimanê hêsan
    .link = Ev rûpel bi zimanê hêsan
variant-plain = Zimanê sade
    .link = Ev rûpel bi zimanê sade
variant-original = Ev rûpel bi zimanê standard
variant-original-easy = Ev rûpel bi zimanê standard

chooser-title = Zimanekî hilbijêrin
chooser-prompt = Bi kurmancî bixwînin
not-found-title = Rûpel nehat dîtin
not-found-text = Ev rûpel tune ye.
not-found-home = Herin rûpela destpêkê ya bi kurmancî

glossary-intro-easy = Li vir em peyvên dijwar rave dikin.
glossary-term-link = Ravekirina { $term }

statement-scope = Ev daxuyanî ji bo malpera «{ $site }» derbasdar e.
statement-commitment = { $organisation } hewl dide ku vê malperê bêasteng bike.
statement-status-heading = Rewşa lihevhatinê bi pêdiviyan re
statement-status =
    { $status ->
        [full] Ev malper bi tevahî li gorî { $standard } ye.
        [partial] Ev malper bi qismî li gorî { $standard } ye. Îstisna li jêr hatine rêzkirin.
       *[none] Ev malper ne li gorî { $standard } ye.
    }
statement-status-missing = Rewşa lihevhatinê hêj nehatiye nirxandin.
statement-non-accessible-heading = Naveroka ne bêasteng
statement-non-accessible-none = Tu naverokeke ne bêasteng nayê zanîn.
statement-non-accessible-pending = Kîjan naverok ne bêasteng e, dê di nirxandinê de were diyarkirin. Nirxandin hêj nehatiye kirin.
statement-reason = Sedem
statement-alternative = Alternatîf
statement-preparation-heading = Amadekirina vê daxuyaniyê
statement-prepared = Ev daxuyanî di { $date } de hat amadekirin.
statement-reviewed = Cara dawî di { $date } de hat kontrolkirin.
statement-dates-missing = Dîroka amadekirinê dê paşê were zêdekirin.
statement-method =
    { $method ->
        [self-assessment] Nirxandin li ser bingeha xwenirxandinê ye.
        [third-party] Nirxandin li ser bingeha kontroleke aliyê sêyem e.
       *[other] Awayê nirxandinê dê paşê were zêdekirin.
    }
statement-tests-lint = Her carê ku malper tê çêkirin, çêkerê malperê her rûpelî bi qaîdeyên xwe kontrol dike (hejmara qaîdeyan: { $rules }; pîvanên serkeftinê yên WCAG: { $criteria }).
statement-tests-passed = Malperê ev testên otomatîk derbas kirine:
statement-tests-axe = qaîdeyên WCAG 2.0, 2.1 û 2.2 yên astên A û AA û kontrolên din di gerokê de (pîvanên serkeftinê yên WCAG: { $criteria }); hemû rûpel (hejmara rûpelên kontrolkirî: { $pages })
statement-tests-html = HTML-a derbasdar; hemû rûpel (hejmara rûpelên kontrolkirî: { $pages })
statement-tests-matrix = Mîhengên bikarhêner ên guhertî û bikaranîna bi klavyeyê (pîvanên serkeftinê yên WCAG: { $criteria }); ji her cureyî rûpelek (hejmara rûpelên kontrolkirî: { $pages })
statement-tests-limits = Testên otomatîk tenê hinek ji astengiyan dibînin. Ew cihê nirxandina vê malperê nagirin.
statement-feedback-heading = Nêrîn û têkilî
statement-feedback = We di gihîştina bêasteng a naveroka vê malperê de kêmasî dîtine? Wê demê ji me re binivîsin:
statement-feedback-missing = Navnîşana têkiliyê ji bo nêrînên derbarê bêastengiyê de dê paşê were zêdekirin.
statement-enforcement-heading = Prosedûra navbeynkariyê
statement-enforcement = Heke hûn ji bo nêrîna xwe bersiveke têrker negirin, hûn dikarin serî li saziya navbeynkariyê an li saziya bicîhanînê bidin:
statement-enforcement-missing = Agahiyên derbarê saziya berpirsiyar a navbeynkariyê an bicîhanînê de dê paşê werin zêdekirin.
statement-sign-language-missing = Vîdyoyek bi Zimanê Îşaretan ê Almanî dê paşê were zêdekirin.
statement-review-overdue = Ev daxuyanî ji salekê zêdetir e ku nehatiye kontrolkirin û dibe ku êdî ne rojane be.

# Search ([search] in site.toml).
search-landmark = Li vê malperê bigere
search-input-label = Peyva lêgerînê
search-submit = Bigere
search-title = Lêgerîn
search-variant-label = Guherto
search-variant-all = Hemû guherto
search-count = Encam: { $count }
search-empty = Ji kerema xwe peyvek ji bo lêgerînê binivîse.
search-searching = Lêgerîn didome …
search-unavailable = Lêgerîn li vir tune ye. Pêrista lêgerînê dema ku malper tê avakirin çêdibe; di pêşdîtinê de tune ye. Li jêr hemû rûpelên bi Kurmancî hene.
search-results-heading = Encam
search-more = Encamên din nîşan bide
search-index-heading = Hemû rûpelên bi Kurmancî
search-index-note = Ev lîste her rûpelê vê malperê yê bi Kurmancî nîşan dide.

# The link from each page of the site's document ([pdf]) to its PDF, and
# the file's size in kilobytes.
pdf-link = Tevahiya belgeyê wekî PDF
pdf-size = PDF, { $kilobytes } KB

# The text of the share image, for readers who cannot see it (og:image:alt).
share-image-alt = Nivîsa “{ $text }”
# Printed pages only: the text's language and date follow each label.
print-language = Ziman:
print-date = Dîrok:
