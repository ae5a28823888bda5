//! The content folder: file names, front matter and the `Site` model.
//!
//! `load` walks `content/`, parses every `STEM[.LANG][.VARIANT].md`, and
//! builds an immutable `Site`: every page with its language, variant and
//! URL, and an index from (source, language, variant) to pages so that
//! translations, variants, fallbacks and `@/` links are map lookups.
//! Markdown is not parsed here; rendering does that once per page.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::frontmatter::{self, Date, FrontMatter};

pub mod audience;

pub use audience::{Excluded, ExcludedPage};

pub const CONTENT_DIR: &str = "content";

/// One Markdown file of the site.
#[derive(Debug, Clone)]
pub struct Page {
    /// Source key: the content-relative path of the default-language file,
    /// `/`-separated (`leitbild.md`, `updates/_index.md`). All translations
    /// and variants of a page share it.
    pub source: String,
    /// Path of this file relative to the site root, for diagnostics.
    pub file: PathBuf,
    pub lang: String,
    pub variant: Option<String>,
    pub is_section: bool,
    /// Content-relative directory of the section the page belongs to
    /// (for a section: its own directory); `""` is the root section.
    pub dir: String,
    pub front: FrontMatter,
    pub body: String,
    /// 1-based line of the file on which `body` starts.
    pub body_line: usize,
    /// The date from front matter or, failing that, from a `YYYY-MM-DD-` file name.
    pub date: Option<Date>,
    /// Last path segment of the URL in this language.
    pub slug: String,
    /// Site path with a trailing slash, e.g. `/en/mission-statement/`.
    pub url: String,
    /// blake3 of title and body: what a translation's `source_hash` records.
    pub content_hash: String,
}

/// A (source, language, variant) address of a page.
pub type Key = (String, String, Option<String>);

/// What appears at a (source, language, variant) address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The page's own file in this language.
    Real(usize),
    /// No file in this language: the fallback language's page is shown
    /// in this language's interface.
    Fallback(usize),
}

impl Slot {
    pub fn page(self) -> usize {
        match self {
            Slot::Real(i) | Slot::Fallback(i) => i,
        }
    }
}

/// The whole site, built once and then only read.
#[derive(Debug)]
pub struct Site {
    pub root: PathBuf,
    pub config: Config,
    /// Shared, so that `serve` can assemble a new `Site` after an edit
    /// without copying every page (see `incremental`).
    pub pages: Vec<Arc<Page>>,
    /// Every address that is rendered, with its URL.
    pub slots: BTreeMap<Key, (Slot, String)>,
    /// Sources in order, with their directory: sections first, then by weight, date, title.
    pub sources: Vec<String>,
    /// Non-Markdown files under content/, copied as they are (content-relative).
    pub assets: Vec<PathBuf>,
    /// Sources of files that failed to load. Links to them are not reported
    /// again: the file's own error says what to fix.
    pub broken_sources: BTreeSet<String>,
    /// What the build's profile leaves out (`content::audience`): none of
    /// it is in `pages`, `slots` or `assets`. Empty without `[profiles]`.
    pub excluded: Excluded,
    /// `slots` grouped by source, for `slot()`.
    slot_index: HashMap<String, Vec<IndexedSlot>>,
}

#[derive(Debug)]
struct IndexedSlot {
    lang: String,
    variant: Option<String>,
    slot: Slot,
    url: String,
}

impl Site {
    pub fn slot(&self, source: &str, lang: &str, variant: Option<&str>) -> Option<(Slot, &str)> {
        // Through the per-source index: rendering asks this dozens of times
        // per page, and a `slots` lookup would allocate a key each time.
        self.slot_index
            .get(source)?
            .iter()
            .find(|e| e.lang == lang && e.variant.as_deref() == variant)
            .map(|e| (e.slot, e.url.as_str()))
    }

    /// Every page of a source (its translations and variants).
    pub fn pages_of(&self, source: &str) -> &[Arc<Page>] {
        pages_of_source(&self.pages, source)
    }

    /// Puts edited versions of pages in place of the old ones, when the
    /// edit leaves every address and URL of the site as it was: each page
    /// replaces a page of the same file with the same slug (file names fix
    /// source, language, variant and section; the slug the URLs below a
    /// section). Slots, URLs and the duplicate checks then stay as they
    /// are; only the order of sources may change (weight, date, title).
    /// Returns `false`, changing nothing, when an edit does more; the
    /// caller then assembles a new site (`assemble_site`).
    ///
    /// This is what keeps a one-page edit in `serve` independent of the
    /// size of the site.
    pub fn replace_pages(&mut self, edited: &[Arc<Page>]) -> bool {
        let mut places = Vec::with_capacity(edited.len());
        for new in edited {
            if self.config.profile.is_some() {
                // An edit may move pages between audiences (a section's
                // `audience` cascades): assembled anew.
                return false;
            }
            let Some((Slot::Real(i), url)) =
                self.slot(&new.source, &new.lang, new.variant.as_deref())
            else {
                return false;
            };
            let Some(old) = self.pages.get(i) else {
                return false;
            };
            if old.file != new.file
                || old.slug != new.slug
                || old.is_section != new.is_section
                || old.dir != new.dir
            {
                return false;
            }
            places.push((i, url.to_string()));
        }
        let mut reorder = false;
        for (new, (i, url)) in edited.iter().zip(places) {
            let mut page = Arc::clone(new);
            if page.url != url {
                Arc::make_mut(&mut page).url = url;
            }
            reorder |= sort_key(&self.pages[i]) != sort_key(&page);
            self.pages[i] = page;
        }
        if reorder {
            let default = self.config.default_language.clone();
            let sources = std::mem::take(&mut self.sources);
            self.sources = order_sources(sources, |s| match self.slot(s, &default, None) {
                Some((Slot::Real(i), _)) => self.pages.get(i).map(|p| p.as_ref()),
                _ => first_page(&self.pages, s),
            });
        }
        true
    }

    /// The page a translation or variant was made from: for a translation the
    /// default-language page of the same variant (else its base page); for a
    /// default-language variant the base page. `None` for originals.
    pub fn original_of(&self, page: &Page) -> Option<&Page> {
        let default = self.config.default_language.as_str();
        let candidates: Vec<Option<&str>> = match (&page.variant, page.lang == default) {
            (None, true) => return None,
            (Some(_), true) => vec![None],
            (v, false) => vec![v.as_deref(), None],
        };
        candidates
            .into_iter()
            .find_map(|v| match self.slot(&page.source, default, v) {
                Some((Slot::Real(i), _)) => self.pages.get(i).map(|p| p.as_ref()),
                _ => None,
            })
    }
}

/// A parsed content file name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileName {
    pub stem: String,
    pub lang: Option<String>,
    pub variant: Option<String>,
}

/// Parses `STEM[.LANG][.VARIANT].md` against the configured languages and
/// variants. The error is a message and a hint.
pub fn parse_file_name(name: &str, config: &Config) -> Result<FileName, (String, String)> {
    let Some(base) = name.strip_suffix(".md") else {
        return Err((
            format!("`{name}` is not a Markdown file"),
            "content pages end in `.md`".into(),
        ));
    };
    let mut parts = base.split('.');
    let stem = parts.next().unwrap_or_default();
    if stem.is_empty() || stem.trim() != stem {
        return Err((
            format!("`{name}` has no usable stem before its first dot"),
            "name the file STEM[.LANG][.VARIANT].md, e.g. leitbild.en.md".into(),
        ));
    }
    let mut lang = None;
    let mut variant = None;
    let languages = || {
        config
            .languages
            .iter()
            .map(|l| l.key.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let variants = || {
        let v: Vec<_> = config.variants.iter().map(|v| v.key.as_str()).collect();
        if v.is_empty() {
            "none configured".to_string()
        } else {
            v.join(", ")
        }
    };
    for part in parts {
        if config.language(part).is_some() && lang.is_none() && variant.is_none() {
            lang = Some(part.to_string());
        } else if config.variant(part).is_some() && variant.is_none() {
            variant = Some(part.to_string());
        } else if part.is_empty() {
            return Err((
                format!("`{name}` has an empty part between dots"),
                "name the file STEM[.LANG][.VARIANT].md without double dots".into(),
            ));
        } else if config.language(part).is_some() || config.variant(part).is_some() {
            return Err((
                format!("`{part}` is in the wrong place or repeated in `{name}`"),
                "the order is STEM.LANG.VARIANT.md, e.g. leitbild.en.easy.md".into(),
            ));
        } else {
            let all: Vec<&str> = config
                .languages
                .iter()
                .map(|l| l.key.as_str())
                .chain(config.variants.iter().map(|v| v.key.as_str()))
                .collect();
            let mean = crate::diag::suggest(part, all)
                .map(|s| format!("did you mean `{s}`? "))
                .unwrap_or_default();
            return Err((
                format!("`{part}` in `{name}` is neither a language nor a variant of site.toml"),
                format!(
                    "{mean}languages: {}; variants: {}. Add it to site.toml or rename the file",
                    languages(),
                    variants()
                ),
            ));
        }
    }
    Ok(FileName {
        stem: stem.to_string(),
        lang,
        variant,
    })
}

/// Makes a URL segment or heading id from text: lowercase, letters and
/// digits of every script kept (so Arabic, Cyrillic and Greek headings get
/// real ids), everything else folded into single dashes; in Unicode
/// normalisation form C, so that a folder name, a link and a decoded
/// request path spell a letter the same way.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars().flat_map(char::to_lowercase) {
        if is_slug_char(c) {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c);
        } else {
            pending_dash = true;
        }
    }
    match crate::uri::nfc(&out) {
        std::borrow::Cow::Borrowed(_) => out,
        std::borrow::Cow::Owned(normal) => normal,
    }
}

/// Letters, digits and combining marks of any script; not spaces, controls,
/// punctuation or symbols (ASCII, Latin-1, general and script punctuation).
fn is_slug_char(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    if c.is_alphanumeric() {
        return true;
    }
    let cp = c as u32;
    let punctuation = c.is_whitespace()
        || c.is_control()
        || (0x00A0..=0x00BF).contains(&cp) // Latin-1 punctuation and symbols
        || cp == 0x00D7
        || cp == 0x00F7
        || (0x2000..=0x206F).contains(&cp) // general punctuation, bidi controls
        || (0x20A0..=0x2BFF).contains(&cp) // currency, arrows, math, shapes
        || (0x3000..=0x303F).contains(&cp) // CJK punctuation
        || (0xFE30..=0xFE4F).contains(&cp)
        || (0xFF00..=0xFF0F).contains(&cp)
        || matches!(cp, 0x037E | 0x0387 | 0x055C..=0x055F | 0x0589 | 0x05BE | 0x05C0 | 0x05C3 | 0x060C | 0x060D | 0x061B | 0x061F | 0x066A..=0x066D | 0x06D4 | 0x0964 | 0x0965 | 0x1361..=0x1368 | 0xFEFF);
    // Remaining non-alphanumerics are mostly combining marks (Arabic harakat,
    // Indic vowel signs), which belong to the word.
    !punctuation
}

/// Splits a `YYYY-MM-DD-rest` stem into its date and the rest.
fn dated_stem(stem: &str) -> Option<(Date, &str)> {
    let date = Date::parse(stem.get(..10)?)?;
    let rest = stem.get(10..)?.strip_prefix('-')?;
    (!rest.is_empty()).then_some((date, rest))
}

/// Options that change which files become pages.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    pub drafts: bool,
}

/// Loads the content folder into a `Site`. Files with errors are left out
/// and reported; the site is still returned so that every error of a build
/// is found in one run.
pub fn load(root: &Path, config: Config, options: LoadOptions) -> (Site, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let content = root.join(CONTENT_DIR);
    let mut pages = Vec::new();
    let mut assets = Vec::new();
    let mut broken_sources = BTreeSet::new();
    let mut markdown_files: Vec<(PathBuf, PathBuf, String, String)> = Vec::new();
    if !content.is_dir() {
        diags.push(
            Diagnostic::error("content/missing", "the site has no content/ folder")
                .file(CONTENT_DIR)
                .hint("create content/_index.md with a `title` in its front matter"),
        );
    }
    let walker = walkdir::WalkDir::new(&content)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(e.file_name()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| relative(root, p))
                    .unwrap_or_else(|| PathBuf::from(CONTENT_DIR));
                diags.push(
                    Diagnostic::error("content/unreadable", format!("cannot read: {e}"))
                        .file(path)
                        .hint("check the file permissions"),
                );
                continue;
            }
        };
        let rel = relative(root, entry.path());
        if entry.path_is_symlink() {
            diags.push(
                Diagnostic::warning(
                    "content/symlink",
                    "symbolic link in content/ is not followed",
                )
                .file(&rel)
                .hint("copy the file into the site folder instead of linking to it"),
            );
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        let utf8_path = entry
            .path()
            .strip_prefix(&content)
            .is_ok_and(|p| p.to_str().is_some());
        let Some(name) = entry.file_name().to_str().filter(|_| utf8_path) else {
            diags.push(
                Diagnostic::error(
                    "content/file-name",
                    "the file or folder name is not valid UTF-8",
                )
                .file(&rel)
                .hint("rename the file (or its folder) using UTF-8 characters only"),
            );
            continue;
        };
        let in_content = entry.path().strip_prefix(&content).unwrap_or(entry.path());
        if !name.ends_with(".md") {
            assets.push(in_content.to_path_buf());
            continue;
        }
        let dir = in_content
            .parent()
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        markdown_files.push((entry.path().to_path_buf(), rel, name.to_string(), dir));
    }
    // Reading and parsing front matter is independent per file: done in
    // parallel (a large site has tens of thousands), merged in walk order
    // so that diagnostics and pages stay deterministic.
    let loaded: Vec<_> = markdown_files
        .par_iter()
        .map(|(path, rel, name, dir)| load_page(path, rel, name, dir, &config))
        .collect();
    for ((_, _, name, dir), result) in markdown_files.iter().zip(loaded) {
        match result {
            Ok(Some(page)) if page.front.draft && !options.drafts => {}
            Ok(Some(page)) => pages.push(Arc::new(page)),
            Ok(None) => {}
            Err(d) => {
                if let Ok(f) = parse_file_name(name, &config) {
                    broken_sources.insert(if dir.is_empty() {
                        format!("{}.md", f.stem)
                    } else {
                        format!("{dir}/{}.md", f.stem)
                    });
                }
                diags.push(d);
            }
        }
    }
    let mut site = assemble(root, config, pages, assets, &mut diags);
    site.broken_sources = broken_sources;
    (site, diags)
}

/// One file under `content/` as `load` sees it, for incremental rebuilds
/// (`serve` re-reads only the files that changed).
#[derive(Debug)]
pub enum Entry {
    Page(Box<Page>),
    /// A `draft = true` page left out of this build.
    Draft,
    /// A non-Markdown file, copied as it is (content-relative path).
    Asset(PathBuf),
    /// Not a file the build uses (ignored name, folder, vanished file).
    Skip,
    /// The file is left out; the source it would have been (for links).
    Error(Diagnostic, Option<String>),
    /// The file is left out with a warning (a symbolic link).
    Warning(Diagnostic),
}

/// Loads one file below `content/` (`path` absolute or relative to the
/// current folder), exactly as `load` treats it during its walk.
pub fn load_entry(root: &Path, path: &Path, config: &Config, options: LoadOptions) -> Entry {
    let content = root.join(CONTENT_DIR);
    let Ok(in_content) = path.strip_prefix(&content) else {
        return Entry::Skip;
    };
    if in_content.components().any(|c| is_ignored(c.as_os_str())) {
        return Entry::Skip;
    }
    let rel = relative(root, path);
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Entry::Skip;
    };
    if meta.file_type().is_symlink() {
        return Entry::Warning(
            Diagnostic::warning(
                "content/symlink",
                "symbolic link in content/ is not followed",
            )
            .file(&rel)
            .hint("copy the file into the site folder instead of linking to it"),
        );
    }
    if !meta.is_file() {
        return Entry::Skip;
    }
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return Entry::Error(
            Diagnostic::error("content/file-name", "the file name is not valid UTF-8")
                .file(&rel)
                .hint("rename the file using UTF-8 characters only"),
            None,
        );
    };
    if !name.ends_with(".md") {
        return Entry::Asset(in_content.to_path_buf());
    }
    let dir = in_content
        .parent()
        .map(|p| p.to_string_lossy().replace('\\', "/"))
        .unwrap_or_default();
    match load_page(path, &rel, name, &dir, config) {
        Ok(Some(page)) if page.front.draft && !options.drafts => Entry::Draft,
        Ok(Some(page)) => Entry::Page(Box::new(page)),
        Ok(None) => Entry::Skip,
        Err(d) => {
            let source = parse_file_name(name, config).ok().map(|f| {
                if dir.is_empty() {
                    format!("{}.md", f.stem)
                } else {
                    format!("{dir}/{}.md", f.stem)
                }
            });
            Entry::Error(d, source)
        }
    }
}

/// Builds a `Site` from pages loaded one by one (`load_entry`): URLs,
/// slots, order and the duplicate checks, as `load` does.
pub fn assemble_site(
    root: &Path,
    config: Config,
    pages: Vec<Arc<Page>>,
    assets: Vec<PathBuf>,
    broken_sources: BTreeSet<String>,
) -> (Site, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut site = assemble(root, config, pages, assets, &mut diags);
    site.broken_sources = broken_sources;
    (site, diags)
}

fn is_ignored(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.ends_with('~') || name.starts_with('#')
}

pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// `bytes` as a string if they are UTF-8.
pub fn string_from_utf8(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    String::from_utf8(bytes)
}

/// Reads and parses one Markdown file. URLs are filled in by `assemble`.
fn load_page(
    path: &Path,
    rel: &Path,
    name: &str,
    dir: &str,
    config: &Config,
) -> Result<Option<Page>, Diagnostic> {
    let file_name = parse_file_name(name, config).map_err(|(message, hint)| {
        Diagnostic::error("content/file-name", message)
            .file(rel)
            .hint(hint)
    })?;
    let bytes = std::fs::read(path).map_err(|e| {
        Diagnostic::error("content/unreadable", format!("cannot read the file: {e}"))
            .file(rel)
            .hint("check the file permissions")
    })?;
    let text = string_from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let valid = std::str::from_utf8(&e.as_bytes()[..offset]).unwrap_or_default();
        Diagnostic::error("content/encoding", "the file is not valid UTF-8")
            .file(rel)
            .at_offset(valid, offset)
            .hint("save the file as UTF-8 (without other encodings such as Latin-1 or UTF-16)")
    })?;
    if let Some(offset) = text.find('\0') {
        return Err(
            Diagnostic::error("content/encoding", "the file contains a NUL byte")
                .file(rel)
                .at_offset(&text, offset)
                .hint("remove the NUL character; is this really a Markdown text file?"),
        );
    }
    let split = frontmatter::split(&text).map_err(|(message, offset, hint)| {
        Diagnostic::error("frontmatter/invalid", message)
            .file(rel)
            .at_offset(&text, offset)
            .hint(hint)
    })?;
    let rel_str = rel.display().to_string();
    let front = frontmatter::parse(&text, &split, &rel_str)?;
    if front.title.trim().is_empty() {
        return Err(Diagnostic::error(
            "frontmatter/missing-title",
            "front matter: `title` is empty",
        )
        .file(rel)
        .at_offset(&text, split.front_offset)
        .hint("give the page a title; it becomes the page's h1 and <title>"));
    }
    let is_section = file_name.stem == "_index";
    let source = if dir.is_empty() {
        format!("{}.md", file_name.stem)
    } else {
        format!("{dir}/{}.md", file_name.stem)
    };
    let (stem_date, stem_slug) = match dated_stem(&file_name.stem) {
        Some((date, rest)) => (Some(date), rest),
        None => (None, file_name.stem.as_str()),
    };
    let slug = match &front.slug {
        Some(s) => slugify(s),
        None if is_section => slugify(dir.rsplit('/').next().unwrap_or_default()),
        None => slugify(stem_slug),
    };
    if slug.is_empty() && !(is_section && dir.is_empty()) {
        return Err(Diagnostic::error(
            "content/empty-slug",
            "the page's URL segment would be empty",
        )
        .file(rel)
        .hint("set `slug = \"…\"` with letters or digits in the front matter"));
    }
    let (body_line, _) = crate::diag::line_col(&text, split.body_offset);
    let mut hasher = blake3::Hasher::new();
    hasher.update(front.title.as_bytes());
    hasher.update(b"\n");
    hasher.update(split.body.as_bytes());
    let content_hash = hasher.finalize().to_hex()[..16].to_string();
    Ok(Some(Page {
        source,
        file: rel.to_path_buf(),
        lang: file_name
            .lang
            .unwrap_or_else(|| config.default_language.clone()),
        variant: file_name.variant,
        is_section,
        dir: dir.to_string(),
        date: front.date.or(stem_date),
        body: split.body.to_string(),
        body_line,
        slug,
        url: String::new(),
        content_hash,
        front,
    }))
}

/// Sources in site order: sections first, then by weight, date (newest
/// first) and title of the page that stands for the source, then by name.
/// A total order, so the result does not depend on the input order.
fn order_sources<'p>(
    sources: Vec<String>,
    representative: impl Fn(&str) -> Option<&'p Page>,
) -> Vec<String> {
    type SortKey<'p> = Option<(bool, i64, std::cmp::Reverse<Option<Date>>, &'p str)>;
    let mut keyed: Vec<(SortKey<'p>, String)> = sources
        .into_iter()
        .map(|s| (representative(&s).map(sort_key), s))
        .collect();
    keyed.sort();
    keyed.into_iter().map(|(_, s)| s).collect()
}

/// What orders a page's source among the others.
fn sort_key(p: &Page) -> (bool, i64, std::cmp::Reverse<Option<Date>>, &str) {
    (
        !p.is_section,
        p.front.weight.unwrap_or(i64::MAX),
        std::cmp::Reverse(p.date),
        p.front.title.as_str(),
    )
}

/// The first page of `source` in pages sorted by source.
fn first_page<'p>(pages: &'p [Arc<Page>], source: &str) -> Option<&'p Page> {
    pages_of_source(pages, source).first().map(|p| p.as_ref())
}

/// The pages of `source` in `pages` (sorted by source).
fn pages_of_source<'p>(pages: &'p [Arc<Page>], source: &str) -> &'p [Arc<Page>] {
    let start = pages.partition_point(|p| p.source.as_str() < source);
    let len = pages
        .get(start..)
        .unwrap_or_default()
        .partition_point(|p| p.source == source);
    pages.get(start..start + len).unwrap_or_default()
}

/// Indexes pages, computes URLs and fallback slots, and checks that no two
/// files claim the same address or URL.
fn assemble(
    root: &Path,
    config: Config,
    pages: Vec<Arc<Page>>,
    assets: Vec<PathBuf>,
    diags: &mut Vec<Diagnostic>,
) -> Site {
    let pages = sort_pages(&config, pages, diags);
    let (mut pages, mut excluded, assets) = match &config.profile {
        Some(profile) => {
            let include = audience::included(&config, profile, &pages, diags);
            leave_out(&config, pages, &include, assets)
        }
        None => (pages, Excluded::default(), assets),
    };
    let sources: BTreeSet<String> = pages.iter().map(|p| p.source.clone()).collect();
    let (urls, fallbacks) = page_urls(&config, &pages, &sources);
    for (page, url) in pages.iter_mut().zip(urls) {
        // Copies a shared page only when its URL really changed.
        if page.url != url {
            Arc::make_mut(page).url = url;
        }
    }
    let mut slots: BTreeMap<Key, (Slot, String)> = BTreeMap::new();
    for (i, p) in pages.iter().enumerate() {
        slots.insert(
            (p.source.clone(), p.lang.clone(), p.variant.clone()),
            (Slot::Real(i), p.url.clone()),
        );
    }
    for (key, i, url) in fallbacks {
        slots.insert(key, (Slot::Fallback(i), url));
    }
    check_unique_urls(&slots, &pages, diags);
    let default = config.default_language.as_str();
    let sources = order_sources(sources.into_iter().collect(), |s| {
        // The default-language page without a variant, else the first.
        let of_source = pages_of_source(&pages, s);
        of_source
            .iter()
            .find(|p| p.lang == default && p.variant.is_none())
            .or(of_source.first())
            .map(|p| p.as_ref())
    });
    if !excluded.is_empty() {
        excluded.set_searched(slots.values().map(|(_, url)| url.as_str()), &pages);
    }
    let slot_index = index_slots(&slots);
    Site {
        root: root.to_path_buf(),
        config,
        pages,
        slots,
        sources,
        assets,
        broken_sources: BTreeSet::new(),
        excluded,
        slot_index,
    }
}

/// Splits `pages` by `include` ([`audience::included`]): the kept pages,
/// what is left out (with the URLs the left-out pages and the fallbacks
/// shown from them would have had, computed over all pages), and the
/// assets still copied.
fn leave_out(
    config: &Config,
    pages: Vec<Arc<Page>>,
    include: &[bool],
    assets: Vec<PathBuf>,
) -> (Vec<Arc<Page>>, Excluded, Vec<PathBuf>) {
    let sources: BTreeSet<String> = pages.iter().map(|p| p.source.clone()).collect();
    let (urls, fallbacks) = page_urls(config, &pages, &sources);
    let mut excluded = Excluded::default();
    for ((page, url), keep) in pages.iter().zip(urls).zip(include) {
        if !keep {
            excluded.pages.push(ExcludedPage {
                source: page.source.clone(),
                file: page.file.clone(),
                url,
                title: page.front.title.clone(),
            });
        }
    }
    for ((source, _, _), shown, url) in fallbacks {
        if include.get(shown) == Some(&false) {
            excluded.pages.push(ExcludedPage {
                source,
                file: pages[shown].file.clone(),
                url,
                title: String::new(),
            });
        }
    }
    let (kept, left_out): (Vec<_>, Vec<_>) =
        pages.into_iter().zip(include).partition(|(_, keep)| **keep);
    let kept: Vec<Arc<Page>> = kept.into_iter().map(|(p, _)| p).collect();
    let left_out: Vec<Arc<Page>> = left_out.into_iter().map(|(p, _)| p).collect();
    excluded.file_names = audience::names_only_for(&kept, &left_out);
    let (held, assets): (Vec<PathBuf>, Vec<PathBuf>) = assets
        .into_iter()
        .partition(|a| excluded.holds_back(&a.to_string_lossy()));
    excluded.assets = held
        .iter()
        .map(|a| a.to_string_lossy().replace('\\', "/"))
        .collect();
    (kept, excluded, assets)
}

/// Pages in slot order (source, language in site.toml order, variant),
/// without the second file of an address claimed twice (`x.md` and
/// `x.de.md` in a German-default site), which is reported.
fn sort_pages(
    config: &Config,
    pages: Vec<Arc<Page>>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Arc<Page>> {
    let lang_order: HashMap<&str, usize> = config
        .languages
        .iter()
        .enumerate()
        .map(|(i, l)| (l.key.as_str(), i))
        .collect();
    // The language's position computed once per page, not per comparison.
    let mut keyed: Vec<(Option<usize>, Arc<Page>)> = pages
        .into_iter()
        .map(|p| (lang_order.get(p.lang.as_str()).copied(), p))
        .collect();
    keyed.sort_by(|(la, a), (lb, b)| (&a.source, la, &a.variant).cmp(&(&b.source, lb, &b.variant)));
    let mut pages: Vec<Arc<Page>> = keyed.into_iter().map(|(_, p)| p).collect();
    // Two files for one address (`x.md` and `x.de.md` in a German-default site).
    let mut keep = vec![true; pages.len()];
    {
        let mut seen: HashMap<(&str, &str, Option<&str>), usize> = HashMap::new();
        for (i, p) in pages.iter().enumerate() {
            let key = (p.source.as_str(), p.lang.as_str(), p.variant.as_deref());
            if let Some(&first) = seen.get(&key) {
                keep[i] = false;
                diags.push(
                    Diagnostic::error("content/duplicate-page", format!("`{}` and `{}` are the same page", pages[first].file.display(), p.file.display()))
                        .file(&p.file)
                        .hint("remove one of them; a file without a language suffix is in the default language"),
                );
            } else {
                seen.insert(key, i);
            }
        }
    }
    if keep.contains(&false) {
        let mut index = 0;
        pages.retain(|_| {
            index += 1;
            keep[index - 1]
        });
    }
    pages
}

/// The URL of every page, and the fallback slots (key, page shown, URL).
fn page_urls(
    config: &Config,
    pages: &[Arc<Page>],
    sources: &BTreeSet<String>,
) -> (Vec<String>, Vec<(Key, usize, String)>) {
    // Pages without a variant by (source, language): lookups without
    // allocating a key.
    let base: HashMap<(&str, &str), usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.variant.is_none())
        .map(|(i, p)| ((p.source.as_str(), p.lang.as_str()), i))
        .collect();
    // Slug of a directory in a language: its section page's slug in that
    // language, else in the default language, else the directory name.
    // Computed once per directory and language.
    let dir_slug = |dir: &str, lang: &str| -> String {
        let source = format!("{dir}/_index.md");
        let name = dir.rsplit('/').next().unwrap_or(dir);
        [lang, config.default_language.as_str()]
            .into_iter()
            .find_map(|l| base.get(&(source.as_str(), l)))
            .map_or_else(|| slugify(name), |&i| pages[i].slug.clone())
    };
    let mut dir_slugs: HashMap<(&str, &str), String> = HashMap::new();
    for p in pages {
        for (end, _) in p.dir.match_indices('/').chain([(p.dir.len(), "")]) {
            let dir = &p.dir[..end];
            if dir.is_empty() || dir_slugs.contains_key(&(dir, p.lang.as_str())) {
                continue;
            }
            for lang in &config.languages {
                dir_slugs.insert((dir, lang.key.as_str()), dir_slug(dir, &lang.key));
            }
        }
    }
    let url_for = |page: &Page, lang: &str, variant: Option<&str>| -> String {
        let mut url = format!("/{lang}/");
        if let Some(v) = variant.and_then(|v| config.variant(v)) {
            url.push_str(v.segment(lang));
            url.push('/');
        }
        // Each enclosing directory (`a`, `a/b`) by its slug; a section's
        // own directory is its slug.
        for (end, _) in page.dir.match_indices('/').chain([(page.dir.len(), "")]) {
            let prefix = &page.dir[..end];
            if prefix.is_empty() || page.is_section && prefix == page.dir {
                continue;
            }
            match dir_slugs.get(&(prefix, lang)) {
                Some(slug) => url.push_str(slug),
                None => url.push_str(&dir_slug(prefix, lang)),
            }
            url.push('/');
        }
        if !page.slug.is_empty() {
            url.push_str(&page.slug);
            url.push('/');
        }
        url
    };
    let urls: Vec<String> = pages
        .iter()
        .map(|p| url_for(p, &p.lang, p.variant.as_deref()))
        .collect();
    let mut fallbacks: Vec<(Key, usize, String)> = Vec::new();
    if config.build.fallback_pages {
        for source in sources {
            for lang in &config.languages {
                if base.contains_key(&(source.as_str(), lang.key.as_str())) {
                    continue;
                }
                let from = lang
                    .fallback
                    .iter()
                    .find_map(|f| base.get(&(source.as_str(), f.as_str())));
                if let Some(&i) = from {
                    // The URL takes the default language's slug, or the fallback's.
                    let shape = base
                        .get(&(source.as_str(), config.default_language.as_str()))
                        .copied()
                        .unwrap_or(i);
                    let url = url_for(&pages[shape], &lang.key, None);
                    fallbacks.push(((source.clone(), lang.key.clone(), None), i, url));
                }
            }
        }
    }
    (urls, fallbacks)
}

/// Two addresses with one URL would overwrite each other: reported.
fn check_unique_urls(
    slots: &BTreeMap<Key, (Slot, String)>,
    pages: &[Arc<Page>],
    diags: &mut Vec<Diagnostic>,
) {
    let mut by_url: BTreeMap<&str, &Key> = BTreeMap::new();
    for (key, (slot, url)) in slots {
        if let Some(other) = by_url.insert(url.as_str(), key) {
            let a = &pages[slots[other].0.page()];
            let b = &pages[slot.page()];
            diags.push(
                Diagnostic::error(
                    "content/duplicate-url",
                    format!(
                        "`{}` and `{}` would both be written to {url}",
                        a.file.display(),
                        b.file.display()
                    ),
                )
                .file(&b.file)
                .hint("give one of them a different `slug` in its front matter"),
            );
        }
    }
}

/// The slots of each source (`Site::slot`'s index).
fn index_slots(slots: &BTreeMap<Key, (Slot, String)>) -> HashMap<String, Vec<IndexedSlot>> {
    // `slots` is in source order: one key per source, not per slot.
    let mut slot_index: HashMap<String, Vec<IndexedSlot>> = HashMap::new();
    let mut group: Option<(&str, Vec<IndexedSlot>)> = None;
    for ((source, lang, variant), (slot, url)) in slots {
        let entry = IndexedSlot {
            lang: lang.clone(),
            variant: variant.clone(),
            slot: *slot,
            url: url.clone(),
        };
        match &mut group {
            Some((s, v)) if *s == source.as_str() => v.push(entry),
            _ => {
                if let Some((s, v)) = group.replace((source.as_str(), vec![entry])) {
                    slot_index.insert(s.to_string(), v);
                }
            }
        }
    }
    if let Some((s, v)) = group {
        slot_index.insert(s.to_string(), v);
    }
    slot_index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let (c, d) = crate::config::parse(
            "default_language = \"de\"\n[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\n\
             [languages.pt-BR]\nname = \"Português\"\n[variants.easy]\n",
        );
        assert!(d.is_empty(), "{d:?}");
        c.expect("config")
    }

    #[test]
    fn file_name_grammar() {
        let c = config();
        let ok = |n: &str| parse_file_name(n, &c).expect(n);
        assert_eq!(
            ok("leitbild.md"),
            FileName {
                stem: "leitbild".into(),
                lang: None,
                variant: None
            }
        );
        assert_eq!(ok("leitbild.en.md").lang.as_deref(), Some("en"));
        assert_eq!(ok("leitbild.easy.md").variant.as_deref(), Some("easy"));
        let both = ok("leitbild.en.easy.md");
        assert_eq!(
            (both.lang.as_deref(), both.variant.as_deref()),
            (Some("en"), Some("easy"))
        );
        assert_eq!(ok("x.pt-BR.md").lang.as_deref(), Some("pt-BR"));
        assert_eq!(ok("_index.en.md").stem, "_index");
        for bad in [
            "leitbild.fr.md",
            "leitbild.easy.en.md",
            "leitbild..md",
            ".md",
            "leitbild.en.en.md",
            "a.en.easy.x.md",
        ] {
            assert!(parse_file_name(bad, &c).is_err(), "{bad} must be refused");
        }
        let (message, hint) = parse_file_name("leitbild.eng.md", &c).expect_err("unknown");
        assert!(message.contains("`eng`"));
        assert!(hint.contains("did you mean `en`"), "{hint}");
    }

    #[test]
    fn slugs_keep_every_script() {
        assert_eq!(
            slugify("Die acht Umsetzungsschritte"),
            "die-acht-umsetzungsschritte"
        );
        assert_eq!(
            slugify("Grundsätze: „Vielfalt“ – 2026!"),
            "grundsätze-vielfalt-2026"
        );
        assert_eq!(slugify("الرؤية والمبادئ"), "الرؤية-والمبادئ");
        assert_eq!(slugify("Видение города"), "видение-города");
        assert_eq!(slugify("Όραμα"), "όραμα");
        // Decomposed (NFD) input gives the composed letters.
        assert_eq!(slugify("Ο\u{301}ραμα"), "όραμα");
        assert_eq!(slugify("Пи\u{306}ти"), "п\u{439}ти");
        assert_eq!(slugify("  --  "), "");
        assert_eq!(slugify("a\u{2068}b\u{2069}"), "a-b");
    }

    #[test]
    fn dated_stems() {
        assert_eq!(
            dated_stem("2026-11-24-online").map(|(d, s)| (d.iso(), s)),
            Some(("2026-11-24".into(), "online"))
        );
        assert_eq!(dated_stem("2026-11-24"), None);
        assert_eq!(dated_stem("leitbild"), None);
    }
}
