//! Share cards: the Open Graph and Twitter-card metadata of every page in
//! its language, and the share image per language and variant
//! (docs/content/sharing.md).
//!
//! `Cards` is made once per run from the configuration, the theme's files
//! and the interface messages; a page's metadata is then a lookup
//! (`Cards::page_value`). Images are per language and variant, never per
//! page: the site's own `static/share/LANG[.VARIANT].png` (or `.jpg`)
//! where it has one, else one drawn at build time when `[share] images`
//! is on (`image`), else none. Tags whose value must be an absolute URL
//! (`og:url`, `og:image`) are left out while `base_url` is empty: a
//! root-relative address would be wrong, not partial.

pub mod image;

use std::collections::BTreeMap;

use icu_locale::{LanguageIdentifier as IcuLangId, LocaleExpander};
use serde_json::{Value, json};

use crate::config::{Config, Dir};
use crate::i18n::I18n;
use crate::theme::{Asset, Theme};

/// Width and height of a drawn share image (the 1.91:1 card of Open Graph).
pub const SIZE: (u32, u32) = (1200, 630);

/// The share cards of a site.
pub struct Cards {
    /// The Open Graph locale of each language (`de` → `de_DE`).
    locales: BTreeMap<String, String>,
    /// The image of each language and variant that has one.
    images: BTreeMap<(String, Option<String>), Image>,
    /// The theme's fonts, for drawing.
    fonts: BTreeMap<String, Asset>,
}

/// A share image: where it is in the output and what it shows.
#[derive(Debug, Clone)]
pub struct Image {
    /// Output path (`share/de.easy.png`).
    pub path: String,
    /// `og:image:alt`, from the message `share-image-alt`.
    pub alt: String,
    /// What to draw; `None` for the site's own image.
    pub drawing: Option<Drawing>,
}

/// The text of a drawn image: the site's title and, on a variant, the
/// variant's name, in the language's direction.
#[derive(Debug, Clone, PartialEq)]
pub struct Drawing {
    pub title: String,
    pub subtitle: Option<String>,
    pub dir: Dir,
}

impl Cards {
    pub fn new(config: &Config, theme: &Theme, i18n: &I18n) -> Cards {
        let expander = LocaleExpander::new_extended();
        let locales = config
            .languages
            .iter()
            .map(|l| {
                let locale = l
                    .og_locale
                    .clone()
                    .unwrap_or_else(|| og_locale(&l.key, &l.date_locale, &expander));
                (l.key.clone(), locale)
            })
            .collect();
        let static_files = theme.static_files();
        let message = |lang: &str, key: &str, args: Option<&fluent_bundle::FluentArgs>| {
            i18n.format(lang, key, args)
                .map(|(text, _)| text.replace(['\u{2068}', '\u{2069}'], ""))
                .ok()
        };
        let mut images = BTreeMap::new();
        for lang in &config.languages {
            let variants = std::iter::once(None).chain(config.variants.iter().map(Some));
            for variant in variants {
                let stem = match variant {
                    Some(v) => format!("share/{}.{}", lang.key, v.key),
                    None => format!("share/{}", lang.key),
                };
                let title = message(&lang.key, "site-title", None).unwrap_or_default();
                let subtitle =
                    variant.and_then(|v| message(&lang.key, &format!("variant-{}", v.key), None));
                let text = match &subtitle {
                    Some(s) => format!("{title} – {s}"),
                    None => title.clone(),
                };
                let mut args = fluent_bundle::FluentArgs::new();
                args.set("text", text.clone());
                let alt = message(&lang.key, "share-image-alt", Some(&args)).unwrap_or(text);
                let own = ["png", "jpg"]
                    .iter()
                    .map(|ext| format!("{stem}.{ext}"))
                    .find(|p| static_files.contains_key(p));
                let image = match own {
                    Some(path) => Image {
                        path,
                        alt,
                        drawing: None,
                    },
                    None if config.share.images => Image {
                        path: format!("{stem}.png"),
                        alt,
                        drawing: Some(Drawing {
                            title,
                            subtitle,
                            dir: lang.dir,
                        }),
                    },
                    None => continue,
                };
                images.insert((lang.key.clone(), variant.map(|v| v.key.clone())), image);
            }
        }
        Cards {
            locales,
            images,
            fonts: theme.fonts(),
        }
    }

    /// The Open Graph locale of a language.
    pub fn locale(&self, lang: &str) -> Option<&str> {
        self.locales.get(lang).map(String::as_str)
    }

    /// The images to draw (not the site's own) for the languages and
    /// variants that have pages, by output path.
    pub fn drawings<'a>(
        &'a self,
        shown: &'a std::collections::BTreeSet<(&str, Option<&str>)>,
    ) -> impl Iterator<Item = (&'a str, &'a Drawing)> {
        self.images
            .iter()
            .filter(|((lang, variant), _)| shown.contains(&(lang.as_str(), variant.as_deref())))
            .filter_map(|(_, i)| Some((i.path.as_str(), i.drawing.as_ref()?)))
    }

    /// The theme's fonts by file name.
    pub fn fonts(&self) -> &BTreeMap<String, Asset> {
        &self.fonts
    }

    /// The template context's `share` for a page shown in `lang` and
    /// `variant` whose text is in `text_lang`: `type` (`website` for home
    /// and list pages, `article` for the rest), `locale`,
    /// `locale_alternates` (the languages of the real translations among
    /// `alternates`, the page's hreflang list), `image` (absolute `url`,
    /// `alt`, `width`, `height`; only with a `base_url`) and `card`.
    pub fn page_value(
        &self,
        config: &Config,
        (lang, variant): (&str, Option<&str>),
        text_lang: &str,
        is_list: bool,
        alternates: &[(String, String)],
    ) -> Value {
        if !config.share.cards {
            return Value::Null;
        }
        let locale_alternates: Vec<&str> = alternates
            .iter()
            .filter(|(h, _)| h != "x-default" && h != text_lang)
            .filter_map(|(h, _)| self.locale(h))
            .collect();
        let image = self
            .images
            .get(&(lang.to_string(), variant.map(str::to_string)))
            .filter(|_| !config.base_url.is_empty())
            .map(|i| {
                let size = i.drawing.as_ref().map(|_| SIZE);
                json!({
                    "url": config.absolute(&format!("/{}", i.path)),
                    "alt": i.alt,
                    "width": size.map(|s| s.0),
                    "height": size.map(|s| s.1),
                })
            });
        json!({
            "type": if is_list { "website" } else { "article" },
            "locale": self.locale(text_lang),
            "locale_alternates": locale_alternates,
            "card": if image.is_some() { "summary_large_image" } else { "summary" },
            "image": image,
        })
    }
}

/// The Open Graph locale of a language (`language_REGION`): the region of
/// its date locale where that names one (`en-GB`), else the likely region
/// from CLDR (`de` → `de_DE`, `fa` → `fa_IR`).
fn og_locale(key: &str, date_locale: &str, expander: &LocaleExpander) -> String {
    for tag in [date_locale, key] {
        if let Ok(mut id) = tag.parse::<IcuLangId>() {
            expander.maximize(&mut id);
            if let Some(region) = id.region {
                return format!("{}_{}", id.language, region);
            }
        }
    }
    key.replace('-', "_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn og_locales_come_from_the_date_locale_or_cldr() {
        let expander = LocaleExpander::new_extended();
        let cases = [
            ("de", "de", "de_DE"),
            ("en", "en-GB", "en_GB"),
            ("en", "en", "en_US"),
            ("tr", "tr", "tr_TR"),
            ("fa", "fa", "fa_IR"),
            ("uk", "uk", "uk_UA"),
            ("el", "el", "el_GR"),
            ("pt-BR", "pt-BR", "pt_BR"),
        ];
        for (key, date_locale, want) in cases {
            assert_eq!(og_locale(key, date_locale, &expander), want, "{key}");
        }
    }
}
