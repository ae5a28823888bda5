//! The site's document as a tagged PDF (PDF/UA-1), one per language and
//! variant that has all of `[pdf] pages` (docs/content/configuration.md):
//! `document` walks each page's Markdown into blocks, `layout` sets them
//! on A4 pages, `write` makes the PDF with krilla. Nothing here runs
//! unless site.toml has `[pdf]`.
//!
//! The PDFs are made before the pages are rendered, so that each page of
//! the document can link to its PDF with the file's size ([`links`]).
//! Deliberately not here: images (their alt text stands in their place),
//! hyphenation, justification.

mod document;
mod layout;
mod write;

use std::collections::BTreeMap;

use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use rayon::prelude::*;

use crate::config::{CONFIG_FILE, Dir};
use crate::content::{Key, Site, Slot};
use crate::diag::Diagnostic;
use crate::output::Sink;

/// A PDF made for one language and variant (and written to the sink).
#[derive(Debug, Clone)]
pub struct PdfFile {
    pub lang: String,
    pub variant: Option<String>,
    /// Site path, `/de/integrationskonzept.pdf`.
    pub url: String,
    /// Its size in bytes.
    pub size: usize,
}

/// The link from a page to its document: address and size as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdfLink {
    pub url: String,
    /// The size in kilobytes, written in the page's language ("180", "1.234").
    pub kilobytes: String,
}

/// Checks that every page `[pdf]` names exists; errors point at its place
/// in site.toml.
pub fn check(site: &Site, config_text: &str) -> Vec<Diagnostic> {
    let Some(pdf) = &site.config.pdf else {
        return Vec::new();
    };
    let mut diags = Vec::new();
    if pdf.pages.is_empty() {
        let mut d = Diagnostic::error("config/invalid", "[pdf] lists no pages").file(CONFIG_FILE);
        if let Some(at) = crate::config::find_key(config_text, "pdf") {
            d = d.at_offset(config_text, at);
        }
        diags.push(d.hint("name the pages of the document in order: pages = [\"leitbild.md\", …], or remove [pdf]"));
    }
    for page in &pdf.pages {
        if site.pages_of(page.get_ref()).is_empty() {
            diags.push(
                Diagnostic::error(
                    "config/invalid",
                    format!("[pdf] names the page `{}`, which does not exist", page.get_ref()),
                )
                .file(CONFIG_FILE)
                .at_offset(config_text, page.span().start)
                .hint("name a page by its path below content/ in the default language, e.g. \"leitbild.md\""),
            );
        }
    }
    diags
}

/// Makes the PDFs of the site and writes each into `sink` as soon as it
/// is made (so that memory holds only the ones in the making): one per
/// language and variant whose own pages include every page of `[pdf]`.
/// None without `[pdf]` or when a page is missing ([`check`] reports it).
pub fn build(site: &Site, sink: &dyn Sink) -> (Vec<PdfFile>, Vec<Diagnostic>) {
    let Some(pdf) = &site.config.pdf else {
        return (Vec::new(), Vec::new());
    };
    let sources: Vec<&str> = pdf.pages.iter().map(|p| p.get_ref().as_str()).collect();
    if sources.is_empty() || sources.iter().any(|s| site.pages_of(s).is_empty()) {
        return (Vec::new(), Vec::new());
    }
    let Some(fonts) = layout::Fonts::load() else {
        return (
            Vec::new(),
            vec![Diagnostic::error(
                "pdf/fonts",
                "the built-in fonts for the PDF cannot be read",
            )],
        );
    };
    let variants =
        std::iter::once(None).chain(site.config.variants.iter().map(|v| Some(v.key.as_str())));
    let mut wanted = Vec::new();
    for lang in &site.config.languages {
        for variant in variants.clone() {
            let all_real = sources
                .iter()
                .all(|s| matches!(site.slot(s, &lang.key, variant), Some((Slot::Real(_), _))));
            if all_real {
                wanted.push((lang, variant));
            }
        }
    }
    let made: Vec<Result<PdfFile, Diagnostic>> = wanted
        .par_iter()
        .map(|(lang, variant)| {
            let (file, bytes) = make(site, &sources, &fonts, lang, *variant)?;
            let path = file.url.trim_start_matches('/');
            sink.write(path, &bytes).map_err(|e| {
                Diagnostic::error("output/io", format!("cannot write {path}: {e}"))
                    .hint("check the disk space and permissions")
            })?;
            Ok(file)
        })
        .collect();
    let mut files = Vec::new();
    let mut diags = Vec::new();
    for result in made {
        match result {
            Ok(file) => files.push(file),
            Err(d) => diags.push(d),
        }
    }
    (files, diags)
}

fn make(
    site: &Site,
    sources: &[&str],
    fonts: &layout::Fonts,
    lang: &crate::config::Language,
    variant: Option<&str>,
) -> Result<(PdfFile, Vec<u8>), Diagnostic> {
    let config = &site.config;
    let easy = variant
        .and_then(|v| config.variant(v))
        .is_some_and(|v| v.easy);
    let page_of = |source: &str| {
        site.slot(source, &lang.key, variant)
            .map(|(slot, url)| (&site.pages[slot.page()], url))
    };
    let in_document = |source: &str| sources.contains(&source);
    let url_of = |source: &str| {
        let (_, url) = page_of(source)?;
        (!config.base_url.is_empty()).then(|| config.absolute(url))
    };
    let home = page_of("_index.md").filter(|(p, _)| p.lang == lang.key);
    let first = sources.first().and_then(|s| page_of(s));
    let title = home
        .or(first)
        .map_or_else(String::new, |(p, _)| p.front.title.clone());
    let mut blocks = vec![document::Block::Heading {
        level: 1,
        anchor: String::new(),
        text: vec![document::Inline {
            text: title.clone(),
            strong: true,
            lang: None,
            link: None,
        }],
    }];
    for source in sources {
        let Some((page, _)) = page_of(source) else {
            continue;
        };
        let cx = document::Context {
            source,
            lang: &lang.key,
            in_document: &in_document,
            url_of: &url_of,
            hard_breaks: easy,
        };
        blocks.extend(document::page_blocks(&page.front.title, &page.body, &cx));
    }
    let rtl = lang.dir == Dir::Rtl;
    let laid = layout::lay_out(&blocks, fonts, rtl, easy);
    let meta = write::Meta {
        title: &title,
        lang: &lang.key,
        rtl,
    };
    let folder = home
        .map(|(_, url)| url.to_string())
        .or_else(|| first.map(|(_, url)| parent(url)))
        .unwrap_or_else(|| "/".to_string());
    let url = format!(
        "{folder}{}",
        config
            .pdf
            .as_ref()
            .map_or("document.pdf", |p| p.file_name(&lang.key))
    );
    match write::write(laid, fonts, &meta) {
        Ok(bytes) => Ok((
            PdfFile {
                lang: lang.key.clone(),
                variant: variant.map(str::to_string),
                url,
                size: bytes.len(),
            },
            bytes,
        )),
        Err(e) => Err(
            Diagnostic::error("pdf/write", format!("cannot make {url}: {e}"))
                .hint("this is a bug in vielfalt; please report it with the page's text"),
        ),
    }
}

/// The folder of a page URL: `/de/leitbild/` → `/de/`.
fn parent(url: &str) -> String {
    match url.trim_end_matches('/').rsplit_once('/') {
        Some((folder, _)) => format!("{folder}/"),
        None => "/".to_string(),
    }
}

/// For every page of the document in a language and variant with a PDF:
/// the link to it, keyed by the page's slot.
pub fn links(site: &Site, files: &[PdfFile]) -> BTreeMap<Key, PdfLink> {
    let mut links = BTreeMap::new();
    let Some(pdf) = &site.config.pdf else {
        return links;
    };
    for file in files {
        let kilobytes = kilobytes(file.size, &file.lang);
        for page in &pdf.pages {
            links.insert(
                (
                    page.get_ref().clone(),
                    file.lang.clone(),
                    file.variant.clone(),
                ),
                PdfLink {
                    url: file.url.clone(),
                    kilobytes: kilobytes.clone(),
                },
            );
        }
    }
    links
}

/// `bytes` in whole kilobytes (at least 1), in the number format of `lang`.
fn kilobytes(bytes: usize, lang: &str) -> String {
    let kb = bytes.div_ceil(1000).max(1);
    let formatter = lang
        .parse::<icu_locale::Locale>()
        .ok()
        .and_then(|l| DecimalFormatter::try_new(l.into(), Default::default()).ok());
    match formatter {
        Some(f) => f.format(&Decimal::from(kb as u64)).to_string(),
        None => kb.to_string(),
    }
}
