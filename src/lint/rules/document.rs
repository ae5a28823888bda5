//! The page as a whole: its language (`a11y/html-lang`), viewport
//! (`a11y/viewport`), self-refresh (`a11y/meta-refresh`) and title (kept
//! for the site-wide `html/duplicate-title`).

use crate::lint::pass::{Kind, Scan, Tag};

#[derive(Default)]
pub(super) struct State {
    /// The `<html lang>` (empty when the attribute is; `None` without one).
    pub html_lang: Option<String>,
    viewport: Option<String>,
    /// The title's text in [`Scan::names`].
    title: Option<usize>,
}

pub(super) fn element(s: &mut Scan, tag: &Tag) -> Option<Kind> {
    match tag.name.as_str() {
        "html" => {
            s.rules.document.html_lang = Some(tag.lang().unwrap_or_default().to_string());
            None
        }
        "meta" => {
            let name = tag.attr("name").unwrap_or_default();
            let equiv = tag.attr("http-equiv").unwrap_or_default();
            if name.eq_ignore_ascii_case("viewport") {
                s.rules.document.viewport = Some(tag.attr("content").unwrap_or_default().into());
            }
            if equiv.eq_ignore_ascii_case("refresh") {
                s.report(
                    "a11y/meta-refresh",
                    "the page reloads or redirects itself with <meta http-equiv=\"refresh\">"
                        .into(),
                    Some(tag.at),
                );
            }
            None
        }
        "title" if s.rules.document.title.is_none() => {
            let name = s.new_name();
            s.rules.document.title = Some(name);
            Some(Kind::Name(name))
        }
        _ => None,
    }
}

pub(super) fn finish(s: &mut Scan) {
    match s.rules.document.html_lang.clone() {
        None => s.report("a11y/html-lang", "the page has no <html lang>".into(), None),
        Some(l) if l.is_empty() || l.parse::<icu_locale::LanguageIdentifier>().is_err() => s
            .report(
                "a11y/html-lang",
                format!("<html lang=\"{l}\"> is not a valid BCP 47 language tag"),
                None,
            ),
        Some(_) => {}
    }
    match s.rules.document.viewport.clone() {
        None => s.report(
            "a11y/viewport",
            "the page has no <meta name=\"viewport\">: phones show it zoomed out".into(),
            None,
        ),
        Some(content) if blocks_zoom(&content) => s.report(
            "a11y/viewport",
            format!("the viewport “{content}” stops readers from zooming"),
            None,
        ),
        Some(_) => {}
    }
}

/// The page's title, trimmed.
pub(super) fn title(s: &Scan) -> String {
    s.rules
        .document
        .title
        .and_then(|i| s.names.get(i))
        .map(|t| t.trim().to_string())
        .unwrap_or_default()
}

/// Whether a viewport's content blocks zooming (WCAG 1.4.4): `user-scalable=no`
/// (or `0`), or a `maximum-scale` below 2.
fn blocks_zoom(content: &str) -> bool {
    content.split([',', ';']).any(|part| {
        let Some((key, value)) = part.split_once('=') else {
            return false;
        };
        let value = value.trim().to_ascii_lowercase();
        match key.trim().to_ascii_lowercase().as_str() {
            "user-scalable" => value == "no" || value == "0",
            "maximum-scale" => value.parse::<f64>().is_ok_and(|v| v < 2.0),
            _ => false,
        }
    })
}
