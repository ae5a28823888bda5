//! The accessibility statement's method section (issue 28): the lint rules
//! the build runs, and the browser tests the site's `audits.toml` records
//! as passed; `check` warns when a site with a statement has no record.

use crate::harness::SiteTest;
use vielfalt::lint::registry::RULES;

const PAGE: &str =
    "+++\ntitle = \"Barrierefreiheit\"\ntemplate = \"accessibility.html\"\n+++\n\nErklärung.\n";

/// A record as the browser tests write it (tests/it/browser.rs).
const RECORD: &str = r#"[audit]
axe_version = "4.14.1"
axe_tags = ["wcag2a", "wcag2aa"]
pages = 7
checks = [{ check = "reflow", wcag = ["1.4.10"] }, { check = "lang", wcag = ["3.1.1"] }, { check = "no-js", wcag = [] }]

[html]
checker_version = "26.9.27"
pages = 7

[matrix]
pages = 3
checks = [{ check = "keyboard", wcag = ["2.4.11", "2.4.7"] }, { check = "text-spacing", wcag = ["1.4.12"] }]
"#;

fn statement(site: SiteTest) -> SiteTest {
    site.write("content/barrierefreiheit.md", PAGE).build_ok()
}

fn assert_no_record_warning(site: &SiteTest) {
    let run = site.run(&["check"]);
    assert!(
        !run.stderr.contains("statement/no-test-record"),
        "{}",
        run.stderr
    );
}

#[test]
fn without_a_record_the_statement_names_the_builds_rules_and_check_warns() {
    let site = statement(SiteTest::fixture("plain/site").remove("audits.toml"));
    let html = site.file("public/de/barrierefreiheit/index.html");
    // The criteria of the registry's rules, in order, each once.
    assert!(
        html.contains(&format!(
            "(Zahl der Regeln: \u{2068}{}\u{2069}; WCAG-Erfolgskriterien \u{2068}1.1.1, 1.2.2, 1.3.1, 1.4.2, 1.4.4, 1.4.10, 2.2.1, 2.4.2, 2.4.3, 2.4.4, 2.4.6, 3.1.1, 3.1.2, 3.2.5, 4.1.1, 4.1.2\u{2069})",
            RULES.len()
        )),
        "{html}"
    );
    assert!(
        !html.contains("diese automatischen Tests bestanden"),
        "{html}"
    );
    assert!(html.contains("Sie ersetzen keine Bewertung dieser Website."));
    let run = site.run(&["check"]);
    assert!(
        run.stderr
            .contains("warning[statement/no-test-record]: there is no audits.toml"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_statement_says_what_the_record_says_passed() {
    let site = statement(SiteTest::fixture("plain/site").write("audits.toml", RECORD));
    let html = site.file("public/de/barrierefreiheit/index.html");
    for expected in [
        "<p>Die Website hat diese automatischen Tests bestanden:</p>",
        // The tool's name in its own language, before a colon; the criteria
        // of the audit's own checks (no-js has none).
        "<li><span lang=\"en\" dir=\"ltr\">axe-core 4.14.1</span>: Regeln für WCAG 2.0, 2.1 und 2.2, Stufen A und AA, und weitere Prüfungen im Browser (WCAG-Erfolgskriterien \u{2068}1.4.10, 3.1.1\u{2069}); alle Seiten (geprüfte Seiten: \u{2068}7\u{2069})</li>",
        "<li><span lang=\"en\" dir=\"ltr\">Nu HTML Checker 26.9.27</span>: gültiges HTML; alle Seiten (geprüfte Seiten: \u{2068}7\u{2069})</li>",
        "<li>Geänderte Benutzereinstellungen und Bedienung mit der Tastatur (WCAG-Erfolgskriterien \u{2068}1.4.12, 2.4.7, 2.4.11\u{2069}); eine Seite jeder Art (geprüfte Seiten: \u{2068}3\u{2069})</li>",
    ] {
        assert!(html.contains(expected), "{expected}\n{html}");
    }
    assert_no_record_warning(&site);
}

#[test]
fn an_empty_record_claims_no_browser_test() {
    // The fixture's audits.toml lists no tests (it is not tested in a browser).
    let site = statement(SiteTest::fixture("plain/site"));
    let html = site.file("public/de/barrierefreiheit/index.html");
    assert!(html.contains("(Zahl der Regeln: "), "{html}");
    assert!(!html.contains("Tests bestanden"), "{html}");
    assert!(!html.contains("axe-core"), "{html}");
    assert_no_record_warning(&site);
}

#[test]
fn a_rule_the_site_allows_is_not_counted() {
    let toml = std::fs::read_to_string(crate::harness::fixtures().join("plain/site/site.toml"))
        .expect("site.toml");
    let site = statement(SiteTest::fixture("plain/site").write(
        "site.toml",
        &format!("{toml}\n[lint]\nallow = [\"a11y/meta-refresh\"]\n"),
    ));
    let html = site.file("public/de/barrierefreiheit/index.html");
    // a11y/meta-refresh is the only rule for 2.2.1.
    assert!(
        html.contains(&format!(
            "(Zahl der Regeln: \u{2068}{}\u{2069};",
            RULES.len() - 1
        )),
        "{html}"
    );
    assert!(!html.contains("2.2.1"), "{html}");
}

#[test]
fn a_broken_record_is_an_error_with_its_place() {
    let site = SiteTest::fixture("plain/site").write("audits.toml", "[html]\npages = \"many\"\n");
    let run = site.run(&["check"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("error[audits/invalid]: audits.toml is not a test record"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--> audits.toml:2:"), "{}", run.stderr);
}
