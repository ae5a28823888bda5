//! The build, one stage per file: `load` (site.toml, theme, Fluent, dates,
//! glossary, content) → `checks` (translation status, plain language) →
//! `pages` (render, lint, hand to a sink; in parallel) → `site_wide`
//! (copied files, sitemap, feeds, link checks) → [`finish_diagnostics`].
//!
//! Every stage returns its value and its diagnostics; the build collects
//! them all and decides at the end whether the staged output replaces the
//! old one. `check` runs the same pipeline with a sink that writes nothing,
//! and `serve` (`serve::incremental`) the same stages for the slots and
//! sources a change affects, into memory.

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::config::LintSettings;
use crate::content::{Site, Slot};
use crate::diag::{self, Diagnostic};
use crate::feeds;
use crate::lint::Linter;
use crate::output::{NullSink, Sink, Staging};
use crate::render::Renderer;
use crate::theme::Asset;

pub mod checks;
pub mod load;
pub mod pages;
pub mod site_wide;

pub use load::{Loaded, load};
use pages::Scope;

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
    /// The `[profiles]` entry to build (`--profile`); the default profile
    /// of site.toml when `None` (docs/content/profiles.md).
    pub profile: Option<String>,
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
            profile: None,
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
    /// Readability figures and variant coverage (docs/content/plain-language.md).
    pub plain: crate::plain::Report,
    /// Translation status, for `check` (`write: false`): from the site the
    /// run loaded, instead of loading it a second time.
    pub translations: Option<crate::status::Status>,
}

/// Runs a build (or a check, when `options.write` is false).
pub fn run(options: &BuildOptions) -> Outcome {
    let start = Instant::now();
    let mut diags = Vec::new();
    let Some((config, config_text)) = load::load_config(options, &mut diags) else {
        return Outcome {
            diagnostics: finish_diagnostics(diags, None, options.strict),
            ..Outcome::default()
        };
    };
    let lint = config.lint.clone();
    let Some(loaded) = load::load_site(options, config, config_text, &mut diags) else {
        return Outcome {
            diagnostics: finish_diagnostics(diags, Some(&lint), options.strict),
            ..Outcome::default()
        };
    };
    let mut stages = vec![("load", start.elapsed())];
    let checks_start = Instant::now();
    let site = &loaded.site;
    let sources: Vec<&str> = site.sources.iter().map(String::as_str).collect();
    let (found, readability) =
        checks::check_sources(site, &loaded.glossary, &sources, !options.write);
    diags.extend(found.into_iter().flatten());
    diags.extend(checks::check_site(site, &loaded.config_text));
    diags.extend(crate::pdf::check(site, &loaded.config_text));
    diags.extend(crate::plain::labels::check(site, &loaded.i18n));
    diags.extend(crate::plain::splits::check(site, &loaded.glossary));
    diags.extend(crate::profile::check_links(site));
    if let Some(defined) = loaded.i18n.defined.get(&site.config.default_language) {
        diags.extend(crate::profile::check_profile(site, defined));
    }
    stages.push(("translation status, plain language", checks_start.elapsed()));
    let mut outcome = Outcome::default();
    if !options.write {
        outcome.translations = Some(crate::status::compute(site));
        outcome.plain = crate::plain::Report {
            readability,
            variants: crate::plain::coverage::coverage(site),
        };
    }
    let (written, summary) = write_site(loaded, options, &mut diags, stages);
    outcome.written = written;
    outcome.summary = summary.map(|mut s| {
        s.elapsed = start.elapsed();
        s
    });
    outcome.diagnostics = diags;
    outcome
}

/// Renders, lints and writes the loaded site (nowhere when `options.write`
/// is false or there are errors already); then applies `[lint]` and
/// `--strict` to `diags`. Returns whether the output was replaced.
fn write_site(
    loaded: Loaded,
    options: &BuildOptions,
    diags: &mut Vec<Diagnostic>,
    mut stages: Vec<(&'static str, Duration)>,
) -> (bool, Option<Summary>) {
    let Loaded {
        site,
        theme,
        config_text: _,
        i18n,
        dates,
        glossary,
    } = loaded;
    let (static_files, held_back) = crate::profile::hold_back(theme.static_files(), &site);
    let (renderer, d) = Renderer::new(&site, &theme, i18n, dates, glossary);
    diags.extend(d);
    let (linter, d) = Linter::new(&site.config);
    diags.extend(d);
    let lint = &site.config.lint;
    let Some(mut renderer) = renderer else {
        *diags = finish_diagnostics(std::mem::take(diags), Some(lint), options.strict);
        return (false, None);
    };
    let target = options.output_dir();
    let staging = if options.write && !diags.iter().any(Diagnostic::is_error) {
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
                *diags = finish_diagnostics(std::mem::take(diags), Some(lint), options.strict);
                return (false, None);
            }
        }
    } else {
        None
    };
    let sink: &dyn Sink = match &staging {
        Some(s) => s,
        None => &NullSink,
    };
    // The PDFs before the pages, which link to them with their size.
    let pdf_start = Instant::now();
    let (pdfs, d) = crate::pdf::build(&site, sink);
    diags.extend(d);
    renderer.pdf_links = crate::pdf::links(&site, &pdfs);
    if site.config.pdf.is_some() {
        stages.push(("pdf", pdf_start.elapsed()));
    }
    let indexer = (staging.is_some() && site.config.search.enabled)
        .then(|| crate::search::Indexer::new(sink));
    let sink: &dyn Sink = match &indexer {
        Some(i) => i,
        None => sink,
    };
    let render_start = Instant::now();
    let mut summary = render_all(&renderer, &static_files, &pdfs, sink, &linter, diags);
    stages.push(("render+lint+write", render_start.elapsed()));
    if let (Some(indexer), Some(staging)) = (indexer, &staging) {
        let index_start = Instant::now();
        let (files, d) = indexer.finish(|path| staging.read(path));
        diags.extend(d);
        summary.files += files;
        stages.push(("search index", index_start.elapsed()));
    }
    stages.append(&mut summary.stages);
    summary.stages = stages;
    *diags = finish_diagnostics(std::mem::take(diags), Some(lint), options.strict);
    let Some(staging) = staging else {
        return (false, Some(summary));
    };
    if !diags.iter().any(Diagnostic::is_error)
        && let Some(guard) = crate::profile::Guard::new(&site.excluded, &held_back)
    {
        let scan_start = Instant::now();
        let leaks = guard.scan(staging.path(), &staging.written(), crate::profile::READERS);
        summary.stages.push(("leak scan", scan_start.elapsed()));
        *diags = finish_diagnostics(leaks, Some(lint), options.strict)
            .into_iter()
            .chain(std::mem::take(diags))
            .collect();
    }
    if diags.iter().any(Diagnostic::is_error) {
        staging.abort();
        return (false, Some(summary));
    }
    match staging.commit() {
        Ok(()) => (true, Some(summary)),
        Err(e) => {
            diags.push(
                Diagnostic::error(
                    "output/io",
                    format!("cannot move the new output into {}: {e}", target.display()),
                )
                .hint("check the permissions of the output folder; the previous output was kept"),
            );
            (false, Some(summary))
        }
    }
}

/// Renders every slot and the root pages into `sink` ([`pages::render`]),
/// copies the static files, writes sitemap, feeds and robots.txt, and runs
/// the site-wide checks; their findings go to `diags`.
fn render_all(
    renderer: &Renderer<'_>,
    static_files: &BTreeMap<String, Asset>,
    pdfs: &[crate::pdf::PdfFile],
    sink: &dyn Sink,
    linter: &Linter,
    diags: &mut Vec<Diagnostic>,
) -> Summary {
    let site = renderer.site;
    let mut stages = Vec::new();
    let pages_start = Instant::now();
    let rendered = pages::render(renderer, &Scope::All, linter, sink);
    stages.push(("  pages (parallel)", pages_start.elapsed()));
    let rest_start = Instant::now();
    let mut per_lang: BTreeMap<String, usize> = BTreeMap::new();
    let mut facts = Vec::new();
    let mut entries = Vec::new();
    let mut absorb = |out: pages::SlotOut| {
        diags.extend(out.diagnostics);
        for page in out.pages {
            entries.extend(page.sitemap);
            facts.push(page.facts);
        }
    };
    for (key, out) in rendered.slots {
        *per_lang.entry(key.1).or_default() += out.pages.len();
        absorb(out);
    }
    rendered.root.into_iter().for_each(absorb);
    let (mut other_files, d) = site_wide::copy_files(static_files, site, sink);
    diags.extend(d);
    let (images, d) = site_wide::share_images(renderer.share(), site, sink);
    other_files.extend(images);
    diags.extend(d);
    entries.sort();
    let mut texts: Vec<(String, String)> = Vec::new();
    if let Some(xml) = site_wide::sitemap(renderer, &entries) {
        texts.push(("sitemap.xml".into(), xml));
    }
    texts.extend(site_wide::feeds(renderer));
    texts.push(("robots.txt".into(), feeds::robots(renderer)));
    site_wide::write_texts(sink, texts, &mut other_files, diags);
    other_files.extend(
        pdfs.iter()
            .map(|p| p.url.trim_start_matches('/').to_string()),
    );
    stages.push(("  root pages, assets, sitemap, feeds", rest_start.elapsed()));

    let start = Instant::now();
    // The site-wide checks run on every thread: their CPU time is the
    // process's (nothing else runs meanwhile), not their wall time.
    let cpu = process_cpu_time();
    let other: HashSet<String> = other_files.into_iter().collect();
    diags.extend(site_wide::check_links(&facts, &other, renderer.base_path()));
    diags.extend(site_wide::untranslated_values(renderer));
    let lint_time = rendered.lint_time + process_cpu_time().saturating_sub(cpu);
    stages.push(("  site-wide link and title checks", start.elapsed()));
    Summary {
        pages: site
            .config
            .languages
            .iter()
            .map(|l| (l.key.clone(), per_lang.get(&l.key).copied().unwrap_or(0)))
            .collect(),
        files: other.len() + facts.len(),
        stages,
        lint_time,
        ..Summary::default()
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

/// The last stage of every run (`build`, `check`, each `serve` update):
/// drops the warnings `[lint] allow` switches off, applies `[lint] errors`
/// and `--strict`, groups a finding repeated over many pages into one
/// ([`diag::group`]) and sorts. `lint` is `None` when site.toml did not load.
pub fn finish_diagnostics(
    mut diags: Vec<Diagnostic>,
    lint: Option<&LintSettings>,
    strict: bool,
) -> Vec<Diagnostic> {
    if let Some(lint) = lint {
        diags.retain(|d| d.is_error() || !lint.allow.iter().any(|r| r == &d.rule));
    }
    let errors = lint.map_or(&[][..], |l| l.errors.as_slice());
    diag::promote(&mut diags, strict, errors);
    diag::sort(&mut diags);
    diag::group(diags)
}

/// The slots of a site whose page is real (not a fallback), for reports.
pub fn real_slots(site: &Site) -> impl Iterator<Item = (&crate::content::Key, usize)> {
    site.slots.iter().filter_map(|(k, (s, _))| match s {
        Slot::Real(i) => Some((k, *i)),
        Slot::Fallback(_) => None,
    })
}
