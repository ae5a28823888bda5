//! Bidirectional control characters in text from outside (titles,
//! descriptions, Fluent arguments, glossary entries, file names): each
//! value is made self-contained, so that an embedding, override or isolate
//! it opens ends where the value ends and a closer it carries cannot end
//! one the surrounding page opened. Without this, a title with U+202E
//! (RIGHT-TO-LEFT OVERRIDE) would reverse the rest of its line — the site
//! name in `<title>`, the date beside a link in a list.
//!
//! Legitimate use (an Arabic name isolated inside a German sentence) keeps
//! working: balanced controls are left as they are. The characters are not
//! removed or replaced by character references, which a browser would
//! decode to the same effect.

use std::borrow::Cow;

const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';
const LRO: char = '\u{202D}';
const RLO: char = '\u{202E}';
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// Whether `c` opens or closes an embedding, override or isolate.
pub fn is_control(c: char) -> bool {
    matches!(c, LRE..=RLO | LRI..=PDI)
}

/// Whether `text` holds a control character, by bytes: every one of them
/// is encoded as E2 80 AA–AE or E2 81 A6–A9, so only the (rare) E2 lead
/// bytes need a look, found with `memchr`. (Most values of a page and every
/// Markdown text pass through here.)
fn has_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes).any(|at| {
        matches!(
            (bytes.get(at + 1), bytes.get(at + 2)),
            (Some(0x80), Some(0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
        )
    })
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Embedding,
    Isolate,
}

/// `text` with every embedding, override and isolate it opens closed at its
/// end, and every closer without an opener in `text` left out (Unicode
/// UAX #9: a PDI also ends the embeddings opened inside its isolate; a PDF
/// cannot end an isolate).
pub fn contain(text: &str) -> Cow<'_, str> {
    if !has_control(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut open: Vec<Open> = Vec::new();
    for c in text.chars() {
        match c {
            LRE | RLE | LRO | RLO => {
                open.push(Open::Embedding);
                out.push(c);
            }
            LRI | RLI | FSI => {
                open.push(Open::Isolate);
                out.push(c);
            }
            PDF => {
                if open.last() == Some(&Open::Embedding) {
                    open.pop();
                    out.push(c);
                }
            }
            PDI => {
                if let Some(i) = open.iter().rposition(|o| *o == Open::Isolate) {
                    open.truncate(i);
                    out.push(c);
                }
            }
            c => out.push(c),
        }
    }
    for o in open.into_iter().rev() {
        out.push(match o {
            Open::Embedding => PDF,
            Open::Isolate => PDI,
        });
    }
    Cow::Owned(out)
}

/// Whether every opener in `text` is closed and every closer has its
/// opener (what `contain` makes true).
pub fn is_contained(text: &str) -> bool {
    contain(text) == text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_test_finds_exactly_the_control_characters() {
        // Every character around the controls' code points, and the
        // neighbours that share their lead bytes („ – … ‹ ⁠).
        for u in (0x2000..0x2100).chain([0x201E, 0x2013, 0x2026, 0x2039, 0x2060, 0x41, 0x600]) {
            let Some(c) = char::from_u32(u) else {
                continue;
            };
            for text in [
                format!("{c}"),
                format!("ab{c}"),
                format!("{c}cd"),
                format!("„{c}“"),
            ] {
                assert_eq!(
                    has_control(&text),
                    text.chars().any(is_control),
                    "{text:?} (U+{u:04X})"
                );
            }
        }
        assert!(!has_control(""));
    }

    #[test]
    fn openers_are_closed_and_stray_closers_dropped() {
        assert_eq!(contain("plain"), "plain");
        assert!(matches!(contain("plain"), Cow::Borrowed(_)));
        assert_eq!(contain("a\u{202E}b"), "a\u{202E}b\u{202C}");
        assert_eq!(
            contain("\u{2067}a\u{202B}b"),
            "\u{2067}a\u{202B}b\u{202C}\u{2069}"
        );
        // A PDI ends the embedding inside its isolate; the PDF after it is stray.
        assert_eq!(
            contain("\u{2068}\u{202D}x\u{2069}\u{202C}y"),
            "\u{2068}\u{202D}x\u{2069}y"
        );
        // A PDF cannot close an isolate; stray closers would end the page's own.
        assert_eq!(
            contain("\u{2069}\u{202C}a\u{2066}\u{202C}"),
            "a\u{2066}\u{2069}"
        );
        // Balanced text is left as it is.
        let fine = "Name: \u{2067}مرحبا\u{2069}, \u{202B}x\u{202C}";
        assert_eq!(contain(fine), fine);
        assert!(is_contained(fine));
        assert!(!is_contained("\u{202E}"));
        assert!(!is_contained("\u{2069}"));
    }
}
