//! The page stage: render the slots in scope, lint each page and hand it to
//! the sink. `build` renders every slot into the staging folder, `check`
//! into nothing, `serve` the slots a change affects into memory; all three
//! call [`render`].

use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use rayon::prelude::*;

use crate::content::Key;
use crate::diag::Diagnostic;
use crate::feeds::SitemapEntry;
use crate::lint::{self, Facts, Linter};
use crate::output::Sink;
use crate::render::{OutFile, Renderer};

/// Which pages to render.
pub enum Scope<'k> {
    /// Every slot and the root pages (language chooser, 404).
    All,
    /// These slots (missing ones are skipped), and the root pages when
    /// `root_pages`.
    Slots {
        keys: &'k BTreeSet<Key>,
        root_pages: bool,
    },
}

/// One rendered file as the later stages need it.
#[derive(Debug)]
pub struct PageOut {
    /// Path below the output folder.
    pub path: String,
    pub facts: Facts,
    /// Its sitemap entry, when it belongs in the sitemap.
    pub sitemap: Option<SitemapEntry>,
}

/// What rendering one slot (or the root pages) gave.
#[derive(Debug, Default)]
pub struct SlotOut {
    pub pages: Vec<PageOut>,
    pub diagnostics: Vec<Diagnostic>,
}

/// What [`render`] gave, in slot order.
#[derive(Debug, Default)]
pub struct Pages {
    pub slots: Vec<(Key, SlotOut)>,
    /// The language chooser and 404 page, when in scope.
    pub root: Option<SlotOut>,
    /// CPU time of the per-page lint, summed over threads.
    pub lint_time: Duration,
}

/// Slots a thread renders one after another before it lints their pages,
/// and lints before it writes them (some 64 pages, under a megabyte).
const BATCH: usize = 64;

/// Renders the slots in `scope`, lints every page ([`lint_page`]) and hands
/// it to `sink`. Slots run in parallel, in batches of [`BATCH`] slots of one
/// language per task: a batch is rendered, then linted, then written, so
/// each stage's code and tables stay warm from page to page. Only the pages
/// in flight are held; each page's facts are kept.
pub fn render(
    renderer: &Renderer<'_>,
    scope: &Scope<'_>,
    linter: &Linter,
    sink: &dyn Sink,
) -> Pages {
    let site = renderer.site;
    let (keys, root_pages): (Vec<(usize, &Key)>, bool) = match scope {
        Scope::All => (site.slots.keys().enumerate().collect(), true),
        Scope::Slots { keys, root_pages } => (
            keys.iter()
                .filter(|k| site.slots.contains_key(*k))
                .enumerate()
                .collect(),
            *root_pages,
        ),
    };
    // One language's pages after another: a thread's batches then use one
    // language's templates, messages and lint tables. Results go back into
    // slot order below.
    let mut keys = keys;
    keys.sort_by(|(a, a_key), (b, b_key)| (&a_key.1, a).cmp(&(&b_key.1, b)));
    let lint_nanos = AtomicU64::new(0);
    let mut slots: Vec<(usize, Key, SlotOut)> = keys
        .par_chunks(BATCH)
        .flat_map_iter(|batch| {
            let rendered: Vec<_> = batch
                .iter()
                .filter_map(|(at, key)| {
                    let (slot, url) = site.slots.get(*key)?;
                    Some((*at, *key, renderer.render_slot(key, *slot, url)))
                })
                .collect();
            // The lint of a batch is timed as a whole (`-v` prints it).
            let linted: Vec<_> = timed(&lint_nanos, || {
                rendered
                    .into_iter()
                    .map(|(at, key, (files, diags))| (at, key, lint_files(linter, files, diags)))
                    .collect()
            });
            linted
                .into_iter()
                .map(|(at, key, linted)| (at, key.clone(), write_files(renderer, sink, linted)))
        })
        .collect();
    slots.sort_unstable_by_key(|(at, ..)| *at);
    let root = root_pages.then(|| {
        let (files, diags) = renderer.render_root_pages();
        let linted = timed(&lint_nanos, || lint_files(linter, files, diags));
        write_files(renderer, sink, linted)
    });
    Pages {
        slots: slots.into_iter().map(|(_, k, out)| (k, out)).collect(),
        root,
        lint_time: Duration::from_nanos(lint_nanos.load(Ordering::Relaxed)),
    }
}

/// Files of one slot with their lint results, before they are written.
struct Linted {
    files: Vec<(OutFile, Facts)>,
    diagnostics: Vec<Diagnostic>,
}

fn lint_files(linter: &Linter, files: Vec<OutFile>, mut diagnostics: Vec<Diagnostic>) -> Linted {
    let files = files
        .into_iter()
        .map(|file| {
            let facts = lint_page(linter, &file, &mut diagnostics);
            (file, facts)
        })
        .collect();
    Linted { files, diagnostics }
}

/// Lints one rendered page: the one place the pipeline calls the per-page
/// lint, with the page's source map for the Markdown places of findings.
pub fn lint_page(linter: &Linter, file: &OutFile, diagnostics: &mut Vec<Diagnostic>) -> Facts {
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
    diagnostics.extend(d);
    facts
}

/// Hands linted files to the sink and keeps what the site-wide stage needs.
fn write_files(renderer: &Renderer<'_>, sink: &dyn Sink, linted: Linted) -> SlotOut {
    let mut out = SlotOut {
        pages: Vec::with_capacity(linted.files.len()),
        diagnostics: linted.diagnostics,
    };
    for (file, facts) in linted.files {
        if let Err(e) = sink.write(&file.path, file.html.as_bytes()) {
            out.diagnostics.push(
                Diagnostic::error("output/io", format!("cannot write {}: {e}", file.path))
                    .hint("check the disk space and permissions"),
            );
        }
        if file.indexable
            && let Some(url) = &file.url
        {
            sink.searchable(url, &file.html);
        }
        let sitemap = file
            .indexable
            .then(|| (renderer.absolute(&facts.url), file.alternates, file.lastmod));
        out.pages.push(PageOut {
            path: file.path,
            facts,
            sitemap,
        });
    }
    out
}

/// Runs `work`, adding the CPU time the calling thread spent in it to
/// `nanos`.
fn timed<T>(nanos: &AtomicU64, work: impl FnOnce() -> T) -> T {
    let t = super::thread_cpu_time();
    let result = work();
    nanos.fetch_add(
        u64::try_from(super::thread_cpu_time().saturating_sub(t).as_nanos()).unwrap_or(u64::MAX),
        Ordering::Relaxed,
    );
    result
}
