//! The site-wide link and title checks of `serve`, kept up to date page by
//! page: an index of every page's lint facts and of who links where, so
//! that an update re-checks only the pages whose facts changed and the
//! pages linking to them (through `build::site_wide`, as `build` does).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::build::site_wide;
use crate::diag::Diagnostic;
use crate::lint::Facts;

/// The site-wide link and title checks, kept up to date page by page
/// (`site_wide::check_links_of`) instead of re-run over every page per edit.
#[derive(Default)]
pub struct LinkState {
    /// The site's base path (`/` or `/sub/`), for `site_wide::link_target`.
    base_path: String,
    /// Facts per output path.
    pub facts: HashMap<String, Facts>,
    /// Output path per page URL.
    by_url: HashMap<String, String>,
    /// Output paths of the pages that link to a site path.
    linked_from: HashMap<String, HashSet<String>>,
    /// The same for links with an anchor (`/de/x/#teil`).
    anchored_from: HashMap<String, HashSet<String>>,
    /// Link findings per output path (only non-empty).
    diags: HashMap<String, Vec<Diagnostic>>,
    /// URL → file per title.
    titles: BTreeMap<String, BTreeMap<String, Option<PathBuf>>>,
    /// The titles of more than one page, so that reporting them does not
    /// walk every title.
    duplicate_titles: BTreeSet<String>,
    /// Output paths whose facts came or went in this update.
    dirty_paths: HashSet<String>,
    /// URLs of those pages whose existence, URL or language changed.
    dirty_urls: HashSet<String>,
    /// URLs of pages whose ids (only) changed.
    dirty_ids: HashSet<String>,
    /// The other output files links may point to, as last checked.
    files: HashSet<String>,
}

impl LinkState {
    pub fn new(base_path: &str) -> LinkState {
        LinkState {
            base_path: base_path.to_string(),
            ..LinkState::default()
        }
    }

    pub fn remove(&mut self, path: &str) {
        self.take(path, Target::Changed);
    }

    /// Takes a page out of the index; with `as_target`, the pages linking
    /// to its URL are re-checked too.
    fn take(&mut self, path: &str, as_target: Target) {
        let Some(f) = self.facts.remove(path) else {
            return;
        };
        if self.by_url.get(&f.url).is_some_and(|p| p == path) {
            self.by_url.remove(&f.url);
        }
        for link in &f.links {
            if let Some(t) = site_wide::link_target(&link.href, &self.base_path) {
                for map in [&mut self.linked_from, &mut self.anchored_from] {
                    if let Some(set) = map.get_mut(t.as_ref()) {
                        set.remove(path);
                        if set.is_empty() {
                            map.remove(t.as_ref());
                        }
                    }
                }
            }
        }
        if let Some(urls) = self.titles.get_mut(&f.title) {
            urls.remove(&f.url);
            if urls.len() < 2 {
                self.duplicate_titles.remove(&f.title);
            }
            if urls.is_empty() {
                self.titles.remove(&f.title);
            }
        }
        self.diags.remove(path);
        self.dirty_paths.insert(path.to_string());
        match as_target {
            Target::Changed => self.dirty_urls.insert(f.url),
            Target::Ids => self.dirty_ids.insert(f.url),
            Target::Same => false,
        };
    }

    pub fn insert(&mut self, path: String, f: Facts) {
        // A page rendered again with the same facts (root pages are on every
        // update; most slots of an edited source) changes no finding.
        // Pages linking to this one need a new check only when what they
        // rely on changed: its existence, URL, language or ids (a section
        // page that lists one more page is linked from all its pages).
        let as_target = match self.facts.get(&path) {
            Some(old) if same_facts(old, &f) => return,
            Some(old) if old.url != f.url || old.lang != f.lang => Target::Changed,
            Some(old) if old.ids != f.ids => Target::Ids,
            Some(_) => Target::Same,
            None => Target::Changed,
        };
        self.take(&path, as_target);
        for link in &f.links {
            if let Some(t) = site_wide::link_target(&link.href, &self.base_path) {
                self.linked_from
                    .entry(t.to_string())
                    .or_default()
                    .insert(path.clone());
                if link
                    .href
                    .split_once('#')
                    .is_some_and(|(_, a)| !a.is_empty())
                {
                    self.anchored_from
                        .entry(t.to_string())
                        .or_default()
                        .insert(path.clone());
                }
            }
        }
        let urls = self.titles.entry(f.title.clone()).or_default();
        urls.insert(f.url.clone(), f.file.clone());
        if urls.len() > 1 {
            self.duplicate_titles.insert(f.title.clone());
        }
        self.by_url.insert(f.url.clone(), path.clone());
        self.dirty_paths.insert(path.clone());
        match as_target {
            Target::Changed => self.dirty_urls.insert(f.url.clone()),
            Target::Ids => self.dirty_ids.insert(f.url.clone()),
            Target::Same => false,
        };
        self.facts.insert(path, f);
    }

    /// Re-checks the links of the pages that changed and of the pages that
    /// link to them (all pages when `files` changed or `all`); returns how
    /// many pages were checked.
    pub fn check(&mut self, files: HashSet<String>, all: bool) -> usize {
        let paths: BTreeSet<String> = if all || files != self.files {
            self.diags.clear();
            self.facts.keys().cloned().collect()
        } else {
            let mut paths: BTreeSet<String> = self
                .dirty_paths
                .iter()
                .filter(|p| self.facts.contains_key(*p))
                .cloned()
                .collect();
            for url in &self.dirty_urls {
                if let Some(from) = self.linked_from.get(url) {
                    paths.extend(from.iter().cloned());
                }
            }
            for url in &self.dirty_ids {
                if let Some(from) = self.anchored_from.get(url) {
                    paths.extend(from.iter().cloned());
                }
            }
            paths
        };
        self.files = files;
        self.dirty_paths.clear();
        self.dirty_urls.clear();
        self.dirty_ids.clear();
        for path in &paths {
            let Some(page) = self.facts.get(path) else {
                continue;
            };
            let found = site_wide::check_links_of(
                page,
                |url| self.by_url.get(url).and_then(|p| self.facts.get(p)),
                &self.files,
                &self.base_path,
            );
            if found.is_empty() {
                self.diags.remove(path);
            } else {
                self.diags.insert(path.clone(), found);
            }
        }
        paths.len()
    }

    /// Link findings and duplicate titles.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        self.diags.values().flat_map(|d| d.iter().cloned()).chain(
            self.duplicate_titles.iter().filter_map(|title| {
                let urls = self.titles.get(title)?;
                let pages: Vec<(&str, Option<&Path>)> = urls
                    .iter()
                    .map(|(u, f)| (u.as_str(), f.as_deref()))
                    .collect();
                site_wide::duplicate_title(title, &pages)
            }),
        )
    }
}

/// What pages linking to a re-rendered page must be re-checked for.
#[derive(Clone, Copy)]
enum Target {
    /// Existence, URL or language: every link to it.
    Changed,
    /// Only its ids: links with an anchor.
    Ids,
    /// Nothing a link relies on.
    Same,
}

fn same_facts(a: &Facts, b: &Facts) -> bool {
    a.url == b.url
        && a.file == b.file
        && a.lang == b.lang
        && a.title == b.title
        && a.ids == b.ids
        && a.links == b.links
}
