//! The content checks that need the `Site` but no rendering: translation
//! status (`status`), plain language per page (`plain`: readability,
//! Leichte Sprache and Easy Read rules, glossary terms) and the site-wide
//! duties (BITV 2.0 §4 start page, accessibility statement, `base_url`).
//!
//! Per-page findings are grouped by source: whether a translation is
//! outdated depends on it and its original, both pages of one source, and
//! a page's plain-language findings on the page itself (and the glossary),
//! so `serve` re-checks only the sources an edit touched.

use rayon::prelude::*;

use crate::content::Site;
use crate::diag::Diagnostic;
use crate::glossary::Glossary;
use crate::plain::{self, readability::PageReadability};

/// Findings of each of `sources`, in the order given; with `figures`, the
/// readability figures of every page (`check` reports them), otherwise of
/// plain-language variants only (the pages with thresholds and rules).
pub fn check_sources(
    site: &Site,
    glossary: &Glossary,
    sources: &[&str],
    figures: bool,
) -> (Vec<Vec<Diagnostic>>, Vec<PageReadability>) {
    let checker = plain::Checker::new(site, glossary);
    let results: Vec<(Vec<Diagnostic>, Vec<PageReadability>)> = sources
        .par_iter()
        .map(|source| {
            let pages = site.pages_of(source);
            let mut diags = crate::status::outdated(site, pages.iter().map(AsRef::as_ref));
            let mut readability = Vec::new();
            for page in pages {
                if (figures || page.variant.is_some())
                    && let Some((f, d)) = checker.page(page)
                {
                    readability.push(f);
                    diags.extend(d);
                }
            }
            (diags, readability)
        })
        .collect();
    let mut diags = Vec::with_capacity(results.len());
    let mut readability = Vec::new();
    for (d, r) in results {
        diags.push(d);
        readability.extend(r);
    }
    readability.sort_by(|a, b| a.file.cmp(&b.file));
    (diags, readability)
}

/// The site-wide findings: the duties of `plain`, a statement without a
/// test record (`audits`) and a missing `base_url`;
/// `config_text` is the text of site.toml.
pub fn check_site(site: &Site, config_text: &str) -> Vec<Diagnostic> {
    let mut diags = plain::check_duties(site, config_text);
    diags.extend(crate::audits::check(
        site.config.accessibility_declared,
        site.config.audits.as_ref(),
    ));
    if site.config.base_url.is_empty() {
        diags.push(
            Diagnostic::warning("config/base-url-missing", "base_url is empty: canonical and alternate links are root-relative, and no sitemap.xml or feeds are written")
                .file(crate::config::CONFIG_FILE)
                .hint("set base_url in site.toml to the published address, or pass --base-url when building for deployment"),
        );
    }
    diags
}
