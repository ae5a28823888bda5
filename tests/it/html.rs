//! Reading built HTML in tests with lol_html (the same parser the lint uses).

use std::cell::RefCell;
use std::collections::BTreeMap;

use lol_html::{HtmlRewriter, Settings, element};

pub type Attrs = BTreeMap<String, String>;

/// The attributes of every element matching `selector`, in document order.
pub fn select(html: &str, selector: &str) -> Vec<Attrs> {
    let found: RefCell<Vec<Attrs>> = RefCell::new(Vec::new());
    {
        let mut rewriter = HtmlRewriter::new(
            Settings::new().append_element_content_handler(element!(selector, |el| {
                let attrs = el
                    .attributes()
                    .iter()
                    .map(|a| (a.name(), vielfalt::lint::decode_entities(&a.value())))
                    .collect();
                found.borrow_mut().push(attrs);
                Ok(())
            })),
            |_: &[u8]| {},
        );
        rewriter.write(html.as_bytes()).expect("parse");
        rewriter.end().expect("end");
    }
    found.into_inner()
}

/// The text between the first `<tag` and its matching `</tag>` (no nesting of the same tag).
pub fn fragment<'a>(html: &'a str, tag: &str) -> &'a str {
    let start = html
        .find(&format!("<{tag}"))
        .unwrap_or_else(|| panic!("no <{tag}> in page"));
    let end = html[start..]
        .find(&format!("</{tag}>"))
        .map(|e| start + e + tag.len() + 3)
        .expect("closing tag");
    &html[start..end]
}

pub fn attr<'a>(attrs: &'a Attrs, name: &str) -> &'a str {
    attrs.get(name).map(String::as_str).unwrap_or("")
}
