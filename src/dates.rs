//! Dates formatted per language with CLDR data (ICU4X): "24. November 2026"
//! in German, Arabic in its own conventions. A language whose CLDR calendar
//! is not the Gregorian one (Persian: Solar Hijri) gets the Gregorian date
//! after it in parentheses, since the site's events happen in Germany. A
//! language without CLDR date data (Kurmanji) is written numerically,
//! "24.11.2026", rather than in CLDR's placeholder pattern ("2026 M11 24").
//! The locale is the language's `date_locale` (site.toml), else its key.
//! One formatter per language, built once.

use std::collections::HashMap;

use icu_calendar::Date as IcuDate;
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_locale::Locale;

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::frontmatter::Date;

/// CLDR's long form, with the Gregorian form in parentheses where the
/// locale's calendar is another one.
struct Cldr {
    own: DateTimeFormatter<YMD>,
    gregorian: Option<DateTimeFormatter<YMD>>,
}

/// How one language writes dates.
enum Form {
    Cldr(Box<Cldr>),
    /// Day, month and year as numbers: the locale has no CLDR date data.
    Numeric,
}

pub struct Dates {
    forms: HashMap<String, Form>,
}

impl std::fmt::Debug for Dates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dates").finish_non_exhaustive()
    }
}

fn formatter(tag: &str) -> Option<DateTimeFormatter<YMD>> {
    let locale = tag.parse::<Locale>().ok()?;
    DateTimeFormatter::try_new((&locale).into(), YMD::long()).ok()
}

/// A date that tells the calendars and CLDR's root pattern apart.
fn probe() -> Option<IcuDate<icu_calendar::Iso>> {
    IcuDate::try_new_iso(2026, 11, 24).ok()
}

impl Dates {
    pub fn new(config: &Config) -> (Dates, Vec<Diagnostic>) {
        let mut forms = HashMap::new();
        let mut diags = Vec::new();
        let root = formatter("und");
        let shown = |f: &DateTimeFormatter<YMD>| probe().map(|d| f.format(&d).to_string());
        let root_shown = root.as_ref().and_then(shown);
        for lang in &config.languages {
            let tag = lang.date_locale.as_str();
            let Some(own) = formatter(tag) else {
                diags.push(
                    Diagnostic::warning(
                        "i18n/no-date-format",
                        format!("no CLDR date format for `{tag}`; dates are shown as DD.MM.YYYY"),
                    )
                    .file(crate::config::CONFIG_FILE)
                    .hint("use a language tag that CLDR knows, or set `date_locale` under the language"),
                );
                forms.insert(lang.key.clone(), Form::Numeric);
                continue;
            };
            let own_shown = shown(&own);
            // ICU falls back to the root locale when it has no data for
            // the language: its pattern is a placeholder, not a date form.
            if tag != "und" && own_shown == root_shown {
                forms.insert(lang.key.clone(), Form::Numeric);
                continue;
            }
            let gregorian =
                formatter(&format!("{tag}-u-ca-gregory")).filter(|g| shown(g) != own_shown);
            forms.insert(
                lang.key.clone(),
                Form::Cldr(Box::new(Cldr { own, gregorian })),
            );
        }
        (Dates { forms }, diags)
    }

    /// The date written out in the language's conventions; ISO 8601 for a
    /// language the site does not have.
    pub fn format(&self, lang: &str, date: Date) -> String {
        let iso = IcuDate::try_new_iso(date.year, date.month, date.day);
        match (self.forms.get(lang), iso) {
            (Some(Form::Cldr(cldr)), Ok(d)) => {
                let own = cldr.own.format(&d).to_string();
                match &cldr.gregorian {
                    Some(g) => format!("{own} ({})", g.format(&d)),
                    None => own,
                }
            }
            (Some(Form::Numeric), Ok(_)) => {
                format!("{:02}.{:02}.{}", date.day, date.month, date.year)
            }
            _ => date.iso(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d() -> Date {
        Date {
            year: 2026,
            month: 11,
            day: 24,
        }
    }

    #[test]
    fn dates_follow_each_language() {
        let (config, _) = crate::config::parse(
            "default_language = \"de\"\n[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\n\
             [languages.ar]\nname = \"العربية\"\n[languages.tr]\nname = \"Türkçe\"\n\
             [languages.gb]\nname = \"English (UK)\"\ndate_locale = \"en-GB\"\n",
        );
        let (dates, diags) = Dates::new(&config.expect("config"));
        assert!(diags.is_empty());
        assert_eq!(dates.format("de", d()), "24. November 2026");
        assert_eq!(dates.format("en", d()), "November 24, 2026");
        assert_eq!(dates.format("gb", d()), "24 November 2026");
        assert_eq!(dates.format("tr", d()), "24 Kasım 2026");
        let ar = dates.format("ar", d());
        assert!(ar.contains("نوفمبر"), "Arabic month name expected in {ar}");
        assert!(!ar.contains('('), "Arabic has one calendar: {ar}");
        assert_eq!(dates.format("xx", d()), "2026-11-24");
    }

    #[test]
    fn persian_shows_the_gregorian_date_too_and_kurmanji_numbers() {
        let (config, _) = crate::config::parse(
            "default_language = \"fa\"\n[languages.fa]\nname = \"فارسی\"\n[languages.kmr]\nname = \"Kurmancî\"\n",
        );
        let (dates, _) = Dates::new(&config.expect("config"));
        let fa = dates.format("fa", d());
        // 3 Azar 1405 in the Solar Hijri calendar, then 24 November 2026,
        // both in Persian digits.
        assert!(fa.starts_with("۳ آذر ۱۴۰۵"), "{fa}");
        assert!(fa.contains("(۲۴ نوامبر ۲۰۲۶)"), "{fa}");
        assert_eq!(dates.format("kmr", d()), "24.11.2026");
    }

    /// Every language of the shipped site writes dates in a real form: no
    /// CLDR placeholder (`M11`, a lone `y`, `d`) and the day, month and
    /// year all present.
    #[test]
    fn every_shipped_language_writes_a_real_date() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let (config, _) = crate::config::load(root);
        let config = config.expect("the shipped site.toml");
        let (dates, diags) = Dates::new(&config);
        assert!(diags.is_empty(), "{diags:?}");
        let placeholder = |s: &str| {
            s.split(|c: char| c.is_whitespace() || c == ',' || c == '.' || c == '(' || c == ')')
                .any(|w| {
                    w.len() >= 2 && w.starts_with('M') && w[1..].chars().all(|c| c.is_ascii_digit())
                        || matches!(
                            w,
                            "y" | "yy" | "yyyy" | "d" | "dd" | "M" | "MM" | "MMM" | "G"
                        )
                })
        };
        for lang in &config.languages {
            let shown = dates.format(&lang.key, d());
            assert!(!placeholder(&shown), "`{}`: {shown}", lang.key);
            assert_ne!(shown, d().iso(), "`{}` has no date form", lang.key);
            let digits: String = shown.chars().filter(|c| c.is_numeric()).collect();
            assert!(
                digits.len() >= 6,
                "`{}`: {shown} lacks day or year",
                lang.key
            );
        }
        assert_eq!(dates.format("en", d()), "24 November 2026");
    }
}
