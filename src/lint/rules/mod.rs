//! The rules, one file per concern. Each file has up to three handlers
//! that the pass calls: `element` for every start tag (it may return the
//! [`Kind`] the pass then keeps open until the element ends), `text` for
//! every text node of language text, and `finish` when the page is read.
//! A rule's state lives in its file's `State`, a field of [`Rules`].
//!
//! Adding a rule: its handler in the file of its concern, its row in
//! `registry::RULES`, a planted fault and a clean case in the fixtures
//! (docs/content/adding-a-rule.md).

mod controls;
mod document;
mod headings;
mod ids;
mod images;
mod language;

pub(super) use language::stands_alone;
mod links;
mod media;
mod tables;

use super::pass::{Kind, Scan, Tag};
use super::{Facts, Finding};

/// The rules' state for one page.
#[derive(Default)]
pub(super) struct Rules {
    document: document::State,
    headings: headings::State,
    links: links::State,
    controls: controls::State,
    ids: ids::State,
    tables: tables::State,
    media: media::State,
}

/// Hands a start tag to every rule file; the first kind one gives is the
/// element's.
pub(super) fn element(s: &mut Scan, tag: &Tag) -> Option<Kind> {
    ids::element(s, tag);
    language::element(s, tag);
    let kinds = [
        document::element(s, tag),
        images::element(s, tag),
        headings::element(s, tag),
        links::element(s, tag),
        controls::element(s, tag),
        tables::element(s, tag),
        media::element(s, tag),
        opaque(tag),
    ];
    kinds.into_iter().flatten().next()
}

/// Code, scripts, styles, svg and math hold no language text.
fn opaque(tag: &Tag) -> Option<Kind> {
    matches!(
        tag.name.as_str(),
        "code" | "pre" | "kbd" | "samp" | "script" | "style" | "textarea" | "svg" | "math"
    )
    .then_some(Kind::Opaque)
}

/// Hands a text node of language text (starting at `at`) to the rules.
pub(super) fn text(s: &mut Scan, text: &str, at: usize) {
    language::text(s, text, at);
}

/// Runs the rules that need the whole page, and returns its facts.
pub(super) fn finish(s: &mut Scan, url: &str) -> (Facts, Vec<Finding>) {
    document::finish(s);
    headings::finish(s);
    let links = links::finish(s);
    controls::finish(s);
    tables::finish(s);
    media::finish(s);
    let ids = ids::finish(s);
    let facts = Facts {
        url: url.to_string(),
        file: None,
        lang: s.rules.document.html_lang.clone().unwrap_or_default(),
        ids,
        links,
        title: document::title(s),
    };
    (facts, std::mem::take(&mut s.findings))
}
