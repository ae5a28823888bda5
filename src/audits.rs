//! What the site is tested with, for the accessibility statement's method
//! section: the build's own lint rules (from `lint::registry`, minus those
//! `[lint] allow` switches off) and the record of the browser test suite,
//! `audits.toml` at the site root. The suite (tests/it/browser.rs) writes
//! that record after a run in which every check passed, and fails when the
//! committed record differs from what it ran; it holds tool versions, the
//! checks with their WCAG criteria and page counts, no dates, so it
//! changes only when the tests do. This module reads it and says what the
//! statement may claim; it runs nothing.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;

pub const FILE: &str = "audits.toml";

/// The comment the suite writes above the record.
pub const HEADER: &str = "\
# What the browser test suite (tests/it/browser.rs) ran over this site, in
# a run in which every check passed. Written by the suite, not by hand:
#   VIELFALT_BLESS=1 cargo test --test it browser -- --include-ignored
# The suite fails when this record differs from what it ran. The
# accessibility statement's method section is made from it.
";

/// `audits.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Audits {
    /// axe-core and the audit's own checks, in Chromium, on every page.
    pub audit: Option<Audit>,
    /// The Nu HTML Checker on every page.
    pub html: Option<Html>,
    /// The preference matrix on a sample of pages.
    pub matrix: Option<Matrix>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    pub axe_version: String,
    /// The axe-core rule tags run (`wcag2a`, `wcag22aa`, …).
    pub axe_tags: Vec<String>,
    pub pages: usize,
    /// The audit's checks besides axe's.
    pub checks: Vec<Check>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Html {
    pub checker_version: String,
    pub pages: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    /// Pages sampled, one of each template shape.
    pub pages: usize,
    pub checks: Vec<Check>,
}

/// One check and the WCAG success criteria it tests.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Check {
    pub check: String,
    pub wcag: Vec<String>,
}

impl Audits {
    /// The record as the suite writes it.
    pub fn to_toml(&self) -> String {
        format!(
            "{HEADER}\n{}",
            toml::to_string(self).expect("the record is plain data")
        )
    }
}

/// Reads `audits.toml` in `root`: `None` when there is none (or it cannot
/// be used; the diagnostic says why).
pub fn load(root: &Path) -> (Option<Audits>, Vec<Diagnostic>) {
    let text = match std::fs::read_to_string(root.join(FILE)) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (None, Vec::new()),
        Err(e) => {
            return (
                None,
                vec![
                    Diagnostic::error("audits/unreadable", format!("cannot read {FILE}: {e}"))
                        .file(FILE)
                        .hint("save it as UTF-8 text, or delete it and let the test suite write it again"),
                ],
            );
        }
    };
    match toml::from_str(&text) {
        Ok(a) => (Some(a), Vec::new()),
        Err(e) => {
            let mut d = Diagnostic::error(
                "audits/invalid",
                format!("{FILE} is not a test record: {}", e.message()),
            )
            .file(FILE)
            .hint("do not edit it by hand: run `VIELFALT_BLESS=1 cargo test --test it browser -- --include-ignored` to write it");
            if let Some(span) = e.span() {
                d = d.at_offset(&text, span.start);
            }
            (None, vec![d])
        }
    }
}

/// `statement/no-test-record`: a site with an accessibility statement and
/// no record, whose statement then names only the build's own checks.
pub fn check(has_statement: bool, audits: Option<&Audits>) -> Option<Diagnostic> {
    (has_statement && audits.is_none()).then(|| {
        Diagnostic::warning(
            "statement/no-test-record",
            format!("there is no {FILE}: the accessibility statement names only the build's own checks, not the browser tests"),
        )
        .file(FILE)
        .hint("run the browser tests with VIELFALT_BLESS=1 (`VIELFALT_BLESS=1 cargo test --test it browser -- --include-ignored`); they write the record when every check passes")
    })
}

/// The statement's method section as template values: the criteria of
/// the lint rules the build runs (each rule's `criterion`, as in
/// `lint::registry`) and what the record says passed.
pub fn statement_value<'a>(
    lint_criteria: impl ExactSizeIterator<Item = &'a str>,
    audits: Option<&Audits>,
) -> serde_json::Value {
    let rules = lint_criteria.len();
    let lint_criteria: Vec<&str> = lint_criteria
        .flat_map(|c| {
            c.split("; ")
                .filter_map(|c| c.split_once(' ').map(|(number, _)| number))
        })
        .collect();
    serde_json::json!({
        "lint_rules": rules,
        "lint_criteria": criteria(lint_criteria.into_iter()),
        "audit": audits.and_then(|a| a.audit.as_ref()).map(|a| serde_json::json!({
            "version": a.axe_version,
            "pages": a.pages,
            "criteria": criteria(a.checks.iter().flat_map(|c| c.wcag.iter().map(String::as_str))),
        })),
        "html": audits.and_then(|a| a.html.as_ref()).map(|h| serde_json::json!({
            "version": h.checker_version,
            "pages": h.pages,
        })),
        "matrix": audits.and_then(|a| a.matrix.as_ref()).map(|m| serde_json::json!({
            "pages": m.pages,
            "criteria": criteria(m.checks.iter().flat_map(|c| c.wcag.iter().map(String::as_str))),
        })),
    })
}

/// WCAG success criteria (`1.4.10`) in numeric order, each once, joined
/// with commas; what is not a criterion number ("—") is left out.
fn criteria<'a>(numbers: impl Iterator<Item = &'a str>) -> String {
    let mut parsed: Vec<(Vec<u32>, &str)> = numbers
        .filter_map(|n| {
            let parts: Option<Vec<u32>> = n.split('.').map(|p| p.parse().ok()).collect();
            parts.filter(|p| p.len() == 3).map(|p| (p, n))
        })
        .collect();
    parsed.sort();
    parsed.dedup();
    parsed
        .iter()
        .map(|(_, n)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn criteria_are_sorted_by_number_once_each() {
        assert_eq!(
            criteria(["2.4.11", "1.4.10", "—", "1.4.4", "2.4.7", "1.4.10"].into_iter()),
            "1.4.4, 1.4.10, 2.4.7, 2.4.11"
        );
    }

    #[test]
    fn a_record_reads_back_as_written() {
        let record = Audits {
            audit: None,
            html: Some(Html {
                checker_version: "26.9.27".into(),
                pages: 3,
            }),
            matrix: Some(Matrix {
                pages: 2,
                checks: vec![Check {
                    check: "keyboard".into(),
                    wcag: vec!["2.4.7".into()],
                }],
            }),
        };
        let text = record.to_toml();
        assert!(text.starts_with("# What the browser test suite"));
        assert_eq!(toml::from_str::<Audits>(&text).expect("parses"), record);
    }
}
