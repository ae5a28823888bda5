//! A page cut into translatable units: title and description from front
//! matter, then every run of inline text of the body (headings,
//! paragraphs, list items, table cells, quotes, footnotes) with its byte
//! range in the file, so that import can splice a translation in without
//! touching any other byte. Code blocks and HTML blocks are not text to
//! translate and are left out.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use super::inline::{self, Piece};

/// What kind of block a unit comes from. Two pages align when their
/// units have the same kinds in the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Title,
    Description,
    Heading,
    Paragraph,
    ListItem,
    TableCell,
    Quote,
    Footnote,
    /// A glossary term and its explanation.
    Term,
    Explanation,
    /// A Fluent message without selectors, and one that goes out whole.
    Message,
    FluentWhole,
    /// The whole body of a rewrite (Leichte Sprache, Easy Read).
    Document,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Title => "title",
            Kind::Description => "description",
            Kind::Heading => "heading",
            Kind::Paragraph => "paragraph",
            Kind::ListItem => "list item",
            Kind::TableCell => "table cell",
            Kind::Quote => "quote",
            Kind::Footnote => "footnote",
            Kind::Term => "glossary term",
            Kind::Explanation => "glossary explanation",
            Kind::Message => "interface message (Fluent)",
            Kind::Document => {
                "whole text of a rewrite: write it anew in the target language's plain language, keep the Markdown"
            }
            Kind::FluentWhole => {
                "interface message in Fluent syntax: translate the texts, keep the syntax"
            }
        }
    }
}

/// One translatable unit of a page.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Position key: `title`, `description`, or `b1`, `b2`, … in body order.
    pub key: String,
    pub kind: Kind,
    /// Byte range of the unit's text in the file (`None` for front-matter keys).
    pub range: Option<Range<usize>>,
    /// The text: plain for front-matter keys, Markdown for body units.
    pub text: String,
    /// The text cut into plain text and inline markup.
    pub pieces: Vec<Piece>,
}

impl Unit {
    /// The unit's stamp: a short hash of its text.
    pub fn hash(&self) -> String {
        short_hash(&self.text)
    }
}

/// Eight hex digits of blake3: enough to tell versions of one unit apart.
pub fn short_hash(text: &str) -> String {
    blake3::hash(text.as_bytes()).to_hex()[..8].to_string()
}

/// The units of a page file: `title`, `description` (when set), then the
/// body's. `body_offset` is where the body starts in `text`.
pub fn page_units(
    text: &str,
    body_offset: usize,
    title: &str,
    description: Option<&str>,
) -> Vec<Unit> {
    let mut units = vec![plain_unit("title", Kind::Title, title)];
    if let Some(d) = description {
        units.push(plain_unit("description", Kind::Description, d));
    }
    units.extend(body_units(text, body_offset));
    units
}

/// The units of a rewrite (a variant): the title and the whole body,
/// which is not cut into blocks.
pub fn document_units(
    text: &str,
    body_offset: usize,
    title: &str,
    description: Option<&str>,
) -> Vec<Unit> {
    let body = text.get(body_offset..).unwrap_or_default();
    let end = body_offset + body.trim_end().len();
    let start = body_offset + (body.len() - body.trim_start().len()).min(end - body_offset);
    let body = text.get(start..end).unwrap_or_default();
    let mut units = vec![plain_unit("title", Kind::Title, title)];
    if let Some(d) = description {
        units.push(plain_unit("description", Kind::Description, d));
    }
    if !body.is_empty() {
        units.push(Unit {
            key: "document".into(),
            kind: Kind::Document,
            range: Some(start..end),
            text: body.to_string(),
            pieces: vec![Piece::Text(body.to_string())],
        });
    }
    units
}

fn plain_unit(key: &str, kind: Kind, text: &str) -> Unit {
    Unit {
        key: key.to_string(),
        kind,
        range: None,
        text: text.to_string(),
        pieces: vec![Piece::Text(text.to_string())],
    }
}

/// The block containers that decide a unit's kind, innermost last.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Container {
    Heading,
    Item,
    Cell,
    Quote,
    Footnote,
    Other,
}

/// The body units of `text[body_offset..]`, with ranges into `text`.
fn body_units(text: &str, body_offset: usize) -> Vec<Unit> {
    let body = text.get(body_offset..).unwrap_or_default();
    let mut units = Vec::new();
    let mut stack: Vec<Container> = Vec::new();
    // The inline events of the run being collected, with body ranges.
    let mut run: Vec<(Event, Range<usize>)> = Vec::new();
    let mut in_code = false;
    let mut flush = |run: &mut Vec<(Event, Range<usize>)>, stack: &[Container]| {
        if run.is_empty() {
            return;
        }
        let start = run.iter().map(|(_, r)| r.start).min().unwrap_or(0);
        let end = run.iter().map(|(_, r)| r.end).max().unwrap_or(start);
        let kind = stack
            .iter()
            .rev()
            .find_map(|c| match c {
                Container::Heading => Some(Kind::Heading),
                Container::Item => Some(Kind::ListItem),
                Container::Cell => Some(Kind::TableCell),
                Container::Quote => Some(Kind::Quote),
                Container::Footnote => Some(Kind::Footnote),
                Container::Other => None,
            })
            .unwrap_or(Kind::Paragraph);
        let slice = body.get(start..end).unwrap_or_default();
        let pieces = inline::pieces(slice, run, start);
        units.push(Unit {
            key: format!("b{}", units.len() + 1),
            kind,
            range: Some(body_offset + start..body_offset + end),
            text: slice.to_string(),
            pieces,
        });
        run.clear();
    };
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match &event {
            Event::Start(tag) if is_block(tag) => {
                flush(&mut run, &stack);
                in_code |= matches!(tag, Tag::CodeBlock(_) | Tag::HtmlBlock);
                stack.push(match tag {
                    Tag::Heading { .. } => Container::Heading,
                    Tag::Item => Container::Item,
                    Tag::TableCell => Container::Cell,
                    Tag::BlockQuote(_) => Container::Quote,
                    Tag::FootnoteDefinition(_) => Container::Footnote,
                    _ => Container::Other,
                });
            }
            Event::End(tag) if is_block_end(tag) => {
                flush(&mut run, &stack);
                if matches!(tag, TagEnd::CodeBlock | TagEnd::HtmlBlock) {
                    in_code = false;
                }
                stack.pop();
            }
            Event::Rule | Event::Html(_) => flush(&mut run, &stack),
            _ if in_code => {}
            _ => run.push((event, range)),
        }
    }
    flush(&mut run, &stack);
    units
}

fn is_block(tag: &Tag) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_block_end(tag: &TagEnd) -> bool {
    !matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Whether two unit lists have the same structure (kinds in order), so
/// that unit N of one is the translation of unit N of the other.
pub fn aligned(original: &[Unit], translation: &[Unit]) -> bool {
    // A translation may lack the description its original has, or have one
    // the original lacks; the body must match block for block.
    let body = |u: &[Unit]| -> Vec<Kind> {
        u.iter()
            .filter(|u| u.range.is_some())
            .map(|u| u.kind)
            .collect()
    };
    body(original) == body(translation)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        body_units(text, 0)
            .into_iter()
            .map(|u| (u.kind, u.text))
            .collect()
    }

    #[test]
    fn blocks_become_units_with_their_exact_text() {
        let text = "# Title {#t}\n\nA *para*\ngraph.\n\n- one\n- two [link](@/x.md#a)\n\n> quoted\n\n| a | b |\n|---|---|\n| c | d |\n\n```\ncode\n```\n\nNote[^1].\n\n[^1]: The note.\n";
        assert_eq!(
            kinds(text),
            vec![
                (Kind::Heading, "Title".into()),
                (Kind::Paragraph, "A *para*\ngraph.".into()),
                (Kind::ListItem, "one".into()),
                (Kind::ListItem, "two [link](@/x.md#a)".into()),
                (Kind::Quote, "quoted".into()),
                (Kind::TableCell, "a".into()),
                (Kind::TableCell, "b".into()),
                (Kind::TableCell, "c".into()),
                (Kind::TableCell, "d".into()),
                (Kind::Paragraph, "Note[^1].".into()),
                (Kind::Footnote, "The note.".into()),
            ]
        );
    }

    #[test]
    fn ranges_point_into_the_file() {
        let text = "+++\ntitle = \"x\"\n+++\n\nHallo *Welt*.\n";
        let units = body_units(text, 20);
        let r = units[0].range.clone().expect("body unit");
        assert_eq!(&text[r], "Hallo *Welt*.");
    }
}
