//! Readability formulas, chosen per language (docs/content/plain-language.md).
//!
//! | language | formulas |
//! | --- | --- |
//! | German | Flesch–Amstad `180 − ASL − 58.5·ASW`; Wiener Sachtextformel 1 |
//! | English | Flesch Reading Ease `206.835 − 1.015·ASL − 84.6·ASW`; Flesch–Kincaid grade `0.39·ASL + 11.8·ASW − 15.59` |
//! | Turkish | Ateşman `198.825 − 40.175·ASW − 2.610·ASL` |
//! | Russian | Oborneva `206.835 − 1.3·ASL − 60.1·ASW` |
//! | others | LIX `ASL + 100·long words / words` (long: more than 6 letters) |
//!
//! ASL is words per sentence, ASW syllables per word.

use serde::Serialize;

/// What the formulas are computed from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    /// Words of three or more syllables.
    pub polysyllables: usize,
    /// Words of one syllable.
    pub monosyllables: usize,
    /// Words of more than six letters.
    pub long_words: usize,
}

impl Counts {
    pub fn add(&mut self, other: &Counts) {
        self.sentences += other.sentences;
        self.words += other.words;
        self.syllables += other.syllables;
        self.polysyllables += other.polysyllables;
        self.monosyllables += other.monosyllables;
        self.long_words += other.long_words;
    }

    /// Adds one word.
    pub fn word(&mut self, syllables: usize, letters: usize) {
        self.words += 1;
        self.syllables += syllables;
        if syllables >= 3 {
            self.polysyllables += 1;
        }
        if syllables == 1 {
            self.monosyllables += 1;
        }
        if letters > 6 {
            self.long_words += 1;
        }
    }

    fn asl(&self) -> f64 {
        ratio(self.words, self.sentences)
    }

    fn asw(&self) -> f64 {
        ratio(self.syllables, self.words)
    }

    fn percent(&self, n: usize) -> f64 {
        100.0 * ratio(n, self.words)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// The formulas of a language, by stable name; the first is the one
/// sentences are ranked by.
pub fn for_language(lang: &str) -> &'static [&'static str] {
    match lang.split(['-', '_']).next().unwrap_or(lang) {
        "de" => &["flesch-amstad", "wiener-sachtextformel-1"],
        "en" => &["flesch-reading-ease", "flesch-kincaid-grade"],
        "tr" => &["atesman"],
        "ru" => &["oborneva"],
        _ => &["lix"],
    }
}

/// Whether a higher value of the formula means easier text.
pub fn higher_is_easier(name: &str) -> bool {
    matches!(
        name,
        "flesch-amstad" | "flesch-reading-ease" | "atesman" | "oborneva"
    )
}

/// The value of a formula; `None` for an unknown name or no words.
pub fn value(name: &str, c: &Counts) -> Option<f64> {
    if c.words == 0 || c.sentences == 0 {
        return None;
    }
    let v = match name {
        "flesch-amstad" => 180.0 - c.asl() - 58.5 * c.asw(),
        "wiener-sachtextformel-1" => {
            0.1935 * c.percent(c.polysyllables)
                + 0.1672 * c.asl()
                + 0.1297 * c.percent(c.long_words)
                - 0.0327 * c.percent(c.monosyllables)
                - 0.875
        }
        "flesch-reading-ease" => 206.835 - 1.015 * c.asl() - 84.6 * c.asw(),
        "flesch-kincaid-grade" => 0.39 * c.asl() + 11.8 * c.asw() - 15.59,
        "atesman" => 198.825 - 40.175 * c.asw() - 2.610 * c.asl(),
        "oborneva" => 206.835 - 1.3 * c.asl() - 60.1 * c.asw(),
        "lix" => c.asl() + c.percent(c.long_words),
        _ => return None,
    };
    Some(v)
}

/// A formula's name for people.
pub fn label(name: &str) -> &'static str {
    match name {
        "flesch-amstad" => "Flesch–Amstad",
        "wiener-sachtextformel-1" => "Wiener Sachtextformel 1",
        "flesch-reading-ease" => "Flesch Reading Ease",
        "flesch-kincaid-grade" => "Flesch–Kincaid grade",
        "atesman" => "Ateşman",
        "oborneva" => "Oborneva",
        _ => "LIX",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: Option<f64>, b: f64) {
        let a = a.expect("a value");
        assert!((a - b).abs() < 1e-9, "{a} != {b}");
    }

    #[test]
    fn formulas_on_hand_counted_figures() {
        // "Die Stadt hat einen Plan. Der Plan ist gut." — hand-counted:
        // 2 sentences, 9 words, 10 syllables (ei-nen), 8 one-syllable
        // words, no word of 3+ syllables, no word over 6 letters.
        let c = Counts {
            sentences: 2,
            words: 9,
            syllables: 10,
            polysyllables: 0,
            monosyllables: 8,
            long_words: 0,
        };
        close(value("flesch-amstad", &c), 180.0 - 4.5 - 58.5 * 10.0 / 9.0);
        close(
            value("wiener-sachtextformel-1", &c),
            0.1672 * 4.5 - 0.0327 * 800.0 / 9.0 - 0.875,
        );
        close(
            value("flesch-reading-ease", &c),
            206.835 - 1.015 * 4.5 - 84.6 * 10.0 / 9.0,
        );
        close(
            value("flesch-kincaid-grade", &c),
            0.39 * 4.5 + 11.8 * 10.0 / 9.0 - 15.59,
        );
        close(
            value("atesman", &c),
            198.825 - 40.175 * 10.0 / 9.0 - 2.61 * 4.5,
        );
        close(
            value("oborneva", &c),
            206.835 - 1.3 * 4.5 - 60.1 * 10.0 / 9.0,
        );
        close(value("lix", &c), 4.5);
        assert_eq!(value("lix", &Counts::default()), None);
    }

    #[test]
    fn each_language_gets_its_formula() {
        assert_eq!(
            for_language("de"),
            ["flesch-amstad", "wiener-sachtextformel-1"]
        );
        assert_eq!(for_language("en-GB")[0], "flesch-reading-ease");
        assert_eq!(for_language("tr"), ["atesman"]);
        assert_eq!(for_language("ru"), ["oborneva"]);
        assert_eq!(for_language("ar"), ["lix"]);
        assert!(higher_is_easier("flesch-amstad"));
        assert!(!higher_is_easier("lix"));
    }
}
