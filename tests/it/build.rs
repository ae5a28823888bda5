//! Building the multilingual fixture site: URLs, translations, fallbacks,
//! variants, alternates, sitemap, determinism and the atomic output swap.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::harness::{SiteTest, walk};
use crate::html::{attr, fragment, select};

fn basic() -> SiteTest {
    SiteTest::fixture("i18n/basic").build_ok()
}

#[test]
fn builds_without_warnings_and_prints_a_summary() {
    let site = SiteTest::fixture("i18n/basic");
    let run = site.build();
    assert_eq!(run.code, 0);
    let stderr = run.stderr_in(&site);
    let summary = stderr.lines().last().unwrap_or_default();
    assert!(
        summary.starts_with("vielfalt: built 20 pages (de 8, ar 6, en 6) with 0 warning(s) in "),
        "unexpected output:\n{stderr}"
    );
    assert!(summary.ends_with(" s → [SITE]/public"), "{summary}");
    assert_eq!(
        stderr.lines().count(),
        1,
        "no diagnostics expected:\n{stderr}"
    );
}

#[test]
fn urls_follow_language_slug_section_and_variant() {
    let site = basic();
    for path in [
        "public/index.html",
        "public/404.html",
        "public/de/index.html",
        "public/de/about/index.html",
        "public/en/about-us/index.html",
        "public/ar/about/index.html",
        "public/de/leichte-sprache/about/index.html",
        "public/de/news/online/index.html",
        "public/de/news/archive/old/index.html",
        "public/en/news/archive/old/index.html",
        "public/sitemap.xml",
        "public/robots.txt",
        "public/de/news/atom.xml",
        "public/vielfalt.css",
    ] {
        assert!(site.exists(path), "{path} missing");
    }
    assert!(
        !site.exists("public/en/easy-read/about/index.html"),
        "no English easy page was written"
    );
}

#[test]
fn every_page_has_lang_dir_title_and_one_canonical() {
    let site = basic();
    let ar = site.file("public/ar/about/index.html");
    assert!(
        ar.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        &ar[..80]
    );
    let de = site.file("public/de/about/index.html");
    assert!(de.contains("<title>Über uns – Beispielstadt</title>"));
    assert_eq!(select(&de, "link[rel=canonical]").len(), 1);
    assert_eq!(
        attr(&select(&de, "link[rel=canonical]")[0], "href"),
        "https://example.org/site/de/about/"
    );
}

#[test]
fn language_switcher_uses_endonyms_lang_and_aria_current() {
    let site = basic();
    let html = site.file("public/en/about-us/index.html");
    let links = select(&html, "nav.languages a");
    let seen: Vec<(String, String, String, bool)> = links
        .iter()
        .map(|a| {
            (
                attr(a, "href").into(),
                attr(a, "lang").into(),
                attr(a, "hreflang").into(),
                a.contains_key("aria-current"),
            )
        })
        .collect();
    assert_eq!(
        seen,
        vec![
            ("/site/de/about/".into(), "de".into(), "de".into(), false),
            ("/site/ar/about/".into(), "ar".into(), "ar".into(), false),
            ("/site/en/about-us/".into(), "en".into(), "en".into(), true),
        ]
    );
    assert!(
        html.contains(">العربية</a>"),
        "Arabic endonym in the switcher"
    );
}

#[test]
fn internal_links_resolve_per_language_with_anchors_and_unique_ids() {
    let site = basic();
    let de = site.file("public/de/about/index.html");
    assert!(
        de.contains(r#"<a href="/site/de/news/online/#start">ersten Beitrag</a>"#),
        "{}",
        fragment(&de, "main")
    );
    assert!(de.contains(r#"<h2 id="wer-wir-sind">Wer wir sind</h2>"#));
    assert!(de.contains(r#"<h2 id="wer-wir-sind-1">Wer wir sind</h2>"#));
    let en = site.file("public/en/about-us/index.html");
    assert!(en.contains(r#"<a href="/site/en/news/online/#start">first post</a>"#));
    // The Arabic home links to the Arabic about page.
    let ar = site.file("public/ar/index.html");
    assert!(ar.contains(r#"<a href="/site/ar/about/">صفحة التعريف</a>"#));
}

#[test]
fn missing_translation_becomes_a_marked_fallback_page() {
    let site = basic();
    let html = site.file("public/ar/news/online/index.html");
    assert!(html.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">"),
        "interface in Arabic"
    );
    assert_eq!(
        select(&html, "div.content[lang=en][dir=ltr]").len(),
        1,
        "text marked with its own language"
    );
    assert_eq!(select(&html, ".notice-fallback").len(), 1);
    assert!(
        select(&html, "link[rel=alternate][hreflang]").is_empty(),
        "a fallback has no alternates"
    );
    // It is not an alternate of the real pages either.
    let en = site.file("public/en/news/online/index.html");
    let hreflangs: Vec<String> = select(&en, "link[rel=alternate][hreflang]")
        .iter()
        .map(|a| attr(a, "hreflang").to_string())
        .collect();
    assert_eq!(hreflangs, ["de", "en", "x-default"]);
    // Dates in the reader's language, marked as such inside the English text.
    assert!(
        html.contains(r#"<p class="meta" lang="ar" dir="rtl">"#),
        "{}",
        fragment(&html, "main")
    );
}

#[test]
fn variant_is_linked_both_ways_and_set_as_easy_language() {
    let site = basic();
    let easy = site.file("public/de/leichte-sprache/about/index.html");
    assert!(
        easy.starts_with("<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\">"),
        "a variant keeps its language"
    );
    assert_eq!(select(&easy, "body.easy").len(), 1);
    assert!(
        easy.contains("Wir sind ein Beispiel.<br />\nDas ist der 2. Satz."),
        "one sentence per line:\n{}",
        fragment(&easy, "main")
    );
    let back = select(&easy, ".variant-links a");
    assert_eq!(attr(&back[0], "href"), "/site/de/about/");
    let standard = site.file("public/de/about/index.html");
    let to_easy = select(&standard, ".variant-links a");
    assert_eq!(to_easy.len(), 1);
    assert_eq!(attr(&to_easy[0], "href"), "/site/de/leichte-sprache/about/");
    assert!(standard.contains(">Diese Seite in Leichter Sprache</a>"));
    // Not an hreflang alternate of the standard pages.
    assert!(
        !standard.contains("leichte-sprache\"><")
            && select(&standard, "link[rel=alternate][hreflang]")
                .iter()
                .all(|a| !attr(a, "href").contains("leichte-sprache"))
    );
}

#[test]
fn dates_and_plurals_follow_each_language() {
    let site = basic();
    let de = site.file("public/de/news/index.html");
    assert!(
        de.contains(r#"<time datetime="2026-11-24">24. November 2026</time>"#),
        "{}",
        fragment(&de, "main")
    );
    assert!(
        de.replace(['\u{2068}', '\u{2069}'], "")
            .contains("1 Beitrag"),
        "{}",
        fragment(&de, "main")
    );
    let en = site.file("public/en/news/index.html");
    assert!(en.contains(r#"<time datetime="2026-11-24">November 24, 2026</time>"#));
    assert!(en.replace(['\u{2068}', '\u{2069}'], "").contains("1 entry"));
}

#[test]
fn chooser_lists_every_language_by_its_own_name_without_redirect() {
    let site = basic();
    let html = site.file("public/index.html");
    assert!(!html.contains("http-equiv=\"refresh\""));
    let links: Vec<(String, String)> = select(&html, ".choices > li > a")
        .iter()
        .map(|a| (attr(a, "href").into(), attr(a, "hreflang").into()))
        .collect();
    assert_eq!(
        links,
        [
            ("/site/de/".into(), "de".into()),
            ("/site/ar/".into(), "ar".into()),
            ("/site/en/".into(), "en".into())
        ]
    );
    let items: Vec<(String, String)> = select(&html, ".choices > li")
        .iter()
        .map(|li| (attr(li, "lang").into(), attr(li, "dir").into()))
        .collect();
    assert_eq!(items[1], ("ar".into(), "rtl".into()));
    let variants = select(&html, ".choices > li > ul a");
    assert_eq!(
        variants.len(),
        1,
        "the German easy home is listed on the chooser"
    );
    assert_eq!(attr(&variants[0], "href"), "/site/de/leichte-sprache/");
}

/// A built page as the invariants see it: its `lang`, its hreflang
/// alternates, and whether it is `noindex`.
type PageFacts = (String, Vec<(String, String)>, bool);

/// Site-wide invariants of a built site (used for fixtures and the shipped site).
pub fn check_invariants(public: &Path, base: &str) {
    let mut pages: BTreeMap<String, PageFacts> = BTreeMap::new();
    for path in walk(public) {
        if path.file_name().is_none_or(|n| n != "index.html") {
            continue;
        }
        let html = std::fs::read_to_string(&path).expect("read");
        let rel = path
            .strip_prefix(public)
            .expect("under public")
            .to_string_lossy()
            .replace("index.html", "");
        let url = format!("{base}/{rel}");
        let canonical = select(&html, "link[rel=canonical]");
        assert_eq!(canonical.len(), 1, "{url}: exactly one canonical");
        let html_el = select(&html, "html");
        let lang = attr(&html_el[0], "lang");
        assert!(
            lang.parse::<unic_langid::LanguageIdentifier>().is_ok(),
            "{url}: lang `{lang}` is not BCP 47"
        );
        for el in select(&html, "[lang]") {
            let l = attr(&el, "lang");
            assert!(
                l.parse::<unic_langid::LanguageIdentifier>().is_ok(),
                "{url}: lang `{l}` is not BCP 47"
            );
        }
        let dir = attr(&html_el[0], "dir");
        let expected = if matches!(lang, "ar" | "fa" | "ckb" | "he" | "ur" | "ps" | "prs") {
            "rtl"
        } else {
            "ltr"
        };
        assert_eq!(dir, expected, "{url}: dir for {lang}");
        let alternates = select(&html, "link[rel=alternate][hreflang]")
            .iter()
            .map(|a| (attr(a, "hreflang").to_string(), attr(a, "href").to_string()))
            .collect();
        let noindex = !select(&html, "meta[name=robots][content=noindex]").is_empty();
        pages.insert(url, (lang.to_string(), alternates, noindex));
    }
    assert!(!pages.is_empty());
    // hreflang alternates are reciprocal and point to pages of that language.
    for (url, (_, alternates, _)) in &pages {
        for (hreflang, href) in alternates {
            let (target_lang, back, noindex) = pages
                .get(href)
                .unwrap_or_else(|| panic!("{url}: alternate {href} does not exist"));
            assert!(!noindex, "{url}: alternate {href} is a noindex page");
            if hreflang != "x-default" {
                assert_eq!(
                    target_lang, hreflang,
                    "{url}: alternate {href} has lang {target_lang}"
                );
            }
            assert!(
                back.iter().any(|(_, h)| h == url),
                "{url} lists {href} ({hreflang}) but not the other way round"
            );
        }
    }
    // The sitemap is well-formed and lists exactly the indexable pages.
    let xml = std::fs::read_to_string(public.join("sitemap.xml")).expect("sitemap.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    let mut locs = BTreeSet::new();
    let mut in_loc = false;
    loop {
        match reader.read_event().expect("sitemap.xml is well-formed XML") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "loc" => in_loc = true,
            quick_xml::events::Event::Text(t) if in_loc => {
                // A URI in the sitemap; the page's canonical IRI decoded.
                let loc = t.xml10_content().into_owned();
                assert!(loc.is_ascii(), "sitemap loc {loc} is not percent-encoded");
                let iri = percent_encoding::percent_decode_str(&loc)
                    .decode_utf8()
                    .expect("UTF-8");
                locs.insert(iri.into_owned());
                in_loc = false;
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    let indexable: BTreeSet<String> = pages
        .iter()
        .filter(|(_, (_, _, noindex))| !noindex)
        .map(|(u, _)| u.clone())
        .collect();
    assert_eq!(
        locs, indexable,
        "sitemap lists every indexable page and nothing else"
    );
}

#[test]
fn site_wide_invariants_hold() {
    let site = basic();
    check_invariants(&site.path().join("public"), "https://example.org/site");
    let sitemap = site.file("public/sitemap.xml");
    assert!(sitemap.contains(r#"<xhtml:link rel="alternate" hreflang="en" href="https://example.org/site/en/about-us/"/>"#));
}

#[test]
fn atom_feed_is_well_formed_with_stable_ids() {
    let site = basic();
    let xml = site.file("public/en/news/atom.xml");
    let mut reader = quick_xml::Reader::from_str(&xml);
    loop {
        if matches!(
            reader.read_event().expect("well-formed"),
            quick_xml::events::Event::Eof
        ) {
            break;
        }
    }
    assert!(xml.contains(r#"<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">"#));
    assert!(xml.contains("<id>https://example.org/site/en/news/online/</id>"));
    let html = site.file("public/en/index.html");
    assert_eq!(
        select(&html, "link[rel=alternate][type='application/atom+xml']").len(),
        1
    );
}

#[test]
fn two_builds_are_byte_identical() {
    let site = basic();
    let first = site.tree("public");
    let site = site.build_ok();
    let second = site.tree("public");
    assert_eq!(first.len(), second.len());
    for ((a, ab), (b, bb)) in first.iter().zip(&second) {
        assert_eq!(a, b);
        assert!(ab == bb, "{a} differs between two builds");
    }
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let site = basic();
    let before = site.tree("public");
    let site = site.write(
        "content/broken.md",
        "+++\ntitle = \"kaputt\"\nunknown = 1\n+++\n",
    );
    assert_eq!(site.build().code, 1);
    assert_eq!(
        site.tree("public"),
        before,
        "output changed after a failed build"
    );
    let leftovers: Vec<_> = std::fs::read_dir(site.path())
        .expect("ls")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("vielfalt-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left behind: {leftovers:?}"
    );
}

#[test]
fn removed_pages_do_not_survive_in_the_output() {
    let site = basic().remove("content/about.easy.md").build_ok();
    assert!(
        !site.exists("public/de/leichte-sprache/about/index.html"),
        "stale page from the previous build"
    );
}

#[test]
fn a_build_into_the_spare_equals_a_fresh_build() {
    // The second build keeps the first output as the spare; the third
    // writes into it, after a page was removed and another changed.
    let site = basic().build_ok();
    assert!(site.exists(".public.vielfalt-spare/de/leichte-sprache/about/index.html"));
    let site = site
        .remove("content/about.easy.md")
        .write(
            "content/about.md",
            "+++\ntitle = \"Über uns\"\nweight = 1\n+++\n\n## Wer wir sind\n\nEin neuer Text über uns.\n",
        )
        .build_ok();
    assert!(!site.exists("public/de/leichte-sprache/about/index.html"));
    assert!(
        site.file("public/de/about/index.html")
            .contains("Ein neuer Text")
    );
    let fresh_dir = site.path().join("fresh");
    let fresh_arg = fresh_dir.to_str().expect("UTF-8 temp path");
    let fresh = site.run(&["build", "--output", fresh_arg]);
    assert_eq!(fresh.code, 0, "{}", fresh.stderr);
    assert!(
        site.tree("public") == site.tree("fresh"),
        "the output written into the spare differs from a fresh build"
    );
}

#[test]
fn snapshot_of_a_translated_page() {
    let site = basic();
    insta::assert_snapshot!(
        "en_about_main",
        fragment(&site.file("public/en/about-us/index.html"), "main")
    );
}

#[test]
fn snapshot_of_a_fallback_page() {
    let site = basic();
    insta::assert_snapshot!(
        "ar_news_online_main",
        fragment(&site.file("public/ar/news/online/index.html"), "main")
    );
}

#[test]
fn snapshot_of_an_easy_page_header() {
    let site = basic();
    insta::assert_snapshot!(
        "de_easy_about_header",
        fragment(
            &site.file("public/de/leichte-sprache/about/index.html"),
            "header"
        )
    );
}

#[test]
fn language_names_in_notices_stand_after_a_colon_in_their_own_language() {
    let site = basic();
    let html = site.file("public/ar/news/online/index.html");
    // The Latin endonym after the Arabic notice is marked as English, left
    // to right, outside the sentence ("… in this language: English").
    assert!(
        html.contains("<span lang=\"en\" dir=\"ltr\">English</span>"),
        "{}",
        fragment(&html, "main")
    );
    assert!(!html.contains("\u{2068}English\u{2069}"));
}

#[test]
fn site_static_files_and_templates_override_the_built_in_theme() {
    let site = SiteTest::fixture("i18n/basic")
        .write("static/vielfalt.css", "body { color: black; }\n")
        .write("static/images/logo.txt", "logo")
        .write("templates/page.html", "{% extends \"base.html\" %}\n{% block content %}<h1>{{ page.title }}</h1><p class=\"custom\">{{ t(key=\"published\") }}</p>{% endblock content %}\n")
        .build_ok();
    assert_eq!(site.file("public/vielfalt.css"), "body { color: black; }\n");
    assert_eq!(site.file("public/images/logo.txt"), "logo");
    assert!(
        site.file("public/de/about/index.html")
            .contains("<p class=\"custom\">Veröffentlicht am</p>")
    );
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = SiteTest::fixture("i18n/basic")
        .write(
            "content/entwurf.md",
            "+++\ntitle = \"Entwurf\"\ndraft = true\n+++\n",
        )
        .build_ok();
    assert!(!site.exists("public/de/entwurf/index.html"));
    let run = site.run(&["build", "--drafts"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.exists("public/de/entwurf/index.html"));
}

#[test]
fn weight_orders_the_menu_and_dates_order_sections() {
    let site = SiteTest::fixture("i18n/basic")
        .write(
            "content/zuerst.md",
            "+++\ntitle = \"Zuerst\"\nweight = 0\n+++\n",
        )
        .write(
            "content/news/2026-12-01-neu.md",
            "+++\ntitle = \"Neuer\"\n+++\n",
        )
        .build_ok();
    let html = site.file("public/de/index.html");
    let menu: Vec<String> = select(&html, "nav.main-nav a")
        .iter()
        .map(|a| attr(a, "href").to_string())
        .collect();
    assert_eq!(
        menu,
        ["/site/de/zuerst/", "/site/de/about/", "/site/de/news/"]
    );
    let news = site.file("public/de/news/index.html");
    let entries: Vec<String> = select(&news, ".entries a")
        .iter()
        .map(|a| attr(a, "href").to_string())
        .collect();
    assert_eq!(
        entries,
        ["/site/de/news/neu/", "/site/de/news/online/"],
        "newest first"
    );
}

#[test]
fn each_page_marks_its_own_menu_entry_and_a_site_menu_template_is_used() {
    // The menu is rendered once per language, variant and current entry:
    // pages of one language must still each mark their own entry.
    let current = |html: &str| -> Vec<String> {
        select(html, "nav.main-nav a[aria-current=page]")
            .iter()
            .map(|a| attr(a, "href").to_string())
            .collect()
    };
    let site = basic();
    let about = site.file("public/de/about/index.html");
    let online = site.file("public/de/news/online/index.html");
    let home = site.file("public/de/index.html");
    assert_eq!(current(&about), ["/site/de/about/"]);
    assert_eq!(
        current(&online),
        ["/site/de/news/"],
        "a page marks its section"
    );
    assert!(current(&home).is_empty(), "{}", fragment(&home, "header"));
    assert_eq!(
        current(&site.file("public/en/about-us/index.html")),
        ["/site/en/about-us/"]
    );

    let site = SiteTest::fixture("i18n/basic")
        .write(
            "templates/menu.html",
            "<nav class=\"main-nav own\" aria-label=\"{{ t(key=\"main-nav-label\") }}\">{% for item in menu %}<a href=\"{{ item.url }}\">{{ item.title }}</a>{% endfor %}</nav>",
        )
        .build_ok();
    let about = site.file("public/de/about/index.html");
    assert_eq!(
        select(&about, "nav.main-nav.own a").len(),
        2,
        "{}",
        fragment(&about, "header")
    );
    assert!(
        current(&about).is_empty(),
        "the site's menu.html marks nothing"
    );
}

#[test]
fn unreviewed_notices_differ_for_translations_and_plain_language_rewrites() {
    let site = SiteTest::fixture("i18n/basic")
        .write("content/about.easy.md", "+++\ntitle = \"Über uns in Leichter Sprache\"\ntranslation = \"machine\"\nreviewed = false\n+++\n\nWir sind ein Beispiel.\n")
        .build_ok();
    let easy = site.file("public/de/leichte-sprache/about/index.html");
    let notice = fragment(&easy, "main");
    assert!(
        notice.contains("Diesen Text hat ein Computer·programm geschrieben."),
        "{notice}"
    );
    assert!(
        select(&easy, ".notice-unreviewed a").is_empty(),
        "same-language rewrite: the variant link leads back already"
    );
    let en = site.file("public/en/about-us/index.html");
    assert!(en.contains("This translation was made by machine"));
    assert_eq!(
        attr(&select(&en, ".notice-unreviewed a")[0], "href"),
        "/site/de/about/"
    );
    // A reviewed translation shows no notice.
    let ar = site.file("public/ar/about/index.html");
    assert!(select(&ar, ".notice").is_empty());
}
