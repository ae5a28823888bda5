//! The language of parts (WCAG 3.1.2): text in a script foreign to the
//! language in effect (`a11y/foreign-script`, see `lint::script` for what
//! counts), the name of a site language in itself inside text of another
//! language (`a11y/language-name-lang`: a same-script word such as
//! "Deutsch" in English, which no script can tell), and `lang` attributes
//! that are no language tag (`a11y/lang-invalid`).

use crate::lint::pass::{Scan, Tag};
use crate::lint::same_language;

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

/// Checks one text node for words in a foreign script and for the names
/// of other site languages.
pub(super) fn text(s: &mut Scan, text: &str, at: usize) {
    let lang = s.lang().to_string();
    let foreign = foreign_script(s, &lang, text, at);
    endonyms(s, &lang, text, at, &foreign);
}

/// Reports the words of `text` in a script foreign to `lang`, and returns
/// them (none when there are none, or too few to report).
fn foreign_script(s: &mut Scan, lang: &str, text: &str, at: usize) -> Vec<String> {
    let Some(found) = s
        .letters(lang)
        .and_then(|letters| letters.find_foreign(text))
    else {
        return Vec::new();
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
    found.words
}

/// Reports each site language whose endonym, as site.toml writes it,
/// stands as a word of its own in `text` of another language `lang`
/// (“Read the original in Deutsch” without `lang="de"` around “Deutsch”).
/// A name among the words the script rule reported (`foreign`) is left to
/// that rule; text of no known language is left to `a11y/html-lang`.
fn endonyms(s: &mut Scan, lang: &str, text: &str, at: usize, foreign: &[String]) {
    if lang.is_empty() {
        return;
    }
    for language in s.languages_named_in(text) {
        let name = language.endonym.as_str();
        if same_language(&language.tag, lang)
            || name
                .split_whitespace()
                .all(|w| foreign.iter().any(|f| f == w))
        {
            continue;
        }
        s.report(
            "a11y/language-name-lang",
            format!(
                "“{name}”, the name of `{}`, inside `{lang}` text has no lang=\"{}\"",
                language.tag, language.tag
            ),
            Some(at),
        );
    }
}

/// Whether the word at `start..end` of `text` stands as a whole: neither
/// end touches a letter, digit or joiner (“Deutsch” is not in
/// “Deutschland”; a Persian name is not in the same name with a suffix
/// after a zero-width non-joiner).
pub(crate) fn stands_alone(text: &str, start: usize, end: usize) -> bool {
    let inside = |c: char| c.is_alphanumeric() || matches!(c, '\u{200c}' | '\u{200d}');
    let before = text.get(..start).and_then(|t| t.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    !before.is_some_and(inside) && !after.is_some_and(inside)
}

/// Whether `word` stands in `text` as a whole ([`stands_alone`]).
#[cfg(test)]
fn has_word(text: &str, word: &str) -> bool {
    !word.trim().is_empty()
        && text
            .match_indices(word)
            .any(|(i, _)| stands_alone(text, i, i + word.len()))
}

#[cfg(test)]
mod tests {
    use super::has_word;

    #[test]
    fn a_name_is_found_as_a_whole_word_only() {
        assert!(has_word("Read the original in Deutsch.", "Deutsch"));
        assert!(has_word("Deutsch", "Deutsch"));
        assert!(has_word("(Türkçe)", "Türkçe"));
        assert!(has_word("in Kurmancî: ", "Kurmancî"));
        assert!(!has_word("Welcome to Deutschland", "Deutsch"));
        assert!(!has_word("Plattdeutsch", "Deutsch"));
        assert!(!has_word("the Deutsch2 file", "Deutsch"));
        // Letters beyond ASCII are letters: “Kurmancîya” is a longer word.
        assert!(!has_word("Kurmancîya", "Kurmancî"));
        assert!(!has_word("Sayfanın Türkçesi", "Türkçe"));
        // A Persian suffix joined by a zero-width non-joiner.
        assert!(has_word("به فارسی بخوانید", "فارسی"));
        assert!(!has_word("فارسی\u{200c}زبان", "فارسی"));
        // As written: case matters (“polski” is an adjective, not the name).
        assert!(!has_word("po polsku, język polski", "Polski"));
        assert!(!has_word("any text", ""));
    }
}
