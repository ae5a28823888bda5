//! `site.toml`: parsed with serde into typed structs, then checked.
//!
//! Unknown keys are errors with file:line:col (serde's `deny_unknown_fields`
//! plus toml's spans). Languages are BCP 47 tags; their text direction comes
//! from CLDR likely-subtags and script data (ICU4X), never from a hand list.
//! Fallback chains are resolved transitively and checked for cycles here, so
//! later stages can trust `Language::fallback`.

use std::collections::BTreeMap;
use std::path::Path;

use icu_locale::{LanguageIdentifier as IcuLangId, LocaleDirectionality};
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;

use crate::diag::Diagnostic;

pub mod pdf;
pub mod plain;
pub mod search;

pub const CONFIG_FILE: &str = "site.toml";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Dir {
    Ltr,
    Rtl,
}

impl Dir {
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Ltr => "ltr",
            Dir::Rtl => "rtl",
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default)]
    base_url: String,
    default_language: String,
    #[serde(default = "default_theme")]
    theme: String,
    languages: BTreeMap<String, RawLanguage>,
    #[serde(default)]
    variants: BTreeMap<String, RawVariant>,
    #[serde(default)]
    build: BuildSettings,
    #[serde(default)]
    lint: RawLint,
    #[serde(default)]
    accessibility: Option<Accessibility>,
    #[serde(default)]
    plain: plain::PlainSettings,
    #[serde(default)]
    profiles: BTreeMap<String, Profile>,
    #[serde(default)]
    search: search::SearchSettings,
    #[serde(default)]
    pdf: Option<pdf::PdfSettings>,
    #[serde(default)]
    share: ShareSettings,
    #[serde(default)]
    extra: toml::Table,
}

fn default_theme() -> String {
    "default".to_string()
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLanguage {
    name: String,
    dir: Option<Dir>,
    #[serde(default)]
    fallback: Vec<String>,
    weight: Option<i64>,
    /// Raw HTML in this language's Markdown (docs/content/hardening.md).
    #[serde(default = "yes")]
    raw_html: bool,
    /// Links to `javascript:`, `vbscript:` and `data:` addresses written as
    /// they are (docs/content/hardening.md); off by default.
    #[serde(default)]
    unsafe_links: bool,
    /// The locale dates are written in (`en-GB`), where it differs from
    /// the language key.
    date_locale: Option<String>,
    /// The Open Graph locale (`ar_SY`), where the one derived from CLDR is
    /// not right (docs/content/sharing.md).
    og_locale: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawVariant {
    /// URL segment per language key; the variant key where not given.
    #[serde(default)]
    segment: BTreeMap<String, String>,
    /// Marks the variant that is Leichte Sprache / Easy Read (BITV 2.0 §4).
    #[serde(default)]
    easy: bool,
}

/// `[build]`: how pages are turned into output.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct BuildSettings {
    /// Render a fallback page (the fallback language's text in this
    /// language's interface) where a translation is missing. Default true.
    #[serde(default = "yes")]
    pub fallback_pages: bool,
    /// Pages listed per page of a section's list.
    #[serde(default = "default_per_page")]
    pub paginate_by: usize,
    /// The audiences of a page that names none and whose section names
    /// none (docs/content/profiles.md). Used only when `[profiles]` exist.
    #[serde(default = "default_audience")]
    pub default_audience: Vec<String>,
    /// The profile built without `--profile`; needed when there are several.
    #[serde(default)]
    pub default_profile: Option<String>,
}

impl Default for BuildSettings {
    fn default() -> Self {
        BuildSettings {
            fallback_pages: true,
            paginate_by: default_per_page(),
            default_audience: default_audience(),
            default_profile: None,
        }
    }
}

fn default_audience() -> Vec<String> {
    vec!["public".to_string()]
}

/// `[profiles.NAME]`: one build of the site for some audiences
/// (docs/content/profiles.md), e.g. the public site and the intranet.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// The audiences whose pages this build includes.
    pub audiences: Vec<String>,
    /// The address this build is published at; site.toml's `base_url`
    /// when not given. Empty: still to be supplied (`check` warns).
    #[serde(default)]
    pub base_url: Option<String>,
    /// `noindex`: every page says `noindex`, robots.txt disallows all and
    /// no sitemap is written (unless `sitemap = true`).
    #[serde(default)]
    pub robots: Robots,
    /// Whether sitemap.xml is written; by default only when indexed.
    #[serde(default)]
    pub sitemap: Option<bool>,
    /// A Fluent message shown at the top of every page of this build.
    #[serde(default)]
    pub banner: String,
    /// The accessibility statement's contact for this build, in place of
    /// `[accessibility]`'s. An empty value is one the site must still
    /// supply: `check` warns.
    #[serde(default)]
    pub contact_email: Option<String>,
    #[serde(default)]
    pub contact_url: Option<String>,
    /// A Fluent message saying what the accessibility statement covers, in
    /// place of `statement-scope`.
    #[serde(default)]
    pub statement_scope: String,
}

/// Whether search engines may index a profile's build.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Robots {
    #[default]
    Index,
    Noindex,
}

/// The profile a run builds: its name and settings.
#[derive(Debug, Clone)]
pub struct ActiveProfile {
    pub name: String,
    pub settings: Profile,
}

impl ActiveProfile {
    pub fn is_noindex(&self) -> bool {
        self.settings.robots == Robots::Noindex
    }

    /// Whether sitemap.xml is written.
    pub fn has_sitemap(&self) -> bool {
        self.settings.sitemap.unwrap_or(!self.is_noindex())
    }
}

/// `[share]`: share cards (docs/content/sharing.md).
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct ShareSettings {
    /// Open Graph and Twitter-card metadata on every page. Default false,
    /// as in Hugo, where a site includes its Open Graph template: the
    /// tags cost about a kilobyte per page.
    #[serde(default)]
    pub cards: bool,
    /// Draw a share image per language and variant at build time (where
    /// the site's `static/share/` has none). Default false.
    #[serde(default)]
    pub images: bool,
}

fn yes() -> bool {
    true
}

fn default_per_page() -> usize {
    10
}

/// `[lint]`: rule names whose warnings fail the build (`errors = [...]`)
/// or are not reported (`allow = [...]`).
#[derive(Debug, Clone, Default)]
pub struct LintSettings {
    pub errors: Vec<String>,
    pub allow: Vec<String>,
    /// Every name of `errors` and `allow` with where it is written, for
    /// the lint's check that each names a rule (`lint::registry::validate`).
    pub written: Vec<RuleName>,
}

/// A rule name as written in site.toml's `[lint]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleName {
    pub name: String,
    pub line: usize,
    pub column: usize,
}

/// `[lint]` as written, with the place of every name.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLint {
    #[serde(default)]
    errors: Vec<toml::Spanned<String>>,
    #[serde(default)]
    allow: Vec<toml::Spanned<String>>,
}

impl RawLint {
    /// The settings, with each name's line and column in `text`.
    fn settings(self, text: &str) -> LintSettings {
        let written = |names: &[toml::Spanned<String>]| -> Vec<RuleName> {
            names
                .iter()
                .map(|n| {
                    // The span covers the quotes: the name starts after one.
                    let (line, column) = crate::diag::line_col(text, n.span().start + 1);
                    RuleName {
                        name: n.get_ref().clone(),
                        line,
                        column,
                    }
                })
                .collect()
        };
        let mut all = written(&self.errors);
        all.extend(written(&self.allow));
        LintSettings {
            errors: self
                .errors
                .into_iter()
                .map(toml::Spanned::into_inner)
                .collect(),
            allow: self
                .allow
                .into_iter()
                .map(toml::Spanned::into_inner)
                .collect(),
            written: all,
        }
    }
}

/// `[accessibility]`: the fields of the EU model accessibility statement
/// (Directive 2016/2102, Implementing Decision 2018/1523). Empty values are
/// things the site owner must still supply; `check` reports them.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Accessibility {
    #[serde(default)]
    pub organisation: String,
    #[serde(default)]
    pub conformance: String,
    #[serde(default)]
    pub standard: String,
    #[serde(default)]
    pub prepared: String,
    #[serde(default)]
    pub reviewed: String,
    #[serde(default)]
    pub method: String,
    #[serde(default)]
    pub contact_email: String,
    #[serde(default)]
    pub contact_url: String,
    #[serde(default)]
    pub enforcement_name: String,
    #[serde(default)]
    pub enforcement_url: String,
    /// URL of a video in German Sign Language about the site (BITV 2.0 §4).
    #[serde(default)]
    pub sign_language_video: String,
    /// Its duration as shown to people, e.g. "4:30 min".
    #[serde(default)]
    pub sign_language_video_duration: String,
    /// Its file size as shown to people, e.g. "38 MB".
    #[serde(default)]
    pub sign_language_video_size: String,
    #[serde(default)]
    pub non_accessible: Vec<NonAccessible>,
}

#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct NonAccessible {
    pub what: String,
    #[serde(default)]
    pub reason: String,
    #[serde(default)]
    pub alternative: String,
}

/// A language of the site, with everything resolved.
#[derive(Debug, Clone)]
pub struct Language {
    /// The key used in file names and URLs, as written in site.toml (`de`, `kmr`).
    pub key: String,
    pub langid: LanguageIdentifier,
    /// Endonym: the language's name in itself.
    pub name: String,
    pub dir: Dir,
    /// Transitive fallback chain, nearest first, without the language itself.
    pub fallback: Vec<String>,
    /// Whether raw HTML in this language's Markdown is passed through
    /// (`true`, the default, for trusted authors) or shown as text.
    pub raw_html: bool,
    /// Whether Markdown links to `javascript:`, `vbscript:` and `data:`
    /// addresses are kept (`true`, an opt-in for trusted authors) or point
    /// nowhere (`false`, the default). Raw HTML off implies safe links.
    pub unsafe_links: bool,
    /// The locale dates are written in: `date_locale` in site.toml, else
    /// the key (`en-GB` writes "25 November 2026", `en` "November 25, 2026").
    pub date_locale: String,
    /// `og_locale` from site.toml (`ku_TR`); `None` derives it from CLDR.
    pub og_locale: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Variant {
    pub key: String,
    pub segments: BTreeMap<String, String>,
    pub easy: bool,
}

impl Variant {
    /// URL segment of this variant in a language.
    pub fn segment(&self, lang: &str) -> &str {
        self.segments
            .get(lang)
            .map_or(self.key.as_str(), String::as_str)
    }
}

/// The checked configuration. Languages are ordered: default first, then by
/// `weight`, then by key — the order of language switchers and the chooser.
#[derive(Debug, Clone)]
pub struct Config {
    pub base_url: String,
    pub default_language: String,
    pub theme: String,
    pub languages: Vec<Language>,
    pub variants: Vec<Variant>,
    pub build: BuildSettings,
    pub lint: LintSettings,
    pub accessibility: Accessibility,
    /// Whether site.toml has an `[accessibility]` table: the site publishes
    /// an accessibility statement and takes on the BITV 2.0 duties, which
    /// `check` then verifies.
    pub accessibility_declared: bool,
    /// `[plain]`: readability thresholds and Leichte Sprache rule limits.
    pub plain: plain::PlainSettings,
    /// `[profiles]`: the builds of the site for its audiences.
    pub profiles: BTreeMap<String, Profile>,
    /// The profile this run builds ([`Config::select_profile`]); `None`
    /// when the site has no `[profiles]`: every page is built.
    pub profile: Option<ActiveProfile>,
    /// `[search]`: the search index and pages.
    pub search: search::SearchSettings,
    /// `[pdf]`: the site's document as a tagged PDF; `None` (no PDF) unless
    /// the site has the table.
    pub pdf: Option<pdf::PdfSettings>,
    /// `[share]`: share cards.
    pub share: ShareSettings,
    pub extra: toml::Table,
    /// `audits.toml` beside site.toml (read by `build::load`, not from
    /// site.toml): what the browser tests ran and passed.
    pub audits: Option<crate::audits::Audits>,
}

impl Config {
    pub fn language(&self, key: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.key == key)
    }

    pub fn variant(&self, key: &str) -> Option<&Variant> {
        self.variants.iter().find(|v| v.key == key)
    }

    /// Absolute URL for a site path (`/de/leitbild/`): base_url, which may
    /// include a path, plus the site path; root-relative when base_url is empty.
    pub fn absolute(&self, path: &str) -> String {
        format!("{}{}", self.base_url.trim_end_matches('/'), path)
    }

    /// Makes `name` (else `[build] default_profile`, else the only
    /// profile) the profile of this run: its `base_url` and statement
    /// contact replace the site's. With no `[profiles]`, only `None` is
    /// accepted. The error is a message and a hint.
    pub fn select_profile(&mut self, name: Option<&str>) -> Result<(), (String, String)> {
        let names = || self.profiles.keys().cloned().collect::<Vec<_>>().join(", ");
        let chosen = match (name, &self.build.default_profile) {
            (None, _) if self.profiles.is_empty() => return Ok(()),
            (Some(n), _) => n.to_string(),
            (None, Some(d)) => d.clone(),
            (None, None) if self.profiles.len() == 1 => names(),
            (None, None) => {
                return Err((
                    "site.toml has several [profiles] and no `default_profile`".into(),
                    format!(
                        "pass --profile NAME ({}) or set [build] default_profile",
                        names()
                    ),
                ));
            }
        };
        let Some(settings) = self.profiles.get(&chosen).cloned() else {
            let hint = if self.profiles.is_empty() {
                "add a [profiles.NAME] table to site.toml (docs/content/profiles.md)".to_string()
            } else {
                let mean = crate::diag::suggest(&chosen, self.profiles.keys().map(String::as_str))
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                format!("{mean}the profiles of site.toml: {}", names())
            };
            return Err((format!("there is no profile `{chosen}`"), hint));
        };
        if let Some(url) = &settings.base_url {
            self.base_url = url.trim_end_matches('/').to_string();
        }
        if let Some(email) = &settings.contact_email {
            self.accessibility.contact_email.clone_from(email);
        }
        if let Some(url) = &settings.contact_url {
            self.accessibility.contact_url.clone_from(url);
        }
        self.profile = Some(ActiveProfile {
            name: chosen,
            settings,
        });
        Ok(())
    }

    /// Every audience site.toml names (profiles and `default_audience`).
    pub fn audiences(&self) -> std::collections::BTreeSet<&str> {
        self.profiles
            .values()
            .flat_map(|p| p.audiences.iter())
            .chain(&self.build.default_audience)
            .map(String::as_str)
            .collect()
    }
}

/// Reads and checks `site.toml` in `root`. Returns `None` when the file
/// cannot be used at all; the diagnostics say why.
pub fn load(root: &Path) -> (Option<Config>, Vec<Diagnostic>) {
    let path = root.join(CONFIG_FILE);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text),
        Err(e) => (
            None,
            vec![
                Diagnostic::error("config/unreadable", format!("cannot read {CONFIG_FILE}: {e}"))
                    .file(CONFIG_FILE)
                    .hint("run vielfalt in a site folder, pass --root DIR, or create one with `vielfalt init DIR`"),
            ],
        ),
    }
}

/// Parses and checks the text of a site.toml.
pub fn parse(text: &str) -> (Option<Config>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let raw: RawConfig = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let mut d = Diagnostic::error("config/invalid", e.message().trim().to_string())
                .file(CONFIG_FILE)
                .hint(
                    "fix site.toml; see the manual, docs/content/configuration.md, for every key",
                );
            if let Some(span) = e.span() {
                d = d.at_offset(text, span.start);
            }
            return (None, vec![d]);
        }
    };
    let located = |key: &str| -> Diagnostic {
        let d = Diagnostic::error("config/invalid", String::new()).file(CONFIG_FILE);
        match find_key(text, key) {
            Some(offset) => d.at_offset(text, offset),
            None => d,
        }
    };

    let directionality = LocaleDirectionality::new_extended();
    let mut languages = Vec::new();
    for (key, lang) in &raw.languages {
        // The key is the `lang` attribute and the URL segment as written:
        // BCP 47 separates subtags with `-`, though the parser also takes `_`.
        let parsed = if key.contains('_') {
            Err(())
        } else {
            key.parse::<LanguageIdentifier>().map_err(|_| ())
        };
        let langid: LanguageIdentifier = match parsed {
            Ok(id) => id,
            Err(()) => {
                let mut d = located(&format!("languages.{key}"));
                d.rule = "config/bad-language-tag".into();
                d.message = format!("`{key}` is not a valid BCP 47 language tag");
                diags.push(d.hint("use a tag such as `de`, `en`, `ar`, `pt-BR` or `kmr`"));
                continue;
            }
        };
        let dir = lang.dir.unwrap_or_else(|| {
            let icu: Option<IcuLangId> = key.parse().ok();
            match icu {
                Some(id) if directionality.is_right_to_left(&id) => Dir::Rtl,
                _ => Dir::Ltr,
            }
        });
        if let Some(locale) = &lang.og_locale
            && !is_og_locale(locale)
        {
            let mut d = located(&format!("languages.{key}"));
            d.message =
                format!("og_locale `{locale}` of language `{key}` is not a locale such as `de_DE`");
            diags.push(d.hint(
                "write the language, `_` and the region in capitals, e.g. \"ku_TR\" or \"ar_SY\"",
            ));
        }
        if lang.name.trim().is_empty() {
            let mut d = located(&format!("languages.{key}"));
            d.message = format!("language `{key}` has an empty name");
            diags.push(
                d.hint("set `name` to the language's own name (its endonym), e.g. \"Deutsch\""),
            );
        }
        languages.push((
            lang.weight,
            Language {
                key: key.clone(),
                langid,
                name: lang.name.clone(),
                dir,
                fallback: Vec::new(),
                raw_html: lang.raw_html,
                unsafe_links: lang.unsafe_links,
                date_locale: lang.date_locale.clone().unwrap_or_else(|| key.clone()),
                og_locale: lang.og_locale.clone(),
            },
        ));
    }

    if !raw.languages.contains_key(&raw.default_language) {
        let mut d = located("default_language");
        d.rule = "config/unknown-language".into();
        d.message = format!(
            "default_language `{}` is not one of the [languages]",
            raw.default_language
        );
        diags.push(d.hint(format!(
            "add a [languages.{}] table or pick one of: {}",
            raw.default_language,
            keys(&raw.languages)
        )));
    }

    // Fallback chains: follow each language's list transitively, nearest first;
    // the default language always ends the chain.
    for (_, lang) in &mut languages {
        let mut chain: Vec<String> = Vec::new();
        let mut path = vec![lang.key.clone()];
        if let Err(d) = resolve_chain(&raw, &lang.key, &mut path, &mut chain, text) {
            diags.push(d);
        }
        if lang.key != raw.default_language && !chain.contains(&raw.default_language) {
            chain.push(raw.default_language.clone());
        }
        lang.fallback = chain;
    }
    languages.sort_by(|(wa, a), (wb, b)| {
        let da = a.key != raw.default_language;
        let db = b.key != raw.default_language;
        (da, wa.unwrap_or(i64::MAX), &a.key).cmp(&(db, wb.unwrap_or(i64::MAX), &b.key))
    });

    let variants = parse_variants(&raw, &located, &mut diags);
    diags.extend(raw.search.check(&raw.languages, &located));

    let base_url = raw.base_url.trim_end_matches('/').to_string();
    if !(base_url.is_empty() || base_url.starts_with("https://") || base_url.starts_with("http://"))
    {
        let mut d = located("base_url");
        d.message = format!("base_url `{base_url}` is not an http(s) URL");
        diags.push(d.hint(
            "write the address the site is published at, e.g. \"https://www.example.org/konzept\"",
        ));
    }

    check_profiles(&raw, &located, &mut diags);
    if let Some(pdf) = &raw.pdf {
        for file in pdf.bad_file_names() {
            let mut d = located("pdf");
            d.message = format!("the PDF file name `{file}` is not usable");
            diags.push(d.hint(
                "write one file name ending in `.pdf`, without `/` or spaces, e.g. \"konzept.pdf\"",
            ));
        }
        for lang in pdf.files.keys().filter(|l| !raw.languages.contains_key(*l)) {
            let mut d = located("pdf");
            d.rule = "config/unknown-language".into();
            d.message = format!("[pdf] files names a file for unknown language `{lang}`");
            diags.push(d.hint(format!("use one of: {}", keys(&raw.languages))));
        }
    }

    if diags.iter().any(Diagnostic::is_error) {
        return (None, diags);
    }
    let config = Config {
        base_url,
        default_language: raw.default_language,
        theme: raw.theme,
        languages: languages.into_iter().map(|(_, l)| l).collect(),
        variants,
        build: raw.build,
        lint: raw.lint.settings(text),
        accessibility_declared: raw.accessibility.is_some(),
        accessibility: raw.accessibility.unwrap_or_default(),
        plain: raw.plain,
        profiles: raw.profiles,
        profile: None,
        search: raw.search,
        pdf: raw.pdf,
        share: raw.share,
        extra: raw.extra,
        audits: None,
    };
    (Some(config), diags)
}

/// The `[profiles]`: each includes an audience, their names and base URLs
/// are usable, and `default_profile` names one of them.
fn check_profiles(
    raw: &RawConfig,
    located: &dyn Fn(&str) -> Diagnostic,
    diags: &mut Vec<Diagnostic>,
) {
    for (name, profile) in &raw.profiles {
        let mut fault = |message: String, hint: &str| {
            let mut d = located(&format!("profiles.{name}"));
            d.message = message;
            diags.push(d.hint(hint));
        };
        if profile.audiences.is_empty() {
            fault(
                format!("profile `{name}` includes no audience"),
                "set `audiences = [\"public\"]` (or the audiences this build is for)",
            );
        }
        for a in &profile.audiences {
            if !is_name_part(a) {
                fault(
                    format!("`{a}` in profile `{name}` is not a usable audience name"),
                    "write lowercase letters, digits and `-`, e.g. \"intranet\"",
                );
            }
        }
        let url = profile.base_url.as_deref().unwrap_or_default();
        if !(url.is_empty() || url.starts_with("https://") || url.starts_with("http://")) {
            fault(
                format!("base_url `{url}` of profile `{name}` is not an http(s) URL"),
                "write the address this build is published at, or leave it empty",
            );
        }
    }
    if let Some(default) = &raw.build.default_profile
        && !raw.profiles.contains_key(default)
    {
        let mut d = located("default_profile");
        d.message = format!("default_profile `{default}` is not one of the [profiles]");
        diags.push(d.hint(format!("name one of: {}", keys(&raw.profiles))));
    }
}

/// The `[variants]` of `raw`, with an error for each unusable key or
/// segment (`located` places one at its key).
fn parse_variants(
    raw: &RawConfig,
    located: &dyn Fn(&str) -> Diagnostic,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Variant> {
    let mut variants = Vec::new();
    for (key, v) in &raw.variants {
        if raw.languages.contains_key(key) {
            let mut d = located(&format!("variants.{key}"));
            d.message = format!("variant `{key}` has the same key as a language");
            diags.push(d.hint("file names are STEM[.LANG][.VARIANT].md, so the two must differ; rename the variant"));
        }
        if !is_name_part(key) {
            let mut d = located(&format!("variants.{key}"));
            d.message = format!("variant key `{key}` must be lowercase letters, digits or `-`");
            diags.push(d.hint("use a short key such as `easy` or `plain`"));
        }
        for (lang, segment) in &v.segment {
            if !raw.languages.contains_key(lang) {
                let mut d = located(&format!("variants.{key}"));
                d.rule = "config/unknown-language".into();
                d.message =
                    format!("variant `{key}` names a segment for unknown language `{lang}`");
                diags.push(d.hint(format!("use one of: {}", keys(&raw.languages))));
            }
            if !is_segment(segment) {
                let mut d = located(&format!("variants.{key}"));
                d.message =
                    format!("variant `{key}` has an unusable URL segment `{segment}` for `{lang}`");
                diags.push(d.hint("a segment is one path part without `/`, `.`, `?`, `#` or spaces, e.g. \"leichte-sprache\""));
            }
        }
        variants.push(Variant {
            key: key.clone(),
            segments: v.segment.clone(),
            easy: v.easy,
        });
    }
    variants
}

fn resolve_chain(
    raw: &RawConfig,
    key: &str,
    path: &mut Vec<String>,
    chain: &mut Vec<String>,
    text: &str,
) -> Result<(), Diagnostic> {
    let Some(lang) = raw.languages.get(key) else {
        return Ok(());
    };
    for next in &lang.fallback {
        if !raw.languages.contains_key(next) {
            let d = Diagnostic::error(
                "config/unknown-language",
                format!(
                    "language `{key}` falls back to `{next}`, which is not one of the [languages]"
                ),
            )
            .file(CONFIG_FILE)
            .hint(format!("use one of: {}", keys(&raw.languages)));
            return Err(match find_key(text, &format!("languages.{key}")) {
                Some(offset) => d.at_offset(text, offset),
                None => d,
            });
        }
        if path.contains(next) {
            path.push(next.clone());
            let d = Diagnostic::error(
                "config/fallback-cycle",
                format!("fallback languages form a cycle: {}", path.join(" → ")),
            )
            .file(CONFIG_FILE)
            .hint("remove one `fallback` entry so that the chain ends");
            return Err(match find_key(text, &format!("languages.{}", path[0])) {
                Some(offset) => d.at_offset(text, offset),
                None => d,
            });
        }
        if !chain.contains(next) {
            chain.push(next.clone());
        }
        path.push(next.clone());
        resolve_chain(raw, next, path, chain, text)?;
        path.pop();
    }
    Ok(())
}

fn keys<V>(map: &BTreeMap<String, V>) -> String {
    map.keys()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether `s` can be one part of a URL path.
fn is_segment(s: &str) -> bool {
    !s.is_empty() && !s.contains(['/', '\\', '.', '?', '#', ' '])
}

/// Whether `s` may stand between dots in a content file name.
pub fn is_name_part(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// Byte offset of a table header (`[languages.de]`) or a top-level key
/// (`base_url`) in the config text, for diagnostics that serde cannot place.
/// Whether `s` is an Open Graph locale: a language subtag, `_`, a region
/// (`de_DE`, `kmr_TR`).
fn is_og_locale(s: &str) -> bool {
    s.split_once('_').is_some_and(|(lang, region)| {
        (2..=3).contains(&lang.len())
            && lang.bytes().all(|b| b.is_ascii_lowercase())
            && region.len() == 2
            && region.bytes().all(|b| b.is_ascii_uppercase())
    })
}

pub(crate) fn find_key(text: &str, dotted: &str) -> Option<usize> {
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let header = trimmed
            .strip_prefix('[')
            .and_then(|t| t.split(']').next())
            .map(|h| h.replace([' ', '"'], ""));
        if header.as_deref() == Some(dotted) {
            return Some(offset + indent);
        }
        if let Some(rest) = trimmed.strip_prefix(dotted)
            && rest.trim_start().starts_with('=')
        {
            return Some(offset + indent);
        }
        offset += line.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = "base_url = \"https://example.org\"\ndefault_language = \"de\"\n";

    fn parse_ok(extra: &str) -> Config {
        let (config, diags) = parse(&format!("{BASE}{extra}"));
        assert!(diags.is_empty(), "{diags:?}");
        config.expect("config parses")
    }

    #[test]
    fn direction_comes_from_cldr() {
        let c = parse_ok(
            "[languages.de]\nname = \"Deutsch\"\n[languages.ar]\nname = \"العربية\"\n\
             [languages.fa]\nname = \"فارسی\"\n[languages.kmr]\nname = \"Kurmancî\"\n\
             [languages.ckb]\nname = \"کوردی\"\n[languages.he]\nname = \"עברית\"\n",
        );
        let dir = |k: &str| c.language(k).map(|l| l.dir);
        assert_eq!(dir("de"), Some(Dir::Ltr));
        assert_eq!(dir("ar"), Some(Dir::Rtl));
        assert_eq!(dir("fa"), Some(Dir::Rtl));
        assert_eq!(dir("he"), Some(Dir::Rtl));
        assert_eq!(
            dir("ckb"),
            Some(Dir::Rtl),
            "Sorani is written in Arabic script"
        );
        assert_eq!(
            dir("kmr"),
            Some(Dir::Ltr),
            "Kurmanji is written in Latin script"
        );
    }

    #[test]
    fn dir_may_be_overridden() {
        let c = parse_ok(
            "[languages.de]\nname = \"Deutsch\"\n[languages.ar]\nname = \"x\"\ndir = \"ltr\"\n",
        );
        assert_eq!(c.language("ar").map(|l| l.dir), Some(Dir::Ltr));
    }

    #[test]
    fn fallback_chains_are_transitive_and_end_in_default() {
        let c = parse_ok(
            "[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\n\
             [languages.ar]\nname = \"العربية\"\nfallback = [\"en\"]\n[languages.fa]\nname = \"فارسی\"\nfallback = [\"ar\"]\n",
        );
        assert_eq!(
            c.language("fa").map(|l| l.fallback.clone()),
            Some(vec!["ar".into(), "en".into(), "de".into()])
        );
        assert_eq!(c.language("de").map(|l| l.fallback.len()), Some(0));
        let order: Vec<_> = c.languages.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(order, ["de", "ar", "en", "fa"]);
    }

    #[test]
    fn fallback_cycle_is_an_error_with_position() {
        let text = format!(
            "{BASE}[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\nfallback = [\"ar\"]\n\
             [languages.ar]\nname = \"العربية\"\nfallback = [\"en\"]\n"
        );
        let (config, diags) = parse(&text);
        assert!(config.is_none());
        let d = diags
            .iter()
            .find(|d| d.rule == "config/fallback-cycle")
            .expect("cycle reported");
        assert!(d.message.contains("ar → en → ar"), "{}", d.message);
        assert_eq!(d.line, Some(8));
    }

    #[test]
    fn unknown_key_names_line_and_column() {
        let (config, diags) = parse(&format!(
            "{BASE}[languages.de]\nname = \"Deutsch\"\n  colour = \"red\"\n"
        ));
        assert!(config.is_none());
        assert_eq!(diags[0].rule, "config/invalid");
        assert!(diags[0].message.contains("colour"), "{}", diags[0].message);
        assert_eq!((diags[0].line, diags[0].column), (Some(5), Some(3)));
    }

    #[test]
    fn unknown_fallback_and_default_are_errors() {
        let (_, diags) = parse(
            "base_url = \"\"\ndefault_language = \"fr\"\n[languages.de]\nname = \"Deutsch\"\nfallback = [\"xx\"]\n",
        );
        let rules: Vec<_> = diags.iter().map(|d| d.rule.as_str()).collect();
        assert_eq!(
            rules,
            ["config/unknown-language", "config/unknown-language"]
        );
        assert_eq!(diags[0].line, Some(2));
    }
}
