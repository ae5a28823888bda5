//! The command line: exit codes and the exact errors a site author sees.

use crate::harness::SiteTest;

fn basic() -> SiteTest {
    SiteTest::fixture("i18n/basic")
}

/// Runs a build that must fail with exit code 1 and returns its stderr.
fn fails(site: &SiteTest) -> String {
    let run = site.build();
    assert_eq!(
        run.code, 1,
        "expected exit 1, got {}:\n{}",
        run.code, run.stderr
    );
    run.stderr_in(site)
}

#[test]
fn unknown_front_matter_key_names_file_line_and_key() {
    let site = basic().write(
        "content/about.md",
        "+++\ntitle = \"Über uns\"\nwieght = 1\n+++\n\nText.\n",
    );
    assert_eq!(
        fails(&site),
        "error[frontmatter/unknown-key]: front matter: unknown field `wieght`, expected one of `title`, `description`, `date`, `updated`, `draft`, `weight`, `slug`, `template`, `source_hash`, `source_segments`, `translation`, `reviewed`, `extra`, `audience`\n  \
         --> content/about.md:3:1\n   \
         = hint: did you mean `weight`? Known keys: title, description, date, updated, draft, weight, slug, template, source_hash, source_segments, translation, reviewed, extra, audience\n\
         vielfalt: build failed with 1 error(s) and 0 warning(s); [SITE]/public was left as it was\n"
    );
}

#[test]
fn invalid_toml_in_site_toml_is_located() {
    let site = basic().write("site.toml", "base_url = \"https://example.org\"\ndefault_language = \"de\n[languages.de]\nname = \"Deutsch\"\n");
    let stderr = fails(&site);
    assert!(stderr.starts_with("error[config/invalid]: "), "{stderr}");
    assert!(stderr.contains("  --> site.toml:2:"), "{stderr}");
}

#[test]
fn invalid_toml_in_front_matter_is_located() {
    let site = basic().write(
        "content/about.md",
        "+++\ntitle = \"Über uns\nweight = 1\n+++\n",
    );
    let stderr = fails(&site);
    assert!(
        stderr.starts_with("error[frontmatter/invalid]: front matter: "),
        "{stderr}"
    );
    assert!(stderr.contains("  --> content/about.md:2:"), "{stderr}");
}

#[test]
fn unknown_language_suffix_names_the_file() {
    let site = basic().write("content/about.fr.md", "+++\ntitle = \"À propos\"\n+++\n");
    assert_eq!(
        fails(&site),
        "error[content/file-name]: `fr` in `about.fr.md` is neither a language nor a variant of site.toml\n  \
         --> content/about.fr.md\n   \
         = hint: languages: de, ar, en; variants: easy. Add it to site.toml or rename the file\n\
         vielfalt: build failed with 1 error(s) and 0 warning(s); [SITE]/public was left as it was\n"
    );
}

#[test]
fn fluent_syntax_error_is_located() {
    let messages =
        std::fs::read_to_string(crate::harness::fixtures().join("i18n/basic/locales/de/site.ftl"))
            .expect("ftl");
    let site = basic().write(
        "locales/de/site.ftl",
        &format!("broken = {{ $x\n\n{messages}"),
    );
    let stderr = fails(&site);
    assert!(
        stderr.starts_with("error[fluent/syntax]: Fluent syntax error: "),
        "{stderr}"
    );
    assert!(
        stderr.contains("  --> locales/de/site.ftl:1:1\n"),
        "{stderr}"
    );
}

#[test]
fn unknown_internal_link_is_located() {
    let site = basic().write(
        "content/about.md",
        "+++\ntitle = \"Über uns\"\n+++\n\nErste Zeile.\n\nSiehe [dort](@/nirgends.md#x).\n",
    );
    let stderr = fails(&site);
    assert!(
        stderr.starts_with("error[link/unknown-page]: the link `@/nirgends.md#x` points to no page\n  --> content/about.md:7:7\n"),
        "{stderr}"
    );
}

#[test]
fn missing_template_names_page_and_template() {
    let site = basic().write(
        "content/about.md",
        "+++\ntitle = \"Über uns\"\ntemplate = \"fancy.html\"\n+++\n",
    );
    let stderr = fails(&site);
    assert!(
        stderr.starts_with("error[template/missing]: the page asks for template `fancy.html`, which does not exist\n  --> content/about.md\n"),
        "{stderr}"
    );
}

#[test]
fn template_syntax_error_is_located() {
    let site = basic().write("templates/page.html", "{% extends \"base.html\" %}\n{% block content %}\n{{ page.title \n{% endblock content %}\n");
    let stderr = fails(&site);
    assert!(stderr.starts_with("error[template/error]: "), "{stderr}");
    assert!(stderr.contains("  --> templates/page.html:"), "{stderr}");
}

#[test]
fn a_menu_template_that_reads_the_page_is_an_error_naming_it() {
    // menu.html is shared by the pages of a language: it sees no `page`.
    let site = basic().write("templates/menu.html", "<nav>{{ page.title }}</nav>");
    let stderr = fails(&site);
    assert!(stderr.contains("error[template/error]: "), "{stderr}");
    assert!(stderr.contains("  --> templates/menu.html"), "{stderr}");
}

#[test]
fn two_pages_with_the_same_url_are_an_error() {
    let site = basic().write(
        "content/other.md",
        "+++\ntitle = \"Anders\"\nslug = \"about\"\n+++\n",
    );
    let stderr = fails(&site);
    assert!(
        stderr.contains("error[content/duplicate-url]: `content/about.md` and `content/other.md` would both be written to /de/about/\n  --> content/other.md\n"),
        "{stderr}"
    );
}

#[test]
fn two_files_for_one_page_are_an_error() {
    let site = basic().write("content/about.de.md", "+++\ntitle = \"Doppelt\"\n+++\n");
    let stderr = fails(&site);
    assert!(stderr.contains("error[content/duplicate-page]: `content/about.de.md` and `content/about.md` are the same page"), "{stderr}");
}

#[test]
fn all_errors_of_a_build_are_reported_together() {
    let site = basic()
        .write("content/a.md", "+++\ntitel = \"x\"\n+++\n")
        .write("content/b.xx.md", "+++\ntitle = \"x\"\n+++\n")
        .write("content/c.md", "+++\ntitle = \"x\"\n+++\n[x](@/none.md)\n");
    let stderr = fails(&site);
    for rule in [
        "frontmatter/unknown-key",
        "content/file-name",
        "link/unknown-page",
    ] {
        assert!(
            stderr.contains(&format!("error[{rule}]")),
            "{rule} missing in:\n{stderr}"
        );
    }
    assert!(
        stderr.ends_with(
            "build failed with 3 error(s) and 0 warning(s); [SITE]/public was left as it was\n"
        ),
        "{stderr}"
    );
}

#[test]
fn missing_site_toml_is_an_error_not_a_panic() {
    let site = basic().remove("site.toml");
    let stderr = fails(&site);
    assert!(
        stderr.starts_with("error[config/unreadable]: cannot read site.toml"),
        "{stderr}"
    );
}

#[test]
fn usage_errors_exit_with_2() {
    let site = basic();
    assert_eq!(site.run(&["build", "--no-such-flag"]).code, 2);
    assert_eq!(site.run(&["frobnicate"]).code, 2);
    let help = assert_cmd::Command::cargo_bin("vielfalt")
        .expect("bin")
        .arg("--help")
        .output()
        .expect("runs");
    assert_eq!(help.status.code(), Some(0));
}

#[test]
fn strict_turns_warnings_into_a_failed_build() {
    let site = basic().write(
        "content/about.md",
        "+++\ntitle = \"Über uns\"\n+++\n\n[kaputt](/site/de/gibt-es-nicht/)\n",
    );
    let relaxed = site.build();
    assert_eq!(relaxed.code, 0, "{}", relaxed.stderr);
    assert!(
        relaxed.stderr.contains("warning[link/broken]"),
        "{}",
        relaxed.stderr
    );
    let strict = site.run(&["build", "--strict"]);
    assert_eq!(strict.code, 1, "{}", strict.stderr);
    assert!(
        strict.stderr.contains("error[link/broken]"),
        "{}",
        strict.stderr
    );
}

#[test]
fn check_writes_nothing_and_reports_json() {
    let site = basic().write(
        "content/about.md",
        "+++\ntitle = \"Über uns\"\n+++\n\n[kaputt](/site/de/gibt-es-nicht/#x)\n",
    );
    let run = site.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(!site.exists("public"), "check must not write output");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
    let d = &json["diagnostics"][0];
    for key in [
        "severity", "rule", "file", "line", "column", "message", "hint",
    ] {
        assert!(d.get(key).is_some(), "diagnostic lacks `{key}`: {d}");
    }
    assert_eq!(d["rule"], "link/broken");
    assert_eq!(d["severity"], "warning");
}

#[test]
fn a_message_missing_in_a_language_is_a_warning_naming_key_and_language() {
    let site = basic().write("locales/de/extra.ftl", "only-in-german = Nur auf Deutsch\n");
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warning[fluent/missing-message]"))
        .collect();
    assert_eq!(
        warnings.len(),
        2,
        "one warning per language lacking it:\n{}",
        run.stderr
    );
    assert!(
        warnings[0].contains("in `ar`") && warnings[0].contains("only-in-german"),
        "{}",
        warnings[0]
    );
    assert!(
        warnings[1].contains("in `en`") && warnings[1].contains("only-in-german"),
        "{}",
        warnings[1]
    );
}
