//! What the Leichte Sprache and Easy Read rules share: findings located in
//! a unit's text, per-line `allow` comments, and turning findings into
//! diagnostics with file:line:col.
//!
//! A line is exempted from rules with an HTML comment on it:
//! `<!-- vielfalt: allow plain/long-compound plain/negation -->`. A comment
//! alone on its line exempts the next line instead. Rules are switched off
//! for the whole site with `[lint] allow = ["plain/negation"]`.

use std::collections::BTreeMap;
use std::path::Path;

use crate::diag::{Diagnostic, Severity};

use super::readability::Analysis;

/// A rule's finding, located in `Analysis::units[unit].text`.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static str,
    pub unit: usize,
    pub at: usize,
    pub message: String,
    pub hint: String,
    /// Reported as a note (advice), not a warning.
    pub note: bool,
}

/// Rules allowed per 1-based body line.
pub type Allowed = BTreeMap<usize, Vec<String>>;

const MARKER: &str = "vielfalt: allow";

/// Reads the `allow` comments of a body.
pub fn allowed(body: &str) -> Allowed {
    let mut out = Allowed::new();
    for (index, line) in body.lines().enumerate() {
        let mut rest = line;
        while let Some(start) = rest.find("<!--") {
            let after = &rest[start + 4..];
            let Some(end) = after.find("-->") else { break };
            let inner = after[..end].trim();
            if let Some(rules) = inner.strip_prefix(MARKER) {
                let alone = line.trim().starts_with("<!--") && line.trim().ends_with("-->");
                let target = if alone { index + 2 } else { index + 1 };
                out.entry(target).or_default().extend(
                    rules
                        .split(|c: char| c.is_whitespace() || c == ',')
                        .filter(|r| !r.is_empty())
                        .map(str::to_string),
                );
            }
            rest = &after[end + 3..];
        }
    }
    out
}

/// Turns findings into diagnostics, dropping those allowed on their line.
pub fn report(
    findings: Vec<Finding>,
    analysis: &Analysis,
    body: &str,
    body_line: usize,
    file: &Path,
    url: &str,
) -> Vec<Diagnostic> {
    let allowed = allowed(body);
    let mut out = Vec::new();
    for f in findings {
        let Some(unit) = analysis.units.get(f.unit) else {
            continue;
        };
        let offset = unit.source_offset(f.at);
        let (line, column) = crate::diag::line_col(body, offset);
        if allowed
            .get(&line)
            .is_some_and(|rules| rules.iter().any(|r| r == f.rule))
        {
            continue;
        }
        let severity = if f.note {
            Severity::Note
        } else {
            Severity::Warning
        };
        out.push(
            Diagnostic::new(severity, f.rule, f.message)
                .file(file)
                .at(body_line + line - 1, column)
                .hint(f.hint)
                .url(url),
        );
    }
    out
}

/// Byte offsets in `text` where `needle` starts as a whole token: not
/// preceded or followed by a letter or digit. Case-sensitive.
pub fn find_tokens(text: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text.get(from..).and_then(|t| t.find(needle)) {
        let start = from + pos;
        let end = start + needle.len();
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        let edge_ok = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        // A needle ending in "." may be followed by anything.
        if edge_ok(before) && (needle.ends_with('.') || edge_ok(after)) {
            out.push(start);
        }
        from = start + needle.len().max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn allow_comments_cover_their_line_or_the_next() {
        let body = "Satz eins. <!-- vielfalt: allow plain/negation -->\n<!-- vielfalt: allow plain/passive, plain/abbreviation -->\nSatz drei.\n";
        let a = allowed(body);
        assert_eq!(a.get(&1).map(Vec::len), Some(1));
        assert_eq!(
            a.get(&3),
            Some(&vec![
                "plain/passive".to_string(),
                "plain/abbreviation".to_string()
            ])
        );
        assert!(!a.contains_key(&2));
    }

    #[test]
    fn tokens_need_edges() {
        assert_eq!(find_tokens("z. B. und uz. B.", "z. B."), [0]);
        assert_eq!(find_tokens("usw. usw", "usw."), [0]);
    }
}
