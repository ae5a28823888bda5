//! Small XML helpers shared by the XLIFF and TMX writers and readers.

use std::path::Path;

use quick_xml::events::BytesStart;

use crate::diag::Diagnostic;

/// Escapes text for element content or attribute values. Carriage returns
/// and other control characters become character references, which XML
/// parsers keep (a raw `\r` would be normalised away).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {
                // Not allowed in XML 1.0 even as a reference; dropped.
            }
            c => out.push(c),
        }
    }
    out
}

/// The value of an attribute (by local name), unescaped.
pub fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.attributes().flatten().find_map(|a| {
        (a.key.local_name().as_ref() == name)
            .then(|| {
                a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .ok()
                    .map(|v| v.into_owned())
            })
            .flatten()
    })
}

/// The local name of an element, as text.
pub fn name(e: &BytesStart) -> String {
    e.local_name().as_ref().to_string()
}

/// The text of a general reference (`&amp;`, `&#13;`).
pub fn reference(r: &quick_xml::events::BytesRef) -> Option<String> {
    if let Ok(Some(c)) = r.resolve_char_ref() {
        return Some(c.to_string());
    }
    let name = r.xml10_content();
    quick_xml::escape::resolve_predefined_entity(&name).map(str::to_string)
}

/// The events of an XML file with their byte offsets; malformed XML and
/// a file that ends inside an element are errors.
pub struct Events<'a> {
    reader: quick_xml::Reader<&'a [u8]>,
    text: &'a str,
    file: &'a Path,
    depth: usize,
    /// The last offset `line` was asked for and its line: lines are
    /// counted on from there, so that a large file is read once.
    counted: (usize, usize),
}

impl<'a> Events<'a> {
    pub fn new(text: &'a str, file: &'a Path) -> Self {
        Events {
            reader: quick_xml::Reader::from_str(text),
            text,
            file,
            depth: 0,
            counted: (0, 1),
        }
    }

    /// The next event and the offset it starts at.
    pub fn next(&mut self) -> Result<(usize, quick_xml::events::Event<'a>), Diagnostic> {
        use quick_xml::events::Event;
        let at = usize::try_from(self.reader.buffer_position()).unwrap_or(usize::MAX);
        let event = self
            .reader
            .read_event()
            .map_err(|e| error(self.file, self.text, at, format!("malformed XML: {e}")))?;
        match &event {
            Event::Start(_) => self.depth += 1,
            Event::End(_) => self.depth = self.depth.saturating_sub(1),
            Event::Eof if self.depth > 0 => {
                return Err(error(
                    self.file,
                    self.text,
                    at,
                    "the file ends inside an element: it was cut short".into(),
                ));
            }
            _ => {}
        }
        Ok((at, event))
    }

    /// The 1-based line of a byte offset at or after the last one asked for.
    pub fn line(&mut self, offset: usize) -> usize {
        let (from, line) = self.counted;
        let offset = offset.clamp(from, self.text.len());
        let newlines = memchr::memchr_iter(b'\n', &self.text.as_bytes()[from..offset]).count();
        self.counted = (offset, line + newlines);
        line + newlines
    }

    /// The character data an event stands for (text, CDATA, a reference),
    /// `None` for other events.
    pub fn chars(
        &self,
        event: &quick_xml::events::Event,
        at: usize,
    ) -> Result<Option<String>, Diagnostic> {
        use quick_xml::events::Event;
        Ok(match event {
            Event::Text(t) => Some(t.xml10_content().into_owned()),
            Event::CData(t) => Some(t.xml10_content().into_owned()),
            Event::GeneralRef(r) => Some(reference(r).ok_or_else(|| {
                error(
                    self.file,
                    self.text,
                    at,
                    "an unknown entity reference".into(),
                )
            })?),
            _ => None,
        })
    }
}

/// A malformed-file error at a byte offset of `text`.
pub fn error(file: &Path, text: &str, offset: usize, message: String) -> Diagnostic {
    Diagnostic::error("l10n/malformed", message)
        .file(file)
        .at_offset(text, offset.min(text.len()))
        .hint("the file is not well-formed XML of the expected kind: repair it in the translation tool, or export again")
}

/// Pieces with their markup as native code inside `<bpt>`, `<ept>` and
/// `<ph>` (XLIFF 1.2 and TMX): the element's text is the Markdown itself.
/// `pair` and `alone` name the id attributes (`id`; TMX: `i` and `x`).
pub fn native(pieces: &[super::inline::Piece], pair: &str, alone: &str) -> String {
    use super::inline::Piece;
    let mut out = String::new();
    for p in pieces {
        match p {
            Piece::Text(t) => out.push_str(&escape(t)),
            Piece::Open { id, data } => {
                out.push_str(&format!("<bpt {pair}=\"{id}\">{}</bpt>", escape(data)));
            }
            Piece::Close { id, data } => {
                out.push_str(&format!("<ept {pair}=\"{id}\">{}</ept>", escape(data)));
            }
            Piece::Ph { id, data } => {
                out.push_str(&format!("<ph {alone}=\"{id}\">{}</ph>", escape(data)));
            }
        }
    }
    out
}
