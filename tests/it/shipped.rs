//! The Bielefeld site shipped in the repository builds and holds the
//! site-wide invariants.

use std::path::Path;

use crate::harness::walk;

#[test]
fn shipped_site_builds_without_errors_and_holds_invariants() {
    let out = tempfile::tempdir().expect("temp");
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = assert_cmd::Command::cargo_bin("vielfalt")
        .expect("bin")
        .args(["build", "--base-url", "https://integration.example"])
        .arg("--root")
        .arg(root)
        .arg("--output")
        .arg(out.path().join("public"))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(!stderr.contains("error["), "{stderr}");
    let public = out.path().join("public");
    crate::build::check_invariants(&public, "https://integration.example");
    // Arabic and Persian pages are right-to-left.
    for lang in ["ar", "fa"] {
        let html = std::fs::read_to_string(public.join(lang).join("index.html")).expect("home");
        assert!(
            html.contains(&format!("<html lang=\"{lang}\" dir=\"rtl\">")),
            "{lang}"
        );
    }
    assert!(walk(&public).len() > 100);
}
