//! The build's own HTML lint: one lol_html pass per rendered page, run in
//! parallel while pages are written, plus site-wide checks over the small
//! facts each pass keeps (ids, internal links, titles: [`site`]).
//!
//! The pass ([`pass`]) keeps the stack of open elements the rules follow
//! and hands every element and every text node to the rules, grouped by
//! concern in `rules/`. Every rule has a row in [`registry`]: its stable
//! code, severity, the WCAG criterion it serves and the fix hint. Entities
//! in attribute values and text are decoded (htmlize) before a rule reads
//! them.
//!
//! What depends on the site's languages (expected scripts, word lists,
//! endonyms) is made once per build from `Config` into a [`Linter`] and
//! handed to each page's scan. A finding knows where in the page it is; when the page was
//! rendered from Markdown, the page's [`SourceMap`] turns that into the
//! line and column of the Markdown file.
//!
//! Not here: Markdown-level checks (`markdown`), plain language (`plain`).

mod pass;
pub mod registry;
mod rules;
mod script;
mod site;
mod words;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use unicode_script::Script;

use crate::config::Config;
use crate::diag::Diagnostic;
pub use crate::markdown::SourceMap;

pub use site::{check_links_of, check_site, duplicate_title, link_target};

/// A link on a page, as the site-wide checks need it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Link {
    /// The target as written (`/en/x/#a`, `#b`), entities decoded.
    pub href: String,
    /// The `hreflang` attribute, if any.
    pub hreflang: Option<String>,
    /// The language in effect at the link: its own `lang`, an ancestor's, or the page's.
    pub lang: String,
}

impl From<&str> for Link {
    fn from(href: &str) -> Self {
        Link {
            href: href.to_string(),
            ..Link::default()
        }
    }
}

/// What the site-wide checks need to know about one output page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Facts {
    pub url: String,
    pub file: Option<PathBuf>,
    /// The page's `<html lang>`.
    pub lang: String,
    pub ids: HashSet<String>,
    /// Links and stylesheets (`a[href]`, `link[rel=stylesheet]`).
    pub links: Vec<Link>,
    pub title: String,
}

/// One page for the lint: its bytes and address, the source file it was
/// rendered from and where in that file its body's elements come from.
#[derive(Debug, Clone, Copy)]
pub struct Page<'a> {
    pub html: &'a str,
    pub url: &'a str,
    pub file: Option<&'a Path>,
    pub map: Option<&'a SourceMap>,
}

/// The lint's knowledge of the site's languages, made once per build
/// ([`Linter::new`]) and shared by every page's scan. Languages a page
/// names that the site does not have are looked up during that page's scan.
#[derive(Debug, Default)]
pub struct Linter {
    languages: Vec<Language>,
    /// The languages' names, found in a text in one pass (`None` when the
    /// site has none); pattern `i` is the name of `languages[named[i]]`.
    names: Option<aho_corasick::AhoCorasick>,
    named: Vec<usize>,
}

/// What the lint knows of one language.
#[derive(Debug, Clone)]
struct Language {
    /// The tag as site.toml spells it.
    tag: String,
    /// Its name in itself (site.toml's `name`), as written.
    endonym: String,
    /// Its expected scripts (CLDR likely subtags); `None` when unknown.
    scripts: Option<Vec<Script>>,
    /// Its word lists; `None` when the lint has none (English only then).
    words: Option<words::Lists>,
}

impl Language {
    fn of(tag: &str, endonym: &str) -> Language {
        Language {
            tag: tag.to_string(),
            endonym: endonym.to_string(),
            scripts: script::expected_scripts(tag),
            words: words::lists(primary(tag)),
        }
    }
}

impl Linter {
    /// The lint for a site in `config`'s languages, and a note for each
    /// language the lint has no word lists for.
    pub fn new(config: &Config) -> (Linter, Vec<Diagnostic>) {
        let languages: Vec<Language> = config
            .languages
            .iter()
            .map(|l| Language::of(&l.key, &l.name))
            .collect();
        let notes = languages
            .iter()
            .filter(|l| l.words.is_none())
            .map(|l| {
                registry::diagnostic(
                    "lint/no-word-lists",
                    format!(
                        "the lint has no list of generic link texts, generic alt texts or new-window phrases for `{}`: its pages are checked against the English lists only",
                        l.tag
                    ),
                )
                .file(crate::config::CONFIG_FILE)
            })
            .collect();
        let named: Vec<usize> = (0..languages.len())
            .filter(|&i| !languages[i].endonym.trim().is_empty())
            .collect();
        let names = (!named.is_empty())
            .then(|| aho_corasick::AhoCorasick::new(named.iter().map(|&i| &languages[i].endonym)))
            .and_then(Result::ok);
        (
            Linter {
                languages,
                names,
                named,
            },
            notes,
        )
    }

    /// The site's languages whose name stands in `text` as a word of its
    /// own ([`rules::language`]), in the site's order.
    fn named_in(&self, text: &str) -> Vec<&Language> {
        let Some(names) = &self.names else {
            return Vec::new();
        };
        let mut found: Vec<usize> = names
            .find_overlapping_iter(text)
            .filter(|m| rules::stands_alone(text, m.start(), m.end()))
            .filter_map(|m| self.named.get(m.pattern().as_usize()).copied())
            .collect();
        found.sort_unstable();
        found.dedup();
        found
            .iter()
            .filter_map(|&i| self.languages.get(i))
            .collect()
    }

    /// The site's language `tag` (as written, any case), if it is one.
    fn language(&self, tag: &str) -> Option<&Language> {
        self.languages
            .iter()
            .find(|l| l.tag.eq_ignore_ascii_case(tag))
    }

    /// Scans one page. Returns its facts and the findings that need only
    /// this page.
    pub fn scan(&self, page: &Page<'_>) -> (Facts, Vec<Diagnostic>) {
        let (mut facts, findings) = pass::run(self, page.html, page.url);
        facts.file = page.file.map(Path::to_path_buf);
        let diags = findings
            .into_iter()
            .map(|f| {
                let mut d = registry::diagnostic(f.rule, f.message).url(page.url);
                d.file = page.file.map(Path::to_path_buf);
                if let Some((line, column)) = f.at.zip(page.map).and_then(|(at, m)| m.locate(at)) {
                    d = d.at(line, column);
                }
                d
            })
            .collect();
        (facts, diags)
    }
}

/// Scans one page with no site languages known beforehand (each language
/// the page names is looked up as it is met) and no source map.
pub fn scan(html: &str, url: &str, file: Option<&Path>) -> (Facts, Vec<Diagnostic>) {
    Linter::default().scan(&Page {
        html,
        url,
        file,
        map: None,
    })
}

/// A finding of one page: its rule, message, and where in the page it is
/// (a byte offset; `None` for what the page lacks as a whole).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub(crate) rule: &'static str,
    pub(crate) message: String,
    pub(crate) at: Option<usize>,
}

/// Decodes the character references of an attribute value, as a browser
/// reads them (`&amp;`, `&auml;`, `&#228;`).
pub fn decode_entities(value: &str) -> String {
    htmlize::unescape_attribute(value).into_owned()
}

/// The primary language subtag (`de` of `de-AT`), as written: compare
/// subtags with [`same_language`] (tags are case-insensitive).
fn primary(lang: &str) -> &str {
    match lang.find(['-', '_']) {
        Some(end) => lang.get(..end).unwrap_or(lang),
        None => lang,
    }
}

/// Whether two language tags have the same primary subtag (`de-AT` and
/// `DE`).
fn same_language(a: &str, b: &str) -> bool {
    primary(a).eq_ignore_ascii_case(primary(b))
}

#[cfg(test)]
mod tests;
