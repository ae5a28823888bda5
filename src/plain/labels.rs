//! Link names that Leichte Sprache and Easy Read pages tell readers to look
//! for must be the names the interface shows. A page that says "this link:
//! Diese Seite in Standardsprache" while the link reads "Diese Seite in
//! Standard·sprache" sends readers looking for something that is not there.
//!
//! A name is recognised where an easy page introduces one: a line ending
//! in "Link:" / "link:" gives the next line; "Link heißt: X" / "link says:
//! X" gives X; a quotation („X“, “X”, "X") on a line that mentions a link
//! gives X. The name must be an interface message of the page's language
//! (where a message `X-easy` exists, it and not `X`: the easy pages show
//! it), a page title in that language, or the text of a link on the page.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use std::path::Path;

use crate::content::Site;
use crate::diag::Diagnostic;
use crate::i18n::I18n;

pub const RULE: &str = "plain/unknown-link-name";

/// The link names a body quotes, with their 0-based line in the body.
fn quoted_names(body: &str) -> Vec<(usize, String)> {
    let lines: Vec<&str> = body.lines().collect();
    let mut out = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let text = strip_comment(line);
        let lower = text.to_lowercase();
        if !lower.contains("link") {
            continue;
        }
        if lower.ends_with("link:") {
            if let Some((j, next)) = lines
                .iter()
                .enumerate()
                .skip(i + 1)
                .find(|(_, l)| !l.trim().is_empty())
            {
                let next = strip_comment(next);
                if !next.starts_with(['-', '*', '#', '[']) {
                    out.push((j, next.to_string()));
                }
            }
        } else if let Some(pos) = ["heißt: ", "says: "]
            .iter()
            .find_map(|m| text.find(m).map(|p| p + m.len()))
        {
            out.push((i, text[pos..].trim().to_string()));
        }
        for (open, close) in [('„', '“'), ('“', '”'), ('"', '"')] {
            let mut rest = text;
            while let Some(start) = rest.find(open) {
                let after = &rest[start + open.len_utf8()..];
                let Some(end) = after.find(close) else { break };
                out.push((i, after[..end].trim().to_string()));
                rest = &after[end + close.len_utf8()..];
            }
        }
    }
    out.retain(|(_, name)| !name.is_empty());
    out
}

/// The line without an HTML comment (`<!-- vielfalt: allow … -->`).
fn strip_comment(line: &str) -> &str {
    line.split("<!--").next().unwrap_or(line).trim()
}

/// The texts of the Markdown links of a body.
fn link_texts(body: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Option<String> = None;
    for event in Parser::new_ext(body, crate::markdown::options()) {
        match event {
            Event::Start(Tag::Link { .. }) => current = Some(String::new()),
            Event::End(TagEnd::Link) => out.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = current.as_mut() {
                    c.push_str(&t);
                }
            }
            _ => {}
        }
    }
    out
}

/// Findings of every easy page of `site`.
pub fn check(site: &Site, i18n: &I18n) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let mut labels: std::collections::HashMap<&str, Vec<String>> = std::collections::HashMap::new();
    for page in super::easy_pages(site) {
        let known = labels.entry(page.lang.as_str()).or_insert_with(|| {
            // A message `X-easy` replaces `X` on easy pages.
            let texts = i18n.texts(&page.lang);
            let mut k: Vec<String> = texts
                .iter()
                .filter(|(id, _)| {
                    !texts
                        .iter()
                        .any(|(other, _)| *other == format!("{id}-easy"))
                })
                .map(|(_, text)| text.clone())
                .collect();
            k.extend(
                site.pages
                    .iter()
                    .filter(|p| p.lang == page.lang)
                    .map(|p| p.front.title.clone()),
            );
            k
        });
        out.extend(check_body(&page.body, &page.file, page.body_line, known));
    }
    out
}

/// Findings of one body; `body_line` is the file line the body starts on.
fn check_body(body: &str, file: &Path, body_line: usize, known: &[String]) -> Vec<Diagnostic> {
    let links = link_texts(body);
    quoted_names(body)
        .into_iter()
        .filter(|(_, name)| !known.iter().chain(&links).any(|k| k.trim() == name))
        .map(|(line, name)| {
            let near = known.iter().find(|k| {
                k.replace('·', "").to_lowercase() == name.replace('·', "").to_lowercase()
            });
            let hint = match near {
                Some(k) => format!("the interface says „{k}“: write it exactly so"),
                None => "quote the link's name exactly as the page shows it".to_string(),
            };
            Diagnostic::warning(RULE, format!("the link name „{name}“ is not on the page"))
                .file(file)
                .at(body_line + line, 1)
                .hint(hint)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_found_where_a_page_introduces_them() {
        let body = "Auf jeder Seite steht dieser Link:\nDiese Seite in Standard·sprache\n\
                    Ein Link heißt: Alle Sprachen <!-- vielfalt: allow x -->\n\
                    Klicken Sie auf den Link „Glossar“.\nDas ist „kein Name“.\n";
        assert_eq!(
            quoted_names(body),
            [
                (1, "Diese Seite in Standard·sprache".to_string()),
                (2, "Alle Sprachen".to_string()),
                (3, "Glossar".to_string()),
            ]
        );
    }

    #[test]
    fn a_name_the_interface_does_not_show_is_reported_and_a_shown_one_is_not() {
        let known = [
            "Diese Seite in Standard·sprache".to_string(),
            "Alle Sprachen".to_string(),
        ];
        let file = Path::new("content/_index.easy.md");
        let check = |body: &str| check_body(body, file, 5, &known);
        let clean = check(
            "Dieser Link:\nDiese Seite in Standard·sprache\nDer Link heißt: Alle Sprachen\n[Glossar](@/glossar.md)\nDer Link „Glossar“ führt dorthin.\n",
        );
        assert_eq!(clean.len(), 0, "{clean:?}");
        let found = check("Dieser Link:\nDiese Seite in Standardsprache\n");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].rule, RULE);
        assert_eq!(found[0].line, Some(6));
        assert!(
            found[0]
                .hint
                .as_deref()
                .is_some_and(|h| h.contains("„Diese Seite in Standard·sprache“")),
            "{:?}",
            found[0].hint
        );
    }
}
