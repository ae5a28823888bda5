//! Glossary data: `glossary/<lang>.toml`, one `[[term]]` table per term,
//! the same `id` in every language (docs/content/plain-language.md).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::config::Config;
use crate::diag::Diagnostic;

pub mod matcher;

#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub id: String,
    pub term: String,
    #[serde(default)]
    pub forms: Vec<String>,
    pub explanation: String,
    /// The explanation in Leichte Sprache / Easy Read.
    #[serde(default)]
    pub easy: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    term: Vec<Term>,
}

/// Terms per language, sorted by term.
pub type Glossary = BTreeMap<String, Vec<Term>>;

pub fn load(root: &Path, config: &Config) -> (Glossary, Vec<Diagnostic>) {
    let mut out = Glossary::new();
    let mut diags = Vec::new();
    for lang in &config.languages {
        let rel = Path::new("glossary").join(format!("{}.toml", lang.key));
        let path = root.join(&rel);
        // Symbolic links are not followed (`theme::symlink_warnings`).
        if !path.exists() || crate::theme::through_symlink(root, &path) {
            continue;
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) => {
                diags.push(
                    Diagnostic::error(
                        "glossary/unreadable",
                        format!("cannot read the glossary: {e}"),
                    )
                    .file(&rel)
                    .hint("save the glossary as UTF-8 text"),
                );
                continue;
            }
        };
        match toml::from_str::<File>(&text) {
            Ok(file) => {
                let mut terms = file.term;
                let mut seen = std::collections::HashSet::new();
                for (i, t) in terms.iter().enumerate() {
                    // At the term's `[[term]]` line, where it can be found.
                    let at_term = |d: Diagnostic| match nth_table(&text, i) {
                        Some(offset) => d.at_offset(&text, offset),
                        None => d,
                    };
                    for (field, value) in [
                        ("id", &t.id),
                        ("term", &t.term),
                        ("explanation", &t.explanation),
                    ] {
                        if value.trim().is_empty() {
                            diags.push(at_term(
                                Diagnostic::error(
                                    "glossary/invalid",
                                    format!("term {} has an empty `{field}`", i + 1),
                                )
                                .file(&rel)
                                .hint(format!("fill in `{field}` or remove the [[term]]")),
                            ));
                        }
                    }
                    if !seen.insert(t.id.clone()) {
                        diags.push(at_term(
                            Diagnostic::error(
                                "glossary/duplicate-id",
                                format!("the term id `{}` appears twice", t.id),
                            )
                            .file(&rel)
                            .hint("each term needs its own id"),
                        ));
                    }
                }
                terms.sort_by(|a, b| {
                    a.term
                        .to_lowercase()
                        .cmp(&b.term.to_lowercase())
                        .then(a.id.cmp(&b.id))
                });
                out.insert(lang.key.clone(), terms);
            }
            Err(e) => {
                let mut d = Diagnostic::error("glossary/invalid", e.message().trim().to_string())
                    .file(&rel)
                    .hint("each entry is [[term]] with id, term, forms, explanation and easy");
                if let Some(span) = e.span() {
                    d = d.at_offset(&text, span.start);
                }
                diags.push(d);
            }
        }
    }
    (out, diags)
}

/// Where the `n`-th (from 0) `[[term]]` table starts.
fn nth_table(text: &str, n: usize) -> Option<usize> {
    let mut offset = 0;
    let mut seen = 0;
    for line in text.split_inclusive('\n') {
        if line.trim_start().starts_with("[[term]]") {
            if seen == n {
                return Some(offset + (line.len() - line.trim_start().len()));
            }
            seen += 1;
        }
        offset += line.len();
    }
    None
}
