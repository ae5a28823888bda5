//! Every rule of the HTML lint, in one table: its stable code, default
//! severity, the accessibility requirement it serves, what it finds and
//! how to fix it. Findings take severity and hint from here; the manual's
//! rules page (`docs/content/lint-rules.md`) and the `[lint]` validation
//! of site.toml are made from it.
//!
//! Requirements are named by their WCAG 2.2 success criterion; EN 301 549
//! (chapter 9) and BITV 2.0 adopt those criteria under the same numbers.

use crate::config::{Config, RuleName};
use crate::diag::{Diagnostic, Severity};

/// One rule of the lint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Stable name, as in `[lint] allow` and `check --format json`.
    pub code: &'static str,
    pub severity: Severity,
    /// The WCAG success criterion the rule serves (or "—" for page
    /// hygiene no criterion names).
    pub criterion: &'static str,
    pub description: &'static str,
    pub hint: &'static str,
}

const fn rule(
    code: &'static str,
    severity: Severity,
    criterion: &'static str,
    description: &'static str,
    hint: &'static str,
) -> Rule {
    Rule {
        code,
        severity,
        criterion,
        description,
        hint,
    }
}

use Severity::{Error, Note, Warning};

/// The rules, grouped by concern as the files of `lint/rules/` are.
pub const RULES: &[Rule] = &[
    // document
    rule(
        "a11y/html-lang",
        Warning,
        "3.1.1 Language of Page",
        "The page has no `<html lang>`, or its value is not a BCP 47 tag.",
        "set lang on the html element (the default theme does; check your own templates) to a language key of site.toml that is a BCP 47 tag (de, en, ar, sr-Latn)",
    ),
    rule(
        "a11y/viewport",
        Warning,
        "1.4.4 Resize Text; 1.4.10 Reflow",
        "The page has no viewport, or its viewport stops readers from zooming.",
        "use <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">, without user-scalable=no or a maximum-scale below 2",
    ),
    rule(
        "a11y/meta-refresh",
        Warning,
        "2.2.1 Timing Adjustable",
        "The page reloads or redirects itself with `<meta http-equiv=\"refresh\">`.",
        "remove the refresh; link to the new address, or redirect on the server",
    ),
    // images
    rule(
        "a11y/img-alt-missing",
        Warning,
        "1.1.1 Non-text Content",
        "An image has no alt attribute.",
        "describe the image in the alt text (`![what it shows](…)`); for a purely decorative image write alt=\"\"",
    ),
    rule(
        "a11y/img-alt-filename",
        Warning,
        "1.1.1 Non-text Content",
        "An image's alt text is a file name.",
        "write what the image shows, not its file name",
    ),
    rule(
        "a11y/img-alt-generic",
        Warning,
        "1.1.1 Non-text Content",
        "An image's alt text says only \"image\" (in the page's language or English).",
        "write what the image shows or means; for a decorative image write alt=\"\"",
    ),
    // headings
    rule(
        "a11y/h1-count",
        Warning,
        "1.3.1 Info and Relationships",
        "The page has no h1 or more than one.",
        "the page title is the h1; start the Markdown's own headings at ## (h2)",
    ),
    rule(
        "a11y/heading-empty",
        Warning,
        "1.3.1 Info and Relationships; 2.4.6 Headings and Labels",
        "A heading has no text.",
        "give the heading text, or remove it",
    ),
    rule(
        "a11y/heading-skipped",
        Warning,
        "1.3.1 Info and Relationships",
        "A heading skips a level (an h4 after an h2).",
        "do not skip heading levels: use one more # than the heading above",
    ),
    // links
    rule(
        "a11y/link-no-name",
        Warning,
        "2.4.4 Link Purpose (In Context); 4.1.2 Name, Role, Value",
        "A link has no text, label or title: screen readers announce only \"link\".",
        "give the link text, or an image inside it an alt text",
    ),
    rule(
        "a11y/link-generic-text",
        Warning,
        "2.4.4 Link Purpose (In Context)",
        "A link text such as \"here\" or \"mehr\" does not say where it leads.",
        "write link texts that make sense on their own: “Leitbild lesen”, not “hier”",
    ),
    rule(
        "a11y/link-new-window",
        Warning,
        "3.2.5 Change on Request",
        "A link opens a new window (`target=\"_blank\"`) without saying so.",
        "remove target=\"_blank\", or add “(opens in a new window)” in the page's language to the link text",
    ),
    // controls
    rule(
        "a11y/button-no-name",
        Warning,
        "4.1.2 Name, Role, Value",
        "A button has no text, label or title.",
        "give the button text, an aria-label, or an image inside it an alt text",
    ),
    rule(
        "a11y/tabindex-positive",
        Warning,
        "2.4.3 Focus Order",
        "An element has a positive tabindex, which breaks the order of keyboard focus.",
        "use tabindex=\"0\" (or none) and order the HTML as it should be read",
    ),
    // ids
    rule(
        "html/duplicate-id",
        Warning,
        "4.1.1 Parsing",
        "An id is used more than once on a page.",
        "ids must be unique on a page; rename one heading or element",
    ),
    rule(
        "a11y/broken-idref",
        Warning,
        "1.3.1 Info and Relationships; 4.1.2 Name, Role, Value",
        "aria-labelledby, aria-describedby, headers or for names an id the page lacks.",
        "point the attribute at an existing id, or give the element that id",
    ),
    // tables
    rule(
        "a11y/table-no-headers",
        Warning,
        "1.3.1 Info and Relationships",
        "A data table has no header cells (th).",
        "give the table a header row (the first row of a Markdown table), or role=\"presentation\" if it only lays out",
    ),
    // media
    rule(
        "a11y/video-captions",
        Warning,
        "1.2.2 Captions (Prerecorded)",
        "A video has no captions track.",
        "add <track kind=\"captions\" src=\"….vtt\" srclang=\"…\"> inside the video",
    ),
    rule(
        "a11y/media-autoplay",
        Warning,
        "1.4.2 Audio Control",
        "An audio or video element starts playing by itself (`autoplay`).",
        "remove autoplay and let readers start the media; if it must play, mute it and give it controls",
    ),
    rule(
        "a11y/iframe-title",
        Warning,
        "4.1.2 Name, Role, Value",
        "An iframe has no title.",
        "give the iframe a title that says what it contains (title=\"…\")",
    ),
    // language
    rule(
        "a11y/foreign-script",
        Warning,
        "3.1.2 Language of Parts",
        "Text in a script foreign to the language in effect has no lang attribute.",
        "mark the passage with its language, e.g. <span lang=\"ar\">…</span>, so screen readers switch voice",
    ),
    rule(
        "a11y/language-name-lang",
        Warning,
        "3.1.2 Language of Parts",
        "The name of a site language in itself (its `name` in site.toml, e.g. “Deutsch”) stands in text of another language without a lang of its own.",
        "mark the name with its language, e.g. Read the original in <span lang=\"de\">Deutsch</span>, so screen readers say it in its own voice; in a template, put lang on the element around the name",
    ),
    rule(
        "a11y/lang-invalid",
        Warning,
        "3.1.2 Language of Parts",
        "A lang attribute inside the page is not a BCP 47 language tag.",
        "write a BCP 47 tag such as lang=\"en\", lang=\"ar\" or lang=\"sr-Latn\"",
    ),
    rule(
        "lint/unreadable",
        Error,
        "4.1.1 Parsing",
        "The HTML parser could not read the page (a bug of vielfalt, never of the site).",
        "report this as a bug of vielfalt, with the page's source",
    ),
    rule(
        "lint/no-word-lists",
        Note,
        "2.4.4 Link Purpose (In Context)",
        "A site language has no word lists for generic link and alt texts: its pages are checked against the English lists only.",
        "add the language's phrases to src/lint/words.rs, or allow this note",
    ),
    // site-wide
    rule(
        "link/broken",
        Warning,
        "—",
        "A link inside the site points to no page or file.",
        "fix the link target; link to pages with `@/path/to/file.md#id` so the build can check them",
    ),
    rule(
        "link/broken-anchor",
        Warning,
        "—",
        "A link's `#anchor` does not exist on the target page.",
        "fix the link target; link to pages with `@/path/to/file.md#id` so the build can check them",
    ),
    rule(
        "link/lang-missing",
        Warning,
        "3.1.2 Language of Parts",
        "A link into a page of another language says neither hreflang nor lang.",
        "add hreflang with the target's language (and lang if the link text is in that language) to the link",
    ),
    rule(
        "html/duplicate-title",
        Warning,
        "2.4.2 Page Titled",
        "Several pages share one title.",
        "give each page its own title",
    ),
    // Markdown links (reported while rendering)
    rule(
        "link/unknown-page",
        Error,
        "—",
        "An `@/` link names no page of the site.",
        "link to an existing Markdown file, relative to content/",
    ),
    rule(
        "link/excluded-page",
        Error,
        "—",
        "A link (`@/`, Markdown or raw HTML) leads to a page the build's profile leaves out (docs/content/profiles.md).",
        "remove the link, or give the target page this page's audiences",
    ),
    rule(
        "link/not-a-link",
        Warning,
        "—",
        "`(@/` in the text was meant as a link, but Markdown does not read it as one.",
        "write `[text](@/path.md)` without spaces in the path, or put the text in `code`",
    ),
];

/// The rule `code`, if the registry has it.
pub fn rule_of(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// A diagnostic of rule `code` with the rule's severity and hint.
pub fn diagnostic(code: &'static str, message: String) -> Diagnostic {
    match rule_of(code) {
        Some(r) => Diagnostic::new(r.severity, code, message).hint(r.hint),
        None => Diagnostic::warning(code, message),
    }
}

/// The namespaces of the rules in [`RULES`]. Names in other namespaces
/// (`plain/…`, `markdown/…`) belong to other checks and are not checked
/// here.
const NAMESPACES: [&str; 4] = ["a11y/", "html/", "link/", "lint/"];

/// `[lint] allow` and `errors` names that no rule has, as errors naming
/// site.toml's line and column, with the closest code as a suggestion.
pub fn validate(config: &Config) -> Vec<Diagnostic> {
    config
        .lint
        .written
        .iter()
        .filter(|n| NAMESPACES.iter().any(|ns| n.name.starts_with(ns)) || !n.name.contains('/'))
        .filter(|n| rule_of(&n.name).is_none())
        .map(unknown_rule)
        .collect()
}

fn unknown_rule(name: &RuleName) -> Diagnostic {
    let d = Diagnostic::error(
        "config/unknown-rule",
        format!("`{}` in [lint] is not a rule of the lint", name.name),
    )
    .file(crate::config::CONFIG_FILE)
    .at(name.line, name.column);
    match crate::diag::suggest(&name.name, RULES.iter().map(|r| r.code)) {
        Some(code) => d.hint(format!("did you mean `{code}`?")),
        None => d.hint("see the manual's page of lint rules for every rule name"),
    }
}

/// The rules as a Markdown table, for the manual.
pub fn markdown_table() -> String {
    let mut out = String::from(
        "| Rule | Severity | Serves | What it finds | How to fix it |\n|---|---|---|---|---|\n",
    );
    for r in RULES {
        let cells = [
            r.code,
            r.severity.as_str(),
            r.criterion,
            r.description,
            r.hint,
        ]
        .map(table_cell);
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            cells[0], cells[1], cells[2], cells[3], cells[4]
        ));
    }
    out
}

/// `text` for a cell of a Markdown table: `|` escaped, and `<` outside
/// code spans written as `&lt;`, so that an element named in a hint stays
/// text.
fn table_cell(text: &str) -> String {
    text.replace('|', "\\|")
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 0 {
                part.replace('<', "&lt;")
            } else {
                part.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join("`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique() {
        for (i, r) in RULES.iter().enumerate() {
            assert!(
                RULES.iter().skip(i + 1).all(|o| o.code != r.code),
                "{} twice",
                r.code
            );
            assert!(
                NAMESPACES.iter().any(|ns| r.code.starts_with(ns)),
                "{}",
                r.code
            );
        }
    }

    /// Every rule code the lint's sources name is in the registry.
    #[test]
    fn every_code_in_the_lint_is_registered() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lint");
        let mut files = vec![
            root.join("mod.rs"),
            root.join("pass.rs"),
            root.join("site.rs"),
        ];
        for entry in std::fs::read_dir(root.join("rules")).expect("src/lint/rules") {
            files.push(entry.expect("a directory entry").path());
        }
        let mut found = 0;
        for file in files {
            let text = std::fs::read_to_string(&file).expect("a source file");
            for part in text.split('"').skip(1).step_by(2) {
                if NAMESPACES.iter().any(|ns| part.starts_with(ns))
                    && part
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "/-".contains(c))
                {
                    assert!(
                        rule_of(part).is_some(),
                        "{part} ({}) has no row",
                        file.display()
                    );
                    found += 1;
                }
            }
        }
        assert!(found > 20, "only {found} codes found");
    }

    /// The manual's rules page holds the table made from [`RULES`].
    #[test]
    fn the_manual_lists_every_rule() {
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/content/lint-rules.md");
        let page = std::fs::read_to_string(&path).unwrap_or_default();
        let (start, end) = ("<!-- rules:start -->\n", "<!-- rules:end -->");
        let (Some(a), Some(b)) = (page.find(start), page.find(end)) else {
            panic!("{} has no {start} … {end} markers", path.display());
        };
        let table = markdown_table();
        let written = page.get(a + start.len()..b).unwrap_or_default();
        if written != table {
            if std::env::var_os("VIELFALT_BLESS").is_some() {
                let page = format!("{}{table}{}", &page[..a + start.len()], &page[b..]);
                std::fs::write(&path, page).expect("the manual page is writable");
                return;
            }
            panic!(
                "docs/content/lint-rules.md's table differs from the registry; regenerate it with\n  VIELFALT_BLESS=1 cargo test --lib lint::registry"
            );
        }
    }
}
