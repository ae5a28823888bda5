//! Text units, sentences and words of a Markdown page body.
//!
//! Markdown structure decides the units: a heading, a paragraph, a list item
//! and a table cell are each their own unit, so a list item is never glued to
//! the next one. Code (blocks and inline), images, raw HTML and footnote
//! markers are left out. Sentences and words come from Unicode segmentation
//! (UAX #29 via ICU4X `icu_segmenter`), with two corrections UAX #29 leaves
//! to tailoring: no sentence break after an ordinal number ("24. November")
//! or after a common abbreviation ("z. B.", "e.g."). Every text offset maps
//! back to a byte offset of the body, for file:line:col.

use std::ops::Range;

use icu_segmenter::options::{SentenceBreakInvariantOptions, WordBreakInvariantOptions};
use icu_segmenter::{SentenceSegmenter, WordSegmenter};
use pulldown_cmark::{Event, Parser, Tag, TagEnd};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    Heading,
    Paragraph,
    ListItem,
    TableCell,
}

/// A piece of unit text copied from the body.
#[derive(Debug, Clone)]
struct Piece {
    text: usize,
    source: usize,
    len: usize,
    /// The text is the source verbatim (no entities or escapes), so offsets
    /// inside it map one to one.
    exact: bool,
}

/// One block of running text.
#[derive(Debug, Clone)]
pub struct Unit {
    pub kind: UnitKind,
    pub text: String,
    pieces: Vec<Piece>,
    /// Text ranges inside links, with the link's destination as written.
    pub links: Vec<(Range<usize>, String)>,
}

impl Unit {
    fn new(kind: UnitKind) -> Unit {
        Unit {
            kind,
            text: String::new(),
            pieces: Vec::new(),
            links: Vec::new(),
        }
    }

    /// Byte offset in the body of a byte offset in `text`.
    pub fn source_offset(&self, at: usize) -> usize {
        let piece = self
            .pieces
            .iter()
            .take_while(|p| p.text <= at)
            .last()
            .or(self.pieces.first());
        match piece {
            Some(p) if p.exact => p.source + at.saturating_sub(p.text).min(p.len),
            Some(p) => p.source,
            None => 0,
        }
    }

    /// The link destination around a text range, if it is inside a link.
    pub fn link_at(&self, range: &Range<usize>) -> Option<&str> {
        self.links
            .iter()
            .find(|(r, _)| r.start <= range.start && range.end <= r.end)
            .map(|(_, dest)| dest.as_str())
    }

    fn push(&mut self, text: &str, source: usize, exact: bool) {
        self.pieces.push(Piece {
            text: self.text.len(),
            source,
            len: text.len(),
            exact,
        });
        self.text.push_str(text);
    }

    fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Splits a page body into units. With `line_breaks` (easy variants, set one
/// sentence per line) a line break in the source ends a sentence; otherwise
/// it is a space.
pub fn units(body: &str, line_breaks: bool) -> Vec<Unit> {
    let mut out = Vec::new();
    let mut current: Option<Unit> = None;
    // Depth of constructs whose text is not running prose.
    let mut skip = 0usize;
    let mut open_links: Vec<(usize, String)> = Vec::new();
    let flush = |current: &mut Option<Unit>, out: &mut Vec<Unit>| {
        if let Some(unit) = current.take()
            && !unit.is_blank()
        {
            out.push(unit);
        }
    };
    for (event, range) in Parser::new_ext(body, crate::markdown::options()).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock) => skip += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock) => {
                skip = skip.saturating_sub(1);
            }
            Event::Start(Tag::Heading { .. }) => {
                flush(&mut current, &mut out);
                current = Some(Unit::new(UnitKind::Heading));
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, &mut out);
                current = Some(Unit::new(UnitKind::ListItem));
            }
            Event::Start(Tag::TableCell) => {
                flush(&mut current, &mut out);
                current = Some(Unit::new(UnitKind::TableCell));
            }
            Event::Start(Tag::Paragraph) => {
                let keep = current.as_ref().is_some_and(|u| {
                    matches!(u.kind, UnitKind::ListItem | UnitKind::TableCell) && u.is_blank()
                });
                if !keep {
                    flush(&mut current, &mut out);
                    current = Some(Unit::new(UnitKind::Paragraph));
                }
            }
            Event::End(
                TagEnd::Heading(_)
                | TagEnd::Paragraph
                | TagEnd::Item
                | TagEnd::TableCell
                | TagEnd::List(_),
            ) => flush(&mut current, &mut out),
            Event::Start(Tag::Link { dest_url, .. }) => {
                let at = current.as_ref().map_or(0, |u| u.text.len());
                open_links.push((at, dest_url.to_string()));
            }
            Event::End(TagEnd::Link) => {
                if let (Some((start, dest)), Some(unit)) = (open_links.pop(), current.as_mut()) {
                    let end = unit.text.len();
                    unit.links.push((start..end, dest));
                }
            }
            Event::Text(text) if skip == 0 => {
                let unit = current.get_or_insert_with(|| Unit::new(UnitKind::Paragraph));
                let exact = body.get(range.clone()) == Some(&*text);
                unit.push(&text, range.start, exact);
            }
            Event::Code(_) if skip == 0 => {
                if let Some(unit) = current.as_mut() {
                    unit.push(" ", range.start, false);
                }
            }
            Event::SoftBreak | Event::HardBreak if skip == 0 => {
                if let Some(unit) = current.as_mut() {
                    let hard = line_breaks || matches!(event, Event::HardBreak);
                    unit.push(if hard { "\n" } else { " " }, range.start, false);
                }
            }
            _ => {}
        }
    }
    flush(&mut current, &mut out);
    out
}

/// Words after which a full stop does not end a sentence, lowercase.
const ABBREVIATIONS: &[&str] = &[
    "z.", "b.", "d.", "h.", "u.", "a.", "o.", "ä.", "s.", "v.", "nr.", "ca.", "vgl.", "bzw.",
    "ggf.", "evtl.", "inkl.", "dr.", "st.", "abs.", "str.", "bzgl.", "e.g.", "i.e.", "mr.", "mrs.",
    "ms.", "no.", "vs.", "approx.", "prof.",
];

/// Sentence ranges of a unit's text, trimmed, without ranges that hold no
/// word.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let segmenter = SentenceSegmenter::new(SentenceBreakInvariantOptions::default());
    let breaks: Vec<usize> = segmenter.segment_str(text).collect();
    let mut out = Vec::new();
    let mut start = 0;
    for &b in breaks.iter().filter(|&&b| b > 0) {
        if b < text.len() && !ends_sentence(text.get(start..b).unwrap_or_default()) {
            continue;
        }
        push_trimmed(text, start..b, &mut out);
        start = b;
    }
    if start < text.len() {
        push_trimmed(text, start..text.len(), &mut out);
    }
    out
}

/// Whether a break proposed by UAX #29 after `piece` really ends a sentence.
fn ends_sentence(piece: &str) -> bool {
    if piece.ends_with('\n') {
        return true;
    }
    let trimmed = piece.trim_end();
    if !trimmed.ends_with('.') {
        return true;
    }
    let last = trimmed
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or_default();
    let digits = last.trim_end_matches('.');
    if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && last.len() <= 5 {
        // An ordinal or a date part: "24. November", "am 3. Tag".
        return false;
    }
    !ABBREVIATIONS.contains(&last.to_lowercase().as_str())
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let Some(piece) = text.get(range.clone()) else {
        return;
    };
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.end - (piece.len() - piece.trim_end().len());
    if start < end && text.get(start..end).is_some_and(has_word) {
        out.push(start..end);
    }
}

fn has_word(s: &str) -> bool {
    s.chars().any(char::is_alphanumeric)
}

/// A word of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Word {
    /// Byte range in the unit's text.
    pub range: Range<usize>,
    /// Digits only (a number written as digits).
    pub is_number: bool,
}

/// The words of `text[range]` (letters or numbers, per UAX #29), with ranges
/// in `text`.
pub fn words(text: &str, range: Range<usize>) -> Vec<Word> {
    let Some(piece) = text.get(range.clone()) else {
        return Vec::new();
    };
    let segmenter =
        WordSegmenter::new_for_non_complex_scripts(WordBreakInvariantOptions::default());
    let mut out: Vec<Word> = Vec::new();
    let mut start = 0;
    for (end, kind) in segmenter.segment_str(piece).iter_with_word_type() {
        if end == 0 {
            continue;
        }
        if kind.is_word_like()
            && let Some(w) = piece.get(start..end)
            && has_word(w)
        {
            // A hyphenated compound ("Bürger-Orientierung", "cross-cutting")
            // is one word, as readability formulas count it.
            if let Some(last) = out.last_mut()
                && last.range.end + 1 == range.start + start
                && matches!(
                    piece.get(last.range.end - range.start..start),
                    Some("-" | "‐" | "‑")
                )
            {
                last.range.end = range.start + end;
                last.is_number &= !w.chars().any(char::is_alphabetic);
                start = end;
                continue;
            }
            out.push(Word {
                range: range.start + start..range.start + end,
                is_number: !w.chars().any(char::is_alphabetic),
            });
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str, breaks: bool) -> Vec<(UnitKind, String)> {
        units(body, breaks)
            .into_iter()
            .map(|u| (u.kind, u.text))
            .collect()
    }

    #[test]
    fn markdown_blocks_are_units_and_code_is_skipped() {
        let body = "# Titel\n\nEin Satz\nim Absatz.\n\n- eins\n- zwei `code`\n\n```\nfn x() {}\n```\n\n| a | b |\n|---|---|\n| c | d |\n";
        let got = texts(body, false);
        assert_eq!(
            got,
            [
                (UnitKind::Heading, "Titel".to_string()),
                (UnitKind::Paragraph, "Ein Satz im Absatz.".to_string()),
                (UnitKind::ListItem, "eins".to_string()),
                (UnitKind::ListItem, "zwei  ".to_string()),
                (UnitKind::TableCell, "a".to_string()),
                (UnitKind::TableCell, "b".to_string()),
                (UnitKind::TableCell, "c".to_string()),
                (UnitKind::TableCell, "d".to_string()),
            ]
        );
        // Easy pages: a line break is kept.
        assert_eq!(
            texts("Satz eins\nSatz zwei\n", true)[0].1,
            "Satz eins\nSatz zwei"
        );
    }

    #[test]
    fn offsets_map_back_to_the_source() {
        let body = "Intro [mit *Link*](x.md) und &amp; Ende.\n";
        let unit = &units(body, false)[0];
        assert_eq!(unit.text, "Intro mit Link und & Ende.");
        let at = unit.text.find("Link").expect("word");
        assert_eq!(&body[unit.source_offset(at)..][..4], "Link");
        let at = unit.text.find("Ende").expect("word");
        assert_eq!(&body[unit.source_offset(at)..][..4], "Ende");
        let link = unit.text.find("mit").expect("word");
        assert_eq!(unit.link_at(&(link..link + 3)), Some("x.md"));
    }

    #[test]
    fn sentences_respect_ordinals_abbreviations_and_lines() {
        let text = "Am 24. November 2026 ist z. B. Markt. Dann kommt der 2. Tag! Ja?\nNeue Zeile ohne Punkt\nund noch eine";
        let got: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            got,
            [
                "Am 24. November 2026 ist z. B. Markt.",
                "Dann kommt der 2. Tag!",
                "Ja?",
                "Neue Zeile ohne Punkt",
                "und noch eine"
            ]
        );
    }

    #[test]
    fn words_keep_mediopunkt_and_apostrophes_and_count_numbers() {
        let text = "Das Integrations·konzept hat 8 Schritte – Bielefeld’s Bürger-Plan.";
        let got: Vec<(&str, bool)> = words(text, 0..text.len())
            .into_iter()
            .map(|w| (&text[w.range], w.is_number))
            .collect();
        assert_eq!(
            got,
            [
                ("Das", false),
                ("Integrations·konzept", false),
                ("hat", false),
                ("8", true),
                ("Schritte", false),
                ("Bielefeld’s", false),
                ("Bürger-Plan", false)
            ]
        );
    }
}
