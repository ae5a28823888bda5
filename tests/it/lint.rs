//! The build's HTML lint (issue 5): one planted fault per rule, each
//! reported once with the right page, file and Markdown line and column
//! (from the source map of the rendered body); and a clean site with no
//! warning at all.

use crate::harness::SiteTest;

fn diagnostics(site: &SiteTest) -> Vec<serde_json::Value> {
    let run = site.run(&["check", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("check --format json printed no JSON ({e}):\n{}", run.stdout));
    json["diagnostics"].as_array().cloned().unwrap_or_default()
}

/// Where a finding is: line and column in the file, if it has them.
type Place = Option<(u64, u64)>;

#[test]
fn every_rule_reports_its_planted_fault_once_with_page_file_and_line() {
    let site = SiteTest::fixture("lint/faults");
    let found: Vec<(String, String, String, Place)> = diagnostics(&site)
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["url"].as_str().unwrap_or_default().to_string(),
                d["file"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().zip(d["column"].as_u64()),
            )
        })
        .collect();
    let expected: &[(&str, &str, &str, Place)] = &[
        (
            "a11y/img-alt-missing",
            "/de/bilder/",
            "content/bilder.md",
            Some((7, 1)),
        ),
        (
            "a11y/img-alt-filename",
            "/de/bilder/",
            "content/bilder.md",
            Some((9, 1)),
        ),
        (
            "a11y/img-alt-generic",
            "/de/bilder/",
            "content/bilder.md",
            Some((11, 1)),
        ),
        (
            "a11y/video-captions",
            "/de/bilder/",
            "content/bilder.md",
            Some((13, 1)),
        ),
        (
            "a11y/iframe-title",
            "/de/bilder/",
            "content/bilder.md",
            Some((15, 1)),
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
            Some((5, 5)),
        ),
        (
            "a11y/link-generic-text",
            "/de/links/",
            "content/links.md",
            Some((7, 16)),
        ),
        (
            "a11y/link-new-window",
            "/de/links/",
            "content/links.md",
            Some((9, 5)),
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
            Some((6, 1)),
        ),
        (
            "a11y/broken-idref",
            "/de/struktur/",
            "content/struktur.md",
            Some((8, 1)),
        ),
        (
            "a11y/table-no-headers",
            "/de/struktur/",
            "content/struktur.md",
            Some((10, 1)),
        ),
        (
            "a11y/tabindex-positive",
            "/de/struktur/",
            "content/struktur.md",
            Some((12, 1)),
        ),
        (
            "a11y/foreign-script",
            "/de/struktur/",
            "content/struktur.md",
            Some((14, 1)),
        ),
        (
            "a11y/language-name-lang",
            "/de/struktur/",
            "content/struktur.md",
            Some((20, 1)),
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
            Some((9, 1)),
        ),
        (
            "a11y/heading-empty",
            "/de/ueberschriften/",
            "content/ueberschriften.md",
            Some((11, 1)),
        ),
        ("a11y/viewport", "/de/zoom/", "content/zoom.md", None),
        (
            "a11y/button-no-name",
            "/de/steuerung/",
            "content/steuerung.md",
            Some((5, 23)),
        ),
        (
            "a11y/media-autoplay",
            "/de/steuerung/",
            "content/steuerung.md",
            Some((7, 1)),
        ),
        (
            "a11y/lang-invalid",
            "/de/steuerung/",
            "content/steuerung.md",
            Some((9, 1)),
        ),
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

/// Lines added above the faults move their findings with them: locations
/// come from the source map of each build, not from the text.
#[test]
fn findings_follow_their_markdown_when_lines_move() {
    let site = SiteTest::fixture("lint/faults");
    let located = |site: &SiteTest| -> Vec<(String, u64, u64)> {
        diagnostics(site)
            .iter()
            .filter(|d| d["file"] == "content/bilder.md" && d["line"].is_u64())
            .map(|d| {
                (
                    d["rule"].as_str().unwrap_or_default().to_string(),
                    d["line"].as_u64().unwrap_or_default(),
                    d["column"].as_u64().unwrap_or_default(),
                )
            })
            .collect()
    };
    let before = located(&site);
    assert_eq!(before.len(), 5, "{before:?}");
    let bilder = site.file("content/bilder.md");
    let site = site.write(
        "content/bilder.md",
        &bilder.replacen("Ein Bild", "Ein\n\n\n  Bild", 1),
    );
    let after = located(&site);
    let shifted: Vec<(String, u64, u64)> = before
        .into_iter()
        .map(|(rule, line, column)| (rule, line + 3, column))
        .collect();
    assert_eq!(after, shifted);
}

/// A `[lint]` name that no rule has fails the check, at its place in
/// site.toml and with the rule meant.
#[test]
fn an_unknown_rule_name_is_an_error_at_its_place() {
    let site = SiteTest::fixture("lint/clean");
    let toml = site.file("site.toml") + "\n[lint]\nallow = [\"a11y/link-new-windw\"]\n";
    let site = site.write("site.toml", &toml);
    let line = toml.lines().count();
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let expected = format!(
        "error[config/unknown-rule]: `a11y/link-new-windw` in [lint] is not a rule of the lint\n  --> site.toml:{line}:11\n   = hint: did you mean `a11y/link-new-window`?\n"
    );
    assert!(run.stderr.contains(&expected), "{}", run.stderr);
}
