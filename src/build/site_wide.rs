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

/// Draws the share images of `cards` (`[share] images`) for the languages
/// and variants of `site` in parallel and writes them into `sink`; returns
/// the paths written.
pub fn share_images(
    cards: &crate::share::Cards,
    site: &Site,
    sink: &dyn Sink,
) -> (BTreeSet<String>, Vec<Diagnostic>) {
    use rayon::prelude::*;
    let shown: BTreeSet<(&str, Option<&str>)> = site
        .slots
        .keys()
        .map(|(_, lang, variant)| (lang.as_str(), variant.as_deref()))
        .collect();
    let drawings: Vec<_> = cards.drawings(&shown).collect();
    let mut diags = Vec::new();
    let mut written = BTreeSet::new();
    if drawings.is_empty() {
        return (written, diags);
    }
    let (fonts, errors) = crate::share::image::Fonts::load(cards.fonts());
    for e in errors {
        diags.push(Diagnostic::error("share/font", e).hint("check the theme's fonts/ folder"));
    }
    let drawn: Vec<_> = drawings
        .par_iter()
        .map(|(path, drawing)| (*path, crate::share::image::draw(&fonts, drawing)))
        .collect();
    for (path, png) in drawn {
        match png
            .map_err(|e| (e, "check the theme's fonts: the text needs glyphs and room"))
            .and_then(|b| {
                sink.write(path, &b)
                    .map_err(|e| (e.to_string(), "check the disk space and permissions"))
            }) {
            Ok(()) => {
                written.insert(path.to_string());
            }
            Err((e, hint)) => diags.push(
                Diagnostic::error(
                    "share/image",
                    format!("cannot make the share image {path}: {e}"),
                )
                .hint(hint),
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

/// sitemap.xml from sorted `entries` (none without a `base_url`, nor for
/// a profile that does not want one).
pub fn sitemap(renderer: &Renderer<'_>, entries: &[SitemapEntry]) -> Option<String> {
    let config = &renderer.site.config;
    let wanted = config.profile.as_ref().is_none_or(|p| p.has_sitemap());
    (wanted && !config.base_url.is_empty()).then(|| feeds::sitemap(entries))
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

/// Interface texts the run showed from a fallback language
/// (`i18n/untranslated-value`), as its lookups recorded them; the
/// statement's values are `statement/untranslated-value`'s.
pub fn untranslated_values(renderer: &Renderer<'_>) -> Vec<Diagnostic> {
    use crate::plain::bitv::{ENFORCEMENT_NAME_MESSAGE, LEGAL_BASIS_MESSAGE, ORGANISATION_MESSAGE};
    renderer.i18n.untranslated_values(
        &renderer.site.config,
        &[
            ORGANISATION_MESSAGE,
            LEGAL_BASIS_MESSAGE,
            ENFORCEMENT_NAME_MESSAGE,
        ],
    )
}

/// The finding for pages sharing a title.
pub fn duplicate_title(title: &str, pages: &[(&str, Option<&Path>)]) -> Option<Diagnostic> {
    lint::duplicate_title(title, pages)
}

/// Where a link leads inside the site (its path below the base path).
pub fn link_target<'h>(href: &'h str, base_path: &str) -> Option<std::borrow::Cow<'h, str>> {
    lint::link_target(href, base_path)
}
