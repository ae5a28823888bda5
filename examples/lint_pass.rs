//! The HTML lint pass alone, over the pages of a built site: how many
//! microseconds a page takes, best of several rounds, on one thread.
//!
//!     cargo run --release -- build --root SITE --output OUT
//!     cargo run --release --example lint_pass -- OUT [ROUNDS]
//!
//! The benchmark (`scripts/bench`) gives the lint's share of a whole build;
//! this gives the pass's own cost, without rendering, writing or the lint
//! cache, so a change to the pass can be compared with less noise. Pages
//! are read into memory first; only `lint::scan` is timed.

use std::process::ExitCode;
use std::time::{Duration, Instant};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: lint_pass OUTPUT_FOLDER [ROUNDS]");
        return ExitCode::FAILURE;
    };
    let rounds = match args.next().map(|r| r.parse::<usize>()) {
        None => 5,
        Some(Ok(r)) if r > 0 => r,
        Some(_) => {
            eprintln!("ROUNDS must be a whole number above 0");
            return ExitCode::FAILURE;
        }
    };
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                eprintln!("cannot read {dir}: {e}");
                return ExitCode::FAILURE;
            }
        };
        if entry.file_name() != "index.html" {
            continue;
        }
        let folder = entry
            .path()
            .parent()
            .and_then(|p| p.strip_prefix(&dir).ok())
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        let url = if folder.is_empty() {
            "/".to_string()
        } else {
            format!("/{folder}/")
        };
        match std::fs::read_to_string(entry.path()) {
            Ok(html) => pages.push((url, html)),
            Err(e) => {
                eprintln!("cannot read {}: {e}", entry.path().display());
                return ExitCode::FAILURE;
            }
        }
    }
    if pages.is_empty() {
        eprintln!("no index.html under {dir}: build a site into it first");
        return ExitCode::FAILURE;
    }
    let bytes: usize = pages.iter().map(|(_, html)| html.len()).sum();
    let mut best = Duration::MAX;
    let mut findings = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        findings = 0;
        for (url, html) in &pages {
            let (_, diagnostics) = vielfalt::lint::scan(html, url, None);
            findings += diagnostics.len();
        }
        best = best.min(start.elapsed());
    }
    let n = pages.len() as f64;
    println!(
        "{} pages, {:.1} KB a page, {findings} finding(s): {:.1} µs a page, {:.2} ns a byte (best of {rounds})",
        pages.len(),
        bytes as f64 / n / 1000.0,
        best.as_secs_f64() * 1e6 / n,
        best.as_secs_f64() * 1e9 / bytes as f64,
    );
    ExitCode::SUCCESS
}
