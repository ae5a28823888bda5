//! Data tables have header cells (`a11y/table-no-headers`).

use crate::lint::pass::{Kind, Scan, Tag};

#[derive(Default)]
pub(super) struct State {
    /// Per table: whether it has a header cell (a layout table needs
    /// none, so counts as having one), and where it starts.
    tables: Vec<(bool, usize)>,
}

pub(super) fn element(s: &mut Scan, tag: &Tag) -> Option<Kind> {
    match tag.name.as_str() {
        "table" => {
            let layout = tag
                .attr("role")
                .is_some_and(|r| matches!(r.trim(), "presentation" | "none"));
            s.rules.tables.tables.push((layout, tag.at));
            Some(Kind::Table(s.rules.tables.tables.len() - 1))
        }
        "th" => {
            let table = s.innermost(|k| match k {
                Kind::Table(i) => Some(i),
                _ => None,
            });
            if let Some((has_headers, _)) = table.and_then(|i| s.rules.tables.tables.get_mut(i)) {
                *has_headers = true;
            }
            None
        }
        _ => None,
    }
}

pub(super) fn finish(s: &mut Scan) {
    for (has_headers, at) in std::mem::take(&mut s.rules.tables.tables) {
        if !has_headers {
            s.report(
                "a11y/table-no-headers",
                "a data table has no header cells (th)".into(),
                Some(at),
            );
        }
    }
}
