//! The site-wide stage: files copied as they are (theme and site `static/`,
//! non-Markdown files of `content/`), sitemap, feeds and robots.txt, and
//! the checks across pages (links, anchors, unique titles). `serve` keeps
//! the link check's index itself and re-checks only what a change affects,
//! through [`check_links_of`]; `build` checks every page with
//! [`check_links`]. These two are the only places the pipeline calls the
//! lint's site-wide checks.

use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;

use crate::content::{self, Site};
use crate::diag::Diagnostic;
use crate::feeds::{self, SitemapEntry};
use crate::lint::{self, Facts};
use crate::output::Sink;
use crate::render::Renderer;
use crate::theme::Asset;

/// Copies the static files of the theme and site and the non-Markdown files
/// of `content/` into `sink`; returns the paths written.
pub fn copy_files(
    static_files: &BTreeMap<String, Asset>,
    site: &Site,
    sink: &dyn Sink,
) -> (BTreeSet<String>, Vec<Diagnostic>) {
    let mut written = BTreeSet::new();
    let mut diags = Vec::new();
    for (path, asset) in static_files {
        let bytes = match asset {
            Asset::Builtin(b) => Ok(b.to_vec()),
            Asset::Disk(p) => std::fs::read(p),
        };
        match bytes.and_then(|b| sink.write(path, &b)) {
            Ok(()) => {
                written.insert(path.clone());
            }
            Err(e) => diags.push(
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
                written.insert(rel);
            }
            Err(e) => diags.push(
                Diagnostic::error("output/io", format!("cannot copy {rel}: {e}"))
                    .file(Path::new(content::CONTENT_DIR).join(asset))
                    .hint("check the file permissions"),
            ),
        }
    }
    (written, diags)
}

/// The Atom feeds (none without a `base_url`).
pub fn feeds(renderer: &Renderer<'_>) -> Vec<(String, String)> {
    if renderer.site.config.base_url.is_empty() {
        return Vec::new();
    }
    feeds::atom_feeds(renderer)
}

/// sitemap.xml from sorted `entries` (none without a `base_url`).
pub fn sitemap(renderer: &Renderer<'_>, entries: &[SitemapEntry]) -> Option<String> {
    (!renderer.site.config.base_url.is_empty()).then(|| feeds::sitemap(entries))
}

/// Writes generated text files into `sink`; returns the paths written.
pub fn write_texts(
    sink: &dyn Sink,
    texts: Vec<(String, String)>,
    written: &mut BTreeSet<String>,
    diags: &mut Vec<Diagnostic>,
) {
    for (path, text) in texts {
        match sink.write(&path, text.as_bytes()) {
            Ok(()) => {
                written.insert(path);
            }
            Err(e) => diags.push(
                Diagnostic::error("output/io", format!("cannot write {path}: {e}"))
                    .hint("check the disk space and permissions"),
            ),
        }
    }
}

/// The links, anchors and titles of every page, checked against each other
/// and against the other files of the output.
pub fn check_links(pages: &[Facts], files: &HashSet<String>, base_path: &str) -> Vec<Diagnostic> {
    lint::check_site(pages, files, base_path)
}

/// The links of one page, checked against the pages `find` looks up by URL
/// and the other files of the output.
pub fn check_links_of<'f>(
    page: &'f Facts,
    find: impl Fn(&str) -> Option<&'f Facts>,
    files: &HashSet<String>,
    base_path: &str,
) -> Vec<Diagnostic> {
    lint::check_links_of(&[page], find, files, base_path)
}

/// The finding for pages sharing a title.
pub fn duplicate_title(title: &str, pages: &[(&str, Option<&Path>)]) -> Option<Diagnostic> {
    lint::duplicate_title(title, pages)
}

/// Where a link leads inside the site (its path below the base path).
pub fn link_target<'h>(href: &'h str, base_path: &str) -> Option<&'h str> {
    lint::link_target(href, base_path)
}
