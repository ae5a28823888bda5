//! Interface strings with Fluent: one bundle per language, built once and
//! shared read-only by every render thread.
//!
//! Layers, later overriding earlier message by message: the built-in
//! default theme's `locales/`, the site's `themes/<theme>/locales/`, the
//! site's `locales/`. A message missing in a language is looked up along
//! the language's fallback chain and reported once, here, as a warning
//! (coverage), not per page; the staff report's `status-` messages are
//! needed in the default language only and not counted. Syntax errors carry file:line:col; broken
//! references and plural variants are found at load (`check`).
//!
//! A lookup that falls back is also recorded, as it happens: those are the
//! interface texts readers actually see in another language inside their
//! own ([`I18n::untranslated_values`], `i18n/untranslated-value`). Complete
//! languages never take that path, so it costs nothing on them.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::theme::Theme;

mod check;

type Bundle = FluentBundle<FluentResource>;

/// All bundles of the site, by language key.
pub struct I18n {
    bundles: HashMap<String, Bundle>,
    chains: HashMap<String, Vec<String>>,
    /// Message ids each language defines itself (for coverage reports).
    pub defined: BTreeMap<String, BTreeSet<String>>,
    /// The `.ftl` file (as shown in diagnostics) that defines each message
    /// of each language; the last layer's, which is the one used.
    origins: HashMap<String, HashMap<String, PathBuf>>,
    /// Keys (`id` or `id.attribute`) a lookup found only along a fallback
    /// chain, in some language.
    fell_back: Mutex<BTreeSet<String>>,
}

impl std::fmt::Debug for I18n {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("I18n")
            .field("defined", &self.defined)
            .finish_non_exhaustive()
    }
}

/// An `.ftl` file to load, with the path shown in diagnostics.
struct Source {
    shown: PathBuf,
    text: String,
}

/// Loads every language's bundle. Missing messages are warnings; syntax
/// errors are errors (the message is left out, the rest still loads).
pub fn load(root: &Path, config: &Config, theme: &Theme) -> (I18n, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut bundles = HashMap::new();
    let mut defined: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut origins = HashMap::new();
    for lang in &config.languages {
        let mut bundle = Bundle::new_concurrent(vec![lang.langid.clone()]);
        bundle.set_use_isolating(true);
        let mut ids = BTreeSet::new();
        let mut origin: HashMap<String, PathBuf> = HashMap::new();
        let plurals = check::plural_categories(&lang.langid);
        let mut checker = check::Checker::default();
        let mut sources: Vec<Source> = theme
            .locale_files(&lang.key)
            .into_iter()
            .map(|(shown, text)| Source { shown, text })
            .collect();
        sources.extend(read_dir_ftl(
            root,
            &Path::new("locales").join(&lang.key),
            &mut diags,
        ));
        for source in sources {
            if let Some(offset) = too_deep(&source.text) {
                diags.push(
                    Diagnostic::error(
                        "fluent/syntax",
                        format!(
                            "Fluent syntax error: placeables nested more than {MAX_DEPTH} deep"
                        ),
                    )
                    .file(&source.shown)
                    .at_offset(&source.text, offset)
                    .hint("close the `{` placeables; the file was not loaded"),
                );
                continue;
            }
            if let Some((offset, c)) = source
                .text
                .char_indices()
                .find(|(_, c)| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            {
                diags.push(
                    Diagnostic::error(
                        "fluent/control-character",
                        format!(
                            "the control character U+{:04X} is in an interface text",
                            u32::from(c)
                        ),
                    )
                    .file(&source.shown)
                    .at_offset(&source.text, offset)
                    .hint("remove it (it is invisible, and NUL is not allowed in HTML); save the file as UTF-8 text"),
                );
            }
            let resource = match FluentResource::try_new(source.text) {
                Ok(r) => r,
                Err((r, errors)) => {
                    for e in errors {
                        diags.push(
                            Diagnostic::error("fluent/syntax", format!("Fluent syntax error: {}", e.kind))
                                .file(&source.shown)
                                // The broken entry's start, where an author looks;
                                // `pos` is often the end of the file.
                                .at_offset(r.source(), e.slice.as_ref().map_or(e.pos.start, |s| s.start))
                                .hint("see https://projectfluent.org/fluent/guide/ for the syntax; messages are `key = text`"),
                        );
                    }
                    r
                }
            };
            checker.add(
                &source.shown,
                resource.source(),
                resource.entries(),
                plurals.as_ref(),
            );
            for entry in resource.entries() {
                if let fluent_syntax::ast::Entry::Message(m) = entry {
                    ids.insert(m.id.name.to_string());
                    origin.insert(m.id.name.to_string(), source.shown.clone());
                }
            }
            bundle.add_resource_overriding(resource);
        }
        diags.extend(checker.finish());
        defined.insert(lang.key.clone(), ids);
        origins.insert(lang.key.clone(), origin);
        bundles.insert(lang.key.clone(), bundle);
    }
    let chains = config
        .languages
        .iter()
        .map(|l| (l.key.clone(), l.fallback.clone()))
        .collect();
    let i18n = I18n {
        bundles,
        chains,
        defined,
        origins,
        fell_back: Mutex::default(),
    };
    diags.extend(coverage(config, &i18n));
    (i18n, diags)
}

fn read_dir_ftl(root: &Path, dir: &Path, diags: &mut Vec<Diagnostic>) -> Vec<Source> {
    // Symbolic links are not followed (`theme::symlink_warnings` reports them).
    if crate::theme::through_symlink(root, &root.join(dir)) {
        return Vec::new();
    }
    let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| !t.is_symlink()))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ftl"))
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let shown = crate::content::relative(root, &path);
            match std::fs::read_to_string(&path) {
                Ok(text) => Some(Source { shown, text }),
                Err(e) => {
                    diags.push(
                        Diagnostic::error("fluent/unreadable", format!("cannot read: {e}"))
                            .file(shown)
                            .hint("save the file as UTF-8 text"),
                    );
                    None
                }
            }
        })
        .collect()
}

/// Placeables nested deeper than this are refused before parsing: the
/// Fluent parser recurses per level and would run out of stack.
const MAX_DEPTH: usize = 64;

/// The offset of the first `{` nested deeper than `MAX_DEPTH`. String
/// literals (`{"{"}`) and comment lines do not count.
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut line_start = true;
    let mut in_comment = false;
    for (i, c) in text.char_indices() {
        if line_start {
            in_comment = c == '#';
        }
        line_start = c == '\n';
        if in_comment {
            continue;
        }
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' | '\n' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '{' => {
                depth += 1;
                if depth > MAX_DEPTH {
                    return Some(i);
                }
            }
            '}' => depth = depth.saturating_sub(1),
            '"' if depth > 0 => in_string = true,
            _ => {}
        }
    }
    None
}

/// Messages of the staff's status report (`vielfalt status`), which is
/// written in the default language only: other languages need not have them.
const STAFF_PREFIX: &str = "status-";

/// One warning per language listing the messages it lacks compared with the
/// default language (readers' messages only, not `STAFF_PREFIX` ones).
fn coverage(config: &Config, i18n: &I18n) -> Vec<Diagnostic> {
    let Some(reference) = i18n.defined.get(&config.default_language) else {
        return Vec::new();
    };
    let mut diags = Vec::new();
    for lang in &config.languages {
        let own = i18n.defined.get(&lang.key);
        let missing: Vec<&str> = reference
            .iter()
            .filter(|id| !id.starts_with(STAFF_PREFIX))
            .filter(|id| !own.is_some_and(|o| o.contains(*id)))
            .map(String::as_str)
            .collect();
        if missing.is_empty() {
            continue;
        }
        let shown: Vec<&str> = missing.iter().take(12).copied().collect();
        let more = if missing.len() > shown.len() {
            format!(" and {} more", missing.len() - shown.len())
        } else {
            String::new()
        };
        diags.push(
            Diagnostic::warning(
                "fluent/missing-message",
                format!(
                    "{} interface message(s) missing in `{}`, shown from its fallback ({}): {}{more}",
                    missing.len(),
                    lang.key,
                    lang.fallback.join(" → "),
                    shown.join(", ")
                ),
            )
            .file(Path::new("locales").join(&lang.key))
            .hint(format!("add the messages to a .ftl file in locales/{}/", lang.key)),
        );
    }
    diags
}

impl I18n {
    /// Formats message `key` (or `key.attribute`) in `lang`, falling back
    /// along the chain. Returns the text and the language it came from. For
    /// text readers see: a fallback is recorded ([`Self::untranslated_values`]).
    pub fn format(
        &self,
        lang: &str,
        key: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<(String, String), String> {
        let found = self.lookup(lang, key, args);
        if let Ok((_, from)) = &found
            && from != lang
        {
            self.record_fallback(key);
        }
        found
    }

    /// [`Self::format`] without recording: for checks that compare text
    /// with every message.
    fn lookup(
        &self,
        lang: &str,
        key: &str,
        args: Option<&FluentArgs<'_>>,
    ) -> Result<(String, String), String> {
        let (id, attribute) = match key.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (key, None),
        };
        let chain = std::iter::once(lang).chain(
            self.chains
                .get(lang)
                .into_iter()
                .flatten()
                .map(String::as_str),
        );
        for l in chain {
            let Some(bundle) = self.bundles.get(l) else {
                continue;
            };
            let Some(message) = bundle.get_message(id) else {
                continue;
            };
            let pattern = match attribute {
                Some(a) => message.get_attribute(a).map(|a| a.value()),
                None => message.value(),
            };
            let Some(pattern) = pattern else { continue };
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, args, &mut errors)
                .into_owned();
            if let Some(e) = errors.first() {
                return Err(format!("message `{key}` in `{l}`: {e}"));
            }
            return Ok((text, l.to_string()));
        }
        Err(format!(
            "no interface message `{key}` in `{lang}` or its fallback languages"
        ))
    }

    /// Notes that `key` was shown from a fallback language. Locks only on
    /// that path; the key is copied once.
    fn record_fallback(&self, key: &str) {
        let mut keys = self
            .fell_back
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if !keys.contains(key) {
            keys.insert(key.to_string());
        }
    }

    /// Takes over the fallback lookups `old` recorded: `serve` reloads the
    /// interface texts on an `.ftl` change and renders again only the
    /// languages that change affects, while the others still show what
    /// they showed.
    pub fn carry_over(&self, old: &I18n) {
        let old = old.fell_back.lock().unwrap_or_else(PoisonError::into_inner);
        let mut keys = self
            .fell_back
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        keys.extend(old.iter().cloned());
    }

    /// The language whose bundle gives `key` (`id` or `id.attribute`) to
    /// readers of `lang`: `lang` itself or the first of its chain.
    fn source_of<'s>(&'s self, lang: &'s str, key: &str) -> Option<&'s str> {
        let (id, attribute) = match key.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (key, None),
        };
        std::iter::once(lang)
            .chain(
                self.chains
                    .get(lang)
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            )
            .find(|l| {
                self.bundles
                    .get(*l)
                    .and_then(|b| b.get_message(id))
                    .is_some_and(|m| match attribute {
                        Some(a) => m.get_attribute(a).is_some(),
                        None => m.value().is_some(),
                    })
            })
    }

    /// `i18n/untranslated-value`: every interface text the run showed from
    /// a fallback language, per language and file to add it to. `skip`
    /// lists message ids another rule reports (the statement's values).
    pub fn untranslated_values(&self, config: &Config, skip: &[&str]) -> Vec<Diagnostic> {
        let keys = self
            .fell_back
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        // (language, file to add to, language shown instead) → keys
        let mut gaps: BTreeMap<(&str, PathBuf, &str), Vec<&str>> = BTreeMap::new();
        for lang in &config.languages {
            for key in keys.iter() {
                let id = key.split_once('.').map_or(key.as_str(), |(m, _)| m);
                if skip.contains(&id) {
                    continue;
                }
                let Some(from) = self.source_of(&lang.key, key).filter(|f| *f != lang.key) else {
                    continue;
                };
                let file = self.origins.get(from).and_then(|o| o.get(id)).map_or_else(
                    || Path::new("locales").join(&lang.key).join("site.ftl"),
                    |shown| translation_file(shown, from, &lang.key),
                );
                gaps.entry((lang.key.as_str(), file, from))
                    .or_default()
                    .push(key);
            }
        }
        gaps.into_iter()
            .map(|((lang, file, from), keys)| {
                Diagnostic::warning(
                    "i18n/untranslated-value",
                    format!(
                        "pages in `{lang}` show {} interface text(s) in `{from}` inside `{lang}` text: {}",
                        keys.len(),
                        keys.join(", ")
                    ),
                )
                .hint(format!(
                    "translate {} into `{lang}` in {} (a message there replaces the fallback's)",
                    if keys.len() == 1 { "it" } else { "them" },
                    file.display()
                ))
                .file(file)
            })
            .collect()
    }

    pub fn has(&self, lang: &str, key: &str) -> bool {
        self.lookup(lang, key, None).is_ok()
    }

    /// Every message value and attribute readers of `lang` may see, by key
    /// (`id` or `id.attribute`), formatted without arguments and without
    /// bidi isolation marks: the interface's labels, for checks that
    /// compare text with them.
    pub fn texts(&self, lang: &str) -> Vec<(String, String)> {
        let ids: BTreeSet<&String> = self.defined.values().flatten().collect();
        let mut out = Vec::new();
        for id in ids {
            if let Ok((text, from)) = self.lookup(lang, id, None) {
                out.push((id.clone(), text));
                let message = self.bundles.get(&from).and_then(|b| b.get_message(id));
                for attribute in message.into_iter().flat_map(|m| m.attributes()) {
                    let key = format!("{id}.{}", attribute.id());
                    if let Ok((text, _)) = self.lookup(lang, &key, None) {
                        out.push((key, text));
                    }
                }
            }
        }
        for (_, text) in &mut out {
            text.retain(|c| !matches!(c, '\u{2068}' | '\u{2069}' | '\u{2066}' | '\u{2067}'));
        }
        out
    }
}

/// Where a language's translation of a message belongs: the same file
/// name in that language's folder of the same layer (`locales/de/site.ftl`
/// → `locales/ar/site.ftl`); for the built-in theme, which a site cannot
/// edit, the site's own `locales/<lang>/`, which overrides it message by
/// message.
fn translation_file(shown: &Path, from: &str, lang: &str) -> PathBuf {
    let name = shown.file_name().unwrap_or_default();
    if shown.starts_with("(built-in theme)") {
        return Path::new("locales").join(lang).join(name);
    }
    match shown.parent() {
        Some(dir) if dir.file_name().is_some_and(|d| d == from) => {
            dir.with_file_name(lang).join(name)
        }
        _ => Path::new("locales").join(lang).join(name),
    }
}

/// Converts a Tera argument to a Fluent argument (numbers stay numbers so
/// that plural selection works).
pub fn fluent_value(value: &tera::Value) -> FluentValue<'static> {
    match value {
        tera::Value::Number(n) => match n.as_i64() {
            Some(i) => FluentValue::from(i),
            None => FluentValue::from(n.as_f64().unwrap_or_default()),
        },
        // Fluent isolates arguments, but a stray PDI inside one would end
        // that isolate early and let what follows re-order the message.
        tera::Value::String(s) => FluentValue::from(crate::bidi::contain(s).into_owned()),
        tera::Value::Bool(b) => FluentValue::from(b.to_string()),
        other => FluentValue::from(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_translation_goes_into_the_same_layer_and_file_name() {
        let cases = [
            ("locales/de/site.ftl", "de", "ar", "locales/ar/site.ftl"),
            (
                "themes/city/locales/en/theme.ftl",
                "en",
                "fa",
                "themes/city/locales/fa/theme.ftl",
            ),
            (
                "(built-in theme)/locales/en/theme.ftl",
                "en",
                "kmr",
                "locales/kmr/theme.ftl",
            ),
        ];
        for (shown, from, lang, expected) in cases {
            assert_eq!(
                translation_file(Path::new(shown), from, lang),
                Path::new(expected),
                "{shown}"
            );
        }
    }

    #[test]
    fn string_arguments_keep_their_bidi_controls_inside() {
        // A stray PDI would end Fluent's isolate around the argument early.
        let value = fluent_value(&tera::Value::String("\u{2069}\u{202e}x".to_string()));
        assert_eq!(value, FluentValue::from("\u{202e}x\u{202c}"));
    }
}
