//! Headings: one h1 (`a11y/h1-count`), none empty (`a11y/heading-empty`),
//! no level skipped (`a11y/heading-skipped`).

use crate::lint::pass::{Kind, Scan, Tag};

#[derive(Default)]
pub(super) struct State {
    /// Per heading: its level, its text in [`Scan::names`], where it starts.
    headings: Vec<(u8, usize, usize)>,
}

pub(super) fn element(s: &mut Scan, tag: &Tag) -> Option<Kind> {
    let level = match tag.name.as_str() {
        "h1" => 1,
        "h2" => 2,
        "h3" => 3,
        "h4" => 4,
        "h5" => 5,
        "h6" => 6,
        _ => return None,
    };
    let name = s.new_name();
    s.rules.headings.headings.push((level, name, tag.at));
    Some(Kind::Name(name))
}

pub(super) fn finish(s: &mut Scan) {
    let headings = std::mem::take(&mut s.rules.headings.headings);
    let h1s = headings.iter().filter(|(level, ..)| *level == 1).count();
    if h1s != 1 {
        s.report(
            "a11y/h1-count",
            format!("the page has {h1s} h1 headings instead of one"),
            None,
        );
    }
    let mut previous: Option<u8> = None;
    for (level, name, at) in headings {
        let text = s
            .names
            .get(name)
            .map(|t| t.trim().to_string())
            .unwrap_or_default();
        if text.is_empty() {
            s.report(
                "a11y/heading-empty",
                format!("an h{level} heading is empty"),
                Some(at),
            );
        }
        if let Some(p) = previous
            && level > p + 1
        {
            s.report(
                "a11y/heading-skipped",
                format!(
                    "the heading “{text}” is an h{level} after an h{p}: level h{} is skipped",
                    p + 1
                ),
                Some(at),
            );
        }
        previous = Some(level);
    }
}
