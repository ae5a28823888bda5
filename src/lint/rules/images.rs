//! Alt texts of images (`a11y/img-alt-*`). An image's alt text is part of
//! the name of the links and headings it is in.

use crate::lint::pass::{Kind, Scan, Tag};
use crate::lint::words;

pub(super) fn element(s: &mut Scan, tag: &Tag) -> Option<Kind> {
    if tag.name != "img" {
        return None;
    }
    let src = tag.attr("src").unwrap_or_default();
    let at = Some(tag.at);
    match tag.attr("alt") {
        None => s.report(
            "a11y/img-alt-missing",
            format!("the image {src} has no alt text"),
            at,
        ),
        Some(alt) if words::is_file_name(alt) => s.report(
            "a11y/img-alt-filename",
            format!("the alt text of the image {src} is a file name: “{alt}”"),
            at,
        ),
        Some(alt) if words::is_generic_alt(alt, s.words(&s.lang_at(tag))) => {
            s.report(
                "a11y/img-alt-generic",
                format!("the alt text of the image {src} says only “{alt}”"),
                at,
            );
        }
        Some(alt) => s.add_to_names(alt),
    }
    None
}
