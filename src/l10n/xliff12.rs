//! XLIFF 1.2: one `<file>` per page, one `<trans-unit>` per unit. Inline
//! markup is `<bpt>`/`<ept>`/`<ph>` holding the Markdown as native code,
//! so the text of a `<target>` with its codes is the Markdown itself.
//! (`<g>`/`<x>` would need the code to be looked up in the source; a
//! translation's own markup could then not come back.)

use std::fmt::Write as _;
use std::path::Path;

use quick_xml::events::Event;

use super::xml::{self, attr, escape};
use super::{Doc, InUnit, Incoming};
use crate::diag::Diagnostic;

pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// The document as XLIFF 1.2.
pub fn write(doc: &Doc) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\" xmlns=\"{NAMESPACE}\">\n"
    );
    for page in &doc.pages {
        let _ = writeln!(
            out,
            " <file original=\"{}\" source-language=\"{}\" target-language=\"{}\" datatype=\"x-markdown\">\n  <header><note from=\"vielfalt\">target file: {}</note></header>\n  <body>",
            escape(&page.source),
            escape(&doc.src_lang),
            escape(&doc.trg_lang),
            escape(&page.target)
        );
        for unit in &page.units {
            let approved = if unit.target.is_some() && unit.reviewed {
                " approved=\"yes\""
            } else {
                ""
            };
            let _ = write!(
                out,
                "   <trans-unit id=\"{}\" xml:space=\"preserve\"{approved}>\n    <source>{}</source>\n",
                escape(&unit.id),
                xml::native(&unit.source, "id", "id")
            );
            if let Some(t) = &unit.target {
                let state = if unit.reviewed { "final" } else { "translated" };
                let _ = writeln!(
                    out,
                    "    <target state=\"{state}\">{}</target>",
                    xml::native(t, "id", "id")
                );
            }
            let _ = writeln!(
                out,
                "    <note from=\"vielfalt\">{}</note>\n   </trans-unit>",
                escape(&unit.context)
            );
        }
        out.push_str("  </body>\n </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

/// Reads an XLIFF 1.2 file back.
pub fn read(text: &str, file: &Path) -> Result<Incoming, Diagnostic> {
    let mut incoming = Incoming::default();
    let mut page: Option<String> = None;
    // The open trans-unit: id, line, approved, target state, target text.
    let mut unit: Option<(String, usize, bool)> = None;
    let mut state = String::new();
    let mut target: Option<String> = None;
    let mut done: Option<String> = None;
    let mut events = xml::Events::new(text, file);
    loop {
        let (at, event) = events.next()?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) if target.is_some() => {
                let name = xml::name(e);
                if matches!(name.as_str(), "g" | "x" | "bx" | "ex") {
                    return Err(xml::error(
                        file,
                        text,
                        at,
                        format!(
                            "<{name}> carries no Markdown: keep the source's <bpt>, <ept> and <ph> codes"
                        ),
                    ));
                }
            }
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                let chars = events.chars(&event, at)?.unwrap_or_default();
                if let Some(target) = target.as_mut() {
                    target.push_str(&chars);
                }
            }
            Event::Start(e) | Event::Empty(e) => match xml::name(&e).as_str() {
                "xliff" if attr(&e, "version").as_deref() != Some("1.2") => {
                    return Err(xml::error(
                        file,
                        text,
                        at,
                        "this is not an XLIFF 1.2 file".into(),
                    ));
                }
                "file" => {
                    page = attr(&e, "original");
                    incoming.src_lang = attr(&e, "source-language");
                    incoming.trg_lang = attr(&e, "target-language");
                }
                "trans-unit" => {
                    let approved = attr(&e, "approved").as_deref() == Some("yes");
                    unit = Some((
                        attr(&e, "id").unwrap_or_default(),
                        events.line(at),
                        approved,
                    ));
                    state.clear();
                    done = None;
                }
                "target" if unit.is_some() => {
                    state = attr(&e, "state").unwrap_or_default();
                    target = Some(String::new());
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "target" => done = target.take(),
                "trans-unit" => {
                    let (Some(p), Some((id, line, approved))) = (&page, unit.take()) else {
                        return Err(xml::error(
                            file,
                            text,
                            at,
                            "a <trans-unit> outside a <file original=\"…\">".into(),
                        ));
                    };
                    incoming.units.push(InUnit {
                        page: p.clone(),
                        id,
                        target: done.take().filter(|t| !t.is_empty()),
                        reviewed: approved || state == "final" || state == "signed-off",
                        line,
                    });
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(incoming)
}
