//! Diagnostics: one type for every error, warning and note the tool reports
//! about a site, collected by each stage and printed in one place.
//!
//! Stages never print and never exit; they return `Vec<Diagnostic>` next to
//! their value. `report` renders them for people (rustc-like) or as JSON
//! (`check --format json`, see README "JSON schema"), and `exit_code`
//! decides 0/1 in one place.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A finding about the site. `rule` is a stable name (`frontmatter/unknown-key`)
/// that the JSON output and `[lint]` settings refer to. `line` and `column`
/// are 1-based; `column` counts characters, not bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    pub rule: String,
    pub file: Option<PathBuf>,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub message: String,
    pub hint: Option<String>,
    /// The output URL the finding is about, for diagnostics from rendered pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, rule: &str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            rule: rule.to_string(),
            file: None,
            line: None,
            column: None,
            message: message.into(),
            hint: None,
            url: None,
        }
    }

    pub fn error(rule: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Error, rule, message)
    }

    pub fn warning(rule: &str, message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, rule, message)
    }

    pub fn file(mut self, file: impl AsRef<Path>) -> Self {
        self.file = Some(file.as_ref().to_path_buf());
        self
    }

    pub fn at(mut self, line: usize, column: usize) -> Self {
        self.line = Some(line);
        self.column = Some(column);
        self
    }

    /// Sets line and column from a byte offset into `text` (the whole file).
    pub fn at_offset(self, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        self.at(line, column)
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn url(mut self, url: impl Into<String>) -> Self {
        self.url = Some(url.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Sort key giving a stable report order: by file, position, rule, message.
    fn sort_key(&self) -> impl Ord + '_ {
        (
            self.file.clone(),
            self.line,
            self.column,
            self.url.clone(),
            &self.rule,
            &self.message,
        )
    }
}

/// 1-based line and character column of a byte offset. Offsets past the end
/// or inside a multi-byte character are clamped to the nearest boundary.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Sorts diagnostics into report order and removes exact duplicates.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
}

/// Renders diagnostics for a terminal, one block each.
pub fn render_text(diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for d in diagnostics {
        let _ = writeln!(out, "{}[{}]: {}", d.severity.as_str(), d.rule, d.message);
        if let Some(file) = &d.file {
            let mut location = file.display().to_string();
            if let Some(line) = d.line {
                let _ = write!(location, ":{line}");
                if let Some(column) = d.column {
                    let _ = write!(location, ":{column}");
                }
            }
            let _ = writeln!(out, "  --> {location}");
        }
        if let Some(url) = &d.url {
            let _ = writeln!(out, "   = page: {url}");
        }
        if let Some(hint) = &d.hint {
            let _ = writeln!(out, "   = hint: {hint}");
        }
    }
    out
}

pub fn count(diagnostics: &[Diagnostic], severity: Severity) -> usize {
    diagnostics
        .iter()
        .filter(|d| d.severity == severity)
        .count()
}

/// Exit code for a finished run: 1 when there are errors (or, with
/// `strict`, warnings), else 0. Usage errors (2) are decided by the CLI.
pub fn exit_code(diagnostics: &[Diagnostic], strict: bool) -> i32 {
    let failing = diagnostics
        .iter()
        .any(|d| d.is_error() || (strict && d.severity == Severity::Warning));
    i32::from(failing)
}

/// Turns warnings into errors (`--strict`, or rules listed as errors in site.toml).
pub fn promote(diagnostics: &mut [Diagnostic], all: bool, rules: &[String]) {
    for d in diagnostics {
        if d.severity == Severity::Warning && (all || rules.iter().any(|r| r == &d.rule)) {
            d.severity = Severity::Error;
        }
    }
}

/// The closest candidate to `word` by edit distance, for "did you mean" hints.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .filter_map(|c| {
            let distance = edit_distance(word, c);
            // Short words (language tags) are only suggested for a missing or
            // extra letter (`eng` → `en`), not for a different one (`fr` → `ar`).
            let close = if c.chars().count() <= 3 {
                distance == 1 && (word.starts_with(c) || c.starts_with(word))
            } else {
                distance <= (c.chars().count() / 3).max(1)
            };
            close.then_some((distance, c))
        })
        .min()
        .map(|(_, c)| c)
}

/// Edit distance with adjacent transpositions counted as one edit
/// (optimal string alignment), so `titel` is one step from `title`.
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(d[i - 2][j - 2] + 1);
            }
            d[i][j] = best;
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters() {
        let text = "ab\nçé x\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // "çé " is 5 bytes; the x is the 4th character of line 2.
        assert_eq!(line_col(text, 8), (2, 4));
        assert_eq!(line_col(text, 4), (2, 1), "inside ç clamps back");
        assert_eq!(line_col(text, 999), (3, 1));
    }

    #[test]
    fn suggests_close_words_only() {
        let keys = ["title", "description", "date", "weight"];
        assert_eq!(suggest("titel", keys), Some("title"));
        assert_eq!(suggest("wieght", keys), Some("weight"));
        assert_eq!(suggest("colour", keys), None);
        assert_eq!(suggest("eng", ["de", "en", "ar"]), Some("en"));
        assert_eq!(suggest("fr", ["de", "en", "ar"]), None);
    }

    #[test]
    fn strict_turns_warnings_into_failure() {
        let d = vec![Diagnostic::warning("x/y", "m")];
        assert_eq!(exit_code(&d, false), 0);
        assert_eq!(exit_code(&d, true), 1);
    }
}
