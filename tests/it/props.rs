//! Property tests: the parsers never panic on any input, and what they
//! accept they locate correctly (issue #8 asks for these on stable).

use proptest::prelude::*;

use vielfalt::{config, content, frontmatter, markdown};

fn two_language_config() -> config::Config {
    let (c, d) = config::parse(
        "default_language = \"de\"\n[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\n[variants.easy]\n",
    );
    assert!(d.is_empty(), "{d:?}");
    c.expect("config")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn file_name_grammar_never_panics(name in "\\PC{0,40}") {
        let c = two_language_config();
        let _ = content::parse_file_name(&name, &c);
    }

    #[test]
    fn file_names_round_trip(stem in "[a-z0-9_-][a-z0-9_ -]{0,20}", lang in prop::option::of(prop::sample::select(vec!["de", "en"])), easy in any::<bool>()) {
        let c = two_language_config();
        let stem = stem.trim().to_string();
        prop_assume!(!stem.is_empty());
        let mut name = stem.clone();
        if let Some(l) = lang { name.push('.'); name.push_str(l); }
        if easy { name.push_str(".easy"); }
        name.push_str(".md");
        let parsed = content::parse_file_name(&name, &c).expect("valid name parses");
        prop_assert_eq!(parsed.stem, stem);
        prop_assert_eq!(parsed.lang.as_deref(), lang);
        prop_assert_eq!(parsed.variant.is_some(), easy);
    }

    #[test]
    fn front_matter_splitter_never_panics(text in "\\PC{0,200}") {
        if let Ok(split) = frontmatter::split(&text) {
            // The parts are really where the offsets say.
            prop_assert_eq!(&text[split.body_offset..], split.body);
            prop_assert_eq!(&text[split.front_offset..split.front_offset + split.front.len()], split.front);
            let _ = frontmatter::parse(&text, &split, "x.md");
        }
    }

    #[test]
    fn front_matter_errors_point_inside_the_file(key in "[a-z]{1,10}", value in "\\PC{0,20}") {
        let text = format!("+++\ntitle = \"x\"\n{key} = {value}\n+++\nbody\n");
        if let Ok(split) = frontmatter::split(&text)
            && let Err(d) = frontmatter::parse(&text, &split, "x.md")
        {
            let line = d.line.unwrap_or(0);
            prop_assert!((1..=text.lines().count()).contains(&line), "line {} outside the file", line);
        }
    }

    #[test]
    fn site_toml_parser_never_panics(text in "\\PC{0,300}") {
        let _ = config::parse(&text);
    }

    #[test]
    fn site_toml_with_random_languages_never_panics(keys in prop::collection::vec("[a-zA-Z-]{1,8}", 1..5), fallbacks in prop::collection::vec(prop::collection::vec(0usize..5, 0..3), 1..5)) {
        let mut text = format!("default_language = \"{}\"\n", keys[0]);
        for (i, k) in keys.iter().enumerate() {
            text.push_str(&format!("[languages.\"{k}\"]\nname = \"L{i}\"\n"));
            if let Some(f) = fallbacks.get(i) {
                let list: Vec<String> = f.iter().filter_map(|j| keys.get(*j)).map(|k| format!("\"{k}\"")).collect();
                text.push_str(&format!("fallback = [{}]\n", list.join(", ")));
            }
        }
        let _ = config::parse(&text);
    }

    #[test]
    fn markdown_never_panics_and_links_are_located(body in "\\PC{0,300}") {
        let r = markdown::render(&body, std::path::Path::new("content/x.md"), 4, false, &|_| markdown::LinkTarget::Unknown);
        for d in r.diagnostics {
            let line = d.line.unwrap_or(0);
            prop_assert!(line >= 4 && line <= 4 + body.lines().count(), "line {} outside the body", line);
        }
    }

    #[test]
    fn slugs_contain_no_separators(text in "\\PC{0,60}") {
        let slug = content::slugify(&text);
        prop_assert!(!slug.contains(['/', '?', '#', ' ', '.', '"', '<', '>']), "{}", slug);
        prop_assert!(!slug.starts_with('-') && !slug.ends_with('-'));
    }
}

/// Pieces of pages with something for every lint rule to find or pass.
const PIECES: &[&str] = &[
    "<h1>Titel</h1>",
    "<h2 id=\"a\">Zwei</h2>",
    "<h4></h4>",
    "<p id=\"a\">doppelt</p>",
    "<img src=\"/b.png\">",
    "<img src=\"/b.png\" alt=\"IMG_1.jpg\">",
    "<a href=\"/de/x/#y\">hier</a>",
    "<a href=\"/en/\" hreflang=\"en\" lang=\"en\">English</a>",
    "<a href=\"https://example.org\" target=\"_blank\">extern</a>",
    "<p>Das Wort مرحبا heißt Hallo und привет мир значит</p>",
    "<span lang=\"ar\">مرحبا بكم</span>",
    "<table><tr><td>x</td></tr></table>",
    "<label for=\"nirgends\">L</label>",
    "<div tabindex=\"3\">t</div>",
    "<iframe src=\"/v\"></iframe>",
    "<video src=\"/f.webm\"></video>",
    "<p>&amp; &lt;b&gt; &#x2F;</p>",
    "<code>let x = مرحبا;</code>",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The lint made for a site's languages finds on a page what a lint
    /// that looks each language up as the page names it finds.
    #[test]
    fn the_site_lint_finds_what_a_page_by_page_lint_finds(
        picks in prop::collection::vec(0..PIECES.len(), 0..12),
        lang in prop::sample::select(vec!["de", "ar", "ru", "en"]),
        title in "\\PC{0,20}",
    ) {
        let body: String = picks.iter().map(|i| PIECES[*i]).collect();
        let html = format!(
            "<!doctype html><html lang=\"{lang}\"><head><title>{}</title>\
             <meta name=\"viewport\" content=\"width=device-width\"></head><body>{body}</body></html>",
            vielfalt::render::escape_html(&title)
        );
        let (linter, _) = vielfalt::lint::Linter::new(&two_language_config());
        let page = vielfalt::lint::Page { html: &html, url: "/de/p/", file: None, map: None };
        prop_assert_eq!(linter.scan(&page), vielfalt::lint::scan(&html, "/de/p/", None));
    }
}

/// Markup inside a link that is no text: comments (`<!-->` and `<!--->`
/// are whole ones), end tags (with a quoted `>` in an attribute), void and
/// empty elements.
const NO_TEXT: &[&str] = &[
    "<!-- Wort -->",
    "<!-->",
    "<!--->",
    "<!---->",
    "</span>",
    "</b title=\">\">",
    "<br>",
    "<span></span>",
    "<b class='x>y'></b>",
    " ",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The lint reads a link's text as the HTML tokenizer does: a link has
    /// a name exactly when a word stands somewhere among markup that is no
    /// text.
    #[test]
    fn link_text_is_what_the_tokenizer_sees_as_text(
        picks in prop::collection::vec(0..NO_TEXT.len(), 0..8),
        word_at in prop::option::of(0usize..8),
    ) {
        let mut inner: Vec<&str> = picks.iter().map(|i| NO_TEXT[*i]).collect();
        if let Some(at) = word_at {
            inner.insert(at.min(inner.len()), "Wort");
        }
        let html = format!(
            "<!doctype html><html lang=\"de\"><head><title>T</title>\
             <meta name=\"viewport\" content=\"width=device-width\"></head>\
             <body><h1>x</h1><p><a href=\"/de/\">{}</a></p></body></html>",
            inner.concat()
        );
        let (_, diags) = vielfalt::lint::scan(&html, "/de/p/", None);
        let no_name = diags.iter().any(|d| d.rule == "a11y/link-no-name");
        prop_assert_eq!(no_name, word_at.is_none(), "{}: {:?}", html, diags);
    }
}
