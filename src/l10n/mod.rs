//! Translation exchange: the site's texts as XLIFF or PO for translators'
//! tools, and their work back into the Markdown files (docs/content/translators.md).
//!
//! `export` cuts the default-language pages and their translations into
//! units (`units`), aligned block by block; `import` splices translated
//! units into `STEM.LANG.md` by byte range, so that everything else in the
//! file stays as it was, and stamps each unit with the hash of the source
//! it was made from (`source_segments`). Pages whose structure does not
//! align with their original are reported, never guessed. Variants (Leichte
//! Sprache, Einfache Sprache, Easy Read) are rewrites, not translations,
//! and are not exported.

pub mod front;
pub mod inline;
pub mod po;
pub mod resources;
pub mod tmx;
pub mod units;
pub mod xliff12;
pub mod xliff2;
mod xml;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::content::{self, LoadOptions, Page, Site, Slot};
use crate::diag::Diagnostic;
use crate::frontmatter::{self, FrontMatter};
use inline::Piece;
use units::{Kind, Unit};

/// An error that stops a command: exit code and message.
pub type Failure = (i32, String);

/// The exchange formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xliff2,
    Xliff12,
    Po,
}

/// A page file read for exchange.
pub struct PageText {
    /// Relative to the site root.
    pub file: PathBuf,
    pub text: String,
    pub front: FrontMatter,
    pub units: Vec<Unit>,
}

impl PageText {
    /// The unit with the same position key.
    pub fn unit(&self, key: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.key == key)
    }
}

/// Reads and cuts a page file (`file` relative to `root`). With `whole`
/// (a variant: Leichte Sprache, Easy Read, …) the body is one unit.
pub fn read_page(root: &Path, file: &Path, whole: bool) -> Result<PageText, Diagnostic> {
    let text = std::fs::read_to_string(root.join(file)).map_err(|e| {
        Diagnostic::error("l10n/unreadable", format!("cannot read the file: {e}"))
            .file(file)
            .hint("check that it exists and is UTF-8")
    })?;
    page_text(file, text, whole)
}

/// Cuts a page's text into units.
pub fn page_text(file: &Path, text: String, whole: bool) -> Result<PageText, Diagnostic> {
    let split = frontmatter::split(&text).map_err(|(message, offset, hint)| {
        Diagnostic::error("frontmatter/invalid", message)
            .file(file)
            .at_offset(&text, offset)
            .hint(hint)
    })?;
    let front = frontmatter::parse(&text, &split, &file.display().to_string())?;
    let units = if whole {
        units::document_units(
            &text,
            split.body_offset,
            &front.title,
            front.description.as_deref(),
        )
    } else {
        units::page_units(
            &text,
            split.body_offset,
            &front.title,
            front.description.as_deref(),
        )
    };
    Ok(PageText {
        file: file.to_path_buf(),
        text,
        front,
        units,
    })
}

/// The unit's id in exchange files: position key and source hash (`b12.3fa2c1d9`).
pub fn unit_id(unit: &Unit) -> String {
    format!("{}.{}", unit.key, unit.hash())
}

/// A translation's stamps, in the original's unit order.
pub fn stamps(front: &FrontMatter) -> Option<Vec<&str>> {
    front
        .source_segments
        .as_deref()
        .map(|s| s.split_whitespace().collect())
}

/// How many of the original's units changed since the translation was
/// stamped unit by unit: `(changed, all)`; `None` without stamps.
pub fn changed_segments(root: &Path, page: &Page, original: &Page) -> Option<(usize, usize)> {
    let stamps = stamps(&page.front)?;
    let original = read_page(root, &original.file, original.variant.is_some()).ok()?;
    let changed = original
        .units
        .iter()
        .enumerate()
        .filter(|(i, u)| stamps.get(*i).is_none_or(|s| *s != u.hash()))
        .count();
    Some((changed, original.units.len()))
}

/// The exchange document: every unit of the site for one language.
pub struct Doc {
    pub src_lang: String,
    pub trg_lang: String,
    pub pages: Vec<DocPage>,
}

pub struct DocPage {
    /// The source key (`leitbild.md`, `updates/_index.md`).
    pub source: String,
    /// The original's file and the translation's, relative to the site root.
    pub original: String,
    pub target: String,
    pub units: Vec<DocUnit>,
}

pub struct DocUnit {
    pub id: String,
    pub kind: Kind,
    /// For the translator: kind, page, URL, the text before.
    pub context: String,
    pub source: Vec<Piece>,
    pub target: Option<Vec<Piece>>,
    pub reviewed: bool,
}

/// What a translator's file brings back.
#[derive(Default)]
pub struct Incoming {
    pub src_lang: Option<String>,
    pub trg_lang: Option<String>,
    pub units: Vec<InUnit>,
}

pub struct InUnit {
    /// The source key of the page.
    pub page: String,
    pub id: String,
    /// The translated Markdown (`None`: not translated).
    pub target: Option<String>,
    pub reviewed: bool,
    /// 1-based line in the exchange file.
    pub line: usize,
}

/// Loads site.toml and the content.
fn load_site(root: &Path) -> Result<Site, Failure> {
    let (config, diags) = crate::config::load(root);
    let Some(config) = config else {
        return Err((1, crate::diag::render_text(&diags)));
    };
    let (site, _) = content::load(root, config, LoadOptions { drafts: false });
    Ok(site)
}

fn check_lang(site: &Site, lang: &str) -> Result<(), Failure> {
    let default = &site.config.default_language;
    if lang == default {
        return Err((
            2,
            format!(
                "{lang} is the default language: its pages are the originals, there is nothing to translate into it"
            ),
        ));
    }
    if !site.config.languages.iter().any(|l| l.key == lang) {
        let keys: Vec<&str> = site
            .config
            .languages
            .iter()
            .filter(|l| &l.key != default)
            .map(|l| l.key.as_str())
            .collect();
        return Err((
            2,
            format!(
                "{lang} is not a language of this site (site.toml has: {})",
                keys.join(", ")
            ),
        ));
    }
    Ok(())
}

/// An original and its translation, where there is one.
type Pair<'s> = (&'s Page, Option<&'s Page>);

/// The original of each source and its translation into `lang`, where there is one.
fn pairs<'s>(site: &'s Site, lang: &str, variant: Option<&str>) -> Vec<Pair<'s>> {
    let default = &site.config.default_language;
    site.sources
        .iter()
        .filter_map(|source| {
            let Some((Slot::Real(i), _)) = site.slot(source, default, variant) else {
                return None;
            };
            let translation = match site.slot(source, lang, variant) {
                Some((Slot::Real(j), _)) => site.pages.get(j).map(|p| p.as_ref()),
                _ => None,
            };
            Some((site.pages.get(i)?.as_ref(), translation))
        })
        .collect()
}

/// The file a translation into `lang` of `original` has.
fn translation_file(original: &Path, lang: &str, variant: Option<&str>) -> PathBuf {
    let name = original
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let stem = name.strip_suffix(".md").unwrap_or(name);
    match variant {
        Some(v) => {
            let stem = stem.strip_suffix(&format!(".{v}")).unwrap_or(stem);
            original.with_file_name(format!("{stem}.{lang}.{v}.md"))
        }
        None => original.with_file_name(format!("{stem}.{lang}.md")),
    }
}

fn slash(path: &Path) -> String {
    path.to_string_lossy().replace('\\', "/")
}

/// A structure mismatch, as a diagnostic.
fn misaligned(original: &PageText, translation: &PageText, what: &str) -> Diagnostic {
    let count = |p: &PageText| p.units.iter().filter(|u| u.range.is_some()).count();
    Diagnostic::warning(
        "l10n/not-aligned",
        format!(
            "the blocks of this translation do not match {} ({} blocks here, {} there): {what}",
            original.file.display(),
            count(translation),
            count(original)
        ),
    )
    .file(&translation.file)
    .hint("give it the same headings, paragraphs, list items and table cells as the original, in the same order")
}

/// Every unit of the site for `lang` (with `changed`: only those whose
/// source changed since the translation was stamped, or that have none).
/// With `variant`, the pages of that variant instead, one unit per body.
pub fn export(
    root: &Path,
    lang: &str,
    changed: bool,
    variant: Option<&str>,
) -> Result<(Doc, Vec<Diagnostic>), Failure> {
    let site = load_site(root)?;
    check_lang(&site, lang)?;
    if let Some(v) = variant
        && !site.config.variants.iter().any(|x| x.key == v)
    {
        return Err((
            2,
            format!("{v} is not a variant of this site ([variants] in site.toml)"),
        ));
    }
    let whole = variant.is_some();
    let mut diags = Vec::new();
    let mut pages = Vec::new();
    for (original, translation) in pairs(&site, lang, variant) {
        let orig = match read_page(root, &original.file, whole) {
            Ok(p) => p,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let trans = match translation
            .map(|t| read_page(root, &t.file, whole))
            .transpose()
        {
            Ok(t) => t,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        if let Some(t) = &trans
            && !units::aligned(&orig.units, &t.units)
        {
            diags.push(misaligned(&orig, t, "its units are not exported"));
            continue;
        }
        let target_file = translation.map_or_else(
            || translation_file(&original.file, lang, variant),
            |t| t.file.clone(),
        );
        let stamps = trans.as_ref().and_then(|t| stamps(&t.front));
        let is_current = trans
            .as_ref()
            .is_some_and(|t| t.front.source_hash.as_deref() == Some(&original.content_hash));
        let reviewed = trans
            .as_ref()
            .is_some_and(|t| t.front.reviewed == Some(true));
        let mut doc_units = Vec::new();
        for (i, unit) in orig.units.iter().enumerate() {
            let target = trans.as_ref().and_then(|t| t.unit(&unit.key));
            let unit_changed = match (&target, &stamps) {
                (None, _) => true,
                (Some(_), Some(s)) => s.get(i).is_none_or(|s| *s != unit.hash()),
                (Some(_), None) => !is_current,
            };
            if changed && !unit_changed {
                continue;
            }
            let before = i
                .checked_sub(1)
                .and_then(|j| orig.units.get(j))
                .map(|u| format!("; after: {}", shorten(&u.text, 80)))
                .unwrap_or_default();
            doc_units.push(DocUnit {
                id: unit_id(unit),
                kind: unit.kind,
                context: format!(
                    "{} of “{}” ({}){before}",
                    unit.kind.as_str(),
                    orig.front.title,
                    original.url
                ),
                source: unit.pieces.clone(),
                target: target.map(|t| t.pieces.clone()),
                reviewed,
            });
        }
        if !doc_units.is_empty() {
            pages.push(DocPage {
                source: match variant {
                    Some(v) => format!("{}@{v}", original.source),
                    None => original.source.clone(),
                },
                original: slash(&original.file),
                target: slash(&target_file),
                units: doc_units,
            });
        }
    }
    let resources = if whole {
        Vec::new()
    } else {
        resources::originals(root, &site.config.default_language)
    };
    for (kind, original) in resources {
        match resource_page(root, kind, &original, lang, changed) {
            Ok(Some(page)) => pages.push(page),
            Ok(None) => {}
            Err(d) => diags.push(d),
        }
    }
    Ok((
        Doc {
            src_lang: site.config.default_language.clone(),
            trg_lang: lang.to_string(),
            pages,
        },
        diags,
    ))
}

/// Reads a glossary or Fluent file and cuts it into units.
fn read_resource(
    root: &Path,
    kind: resources::Resource,
    file: &Path,
) -> Result<(String, Vec<Unit>), Diagnostic> {
    let text = std::fs::read_to_string(root.join(file)).map_err(|e| {
        Diagnostic::error("l10n/unreadable", format!("cannot read the file: {e}")).file(file)
    })?;
    let units = resources::units(kind, &text).map_err(|m| {
        Diagnostic::error("l10n/unreadable", m)
            .file(file)
            .hint("repair the file; `vielfalt check` names the problem")
    })?;
    Ok((text, units))
}

/// The units of a glossary or Fluent file for export (`None`: nothing to send).
fn resource_page(
    root: &Path,
    kind: resources::Resource,
    original: &Path,
    lang: &str,
    changed: bool,
) -> Result<Option<DocPage>, Diagnostic> {
    let (_, units) = read_resource(root, kind, original)?;
    let target_file = resources::target_file(kind, original, lang);
    let targets = if root.join(&target_file).is_file() {
        read_resource(root, kind, &target_file)?.1
    } else {
        Vec::new()
    };
    let doc_units: Vec<DocUnit> = units
        .iter()
        .filter_map(|unit| {
            let target = targets.iter().find(|t| t.key == unit.key);
            // These files have no stamps: what changed is what is missing.
            if changed && target.is_some() {
                return None;
            }
            Some(DocUnit {
                id: unit_id(unit),
                kind: unit.kind,
                context: format!(
                    "{} `{}` in {}",
                    unit.kind.as_str(),
                    unit.key,
                    slash(original)
                ),
                source: unit.pieces.clone(),
                target: target.map(|t| t.pieces.clone()),
                reviewed: false,
            })
        })
        .collect();
    Ok((!doc_units.is_empty()).then(|| DocPage {
        source: slash(original),
        original: slash(original),
        target: slash(&target_file),
        units: doc_units,
    }))
}

/// The new text of a glossary or Fluent file, `None` when nothing changes.
fn import_resource(
    root: &Path,
    kind: resources::Resource,
    original: &Path,
    lang: &str,
    in_units: &[&InUnit],
    file: &Path,
) -> Result<Option<(PathBuf, String)>, Vec<Diagnostic>> {
    let (_, units) = read_resource(root, kind, original).map_err(|d| vec![d])?;
    let targets = match_units(&units, in_units, file)?;
    let path = resources::target_file(kind, original, lang);
    let (old, old_units) = if root.join(&path).is_file() {
        read_resource(root, kind, &path).map_err(|d| vec![d])?
    } else {
        (String::new(), Vec::new())
    };
    let mut replacements: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut appended = String::new();
    let mut errors = Vec::new();
    for (i, u) in &targets {
        let Some(target) = &u.target else { continue };
        let source = &units[*i];
        if kind == resources::Resource::Fluent
            && source.kind == Kind::Message
            && let Some(what) = inline::compare(
                &source.pieces,
                &resources::units(kind, &format!("x = {target}\n"))
                    .unwrap_or_default()
                    .first()
                    .map(|u| u.pieces.clone())
                    .unwrap_or_default(),
            )
        {
            errors.push(
                Diagnostic::error(
                    "l10n/import",
                    format!(
                        "unit {} of {}: the placeholders do not match the source: {what}",
                        u.id, u.page
                    ),
                )
                .file(file)
                .at(u.line, 1)
                .hint("keep every `{ … }` placeable of the source exactly once"),
            );
            continue;
        }
        match old_units.iter().find(|o| o.key == source.key) {
            Some(o) if o.text == *target => {}
            Some(o) => replacements.push((
                o.range.clone().unwrap_or_default(),
                resources::literal(kind, target),
            )),
            None if kind == resources::Resource::Fluent => {
                appended.push_str(&resources::appended(kind, &source.key, target, ""));
            }
            None => {
                // A new glossary entry needs its term and its explanation.
                let Some((id, "term")) = source.key.rsplit_once(':') else {
                    continue;
                };
                let explanation = targets
                    .values()
                    .find(|e| e.id.starts_with(&format!("{id}:explanation.")));
                match explanation.and_then(|e| e.target.as_deref()) {
                    Some(x) => appended.push_str(&resources::appended(kind, id, target, x)),
                    None => errors.push(
                        Diagnostic::error("l10n/incomplete", format!("the glossary entry `{id}` is new in {}: it needs a translated explanation too", path.display()))
                            .file(file)
                            .at(u.line, 1)
                            .hint(format!("translate the unit `{id}:explanation` as well")),
                    ),
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut text = old.clone();
    replacements.sort_by_key(|(r, _)| std::cmp::Reverse(r.start));
    for (range, value) in replacements {
        text.replace_range(range, &value);
    }
    if !appended.is_empty() {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        text.push_str(&appended);
    }
    if text == old {
        return Ok(None);
    }
    resources::validate(kind, &text).map_err(|m| {
        vec![
            Diagnostic::error(
                "l10n/import",
                format!("{} is not written: {m}", path.display()),
            )
            .file(file)
            .hint("a translation broke the file's syntax; compare it with the source"),
        ]
    })?;
    Ok(Some((path, text)))
}

fn shorten(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    match line.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &line[..i]),
        None => line.to_string(),
    }
}

/// Writes a document in a format.
pub fn write(doc: &Doc, format: Format) -> String {
    match format {
        Format::Xliff2 => xliff2::write(doc),
        Format::Xliff12 => xliff12::write(doc),
        Format::Po => po::write(doc),
    }
}

/// What `import` did.
#[derive(Debug, Default)]
pub struct Imported {
    /// Files written, relative to the site root.
    pub written: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Reads a translator's file and writes its translations into the pages.
/// A page with any error is not written; the others are.
pub fn import(root: &Path, file: &Path) -> Result<Imported, Failure> {
    let site = load_site(root)?;
    let data =
        std::fs::read(file).map_err(|e| (1, format!("cannot read {}: {e}", file.display())))?;
    let text = String::from_utf8(data).map_err(|_| {
        (
            1,
            format!("{} is not UTF-8: save it as UTF-8", file.display()),
        )
    })?;
    let is_po = file.extension().is_some_and(|e| e == "po" || e == "pot")
        || !text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('<');
    let incoming = if is_po {
        po::read(&text, file)
    } else if text.contains("urn:oasis:names:tc:xliff:document:1.2") {
        xliff12::read(&text, file)
    } else {
        xliff2::read(&text, file)
    };
    let incoming = match incoming {
        Ok(i) => i,
        Err(d) => {
            return Ok(Imported {
                written: Vec::new(),
                diagnostics: vec![d],
            });
        }
    };
    let at = |line: usize| Diagnostic::error("l10n/import", "").file(file).at(line, 1);
    let Some(lang) = incoming.trg_lang.clone() else {
        return Ok(Imported {
            written: Vec::new(),
            diagnostics: vec![
                Diagnostic {
                    message: "the file does not say which language it is in".into(),
                    ..at(1)
                }
                .hint("export it again with `vielfalt l10n export --lang LANG`"),
            ],
        });
    };
    if let Some(src) = &incoming.src_lang
        && src != &site.config.default_language
    {
        return Err((
            1,
            format!(
                "{}: its source language is {src}, but this site's originals are in {}",
                file.display(),
                site.config.default_language
            ),
        ));
    }
    check_lang(&site, &lang).map_err(|(_, m)| {
        (
            1,
            format!(
                "{}: the file is for the wrong language: {m}",
                file.display()
            ),
        )
    })?;
    let mut by_page: BTreeMap<&str, Vec<&InUnit>> = BTreeMap::new();
    for u in &incoming.units {
        by_page.entry(u.page.as_str()).or_default().push(u);
    }
    let mut out = Imported::default();
    let resources = resources::originals(root, &site.config.default_language);
    // The pages of each variant (and of none), by source.
    let mut by_source: BTreeMap<Option<&str>, BTreeMap<&str, Pair>> = BTreeMap::new();
    for (source, in_units) in by_page {
        if let Some((kind, original)) = resources.iter().find(|(_, p)| slash(p) == source) {
            let result = import_resource(root, *kind, original, &lang, &in_units, file);
            write_result(root, result, &mut out);
            continue;
        }
        let (source, variant) = match source.split_once('@') {
            Some((s, v)) => (s, Some(v)),
            None => (source, None),
        };
        let pairs = by_source.entry(variant).or_insert_with(|| {
            pairs(&site, &lang, variant)
                .into_iter()
                .map(|(o, t)| (o.source.as_str(), (o, t)))
                .collect()
        });
        let Some((original, translation)) = pairs.get(source) else {
            out.diagnostics.push(
                Diagnostic {
                    message: format!("there is no page {source} in this site"),
                    ..at(in_units.first().map_or(1, |u| u.line))
                }
                .hint("was it renamed or removed? Export again and translate the new file"),
            );
            continue;
        };
        let result = import_page(root, original, *translation, &lang, &in_units, file);
        write_result(root, result, &mut out);
    }
    Ok(out)
}

/// Writes what an import of one file produced, or keeps its errors.
fn write_result(
    root: &Path,
    result: Result<Option<(PathBuf, String)>, Vec<Diagnostic>>,
    out: &mut Imported,
) {
    match result {
        Ok(Some((path, text))) => {
            let written = path
                .parent()
                .map_or(Ok(()), |p| std::fs::create_dir_all(root.join(p)))
                .and_then(|()| std::fs::write(root.join(&path), text));
            match written {
                Ok(()) => out.written.push(path),
                Err(e) => out.diagnostics.push(
                    Diagnostic::error("l10n/write", format!("cannot write the file: {e}"))
                        .file(&path),
                ),
            }
        }
        Ok(None) => {}
        Err(d) => out.diagnostics.extend(d),
    }
}

/// Each incoming unit's position in the original's units; errors for
/// unknown ids and for units whose source changed since the export.
fn match_units<'u>(
    units: &[Unit],
    in_units: &[&'u InUnit],
    file: &Path,
) -> Result<BTreeMap<usize, &'u InUnit>, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let mut targets = BTreeMap::new();
    for u in in_units {
        let (key, hash) = u.id.rsplit_once('.').unwrap_or((&u.id, ""));
        let error = |message: String, hint: &str| {
            Diagnostic::error("l10n/import", message)
                .file(file)
                .at(u.line, 1)
                .hint(hint)
        };
        match units.iter().position(|o| o.key == key) {
            None => errors.push(error(
                format!("unit {} of {} is unknown: there is no such unit", u.id, u.page),
                "export again: the structure changed since this file was made",
            )),
            Some(i) if units[i].hash() != hash => errors.push(error(
                format!(
                    "unit {} of {}: the German source changed since this file was exported",
                    u.id, u.page
                ),
                "export the changed units again (`vielfalt l10n export --changed`) and translate them from the new source",
            )),
            Some(i) => {
                targets.insert(i, *u);
            }
        }
    }
    if errors.is_empty() {
        Ok(targets)
    } else {
        Err(errors)
    }
}

/// The new text of one translation, `None` when nothing changes.
fn import_page(
    root: &Path,
    original: &Page,
    translation: Option<&Page>,
    lang: &str,
    in_units: &[&InUnit],
    file: &Path,
) -> Result<Option<(PathBuf, String)>, Vec<Diagnostic>> {
    let whole = original.variant.is_some();
    let orig = read_page(root, &original.file, whole).map_err(|d| vec![d])?;
    let error = |u: &InUnit, message: String, hint: &str| {
        Diagnostic::error("l10n/import", message)
            .file(file)
            .at(u.line, 1)
            .hint(hint)
    };
    let targets = match_units(&orig.units, in_units, file)?;
    let mut errors = Vec::new();
    let (path, old) = match translation {
        Some(t) => {
            let p = read_page(root, &t.file, whole).map_err(|d| vec![d])?;
            if !units::aligned(&orig.units, &p.units) {
                return Err(vec![misaligned(
                    &orig,
                    &p,
                    "nothing of this page was imported",
                )]);
            }
            (t.file.clone(), Some(p))
        }
        None => (
            translation_file(&original.file, lang, original.variant.as_deref()),
            None,
        ),
    };
    if old.is_none() {
        let missing = orig
            .units
            .iter()
            .enumerate()
            .filter(|(i, _)| targets.get(i).is_none_or(|u| u.target.is_none()))
            .count();
        // A page the file leaves untranslated (e.g. one sent out only for
        // context, or not yet taken up) has nothing to write.
        if missing == orig.units.len() {
            return Ok(None);
        }
        if missing > 0 {
            return Err(vec![
                Diagnostic::error(
                    "l10n/incomplete",
                    format!(
                        "{} is not written: {missing} of its {} units have no translation",
                        path.display(),
                        orig.units.len()
                    ),
                )
                .file(file)
                .hint(
                    "a new translation is written only when every unit of the page is translated",
                ),
            ]);
        }
    }
    let base = old.as_ref().unwrap_or(&orig);
    let mut text = base.text.clone();
    // Body units from the end, so that earlier ranges stay valid.
    for (i, u) in targets.iter().rev() {
        let (Some(target), Some(unit)) = (&u.target, base.unit(&orig.units[*i].key)) else {
            continue;
        };
        if let Some(range) = &unit.range
            && unit.text != *target
        {
            text.replace_range(range.clone(), target);
        }
    }
    for (i, u) in &targets {
        let key = &orig.units[*i].key;
        let (Some(target), true) = (&u.target, orig.units[*i].range.is_none()) else {
            continue;
        };
        if base.unit(key).is_some_and(|b| b.text == *target) {
            continue;
        }
        text = front::set_key(&text, key, &front::Value::Str(target)).ok_or_else(|| {
            vec![error(
                u,
                format!(
                    "cannot set `{key}` in the front matter of {}",
                    path.display()
                ),
                "write it as a one-line string in the front matter, then import again",
            )]
        })?;
    }
    let new = page_text(&path, text.clone(), whole).map_err(|d| vec![d])?;
    for (i, u) in &targets {
        let o = &orig.units[*i];
        let Some(n) = new.unit(&o.key) else {
            continue;
        };
        if base.unit(&o.key).is_some_and(|b| b.text == n.text) {
            continue;
        }
        if let Some(what) = inline::compare(&o.pieces, &n.pieces) {
            errors.push(error(
                u,
                format!("unit {} of {}: the placeholders do not match the source: {what}", u.id, u.page),
                "keep every placeholder of the source exactly once (links, emphasis, code, footnote references, language spans)",
            ));
        }
    }
    if !units::aligned(&orig.units, &new.units) {
        errors.push(Diagnostic::error(
            "l10n/import",
            format!(
                "the translations would change the structure of {} (a unit's text starts a new block or joins two)",
                path.display()
            ),
        )
        .file(file)
        .hint("keep each unit one heading, paragraph, list item or cell: no blank lines, no leading `#`, `-` or `>`"));
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let text = stamp(&orig, old.as_ref(), original, &targets, text).ok_or_else(|| {
        vec![Diagnostic::error("l10n/import", "cannot update the front matter").file(&path)]
    })?;
    if old.as_ref().is_some_and(|o| o.text == text) {
        return Ok(None);
    }
    Ok(Some((path, text)))
}

/// Sets stamps, `source_hash`, `translation` and `reviewed` on a page
/// import changed (the text is returned as it is when nothing changed).
fn stamp(
    orig: &PageText,
    old: Option<&PageText>,
    original: &Page,
    targets: &BTreeMap<usize, &InUnit>,
    text: String,
) -> Option<String> {
    let was_reviewed = old.and_then(|o| o.front.reviewed);
    let all_reviewed = targets.values().all(|u| u.reviewed || u.target.is_none());
    let covers_all =
        (0..orig.units.len()).all(|i| targets.get(&i).is_some_and(|u| u.target.is_some()));
    let reviewed = all_reviewed && (covers_all || was_reviewed == Some(true));
    let text_changed = old.is_none_or(|o| o.text != text);
    if !text_changed && reviewed == was_reviewed.unwrap_or(false) {
        return Some(text);
    }
    let old_stamps = old.and_then(|o| stamps(&o.front));
    let was_current =
        old.is_some_and(|o| o.front.source_hash.as_deref() == Some(&original.content_hash));
    let new_stamps: Vec<String> = orig
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| {
            if targets.get(&i).is_some_and(|t| t.target.is_some()) {
                return u.hash();
            }
            match &old_stamps {
                Some(s) => s.get(i).map_or("-".into(), |s| s.to_string()),
                None if was_current => u.hash(),
                None => "-".into(),
            }
        })
        .collect();
    let all_current = new_stamps
        .iter()
        .zip(&orig.units)
        .all(|(s, u)| *s == u.hash());
    let mut text = front::set_key(
        &text,
        "source_segments",
        &front::Value::Str(&new_stamps.join(" ")),
    )?;
    if all_current {
        text = front::set_key(
            &text,
            "source_hash",
            &front::Value::Str(&original.content_hash),
        )?;
    }
    if old.is_none_or(|o| o.front.translation.is_none()) {
        text = front::set_key(&text, "translation", &front::Value::Str("human"))?;
    }
    front::set_key(&text, "reviewed", &front::Value::Bool(reviewed))
}

/// `text` (a translation of the page in `original_file`) with every unit
/// stamped as made from the original's current text, when the two align;
/// `None` when they do not (the stamps would be guesses).
pub fn stamp_segments(
    root: &Path,
    original_file: &Path,
    file: &Path,
    text: &str,
    whole: bool,
) -> Option<String> {
    let original = read_page(root, original_file, whole).ok()?;
    let translation = page_text(file, text.to_string(), whole).ok()?;
    if !units::aligned(&original.units, &translation.units) {
        return None;
    }
    let hashes: Vec<String> = original.units.iter().map(Unit::hash).collect();
    front::set_key(
        text,
        "source_segments",
        &front::Value::Str(&hashes.join(" ")),
    )
}
