//! The build's HTML lint (issue 5): one planted fault per rule, each
//! reported once with the right page, file and Markdown line; and a clean
//! site with no warning at all.

use crate::harness::SiteTest;

fn diagnostics(site: &SiteTest) -> Vec<serde_json::Value> {
    let run = site.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("check --format json printed no JSON ({e}):\n{}", run.stdout));
    json["diagnostics"].as_array().cloned().unwrap_or_default()
}

#[test]
fn every_rule_reports_its_planted_fault_once_with_page_file_and_line() {
    let site = SiteTest::fixture("lint/faults");
    let found: Vec<(String, String, String, Option<u64>)> = diagnostics(&site)
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["url"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64(),
            )
        })
        .collect();
    let expected: &[(&str, &str, &str, Option<u64>)] = &[
        (
            "a11y/img-alt-missing",
            "/de/bilder/",
            "content/bilder.md",
            Some(7),
        ),
        (
            "a11y/img-alt-filename",
            "/de/bilder/",
            "content/bilder.md",
            Some(9),
        ),
        (
            "a11y/img-alt-generic",
            "/de/bilder/",
            "content/bilder.md",
            Some(11),
        ),
        (
            "a11y/video-captions",
            "/de/bilder/",
            "content/bilder.md",
            Some(13),
        ),
        (
            "a11y/iframe-title",
            "/de/bilder/",
            "content/bilder.md",
            Some(15),
        ),
        (
            "html/duplicate-title",
            "/de/bilder/",
            "content/bilder.md",
            None,
        ),
        (
            "a11y/link-no-name",
            "/de/links/",
            "content/links.md",
            Some(5),
        ),
        (
            "a11y/link-generic-text",
            "/de/links/",
            "content/links.md",
            Some(7),
        ),
        (
            "a11y/link-new-window",
            "/de/links/",
            "content/links.md",
            Some(9),
        ),
        ("link/broken", "/de/links/", "content/links.md", None),
        ("link/broken-anchor", "/de/links/", "content/links.md", None),
        ("link/lang-missing", "/de/links/", "content/links.md", None),
        ("a11y/html-lang", "/de/nolang/", "content/nolang.md", None),
        (
            "a11y/meta-refresh",
            "/de/refresh/",
            "content/refresh.md",
            None,
        ),
        (
            "html/duplicate-id",
            "/de/struktur/",
            "content/struktur.md",
            Some(5),
        ),
        (
            "a11y/broken-idref",
            "/de/struktur/",
            "content/struktur.md",
            Some(8),
        ),
        (
            "a11y/table-no-headers",
            "/de/struktur/",
            "content/struktur.md",
            Some(10),
        ),
        (
            "a11y/tabindex-positive",
            "/de/struktur/",
            "content/struktur.md",
            Some(12),
        ),
        (
            "a11y/foreign-script",
            "/de/struktur/",
            "content/struktur.md",
            Some(14),
        ),
        (
            "a11y/h1-count",
            "/de/ueberschriften/",
            "content/ueberschriften.md",
            None,
        ),
        (
            "a11y/heading-skipped",
            "/de/ueberschriften/",
            "content/ueberschriften.md",
            Some(9),
        ),
        (
            "a11y/heading-empty",
            "/de/ueberschriften/",
            "content/ueberschriften.md",
            Some(11),
        ),
        ("a11y/viewport", "/de/zoom/", "content/zoom.md", None),
    ];
    let mut missing = Vec::new();
    for (rule, url, file, line) in expected {
        let hits: Vec<_> = found.iter().filter(|f| f.0 == *rule).collect();
        let want = (rule.to_string(), url.to_string(), file.to_string(), *line);
        if hits.len() != 1 || hits[0] != &want {
            missing.push(format!(
                "{rule}: expected once at {url} {file}:{line:?}, got {hits:?}"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
    assert_eq!(
        found.len(),
        expected.len(),
        "unexpected extra findings: {found:#?}"
    );
}

#[test]
fn clean_site_has_no_warnings() {
    let site = SiteTest::fixture("lint/clean");
    let diags = diagnostics(&site);
    assert!(diags.is_empty(), "{diags:#?}");
}

#[test]
fn lint_rules_can_be_promoted_to_errors_per_rule() {
    let site = SiteTest::fixture("lint/faults");
    let toml = site.file("site.toml") + "\n[lint]\nerrors = [\"a11y/img-alt-missing\"]\n";
    let site = site.write("site.toml", &toml);
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[a11y/img-alt-missing]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("warning[a11y/img-alt-generic]"),
        "{}",
        run.stderr
    );
}

#[test]
fn fallback_section_lists_mark_interface_text_with_its_language() {
    // Regression for issue 5: fallback section lists put interface text
    // (the entry count) inside the fallback text's `lang`.
    let site = SiteTest::fixture("i18n/basic");
    let diags = diagnostics(&site);
    assert!(
        !diags.iter().any(|d| d["rule"] == "a11y/foreign-script"),
        "{diags:#?}"
    );
}

/// The warning lines of a run's stderr (rule, page, file:line), in order.
fn warning_lines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.starts_with("warning[") || l.trim_start().starts_with("-->"))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_lint_cache_reuses_unchanged_pages_without_changing_a_finding() {
    let site = SiteTest::fixture("lint/faults");
    let first = site.run(&["build", "-v"]);
    assert!(
        first.stderr.contains("lint cache: 0 page(s) reused"),
        "{}",
        first.stderr
    );
    let expected = warning_lines(&first.stderr);
    assert!(
        expected.len() > 10,
        "the fixture plants many faults: {expected:?}"
    );
    let output = site.tree("public");

    // Second build: every page comes from the cache, same findings, same output.
    let second = site.run(&["build", "-v"]);
    assert!(second.stderr.contains(" 0 linted"), "{}", second.stderr);
    assert_eq!(warning_lines(&second.stderr), expected);
    assert_eq!(site.tree("public"), output);

    // `check` reads the cache too, and says the same.
    let check = site.run(&["check"]);
    assert_eq!(warning_lines(&check.stderr), expected);

    // Blank lines before the faults move them in the Markdown but not in
    // the HTML: the page is reused, and its findings point to the new lines.
    let bilder = site.file("content/bilder.md");
    let site = site.write(
        "content/bilder.md",
        &bilder.replacen("Ein Bild", "\n\n\nEin Bild", 1),
    );
    let moved = site.run(&["build", "-v"]);
    assert!(moved.stderr.contains(" 0 linted"), "{}", moved.stderr);
    let shifted: Vec<String> = expected
        .iter()
        .map(|l| {
            let Some(rest) = l.split_once("content/bilder.md:") else {
                return l.clone();
            };
            let (line, col) = rest.1.split_once(':').expect("line:column");
            let line: usize = line.parse().expect("line number");
            format!("{}content/bilder.md:{}:{col}", rest.0, line + 3)
        })
        .collect();
    assert_ne!(shifted, expected, "bilder.md has located findings");
    assert_eq!(warning_lines(&moved.stderr), shifted);

    // A fixed fault is gone: the changed page is linted again.
    let bilder = site.file("content/bilder.md").replace(
        "<img src=\"/bild.svg\">",
        "<img src=\"/bild.svg\" alt=\"\">",
    );
    let site = site.write("content/bilder.md", &bilder);
    let fixed = site.run(&["build", "-v"]);
    assert!(fixed.stderr.contains(" 1 linted"), "{}", fixed.stderr);
    assert!(
        !fixed.stderr.contains("img-alt-missing"),
        "{}",
        fixed.stderr
    );
    assert_eq!(
        warning_lines(&fixed.stderr).len(),
        expected.len() - 2,
        "only the fixed finding (warning and location lines) is gone:\n{}",
        fixed.stderr
    );
}
