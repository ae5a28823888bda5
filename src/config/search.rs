//! `[search]` in site.toml: whether the build makes a search index and a
//! search page per language, and the URL segment of that page
//! (docs/content/search.md). Off unless the site turns it on: the index
//! costs build time on every page.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::diag::Diagnostic;

/// The segment where a language has none in site.toml.
const DEFAULT_SEGMENT: &str = "search";

/// `[search]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SearchSettings {
    /// Build the index and the search pages.
    #[serde(default)]
    pub enabled: bool,
    /// URL segment of the search page per language key (`/de/suche/`).
    #[serde(default)]
    pub segment: BTreeMap<String, String>,
}

impl SearchSettings {
    /// URL segment of the search page in a language.
    pub fn segment(&self, lang: &str) -> &str {
        self.segment
            .get(lang)
            .map_or(DEFAULT_SEGMENT, String::as_str)
    }

    /// An error for each segment of an unknown language or that is not one
    /// path part; `located` places it at `[search]`.
    pub(super) fn check<V>(
        &self,
        languages: &BTreeMap<String, V>,
        located: &dyn Fn(&str) -> Diagnostic,
    ) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        for (lang, segment) in &self.segment {
            if !languages.contains_key(lang) {
                let mut d = located("search");
                d.rule = "config/unknown-language".into();
                d.message = format!("[search] names a segment for unknown language `{lang}`");
                diags.push(d.hint(format!("use one of: {}", super::keys(languages))));
            }
            if !super::is_segment(segment) {
                let mut d = located("search");
                d.message =
                    format!("[search] has an unusable URL segment `{segment}` for `{lang}`");
                diags.push(d.hint(
                    "a segment is one path part without `/`, `.`, `?`, `#` or spaces, e.g. \"suche\"",
                ));
            }
        }
        diags
    }
}
