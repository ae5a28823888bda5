//! Ids: each used once (`html/duplicate-id`), and every id an attribute
//! refers to exists (`a11y/broken-idref`). The ids are kept for the
//! site-wide anchor check.

use std::collections::HashSet;

use crate::lint::pass::{Scan, Tag};

#[derive(Default)]
pub(super) struct State {
    /// Every id with where its element starts, in page order.
    ids: Vec<(String, usize)>,
    /// (attribute, referenced id, element, where it starts)
    idrefs: Vec<(&'static str, String, String, usize)>,
}

/// The attributes that refer to ids, and the elements they do so on
/// (`None`: any).
const REFERRING: [(&str, Option<&[&str]>); 4] = [
    ("aria-labelledby", None),
    ("aria-describedby", None),
    ("headers", Some(&["td", "th"])),
    ("for", Some(&["label", "output"])),
];

pub(super) fn element(s: &mut Scan, tag: &Tag) {
    let state = &mut s.rules.ids;
    if let Some(id) = tag.attr("id") {
        state.ids.push((id.to_string(), tag.at));
    }
    for (attr, on) in REFERRING {
        if on.is_some_and(|on| !on.contains(&tag.name.as_str())) {
            continue;
        }
        for id in tag.attr(attr).unwrap_or_default().split_whitespace() {
            state
                .idrefs
                .push((attr, id.to_string(), tag.name.clone(), tag.at));
        }
    }
}

/// Checks the page's ids; returns them.
pub(super) fn finish(s: &mut Scan) -> HashSet<String> {
    let state = std::mem::take(&mut s.rules.ids);
    let mut seen = HashSet::with_capacity(state.ids.len());
    for (id, at) in state.ids {
        if seen.contains(&id) {
            s.report(
                "html/duplicate-id",
                format!("the id `{id}` is used more than once"),
                Some(at),
            );
        } else {
            seen.insert(id);
        }
    }
    for (attr, id, tag, at) in state.idrefs {
        if !seen.contains(&id) {
            s.report(
                "a11y/broken-idref",
                format!("{attr}=\"{id}\" on <{tag}> points to no element: there is no id `{id}` on the page"),
                Some(at),
            );
        }
    }
    seen
}
