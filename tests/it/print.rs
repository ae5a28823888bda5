//! Printing (issue 27): pages of the shipped site printed to PDF by
//! headless Chromium (tests/browser/print.mjs), their text read back with
//! `pdftotext`: no navigation, the addresses of links after their texts,
//! the text's language and date; Leichte Sprache in larger type with one
//! sentence per line; Arabic set right to left.
//!
//! Needs Chromium, Node with `npm ci` run in tests/browser, and poppler's
//! `pdftotext` — `scripts/setup-test-deps` installs them.

use std::path::Path;
use std::process::Command;

use crate::browser::{chromium, node_modules, require, run_script, serve};

const BASE: &str = "https://integration.example";
const BIDI_MARKS: [char; 9] = [
    '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}',
    '\u{2069}',
];

/// A printed page: its text (`pdftotext`) and its words with their boxes
/// (`pdftotext -bbox`: x_min, y_min, x_max, y_max in points).
struct Printed {
    text: String,
    words: Vec<(String, [f64; 4])>,
    page_width: f64,
}

impl Printed {
    fn read(pdf: &Path) -> Printed {
        let run = |args: &[&str]| {
            let out = Command::new("pdftotext")
                .args(args)
                .arg(pdf)
                .arg("-")
                .output()
                .expect("pdftotext runs");
            assert!(
                out.status.success(),
                "pdftotext failed on {}",
                pdf.display()
            );
            String::from_utf8(out.stdout).expect("UTF-8 text")
        };
        let text = run(&["-enc", "UTF-8"]);
        let bbox = run(&["-enc", "UTF-8", "-bbox"]);
        let number = |tag: &str, name: &str| -> f64 {
            tag.split(&format!("{name}=\""))
                .nth(1)
                .and_then(|r| r.split('"').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no {name} in {tag}"))
        };
        let page_width = bbox
            .split("<page ")
            .nth(1)
            .map(|p| number(p, "width"))
            .expect("a page");
        let words = bbox
            .split("<word ")
            .skip(1)
            .map(|w| {
                let (tag, rest) = w.split_once('>').expect("word tag");
                let word = rest.split("</word>").next().unwrap_or_default();
                let word = vielfalt::lint::decode_entities(word);
                let boxed = ["xMin", "yMin", "xMax", "yMax"].map(|n| number(tag, n));
                (word, boxed)
            })
            .collect();
        Printed {
            text,
            words,
            page_width,
        }
    }

    /// The text without white space and the direction marks `pdftotext`
    /// adds around right-to-left runs, where addresses broken across lines
    /// are whole again.
    fn joined(&self) -> String {
        self.text
            .split_whitespace()
            .collect::<String>()
            .replace(BIDI_MARKS, "")
    }

    /// The median height of the words, in points.
    fn type_size(&self) -> f64 {
        let mut heights: Vec<f64> = self.words.iter().map(|(_, b)| b[3] - b[1]).collect();
        heights.sort_by(f64::total_cmp);
        heights[heights.len() / 2]
    }

    /// The box of the first word that contains `word`; `-bbox` gives
    /// right-to-left words in visual order, their letters reversed.
    fn word(&self, word: &str) -> [f64; 4] {
        let reversed: String = word.chars().rev().collect();
        self.words
            .iter()
            .find(|(w, _)| w.contains(word) || w.contains(&reversed))
            .unwrap_or_else(|| panic!("no word {word} in:\n{}", self.text))
            .1
    }
}

#[test]
#[ignore = "needs Chromium, Node and pdftotext: run scripts/setup-test-deps, then cargo test -- --include-ignored"]
fn printed_pages_show_text_language_date_and_link_addresses_without_navigation() {
    let chromium = chromium();
    require("node", "--version", "Node.js");
    require("pdftotext", "-v", "pdftotext (poppler-utils)");
    node_modules();
    let temp = tempfile::tempdir().expect("temp");
    let public = temp.path().join("public");
    let output = assert_cmd::Command::cargo_bin("vielfalt")
        .expect("binary")
        .args(["build", "--base-url", BASE, "--root"])
        .arg(env!("CARGO_MANIFEST_DIR"))
        .arg("--output")
        .arg(&public)
        .output()
        .expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let port = serve(public);

    // The update has a date and links, in German, Arabic and Leichte
    // Sprache; the Leitbild has no date.
    let pages = [
        "/de/updates/konzept-online/",
        "/ar/الأخبار/المفهوم-على-الإنترنت/",
        "/de/leichte-sprache/updates/konzept-online/",
        "/de/leitbild/",
    ];
    let jobs: Vec<serde_json::Value> = pages
        .iter()
        .enumerate()
        .map(|(i, url)| {
            serde_json::json!({
                "url": format!("http://127.0.0.1:{port}{url}"),
                "pdf": temp.path().join(format!("{i}.pdf")),
            })
        })
        .collect();
    let job = temp.path().join("job.json");
    std::fs::write(
        &job,
        serde_json::json!({ "chromium": chromium, "pages": jobs }).to_string(),
    )
    .expect("write job");
    run_script("print.mjs", &job, "printing");
    let printed: Vec<Printed> = (0..pages.len())
        .map(|i| Printed::read(&temp.path().join(format!("{i}.pdf"))))
        .collect();
    let [de, ar, easy, leitbild] = &printed[..] else {
        unreachable!("four pages")
    };

    // Navigation, switchers, skip link and footer are not on paper.
    for (page, absent) in [
        (de, "Zum Inhalt springen"),
        (de, "Hauptmenü"),
        (de, "Alle Sprachen"),
        (de, "Türkçe"),
        (de, "Diese Seite in Leichter Sprache"),
        (ar, "Türkçe"),
        (ar, "Русский"),
        (easy, "Zum Inhalt springen"),
        (easy, "Diese Seite in Standard·sprache"),
        (easy, "English"),
    ] {
        assert!(
            !page.text.contains(absent),
            "printed: {absent}\n{}",
            page.text
        );
    }

    // The text's language and date; a text without a date shows none.
    assert!(
        de.text
            .contains("Sprache: Deutsch · Stand: 25. November 2026"),
        "{}",
        de.text
    );
    assert!(
        easy.text
            .contains("Sprache: Deutsch (Leichte Sprache) · Stand: 25. November 2026"),
        "{}",
        easy.text
    );
    for word in ["اللغة", "العربية", "التاريخ", "نوفمبر", "2026"] {
        ar.word(word);
    }
    assert!(
        leitbild.text.contains("Sprache: Deutsch\n"),
        "{}",
        leitbild.text
    );
    assert!(!leitbild.text.contains("Stand:"), "{}", leitbild.text);

    // Link addresses after their texts, absolute; not for the glossary's
    // words in Leichte Sprache, which would break its lines.
    assert!(
        de.joined().contains(&format!("({BASE}/de/leitbild/)")),
        "{}",
        de.text
    );
    // (pdftotext writes the brackets of a left-to-right run in right-to-left
    // text in its own order.)
    assert!(
        // The address of the Leitbild (`/ar/بيان-الرسالة/`) as its link
        // holds it, percent-encoded; the line may break after its start.
        ar.joined()
            .contains(&format!("{BASE}/ar/%D8%A8%D9%8A%D8%A7%D9%86")),
        "{}",
        ar.text
    );
    assert!(
        easy.joined()
            .contains(&format!("({BASE}/de/leichte-sprache/leitbild/)")),
        "{}",
        easy.text
    );
    assert!(!easy.joined().contains("glossar/#"), "{}", easy.text);

    // Leichte Sprache keeps its larger type and one sentence per line.
    assert!(
        easy.type_size() > de.type_size() * 1.1,
        "Leichte Sprache {} pt, standard {} pt",
        easy.type_size(),
        de.type_size()
    );
    // (The text, after the notices, which are paragraphs of the interface.)
    let text = easy
        .text
        .split_once("Veröffentlicht am")
        .expect("the date line")
        .1;
    assert!(text.lines().count() > 10, "{text}");
    // A sentence's end in mid-line: a word, ". ", a capital (not a date's
    // "25. November").
    let two_sentences = text.lines().find(|l| {
        l.match_indices(". ").any(|(at, _)| {
            l[..at].ends_with(char::is_alphabetic) && l[at + 2..].starts_with(char::is_uppercase)
        })
    });
    assert_eq!(two_sentences, None, "{}", easy.text);

    // Right to left: the Arabic site name starts at the right.
    let title = ar.word("ندعم");
    assert!(
        title[0] > ar.page_width / 2.0,
        "the Arabic title is at {title:?} of {}",
        ar.page_width
    );
    let title = de.word("fördern");
    assert!(title[2] < de.page_width / 2.0, "{title:?}");
}
