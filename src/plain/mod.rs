//! Plain language as its own concept (SPEC "Plain language",
//! docs/content/plain-language.md): readability per page with the language's
//! formula, the Leichte Sprache rules for German `easy` pages and the Easy
//! Read rules for English ones, glossary terms on easy pages, the BITV 2.0 §4
//! start-page duty, the accessibility statement's fields, and which pages
//! lack a variant.
//!
//! `Checker` checks one page and `check_duties` the site-wide duties, on
//! the immutable `Site` before rendering; they return figures and
//! diagnostics and write nothing. `build::checks` runs them per source, so
//! that `serve` can run them again for the sources an edit touched. Glossary links are made by
//! `markdown::render_with_glossary` with a `GlossaryLinks` from here.

pub mod bitv;
pub mod coverage;
pub mod easyread;
pub mod formulas;
pub mod labels;
pub mod leichte;
pub mod readability;
pub mod rules;
pub mod segment;
pub mod splits;
pub mod syllables;

use std::fmt::Write as _;

use serde::Serialize;

use crate::content::{Page, Site};
use crate::diag::Diagnostic;
use crate::glossary::Glossary;

use crate::glossary::matcher::Matcher;
use coverage::VariantCoverage;
use readability::{Analysis, PageReadability, Score, round2};
use rules::Finding;

/// What `check` reports about plain language besides diagnostics.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Report {
    pub readability: Vec<PageReadability>,
    pub variants: Vec<VariantCoverage>,
}

/// The pages of the variants marked `easy` (Leichte Sprache, Easy Read).
pub fn easy_pages(site: &Site) -> impl Iterator<Item = &Page> {
    site.pages.iter().map(AsRef::as_ref).filter(|p: &&Page| {
        p.variant
            .as_deref()
            .and_then(|v| site.config.variant(v))
            .is_some_and(|v| v.easy)
    })
}

/// The source of the glossary page (the page rendered with `glossary.html`).
pub fn glossary_source(site: &Site) -> Option<&str> {
    site.pages
        .iter()
        .find(|p| p.front.template.as_deref() == Some("glossary.html"))
        .map(|p| p.source.as_str())
}

/// The site-wide duties: the statement and the BITV 2.0 start-page duty
/// bind public bodies; a site takes them on by declaring `[accessibility]`
/// in site.toml. `config_text` is the text of site.toml, where the statement's
/// findings point.
pub fn check_duties(site: &Site, config_text: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    if site.config.accessibility_declared {
        diags.extend(bitv::check_start_page(site));
        diags.extend(bitv::check_statement(
            &site.config,
            config_text,
            &bitv::today(),
        ));
    }
    diags
}

/// Checks pages one at a time, with the glossary's matchers built once.
/// A page's findings depend on the page, the configuration, the glossary
/// and whether the site has a glossary page in its language and variant.
pub struct Checker<'s> {
    site: &'s Site,
    glossary: &'s Glossary,
    matchers: std::collections::BTreeMap<&'s str, Matcher>,
    glossary_page: Option<&'s str>,
}

impl<'s> Checker<'s> {
    pub fn new(site: &'s Site, glossary: &'s Glossary) -> Checker<'s> {
        Checker {
            site,
            glossary,
            matchers: glossary
                .iter()
                .map(|(lang, terms)| (lang.as_str(), Matcher::new(terms)))
                .collect(),
            glossary_page: glossary_source(site),
        }
    }

    /// Readability figures and findings of one page.
    pub fn page(&self, page: &Page) -> Option<(PageReadability, Vec<Diagnostic>)> {
        check_page(
            self.site,
            page,
            self.glossary,
            &self.matchers,
            self.glossary_page,
        )
    }
}

fn check_page(
    site: &Site,
    page: &Page,
    glossary: &Glossary,
    matchers: &std::collections::BTreeMap<&str, Matcher>,
    glossary_page: Option<&str>,
) -> Option<(PageReadability, Vec<Diagnostic>)> {
    let config = &site.config;
    let variant = page.variant.as_deref().and_then(|v| config.variant(v));
    let is_easy = variant.is_some_and(|v| v.easy);
    let analysis = readability::analyse(&page.body, &page.lang, is_easy);
    let thresholds = config
        .plain
        .thresholds(page.variant.as_deref(), is_easy, &page.lang);
    let mut scores = Vec::new();
    for &formula in formulas::for_language(&page.lang) {
        let Some(value) = formulas::value(formula, &analysis.counts) else {
            continue;
        };
        let limit = thresholds.limit(formula);
        let ok = match limit {
            Some((true, min)) => value >= min,
            Some((false, max)) => value <= max,
            None => true,
        };
        scores.push(Score {
            formula,
            value: round2(value),
            min: limit.and_then(|(is_min, v)| is_min.then_some(v)),
            max: limit.and_then(|(is_min, v)| (!is_min).then_some(v)),
            ok,
        });
    }
    let mut diags = Vec::new();
    let failing: Vec<&Score> = scores.iter().filter(|s| !s.ok).collect();
    if !failing.is_empty() {
        diags.push(readability_warning(page, &analysis, &failing));
    }
    let primary = page.lang.split('-').next().unwrap_or_default();
    if is_easy {
        let mut findings = match primary {
            "de" => leichte::check(&analysis, &config.plain),
            "en" => easyread::check(&analysis, &config.plain),
            _ => Vec::new(),
        };
        if let (Some(terms), Some(matcher)) =
            (glossary.get(&page.lang), matchers.get(page.lang.as_str()))
        {
            let has_page = glossary_page.is_some_and(|source| {
                site.slot(source, &page.lang, page.variant.as_deref())
                    .is_some()
            });
            findings.extend(unexplained_terms(&analysis, terms, matcher, has_page, page));
        }
        diags.extend(rules::report(
            findings,
            &analysis,
            &page.body,
            page.body_line,
            &page.file,
            &page.url,
        ));
    }
    let figures = PageReadability {
        file: page.file.to_string_lossy().replace('\\', "/"),
        url: page.url.clone(),
        lang: page.lang.clone(),
        variant: page.variant.clone(),
        sentences: analysis.counts.sentences,
        words: analysis.counts.words,
        syllables: analysis.counts.syllables,
        scores,
    };
    Some((figures, diags))
}

fn readability_warning(page: &Page, analysis: &Analysis, failing: &[&Score]) -> Diagnostic {
    let what: Vec<String> = failing
        .iter()
        .map(|s| match (s.min, s.max) {
            (Some(min), _) => format!(
                "{} {:.1} is below {min}",
                formulas::label(s.formula),
                s.value
            ),
            (_, Some(max)) => format!(
                "{} {:.1} is above {max}",
                formulas::label(s.formula),
                s.value
            ),
            _ => String::new(),
        })
        .collect();
    let variant = page.variant.as_deref().unwrap_or("original");
    let mut hint = String::from("rewrite the hardest sentences first:");
    for s in readability::hardest(analysis, &page.lang, 3) {
        let offset = analysis
            .units
            .get(s.unit)
            .map_or(0, |u| u.source_offset(s.range.start));
        let (line, _) = crate::diag::line_col(&page.body, offset);
        let text: String = analysis
            .sentence_text(s)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let _ = write!(hint, " line {}: „{}“;", page.body_line + line - 1, text);
    }
    hint.pop();
    Diagnostic::warning(
        "plain/readability",
        format!(
            "{} ({}, {variant}) is harder to read than the site allows: {}",
            page.file.display(),
            page.lang,
            what.join(", ")
        ),
    )
    .file(&page.file)
    .at(page.body_line, 1)
    .url(&page.url)
    .hint(hint)
}

/// `plain/glossary-unexplained`: a glossary term used on an easy page whose
/// explanation readers cannot reach — it has no easy explanation, or there
/// is no glossary page for the page's language and variant. (A term used
/// only in headings or in the text of links to other pages, where no
/// glossary link can be made, is not reported: those are mostly page
/// titles, and the linked page explains the term.)
fn unexplained_terms(
    analysis: &Analysis,
    terms: &[crate::glossary::Term],
    matcher: &Matcher,
    has_page: bool,
    page: &Page,
) -> Vec<Finding> {
    // Per term id: its first use.
    let mut seen: std::collections::BTreeMap<String, (usize, usize, String)> =
        std::collections::BTreeMap::new();
    for (index, unit) in analysis.units.iter().enumerate() {
        for m in matcher.find(&unit.text) {
            let word = unit.text.get(m.range.clone()).unwrap_or_default();
            seen.entry(m.id.clone())
                .or_insert_with(|| (index, m.range.start, word.to_string()));
        }
    }
    let mut out = Vec::new();
    for (id, (unit, at, word)) in seen {
        let Some(term) = terms.iter().find(|t| t.id == id) else {
            continue;
        };
        let problem = if term.easy.as_deref().is_none_or(|e| e.trim().is_empty()) {
            Some((
                format!(
                    "„{word}“ is a glossary word, but the glossary has no easy explanation for it"
                ),
                format!(
                    "add `easy = \"…\"` to the term `{id}` in glossary/{}.toml",
                    page.lang
                ),
            ))
        } else if !has_page {
            Some((
                format!(
                    "„{word}“ is a glossary word, but there is no glossary page in this language and variant"
                ),
                "add a glossary page for this variant (a page with template = \"glossary.html\")"
                    .into(),
            ))
        } else {
            None
        };
        if let Some((message, hint)) = problem {
            out.push(Finding {
                rule: "plain/glossary-unexplained",
                unit,
                at,
                message,
                hint,
                note: false,
            });
        }
    }
    out
}

/// The readability figures and variant coverage as text, for `check`.
pub fn render_text(report: &Report) -> String {
    let mut out = String::new();
    if !report.readability.is_empty() {
        out.push_str("readability (sentences, words, formulas):\n");
        for r in &report.readability {
            let scores: Vec<String> = r
                .scores
                .iter()
                .map(|s| {
                    let limit = match (s.min, s.max) {
                        (Some(min), _) => format!(" (min {min})"),
                        (_, Some(max)) => format!(" (max {max})"),
                        _ => String::new(),
                    };
                    let flag = if s.ok { "" } else { " ✗" };
                    format!("{} {:.1}{limit}{flag}", formulas::label(s.formula), s.value)
                })
                .collect();
            let _ = writeln!(
                out,
                "  {} [{}{}]: {} sentences, {} words; {}",
                r.file,
                r.lang,
                r.variant
                    .as_deref()
                    .map(|v| format!("/{v}"))
                    .unwrap_or_default(),
                r.sentences,
                r.words,
                scores.join(", ")
            );
        }
    }
    let coverage = coverage::render_text(&report.variants);
    if !coverage.is_empty() {
        out.push_str("pages without a variant:\n");
        out.push_str(&coverage);
    }
    out
}
