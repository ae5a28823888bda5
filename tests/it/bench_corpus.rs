//! The benchmark corpus (scripts/gen-bench.py, used by scripts/bench):
//! generation is deterministic, the vielfalt site builds with no errors and
//! only the known warnings, and the Hugo site is the same content — Hugo
//! builds it and its pages carry the same languages, switcher, alternates
//! and working links. The benchmark itself is not a test (timings are noisy).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::walk;
use crate::html::{attr, select};

const LANGS: [&str; 12] = [
    "de", "en", "tr", "ar", "ru", "uk", "pl", "fa", "kmr", "ro", "bg", "el",
];
/// 20 sources × 12 languages.
const PAGES: usize = 240;

fn generate(out: &Path) {
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/gen-bench.py");
    let status = Command::new("python3")
        .arg(&script)
        .args(["--pages", &PAGES.to_string(), "--out"])
        .arg(out)
        .status()
        .unwrap_or_else(|e| {
            panic!("cannot run python3 ({e}): install it with scripts/setup-test-deps")
        });
    assert!(status.success(), "gen-bench.py failed: {status}");
}

fn files(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    walk(root)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).expect("read");
            (
                p.strip_prefix(root).expect("under root").to_path_buf(),
                bytes,
            )
        })
        .collect()
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

#[test]
#[ignore = "needs python3: run scripts/setup-test-deps, then cargo test -- --include-ignored"]
fn generation_is_deterministic_and_both_sites_hold_the_same_pages() {
    let a = tempfile::tempdir().expect("tempdir");
    let b = tempfile::tempdir().expect("tempdir");
    generate(a.path());
    generate(b.path());
    let first = files(a.path());
    assert!(
        first == files(b.path()),
        "two runs must write the same bytes"
    );

    let content = |kind: &str| -> BTreeSet<PathBuf> {
        walk(&a.path().join(kind).join("content"))
            .into_iter()
            .map(|p| {
                p.strip_prefix(a.path().join(kind).join("content"))
                    .expect("under content")
                    .to_path_buf()
            })
            .collect()
    };
    let vielfalt = content("vielfalt");
    assert_eq!(vielfalt.len(), PAGES);
    assert_eq!(vielfalt, content("hugo"), "the same content files");
    // Every language has every page; the default language has no suffix.
    for lang in LANGS {
        let suffix = if lang == "de" {
            String::new()
        } else {
            format!(".{lang}")
        };
        let n = vielfalt
            .iter()
            .filter(|p| {
                let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                name.strip_suffix(".md").is_some_and(|stem| {
                    stem.split_once('.')
                        .map(|(_, l)| format!(".{l}"))
                        .unwrap_or_default()
                        == suffix
                })
            })
            .count();
        assert_eq!(n, PAGES / LANGS.len(), "pages in {lang}");
    }

    // The same text, only the link syntax differs; pages have ~800 words.
    let page = Path::new("content/bereich-001/seite-00003.ar.md");
    let v = read(&a.path().join("vielfalt").join(page));
    let h = read(&a.path().join("hugo").join(page));
    assert_ne!(v, h);
    let strip = |s: &str, pat: &str| s.replace(pat, "");
    let norm_v = strip(&v, "@/").replace(".md)", ")");
    let norm_h = strip(&h, "/ar/").replace("/)", ")");
    assert_eq!(norm_v, norm_h, "texts differ beyond link syntax");
    let words = v.split_whitespace().count();
    assert!((700..1000).contains(&words), "{words} words");
    assert!(v.contains("| --- | --- | --- |"), "a table");
    assert!(v.contains("](@/"), "links to other pages");
    assert!(
        v.contains("\n## تحديثات\n"),
        "a dated updates section in Arabic"
    );
    assert!(v.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
}

#[test]
#[ignore = "needs python3: run scripts/setup-test-deps, then cargo test -- --include-ignored"]
fn vielfalt_builds_the_corpus_with_no_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    generate(dir.path());
    let site = dir.path().join("vielfalt");
    let output = assert_cmd::Command::cargo_bin("vielfalt")
        .expect("binary")
        .args(["build", "--root"])
        .arg(&site)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("error["), "{stderr}");
    // The built-in theme speaks all twelve languages: no warning at all.
    let warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.starts_with("warning["))
        .collect();
    assert!(warnings.is_empty(), "unexpected warnings:\n{stderr}");
    assert!(
        stderr.contains(&format!("built {PAGES} pages")),
        "one page per content file:\n{stderr}"
    );

    let public = site.join("public");
    let page = read(&public.join("ar/bereich-001/seite-00003/index.html"));
    assert_eq!(attr(&select(&page, "html")[0], "dir"), "rtl");
    let alternates = select(&page, "link[rel=alternate][hreflang]");
    assert_eq!(alternates.len(), 13, "12 languages and x-default");
    let switcher = select(&page, "nav.languages a[hreflang]");
    assert_eq!(switcher.len(), 12);
    let links: Vec<String> = select(&page, "main a[href]")
        .iter()
        .map(|a| attr(a, "href").to_string())
        .collect();
    assert!(
        links
            .iter()
            .any(|l| l.starts_with("/ar/bereich-") || l.starts_with("/ar/updates/")),
        "@/ links resolve to Arabic pages: {links:?}"
    );
    assert!(public.join("ar/updates/atom.xml").exists());
    assert!(public.join("sitemap.xml").exists());

    let check = assert_cmd::Command::cargo_bin("vielfalt")
        .expect("binary")
        .args(["check", "--root"])
        .arg(&site)
        .output()
        .expect("runs");
    assert_eq!(
        check.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
}

#[test]
#[ignore = "needs python3 and Hugo: run scripts/setup-test-deps, then cargo test -- --include-ignored"]
fn hugo_builds_the_same_corpus() {
    let dir = tempfile::tempdir().expect("tempdir");
    generate(dir.path());
    let out = dir.path().join("hugo-public");
    let output = Command::new("hugo")
        .args(["--quiet", "-s"])
        .arg(dir.path().join("hugo"))
        .arg("-d")
        .arg(&out)
        .output()
        .unwrap_or_else(|e| {
            panic!("cannot run hugo ({e}): install it with scripts/setup-test-deps (Debian package `hugo`)")
        });
    assert!(
        output.status.success(),
        "hugo failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let page = read(&out.join("ar/bereich-001/seite-00003/index.html"));
    assert_eq!(attr(&select(&page, "html")[0], "dir"), "rtl");
    assert_eq!(attr(&select(&page, "html")[0], "lang"), "ar");
    let alternates = select(&page, "link[rel=alternate][hreflang]");
    assert_eq!(alternates.len(), 13, "12 languages and x-default");
    let switcher = select(&page, "nav a[hreflang]");
    assert_eq!(switcher.len(), 12);
    // Every internal page link of the content points to a generated page.
    let mut checked = 0;
    for path in walk(&out) {
        if path.extension().and_then(|e| e.to_str()) != Some("html") {
            continue;
        }
        for a in select(&read(&path), "main a[href^='/']") {
            let href = attr(&a, "href");
            let target = out.join(href.trim_start_matches('/')).join("index.html");
            assert!(
                target.exists(),
                "{} links to missing {href}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked > PAGES, "only {checked} links checked");
}
