//! Per-language word lists for the link and image rules: link texts that
//! say nothing about the target (WCAG 2.4.4), alt texts that say nothing
//! about the image (1.1.1), and phrases that warn of a new window (3.2.5).
//!
//! Lists exist for the shipped languages; a language without a list is
//! checked against the English one only. Matching is on the whole,
//! normalised text (`normalise`), never on a part: "mehr" is generic,
//! "Mehr über das Leitbild" is not. "Next"/"weiter" are deliberately absent:
//! in a pagination landmark they are a clear name.

use std::collections::HashMap;

/// Link texts that name no target, by primary language subtag.
pub fn generic_link_texts(lang: &str) -> &'static [&'static str] {
    match lang {
        "de" => &[
            "hier",
            "hier klicken",
            "klicken sie hier",
            "hier entlang",
            "mehr",
            "mehr lesen",
            "weiterlesen",
            "mehr erfahren",
            "mehr dazu",
            "mehr infos",
            "mehr informationen",
            "weitere informationen",
            "details",
            "link",
            "dieser link",
        ],
        "en" => &[
            "here",
            "click here",
            "click",
            "more",
            "read more",
            "learn more",
            "find out more",
            "more info",
            "more information",
            "continue reading",
            "see more",
            "details",
            "link",
            "this link",
            "this page",
        ],
        "tr" => &[
            "burada",
            "buraya",
            "buraya tıklayın",
            "buraya tıklayınız",
            "buraya tıkla",
            "tıklayın",
            "devamı",
            "devamını oku",
            "daha fazla",
            "daha fazla bilgi",
            "ayrıntılar",
            "detaylar",
            "bağlantı",
        ],
        "ar" => &[
            "هنا",
            "اضغط هنا",
            "انقر هنا",
            "المزيد",
            "اقرأ المزيد",
            "لمزيد من المعلومات",
            "مزيد من المعلومات",
            "التفاصيل",
            "رابط",
        ],
        "ru" => &[
            "здесь",
            "тут",
            "нажмите здесь",
            "нажмите",
            "щёлкните здесь",
            "кликните здесь",
            "подробнее",
            "читать далее",
            "читать дальше",
            "ещё",
            "еще",
            "больше",
            "узнать больше",
            "ссылка",
            "по ссылке",
        ],
        "uk" => &[
            "тут",
            "натисніть тут",
            "натисніть",
            "клацніть тут",
            "детальніше",
            "докладніше",
            "читати далі",
            "більше",
            "дізнатися більше",
            "ще",
            "посилання",
            "за посиланням",
        ],
        "pl" => &[
            "tutaj",
            "tu",
            "kliknij tutaj",
            "kliknij tu",
            "kliknij",
            "więcej",
            "czytaj więcej",
            "czytaj dalej",
            "dowiedz się więcej",
            "więcej informacji",
            "szczegóły",
            "link",
        ],
        "fa" => &[
            "اینجا",
            "این\u{200c}جا",
            "اینجا کلیک کنید",
            "کلیک کنید",
            "بیشتر",
            "بیشتر بخوانید",
            "ادامه مطلب",
            "اطلاعات بیشتر",
            "جزئیات",
            "پیوند",
            "لینک",
        ],
        "kmr" => &[
            "li vir",
            "li vir bitikîne",
            "bitikîne",
            "zêdetir",
            "bêtir",
            "zêdetir bixwîne",
            "bêtir bixwîne",
            "zêdetir agahî",
            "girêdan",
        ],
        "ro" => &[
            "aici",
            "click aici",
            "clic aici",
            "apasă aici",
            "apăsați aici",
            "faceți clic aici",
            "mai mult",
            "mai multe",
            "citește mai mult",
            "citiți mai mult",
            "află mai multe",
            "aflați mai multe",
            "mai multe informații",
            "detalii",
            "link",
        ],
        "bg" => &[
            "тук",
            "натиснете тук",
            "кликнете тук",
            "щракнете тук",
            "още",
            "прочетете още",
            "прочети още",
            "повече",
            "научете повече",
            "повече информация",
            "подробности",
            "връзка",
            "линк",
        ],
        "el" => &[
            "εδώ",
            "κάντε κλικ εδώ",
            "πατήστε εδώ",
            "κλικ εδώ",
            "περισσότερα",
            "διαβάστε περισσότερα",
            "μάθετε περισσότερα",
            "περισσότερες πληροφορίες",
            "λεπτομέρειες",
            "σύνδεσμος",
        ],
        _ => &[],
    }
}

/// Alt texts that only say "an image", by primary language subtag.
pub fn generic_alt_texts(lang: &str) -> &'static [&'static str] {
    match lang {
        "de" => &["bild", "foto", "grafik", "abbildung", "symbol", "logo"],
        "en" => &[
            "image", "picture", "photo", "graphic", "icon", "img", "logo",
        ],
        "tr" => &["resim", "görsel", "fotoğraf", "görüntü", "logo"],
        "ar" => &["صورة", "رسم", "شعار"],
        "ru" => &["изображение", "картинка", "фото", "рисунок", "логотип"],
        "uk" => &["зображення", "картинка", "фото", "малюнок", "логотип"],
        "pl" => &["obraz", "obrazek", "zdjęcie", "grafika", "ikona", "logo"],
        "fa" => &["تصویر", "عکس", "لوگو"],
        "kmr" => &["wêne", "logo"],
        "ro" => &["imagine", "poză", "fotografie", "logo"],
        "bg" => &["изображение", "снимка", "картинка", "лого"],
        "el" => &["εικόνα", "φωτογραφία", "λογότυπο"],
        _ => &[],
    }
}

/// Phrases that tell the reader a link opens a new window or tab; a
/// `target="_blank"` link's name must contain one (of its language or English).
pub fn new_window_phrases(lang: &str) -> &'static [&'static str] {
    match lang {
        "de" => &[
            "neues fenster",
            "neuem fenster",
            "neuen fenster",
            "neuer tab",
            "neuem tab",
            "neuen tab",
        ],
        "en" => &["new window", "new tab"],
        "tr" => &["yeni pencere", "yeni sekme"],
        "ar" => &["نافذة جديدة", "علامة تبويب جديدة"],
        "ru" => &["новом окне", "новое окно", "новой вкладке"],
        "uk" => &["новому вікні", "нове вікно", "новій вкладці"],
        "pl" => &["nowym oknie", "nowe okno", "nowej karcie"],
        "fa" => &["پنجره جدید", "پنجره\u{200c}ی جدید", "زبانه جدید"],
        "kmr" => &["pencereya nû", "paceya nû"],
        "ro" => &["fereastră nouă", "filă nouă"],
        "bg" => &["нов прозорец", "нов раздел"],
        "el" => &["νέο παράθυρο", "νέα καρτέλα"],
        _ => &[],
    }
}

/// Lower-cased, whitespace collapsed, without surrounding punctuation and
/// arrows ("Mehr …" → "mehr", "Read more »" → "read more").
pub fn normalise(text: &str) -> String {
    let lower = text.to_lowercase();
    let collapsed = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c: char| !is_alphanumeric(c) && c != '\u{200c}')
        .to_string()
}

/// The languages [`generic_link_texts`] has a list for (add new ones here).
const LISTED: [&str; 12] = [
    "de", "en", "tr", "ar", "ru", "uk", "pl", "fa", "kmr", "ro", "bg", "el",
];

use crate::chars::{LowSet, TABLE_END, in_low_set, is_alphanumeric, low_set};

/// Per-thread answers by text (foldhash: the texts are short, and SipHash
/// was most of a lookup).
type Memo<T> = HashMap<String, T, foldhash::fast::RandomState>;

/// The generic link texts of one language and English, with what the
/// quick tests need ([`link_texts`]).
pub struct LinkTexts {
    /// Which entry of the table this is (for the per-thread memo).
    index: usize,
    lists: [&'static [&'static str]; 2],
    /// The characters the texts begin with.
    first: Vec<char>,
    /// Per character below [`TABLE_END`], whether it lower-cases to one
    /// of `first` (one bit lookup instead of a search of the case table,
    /// which Cyrillic and Greek capitals need).
    low_first: LowSet,
    /// The most characters one of the texts has.
    longest: usize,
}

/// The first character of each character's lower case, below
/// [`TABLE_END`]: looked up once for every language's bitmap of first
/// characters (lower-casing them per language was most of the lint's
/// start-up).
static LOWER: std::sync::LazyLock<Vec<Option<char>>> = std::sync::LazyLock::new(|| {
    (0..TABLE_END)
        .map(|u| char::from_u32(u).and_then(|c| c.to_lowercase().next()))
        .collect()
});

/// Per language of [`LISTED`], then one for any other (English alone).
static LINK_TEXTS: std::sync::LazyLock<Vec<LinkTexts>> = std::sync::LazyLock::new(|| {
    LISTED
        .iter()
        .copied()
        .chain(["und"])
        .enumerate()
        .map(|(index, lang)| {
            let lists = [generic_link_texts(lang), generic_link_texts("en")];
            let mut first: Vec<char> = lists
                .iter()
                .copied()
                .flatten()
                .filter_map(|t| t.chars().next())
                .collect();
            first.sort_unstable();
            first.dedup();
            let low_first = low_set(|u| {
                LOWER
                    .get(u as usize)
                    .copied()
                    .flatten()
                    .is_some_and(|l| first.binary_search(&l).is_ok())
            });
            let longest = lists
                .iter()
                .copied()
                .flatten()
                .map(|t| t.chars().count())
                .max()
                .unwrap_or(0);
            LinkTexts {
                index,
                lists,
                first,
                low_first,
                longest,
            }
        })
        .collect()
});

/// The generic link texts for links in `lang` (a primary language subtag,
/// any case, resolved as [`listed`] resolves it).
pub fn link_texts(lang: &str) -> &'static LinkTexts {
    let table = &*LINK_TEXTS;
    // The table has an entry per language of LISTED, in its order, then
    // the one for any other.
    let at = listed_at(lang).unwrap_or(LISTED.len());
    &table[at]
}

impl LinkTexts {
    /// Whether `text` (a link's name) is one of these generic texts once
    /// [`normalise`]d.
    pub fn is_generic(&self, text: &str) -> bool {
        // `normalise` keeps every letter and digit, so a text with more of
        // them than the longest of these has cannot be one (most link
        // texts); nor can one that begins differently from all of them.
        if !self.may_be(text) || more_alphanumerics_than(text, self.longest) {
            return false;
        }
        // The same link texts (language names, menu entries) recur on
        // every page: remember the answer per thread.
        thread_local! {
            static SEEN: std::cell::RefCell<Vec<Memo<bool>>> =
                const { std::cell::RefCell::new(Vec::new()) };
        }
        SEEN.with(|seen| {
            let mut seen = seen.borrow_mut();
            if seen.len() <= self.index {
                seen.resize_with(self.index + 1, Memo::default);
            }
            let texts = &mut seen[self.index];
            if let Some(&generic) = texts.get(text) {
                return generic;
            }
            let n = normalise(text);
            let generic = self.lists.iter().any(|list| list.contains(&n.as_str()));
            if texts.len() < 4096 {
                texts.insert(text.to_string(), generic);
            }
            generic
        })
    }

    /// Whether a text of these may begin as `text` does after
    /// [`normalise`]: with its first letter, digit or zero-width
    /// non-joiner, lower-cased (`normalise` lower-cases, then trims
    /// everything else from the start).
    fn may_be(&self, text: &str) -> bool {
        // With nothing left after `normalise`, no list holds it.
        text.chars()
            .find(|&c| is_alphanumeric(c) || c == '\u{200c}')
            .is_some_and(|c| {
                if (c as u32) < TABLE_END {
                    in_low_set(&self.low_first, c as usize)
                } else {
                    c.to_lowercase()
                        .next()
                        .is_some_and(|first| self.first.contains(&first))
                }
            })
    }
}

/// Whether `text` has more than `n` letters and digits. Every character
/// is at least a byte, so a text of at most `n` bytes has not; ASCII is
/// counted byte by byte (most link texts are mostly ASCII), and only the
/// first byte of another character has it decoded.
fn more_alphanumerics_than(text: &str, n: usize) -> bool {
    if text.len() <= n {
        return false;
    }
    // Bounds first: ASCII letters and digits are letters and digits; a
    // character outside ASCII (a byte that is not a continuation byte) may
    // be one. Most link texts are told by the bounds alone. They are
    // counted in byte lanes, 32 bytes at a time without branches (vector
    // instructions), and a piece that passes `n` settles it.
    let bounds = |bytes: &[u8]| {
        bytes.iter().fold((0u8, 0u8), |(sure, maybe), &b| {
            (
                sure + u8::from(b.is_ascii_alphanumeric()),
                maybe + u8::from(b >= 0xC0),
            )
        })
    };
    let (chunks, rest) = text.as_bytes().as_chunks::<32>();
    let (mut sure, mut maybe) = (0usize, 0usize);
    for piece in chunks.iter().map(|c| c.as_slice()).chain([rest]) {
        let (s, m) = bounds(piece);
        (sure, maybe) = (sure + usize::from(s), maybe + usize::from(m));
        if sure > n {
            return true;
        }
    }
    if sure + maybe <= n {
        return false;
    }
    let mut count = 0;
    for (at, &b) in text.as_bytes().iter().enumerate() {
        let alphanumeric = match b {
            0..0x80 => b.is_ascii_alphanumeric(),
            // A UTF-8 continuation byte.
            0x80..0xC0 => false,
            _ => text
                .get(at..)
                .and_then(|rest| rest.chars().next())
                .is_some_and(is_alphanumeric),
        };
        count += usize::from(alphanumeric);
        if count > n {
            return true;
        }
    }
    false
}

/// The language of [`LISTED`] that `lang` (a primary subtag) is, whatever
/// its case: language tags are case-insensitive (`DE` is `de`).
fn listed(lang: &str) -> Option<&'static str> {
    listed_at(lang).and_then(|at| LISTED.get(at).copied())
}

/// Where [`listed`]'s language stands in [`LISTED`].
fn listed_at(lang: &str) -> Option<usize> {
    LISTED.iter().position(|l| l.eq_ignore_ascii_case(lang))
}

/// Whether `text` is an alt text that only says "an image" in `lang` (a
/// primary subtag, any case) or English.
pub fn is_generic_alt(text: &str, lang: &str) -> bool {
    let n = normalise(text);
    listed(lang)
        .map(generic_alt_texts)
        .unwrap_or_default()
        .iter()
        .chain(generic_alt_texts("en"))
        .any(|t| *t == n)
}

/// Whether `text` says that its link opens a new window, in `lang` (a
/// primary subtag, any case) or English.
pub fn warns_of_new_window(text: &str, lang: &str) -> bool {
    let n = normalise(text);
    listed(lang)
        .map(new_window_phrases)
        .unwrap_or_default()
        .iter()
        .chain(new_window_phrases("en"))
        .any(|p| n.contains(p))
}

/// Whether an alt text is a file name (`IMG_2031.jpg`, `foto-1.png`).
pub fn is_file_name(alt: &str) -> bool {
    let alt = alt.trim();
    let Some((stem, ext)) = alt.rsplit_once('.') else {
        return false;
    };
    !stem.is_empty()
        && !stem.contains(' ')
        && matches!(
            ext.to_ascii_lowercase().as_str(),
            "jpg"
                | "jpeg"
                | "png"
                | "gif"
                | "webp"
                | "avif"
                | "svg"
                | "bmp"
                | "tif"
                | "tiff"
                | "heic"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_generic_link_text(text: &str, lang: &str) -> bool {
        link_texts(lang).is_generic(text)
    }

    const SHIPPED: [&str; 12] = [
        "de", "en", "tr", "ar", "ru", "uk", "pl", "fa", "kmr", "ro", "bg", "el",
    ];

    #[test]
    fn every_language_with_generic_link_texts_is_listed() {
        // Every language subtag of two or three letters: `link_texts` has
        // an entry only for the listed ones (others get English alone).
        let letters: Vec<char> = ('a'..='z').collect();
        for a in &letters {
            for b in &letters {
                for c in std::iter::once(None).chain(letters.iter().map(Some)) {
                    let lang: String = [Some(a), Some(b), c].into_iter().flatten().collect();
                    if !generic_link_texts(&lang).is_empty() {
                        assert!(LISTED.contains(&lang.as_str()), "{lang} is not in LISTED");
                    }
                }
            }
        }
        assert!(is_generic_link_text("  Hier   klicken! ", "de"));
        assert!(!is_generic_link_text(
            "Hier klicken, um den Leitbild-Text zu lesen",
            "de"
        ));
    }

    proptest::proptest! {
        /// The byte-wise count (in pieces of 32 bytes) is the count of
        /// `is_alphanumeric` characters.
        #[test]
        fn alphanumerics_are_counted_as_characters(
            text in "[ a1.\\u{A0}äß½²д٣ا،—€𝟙𝄞]{0,80}",
            n in 0usize..60,
        ) {
            let count = text.chars().filter(|c| c.is_alphanumeric()).count();
            proptest::prop_assert_eq!(more_alphanumerics_than(&text, n), count > n);
        }
    }

    proptest::proptest! {
        /// The shortcuts give the answer of the definition: the normalised
        /// text is in the language's list or the English one.
        #[test]
        fn generic_link_texts_are_found_as_defined(
            words in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Hier", "klicken", "mehr", "MEHR", "Read", "more", "İnfo", "buraya",
                    "tıklayın", "Подробнее", "اینجا", "\u{200c}جا", "»", "…", "1", "Bild",
                ]),
                0..4,
            ),
            seps in proptest::collection::vec(
                proptest::sample::select(vec![" ", "  ", "\u{a0}", "\n", " » ", ""]),
                4,
            ),
            lang in proptest::sample::select(vec!["de", "en", "tr", "ru", "fa", "xx"]),
        ) {
            let mut text = seps[0].to_string();
            for (word, sep) in words.iter().zip(&seps[1..]) {
                text.push_str(word);
                text.push_str(sep);
            }
            let n = normalise(&text);
            let defined = generic_link_texts(lang).contains(&n.as_str())
                || generic_link_texts("en").contains(&n.as_str());
            proptest::prop_assert_eq!(is_generic_link_text(&text, lang), defined, "{:?}", text);
        }
    }

    /// The bitmap of first characters says what lower-casing says, for
    /// every character it holds and a few beyond.
    #[test]
    fn first_characters_are_told_by_their_lower_case() {
        for lang in LISTED.iter().chain(&["und"]) {
            let texts = link_texts(lang);
            for c in (0..TABLE_END + 0x100).filter_map(char::from_u32) {
                if !is_alphanumeric(c) {
                    continue;
                }
                let defined = c
                    .to_lowercase()
                    .next()
                    .is_some_and(|l| texts.first.contains(&l));
                assert_eq!(texts.may_be(&format!("«{c}x")), defined, "{lang} {c:?}");
            }
        }
    }

    #[test]
    fn language_tags_match_the_lists_in_any_case() {
        // BCP 47 tags are case-insensitive: a page may say lang="DE".
        for lang in ["de", "DE", "De"] {
            assert!(is_generic_link_text("hier", lang), "{lang}");
            assert!(is_generic_alt("Bild", lang), "{lang}");
            assert!(
                warns_of_new_window("Leitbild (öffnet in neuem Fenster)", lang),
                "{lang}"
            );
        }
        // Not by accident of English: these are German only.
        assert!(!is_generic_alt("Bild", "fr"));
        assert!(!warns_of_new_window(
            "Leitbild (öffnet in neuem Fenster)",
            "fr"
        ));
        assert!(
            is_generic_alt("Image", "FR"),
            "English applies to every language"
        );
    }

    #[test]
    fn every_shipped_language_has_lists() {
        for lang in SHIPPED {
            assert!(generic_link_texts(lang).len() >= 8, "{lang}");
            assert!(!generic_alt_texts(lang).is_empty(), "{lang}");
            assert!(!new_window_phrases(lang).is_empty(), "{lang}");
            for t in generic_link_texts(lang) {
                assert_eq!(&normalise(t), t, "{lang}: list entries are normalised");
            }
        }
    }

    #[test]
    fn generic_texts_match_whole_and_normalised() {
        assert!(is_generic_link_text(" Hier ", "de"));
        assert!(is_generic_link_text("Mehr …", "de"));
        assert!(
            is_generic_link_text("Read more »", "de"),
            "English everywhere"
        );
        assert!(is_generic_link_text("Подробнее", "ru"));
        assert!(is_generic_link_text("اقرأ المزيد", "ar"));
        assert!(!is_generic_link_text("Mehr über das Leitbild", "de"));
        assert!(!is_generic_link_text("Weiter", "de"));
        assert!(is_generic_alt("Bild", "de"));
        assert!(!is_generic_alt("Bild der Altstadt", "de"));
        assert!(warns_of_new_window(
            "Satzung (öffnet in neuem Fenster)",
            "de"
        ));
        assert!(warns_of_new_window("Statute (opens in a new tab)", "de"));
        assert!(!warns_of_new_window("Satzung", "de"));
    }

    #[test]
    fn file_names_are_recognised() {
        assert!(is_file_name("IMG_2031.JPG"));
        assert!(is_file_name("rathaus-bielefeld.webp"));
        assert!(!is_file_name("Das Rathaus."));
        assert!(!is_file_name("Version 2.0"));
    }
}
