//! The search index (`[search] enabled`, docs/content/search.md): every
//! page of the build that belongs in it goes to Pagefind's indexer while
//! the build writes it, and the index files land in `pagefind/` of the
//! output. The search pages themselves are rendered by `render`.
//!
//! [`Indexer`] is a [`Sink`] in front of the build's sink: it passes every
//! file on and sends the HTML of each searchable page to a thread of its
//! own, which feeds Pagefind, so the rendering threads do not wait for the
//! index. Pagefind reads the language from `<html lang>` and makes one index
//! per language; the templates mark what it reads (`data-pagefind-body` on
//! the text of real pages, a `variant` filter). Fallback pages and the
//! pages after the first of a section's list are not searchable (pages
//! marks them so), and pages outside the build are never rendered.
//!
//! Nothing here runs for `check` (it writes nothing) or `serve` (the search
//! page says that its results come from the last `vielfalt build`).

use std::path::Path;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::thread::JoinHandle;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::diag::Diagnostic;
use crate::output::Sink;

/// The folder of the index in the output, below the site's root.
pub const BUNDLE_DIR: &str = "pagefind";

/// Pages on their way to the indexing thread: enough to keep it busy while
/// a rendering thread lints its next batch, few enough to hold no more
/// than a few pages' HTML.
const IN_FLIGHT: usize = 32;

/// The attribute a template puts on the text of a searchable page.
const BODY_MARK: &[u8] = b"data-pagefind-body";

/// Files of Pagefind's bundle the site does not use: its own interfaces
/// (the search page has one of its own) and its playground.
const UNUSED: [&str; 5] = [
    "pagefind-ui.",
    "pagefind-modular-ui.",
    "pagefind-component-ui.",
    "pagefind-highlight.",
    "playground",
];

type Built = Result<Vec<pagefind::api::SyntheticFile>, String>;

/// A sink that writes through `inner` and indexes the searchable pages.
pub struct Indexer<'s> {
    inner: &'s dyn Sink,
    pages: SyncSender<(String, String)>,
    worker: JoinHandle<Built>,
}

impl<'s> Indexer<'s> {
    /// Starts the indexing thread; files written go on to `inner`.
    pub fn start(inner: &'s dyn Sink) -> Indexer<'s> {
        let (pages, received) = sync_channel(IN_FLIGHT);
        let worker = std::thread::spawn(move || index(&received));
        Indexer {
            inner,
            pages,
            worker,
        }
    }

    /// Waits for the index and writes its files below [`BUNDLE_DIR`] into
    /// the inner sink; returns their paths and the problems met.
    pub fn finish(self) -> (Vec<String>, Vec<Diagnostic>) {
        let Indexer {
            inner,
            pages,
            worker,
        } = self;
        drop(pages);
        let built = worker
            .join()
            .unwrap_or_else(|_| Err("the indexing thread stopped unexpectedly".to_string()));
        let files = match built {
            Ok(files) => files,
            Err(e) => {
                return (
                    Vec::new(),
                    vec![
                        Diagnostic::error("search/index", format!("cannot build the search index: {e}"))
                            .hint("build again; if it persists, set `[search] enabled = false` in site.toml and report the problem"),
                    ],
                );
            }
        };
        let mut written = Vec::new();
        let mut diags = Vec::new();
        for file in files {
            let Some(path) = bundle_path(&file.filename) else {
                continue;
            };
            match inner.write(&path, &file.contents) {
                Ok(()) => written.push(path),
                Err(e) => diags.push(
                    Diagnostic::error("output/io", format!("cannot write {path}: {e}"))
                        .hint("check the disk space and permissions"),
                ),
            }
        }
        written.sort();
        (written, diags)
    }
}

impl Sink for Indexer<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.inner.write(path, bytes)
    }

    fn searchable(&self, url: &str, html: &str) {
        if memchr::memmem::find(html.as_bytes(), BODY_MARK).is_some() {
            // A closed channel means the thread has failed; `finish` says why.
            let _ = self.pages.send((url.to_string(), html.to_string()));
        }
    }
}

/// The indexing thread: Pagefind's API is async, so it runs on a runtime of
/// its own, one page at a time, then builds the index in memory.
fn index(pages: &Receiver<(String, String)>) -> Built {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        // The URLs given are the pages' own; Pagefind keeps them as they are.
        let options = PagefindServiceConfig::builder().build();
        let mut index = PagefindIndex::new(Some(options)).map_err(|e| e.to_string())?;
        // Every page is read, even after a failure, so the senders never block.
        let mut failure = None;
        while let Ok((url, html)) = pages.recv() {
            if failure.is_none()
                && let Err(e) = index.add_html_file(None, Some(url.clone()), html).await
            {
                failure = Some(format!("{url}: {e}"));
            }
        }
        if let Some(failure) = failure {
            return Err(failure);
        }
        index.get_files().await.map_err(|e| e.to_string())
    })
}

/// Where a file of Pagefind's bundle goes in the output; `None` for the
/// files the site does not use.
fn bundle_path(file: &Path) -> Option<String> {
    let name = file.to_string_lossy().replace('\\', "/");
    if UNUSED.iter().any(|u| name.starts_with(u)) {
        return None;
    }
    Some(format!("{BUNDLE_DIR}/{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_bundle_the_search_page_uses_is_written() {
        assert_eq!(
            bundle_path(Path::new("pagefind.js")).as_deref(),
            Some("pagefind/pagefind.js")
        );
        assert_eq!(
            bundle_path(Path::new("index/de_1a2b.pf_index")).as_deref(),
            Some("pagefind/index/de_1a2b.pf_index")
        );
        assert_eq!(bundle_path(Path::new("pagefind-ui.js")), None);
        assert_eq!(bundle_path(Path::new("pagefind-modular-ui.css")), None);
        assert_eq!(bundle_path(Path::new("playground/index.html")), None);
    }
}
