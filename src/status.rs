//! Translation status: for every page, language and variant, whether the
//! text is the original, current, outdated (its `source_hash` no longer
//! matches the original), not stamped (no `source_hash`), unreviewed
//! (`translation` set without `reviewed = true`) or missing — with what to
//! do about it. `check` prints it (text or JSON, docs/content/command-line.md),
//! `vielfalt status` writes it as one self-contained HTML page through the
//! theme's `status.html`, in the site's default language.
//!
//! Only the default-language page of a variant (else the base page) counts
//! as an original (`Site::original_of`); a variant row is shown for a page
//! only where that variant exists in at least one language.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt::Write as _;

use serde::Serialize;
use serde_json::{Value, json};

use crate::config::Config;
use crate::content::{Page, Site, Slot};
use crate::diag::Diagnostic;
use crate::render::Templates;

/// The state of one (page, language, variant) cell, most urgent last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum State {
    /// The text everything else is translated from.
    Original,
    Current,
    /// Translated or rewritten without a native speaker's review.
    Unreviewed,
    /// No `source_hash`: nobody recorded which version it was made from.
    Unstamped,
    /// The original changed since the translation was stamped.
    Outdated,
    Missing,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            State::Original => "original",
            State::Current => "current",
            State::Unreviewed => "unreviewed",
            State::Unstamped => "unstamped",
            State::Outdated => "outdated",
            State::Missing => "missing",
        }
    }

    fn label(self) -> &'static str {
        match self {
            State::Original => "original",
            State::Current => "current",
            State::Unreviewed => "not reviewed",
            State::Unstamped => "not stamped",
            State::Outdated => "outdated",
            State::Missing => "missing",
        }
    }
}

/// One cell of the matrix.
#[derive(Debug, Clone, Serialize)]
pub struct Cell {
    /// Source key: the default-language file under content/ (`leitbild.md`).
    pub source: String,
    /// The page's title in the default language (else any).
    pub title: String,
    pub lang: String,
    pub variant: Option<String>,
    pub state: State,
    /// The file of this text (for `missing`: the file to create).
    pub file: String,
    /// The file it is translated from (`null` for originals and where
    /// there is no original to translate from).
    pub original: Option<String>,
    /// What to do, in one sentence (`null` when nothing is to do).
    pub action: Option<String>,
}

/// Per-language counts.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Counts {
    pub lang: String,
    pub name: String,
    pub original: usize,
    pub current: usize,
    pub unreviewed: usize,
    pub unstamped: usize,
    pub outdated: usize,
    pub missing: usize,
    /// All cells of the language except originals.
    pub total: usize,
}

impl Counts {
    /// Cells that need no work, as a share of `total` (percent, rounded down).
    pub fn percent_current(&self) -> usize {
        (self.current * 100).checked_div(self.total).unwrap_or(100)
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Status {
    pub languages: Vec<Counts>,
    pub cells: Vec<Cell>,
}

/// Computes the matrix of a site.
pub fn compute(site: &Site) -> Status {
    let config = &site.config;
    let default = config.default_language.as_str();
    // Which sources have which variants, and which languages offer a
    // variant at all: a language without any Easy Read page is not
    // "missing" Easy Read translations (`check` lists pages lacking a
    // variant separately). Sets, so the matrix stays linear in pages.
    let mut source_variants: HashSet<(&str, &str)> = HashSet::new();
    let mut offered: HashSet<(&str, &str)> = HashSet::new();
    for p in &site.pages {
        if let Some(v) = p.variant.as_deref() {
            source_variants.insert((p.source.as_str(), v));
            offered.insert((p.lang.as_str(), v));
        }
    }
    let mut first_page: HashMap<&str, &Page> = HashMap::new();
    for p in &site.pages {
        first_page.entry(p.source.as_str()).or_insert(p);
    }
    let mut cells = Vec::new();
    for source in &site.sources {
        let Some(rep) = site
            .slot(source, default, None)
            .map(|(s, _)| site.pages[s.page()].as_ref())
            .or_else(|| first_page.get(source.as_str()).copied())
        else {
            continue;
        };
        let variants: Vec<Option<&str>> = std::iter::once(None)
            .chain(
                config
                    .variants
                    .iter()
                    .map(|v| v.key.as_str())
                    .filter(|v| source_variants.contains(&(source.as_str(), *v)))
                    .map(Some),
            )
            .collect();
        for variant in variants {
            for lang in &config.languages {
                let real = match site.slot(source, &lang.key, variant) {
                    Some((Slot::Real(i), _)) => site.pages.get(i).map(|p| p.as_ref()),
                    _ => None,
                };
                if real.is_none()
                    && let Some(v) = variant
                    && !offered.contains(&(lang.key.as_str(), v))
                {
                    continue;
                }
                cells.push(cell(site, source, rep, &lang.key, variant, real));
            }
        }
    }
    let mut languages: Vec<Counts> = config
        .languages
        .iter()
        .map(|l| Counts {
            lang: l.key.clone(),
            name: l.name.clone(),
            ..Counts::default()
        })
        .collect();
    for c in &cells {
        if let Some(counts) = languages.iter_mut().find(|l| l.lang == c.lang) {
            match c.state {
                State::Original => counts.original += 1,
                State::Current => counts.current += 1,
                State::Unreviewed => counts.unreviewed += 1,
                State::Unstamped => counts.unstamped += 1,
                State::Outdated => counts.outdated += 1,
                State::Missing => counts.missing += 1,
            }
            if c.state != State::Original {
                counts.total += 1;
            }
        }
    }
    Status { languages, cells }
}

fn cell(
    site: &Site,
    source: &str,
    rep: &Page,
    lang: &str,
    variant: Option<&str>,
    real: Option<&Page>,
) -> Cell {
    let default = site.config.default_language.as_str();
    let (state, file, original) = match real {
        Some(page) => {
            let original = site.original_of(page);
            let state = match original {
                None => State::Original,
                Some(o) => match page.front.source_hash.as_deref() {
                    Some(h) if h != o.content_hash => State::Outdated,
                    None => State::Unstamped,
                    Some(_)
                        if page.front.translation.is_some()
                            && page.front.reviewed != Some(true) =>
                    {
                        State::Unreviewed
                    }
                    Some(_) => State::Current,
                },
            };
            (
                state,
                page.file.display().to_string(),
                original.map(|o| o.file.display().to_string()),
            )
        }
        None => {
            // The file to create: STEM[.LANG][.VARIANT].md beside the source.
            let stem = source.strip_suffix(".md").unwrap_or(source);
            let mut name = format!("content/{stem}");
            if lang != default {
                name.push('.');
                name.push_str(lang);
            }
            if let Some(v) = variant {
                name.push('.');
                name.push_str(v);
            }
            name.push_str(".md");
            let original = [variant, None]
                .into_iter()
                .find_map(|v| match site.slot(source, default, v) {
                    Some((Slot::Real(i), _)) => site.pages.get(i).map(|p| p.as_ref()),
                    _ => None,
                })
                .filter(|o| !(o.lang == lang && o.variant.as_deref() == variant))
                .map(|o| o.file.display().to_string());
            (State::Missing, name, original)
        }
    };
    let action = match (state, &original) {
        (State::Outdated, Some(o)) => Some(format!(
            "update {file} to the current {o}, then run `vielfalt stamp {file}`"
        )),
        (State::Unstamped, Some(o)) => Some(format!(
            "compare {file} with {o}; when it matches, run `vielfalt stamp {file}`"
        )),
        (State::Unreviewed, _) => Some(format!(
            "have a native speaker review {file}, then set `reviewed = true` in its front matter"
        )),
        (State::Missing, Some(o)) => Some(format!(
            "translate {o} into {file}, then run `vielfalt stamp {file}`"
        )),
        (State::Missing, None) => Some(format!("write {file}")),
        _ => None,
    };
    Cell {
        source: source.to_string(),
        title: rep.front.title.clone(),
        lang: lang.to_string(),
        variant: variant.map(str::to_string),
        state,
        file,
        original,
        action,
    }
}

/// A `translation/outdated` warning for every outdated translation, at its
/// `source_hash` line.
pub fn diagnostics(site: &Site) -> Vec<Diagnostic> {
    outdated(site, site.pages.iter().map(|p| p.as_ref()))
}

/// [`diagnostics`] for some pages of the site only (`serve` re-checks the
/// pages of the sources an edit touched: whether a translation is outdated
/// depends only on it and its original, a page of the same source).
pub fn outdated<'p>(site: &Site, pages: impl Iterator<Item = &'p Page>) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for page in pages {
        let Some(original) = site.original_of(page) else {
            continue;
        };
        let Some(hash) = page.front.source_hash.as_deref() else {
            continue;
        };
        if hash == original.content_hash {
            continue;
        }
        let file = page.file.display().to_string();
        let segments = crate::l10n::changed_segments(&site.root, page, original)
            .map(|(changed, all)| {
                format!(" ({changed} of {all} segments changed since translation)")
            })
            .unwrap_or_default();
        let mut d = Diagnostic::warning(
            "translation/outdated",
            format!(
                "this text was made from an older version of {}{segments}; readers see an “outdated” notice",
                original.file.display()
            ),
        )
        .file(&page.file)
        .hint(format!(
            "bring it up to date with {}, then run `vielfalt stamp {file}`",
            original.file.display()
        ));
        let text = std::fs::read_to_string(site.root.join(&page.file)).unwrap_or_default();
        if let Some((i, line)) = text
            .lines()
            .enumerate()
            .find(|(_, l)| l.trim_start().starts_with("source_hash"))
        {
            let column = line.chars().take_while(|c| c.is_whitespace()).count() + 1;
            d = d.at(i + 1, column);
        }
        out.push(d);
    }
    out
}

/// The status for a terminal: one line per language, then what to do.
pub fn render_text(status: &Status) -> String {
    let mut out = String::from(
        "Translation status (current / outdated / not reviewed / not stamped / missing):\n",
    );
    for l in &status.languages {
        let _ = writeln!(
            out,
            "  {:<6} {:>4} current, {} outdated, {} not reviewed, {} not stamped, {} missing ({} %)",
            l.lang,
            l.current,
            l.outdated,
            l.unreviewed,
            l.unstamped,
            l.missing,
            l.percent_current()
        );
    }
    let mut todo: Vec<&Cell> = status.cells.iter().filter(|c| c.action.is_some()).collect();
    todo.sort_by(|a, b| {
        (&a.lang, std::cmp::Reverse(a.state), &a.file).cmp(&(
            &b.lang,
            std::cmp::Reverse(b.state),
            &b.file,
        ))
    });
    if !todo.is_empty() {
        out.push_str("To do:\n");
        let mut last = "";
        for c in todo {
            if c.lang != last {
                let _ = writeln!(out, "  {}:", c.lang);
                last = &c.lang;
            }
            let _ = writeln!(
                out,
                "    {:<12} {}",
                c.state.label(),
                c.action.as_deref().unwrap_or_default()
            );
        }
    }
    out
}

/// The staff report: the theme's `status.html` (a site overrides it like
/// any template) in the site's default language, its words from the
/// theme's `status-…` Fluent messages. Prepared here: the rows of the
/// matrix and the work list in two orders (by state, by language), so the
/// page is readable and sorted without JavaScript.
pub fn render_html(
    status: &Status,
    templates: &Templates,
    config: &Config,
    site_name: &str,
) -> Result<String, Diagnostic> {
    let default = config.default_language.as_str();
    let dir = config.language(default).map_or("ltr", |l| l.dir.as_str());
    let languages: Vec<Value> = status
        .languages
        .iter()
        .map(|l| {
            json!({
                "lang": l.lang, "name": l.name,
                "current": l.current, "outdated": l.outdated, "unreviewed": l.unreviewed,
                "unstamped": l.unstamped, "missing": l.missing, "total": l.total,
                "percent": l.percent_current(), "progress_max": l.total.max(1),
            })
        })
        .collect();
    let mut todo: Vec<&Cell> = status.cells.iter().filter(|c| c.action.is_some()).collect();
    todo.sort_by(|a, b| {
        (Reverse(a.state), &a.lang, &a.file).cmp(&(Reverse(b.state), &b.lang, &b.file))
    });
    let by_state = todo.clone();
    let lang_index = |lang: &str| {
        status
            .languages
            .iter()
            .position(|l| l.lang == lang)
            .unwrap_or(usize::MAX)
    };
    todo.sort_by(|a, b| {
        (lang_index(&a.lang), Reverse(a.state), &a.file).cmp(&(
            lang_index(&b.lang),
            Reverse(b.state),
            &b.file,
        ))
    });
    let context = json!({
        "lang": { "key": default, "dir": dir },
        "site": site_name,
        "states": [State::Original, State::Current, State::Unreviewed, State::Unstamped, State::Outdated, State::Missing],
        "languages": languages,
        "rows": matrix_rows(status),
        "by_state": by_state,
        "by_language": todo,
    });
    templates.render_standalone(default, "status.html", &context)
}

/// One row per page and variant, in site order: its title, source and
/// variant and each language's state (`null` where it has no cell).
fn matrix_rows(status: &Status) -> Vec<Value> {
    let mut rows: BTreeMap<(usize, Option<&str>), Vec<&Cell>> = BTreeMap::new();
    let mut order: HashMap<&str, usize> = HashMap::new();
    for c in &status.cells {
        let next = order.len();
        let i = *order.entry(c.source.as_str()).or_insert(next);
        rows.entry((i, c.variant.as_deref())).or_default().push(c);
    }
    rows.into_iter()
        .filter_map(|((_, variant), cells)| {
            let first = cells.first()?;
            let states: Vec<Option<State>> = status
                .languages
                .iter()
                .map(|l| cells.iter().find(|c| c.lang == l.lang).map(|c| c.state))
                .collect();
            Some(json!({
                "title": first.title, "source": first.source, "variant": variant, "states": states,
            }))
        })
        .collect()
}
