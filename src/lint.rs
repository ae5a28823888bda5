//! The build's own HTML lint: one lol_html pass per rendered page, run in
//! parallel while pages are written, plus site-wide checks over the small
//! facts each pass keeps (ids, internal links, titles).
//!
//! Rules have stable names (`html/duplicate-id`, `link/broken`, …) listed
//! in the README; `[lint]` in site.toml promotes or allows them.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, HashSet};

use lol_html::{HtmlRewriter, Settings, element, text};

use crate::diag::Diagnostic;

/// What the site-wide checks need to know about one output page.
#[derive(Debug, Default, Clone)]
pub struct Facts {
    pub url: String,
    pub file: Option<std::path::PathBuf>,
    pub ids: HashSet<String>,
    /// Internal link targets as written (`/en/x/#a`, `#b`).
    pub links: Vec<String>,
    pub title: String,
}

/// Scans one page. Returns its facts and the findings that need only this page.
pub fn scan(html: &str, url: &str, file: Option<&std::path::Path>) -> (Facts, Vec<Diagnostic>) {
    let ids: RefCell<Vec<String>> = RefCell::new(Vec::new());
    let links: RefCell<Vec<String>> = RefCell::new(Vec::new());
    let title = RefCell::new(String::new());
    {
        let mut rewriter = HtmlRewriter::new(
            Settings::new()
                .append_element_content_handler(element!("[id]", |el| {
                    if let Some(id) = el.get_attribute("id") {
                        ids.borrow_mut().push(decode_entities(&id));
                    }
                    Ok(())
                }))
                .append_element_content_handler(element!(
                    "a[href], link[rel=stylesheet][href]",
                    |el| {
                        if let Some(href) = el.get_attribute("href") {
                            links.borrow_mut().push(decode_entities(&href));
                        }
                        Ok(())
                    }
                ))
                .append_element_content_handler(text!("head > title", |t| {
                    title.borrow_mut().push_str(t.as_str());
                    Ok(())
                })),
            |_: &[u8]| {},
        );
        // Our own output is valid UTF-8 and small; a lol_html error here
        // would mean a bug in the rewriter, reported below as a finding.
        if let Err(e) = rewriter
            .write(html.as_bytes())
            .and_then(|()| rewriter.end())
        {
            let d = Diagnostic::error(
                "html/unparsable",
                format!("the HTML lint could not read the page: {e}"),
            )
            .url(url);
            return (
                Facts {
                    url: url.to_string(),
                    ..Facts::default()
                },
                vec![d],
            );
        }
    }
    let mut diags = Vec::new();
    let mut seen = HashSet::new();
    for id in ids.borrow().iter() {
        if !seen.insert(id.clone()) {
            let mut d = Diagnostic::warning(
                "html/duplicate-id",
                format!("the id `{id}` is used more than once"),
            )
            .url(url)
            .hint("ids must be unique on a page; rename one heading or element");
            d.file = file.map(std::path::Path::to_path_buf);
            diags.push(d);
        }
    }
    let facts = Facts {
        url: url.to_string(),
        file: file.map(std::path::Path::to_path_buf),
        ids: seen,
        links: links.into_inner(),
        title: title.into_inner().trim().to_string(),
    };
    (facts, diags)
}

/// Site-wide checks: internal links and anchors resolve; titles are unique.
/// `files` are other output paths that links may point to (assets, feeds).
pub fn check_site(pages: &[Facts], files: &HashSet<String>, base_path: &str) -> Vec<Diagnostic> {
    let by_url: HashMap<&str, &Facts> = pages.iter().map(|f| (f.url.as_str(), f)).collect();
    let mut diags = Vec::new();
    for page in pages {
        for href in &page.links {
            if href.starts_with("http://")
                || href.starts_with("https://")
                || href.starts_with("mailto:")
                || href.starts_with("tel:")
            {
                continue;
            }
            let (path, anchor) = match href.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (href.as_str(), None),
            };
            let target = if path.is_empty() {
                Some(page)
            } else if let Some(site_path) =
                path.strip_prefix(base_path).filter(|p| p.starts_with('/'))
            {
                let site_path = site_path.split('?').next().unwrap_or(site_path);
                match by_url.get(site_path) {
                    Some(f) => Some(*f),
                    None if files.contains(site_path.trim_start_matches('/')) => None,
                    None => {
                        diags.push(broken(
                            page,
                            format!("the link to {href} points to no page or file of the site"),
                        ));
                        continue;
                    }
                }
            } else {
                // Relative links are resolved by the browser; only root-relative
                // ones are checked.
                None
            };
            if let (Some(target), Some(anchor)) = (target, anchor)
                && !anchor.is_empty()
                && !target.ids.contains(anchor)
            {
                diags.push(
                    broken(
                        page,
                        format!("the anchor `#{anchor}` does not exist on {}", target.url),
                    )
                    .with_rule("link/broken-anchor"),
                );
            }
        }
    }
    let mut titles: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for page in pages {
        titles
            .entry(page.title.as_str())
            .or_default()
            .push(page.url.as_str());
    }
    for (title, urls) in titles {
        if urls.len() > 1 {
            let mut d = Diagnostic::warning(
                "html/duplicate-title",
                format!(
                    "{} pages share the title “{title}”: {}",
                    urls.len(),
                    urls.join(", ")
                ),
            )
            .hint("give each page its own title");
            d.url = urls.first().map(|u| u.to_string());
            diags.push(d);
        }
    }
    diags
}

/// Decodes the character references an attribute value may hold (lol_html
/// hands attribute values over as written).
pub fn decode_entities(value: &str) -> String {
    if !value.contains('&') {
        return value.to_string();
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn broken(page: &Facts, message: String) -> Diagnostic {
    let mut d = Diagnostic::warning("link/broken", message)
        .url(&page.url)
        .hint("fix the link target; link to pages with `@/path/to/file.md#id` so the build can check them");
    d.file = page.file.clone();
    d
}

trait WithRule {
    fn with_rule(self, rule: &str) -> Self;
}

impl WithRule for Diagnostic {
    fn with_rule(mut self, rule: &str) -> Self {
        self.rule = rule.to_string();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_links_and_duplicates() {
        let html = r##"<html><head><title> T </title></head><body><h2 id="a">x</h2><p id="a"></p><a href="/de/x/#b">l</a></body></html>"##;
        let (facts, diags) = scan(html, "/de/", None);
        assert_eq!(facts.title, "T");
        assert!(facts.ids.contains("a"));
        assert_eq!(facts.links, ["/de/x/#b"]);
        assert_eq!(diags.len(), 1);
        assert_eq!(diags[0].rule, "html/duplicate-id");
    }

    #[test]
    fn attribute_entities_are_decoded() {
        assert_eq!(
            decode_entities("&#x2F;de&#47;x?a=1&amp;b=2&unknown;"),
            "/de/x?a=1&b=2&unknown;"
        );
    }

    #[test]
    fn broken_links_and_anchors_are_reported() {
        let a = Facts {
            url: "/de/".into(),
            title: "A".into(),
            links: vec![
                "/de/b/#ok".into(),
                "/de/b/#missing".into(),
                "/de/nope/".into(),
                "/style.css".into(),
                "#top".into(),
            ],
            ids: ["top".to_string()].into(),
            ..Facts::default()
        };
        let b = Facts {
            url: "/de/b/".into(),
            title: "A".into(),
            ids: ["ok".to_string()].into(),
            ..Facts::default()
        };
        let files: HashSet<String> = ["style.css".to_string()].into();
        let diags = check_site(&[a, b], &files, "");
        let rules: Vec<_> = diags
            .iter()
            .map(|d| (d.rule.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(rules.len(), 3, "{rules:?}");
        assert!(rules[0].1.contains("#missing"));
        assert!(rules[1].1.contains("/de/nope/"));
        assert_eq!(rules[2].0, "html/duplicate-title");
    }
}
