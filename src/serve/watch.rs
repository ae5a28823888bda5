//! `serve`'s watcher: which file changes matter, the loop that hands them
//! to the incremental engine and publishes its output, and what the
//! terminal shows after each update.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::atomic::Ordering;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, Instant};

use notify::RecursiveMode;
use notify_debouncer_full::{DebounceEventResult, new_debouncer};

use crate::diag::{self, Diagnostic, Severity};

use super::incremental::{self, Engine};
use super::{Shared, Snapshot};

/// Folders below the site root whose changes matter.
const WATCHED: [&str; 6] = [
    "content",
    "locales",
    "themes",
    "templates",
    "static",
    "glossary",
];

pub(super) type Watcher = notify_debouncer_full::Debouncer<
    notify::RecommendedWatcher,
    notify_debouncer_full::RecommendedCache,
>;

/// Watches `root` (site.toml) and the folders of [`WATCHED`] that exist;
/// returns the watcher, the folders watched and the channel of events.
pub(super) fn watch(
    root: &Path,
    debounce: Duration,
) -> Result<(Watcher, BTreeSet<PathBuf>, Receiver<DebounceEventResult>), String> {
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = new_debouncer(debounce, None, tx)
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    debouncer
        .watch(root, RecursiveMode::NonRecursive)
        .map_err(|e| format!("cannot watch {}: {e}", root.display()))?;
    let mut watched = BTreeSet::new();
    for name in WATCHED {
        let dir = root.join(name);
        if dir.is_dir() && debouncer.watch(&dir, RecursiveMode::Recursive).is_ok() {
            watched.insert(dir);
        }
    }
    Ok((debouncer, watched, rx))
}

pub(super) fn errors_of(engine: &Engine) -> Vec<Diagnostic> {
    engine
        .diagnostics()
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .cloned()
        .collect()
}

pub(super) fn print_update(
    engine: &Engine,
    report: &incremental::Report,
    changed: Option<usize>,
    verbose: bool,
) {
    eprint!(
        "{}",
        update_text(engine.diagnostics(), report, changed, verbose)
    );
}

/// What the terminal shows after an update: every finding as `check`
/// prints it (warnings too), then one line on what was done.
fn update_text(
    diagnostics: &[Diagnostic],
    report: &incremental::Report,
    changed: Option<usize>,
    verbose: bool,
) -> String {
    let mut out = String::new();
    if verbose {
        for (stage, time) in &report.stages {
            out.push_str(&format!(
                "  {stage}: {:.1} ms\n",
                time.as_secs_f64() * 1000.0
            ));
        }
    }
    out.push_str(&diag::render_text(diagnostics));
    let errors = diag::count(diagnostics, Severity::Error);
    let warnings = diag::count(diagnostics, Severity::Warning);
    if errors > 0 {
        out.push_str(&format!(
            "vielfalt serve: {errors} error(s), {warnings} warning(s); still serving the last good version (fix and save to update)\n"
        ));
        return out;
    }
    let what = match changed {
        None => "built".to_string(),
        Some(n) => format!("{n} change(s):"),
    };
    out.push_str(&format!(
        "vielfalt serve: {what} {} {} rendered in {:.0} ms, {warnings} warning(s)\n",
        report.slots,
        if report.full { "pages (all)" } else { "pages" },
        report.elapsed.as_secs_f64() * 1000.0
    ));
    out
}

/// Waits for batches of file events and rebuilds.
pub(super) fn rebuild_loop(
    mut engine: Engine,
    rx: &Receiver<DebounceEventResult>,
    shared: &Shared,
    debouncer: &Mutex<Option<Watcher>>,
    mut watched: BTreeSet<PathBuf>,
    quiet: bool,
    verbose: bool,
) {
    loop {
        let first = match rx.recv() {
            Ok(r) => r,
            Err(_) => return,
        };
        let mut paths: BTreeSet<PathBuf> = BTreeSet::new();
        let mut add = |r: DebounceEventResult| {
            if let Ok(events) = r {
                for e in events {
                    // Reading files (rebuilds do) is no change.
                    let is_change = !matches!(
                        e.event.kind,
                        notify::EventKind::Access(_)
                            | notify::EventKind::Modify(notify::event::ModifyKind::Metadata(_))
                    );
                    if is_change {
                        paths.extend(e.event.paths.iter().cloned());
                    }
                }
            }
        };
        add(first);
        while let Ok(r) = rx.try_recv() {
            add(r);
        }
        if shared.stopping.load(Ordering::SeqCst) {
            return;
        }
        let paths: Vec<PathBuf> = paths
            .into_iter()
            .filter(|p| relevant(engine.root(), p))
            .collect();
        if paths.is_empty() {
            continue;
        }
        // A watched folder created after the start (say, templates/).
        for name in WATCHED {
            let dir = engine.root().join(name);
            if !watched.contains(&dir) && dir.is_dir() {
                let mut guard = debouncer.lock().unwrap_or_else(PoisonError::into_inner);
                if let Some(d) = guard.as_mut()
                    && d.watch(&dir, RecursiveMode::Recursive).is_ok()
                {
                    watched.insert(dir);
                }
            }
        }
        let report = engine.update(&paths);
        let publish_start = Instant::now();
        let errors = errors_of(&engine);
        // A clone of the persistent output map: it shares every file with
        // the engine's, so publishing costs what the update changed.
        let files = if errors.is_empty() {
            engine.output().clone()
        } else {
            shared.snapshot().files.clone()
        };
        shared.publish(Snapshot { files, errors });
        let published = publish_start.elapsed();
        // Printed after publishing: the terminal can wait, the browser not.
        if !quiet {
            print_update(&engine, &report, Some(paths.len()), verbose);
            if verbose {
                eprintln!("  publish: {:.1} ms", published.as_secs_f64() * 1000.0);
            }
        }
    }
}

/// Changes that can affect the output: site.toml and the watched folders,
/// not editor backups or hidden files.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let hidden = rel.components().any(|c| {
        let s = c.as_os_str().to_string_lossy();
        s.starts_with('.') || s.ends_with('~') || s.starts_with('#')
    });
    if hidden {
        return false;
    }
    let first = rel
        .components()
        .next()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .unwrap_or_default();
    first == crate::config::CONFIG_FILE || WATCHED.contains(&first.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_terminal_shows_warnings_and_errors() {
        let report = incremental::Report {
            slots: 3,
            ..incremental::Report::default()
        };
        let warning = Diagnostic::warning("plain/sentence-length", "this sentence has 21 words")
            .file("content/x.easy.md")
            .at(5, 1);
        let text = update_text(std::slice::from_ref(&warning), &report, Some(1), false);
        assert!(
            text.starts_with("warning[plain/sentence-length]: this sentence has 21 words\n  --> content/x.easy.md:5:1\n"),
            "{text}"
        );
        assert!(
            text.ends_with("1 change(s): 3 pages rendered in 0 ms, 1 warning(s)\n"),
            "{text}"
        );
        let error = Diagnostic::error("template/error", "broken");
        let text = update_text(&[error, warning], &report, Some(1), false);
        assert!(text.contains("error[template/error]: broken\n"), "{text}");
        assert!(text.ends_with("1 error(s), 1 warning(s); still serving the last good version (fix and save to update)\n"), "{text}");
    }
}
