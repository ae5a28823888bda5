//! Incremental rebuilds for `serve`: the site's output kept in memory and
//! brought up to date after each change by re-rendering only the slots the
//! change can affect.
//!
//! The dependency map (ARCHITECTURE.md "Incremental rebuilds"):
//! - an edited page re-renders every slot of its source (translations show
//!   its notices, fallbacks show its text, switchers and alternates its URL);
//! - when its listing data (front matter, date, URL, existence) changes, also
//!   its section's list pages, and every page when it is in the menu, is a
//!   section or home page, or the accessibility statement;
//! - when its URLs change (or it appears or disappears), the pages whose
//!   bodies link to it with `@/`;
//! - a template, glossary or static change re-renders every slot, a Fluent
//!   file the slots of the languages whose fallback chain uses it;
//! - `site.toml` (or a theme that fails to load) means a full rebuild.
//!
//! The work per update follows the edit, not the site: an edit that keeps
//! every address and URL (saving a page) updates the `Site` in place
//! (`Site::replace_pages`); otherwise pages are shared (`Arc`) between the
//! file cache and the `Site`, so assembling the new `Site` copies
//! pointers. Templates are parsed once and kept until a template, locale
//! or glossary file changes; outdated-translation warnings are kept per
//! source; the output is a persistent map (`Files`) that `serve` publishes
//! without copying it; the site-wide link check keeps an index (facts
//! per page, who links where) and re-checks only the pages whose facts
//! changed and the pages linking to a page whose URL, language or ids
//! changed (`lint::check_links_of`); the sitemap is rewritten only when an
//! entry changed, feeds only when the listing data of a page of their
//! section (or a language, or everything) changed, the language chooser
//! and 404 page only when the home pages or interface text did. The
//! engine always follows the files on disk, also when an update has errors, so that the
//! next update is computed against what the output really is; `serve`
//! publishes the output only when an update has no errors. The result is
//! byte-identical to `vielfalt build` with the same options (tested).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::build::BuildOptions;
use crate::config::Config;
use crate::content::{self, Entry, Key, LoadOptions, Site, Slot};
use crate::diag::{self, Diagnostic};
use crate::feeds::{self, SitemapEntry};
use crate::lint::{self, Facts};
use crate::render::{OutFile, Renderer, Templates};
use crate::theme::{Asset, Theme};

/// The output of a site: path below the output folder → bytes.
///
/// A persistent map: a clone shares everything with the original, and a
/// change afterwards copies only the small bucket it falls into. `serve`
/// publishes a clone after every update while requests may still read
/// the one before; publishing therefore costs what the update changed,
/// not the size of the site (a 12,000-page site has ~14,000 files).
#[derive(Clone)]
pub struct Files {
    buckets: Vec<Arc<BTreeMap<String, Arc<[u8]>>>>,
    len: usize,
}

/// Buckets of `Files`: sites of 10,000–100,000 files give buckets of some
/// tens to hundreds of entries.
const BUCKETS: usize = 256;

impl Default for Files {
    fn default() -> Self {
        Files::new()
    }
}

impl std::fmt::Debug for Files {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Files").field("len", &self.len).finish()
    }
}

impl Files {
    pub fn new() -> Files {
        Files {
            buckets: (0..BUCKETS).map(|_| Arc::new(BTreeMap::new())).collect(),
            len: 0,
        }
    }

    /// FNV-1a of the path: stable, and paths are our own output's.
    fn bucket(path: &str) -> usize {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in path.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        usize::try_from(h % BUCKETS as u64).unwrap_or(0)
    }

    pub fn get(&self, path: &str) -> Option<&Arc<[u8]>> {
        self.buckets.get(Self::bucket(path))?.get(path)
    }

    pub fn contains_key(&self, path: &str) -> bool {
        self.get(path).is_some()
    }

    pub fn insert(&mut self, path: String, bytes: Arc<[u8]>) {
        if let Some(bucket) = self.buckets.get_mut(Self::bucket(&path))
            && Arc::make_mut(bucket).insert(path, bytes).is_none()
        {
            self.len += 1;
        }
    }

    pub fn remove(&mut self, path: &str) {
        if let Some(bucket) = self.buckets.get_mut(Self::bucket(path))
            && bucket.contains_key(path)
            && Arc::make_mut(bucket).remove(path).is_some()
        {
            self.len -= 1;
        }
    }

    pub fn clear(&mut self) {
        *self = Files::new();
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every file, sorted by path.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Arc<[u8]>)> {
        let mut all: Vec<(&String, &Arc<[u8]>)> =
            self.buckets.iter().flat_map(|b| b.iter()).collect();
        all.sort_by(|a, b| a.0.cmp(b.0));
        all.into_iter()
    }
}

/// What one update did.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Slots rendered (a section with pagination counts once).
    pub slots: usize,
    /// Whether every slot was rendered.
    pub full: bool,
    pub elapsed: Duration,
    /// Time per step, for `serve --verbose`.
    pub stages: Vec<(&'static str, Duration)>,
    /// Pages whose links were (re-)checked by the site-wide link check.
    pub links_checked: usize,
    /// Pages the lint index knows (all output pages).
    pub pages_indexed: usize,
}

/// A cached file of `content/`.
#[derive(Debug)]
enum Cached {
    /// Shared with the `Site`: assembling a new site after an edit copies
    /// pointers, not pages.
    Page(Arc<content::Page>),
    Asset(PathBuf),
    Diag(Diagnostic, Option<String>),
}

/// What rendering a slot gave.
#[derive(Debug, Default)]
struct SlotOut {
    files: Vec<(String, Arc<[u8]>)>,
    facts: Vec<(String, Facts)>,
    sitemap: Vec<(String, SitemapEntry)>,
    diags: Vec<Diagnostic>,
}

/// The state that follows the files on disk.
struct State {
    config: Config,
    site: Site,
    /// What assembling the site found (duplicate pages and URLs); kept
    /// while edits leave every address as it is.
    site_diags: Vec<Diagnostic>,
    /// Outdated translations per source.
    status_diags: BTreeMap<String, Vec<Diagnostic>>,
    feed_dirs: Vec<String>,
    /// `@/` link targets per source (union over its pages).
    links: HashMap<String, BTreeSet<String>>,
    slot_paths: BTreeMap<Key, Vec<String>>,
    slot_diags: BTreeMap<Key, Vec<Diagnostic>>,
    /// Findings of the language chooser and the 404 page.
    root_diags: Vec<Diagnostic>,
    /// Lint facts per output path, indexed for incremental link checks.
    lint_index: LinkState,
    sitemap: BTreeMap<String, SitemapEntry>,
    /// The `<url>` element of each sitemap entry, by URL (the sitemap's
    /// order), so that a changed entry does not format every other one.
    sitemap_xml: BTreeMap<String, String>,
    /// Whether `sitemap` changed since sitemap.xml was last written.
    sitemap_dirty: bool,
    /// Feeds and their paths, as last written.
    feed_files: BTreeSet<String>,
    /// Sitemap and robots.txt.
    extra: BTreeSet<String>,
    /// Static files of theme and site, and copied content files.
    other: BTreeSet<String>,
}

/// The site-wide link and title checks, kept up to date page by page
/// (`lint::check_links_of`) instead of re-run over every page per edit.
#[derive(Default)]
struct LinkState {
    /// The site's base path (`/` or `/sub/`), for `lint::link_target`.
    base_path: String,
    /// Facts per output path.
    facts: HashMap<String, Facts>,
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
    fn remove(&mut self, path: &str) {
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
            if let Some(t) = lint::link_target(&link.href, &self.base_path) {
                for map in [&mut self.linked_from, &mut self.anchored_from] {
                    if let Some(set) = map.get_mut(t) {
                        set.remove(path);
                        if set.is_empty() {
                            map.remove(t);
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

    fn insert(&mut self, path: String, f: Facts) {
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
            if let Some(t) = lint::link_target(&link.href, &self.base_path) {
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
    fn check(&mut self, files: HashSet<String>, all: bool) -> usize {
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
            let found = lint::check_links_of(
                &[page],
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
    fn diagnostics(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        self.diags.values().flat_map(|d| d.iter().cloned()).chain(
            self.duplicate_titles.iter().filter_map(|title| {
                let urls = self.titles.get(title)?;
                let pages: Vec<(&str, Option<&Path>)> = urls
                    .iter()
                    .map(|(u, f)| (u.as_str(), f.as_deref()))
                    .collect();
                lint::duplicate_title(title, &pages)
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

/// Keeps a site's output up to date.
pub struct Engine {
    options: BuildOptions,
    root: PathBuf,
    files: BTreeMap<PathBuf, Cached>,
    output: Files,
    state: Option<State>,
    /// Parsed templates and what loading them and their layers reported.
    templates: Option<(Arc<Templates>, Vec<Diagnostic>)>,
    diagnostics: Vec<Diagnostic>,
}

/// What a set of changed paths touches.
#[derive(Debug, Default)]
struct Changes {
    full: bool,
    content: BTreeSet<PathBuf>,
    all_slots: bool,
    langs: BTreeSet<String>,
    statics: bool,
}

impl Engine {
    /// Makes an engine and runs the first (full) build.
    pub fn new(options: BuildOptions) -> (Engine, Report) {
        let root = options
            .root
            .canonicalize()
            .unwrap_or_else(|_| options.root.clone());
        let mut engine = Engine {
            options: BuildOptions {
                root: root.clone(),
                ..options
            },
            root,
            files: BTreeMap::new(),
            output: Files::new(),
            state: None,
            templates: None,
            diagnostics: Vec::new(),
        };
        let report = engine.update(&[]);
        (engine, report)
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The output as it stands after the last update.
    pub fn output(&self) -> &Files {
        &self.output
    }

    /// Every diagnostic of the last update, sorted, `[lint]` applied.
    pub fn diagnostics(&self) -> &[Diagnostic] {
        &self.diagnostics
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Brings the output up to date after `paths` changed (created,
    /// modified, removed or renamed; files or folders). With no state yet,
    /// or after `site.toml` changed, builds everything.
    pub fn update(&mut self, paths: &[PathBuf]) -> Report {
        let start = Instant::now();
        let mut changes = self.classify(paths);
        if self.state.is_none() {
            changes.full = true;
        }
        let mut report = self.run(&changes);
        report.elapsed = start.elapsed();
        report
    }

    fn classify(&self, paths: &[PathBuf]) -> Changes {
        let mut c = Changes::default();
        for path in paths {
            let Ok(rel) = path.strip_prefix(&self.root) else {
                continue;
            };
            let parts: Vec<String> = rel
                .components()
                .map(|p| p.as_os_str().to_string_lossy().into_owned())
                .collect();
            let first = parts.first().map(String::as_str).unwrap_or_default();
            match first {
                "site.toml" => c.full = true,
                "content" => {
                    c.content.insert(path.clone());
                }
                "templates" | "glossary" => c.all_slots = true,
                "static" => c.statics = true,
                "locales" => match parts.get(1) {
                    Some(lang) if parts.len() > 2 => {
                        c.langs.insert(lang.clone());
                    }
                    _ => c.all_slots = true,
                },
                "themes" => match parts.get(2).map(String::as_str) {
                    Some("static") => c.statics = true,
                    Some("locales") => match parts.get(3) {
                        Some(lang) if parts.len() > 4 => {
                            c.langs.insert(lang.clone());
                        }
                        _ => c.all_slots = true,
                    },
                    Some("templates") => c.all_slots = true,
                    // A theme folder appearing or going changes everything.
                    _ => c.full = true,
                },
                _ => {}
            }
        }
        c
    }

    /// Re-reads changed paths under content/ into the file cache. A folder
    /// (or a path that was a folder) is re-read as a whole. Returns the
    /// files touched and what the cache held for them before.
    fn refresh(
        &mut self,
        config: &Config,
        paths: &BTreeSet<PathBuf>,
    ) -> (BTreeSet<PathBuf>, HashMap<PathBuf, Cached>) {
        let mut touched = BTreeSet::new();
        let mut before = HashMap::new();
        let load = LoadOptions {
            drafts: self.options.drafts,
        };
        for path in paths {
            let stale: Vec<PathBuf> = self
                .files
                .range(path.clone()..)
                .map(|(p, _)| p)
                .take_while(|p| p.starts_with(path))
                .cloned()
                .collect();
            for p in stale {
                if let Some(c) = self.files.remove(&p) {
                    before.insert(p.clone(), c);
                }
                touched.insert(p);
            }
            let found: Vec<PathBuf> = if path.is_dir() {
                walk_files(path)
            } else {
                vec![path.clone()]
            };
            let loaded: Vec<(PathBuf, Entry)> = found
                .into_par_iter()
                .map(|p| {
                    let e = content::load_entry(&self.root, &p, config, load);
                    (p, e)
                })
                .collect();
            for (p, entry) in loaded {
                touched.insert(p.clone());
                if let Some(c) = cached(entry) {
                    self.files.insert(p, c);
                }
            }
        }
        (touched, before)
    }

    /// Templates, Fluent bundles, dates and glossary: kept from the last
    /// update unless a file they come from changed.
    fn templates(
        &mut self,
        changes: &Changes,
        config: &Config,
        theme: &Theme,
        diags: &mut Vec<Diagnostic>,
    ) -> Option<Arc<Templates>> {
        if changes.full || changes.all_slots || !changes.langs.is_empty() {
            self.templates = None;
        }
        if self.templates.is_none() {
            let mut d = Vec::new();
            let (i18n, found) = crate::i18n::load(&self.root, config, theme);
            d.extend(found);
            let (dates, found) = crate::dates::Dates::new(config);
            d.extend(found);
            let (glossary, found) = crate::glossary::load(&self.root, config);
            d.extend(found);
            let (templates, found) = Templates::new(config, theme, i18n, dates, glossary);
            d.extend(found);
            let Some(templates) = templates else {
                diags.extend(d);
                return None;
            };
            self.templates = Some((Arc::new(templates), d));
        }
        let (templates, d) = self.templates.as_ref()?;
        diags.extend(d.iter().cloned());
        Some(Arc::clone(templates))
    }

    fn run(&mut self, changes: &Changes) -> Report {
        let mut diags = Vec::new();
        let mut stages: Vec<(&'static str, Duration)> = Vec::new();
        let mut clock = Instant::now();
        let mut lap = |name: &'static str| {
            stages.push((name, clock.elapsed()));
            clock = Instant::now();
        };
        // Configuration.
        let config = if changes.full {
            let (config, d) = crate::config::load(&self.root);
            diags.extend(d);
            let Some(mut config) = config else {
                return self.fail(diags);
            };
            if let Some(url) = &self.options.base_url {
                config.base_url = url.trim_end_matches('/').to_string();
            }
            config
        } else {
            match &self.state {
                Some(s) => s.config.clone(),
                None => return self.fail(diags),
            }
        };
        // Content files.
        let (touched, before) = if changes.full {
            self.files.clear();
            let content = self.root.join(content::CONTENT_DIR);
            if content.is_dir() {
                self.refresh(&config, &BTreeSet::from([content]))
            } else {
                (BTreeSet::new(), HashMap::new())
            }
        } else {
            self.refresh(&config, &changes.content)
        };
        lap("read files");
        if !self.root.join(content::CONTENT_DIR).is_dir() {
            diags.push(
                Diagnostic::error("content/missing", "the site has no content/ folder")
                    .file(content::CONTENT_DIR)
                    .hint("create content/_index.md with a `title` in its front matter"),
            );
        }
        // Layers that are cheap to load (theme), or kept (templates, Fluent,
        // dates, glossary).
        let theme = match Theme::load(&self.root, &config) {
            Ok(t) => t,
            Err(d) => {
                diags.push(d);
                return self.fail(diags);
            }
        };
        let Some(templates) = self.templates(changes, &config, &theme, &mut diags) else {
            return self.fail(diags);
        };
        lap("theme, i18n, dates, glossary");
        if config.base_url.is_empty() {
            diags.push(
                Diagnostic::warning("config/base-url-missing", "base_url is empty: canonical and alternate links are root-relative, and no sitemap.xml or feeds are written")
                    .file(crate::config::CONFIG_FILE)
                    .hint("set base_url in site.toml to the published address, or pass --base-url when building for deployment"),
            );
        }

        // Edits of pages that stay the same pages (old, new), when every
        // touched file is one; then the site can be updated in place.
        // A page read again unchanged (a save without changes, a folder
        // event) keeps its old version and renders nothing.
        let edits: Option<Vec<(Arc<content::Page>, Arc<content::Page>)>> = touched
            .iter()
            .filter_map(|p| match (before.get(p), self.files.get_mut(p)) {
                (Some(Cached::Page(old)), Some(Cached::Page(new))) if same_page(old, new) => {
                    *new = Arc::clone(old);
                    None
                }
                (Some(Cached::Page(old)), Some(Cached::Page(new))) => {
                    Some(Some((Arc::clone(old), Arc::clone(new))))
                }
                _ => Some(None),
            })
            .collect();
        let mut old = if changes.full {
            None
        } else {
            self.state.take()
        };
        // Files that failed to load are reported on every update.
        for c in self.files.values() {
            if let Cached::Diag(d, _) = c {
                diags.push(d.clone());
            }
        }
        let in_place = match (&mut old, &edits) {
            (Some(o), Some(edits)) => {
                let new: Vec<Arc<content::Page>> =
                    edits.iter().map(|(_, n)| Arc::clone(n)).collect();
                o.site.replace_pages(&new)
            }
            _ => false,
        };
        let (site, site_diags) = match &mut old {
            Some(o) if in_place => {
                let empty = empty_site(&self.root, &config);
                (std::mem::replace(&mut o.site, empty), o.site_diags.clone())
            }
            _ => {
                let mut pages = Vec::new();
                let mut assets = Vec::new();
                let mut broken = BTreeSet::new();
                for c in self.files.values() {
                    match c {
                        Cached::Page(p) => pages.push(Arc::clone(p)),
                        Cached::Asset(a) => assets.push(a.clone()),
                        Cached::Diag(_, source) => {
                            if let Some(s) = source {
                                broken.insert(s.clone());
                            }
                        }
                    }
                }
                content::assemble_site(&self.root, config.clone(), pages, assets, broken)
            }
        };
        diags.extend(site_diags.iter().cloned());
        lap("assemble site");
        // Keep the pages with the URLs the site gave them, so that the next
        // update shares them again instead of copying them. A page the site
        // does not share with the cache is one it copied.
        let mut share = |page: &Arc<content::Page>| {
            if let Some(Cached::Page(p)) = self.files.get_mut(&self.root.join(&page.file))
                && !Arc::ptr_eq(p, page)
            {
                *p = Arc::clone(page);
            }
        };
        let edited_sources: BTreeSet<String> = match &edits {
            Some(edits) if in_place => {
                for (_, new) in edits {
                    for page in site.pages_of(&new.source) {
                        share(page);
                    }
                }
                edits.iter().map(|(_, n)| n.source.clone()).collect()
            }
            _ => {
                for page in site.pages.iter().filter(|p| Arc::strong_count(p) == 1) {
                    share(page);
                }
                BTreeSet::new()
            }
        };
        // Outdated translations, per source.
        // A source whose pages are the very same (shared) pages as before
        // keeps its findings; the check reads files to locate them.
        let mut status_diags = match &mut old {
            Some(o) => std::mem::take(&mut o.status_diags),
            None => BTreeMap::new(),
        };
        let status_sources: Vec<&str> = match &old {
            Some(_) if in_place => edited_sources.iter().map(String::as_str).collect(),
            Some(o) => {
                status_diags.retain(|s, _| !site.pages_of(s).is_empty());
                site.sources
                    .iter()
                    .map(String::as_str)
                    .filter(|s| {
                        let (a, b) = (o.site.pages_of(s), site.pages_of(s));
                        a.len() != b.len() || a.iter().zip(b).any(|(x, y)| !Arc::ptr_eq(x, y))
                    })
                    .collect()
            }
            None => site.sources.iter().map(String::as_str).collect(),
        };
        for source in status_sources {
            let found =
                crate::status::outdated(&site, site.pages_of(source).iter().map(|p| p.as_ref()));
            if found.is_empty() {
                status_diags.remove(source);
            } else {
                status_diags.insert(source.to_string(), found);
            }
        }
        for d in status_diags.values() {
            diags.extend(d.iter().cloned());
        }
        lap("translation status");
        let (renderer, d) = Renderer::with_templates(&site, templates);
        diags.extend(d);
        let Some(renderer) = renderer else {
            // Templates do not parse: nothing can be rendered; the next
            // update starts from scratch.
            return self.fail(diags);
        };
        lap("renderer");

        // `@/` links per source.
        let links: HashMap<String, BTreeSet<String>> = match &mut old {
            Some(o) => {
                let mut links = std::mem::take(&mut o.links);
                let changed: BTreeSet<&str> = if in_place {
                    edited_sources.iter().map(String::as_str).collect()
                } else {
                    let touched: HashSet<&Path> = touched
                        .iter()
                        .filter_map(|t| t.strip_prefix(&self.root).ok())
                        .collect();
                    site.pages
                        .iter()
                        .chain(o.site.pages.iter())
                        .filter(|p| touched.contains(p.file.as_path()))
                        .map(|p| p.source.as_str())
                        .collect()
                };
                for s in changed {
                    links.remove(s);
                    let set = source_links(&site, s);
                    if !set.is_empty() {
                        links.insert(s.to_string(), set);
                    }
                }
                links
            }
            None => all_links(&site),
        };

        // What to render.
        let mut listed: BTreeSet<String> = BTreeSet::new();
        let (all, keys) = match &old {
            None => (true, BTreeSet::new()),
            Some(o) => {
                let mut all = changes.all_slots || o.feed_dirs != renderer.feed_dirs;
                let mut keys = BTreeSet::new();
                if !all {
                    all = match &edits {
                        Some(edits) if in_place => {
                            affected_in_place(&site, edits, &mut keys, &mut listed)
                        }
                        _ => affected(&o.site, &site, &self.root, &touched, &links, &mut keys),
                    };
                }
                if !all && !changes.langs.is_empty() {
                    let langs: BTreeSet<&str> = config
                        .languages
                        .iter()
                        .filter(|l| {
                            changes.langs.contains(&l.key)
                                || l.fallback.iter().any(|f| changes.langs.contains(f))
                        })
                        .map(|l| l.key.as_str())
                        .collect();
                    keys.extend(
                        site.slots
                            .keys()
                            .filter(|k| langs.contains(k.1.as_str()))
                            .cloned(),
                    );
                }
                (all, keys)
            }
        };
        lap("affected slots");
        let render_keys: Vec<&Key> = if all {
            site.slots.keys().collect()
        } else {
            keys.iter()
                .filter(|k| site.slots.contains_key(*k))
                .collect()
        };
        let outs: Vec<(Key, SlotOut)> = render_keys
            .par_iter()
            .filter_map(|key| {
                let (slot, url) = site.slots.get(*key)?;
                let (files, diags) = renderer.render_slot(key, *slot, url);
                Some(((*key).clone(), slot_out(&renderer, files, diags)))
            })
            .collect();
        // The language chooser and 404 page show the home pages and
        // interface text only.
        let root_pages =
            all || !changes.langs.is_empty() || keys.iter().any(|k| k.0 == "_index.md");
        let root_out = if root_pages {
            let (root_files, d) = renderer.render_root_pages();
            Some(slot_out(&renderer, root_files, d))
        } else {
            None
        };
        lap("render");

        // Apply: take out what the re-rendered (or vanished) slots made.
        let mut state = match old {
            Some(o) if !all => o,
            _ => {
                self.output.clear();
                State {
                    config: config.clone(),
                    site: empty_site(&self.root, &config),
                    site_diags: Vec::new(),
                    status_diags: BTreeMap::new(),
                    feed_dirs: Vec::new(),
                    links: HashMap::new(),
                    slot_paths: BTreeMap::new(),
                    slot_diags: BTreeMap::new(),
                    root_diags: Vec::new(),
                    lint_index: LinkState {
                        base_path: renderer.base_path().to_string(),
                        ..LinkState::default()
                    },
                    sitemap_dirty: true,
                    feed_files: BTreeSet::new(),
                    extra: BTreeSet::new(),
                    sitemap: BTreeMap::new(),
                    sitemap_xml: BTreeMap::new(),
                    other: BTreeSet::new(),
                }
            }
        };
        let gone: Vec<Key> = if all {
            Vec::new()
        } else {
            keys.iter().cloned().collect()
        };
        // Files rendered again are replaced below, not taken out: comparing
        // old and new facts and sitemap entries tells whether the link
        // check and the sitemap must follow.
        let new_facts: HashSet<&str> = outs
            .iter()
            .flat_map(|(_, o)| o.facts.iter().map(|(p, _)| p.as_str()))
            .collect();
        let new_entries: HashSet<&str> = outs
            .iter()
            .flat_map(|(_, o)| o.sitemap.iter().map(|(p, _)| p.as_str()))
            .collect();
        for key in gone.iter().chain(outs.iter().map(|(k, _)| k)) {
            if let Some(paths) = state.slot_paths.remove(key) {
                for p in paths {
                    self.output.remove(&p);
                    if !new_facts.contains(p.as_str()) {
                        state.lint_index.remove(&p);
                    }
                    if !new_entries.contains(p.as_str())
                        && let Some(entry) = state.sitemap.remove(&p)
                    {
                        state.sitemap_xml.remove(&entry.0);
                        state.sitemap_dirty = true;
                    }
                }
            }
            state.slot_diags.remove(key);
        }
        let rendered = outs.len();
        for (key, out) in outs {
            let paths = state.insert(&mut self.output, out.files, out.facts, out.sitemap);
            state.slot_paths.insert(key.clone(), paths);
            if !out.diags.is_empty() {
                state.slot_diags.insert(key, out.diags);
            }
        }
        if let Some(root_out) = root_out {
            state.insert(
                &mut self.output,
                root_out.files,
                root_out.facts,
                root_out.sitemap,
            );
            state.root_diags = root_out.diags;
        }
        diags.extend(state.root_diags.iter().cloned());

        // Static files and content files copied as they are.
        let assets_touched = touched
            .iter()
            .any(|p| p.extension().is_none_or(|e| e != "md"));
        if all || changes.statics || assets_touched {
            for p in std::mem::take(&mut state.other) {
                self.output.remove(&p);
            }
            for (path, asset) in theme.static_files() {
                let bytes = match &asset {
                    Asset::Builtin(b) => Ok(b.to_vec()),
                    Asset::Disk(p) => std::fs::read(p),
                };
                match bytes {
                    Ok(b) => {
                        self.output.insert(path.clone(), b.into());
                        state.other.insert(path);
                    }
                    Err(e) => diags.push(
                        Diagnostic::error("output/io", format!("cannot copy {path}: {e}"))
                            .hint("check the disk space and permissions"),
                    ),
                }
            }
            for asset in &site.assets {
                let rel = asset.to_string_lossy().replace('\\', "/");
                match std::fs::read(self.root.join(content::CONTENT_DIR).join(asset)) {
                    Ok(b) => {
                        self.output.insert(rel.clone(), b.into());
                        state.other.insert(rel);
                    }
                    Err(e) => diags.push(
                        Diagnostic::error("output/io", format!("cannot copy {rel}: {e}"))
                            .file(Path::new(content::CONTENT_DIR).join(asset))
                            .hint("check the file permissions"),
                    ),
                }
            }
        }
        // Sitemap and feeds: rewritten only when what they show changed
        // (a sitemap entry; the listing data of a page in a feed's section;
        // a language).
        let content_dir = self.root.join(content::CONTENT_DIR);
        let in_feed_dir = |source: &str| {
            site.pages_of(source)
                .iter()
                .any(|p| renderer.feed_dirs.contains(&p.dir))
        };
        let feeds_touched = all
            || !changes.langs.is_empty()
            || if in_place {
                listed.iter().any(|s| in_feed_dir(s))
            } else {
                touched.iter().any(|p| {
                    p.strip_prefix(&content_dir)
                        .is_ok_and(|r| renderer.feed_dirs.iter().any(|d| r.starts_with(d)))
                })
            };
        let mut extra: Vec<(String, String)> = Vec::new();
        if !config.base_url.is_empty() {
            if state.sitemap_dirty {
                // URLs are unique (the same order as `build`'s sorted entries).
                let xml = feeds::sitemap_of(state.sitemap_xml.values().map(String::as_str));
                extra.push(("sitemap.xml".into(), xml));
                state.sitemap_dirty = false;
            }
            if feeds_touched {
                for p in std::mem::take(&mut state.feed_files) {
                    self.output.remove(&p);
                }
                for (path, text) in feeds::atom_feeds(&renderer) {
                    state.feed_files.insert(path.clone());
                    self.output.insert(path, text.into_bytes().into());
                }
            }
        }
        if all || changes.full || state.extra.is_empty() {
            extra.push(("robots.txt".into(), feeds::robots(&renderer)));
        }
        lap("feeds, sitemap");
        for (path, text) in extra {
            state.extra.insert(path.clone());
            self.output.insert(path, text.into_bytes().into());
        }
        let other_files: HashSet<String> = state
            .other
            .iter()
            .chain(state.extra.iter())
            .chain(state.feed_files.iter())
            .cloned()
            .collect();
        let links_checked = state.lint_index.check(other_files, all);
        diags.extend(state.lint_index.diagnostics());
        lap("site-wide lint");
        for d in state.slot_diags.values() {
            diags.extend(d.iter().cloned());
        }
        state.feed_dirs = renderer.feed_dirs.clone();
        drop(renderer);
        state.site = site;
        state.site_diags = site_diags;
        state.status_diags = status_diags;
        state.config = config;
        state.links = links;

        let (errors, allow) = (&state.config.lint.errors, &state.config.lint.allow);
        diags.retain(|d| d.is_error() || !allow.iter().any(|r| r == &d.rule));
        diag::promote(&mut diags, self.options.strict, errors);
        diag::sort(&mut diags);
        self.diagnostics = diags;
        self.state = Some(state);
        lap("diagnostics");
        let pages_indexed = self.state.as_ref().map_or(0, |s| s.lint_index.facts.len());
        Report {
            slots: rendered,
            full: all,
            elapsed: Duration::ZERO,
            stages,
            links_checked,
            pages_indexed,
        }
    }

    /// An update that could not render: the next one starts from scratch.
    fn fail(&mut self, mut diags: Vec<Diagnostic>) -> Report {
        diag::sort(&mut diags);
        if !diags.iter().any(Diagnostic::is_error) {
            diags.push(Diagnostic::error(
                "serve/failed",
                "the site could not be loaded",
            ));
        }
        self.diagnostics = diags;
        self.state = None;
        Report::default()
    }
}

impl State {
    /// Adds rendered files; returns their paths.
    fn insert(
        &mut self,
        output: &mut Files,
        files: Vec<(String, Arc<[u8]>)>,
        facts: Vec<(String, Facts)>,
        sitemap: Vec<(String, SitemapEntry)>,
    ) -> Vec<String> {
        let mut paths = Vec::with_capacity(files.len());
        for (path, bytes) in files {
            output.insert(path.clone(), bytes);
            paths.push(path);
        }
        for (path, f) in facts {
            self.lint_index.insert(path, f);
        }
        for (path, entry) in sitemap {
            if self.sitemap.get(&path) != Some(&entry) {
                let xml = feeds::sitemap_url(&entry);
                let url = entry.0.clone();
                if let Some(old) = self.sitemap.insert(path, entry)
                    && old.0 != url
                {
                    self.sitemap_xml.remove(&old.0);
                }
                self.sitemap_xml.insert(url, xml);
                self.sitemap_dirty = true;
            }
        }
        paths
    }
}

/// Whether a page read again is the page it was (apart from its URL,
/// which the site gives it).
fn same_page(a: &content::Page, b: &content::Page) -> bool {
    a.file == b.file
        && a.slug == b.slug
        && a.date == b.date
        && a.body_line == b.body_line
        && a.content_hash == b.content_hash
        && a.front == b.front
        && a.body == b.body
}

fn cached(entry: Entry) -> Option<Cached> {
    match entry {
        Entry::Page(p) => Some(Cached::Page(Arc::from(p))),
        Entry::Asset(a) => Some(Cached::Asset(a)),
        Entry::Error(d, s) => Some(Cached::Diag(d, s)),
        Entry::Warning(d) => Some(Cached::Diag(d, None)),
        Entry::Draft | Entry::Skip => None,
    }
}

/// Files below `dir` in name order, not following links (symbolic links
/// are listed so that their warning is kept).
fn walk_files(dir: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// Lints rendered files and keeps what the site-wide steps need.
fn slot_out(renderer: &Renderer<'_>, files: Vec<OutFile>, mut diags: Vec<Diagnostic>) -> SlotOut {
    let mut out = SlotOut::default();
    for file in files {
        let url = file
            .url
            .clone()
            .unwrap_or_else(|| format!("/{}", file.path));
        let (facts, d) = lint::scan(&file.html, &url, file.source_file.as_deref());
        diags.extend(d);
        if file.indexable {
            out.sitemap.push((
                file.path.clone(),
                (renderer.absolute(&url), file.alternates, file.lastmod),
            ));
        }
        out.facts.push((file.path.clone(), facts));
        out.files.push((file.path, file.html.into_bytes().into()));
    }
    out.diags = diags;
    out
}

/// Every slot of a source.
fn slots_of<'s>(site: &'s Site, source: &str) -> impl Iterator<Item = &'s Key> + 's {
    let source = source.to_string();
    site.slots
        .range((source.clone(), String::new(), None)..)
        .map(|(k, _)| k)
        .take_while(move |k| k.0 == source)
}

/// The slots an edit of `touched` files affects, added to `keys`; `true`
/// when every slot is affected.
fn affected(
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
fn affected_in_place(
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

/// A site without pages, in place of one taken out of the state.
fn empty_site(root: &Path, config: &Config) -> Site {
    content::assemble_site(
        root,
        config.clone(),
        Vec::new(),
        Vec::new(),
        BTreeSet::new(),
    )
    .0
}

fn all_links(site: &Site) -> HashMap<String, BTreeSet<String>> {
    let mut out: HashMap<String, BTreeSet<String>> = HashMap::new();
    for p in &site.pages {
        let set = at_links(&p.body, &site.config);
        if !set.is_empty() {
            out.entry(p.source.clone()).or_default().extend(set);
        }
    }
    out
}

fn source_links(site: &Site, source: &str) -> BTreeSet<String> {
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
    fn files_clones_share_and_diverge() {
        let mut a = Files::new();
        for i in 0..1000 {
            a.insert(format!("de/{i}/index.html"), Arc::from(vec![1u8]));
        }
        let b = a.clone();
        a.insert("de/7/index.html".into(), Arc::from(vec![2u8]));
        a.remove("de/8/index.html");
        a.insert("neu.html".into(), Arc::from(vec![3u8]));
        assert_eq!((a.len(), b.len()), (1000, 1000));
        assert_eq!(a.get("de/7/index.html").map(|v| v[0]), Some(2));
        assert_eq!(b.get("de/7/index.html").map(|v| v[0]), Some(1));
        assert!(!a.contains_key("de/8/index.html") && b.contains_key("de/8/index.html"));
        assert!(a.contains_key("neu.html") && !b.contains_key("neu.html"));
        let paths: Vec<&String> = a.iter().map(|(p, _)| p).collect();
        assert!(paths.windows(2).all(|w| w[0] < w[1]), "sorted");
        // Buckets not written to are still shared.
        let shared = a
            .buckets
            .iter()
            .zip(&b.buckets)
            .filter(|(x, y)| Arc::ptr_eq(x, y))
            .count();
        assert!(shared >= BUCKETS - 3, "{shared} buckets shared");
    }

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
