//! The leak guard of a profile's build (docs/content/profiles.md).
//!
//! `content::audience` leaves the pages outside the profile's audiences
//! out of the `Site` right after loading, so menus, lists, feeds, the
//! sitemap, alternates, the chooser, glossary links and reports never see
//! them. This module checks that nothing of them gets through anyway:
//! - [`check_links`]: a link in an included page's Markdown (or raw HTML)
//!   to a left-out page's URL is an error at its file:line:col (an `@/`
//!   link to one is found when the body is rendered: `link/excluded-page`);
//! - [`scan`]: after the build has written into its staging folder, and
//!   before that replaces the previous output, every file written is read
//!   ([`READERS`]: one row per kind of file) and searched for the left-out
//!   pages' URLs, titles and source paths; a file at a left-out page's
//!   address, or a left-out asset, is found by its path.
//!
//! It does not decide who may see what: that is `audience` in front matter
//! and `[profiles]` in site.toml.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;

use aho_corasick::AhoCorasick;

use crate::content::{Excluded, Site};
use crate::diag::Diagnostic;
use crate::theme::Asset;

/// Turns the bytes of one kind of output file into the bytes the scan
/// searches (UTF-8 text): the identity for text, a decoder for a
/// compressed or binary kind. The error says why the file cannot be read.
pub type Reader = fn(&[u8]) -> Result<Vec<u8>, String>;

/// How each kind of output file is read, by the ending of its name.
/// A kind not listed is searched as it is, byte for byte. A stage that
/// writes a compressed kind (a PDF, compressed search-index fragments)
/// adds its decoder here, so that the scan sees the text inside.
pub const READERS: &[(&str, Reader)] = &[
    (".html", utf8_text),
    (".xml", utf8_text),
    (".txt", utf8_text),
    (".css", utf8_text),
    (".js", utf8_text),
    (".json", utf8_text),
    (".svg", utf8_text),
    (".pdf", pdf_text),
    // The search index (`pagefind/`): gzip-compressed JSON and word lists.
    (".pf_fragment", gunzip),
    (".pf_index", gunzip),
    (".pf_filter", gunzip),
    (".pf_meta", gunzip),
];

/// Text files: searched as they are, once checked to be UTF-8.
pub fn utf8_text(bytes: &[u8]) -> Result<Vec<u8>, String> {
    std::str::from_utf8(bytes).map_err(|e| format!("it is not UTF-8 text: {e}"))?;
    Ok(bytes.to_vec())
}

/// A gzip-compressed file, as the search index writes it.
pub fn gunzip(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .map_err(|e| format!("it is not a gzip file: {e}"))?;
    Ok(out)
}

/// A PDF: its bytes as they are (link addresses, bookmark titles and
/// metadata are strings in the file), followed by every Flate-compressed
/// stream inflated (the structure tree's texts, object streams). Text set
/// on the page is glyph numbers, not letters: the PDF stage takes its
/// pages from the build's `Site` only, which holds no left-out page.
pub fn pdf_text(bytes: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = bytes.to_vec();
    let mut rest = bytes;
    while let Some(start) = memchr::memmem::find(rest, b"stream") {
        let body = &rest[start + b"stream".len()..];
        let body = body
            .strip_prefix(b"\r\n")
            .or_else(|| body.strip_prefix(b"\n"))
            .unwrap_or(body);
        let end = memchr::memmem::find(body, b"endstream").unwrap_or(body.len());
        let mut inflated = Vec::new();
        if flate2::read::ZlibDecoder::new(&body[..end])
            .read_to_end(&mut inflated)
            .is_ok()
        {
            out.push(b'\n');
            out.extend_from_slice(&inflated);
        }
        rest = body.get(end + b"endstream".len()..).unwrap_or_default();
    }
    Ok(out)
}

/// The reader for the output file `path`.
fn reader_for(path: &str, readers: &[(&str, Reader)]) -> Option<Reader> {
    readers
        .iter()
        .find(|(ending, _)| path.ends_with(ending))
        .map(|(_, r)| *r)
}

/// One thing that must not appear in the output: the text, what it is
/// (for the message), the file it comes from, and whether it must stand
/// alone as a word (titles) or as a path (URLs).
struct Needle {
    text: String,
    what: &'static str,
    file: String,
    word: bool,
}

/// The URLs, titles and paths of what the build leaves out.
fn needles(excluded: &Excluded) -> Vec<Needle> {
    let mut out = Vec::new();
    let file_of = |matches: &dyn Fn(&crate::content::ExcludedPage) -> bool| {
        excluded
            .pages
            .iter()
            .find(|p| matches(p))
            .map(|p| p.file.display().to_string())
            .unwrap_or_default()
    };
    for url in &excluded.urls {
        out.push(Needle {
            // Matched without the trailing slash, so `/de/intern` and
            // `/de/intern#a` are found too; `path_end` keeps `/de/intern-x`
            // and `/de/intern/x/` out.
            text: url.trim_end_matches('/').to_string(),
            what: "address",
            file: file_of(&|p| &p.url == url),
            word: false,
        });
    }
    for title in &excluded.titles {
        let file = file_of(&|p| &p.title == title);
        let escaped = crate::render::escape_html(title);
        if escaped != *title {
            out.push(Needle {
                text: escaped,
                what: "title",
                file: file.clone(),
                word: true,
            });
        }
        out.push(Needle {
            text: title.clone(),
            what: "title",
            file,
            word: true,
        });
    }
    for page in &excluded.pages {
        let path = page.file.to_string_lossy().replace('\\', "/");
        let in_content = path
            .strip_prefix(crate::content::CONTENT_DIR)
            .map_or(path.as_str(), |p| p.trim_start_matches('/'));
        if !out.iter().any(|n| n.text == in_content) {
            out.push(Needle {
                text: in_content.to_string(),
                what: "source file",
                file: path.clone(),
                word: false,
            });
        }
    }
    for asset in &excluded.assets {
        out.push(Needle {
            text: format!("/{asset}"),
            what: "file",
            file: format!("{}/{asset}", crate::content::CONTENT_DIR),
            word: false,
        });
    }
    out
}

/// Whether the match `at..end` in `haystack` is the whole needle as
/// `needle` wants it: a title not inside a longer word, an address or
/// path not inside a longer one (`/de/intern` followed by `/`, `#`, `"`,
/// an end, but not by `-x` or `/x`).
fn stands_alone(haystack: &[u8], at: usize, end: usize, needle: &Needle) -> bool {
    let word_byte = |b: u8| b.is_ascii_alphanumeric() || b >= 0x80;
    if needle.word {
        let before = at.checked_sub(1).and_then(|i| haystack.get(i));
        let after = haystack.get(end);
        return !before.is_some_and(|&b| word_byte(b)) && !after.is_some_and(|&b| word_byte(b));
    }
    let path_byte = |b: u8| word_byte(b) || matches!(b, b'-' | b'_' | b'.' | b'~' | b'%' | b'/');
    match haystack.get(end) {
        None => true,
        Some(b'/') => !haystack.get(end + 1).is_some_and(|&b| path_byte(b)),
        Some(&b) => !path_byte(b),
    }
}

/// A searcher over what the build leaves out; `None` when nothing is.
pub struct Guard {
    needles: Vec<Needle>,
    matcher: AhoCorasick,
    /// Output paths no file may have: the left-out pages' `index.html`
    /// and the left-out assets.
    paths: Vec<(String, usize)>,
}

impl Guard {
    /// A guard for what `excluded` leaves out and the static files
    /// `held_back` ([`hold_back`]); `None` when nothing is left out.
    pub fn new(excluded: &Excluded, held_back: &[String]) -> Option<Guard> {
        if excluded.is_empty() && held_back.is_empty() {
            return None;
        }
        let mut needles = needles(excluded);
        needles.extend(held_back.iter().map(|path| Needle {
            text: format!("/{path}"),
            what: "file",
            file: format!("static/{path}"),
            word: false,
        }));
        let matcher = AhoCorasick::new(needles.iter().map(|n| n.text.as_bytes())).ok()?;
        let mut paths = Vec::new();
        for (i, n) in needles.iter().enumerate() {
            match n.what {
                "address" => paths.push((
                    crate::render::index_path(&format!("{}/", n.text))
                        .trim_start_matches('/')
                        .to_string(),
                    i,
                )),
                "file" => paths.push((n.text.trim_start_matches('/').to_string(), i)),
                _ => {}
            }
        }
        Some(Guard {
            needles,
            matcher,
            paths,
        })
    }

    /// The leaks in `bytes`, the text of the output file `path`: each
    /// needle once per file, with its byte offset.
    fn find(&self, bytes: &[u8]) -> Vec<(usize, usize)> {
        let mut seen = vec![false; self.needles.len()];
        let mut found = Vec::new();
        for m in self.matcher.find_overlapping_iter(bytes) {
            let i = m.pattern().as_usize();
            if !seen[i] && stands_alone(bytes, m.start(), m.end(), &self.needles[i]) {
                seen[i] = true;
                found.push((i, m.start()));
            }
        }
        found
    }

    /// The finding for needle `i` found in the output file `path`.
    fn leak(&self, i: usize, path: &str, how: &str) -> Diagnostic {
        let n = &self.needles[i];
        Diagnostic::error(
            "profile/leak",
            format!(
                "the output file {path} {how} `{}`, the {} of {}, which this build leaves out",
                n.text, n.what, n.file
            ),
        )
        .file(&n.file)
        .hint("find what put it there (a link, a template, a copied file) and remove it; the previous output was kept")
    }

    /// Checks the output files `paths` (relative, `/`-separated) below
    /// `dir`, read with `readers`.
    pub fn scan(
        &self,
        dir: &Path,
        paths: &[String],
        readers: &[(&str, Reader)],
    ) -> Vec<Diagnostic> {
        use rayon::prelude::*;
        let mut diags: Vec<Diagnostic> = paths
            .par_iter()
            .flat_map_iter(|path| self.scan_file(dir, path, readers))
            .collect();
        diags.sort_by(|a, b| a.message.cmp(&b.message));
        diags
    }

    fn scan_file(&self, dir: &Path, path: &str, readers: &[(&str, Reader)]) -> Vec<Diagnostic> {
        let mut diags: Vec<Diagnostic> = self
            .paths
            .iter()
            .filter(|(p, _)| p == path)
            .map(|&(_, i)| self.leak(i, path, "is at"))
            .collect();
        let bytes = match std::fs::read(dir.join(path)) {
            Ok(b) => b,
            Err(e) => {
                diags.push(
                    Diagnostic::error(
                        "profile/unreadable",
                        format!("the leak scan cannot read the output file {path}: {e}"),
                    )
                    .hint("check the disk and the output folder's permissions"),
                );
                return diags;
            }
        };
        let text = match reader_for(path, readers) {
            Some(read) => match read(&bytes) {
                Ok(t) => t,
                Err(why) => {
                    diags.push(
                        Diagnostic::error("profile/unreadable", format!("the leak scan cannot read the output file {path}: {why}"))
                            .hint("report this as a bug of vielfalt: the build wrote a file its own scan cannot read"),
                    );
                    return diags;
                }
            },
            None => bytes,
        };
        diags.extend(
            self.find(&text)
                .into_iter()
                .map(|(i, _)| self.leak(i, path, "contains")),
        );
        diags
    }
}

/// `static_files` without the site's own (its `static/` folder) that only
/// left-out pages use ([`Excluded::holds_back`]); also returns their paths.
/// The theme's files are always copied: its templates use them.
pub fn hold_back(
    static_files: BTreeMap<String, Asset>,
    site: &Site,
) -> (BTreeMap<String, Asset>, Vec<String>) {
    if site.excluded.file_names.is_empty() {
        return (static_files, Vec::new());
    }
    let own = site.root.join("static");
    let mut held = Vec::new();
    let kept = static_files
        .into_iter()
        .filter(|(path, asset)| {
            let hold = matches!(asset, Asset::Disk(p) if p.starts_with(&own))
                && site.excluded.holds_back(path);
            if hold {
                held.push(path.clone());
            }
            !hold
        })
        .collect();
    (kept, held)
}

/// Links in the Markdown (and raw HTML) of the included pages to the
/// address of a left-out page: errors at their file:line:col.
pub fn check_links(site: &Site) -> Vec<Diagnostic> {
    let urls: Vec<String> = site
        .excluded
        .urls
        .iter()
        .map(|u| u.trim_end_matches('/').to_string())
        .collect();
    if urls.is_empty() {
        return Vec::new();
    }
    let Ok(matcher) = AhoCorasick::new(&urls) else {
        return Vec::new();
    };
    let address = |text: &str| Needle {
        text: text.to_string(),
        what: "address",
        file: String::new(),
        word: false,
    };
    let mut diags = Vec::new();
    for page in &site.pages {
        let body = page.body.as_bytes();
        for m in matcher.find_overlapping_iter(body) {
            let url = &urls[m.pattern().as_usize()];
            if !stands_alone(body, m.start(), m.end(), &address(url)) {
                continue;
            }
            let (line, column) = crate::diag::line_col(&page.body, m.start());
            diags.push(
                Diagnostic::error(
                    "link/excluded-page",
                    format!("the link to {url}/ leads to a page this build leaves out: it is not for the profile's audiences"),
                )
                .file(&page.file)
                .at(page.body_line + line - 1, column)
                .hint("remove the link, or give the target page this page's audiences"),
            );
        }
    }
    diags
}

/// What the site must still fill in for the build's profile, and the
/// profile's messages that do not exist.
pub fn check_profile(site: &Site, defined: &std::collections::BTreeSet<String>) -> Vec<Diagnostic> {
    let Some(profile) = &site.config.profile else {
        return site
            .pages
            .iter()
            .find(|p| p.front.audience.is_some())
            .map(|p| {
                Diagnostic::warning(
                    "config/no-profiles",
                    "pages name an `audience`, but site.toml has no [profiles]: every page is built",
                )
                .file(&p.file)
                .hint("add [profiles.NAME] tables to site.toml (docs/content/profiles.md), or remove `audience`")
            })
            .into_iter()
            .collect();
    };
    let name = &profile.name;
    let s = &profile.settings;
    let table = format!("profiles.{name}");
    let mut diags = Vec::new();
    for (key, id) in [
        ("banner", &s.banner),
        ("statement_scope", &s.statement_scope),
    ] {
        if !id.is_empty() && !defined.contains(id) {
            diags.push(
                Diagnostic::error(
                    "config/profile-message",
                    format!("the {key} message `{id}` of profile `{name}` is not in the default language's locales"),
                )
                .file(crate::config::CONFIG_FILE)
                .hint(format!("add `{id} = …` to locales/{}/site.ftl", site.config.default_language)),
            );
        }
    }
    let missing = [
        ("base_url", s.base_url.as_deref() == Some("")),
        ("contact_email", s.contact_email.as_deref() == Some("")),
        ("contact_url", s.contact_url.as_deref() == Some("")),
    ];
    for (key, empty) in missing {
        if empty {
            diags.push(
                Diagnostic::warning(
                    "config/profile-incomplete",
                    format!("[{table}] {key} is empty"),
                )
                .file(crate::config::CONFIG_FILE)
                .hint(format!(
                    "set {key} in [{table}] of site.toml to this build's value"
                )),
            );
        }
    }
    diags
}
