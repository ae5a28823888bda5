//! Dates formatted per language with CLDR data (ICU4X): "24. November 2026"
//! in German, Arabic in its own conventions, Persian in the Solar Hijri
//! calendar that is CLDR's default for `fa`. One formatter per language,
//! built once.

use std::collections::HashMap;

use icu_calendar::Date as IcuDate;
use icu_datetime::DateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_locale::Locale;

use crate::config::Config;
use crate::diag::Diagnostic;
use crate::frontmatter::Date;

pub struct Dates {
    formatters: HashMap<String, DateTimeFormatter<YMD>>,
}

impl std::fmt::Debug for Dates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dates").finish_non_exhaustive()
    }
}

impl Dates {
    pub fn new(config: &Config) -> (Dates, Vec<Diagnostic>) {
        let mut formatters = HashMap::new();
        let mut diags = Vec::new();
        for lang in &config.languages {
            let formatter =
                lang.key.parse::<Locale>().ok().and_then(|locale| {
                    DateTimeFormatter::try_new((&locale).into(), YMD::long()).ok()
                });
            match formatter {
                Some(f) => {
                    formatters.insert(lang.key.clone(), f);
                }
                None => diags.push(
                    Diagnostic::warning(
                        "i18n/no-date-format",
                        format!(
                            "no CLDR date format for `{}`; dates are shown as YYYY-MM-DD",
                            lang.key
                        ),
                    )
                    .file(crate::config::CONFIG_FILE)
                    .hint("use a language tag that CLDR knows"),
                ),
            }
        }
        (Dates { formatters }, diags)
    }

    /// The date written out in the language's conventions; ISO 8601 when no
    /// CLDR data is available.
    pub fn format(&self, lang: &str, date: Date) -> String {
        let iso = IcuDate::try_new_iso(date.year, date.month, date.day);
        match (self.formatters.get(lang), iso) {
            (Some(f), Ok(d)) => f.format(&d).to_string(),
            _ => date.iso(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_follow_each_language() {
        let (config, _) = crate::config::parse(
            "default_language = \"de\"\n[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\n\
             [languages.ar]\nname = \"العربية\"\n[languages.tr]\nname = \"Türkçe\"\n",
        );
        let (dates, diags) = Dates::new(&config.expect("config"));
        assert!(diags.is_empty());
        let d = Date {
            year: 2026,
            month: 11,
            day: 24,
        };
        assert_eq!(dates.format("de", d), "24. November 2026");
        assert_eq!(dates.format("en", d), "November 24, 2026");
        assert_eq!(dates.format("tr", d), "24 Kasım 2026");
        let ar = dates.format("ar", d);
        assert!(ar.contains("نوفمبر"), "Arabic month name expected in {ar}");
        assert_eq!(dates.format("xx", d), "2026-11-24");
    }
}
