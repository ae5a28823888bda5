//! The language of parts (WCAG 3.1.2): text in a script foreign to the
//! language in effect (`a11y/foreign-script`, see `lint::script` for what
//! counts), and `lang` attributes that are no language tag
//! (`a11y/lang-invalid`).

use crate::lint::pass::{Scan, Tag};

pub(super) fn element(s: &mut Scan, tag: &Tag) {
    // `<html lang>` has a rule of its own (`a11y/html-lang`).
    if tag.name == "html" {
        return;
    }
    if let Some(lang) = tag.lang()
        && !lang.is_empty()
        && lang.parse::<icu_locale::LanguageIdentifier>().is_err()
    {
        s.report(
            "a11y/lang-invalid",
            format!(
                "lang=\"{lang}\" on <{}> is not a BCP 47 language tag",
                tag.name
            ),
            Some(tag.at),
        );
    }
}

/// Checks one text node for words in a foreign script.
pub(super) fn text(s: &mut Scan, text: &str, at: usize) {
    let lang = s.lang().to_string();
    let Some(found) = s
        .letters(&lang)
        .and_then(|letters| letters.find_foreign(text))
    else {
        return;
    };
    let sample = found
        .words
        .iter()
        .take(4)
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    let inside = if lang.is_empty() {
        "unmarked".to_string()
    } else {
        format!("`{lang}`")
    };
    s.report(
        "a11y/foreign-script",
        format!(
            "text in {} script (“{sample}”) inside {inside} text has no lang attribute",
            found.script.full_name()
        ),
        Some(at),
    );
}
