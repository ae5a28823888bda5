//! Audiences (docs/content/profiles.md): which pages a profile's build
//! includes, decided once, right after the pages are loaded and before
//! anything is made from them, so that every later stage sees only the
//! included pages.
//!
//! A page's audience is its own `audience`, else its section's (cascading
//! from `_index.md` down the folders), else `[build] default_audience`. A
//! translation or variant without `audience` has its original's; one that
//! names an audience its original (or a page its section) lacks is an
//! error at the key: a copy must never be more public than what it copies.
//!
//! What is left out is remembered ([`Excluded`]) for the link check and the
//! leak scan of the output (`crate::profile`).

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use crate::config::{ActiveProfile, Config};
use crate::diag::Diagnostic;

use super::Page;

/// A page a profile's build leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExcludedPage {
    pub source: String,
    /// The file, relative to the site root.
    pub file: PathBuf,
    /// The site path it would have had (`/de/intern/`).
    pub url: String,
    pub title: String,
}

/// Everything a profile's build leaves out, for the checks that nothing of
/// it reaches the output.
#[derive(Debug, Clone, Default)]
pub struct Excluded {
    pub pages: Vec<ExcludedPage>,
    /// Site paths of the left-out pages that no included page has (a
    /// left-out translation's address may be taken by a fallback page).
    pub urls: BTreeSet<String>,
    /// Titles of left-out pages that no included page has.
    pub titles: BTreeSet<String>,
    /// Files under content/ (content-relative, `/`-separated) that only
    /// left-out pages name: not copied.
    pub assets: BTreeSet<String>,
    /// The file names only left-out pages name ([`names_only_for`]): files
    /// under content/ and the site's static/ with these names are not copied.
    pub file_names: BTreeSet<String>,
}

impl Excluded {
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty() && self.assets.is_empty()
    }

    /// Sets `urls` and `titles`: those of the left-out pages that no
    /// address of the built site (`taken`) and no included page has.
    pub fn set_searched<'a>(
        &mut self,
        taken: impl Iterator<Item = &'a str>,
        included: &[Arc<Page>],
    ) {
        let taken: BTreeSet<&str> = taken.collect();
        let titles: BTreeSet<&str> = included.iter().map(|p| p.front.title.as_str()).collect();
        self.urls = self
            .pages
            .iter()
            .map(|p| p.url.clone())
            .filter(|u| !taken.contains(u.as_str()))
            .collect();
        self.titles = self
            .pages
            .iter()
            .map(|p| p.title.clone())
            .filter(|t| !t.is_empty() && !titles.contains(t.as_str()))
            .collect();
    }

    /// Whether the file at `path` is used only by left-out pages.
    pub fn holds_back(&self, path: &str) -> bool {
        let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
        self.file_names.contains(name)
    }

    /// Whether `source` has a left-out page (for `@/` links that found none).
    pub fn has_source(&self, source: &str) -> bool {
        self.pages.iter().any(|p| p.source == source)
    }
}

/// Which of `pages` (sorted by source, as `assemble` keeps them) the
/// profile includes. Pages with a faulty `audience` are left out and
/// reported.
pub fn included(
    config: &Config,
    profile: &ActiveProfile,
    pages: &[Arc<Page>],
    diags: &mut Vec<Diagnostic>,
) -> Vec<bool> {
    let known = config.audiences();
    let default = config.default_language.as_str();
    let by_address: HashMap<(&str, &str, Option<&str>), usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            (
                (p.source.as_str(), p.lang.as_str(), p.variant.as_deref()),
                i,
            )
        })
        .collect();
    let mut faulty = vec![false; pages.len()];
    // The audience of each page, once worked out.
    let mut memo: Vec<Option<Vec<String>>> = vec![None; pages.len()];
    for i in 0..pages.len() {
        effective(i, pages, &by_address, default, config, &mut memo);
    }
    for (i, page) in pages.iter().enumerate() {
        let Some(own) = &page.front.audience else {
            continue;
        };
        let at = |d: Diagnostic| match page.front.audience_at {
            Some((line, column)) => d.file(&page.file).at(line, column),
            None => d.file(&page.file),
        };
        if let Some(unknown) = own.iter().find(|a| !known.contains(a.as_str())) {
            let names: Vec<&str> = known.iter().copied().collect();
            diags.push(
                at(Diagnostic::error(
                    "content/unknown-audience",
                    format!("the audience `{unknown}` is in no profile of site.toml"),
                ))
                .hint(format!("known audiences: {}", names.join(", "))),
            );
            faulty[i] = true;
            continue;
        }
        let (wider, what) = match original(page, &by_address, default) {
            Some(o) => (memo[o].as_deref().unwrap_or_default(), "its original"),
            None => match section(page, &by_address, default) {
                Some(s) => (memo[s].as_deref().unwrap_or_default(), "its section"),
                None => continue,
            },
        };
        if let Some(more) = own.iter().find(|a| !wider.contains(a)) {
            diags.push(
                at(Diagnostic::error(
                    "content/audience-wider",
                    format!(
                        "the page is for `{more}`, but {what} is only for {}",
                        wider.join(", ")
                    ),
                ))
                .hint("a translation, variant or page of a section may only narrow the audience: remove the audience or give the same or fewer"),
            );
            faulty[i] = true;
        }
    }
    memo.into_iter()
        .zip(faulty)
        .map(|(audience, faulty)| {
            !faulty
                && audience
                    .unwrap_or_default()
                    .iter()
                    .any(|a| profile.settings.audiences.contains(a))
        })
        .collect()
}

/// The audience of page `i`: its own, else its original's, else its
/// section's, else the default; memoised in `memo`.
fn effective(
    i: usize,
    pages: &[Arc<Page>],
    by_address: &HashMap<(&str, &str, Option<&str>), usize>,
    default: &str,
    config: &Config,
    memo: &mut Vec<Option<Vec<String>>>,
) -> Vec<String> {
    if let Some(known) = &memo[i] {
        return known.clone();
    }
    let page = &pages[i];
    let audience = match &page.front.audience {
        Some(own) => own.clone(),
        None => match original(page, by_address, default)
            .or_else(|| section(page, by_address, default))
        {
            // Originals and sections are pages of other addresses: no cycle
            // (a section's section is its parent folder's).
            Some(from) => effective(from, pages, by_address, default, config, memo),
            None => config.build.default_audience.clone(),
        },
    };
    memo[i] = Some(audience.clone());
    audience
}

/// The page a translation or variant was made from (`Site::original_of`).
fn original(
    page: &Page,
    by_address: &HashMap<(&str, &str, Option<&str>), usize>,
    default: &str,
) -> Option<usize> {
    let candidates: &[Option<&str>] = match (&page.variant, page.lang == default) {
        (None, true) => return None,
        (Some(_), true) => &[None],
        (v, false) => &[v.as_deref(), None],
    };
    candidates.iter().find_map(|v| {
        by_address
            .get(&(page.source.as_str(), default, *v))
            .copied()
    })
}

/// The default-language `_index.md` of the section above `page`: its
/// folder's for a page, the parent folder's for a section.
fn section(
    page: &Page,
    by_address: &HashMap<(&str, &str, Option<&str>), usize>,
    default: &str,
) -> Option<usize> {
    let mut dir = page.dir.as_str();
    if page.is_section {
        if dir.is_empty() {
            return None;
        }
        dir = dir.rsplit_once('/').map_or("", |(parent, _)| parent);
    }
    let source = if dir.is_empty() {
        "_index.md".to_string()
    } else {
        format!("{dir}/_index.md")
    };
    by_address.get(&(source.as_str(), default, None)).copied()
}

/// The file names (`plan.pdf`, `ablauf.svg`) that left-out pages name in
/// their Markdown and no included page names anywhere in its own: the
/// files under content/ and the site's static/ with these names are used
/// only by pages this build leaves out, and are not copied.
pub fn names_only_for(included: &[Arc<Page>], excluded: &[Arc<Page>]) -> BTreeSet<String> {
    let mut names: BTreeSet<String> = excluded.iter().flat_map(|p| file_names(&p.body)).collect();
    names.retain(|name| !included.iter().any(|p| p.body.contains(name.as_str())));
    names
}

/// The last path segment of every link-like word of `body` that has a file
/// extension (`/intern/plan.pdf#s2` → `plan.pdf`).
fn file_names(body: &str) -> impl Iterator<Item = String> + '_ {
    body.split(|c: char| c.is_whitespace() || "\"'()<>[]".contains(c))
        .filter_map(|word| {
            let word = word.split(['#', '?']).next()?;
            let name = word.rsplit('/').next()?;
            let (stem, ext) = name.rsplit_once('.')?;
            let is_ext =
                (1..=5).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric());
            (!stem.is_empty() && is_ext).then(|| name.to_string())
        })
}

#[cfg(test)]
mod tests {
    use super::file_names;

    #[test]
    fn file_names_are_found_in_links_and_html() {
        let body = "![Plan](/intern/plan.pdf#s2) <img src=\"/bilder/ablauf.svg\"> z.B. und [x](@/leitbild.md).";
        let names: Vec<String> = file_names(body).collect();
        assert_eq!(names, ["plan.pdf", "ablauf.svg", "leitbild.md"]);
    }
}
