//! gettext PO: one entry per unit, `msgctxt` the unit's id
//! (`leitbild.md#b3.1a2b3c4d`), `msgid` and `msgstr` the Markdown itself.
//! Markup stays as it is written; import checks that a translation keeps
//! the source's markup. `#, fuzzy` marks a translation nobody reviewed.
//!
//! The reader is small and strict (no plural entries, which units never
//! have): a PO crate would add a dependency for forty lines of parsing.

use std::fmt::Write as _;
use std::path::Path;

use super::inline;
use super::{Doc, InUnit, Incoming};
use crate::diag::Diagnostic;

/// The document as a PO file.
pub fn write(doc: &Doc) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "# Texts of the site for translation from {} into {}; made by vielfalt l10n export.\n\
         msgid \"\"\nmsgstr \"\"\n\
         \"Project-Id-Version: vielfalt\\n\"\n\
         \"Language: {}\\n\"\n\
         \"MIME-Version: 1.0\\n\"\n\
         \"Content-Type: text/plain; charset=UTF-8\\n\"\n\
         \"Content-Transfer-Encoding: 8bit\\n\"\n\
         \"X-Source-Language: {}\\n\"\n",
        doc.src_lang, doc.trg_lang, doc.trg_lang, doc.src_lang
    );
    for page in &doc.pages {
        for unit in &page.units {
            out.push('\n');
            for line in unit.context.lines() {
                let _ = writeln!(out, "#. {line}");
            }
            let _ = writeln!(out, "#: {}", page.original);
            if unit.target.is_some() && !unit.reviewed {
                out.push_str("#, fuzzy\n");
            }
            string(&mut out, "msgctxt", &format!("{}#{}", page.source, unit.id));
            string(&mut out, "msgid", &inline::markdown(&unit.source));
            let target = unit.target.as_deref().map(inline::markdown);
            string(&mut out, "msgstr", target.as_deref().unwrap_or_default());
        }
    }
    out
}

/// `keyword "…"`, split after each line break as gettext tools do.
fn string(out: &mut String, keyword: &str, text: &str) {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    if lines.len() <= 1 {
        let _ = writeln!(out, "{keyword} \"{}\"", escape(text));
        return;
    }
    let _ = writeln!(out, "{keyword} \"\"");
    for line in lines {
        let _ = writeln!(out, "\"{}\"", escape(line));
    }
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c => out.push(c),
        }
    }
    out
}

/// The value of a quoted PO string, or the column (0-based byte) of the error.
fn unquote(s: &str) -> Result<String, (usize, &'static str)> {
    let inner = s
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .filter(|_| s.len() >= 2)
        .ok_or((0, "a string must stand in double quotes"))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => match chars.next().map(|(_, c)| c) {
                Some('n') => out.push('\n'),
                Some('r') => out.push('\r'),
                Some('t') => out.push('\t'),
                Some('"') => out.push('"'),
                Some('\\') => out.push('\\'),
                _ => return Err((i + 1, "an unknown escape (known: \\n \\r \\t \\\" \\\\)")),
            },
            '"' => return Err((i + 1, "a quote inside a string must be written \\\"")),
            c => out.push(c),
        }
    }
    Ok(out)
}

#[derive(Default)]
struct Entry {
    ctxt: Option<String>,
    id: Option<String>,
    str: Option<String>,
    fuzzy: bool,
    line: usize,
}

/// Reads a PO file back.
pub fn read(text: &str, file: &Path) -> Result<Incoming, Diagnostic> {
    let error = |line: usize, column: usize, message: String| {
        Diagnostic::error("l10n/malformed", message)
            .file(file)
            .at(line, column)
            .hint("repair the PO file (`msgfmt --check` names the same problems), or export again")
    };
    let mut incoming = Incoming::default();
    let mut entries: Vec<Entry> = Vec::new();
    let mut entry = Entry::default();
    // Which string of the entry continuation lines extend.
    let mut current: Option<u8> = None;
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let lineno = n + 1;
        if line.is_empty() || (line.starts_with('#') && !line.starts_with("#,")) {
            current = if line.is_empty() { None } else { current };
            continue;
        }
        if let Some(flags) = line.strip_prefix("#,") {
            if entry.id.is_some() {
                entries.push(std::mem::take(&mut entry));
            }
            entry.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
            continue;
        }
        let (keyword, rest) = match line.split_once(char::is_whitespace) {
            Some((k, r)) if !line.starts_with('"') => (k, r.trim()),
            _ => ("", line),
        };
        let value = unquote(rest).map_err(|(col, m)| {
            let indent = raw.len() - raw.trim_start().len() + line.len() - rest.len();
            error(lineno, indent + col + 1, m.into())
        })?;
        let slot = match keyword {
            "" => current.ok_or_else(|| error(lineno, 1, "a string outside an entry".into()))?,
            "msgctxt" => 0,
            "msgid" => 1,
            "msgstr" => 2,
            "msgid_plural" | "msgstr[0]" | "msgstr[1]" => {
                return Err(error(
                    lineno,
                    1,
                    "plural entries are not units of vielfalt".into(),
                ));
            }
            other => {
                return Err(error(lineno, 1, format!("`{other}` is not a PO keyword")));
            }
        };
        if !keyword.is_empty() {
            let starts_new = match slot {
                0 => entry.id.is_some() || entry.ctxt.is_some(),
                1 => entry.id.is_some(),
                _ => entry.id.is_none() || entry.str.is_some(),
            };
            if starts_new && slot == 2 {
                return Err(error(
                    lineno,
                    1,
                    "`msgstr` without a `msgid` before it".into(),
                ));
            }
            if starts_new {
                entries.push(std::mem::take(&mut entry));
            }
            if entry.line == 0 {
                entry.line = lineno;
            }
        }
        current = Some(slot);
        let target = match slot {
            0 => &mut entry.ctxt,
            1 => &mut entry.id,
            _ => &mut entry.str,
        };
        target.get_or_insert_with(String::new).push_str(&value);
    }
    entries.push(entry);
    for e in entries {
        let (Some(id), Some(str)) = (e.id, e.str) else {
            if e.line > 0 {
                return Err(error(
                    e.line,
                    1,
                    "an entry without `msgid` or `msgstr`".into(),
                ));
            }
            continue;
        };
        let Some(ctxt) = e.ctxt else {
            if id.is_empty() {
                header(&str, &mut incoming);
                continue;
            }
            return Err(error(
                e.line,
                1,
                "an entry without `msgctxt`: vielfalt cannot tell which unit it is".into(),
            ));
        };
        let Some((page, unit)) = ctxt.rsplit_once('#') else {
            return Err(error(
                e.line,
                1,
                format!("`msgctxt \"{ctxt}\"` is not a unit id (PAGE#UNIT)"),
            ));
        };
        incoming.units.push(InUnit {
            page: page.to_string(),
            id: unit.to_string(),
            target: (!str.is_empty()).then_some(str),
            reviewed: !e.fuzzy,
            line: e.line,
        });
    }
    Ok(incoming)
}

fn header(text: &str, incoming: &mut Incoming) {
    for line in text.lines() {
        if let Some((k, v)) = line.split_once(':') {
            match k.trim() {
                "Language" => incoming.trg_lang = Some(v.trim().to_string()),
                "X-Source-Language" => incoming.src_lang = Some(v.trim().to_string()),
                _ => {}
            }
        }
    }
}
