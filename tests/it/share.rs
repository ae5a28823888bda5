//! Share cards (issue 27): Open Graph and Twitter metadata in each page's
//! language, locale alternates for real translations only, URL-valued tags
//! only with a base_url, and share images per language and variant that are
//! the same bytes on every build.

use crate::harness::SiteTest;
use crate::html::{Attrs, attr, select};

/// The i18n fixture (de, en, ar; Leichte Sprache in German; the news only
/// in de and en, so Arabic shows them as fallbacks) with drawn images.
fn site() -> SiteTest {
    let site = SiteTest::fixture("i18n/basic");
    let toml = site.file("site.toml");
    site.write(
        "site.toml",
        &format!("{toml}\n[share]\ncards = true\nimages = true\n"),
    )
}

fn metas(html: &str) -> Vec<Attrs> {
    select(html, "meta")
}

/// The `content` of the `<meta property|name=key>` elements of a page.
fn meta(html: &str, key: &str) -> Vec<String> {
    metas(html)
        .iter()
        .filter(|m| attr(m, "property") == key || attr(m, "name") == key)
        .map(|m| attr(m, "content").to_string())
        .collect()
}

fn one(html: &str, key: &str) -> String {
    let found = meta(html, key);
    assert_eq!(found.len(), 1, "{key}: {found:?}");
    found[0].clone()
}

#[test]
fn each_page_carries_its_languages_card() {
    let site = site().build_ok();
    let de = site.file("public/de/about/index.html");
    assert_eq!(one(&de, "og:title"), "Über uns");
    assert_eq!(one(&de, "og:site_name"), "Beispielstadt");
    assert_eq!(one(&de, "og:type"), "article");
    assert_eq!(one(&de, "og:locale"), "de_DE");
    // `en` names no region: CLDR's likely one.
    assert_eq!(meta(&de, "og:locale:alternate"), ["ar_EG", "en_US"]);
    assert_eq!(one(&de, "og:url"), "https://example.org/site/de/about/");
    assert_eq!(
        one(&de, "og:image"),
        "https://example.org/site/share/de.png"
    );
    assert_eq!(one(&de, "og:image:alt"), "Schriftzug „Beispielstadt“");
    assert_eq!(one(&de, "twitter:image:alt"), "Schriftzug „Beispielstadt“");
    assert_eq!(one(&de, "og:image:width"), "1200");
    assert_eq!(one(&de, "twitter:card"), "summary_large_image");

    let ar = site.file("public/ar/about/index.html");
    assert_eq!(one(&ar, "og:locale"), "ar_EG");
    assert_eq!(meta(&ar, "og:locale:alternate"), ["de_DE", "en_US"]);
    assert_eq!(one(&ar, "og:site_name"), "مدينة المثال");
    assert_eq!(
        one(&ar, "og:image"),
        "https://example.org/site/share/ar.png"
    );
    assert_eq!(one(&ar, "og:image:alt"), "عبارة «مدينة المثال»");

    // The variant has its own image, naming the variant.
    let easy = site.file("public/de/leichte-sprache/about/index.html");
    assert_eq!(
        one(&easy, "og:image"),
        "https://example.org/site/share/de.easy.png"
    );
    assert_eq!(
        one(&easy, "og:image:alt"),
        "Schriftzug „Beispielstadt – Leichte Sprache“"
    );
    // Only German has Leichte Sprache: no alternates.
    assert!(meta(&easy, "og:locale:alternate").is_empty());

    // Home and list pages are websites.
    assert_eq!(
        one(&site.file("public/de/index.html"), "og:type"),
        "website"
    );
    assert_eq!(
        one(&site.file("public/de/news/index.html"), "og:type"),
        "website"
    );
    // The language chooser too, in the default language.
    let chooser = site.file("public/index.html");
    assert_eq!(one(&chooser, "og:locale"), "de_DE");
    assert_eq!(one(&chooser, "og:type"), "website");
}

#[test]
fn locale_alternates_are_real_translations_only() {
    let site = site().build_ok();
    // Arabic shows the German news as a fallback, in English (its chain).
    let de = site.file("public/de/news/online/index.html");
    assert_eq!(meta(&de, "og:locale:alternate"), ["en_US"]);
    let fallback = site.file("public/ar/news/online/index.html");
    assert!(
        fallback.contains("notice-fallback"),
        "the page is a fallback"
    );
    // The tags describe the text shown, which is English; a fallback is no
    // translation, so it names none.
    assert_eq!(one(&fallback, "og:locale"), "en_US");
    assert!(meta(&fallback, "og:locale:alternate").is_empty());
}

#[test]
fn without_base_url_the_url_valued_tags_are_left_out() {
    let site = site();
    let toml = site
        .file("site.toml")
        .replace("base_url = \"https://example.org/site\"", "base_url = \"\"");
    let site = site.write("site.toml", &toml).build_ok();
    let de = site.file("public/de/about/index.html");
    for key in ["og:url", "og:image", "og:image:alt", "og:image:width"] {
        assert!(meta(&de, key).is_empty(), "{key} without base_url");
    }
    assert_eq!(one(&de, "og:locale"), "de_DE");
    assert_eq!(one(&de, "twitter:card"), "summary");
    assert!(!de.contains("--print-origin"));
}

/// Width and height from a PNG's header.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let be = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().expect("4 bytes"));
    (be(16), be(20))
}

#[test]
fn share_images_are_drawn_per_language_and_variant_and_are_the_same_every_build() {
    let site = site().build_ok();
    let first = site.tree("public/share");
    let names: Vec<&str> = first.iter().map(|(n, _)| n.as_str()).collect();
    // Only German has Leichte Sprache pages: no other easy image.
    assert_eq!(names, ["ar.png", "de.easy.png", "de.png", "en.png"]);
    for (name, bytes) in &first {
        assert_eq!(png_size(bytes), (1200, 630), "{name}");
    }
    // Each language's image is its own (never the German one elsewhere).
    let png = |n: &str| &first.iter().find(|(name, _)| name == n).expect("image").1;
    assert_ne!(png("ar.png"), png("de.png"));
    assert_ne!(png("de.easy.png"), png("de.png"));

    std::fs::remove_dir_all(site.path().join("public")).expect("clear");
    let site = site.build_ok();
    assert!(
        site.tree("public/share") == first,
        "images differ between builds"
    );
}

#[test]
fn a_sites_own_image_replaces_the_drawn_one() {
    let own = b"\x89PNG\r\n\x1a\nnot really drawn".to_vec();
    let site = site();
    std::fs::create_dir_all(site.path().join("static/share")).expect("mkdir");
    std::fs::write(site.path().join("static/share/de.png"), &own).expect("write");
    let site = site.build_ok();
    assert_eq!(
        std::fs::read(site.path().join("public/share/de.png")).expect("read"),
        own
    );
    let de = site.file("public/de/about/index.html");
    assert_eq!(
        one(&de, "og:image"),
        "https://example.org/site/share/de.png"
    );
    // Its size is not known, so not claimed.
    assert!(meta(&de, "og:image:width").is_empty());
    // Other languages keep their drawn images.
    assert_eq!(png_size(&site.tree("public/share")[0].1), (1200, 630));
}

#[test]
fn cards_are_off_unless_the_site_turns_them_on() {
    let site = SiteTest::fixture("i18n/basic").build_ok();
    let de = site.file("public/de/about/index.html");
    assert!(!de.contains("og:"), "{de}");
    assert!(!de.contains("twitter:"), "{de}");
}

#[test]
fn images_are_off_unless_the_site_turns_them_on() {
    let site = SiteTest::fixture("i18n/basic");
    let toml = site.file("site.toml");
    let site = site
        .write("site.toml", &format!("{toml}\n[share]\ncards = true\n"))
        .build_ok();
    assert!(!site.exists("public/share"));
    let de = site.file("public/de/about/index.html");
    assert!(meta(&de, "og:image").is_empty());
    assert_eq!(one(&de, "twitter:card"), "summary");
    assert_eq!(one(&de, "og:url"), "https://example.org/site/de/about/");
}

#[test]
fn a_malformed_og_locale_is_an_error_at_its_language() {
    let site = SiteTest::fixture("i18n/basic");
    let toml = site.file("site.toml").replace(
        "name = \"العربية\"",
        "name = \"العربية\"\nog_locale = \"ar-SY\"",
    ) + "\n[share]\ncards = true\n";
    let site = site.write("site.toml", &toml);
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("og_locale `ar-SY` of language `ar` is not a locale such as `de_DE`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("site.toml:10:1"), "{}", run.stderr);
    // A well-formed one is used as written.
    let toml = toml.replace("ar-SY", "ar_SY");
    let site = site.write("site.toml", &toml).build_ok();
    let ar = site.file("public/ar/about/index.html");
    assert_eq!(one(&ar, "og:locale"), "ar_SY");
}
