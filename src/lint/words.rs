//! Per-language word lists for the link and image rules: link texts that
//! say nothing about the target (WCAG 2.4.4), alt texts that say nothing
//! about the image (1.1.1), and phrases that warn of a new window (3.2.5).
//!
//! Lists exist for the shipped languages; text in any language is also
//! checked against the English lists, and a site language without lists of
//! its own is checked against those only (`Linter::new` says so in a note).
//! Matching is on the whole,
//! normalised text (`normalise`), never on a part: "mehr" is generic,
//! "Mehr über das Leitbild" is not. "Next"/"weiter" are deliberately absent:
//! in a pagination landmark they are a clear name.

/// Link texts that name no target, by primary language subtag.
const LINK_TEXTS: &[(&str, &[&str])] = &[
    (
        "de",
        &[
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
    ),
    (
        "en",
        &[
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
    ),
    (
        "tr",
        &[
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
    ),
    (
        "ar",
        &[
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
    ),
    (
        "ru",
        &[
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
    ),
    (
        "uk",
        &[
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
    ),
    (
        "pl",
        &[
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
    ),
    (
        "fa",
        &[
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
    ),
    (
        "kmr",
        &[
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
    ),
    (
        "ro",
        &[
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
    ),
    (
        "bg",
        &[
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
    ),
    (
        "el",
        &[
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
    ),
];

/// Alt texts that only say "an image", by primary language subtag.
const ALT_TEXTS: &[(&str, &[&str])] = &[
    (
        "de",
        &["bild", "foto", "grafik", "abbildung", "symbol", "logo"],
    ),
    (
        "en",
        &[
            "image", "picture", "photo", "graphic", "icon", "img", "logo",
        ],
    ),
    ("tr", &["resim", "görsel", "fotoğraf", "görüntü", "logo"]),
    ("ar", &["صورة", "رسم", "شعار"]),
    (
        "ru",
        &["изображение", "картинка", "фото", "рисунок", "логотип"],
    ),
    (
        "uk",
        &["зображення", "картинка", "фото", "малюнок", "логотип"],
    ),
    (
        "pl",
        &["obraz", "obrazek", "zdjęcie", "grafika", "ikona", "logo"],
    ),
    ("fa", &["تصویر", "عکس", "لوگو"]),
    ("kmr", &["wêne", "logo"]),
    ("ro", &["imagine", "poză", "fotografie", "logo"]),
    ("bg", &["изображение", "снимка", "картинка", "лого"]),
    ("el", &["εικόνα", "φωτογραφία", "λογότυπο"]),
];

/// Phrases that tell the reader a link opens a new window or tab, by
/// primary language subtag; a `target="_blank"` link's name must contain
/// one (of its language or English).
const NEW_WINDOW: &[(&str, &[&str])] = &[
    (
        "de",
        &[
            "neues fenster",
            "neuem fenster",
            "neuen fenster",
            "neuer tab",
            "neuem tab",
            "neuen tab",
        ],
    ),
    ("en", &["new window", "new tab"]),
    ("tr", &["yeni pencere", "yeni sekme"]),
    ("ar", &["نافذة جديدة", "علامة تبويب جديدة"]),
    ("ru", &["новом окне", "новое окно", "новой вкладке"]),
    ("uk", &["новому вікні", "нове вікно", "новій вкладці"]),
    ("pl", &["nowym oknie", "nowe okno", "nowej karcie"]),
    ("fa", &["پنجره جدید", "پنجره\u{200c}ی جدید", "زبانه جدید"]),
    ("kmr", &["pencereya nû", "paceya nû"]),
    ("ro", &["fereastră nouă", "filă nouă"]),
    ("bg", &["нов прозорец", "нов раздел"]),
    ("el", &["νέο παράθυρο", "νέα καρτέλα"]),
];

/// Lower-cased, whitespace collapsed, without surrounding punctuation and
/// arrows ("Mehr …" → "mehr", "Read more »" → "read more").
pub fn normalise(text: &str) -> String {
    let lower = text.to_lowercase();
    let collapsed = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '\u{200c}')
        .to_string()
}

/// The word lists of one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lists {
    pub link_texts: &'static [&'static str],
    pub alt_texts: &'static [&'static str],
    pub new_window: &'static [&'static str],
}

/// The lists of the language `lang` (a primary subtag, any case: `DE` is
/// `de`); `None` when the lint has none for it.
pub fn lists(lang: &str) -> Option<Lists> {
    let of = |table: &[(&str, &'static [&'static str])]| {
        table
            .iter()
            .find(|(l, _)| l.eq_ignore_ascii_case(lang))
            .map(|(_, list)| *list)
    };
    Some(Lists {
        link_texts: of(LINK_TEXTS)?,
        alt_texts: of(ALT_TEXTS).unwrap_or_default(),
        new_window: of(NEW_WINDOW).unwrap_or_default(),
    })
}

/// The lists of `own` and English, chained.
fn with_english<'a>(
    own: Option<Lists>,
    pick: impl Fn(Lists) -> &'static [&'static str] + 'a,
) -> impl Iterator<Item = &'static str> + 'a {
    let english = lists("en").map(&pick).unwrap_or_default();
    own.map(&pick)
        .unwrap_or_default()
        .iter()
        .chain(english)
        .copied()
}

/// Whether `text` (a link's name) is a generic link text of `own` or English.
pub fn is_generic_link_text(text: &str, own: Option<Lists>) -> bool {
    let n = normalise(text);
    with_english(own, |l| l.link_texts).any(|t| t == n)
}

/// Whether `text` is an alt text that only says "an image", in `own` or English.
pub fn is_generic_alt(text: &str, own: Option<Lists>) -> bool {
    let n = normalise(text);
    with_english(own, |l| l.alt_texts).any(|t| t == n)
}

/// Whether `text` says that its link opens a new window, in `own` or English.
pub fn warns_of_new_window(text: &str, own: Option<Lists>) -> bool {
    let n = normalise(text);
    with_english(own, |l| l.new_window).any(|p| n.contains(p))
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

    #[test]
    fn link_texts_are_generic_as_a_whole_in_their_language_or_english() {
        let de = lists("DE");
        assert!(is_generic_link_text("  Hier   klicken! ", de));
        assert!(is_generic_link_text("Read more »", de));
        assert!(!is_generic_link_text(
            "Hier klicken, um das Leitbild zu lesen",
            de
        ));
        assert!(!is_generic_link_text("hier", lists("en")));
        assert!(is_generic_link_text("Подробнее", lists("ru")));
        assert!(is_generic_link_text("ادامه مطلب", lists("fa")));
        assert_eq!(lists("xx"), None);
        assert!(is_generic_link_text("more", None));
    }

    #[test]
    fn alt_texts_and_new_window_phrases() {
        assert!(is_generic_alt("Bild", lists("de")));
        assert!(is_generic_alt("Image.", lists("de")));
        assert!(!is_generic_alt("Das Rathaus im Winter", lists("de")));
        assert!(warns_of_new_window(
            "Programm (öffnet in neuem Fenster)",
            lists("de")
        ));
        assert!(warns_of_new_window("Programme (new tab)", lists("fr")));
        assert!(!warns_of_new_window("Programm", lists("de")));
        assert!(is_file_name("IMG_2031.JPG"));
        assert!(!is_file_name("Das Rathaus. Im Winter.png"));
    }
}
