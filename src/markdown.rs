//! Markdown to HTML with pulldown-cmark, once per page.
//!
//! Adds what the site needs on top of CommonMark: unique heading ids in any
//! script, `@/path.md#anchor` links resolved to the page's language and
//! variant, and byte offsets kept so that errors name file:line:col.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::content::slugify;
use crate::diag::Diagnostic;

/// A heading of the rendered body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// The result of rendering one page body.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Sources named by `@/` links (for dependency tracking).
    pub links: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
    /// Where the elements of `html` come from in the Markdown file.
    pub source_map: SourceMap,
}

/// Where the elements of a rendered page come from in its Markdown file:
/// for each Markdown event, where its HTML starts (a byte offset) and the
/// line and column of the Markdown it was made from (front matter counted).
/// Made while rendering the body ([`render_page`]) and placed into the
/// finished page once the template has put the body there
/// ([`SourceMap::placed`]); the lint turns its findings' offsets into
/// lines with it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SourceMap {
    /// Where the body's HTML is in the page.
    body: std::ops::Range<usize>,
    /// (offset in the body's HTML, line, column), by offset.
    points: Vec<(usize, usize, usize)>,
}

impl SourceMap {
    /// The map of a body, `html`, rendered from `body` (which starts on
    /// line `body_line`), with `points` of (offset in `html`, offset in
    /// `body`) in the order they were written.
    fn new(html: &str, body: &str, body_line: usize, points: Vec<(usize, usize)>) -> SourceMap {
        let line_starts: Vec<usize> = std::iter::once(0)
            .chain(body.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let points = points
            .into_iter()
            .map(|(html_at, source_at)| {
                let line = line_starts.partition_point(|&s| s <= source_at).max(1) - 1;
                let start = line_starts.get(line).copied().unwrap_or(0);
                let column = body.get(start..source_at).map_or(0, |t| t.chars().count()) + 1;
                (html_at, body_line + line, column)
            })
            .collect();
        SourceMap {
            body: 0..html.len(),
            points,
        }
    }

    /// This map of the body `body_html` for the page `page` the body was
    /// put in; `None` when the page does not hold the body as it is.
    pub fn placed(self, page: &str, body_html: &str) -> Option<SourceMap> {
        // Found by its first bytes, then compared whole.
        let (page_bytes, body) = (page.as_bytes(), body_html.as_bytes());
        let probe = body.get(..body.len().min(64)).unwrap_or_default();
        let at = memchr::memmem::find_iter(page_bytes, probe).find(|&at| {
            page_bytes
                .get(at..)
                .is_some_and(|rest| rest.starts_with(body))
        })?;
        Some(SourceMap {
            body: at..at + body_html.len(),
            ..self
        })
    }

    /// The line and column in the Markdown file of what starts at byte
    /// `at` of the page; `None` outside the body (template markup).
    pub fn locate(&self, at: usize) -> Option<(usize, usize)> {
        if !self.body.contains(&at) {
            return None;
        }
        let in_body = at - self.body.start;
        let after = self.points.partition_point(|(h, ..)| *h <= in_body);
        let (_, line, column) = self.points.get(after.checked_sub(1)?)?;
        Some((*line, *column))
    }
}

/// Where an `@/` link points, as answered by the site.
pub enum LinkTarget {
    Url(String),
    Unknown,
    /// The target file exists but failed to load; its own error is reported.
    Broken,
    /// The target is left out of this build: it is not for the profile's
    /// audiences (docs/content/profiles.md).
    Excluded,
}

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders `body` (which starts on line `body_line` of `file`). `resolve`
/// maps the source path of an `@/` link (`leitbild.md`) to a URL. With
/// `hard_breaks`, every line break of the source is kept (easy variants).
pub fn render(
    body: &str,
    file: &std::path::Path,
    body_line: usize,
    hard_breaks: bool,
    resolve: &dyn Fn(&str) -> LinkTarget,
) -> Rendered {
    render_with_glossary(body, file, body_line, hard_breaks, resolve, None)
}

/// `render`, and with `glossary` the first use of each glossary term in
/// running text links to its explanation (easy pages, docs/content/plain-language.md).
/// Headings, links, images and code are never touched; a term the author
/// already linked to its explanation counts as used.
pub fn render_with_glossary(
    body: &str,
    file: &std::path::Path,
    body_line: usize,
    hard_breaks: bool,
    resolve: &dyn Fn(&str) -> LinkTarget,
    glossary: Option<&crate::glossary::matcher::GlossaryLinks>,
) -> Rendered {
    render_page(
        body,
        file,
        body_line,
        hard_breaks,
        resolve,
        glossary,
        Trust::default(),
    )
}

/// How far a page's text is trusted (site.toml `[languages.xx]`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Trust {
    /// Raw HTML is passed through (`raw_html`, the default); otherwise it
    /// is shown as text, reported once per page.
    pub raw_html: bool,
    /// Links and images to script addresses are kept (`unsafe_links`, an
    /// opt-in); otherwise they point nowhere, each reported. Without raw
    /// HTML they point nowhere either way.
    pub unsafe_links: bool,
}

impl Default for Trust {
    fn default() -> Self {
        Trust {
            raw_html: true,
            unsafe_links: false,
        }
    }
}

/// `render_with_glossary` with the language's `trust`.
pub fn render_page(
    body: &str,
    file: &std::path::Path,
    body_line: usize,
    hard_breaks: bool,
    resolve: &dyn Fn(&str) -> LinkTarget,
    glossary: Option<&crate::glossary::matcher::GlossaryLinks>,
    trust: Trust,
) -> Rendered {
    let mut out = Rendered::default();
    let mut html_reported = false;
    let mut linked = glossary
        .map(|g| linked_terms(body, resolve, g))
        .unwrap_or_default();
    // Depth of links, images and code blocks: no glossary links inside.
    let mut no_links = 0usize;
    let mut events: Vec<Event<'_>> = Vec::new();
    // The Markdown offset of each event in `events`.
    let mut offsets: Vec<usize> = Vec::new();
    let mut used_ids: HashSet<String> = HashSet::new();
    // Index into `events` of the open heading, with its text so far.
    let mut heading: Option<(usize, String)> = None;
    let locate = |offset: usize| {
        let (line, column) = crate::diag::line_col(body, offset);
        (body_line + line - 1, column)
    };

    for (event, range) in Parser::new_ext(body, options()).into_offset_iter() {
        // Positions are found only for a finding: each costs a pass over
        // the body up to the event.
        let at = || locate(range.start);
        let event = if trust.raw_html {
            event
        } else {
            html_as_text(event, at, file, &mut html_reported, &mut out)
        };
        let event = if trust.raw_html && trust.unsafe_links {
            event
        } else {
            safe_link(event, at, file, &mut out)
        };
        if let Event::Text(t) = &event
            && no_links == 0
            && let Some(at) = t.find("(@/")
        {
            let (line, column) = locate(range.start + at);
            out.diagnostics.push(not_a_link(file, line, column));
        }
        match event {
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => {
                heading = Some((events.len(), String::new()));
                events.push(Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }));
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((start, text)) = heading.take() {
                    let text = text.trim().to_string();
                    if let Event::Start(Tag::Heading { id, .. }) = &mut events[start] {
                        let wanted = match id {
                            Some(given) => given.to_string(),
                            None => {
                                let s = slugify(&text);
                                if s.is_empty() {
                                    "section".to_string()
                                } else {
                                    s
                                }
                            }
                        };
                        let unique = unique_id(&wanted, &mut used_ids);
                        if id.is_some() && unique != wanted {
                            let (line, column) = locate(range.start);
                            out.diagnostics.push(
                                Diagnostic::warning("markdown/duplicate-id", format!("the heading id `{wanted}` is used twice on this page"))
                                    .file(file)
                                    .at(line, column)
                                    .hint(format!("give the heading another {{#id}}; this one was renamed to `{unique}`")),
                            );
                        }
                        out.headings.push(Heading {
                            level: heading_level(level),
                            id: unique.clone(),
                            text,
                        });
                        *id = Some(CowStr::from(unique));
                    }
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            Event::Start(tag @ (Tag::Link { .. } | Tag::Image { .. })) => {
                let tag = map_link(tag, |dest_url, title| {
                    let dest_url =
                        resolve_link(dest_url, range.start, &locate, resolve, file, &mut out);
                    (dest_url, title)
                });
                no_links += 1;
                if let Tag::Link { dest_url, .. } = &tag
                    && let Some(g) = glossary
                    && let Some(id) = dest_url
                        .strip_prefix(g.url.as_str())
                        .and_then(|rest| rest.strip_prefix('#'))
                {
                    linked.insert(id.to_string());
                }
                events.push(Event::Start(tag));
            }
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::CodeBlock) => {
                no_links = no_links.saturating_sub(1);
                events.push(event);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                no_links += 1;
                events.push(event);
            }
            Event::Text(t) if heading.is_none() && no_links == 0 && glossary.is_some() => {
                if let Some(g) = glossary {
                    link_terms(t, g, &mut linked, &mut events);
                }
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if let Some((_, text)) = &mut heading {
                    text.push_str(t);
                }
                events.push(event);
            }
            // Easy-language pages set one sentence per line: a line break in
            // the source stays a line break.
            Event::SoftBreak if hard_breaks => events.push(Event::HardBreak),
            other => events.push(other),
        }
        offsets.resize(events.len(), range.start);
    }
    let (html, points) = write_html(events, offsets, body.len() * 3 / 2);
    out.source_map = SourceMap::new(&html, body, body_line, points);
    out.html = html;
    out
}

/// The HTML of `events`, and for each event where its HTML starts paired
/// with its Markdown offset from `offsets`.
fn write_html(
    events: Vec<Event<'_>>,
    offsets: Vec<usize>,
    capacity: usize,
) -> (String, Vec<(usize, usize)>) {
    /// The HTML written so far, and its length for the events' iterator.
    struct Out<'a> {
        html: String,
        len: &'a std::cell::Cell<usize>,
    }
    impl std::fmt::Write for Out<'_> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.html.push_str(s);
            self.len.set(self.html.len());
            Ok(())
        }
    }
    let len = std::cell::Cell::new(0);
    let mut points = Vec::with_capacity(events.len());
    let mut out = Out {
        html: String::with_capacity(capacity),
        len: &len,
    };
    // The writer asks for an event when it has written the ones before.
    let events = events.into_iter().zip(offsets).map(|(event, source_at)| {
        let at = len.get();
        points.push((at, source_at));
        // Raw HTML is written as it stands in the Markdown: each of its
        // tags gets the place it has there.
        if let Event::Html(html) | Event::InlineHtml(html) = &event {
            points.extend(
                memchr::memchr_iter(b'<', html.as_bytes())
                    .skip_while(|&i| i == 0)
                    .map(|i| (at + i, source_at + i)),
            );
        }
        contain_bidi(event)
    });
    // Writing to a String cannot fail.
    let _ = pulldown_cmark::html::write_html_fmt(&mut out, events);
    (out.html, points)
}

/// The glossary terms the author links to their explanation anywhere in
/// `body`: they are not linked again automatically.
fn linked_terms(
    body: &str,
    resolve: &dyn Fn(&str) -> LinkTarget,
    glossary: &crate::glossary::matcher::GlossaryLinks,
) -> HashSet<String> {
    let mut linked = HashSet::new();
    for event in Parser::new_ext(body, options()) {
        if let Event::Start(Tag::Link { dest_url, .. }) = event
            && let Some((path, id)) = dest_url.strip_prefix("@/").and_then(|t| t.split_once('#'))
            && let LinkTarget::Url(url) = resolve(path)
            && url == glossary.url
        {
            linked.insert(id.to_string());
        }
    }
    linked
}

/// `[text](@/ x.md)` (a space, an unclosed bracket) is no link for
/// Markdown and would show its brackets on the page.
fn not_a_link(file: &std::path::Path, line: usize, column: usize) -> Diagnostic {
    Diagnostic::warning(
        "link/not-a-link",
        "`(@/` in the text: this was meant as a link, but Markdown does not read it as one",
    )
    .file(file)
    .at(line, column)
    .hint("write `[text](@/path.md)` without spaces in the path, or put the text in `code`")
}

/// A link or image tag with its destination and title passed through `f`
/// (in that order); any other tag as it is.
fn map_link<'a>(
    tag: Tag<'a>,
    f: impl FnOnce(CowStr<'a>, CowStr<'a>) -> (CowStr<'a>, CowStr<'a>),
) -> Tag<'a> {
    match tag {
        Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        } => {
            let (dest_url, title) = f(dest_url, title);
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }
        }
        Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        } => {
            let (dest_url, title) = f(dest_url, title);
            Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }
        }
        other => other,
    }
}

/// Bidi controls in a text or code run, or a link or image title, end with
/// it: they cannot re-order the rest of the paragraph (see `bidi`).
fn contain_bidi(event: Event<'_>) -> Event<'_> {
    fn contained(text: CowStr<'_>) -> CowStr<'_> {
        match crate::bidi::contain(&text) {
            std::borrow::Cow::Borrowed(_) => text,
            std::borrow::Cow::Owned(s) => CowStr::from(s),
        }
    }
    match event {
        Event::Text(t) => Event::Text(contained(t)),
        Event::Code(t) => Event::Code(contained(t)),
        Event::Start(tag) => Event::Start(map_link(tag, |dest_url, title| {
            (dest_url, contained(title))
        })),
        other => other,
    }
}

/// Pushes `text`, with the first use of each not yet linked glossary term
/// turned into a link to its explanation.
fn link_terms<'a>(
    text: CowStr<'a>,
    glossary: &crate::glossary::matcher::GlossaryLinks,
    linked: &mut HashSet<String>,
    events: &mut Vec<Event<'a>>,
) {
    let mut rest = 0;
    for m in glossary.matcher.find(&text) {
        if m.range.start < rest || !linked.insert(m.id.clone()) {
            continue;
        }
        let (Some(before), Some(word)) = (text.get(rest..m.range.start), text.get(m.range.clone()))
        else {
            continue;
        };
        if !before.is_empty() {
            events.push(Event::Text(CowStr::from(before.to_string())));
        }
        events.push(Event::Start(Tag::Link {
            link_type: pulldown_cmark::LinkType::Inline,
            dest_url: CowStr::from(format!("{}#{}", glossary.url, m.id)),
            title: CowStr::from(""),
            id: CowStr::from(""),
        }));
        events.push(Event::Text(CowStr::from(word.to_string())));
        events.push(Event::End(TagEnd::Link));
        rest = m.range.end;
    }
    if rest == 0 {
        events.push(Event::Text(text));
    } else if let Some(tail) = text.get(rest..)
        && !tail.is_empty()
    {
        events.push(Event::Text(CowStr::from(tail.to_string())));
    }
}

/// Raw HTML of an untrusted text as text; `reported` makes it one
/// warning per page.
fn html_as_text<'a>(
    event: Event<'a>,
    at: impl Fn() -> (usize, usize),
    file: &std::path::Path,
    reported: &mut bool,
    out: &mut Rendered,
) -> Event<'a> {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => {
            if !*reported {
                *reported = true;
                let (line, column) = at();
                out.diagnostics.push(
                    Diagnostic::warning("markdown/raw-html", "raw HTML is turned off for this language and is shown as text")
                        .file(file)
                        .at(line, column)
                        .hint("write it in Markdown, or allow raw HTML with `raw_html = true` under [languages.xx] in site.toml if the text is trusted"),
                );
            }
            Event::Text(html)
        }
        other => other,
    }
}

/// A link or image to a script address made to point nowhere (`#`, as
/// Hugo's renderer empties such a link), with a warning at its place.
/// Images may show `data:image/…`: an image does not run its source.
fn safe_link<'a>(
    event: Event<'a>,
    at: impl Fn() -> (usize, usize),
    file: &std::path::Path,
    out: &mut Rendered,
) -> Event<'a> {
    let Event::Start(tag) = event else {
        return event;
    };
    let is_image = matches!(tag, Tag::Image { .. });
    Event::Start(map_link(tag, |dest_url, title| {
        if !is_script_url(&dest_url) || (is_image && is_data_image(&dest_url)) {
            return (dest_url, title);
        }
        let (line, column) = at();
        out.diagnostics.push(
            Diagnostic::warning(
                "markdown/script-url",
                format!(
                    "the link to `{}` would run code in the reader's browser; it was made to point nowhere",
                    shorten(&dest_url)
                ),
            )
            .file(file)
            .at(line, column)
            .hint("link to an http(s) address or to a page with `@/path.md`; if the link is meant and the text trusted, set `unsafe_links = true` under [languages.xx] in site.toml"),
        );
        (CowStr::from("#"), title)
    }))
}

/// The start of a long address, for a message.
fn shorten(url: &str) -> String {
    let mut short: String = url.chars().filter(|c| !c.is_control()).take(40).collect();
    if url.chars().count() > 40 {
        short.push('…');
    }
    short
}

/// Whether an image source is inline image data (`data:image/png;…`).
fn is_data_image(url: &str) -> bool {
    url.trim_start()
        .get(..11)
        .is_some_and(|s| s.eq_ignore_ascii_case("data:image/"))
}

/// Whether a link target would run code when followed (browsers ignore
/// case, whitespace and control characters in the scheme).
pub fn is_script_url(url: &str) -> bool {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(12)
        .collect::<String>()
        .to_ascii_lowercase();
    ["javascript:", "vbscript:", "data:"]
        .iter()
        .any(|s| scheme.starts_with(s))
}

fn resolve_link<'a>(
    dest: CowStr<'a>,
    offset: usize,
    locate: &dyn Fn(usize) -> (usize, usize),
    resolve: &dyn Fn(&str) -> LinkTarget,
    file: &std::path::Path,
    out: &mut Rendered,
) -> CowStr<'a> {
    let Some(target) = dest.strip_prefix("@/") else {
        return dest;
    };
    let (path, anchor) = match target.split_once('#') {
        Some((p, a)) => (p, Some(a)),
        None => (target, None),
    };
    out.links.push(path.to_string());
    let d = match resolve(path) {
        LinkTarget::Url(url) => {
            return match anchor {
                Some(a) => CowStr::from(format!("{url}#{a}")),
                None => CowStr::from(url),
            };
        }
        LinkTarget::Broken => return dest,
        LinkTarget::Excluded => Diagnostic::error("link/excluded-page", format!("the link `@/{target}` leads to a page this build leaves out: it is not for the profile's audiences"))
            .hint("remove the link, or give the target page this page's audiences"),
        LinkTarget::Unknown => Diagnostic::error("link/unknown-page", format!("the link `@/{target}` points to no page"))
            .hint("write the path of a file under content/, e.g. `@/leitbild.md` or `@/updates/_index.md`"),
    };
    let (line, column) = locate(offset);
    out.diagnostics.push(d.file(file).at(line, column));
    dest
}

fn unique_id(wanted: &str, used: &mut HashSet<String>) -> String {
    let mut id = wanted.to_string();
    let mut n = 1;
    while used.contains(&id) {
        id = format!("{wanted}-{n}");
        n += 1;
    }
    used.insert(id.clone());
    id
}

/// The number of a heading level (1 for `#`).
pub fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn md(body: &str) -> Rendered {
        render(body, Path::new("content/x.md"), 5, false, &|p| {
            if p == "leitbild.md" {
                LinkTarget::Url("/en/mission-statement/".into())
            } else {
                LinkTarget::Unknown
            }
        })
    }

    #[test]
    fn heading_ids_are_unique_in_every_script() {
        let r = md("## Vision\n\n## Vision\n\n## الرؤية\n\n## Видение {#vision-ru}\n");
        let ids: Vec<_> = r.headings.iter().map(|h| h.id.as_str()).collect();
        assert_eq!(ids, ["vision", "vision-1", "الرؤية", "vision-ru"]);
        assert!(
            r.html.contains(r#"<h2 id="الرؤية">الرؤية</h2>"#),
            "{}",
            r.html
        );
    }

    #[test]
    fn internal_links_resolve_and_unknown_ones_are_located() {
        let r = md("See [the vision](@/leitbild.md#vision).\n\nAnd [nothing](@/nope.md).\n");
        assert!(
            r.html.contains(r#"href="/en/mission-statement/#vision""#),
            "{}",
            r.html
        );
        assert_eq!(r.diagnostics.len(), 1);
        let d = &r.diagnostics[0];
        assert_eq!(d.rule, "link/unknown-page");
        // Body line 3 is file line 7; the link starts at column 5.
        assert_eq!((d.line, d.column), (Some(7), Some(5)));
    }

    #[test]
    fn glossary_terms_link_on_first_use_only_in_running_text() {
        let terms = vec![crate::glossary::Term {
            id: "leitbild".into(),
            term: "Leitbild".into(),
            forms: vec!["Leitbildes".into()],
            explanation: "x".into(),
            easy: Some("y".into()),
        }];
        let g = crate::glossary::matcher::GlossaryLinks {
            matcher: crate::glossary::matcher::Matcher::new(&terms),
            url: "/de/leichte-sprache/glossar/".into(),
        };
        let body = "## Das Leitbild\n\n`Leitbild` und [Leitbild](x.md).\nDas Leit·bild ist kurz.\nDas Leitbild ist gut.\n";
        let r = render_with_glossary(
            body,
            Path::new("x.md"),
            1,
            true,
            &|_| LinkTarget::Unknown,
            Some(&g),
        );
        assert_eq!(
            r.html,
            "<h2 id=\"das-leitbild\">Das Leitbild</h2>\n<p><code>Leitbild</code> und <a href=\"x.md\">Leitbild</a>.<br />\nDas <a href=\"/de/leichte-sprache/glossar/#leitbild\">Leit·bild</a> ist kurz.<br />\nDas Leitbild ist gut.</p>\n"
        );
    }

    #[test]
    fn script_links_point_nowhere_unless_the_language_allows_them() {
        let body = "Klick [hier](javascript:alert(1)) und <VBScript:msgbox>.\n\n![Bild](data:image/png;base64,iVBO) ![Falle](data:text/html,x) [Daten](data:image/png;base64,iVBO)\n";
        let page = |trust| {
            render_page(
                body,
                Path::new("content/x.md"),
                5,
                false,
                &|_| LinkTarget::Unknown,
                None,
                trust,
            )
        };
        let r = page(Trust::default());
        assert_eq!(
            r.html,
            "<p>Klick <a href=\"#\">hier</a> und <a href=\"#\">VBScript:msgbox</a>.</p>\n<p><img src=\"data:image/png;base64,iVBO\" alt=\"Bild\" /> <img src=\"#\" alt=\"Falle\" /> <a href=\"#\">Daten</a></p>\n"
        );
        let found: Vec<_> = r
            .diagnostics
            .iter()
            .map(|d| (d.rule.as_str(), d.line, d.column))
            .collect();
        assert_eq!(
            found,
            [
                ("markdown/script-url", Some(5), Some(7)),
                ("markdown/script-url", Some(5), Some(39)),
                ("markdown/script-url", Some(7), Some(37)),
                ("markdown/script-url", Some(7), Some(64)),
            ]
        );
        assert!(
            r.diagnostics[0].message.contains("`javascript:alert(1)`"),
            "{}",
            r.diagnostics[0].message
        );

        let trusted = page(Trust {
            raw_html: true,
            unsafe_links: true,
        });
        assert!(trusted.diagnostics.is_empty(), "{:?}", trusted.diagnostics);
        assert!(
            trusted
                .html
                .contains("<a href=\"javascript:alert(1)\">hier</a>")
        );
        assert!(trusted.html.contains("<img src=\"data:text/html,x\""));

        // Without raw HTML the text is not trusted: links are made safe too.
        let outside = page(Trust {
            raw_html: false,
            unsafe_links: true,
        });
        assert!(!outside.html.contains("javascript:"), "{}", outside.html);
    }

    #[test]
    fn commonmark_extensions_are_on() {
        let r = md("| a | b |\n|---|---|\n| 1 | 2 |\n\n~~x~~ [^1]\n\n[^1]: note\n\n- [x] done\n");
        for needle in ["<th>a</th>", "<del>x</del>", "footnote", "checkbox"] {
            assert!(r.html.contains(needle), "{needle} missing in {}", r.html);
        }
    }
}
