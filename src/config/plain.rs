//! `[plain]` in site.toml: readability thresholds per variant and language,
//! and the limits of the Leichte Sprache / Easy Read rules
//! (docs/content/plain-language.md). Rules are switched off per site with
//! `[lint] allow`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `[plain]`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PlainSettings {
    /// `plain/sentence-length`: most words a sentence may have.
    #[serde(default = "default_sentence_words")]
    pub max_sentence_words: usize,
    /// `plain/long-compound`: a noun with at least this many letters and no
    /// Mediopunkt or hyphen is reported.
    #[serde(default = "default_compound_letters")]
    pub long_compound_letters: usize,
    /// `[plain.thresholds.<variant>.<lang>]`: replaces the default thresholds
    /// of that variant and language entirely (an empty table turns them off).
    #[serde(default)]
    pub thresholds: BTreeMap<String, BTreeMap<String, Thresholds>>,
}

impl Default for PlainSettings {
    fn default() -> Self {
        PlainSettings {
            max_sentence_words: default_sentence_words(),
            long_compound_letters: default_compound_letters(),
            thresholds: BTreeMap::new(),
        }
    }
}

fn default_sentence_words() -> usize {
    15
}

fn default_compound_letters() -> usize {
    15
}

/// Limits on the readability figures of a page. `None` is no limit.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub min_flesch_amstad: Option<f64>,
    pub max_wiener_sachtextformel: Option<f64>,
    pub min_flesch_reading_ease: Option<f64>,
    pub max_flesch_kincaid_grade: Option<f64>,
    pub min_atesman: Option<f64>,
    pub min_oborneva: Option<f64>,
    pub max_lix: Option<f64>,
}

impl Thresholds {
    /// The limit on a formula, as (is a minimum, value).
    pub fn limit(&self, formula: &str) -> Option<(bool, f64)> {
        let (min, value) = match formula {
            "flesch-amstad" => (true, self.min_flesch_amstad),
            "wiener-sachtextformel-1" => (false, self.max_wiener_sachtextformel),
            "flesch-reading-ease" => (true, self.min_flesch_reading_ease),
            "flesch-kincaid-grade" => (false, self.max_flesch_kincaid_grade),
            "atesman" => (true, self.min_atesman),
            "oborneva" => (true, self.min_oborneva),
            "lix" => (false, self.max_lix),
            _ => (true, None),
        };
        value.map(|v| (min, v))
    }

    /// The site.toml key that sets the limit on a formula.
    pub fn key(formula: &str) -> &'static str {
        match formula {
            "flesch-amstad" => "min_flesch_amstad",
            "wiener-sachtextformel-1" => "max_wiener_sachtextformel",
            "flesch-reading-ease" => "min_flesch_reading_ease",
            "flesch-kincaid-grade" => "max_flesch_kincaid_grade",
            "atesman" => "min_atesman",
            "oborneva" => "min_oborneva",
            _ => "max_lix",
        }
    }
}

impl PlainSettings {
    /// Thresholds of a page in `variant` (`None`: the original) and `lang`.
    /// The site's table wins; else the defaults of docs/content/plain-language.md:
    /// Leichte Sprache (the `easy` variant) Flesch–Amstad ≥ 70 and WSTF ≤ 5,
    /// Easy Read FRE ≥ 75; any other variant (Einfache Sprache / plain
    /// language) Flesch–Amstad ≥ 60, FRE ≥ 60. Originals have none.
    pub fn thresholds(&self, variant: Option<&str>, is_easy: bool, lang: &str) -> Thresholds {
        let Some(variant) = variant else {
            return Thresholds::default();
        };
        if let Some(t) = self.thresholds.get(variant).and_then(|m| m.get(lang)) {
            return t.clone();
        }
        let primary = lang.split(['-', '_']).next().unwrap_or(lang);
        match (is_easy, primary) {
            (true, "de") => Thresholds {
                min_flesch_amstad: Some(70.0),
                max_wiener_sachtextformel: Some(5.0),
                ..Thresholds::default()
            },
            (true, "en") => Thresholds {
                min_flesch_reading_ease: Some(75.0),
                ..Thresholds::default()
            },
            (false, "de") => Thresholds {
                min_flesch_amstad: Some(60.0),
                ..Thresholds::default()
            },
            (false, "en") => Thresholds {
                min_flesch_reading_ease: Some(60.0),
                ..Thresholds::default()
            },
            _ => Thresholds::default(),
        }
    }
}
