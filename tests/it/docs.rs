//! The manual in `docs/` is a vielfalt site: it builds with `--strict` (every
//! lint and plain-language warning fails), every Markdown file becomes a
//! page, and its links between pages arrive (issue #22).

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::harness::walk;
use crate::html::{attr, select};

/// The manual has no published address yet (docs/site.toml); the build
/// gets one with a path, so links must carry it.
const BASE_URL: &str = "https://vielfalt.example/manual";

fn docs() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")
}

/// The manual, built once per test run into a fresh folder with
/// `--strict`; fails the test unless the build had not a single finding.
fn public() -> &'static Path {
    static BUILT: OnceLock<(tempfile::TempDir, PathBuf)> = OnceLock::new();
    let (_, public) = BUILT.get_or_init(|| {
        let out = tempfile::tempdir().expect("temp dir");
        let public = out.path().join("public");
        let output = assert_cmd::Command::cargo_bin("vielfalt")
            .expect("binary")
            .args(["build", "--strict", "--base-url", BASE_URL, "--root"])
            .arg(docs())
            .arg("--output")
            .arg(&public)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{stderr}");
        assert!(
            !stderr.contains("warning[") && !stderr.contains("error["),
            "the manual must build without findings:\n{stderr}"
        );
        (out, public)
    });
    public
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(public().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn hrefs(html: &str) -> Vec<String> {
    select(html, "a[href]")
        .iter()
        .map(|a| attr(a, "href").to_string())
        .collect()
}

#[test]
fn manual_builds_strictly_with_a_page_for_every_file() {
    let public = public();
    let content = docs().join("content");
    let mut sources = 0;
    for file in walk(&content) {
        let rel = file.strip_prefix(&content).expect("under content");
        let stem = rel.with_extension("");
        let stem = stem.to_string_lossy();
        let page = match stem.strip_suffix("_index") {
            Some(dir) => format!("en/{dir}index.html"),
            None => format!("en/{stem}/index.html"),
        };
        assert!(
            public.join(&page).is_file(),
            "{} has no page {page}",
            rel.display()
        );
        sources += 1;
    }
    assert!(sources >= 15, "the manual has {sources} pages");
}

#[test]
fn manual_links_between_pages_arrive() {
    let public = public();
    let home = hrefs(&read("en/index.html"));
    for page in ["layout", "configuration", "translation", "contributing"] {
        let href = format!("/manual/en/{page}/");
        assert!(home.contains(&href), "home lacks {href}: {home:?}");
    }

    // An `@/` link with an anchor arrives at a heading with that id.
    let plain = hrefs(&read("en/plain-language/index.html"));
    let href = "/manual/en/configuration/#accessibility-statement";
    assert!(plain.iter().any(|h| h == href), "{plain:?}");
    let configuration = read("en/configuration/index.html");
    assert_eq!(
        select(&configuration, "h2#accessibility-statement").len(),
        1
    );

    // The lint overview links to the rules generated from the registry.
    let lint = hrefs(&read("en/lint/index.html"));
    assert!(
        lint.iter().any(|h| h == "/manual/en/lint-rules/"),
        "{lint:?}"
    );
    assert!(public.join("en/lint-rules/index.html").is_file());
}

/// README points into the manual's sources; each such link names a file.
#[test]
fn readme_links_into_the_manual_name_existing_files() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).expect("README.md");
    let targets: Vec<&str> = readme
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|t| t.starts_with("docs/"))
        .collect();
    assert!(
        targets.len() >= 5,
        "README links to the manual: {targets:?}"
    );
    for target in targets {
        let file = target.split('#').next().unwrap_or(target);
        assert!(root.join(file).is_file(), "README links to {target}");
    }
}
