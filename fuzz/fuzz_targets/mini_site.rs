//! The whole build (as `check`, writing nothing) on generated mini-sites:
//! the input is split into files of a small site at NUL-free `\x01` marks.
//! Never a panic; every error names a file or a rule.
#![no_main]

use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;
use vielfalt::build::{self, BuildOptions};

const FILES: [&str; 8] = [
    "content/_index.md",
    "content/a.md",
    "content/a.en.md",
    "content/news/_index.md",
    "content/news/2026-01-02-b.easy.md",
    "locales/de/site.ftl",
    "glossary/de.toml",
    "templates/page.html",
];

const SITE: &str = "default_language = \"de\"\nbase_url = \"https://example.org\"\n[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\n[variants.easy]\neasy = true\n";

fn site_dir() -> PathBuf {
    std::env::temp_dir().join(format!("vielfalt-fuzz-site-{}", std::process::id()))
}

fn reset(root: &Path) {
    let _ = std::fs::remove_dir_all(root);
    for dir in ["content/news", "locales/de", "glossary", "templates"] {
        let _ = std::fs::create_dir_all(root.join(dir));
    }
}

fuzz_target!(|data: &[u8]| {
    let root = site_dir();
    reset(&root);
    let mut parts = data.split(|b| *b == 1);
    // An input starting with `!` brings its own site.toml as the first part.
    let mut site = SITE.as_bytes().to_vec();
    if data.first() == Some(&b'!') {
        site = parts.next().unwrap_or_default().get(1..).unwrap_or_default().to_vec();
    }
    if std::fs::write(root.join("site.toml"), site).is_err() {
        return;
    }
    for (name, bytes) in FILES.iter().zip(parts) {
        let _ = std::fs::write(root.join(name), bytes);
    }
    let mut options = BuildOptions::new(&root);
    options.write = false;
    let outcome = build::run(&options);
    for d in &outcome.diagnostics {
        assert!(!d.message.is_empty() && !d.rule.is_empty(), "{d:?}");
    }
});
