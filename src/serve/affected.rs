//! The dependency map of `serve`: which slots a change of content files
//! affects (ARCHITECTURE.md "Incremental rebuilds").

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::content::{self, Key, Site, Slot};

/// Every slot of a source.
pub fn slots_of<'s>(site: &'s Site, source: &str) -> impl Iterator<Item = &'s Key> + 's {
    let source = source.to_string();
    site.slots
        .range((source.clone(), String::new(), None)..)
        .map(|(k, _)| k)
        .take_while(move |k| k.0 == source)
}

/// The slots an edit of `touched` files affects, added to `keys`; `true`
/// when every slot is affected.
pub fn affected(
    old: &Site,
    new: &Site,
    root: &Path,
    touched: &BTreeSet<PathBuf>,
    links: &HashMap<String, BTreeSet<String>>,
    keys: &mut BTreeSet<Key>,
) -> bool {
    // Pages name their file relative to the root: compare so, without
    // joining a path per page.
    let touched: HashSet<&Path> = touched
        .iter()
        .filter_map(|t| t.strip_prefix(root).ok())
        .collect();
    let is_touched = |p: &content::Page| touched.contains(p.file.as_path());
    let mut changed: BTreeSet<String> = old
        .pages
        .iter()
        .chain(new.pages.iter())
        .filter(|p| is_touched(p))
        .map(|p| p.source.clone())
        .collect();
    // Files that failed to load change how links to them are reported.
    let unbroken: BTreeSet<String> = old
        .broken_sources
        .symmetric_difference(&new.broken_sources)
        .cloned()
        .collect();
    changed.extend(unbroken.iter().cloned());
    // Slots that appeared, vanished or moved.
    let mut moved: BTreeSet<String> = BTreeSet::new();
    let mut a = old.slots.iter().peekable();
    let mut b = new.slots.iter().peekable();
    loop {
        match (a.peek(), b.peek()) {
            (None, None) => break,
            (Some((ka, va)), Some((kb, vb))) if ka == kb => {
                if describe(old, va) != describe(new, vb) {
                    moved.insert(ka.0.clone());
                }
                a.next();
                b.next();
            }
            (Some((ka, _)), Some((kb, _))) if ka < kb => {
                moved.insert(ka.0.clone());
                a.next();
            }
            (Some(_), Some((kb, _))) => {
                moved.insert(kb.0.clone());
                b.next();
            }
            (Some((ka, _)), None) => {
                moved.insert(ka.0.clone());
                a.next();
            }
            (None, Some((kb, _))) => {
                moved.insert(kb.0.clone());
                b.next();
            }
        }
    }
    // Listing data: what lists, menus and feeds show of a page.
    let listing = |site: &Site, source: &str| {
        let mut v: Vec<_> = site
            .pages_of(source)
            .iter()
            .map(|p| {
                (
                    p.lang.clone(),
                    p.variant.clone(),
                    p.front.clone(),
                    p.date,
                    p.url.clone(),
                )
            })
            .collect();
        v.sort_by(|x, y| (&x.0, &x.1).cmp(&(&y.0, &y.1)));
        v
    };
    let mut meta: BTreeSet<String> = moved.clone();
    for s in &changed {
        if listing(old, s) != listing(new, s) {
            meta.insert(s.clone());
        }
    }
    for s in changed.iter().chain(moved.iter()) {
        keys.extend(slots_of(old, s).cloned());
        keys.extend(slots_of(new, s).cloned());
    }
    for s in &meta {
        for site in [old, new] {
            if listing_affects(site, s, keys) {
                return true;
            }
        }
    }
    // Pages linking with `@/` to a page that moved or (un)broke.
    let targets: BTreeSet<&String> = moved.iter().chain(unbroken.iter()).collect();
    for (source, to) in links {
        if to.iter().any(|t| targets.contains(t)) {
            keys.extend(slots_of(new, source).cloned());
        }
    }
    false
}

/// What a slot shows, to tell whether it moved: real or fallback, the
/// file, the URL.
fn describe<'s>(
    site: &'s Site,
    slot: &'s (Slot, String),
) -> (bool, Option<&'s std::ffi::OsStr>, &'s str) {
    // File names as they are (a `Path` comparison parses components).
    let page = site.pages.get(slot.0.page()).map(|p| p.file.as_os_str());
    (matches!(slot.0, Slot::Real(_)), page, slot.1.as_str())
}

/// Adds the slots that list the pages of `source` (its section's list
/// pages) to `keys`; `true` when every slot shows them (menu entries,
/// sections, the home page, the accessibility statement).
fn listing_affects(site: &Site, source: &str, keys: &mut BTreeSet<Key>) -> bool {
    for p in site.pages_of(source) {
        if listed_everywhere(p) {
            return true;
        }
        let section = if p.dir.is_empty() {
            "_index.md".to_string()
        } else {
            format!("{}/_index.md", p.dir)
        };
        keys.extend(slots_of(site, &section).cloned());
    }
    false
}

/// Whether every page shows something of `p`: it is in the menu, a
/// section or the home page, or the accessibility statement.
fn listed_everywhere(p: &content::Page) -> bool {
    let top_level = if p.is_section {
        !p.dir.contains('/')
    } else {
        p.dir.is_empty()
    };
    top_level || p.is_section || p.front.template.as_deref() == Some("accessibility.html")
}

/// `affected` for edits that left every address and URL as it was
/// (`Site::replace_pages`): the slots of the edited sources, and where the
/// listing data (front matter, date) changed, the pages listing them. The
/// sources whose listing data changed are added to `listed`.
pub fn affected_in_place(
    site: &Site,
    edits: &[(Arc<content::Page>, Arc<content::Page>)],
    keys: &mut BTreeSet<Key>,
    listed: &mut BTreeSet<String>,
) -> bool {
    let mut everywhere = false;
    for (old, new) in edits {
        keys.extend(slots_of(site, &new.source).cloned());
        if old.front != new.front || old.date != new.date {
            listed.insert(new.source.clone());
            // What the page was counts too: a page that stops being the
            // accessibility statement changes every page's link to it.
            everywhere |= listed_everywhere(old);
        }
    }
    everywhere || listed.iter().any(|s| listing_affects(site, s, keys))
}

pub fn all_links(site: &Site) -> HashMap<String, BTreeSet<String>> {
    let mut out: HashMap<String, BTreeSet<String>> = HashMap::new();
    for p in &site.pages {
        let set = at_links(&p.body, &site.config);
        if !set.is_empty() {
            out.entry(p.source.clone()).or_default().extend(set);
        }
    }
    out
}

pub fn source_links(site: &Site, source: &str) -> BTreeSet<String> {
    site.pages_of(source)
        .iter()
        .flat_map(|p| at_links(&p.body, &site.config))
        .collect()
}

/// The sources a body names with `@/` links. A text scan rather than a
/// Markdown parse: it may find more than the renderer resolves (a link in a
/// code block), which only re-renders a page more often than needed.
pub fn at_links(body: &str, config: &Config) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in body.match_indices("@/") {
        let rest = body.get(i + 2..).unwrap_or_default();
        let end = rest
            .find(|c: char| {
                c.is_whitespace() || matches!(c, ')' | '#' | '>' | '"' | '\'' | ']' | '?' | '<')
            })
            .unwrap_or(rest.len());
        let path = rest
            .get(..end)
            .unwrap_or_default()
            .trim_start_matches('/')
            .trim_start_matches("content/");
        let (dir, name) = match path.rsplit_once('/') {
            Some((d, n)) => (Some(d), n),
            None => (None, path),
        };
        if let Ok(f) = content::parse_file_name(name, config) {
            out.insert(match dir {
                Some(d) => format!("{d}/{}.md", f.stem),
                None => format!("{}.md", f.stem),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_links_finds_sources() {
        let (c, _) = crate::config::parse(
            "default_language = \"de\"\n[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\n",
        );
        let c = c.expect("config");
        let body = "[a](@/leitbild.md#x) and [b](@/updates/x.en.md) and `@/` and <@/a.md>";
        let got: Vec<String> = at_links(body, &c).into_iter().collect();
        assert_eq!(got, ["a.md", "leitbild.md", "updates/x.md"]);
    }
}
