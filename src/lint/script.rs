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
//! What is *not* reported, so that names and numbers pass (documented in the
//! README):
//! - whitespace-separated tokens holding a digit, `/`, `@`, `:`, `.` inside,
//!   `_` or `=` (numbers, URLs, e-mail addresses, file names, code);
//! - in scripts with case (Latin, Cyrillic, Greek, Armenian, …): words that
//!   start with a capital letter (names such as "Bielefeld", acronyms such
//!   as "WCAG");
//! - foreign words shorter than two letters.
//!
//! A text node is reported when, after that, two or more foreign words are
//! left, or one word of a script without case (Arabic in a German page).

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use unicode_script::{Script, ScriptExtension, UnicodeScript};

// The tables end where two-byte UTF-8 ends, which `has_foreign` decodes
// straight into the bitmap.
use crate::chars::{LowSet, TABLE_END, in_low_set, is_alphabetic, low_set};

/// The scripts of one language with the letters below U+0800 that are
/// foreign to them as a bitmap, so that the per-character test of nearly
/// every text node is one bit lookup.
#[derive(Debug)]
pub struct Expected {
    scripts: Vec<Script>,
    low_foreign: LowSet,
    /// Per byte, 1 where [`Expected::has_foreign`] may pass over the byte
    /// without decoding: an ASCII byte that is no foreign letter, a UTF-8
    /// continuation byte, and the lead byte of a two-byte sequence none of
    /// whose 64 characters is a foreign letter (`D0` in Russian, `D8` in
    /// Arabic). Text in the page's own script is then one lookup per byte.
    clean: [u8; 256],
    /// Whether `clean` passes every ASCII byte (no ASCII letter is foreign:
    /// the Latin-script languages), so that eight ASCII bytes pass as one
    /// word.
    ascii_clean: bool,
    /// `clean` as a formula, when one says the same of every byte (it does
    /// for every shipped language): then 32 bytes are tested at once.
    classes: Option<Classes>,
}

/// The bytes a language's [`Expected::clean`] passes, as a test of a few
/// comparisons that the compiler turns into vector instructions (32 bytes
/// at once; a table lookup per byte cannot be): every ASCII byte but the
/// letters when those are foreign, every continuation byte, and the lead
/// bytes of two ranges (Cyrillic `D0`–`D3` and the combining marks' `CC`).
/// One more lead byte may pass by the byte after it: Greek's `CF`, whose
/// 64 characters are Greek but for 14 Coptic letters together (U+03E2 to
/// U+03EF); stopping at every `CF` made Greek pages take twice as long.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Classes {
    letters_foreign: bool,
    /// Lead-byte ranges as (first, last − first); (0, 0x7F) is empty.
    leads: [(u8, u8); 2],
    /// A lead byte that passes when the byte after it is not in a range
    /// (first, last − first): (lead, continuation, span). [`NO_PARTIAL`]:
    /// none (`C0` begins no character, and no byte is outside its range).
    partial: (u8, u8, u8),
}

const NO_PARTIAL: (u8, u8, u8) = (0xC0, 0x00, 0xFF);

impl Classes {
    /// The formula that says what `clean` says of every byte, if one does;
    /// with the lead byte that passes by the byte after it, if one of the
    /// others has letters that are not foreign and its foreign letters
    /// (`foreign`, a bitmap by code point) in one range.
    fn of(clean: &[u8; 256], foreign: &[u64]) -> Option<Classes> {
        let passes = |b: u8| clean.get(usize::from(b)) == Some(&1);
        let mut runs: Vec<(u8, u8)> = Vec::new();
        for b in (0xC0..=0xFF).filter(|&b| passes(b)) {
            match runs.last_mut() {
                Some((first, span)) if first.wrapping_add(*span).wrapping_add(1) == b => *span += 1,
                _ => runs.push((b, 0)),
            }
        }
        let mut leads = [(0x00, 0x7F); 2];
        for (slot, run) in leads.iter_mut().zip(&runs) {
            *slot = *run;
        }
        let partial = (0xC2..=0xDFu8)
            .filter(|&lead| !passes(lead))
            .filter_map(|lead| {
                let code = |c: u8| u32::from(lead & 0x1F) << 6 | u32::from(c & 0x3F);
                let is_foreign = |c: u8| in_low_set(foreign, code(c) as usize);
                let (first, last) = (
                    (0x80..0xC0).find(|&c| is_foreign(c))?,
                    (0x80..0xC0).rev().find(|&c| is_foreign(c))?,
                );
                let own_letters = (0x80..0xC0u8)
                    .filter(|&c| {
                        !is_foreign(c) && char::from_u32(code(c)).is_some_and(is_alphabetic)
                    })
                    .count();
                ((first..=last).all(is_foreign) && own_letters > 0)
                    .then_some((own_letters, (lead, first, last - first)))
            })
            .max()
            .map_or(NO_PARTIAL, |(_, partial)| partial);
        let classes = Classes {
            letters_foreign: !passes(b'a'),
            leads,
            partial,
        };
        // Before a byte of the partial lead's range, the formula stops
        // where the table does.
        (runs.len() <= 2 && (0..=255u8).all(|b| classes.stops(b, partial.1) != passes(b)))
            .then_some(classes)
    }

    /// Whether the walk stops at byte `b`, followed by `next`.
    /// Branch-free, for vectors.
    #[inline(always)]
    fn stops(self, b: u8, next: u8) -> bool {
        let letter = self.letters_foreign & ((b | 0x20).wrapping_sub(b'a') < 26);
        let [(lo1, span1), (lo2, span2)] = self.leads;
        let own_lead = (b.wrapping_sub(lo1) <= span1) | (b.wrapping_sub(lo2) <= span2);
        let (lead, first, span) = self.partial;
        let passes_by_next = (b == lead) & (next.wrapping_sub(first) > span);
        letter | ((b >= 0xC0) & !own_lead & !passes_by_next)
    }

    /// The index of the first byte from `at` on that stops the walk (or
    /// the end), 32 bytes at a time; the last piece is read as the last 32
    /// bytes of `bytes`. `None` when `bytes` is shorter than that.
    fn first_stop(self, bytes: &[u8], mut at: usize) -> Option<usize> {
        while let Some((chunk, _)) = bytes.get(at..).and_then(<[u8]>::split_first_chunk::<32>) {
            let stop = self.first_in(chunk, 0);
            if stop < 32 {
                return Some(at + stop as usize);
            }
            at += 32;
        }
        let (_, last) = bytes.split_last_chunk::<32>()?;
        let start = bytes.len() - 32;
        // The bytes before `at` were passed (or stopped the walk before).
        let skip = u32::try_from(at.saturating_sub(start)).unwrap_or(32);
        Some(start + self.first_in(last, skip) as usize)
    }

    /// Where the first byte of `chunk` from `skip` on that stops the walk
    /// is (32: none).
    #[inline(always)]
    fn first_in(self, chunk: &[u8; 32], skip: u32) -> u32 {
        // One flag byte per byte (vector instructions), then the first
        // flag eight bytes at a time. The last byte's next is unknown:
        // there a partial lead stops the walk.
        let mut next = [self.partial.1; 32];
        if let (Some(to), Some(from)) = (next.get_mut(..31), chunk.get(1..)) {
            to.copy_from_slice(from);
        }
        let mut flags = [0u8; 32];
        for ((flag, &b), &next) in flags.iter_mut().zip(chunk).zip(&next) {
            *flag = u8::from(self.stops(b, next));
        }
        let mut at = 0;
        for eight in flags.as_chunks::<8>().0 {
            // The low bytes of the word are the first.
            let keep = u64::MAX
                .checked_shl(8 * skip.saturating_sub(at).min(8))
                .unwrap_or(0);
            let word = u64::from_le_bytes(*eight) & keep;
            if word != 0 {
                return at + word.trailing_zeros() / 8;
            }
            at += 8;
        }
        at
    }
}

impl Expected {
    pub fn new(scripts: Vec<Script>) -> Expected {
        let low_foreign =
            low_set(|u| char::from_u32(u).is_some_and(|c| is_foreign_letter(c, &scripts)));
        let foreign = |u: u32| in_low_set(&low_foreign, u as usize);
        let mut clean = [0u8; 256];
        for (b, c) in (0u32..).zip(clean.iter_mut()) {
            let passes = match b {
                0..=0x7F => !foreign(b),
                0x80..=0xBF => true,
                0xC2..=0xDF => {
                    let first = (b & 0x1F) << 6;
                    (first..first + 0x40).all(|u| !foreign(u))
                }
                _ => false,
            };
            *c = u8::from(passes);
        }
        let ascii_clean = clean.iter().take(0x80).all(|c| *c == 1);
        Expected {
            scripts,
            low_foreign,
            classes: Classes::of(&clean, &low_foreign),
            clean,
            ascii_clean,
        }
    }

    /// The expected scripts of `lang` ([`expected_scripts`]), computed once
    /// per process and language and kept for the process's life (a few
    /// hundred bytes a language): shared without a reference count, which
    /// both build threads would otherwise change for every language of
    /// every page. This takes the process-wide lock: the lint asks a
    /// thread's own list, by interned tag, first (`lint::expected_script`).
    pub fn of(lang: &str) -> Option<&'static Expected> {
        static CACHE: LazyLock<Mutex<HashMap<String, Option<&'static Expected>>>> =
            LazyLock::new(Mutex::default);
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(known) = cache.get(lang) {
            return *known;
        }
        *cache.entry(lang.to_string()).or_insert_with(|| {
            expected_scripts(lang).map(|s| &*Box::leak(Box::new(Expected::new(s))))
        })
    }

    fn is_foreign(&self, c: char) -> bool {
        let u = c as u32;
        if u < TABLE_END {
            in_low_set(&self.low_foreign, u as usize)
        } else {
            is_foreign_letter(c, &self.scripts)
        }
    }

    /// Whether `text` holds a letter foreign to these scripts. Walks the
    /// bytes by the [`Expected::clean`] table, eight at a time; only a byte
    /// the table does not pass is looked at: an ASCII letter (foreign), a
    /// two-byte character (decoded straight into the bitmap) or a longer
    /// one.
    fn has_foreign(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        let mut at = 0;
        loop {
            at = self.pass_clean(bytes, at);
            let Some(&b) = bytes.get(at) else {
                return false;
            };
            if b < 0x80 {
                return true;
            }
            if let (0xC2..=0xDF, Some(&next)) = (b, bytes.get(at + 1)) {
                let u = usize::from(b & 0x1F) << 6 | usize::from(next & 0x3F);
                if in_low_set(&self.low_foreign, u) {
                    return true;
                }
                at += 2;
                continue;
            }
            let Some(c) = text.get(at..).and_then(|rest| rest.chars().next()) else {
                return false;
            };
            if self.is_foreign(c) {
                return true;
            }
            at += c.len_utf8();
        }
    }

    /// The index of the first byte from `at` on that the clean table does
    /// not pass (or the end); by the formula, a partial lead before a byte
    /// outside its range passes too ([`Classes`]).
    fn pass_clean(&self, bytes: &[u8], mut at: usize) -> usize {
        let clean = |b: &u8| self.clean[usize::from(*b)];
        if let Some(stop) = self.classes.and_then(|c| c.first_stop(bytes, at)) {
            return stop;
        }
        while let Some((eight, _)) = bytes.get(at..).and_then(<[u8]>::split_first_chunk::<8>) {
            let ascii = u64::from_le_bytes(*eight) & 0x8080_8080_8080_8080 == 0;
            if !(self.ascii_clean && ascii) && eight.iter().fold(1, |all, b| all & clean(b)) == 0 {
                break;
            }
            at += 8;
        }
        while bytes.get(at).is_some_and(|b| clean(b) == 1) {
            at += 1;
        }
        at
    }

    /// [`find_foreign`] with this language's scripts.
    pub fn find_foreign(&self, text: &str) -> Option<Foreign> {
        if !self.has_foreign(text) {
            return None;
        }
        find_foreign(text, &self.scripts)
    }
}

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
/// message and for finding the Markdown line) and the script of the first.
#[derive(Debug, PartialEq, Eq)]
pub struct Foreign {
    pub words: Vec<String>,
    pub script: Script,
}

/// Checks one text node against the expected scripts.
pub fn find_foreign(text: &str, expected: &[Script]) -> Option<Foreign> {
    // Nearly every text node holds no letter of a foreign script at all:
    // one table lookup per character settles that before the word-by-word
    // analysis below (which calls `is_alphabetic` several times per char).
    if !text.chars().any(|c| is_foreign_letter(c, expected)) {
        return None;
    }
    let mut words = Vec::new();
    let mut first_script = None;
    let mut uncased_word = false;
    for token in text.split_whitespace() {
        // A token without a foreign letter has no foreign word (the same
        // test `foreign_script` makes, by table).
        if !token.chars().any(|c| is_foreign_letter(c, expected)) || is_code_like(token) {
            continue;
        }
        for word in token.split(|c: char| !is_alphabetic(c) && c != '\'' && c != '’') {
            let Some(script) = foreign_script(word, expected) else {
                continue;
            };
            if word.chars().filter(|&c| is_alphabetic(c)).count() < 2 {
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
    for c in word.chars().filter(|&c| is_alphabetic(c)) {
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

/// The Script_Extensions of the letters below U+0800 (Latin, Greek,
/// Cyrillic, Armenian, Hebrew, Arabic, Syriac, Thaana, NKo), computed once
/// per process from `unicode-script`: `None` for characters that can never
/// be foreign (not alphabetic, or Common, Inherited, unassigned).
static LOW_LETTERS: LazyLock<Vec<Option<ScriptExtension>>> = LazyLock::new(|| {
    (0..TABLE_END)
        .map(|u| char::from_u32(u).and_then(letter_extension))
        .collect()
});

fn letter_extension(c: char) -> Option<ScriptExtension> {
    if !is_alphabetic(c) {
        return None;
    }
    let ext = c.script_extension();
    (!(ext.is_common() || ext.is_inherited() || ext.is_empty())).then_some(ext)
}

/// Whether `c` is a letter none of whose scripts is expected: exactly the
/// per-character test of [`foreign_script`], with a table for the common
/// alphabets and a shortcut for ASCII where Latin is expected.
fn is_foreign_letter(c: char, expected: &[Script]) -> bool {
    if c.is_ascii() && !c.is_ascii_alphabetic() {
        return false;
    }
    let ext = if (c as u32) < TABLE_END {
        if c.is_ascii() && expected.contains(&Script::Latin) {
            return false;
        }
        LOW_LETTERS.get(c as usize).copied().flatten()
    } else {
        letter_extension(c)
    };
    ext.is_some_and(|ext| !expected.iter().any(|s| ext.contains_script(*s)))
}

fn is_code_like(token: &str) -> bool {
    let inner = token.trim_matches(|c: char| !crate::chars::is_alphanumeric(c));
    token
        .chars()
        .any(|c| c.is_ascii_digit() || "/@_=".contains(c))
        || inner.contains(['.', ':'])
        || token.chars().any(|c| c.is_numeric())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::strategy::Strategy;

    fn scripts(lang: &str) -> Vec<Script> {
        expected_scripts(lang).unwrap_or_default()
    }

    #[test]
    fn the_bitmap_agrees_with_the_per_character_test() {
        for lang in ["de", "ar", "fa", "ru", "el", "ja", "he", "hy"] {
            let scripts = scripts(lang);
            let expected = Expected::of(lang).expect(lang);
            for u in 0..0x3000 {
                if let Some(c) = char::from_u32(u) {
                    assert_eq!(
                        expected.is_foreign(c),
                        is_foreign_letter(c, &scripts),
                        "{lang} {c:?}"
                    );
                }
            }
        }
        // The byte walk agrees with asking every character.
        let samples = [
            "Das Wort مرحبا heißt Hallo.",
            "Integration in Bielefeld – für alle 2026!",
            "Привет, мир: Integrationskonzept",
            "مدينة Bielefeld والاندماج",
            "Καλημέρα kalimera 日本語 ひらがな",
            "",
            "x",
            "ü",
            "trailing ascii after non-ascii: é abc",
        ];
        for lang in ["de", "ar", "fa", "ru", "el", "ja"] {
            let expected = Expected::of(lang).expect(lang);
            // Every two-byte character, alone and between others.
            for c in ('\u{80}'..='\u{7FF}').chain(['日', 'ü']) {
                for text in [c.to_string(), format!("1{c}ж"), format!("{c}{c}")] {
                    assert_eq!(
                        expected.has_foreign(&text),
                        text.chars().any(|c| expected.is_foreign(c)),
                        "{lang} {text:?}"
                    );
                }
            }
            for text in samples {
                for cut in (0..=text.len()).filter(|i| text.is_char_boundary(*i)) {
                    let part = &text[..cut];
                    assert_eq!(
                        expected.has_foreign(part),
                        part.chars().any(|c| expected.is_foreign(c)),
                        "{lang} {part:?}"
                    );
                }
            }
        }
        assert!(
            Expected::of("de")
                .expect("de")
                .find_foreign("Das Wort مرحبا heißt Hallo.")
                .is_some()
        );
        assert!(
            Expected::of("ar")
                .expect("ar")
                .find_foreign("مدينة Bielefeld")
                .is_none()
        );
    }

    /// Text of one language's own script (with digits, punctuation and
    /// white space), and one other character put in at some place.
    fn own_text_and_one_more(own: &'static str) -> impl Strategy<Value = String> {
        use proptest::prelude::*;
        (
            own,
            "[\\u{0080}-\\u{07FF}a日😀]",
            any::<proptest::sample::Index>(),
        )
            .prop_map(|(text, other, at)| {
                let cuts: Vec<usize> = (0..=text.len())
                    .filter(|i| text.is_char_boundary(*i))
                    .collect();
                let cut = cuts[at.index(cuts.len())];
                format!("{}{other}{}", &text[..cut], &text[cut..])
            })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]
        /// The walk (32 bytes at a time by the formula, eight at a time by
        /// the table) agrees with asking every character: on a language's
        /// own text (with punctuation of three bytes, where the walk stops
        /// and goes on) with one character of any two-byte script (Coptic
        /// inside the Greek block, Syriac beside Arabic), a CJK character or
        /// an emoji put in anywhere.
        #[test]
        fn the_byte_walk_agrees_with_every_character(
            (lang, text) in proptest::prop_oneof![
                own_text_and_one_more("[ –€a-zA-Z0-9.,äößüčğ]{0,90}").prop_map(|t| ("de", t)),
                own_text_and_one_more("[ –€0-9.,\\u{0400}-\\u{04FF}]{0,90}").prop_map(|t| ("ru", t)),
                own_text_and_one_more("[ –€0-9.,\\u{0370}-\\u{03FF}]{0,90}").prop_map(|t| ("el", t)),
                own_text_and_one_more("[ –€0-9.,\\u{0600}-\\u{06FF}]{0,90}").prop_map(|t| ("ar", t)),
                own_text_and_one_more("[ –€0-9.,\\u{0600}-\\u{06FF}]{0,90}").prop_map(|t| ("fa", t)),
                own_text_and_one_more("[ –€0-9.,\\u{0590}-\\u{05FF}]{0,90}").prop_map(|t| ("he", t)),
            ],
        ) {
            let expected = Expected::of(lang).expect(lang);
            proptest::prop_assert_eq!(
                expected.has_foreign(&text),
                text.chars().any(|c| expected.is_foreign(c)),
                "{} {:?}", lang, text
            );
        }
    }

    proptest::proptest! {
        /// From any byte on, the walk passes what a byte-by-byte walk by
        /// the table passes, and stops only where the table stops; it may
        /// also pass a partial lead byte before a byte outside its range
        /// (a character of the language's own script), and nothing else:
        /// in every 32-byte chunk and in the last piece, which is read as
        /// the page's last 32 bytes.
        #[test]
        fn the_walk_stops_where_the_table_says(
            lang in proptest::sample::select(vec!["de", "ru", "el", "fa", "he"]),
            bytes in proptest::collection::vec(
                proptest::prop_oneof![
                    8 => proptest::sample::select(b" .,1".to_vec()),
                    // Partial leads, and the ends of their ranges.
                    2 => proptest::sample::select(vec![0xCF, 0xD4, 0xDD, 0x80, 0x8D, 0x8F, 0x90, 0xA1, 0xA2, 0xAF, 0xB0, 0xB1, 0xBF]),
                    1 => proptest::prelude::any::<u8>(),
                ],
                0..100,
            ),
            from in proptest::prelude::any::<proptest::sample::Index>(),
        ) {
            let expected = Expected::of(lang).expect(lang);
            let table = |b: &u8| expected.clean[usize::from(*b)] == 1;
            let at = from.index(bytes.len() + 1);
            let by_table = bytes
                .iter()
                .skip(at)
                .position(|b| !table(b))
                .map_or(bytes.len(), |stop| at + stop);
            let stop = expected.pass_clean(&bytes, at);
            proptest::prop_assert!(by_table <= stop && stop <= bytes.len());
            proptest::prop_assert!(bytes.get(stop).is_none_or(|b| !table(b)));
            let (lead, first, span) = expected.classes.map_or(NO_PARTIAL, |c| c.partial);
            for i in at..stop {
                let passes_by_next = bytes[i] == lead
                    && bytes.get(i + 1).is_some_and(|n| n.wrapping_sub(first) > span);
                proptest::prop_assert!(table(&bytes[i]) || passes_by_next, "byte {} at {}", bytes[i], i);
            }
        }
    }

    /// A partial lead stops the walk before a byte of its range, also as
    /// the last byte of a 32-byte chunk (whose next byte the chunk does
    /// not hold) and as the page's last byte; before another byte it does
    /// not, except where a chunk ends.
    #[test]
    fn a_partial_lead_stops_the_walk_by_the_byte_after_it() {
        for lang in ["ru", "el", "fa"] {
            let expected = Expected::of(lang).expect(lang);
            let (lead, first, span) = expected.classes.expect(lang).partial;
            let outside = if first > 0x80 { 0x80 } else { first + span + 1 };
            for len in [40, 64, 70] {
                for at in 0..len - 1 {
                    let mut bytes = vec![b' '; len];
                    bytes[at] = lead;
                    bytes[at + 1] = first + span;
                    assert_eq!(expected.pass_clean(&bytes, 0), at, "{lang} {len} {at}");
                    bytes[at + 1] = outside;
                    // (Where a chunk ends, the walk cannot tell.)
                    let end = if at % 32 == 31 { at } else { len };
                    assert_eq!(expected.pass_clean(&bytes, 0), end, "{lang} {len} {at}");
                }
                let mut bytes = vec![b' '; len];
                bytes[len - 1] = lead;
                assert_eq!(expected.pass_clean(&bytes, 0), len - 1, "{lang} {len}");
            }
        }
    }

    #[test]
    fn the_shipped_languages_are_walked_by_the_formula() {
        // Latin: ASCII letters and the Latin leads pass; Cyrillic, Greek,
        // Arabic: their own leads and the combining marks' `CC` pass. A
        // lead byte passes by the next byte where its block is the
        // language's own but for one range: Armenian capitals after the
        // Cyrillic Supplement (U+0531–U+053F), Coptic in the Greek block
        // (U+03E2–U+03EF), Syriac before the Arabic Supplement
        // (U+074D–U+074F).
        let latin = (false, [(0xC2, 0xCC - 0xC2), (0x00, 0x7F)], NO_PARTIAL);
        let cyrillic = (
            true,
            [(0xCC, 0), (0xD0, 0xD3 - 0xD0)],
            (0xD4, 0xB1, 0xBF - 0xB1),
        );
        let greek = (true, [(0xCC, 0), (0xCE, 0)], (0xCF, 0xA2, 0xAF - 0xA2));
        let arabic = (
            true,
            [(0xCC, 0), (0xD8, 0xDB - 0xD8)],
            (0xDD, 0x8D, 0x8F - 0x8D),
        );
        for (lang, (letters_foreign, leads, partial)) in [
            ("de", latin),
            ("tr", latin),
            ("kmr", latin),
            ("ru", cyrillic),
            ("uk", cyrillic),
            ("el", greek),
            ("ar", arabic),
            ("fa", arabic),
        ] {
            let expected = Expected::of(lang).expect(lang);
            assert_eq!(
                expected.classes,
                Some(Classes {
                    letters_foreign,
                    leads,
                    partial
                }),
                "{lang}"
            );
        }
        // Three ranges of lead bytes are more than the formula holds.
        let mut clean = [1u8; 256];
        for b in [0xC0, 0xC2, 0xC4, 0xC6, 0xC7] {
            clean[b] = 0;
        }
        clean[0xC8..].fill(0);
        assert_eq!(Classes::of(&clean, &[]), None);
        clean[0xC1] = 0;
        assert!(Classes::of(&clean, &[]).is_some());
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
    fn the_letter_table_agrees_with_the_unicode_data() {
        let langs = ["de", "tr", "ar", "fa", "ru", "el", "ja", "ko", "hi", "he"];
        let below = (0..0x900).filter_map(char::from_u32);
        let samples = below.chain("Ḁἀ一あアᄀ가ﭐ𝐀😀\u{10FFFF}".chars());
        for c in samples {
            for lang in langs {
                let expected = scripts(lang);
                assert_eq!(
                    is_foreign_letter(c, &expected),
                    foreign_script(&c.to_string(), &expected).is_some(),
                    "{c:?} ({:X}) in {lang}",
                    c as u32
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
