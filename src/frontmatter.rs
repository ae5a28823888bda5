//! Front matter: TOML between `+++` lines or YAML between `---` lines,
//! split from the Markdown body and parsed into typed keys.
//!
//! Offsets are kept so that every error names the line and column in the
//! file. Unknown keys are errors (typos must not pass silently).

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::diag::Diagnostic;

/// The known front-matter keys (SPEC "Site folder"; docs/content/layout.md).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct FrontMatter {
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub updated: Option<Date>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    pub weight: Option<i64>,
    #[serde(default)]
    pub slug: Option<String>,
    /// Template to render the page with instead of `page.html`/`section.html`.
    #[serde(default)]
    pub template: Option<String>,
    /// On a translation or variant: blake3 hash (hex) of the original's title
    /// and body when this text was made from it; set by `vielfalt stamp`.
    #[serde(default)]
    pub source_hash: Option<String>,
    /// On a translation: the short hash of each translatable unit of the
    /// original it was made from, in the original's order (`-` where
    /// unknown); written by `vielfalt l10n import` and `vielfalt stamp`.
    #[serde(default)]
    pub source_segments: Option<String>,
    /// On a translation: how it was made.
    #[serde(default)]
    pub translation: Option<TranslationMethod>,
    /// On a translation: whether a native speaker has reviewed it.
    #[serde(default)]
    pub reviewed: Option<bool>,
    /// Free-form data for templates (`page.extra`).
    #[serde(default)]
    pub extra: Option<serde_json::Value>,
    /// Who the page is for (`["public"]`, `["intranet"]`, both); a build of
    /// a profile includes only its audiences' pages (docs/content/profiles.md).
    /// Unset: the section's, else `[build] default_audience`.
    #[serde(default)]
    pub audience: Option<Vec<String>>,
    /// Line and column of the `audience` key in the file, for findings.
    #[serde(skip)]
    pub audience_at: Option<(usize, usize)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TranslationMethod {
    /// Translated by a person.
    Human,
    /// Machine translation or AI-generated text.
    Machine,
}

/// A calendar date (`YYYY-MM-DD`). A TOML date or datetime, or a YAML/TOML
/// string starting with one, is accepted; the time part is ignored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A date written `YYYY-MM-DD`, alone or followed by a time (which is
    /// ignored); `None` when it is not one.
    pub fn parse(s: &str) -> Option<Date> {
        Date::read(s).ok()
    }

    /// `parse`, saying what is wrong. ICU4X checks the calendar (months,
    /// days of the month, leap years) and the time after the date (RFC 9557).
    pub fn read(s: &str) -> Result<Date, String> {
        let s = s.trim();
        // RFC 9557 also reads `20261124` and `+002026-11-24`; dates in front
        // matter and file names are written the way people read them.
        let number = |range: std::ops::Range<usize>| {
            s.get(range)
                .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|digits| digits.parse::<u16>().ok())
        };
        let (Some(year), Some(month), Some(day), Some("-"), Some("-")) = (
            number(0..4),
            number(5..7),
            number(8..10),
            s.get(4..5),
            s.get(7..8),
        ) else {
            return Err("a date is written YYYY-MM-DD".to_string());
        };
        let date = icu_calendar::Date::try_new_iso(
            i32::from(year),
            u8::try_from(month).unwrap_or(u8::MAX),
            u8::try_from(day).unwrap_or(u8::MAX),
        )
        .map_err(|r| {
            format!(
                "the {} {} is not between {} and {}",
                r.field, r.value, r.min, r.max
            )
        })?;
        if s.len() > 10 && icu_calendar::Date::try_from_str(s, icu_calendar::Iso).is_err() {
            return Err(
                "after YYYY-MM-DD only a time may follow, e.g. 2026-11-24T10:00:00".to_string(),
            );
        }
        Ok(Date::from_icu(&date))
    }

    /// The calendar date `days` days after 1970-01-01, for "today" from a
    /// clock or SOURCE_DATE_EPOCH.
    pub fn from_unix_days(days: i64) -> Date {
        let epoch = icu_calendar::Date::try_new_iso(1970, 1, 1)
            .expect("1970-01-01 is a date")
            .to_rata_die();
        let day = icu_calendar::types::RataDie::new(epoch.to_i64_date().saturating_add(days));
        Date::from_icu(&icu_calendar::Date::from_rata_die(day, icu_calendar::Iso))
    }

    fn from_icu(date: &icu_calendar::Date<icu_calendar::Iso>) -> Date {
        Date {
            year: date.year().extended_year(),
            month: date.month().ordinal,
            day: date.day_of_month().0,
        }
    }

    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> Visitor<'de> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a date written YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::read(v).map_err(|why| {
                    E::custom(format!(
                        "`{v}` is not a valid date: {why}; write YYYY-MM-DD, e.g. 2026-11-24"
                    ))
                })
            }
            // toml hands its datetime values over as a one-entry map.
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                let Some((_, value)) = map.next_entry::<String, String>()? else {
                    return Err(de::Error::custom("expected a date"));
                };
                self.visit_str(&value)
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

/// Where the parts of a content file are, as byte offsets into its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Split<'a> {
    pub format: Format,
    pub front: &'a str,
    pub front_offset: usize,
    pub body: &'a str,
    pub body_offset: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Toml,
    Yaml,
}

/// Splits a file into front matter and body. The opening fence must be the
/// first line (after an optional BOM); the closing fence is the next line
/// that is exactly the same fence.
pub fn split(text: &str) -> Result<Split<'_>, (String, usize, String)> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let rest = &text[start..];
    let (format, fence) = if rest.starts_with("+++") {
        (Format::Toml, "+++")
    } else if rest.starts_with("---") {
        (Format::Yaml, "---")
    } else {
        return Err((
            "the file has no front matter".into(),
            start,
            "start the file with a `+++` line, then `title = \"…\"`, then a closing `+++` line"
                .into(),
        ));
    };
    let first_line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
    if rest[..first_line_end].trim_end() != fence {
        return Err((
            format!("the opening `{fence}` must stand alone on the first line"),
            start,
            format!("put a line break after `{fence}`"),
        ));
    }
    let front_offset = start + first_line_end;
    let mut offset = front_offset;
    for line in text[front_offset..].split_inclusive('\n') {
        if line.trim_end() == fence {
            let body_offset = offset + line.len();
            return Ok(Split {
                format,
                front: &text[front_offset..offset],
                front_offset,
                body: &text[body_offset..],
                body_offset,
            });
        }
        offset += line.len();
    }
    Err((
        format!("the front matter opened with `{fence}` on line 1 is never closed"),
        start,
        format!("add a line with only `{fence}` after the last front-matter key"),
    ))
}

/// Parses front matter text. `text` is the whole file and `split` its parts,
/// so that diagnostics carry file positions.
pub fn parse(text: &str, split: &Split<'_>, file: &str) -> Result<FrontMatter, Diagnostic> {
    if split.front.trim().is_empty() {
        // Nothing between the fences: point at the opening one (the line
        // after it may be the closing fence, or far away).
        let before = text
            .get(..split.front_offset)
            .unwrap_or_default()
            .trim_end_matches(['\n', '\r']);
        let fence = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        return Err(front_matter_error("missing field `title`", file).at_offset(text, fence));
    }
    let mut front = parse_keys(text, split, file)?;
    if front.audience.is_some() {
        front.audience_at = key_offset(split.front, "audience")
            .map(|at| crate::diag::line_col(text, split.front_offset + at));
    }
    Ok(front)
}

/// Byte offset in `front` of the line that sets `key` (TOML `key =`, YAML
/// `key:`), for findings about a value serde has already accepted.
fn key_offset(front: &str, key: &str) -> Option<usize> {
    let mut offset = 0;
    for line in front.split_inclusive('\n') {
        if let Some(rest) = line.strip_prefix(key)
            && rest.trim_start().starts_with(['=', ':'])
        {
            return Some(offset);
        }
        offset += line.len();
    }
    None
}

fn parse_keys(text: &str, split: &Split<'_>, file: &str) -> Result<FrontMatter, Diagnostic> {
    match split.format {
        Format::Toml => toml::from_str::<FrontMatter>(split.front).map_err(|e| {
            let offset = split.front_offset + e.span().map_or(0, |s| s.start);
            front_matter_error(e.message(), file).at_offset(text, offset)
        }),
        Format::Yaml => {
            let located = |e: yaml_serde::Error| {
                let message = e.to_string();
                let message = message
                    .split(" at line ")
                    .next()
                    .unwrap_or(&message)
                    .to_string();
                let d = front_matter_error(&message, file);
                // The byte index, not YAML's line: YAML counts a lone `\r`
                // as a line break too, which would point past the file
                // (found by fuzzing, catalog "frontmatter/yaml-line-breaks").
                match e.location() {
                    Some(loc) => d.at_offset(text, split.front_offset + loc.index()),
                    None => d.at_offset(text, split.front_offset),
                }
            };
            // Read as plain YAML first: that checks tags against their
            // values (`!!int x`), which reading into the page's fields
            // skips for text fields.
            yaml_serde::from_str::<yaml_serde::Value>(split.front).map_err(located)?;
            yaml_serde::from_str::<FrontMatter>(split.front).map_err(located)
        }
    }
}

const KNOWN_KEYS: [&str; 14] = [
    "title",
    "description",
    "date",
    "updated",
    "draft",
    "weight",
    "slug",
    "template",
    "source_hash",
    "source_segments",
    "translation",
    "reviewed",
    "extra",
    "audience",
];

fn front_matter_error(message: &str, file: &str) -> Diagnostic {
    let message = message.trim();
    let (rule, hint) = if let Some(key) = message
        .strip_prefix("unknown field `")
        .and_then(|m| m.split('`').next())
    {
        let hint = match crate::diag::suggest(key, KNOWN_KEYS) {
            Some(s) => format!("did you mean `{s}`? Known keys: {}", KNOWN_KEYS.join(", ")),
            None => format!(
                "known keys: {}; put your own data under `[extra]`",
                KNOWN_KEYS.join(", ")
            ),
        };
        ("frontmatter/unknown-key", hint)
    } else if message.contains("missing field `title`") {
        (
            "frontmatter/missing-title",
            "every page needs `title = \"…\"` in its front matter".to_string(),
        )
    } else {
        (
            "frontmatter/invalid",
            "fix the front matter; see the manual, docs/content/layout.md, for the keys and their types"
                .to_string(),
        )
    };
    let mut d = Diagnostic::error(rule, format!("front matter: {message}")).hint(hint);
    d.file = Some(file.into());
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fm(text: &str) -> Result<FrontMatter, Diagnostic> {
        let s = split(text).map_err(|(m, _, _)| Diagnostic::error("split", m))?;
        parse(text, &s, "x.md")
    }

    #[test]
    fn toml_and_yaml_give_the_same_page() {
        let a = fm("+++\ntitle = \"Leitbild\"\ndate = 2026-11-24\nweight = 2\n+++\nbody")
            .expect("toml");
        let b = fm("---\ntitle: Leitbild\ndate: 2026-11-24\nweight: 2\n---\nbody").expect("yaml");
        assert_eq!(a, b);
        assert_eq!(a.date.map(|d| d.iso()), Some("2026-11-24".to_string()));
    }

    #[test]
    fn body_offset_points_after_the_fence() {
        let text = "\u{feff}+++\r\ntitle = \"x\"\r\n+++\r\n# Hi\n";
        let s = split(text).expect("splits");
        assert_eq!(s.body, "# Hi\n");
        assert_eq!(&text[s.body_offset..], "# Hi\n");
    }

    #[test]
    fn unknown_key_is_located_with_a_suggestion() {
        let d = fm("+++\ntitle = \"x\"\ntitel = \"y\"\n+++\n").expect_err("unknown key");
        assert_eq!(d.rule, "frontmatter/unknown-key");
        assert_eq!((d.line, d.column), (Some(3), Some(1)));
        assert!(
            d.hint
                .as_deref()
                .is_some_and(|h| h.contains("did you mean `title`"))
        );
    }

    #[test]
    fn yaml_unknown_key_is_located() {
        let d = fm("---\ntitle: x\nweigth: 3\n---\n").expect_err("unknown key");
        assert_eq!(d.rule, "frontmatter/unknown-key");
        assert_eq!(d.line, Some(3));
    }

    #[test]
    fn yaml_tags_must_fit_their_values() {
        let d = fm("---\ntitle: !!int x\n---\n").expect_err("tag");
        assert_eq!(
            (d.rule.as_str(), d.line, d.column),
            ("frontmatter/invalid", Some(2), Some(8))
        );
        assert!(fm("---\ntitle: !!str 3\n---\n").is_ok());
    }

    #[test]
    fn unclosed_and_missing_front_matter() {
        assert!(split("+++\ntitle = \"x\"\n").is_err());
        assert!(split("# no front matter").is_err());
        let d = fm("+++\ndescription = \"x\"\n+++\n").expect_err("no title");
        assert_eq!(d.rule, "frontmatter/missing-title");
        // Empty: at the opening fence.
        for empty in [
            "+++\n+++\n+++\n",
            "---\n\n---\n",
            "\u{feff}+++\r\n\r\n+++\r\n",
        ] {
            let d = fm(empty).expect_err("no title");
            assert_eq!(d.rule, "frontmatter/missing-title");
            assert_eq!(d.line, Some(1), "{empty:?}");
        }
    }

    #[test]
    fn days_since_the_epoch_become_dates() {
        assert_eq!(Date::from_unix_days(0).iso(), "1970-01-01");
        assert_eq!(Date::from_unix_days(20_782).iso(), "2026-11-25");
        assert_eq!(Date::from_unix_days(11_016).iso(), "2000-02-29");
        assert_eq!(Date::from_unix_days(-1).iso(), "1969-12-31");
    }

    #[test]
    fn dates_are_validated() {
        assert!(Date::parse("2026-02-29").is_none());
        assert!(Date::parse("2024-02-29").is_some());
        assert!(Date::parse("1900-02-29").is_none());
        assert!(Date::parse("2000-02-29").is_some());
        assert_eq!(
            Date::parse("2026-11-24T10:00:00Z"),
            Some(Date {
                year: 2026,
                month: 11,
                day: 24
            })
        );
        assert!(Date::parse("2026-11-24 10:00").is_some());
        for bad in [
            "24.11.2026",
            "20261124",
            "+002026-11-24",
            "2026-1-1",
            "2026-11-24x",
            "2026-11-24T25:00",
            "",
        ] {
            assert_eq!(Date::parse(bad), None, "{bad}");
        }
    }

    /// Bad dates are errors at the value, saying what is wrong and how to
    /// write a date, in TOML and YAML.
    #[test]
    fn bad_dates_name_line_column_and_the_fault() {
        let cases = [
            (
                "+++\ntitle = \"x\"\ndate = \"2026-13-01\"\n+++\n",
                (3, 8),
                "`2026-13-01` is not a valid date: the month 13 is not between 1 and 12",
            ),
            (
                "+++\ntitle = \"x\"\nupdated = \"2026-02-29\"\n+++\n",
                (3, 11),
                "`2026-02-29` is not a valid date: the day 29 is not between 1 and 28",
            ),
            (
                "---\ntitle: x\ndate: 24.11.2026\n---\n",
                (3, 7),
                "`24.11.2026` is not a valid date: a date is written YYYY-MM-DD",
            ),
            (
                "---\ntitle: x\ndate: 2026-11-24 morgens\n---\n",
                (3, 7),
                "`2026-11-24 morgens` is not a valid date: after YYYY-MM-DD only a time may follow",
            ),
        ];
        for (text, (line, column), message) in cases {
            let d = fm(text).expect_err(text);
            assert_eq!(d.rule, "frontmatter/invalid", "{text}");
            assert_eq!(
                (d.line, d.column),
                (Some(line), Some(column)),
                "{text}: {d:?}"
            );
            assert!(d.message.contains(message), "{text}: {}", d.message);
            assert!(
                d.message.contains("write YYYY-MM-DD, e.g. 2026-11-24"),
                "{}",
                d.message
            );
        }
    }
}
