//! One word, one spelling: a word that the Leichte Sprache glossary splits
//! with a Mediopunkt ("Chancen·gleichheit") must be split the same way on
//! the easy pages of its language, and a word the pages split the same
//! way in the glossary. Readers learn a word's shape; "Integrations·konzept"
//! on a page and "Integrations·Konzept" or "Integrationskonzept" in the
//! glossary look like two words.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use pulldown_cmark::{Event, Parser};

use crate::content::Site;
use crate::diag::Diagnostic;
use crate::glossary::Glossary;

pub const RULE: &str = "plain/mediopunkt-split";

/// The word without Mediopunkt, in lower case: what two spellings share.
fn key(word: &str) -> String {
    word.replace('·', "").to_lowercase()
}

/// The words of a text, with their byte offsets; a Mediopunkt or hyphen
/// inside a word belongs to it.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = c.is_alphanumeric() || ((c == '·' || c == '-') && start.is_some());
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, text[s..i].trim_end_matches(['·', '-'])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text[s..].trim_end_matches(['·', '-'])));
    }
    out
}

/// A spelling and where it was first seen: (file, line) or the glossary.
struct Seen {
    spelling: String,
    file: PathBuf,
    line: Option<usize>,
}

/// Findings for every language with easy pages and easy glossary texts.
pub fn check(site: &Site, glossary: &Glossary) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (lang, terms) in glossary {
        let file = Path::new("glossary").join(format!("{lang}.toml"));
        // The glossary's split spellings.
        let mut split: BTreeMap<String, Seen> = BTreeMap::new();
        let mut all: BTreeMap<String, String> = BTreeMap::new();
        for text in terms.iter().filter_map(|t| t.easy.as_deref()) {
            for (_, w) in words(text) {
                all.entry(key(w)).or_insert_with(|| w.to_string());
                if w.contains('·') {
                    split.entry(key(w)).or_insert_with(|| Seen {
                        spelling: w.to_string(),
                        file: file.clone(),
                        line: None,
                    });
                }
            }
        }
        if all.is_empty() {
            continue;
        }
        for page in super::easy_pages(site).filter(|p| p.lang == *lang) {
            for (offset, word) in page_words(&page.body) {
                let line = page.body_line + page.body[..offset].matches('\n').count();
                let k = key(word);
                if let Some(seen) = split.get(&k) {
                    if seen.spelling.to_lowercase() != word.to_lowercase() {
                        out.push(finding(word, &page.file, line, seen));
                    }
                } else if word.contains('·')
                    && let Some(g) = all.get(&k)
                    && g.to_lowercase() != word.to_lowercase()
                {
                    let seen = Seen {
                        spelling: word.to_string(),
                        file: page.file.clone(),
                        line: Some(line),
                    };
                    out.push(finding(g, &file, 0, &seen));
                    // One report per word; later pages are held to this one.
                    split.insert(k, seen);
                }
            }
        }
    }
    out
}

/// The words of a Markdown body outside link targets, code and comments,
/// with their byte offsets in the body.
fn page_words(body: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        if let Event::Text(_) = event {
            let text = &body[range.clone()];
            out.extend(words(text).into_iter().map(|(o, w)| (range.start + o, w)));
        }
    }
    out
}

fn finding(word: &str, file: &Path, line: usize, seen: &Seen) -> Diagnostic {
    let there = match seen.line {
        Some(l) => format!("{}:{l}", seen.file.display()),
        None => seen.file.display().to_string(),
    };
    let d = Diagnostic::warning(
        RULE,
        format!(
            "„{word}“ is split differently in {there}: „{}“",
            seen.spelling
        ),
    )
    .file(file)
    .hint("write the word the same way on the easy pages and in the glossary");
    if line > 0 { d.at(line, 1) } else { d }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_mediopunkt() {
        let w: Vec<&str> = words("Chancen·gleichheit heißt: Alle·")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["Chancen·gleichheit", "heißt", "Alle"]);
    }

    #[test]
    fn link_targets_are_not_words() {
        let w: Vec<&str> = page_words("Das [Leit·bild](@/glossar.md#leitbild) gilt.")
            .into_iter()
            .map(|(_, w)| w)
            .collect();
        assert_eq!(w, ["Das", "Leit·bild", "gilt"]);
    }
}
