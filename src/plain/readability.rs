//! A page's readability: its sentences and words (see `segment`), counted
//! and put through the language's formulas (see `formulas`).

use std::ops::Range;

use serde::Serialize;

use super::formulas::{self, Counts};
use super::segment::{self, Unit, Word};
use super::syllables;

/// One sentence of a page, with its words and counts.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Index into `Analysis::units`.
    pub unit: usize,
    /// Byte range in the unit's text.
    pub range: Range<usize>,
    pub words: Vec<Word>,
    pub counts: Counts,
}

/// A page body, segmented and counted.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub units: Vec<Unit>,
    pub sentences: Vec<Sentence>,
    pub counts: Counts,
}

impl Analysis {
    pub fn sentence_text(&self, s: &Sentence) -> &str {
        self.units
            .get(s.unit)
            .and_then(|u| u.text.get(s.range.clone()))
            .unwrap_or_default()
    }

    pub fn word_text<'a>(&'a self, s: &Sentence, w: &Word) -> &'a str {
        self.units
            .get(s.unit)
            .and_then(|u| u.text.get(w.range.clone()))
            .unwrap_or_default()
    }
}

/// Segments and counts a Markdown page body in language `lang`.
pub fn analyse(body: &str, lang: &str, line_breaks: bool) -> Analysis {
    let units = segment::units(body, line_breaks);
    let pattern = syllables::pattern_language(lang);
    let mut sentences = Vec::new();
    let mut total = Counts::default();
    for (index, unit) in units.iter().enumerate() {
        for range in segment::sentences(&unit.text) {
            let words = segment::words(&unit.text, range.clone());
            if words.is_empty() {
                continue;
            }
            let mut counts = Counts {
                sentences: 1,
                ..Counts::default()
            };
            for w in &words {
                let text = unit.text.get(w.range.clone()).unwrap_or_default();
                counts.word(syllables::count(text, pattern), syllables::letters(text));
            }
            total.add(&counts);
            sentences.push(Sentence {
                unit: index,
                range,
                words,
                counts,
            });
        }
    }
    Analysis {
        units,
        sentences,
        counts: total,
    }
}

/// Counts of a plain text (no Markdown), e.g. one paragraph of a corpus.
pub fn count_text(text: &str, lang: &str) -> Counts {
    analyse(&text.replace('\\', "\\\\"), lang, false).counts
}

/// One formula's value on a page, with the page's limit on it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    pub formula: &'static str,
    pub value: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max: Option<f64>,
    /// Whether the value is within the limit (true where there is none).
    pub ok: bool,
}

/// The readability figures of one page, as `check` reports them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PageReadability {
    pub file: String,
    pub url: String,
    pub lang: String,
    pub variant: Option<String>,
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    pub scores: Vec<Score>,
}

/// Rounds to two decimals, so reports are stable and readable.
pub fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Units shorter than this are not proposed for rewriting before real sentences.
const MIN_SENTENCE_WORDS: usize = 4;

/// The `n` hardest sentences by the language's first formula (ties: the
/// longer sentence first), in order of difficulty.
pub fn hardest<'a>(a: &'a Analysis, lang: &str, n: usize) -> Vec<&'a Sentence> {
    let Some(&formula) = formulas::for_language(lang).first() else {
        return Vec::new();
    };
    let easier_is_higher = formulas::higher_is_easier(formula);
    let mut scored: Vec<(f64, &Sentence)> = a
        .sentences
        .iter()
        .filter_map(|s| {
            let v = formulas::value(formula, &s.counts)?;
            Some((if easier_is_higher { v } else { -v }, s))
        })
        .collect();
    // Real sentences first: a one- or two-word heading or list item scores
    // badly on any formula (one long word is the whole unit), but there is
    // nothing to rewrite in it; such units only fill up the list.
    scored.sort_by(|x, y| {
        (x.1.counts.words < MIN_SENTENCE_WORDS)
            .cmp(&(y.1.counts.words < MIN_SENTENCE_WORDS))
            .then(x.0.total_cmp(&y.0))
            .then(y.1.counts.words.cmp(&x.1.counts.words))
    });
    scored.into_iter().take(n).map(|(_, s)| s).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_counted_german_text() {
        // Hand-counted: 2 sentences; words Die Stadt hat ei-nen Plan / Der
        // Plan ist gut = 9 words, 10 syllables; the list item is its own
        // sentence unit: Al-le ma-chen mit = 3 words, 5 syllables.
        let a = analyse(
            "Die Stadt hat einen Plan. Der Plan ist gut.\n\n- Alle machen mit\n",
            "de",
            false,
        );
        assert_eq!(a.counts.sentences, 3);
        assert_eq!(a.counts.words, 12);
        assert_eq!(a.counts.syllables, 15);
        assert_eq!(a.counts.monosyllables, 9);
        assert_eq!(a.counts.polysyllables, 0);
        let amstad = formulas::value("flesch-amstad", &a.counts).expect("value");
        assert!((amstad - (180.0 - 4.0 - 58.5 * 15.0 / 12.0)).abs() < 1e-9);
    }

    #[test]
    fn hand_counted_english_text() {
        // Hand-counted: The cit-y has a plan. Ev-ery-one can take part.
        // 2 sentences, 9 words, 12 syllables.
        let a = analyse("The city has a plan. Everyone can take part.", "en", false);
        assert_eq!((a.counts.sentences, a.counts.words), (2, 9));
        assert_eq!(a.counts.syllables, 12);
    }

    #[test]
    fn hardest_sentences_come_first() {
        let a = analyse(
            "Das ist gut.\nDie interkulturelle Organisationsentwicklung verändert Verwaltungsstrukturen.\nWir machen mit.\n",
            "de",
            true,
        );
        let hard = hardest(&a, "de", 2);
        assert_eq!(hard.len(), 2);
        assert!(a.sentence_text(hard[0]).starts_with("Die interkulturelle"));
    }
}
