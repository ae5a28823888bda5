//! Diagnostics: one type for every error, warning and note the tool reports
//! about a site, collected by each stage and printed in one place.
//!
//! Stages never print and never exit; they return `Vec<Diagnostic>` next to
//! their value. `report` renders them for people (rustc-like) or as JSON
//! (`check --format json`, see docs/content/command-line.md), and `exit_code`
//! decides 0/1 in one place.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
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
    /// The same finding on other pages too ([`group`]).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repeated: Option<Repeated>,
}

/// One finding made on several pages, reported once: on how many pages,
/// and the first few (the first is also the finding's `url`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Repeated {
    pub count: usize,
    pub pages: Vec<String>,
}

/// How many pages a repeated finding lists.
const SHOWN_PAGES: usize = 3;

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
            repeated: None,
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

/// Folds findings that differ only in the page they are about (the same
/// severity, rule, file, position, message and hint; another `url`) into
/// the first of them in report order, with the count and the first few
/// pages: one cause, such as a Fluent message that every page's template
/// fails on, is reported once instead of once per page. Keeps the order.
pub fn group(diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    type Key = (
        Severity,
        String,
        Option<PathBuf>,
        Option<usize>,
        Option<usize>,
        String,
        Option<String>,
    );
    let mut out: Vec<Diagnostic> = Vec::with_capacity(diagnostics.len());
    let mut first: HashMap<Key, usize> = HashMap::new();
    for d in diagnostics {
        let Some(url) = d.url.clone() else {
            out.push(d);
            continue;
        };
        let key = (
            d.severity,
            d.rule.clone(),
            d.file.clone(),
            d.line,
            d.column,
            d.message.clone(),
            d.hint.clone(),
        );
        let Some(kept) = first.get(&key).and_then(|&i| out.get_mut(i)) else {
            first.insert(key, out.len());
            out.push(d);
            continue;
        };
        let repeated = kept.repeated.get_or_insert_with(|| Repeated {
            count: 1,
            pages: kept.url.iter().cloned().collect(),
        });
        repeated.count += 1;
        if repeated.pages.len() < SHOWN_PAGES {
            repeated.pages.push(url);
        }
    }
    out
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
        match (&d.repeated, &d.url) {
            (Some(r), _) => {
                let more = r.count.saturating_sub(r.pages.len());
                let _ = write!(out, "   = on {} pages: {}", r.count, r.pages.join(", "));
                if more > 0 {
                    let _ = write!(out, " and {more} more");
                }
                out.push('\n');
            }
            (None, Some(url)) => {
                let _ = writeln!(out, "   = page: {url}");
            }
            (None, None) => {}
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
    fn a_finding_repeated_over_pages_is_reported_once() {
        let on = |url: &str| {
            Diagnostic::error(
                "template/error",
                "message `site-title` in `de` cannot be formatted",
            )
            .hint("fix the message")
            .url(url)
        };
        let other = Diagnostic::error("template/error", "another cause").url("/de/");
        let grouped = group(vec![
            on("/de/"),
            other.clone(),
            on("/de/a/"),
            on("/de/b/"),
            on("/de/c/"),
            on("/de/d/"),
        ]);
        assert_eq!(grouped.len(), 2, "{grouped:#?}");
        assert_eq!(grouped[1], other, "a different message stays apart");
        let repeated = grouped[0].repeated.as_ref().expect("grouped");
        assert_eq!(repeated.count, 5);
        assert_eq!(repeated.pages, ["/de/", "/de/a/", "/de/b/"]);
        assert_eq!(
            render_text(&grouped[..1]),
            "error[template/error]: message `site-title` in `de` cannot be formatted\n   = on 5 pages: /de/, /de/a/, /de/b/ and 2 more\n   = hint: fix the message\n"
        );
        // Findings with no page, or at another place, are not folded.
        let a = Diagnostic::warning("x/y", "m")
            .file("content/a.md")
            .url("/a/");
        let b = Diagnostic::warning("x/y", "m")
            .file("content/b.md")
            .url("/b/");
        let c = Diagnostic::warning("x/y", "m");
        assert_eq!(
            group(vec![a.clone(), b.clone(), c.clone(), c.clone()]),
            [a, b, c.clone(), c]
        );
    }

    #[test]
    fn strict_turns_warnings_into_failure() {
        let d = vec![Diagnostic::warning("x/y", "m")];
        assert_eq!(exit_code(&d, false), 0);
        assert_eq!(exit_code(&d, true), 1);
    }
}
