//! The editor's workflow (issue 6): `init`, `new update`, `stamp`,
//! outdated detection, the translation status of `check` (text and JSON)
//! and the `status` report, and the Atom feeds of updates.

use crate::harness::SiteTest;

fn basic() -> SiteTest {
    SiteTest::fixture("i18n/basic")
}

fn run_in(args: &[&str]) -> (i32, String, String) {
    let out = assert_cmd::Command::cargo_bin("vielfalt")
        .expect("binary")
        .args(args)
        .output()
        .expect("runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn init_creates_a_site_that_builds_without_warnings() {
    let dir = tempfile::tempdir().expect("tempdir");
    let site = dir.path().join("neu");
    let site_s = site.to_string_lossy().to_string();
    let (code, _, err) = run_in(&["init", &site_s]);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = run_in(&["build", "--root", &site_s]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("with 0 warning(s)"), "{err}");
    assert!(site.join("public/de/leichte-sprache/index.html").exists());
    assert!(site.join("public/en/easy-read/index.html").exists());
    assert!(site.join("public/de/updates/atom.xml").exists());
    let (code, out, err) = run_in(&["check", "--root", &site_s]);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("0 error(s), 0 warning(s)"), "{err}");
    assert!(out.contains("en        4 current, 0 outdated"), "{out}");
    // A second init into the same folder refuses.
    let (code, _, err) = run_in(&["init", &site_s]);
    assert_eq!(code, 1);
    assert!(err.contains("not empty"), "{err}");
}

#[test]
fn new_update_creates_a_dated_file_and_refuses_to_overwrite() {
    let site = basic();
    let run = site.run(&[
        "new",
        "update",
        "Neue Sprechstunde: Café!",
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "content/updates/2026-12-01-neue-sprechstunde-café.md"
    );
    let text = site.file("content/updates/2026-12-01-neue-sprechstunde-café.md");
    assert!(
        text.starts_with("+++\ntitle = \"Neue Sprechstunde: Café!\"\n"),
        "{text}"
    );
    let again = site.run(&[
        "new",
        "update",
        "Neue Sprechstunde: Café!",
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(again.code, 1, "{}", again.stderr);
    assert!(again.stderr.contains("already exists"), "{}", again.stderr);
    let en = site.run(&[
        "new",
        "update",
        "Office hours",
        "--lang",
        "en",
        "--date",
        "2026-12-01",
    ]);
    assert_eq!(en.code, 0, "{}", en.stderr);
    assert!(site.exists("content/updates/2026-12-01-office-hours.en.md"));
    let bad = site.run(&["new", "update", "x", "--lang", "fr"]);
    assert_eq!(bad.code, 2, "{}", bad.stderr);
    assert!(
        bad.stderr.contains("`fr` is not a language"),
        "{}",
        bad.stderr
    );
    // The new update builds.
    assert_eq!(site.build().code, 0);
    assert!(site.exists("public/de/updates/neue-sprechstunde-café/index.html"));
}

fn json_check(site: &SiteTest) -> serde_json::Value {
    let run = site.run(&["check", "--format", "json"]);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn cell<'a>(json: &'a serde_json::Value, file: &str) -> &'a serde_json::Value {
    json["translations"]["cells"]
        .as_array()
        .expect("cells")
        .iter()
        .find(|c| c["file"] == file)
        .unwrap_or_else(|| panic!("no cell for {file}"))
}

#[test]
fn stamp_then_edit_the_original_makes_the_translation_outdated() {
    let site = basic();
    let before = site.file("content/about.en.md");
    let json = json_check(&site);
    assert_eq!(cell(&json, "content/about.en.md")["state"], "unstamped");

    let run = site.run(&[
        "stamp",
        &site.path().join("content/about.en.md").to_string_lossy(),
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let after = site.file("content/about.en.md");
    // Exactly one line was added after the title; every other byte kept.
    let added: Vec<&str> = after
        .lines()
        .filter(|l| !before.lines().any(|b| b == *l))
        .collect();
    assert_eq!(added.len(), 1, "{after}");
    assert!(added[0].starts_with("source_hash = \""), "{after}");
    assert_eq!(after.replace(&format!("{}\n", added[0]), ""), before);
    // Stamping again changes nothing.
    site.run(&[
        "stamp",
        &site.path().join("content/about.en.md").to_string_lossy(),
    ]);
    assert_eq!(site.file("content/about.en.md"), after);

    let json = json_check(&site);
    // Machine translated, not reviewed.
    assert_eq!(cell(&json, "content/about.en.md")["state"], "unreviewed");
    assert!(
        !json["diagnostics"]
            .as_array()
            .expect("diags")
            .iter()
            .any(|d| d["rule"] == "translation/outdated"),
        "not outdated yet"
    );

    let original = site.file("content/about.md");
    let site = site.write(
        "content/about.md",
        &format!("{original}\nEin neuer Absatz.\n"),
    );
    let json = json_check(&site);
    let c = cell(&json, "content/about.en.md");
    assert_eq!(c["state"], "outdated");
    assert_eq!(c["original"], "content/about.md");
    assert!(
        c["action"]
            .as_str()
            .expect("action")
            .contains("vielfalt stamp content/about.en.md")
    );
    let d = json["diagnostics"]
        .as_array()
        .expect("diags")
        .iter()
        .find(|d| d["rule"] == "translation/outdated")
        .expect("an outdated warning");
    assert_eq!(d["severity"], "warning");
    assert_eq!(d["file"], "content/about.en.md");
    assert_eq!(d["line"], 3, "at the source_hash line: {d}");
    assert_eq!(d["column"], 1);
    // Readers see the notice.
    let site = site.build_ok();
    let html = site.file("public/en/about-us/index.html");
    assert!(html.contains("notice-outdated"), "{html}");
    // The text report lists it per language.
    let run = site.run(&["check"]);
    assert!(
        run.stdout.contains("en") && run.stdout.contains("1 outdated"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("outdated     update content/about.en.md"),
        "{}",
        run.stdout
    );
}

#[test]
fn stamp_refuses_originals_and_files_outside_content() {
    let site = basic();
    let run = site.run(&[
        "stamp",
        &site.path().join("content/about.md").to_string_lossy(),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("is an original"), "{}", run.stderr);
    let run = site.run(&["stamp", &site.path().join("site.toml").to_string_lossy()]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

#[test]
fn check_json_has_the_documented_schema() {
    let site = basic().write(
        "content/about.md",
        "+++\ntitle = \"Über uns\"\n+++\n\n[kaputt](@/fehlt.md)\n",
    );
    let json = json_check(&site);
    assert_eq!(json["schema"], 1);
    assert!(json["ok"].is_boolean());
    for d in json["diagnostics"].as_array().expect("diagnostics") {
        for key in [
            "severity", "rule", "file", "line", "column", "message", "hint",
        ] {
            assert!(d.get(key).is_some(), "diagnostic without {key}: {d}");
        }
        assert!(["error", "warning", "note"].contains(&d["severity"].as_str().expect("severity")));
    }
    let t = &json["translations"];
    let langs = t["languages"].as_array().expect("languages");
    assert_eq!(
        langs
            .iter()
            .map(|l| l["lang"].as_str().expect("lang"))
            .collect::<Vec<_>>(),
        ["de", "ar", "en"]
    );
    for l in langs {
        for key in [
            "name",
            "original",
            "current",
            "unreviewed",
            "unstamped",
            "outdated",
            "missing",
            "total",
        ] {
            assert!(l.get(key).is_some(), "language without {key}: {l}");
        }
    }
    for c in t["cells"].as_array().expect("cells") {
        for key in [
            "source", "title", "lang", "variant", "state", "file", "original", "action",
        ] {
            assert!(c.get(key).is_some(), "cell without {key}: {c}");
        }
        assert!(
            [
                "original",
                "current",
                "unreviewed",
                "unstamped",
                "outdated",
                "missing"
            ]
            .contains(&c["state"].as_str().expect("state"))
        );
    }
    // The German original is an original; a missing Arabic news page is missing.
    assert_eq!(cell(&json, "content/about.md")["state"], "original");
    assert_eq!(
        cell(&json, "content/news/2026-11-24-online.ar.md")["state"],
        "missing"
    );
}

#[test]
fn status_writes_one_accessible_self_contained_page() {
    let site = basic();
    let out = site.path().join("report.html");
    let run = site.run(&["status", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(&out).expect("report");
    // In the site's default language, German.
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"de\" dir=\"ltr\">"));
    assert!(!html.contains("<script"), "works without JavaScript");
    assert!(
        !html.contains("src=\"http") && !html.contains("href=\"http"),
        "self-contained"
    );
    assert_eq!(html.matches("<h1>").count(), 1);
    assert!(html.contains("<h1>Übersetzungsstand – \u{2068}Beispielstadt\u{2069}</h1>"));
    assert!(
        html.contains("<progress max=\""),
        "a progress bar per language"
    );
    assert!(
        html.contains("\u{2069} von \u{2068}") && html.contains(" aktuell ("),
        "progress in words too"
    );
    for word in ["Original", "nicht gestempelt", "fehlt"] {
        assert!(html.contains(&format!(">{word}</span>")), "{word} in words");
    }
    for id in ["matrix", "by-state", "by-language", "languages"] {
        assert!(html.contains(&format!("id=\"{id}\"")), "view {id}");
    }
    assert!(
        html.contains("<th scope=\"col\">Sprache</th>"),
        "table headers"
    );
    // What to do, in German, with the command to copy as it is.
    assert!(
        html.contains("\u{2068}content/about.en.md\u{2069} mit \u{2068}content/about.md\u{2069} vergleichen; wenn beide übereinstimmen, ausführen: <code>vielfalt stamp content/about.en.md</code>"),
        "{html}"
    );
}

#[test]
fn the_status_report_follows_the_default_language_and_site_overrides() {
    // English as the default language gives an English report.
    let site_toml =
        std::fs::read_to_string(crate::harness::fixtures().join("i18n/basic/site.toml"))
            .expect("site.toml")
            .replace("default_language = \"de\"", "default_language = \"en\"");
    let site = basic().write("site.toml", &site_toml);
    let out = site.path().join("report.html");
    let run = site.run(&["status", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(&out).expect("report");
    assert!(html.contains("<html lang=\"en\" dir=\"ltr\">"), "{html}");
    assert!(
        html.contains("<h2 id=\"by-state\">Work by urgency</h2>"),
        "{html}"
    );

    // The report's messages are needed in the default language only:
    // other languages lacking one get no coverage warning.
    let site = basic().write(
        "locales/de/status.ftl",
        "status-extra = Nur für die Redaktion\n",
    );
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        !run.stderr.contains("fluent/missing-message"),
        "{}",
        run.stderr
    );

    // A site's message replaces the theme's, its template the theme's.
    let site = basic().write("locales/de/status.ftl", "status-view-by-state = Dringend\n");
    let run = site.run(&["status", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = std::fs::read_to_string(&out).expect("report");
    assert!(html.contains("<h2 id=\"by-state\">Dringend</h2>"), "{html}");
    let site = site.write(
        "templates/status.html",
        "<p>{{ t(key=\"status-state-missing\") }}: {{ by_state | length }}</p>\n",
    );
    let run = site.run(&["status", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        std::fs::read_to_string(&out).expect("report"),
        "<p>fehlt: 14</p>\n"
    );
    // A broken template is an error naming it; nothing is written.
    std::fs::remove_file(&out).expect("remove");
    let site = site.write("templates/status.html", "{{ nope( }}\n");
    let run = site.run(&["status", "--output", &out.to_string_lossy()]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("templates/status.html"),
        "{}",
        run.stderr
    );
    assert!(!out.exists());
}

#[test]
fn atom_feeds_are_valid_newest_first_and_stable() {
    let site = basic()
        .write(
            "content/news/2026-11-30-neu.md",
            "+++\ntitle = \"Neuer\"\ndescription = \"d\"\n+++\nText.\n",
        )
        .build_ok();
    let feed = site.file("public/de/news/atom.xml");
    let mut reader = quick_xml::Reader::from_str(&feed);
    let mut titles = Vec::new();
    let mut ids = Vec::new();
    let mut stack: Vec<String> = Vec::new();
    let mut root_lang = None;
    let mut alternate = false;
    loop {
        match reader.read_event() {
            Ok(quick_xml::events::Event::Start(e)) => {
                let tag = e[..].to_string();
                let name = tag
                    .split_whitespace()
                    .next()
                    .unwrap_or_default()
                    .to_string();
                if name == "feed" {
                    root_lang = tag
                        .split("xml:lang=\"")
                        .nth(1)
                        .and_then(|r| r.split('"').next())
                        .map(str::to_string);
                }
                stack.push(name);
            }
            Ok(quick_xml::events::Event::Empty(e)) => {
                let tag = e[..].to_string();
                if tag.starts_with("link ") && stack.len() == 1 && tag.contains("rel=\"alternate\"")
                {
                    alternate = true;
                }
            }
            Ok(quick_xml::events::Event::Text(t)) => {
                let text = t[..].to_string();
                let path: Vec<&str> = stack.iter().map(String::as_str).collect();
                match path.as_slice() {
                    ["feed", "entry", "title"] => titles.push(text),
                    ["feed", "entry", "id"] => ids.push(text),
                    _ => {}
                }
            }
            Ok(quick_xml::events::Event::End(_)) => {
                stack.pop();
            }
            Ok(quick_xml::events::Event::Eof) => break,
            Err(e) => panic!("not well-formed: {e}\n{feed}"),
            _ => {}
        }
    }
    assert!(stack.is_empty());
    assert_eq!(root_lang.as_deref(), Some("de"));
    assert!(alternate, "the feed links to its HTML page");
    assert!(
        feed.contains("<updated>2026-11-30T00:00:00Z</updated>"),
        "{feed}"
    );
    assert_eq!(
        titles.first().map(String::as_str),
        Some("Neuer"),
        "newest first: {titles:?}"
    );
    assert!(
        ids.iter()
            .all(|i| i.starts_with("https://example.org/site/de/news/")),
        "{ids:?}"
    );
    // Stable: a second build gives the same ids.
    let site = site.build_ok();
    let again = site.file("public/de/news/atom.xml");
    assert_eq!(again, feed);
    // Linked from the language's pages.
    let page = site.file("public/de/index.html");
    assert!(
        page.contains(
            "<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/site/de/news/atom.xml\""
        ),
        "{page}"
    );
}
