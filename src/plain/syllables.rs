//! Syllables per word, from hyphenation patterns.
//!
//! The `hypher` crate embeds the TeX hyphenation patterns of about 50
//! languages (among the shipped ones: de, en, tr, ru, uk, pl, bg, el and,
//! for `kmr`, Kurmanji). A word's syllables are its hyphenation points plus
//! one, with no minimum syllable length at the word edges (patterns alone
//! decide, so "Abend" is A-bend), and a piece without a vowel letter is
//! not counted ("is-t" is one syllable). Parts joined by a Mediopunkt or hyphen are
//! counted separately. English uses a spelling rule instead (see `english`).
//!
//! Fallback for languages without patterns (ar, fa, ro, …): one syllable per
//! group of consecutive vowel letters (Latin, Cyrillic, Greek vowels, and the
//! Arabic-script long vowels ا و ي ى آ), at least one per word. Only the
//! formula of such languages, LIX, needs no syllables at all, so the
//! fallback never changes a reported figure of the shipped site.

use std::collections::HashMap;

/// The pattern language of a site language key, if `hypher` has one.
pub fn pattern_language(lang: &str) -> Option<hypher::Lang> {
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    let iso = match primary {
        "kmr" => "ku",
        "nob" | "nno" => "no",
        other => other,
    };
    let bytes: [u8; 2] = iso.as_bytes().try_into().ok()?;
    hypher::Lang::from_iso(bytes)
}

/// Syllables of one word (letters; a number counts as one syllable).
///
/// Remembered per thread, language and word: hyphenation is the costly part
/// of the readability figures, and the same words recur on every page
/// ("und", "die", "Integration").
pub fn count(word: &str, lang: Option<hypher::Lang>) -> usize {
    type Words = HashMap<Box<str>, usize, foldhash::fast::RandomState>;
    thread_local! {
        static SEEN: std::cell::RefCell<HashMap<Option<hypher::Lang>, Words, foldhash::fast::RandomState>> =
            std::cell::RefCell::default();
    }
    // Long words are rarely repeated; a bounded memo keeps memory flat on
    // a site with a large vocabulary.
    const LONGEST: usize = 40;
    const MOST: usize = 20_000;
    if word.len() > LONGEST {
        return count_uncached(word, lang);
    }
    SEEN.with(|seen| {
        let mut seen = seen.borrow_mut();
        let words = seen.entry(lang).or_default();
        if let Some(&n) = words.get(word) {
            return n;
        }
        let n = count_uncached(word, lang);
        if words.len() < MOST {
            words.insert(word.into(), n);
        }
        n
    })
}

/// [`count`] without the memo.
fn count_uncached(word: &str, lang: Option<hypher::Lang>) -> usize {
    let mut total = 0;
    for part in word.split(|c: char| !c.is_alphabetic()) {
        if part.is_empty() {
            continue;
        }
        total += match lang {
            Some(hypher::Lang::English) => english(part),
            // Patterns are made for hyphenation and may split off a final
            // consonant ("is-t") when allowed to break one letter from the
            // edge; a piece without a vowel is not a syllable.
            Some(l) => hypher::hyphenate_bounded(part, l, 1, 1)
                .filter(|piece| piece.chars().any(is_vowel))
                .count()
                .max(1),
            None => vowel_groups(part).max(1),
        };
    }
    total.max(1)
}

/// English spelling is too irregular for hyphenation patterns, which mark
/// only the breaks a typesetter may use ("city", "every" get none). The
/// rule: groups of vowel letters (y after a consonant is a vowel), minus a
/// silent final "e" (not in "-le" after a consonant: "peo-ple"), minus a
/// silent "e" in a final "-es" or "-ed" ("makes", "used"; not "places",
/// "wanted").
fn english(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|&c| c.is_alphabetic())
        .collect();
    let vowel = |i: usize| -> bool {
        match w.get(i) {
            Some('a' | 'e' | 'i' | 'o' | 'u') => true,
            Some('y') => i > 0 && !matches!(w.get(i - 1), Some('a' | 'e' | 'i' | 'o' | 'u')),
            _ => false,
        }
    };
    let mut count = 0;
    for i in 0..w.len() {
        if vowel(i) && (i == 0 || !vowel(i - 1)) {
            count += 1;
        }
    }
    let n = w.len();
    let at = |i: usize| w.get(i).copied().unwrap_or(' ');
    // A silent "e" before "-ment" after vowel + consonant: "state-ment",
    // "re-quire-ments", "man-age-ment".
    for i in 2..n.saturating_sub(4) {
        if at(i) == 'e'
            && w.get(i + 1..i + 5) == Some(&['m', 'e', 'n', 't'][..])
            && !vowel(i - 1)
            && vowel(i - 2)
        {
            count -= 1;
        }
    }
    let consonant = |i: usize| n > i && w.get(i).is_some_and(|&c| c.is_alphabetic()) && !vowel(i);
    if n > 2 && at(n - 1) == 'e' && !vowel(n - 2) {
        let syllabic_le = at(n - 2) == 'l' && n > 3 && consonant(n - 3);
        if !syllabic_le {
            count -= 1;
        }
    } else if n > 3 && at(n - 2) == 'e' && !vowel(n - 3) && consonant(n - 3) {
        let silent = match at(n - 1) {
            'd' => !matches!(at(n - 3), 't' | 'd'),
            's' => {
                let sibilant = matches!(at(n - 3), 's' | 'x' | 'z' | 'c' | 'g')
                    || (at(n - 3) == 'h' && matches!(at(n - 4), 'c' | 's'));
                let syllabic_les = at(n - 3) == 'l' && consonant(n - 4);
                !sibilant && !syllabic_les
            }
            _ => false,
        };
        if silent {
            count -= 1;
        }
    }
    count.max(1)
}

/// The vowel letters (lower case) of the Latin, Cyrillic and Greek
/// alphabets the counts know, and the Arabic-script long vowels.
const VOWELS: &str = "aeiouyàáâãäåæèéêëìíîïòóôõöøùúûüýÿăœąęıőű\
     аеёиоуыэюяіїєѣ\
     αεηιουωάέήίόύώϊϋΐΰ\
     اويىآ";

/// [`VOWELS`] as a bitmap of the code points below U+0800 (all of them
/// are): one bit test per letter instead of a search of the string.
static VOWEL_BITS: std::sync::LazyLock<[u64; 32]> = std::sync::LazyLock::new(|| {
    let mut bits = [0u64; 32];
    for c in VOWELS.chars() {
        let u = c as usize;
        if let Some(word) = bits.get_mut(u / 64) {
            *word |= 1 << (u % 64);
        }
    }
    bits
});

fn is_vowel(c: char) -> bool {
    let c = if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    };
    let u = c as usize;
    VOWEL_BITS
        .get(u / 64)
        .is_some_and(|word| word >> (u % 64) & 1 == 1)
}

fn vowel_groups(word: &str) -> usize {
    let mut groups = 0;
    let mut in_vowel = false;
    for c in word.chars() {
        let v = is_vowel(c);
        if v && !in_vowel {
            groups += 1;
        }
        in_vowel = v;
    }
    groups
}

/// Letters of a word (what LIX and the long-word counts measure).
pub fn letters(word: &str) -> usize {
    word.chars().filter(|&c| c.is_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pattern_languages_of_the_shipped_site() {
        for lang in ["de", "en", "tr", "ru", "uk", "pl", "bg", "el", "kmr"] {
            assert!(pattern_language(lang).is_some(), "{lang}");
        }
        for lang in ["ar", "fa", "ro"] {
            assert!(pattern_language(lang).is_none(), "{lang}");
        }
    }

    #[test]
    fn hand_counted_syllables() {
        let de = pattern_language("de");
        // Hand-counted: In-te-gra-ti-on, Stadt, Leit-bild, Zu-sam-men-le-ben.
        assert_eq!(count("Integration", de), 5);
        assert_eq!(count("Stadt", de), 1);
        assert_eq!(count("Leit·bild", de), 2);
        assert_eq!(count("Zusammenleben", de), 5);
        assert_eq!(count("2026", de), 1);
        let en = pattern_language("en");
        assert_eq!(count("integration", en), 4);
        assert_eq!(count("city", en), 2);
        assert_eq!(count("people", en), 2);
        assert_eq!(count("every", en), 3);
        assert_eq!(count("makes", en), 1);
        assert_eq!(count("places", en), 2);
        assert_eq!(count("wanted", en), 2);
        assert_eq!(count("used", en), 1);
        assert_eq!(count("principles", en), 3);
        assert_eq!(count("language", en), 2);
        assert_eq!(count("statement", en), 2);
        assert_eq!(count("requirements", en), 3);
        let tr = pattern_language("tr");
        // Turkish: one syllable per vowel. En-teg-ras-yon.
        assert_eq!(count("entegrasyon", tr), 4);
    }

    #[test]
    fn every_listed_vowel_is_in_the_bitmap() {
        // A letter added to the list beyond the bitmap's range would be
        // lost without this.
        for c in VOWELS.chars().filter(|c| !c.is_whitespace()) {
            assert!(is_vowel(c), "{c:?}");
        }
    }

    proptest::proptest! {
        /// The bitmap holds exactly the vowels of the list, in either case.
        #[test]
        fn vowels_are_the_listed_letters(c in proptest::prop_oneof![
            proptest::char::range('\0', '\u{07FF}'),
            proptest::char::any(),
        ]) {
            let lower = c.to_lowercase().next().unwrap_or(c);
            proptest::prop_assert_eq!(is_vowel(c), VOWELS.contains(lower));
        }

        /// The memo answers as the count itself, in every language mode.
        #[test]
        fn remembered_counts_are_the_counts(
            word in "[a-zA-ZäöüßıİçğşÇĞŞ·\\-]{0,12}|[а-яё]{0,12}|[α-ω]{0,12}|\\PC{0,50}",
            lang in proptest::prop_oneof![
                proptest::strategy::Just("de"), proptest::strategy::Just("en"),
                proptest::strategy::Just("tr"), proptest::strategy::Just("ru"),
                proptest::strategy::Just("el"), proptest::strategy::Just("ro"),
            ],
        ) {
            let lang = pattern_language(lang);
            let first = count(&word, lang);
            proptest::prop_assert_eq!(first, count_uncached(&word, lang));
            proptest::prop_assert_eq!(count(&word, lang), first);
        }
    }

    #[test]
    fn fallback_counts_vowel_groups() {
        assert_eq!(count("integrare", None), 4);
        assert_eq!(count("Strauß", None), 1);
        assert_eq!(count("xyz", None), 1);
        assert_eq!(letters("Integrations·konzept"), 19);
    }
}
