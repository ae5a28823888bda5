//! The build: config → content → i18n → render (parallel) → lint → output.
//!
//! Every stage returns its value and its diagnostics; the build collects
//! them all and decides at the end whether the staged output replaces the
//! old one. `check` runs the same pipeline with a sink that writes nothing.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::content::{self, LoadOptions, Site, Slot};
use crate::diag::{self, Diagnostic, Severity};
use crate::feeds;
use crate::lint::{self, Facts, Linter};
use crate::output::{NullSink, Sink, Staging};
use crate::render::{OutFile, Renderer};
use crate::theme::{Asset, Theme};

#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub root: PathBuf,
    /// Output folder; `root/public` when `None`.
    pub output: Option<PathBuf>,
    /// Write output (`build`) or only check (`check`).
    pub write: bool,
    pub strict: bool,
    pub drafts: bool,
    /// Overrides `base_url` of site.toml (deploy-time address).
    pub base_url: Option<String>,
    /// Print per-stage timings to stderr.
    pub verbose: bool,
}

impl BuildOptions {
    pub fn new(root: impl Into<PathBuf>) -> Self {
        BuildOptions {
            root: root.into(),
            output: None,
            write: true,
            strict: false,
            drafts: false,
            base_url: None,
            verbose: false,
        }
    }

    pub fn output_dir(&self) -> PathBuf {
        self.output
            .clone()
            .unwrap_or_else(|| self.root.join("public"))
    }
}

/// What a finished build reports.
#[derive(Debug, Default, Clone)]
pub struct Summary {
    /// HTML pages written per language key, in language order.
    pub pages: Vec<(String, usize)>,
    pub files: usize,
    pub elapsed: Duration,
    /// CPU time spent in the per-page HTML lint, summed over threads (wall
    /// time where the platform has no per-thread clock), plus the wall time
    /// of the site-wide checks.
    pub lint_time: Duration,
    pub stages: Vec<(&'static str, Duration)>,
}

impl Summary {
    pub fn total_pages(&self) -> usize {
        self.pages.iter().map(|(_, n)| n).sum()
    }
}

/// The result of a build or check.
#[derive(Debug, Default)]
pub struct Outcome {
    pub summary: Option<Summary>,
    pub diagnostics: Vec<Diagnostic>,
    /// Whether the output folder was replaced.
    pub written: bool,
    /// Readability figures and variant coverage (README "Plain language").
    pub plain: crate::plain::Report,
    /// Translation status, for `check` (`write: false`): from the site the
    /// run loaded, instead of loading it a second time.
    pub translations: Option<crate::status::Status>,
}

/// Loads the site model and everything rendering needs.
pub struct Loaded {
    pub site: Site,
    pub theme: Theme,
    pub i18n: crate::i18n::I18n,
    pub dates: crate::dates::Dates,
    pub glossary: crate::glossary::Glossary,
}

pub fn load(options: &BuildOptions, diags: &mut Vec<Diagnostic>) -> Option<Loaded> {
    let (config, d) = crate::config::load(&options.root);
    diags.extend(d);
    let mut config = config?;
    diags.extend(lint::registry::validate(&config));
    if let Some(url) = &options.base_url {
        config.base_url = url.trim_end_matches('/').to_string();
    }
    let theme = match Theme::load(&options.root, &config) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    diags.extend(crate::theme::symlink_warnings(&options.root));
    let (i18n, d) = crate::i18n::load(&options.root, &config, &theme);
    diags.extend(d);
    let (dates, d) = crate::dates::Dates::new(&config);
    diags.extend(d);
    let (glossary, d) = crate::glossary::load(&options.root, &config);
    diags.extend(d);
    let (site, d) = content::load(
        &options.root,
        config,
        LoadOptions {
            drafts: options.drafts,
        },
    );
    diags.extend(d);
    Some(Loaded {
        site,
        theme,
        i18n,
        dates,
        glossary,
    })
}

/// Runs a build (or a check, when `options.write` is false).
pub fn run(options: &BuildOptions) -> Outcome {
    let mut plain = crate::plain::Report::default();
    let mut translations = None;
    let mut outcome = run_pipeline(options, &mut plain, &mut translations);
    outcome.plain = plain;
    outcome.translations = translations;
    outcome
}

fn run_pipeline(
    options: &BuildOptions,
    plain: &mut crate::plain::Report,
    translations: &mut Option<crate::status::Status>,
) -> Outcome {
    let start = Instant::now();
    let mut stages = Vec::new();
    let mut diags = Vec::new();
    let Some(loaded) = load(options, &mut diags) else {
        return finish(diags, None, false, options);
    };
    stages.push(("load", start.elapsed()));
    diags.extend(crate::status::diagnostics(&loaded.site));
    if !options.write {
        *translations = Some(crate::status::compute(&loaded.site));
    }
    if loaded.site.config.base_url.is_empty() {
        diags.push(
            Diagnostic::warning("config/base-url-missing", "base_url is empty: canonical and alternate links are root-relative, and no sitemap.xml or feeds are written")
                .file(crate::config::CONFIG_FILE)
                .hint("set base_url in site.toml to the published address, or pass --base-url when building for deployment"),
        );
    }
    let plain_start = Instant::now();
    let (report, d) = crate::plain::check(&loaded.site, &loaded.glossary, !options.write);
    *plain = report;
    diags.extend(d);
    stages.push(("plain language", plain_start.elapsed()));
    let Loaded {
        site,
        theme,
        i18n,
        dates,
        glossary,
    } = loaded;
    let (renderer, d) = Renderer::new(&site, &theme, i18n, dates, glossary);
    diags.extend(d);
    let (linter, d) = Linter::new(&site.config);
    diags.extend(d);
    let Some(renderer) = renderer else {
        return finish(diags, None, false, options);
    };
    if diags.iter().any(Diagnostic::is_error) {
        // Content errors: report everything we can without writing.
        let (_, d) = render_all(&renderer, &NullSink, &linter);
        diags.extend(d.diagnostics);
        return finish(diags, None, false, options);
    }

    let target = options.output_dir();
    let staging = if options.write {
        match Staging::begin(&target) {
            Ok(s) => Some(s),
            Err(e) => {
                diags.push(
                    Diagnostic::error(
                        "output/io",
                        format!("cannot prepare the output folder {}: {e}", target.display()),
                    )
                    .hint("check that the folder's parent exists and is writable"),
                );
                return finish(diags, None, false, options);
            }
        }
    } else {
        None
    };
    let sink: &dyn Sink = match &staging {
        Some(s) => s,
        None => &NullSink,
    };
    let render_start = Instant::now();
    let (mut summary, rendered) = render_all(&renderer, sink, &linter);
    diags.extend(rendered.diagnostics);
    stages.push(("render+lint+write", render_start.elapsed()));
    stages.append(&mut summary.stages);
    summary.lint_time = rendered.lint_time;
    summary.stages = stages;
    summary.elapsed = start.elapsed();

    let outcome = finish(diags, Some(summary), false, options);
    let failed = outcome.diagnostics.iter().any(Diagnostic::is_error);
    let mut written = false;
    let mut diagnostics = outcome.diagnostics;
    if let Some(staging) = staging {
        if failed {
            staging.abort();
        } else if let Err(e) = staging.commit() {
            diagnostics.push(
                Diagnostic::error(
                    "output/io",
                    format!("cannot move the new output into {}: {e}", target.display()),
                )
                .hint("check the permissions of the output folder; the previous output was kept"),
            );
        } else {
            written = true;
        }
    }
    let mut summary = outcome.summary;
    if let Some(s) = &mut summary {
        s.elapsed = start.elapsed();
    }
    Outcome {
        summary,
        diagnostics,
        written,
        ..Outcome::default()
    }
}

struct Rendered {
    diagnostics: Vec<Diagnostic>,
    lint_time: Duration,
}

/// What one slot gave: its place in slot order, the facts and diagnostics
/// of its pages, its language and how many pages it has.
type SlotResult = (usize, Vec<Facts>, Vec<Diagnostic>, String, usize);

/// Slots a thread renders one after another before it lints their pages,
/// and lints before it writes them (some 64 pages, under a megabyte).
const BATCH: usize = 64;

/// Renders every slot in parallel, in batches of [`BATCH`] slots per task:
/// a batch is rendered, then linted, then written, so each stage's code
/// and tables stay warm from page to page (on the 12,000-page corpus this
/// took a tenth off the build's and the lint's CPU time against rendering,
/// linting and writing each page in turn). Then runs the site-wide checks
/// and writes sitemap, feeds and assets.
fn render_all(renderer: &Renderer<'_>, sink: &dyn Sink, linter: &Linter) -> (Summary, Rendered) {
    let site = renderer.site;
    // One language's pages after another (slots are kept by source, with
    // each source's languages side by side): a thread's batches then use
    // one language's templates, messages and lint tables. Results go back
    // into slot order below.
    let mut slots: Vec<_> = site.slots.iter().enumerate().collect();
    slots.sort_by(|(a, (a_key, _)), (b, (b_key, _))| (&a_key.1, a).cmp(&(&b_key.1, b)));
    let lint_nanos = std::sync::atomic::AtomicU64::new(0);
    let sitemap_entries: Mutex<Vec<feeds::SitemapEntry>> = Mutex::new(Vec::new());

    let mut stages = Vec::new();
    let pages_start = Instant::now();
    let mut results: Vec<SlotResult> = slots
        .par_chunks(BATCH)
        .flat_map_iter(|batch| {
            // Render the batch, then lint it, then write it: each stage's
            // code and tables stay warm in the caches from page to page.
            let rendered: Vec<_> = batch
                .iter()
                .map(|(at, (key, (slot, url)))| (at, key, renderer.render_slot(key, *slot, url)))
                .collect();
            // Timed as a whole: two clock reads per page were a
            // microsecond of the lint's own figure.
            let linted: Vec<_> = timed(&lint_nanos, || {
                rendered
                    .into_iter()
                    .map(|(at, key, (files, mut diags))| {
                        let checked: Vec<_> = files
                            .into_iter()
                            .map(|file| {
                                let facts = lint_file(linter, &file, &mut diags);
                                (file, facts)
                            })
                            .collect();
                        (at, key, checked, diags)
                    })
                    .collect()
            });
            linted.into_iter().map(|(at, key, checked, mut diags)| {
                let count = checked.len();
                let facts = checked
                    .into_iter()
                    .map(|(file, facts)| {
                        write_file(
                            renderer,
                            sink,
                            file,
                            &facts.url,
                            &sitemap_entries,
                            &mut diags,
                        );
                        facts
                    })
                    .collect();
                (*at, facts, diags, key.1.clone(), count)
            })
        })
        .collect();
    results.sort_unstable_by_key(|(at, ..)| *at);

    stages.push(("  pages (parallel)", pages_start.elapsed()));
    let rest_start = Instant::now();
    let mut diagnostics = Vec::new();
    let mut all_facts = Vec::new();
    let mut per_lang: BTreeMap<String, usize> = BTreeMap::new();
    for (_, facts, diags, lang, count) in results {
        all_facts.extend(facts);
        diagnostics.extend(diags);
        *per_lang.entry(lang).or_default() += count;
    }
    let (root_files, d) = renderer.render_root_pages();
    diagnostics.extend(d);
    let mut files_written = 0;
    for file in root_files {
        all_facts.push(emit(
            renderer,
            sink,
            linter,
            file,
            &lint_nanos,
            &sitemap_entries,
            &mut diagnostics,
        ));
    }

    // Static files of theme and site, and non-Markdown files in content/.
    let mut other_files: HashSet<String> = HashSet::new();
    for (path, asset) in renderer_static(renderer) {
        let bytes = match &asset {
            Asset::Builtin(b) => Ok(b.to_vec()),
            Asset::Disk(p) => std::fs::read(p),
        };
        match bytes.and_then(|b| sink.write(&path, &b)) {
            Ok(()) => {
                other_files.insert(path);
            }
            Err(e) => diagnostics.push(
                Diagnostic::error("output/io", format!("cannot copy {path}: {e}"))
                    .hint("check the disk space and permissions"),
            ),
        }
    }
    for asset in &site.assets {
        let rel = asset.to_string_lossy().replace('\\', "/");
        match std::fs::read(site.root.join(content::CONTENT_DIR).join(asset))
            .and_then(|b| sink.write(&rel, &b))
        {
            Ok(()) => {
                other_files.insert(rel);
            }
            Err(e) => diagnostics.push(
                Diagnostic::error("output/io", format!("cannot copy {rel}: {e}"))
                    .file(Path::new(content::CONTENT_DIR).join(asset))
                    .hint("check the file permissions"),
            ),
        }
    }

    let has_base = !site.config.base_url.is_empty();
    let mut entries = sitemap_entries
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    entries.sort();
    let mut extra: Vec<(String, String)> = Vec::new();
    if has_base {
        extra.push(("sitemap.xml".into(), feeds::sitemap(&entries)));
        for (path, xml) in feeds::atom_feeds(renderer) {
            extra.push((path, xml));
        }
    }
    extra.push(("robots.txt".into(), feeds::robots(renderer)));
    for (path, text) in extra {
        match sink.write(&path, text.as_bytes()) {
            Ok(()) => {
                other_files.insert(path);
            }
            Err(e) => diagnostics.push(
                Diagnostic::error("output/io", format!("cannot write {path}: {e}"))
                    .hint("check the disk space and permissions"),
            ),
        }
    }
    files_written += other_files.len() + all_facts.len();

    stages.push(("  root pages, assets, sitemap, feeds", rest_start.elapsed()));
    let start = Instant::now();
    // The site-wide checks run on every thread: their CPU time is the
    // process's (nothing else runs meanwhile), not their wall time.
    let cpu = process_cpu_time();
    diagnostics.extend(lint::check_site(
        &all_facts,
        &other_files,
        renderer.base_path(),
    ));
    let lint_time = Duration::from_nanos(lint_nanos.load(std::sync::atomic::Ordering::Relaxed))
        + process_cpu_time().saturating_sub(cpu);
    stages.push(("  site-wide link and title checks", start.elapsed()));

    let pages = site
        .config
        .languages
        .iter()
        .map(|l| (l.key.clone(), per_lang.get(&l.key).copied().unwrap_or(0)))
        .collect();
    let summary = Summary {
        pages,
        files: files_written,
        stages,
        ..Summary::default()
    };
    (
        summary,
        Rendered {
            diagnostics,
            lint_time,
        },
    )
}

fn renderer_static(renderer: &Renderer<'_>) -> BTreeMap<String, Asset> {
    renderer_theme_static(renderer)
}

fn renderer_theme_static(renderer: &Renderer<'_>) -> BTreeMap<String, Asset> {
    match Theme::load(&renderer.site.root, &renderer.site.config) {
        Ok(theme) => theme.static_files(),
        Err(_) => BTreeMap::new(),
    }
}

/// Lints one rendered file and hands it to the sink.
fn emit(
    renderer: &Renderer<'_>,
    sink: &dyn Sink,
    linter: &Linter,
    file: OutFile,
    lint_nanos: &std::sync::atomic::AtomicU64,
    sitemap: &Mutex<Vec<feeds::SitemapEntry>>,
    diags: &mut Vec<Diagnostic>,
) -> Facts {
    let facts = timed(lint_nanos, || lint_file(linter, &file, diags));
    write_file(renderer, sink, file, &facts.url, sitemap, diags);
    facts
}

/// Runs `work`, adding the CPU time the calling thread spent in it to
/// `nanos`.
fn timed<T>(nanos: &std::sync::atomic::AtomicU64, work: impl FnOnce() -> T) -> T {
    let t = thread_cpu_time();
    let result = work();
    nanos.fetch_add(
        u64::try_from(thread_cpu_time().saturating_sub(t).as_nanos()).unwrap_or(u64::MAX),
        std::sync::atomic::Ordering::Relaxed,
    );
    result
}

/// Lints one rendered file.
fn lint_file(linter: &Linter, file: &OutFile, diags: &mut Vec<Diagnostic>) -> Facts {
    let url = file
        .url
        .clone()
        .unwrap_or_else(|| format!("/{}", file.path));
    let (facts, d) = linter.scan(&lint::Page {
        html: &file.html,
        url: &url,
        file: file.source_file.as_deref(),
        map: file.source_map.as_ref(),
    });
    diags.extend(d);
    facts
}

/// Hands a linted file to the sink, and its address `url` (the lint's
/// facts have it) to the sitemap.
fn write_file(
    renderer: &Renderer<'_>,
    sink: &dyn Sink,
    file: OutFile,
    url: &str,
    sitemap: &Mutex<Vec<feeds::SitemapEntry>>,
    diags: &mut Vec<Diagnostic>,
) {
    if let Err(e) = sink.write(&file.path, file.html.as_bytes()) {
        diags.push(
            Diagnostic::error("output/io", format!("cannot write {}: {e}", file.path))
                .hint("check the disk space and permissions"),
        );
    }
    if file.indexable {
        let mut entries = sitemap
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        entries.push((renderer.absolute(url), file.alternates, file.lastmod));
    }
}

/// The CPU time the calling thread has used. The lint's share is measured
/// with it rather than with wall time: on a loaded machine a thread's wall
/// time includes the time others ran on its core, which made the share
/// look several times larger than the work the lint does.
#[cfg(target_os = "linux")]
fn thread_cpu_time() -> Duration {
    // (`cpu-time` calls clock_gettime through libc; rustix's own vDSO
    // lookup crashes under valgrind, which the benchmark's instruction
    // counts need.)
    cpu_time::ThreadTime::try_now()
        .map(|t| t.as_duration())
        .unwrap_or_default()
}

/// Elsewhere: time since the process started using it (wall time).
#[cfg(not(target_os = "linux"))]
fn thread_cpu_time() -> Duration {
    static START: std::sync::LazyLock<Instant> = std::sync::LazyLock::new(Instant::now);
    START.elapsed()
}

/// The CPU time all of the process's threads have used.
#[cfg(target_os = "linux")]
fn process_cpu_time() -> Duration {
    cpu_time::ProcessTime::try_now()
        .map(|t| t.as_duration())
        .unwrap_or_default()
}

/// Elsewhere: wall time, as [`thread_cpu_time`].
#[cfg(not(target_os = "linux"))]
fn process_cpu_time() -> Duration {
    thread_cpu_time()
}

/// Applies `[lint]` settings and `--strict`, sorts, and wraps up.
fn finish(
    mut diags: Vec<Diagnostic>,
    summary: Option<Summary>,
    written: bool,
    options: &BuildOptions,
) -> Outcome {
    let (errors, allow) = match crate::config::load(&options.root) {
        (Some(c), _) => (c.lint.errors, c.lint.allow),
        _ => (Vec::new(), Vec::new()),
    };
    diags.retain(|d| d.severity == Severity::Error || !allow.iter().any(|r| r == &d.rule));
    diag::promote(&mut diags, options.strict, &errors);
    diag::sort(&mut diags);
    Outcome {
        summary,
        diagnostics: diags,
        written,
        ..Outcome::default()
    }
}

/// The slots of a site whose page is real (not a fallback), for reports.
pub fn real_slots(site: &Site) -> impl Iterator<Item = (&crate::content::Key, usize)> {
    site.slots.iter().filter_map(|(k, (s, _))| match s {
        Slot::Real(i) => Some((k, *i)),
        Slot::Fallback(_) => None,
    })
}
