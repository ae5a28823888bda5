//! Translation exchange (issue 24): `l10n export`, `import` and `tmx` on
//! the shipped site and on generated pages; errors; the files read by
//! gettext, translate-toolkit and an XLIFF 2 schema validator.

use std::path::{Path, PathBuf};

use proptest::prelude::*;
use vielfalt::l10n::{self, Format};

use crate::harness::{copy_dir, fixtures, walk};

const LANGUAGES: [&str; 11] = [
    "en", "tr", "ar", "ru", "uk", "pl", "fa", "kmr", "ro", "bg", "el",
];
const FORMATS: [(Format, &str, &str); 3] = [
    (Format::Xliff2, "xliff2", "xlf"),
    (Format::Xliff12, "xliff12", "xliff"),
    (Format::Po, "po", "po"),
];

/// A copy of the shipped site's sources in a temporary folder.
/// A copy of the shipped site's translated part: without the staff pages
/// (`content/intern/`), which are German and Leichte Sprache only and so
/// have no translation to carry back ([`shipped_whole`] keeps them).
fn shipped() -> tempfile::TempDir {
    let dir = shipped_whole();
    std::fs::remove_dir_all(dir.path().join("content/intern")).expect("staff pages");
    dir
}

fn shipped_whole() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for d in ["content", "glossary", "locales"] {
        copy_dir(&root.join(d), &dir.path().join(d));
    }
    std::fs::copy(root.join("site.toml"), dir.path().join("site.toml")).expect("copy");
    dir
}

/// A page the file leaves wholly untranslated (the staff pages, which
/// have no English version) is skipped on import, not an error: a
/// translator's file need not cover every page.
#[test]
fn a_page_the_file_leaves_untranslated_is_not_written() {
    let site = shipped_whole();
    let root = site.path();
    let po = export(root, "en", "po");
    assert!(po.contains("msgctxt \"intern/_index.md#"), "{po}");
    let before = tree(root);
    let file = root.join("en.po");
    std::fs::write(&file, &po).expect("write");
    let (code, _, err) = vielfalt(root, &["l10n", "import", &file.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("vielfalt: 0 files written"), "{err}");
    assert!(!root.join("content/intern/_index.en.md").exists());
    assert!(tree(root) == before, "a file of content/ changed");
}

fn vielfalt(root: &Path, args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("vielfalt")
        .expect("binary")
        .args(args)
        .arg("--root")
        .arg(root)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn tree(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walk(&root.join("content"))
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (p, bytes)
        })
        .collect()
}

fn read(text: &str, format: Format, file: &Path) -> l10n::Incoming {
    let read = match format {
        Format::Xliff2 => l10n::xliff2::read(text, file),
        Format::Xliff12 => l10n::xliff12::read(text, file),
        Format::Po => l10n::po::read(text, file),
    };
    read.unwrap_or_else(|d| panic!("{}", vielfalt::diag::render_text(&[d])))
}

#[test]
fn round_trip_over_the_shipped_site_is_byte_for_byte_in_every_language_and_format() {
    let site = shipped();
    let root = site.path();
    let before = tree(root);
    for lang in LANGUAGES {
        let (doc, diags) = l10n::export(root, lang, false, None).expect("export");
        assert!(
            diags.is_empty(),
            "{lang}: {}",
            vielfalt::diag::render_text(&diags)
        );
        let units: usize = doc.pages.iter().map(|p| p.units.len()).sum();
        assert!(units > 60, "{lang}: only {units} units");
        for (format, name, ext) in FORMATS {
            let file = root.join(format!("{lang}.{ext}"));
            let text = l10n::write(&doc, format);
            std::fs::write(&file, &text).expect("write");
            // What the file carries back is each translation's own text.
            let incoming = read(&text, format, &file);
            assert_eq!(incoming.trg_lang.as_deref(), Some(lang));
            assert_eq!(incoming.units.len(), units, "{lang} {name}");
            for u in &incoming.units {
                let page = doc.pages.iter().find(|p| p.source == u.page).expect("page");
                let key = u.id.rsplit_once('.').expect("key.hash").0;
                let units = if page.source.ends_with(".md") {
                    l10n::read_page(root, Path::new(&page.target), false)
                        .expect("translation")
                        .units
                } else {
                    resource_units(&root.join(&page.target))
                };
                let unit = units.iter().find(|t| t.key == key).expect("unit");
                assert_eq!(
                    u.target.as_deref(),
                    Some(unit.text.as_str()),
                    "{lang} {name} {} {}",
                    u.page,
                    u.id
                );
            }
            let (code, _, err) = vielfalt(root, &["l10n", "import", &file.to_string_lossy()]);
            assert_eq!(code, 0, "{lang} {name}: {err}");
            assert!(
                err.contains("vielfalt: 0 files written"),
                "{lang} {name}: {err}"
            );
        }
    }
    assert!(tree(root) == before, "a file of content/ changed");
}

fn resource_units(path: &Path) -> Vec<l10n::units::Unit> {
    let kind = if path.extension().is_some_and(|e| e == "ftl") {
        l10n::resources::Resource::Fluent
    } else {
        l10n::resources::Resource::Glossary
    };
    let text = std::fs::read_to_string(path).expect("read");
    l10n::resources::units(kind, &text).expect("units")
}

#[test]
fn glossary_entries_and_fluent_messages_missing_in_a_language_are_added() {
    let site = shipped();
    let root = site.path();
    let po = export(root, "pl", "po");
    assert!(
        po.contains("msgctxt \"glossary/de.toml#chancengleichheit:term."),
        "{po}"
    );
    assert!(
        po.contains("msgctxt \"locales/de/site.ftl#site-title."),
        "{po}"
    );
    let glossary = root.join("glossary/pl.toml");
    let ftl = root.join("locales/pl/site.ftl");
    let (g, f) = (
        std::fs::read_to_string(&glossary).expect("read"),
        std::fs::read_to_string(&ftl).expect("read"),
    );
    // Without the entry `chancengleichheit` and the message `site-title`.
    let start = g.find("id = \"chancengleichheit\"").expect("entry");
    let end = g[start..].find("[[term]]").map_or(g.len(), |i| start + i);
    let entry_start = g[..start].rfind("[[term]]").expect("table");
    std::fs::write(&glossary, format!("{}{}", &g[..entry_start], &g[end..])).expect("write");
    let title_line = f
        .lines()
        .find(|l| l.starts_with("site-title ="))
        .expect("message");
    std::fs::write(&ftl, f.replace(&format!("{title_line}\n"), "")).expect("write");
    let file = root.join("pl.po");
    std::fs::write(&file, &po).expect("write");
    let (code, _, err) = vielfalt(root, &["l10n", "import", &file.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    assert!(
        err.contains("wrote glossary/pl.toml") && err.contains("wrote locales/pl/site.ftl"),
        "{err}"
    );
    let keys = |p: &Path| -> Vec<String> {
        let mut k: Vec<String> = resource_units(p).into_iter().map(|u| u.key).collect();
        k.sort();
        k
    };
    let back = std::fs::read_to_string(&ftl).expect("read");
    assert!(back.ends_with(&format!("{title_line}\n")), "{back}");
    let units = resource_units(&glossary);
    let term = units
        .iter()
        .find(|u| u.key == "chancengleichheit:term")
        .expect("term back");
    let old = l10n::resources::units(l10n::resources::Resource::Glossary, &g).expect("units");
    assert_eq!(
        term.text,
        old.iter()
            .find(|u| u.key == "chancengleichheit:term")
            .expect("old")
            .text
    );
    assert_eq!(keys(&glossary).len(), old.len());
    let (code, _, err) = vielfalt(root, &["check"]);
    assert!(
        !err.contains("error[glossary") && !err.contains("error[fluent"),
        "{code} {err}"
    );
}

#[test]
fn import_writes_a_changed_unit_back_and_stamps_the_page() {
    let site = shipped();
    let root = site.path();
    let (code, out, err) = vielfalt(root, &["l10n", "export", "--lang", "en", "--format", "po"]);
    assert_eq!(code, 0, "{err}");
    let page = root.join("content/leitbild.en.md");
    let before = std::fs::read_to_string(&page).expect("read");
    // The translator's file brings back the current text; the page on disk
    // lost a paragraph's wording meanwhile.
    let sentence = "They therefore regard it as desirable";
    assert!(before.contains(sentence));
    std::fs::write(&page, before.replace(sentence, "Something else")).expect("write");
    let po = root.join("en.po");
    std::fs::write(&po, &out).expect("write");
    let (code, _, err) = vielfalt(root, &["l10n", "import", &po.to_string_lossy()]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("wrote content/leitbild.en.md"), "{err}");
    let after = std::fs::read_to_string(&page).expect("read");
    // Byte for byte, but for the stamp line import adds.
    let stamp_line = after
        .lines()
        .find(|l| l.starts_with("source_segments = "))
        .expect("stamped");
    assert_eq!(after.replace(&format!("{stamp_line}\n"), ""), before);
    let (code, out, err) = vielfalt(root, &["check", "--format", "text"]);
    assert!(code == 0 || code == 1, "{err}");
    assert!(!err.contains("leitbild.en.md:"), "{out}{err}");
}

#[test]
fn an_edit_of_one_german_paragraph_exports_exactly_that_unit_for_every_language() {
    let site = shipped();
    let root = site.path();
    // Stamp every translation unit by unit, as `vielfalt stamp` does.
    for lang in LANGUAGES {
        for path in walk(&root.join("content")) {
            let name = path
                .file_name()
                .expect("name")
                .to_string_lossy()
                .into_owned();
            let Some(stem) = name.strip_suffix(&format!(".{lang}.md")) else {
                continue;
            };
            let original = path.with_file_name(format!("{stem}.md"));
            let rel = |p: &Path| p.strip_prefix(root).expect("under root").to_path_buf();
            let text = std::fs::read_to_string(&path).expect("read");
            let stamped = l10n::stamp_segments(root, &rel(&original), &rel(&path), &text, false)
                .unwrap_or_else(|| panic!("{} does not align", path.display()));
            std::fs::write(&path, stamped).expect("write");
        }
        let (doc, _) = l10n::export(root, lang, true, None).expect("export");
        assert!(doc.pages.is_empty(), "{lang}: units out before any edit");
    }
    let german = root.join("content/grundsaetze.md");
    let text = std::fs::read_to_string(&german).expect("read");
    let old = "Als solche Ressourcen nennt das Leitbild:";
    assert!(text.contains(old));
    std::fs::write(
        &german,
        text.replace(old, "Diese Ressourcen nennt das Leitbild:"),
    )
    .expect("write");
    let new_id = {
        let page = l10n::read_page(root, Path::new("content/grundsaetze.md"), false).expect("page");
        let unit = page
            .units
            .iter()
            .find(|u| u.text.starts_with("Nach der [Vision"))
            .expect("unit");
        format!("grundsaetze.md#{}", l10n::unit_id(unit))
    };
    for lang in LANGUAGES {
        let (code, out, err) = vielfalt(
            root,
            &[
                "l10n",
                "export",
                "--lang",
                lang,
                "--changed",
                "--format",
                "po",
            ],
        );
        assert_eq!(code, 0, "{err}");
        let contexts: Vec<&str> = out.lines().filter(|l| l.starts_with("msgctxt ")).collect();
        assert_eq!(
            contexts,
            vec![format!("msgctxt \"{new_id}\"").as_str()],
            "{lang}"
        );
    }
    let (_, _, err) = vielfalt(root, &["check"]);
    assert!(
        err.contains("(1 of 23 segments changed since translation)"),
        "{err}"
    );
}

/// Imports `text` as `name` into the shipped site; returns the exit code
/// and stderr, and asserts that content/ did not change.
fn import_fails(root: &Path, name: &str, text: &str) -> (i32, String) {
    let before = tree(root);
    let file = root.join(name);
    std::fs::write(&file, text).expect("write");
    let (code, _, err) = vielfalt(root, &["l10n", "import", &file.to_string_lossy()]);
    assert!(tree(root) == before, "content/ changed: {err}");
    (code, err)
}

fn export(root: &Path, lang: &str, format: &str) -> String {
    let (code, out, err) = vielfalt(
        root,
        &["l10n", "export", "--lang", lang, "--format", format],
    );
    assert_eq!(code, 0, "{err}");
    out
}

#[test]
fn a_lost_placeholder_is_an_error_naming_the_unit_and_the_rest_imports() {
    let site = shipped();
    let root = site.path();
    let po = export(root, "en", "po");
    let link = "[Leitbild](@/leitbild.md)";
    let translated = "[mission statement](@/leitbild.md)";
    assert!(
        po.contains(translated),
        "the English page links its mission statement"
    );
    let broken = po
        .replacen(translated, "mission statement", 1)
        // A valid change on another page, which is written.
        .replace("msgstr \"Updates\"", "msgstr \"News\"");
    assert!(po.contains(link));
    let file = root.join("broken.po");
    std::fs::write(&file, &broken).expect("write");
    let (code, _, err) = vielfalt(root, &["l10n", "import", &file.to_string_lossy()]);
    assert_eq!(code, 1, "{err}");
    assert!(
        err.contains("the placeholders do not match the source: missing `[`, `](@/leitbild.md)`"),
        "{err}"
    );
    assert!(err.contains("of grundsaetze.md"), "{err}");
    assert!(err.contains("broken.po:"), "{err}");
    assert!(!err.contains("wrote content/grundsaetze.en.md"), "{err}");
    assert!(err.contains("wrote content/updates/_index.en.md"), "{err}");
    assert!(
        std::fs::read_to_string(root.join("content/updates/_index.en.md"))
            .expect("read")
            .contains("title = \"News\"")
    );
}

#[test]
fn wrong_language_unknown_unit_changed_source_and_malformed_files_are_errors() {
    let site = shipped();
    let root = site.path();
    let po = export(root, "tr", "po");
    let (code, err) = import_fails(root, "a.po", &po.replace("Language: tr", "Language: xx"));
    assert_eq!(code, 1);
    assert!(
        err.contains("a.po: the file is for the wrong language: xx is not a language of this site"),
        "{err}"
    );

    let unknown = po.replacen("msgctxt \"leitbild.md#b3.", "msgctxt \"leitbild.md#b99.", 1);
    let (code, err) = import_fails(root, "b.po", &unknown);
    assert_eq!(code, 1);
    assert!(err.contains("unit b99."), "{err}");
    assert!(err.contains("is unknown"), "{err}");

    let xlf = export(root, "tr", "xliff2");
    let german = root.join("content/leitbild.md");
    let text = std::fs::read_to_string(&german).expect("read");
    std::fs::write(&german, text.replacen("Vielfalt", "Diversität", 1)).expect("write");
    let (code, err) = import_fails(root, "c.xlf", &xlf);
    assert_eq!(code, 1);
    assert!(
        err.contains("the German source changed since this file was exported"),
        "{err}"
    );
    assert!(err.contains("l10n export --changed"), "{err}");
    std::fs::write(&german, text).expect("write");

    let cut = &xlf[..xlf.len() / 2];
    let (code, err) = import_fails(root, "d.xlf", &format!("{cut}</nonsense>"));
    assert_eq!(code, 1);
    assert!(err.contains("error[l10n/malformed]"), "{err}");
    assert!(
        err.contains("--> d.xlf:") || err.contains("d.xlf:"),
        "{err}"
    );

    let (code, err) = import_fails(
        root,
        "e.po",
        &po.replacen("msgstr \"", "msgstr \"unterminated\n", 3),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("error[l10n/malformed]: a string must stand in double quotes"),
        "{err}"
    );
}

#[test]
fn variants_go_out_only_when_asked_and_whole() {
    let site = shipped();
    let root = site.path();
    let (doc, _) = l10n::export(root, "en", false, None).expect("export");
    assert!(doc.pages.iter().all(|p| !p.target.contains(".easy.")));
    let (doc, diags) = l10n::export(root, "en", false, Some("easy")).expect("export");
    assert!(diags.is_empty(), "{}", vielfalt::diag::render_text(&diags));
    let page = doc
        .pages
        .iter()
        .find(|p| p.source == "grundsaetze.md@easy")
        .expect("the Easy Read page");
    assert_eq!(page.target, "content/grundsaetze.en.easy.md");
    let kinds: Vec<&str> = page.units.iter().map(|u| u.kind.as_str()).collect();
    assert_eq!(kinds.len(), 3, "{kinds:?}");
    let body = page.units.last().expect("body");
    let german = std::fs::read_to_string(root.join("content/grundsaetze.easy.md")).expect("read");
    let markdown = l10n::inline::markdown(&body.source);
    assert!(
        german.trim_end().ends_with(&markdown),
        "the whole body is one unit"
    );
    // Into a new file: the body comes back as it was.
    let english =
        std::fs::read_to_string(root.join("content/grundsaetze.en.easy.md")).expect("read");
    let file = root.join("easy.xlf");
    std::fs::write(&file, l10n::write(&doc, Format::Xliff2)).expect("write");
    std::fs::remove_file(root.join("content/grundsaetze.en.easy.md")).expect("remove");
    let done = l10n::import(root, &file).expect("import");
    assert_eq!(
        done.written,
        vec![PathBuf::from("content/grundsaetze.en.easy.md")]
    );
    let written =
        std::fs::read_to_string(root.join("content/grundsaetze.en.easy.md")).expect("read");
    let body = |t: &str| t.rsplit_once("+++\n").map(|(_, b)| b.to_string());
    assert_eq!(body(&written), body(&english));
}

#[test]
fn tmx_pairs_every_aligned_unit() {
    let site = shipped();
    let root = site.path();
    let (code, out, err) = vielfalt(root, &["l10n", "tmx", "--lang", "fa"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<?xml"));
    let (doc, _) = l10n::export(root, "fa", false, None).expect("export");
    let units: usize = doc.pages.iter().map(|p| p.units.len()).sum();
    assert_eq!(out.matches("<tu ").count(), units);
    assert_eq!(out.matches("<tuv xml:lang=\"fa\">").count(), units);
}

// Random pages: a German original and a translation of the same structure
// with other words survive export → import into a new file.

#[derive(Debug, Clone)]
enum Inline {
    Word(usize),
    Emphasis(usize),
    Strong(usize),
    Code,
    Link(usize, bool),
    Span(usize),
}

#[derive(Debug, Clone)]
enum Block {
    Heading(Vec<Inline>),
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
    Table(Vec<Inline>, Vec<Inline>),
    Quote(Vec<Inline>),
    Footnote(Vec<Inline>),
}

const DE: [&str; 6] = [
    "Stadt", "Vielfalt", "Teilhabe", "Bürger", "Sprache", "Zugang",
];
const EN: [&str; 6] = [
    "city",
    "diversity",
    "participation",
    "citizen",
    "language",
    "access",
];
const FA: [&str; 6] = ["شهر", "تنوع", "مشارکت", "شهروند", "زبان", "دسترسی"];

fn inline() -> impl Strategy<Value = Vec<Inline>> {
    let one = prop_oneof![
        4 => (0..6usize).prop_map(Inline::Word),
        1 => (0..6usize).prop_map(Inline::Emphasis),
        1 => (0..6usize).prop_map(Inline::Strong),
        1 => Just(Inline::Code),
        1 => ((0..6usize), any::<bool>()).prop_map(|(w, a)| Inline::Link(w, a)),
        1 => (0..6usize).prop_map(Inline::Span),
    ];
    prop::collection::vec(one, 1..6)
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        inline().prop_map(Block::Heading),
        inline().prop_map(Block::Paragraph),
        prop::collection::vec(inline(), 1..4).prop_map(Block::List),
        (inline(), inline()).prop_map(|(a, b)| Block::Table(a, b)),
        inline().prop_map(Block::Quote),
        inline().prop_map(Block::Footnote),
    ]
}

fn render_inline(items: &[Inline], words: &[&str; 6]) -> String {
    let parts: Vec<String> = items
        .iter()
        .map(|i| match i {
            Inline::Word(w) => words[*w].to_string(),
            Inline::Emphasis(w) => format!("*{}*", words[*w]),
            Inline::Strong(w) => format!("**{}**", words[*w]),
            Inline::Code => "`vielfalt build`".to_string(),
            Inline::Link(w, false) => format!("[{}](@/ziel.md)", words[*w]),
            Inline::Link(w, true) => format!("[{}](@/ziel.md#abschnitt)", words[*w]),
            Inline::Span(w) => format!("<span lang=\"fa\" dir=\"rtl\">{}</span>", FA[*w]),
        })
        .collect();
    parts.join(" ")
}

fn render(title: &str, blocks: &[Block], words: &[&str; 6]) -> String {
    let mut out = format!("+++\ntitle = \"{title}\"\n+++\n");
    let mut notes = Vec::new();
    for (n, b) in blocks.iter().enumerate() {
        out.push('\n');
        match b {
            Block::Heading(i) => out.push_str(&format!("## {}\n", render_inline(i, words))),
            Block::Paragraph(i) => out.push_str(&format!("{}\n", render_inline(i, words))),
            Block::List(items) => {
                for i in items {
                    out.push_str(&format!("- {}\n", render_inline(i, words)));
                }
            }
            Block::Table(a, b) => out.push_str(&format!(
                "| {} | x |\n| --- | --- |\n| {} | y |\n",
                render_inline(a, words),
                render_inline(b, words)
            )),
            Block::Quote(i) => out.push_str(&format!("> {}\n", render_inline(i, words))),
            Block::Footnote(i) => {
                out.push_str(&format!("{}[^n{n}].\n", words[0]));
                notes.push(format!("[^n{n}]: {}\n", render_inline(i, words)));
            }
        }
    }
    for note in notes {
        out.push('\n');
        out.push_str(&note);
    }
    out
}

const SITE_TOML: &str = "default_language = \"de\"\n\n[languages.de]\nname = \"Deutsch\"\n\n[languages.en]\nname = \"English\"\n";

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]
    #[test]
    fn random_pages_survive_export_and_import(
        blocks in prop::collection::vec(block(), 1..8),
        format in 0..3usize,
        rtl in any::<bool>(),
    ) {
        let (format, _, ext) = FORMATS[format];
        let dir = tempfile::tempdir().expect("temp");
        let root = dir.path();
        std::fs::write(root.join("site.toml"), SITE_TOML).expect("write");
        std::fs::create_dir_all(root.join("content")).expect("mkdir");
        let german = render("Seite", &blocks, &DE);
        // The translation in a left-to-right or a right-to-left script.
        let english = render("Page", &blocks, if rtl { &FA } else { &EN });
        std::fs::write(root.join("content/seite.md"), &german).expect("write");
        std::fs::write(root.join("content/seite.en.md"), &english).expect("write");
        let (doc, diags) = l10n::export(root, "en", false, None).expect("export");
        prop_assert!(diags.is_empty(), "{}", vielfalt::diag::render_text(&diags));
        let file = root.join(format!("x.{ext}"));
        std::fs::write(&file, l10n::write(&doc, format)).expect("write");
        // Into a new file: every unit is spliced into the original's text.
        std::fs::remove_file(root.join("content/seite.en.md")).expect("remove");
        let done = l10n::import(root, &file).expect("import");
        prop_assert!(done.diagnostics.is_empty(), "{}", vielfalt::diag::render_text(&done.diagnostics));
        let written = std::fs::read_to_string(root.join("content/seite.en.md")).expect("read");
        let body = |t: &str| t.split_once("+++\n").and_then(|(_, r)| r.split_once("+++\n")).map(|(_, b)| b.to_string());
        prop_assert_eq!(body(&written), body(&english));
        prop_assert!(written.contains("title = \"Page\""), "{}", written);
    }
}

// Outside tools read what vielfalt writes.

fn tool(program: &str, args: &[&str]) -> (bool, String) {
    let out = std::process::Command::new(program)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{program}: {e}"));
    (
        out.status.success(),
        format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    )
}

fn exported(format: Format, ext: &str) -> (tempfile::TempDir, Vec<PathBuf>) {
    let site = shipped();
    let files = LANGUAGES
        .iter()
        .map(|lang| {
            let (doc, _) = l10n::export(site.path(), lang, false, None).expect("export");
            let file = site.path().join(format!("{lang}.{ext}"));
            std::fs::write(&file, l10n::write(&doc, format)).expect("write");
            file
        })
        .collect();
    (site, files)
}

#[test]
#[ignore = "needs msgfmt (gettext): run scripts/setup-test-deps, then cargo test -- --include-ignored"]
fn po_files_pass_msgfmt_check() {
    let (_site, files) = exported(Format::Po, "po");
    for f in files {
        let (ok, out) = tool(
            "msgfmt",
            &["--check", "-o", "/dev/null", &f.to_string_lossy()],
        );
        assert!(ok && !out.contains("error"), "{}: {out}", f.display());
    }
}

#[test]
#[ignore = "needs xmllint (libxml2-utils): run scripts/setup-test-deps, then cargo test -- --include-ignored"]
fn xliff2_files_validate_against_the_oasis_core_schema() {
    let schema = fixtures().join("l10n/schema/xliff_core_2.0.xsd");
    let (_site, files) = exported(Format::Xliff2, "xlf");
    for f in files {
        let (ok, out) = tool(
            "xmllint",
            &[
                "--noout",
                "--schema",
                &schema.to_string_lossy(),
                &f.to_string_lossy(),
            ],
        );
        assert!(ok && out.contains("validates"), "{}: {out}", f.display());
    }
}

#[test]
#[ignore = "needs translate-toolkit (pip): run scripts/setup-test-deps, then cargo test -- --include-ignored"]
fn translate_toolkit_reads_po_and_xliff12() {
    let (site, po) = exported(Format::Po, "po");
    let (_site12, xliff) = exported(Format::Xliff12, "xliff");
    for (f, x) in po.iter().zip(&xliff) {
        let out = site.path().join("out.xlf");
        let (ok, log) = tool("po2xliff", &[&f.to_string_lossy(), &out.to_string_lossy()]);
        assert!(
            ok && !log.contains("Error"),
            "po2xliff {}: {log}",
            f.display()
        );
        let back = site.path().join("back.po");
        let (ok, log) = tool("xliff2po", &[&x.to_string_lossy(), &back.to_string_lossy()]);
        assert!(
            ok && !log.contains("Error"),
            "xliff2po {}: {log}",
            x.display()
        );
        let msgids = std::fs::read_to_string(&back)
            .expect("read")
            .matches("\nmsgid ")
            .count();
        // xliff2po merges units with the same source text into one entry
        // and writes a header of its own.
        let xml = std::fs::read_to_string(x).expect("read");
        let mut sources: Vec<&str> = xml
            .split("<source>")
            .skip(1)
            .filter_map(|s| s.split("</source>").next())
            .collect();
        sources.sort_unstable();
        sources.dedup();
        assert_eq!(msgids, sources.len() + 1, "{}", x.display());
        let (ok, log) = tool(
            "pofilter",
            &[
                "--test=printf",
                &f.to_string_lossy(),
                &site.path().join("filtered.po").to_string_lossy(),
            ],
        );
        assert!(
            ok && !log.contains("Error"),
            "pofilter {}: {log}",
            f.display()
        );
    }
}
