//! XLIFF 2.0 (OASIS core): one `<file>` per page, one `<unit>` per
//! translatable unit. Inline markup is `<ph>` and `<pc>` whose Markdown
//! is kept in the unit's `<originalData>`, so a translation's own markup
//! (a translated link text around the same link) comes back unchanged.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use quick_xml::events::Event;

use super::inline::Piece;
use super::xml::{self, attr, escape};
use super::{Doc, InUnit, Incoming};
use crate::diag::Diagnostic;

pub const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:2.0";

/// The document as XLIFF 2.0.
pub fn write(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff xmlns=\"{NAMESPACE}\" version=\"2.0\" srcLang=\"{}\" trgLang=\"{}\">",
        escape(&doc.src_lang),
        escape(&doc.trg_lang)
    );
    for (n, page) in doc.pages.iter().enumerate() {
        let _ = writeln!(
            out,
            " <file id=\"f{}\" original=\"{}\">\n  <notes><note category=\"target-file\">{}</note></notes>",
            n + 1,
            escape(&page.source),
            escape(&page.target)
        );
        for unit in &page.units {
            let mut data = DataTable::default();
            let source = content(&unit.source, &unit.source, &mut data);
            let target = unit
                .target
                .as_ref()
                .map(|t| content(t, &unit.source, &mut data));
            let _ = writeln!(
                out,
                "  <unit id=\"{}\">\n   <notes><note category=\"context\">{}</note></notes>",
                escape(&unit.id),
                escape(&unit.context)
            );
            if !data.entries.is_empty() {
                out.push_str("   <originalData>");
                for (i, d) in data.entries.iter().enumerate() {
                    let _ = write!(out, "<data id=\"d{}\">{}</data>", i + 1, escape(d));
                }
                out.push_str("</originalData>\n");
            }
            let state = match (&target, unit.reviewed) {
                (None, _) => "initial",
                (Some(_), false) => "translated",
                (Some(_), true) => "reviewed",
            };
            let _ = write!(
                out,
                "   <segment state=\"{state}\">\n    <source xml:space=\"preserve\">{source}</source>\n"
            );
            if let Some(t) = target {
                let _ = writeln!(out, "    <target xml:space=\"preserve\">{t}</target>");
            }
            out.push_str("   </segment>\n  </unit>\n");
        }
        out.push_str(" </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

/// The distinct Markdown snippets of a unit, numbered `d1`, `d2`, ….
#[derive(Default)]
struct DataTable {
    entries: Vec<String>,
}

impl DataTable {
    fn id(&mut self, data: &str) -> String {
        let i = match self.entries.iter().position(|d| d == data) {
            Some(i) => i,
            None => {
                self.entries.push(data.to_string());
                self.entries.len() - 1
            }
        };
        format!("d{}", i + 1)
    }
}

/// Pieces as XLIFF 2 inline content. Placeholders of a target get the id
/// of the source placeholder with the same markup, others `t1`, `t2`, ….
fn content(pieces: &[Piece], source: &[Piece], data: &mut DataTable) -> String {
    let ids = super::inline::match_ids(pieces, source);
    let mut out = String::new();
    for (i, p) in pieces.iter().enumerate() {
        let id = &ids[i];
        match p {
            Piece::Text(t) => out.push_str(&escape(t)),
            Piece::Ph { data: d, .. } => {
                let _ = write!(out, "<ph id=\"{id}\" dataRef=\"{}\"/>", data.id(d));
            }
            Piece::Open { id: own, data: d } => {
                let close = pieces
                    .iter()
                    .find_map(|q| match q {
                        Piece::Close { id, data } if id == own => Some(data.as_str()),
                        _ => None,
                    })
                    .unwrap_or_default();
                let (start, end) = (data.id(d), data.id(close));
                let _ = write!(
                    out,
                    "<pc id=\"{id}\" dataRefStart=\"{start}\" dataRefEnd=\"{end}\">"
                );
            }
            Piece::Close { .. } => out.push_str("</pc>"),
        }
    }
    out
}

/// Reads an XLIFF 2.0 file back.
pub fn read(text: &str, file: &Path) -> Result<Incoming, Diagnostic> {
    let mut incoming = Incoming::default();
    let mut page: Option<String> = None;
    let mut unit: Option<(String, usize)> = None;
    let mut data: HashMap<String, String> = HashMap::new();
    let mut data_id: Option<String> = None;
    let mut state = String::new();
    // Inside <target>: the Markdown so far and the closing data of open <pc>s.
    let mut target: Option<String> = None;
    let mut unit_target: Option<String> = None;
    let mut closers: Vec<String> = Vec::new();
    let mut seen_root = false;
    let mut events = xml::Events::new(text, file);
    loop {
        let (at, event) = events.next()?;
        let resolve = |id: Option<String>, what: &str| -> Result<String, Diagnostic> {
            let id = id.unwrap_or_default();
            data.get(&id).cloned().ok_or_else(|| {
                xml::error(
                    file,
                    text,
                    at,
                    format!("a <{what}> refers to data `{id}`, which the unit's <originalData> does not have"),
                )
            })
        };
        match event {
            Event::Start(ref e) | Event::Empty(ref e) if target.is_some() => {
                let is_empty = matches!(event, Event::Empty(_));
                let t = target.as_mut().expect("checked above");
                match xml::name(e).as_str() {
                    "ph" => t.push_str(&resolve(attr(e, "dataRef"), "ph")?),
                    "sc" | "ec" => t.push_str(&resolve(attr(e, "dataRef"), "sc")?),
                    "pc" => {
                        t.push_str(&resolve(attr(e, "dataRefStart"), "pc")?);
                        let close = resolve(attr(e, "dataRefEnd"), "pc")?;
                        if is_empty {
                            t.push_str(&close);
                        } else {
                            closers.push(close);
                        }
                    }
                    "cp" => {
                        let c = attr(e, "hex")
                            .and_then(|h| u32::from_str_radix(&h, 16).ok())
                            .and_then(char::from_u32);
                        t.extend(c);
                    }
                    "mrk" | "sm" | "em" => {}
                    other => {
                        return Err(xml::error(
                            file,
                            text,
                            at,
                            format!("<{other}> is not an inline element of XLIFF 2.0"),
                        ));
                    }
                }
            }
            Event::End(e) if target.is_some() => {
                let name = e.local_name().as_ref().to_string();
                match name.as_str() {
                    "pc" => {
                        let close = closers.pop().unwrap_or_default();
                        target.as_mut().expect("checked above").push_str(&close);
                    }
                    "target" => {
                        let t = target.take().unwrap_or_default();
                        unit_target.get_or_insert_with(String::new).push_str(&t);
                    }
                    _ => {}
                }
            }
            Event::Text(_) | Event::CData(_) | Event::GeneralRef(_) => {
                let chars = events.chars(&event, at)?.unwrap_or_default();
                if let Some(target) = target.as_mut() {
                    target.push_str(&chars);
                } else if let Some(id) = &data_id {
                    data.entry(id.clone()).or_default().push_str(&chars);
                }
            }
            Event::Start(e) | Event::Empty(e) => match xml::name(&e).as_str() {
                "xliff" => {
                    seen_root = true;
                    if attr(&e, "version").as_deref() != Some("2.0") {
                        return Err(xml::error(
                            file,
                            text,
                            at,
                            "this is not an XLIFF 2.0 file (version=\"2.0\" is missing)".into(),
                        ));
                    }
                    incoming.src_lang = attr(&e, "srcLang");
                    incoming.trg_lang = attr(&e, "trgLang");
                }
                "file" => page = attr(&e, "original"),
                "unit" => {
                    unit = Some((attr(&e, "id").unwrap_or_default(), events.line(at)));
                    data.clear();
                    unit_target = None;
                    state = String::new();
                }
                "data" => {
                    let id = attr(&e, "id").unwrap_or_default();
                    data.entry(id.clone()).or_default();
                    data_id = Some(id);
                }
                "segment" => state = attr(&e, "state").unwrap_or_default(),
                "target" => {
                    target = Some(String::new());
                    closers.clear();
                }
                _ => {}
            },
            Event::End(e) => match e.local_name().as_ref() {
                "data" => data_id = None,
                "unit" => {
                    let (Some(p), Some((id, line))) = (&page, unit.take()) else {
                        return Err(xml::error(
                            file,
                            text,
                            at,
                            "a <unit> outside a <file original=\"…\">".into(),
                        ));
                    };
                    incoming.units.push(InUnit {
                        page: p.clone(),
                        id,
                        target: unit_target.take().filter(|t| !t.is_empty()),
                        reviewed: state == "reviewed" || state == "final",
                        line,
                    });
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !seen_root {
        return Err(xml::error(
            file,
            text,
            0,
            "there is no <xliff> element".into(),
        ));
    }
    Ok(incoming)
}
