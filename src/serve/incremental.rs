//! Incremental rebuilds for `serve`: the build's stages (`build::load`,
//! `build::checks`, `build::pages`, `build::site_wide`,
//! `build::finish_diagnostics`) run for what a change affects, into the
//! site's output kept in memory. What is the engine's own is the file
//! cache, the dependency map (`affected`), the findings kept per source
//! and per slot, the link index (`links`) and the in-memory output
//! (`files`); everything a page shows or is checked for comes from the
//! same functions as in `build` and `check`, so the engine reports what a
//! fresh `check` reports and writes what a fresh `build` writes (tested
//! after every save of a long series of edits, `tests/it/pipeline.rs`).
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
//! The content checks (translation status, plain language) run again for
//! the sources whose pages changed, and for every source after the
//! configuration, the glossary or the glossary page changed.
//!
//! The work per update follows the edit, not the site: an edit that keeps
//! every address and URL (saving a page) updates the `Site` in place
//! (`Site::replace_pages`); otherwise pages are shared (`Arc`) between the
//! file cache and the `Site`, so assembling the new `Site` copies
//! pointers. Templates are parsed once and kept until a file outside
//! `content/` changes; the output is a persistent map (`Files`) that
//! `serve` publishes without copying it; the link index re-checks only the
//! pages whose facts changed and the pages linking to a page whose URL,
//! language or ids changed; the sitemap is rewritten only when an entry
//! changed, feeds only when the listing data of a page of their section
//! (or a language, or everything) changed, the language chooser and 404
//! page only when the home pages or interface text did. The engine always
//! follows the files on disk, also when an update has errors, so that the
//! next update is computed against what the output really is; `serve`
//! publishes the output only when an update has no errors.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::build::pages::{self, Scope};
use crate::build::{self, BuildOptions, checks, load, site_wide};
use crate::config::Config;
use crate::content::{self, Entry, Key, LoadOptions, Page, Site};
use crate::diag::Diagnostic;
use crate::feeds::{self, SitemapEntry};
use crate::glossary::Glossary;
use crate::lint::Linter;
use crate::render::{Renderer, Templates};
use crate::theme::Asset;

use super::affected::{affected, affected_in_place, all_links, source_links};
pub use super::files::Files;
use super::files::Memory;
use super::links::LinkState;

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

/// The state that follows the files on disk.
struct State {
    config: Config,
    /// The text of site.toml.
    config_text: String,
    site: Site,
    /// What assembling the site found (duplicate pages and URLs); kept
    /// while edits leave every address as it is.
    site_diags: Vec<Diagnostic>,
    /// The content checks' findings per source (`build::checks`).
    source_diags: BTreeMap<String, Vec<Diagnostic>>,
    feed_dirs: Vec<String>,
    /// `@/` link targets per source (union over its pages).
    links: HashMap<String, BTreeSet<String>>,
    slot_paths: BTreeMap<Key, Vec<String>>,
    slot_diags: BTreeMap<Key, Vec<Diagnostic>>,
    /// Output paths and findings of the language chooser and the 404 page.
    root_paths: Vec<String>,
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
    /// Static files of theme and site, and copied content files, and
    /// what copying them found.
    other: BTreeSet<String>,
    copy_diags: Vec<Diagnostic>,
    /// The document's PDFs (`[pdf]`): their paths and the links to them.
    pdf_files: BTreeSet<String>,
    pdf_links: BTreeMap<Key, crate::pdf::PdfLink>,
}

/// Keeps a site's output up to date.
pub struct Engine {
    options: BuildOptions,
    root: PathBuf,
    files: BTreeMap<PathBuf, Cached>,
    output: Files,
    state: Option<State>,
    /// What rendering needs besides the content; kept until a file outside
    /// `content/` changes.
    layers: Option<Layers>,
    diagnostics: Vec<Diagnostic>,
}

/// Templates, glossary and static files, with what loading them reported.
struct Layers {
    /// `None` when the templates cannot be used (the diagnostics say why).
    templates: Option<Arc<Templates>>,
    glossary: Glossary,
    static_files: BTreeMap<String, Asset>,
    diags: Vec<Diagnostic>,
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

impl Changes {
    /// Whether a file outside `content/` changed.
    fn layers(&self) -> bool {
        self.full || self.all_slots || self.statics || !self.langs.is_empty()
    }
}

/// The site of an update and how it came about.
struct Assembled {
    site: Site,
    /// What assembling the site found (duplicate pages and URLs).
    site_diags: Vec<Diagnostic>,
    /// Files of `content/` read again in this update.
    touched: BTreeSet<PathBuf>,
    /// The pages edited when the last site was updated in place
    /// (`Site::replace_pages`), as (old, new); else `None`.
    in_place: Option<Vec<(Arc<Page>, Arc<Page>)>>,
}

impl Assembled {
    /// The sources of the pages edited in place.
    fn edited_sources(&self) -> Option<BTreeSet<String>> {
        let edits = self.in_place.as_ref()?;
        Some(edits.iter().map(|(_, n)| n.source.clone()).collect())
    }
}

/// What an update renders: every slot, or these slots and perhaps the root
/// pages; `listed` are the sources whose listing data changed in place.
struct Plan {
    all: bool,
    keys: BTreeSet<Key>,
    root_pages: bool,
    listed: BTreeSet<String>,
}

/// Time per step of an update.
struct Laps {
    stages: Vec<(&'static str, Duration)>,
    clock: Instant,
}

impl Laps {
    fn lap(&mut self, name: &'static str) {
        self.stages.push((name, self.clock.elapsed()));
        self.clock = Instant::now();
    }
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
            layers: None,
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

    /// Every diagnostic of the last update, as `check` reports them
    /// (`build::finish_diagnostics`).
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
                "site.toml" | "audits.toml" => c.full = true,
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

    /// One update, stage by stage: the same stages as `build` (load, checks,
    /// pages, site-wide, finish), each limited to what `changes` affects.
    fn run(&mut self, changes: &Changes) -> Report {
        let mut diags = Vec::new();
        let mut laps = Laps {
            stages: Vec::new(),
            clock: Instant::now(),
        };
        let config = if changes.full {
            load::load_config(&self.options, &mut diags)
        } else {
            self.state
                .as_ref()
                .map(|s| (s.config.clone(), s.config_text.clone()))
        };
        let Some((config, config_text)) = config else {
            return self.fail(diags, None);
        };
        let (touched, before) = self.read_content(changes, &config);
        laps.lap("read files");
        let layers = match self.layers.take() {
            Some(layers) if !changes.layers() => layers,
            old => match load_layers(&self.root, &config) {
                Ok(layers) => {
                    // Languages not rendered again still show what their
                    // last render recorded.
                    if let (Some(old), Some(new)) = (
                        old.as_ref().and_then(|l| l.templates.as_ref()),
                        layers.templates.as_ref(),
                    ) && !changes.full
                        && !changes.all_slots
                    {
                        new.i18n.carry_over(&old.i18n);
                    }
                    layers
                }
                Err(d) => {
                    diags.extend(d);
                    return self.fail(diags, Some(&config));
                }
            },
        };
        diags.extend(layers.diags.iter().cloned());
        laps.lap("theme, i18n, dates, glossary");
        let report = self.run_with(
            changes,
            (config, config_text),
            &layers,
            touched,
            &before,
            diags,
            laps,
        );
        self.layers = Some(layers);
        report
    }

    #[allow(clippy::too_many_arguments)]
    fn run_with(
        &mut self,
        changes: &Changes,
        (config, config_text): (Config, String),
        layers: &Layers,
        touched: BTreeSet<PathBuf>,
        before: &HashMap<PathBuf, Cached>,
        mut diags: Vec<Diagnostic>,
        mut laps: Laps,
    ) -> Report {
        let mut old = if changes.full {
            None
        } else {
            self.state.take()
        };
        let assembled = self.assemble(&config, old.as_mut(), touched, before, &mut diags);
        laps.lap("assemble site");
        let reload = changes.layers();
        let source_diags = check_sources(old.as_mut(), &assembled, &layers.glossary, reload);
        for d in source_diags.values() {
            diags.extend(d.iter().cloned());
        }
        diags.extend(checks::check_site(&assembled.site, &config_text));
        laps.lap("translation status, plain language");
        let Some(templates) = layers.templates.clone() else {
            return self.fail(diags, Some(&config));
        };
        diags.extend(crate::plain::labels::check(
            &assembled.site,
            &templates.i18n,
        ));
        diags.extend(crate::plain::splits::check(
            &assembled.site,
            &layers.glossary,
        ));
        let site = &assembled.site;
        let (renderer, d) = Renderer::with_templates(site, templates);
        diags.extend(d);
        let (linter, d) = Linter::new(&config);
        diags.extend(d);
        let Some(mut renderer) = renderer else {
            return self.fail(diags, Some(&config));
        };
        laps.lap("renderer");
        let links = update_links(old.as_mut(), &assembled, &self.root);
        let mut plan = plan(
            changes,
            old.as_ref(),
            &assembled,
            &links,
            &renderer,
            &self.root,
        );
        laps.lap("affected slots");
        diags.extend(crate::pdf::check(site, &config_text));
        let pdfs = remake_pdfs(old.as_ref(), site, &mut plan, &mut diags);
        renderer.pdf_links = match (&pdfs, &old) {
            (Some((_, links)), _) => links.clone(),
            (None, Some(o)) if !plan.all => o.pdf_links.clone(),
            (None, _) => BTreeMap::new(),
        };
        laps.lap("pdf");
        let memory = Memory::default();
        let scope = if plan.all {
            Scope::All
        } else {
            Scope::Slots {
                keys: &plan.keys,
                root_pages: plan.root_pages,
            }
        };
        let rendered = pages::render(&renderer, &scope, &linter, &memory);
        laps.lap("render");
        let mut state = match old {
            Some(o) if !plan.all => o,
            _ => {
                self.output.clear();
                State::new(&self.root, &config, renderer.base_path())
            }
        };
        let slots = state.apply(&mut self.output, &plan, rendered, memory.into_files());
        if let Some((files, links)) = pdfs {
            for path in std::mem::take(&mut state.pdf_files) {
                self.output.remove(&path);
            }
            for (path, bytes) in files.into_files() {
                self.output.insert(path.clone(), bytes);
                state.pdf_files.insert(path);
            }
            state.pdf_links = links;
        }
        self.copy_files(&mut state, changes, &assembled, layers, &plan);
        self.write_texts(&mut state, changes, &assembled, &renderer, &plan);
        diags.extend(site_wide::untranslated_values(&renderer));
        laps.lap("feeds, sitemap");
        let links_checked = state.check_links(plan.all);
        diags.extend(state.diagnostics());
        laps.lap("site-wide lint");
        state.feed_dirs = renderer.feed_dirs.clone();
        drop(renderer);
        state.site = assembled.site;
        state.site_diags = assembled.site_diags;
        state.source_diags = source_diags;
        state.config = config;
        state.config_text = config_text;
        state.links = links;
        self.diagnostics =
            build::finish_diagnostics(diags, Some(&state.config.lint), self.options.strict);
        let pages_indexed = state.lint_index.facts.len();
        self.state = Some(state);
        laps.lap("diagnostics");
        Report {
            slots,
            full: plan.all,
            elapsed: Duration::ZERO,
            stages: laps.stages,
            links_checked,
            pages_indexed,
        }
    }

    /// Re-reads the changed files of `content/` (all of them on a full
    /// update); returns the files touched and what the cache held for them.
    fn read_content(
        &mut self,
        changes: &Changes,
        config: &Config,
    ) -> (BTreeSet<PathBuf>, HashMap<PathBuf, Cached>) {
        if !changes.full {
            return self.refresh(config, &changes.content);
        }
        self.files.clear();
        let content = self.root.join(content::CONTENT_DIR);
        if content.is_dir() {
            self.refresh(config, &BTreeSet::from([content]))
        } else {
            (BTreeSet::new(), HashMap::new())
        }
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

    /// The site after the `touched` files changed: the last one updated in
    /// place when every touched file is a page that keeps its address and
    /// URL, else assembled from the file cache. Reports what `content::load`
    /// would (files that failed to load, a missing `content/`).
    fn assemble(
        &mut self,
        config: &Config,
        old: Option<&mut State>,
        touched: BTreeSet<PathBuf>,
        before: &HashMap<PathBuf, Cached>,
        diags: &mut Vec<Diagnostic>,
    ) -> Assembled {
        if !self.root.join(content::CONTENT_DIR).is_dir() {
            diags.push(
                Diagnostic::error("content/missing", "the site has no content/ folder")
                    .file(content::CONTENT_DIR)
                    .hint("create content/_index.md with a `title` in its front matter"),
            );
        }
        // Edits of pages that stay the same pages (old, new), when every
        // touched file is one. A page read again unchanged (a save without
        // changes, a folder event) keeps its old version.
        let edits: Option<Vec<(Arc<Page>, Arc<Page>)>> = touched
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
        for c in self.files.values() {
            if let Cached::Diag(d, _) = c {
                diags.push(d.clone());
            }
        }
        let in_place = match (old, edits) {
            (Some(o), Some(edits)) => {
                let new: Vec<Arc<Page>> = edits.iter().map(|(_, n)| Arc::clone(n)).collect();
                o.site.replace_pages(&new).then_some((o, edits))
            }
            _ => None,
        };
        let (site, site_diags, in_place) = match in_place {
            Some((o, edits)) => {
                let empty = empty_site(&self.root, config);
                let site = std::mem::replace(&mut o.site, empty);
                (site, o.site_diags.clone(), Some(edits))
            }
            None => {
                let (site, d) = self.assemble_from_cache(config);
                (site, d, None)
            }
        };
        diags.extend(site_diags.iter().cloned());
        let assembled = Assembled {
            site,
            site_diags,
            touched,
            in_place,
        };
        self.share_pages(&assembled);
        assembled
    }

    fn assemble_from_cache(&self, config: &Config) -> (Site, Vec<Diagnostic>) {
        let mut pages = Vec::new();
        let mut assets = Vec::new();
        let mut broken = BTreeSet::new();
        for c in self.files.values() {
            match c {
                Cached::Page(p) => pages.push(Arc::clone(p)),
                Cached::Asset(a) => assets.push(a.clone()),
                Cached::Diag(_, source) => broken.extend(source.iter().cloned()),
            }
        }
        content::assemble_site(&self.root, config.clone(), pages, assets, broken)
    }

    /// Keeps the pages with the URLs the site gave them in the file cache,
    /// so that the next update shares them again instead of copying them.
    /// A page the site does not share with the cache is one it copied.
    fn share_pages(&mut self, assembled: &Assembled) {
        let site = &assembled.site;
        let mut share = |page: &Arc<Page>| {
            if let Some(Cached::Page(p)) = self.files.get_mut(&self.root.join(&page.file))
                && !Arc::ptr_eq(p, page)
            {
                *p = Arc::clone(page);
            }
        };
        match &assembled.in_place {
            Some(edits) => {
                for (_, new) in edits {
                    site.pages_of(&new.source).iter().for_each(&mut share);
                }
            }
            None => site
                .pages
                .iter()
                .filter(|p| Arc::strong_count(p) == 1)
                .for_each(share),
        }
    }

    /// Static files and content files copied as they are, when they (or
    /// everything) changed.
    fn copy_files(
        &mut self,
        state: &mut State,
        changes: &Changes,
        assembled: &Assembled,
        layers: &Layers,
        plan: &Plan,
    ) {
        let assets_touched = assembled
            .touched
            .iter()
            .any(|p| p.extension().is_none_or(|e| e != "md"));
        // With a profile, a page's edit may change which files only
        // left-out pages use (`profile::hold_back`).
        let audiences = assembled.site.config.profile.is_some() && !assembled.touched.is_empty();
        if !(plan.all || changes.statics || assets_touched || audiences) {
            return;
        }
        for p in std::mem::take(&mut state.other) {
            self.output.remove(&p);
        }
        let memory = Memory::default();
        let (static_files, _) =
            crate::profile::hold_back(layers.static_files.clone(), &assembled.site);
        let (mut written, mut d) = site_wide::copy_files(&static_files, &assembled.site, &memory);
        if let Some(templates) = &layers.templates {
            let (images, image_diags) =
                site_wide::share_images(&templates.share, &assembled.site, &memory);
            written.extend(images);
            d.extend(image_diags);
        }
        state.other = written;
        state.copy_diags = d;
        for (path, bytes) in memory.into_files() {
            self.output.insert(path, bytes);
        }
    }

    /// Sitemap, feeds and robots.txt: rewritten only when what they show
    /// changed (a sitemap entry; the listing data of a page in a feed's
    /// section; a language).
    fn write_texts(
        &mut self,
        state: &mut State,
        changes: &Changes,
        assembled: &Assembled,
        renderer: &Renderer<'_>,
        plan: &Plan,
    ) {
        let site = &assembled.site;
        let content_dir = self.root.join(content::CONTENT_DIR);
        let in_feed_dir = |source: &str| {
            site.pages_of(source)
                .iter()
                .any(|p| renderer.feed_dirs.contains(&p.dir))
        };
        let feeds_touched = plan.all
            || !changes.langs.is_empty()
            || if assembled.in_place.is_some() {
                plan.listed.iter().any(|s| in_feed_dir(s))
            } else {
                assembled.touched.iter().any(|p| {
                    p.strip_prefix(&content_dir)
                        .is_ok_and(|r| renderer.feed_dirs.iter().any(|d| r.starts_with(d)))
                })
            };
        let mut extra: Vec<(String, String)> = Vec::new();
        if !site.config.base_url.is_empty() {
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
                for (path, text) in site_wide::feeds(renderer) {
                    state.feed_files.insert(path.clone());
                    self.output.insert(path, text.into_bytes().into());
                }
            }
        }
        if plan.all || changes.full || state.extra.is_empty() {
            extra.push(("robots.txt".into(), feeds::robots(renderer)));
        }
        for (path, text) in extra {
            state.extra.insert(path.clone());
            self.output.insert(path, text.into_bytes().into());
        }
    }

    /// An update that could not render: the next one starts from scratch.
    /// `config` is the configuration when it loaded.
    fn fail(&mut self, mut diags: Vec<Diagnostic>, config: Option<&Config>) -> Report {
        if !diags.iter().any(Diagnostic::is_error) {
            diags.push(Diagnostic::error(
                "serve/failed",
                "the site could not be loaded",
            ));
        }
        self.diagnostics =
            build::finish_diagnostics(diags, config.map(|c| &c.lint), self.options.strict);
        self.state = None;
        Report::default()
    }
}

/// Loads the layers as `build` does (`build::load::load_layers`) and
/// parses the templates; `Err` when the theme cannot be loaded.
fn load_layers(root: &Path, config: &Config) -> Result<Layers, Vec<Diagnostic>> {
    let mut diags = Vec::new();
    let Some(layers) = load::load_layers(root, config, &mut diags) else {
        return Err(diags);
    };
    let static_files = layers.theme.static_files();
    let glossary = layers.glossary.clone();
    let (templates, d) = Templates::new(
        config,
        &layers.theme,
        layers.i18n,
        layers.dates,
        layers.glossary,
    );
    diags.extend(d);
    Ok(Layers {
        templates: templates.map(Arc::new),
        glossary,
        static_files,
        diags,
    })
}

/// The content checks (`build::checks`) per source: kept from the last
/// update for sources whose pages are the very same (shared) pages, run
/// again for the others; all of them after the configuration, glossary or
/// the glossary page changed.
fn check_sources(
    old: Option<&mut State>,
    assembled: &Assembled,
    glossary: &Glossary,
    reload: bool,
) -> BTreeMap<String, Vec<Diagnostic>> {
    let site = &assembled.site;
    let glossary_page = crate::plain::glossary_source(site);
    let all_sources = || {
        site.sources
            .iter()
            .map(String::as_str)
            .collect::<Vec<&str>>()
    };
    let (mut kept, mut sources): (BTreeMap<String, Vec<Diagnostic>>, Vec<&str>) = match old {
        Some(o) if !reload && crate::plain::glossary_source(&o.site) == glossary_page => {
            let mut kept = std::mem::take(&mut o.source_diags);
            let sources: Vec<&str> = match assembled.edited_sources() {
                Some(edited) => site
                    .sources
                    .iter()
                    .filter(|s| edited.contains(*s))
                    .map(String::as_str)
                    .collect(),
                None => {
                    kept.retain(|s, _| !site.pages_of(s).is_empty());
                    site.sources
                        .iter()
                        .map(String::as_str)
                        .filter(|s| {
                            let (a, b) = (o.site.pages_of(s), site.pages_of(s));
                            a.len() != b.len() || a.iter().zip(b).any(|(x, y)| !Arc::ptr_eq(x, y))
                        })
                        .collect()
                }
            };
            (kept, sources)
        }
        _ => (BTreeMap::new(), all_sources()),
    };
    // Whether an easy page's glossary terms are explained depends on the
    // glossary page's own pages.
    if glossary_page.is_some_and(|g| sources.contains(&g)) {
        kept.clear();
        sources = all_sources();
    }
    let (found, _) = checks::check_sources(site, glossary, &sources, false);
    for (source, d) in sources.iter().zip(found) {
        if d.is_empty() {
            kept.remove(*source);
        } else {
            kept.insert((*source).to_string(), d);
        }
    }
    kept
}

/// The `@/` link targets per source, brought up to date for the sources
/// whose pages were read again.
fn update_links(
    old: Option<&mut State>,
    assembled: &Assembled,
    root: &Path,
) -> HashMap<String, BTreeSet<String>> {
    let site = &assembled.site;
    let Some(o) = old else {
        return all_links(site);
    };
    let mut links = std::mem::take(&mut o.links);
    let changed: BTreeSet<String> = match assembled.edited_sources() {
        Some(edited) => edited,
        None => {
            let touched: HashSet<&Path> = assembled
                .touched
                .iter()
                .filter_map(|t| t.strip_prefix(root).ok())
                .collect();
            site.pages
                .iter()
                .chain(o.site.pages.iter())
                .filter(|p| touched.contains(p.file.as_path()))
                .map(|p| p.source.clone())
                .collect()
        }
    };
    for s in changed {
        links.remove(&s);
        let set = source_links(site, &s);
        if !set.is_empty() {
            links.insert(s, set);
        }
    }
    links
}

/// The dependency map applied: which slots an update renders.
fn plan(
    changes: &Changes,
    old: Option<&State>,
    assembled: &Assembled,
    links: &HashMap<String, BTreeSet<String>>,
    renderer: &Renderer<'_>,
    root: &Path,
) -> Plan {
    let site = &assembled.site;
    let mut plan = Plan {
        all: true,
        keys: BTreeSet::new(),
        root_pages: true,
        listed: BTreeSet::new(),
    };
    let Some(o) = old else {
        return plan;
    };
    plan.all = changes.all_slots || o.feed_dirs != renderer.feed_dirs;
    if !plan.all {
        plan.all = match &assembled.in_place {
            Some(edits) => affected_in_place(site, edits, &mut plan.keys, &mut plan.listed),
            None => affected(
                &o.site,
                site,
                root,
                &assembled.touched,
                links,
                &mut plan.keys,
            ),
        };
    }
    if !plan.all && !changes.langs.is_empty() {
        let langs: BTreeSet<&str> = site
            .config
            .languages
            .iter()
            .filter(|l| {
                changes.langs.contains(&l.key)
                    || l.fallback.iter().any(|f| changes.langs.contains(f))
            })
            .map(|l| l.key.as_str())
            .collect();
        plan.keys.extend(
            site.slots
                .keys()
                .filter(|k| langs.contains(k.1.as_str()))
                .cloned(),
        );
    }
    // The language chooser and 404 page show the home pages and interface
    // text only; the search pages list every page with its title.
    plan.root_pages = plan.all
        || !changes.langs.is_empty()
        || plan.keys.iter().any(|k| k.0 == "_index.md")
        || (site.config.search.enabled && !plan.keys.is_empty());
    plan
}

impl State {
    fn new(root: &Path, config: &Config, base_path: &str) -> State {
        State {
            config: config.clone(),
            config_text: String::new(),
            site: empty_site(root, config),
            site_diags: Vec::new(),
            source_diags: BTreeMap::new(),
            feed_dirs: Vec::new(),
            links: HashMap::new(),
            slot_paths: BTreeMap::new(),
            slot_diags: BTreeMap::new(),
            root_paths: Vec::new(),
            root_diags: Vec::new(),
            lint_index: LinkState::new(base_path),
            sitemap_dirty: true,
            feed_files: BTreeSet::new(),
            extra: BTreeSet::new(),
            sitemap: BTreeMap::new(),
            sitemap_xml: BTreeMap::new(),
            other: BTreeSet::new(),
            copy_diags: Vec::new(),
            pdf_files: BTreeSet::new(),
            pdf_links: BTreeMap::new(),
        }
    }

    /// Takes out what the re-rendered (or vanished) slots made and puts in
    /// what `rendered` and the `files` it wrote hold; returns how many
    /// slots were rendered.
    fn apply(
        &mut self,
        output: &mut Files,
        plan: &Plan,
        rendered: pages::Pages,
        files: Vec<(String, Arc<[u8]>)>,
    ) -> usize {
        // Files rendered again are replaced, not taken out: comparing old
        // and new facts and sitemap entries tells whether the link check
        // and the sitemap must follow.
        let new_pages: HashMap<&str, bool> = rendered
            .slots
            .iter()
            .map(|(_, o)| o)
            .chain(rendered.root.as_ref())
            .flat_map(|o| o.pages.iter())
            .map(|p| (p.path.as_str(), p.sitemap.is_some()))
            .collect();
        let gone = if plan.all { None } else { Some(&plan.keys) };
        for key in gone
            .into_iter()
            .flatten()
            .chain(rendered.slots.iter().map(|(k, _)| k))
        {
            let paths = self.slot_paths.remove(key).unwrap_or_default();
            self.take_out(output, paths, &new_pages);
            self.slot_diags.remove(key);
        }
        if rendered.root.is_some() {
            let paths = std::mem::take(&mut self.root_paths);
            self.take_out(output, paths, &new_pages);
        }
        for (path, bytes) in files {
            output.insert(path, bytes);
        }
        let count = rendered.slots.len();
        for (key, out) in rendered.slots {
            let paths = self.insert(out.pages);
            self.slot_paths.insert(key.clone(), paths);
            if !out.diagnostics.is_empty() {
                self.slot_diags.insert(key, out.diagnostics);
            }
        }
        if let Some(root) = rendered.root {
            self.root_paths = self.insert(root.pages);
            self.root_diags = root.diagnostics;
        }
        count
    }

    /// Takes the files at `paths` out of the output, and out of the link
    /// index and the sitemap unless `new_pages` has them again (path →
    /// whether it has a sitemap entry).
    fn take_out(
        &mut self,
        output: &mut Files,
        paths: Vec<String>,
        new_pages: &HashMap<&str, bool>,
    ) {
        for p in paths {
            output.remove(&p);
            let new = new_pages.get(p.as_str());
            if new.is_none() {
                self.lint_index.remove(&p);
            }
            if new != Some(&true)
                && let Some(entry) = self.sitemap.remove(&p)
            {
                self.sitemap_xml.remove(&entry.0);
                self.sitemap_dirty = true;
            }
        }
    }

    /// Indexes rendered pages for the link check and the sitemap; returns
    /// their paths.
    fn insert(&mut self, pages: Vec<pages::PageOut>) -> Vec<String> {
        let mut paths = Vec::with_capacity(pages.len());
        for page in pages {
            if let Some(entry) = page.sitemap
                && self.sitemap.get(&page.path) != Some(&entry)
            {
                let xml = feeds::sitemap_url(&entry);
                let url = entry.0.clone();
                if let Some(old) = self.sitemap.insert(page.path.clone(), entry)
                    && old.0 != url
                {
                    self.sitemap_xml.remove(&old.0);
                }
                self.sitemap_xml.insert(url, xml);
                self.sitemap_dirty = true;
            }
            self.lint_index.insert(page.path.clone(), page.facts);
            paths.push(page.path);
        }
        paths
    }

    /// Re-checks the links the update affects (all with `all`, or when the
    /// other files changed); returns how many pages were checked.
    fn check_links(&mut self, all: bool) -> usize {
        let other_files: HashSet<String> = self
            .other
            .iter()
            .chain(self.extra.iter())
            .chain(self.feed_files.iter())
            .chain(self.pdf_files.iter())
            .cloned()
            .collect();
        self.lint_index.check(other_files, all)
    }

    /// The findings of the rendered pages and the site-wide checks.
    fn diagnostics(&self) -> impl Iterator<Item = Diagnostic> + '_ {
        self.lint_index
            .diagnostics()
            .chain(self.slot_diags.values().flatten().cloned())
            .chain(self.root_diags.iter().cloned())
            .chain(self.copy_diags.iter().cloned())
    }
}

/// The document's PDFs and the links to them, made again when the update
/// renders everything or a page of the document (`None`: the previous
/// ones stand). When a link changes (a PDF's size), the pages of the
/// document are rendered again too.
fn remake_pdfs(
    old: Option<&State>,
    site: &Site,
    plan: &mut Plan,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Memory, BTreeMap<Key, crate::pdf::PdfLink>)> {
    let pdf = site.config.pdf.as_ref()?;
    let in_document = |source: &str| pdf.pages.iter().any(|p| p.get_ref() == source);
    let old = old.filter(|_| !plan.all);
    if old.is_some() && !plan.keys.iter().any(|(source, ..)| in_document(source)) {
        return None;
    }
    let memory = Memory::default();
    let (files, d) = crate::pdf::build(site, &memory);
    diags.extend(d);
    let links = crate::pdf::links(site, &files);
    if let Some(old) = old
        && old.pdf_links != links
    {
        plan.keys.extend(
            site.slots
                .keys()
                .filter(|(source, ..)| in_document(source))
                .cloned(),
        );
    }
    Some((memory, links))
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
