//! Site-wide checks over every page's [`Facts`]: internal links and
//! anchors resolve (`link/broken`, `link/broken-anchor`), links into
//! another language say so (`link/lang-missing`), titles are unique
//! (`html/duplicate-title`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;

use super::{Facts, registry, same_language};
use crate::diag::Diagnostic;

/// Site-wide checks: internal links and anchors resolve; titles are unique.
/// `files` are other output paths that links may point to (assets, feeds).
pub fn check_site(pages: &[Facts], files: &HashSet<String>, base_path: &str) -> Vec<Diagnostic> {
    let by_url: HashMap<&str, &Facts> = pages.iter().map(|f| (f.url.as_str(), f)).collect();
    let all: Vec<&Facts> = pages.iter().collect();
    // Each page's links are checked on their own: in chunks on rayon's
    // threads (this ran alone on one core after the pages), merged in page
    // order.
    let mut diags: Vec<Diagnostic> = all
        .par_chunks(256)
        .map(|chunk| check_links_of(chunk, |url| by_url.get(url).copied(), files, base_path))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    // Grouped by hash (a tree compared every title with a dozen others),
    // then the shared ones in the order of their titles.
    type Pages<'f> = Vec<(&'f str, Option<&'f Path>)>;
    let mut titles: HashMap<&str, Pages<'_>> = HashMap::with_capacity(pages.len());
    for page in pages {
        titles
            .entry(page.title.as_str())
            .or_default()
            .push((page.url.as_str(), page.file.as_deref()));
    }
    let mut shared: Vec<(&str, Pages<'_>)> = titles
        .into_iter()
        .filter(|(_, same)| same.len() > 1)
        .collect();
    shared.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (title, same) in shared {
        diags.extend(duplicate_title(title, &same));
    }
    diags
}

/// The site path (`/en/x/`) a link `href` of a page points to when it is a
/// root-relative link into the site below `base_path`: the key under which
/// [`check_site`] and [`check_links_of`] look its target up. `None` for
/// external, relative and same-page (`#id`) links. A percent-encoded path
/// (`/ar/%D8%A7…/`) is decoded into the site's own spelling (UTF-8, NFC,
/// see `uri`); one that is not UTF-8 is kept as written (and found by no
/// page).
pub fn link_target<'h>(href: &'h str, base_path: &str) -> Option<Cow<'h, str>> {
    // Only a root-relative link can: external addresses (`https:`,
    // `mailto:`, `tel:`), protocol-relative ones (`//host/x`), relative
    // and same-page links do not begin with one slash. (One byte to test
    // instead of four prefixes: this runs for every link of the site.)
    if !href.starts_with('/') || href.starts_with("//") {
        return None;
    }
    let path = href.split_once('#').map_or(href, |(path, _)| path);
    let site_path = if base_path.is_empty() {
        path
    } else {
        path.strip_prefix(base_path)
            .filter(|p| p.starts_with('/'))?
    };
    let site_path = site_path
        .split_once('?')
        .map_or(site_path, |(path, _)| path);
    Some(crate::uri::decode(site_path).unwrap_or(Cow::Borrowed(site_path)))
}

/// The link checks of [`check_site`] (broken links, broken anchors, links
/// into another language without `hreflang`/`lang`) for `pages` only, with
/// `lookup` finding a page's facts by its site path. `serve` keeps that
/// index across edits and re-checks only the pages that changed and the
/// pages that link to them, instead of every page of the site; the
/// findings are the same as `check_site`'s for those pages (tested).
pub fn check_links_of<'f>(
    pages: &[&'f Facts],
    lookup: impl Fn(&str) -> Option<&'f Facts>,
    files: &HashSet<String>,
    base_path: &str,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for &page in pages {
        for link in &page.links {
            let href = link.href.as_str();
            let anchor = href
                .split_once('#')
                .map(|(_, a)| crate::uri::decode(a).unwrap_or(Cow::Borrowed(a)));
            let target = if href.is_empty() || href.starts_with('#') {
                Some(page)
            } else if let Some(site_path) = link_target(href, base_path) {
                match lookup(&site_path) {
                    Some(f) => Some(f),
                    None if files.contains(site_path.trim_start_matches('/')) => None,
                    None => {
                        diags.push(broken(
                            page,
                            "link/broken",
                            format!("the link to {href} points to no page or file of the site"),
                        ));
                        continue;
                    }
                }
            } else {
                None
            };
            if let Some(target) = target
                && !target.lang.is_empty()
                && !same_language(&target.lang, &page.lang)
                && link.hreflang.is_none()
                && !same_language(&link.lang, &target.lang)
            {
                let mut d = registry::diagnostic(
                    "link/lang-missing",
                    format!(
                        "the link to {href} leads to a page in `{}` but says neither hreflang nor lang",
                        target.lang
                    ),
                )
                .url(&page.url);
                d.file = page.file.clone();
                diags.push(d);
            }
            if let (Some(target), Some(anchor)) = (target, anchor)
                && !anchor.is_empty()
                && !target.ids.contains(anchor.as_ref())
            {
                diags.push(broken(
                    page,
                    "link/broken-anchor",
                    format!("the anchor `#{anchor}` does not exist on {}", target.url),
                ));
            }
        }
    }
    diags
}

/// The duplicate-title finding of [`check_site`] for one title shared by
/// `pages` (URL, source file), for callers that keep a title index.
pub fn duplicate_title(title: &str, pages: &[(&str, Option<&Path>)]) -> Option<Diagnostic> {
    if pages.len() < 2 {
        return None;
    }
    let urls: Vec<&str> = pages.iter().map(|(u, _)| *u).collect();
    let mut d = registry::diagnostic(
        "html/duplicate-title",
        format!(
            "{} pages share the title “{title}”: {}",
            urls.len(),
            urls.join(", ")
        ),
    );
    d.url = urls.first().map(|u| u.to_string());
    d.file = pages.first().and_then(|(_, f)| f.map(Path::to_path_buf));
    Some(d)
}

fn broken(page: &Facts, rule: &'static str, message: String) -> Diagnostic {
    let mut d = registry::diagnostic(rule, message).url(&page.url);
    d.file = page.file.clone();
    d
}
