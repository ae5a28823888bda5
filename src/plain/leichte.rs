//! The checkable rules of Leichte Sprache for German `easy` pages (Netzwerk
//! Leichte Sprache rules, DIN SPEC 33429, BITV 2.0 Annex 2). Each is a named
//! rule with a rewrite hint; see docs/content/plain-language.md for the list
//! and what each one deliberately does not catch.

use super::readability::Analysis;
use super::rules::{Finding, find_tokens};
use crate::config::plain::PlainSettings;

const SUBORDINATORS: &[&str] = &[
    "weil",
    "dass",
    "obwohl",
    "obgleich",
    "falls",
    "nachdem",
    "sodass",
    "indem",
    "sofern",
    "wohingegen",
    "bevor",
];

const NUMBER_WORDS: &[(&str, &str)] = &[
    ("zwei", "2"),
    ("drei", "3"),
    ("vier", "4"),
    ("fünf", "5"),
    ("sechs", "6"),
    ("sieben", "7"),
    ("acht", "8"),
    ("neun", "9"),
    ("zehn", "10"),
    ("elf", "11"),
    ("zwölf", "12"),
    ("zwanzig", "20"),
    ("dreißig", "30"),
    ("vierzig", "40"),
    ("fünfzig", "50"),
    ("hundert", "100"),
    ("tausend", "1000"),
    ("million", "1 Million"),
    ("millionen", "… Millionen, mit der Zahl davor als Ziffer"),
];

const SUBJUNCTIVES: &[&str] = &[
    "würde",
    "würden",
    "würdest",
    "hätte",
    "hätten",
    "hättest",
    "könnte",
    "könnten",
    "könntest",
    "müsste",
    "müssten",
    "wäre",
    "wären",
    "dürfte",
    "dürften",
];

const NEGATIONS: &[&str] = &[
    "nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie", "niemals", "nichts",
    "niemand",
];

const GENITIVES: &[&str] = &[
    "des",
    "eines",
    "wegen",
    "trotz",
    "statt",
    "anstatt",
    "innerhalb",
    "außerhalb",
    "aufgrund",
    "mithilfe",
    "bezüglich",
];

const PASSIVE_AUX: &[&str] = &["wird", "werden", "wurde", "wurden", "worden"];

/// Abbreviations and what to write instead.
const ABBREVIATIONS: &[(&str, &str)] = &[
    ("z. B.", "zum Beispiel"),
    ("z.B.", "zum Beispiel"),
    ("usw.", "und so weiter — oder besser: alle Dinge nennen"),
    ("bzw.", "oder"),
    ("d. h.", "das heißt"),
    ("d.h.", "das heißt"),
    ("u. a.", "unter anderem"),
    ("u.a.", "unter anderem"),
    ("etc.", "und so weiter"),
    ("ggf.", "vielleicht"),
    ("evtl.", "vielleicht"),
    ("ca.", "ungefähr"),
    ("inkl.", "mit"),
    ("vgl.", "siehe auch"),
    ("bspw.", "zum Beispiel"),
    ("sog.", "so genannt"),
    ("Nr.", "Nummer"),
];

const SPECIAL: &[(char, &str)] = &[
    (
        '%',
        "schreiben Sie „Prozent“ — oder besser: „die Hälfte“, „viele“",
    ),
    ('&', "schreiben Sie „und“"),
    ('§', "schreiben Sie „Paragraf“ und erklären Sie das Gesetz"),
    (
        '(',
        "machen Sie aus dem Text in Klammern einen eigenen Satz",
    ),
    (';', "machen Sie zwei Sätze daraus"),
];

/// Checks one analysed German easy page.
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
                    "this sentence has {count} words; Leichte Sprache allows at most {}",
                    settings.max_sentence_words
                ),
                hint: "split it: one statement per sentence, each on its own line".into(),
                note: false,
            });
        }
        let lower: Vec<String> = s
            .words
            .iter()
            .map(|w| a.word_text(s, w).replace('·', "").to_lowercase())
            .collect();
        for (i, (w, word)) in s.words.iter().zip(&lower).enumerate() {
            let at = w.range.start;
            let text = a.word_text(s, w);
            let mut push = |rule: &'static str, message: String, hint: String, note: bool| {
                out.push(Finding {
                    rule,
                    unit: s.unit,
                    at,
                    message,
                    hint,
                    note,
                });
            };
            if SUBORDINATORS.contains(&word.as_str()) {
                push(
                    "plain/subordinate-clause",
                    format!("„{text}“ starts a subordinate clause"),
                    "write two main clauses, e.g. „Das ist wichtig. Denn …“ instead of „…, weil …“"
                        .into(),
                    false,
                );
            }
            if let Some((_, digits)) = NUMBER_WORDS.iter().find(|(n, _)| n == word) {
                push(
                    "plain/number-word",
                    format!("the number „{text}“ is written as a word"),
                    format!("write numbers as digits: {digits}"),
                    false,
                );
            }
            if SUBJUNCTIVES.contains(&word.as_str()) {
                push(
                    "plain/subjunctive",
                    format!("„{text}“ is the subjunctive (Konjunktiv)"),
                    "say it directly: „Sie können …“ instead of „Sie könnten …“".into(),
                    false,
                );
            }
            if NEGATIONS.contains(&word.as_str()) {
                push(
                    "plain/negation",
                    format!("„{text}“ is a negation"),
                    "where you can, say it positively: „Das ist erlaubt.“ instead of „Das ist nicht verboten.“".into(),
                    true,
                );
            }
            if GENITIVES.contains(&word.as_str()) {
                push(
                    "plain/genitive",
                    format!("„{text}“ marks a genitive"),
                    "use „von“: „das Haus von dem Vater“ instead of „das Haus des Vaters“".into(),
                    true,
                );
            }
            if PASSIVE_AUX.contains(&word.as_str())
                && lower
                    .iter()
                    .skip(i + 1)
                    .zip(s.words.iter().skip(i + 1))
                    .any(|(l, w)| {
                        let original = a.word_text(s, w);
                        is_participle(l) && original.starts_with(|c: char| c.is_lowercase())
                    })
            {
                push(
                    "plain/passive",
                    format!("„{text}“ with a participle is the passive voice"),
                    "say who does it: „Die Stadt macht den Plan.“ instead of „Der Plan wird gemacht.“".into(),
                    false,
                );
            }
            let letters = text.chars().filter(|&c| c.is_alphabetic()).count();
            if letters >= settings.long_compound_letters
                && !text.contains(['·', '-'])
                && text.starts_with(|c: char| c.is_uppercase())
            {
                push(
                    "plain/long-compound",
                    format!("„{text}“ is a long word ({letters} letters) without a Mediopunkt"),
                    format!(
                        "split the compound with a Mediopunkt, e.g. „{}“, or use a shorter word",
                        suggest_split(text)
                    ),
                    false,
                );
            }
        }
    }
    for (index, unit) in a.units.iter().enumerate() {
        for at in numeric_dates(&unit.text) {
            out.push(Finding {
                rule: "plain/numeric-date",
                unit: index,
                at,
                message: "this date is written only in numbers".into(),
                hint: "write the month as a word: „24. November 2026“ instead of „24.11.2026“"
                    .into(),
                note: false,
            });
        }
        for (abbr, instead) in ABBREVIATIONS {
            for at in find_tokens(&unit.text, abbr) {
                out.push(Finding {
                    rule: "plain/abbreviation",
                    unit: index,
                    at,
                    message: format!("„{abbr}“ is an abbreviation"),
                    hint: format!("write it out: „{instead}“"),
                    note: false,
                });
            }
        }
        for (at, c) in unit.text.char_indices() {
            if let Some((_, hint)) = SPECIAL.iter().find(|(s, _)| *s == c) {
                out.push(Finding {
                    rule: "plain/special-character",
                    unit: index,
                    at,
                    message: format!("the special character „{c}“ is hard to read"),
                    hint: (*hint).to_string(),
                    note: false,
                });
            }
        }
    }
    out
}

/// A past participle of the `ge…t` pattern ("gemacht", "gefragt").
fn is_participle(word: &str) -> bool {
    word.chars().count() >= 5 && word.starts_with("ge") && word.ends_with('t')
}

/// Offsets of dates like 24.11.2026, 24.11. or 2026-11-24.
pub fn numeric_dates(text: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let digits_at = |i: usize| -> usize {
        chars
            .iter()
            .skip(i)
            .take_while(|(_, c)| c.is_ascii_digit())
            .count()
    };
    let is = |i: usize, c: char| chars.get(i).is_some_and(|(_, x)| *x == c);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let boundary = i == 0 || chars.get(i - 1).is_some_and(|&(_, c)| !c.is_alphanumeric());
        let d1 = digits_at(i);
        if boundary && d1 > 0 {
            let j = i + d1;
            // D.M.[YYYY]
            if (1..=2).contains(&d1) && is(j, '.') {
                let d2 = digits_at(j + 1);
                if (1..=2).contains(&d2) && is(j + 1 + d2, '.') {
                    out.push(chars[i].0);
                    i = j + 2 + d2 + digits_at(j + 2 + d2);
                    continue;
                }
            }
            // YYYY-MM-DD
            if d1 == 4
                && is(j, '-')
                && digits_at(j + 1) == 2
                && is(j + 3, '-')
                && digits_at(j + 4) == 2
            {
                out.push(chars[i].0);
                i = j + 6;
                continue;
            }
            i += d1;
            continue;
        }
        i += 1;
    }
    out
}

/// A split suggestion at the last linking element ("s") or the middle.
fn suggest_split(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let middle = chars.len() / 2;
    // Prefer a break after an "s" near the middle (Fugen-s), else after a
    // vowel-consonant boundary near the middle.
    let at = (3..chars.len().saturating_sub(3))
        .filter(|&i| chars.get(i - 1) == Some(&'s'))
        .min_by_key(|&i| i.abs_diff(middle))
        .unwrap_or(middle);
    let head: String = chars.iter().take(at).collect();
    let tail: String = chars.iter().skip(at).collect();
    format!("{head}·{tail}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numeric_dates_are_found() {
        let t = "Am 24.11.2026 und am 1.2. oder 2026-11-24, nicht 3.5 oder 24. November.";
        let found: Vec<&str> = numeric_dates(t).into_iter().map(|i| &t[i..i + 2]).collect();
        assert_eq!(found, ["24", "1.", "20"]);
    }

    #[test]
    fn compound_split_suggestion() {
        assert_eq!(suggest_split("Integrationskonzept"), "Integrations·konzept");
    }
}
