//! A build killed at any moment never damages the published output
//! (issue #8): after `kill -9`, `public/` is byte-identical to the previous
//! output or, if the swap had already happened, to the new one — never
//! missing, never mixed — and the next successful build leaves no
//! temporary folders behind.

use std::time::{Duration, Instant};

use crate::harness::SiteTest;

fn site_with_pages(n: usize, version: &str) -> SiteTest {
    let mut site = SiteTest::fixture("i18n/basic");
    for i in 0..n {
        let body = format!(
            "+++\ntitle = \"Seite {i}\"\n+++\n\n## Abschnitt\n\nText {version} der Seite {i}. [Start](@/_index.md)\n"
        );
        site = site.write(&format!("content/gen/p{i}.md"), &body);
    }
    site.write(
        "content/gen/_index.md",
        "+++\ntitle = \"Viele Seiten\"\n+++\n",
    )
}

fn set_version(site: &SiteTest, n: usize, version: &str) {
    for i in 0..n {
        let body = format!(
            "+++\ntitle = \"Seite {i}\"\n+++\n\n## Abschnitt\n\nText {version} der Seite {i}. [Start](@/_index.md)\n"
        );
        std::fs::write(site.path().join(format!("content/gen/p{i}.md")), body).expect("write");
    }
}

#[test]
fn kill_9_at_random_points_never_loses_the_published_site() {
    const PAGES: usize = 150;
    let site = site_with_pages(PAGES, "A").build_ok();
    let a = site.tree("public");
    set_version(&site, PAGES, "B");
    let site = site.build_ok();
    let b = site.tree("public");
    assert_ne!(a, b);

    // How long a build takes, to spread the kills over its whole run.
    let start = Instant::now();
    set_version(&site, PAGES, "A");
    let site = site.build_ok();
    let full = start.elapsed();
    let mut current = "A";

    let bin = assert_cmd::cargo::cargo_bin("vielfalt");
    let tries = 20;
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 0..tries {
        let next = if current == "A" { "B" } else { "A" };
        set_version(&site, PAGES, next);
        // A deterministic pseudo-random point in the build (xorshift).
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % (full.as_micros() as u64 + 1));
        let mut child = std::process::Command::new(&bin)
            .args(["build", "--root"])
            .arg(site.path())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(delay);
        let _ = child.kill();
        let _ = child.wait();
        let now = site.tree("public");
        if now == a {
            current = "A";
        } else if now == b {
            current = "B";
        } else {
            panic!(
                "try {i}: after kill -9 at {delay:?} the output is neither the old nor the new site ({} files)",
                now.len()
            );
        }
    }
    // The next good build cleans up every leftover.
    let site = site.build_ok();
    let leftovers: Vec<String> = std::fs::read_dir(site.path())
        .expect("ls")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("vielfalt-"))
        .collect();
    // The output the last swap replaced is kept as the spare for the next
    // build (docs/content/hosting.md); nothing else may be left.
    assert!(
        leftovers.iter().all(|n| n == ".public.vielfalt-spare"),
        "temporary folders left behind: {leftovers:?}"
    );
    let _ = current;
}
