//! Controls and keyboard focus: a button needs a name
//! (`a11y/button-no-name`); no element takes focus before the reading
//! order (`a11y/tabindex-positive`).

use crate::lint::pass::{Kind, Scan, Tag};

#[derive(Default)]
pub(super) struct State {
    /// Per button: its text in [`Scan::names`], whether an attribute names
    /// it, where it starts.
    buttons: Vec<(usize, bool, usize)>,
}

pub(super) fn element(s: &mut Scan, tag: &Tag) -> Option<Kind> {
    if let Some(t) = tag.attr("tabindex")
        && t.trim().parse::<i64>().is_ok_and(|n| n > 0)
    {
        s.report(
            "a11y/tabindex-positive",
            format!(
                "<{}> has tabindex=\"{}\": a positive tabindex breaks the reading order of keyboard focus",
                tag.name,
                t.trim()
            ),
            Some(tag.at),
        );
    }
    if tag.name != "button" {
        return None;
    }
    let labelled = ["aria-label", "title"]
        .iter()
        .any(|a| tag.attr(a).is_some_and(|v| !v.trim().is_empty()))
        || tag.attr("aria-labelledby").is_some();
    let name = s.new_name();
    s.rules.controls.buttons.push((name, labelled, tag.at));
    Some(Kind::Name(name))
}

pub(super) fn finish(s: &mut Scan) {
    for (name, labelled, at) in std::mem::take(&mut s.rules.controls.buttons) {
        let text = s.names.get(name).map(|t| t.trim()).unwrap_or_default();
        if !labelled && text.is_empty() {
            s.report(
                "a11y/button-no-name",
                "a button has no text, so screen readers announce only “button”".into(),
                Some(at),
            );
        }
    }
}
