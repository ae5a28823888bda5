//! `i18n/untranslated-value` (issue 23): an interface text readers of one
//! language see in another language, found where the renderer looks it up,
//! with the file its translation belongs in.

use crate::harness::SiteTest;

/// The fixture's page template with one more interface text.
const PAGE: &str = r#"{% extends "base.html" %}
{% block content %}
<article>
<h1>{{ page.title }}</h1>
{% include "notices.html" %}{{ page.content | safe }}
<p>{{ t(key="opening-hours") }}</p>
</article>
{% endblock content %}
"#;

fn warnings(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("warning[i18n/untranslated-value]"))
        .collect()
}

#[test]
fn a_german_text_on_arabic_and_english_pages_names_the_file_to_translate_it_in() {
    let site = SiteTest::fixture("i18n/basic")
        .write(
            "locales/de/hours.ftl",
            "opening-hours = Montag bis Freitag\n",
        )
        .write("templates/page.html", PAGE);
    let run = site.run(&["check"]);
    let found = warnings(&run.stderr);
    assert_eq!(found.len(), 2, "one per language:\n{}", run.stderr);
    // ar's chain is en, then de: the German text, in Arabic pages.
    assert!(
        found[0].contains(
            "pages in `ar` show 1 interface text(s) in `de` inside `ar` text: opening-hours"
        ),
        "{}",
        found[0]
    );
    assert!(
        found[1].contains("pages in `en` show 1 interface text(s) in `de`"),
        "{}",
        found[1]
    );
    let stderr = run.stderr_in(&site);
    assert!(
        stderr.contains("translate it into `ar` in locales/ar/hours.ftl"),
        "{stderr}"
    );
    assert!(stderr.contains("--> locales/en/hours.ftl"), "{stderr}");
}

#[test]
fn a_message_no_page_shows_is_not_a_value_readers_see() {
    // The same message, not used by any template: only the catalogue's
    // completeness warning (`fluent/missing-message`).
    let site = SiteTest::fixture("i18n/basic").write(
        "locales/de/hours.ftl",
        "opening-hours = Montag bis Freitag\n",
    );
    let run = site.run(&["check"]);
    assert!(warnings(&run.stderr).is_empty(), "{}", run.stderr);
    assert!(
        run.stderr.contains("fluent/missing-message"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_language_the_theme_lacks_shows_the_theme_texts_of_its_fallback() {
    // Albanian: no built-in theme texts, a site title of its own.
    let toml = std::fs::read_to_string(crate::harness::fixtures().join("i18n/basic/site.toml"))
        .expect("site.toml");
    let toml = toml.replace(
        "[variants.easy]",
        "[languages.sq]\nname = \"Shqip\"\nfallback = [\"en\"]\n\n[variants.easy]",
    );
    let site = SiteTest::fixture("i18n/basic")
        .write("site.toml", &toml)
        .write(
            "locales/sq/site.ftl",
            "site-title = Qyteti shembull\nstatement-organisation = Qyteti shembull\nstatement-legal-basis = Baza ligjore.\nstatement-enforcement-name = Organi i pajtimit\n",
        );
    let run = site.run(&["check"]);
    let found = warnings(&run.stderr);
    assert_eq!(found.len(), 1, "{}", run.stderr);
    assert!(found[0].contains("pages in `sq` show "), "{}", found[0]);
    assert!(
        found[0].contains(" in `en` inside `sq` text: "),
        "{}",
        found[0]
    );
    // The skip link's text is one of them; the site title is not.
    assert!(found[0].contains("skip-to-content"), "{}", found[0]);
    assert!(!found[0].contains("site-title"), "{}", found[0]);
    assert!(
        run.stderr
            .contains("translate them into `sq` in locales/sq/theme.ftl"),
        "{}",
        run.stderr
    );
}
