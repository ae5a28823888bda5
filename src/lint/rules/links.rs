//! Links: a name (`a11y/link-no-name`) that says where they lead
//! (`a11y/link-generic-text`), and a warning when they open a new window
//! (`a11y/link-new-window`). The links and stylesheets of a page are kept
//! for the site-wide checks.

use crate::lint::pass::{Kind, Scan, Tag};
use crate::lint::{Link, words};

#[derive(Default)]
pub(super) struct State {
    links: Vec<Scanned>,
}

struct Scanned {
    link: Link,
    /// Its text in [`Scan::names`]; `None` for a stylesheet.
    name: Option<usize>,
    aria_label: Option<String>,
    labelled_by: bool,
    title: Option<String>,
    blank: bool,
    at: usize,
}

pub(super) fn element(s: &mut Scan, tag: &Tag) -> Option<Kind> {
    let stylesheet = tag.name == "link"
        && tag.attr("rel").is_some_and(|r| {
            r.split_whitespace()
                .any(|r| r.eq_ignore_ascii_case("stylesheet"))
        });
    if tag.name != "a" && !stylesheet {
        return None;
    }
    let href = tag.attr("href")?;
    let link = Link {
        href: href.to_string(),
        hreflang: tag
            .attr("hreflang")
            .filter(|_| !stylesheet)
            .map(str::to_string),
        lang: s.lang_at(tag),
    };
    let name = (!stylesheet).then(|| s.new_name());
    s.rules.links.links.push(Scanned {
        link,
        name,
        aria_label: tag.attr("aria-label").map(str::to_string),
        labelled_by: tag.attr("aria-labelledby").is_some(),
        title: tag.attr("title").map(str::to_string),
        blank: !stylesheet
            && tag
                .attr("target")
                .is_some_and(|t| t.eq_ignore_ascii_case("_blank")),
        at: tag.at,
    });
    name.map(Kind::Name)
}

/// Checks the names of the page's links; returns the links.
pub(super) fn finish(s: &mut Scan) -> Vec<Link> {
    let scanned = std::mem::take(&mut s.rules.links.links);
    let mut links = Vec::with_capacity(scanned.len());
    for l in scanned {
        if let Some(name) = l.name {
            let text = s
                .names
                .get(name)
                .map(|t| single_spaced(t))
                .unwrap_or_default();
            check_name(s, &l, &text);
        }
        links.push(l.link);
    }
    links
}

fn check_name(s: &mut Scan, l: &Scanned, text: &str) {
    let href = &l.link.href;
    let own = s.words(&l.link.lang);
    let label = l
        .aria_label
        .as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty());
    let name = label.or((!text.is_empty()).then_some(text));
    let title = l.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
    let at = Some(l.at);
    match (name, title) {
        (None, None) if !l.labelled_by => s.report(
            "a11y/link-no-name",
            format!("the link to {href} has no text, so screen readers announce only “link”"),
            at,
        ),
        (Some(name), _) if words::is_generic_link_text(name, own) => s.report(
            "a11y/link-generic-text",
            format!("the link text “{name}” (to {href}) does not say where it leads"),
            at,
        ),
        _ => {}
    }
    if l.blank {
        let full = [name, title]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        if !words::warns_of_new_window(&full, own) {
            s.report(
                "a11y/link-new-window",
                format!(
                    "the link “{}” opens a new window without saying so",
                    full.trim()
                ),
                at,
            );
        }
    }
}

/// `text`'s words with one space between them.
pub(super) fn single_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
