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
//! Root pages, feeds, the sitemap and the site-wide lint are recomputed on
//! every update (they are cheap next to rendering). The engine always
//! follows the files on disk, also when an update has errors, so that the
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
use crate::render::{OutFile, Renderer};
use crate::theme::{Asset, Theme};

/// The output of a site: path below the output folder → bytes.
pub type Files = BTreeMap<String, Arc<[u8]>>;

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
}

/// A cached file of `content/`.
#[derive(Debug)]
enum Cached {
    Page(Box<content::Page>),
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
    feed_dirs: Vec<String>,
    /// `@/` link targets per source (union over its pages).
    links: HashMap<String, BTreeSet<String>>,
    slot_paths: BTreeMap<Key, Vec<String>>,
    slot_diags: BTreeMap<Key, Vec<Diagnostic>>,
    facts: Vec<Facts>,
    /// The output path of each entry of `facts`.
    fact_paths: Vec<String>,
    facts_at: HashMap<String, usize>,
    sitemap: BTreeMap<String, SitemapEntry>,
    /// Sitemap, feeds and robots.txt.
    extra: BTreeSet<String>,
    /// Static files of theme and site, and copied content files.
    other: BTreeSet<String>,
}

/// Keeps a site's output up to date.
pub struct Engine {
    options: BuildOptions,
    root: PathBuf,
    files: BTreeMap<PathBuf, Cached>,
    output: Files,
    state: Option<State>,
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
    /// (or a path that was a folder) is re-read as a whole.
    fn refresh(&mut self, config: &Config, paths: &BTreeSet<PathBuf>) -> BTreeSet<PathBuf> {
        let mut touched = BTreeSet::new();
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
                self.files.remove(&p);
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
        touched
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
        let touched = if changes.full {
            self.files.clear();
            let content = self.root.join(content::CONTENT_DIR);
            if content.is_dir() {
                self.refresh(&config, &BTreeSet::from([content]))
            } else {
                BTreeSet::new()
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
        // Layers that are cheap to load: theme, Fluent, dates, glossary.
        let theme = match Theme::load(&self.root, &config) {
            Ok(t) => t,
            Err(d) => {
                diags.push(d);
                return self.fail(diags);
            }
        };
        let (i18n, d) = crate::i18n::load(&self.root, &config, &theme);
        diags.extend(d);
        let (dates, d) = crate::dates::Dates::new(&config);
        diags.extend(d);
        let (glossary, d) = crate::glossary::load(&self.root, &config);
        diags.extend(d);
        lap("theme, i18n, dates, glossary");
        if config.base_url.is_empty() {
            diags.push(
                Diagnostic::warning("config/base-url-missing", "base_url is empty: canonical and alternate links are root-relative, and no sitemap.xml or feeds are written")
                    .file(crate::config::CONFIG_FILE)
                    .hint("set base_url in site.toml to the published address, or pass --base-url when building for deployment"),
            );
        }

        // The new site from the cache.
        let mut pages = Vec::new();
        let mut assets = Vec::new();
        let mut broken = BTreeSet::new();
        for c in self.files.values() {
            match c {
                Cached::Page(p) => pages.push(p.as_ref().clone()),
                Cached::Asset(a) => assets.push(a.clone()),
                Cached::Diag(d, source) => {
                    diags.push(d.clone());
                    if let Some(s) = source {
                        broken.insert(s.clone());
                    }
                }
            }
        }
        let (site, d) = content::assemble_site(&self.root, config.clone(), pages, assets, broken);
        diags.extend(d);
        diags.extend(crate::status::diagnostics(&site));
        lap("assemble site");
        let (renderer, d) = Renderer::new(&site, &theme, i18n, dates, glossary);
        diags.extend(d);
        let Some(renderer) = renderer else {
            // Templates do not parse: nothing can be rendered; the next
            // update starts from scratch.
            return self.fail(diags);
        };

        lap("renderer");
        let old = if changes.full {
            None
        } else {
            self.state.take()
        };
        let links: HashMap<String, BTreeSet<String>> = match &old {
            Some(o) => {
                let mut links = o.links.clone();
                let changed: BTreeSet<&str> = site
                    .pages
                    .iter()
                    .filter(|p| touched.contains(&self.root.join(&p.file)))
                    .map(|p| p.source.as_str())
                    .chain(
                        o.site
                            .pages
                            .iter()
                            .filter(|p| touched.contains(&self.root.join(&p.file)))
                            .map(|p| p.source.as_str()),
                    )
                    .collect();
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
        let (all, keys) = match &old {
            None => (true, BTreeSet::new()),
            Some(o) => {
                let mut all = changes.all_slots || o.feed_dirs != renderer.feed_dirs;
                let mut keys = BTreeSet::new();
                if !all {
                    all = affected(&o.site, &site, &self.root, &touched, &links, &mut keys);
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
        let (root_files, d) = renderer.render_root_pages();
        let root_out = slot_out(&renderer, root_files, d);
        lap("render");

        // Apply: take out what the re-rendered (or vanished) slots made.
        let mut state = match old {
            Some(o) if !all => o,
            _ => {
                self.output.clear();
                State {
                    config: config.clone(),
                    site: content::assemble_site(
                        &self.root,
                        config.clone(),
                        Vec::new(),
                        Vec::new(),
                        BTreeSet::new(),
                    )
                    .0,
                    feed_dirs: Vec::new(),
                    links: HashMap::new(),
                    slot_paths: BTreeMap::new(),
                    slot_diags: BTreeMap::new(),
                    facts: Vec::new(),
                    fact_paths: Vec::new(),
                    facts_at: HashMap::new(),
                    extra: BTreeSet::new(),
                    sitemap: BTreeMap::new(),
                    other: BTreeSet::new(),
                }
            }
        };
        let gone: Vec<Key> = if all {
            Vec::new()
        } else {
            keys.iter().cloned().collect()
        };
        for key in gone.iter().chain(outs.iter().map(|(k, _)| k)) {
            if let Some(paths) = state.slot_paths.remove(key) {
                for p in paths {
                    self.output.remove(&p);
                    state.remove_facts(&p);
                    state.sitemap.remove(&p);
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
        state.insert(
            &mut self.output,
            root_out.files,
            root_out.facts,
            root_out.sitemap,
        );
        diags.extend(root_out.diags);

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
        // Sitemap, feeds, robots.txt.
        let mut extra: Vec<(String, String)> = Vec::new();
        for p in std::mem::take(&mut state.extra) {
            self.output.remove(&p);
        }
        if !config.base_url.is_empty() {
            let mut entries: Vec<SitemapEntry> = state.sitemap.values().cloned().collect();
            entries.sort();
            extra.push(("sitemap.xml".into(), feeds::sitemap(&entries)));
            extra.extend(feeds::atom_feeds(&renderer));
        }
        extra.push(("robots.txt".into(), feeds::robots(&renderer)));
        lap("feeds, sitemap");
        let mut other_files: HashSet<String> = state.other.iter().cloned().collect();
        for (path, text) in extra {
            other_files.insert(path.clone());
            state.extra.insert(path.clone());
            self.output.insert(path, text.into_bytes().into());
        }
        diags.extend(lint::check_site(
            &state.facts,
            &other_files,
            renderer.base_path(),
        ));
        lap("site-wide lint");
        for d in state.slot_diags.values() {
            diags.extend(d.iter().cloned());
        }
        state.feed_dirs = renderer.feed_dirs.clone();
        drop(renderer);
        state.site = site;
        state.config = config;
        state.links = links;

        let (errors, allow) = (&state.config.lint.errors, &state.config.lint.allow);
        diags.retain(|d| d.is_error() || !allow.iter().any(|r| r == &d.rule));
        diag::promote(&mut diags, self.options.strict, errors);
        diag::sort(&mut diags);
        self.diagnostics = diags;
        self.state = Some(state);
        lap("diagnostics");
        Report {
            slots: rendered,
            full: all,
            elapsed: Duration::ZERO,
            stages,
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
    fn remove_facts(&mut self, path: &str) {
        if let Some(i) = self.facts_at.remove(path) {
            self.facts.swap_remove(i);
            self.fact_paths.swap_remove(i);
            if let Some(moved) = self.fact_paths.get(i) {
                self.facts_at.insert(moved.clone(), i);
            }
        }
    }

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
            self.remove_facts(&path);
            self.facts_at.insert(path.clone(), self.facts.len());
            self.facts.push(f);
            self.fact_paths.push(path);
        }
        for (path, entry) in sitemap {
            self.sitemap.insert(path, entry);
        }
        paths
    }
}

fn cached(entry: Entry) -> Option<Cached> {
    match entry {
        Entry::Page(p) => Some(Cached::Page(p)),
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
    let is_touched = |p: &content::Page| touched.contains(&root.join(&p.file));
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
    let describe = |site: &Site, slot: &(Slot, String)| {
        let page = site.pages.get(slot.0.page()).map(|p| p.file.clone());
        (matches!(slot.0, Slot::Real(_)), page, slot.1.clone())
    };
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
            .pages
            .iter()
            .filter(|p| p.source == source)
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
            for p in site.pages.iter().filter(|p| &p.source == s) {
                let top_level = if p.is_section {
                    !p.dir.contains('/')
                } else {
                    p.dir.is_empty()
                };
                if top_level
                    || p.is_section
                    || p.front.template.as_deref() == Some("accessibility.html")
                {
                    return true;
                }
                let section = if p.dir.is_empty() {
                    "_index.md".to_string()
                } else {
                    format!("{}/_index.md", p.dir)
                };
                keys.extend(slots_of(site, &section).cloned());
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
    site.pages
        .iter()
        .filter(|p| p.source == source)
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
