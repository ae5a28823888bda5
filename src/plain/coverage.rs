//! Which pages lack a variant, per language and variant (SPEC "Plain
//! language": the site reports which pages lack them). A summary for
//! `check`, not one warning per page.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::content::{Site, Slot};

/// Pages of one language that have, or lack, one variant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VariantCoverage {
    pub lang: String,
    pub variant: String,
    /// Pages of the language that have the variant.
    pub with_variant: usize,
    /// Sources of the language's pages that lack it.
    pub missing: Vec<String>,
}

/// Coverage of every variant in every language, in config order.
pub fn coverage(site: &Site) -> Vec<VariantCoverage> {
    let mut out = Vec::new();
    for variant in &site.config.variants {
        for lang in &site.config.languages {
            let originals: BTreeSet<&str> = site
                .pages
                .iter()
                .filter(|p| p.lang == lang.key && p.variant.is_none())
                .map(|p| p.source.as_str())
                .collect();
            let mut with_variant = 0;
            let mut missing = Vec::new();
            for source in originals {
                match site.slot(source, &lang.key, Some(&variant.key)) {
                    Some((Slot::Real(_), _)) => with_variant += 1,
                    _ => missing.push(source.to_string()),
                }
            }
            out.push(VariantCoverage {
                lang: lang.key.clone(),
                variant: variant.key.clone(),
                with_variant,
                missing,
            });
        }
    }
    out
}

/// The summary for people: per variant, the languages with some pages in it
/// and what they lack, then the languages with none in one line.
pub fn render_text(coverage: &[VariantCoverage]) -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    let mut variants: Vec<&str> = coverage.iter().map(|c| c.variant.as_str()).collect();
    variants.dedup();
    for variant in variants {
        let rows: Vec<&VariantCoverage> =
            coverage.iter().filter(|c| c.variant == variant).collect();
        let mut none = Vec::new();
        for c in &rows {
            if c.with_variant == 0 {
                if !c.missing.is_empty() {
                    none.push(c.lang.as_str());
                }
            } else if c.missing.is_empty() {
                let _ = writeln!(
                    out,
                    "  {}/{variant}: every page has it ({})",
                    c.lang, c.with_variant
                );
            } else {
                let _ = writeln!(
                    out,
                    "  {}/{variant}: {} of {} pages lack it: {}",
                    c.lang,
                    c.missing.len(),
                    c.missing.len() + c.with_variant,
                    c.missing.join(", ")
                );
            }
        }
        if !none.is_empty() {
            let _ = writeln!(out, "  {variant}: no pages in {}", none.join(", "));
        }
    }
    out
}
