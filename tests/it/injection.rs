//! Nothing from content escapes its place (issue #8): injection strings in
//! every field that reaches the output come out escaped in HTML text,
//! attributes, URLs, the sitemap and the Atom feeds; bidi controls in them
//! cannot re-order the page text around them; and with `raw_html = false`
//! a language's raw HTML is shown as text.

use crate::harness::{SiteTest, walk};

/// Strings that would run code or break out of their context if they
/// reached the output unescaped.
const PAYLOADS: [&str; 7] = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "</title><script>alert(3)</script>",
    "</script><script>alert(4)</script>",
    "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>&e;",
    "javascript:alert(5)",
    // Stray closers (would end the page's own isolate), an override and an
    // isolate left open (would reverse or isolate the rest of the line).
    "\u{2069}\u{202c}\u{202e}gnp.exe\u{2067}",
];

/// What must never appear in any output file.
const FORBIDDEN: [&str; 9] = [
    "<script>alert(",
    "<img src=x onerror",
    "</title><script>",
    "<!DOCTYPE x [",
    "<!ENTITY",
    "href=\"javascript:",
    "src=\"javascript:",
    "href=\"\u{202e}",
    "&e;",
];

fn all(separator: &str) -> String {
    PAYLOADS.join(separator)
}

/// Every output file, with the forbidden strings it contains.
fn leaks(site: &SiteTest) -> Vec<String> {
    let mut found = Vec::new();
    let public = site.path().join("public");
    for path in walk(&public) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let lower = text.to_lowercase();
        for bad in FORBIDDEN {
            if lower.contains(&bad.to_lowercase()) {
                found.push(format!(
                    "{}: {bad}",
                    path.strip_prefix(&public).unwrap_or(&path).display()
                ));
            }
        }
        for piece in text.split(['<', '>', '"']) {
            if let Some(problem) = bidi_leak(piece) {
                found.push(format!(
                    "{}: {problem} in {piece:?}",
                    path.strip_prefix(&public).unwrap_or(&path).display()
                ));
            }
        }
        if path.extension().is_some_and(|e| e == "xml") {
            assert!(
                !text.contains("<script"),
                "{} has an unescaped tag",
                path.display()
            );
        }
    }
    found
}

/// Whether a run of text or an attribute value (the theme has no bidi
/// controls of its own, so every one comes from a value) leaves an
/// embedding, override or isolate open, or closes one it did not open —
/// either re-orders the text around it (Unicode UAX #9).
fn bidi_leak(piece: &str) -> Option<&'static str> {
    let mut open = Vec::new();
    for c in piece.chars() {
        match c {
            '\u{202a}'..='\u{202b}' | '\u{202d}'..='\u{202e}' => open.push('e'),
            '\u{2066}'..='\u{2068}' => open.push('i'),
            '\u{202c}' if open.pop_if(|o| *o == 'e').is_none() => {
                return Some("a PDF without its embedding");
            }
            '\u{2069}' => match open.iter().rposition(|o| *o == 'i') {
                Some(i) => open.truncate(i),
                None => return Some("a PDI without its isolate"),
            },
            _ => {}
        }
    }
    (!open.is_empty()).then_some("an embedding or isolate left open")
}

#[test]
fn injection_strings_in_every_field_come_out_escaped() {
    let p = all(" ");
    let toml_p = p.replace('\\', "\\\\").replace('"', "\\\"");
    let site_toml =
        std::fs::read_to_string(crate::harness::fixtures().join("hardening/base/site.toml"))
            .expect("base site.toml")
            // Bodies from outside: raw HTML off, so the Markdown payloads count too.
            .replace(
                "name = \"English\"",
                &format!("name = \"English {toml_p}\"\nraw_html = false"),
            )
            .replace("name = \"Deutsch\"", "name = \"Deutsch\"\nraw_html = false")
            .replace(
                "organisation = \"Beispielstadt\"",
                &format!("organisation = \"Stadt {toml_p}\""),
            )
            .replace(
                "conformance = \"partially\"",
                &format!("conformance = \"{toml_p}\""),
            );
    let page = |title: &str, slug: bool| {
        let slug = if slug {
            format!("slug = \"{toml_p}\"\n")
        } else {
            String::new()
        };
        format!(
            "+++\ntitle = \"{title} {toml_p}\"\ndescription = \"{toml_p}\"\n{slug}date = 2026-11-24\n+++\n\n## {p}\n\nText {p}.\n"
        )
    };
    let site = SiteTest::fixture("hardening/base")
        .write("site.toml", &site_toml)
        .write("locales/de/site.ftl", &format!("site-title = Stadt {p}\nabout-count = {{ $count ->\n    [one] eine\n   *[other] {{ $count }}\n}}\n"))
        .write("locales/en/site.ftl", &format!("site-title = City {p}\nabout-count = {{ $count ->\n    [one] one\n   *[other] {{ $count }}\n}}\n"))
        .write(
            "glossary/de.toml",
            &format!("[[term]]\nid = \"x\"\nterm = \"Wort {toml_p}\"\nexplanation = \"Erklärung {toml_p}\"\neasy = \"{toml_p}\"\n"),
        )
        .write("content/news/_index.md", &format!("+++\ntitle = \"Neues {toml_p}\"\n+++\n"))
        .write("content/news/2026-11-24-a.md", &page("Meldung", true))
        .write("content/news/2026-11-24-a.en.md", &page("News", true))
        .write("content/<script>alert(6)<\\script> x.md", &page("Datei", false))
        .write("content/bidi\u{202e}fdp\u{2066}exe.md", &page("Bidi", false))
        .write("content/\"><img src=x onerror=alert(7)>/_index.md", &page("Ordner", false))
        .write("content/glossar.md", "+++\ntitle = \"Glossar\"\ntemplate = \"glossary.html\"\n+++\n")
        .write("content/erklaerung.md", "+++\ntitle = \"Erklärung\"\ntemplate = \"accessibility.html\"\n+++\n");
    let run = site.build();
    assert_eq!(run.code, 0, "the build must succeed:\n{}", run.stderr);
    let found = leaks(&site);
    let files = walk(&site.path().join("public")).len();
    eprintln!(
        "injection catalog: {} payloads × 14 fields, {files} output files, {} unescaped occurrences",
        PAYLOADS.len(),
        found.len()
    );
    assert!(
        found.is_empty(),
        "unescaped in the output:\n{}",
        found.join("\n")
    );
    // The payloads did reach the output, escaped (the test is not vacuous).
    let start = site.file("public/de/news/index.html");
    assert!(start.contains("&lt;script&gt;alert(1)&lt;"), "{start}");
    assert!(site.file("public/sitemap.xml").contains("<loc>"));
}

#[test]
fn raw_html_off_for_a_language_is_shown_as_text_and_reported() {
    let site_toml =
        std::fs::read_to_string(crate::harness::fixtures().join("hardening/base/site.toml"))
            .expect("base site.toml")
            .replace(
                "fallback = [\"de\"]",
                "fallback = [\"de\"]\nraw_html = false",
            );
    let site = SiteTest::fixture("hardening/base")
        .write("site.toml", &site_toml)
        .write("content/about.md", "+++\ntitle = \"Über uns\"\n+++\n\n## Ziele\n\n<div class=\"trusted\">Vertraut</div>\n")
        .write(
            "content/about.en.md",
            "+++\ntitle = \"About us\"\n+++\n\n## Goals\n\nSee <script>alert(1)</script> and [this](javascript:alert(2)).\n",
        );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stderr = run.stderr_in(&site);
    assert!(
        stderr.contains("warning[markdown/raw-html]: raw HTML is turned off for this language and is shown as text\n  --> content/about.en.md:7:5\n"),
        "{stderr}"
    );
    assert!(stderr.contains("warning[markdown/script-url]"), "{stderr}");
    let en = site.file("public/en/about/index.html");
    assert!(
        en.contains("See &lt;script&gt;alert(1)&lt;/script&gt; and <a href=\"#\">this</a>"),
        "{en}"
    );
    // German keeps raw HTML (trusted authors, the default).
    let de = site.file("public/de/about/index.html");
    assert!(de.contains("<div class=\"trusted\">Vertraut</div>"), "{de}");
}

#[test]
fn script_links_point_nowhere_unless_a_language_opts_in() {
    let page = "+++\ntitle = \"Über uns\"\n+++\n\n## Ziele\n\n[Los](javascript:start())\n";
    let site = SiteTest::fixture("hardening/base")
        .write("content/about.md", page)
        .write("content/about.en.md", page);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stderr = run.stderr_in(&site);
    for file in ["content/about.md", "content/about.en.md"] {
        assert!(
            stderr.contains(&format!("warning[markdown/script-url]: the link to `javascript:start()` would run code in the reader's browser; it was made to point nowhere\n  --> {file}:7:1\n")),
            "{stderr}"
        );
        let lang = if file.contains(".en.") { "en" } else { "de" };
        let html = site.file(&format!("public/{lang}/about/index.html"));
        assert!(html.contains("<a href=\"#\">Los</a>"), "{html}");
    }

    // A trusted language opts in and keeps the link as written.
    let site_toml =
        std::fs::read_to_string(crate::harness::fixtures().join("hardening/base/site.toml"))
            .expect("base site.toml")
            .replace(
                "name = \"Deutsch\"",
                "name = \"Deutsch\"\nunsafe_links = true",
            );
    let site = site.write("site.toml", &site_toml);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let stderr = run.stderr_in(&site);
    assert!(!stderr.contains("content/about.md:7"), "{stderr}");
    assert!(stderr.contains("content/about.en.md:7:1"), "{stderr}");
    let de = site.file("public/de/about/index.html");
    assert!(
        de.contains("<a href=\"javascript:start()\">Los</a>"),
        "{de}"
    );
}
