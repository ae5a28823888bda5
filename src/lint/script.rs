//! Text in a writing system foreign to the language in effect (rule
//! `a11y/foreign-script`, WCAG 3.1.2 "Language of Parts").
//!
//! A page language's expected scripts come from CLDR likely subtags (ICU4X
//! `LocaleExpander`: `de` → Latn, `fa` → Arab, `bg` → Cyrl; `ja` → Jpan is
//! widened to Han, Hiragana and Katakana, `ko` → Kore to Hangul and Han). Every
//! character's script comes from the Unicode Script_Extensions property
//! (`unicode-script`), so digits, punctuation and marks shared by many
//! scripts (Common, Inherited, the Arabic comma in Persian) never count.
//!
//! What is *not* reported, so that names and numbers pass (documented in
//! docs/content/lint.md):
//! - whitespace-separated tokens holding a digit, `/`, `@`, `:`, `.` inside,
//!   `_` or `=` (numbers, URLs, e-mail addresses, file names, code);
//! - in scripts with case (Latin, Cyrillic, Greek, Armenian, …): words that
//!   start with a capital letter (names such as "Bielefeld", acronyms such
//!   as "WCAG");
//! - foreign words shorter than two letters.
//!
//! A text node is reported when, after that, two or more foreign words are
//! left, or one word of a script without case (Arabic in a German page).

use unicode_script::{Script, ScriptExtension, UnicodeScript};

/// The scripts a language is written in, from CLDR likely subtags. `None`
/// when the tag is not a valid language tag or CLDR knows no script for it.
pub fn expected_scripts(lang: &str) -> Option<Vec<Script>> {
    let mut id: icu_locale::LanguageIdentifier = lang.parse().ok()?;
    if id.script.is_none() {
        icu_locale::LocaleExpander::new_extended().maximize(&mut id);
    }
    if id.script.is_none() {
        // CLDR keeps likely subtags under the canonical tag only (`kmr` is
        // an alias of `ku`): canonicalise, then expand again.
        let mut locale = icu_locale::Locale::from(id.clone());
        icu_locale::LocaleCanonicalizer::new_extended().canonicalize(&mut locale);
        id = locale.id;
        icu_locale::LocaleExpander::new_extended().maximize(&mut id);
    }
    let code = id.script?;
    let scripts = match code.as_str() {
        "Jpan" => vec![Script::Han, Script::Hiragana, Script::Katakana],
        "Kore" => vec![Script::Hangul, Script::Han],
        "Hans" | "Hant" => vec![Script::Han],
        other => vec![Script::from_short_name(other)?],
    };
    Some(scripts)
}

/// A foreign-script finding in one text node: the offending words (for the
/// message) and the script of the first.
#[derive(Debug, PartialEq, Eq)]
pub struct Foreign {
    pub words: Vec<String>,
    pub script: Script,
}

/// The expected scripts of one language, with the answers of
/// [`is_foreign_letter`] for the letters met so far on a page (one slot per
/// low byte of the code point): a page's text uses a few dozen letters
/// thousands of times, and each answer is a search of the Unicode tables.
pub struct Letters {
    expected: Vec<Script>,
    seen: Vec<(char, bool)>,
}

impl Letters {
    pub fn new(expected: Vec<Script>) -> Letters {
        Letters {
            expected,
            // NUL is no letter: an empty slot gives the right answer.
            seen: vec![('\0', false); 256],
        }
    }

    fn is_foreign(&mut self, c: char) -> bool {
        if c.is_ascii() {
            return is_foreign_letter(c, &self.expected);
        }
        let slot = c as usize % 256;
        match self.seen.get(slot) {
            Some(&(seen, foreign)) if seen == c => foreign,
            _ => {
                let foreign = is_foreign_letter(c, &self.expected);
                if let Some(s) = self.seen.get_mut(slot) {
                    *s = (c, foreign);
                }
                foreign
            }
        }
    }

    /// [`find_foreign`] with these scripts.
    pub fn find_foreign(&mut self, text: &str) -> Option<Foreign> {
        // Nearly every text node has no foreign letter at all: one look at
        // each character settles that before the word-by-word reading.
        if !text.chars().any(|c| self.is_foreign(c)) {
            return None;
        }
        find_foreign(text, &self.expected)
    }
}

/// Checks one text node against the expected scripts.
pub fn find_foreign(text: &str, expected: &[Script]) -> Option<Foreign> {
    let mut words = Vec::new();
    let mut first_script = None;
    let mut uncased_word = false;
    for token in text.split_whitespace() {
        if !token.chars().any(|c| is_foreign_letter(c, expected)) || is_code_like(token) {
            continue;
        }
        for word in token.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’') {
            let Some(script) = foreign_script(word, expected) else {
                continue;
            };
            if word.chars().filter(|&c| c.is_alphabetic()).count() < 2 {
                continue;
            }
            let cased = word.chars().any(|c| c.is_uppercase() || c.is_lowercase());
            if cased && word.chars().next().is_some_and(char::is_uppercase) {
                continue; // a name or an acronym
            }
            uncased_word |= !cased;
            first_script.get_or_insert(script);
            words.push(word.to_string());
        }
    }
    let script = first_script?;
    (words.len() >= 2 || uncased_word).then_some(Foreign { words, script })
}

/// The foreign script of a word: a script of its letters that none of the
/// expected scripts shares (via Script_Extensions), if any.
fn foreign_script(word: &str, expected: &[Script]) -> Option<Script> {
    for c in word.chars().filter(|&c| c.is_alphabetic()) {
        let ext: ScriptExtension = c.script_extension();
        if ext.is_common() || ext.is_inherited() || ext.is_empty() {
            continue;
        }
        if !expected.iter().any(|s| ext.contains_script(*s)) {
            return Some(c.script());
        }
    }
    None
}

/// Whether `c` is a letter none of whose scripts is expected: the test
/// [`foreign_script`] makes of each letter (ASCII letters are Latin).
fn is_foreign_letter(c: char, expected: &[Script]) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic() && !expected.contains(&Script::Latin);
    }
    if !c.is_alphabetic() {
        return false;
    }
    let ext = c.script_extension();
    let shared = ext.is_common() || ext.is_inherited() || ext.is_empty();
    !shared && !expected.iter().any(|s| ext.contains_script(*s))
}

fn is_code_like(token: &str) -> bool {
    let inner = token.trim_matches(|c: char| !c.is_alphanumeric());
    token
        .chars()
        .any(|c| c.is_ascii_digit() || "/@_=".contains(c))
        || inner.contains(['.', ':'])
        || token.chars().any(|c| c.is_numeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scripts(lang: &str) -> Vec<Script> {
        expected_scripts(lang).unwrap_or_default()
    }

    #[test]
    fn cldr_gives_the_scripts_of_the_shipped_languages() {
        for (lang, script) in [
            ("de", Script::Latin),
            ("en", Script::Latin),
            ("tr", Script::Latin),
            ("pl", Script::Latin),
            ("ro", Script::Latin),
            ("kmr", Script::Latin),
            ("ar", Script::Arabic),
            ("fa", Script::Arabic),
            ("ru", Script::Cyrillic),
            ("uk", Script::Cyrillic),
            ("bg", Script::Cyrillic),
            ("el", Script::Greek),
        ] {
            assert_eq!(scripts(lang), [script], "{lang}");
        }
        assert_eq!(scripts("sr-Latn"), [Script::Latin]);
        assert_eq!(scripts("ja").len(), 3);
        assert_eq!(expected_scripts("not a tag"), None);
    }

    #[test]
    fn the_letter_test_is_the_word_test_of_one_letter() {
        let samples = (0..0x900)
            .filter_map(char::from_u32)
            .chain("Ḁἀ一あアᄀ가ﭐ𝐀😀".chars());
        for c in samples {
            for lang in ["de", "ar", "ru", "el", "ja"] {
                let expected = scripts(lang);
                assert_eq!(
                    is_foreign_letter(c, &expected),
                    foreign_script(&c.to_string(), &expected).is_some(),
                    "{c:?} in {lang}"
                );
            }
        }
    }

    /// The remembered answers are the answers, also for letters that
    /// share a slot (U+0436 and U+0536, Cyrillic and Armenian).
    #[test]
    fn remembered_letters_give_the_letter_test() {
        for lang in ["ru", "hy", "de"] {
            let mut letters = Letters::new(scripts(lang));
            for c in "жԶжaԶ日жﭐ"
                .chars()
                .chain((0x400..0x600).filter_map(char::from_u32))
            {
                assert_eq!(
                    letters.is_foreign(c),
                    is_foreign_letter(c, &scripts(lang)),
                    "{c:?} in {lang}"
                );
            }
        }
    }

    #[test]
    fn arabic_in_german_is_foreign() {
        let f = find_foreign("Willkommen – أهلا وسهلا in Bielefeld", &scripts("de"));
        assert_eq!(
            f,
            Some(Foreign {
                words: vec!["أهلا".into(), "وسهلا".into()],
                script: Script::Arabic
            })
        );
        // One Arabic word is enough: Arabic has no case, so it is no name.
        assert!(find_foreign("Das Wort مرحبا heißt Hallo.", &scripts("de")).is_some());
    }

    #[test]
    fn latin_text_in_arabic_beyond_names_and_numbers_is_foreign() {
        let ar = scripts("ar");
        assert!(find_foreign("مدينة Bielefeld عام 2026 و WCAG 2.2", &ar).is_none());
        assert!(find_foreign("راجع https://example.org/x أو mail@example.org", &ar).is_none());
        let f = find_foreign("هذا النص welcome to the city مكتوب", &ar);
        assert_eq!(
            f.map(|f| f.words),
            Some(vec![
                "welcome".into(),
                "to".into(),
                "the".into(),
                "city".into()
            ])
        );
    }

    #[test]
    fn shared_characters_and_own_script_are_not_foreign() {
        // Persian uses the Arabic script, with its own letters and the Arabic comma.
        assert!(find_foreign("مفهوم ادغام، گام‌های اجرایی", &scripts("fa")).is_none());
        assert!(find_foreign("Українська мова: ї, є, ґ", &scripts("uk")).is_none());
        assert!(find_foreign("Zêdetir agahî li vir", &scripts("kmr")).is_none());
        // Cyrillic in a Greek page.
        assert!(find_foreign("Ελληνικά και русский текст", &scripts("el")).is_some());
    }
}
