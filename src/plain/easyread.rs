//! The smaller rule set for English Easy Read pages: sentence length,
//! numbers written as words, abbreviations and the passive voice.

use super::readability::Analysis;
use super::rules::{Finding, find_tokens};
use crate::config::plain::PlainSettings;

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("thirty", "30"),
    ("forty", "40"),
    ("fifty", "50"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("million", "1 million"),
];

const ABBREVIATIONS: &[(&str, &str)] = &[
    ("e.g.", "for example"),
    ("i.e.", "that means"),
    ("etc.", "name all the things"),
    ("approx.", "about"),
    ("incl.", "with"),
    ("no.", "number"),
    ("vs.", "against"),
    ("ca.", "about"),
];

const BE: &[&str] = &["am", "is", "are", "was", "were", "be", "been", "being"];

const IRREGULAR_PARTICIPLES: &[&str] = &[
    "done", "made", "given", "taken", "written", "seen", "known", "shown", "told", "held", "built",
    "paid", "sent", "kept", "found", "chosen", "spoken", "brought", "bought",
];

/// Checks one analysed English Easy Read page.
pub fn check(a: &Analysis, settings: &PlainSettings) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in &a.sentences {
        let count = s.words.len();
        if count > settings.max_sentence_words {
            out.push(Finding {
                rule: "plain/sentence-length",
                unit: s.unit,
                at: s.range.start,
                message: format!(
                    "this sentence has {count} words; Easy Read allows at most {}",
                    settings.max_sentence_words
                ),
                hint: "split it: one idea per sentence, each on its own line".into(),
                note: false,
            });
        }
        let lower: Vec<String> = s
            .words
            .iter()
            .map(|w| a.word_text(s, w).to_lowercase())
            .collect();
        for (i, (w, word)) in s.words.iter().zip(&lower).enumerate() {
            let text = a.word_text(s, w);
            if let Some((_, digits)) = NUMBER_WORDS.iter().find(|(n, _)| n == word) {
                out.push(Finding {
                    rule: "plain/number-word",
                    unit: s.unit,
                    at: w.range.start,
                    message: format!("the number “{text}” is written as a word"),
                    hint: format!("write numbers as digits: {digits}"),
                    note: false,
                });
            }
            if BE.contains(&word.as_str()) {
                // The participle follows at once or after one adverb ("is still used").
                // "is called" / "is named" introduce a name, the plainest
                // way to say it in Easy Read; they are not reported.
                let passive = lower.iter().skip(i + 1).take(2).any(|next| {
                    (next.len() >= 4
                        && next.ends_with("ed")
                        && !matches!(next.as_str(), "need" | "called" | "named"))
                        || IRREGULAR_PARTICIPLES.contains(&next.as_str())
                });
                if passive {
                    out.push(Finding {
                        rule: "plain/passive",
                        unit: s.unit,
                        at: w.range.start,
                        message: format!("“{text}” with a participle is the passive voice"),
                        hint: "say who does it: “The city makes the plan.” instead of “The plan is made.”".into(),
                        note: false,
                    });
                }
            }
        }
    }
    for (index, unit) in a.units.iter().enumerate() {
        for (abbr, instead) in ABBREVIATIONS {
            let lower = unit.text.to_lowercase();
            for at in find_tokens(&lower, abbr) {
                out.push(Finding {
                    rule: "plain/abbreviation",
                    unit: index,
                    at,
                    message: format!(
                        "“{}” is an abbreviation",
                        unit.text.get(at..at + abbr.len()).unwrap_or(abbr)
                    ),
                    hint: format!("write it out: “{instead}”"),
                    note: false,
                });
            }
        }
    }
    out
}
