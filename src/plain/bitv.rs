//! The BITV 2.0 §4 duties and the accessibility statement's completeness.
//!
//! - The Leichte Sprache start page (`_index.md` of the variant marked
//!   `easy = true`, in German) must explain four things. Each is recognised
//!   by a heading id on that page (docs/content/plain-language.md):
//!   `bitv-content` (the essential content), `bitv-navigation` (how to use
//!   the site), `bitv-accessibility` (the essentials of the accessibility
//!   statement) and `bitv-more` (where further Leichte Sprache and
//!   sign-language content is).
//! - A German Sign Language video (`[accessibility] sign_language_video`,
//!   with `sign_language_video_duration` and `sign_language_video_size`) is
//!   reported when missing.
//! - Empty fields of the EU model statement in `[accessibility]` are
//!   reported by their site.toml key; a `reviewed` date more than a year
//!   old is reported, and the statement page shows a notice.

use std::path::Path;

use pulldown_cmark::{Event, Parser, Tag};

use crate::config::{self, Config};
use crate::content::{Site, Slot};
use crate::diag::Diagnostic;
use crate::frontmatter::Date;

/// The site's Fluent message with the name of the body the statement is
/// made by, as a sentence subject in each language (`[accessibility]
/// organisation` is the name in site.toml).
pub const ORGANISATION_MESSAGE: &str = "statement-organisation";
/// The site's Fluent message naming the law the statement rests on, a
/// sentence in each language (the law differs by country and state).
pub const LEGAL_BASIS_MESSAGE: &str = "statement-legal-basis";

/// The site's Fluent message with the enforcement (complaints) body's name
/// in each language (`[accessibility] enforcement_name` in site.toml).
pub const ENFORCEMENT_NAME_MESSAGE: &str = "statement-enforcement-name";

/// Reports languages whose site messages lack the statement's organisation
/// (while `organisation` is set) or its legal basis: without them a reader
/// gets the site.toml value, in its language, inside their sentence, or a
/// statement that names no law. `defined` lists the message ids each
/// language defines itself.
pub fn check_statement_messages(
    config: &Config,
    defined: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
) -> Vec<Diagnostic> {
    let mut wanted = vec![(
        LEGAL_BASIS_MESSAGE,
        "the statement names no legal basis",
        "a sentence naming the law the statement rests on, e.g. `statement-legal-basis = Rechtsgrundlage ist …`",
    )];
    if !config.accessibility.organisation.trim().is_empty() {
        wanted.push((
            ORGANISATION_MESSAGE,
            "the statement shows `[accessibility] organisation` from site.toml untranslated",
            "the organisation's name as the subject of a sentence, e.g. `statement-organisation = Die Stadt Bielefeld`",
        ));
    }
    if !config.accessibility.enforcement_name.trim().is_empty() {
        wanted.push((
            ENFORCEMENT_NAME_MESSAGE,
            "the statement shows `[accessibility] enforcement_name` from site.toml untranslated",
            "the enforcement body's name, as the reader's language names it: `statement-enforcement-name = …`",
        ));
    }
    let mut out = Vec::new();
    for lang in &config.languages {
        for (key, what, hint) in &wanted {
            if defined.get(&lang.key).is_some_and(|ids| ids.contains(*key)) {
                continue;
            }
            out.push(
                Diagnostic::warning(
                    "statement/untranslated-value",
                    format!(
                        "`{}` has no message `{key}`: {what} in this language",
                        lang.key
                    ),
                )
                .file(Path::new("locales").join(&lang.key))
                .hint(format!(
                    "add to a .ftl file in locales/{}/ {hint}",
                    lang.key
                )),
            );
        }
    }
    out
}

/// The four items and their markers.
pub const ITEMS: [(&str, &str, &str); 4] = [
    (
        "bitv-content",
        "the essential content of the site",
        "## Worum geht es auf dieser Internet·seite? {#bitv-content}",
    ),
    (
        "bitv-navigation",
        "how to navigate the site",
        "## So benutzen Sie diese Internet·seite {#bitv-navigation}",
    ),
    (
        "bitv-accessibility",
        "the essentials of the accessibility statement",
        "## Erklärung zur Barriere·freiheit {#bitv-accessibility}",
    ),
    (
        "bitv-more",
        "where further Leichte Sprache and sign-language content is",
        "## Mehr in Leichter Sprache {#bitv-more}",
    ),
];

/// Heading ids given with `{#id}` in a body.
fn heading_ids(body: &str) -> Vec<String> {
    Parser::new_ext(body, crate::markdown::options())
        .filter_map(|e| match e {
            Event::Start(Tag::Heading { id: Some(id), .. }) => Some(id.to_string()),
            _ => None,
        })
        .collect()
}

/// Checks the Leichte Sprache start page. Sites without German or without
/// an `easy` variant have no BITV start-page duty to check.
pub fn check_start_page(site: &Site) -> Vec<Diagnostic> {
    let config = &site.config;
    let Some(german) = config
        .languages
        .iter()
        .find(|l| l.key == "de" || l.key.starts_with("de-"))
    else {
        return Vec::new();
    };
    let Some(easy) = config.variants.iter().find(|v| v.easy) else {
        return vec![
            Diagnostic::warning(
                "bitv/no-easy-variant",
                "no variant is marked as Leichte Sprache, so the BITV 2.0 start page cannot be checked",
            )
            .file(config::CONFIG_FILE)
            .hint("add `easy = true` to the Leichte Sprache variant, e.g. [variants.easy]"),
        ];
    };
    let page = match site.slot("_index.md", &german.key, Some(&easy.key)) {
        Some((Slot::Real(i), _)) => site.pages.get(i),
        _ => None,
    };
    let Some(page) = page else {
        return vec![
            Diagnostic::warning(
                "bitv/start-page-missing",
                format!(
                    "there is no start page in Leichte Sprache (content/_index.{}.md)",
                    easy.key
                ),
            )
            .file(Path::new(crate::content::CONTENT_DIR).join(format!("_index.{}.md", easy.key)))
            .hint("BITV 2.0 §4 asks for a start page in Leichte Sprache that explains the content, the navigation, the accessibility statement and where more Leichte Sprache is"),
        ];
    };
    check_markers(&page.body, &page.file, &page.url)
}

/// Reports each of the four items whose marker is missing from `body`.
pub fn check_markers(body: &str, file: &Path, url: &str) -> Vec<Diagnostic> {
    let ids = heading_ids(body);
    ITEMS
        .iter()
        .filter(|(id, _, _)| !ids.iter().any(|i| i == id))
        .map(|(id, what, example)| {
            Diagnostic::warning(
                "bitv/start-page-item",
                format!("the Leichte Sprache start page does not explain {what} (no heading with the id `{id}`)"),
            )
            .file(file)
            .url(url)
            .hint(format!("add a section that explains it, with the marker on its heading, e.g. `{example}`"))
        })
        .collect()
}

/// Today's date: `SOURCE_DATE_EPOCH` when set (reproducible builds), else
/// the system clock.
pub fn today() -> Date {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    Date::from_unix_days(seconds.div_euclid(86_400))
}

/// Whether a review on `reviewed` is more than a year before `today`.
pub fn review_overdue(reviewed: &Date, today: &Date) -> bool {
    (reviewed.year + 1, reviewed.month, reviewed.day) < (today.year, today.month, today.day)
}

/// Reports empty or stale fields of `[accessibility]`. `text` is the
/// site.toml text, to locate the keys.
pub fn check_statement(config: &Config, text: &str, today: &Date) -> Vec<Diagnostic> {
    let a = &config.accessibility;
    let at = |key: &str, d: Diagnostic| -> Diagnostic {
        let d = d.file(config::CONFIG_FILE);
        match config::find_key(text, key).or_else(|| config::find_key(text, "accessibility")) {
            Some(offset) => d.at_offset(text, offset),
            None => d,
        }
    };
    let mut out = Vec::new();
    let fields: [(&str, &str, &str); 8] = [
        (
            "organisation",
            &a.organisation,
            "the body the statement is made by",
        ),
        (
            "conformance",
            &a.conformance,
            "the conformance status: fully, partially or not compliant",
        ),
        (
            "standard",
            &a.standard,
            "the standard the site is measured against",
        ),
        (
            "prepared",
            &a.prepared,
            "the date the statement was prepared (YYYY-MM-DD)",
        ),
        (
            "reviewed",
            &a.reviewed,
            "the date it was last reviewed (YYYY-MM-DD)",
        ),
        (
            "method",
            &a.method,
            "how compliance was assessed: self-assessment or third party",
        ),
        (
            "enforcement_name",
            &a.enforcement_name,
            "the enforcement (arbitration) body",
        ),
        (
            "enforcement_url",
            &a.enforcement_url,
            "the enforcement body's web address",
        ),
    ];
    for (key, value, what) in fields {
        if value.trim().is_empty() {
            out.push(at(
                key,
                Diagnostic::warning(
                    "statement/missing-field",
                    format!("the accessibility statement lacks `{key}` in [accessibility]"),
                )
                .hint(format!("set `{key}`: {what}")),
            ));
        }
    }
    if a.contact_email.trim().is_empty() && a.contact_url.trim().is_empty() {
        out.push(at(
            "contact_email",
            Diagnostic::warning(
                "statement/missing-field",
                "the accessibility statement has no feedback contact (`contact_email` or `contact_url` in [accessibility])",
            )
            .hint("set `contact_email` or `contact_url`: where people report barriers"),
        ));
    }
    for key in ["prepared", "reviewed"] {
        let value = if key == "prepared" {
            &a.prepared
        } else {
            &a.reviewed
        };
        if value.trim().is_empty() {
            continue;
        }
        match Date::parse(value) {
            None => out.push(at(
                key,
                Diagnostic::warning(
                    "statement/bad-date",
                    format!("`{key}` = \"{value}\" is not a date"),
                )
                .hint("write the date as YYYY-MM-DD"),
            )),
            Some(date) if key == "reviewed" && review_overdue(&date, today) => out.push(at(
                key,
                Diagnostic::warning(
                    "statement/review-overdue",
                    format!(
                        "the accessibility statement was last reviewed on {}, more than a year ago",
                        date.iso()
                    ),
                )
                .hint("review the statement (at least once a year), then set `reviewed` to the date of the review"),
            )),
            Some(_) => {}
        }
    }
    if a.sign_language_video.trim().is_empty() {
        out.push(at(
            "sign_language_video",
            Diagnostic::warning(
                "bitv/sign-language-video",
                "there is no video in German Sign Language (DGS) about the site",
            )
            .hint("BITV 2.0 §4: set `sign_language_video` (its URL), `sign_language_video_duration` and `sign_language_video_size` in [accessibility]"),
        ));
    } else {
        for (key, value) in [
            (
                "sign_language_video_duration",
                &a.sign_language_video_duration,
            ),
            ("sign_language_video_size", &a.sign_language_video_size),
        ] {
            if value.trim().is_empty() {
                out.push(at(
                    "sign_language_video",
                    Diagnostic::warning(
                        "bitv/sign-language-video",
                        format!("the sign-language video has no `{key}`"),
                    )
                    .hint("give the video's duration (e.g. \"4:30 min\") and file size (e.g. \"38 MB\") so people know what they load"),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates_from_days() {
        let d = Date::from_unix_days(0);
        assert_eq!((d.year, d.month, d.day), (1970, 1, 1));
        // 2026-11-24 is day 20781.
        let d = Date::from_unix_days(20_781);
        assert_eq!((d.year, d.month, d.day), (2026, 11, 24));
        let d = Date::from_unix_days(11_016);
        assert_eq!((d.year, d.month, d.day), (2000, 2, 29));
    }

    #[test]
    fn a_review_is_overdue_after_a_year() {
        let today = Date {
            year: 2026,
            month: 11,
            day: 24,
        };
        let d = |y, m, day| Date {
            year: y,
            month: m,
            day,
        };
        assert!(!review_overdue(&d(2025, 11, 24), &today));
        assert!(review_overdue(&d(2025, 11, 23), &today));
        assert!(!review_overdue(&d(2026, 1, 1), &today));
    }
}
