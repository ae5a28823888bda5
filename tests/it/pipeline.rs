//! One pipeline for `build`, `check` and `serve` (issue 21): after every
//! save of a long series of edits, `serve`'s incremental engine reports
//! exactly what a fresh `check` of the same files reports, and its output
//! equals a fresh `build` byte for byte.

use std::path::PathBuf;

use vielfalt::build::{self, BuildOptions};
use vielfalt::diag::{self, Diagnostic};
use vielfalt::serve::incremental::Engine;

use crate::harness::SiteTest;
use crate::serve::{engine_files, full_build};

/// A save: write a file, or remove it.
enum Save<'a> {
    Write(&'a str, &'a str),
    Remove(&'a str),
}

struct Series {
    root: PathBuf,
    engine: Engine,
}

impl Series {
    fn start(site: &SiteTest) -> Series {
        let root = site.path().canonicalize().expect("root");
        let (engine, _) = Engine::new(BuildOptions::new(&root));
        let series = Series { root, engine };
        series.assert_same("start");
        series
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).expect("read")
    }

    /// Makes the saves on disk, hands their paths to the engine (as the
    /// watcher does) and compares with a fresh check and build.
    fn save(&mut self, step: &str, saves: &[Save<'_>]) -> &[Diagnostic] {
        let mut paths = Vec::new();
        for save in saves {
            match save {
                Save::Write(rel, text) => {
                    let path = self.path(rel);
                    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
                    std::fs::write(&path, text).expect("write");
                    paths.push(path);
                }
                Save::Remove(rel) => {
                    let path = self.path(rel);
                    std::fs::remove_file(&path).expect("remove");
                    paths.push(path);
                }
            }
        }
        self.update(step, &paths)
    }

    fn update(&mut self, step: &str, paths: &[PathBuf]) -> &[Diagnostic] {
        self.engine.update(paths);
        self.assert_same(step);
        self.engine.diagnostics()
    }

    fn count(&self, rule: &str) -> usize {
        rules(self.engine.diagnostics(), rule)
    }

    fn assert_same(&self, step: &str) {
        let check = build::run(&BuildOptions {
            write: false,
            ..BuildOptions::new(&self.root)
        });
        assert_eq!(
            diag::render_text(self.engine.diagnostics()),
            diag::render_text(&check.diagnostics),
            "{step}: serve reports what check reports"
        );
        assert_eq!(self.engine.diagnostics(), check.diagnostics.as_slice());
        if self.engine.has_errors() {
            return;
        }
        let out = tempfile::tempdir().expect("tempdir");
        let full = full_build(&self.root, &out.path().join("public"));
        let served = engine_files(&self.engine);
        let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&served), names(&full), "{step}: the same files");
        for ((name, a), (_, b)) in served.iter().zip(&full) {
            assert!(a == b, "{step}: {name} differs from the build's");
        }
    }
}

/// How many findings of `rule` (or of every rule starting with it, when it
/// ends in `/`).
fn rules(diags: &[Diagnostic], rule: &str) -> usize {
    diags
        .iter()
        .filter(|d| d.rule == rule || (rule.ends_with('/') && d.rule.starts_with(rule)))
        .count()
}

const FAULTS: &str = "+++\ntitle = \"Neu in Leichter Sprache\"\n+++\n\nDas Fest ist am 24.11.2026.\nDas Integrationskonzept ist ein Plan.\nDie Partizipation ist wichtig.\n";

const HARD: &str = "+++\ntitle = \"Sauber in Leichter Sprache\"\n+++\n\nDie interkommunale Zusammenarbeit der Verwaltungseinheiten erfordert eine kontinuierliche Abstimmung hinsichtlich organisatorischer, finanzieller und personeller Rahmenbedingungen, insbesondere bei grenzüberschreitenden Projekten mit europäischer Förderung.\n";

#[test]
fn serve_reports_what_check_reports_after_every_save() {
    let site = SiteTest::fixture("plain/site");
    let mut s = Series::start(&site);
    let start = s.count("plain/");
    assert!(start >= 8, "the fault page's findings: {start}");

    // Leichte Sprache faults on a clean page, then fixed on the fault page.
    let clean = s.read("content/sauber.easy.md");
    let faulty =
        format!("{clean}\nDas Fest ist am 24.11.2026.\nDas Integrationskonzept ist ein Plan.\n");
    s.save(
        "faults added",
        &[Save::Write("content/sauber.easy.md", &faulty)],
    );
    assert!(s.count("plain/") > start, "new faults are reported");
    s.save(
        "faults fixed",
        &[Save::Write(
            "content/fehler.easy.md",
            "+++\ntitle = \"Fehler in Leichter Sprache\"\n+++\n\nDas ist gut.\n",
        )],
    );
    assert!(s.count("plain/") < start, "fixed faults are gone");

    // Readability: the site's thresholds switched back on (site.toml),
    // then a page too hard to read.
    let config = s.read("site.toml");
    let strict = config
        .replace("[plain.thresholds.easy.de]\n", "")
        .replace("[plain.thresholds.easy.en]\n", "");
    s.save("thresholds on", &[Save::Write("site.toml", &strict)]);
    let hard_to_read = s.count("plain/readability");
    s.save("hard page", &[Save::Write("content/sauber.easy.md", HARD)]);
    assert_eq!(s.count("plain/readability"), hard_to_read + 1);

    // BITV 2.0 §4: a section of the Leichte Sprache start page removed.
    let home = s.read("content/_index.easy.md");
    let without = home.replace("{#bitv-navigation}", "");
    s.save(
        "start page section removed",
        &[Save::Write("content/_index.easy.md", &without)],
    );
    assert_eq!(s.count("bitv/"), 1, "{:#?}", s.engine.diagnostics());
    s.save(
        "start page section back",
        &[Save::Write("content/_index.easy.md", &home)],
    );
    assert_eq!(s.count("bitv/"), 0);

    // An outdated translation: stamped, then its original edited.
    vielfalt::scaffold::stamp(&s.root, &s.path("content/fehler.en.md")).expect("stamp");
    let stamped = s.path("content/fehler.en.md");
    s.update("translation stamped", &[stamped]);
    let original = format!("{}\nNeu.\n", s.read("content/fehler.md"));
    s.save(
        "original edited",
        &[Save::Write("content/fehler.md", &original)],
    );
    assert_eq!(s.count("translation/outdated"), 1);

    // A template error, then the template removed.
    s.save(
        "template error",
        &[Save::Write(
            "templates/page.html",
            "{% extends \"base.html\" %}{% block content %}{{ page.title | no_such_filter }}{% endblock content %}",
        )],
    );
    assert!(s.count("template/") > 0, "{:#?}", s.engine.diagnostics());
    s.save("template removed", &[Save::Remove("templates/page.html")]);
    assert_eq!(s.count("template/"), 0);

    // Fluent: a syntax error, a message asking for a variable the theme
    // does not pass (an error on every page), then the file removed.
    s.save(
        "Fluent syntax error",
        &[Save::Write(
            "locales/de/site.ftl",
            "site-title = Start\nkaputt {\n",
        )],
    );
    assert!(s.count("fluent/") > 0, "{:#?}", s.engine.diagnostics());
    s.save(
        "Fluent variable missing",
        &[Save::Write(
            "locales/de/site.ftl",
            "site-title = Beispielstadt { $ort }\n",
        )],
    );
    assert!(s.engine.has_errors());
    s.save(
        "Fluent file removed",
        &[Save::Remove("locales/de/site.ftl")],
    );
    assert!(!s.engine.has_errors());

    // A symbolic link in static/, then removed.
    s.save(
        "static file",
        &[Save::Write("static/extra.css", "p { color: #111 }\n")],
    );
    let link = s.path("static/outside");
    std::os::unix::fs::symlink("/etc", &link).expect("symlink");
    s.update("symlink", std::slice::from_ref(&link));
    assert_eq!(s.count("site/symlink"), 1);
    s.save("symlink removed", &[Save::Remove("static/outside")]);
    assert_eq!(s.count("site/symlink"), 0);
    let link = s.path("content/verweis.md");
    std::os::unix::fs::symlink(s.path("content/fehler.md"), &link).expect("symlink");
    s.update("symlink in content", std::slice::from_ref(&link));
    assert_eq!(s.count("content/symlink"), 1);
    s.save(
        "symlink in content removed",
        &[Save::Remove("content/verweis.md")],
    );

    // A file of content/ copied as it is, then renamed.
    s.save(
        "content file",
        &[Save::Write(
            "content/bild.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n",
        )],
    );
    std::fs::rename(s.path("content/bild.svg"), s.path("content/grafik.svg")).expect("rename");
    let renamed = [s.path("content/bild.svg"), s.path("content/grafik.svg")];
    s.update("content file renamed", &renamed);

    // site.toml: a rule switched off and one made an error ([lint] applies
    // to serve as to check), then a theme that cannot be loaded.
    let config = s.read("site.toml");
    let lint = format!(
        "{config}\n[lint]\nallow = [\"plain/number-word\"]\nerrors = [\"plain/long-compound\"]\n"
    );
    s.save("[lint] settings", &[Save::Write("site.toml", &lint)]);
    assert_eq!(s.count("plain/number-word"), 0);
    assert!(s.engine.has_errors(), "long compounds are errors now");
    let themed = format!("theme = \"fehlt\"\n{lint}");
    s.save("theme missing", &[Save::Write("site.toml", &themed)]);
    assert!(s.engine.has_errors());
    s.save("site.toml back", &[Save::Write("site.toml", &config)]);

    // New, renamed and deleted pages.
    s.save(
        "new pages",
        &[
            Save::Write("content/neu.md", "+++\ntitle = \"Neu\"\n+++\n\nNeu.\n"),
            Save::Write("content/neu.easy.md", FAULTS),
        ],
    );
    let before_rename = s.count("plain/");
    for (from, to) in [
        ("content/neu.md", "content/anders.md"),
        ("content/neu.easy.md", "content/anders.easy.md"),
    ] {
        std::fs::rename(s.path(from), s.path(to)).expect("rename");
    }
    let renamed = [
        s.path("content/neu.md"),
        s.path("content/anders.md"),
        s.path("content/neu.easy.md"),
        s.path("content/anders.easy.md"),
    ];
    s.update("pages renamed", &renamed);
    assert_eq!(s.count("plain/"), before_rename, "the findings move along");
    s.save("page deleted", &[Save::Remove("content/anders.easy.md")]);
    assert!(s.count("plain/") < before_rename);

    // The glossary page gone (easy pages' terms lose their explanation),
    // back, and the glossary itself edited.
    let glossary_page = s.read("content/glossar.easy.md");
    s.save(
        "glossary page deleted",
        &[Save::Remove("content/glossar.easy.md")],
    );
    s.save(
        "glossary page back",
        &[Save::Write("content/glossar.easy.md", &glossary_page)],
    );
    let terms = s.read("glossary/de.toml").replace(
        "easy = \"Ein kurzer Text. Darin steht: Das ist uns wichtig.\"\n",
        "",
    );
    s.save(
        "glossary edited",
        &[Save::Write("glossary/de.toml", &terms)],
    );
    // And the whole series' end state once more from scratch.
    let fresh = Series::start(&site);
    assert_eq!(fresh.engine.diagnostics(), s.engine.diagnostics());
}

/// The document's PDFs (`[pdf]`, issue #27) in `serve`: made again when a
/// page of the document changes, and the pages' links show the new size,
/// as a fresh build has them.
#[test]
fn serve_remakes_the_pdfs_when_a_page_of_the_document_changes() {
    let site = SiteTest::fixture("pdf/basic");
    let mut s = Series::start(&site);
    let ziele = s.read("content/ziele.md");
    let longer = format!(
        "{ziele}\nEin neuer Absatz macht das Dokument länger. Er steht am Ende der Seite über die Ziele, und er hat genug Wörter, damit die Datei sichtbar wächst.\n"
    );
    s.save(
        "a page of the document",
        &[Save::Write("content/ziele.md", &longer)],
    );
    let wege = s.read("content/wege.ar.md");
    s.save(
        "an Arabic page of the document",
        &[Save::Write(
            "content/wege.ar.md",
            &format!("{wege}\nفقرة جديدة.\n"),
        )],
    );
    let impressum = s.read("content/impressum.md");
    s.save(
        "a page outside the document",
        &[Save::Write(
            "content/impressum.md",
            &format!("{impressum}\nNoch ein Satz.\n"),
        )],
    );
}
