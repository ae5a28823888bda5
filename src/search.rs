//! The search index (`[search] enabled`, docs/content/search.md): Pagefind's
//! indexer reads every page of the build that belongs in it, and the index
//! files land in `pagefind/` of the output. The search pages themselves are
//! rendered by `render`.
//!
//! [`Indexer`] is a [`Sink`] in front of the build's sink: it passes every
//! file on and notes each searchable page (URL and path, not its HTML).
//! When the pages are written, [`Indexer::finish`] reads them back and
//! indexes one language after another, each in an index of its own that is
//! dropped once its files are written: Pagefind holds all of an index's
//! pages in memory until it is built, and all languages at once would
//! several times exceed the memory the rest of the build needs. Pagefind
//! reads the language from `<html lang>`; the templates mark what it reads
//! (`data-pagefind-body` on the text of real pages, a `variant` filter).
//! Fallback pages and the pages after the first of a section's list are
//! not searchable (`build::pages` says so), and pages outside the build are
//! never rendered.
//!
//! Nothing here runs for `check` (it writes nothing) or `serve` (the search
//! page says that the preview has no index).

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Mutex;

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;
use serde_json::Value;

use crate::diag::Diagnostic;
use crate::output::Sink;

/// The folder of the index in the output, below the site's root.
pub const BUNDLE_DIR: &str = "pagefind";

/// Pagefind's list of the languages' indexes; one for all of them is
/// merged from each language's.
const ENTRY: &str = "pagefind-entry.json";

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

/// A searchable page: its URL and its path in the output.
struct Searchable {
    url: String,
    path: String,
}

/// A sink that writes through `inner` and notes the searchable pages.
pub struct Indexer<'s> {
    inner: &'s dyn Sink,
    /// Per language key (the URL's first segment).
    pages: Mutex<BTreeMap<String, Vec<Searchable>>>,
}

impl<'s> Indexer<'s> {
    /// Files written go on to `inner`.
    pub fn new(inner: &'s dyn Sink) -> Indexer<'s> {
        Indexer {
            inner,
            pages: Mutex::new(BTreeMap::new()),
        }
    }

    /// Indexes the noted pages, read back with `read` (by output path), and
    /// writes the index below [`BUNDLE_DIR`] into the inner sink; returns
    /// the number of files written and the problems met.
    pub fn finish(
        self,
        read: impl Fn(&str) -> std::io::Result<Vec<u8>>,
    ) -> (usize, Vec<Diagnostic>) {
        let pages = self
            .pages
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut bundle = Bundle {
            sink: self.inner,
            written: Vec::new(),
            languages: serde_json::Map::new(),
            entry: None,
            diags: Vec::new(),
        };
        let runtime = match tokio::runtime::Builder::new_current_thread().build() {
            Ok(r) => r,
            Err(e) => return (0, vec![index_error(&e.to_string())]),
        };
        for (lang, pages) in pages {
            let built = runtime.block_on(index_language(&pages, &read));
            match built {
                Ok(files) => bundle.add(files),
                Err(e) => bundle.diags.push(index_error(&format!("{lang}: {e}"))),
            }
        }
        bundle.finish()
    }
}

impl Sink for Indexer<'_> {
    fn write(&self, path: &str, bytes: &[u8]) -> std::io::Result<()> {
        self.inner.write(path, bytes)
    }

    fn searchable(&self, url: &str, html: &str) {
        if memchr::memmem::find(html.as_bytes(), BODY_MARK).is_none() {
            return;
        }
        let lang = url.trim_start_matches('/').split('/').next().unwrap_or("");
        let page = Searchable {
            url: url.to_string(),
            path: crate::render::index_path(url),
        };
        self.pages
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entry(lang.to_string())
            .or_default()
            .push(page);
    }
}

/// One language's index, built in memory.
async fn index_language(
    pages: &[Searchable],
    read: &impl Fn(&str) -> std::io::Result<Vec<u8>>,
) -> Result<Vec<pagefind::api::SyntheticFile>, String> {
    // The URLs given are the pages' own; Pagefind keeps them as they are.
    let options = PagefindServiceConfig::builder().build();
    let mut index = PagefindIndex::new(Some(options)).map_err(|e| e.to_string())?;
    for page in pages {
        let html = read(&page.path).map_err(|e| format!("cannot read {}: {e}", page.path))?;
        let html = String::from_utf8(html).map_err(|e| format!("{}: {e}", page.path))?;
        index
            .add_html_file(None, Some(page.url.clone()), html)
            .await
            .map_err(|e| format!("{}: {e}", page.url))?;
    }
    index.get_files().await.map_err(|e| e.to_string())
}

fn index_error(message: &str) -> Diagnostic {
    Diagnostic::error(
        "search/index",
        format!("cannot build the search index: {message}"),
    )
    .hint("build again; if it persists, set `[search] enabled = false` in site.toml and report the problem")
}

/// The index files written so far, and the languages of the entry file.
struct Bundle<'s> {
    sink: &'s dyn Sink,
    written: Vec<String>,
    languages: serde_json::Map<String, Value>,
    /// The first language's entry file, into which all are merged.
    entry: Option<Value>,
    diags: Vec<Diagnostic>,
}

impl Bundle<'_> {
    /// Writes one language's files; the files every language's bundle has
    /// (the script, a stemmer's `wasm`) only once.
    fn add(&mut self, files: Vec<pagefind::api::SyntheticFile>) {
        for file in files {
            let Some(path) = bundle_path(&file.filename) else {
                continue;
            };
            if path.ends_with(ENTRY) {
                match serde_json::from_slice::<Value>(&file.contents) {
                    Ok(entry) => {
                        if let Some(langs) = entry["languages"].as_object() {
                            self.languages.extend(langs.clone());
                        }
                        self.entry.get_or_insert(entry);
                    }
                    Err(e) => self.diags.push(index_error(&format!("{ENTRY}: {e}"))),
                }
                continue;
            }
            if !self.written.contains(&path) {
                self.write(path, &file.contents);
            }
        }
    }

    fn write(&mut self, path: String, bytes: &[u8]) {
        match self.sink.write(&path, bytes) {
            Ok(()) => self.written.push(path),
            Err(e) => self.diags.push(
                Diagnostic::error("output/io", format!("cannot write {path}: {e}"))
                    .hint("check the disk space and permissions"),
            ),
        }
    }

    /// Writes the entry file of all languages.
    fn finish(mut self) -> (usize, Vec<Diagnostic>) {
        if let Some(mut entry) = self.entry.take() {
            entry["languages"] = Value::Object(std::mem::take(&mut self.languages));
            let path = format!("{BUNDLE_DIR}/{ENTRY}");
            self.write(path, entry.to_string().as_bytes());
        }
        (self.written.len(), self.diags)
    }
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
