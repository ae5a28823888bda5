//! The texts of the site outside its pages: glossary terms and
//! explanations (`glossary/<lang>.toml`) and the site's Fluent messages
//! (`locales/<lang>/*.ftl`). Their units are keyed by the entry's id, not
//! by position, and spliced back by byte range like page units. A Fluent
//! message with selectors or attributes goes out whole, as Fluent.
//! The glossary's `easy` explanations are rewrites and stay out.

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::inline::Piece;
use super::units::{Kind, Unit};

/// What kind of file a resource is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resource {
    Glossary,
    Fluent,
}

/// The site's resources in the default language: (kind, file relative to the root).
pub fn originals(root: &Path, default: &str) -> Vec<(Resource, PathBuf)> {
    let mut out = Vec::new();
    let glossary = Path::new("glossary").join(format!("{default}.toml"));
    if root.join(&glossary).is_file() {
        out.push((Resource::Glossary, glossary));
    }
    let locales = Path::new("locales").join(default);
    let mut ftl: Vec<PathBuf> = std::fs::read_dir(root.join(&locales))
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .filter_map(|p| p.file_name().map(|n| locales.join(n)))
        .collect();
    ftl.sort();
    out.extend(ftl.into_iter().map(|p| (Resource::Fluent, p)));
    out
}

/// The file of `lang` that corresponds to a resource of the default language.
pub fn target_file(kind: Resource, original: &Path, lang: &str) -> PathBuf {
    let name = original.file_name().map(PathBuf::from).unwrap_or_default();
    match kind {
        Resource::Glossary => Path::new("glossary").join(format!("{lang}.toml")),
        Resource::Fluent => Path::new("locales").join(lang).join(name),
    }
}

/// The units of a resource's text; `Err` says why it cannot be read.
pub fn units(kind: Resource, text: &str) -> Result<Vec<Unit>, String> {
    match kind {
        Resource::Glossary => glossary_units(text),
        Resource::Fluent => Ok(fluent_units(text)),
    }
}

#[derive(Deserialize)]
struct GlossaryFile {
    #[serde(default)]
    term: Vec<GlossaryTerm>,
}

#[derive(Deserialize)]
struct GlossaryTerm {
    id: String,
    term: toml::Spanned<String>,
    explanation: toml::Spanned<String>,
}

fn glossary_units(text: &str) -> Result<Vec<Unit>, String> {
    let file: GlossaryFile = toml::from_str(text).map_err(|e| e.message().to_string())?;
    let mut out = Vec::new();
    for t in file.term {
        for (field, kind, value) in [
            ("term", Kind::Term, &t.term),
            ("explanation", Kind::Explanation, &t.explanation),
        ] {
            out.push(Unit {
                key: format!("{}:{field}", t.id),
                kind,
                range: Some(value.span()),
                text: value.get_ref().clone(),
                pieces: vec![Piece::Text(value.get_ref().clone())],
            });
        }
    }
    Ok(out)
}

/// Fluent messages and terms: `id = value`, the value running on over
/// indented lines. The range is the value's raw text.
fn fluent_units(text: &str) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut current: Option<(String, Range<usize>)> = None;
    let mut finish = |current: &mut Option<(String, Range<usize>)>| {
        if let Some((id, range)) = current.take() {
            let value = text.get(range.clone()).unwrap_or_default().to_string();
            let whole =
                value.contains("->") || value.lines().any(|l| l.trim_start().starts_with('.'));
            out.push(Unit {
                key: id,
                kind: if whole {
                    Kind::FluentWhole
                } else {
                    Kind::Message
                },
                pieces: if whole {
                    vec![Piece::Text(value.clone())]
                } else {
                    placeables(&value)
                },
                range: Some(range),
                text: value,
            });
        }
    };
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let start = offset;
        offset += line.len();
        if content.starts_with([' ', '\t']) && !content.trim().is_empty() {
            if let Some((_, range)) = current.as_mut() {
                range.end = start + content.len();
            }
            continue;
        }
        if content.trim().is_empty() {
            continue;
        }
        finish(&mut current);
        let Some((id, _)) = content.split_once('=') else {
            continue;
        };
        let id = id.trim();
        let is_id = id
            .trim_start_matches('-')
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if content.starts_with('#') || id.is_empty() || !is_id {
            continue;
        }
        let eq = content.find('=').unwrap_or(0) + 1;
        let value_start = start + eq + usize::from(content[eq..].starts_with(' '));
        current = Some((id.to_string(), value_start..start + content.len()));
    }
    finish(&mut current);
    out
}

/// A simple Fluent value cut into text and `{ … }` placeables.
fn placeables(value: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut depth = 0;
    let mut start = 0;
    let mut id = 0;
    for (i, c) in value.char_indices() {
        match c {
            '{' => {
                if depth == 0 && i > start {
                    out.push(Piece::Text(value[start..i].to_string()));
                }
                if depth == 0 {
                    start = i;
                }
                depth += 1;
            }
            '}' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    id += 1;
                    out.push(Piece::Ph {
                        id,
                        data: value[start..=i].to_string(),
                    });
                    start = i + 1;
                }
            }
            _ => {}
        }
    }
    if start < value.len() {
        out.push(Piece::Text(value[start..].to_string()));
    }
    out
}

/// The literal that replaces a unit's range in the file.
pub fn literal(kind: Resource, value: &str) -> String {
    match kind {
        // A JSON string is a TOML basic string.
        Resource::Glossary => serde_json::to_string(value).unwrap_or_default(),
        Resource::Fluent => value.to_string(),
    }
}

/// Text to append for an entry the target file does not have yet.
pub fn appended(kind: Resource, key: &str, term: &str, explanation: &str) -> String {
    match kind {
        Resource::Glossary => format!(
            "\n[[term]]\nid = {}\nterm = {}\nforms = []\nexplanation = {}\n",
            literal(kind, key),
            literal(kind, term),
            literal(kind, explanation)
        ),
        Resource::Fluent => {
            let sep = if term.starts_with('\n') { "" } else { " " };
            format!("{key} ={sep}{term}\n")
        }
    }
}

/// Whether the written file still reads: `Err` says what is wrong.
pub fn validate(kind: Resource, text: &str) -> Result<(), String> {
    match kind {
        Resource::Glossary => glossary_units(text).map(|_| ()),
        Resource::Fluent => {
            fluent_syntax::parser::parse(text)
                .map(|_| ())
                .map_err(|(_, errors)| {
                    errors
                        .first()
                        .map(|e| format!("the Fluent file would not parse: {:?}", e.kind))
                        .unwrap_or_default()
                })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fluent_messages_and_their_values() {
        let ftl = "# c\nsite-title = Wir fördern Integration!\nhello = Hallo { $name }!\ncount = { $n ->\n    [one] ein Eintrag\n   *[other] { $n } Einträge\n  }\nmulti =\n    erste Zeile\n    zweite Zeile\n";
        let u = fluent_units(ftl);
        let v: Vec<(&str, Kind, &str)> = u
            .iter()
            .map(|u| (u.key.as_str(), u.kind, u.text.as_str()))
            .collect();
        assert_eq!(
            v,
            vec![
                ("site-title", Kind::Message, "Wir fördern Integration!"),
                ("hello", Kind::Message, "Hallo { $name }!"),
                (
                    "count",
                    Kind::FluentWhole,
                    "{ $n ->\n    [one] ein Eintrag\n   *[other] { $n } Einträge\n  }"
                ),
                (
                    "multi",
                    Kind::Message,
                    "\n    erste Zeile\n    zweite Zeile"
                ),
            ]
        );
        assert_eq!(
            u[1].pieces[1],
            Piece::Ph {
                id: 1,
                data: "{ $name }".into()
            }
        );
        for unit in &u {
            assert_eq!(&ftl[unit.range.clone().expect("range")], unit.text);
        }
    }

    #[test]
    fn glossary_values_have_the_spans_of_their_literals() {
        let toml = "[[term]]\nid = \"a\"\nterm = \"Wort\"\nforms = []\nexplanation = \"Ein \\\"Wort\\\".\"\n";
        let u = glossary_units(toml).expect("parses");
        assert_eq!(u[0].key, "a:term");
        assert_eq!(&toml[u[0].range.clone().expect("range")], "\"Wort\"");
        assert_eq!(u[1].text, "Ein \"Wort\".");
    }
}
