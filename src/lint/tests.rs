//! The pass on small pages: what each rule reads, and how text, languages
//! and locations are found.

use super::*;

/// The findings of `html` at `/de/`, as (rule, message).
fn findings_of(html: &str) -> (Facts, Vec<(String, String)>) {
    let (facts, diags) = scan(html, "/de/", None);
    let findings = diags.into_iter().map(|d| (d.rule, d.message)).collect();
    (facts, findings)
}

/// The findings of a German page with `body`.
fn findings_in(body: &str) -> Vec<(String, String)> {
    findings_of(&page(body)).1
}

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"de\"><head><meta name=\"viewport\" content=\"width=device-width\"><title>T</title></head><body>{body}</body></html>"
    )
}

fn has(findings: &[(String, String)], rule: &str, part: &str) -> bool {
    findings.iter().any(|(r, m)| r == rule && m.contains(part))
}

#[test]
fn finds_ids_links_and_duplicates() {
    let html = r##"<html><head><title> T </title></head><body><h2 id="a">x</h2><p id="a"></p><a href="/de/x/#b">l</a></body></html>"##;
    let (facts, findings) = findings_of(html);
    assert_eq!(facts.title, "T");
    assert!(facts.ids.contains("a"));
    assert_eq!(
        facts.links.first().map(|l| l.href.as_str()),
        Some("/de/x/#b")
    );
    let dup = findings.iter().filter(|(r, _)| r == "html/duplicate-id");
    assert_eq!(dup.count(), 1, "{findings:?}");
}

#[test]
fn entities_are_decoded_in_attributes_and_text() {
    assert_eq!(
        decode_entities("&#x2F;de&#47;x?a=1&amp;b=2&unknown;"),
        "/de/x?a=1&b=2&unknown;"
    );
    // Named references beyond the five of XML, in text and attributes.
    let f = findings_in("<h1>x</h1><h3>Gr&uuml;&szlig;e&nbsp;aus M&#xFC;nster</h3>");
    assert!(
        has(&f, "a11y/heading-skipped", "“Grüße\u{a0}aus Münster”"),
        "{f:?}"
    );
    let f = findings_in("<h1>x</h1><img src=\"a.png\" alt=\"Bild&period;\">");
    assert!(has(&f, "a11y/img-alt-generic", "“Bild.”"), "{f:?}");
    let f = findings_in("<h1>x</h1><a href=\"/x/\">hier&nbsp;</a>");
    assert!(has(&f, "a11y/link-generic-text", "“hier”"), "{f:?}");
}

#[test]
fn messages_name_elements_in_lower_case_as_written_in_any_case() {
    let f =
        findings_in("<h1>x</h1><DIV TabIndex=\"3\">a</DIV><LABEL FOR=\"nope\">b</LABEL><H2>c</H2>");
    assert!(
        has(&f, "a11y/tabindex-positive", "<div> has tabindex=\"3\""),
        "{f:?}"
    );
    assert!(has(&f, "a11y/broken-idref", "on <label>"), "{f:?}");
    assert!(!f.iter().any(|(r, _)| r == "a11y/heading-skipped"), "{f:?}");
}

#[test]
fn a_link_has_the_language_in_effect_where_it_is() {
    let html = page(
        "<h1>x</h1><a href=\"/a/\">Leitbild</a><p lang=\"tr\">Metin <a href=\"/b/\">buraya tıklayın</a></p>\
         <a href=\"/c/\">burada</a><a href=\"/d/\" lang=\"tr\">burada</a><a href=\"/e/\">burada</a>",
    );
    let (facts, findings) = findings_of(&html);
    let langs: Vec<(&str, &str)> = facts
        .links
        .iter()
        .map(|l| (l.href.as_str(), l.lang.as_str()))
        .collect();
    assert_eq!(
        langs,
        [
            ("/a/", "de"),
            ("/b/", "tr"),
            ("/c/", "de"),
            ("/d/", "tr"),
            ("/e/", "de")
        ]
    );
    // “burada” is generic in Turkish only.
    let generic: Vec<&str> = findings
        .iter()
        .filter(|(r, _)| r == "a11y/link-generic-text")
        .map(|(_, m)| m.as_str())
        .collect();
    assert_eq!(generic.len(), 2, "{generic:?}");
    assert!(generic[0].contains("(to /b/)") && generic[1].contains("(to /d/)"));
}

#[test]
fn link_and_heading_texts_are_joined_from_their_pieces() {
    let f = findings_in("<h1>x</h1><a href=\"/x/\">hi<b>er</b></a>");
    assert!(has(&f, "a11y/link-generic-text", "“hier”"), "{f:?}");
    let f = findings_in("<h1>x</h1><a href=\"/x/\"><img src=\"a.png\" alt=\"hi\">&#101;r</a>");
    assert!(has(&f, "a11y/link-generic-text", "“hier”"), "{f:?}");
    let f = findings_in("<h1>x</h1><a href=\"/x/\">hier <em>lesen</em></a>");
    assert!(!has(&f, "a11y/link-generic-text", ""), "{f:?}");
    let f = findings_in("<h1>x</h1><h3>Teil <i>zwei</i></h3>");
    assert!(has(&f, "a11y/heading-skipped", "“Teil zwei”"), "{f:?}");
}

#[test]
fn text_is_read_as_the_html_tokenizer_reads_it() {
    let f = findings_in("<h1>x</h1><a href=\"/x/\"><span>hier</span><!-- mehr --></a>");
    assert!(has(&f, "a11y/link-generic-text", "“hier”"), "{f:?}");
    let f = findings_in("<h1>x</h1><a href=\"/x/\"><!-- hier --></a>");
    assert!(has(&f, "a11y/link-no-name", "/x/"), "{f:?}");
    let f = findings_in("<h1>x</h1><a href=\"/x/\"><!-->hier</a>");
    assert!(has(&f, "a11y/link-generic-text", "“hier”"), "{f:?}");
    let f = findings_in("<h1>x</h1><h3><span>Ab</span title=\">\">cd</h3>");
    assert!(has(&f, "a11y/heading-skipped", "“Abcd”"), "{f:?}");
    let f = findings_in("<h1>x</h1><h3>1 < 2 &amp; 3</h3>");
    assert!(has(&f, "a11y/heading-skipped", "“1 < 2 & 3”"), "{f:?}");
    // An element left open ends with its parent's end tag.
    let f = findings_in("<h1>x</h1><p><a href=\"/y/\">mehr</p><p>Text</p>");
    assert!(has(&f, "a11y/link-generic-text", "“mehr”"), "{f:?}");
}

#[test]
fn raw_text_elements_hold_text_up_to_their_end_tag() {
    let f = findings_in("<h1>x</h1><script>var s = \"<b>привет мир</b>\";</script>");
    assert!(!f.iter().any(|(r, _)| r == "a11y/foreign-script"), "{f:?}");
    let f = findings_in("<h1>x</h1><p>привет мир</p>");
    assert!(has(&f, "a11y/foreign-script", "привет"), "{f:?}");
    let html =
        "<html lang=\"de\"><head><title>a <b> &amp; c</title></head><body><h1>x</h1></body></html>";
    assert_eq!(findings_of(html).0.title, "a <b> & c");
    let html = page("<h1>x</h1><svg><title>Bild <tspan>eins</tspan></title></svg><p>Text</p>");
    let (facts, findings) = findings_of(&html);
    assert_eq!(facts.title, "T");
    assert!(findings.is_empty(), "{findings:?}");
}

#[test]
fn buttons_need_a_name() {
    let f = findings_in("<h1>x</h1><button></button><button><img src=\"x.svg\" alt=\"\"></button>");
    assert_eq!(
        f.iter().filter(|(r, _)| r == "a11y/button-no-name").count(),
        2,
        "{f:?}"
    );
    for named in [
        "<button>Senden</button>",
        "<button aria-label=\"Menü\"></button>",
        "<button title=\"Suche\"><svg></svg></button>",
        "<button><img src=\"x.svg\" alt=\"Suche\"></button>",
        "<span id=\"l\">Los</span><button aria-labelledby=\"l\"></button>",
    ] {
        let f = findings_in(&format!("<h1>x</h1>{named}"));
        assert!(f.is_empty(), "{named}: {f:?}");
    }
}

#[test]
fn media_that_plays_by_itself_is_reported() {
    let f = findings_in(
        "<h1>x</h1><audio src=\"a.mp3\" autoplay></audio><video src=\"v.webm\" autoplay muted><track kind=\"captions\" src=\"c.vtt\"></video>",
    );
    assert!(has(&f, "a11y/media-autoplay", "the audio a.mp3"), "{f:?}");
    assert!(has(&f, "a11y/media-autoplay", "the video v.webm"), "{f:?}");
    assert_eq!(f.len(), 2, "{f:?}");
    let f = findings_in("<h1>x</h1><audio src=\"a.mp3\" controls></audio>");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn lang_attributes_are_language_tags() {
    let f = findings_in("<h1>x</h1><p lang=\"arabisch\">x</p><p lang=\"en_US\">y</p>");
    assert!(
        has(&f, "a11y/lang-invalid", "lang=\"arabisch\" on <p>"),
        "{f:?}"
    );
    assert!(has(&f, "a11y/lang-invalid", "lang=\"en_US\""), "{f:?}");
    let f = findings_in("<h1>x</h1><p lang=\"sr-Latn\">x</p><span lang=\"\">y</span>");
    assert!(f.is_empty(), "{f:?}");
}

#[test]
fn site_languages_and_languages_met_on_a_page_agree() {
    let config = crate::config::parse(
        "default_language = \"de\"\n[languages.de]\nname = \"Deutsch\"\n[languages.ar]\nname = \"العربية\"\n[languages.kmr]\nname = \"Kurmancî\"\n[languages.fr]\nname = \"Français\"\n",
    )
    .0
    .expect("a valid site.toml");
    let (linter, notes) = Linter::new(&config);
    // French has no word lists: one note, naming it.
    let notes: Vec<&str> = notes.iter().map(|d| d.message.as_str()).collect();
    assert_eq!(notes.len(), 1, "{notes:?}");
    assert!(notes[0].contains("`fr`"), "{notes:?}");
    let html = page(
        "<h1>x</h1><p>Das Wort مرحبا heißt Hallo</p><p lang=\"ar\">مرحبا bei uns zu Hause</p>\
         <a href=\"/x/\" lang=\"kmr\">li vir</a><p lang=\"ru\">Москва Bielefeld und noch mehr</p>",
    );
    let known = linter.scan(&Page {
        html: &html,
        url: "/de/",
        file: None,
        map: None,
    });
    let unknown = scan(&html, "/de/", None);
    assert_eq!(known, unknown);
    // Arabic in German, German in Arabic, German in Russian; “li vir”
    // (“here”) is a generic link text in Kurmanji.
    let rules: Vec<&str> = known.1.iter().map(|d| d.rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "a11y/foreign-script",
            "a11y/foreign-script",
            "a11y/foreign-script",
            "a11y/link-generic-text"
        ],
        "{:?}",
        known.1
    );
}

/// The endonym findings of a German page with `body`, on a site in
/// German, English, Turkish, Arabic and Russian.
fn endonym_findings(body: &str) -> Vec<(String, String)> {
    let config = crate::config::parse(
        "default_language = \"de\"\n[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\n[languages.tr]\nname = \"Türkçe\"\n[languages.ar]\nname = \"العربية\"\n[languages.ru]\nname = \"Русский\"\n",
    )
    .0
    .expect("a valid site.toml");
    let (linter, _) = Linter::new(&config);
    let html = page(&format!("<h1>x</h1>{body}"));
    let page = Page {
        html: &html,
        url: "/de/",
        file: None,
        map: None,
    };
    let findings = linter.scan(&page).1.into_iter();
    findings.map(|d| (d.rule, d.message)).collect()
}

#[test]
fn a_language_name_in_text_of_another_language_needs_its_lang() {
    let f = endonym_findings("<p lang=\"en\">Read the original in Deutsch.</p>");
    assert_eq!(
        f,
        [(
            "a11y/language-name-lang".to_string(),
            "“Deutsch”, the name of `de`, inside `en` text has no lang=\"de\"".to_string()
        )]
    );
    // Two names in German text: each is one finding.
    let f = endonym_findings("<p>Diese Seite gibt es auf English und Türkçe.</p>");
    assert!(has(&f, "a11y/language-name-lang", "“English”"), "{f:?}");
    assert!(has(&f, "a11y/language-name-lang", "“Türkçe”"), "{f:?}");
    assert_eq!(f.len(), 2, "{f:?}");
    // A capitalised Cyrillic word is a name to the script rule; it is this one's.
    let f = endonym_findings("<p>Diese Seite gibt es auch auf Русский.</p>");
    let rules: Vec<&str> = f.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(rules, ["a11y/language-name-lang"], "{f:?}");
}

#[test]
fn a_language_name_in_its_own_language_or_in_code_is_no_finding() {
    for body in [
        // The language in effect is the name's own.
        "<p>Diese Seite auf Deutsch.</p>",
        "<p lang=\"de-AT\">Auf Deutsch.</p>",
        // The name carries its lang, on itself or on an element around it.
        "<p lang=\"en\">Read the original in <span lang=\"de\">Deutsch</span>.</p>",
        "<p lang=\"en\">Read it in <a href=\"/de/\" lang=\"de\"><b>Deutsch</b></a>.</p>",
        // Part of a longer word.
        "<p lang=\"en\">Welcome to Deutschland, Englishman.</p>",
        // Code is no language text.
        "<p lang=\"en\">Set <code>name = \"Deutsch\"</code> in site.toml.</p>",
        "<pre lang=\"en\">Deutsch</pre>",
        // Text of no language is the page's problem (a11y/html-lang).
        "<p lang=\"\">Deutsch</p>",
    ] {
        let f = endonym_findings(body);
        assert!(f.is_empty(), "{body}: {f:?}");
    }
    // An Arabic name in German is reported once, by the script rule.
    let f = endonym_findings("<p>Diese Seite gibt es auf العربية.</p>");
    let rules: Vec<&str> = f.iter().map(|(r, _)| r.as_str()).collect();
    assert_eq!(rules, ["a11y/foreign-script"], "{f:?}");
}

fn links(hrefs: &[(&str, &str)]) -> Vec<Link> {
    hrefs
        .iter()
        .map(|(href, lang)| Link {
            href: href.to_string(),
            hreflang: None,
            lang: lang.to_string(),
        })
        .collect()
}

#[test]
fn links_into_another_language_are_found_whatever_the_case_of_the_tags() {
    let page = |url: &str, lang: &str, links: Vec<Link>| Facts {
        url: url.into(),
        title: url.into(),
        lang: lang.into(),
        links,
        ..Facts::default()
    };
    let pages = [
        page(
            "/de/",
            "de-DE",
            links(&[("/de/b/", "de-DE"), ("/en/", "de-DE"), ("/en/", "EN")]),
        ),
        page("/de/b/", "DE", Vec::new()),
        page("/en/", "en", Vec::new()),
    ];
    let diags = check_site(&pages, &HashSet::new(), "");
    let missing: Vec<&str> = diags
        .iter()
        .filter(|d| d.rule == "link/lang-missing")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(missing.len(), 1, "{diags:?}");
    assert!(missing[0].contains("/en/"), "{missing:?}");
}

#[test]
fn link_targets_are_root_relative_links_below_the_base_path() {
    let cases = [
        ("/de/x/", "", Some("/de/x/")),
        ("/de/x/#a", "", Some("/de/x/")),
        ("/de/x/?q=1#a", "", Some("/de/x/")),
        ("/style.css", "", Some("/style.css")),
        ("/sub/de/x/", "/sub", Some("/de/x/")),
        ("/de/x/", "/sub", None),
        ("/subway/", "/sub", None),
        ("https://example.org/de/x/", "", None),
        ("mailto:a@example.org", "", None),
        ("//cdn.example.org/x.css", "", None),
        ("x/", "", None),
        ("?q=1", "", None),
        ("#a", "", None),
        ("", "", None),
    ];
    for (href, base, expected) in cases {
        assert_eq!(
            link_target(href, base).as_deref(),
            expected,
            "{href} below {base:?}"
        );
    }
}

#[test]
fn broken_links_and_anchors_are_reported() {
    let a = Facts {
        url: "/de/".into(),
        title: "A".into(),
        links: [
            "/de/b/#ok",
            "/de/b/#missing",
            "/de/nope/",
            "/style.css",
            "#top",
        ]
        .into_iter()
        .map(Link::from)
        .collect(),
        ids: ["top".to_string()].into_iter().collect(),
        ..Facts::default()
    };
    let b = Facts {
        url: "/de/b/".into(),
        title: "A".into(),
        ids: ["ok".to_string()].into_iter().collect(),
        ..Facts::default()
    };
    let files: HashSet<String> = ["style.css".to_string()].into();
    let diags = check_site(&[a, b], &files, "");
    let rules: Vec<_> = diags
        .iter()
        .map(|d| (d.rule.as_str(), d.message.as_str()))
        .collect();
    assert_eq!(rules.len(), 3, "{rules:?}");
    assert_eq!(rules[0].0, "link/broken-anchor");
    assert!(rules[0].1.contains("#missing"));
    assert_eq!(rules[1].0, "link/broken");
    assert!(rules[1].1.contains("/de/nope/"));
    assert_eq!(rules[2].0, "html/duplicate-title");
}

#[test]
fn shared_titles_are_reported_in_the_order_of_their_titles() {
    let page = |url: &str, title: &str| Facts {
        url: url.into(),
        title: title.into(),
        ..Facts::default()
    };
    let pages = [
        page("/1/", "Zoo"),
        page("/2/", "Bahn"),
        page("/3/", "Zoo"),
        page("/4/", "Mitte"),
        page("/5/", "Bahn"),
        page("/6/", "Bahn"),
    ];
    let messages: Vec<String> = check_site(&pages, &HashSet::new(), "")
        .into_iter()
        .map(|d| format!("{} {}", d.url.unwrap_or_default(), d.message))
        .collect();
    assert_eq!(
        messages,
        [
            "/2/ 3 pages share the title “Bahn”: /2/, /5/, /6/",
            "/1/ 2 pages share the title “Zoo”: /1/, /3/",
        ]
    );
}

/// `[lint]` names are checked against the registry, with their place in
/// site.toml and the closest rule.
#[test]
fn unknown_rule_names_are_errors_at_their_place() {
    let text = "default_language = \"de\"\n[languages.de]\nname = \"Deutsch\"\n[lint]\nerrors = [\"link/broken\", \"a11y/img-alt-mising\"]\nallow = [\n  \"plain/negation\",\n  \"heading-skipped\",\n  \"zoom\",\n]\n";
    let config = crate::config::parse(text).0.expect("a valid site.toml");
    let found: Vec<(usize, usize, String, Option<String>)> = registry::validate(&config)
        .into_iter()
        .map(|d| {
            (
                d.line.unwrap_or(0),
                d.column.unwrap_or(0),
                d.message,
                d.hint,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                5,
                27,
                "`a11y/img-alt-mising` in [lint] is not a rule of the lint".to_string(),
                Some("did you mean `a11y/img-alt-missing`?".to_string())
            ),
            (
                8,
                4,
                "`heading-skipped` in [lint] is not a rule of the lint".to_string(),
                Some("did you mean `a11y/heading-skipped`?".to_string())
            ),
            (
                9,
                4,
                "`zoom` in [lint] is not a rule of the lint".to_string(),
                Some("see the manual's page of lint rules for every rule name".to_string())
            ),
        ]
    );
}

/// Findings in a Markdown body are placed by the body's source map: the
/// line (counted from the file's first line) and column of the Markdown
/// the element or text came from; findings in the template around it get
/// none.
#[test]
fn findings_in_the_body_get_their_markdown_line_and_column() {
    let body = "Intro.\n\n![Bild](a.png)\n\n- eins\n- zwei <a href=\"/x/\"></a>\n\n#### Tief\n\nDas Wort مرحبا heißt *Hallo* <img src=\"b.png\">.\n\n| A | B |\n|---|---|\n| 1 | <span id=\"d\">2</span><span id=\"d\"></span> |\n";
    // The body starts on line 5 of its file (after the front matter).
    let rendered = crate::markdown::render(body, Path::new("content/x.md"), 5, false, &|_| {
        crate::markdown::LinkTarget::Unknown
    });
    let html = page(&format!("<h1>Titel</h1><iframe></iframe>{}", rendered.html));
    let map = rendered.source_map.placed(&html, &rendered.html);
    assert!(map.is_some(), "the page holds the body");
    let (_, diags) = Linter::default().scan(&Page {
        html: &html,
        url: "/de/x/",
        file: Some(Path::new("content/x.md")),
        map: map.as_ref(),
    });
    let mut found: Vec<(&str, Option<usize>, Option<usize>)> = diags
        .iter()
        .map(|d| (d.rule.as_str(), d.line, d.column))
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            ("a11y/foreign-script", Some(14), Some(1)),
            ("a11y/heading-skipped", Some(12), Some(1)),
            ("a11y/iframe-title", None, None),
            ("a11y/img-alt-generic", Some(7), Some(1)),
            ("a11y/img-alt-missing", Some(14), Some(30)),
            ("a11y/link-no-name", Some(10), Some(8)),
            ("html/duplicate-id", Some(18), Some(28)),
        ]
    );
}
