//! The build's own HTML lint: one pass per rendered page, run in parallel
//! while pages are written, plus site-wide checks over the small facts each
//! pass keeps (ids, internal links, titles).
//!
//! The pass reads the page's tags with its own tokenizer ([`tokens`]), and
//! the text between two tags from the page's bytes ([`take_text`]); no text
//! is copied unless a rule keeps it. (lol_html's rewriter, which the pass
//! used before, decoded every text node into a fresh string and ran a
//! selector machine on every element: callgrind, 1,200 benchmark pages,
//! 1.10 G instructions for the pass with it.)
//!
//! Rules have stable names (`html/duplicate-id`, `link/broken`, …) listed
//! in the README; `[lint]` in site.toml promotes or allows them.

pub mod cache;
mod memo;
mod script;
mod tokens;
mod words;

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use tokens::{Attr, Gap, Token, Tokenizer, key, name_key_of};

use rayon::prelude::*;

use crate::diag::Diagnostic;

/// A link on a page, as the site-wide checks need it (borrowed from the
/// page's [`Links`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Link<'a> {
    /// The target as written (`/en/x/#a`, `#b`), entities decoded.
    pub href: &'a str,
    /// The `hreflang` attribute, if any.
    pub hreflang: Option<&'a Lang>,
    /// The language in effect at the link: its own `lang`, an ancestor's, or the page's.
    pub lang: &'a Lang,
}

/// A page's links. Every page's links are kept until the site-wide checks
/// (some 30 per page), so they are packed: the targets one after another
/// in one string, the language tags interned ([`Lang`]).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Links {
    hrefs: String,
    entries: Vec<LinkEntry>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
struct LinkEntry {
    /// Where the target ends in `hrefs` (it starts where the one before ends).
    end: u32,
    hreflang: Option<Lang>,
    lang: Lang,
}

impl Links {
    /// Room for `links` links of `bytes` target bytes in all.
    pub fn with_capacity(links: usize, bytes: usize) -> Self {
        Links {
            hrefs: String::with_capacity(bytes),
            entries: Vec::with_capacity(links),
        }
    }

    /// Adds a link; `false` (and nothing added) once the targets would
    /// pass 4 GiB.
    pub fn push(&mut self, href: &str, hreflang: Option<Lang>, lang: Lang) -> bool {
        let Ok(end) = u32::try_from(self.hrefs.len() + href.len()) else {
            return false;
        };
        self.hrefs.push_str(href);
        self.entries.push(LinkEntry {
            end,
            hreflang,
            lang,
        });
        true
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The links in page order.
    pub fn iter(&self) -> LinksIter<'_> {
        LinksIter {
            hrefs: &self.hrefs,
            start: 0,
            entries: self.entries.iter(),
        }
    }
}

/// The links of a [`Links`] in page order.
pub struct LinksIter<'a> {
    hrefs: &'a str,
    start: usize,
    entries: std::slice::Iter<'a, LinkEntry>,
}

impl<'a> Iterator for LinksIter<'a> {
    type Item = Link<'a>;

    fn next(&mut self) -> Option<Link<'a>> {
        let e = self.entries.next()?;
        let end = e.end as usize;
        let href = self.hrefs.get(self.start..end).unwrap_or_default();
        self.start = end;
        Some(Link {
            href,
            hreflang: e.hreflang.as_ref(),
            lang: &e.lang,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.entries.size_hint()
    }
}

impl ExactSizeIterator for LinksIter<'_> {}

impl<'a> IntoIterator for &'a Links {
    type Item = Link<'a>;
    type IntoIter = LinksIter<'a>;

    fn into_iter(self) -> LinksIter<'a> {
        self.iter()
    }
}

/// Links to the targets, with no `hreflang` and no language (for tests and
/// callers that know only addresses).
impl<'a> FromIterator<&'a str> for Links {
    fn from_iter<I: IntoIterator<Item = &'a str>>(hrefs: I) -> Self {
        let mut links = Links::default();
        for href in hrefs {
            links.push(href, None, Lang::default());
        }
        links
    }
}

/// A language tag as the pages spell it, interned: one copy per distinct
/// tag for the life of the process (ustr), so a tag is a pointer to copy
/// and compare. A site has a few dozen distinct tags and hundreds of
/// thousands of links; counting references to a shared copy instead cost
/// the pass an atomic operation per link and frame (4 % of its time).
pub type Lang = ustr::Ustr;

/// The interned copy of the tag `lang`. A list per thread answers before
/// the process-wide table (which hashes and locks); tags of up to eight
/// bytes are compared there as one number.
pub fn lang_tag(lang: &str) -> Lang {
    thread_local! {
        static TAGS: RefCell<Vec<(u64, Lang)>> = const { RefCell::new(Vec::new()) };
    }
    // As written (tags are case-insensitive, but kept as the page spells them).
    let packed = match lang.len() {
        1..=8 if !lang.as_bytes().contains(&0) => tokens::word_of(lang.as_bytes()).unwrap_or(0),
        _ => 0,
    };
    TAGS.with(|tags| {
        let mut tags = tags.borrow_mut();
        let known = if packed != 0 {
            tags.iter().find(|(p, _)| *p == packed)
        } else {
            tags.iter().find(|(_, t)| t.as_str() == lang)
        };
        if let Some((_, tag)) = known {
            return *tag;
        }
        let tag = ustr::ustr(lang);
        // Tags come from the pages' own attributes: keep the list short
        // even on a page that makes up thousands of them.
        if tags.len() < 256 {
            tags.push((packed, tag));
        }
        tag
    })
}

/// A page's ids (foldhash: SipHash, the standard library's, was a sixth of
/// the pass's last step).
pub type Ids = HashSet<String, foldhash::fast::RandomState>;

/// What the site-wide checks need to know about one output page.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Facts {
    pub url: String,
    pub file: Option<PathBuf>,
    /// The page's `<html lang>`.
    pub lang: String,
    pub ids: Ids,
    /// Links and stylesheets (`a[href]`, `link[rel=stylesheet]`).
    pub links: Links,
    pub title: String,
}

/// Scans one page. Returns its facts and the findings that need only this page.
pub fn scan(html: &str, url: &str, file: Option<&Path>) -> (Facts, Vec<Diagnostic>) {
    scan_page(html, url, file, None)
}

/// Like [`scan`]; with the site `root`, findings caused by the Markdown text
/// also get the line in `file` (see [`locate`]).
pub fn scan_page(
    html: &str,
    url: &str,
    file: Option<&Path>,
    root: Option<&Path>,
) -> (Facts, Vec<Diagnostic>) {
    let (facts, diags, _) = scan_cached(&cache::Cache::none(), html, url, file, root);
    (facts, diags)
}

/// Like [`scan_page`], reusing what `cache` kept of the same bytes; also
/// returns the page's entry for the next build, for [`cache::Cache::keep`].
pub fn scan_cached(
    cache: &cache::Cache,
    html: &str,
    url: &str,
    file: Option<&Path>,
    root: Option<&Path>,
) -> (Facts, Vec<Diagnostic>, Option<cache::Entry>) {
    let (mut facts, findings, entry) = cache.lint(html, url);
    facts.file = file.map(Path::to_path_buf);
    let diags = diagnostics(findings, url, file, root);
    (facts, diags, entry)
}

/// The pass itself: what one page's bytes at `url` say, before anything is
/// tied to a source file. A pure function of `url` and `html` (and of this
/// program), which is what lets [`cache`] keep it between builds.
pub(crate) fn findings_of(html: &str, url: &str) -> (Facts, Vec<Finding>) {
    // Room for what a page of the default theme holds, so the lists do
    // not grow step by step on every page (the language switcher alone is
    // a dozen links).
    let mut s = State {
        frames: Vec::with_capacity(16),
        links: Vec::with_capacity(48),
        headings: Vec::with_capacity(16),
        ids: Vec::with_capacity(16),
        ..State::default()
    };
    let mut tokens = Tokenizer::new(html);
    let mut watch = memo::Watch::default();
    while let Some(token) = tokens.next_token() {
        match token {
            Token::Start {
                name,
                key,
                span,
                id,
                opens,
                raw,
            } => {
                take_text(&mut s, html, span.start, tokens.gap);
                s.cursor = span.end;
                if watch.start(&mut s, html, (span.start, span.end), key, id, &mut tokens) {
                    continue;
                }
                let at = Element {
                    key,
                    id,
                    opens,
                    raw,
                };
                element(&mut s, html, name, &tokens.attrs, at);
            }
            Token::End { span, closes, .. } => {
                take_text(&mut s, html, span.start, tokens.gap);
                s.cursor = span.end;
                // The element ends, with any left open inside it.
                if let Some(id) = closes {
                    let keep = s.frames.partition_point(|f| f.id < id);
                    if s.frames
                        .get(keep..)
                        .is_some_and(|f| f.iter().any(|f| f.lang.is_some()))
                    {
                        s.script_now = None;
                    }
                    s.frames.truncate(keep);
                }
                watch.end(&s, html, closes, span.end, &tokens);
            }
        }
    }
    take_text(&mut s, html, html.len(), tokens.gap);
    s.finish(url)
}

/// Turns a page's findings into warnings; with the site `root`, findings
/// caused by the Markdown text also get their line in `file`.
pub(crate) fn diagnostics(
    findings: Vec<Finding>,
    url: &str,
    file: Option<&Path>,
    root: Option<&Path>,
) -> Vec<Diagnostic> {
    let mut source = None;
    findings
        .into_iter()
        .map(|f| {
            let mut d = Diagnostic::warning(&f.rule, f.message)
                .url(url)
                .hint(f.hint);
            d.file = file.map(Path::to_path_buf);
            if let (Some(root), Some(file), false) = (root, file, f.needles.is_empty()) {
                let text =
                    source.get_or_insert_with(|| std::fs::read_to_string(root.join(file)).ok());
                let found = text
                    .as_deref()
                    .and_then(|t| f.needles.iter().find_map(|n| locate(t, n)));
                if let Some((line, column)) = found {
                    d = d.at(line, column);
                }
            }
            d
        })
        .collect()
}

/// Best effort: the 1-based line and column of `needle` in the Markdown body
/// of a source file (after its front matter). `None` when the text is not
/// found there — the fault then comes from a template, or the Markdown
/// spells it differently (an `@/` link, an entity, emphasis inside a link).
pub fn locate(source: &str, needle: &str) -> Option<(usize, usize)> {
    let needle = needle.trim();
    if needle.is_empty() {
        return None;
    }
    let body_start = front_matter_end(source);
    let rest = source.get(body_start..)?;
    let at = rest.find(needle)?;
    Some(crate::diag::line_col(source, body_start + at))
}

fn front_matter_end(source: &str) -> usize {
    for fence in ["+++", "---"] {
        if let Some(after) = source.strip_prefix(fence)
            && let Some(end) = after.find(&format!("\n{fence}"))
        {
            return fence.len() + end + 1 + fence.len();
        }
    }
    0
}

/// A finding of one page before it becomes a [`Diagnostic`]; `needles` are
/// the texts to look for in the Markdown source. (Rule and hint are
/// constants of the rules, or read back from the [`cache`].)
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Finding {
    pub(crate) rule: Cow<'static, str>,
    pub(crate) message: String,
    pub(crate) hint: Cow<'static, str>,
    /// Texts to look for in the Markdown source, most specific first.
    pub(crate) needles: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// An element that only sets the language (or nothing else we track).
    Lang,
    Link(usize),
    Heading(usize),
    Title,
    Table(usize),
    Video(usize),
    /// Code, scripts and styles: their text is not language text.
    Opaque,
}

struct Frame {
    /// The element's number in the page ([`Token::Start`]).
    id: u64,
    kind: Kind,
    /// Its `lang`, interned ([`lang_tag`]).
    lang: Option<Lang>,
    /// A raw-text element (`script`, `title`, …; not in svg or math):
    /// everything up to its end tag is text, `<` included.
    raw: bool,
}

/// A link as the pass finds it; what its attributes say is borrowed from
/// the page. (No `Default`: a default tag is a lookup in the process-wide
/// table of tags, once per link.)
struct LinkScan<'h> {
    href: Cow<'h, str>,
    hreflang: Option<Cow<'h, str>>,
    lang: Lang,
    /// Borrowed from the page while it is one piece of text (most are).
    text: Cow<'h, str>,
    aria_label: Option<Cow<'h, str>>,
    labelled_by: bool,
    title: Option<Cow<'h, str>>,
    blank: bool,
}

#[derive(Default)]
struct HeadingScan<'h> {
    level: u8,
    text: Cow<'h, str>,
}

#[derive(Default)]
struct State<'h> {
    frames: Vec<Frame>,
    html_lang: Option<String>,
    ids: Vec<String>,
    /// (attribute, referenced id, element)
    idrefs: Vec<(&'static str, String, String)>,
    links: Vec<LinkScan<'h>>,
    headings: Vec<HeadingScan<'h>>,
    title: Option<String>,
    /// Per data table: whether it has a header cell.
    tables: Vec<bool>,
    /// Per video: whether it has a captions track.
    videos: Vec<bool>,
    viewport: Option<String>,
    findings: Vec<Finding>,
    /// How far into the page text has been taken ([`take_text`]).
    cursor: usize,
    /// The expected script of the language in effect, while no element
    /// with a language opens or closes.
    script_now: Option<Option<&'static script::Expected>>,
}

impl State<'_> {
    /// The language in effect: the innermost element's `lang` (interned),
    /// empty when no element has one.
    fn lang_now(&self) -> Lang {
        match self.lang_in_effect() {
            Some(lang) => *lang,
            None => lang_tag(""),
        }
    }

    /// The innermost element's `lang`, borrowed; `None` when no element
    /// has one.
    fn lang_in_effect(&self) -> Option<&Lang> {
        self.frames.iter().rev().find_map(|f| f.lang.as_ref())
    }

    fn innermost(&self, pick: impl Fn(Kind) -> Option<usize>) -> Option<usize> {
        self.frames.iter().rev().find_map(|f| pick(f.kind))
    }

    fn push(
        &mut self,
        rule: &'static str,
        message: String,
        hint: &'static str,
        needles: Vec<String>,
    ) {
        self.findings.push(Finding {
            rule: Cow::Borrowed(rule),
            message,
            hint: Cow::Borrowed(hint),
            needles,
        });
    }
}

/// The attributes the rules read. (`Attrs` keeps one slot per variant:
/// a new one needs its array one longer.)
#[derive(Clone, Copy)]
enum Known {
    Lang,
    XmlLang,
    Id,
    AriaLabelledby,
    AriaDescribedby,
    Headers,
    For,
    Tabindex,
    Name,
    HttpEquiv,
    Content,
    Src,
    Alt,
    Href,
    Hreflang,
    AriaLabel,
    Title,
    Target,
    Rel,
    Role,
    Kind,
}

/// Where an element's attributes that the rules read are, found in one
/// pass over them (the first of duplicates wins, as in browsers); a value
/// is decoded when a rule asks for it ([`Attrs::get`]). (Holding every
/// value decoded made the struct 500 bytes to fill and drop per element.)
struct Attrs<'h, 'a> {
    html: &'h str,
    attrs: &'a [Attr],
    /// Per [`Known`], 1 + the index of its attribute; 0 when absent.
    at: [u32; 21],
}

impl<'h, 'a> Attrs<'h, 'a> {
    fn of(attrs: &'a [Attr], html: &'h str) -> Attrs<'h, 'a> {
        let mut at = [0u32; 21];
        for (i, attr) in (1u32..).zip(attrs) {
            let name = html.get(attr.name.clone()).unwrap_or("");
            let slot = match name_key_of(name.as_bytes()) {
                key::LANG => Known::Lang,
                key::XML_LANG => Known::XmlLang,
                key::ID => Known::Id,
                key::HEADERS => Known::Headers,
                key::FOR => Known::For,
                key::TABINDEX => Known::Tabindex,
                key::NAME => Known::Name,
                key::CONTENT => Known::Content,
                key::SRC => Known::Src,
                key::ALT => Known::Alt,
                key::HREF => Known::Href,
                key::HREFLANG => Known::Hreflang,
                key::TITLE => Known::Title,
                key::TARGET => Known::Target,
                key::REL => Known::Rel,
                key::ROLE => Known::Role,
                key::KIND => Known::Kind,
                // Longer names.
                0 => match &*lower(name) {
                    "aria-labelledby" => Known::AriaLabelledby,
                    "aria-describedby" => Known::AriaDescribedby,
                    "http-equiv" => Known::HttpEquiv,
                    "aria-label" => Known::AriaLabel,
                    _ => continue,
                },
                _ => continue,
            };
            if let Some(slot) = at.get_mut(slot as usize).filter(|s| **s == 0) {
                *slot = i;
            }
        }
        Attrs { html, attrs, at }
    }

    /// The value of attribute `name`, entities decoded; an attribute
    /// without a value (`<td headers>`) has the empty string, as in the DOM.
    fn get(&self, name: Known) -> Option<Cow<'h, str>> {
        let i = usize::try_from(*self.at.get(name as usize)?)
            .ok()?
            .checked_sub(1)?;
        let attr = self.attrs.get(i)?;
        let value = attr
            .value
            .clone()
            .and_then(|v| self.html.get(v))
            .unwrap_or("");
        Some(if attr.amp {
            decode_entities_cow(value)
        } else {
            Cow::Borrowed(value)
        })
    }

    fn has(&self, name: Known) -> bool {
        self.at.get(name as usize).is_some_and(|i| *i != 0)
    }
}

/// `name` lower-cased, borrowed when it already is (always, in our output).
fn lower(name: &str) -> Cow<'_, str> {
    if name.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(name.to_ascii_lowercase())
    } else {
        Cow::Borrowed(name)
    }
}

/// What the tokenizer says of an element besides its tag ([`Token::Start`]).
struct Element {
    /// The tag name's [`name_key`].
    key: u64,
    id: u64,
    opens: bool,
    raw: bool,
}

/// The rules of one start tag; an element that opens and that a rule
/// follows gets a frame until its end.
fn element<'h>(s: &mut State<'h>, html: &'h str, tag: &str, attrs: &[Attr], at: Element) {
    let Element {
        key: tag_key,
        id,
        opens,
        raw,
    } = at;
    if attrs.is_empty() && !raw && !rules_without_attributes(tag_key) && may_pass_over() {
        return;
    }
    let a = Attrs::of(attrs, html);
    let own_lang = a.get(Known::Lang).or_else(|| a.get(Known::XmlLang));

    if let Some(id) = a.get(Known::Id) {
        s.ids.push(id.into_owned());
    }
    for (name, value) in [
        ("aria-labelledby", Known::AriaLabelledby),
        ("aria-describedby", Known::AriaDescribedby),
    ] {
        if let Some(v) = a.get(value) {
            for id in v.split_whitespace() {
                s.idrefs
                    .push((name, id.to_string(), lower(tag).into_owned()));
            }
        }
    }
    if matches!(tag_key, key::TD | key::TH)
        && let Some(v) = a.get(Known::Headers)
    {
        for id in v.split_whitespace() {
            s.idrefs
                .push(("headers", id.to_string(), lower(tag).into_owned()));
        }
    }
    if matches!(tag_key, key::LABEL | key::OUTPUT)
        && let Some(v) = a.get(Known::For)
    {
        for id in v.split_whitespace() {
            s.idrefs
                .push(("for", id.to_string(), lower(tag).into_owned()));
        }
    }
    if let Some(t) = a.get(Known::Tabindex)
        && t.trim().parse::<i64>().is_ok_and(|n| n > 0)
    {
        s.push(
            "a11y/tabindex-positive",
            format!("<{}> has tabindex=\"{}\": a positive tabindex breaks the reading order of keyboard focus", lower(tag), t.trim()),
            "use tabindex=\"0\" (or none) and order the HTML as it should be read",
            vec![format!("tabindex=\"{}\"", t.trim())],
        );
    }

    // The language in effect, for the few elements that need it (computed
    // on demand: most elements never ask).
    let own_tag = own_lang.as_deref().map(lang_tag);
    let lang_here = |s: &State| match &own_tag {
        Some(own) => *own,
        None => s.lang_now(),
    };
    let kind = match tag_key {
        key::HTML => {
            s.html_lang = Some(own_lang.as_deref().unwrap_or_default().to_string());
            Some(Kind::Lang)
        }
        key::META => {
            let name = a.get(Known::Name).unwrap_or_default().to_ascii_lowercase();
            let equiv = a
                .get(Known::HttpEquiv)
                .unwrap_or_default()
                .to_ascii_lowercase();
            if name == "viewport" {
                s.viewport = Some(a.get(Known::Content).unwrap_or_default().into_owned());
            }
            if equiv == "refresh" {
                s.push(
                    "a11y/meta-refresh",
                    "the page reloads or redirects itself with <meta http-equiv=\"refresh\">"
                        .into(),
                    "remove the refresh; link to the new address, or redirect on the server",
                    vec![],
                );
            }
            None
        }
        key::IMG => {
            let src = a.get(Known::Src).unwrap_or_default();
            match a.get(Known::Alt) {
                None => s.push(
                    "a11y/img-alt-missing",
                    format!("the image {src} has no alt text"),
                    "describe the image in the alt text (`![what it shows](…)`); for a purely decorative image write alt=\"\"",
                    vec![format!("src=\"{src}\""), format!("]({src}"), src.to_string()],
                ),
                Some(alt) if words::is_file_name(&alt) => s.push(
                    "a11y/img-alt-filename",
                    format!("the alt text of the image {src} is a file name: “{alt}”"),
                    "write what the image shows, not its file name",
                    vec![format!("![{alt}]"), format!("alt=\"{alt}\"")],
                ),
                Some(alt) if words::is_generic_alt(&alt, primary(&lang_here(s))) => s.push(
                    "a11y/img-alt-generic",
                    format!("the alt text of the image {src} says only “{alt}”"),
                    "write what the image shows or means; for a decorative image write alt=\"\"",
                    vec![format!("![{alt}]"), format!("alt=\"{alt}\"")],
                ),
                Some(alt) => {
                    // The alt text names the links and headings the image is in.
                    let frames: Vec<Kind> = s.frames.iter().map(|f| f.kind).collect();
                    for kind in frames {
                        match kind {
                            Kind::Link(i) => {
                                if let Some(l) = s.links.get_mut(i) {
                                    append(&mut l.text, alt.clone());
                                }
                            }
                            Kind::Heading(i) => {
                                if let Some(h) = s.headings.get_mut(i) {
                                    append(&mut h.text, alt.clone());
                                }
                            }
                            _ => {}
                        }
                    }
                }
            }
            None
        }
        key::A => a.get(Known::Href).map(|href| {
            let link = LinkScan {
                href,
                hreflang: a.get(Known::Hreflang),
                lang: lang_here(s),
                aria_label: a.get(Known::AriaLabel),
                labelled_by: a.has(Known::AriaLabelledby),
                title: a.get(Known::Title),
                blank: a
                    .get(Known::Target)
                    .is_some_and(|t| t.eq_ignore_ascii_case("_blank")),
                text: Cow::Borrowed(""),
            };
            s.links.push(link);
            Kind::Link(s.links.len() - 1)
        }),
        key::LINK => {
            if a.get(Known::Rel).is_some_and(|r| {
                r.split_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("stylesheet"))
            }) && let Some(href) = a.get(Known::Href)
            {
                let lang = lang_here(s);
                s.links.push(LinkScan {
                    href,
                    lang,
                    text: Cow::Borrowed("stylesheet"),
                    hreflang: None,
                    aria_label: None,
                    labelled_by: false,
                    title: None,
                    blank: false,
                });
            }
            None
        }
        key::H1 | key::H2 | key::H3 | key::H4 | key::H5 | key::H6 => {
            let level = tag.as_bytes().get(1).map_or(1, |b| b - b'0');
            s.headings.push(HeadingScan {
                level,
                text: Cow::Borrowed(""),
            });
            Some(Kind::Heading(s.headings.len() - 1))
        }
        key::TITLE if s.title.is_none() => {
            s.title = Some(String::new());
            Some(Kind::Title)
        }
        key::TABLE => {
            let layout = a
                .get(Known::Role)
                .is_some_and(|r| matches!(r.trim(), "presentation" | "none"));
            // A layout table counts as having headers: it needs none.
            s.tables.push(layout);
            Some(Kind::Table(s.tables.len() - 1))
        }
        key::TH => {
            if let Some(i) = s.innermost(|k| {
                if let Kind::Table(i) = k {
                    Some(i)
                } else {
                    None
                }
            }) && let Some(t) = s.tables.get_mut(i)
            {
                *t = true;
            }
            None
        }
        key::VIDEO => {
            s.videos.push(false);
            Some(Kind::Video(s.videos.len() - 1))
        }
        key::TRACK => {
            let captions = a
                .get(Known::Kind)
                .is_some_and(|k| k.eq_ignore_ascii_case("captions"));
            if captions
                && let Some(i) = s.innermost(|k| {
                    if let Kind::Video(i) = k {
                        Some(i)
                    } else {
                        None
                    }
                })
                && let Some(v) = s.videos.get_mut(i)
            {
                *v = true;
            }
            None
        }
        key::IFRAME => {
            if a.get(Known::Title).is_none_or(|t| t.trim().is_empty()) {
                let src = a.get(Known::Src).unwrap_or_default();
                s.push(
                    "a11y/iframe-title",
                    format!("the iframe {src} has no title"),
                    "give the iframe a title that says what it contains (title=\"…\")",
                    vec![format!("src=\"{src}\""), "<iframe".into()],
                );
            }
            None
        }
        key::CODE
        | key::PRE
        | key::KBD
        | key::SAMP
        | key::SCRIPT
        | key::STYLE
        | key::TEXTAREA
        | key::SVG
        | key::MATH => Some(Kind::Opaque),
        _ => own_lang.is_some().then_some(Kind::Lang),
    };
    // Raw-text elements get a frame even when no rule needs one: their
    // content is text up to their end tag, `<` and `<!--` included.
    let Some(kind) = kind.or(raw.then_some(Kind::Opaque)) else {
        return;
    };
    if !opens {
        return;
    }
    if own_tag.is_some() {
        s.script_now = None;
    }
    s.frames.push(Frame {
        id,
        kind,
        lang: own_tag,
        raw,
    });
}

/// Whether a rule of [`element`] applies to an element `tag` that has no
/// attributes: most elements of a page (`p`, `li`, `td`, `em`) have none,
/// need no frame, and are passed over without looking further (3 % of the
/// pass's instructions). Every tag with an arm in `element`'s `match` is
/// here: a test lints every HTML element with and without the shortcut
/// (`passing_over_elements_without_attributes_changes_nothing`).
fn rules_without_attributes(tag: u64) -> bool {
    matches!(
        tag,
        key::HTML
            | key::META
            | key::IMG
            | key::A
            | key::LINK
            | key::H1
            | key::H2
            | key::H3
            | key::H4
            | key::H5
            | key::H6
            | key::TITLE
            | key::TABLE
            | key::TH
            | key::VIDEO
            | key::TRACK
            | key::IFRAME
            | key::CODE
            | key::PRE
            | key::KBD
            | key::SAMP
            | key::SCRIPT
            | key::STYLE
            | key::TEXTAREA
            | key::SVG
            | key::MATH
    )
}

/// Whether [`element`] may take its shortcut; tests turn it off to compare.
#[cfg(not(test))]
fn may_pass_over() -> bool {
    true
}

#[cfg(test)]
thread_local! {
    static PASS_OVER: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

#[cfg(test)]
fn may_pass_over() -> bool {
    PASS_OVER.with(std::cell::Cell::get)
}

/// Takes the page's text from the cursor up to `to` (where a tag starts,
/// or the page ends): every text node in it goes to the texts of the open
/// links, headings and title and is checked for foreign script. Comments
/// and doctypes in between end a text node and are skipped; inside a
/// raw-text element all of it is text.
#[inline(always)]
fn take_text<'h>(s: &mut State<'h>, html: &'h str, to: usize, seen: Gap) {
    // Most tags follow a tag or a line break: no call for no text.
    if to > s.cursor {
        take_gap(s, html, to, seen);
    }
}

/// [`take_text`] of a gap that is not empty.
fn take_gap<'h>(s: &mut State<'h>, html: &'h str, to: usize, seen: Gap) {
    let from = s.cursor;
    let Some(gap) = html.get(from..to) else {
        return;
    };
    s.cursor = to;
    // Most gaps are the line breaks between tags: a text node of white
    // space is checked for no script, and only names collect it.
    if gap.bytes().all(|b| b.is_ascii_whitespace())
        && !s
            .frames
            .iter()
            .any(|f| matches!(f.kind, Kind::Link(_) | Kind::Heading(_) | Kind::Title))
    {
        return;
    }
    if s.frames.last().is_some_and(|f| f.raw) {
        add_text(s, gap, true);
        return;
    }
    // The tokenizer saw no markup in the gap: it is one text node.
    if !seen.lt {
        let text = add_text(s, gap, seen.amp);
        check_text(s, &text);
        return;
    }
    let bytes = gap.as_bytes();
    let (mut at, mut text_from) = (0, 0);
    while let Some(lt) = bytes.get(at..).and_then(|b| memchr::memchr(b'<', b)) {
        let lt = at + lt;
        match tokens::markup_end(bytes, lt) {
            Some(end) => {
                let piece = gap.get(text_from..lt).unwrap_or("");
                let text = add_text(s, piece, true);
                check_text(s, &text);
                (at, text_from) = (end, end);
            }
            // A `<` that starts no markup is text.
            None => at = lt + 1,
        }
    }
    let text = add_text(s, gap.get(text_from..).unwrap_or(""), true);
    check_text(s, &text);
}

/// Adds one piece of a text node (entities not yet decoded; `amp`: it may
/// hold one) to the texts of the open links, headings and title. Returns
/// the piece decoded when it is language text (outside code and raw
/// text), for [`check_text`]; else nothing.
fn add_text<'h>(s: &mut State<'h>, text: &'h str, amp: bool) -> Cow<'h, str> {
    if text.is_empty() {
        return Cow::Borrowed("");
    }
    let decoded = if amp {
        decode_entities_cow(text)
    } else {
        Cow::Borrowed(text)
    };
    let mut opaque = false;
    // By index: the frames and the collected texts are fields of the
    // same state, and copying the frame kinds out would allocate per node.
    for at in 0..s.frames.len() {
        let Some(kind) = s.frames.get(at).map(|f| f.kind) else {
            break;
        };
        match kind {
            Kind::Link(i) => {
                if let Some(l) = s.links.get_mut(i) {
                    append(&mut l.text, decoded.clone());
                }
            }
            Kind::Heading(i) => {
                if let Some(h) = s.headings.get_mut(i) {
                    append(&mut h.text, decoded.clone());
                }
            }
            Kind::Title => {
                if let Some(title) = s.title.as_mut() {
                    title.push_str(&decoded);
                }
            }
            Kind::Opaque => opaque = true,
            _ => {}
        }
    }
    if opaque || s.frames.last().is_some_and(|f| f.raw) {
        return Cow::Borrowed("");
    }
    decoded
}

/// Appends `piece` to the text `to` of a link or heading: `to` borrows
/// the piece while it is the first (no copy), and owns a copy once a
/// second one comes.
fn append<'h>(to: &mut Cow<'h, str>, piece: Cow<'h, str>) {
    if to.is_empty() {
        *to = piece;
    } else {
        to.to_mut().push_str(&piece);
    }
}

/// The expected script of the language `lang` (`None`: no element has
/// one). Looked up by the tag's pointer in a list per thread, kept from
/// page to page, before the process-wide table and its lock, which both
/// build threads share: tags are interned ([`lang_tag`]), and every page
/// meets the same dozen languages in its language switcher.
fn expected_script(lang: Option<&Lang>) -> Option<&'static script::Expected> {
    type Known = Vec<(Lang, Option<&'static script::Expected>)>;
    thread_local! {
        static KNOWN: RefCell<Known> = const { RefCell::new(Vec::new()) };
    }
    let lang = lang.copied().unwrap_or_else(|| lang_tag(""));
    let known = KNOWN.with(|known| {
        known
            .borrow()
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, e)| *e)
    });
    if let Some(expected) = known {
        return expected;
    }
    let expected = script::Expected::of(&lang);
    KNOWN.with(|known| {
        let mut known = known.borrow_mut();
        // Tags come from the pages' own attributes: keep the list short.
        if known.len() < 256 {
            known.push((lang, expected));
        }
    });
    expected
}

/// Checks one text node for foreign-script words.
fn check_text(s: &mut State, text: &str) {
    if text.is_empty() {
        return;
    }
    let expected = match s.script_now {
        Some(expected) => expected,
        None => {
            let expected = expected_script(s.lang_in_effect());
            s.script_now = Some(expected);
            expected
        }
    };
    let found = expected.and_then(|e| e.find_foreign(text));
    if let Some(found) = found {
        let lang = s.lang_now();
        let sample: String = found
            .words
            .iter()
            .take(4)
            .cloned()
            .collect::<Vec<_>>()
            .join(" ");
        s.push(
            "a11y/foreign-script",
            format!(
                "text in {} script (“{sample}”) inside {} text has no lang attribute",
                found.script.full_name(),
                if lang.is_empty() { "unmarked".to_string() } else { format!("`{lang}`") },
            ),
            "mark the passage with its language, e.g. <span lang=\"ar\">…</span>, so screen readers switch voice",
            text.trim().lines().next().map(str::trim).map(str::to_string).into_iter().collect(),
        );
    }
}

/// The primary language subtag (`de` of `de-AT`), as written: compare
/// subtags with [`same_language`] (tags are case-insensitive).
fn primary(lang: &str) -> &str {
    match lang.bytes().position(|b| b == b'-' || b == b'_') {
        Some(end) => lang.get(..end).unwrap_or(lang),
        None => lang,
    }
}

/// Whether two language tags have the same primary subtag (`de-AT` and
/// `DE`).
fn same_language(a: &str, b: &str) -> bool {
    primary(a).eq_ignore_ascii_case(primary(b))
}

impl State<'_> {
    fn finish(mut self, url: &str) -> (Facts, Vec<Finding>) {
        let page_lang = self.html_lang.clone().unwrap_or_default();
        match &self.html_lang {
            None => self.push(
                "a11y/html-lang",
                "the page has no <html lang>".into(),
                "set lang on the html element (the default theme does; check your own templates)",
                vec![],
            ),
            Some(l) if l.parse::<icu_locale::LanguageIdentifier>().is_err() || l.is_empty() => self
                .push(
                    "a11y/html-lang",
                    format!("<html lang=\"{l}\"> is not a valid BCP 47 language tag"),
                    "use a language key of site.toml that is a BCP 47 tag (de, en, ar, sr-Latn)",
                    vec![],
                ),
            Some(_) => {}
        }
        match self.viewport.as_deref() {
            None => self.push(
                "a11y/viewport",
                "the page has no <meta name=\"viewport\">: phones show it zoomed out".into(),
                "add <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"> to the template's head",
                vec![],
            ),
            Some(content) if blocks_zoom(content) => self.push(
                "a11y/viewport",
                format!("the viewport “{content}” stops readers from zooming"),
                "remove user-scalable=no and any maximum-scale below 2 from the viewport",
                vec![],
            ),
            Some(_) => {}
        }

        let h1s = self.headings.iter().filter(|h| h.level == 1).count();
        if h1s != 1 {
            self.push(
                "a11y/h1-count",
                format!("the page has {h1s} h1 headings instead of one"),
                "the page title is the h1; start the Markdown's own headings at ## (h2)",
                vec![],
            );
        }
        let mut previous: Option<u8> = None;
        let headings = std::mem::take(&mut self.headings);
        for h in &headings {
            let text = h.text.trim();
            if text.is_empty() {
                self.push(
                    "a11y/heading-empty",
                    format!("an h{} heading is empty", h.level),
                    "give the heading text, or remove it",
                    vec![format!("<h{0}></h{0}>", h.level)],
                );
            }
            if let Some(p) = previous
                && h.level > p + 1
            {
                self.push(
                    "a11y/heading-skipped",
                    format!(
                        "the heading “{text}” is an h{} after an h{p}: level h{} is skipped",
                        h.level,
                        p + 1
                    ),
                    "do not skip heading levels: use one more # than the heading above",
                    vec![format!("# {text}"), format!(">{text}<"), text.to_string()],
                );
            }
            previous = Some(h.level);
        }

        let links = std::mem::take(&mut self.links);
        // The generic texts of the links' language, looked up once per
        // run of links in one language (their tags are interned).
        let mut texts: Option<(&Lang, &words::LinkTexts)> = None;
        for l in &links {
            let generic = match texts {
                Some((lang, t)) if *lang == l.lang => t,
                _ => {
                    let t = words::link_texts(primary(&l.lang));
                    texts = Some((&l.lang, t));
                    t
                }
            };
            let label = l
                .aria_label
                .as_deref()
                .map(str::trim)
                .filter(|t| !t.is_empty());
            let text = single_spaced(&l.text);
            let name = label.or((!text.is_empty()).then_some(&*text));
            let title = l.title.as_deref().map(str::trim).filter(|t| !t.is_empty());
            match (name, title) {
                (None, None) if !l.labelled_by => self.push(
                    "a11y/link-no-name",
                    format!(
                        "the link to {} has no text, so screen readers announce only “link”",
                        l.href
                    ),
                    "give the link text, or an image inside it an alt text",
                    vec![format!("href=\"{}\"", l.href), format!("]({}", l.href)],
                ),
                (Some(name), _) if generic.is_generic(name) => self.push(
                    "a11y/link-generic-text",
                    format!(
                        "the link text “{name}” (to {}) does not say where it leads",
                        l.href
                    ),
                    "write link texts that make sense on their own: “Leitbild lesen”, not “hier”",
                    vec![format!("[{name}]"), format!(">{name}<")],
                ),
                _ => {}
            }
            if l.blank {
                let full = [name, title]
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" ");
                if !words::warns_of_new_window(&full, primary(&l.lang)) {
                    self.push(
                        "a11y/link-new-window",
                        format!("the link “{}” opens a new window without saying so", full.trim()),
                        "remove target=\"_blank\", or add “(opens in a new window)” in the page's language to the link text",
                        vec![format!(">{}<", full.trim()), "_blank".into()],
                    );
                }
            }
        }
        for has_headers in std::mem::take(&mut self.tables) {
            if !has_headers {
                self.push(
                    "a11y/table-no-headers",
                    "a data table has no header cells (th)".into(),
                    "give the table a header row (the first row of a Markdown table), or role=\"presentation\" if it only lays out",
                    vec!["<table".into()],
                );
            }
        }
        for has_captions in std::mem::take(&mut self.videos) {
            if !has_captions {
                self.push(
                    "a11y/video-captions",
                    "a video has no captions track".into(),
                    "add <track kind=\"captions\" src=\"….vtt\" srclang=\"…\"> inside the video",
                    vec!["<video".into()],
                );
            }
        }

        let ids = std::mem::take(&mut self.ids);
        let mut seen = Ids::with_capacity_and_hasher(ids.len(), Default::default());
        for id in ids {
            if seen.contains(&id) {
                self.push(
                    "html/duplicate-id",
                    format!("the id `{id}` is used more than once"),
                    "ids must be unique on a page; rename one heading or element",
                    vec![format!("{{#{id}}}"), format!("id=\"{id}\"")],
                );
            } else {
                seen.insert(id);
            }
        }
        for (attr, id, tag) in std::mem::take(&mut self.idrefs) {
            if !seen.contains(&id) {
                self.push(
                    "a11y/broken-idref",
                    format!("{attr}=\"{id}\" on <{tag}> points to no element: there is no id `{id}` on the page"),
                    "point the attribute at an existing id, or give the element that id",
                    vec![format!("{attr}=\"{id}\"")],
                );
            }
        }

        let facts = Facts {
            url: url.to_string(),
            file: None,
            lang: page_lang,
            ids: seen,
            // Packed to size: kept for every page until the site-wide checks.
            links: {
                let mut kept =
                    Links::with_capacity(links.len(), links.iter().map(|l| l.href.len()).sum());
                for l in links {
                    // Most hreflangs name the link's own language (the
                    // language switcher): its tag is taken as it is.
                    let hreflang = l.hreflang.as_deref().map(|h| {
                        if h == l.lang.as_str() {
                            l.lang
                        } else {
                            lang_tag(h)
                        }
                    });
                    kept.push(&l.href, hreflang, l.lang);
                }
                kept
            },
            title: self.title.unwrap_or_default().trim().to_string(),
        };
        (facts, self.findings)
    }
}

/// [`single_spaced`]'s classes of bytes: a space, and a byte that may
/// start other white space (ASCII controls, and the lead bytes of white
/// space outside ASCII).
const SPACE: u8 = 1;
const OTHER: u8 = 2;
static SPACING: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = OTHER;
        b += 1;
    }
    t[0x20] = SPACE;
    t[0xC2] = OTHER;
    t[0xE1] = OTHER;
    t[0xE2] = OTHER;
    t[0xE3] = OTHER;
    t
};

/// `text`'s words with one space between them (white space as
/// `split_whitespace` reads it); borrowed when that is what it is already,
/// as most link texts are. Read by bytes: white space outside ASCII starts
/// with one of four lead bytes, and only those are decoded.
fn single_spaced(text: &str) -> Cow<'_, str> {
    // Most texts have no byte that could start white space other than a
    // lone space between words: one pass over the bytes' classes says so.
    let (mut others, mut doubled, mut previous) = (0u8, 0u8, SPACE);
    for &b in text.as_bytes() {
        let class = SPACING.get(usize::from(b)).copied().unwrap_or(0);
        others |= class;
        doubled |= previous & class;
        previous = class;
    }
    // (A space first counts as doubled; one last, as `previous`.)
    if others & OTHER == 0 && (doubled | previous) & SPACE == 0 {
        return Cow::Borrowed(text);
    }
    let mut previous_space = true;
    let mut normal = true;
    for (at, &b) in text.as_bytes().iter().enumerate() {
        match b {
            b' ' if previous_space => normal = false,
            b' ' => previous_space = true,
            b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' => normal = false,
            // U+0085, U+00A0; U+1680; U+2000–U+205F; U+3000.
            0xC2 | 0xE1 | 0xE2 | 0xE3
                if text
                    .get(at..)
                    .and_then(|rest| rest.chars().next())
                    .is_some_and(char::is_whitespace) =>
            {
                normal = false;
            }
            _ => previous_space = false,
        }
        if !normal {
            break;
        }
    }
    if normal && !previous_space {
        return Cow::Borrowed(text);
    }
    let mut spaced = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !spaced.is_empty() {
            spaced.push(' ');
        }
        spaced.push_str(word);
    }
    Cow::Owned(spaced)
}

/// Whether a viewport's content blocks zooming (WCAG 1.4.4): `user-scalable=no`
/// (or `0`), or a `maximum-scale` below 2.
fn blocks_zoom(content: &str) -> bool {
    content.split([',', ';']).any(|part| {
        let Some((key, value)) = part.split_once('=') else {
            return false;
        };
        let value = value.trim().to_ascii_lowercase();
        match key.trim().to_ascii_lowercase().as_str() {
            "user-scalable" => value == "no" || value == "0",
            "maximum-scale" => value.parse::<f64>().is_ok_and(|v| v < 2.0),
            _ => false,
        }
    })
}

/// Site-wide checks: internal links and anchors resolve; titles are unique.
/// `files` are other output paths that links may point to (assets, feeds).
pub fn check_site(pages: &[Facts], files: &HashSet<String>, base_path: &str) -> Vec<Diagnostic> {
    let by_url: HashMap<&str, &Facts, foldhash::fast::RandomState> =
        pages.iter().map(|f| (f.url.as_str(), f)).collect();
    let all: Vec<&Facts> = pages.iter().collect();
    // Each page's links are checked on their own: in chunks on rayon's
    // threads (this ran alone on one core after the pages), merged in page
    // order.
    let mut diags: Vec<Diagnostic> = all
        .par_chunks(256)
        .map(|chunk| check_links_of(chunk, |url| by_url.get(url).copied(), files, base_path))
        .collect::<Vec<_>>()
        .into_iter()
        .flatten()
        .collect();
    // Grouped by hash (a tree compared every title with a dozen others),
    // then the shared ones in the order of their titles.
    type Pages<'f> = Vec<(&'f str, Option<&'f Path>)>;
    let mut titles: HashMap<&str, Pages<'_>, foldhash::fast::RandomState> =
        HashMap::with_capacity_and_hasher(pages.len(), Default::default());
    for page in pages {
        titles
            .entry(page.title.as_str())
            .or_default()
            .push((page.url.as_str(), page.file.as_deref()));
    }
    let mut shared: Vec<(&str, Pages<'_>)> = titles
        .into_iter()
        .filter(|(_, same)| same.len() > 1)
        .collect();
    shared.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (title, same) in shared {
        diags.extend(duplicate_title(title, &same));
    }
    diags
}

/// The site path (`/en/x/`) a link `href` of a page points to when it is a
/// root-relative link into the site below `base_path`: the key under which
/// [`check_site`] and [`check_links_of`] look its target up. `None` for
/// external, relative and same-page (`#id`) links.
pub fn link_target<'h>(href: &'h str, base_path: &str) -> Option<&'h str> {
    // Only a root-relative link can: external addresses (`https:`,
    // `mailto:`, `tel:`), protocol-relative ones (`//host/x`), relative
    // and same-page links do not begin with one slash. (One byte to test
    // instead of four prefixes: this runs for every link of the site.)
    if !href.starts_with('/') || href.starts_with("//") {
        return None;
    }
    let path = href.split_once('#').map_or(href, |(path, _)| path);
    let site_path = if base_path.is_empty() {
        path
    } else {
        path.strip_prefix(base_path)
            .filter(|p| p.starts_with('/'))?
    };
    Some(
        site_path
            .split_once('?')
            .map_or(site_path, |(path, _)| path),
    )
}

/// The link checks of [`check_site`] (broken links, broken anchors, links
/// into another language without `hreflang`/`lang`) for `pages` only, with
/// `lookup` finding a page's facts by its site path. `serve` keeps that
/// index across edits and re-checks only the pages that changed and the
/// pages that link to them, instead of every page of the site; the
/// findings are the same as `check_site`'s for those pages (tested).
pub fn check_links_of<'f>(
    pages: &[&'f Facts],
    lookup: impl Fn(&str) -> Option<&'f Facts>,
    files: &HashSet<String>,
    base_path: &str,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for &page in pages {
        for link in &page.links {
            let href = link.href;
            let anchor = href.split_once('#').map(|(_, a)| a);
            let target = if href.is_empty() || href.starts_with('#') {
                Some(page)
            } else if let Some(site_path) = link_target(href, base_path) {
                match lookup(site_path) {
                    Some(f) => Some(f),
                    None if files.contains(site_path.trim_start_matches('/')) => None,
                    None => {
                        diags.push(broken(
                            page,
                            format!("the link to {href} points to no page or file of the site"),
                        ));
                        continue;
                    }
                }
            } else {
                None
            };
            if let Some(target) = target
                && !target.lang.is_empty()
                && !same_language(&target.lang, &page.lang)
                && link.hreflang.is_none()
                && !same_language(link.lang, &target.lang)
            {
                let mut d = Diagnostic::warning(
                    "link/lang-missing",
                    format!(
                        "the link to {href} leads to a page in `{}` but says neither hreflang nor lang",
                        target.lang
                    ),
                )
                .url(&page.url)
                .hint(format!(
                    "add hreflang=\"{0}\" (and lang=\"{0}\" if the link text is in that language) to the link",
                    target.lang
                ));
                d.file = page.file.clone();
                diags.push(d);
            }
            if let (Some(target), Some(anchor)) = (target, anchor)
                && !anchor.is_empty()
                && !target.ids.contains(anchor)
            {
                diags.push(
                    broken(
                        page,
                        format!("the anchor `#{anchor}` does not exist on {}", target.url),
                    )
                    .with_rule("link/broken-anchor"),
                );
            }
        }
    }
    diags
}

/// The duplicate-title finding of [`check_site`] for one title shared by
/// `pages` (URL, source file), for callers that keep a title index.
pub fn duplicate_title(title: &str, pages: &[(&str, Option<&Path>)]) -> Option<Diagnostic> {
    if pages.len() < 2 {
        return None;
    }
    let urls: Vec<&str> = pages.iter().map(|(u, _)| *u).collect();
    let mut d = Diagnostic::warning(
        "html/duplicate-title",
        format!(
            "{} pages share the title “{title}”: {}",
            urls.len(),
            urls.join(", ")
        ),
    )
    .hint("give each page its own title");
    d.url = urls.first().map(|u| u.to_string());
    d.file = pages.first().and_then(|(_, f)| f.map(Path::to_path_buf));
    Some(d)
}

/// Decodes the character references an attribute value may hold (the
/// tokenizer hands attribute values over as written).
pub fn decode_entities(value: &str) -> String {
    decode_entities_cow(value).into_owned()
}

/// [`decode_entities`] without a copy when there is nothing to decode.
fn decode_entities_cow(value: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', value.as_bytes()).is_none() {
        return Cow::Borrowed(value);
    }
    let mut out = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(i) = memchr::memchr(b'&', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest.find(';').filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                _ => name
                    .strip_prefix("#x")
                    .or_else(|| name.strip_prefix("#X"))
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                    .and_then(char::from_u32),
            };
            c.map(|c| (c, e))
        });
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

fn broken(page: &Facts, message: String) -> Diagnostic {
    let mut d = Diagnostic::warning("link/broken", message)
        .url(&page.url)
        .hint("fix the link target; link to pages with `@/path/to/file.md#id` so the build can check them");
    d.file = page.file.clone();
    d
}

trait WithRule {
    fn with_rule(self, rule: &str) -> Self;
}

impl WithRule for Diagnostic {
    fn with_rule(mut self, rule: &str) -> Self {
        self.rule = rule.to_string();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_ids_links_and_duplicates() {
        let html = r##"<html><head><title> T </title></head><body><h2 id="a">x</h2><p id="a"></p><a href="/de/x/#b">l</a></body></html>"##;
        let (facts, diags) = scan(html, "/de/", None);
        assert_eq!(facts.title, "T");
        assert!(facts.ids.contains("a"));
        assert_eq!(facts.links.iter().next().map(|l| l.href), Some("/de/x/#b"));
        let dup: Vec<_> = diags
            .iter()
            .filter(|d| d.rule == "html/duplicate-id")
            .collect();
        assert_eq!(dup.len(), 1, "{diags:?}");
    }

    #[test]
    fn attribute_entities_are_decoded() {
        assert_eq!(
            decode_entities("&#x2F;de&#47;x?a=1&amp;b=2&unknown;"),
            "/de/x?a=1&b=2&unknown;"
        );
    }

    proptest::proptest! {
        /// Packed links read back as pushed, in order, whatever the
        /// targets (empty and non-ASCII ones too).
        #[test]
        fn links_read_back_as_pushed(
            links in proptest::collection::vec(
                (".{0,12}", proptest::option::of("[a-z]{2}"), "[a-z]{0,3}"),
                0..20,
            )
        ) {
            let mut packed = Links::default();
            for (href, hreflang, lang) in &links {
                proptest::prop_assert!(packed.push(href, hreflang.as_deref().map(lang_tag), lang_tag(lang)));
            }
            proptest::prop_assert_eq!(packed.len(), links.len());
            let back: Vec<(String, Option<String>, String)> = packed
                .iter()
                .map(|l| (l.href.to_string(), l.hreflang.map(|h| h.to_string()), l.lang.to_string()))
                .collect();
            proptest::prop_assert_eq!(back, links);
        }
    }

    #[test]
    fn links_into_another_language_are_found_whatever_the_case_of_the_tags() {
        let page = |url: &str, lang: &str, links: Links| Facts {
            url: url.into(),
            title: url.into(),
            lang: lang.into(),
            links,
            ..Facts::default()
        };
        let mut links = Links::default();
        links.push("/de/b/", None, lang_tag("de-DE"));
        links.push("/en/", None, lang_tag("de-DE"));
        links.push("/en/", None, lang_tag("EN"));
        let pages = [
            page("/de/", "de-DE", links),
            page("/de/b/", "DE", Links::default()),
            page("/en/", "en", Links::default()),
        ];
        let diags = check_site(&pages, &HashSet::new(), "");
        let missing: Vec<&str> = diags
            .iter()
            .filter(|d| d.rule == "link/lang-missing")
            .map(|d| d.message.as_str())
            .collect();
        // `DE` is German like `de-DE`; the second link to /en/ says its
        // language (`EN`), the first does not.
        assert_eq!(missing.len(), 1, "{diags:?}");
        assert!(missing[0].contains("/en/"), "{missing:?}");
    }

    #[test]
    fn link_targets_are_root_relative_links_below_the_base_path() {
        let cases = [
            ("/de/x/", "", Some("/de/x/")),
            ("/de/x/#a", "", Some("/de/x/")),
            ("/de/x/?q=1#a", "", Some("/de/x/")),
            ("/style.css", "", Some("/style.css")),
            ("/sub/de/x/", "/sub", Some("/de/x/")),
            ("/de/x/", "/sub", None),
            ("/subway/", "/sub", None),
            ("https://example.org/de/x/", "", None),
            ("http://example.org/", "", None),
            ("mailto:a@example.org", "", None),
            ("tel:+49", "", None),
            ("//cdn.example.org/x.css", "", None),
            ("x/", "", None),
            ("?q=1", "", None),
            ("#a", "", None),
            ("", "", None),
        ];
        for (href, base, expected) in cases {
            assert_eq!(link_target(href, base), expected, "{href} below {base:?}");
        }
    }

    /// Every element of HTML, SVG and MathML (and a custom one).
    #[rustfmt::skip]
    const ELEMENTS: &[&str] = &[
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo",
        "blockquote", "body", "br", "button", "canvas", "caption", "cite", "code", "col",
        "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "div", "dl",
        "dt", "em", "embed", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img",
        "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "math",
        "menu", "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option",
        "output", "p", "picture", "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp",
        "script", "search", "section", "select", "slot", "small", "source", "span", "strong",
        "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea",
        "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul", "var", "video", "wbr",
        "xmp", "noembed", "noframes", "plaintext", "desc", "foreignObject", "mi", "mtext",
        "x-custom",
    ];

    #[test]
    fn passing_over_elements_without_attributes_changes_nothing() {
        // Each element bare, around text and inside a table, a link, a
        // heading and a video: the findings and facts are the same with
        // the shortcut as without it.
        for name in ELEMENTS {
            let html = format!(
                "<!DOCTYPE html><html lang=\"de\"><head><meta name=\"viewport\" content=\"width=device-width\"><title>T</title></head><body>\
                 <{name}>Text مرحبا بكم <{name}>hier</{name}></{name}>\
                 <table><tr><{name}>x</{name}></tr></table>\
                 <a href=\"/x/\"><{name}>hier</{name}></a><h2><{name}>Teil</{name}></h2>\
                 <video><{name}></{name}></video><{name}/><p>Schluss</p></body></html>"
            );
            let run = |pass_over: bool| {
                PASS_OVER.with(|p| p.set(pass_over));
                let (facts, findings) = findings_of(&html, "/de/");
                PASS_OVER.with(|p| p.set(true));
                let links: Vec<String> = facts.links.iter().map(|l| format!("{l:?}")).collect();
                let mut ids: Vec<String> = facts.ids.iter().cloned().collect();
                ids.sort();
                (facts.lang, facts.title, ids, links, findings)
            };
            assert_eq!(run(true), run(false), "<{name}>");
        }
    }

    #[test]
    fn broken_links_and_anchors_are_reported() {
        let a = Facts {
            url: "/de/".into(),
            title: "A".into(),
            links: [
                "/de/b/#ok",
                "/de/b/#missing",
                "/de/nope/",
                "/style.css",
                "#top",
            ]
            .into_iter()
            .collect(),
            ids: ["top".to_string()].into_iter().collect(),
            ..Facts::default()
        };
        let b = Facts {
            url: "/de/b/".into(),
            title: "A".into(),
            ids: ["ok".to_string()].into_iter().collect(),
            ..Facts::default()
        };
        let files: HashSet<String> = ["style.css".to_string()].into();
        let diags = check_site(&[a, b], &files, "");
        let rules: Vec<_> = diags
            .iter()
            .map(|d| (d.rule.as_str(), d.message.as_str()))
            .collect();
        assert_eq!(rules.len(), 3, "{rules:?}");
        assert!(rules[0].1.contains("#missing"));
        assert!(rules[1].1.contains("/de/nope/"));
        assert_eq!(rules[2].0, "html/duplicate-title");
    }

    #[test]
    fn a_threads_answer_is_the_process_wide_one() {
        for lang in ["de", "ar", "sr-Latn", "qqq-not-a-tag!", ""] {
            let tag = lang_tag(lang);
            let (first, again, process) = (
                expected_script(Some(&tag)),
                expected_script(Some(&tag)),
                script::Expected::of(lang),
            );
            match (first, again, process) {
                (Some(a), Some(b), Some(c)) => {
                    assert!(std::ptr::eq(a, b) && std::ptr::eq(a, c), "{lang}");
                }
                (None, None, None) => {}
                other => panic!("{lang}: {other:?}"),
            }
        }
        // No element with a language: the empty tag's answer.
        assert_eq!(
            expected_script(None).map(std::ptr::from_ref),
            script::Expected::of("").map(std::ptr::from_ref)
        );
    }

    #[test]
    fn messages_name_elements_in_lower_case_as_written_in_any_case() {
        let f = findings_in(
            "<h1>x</h1><DIV TabIndex=\"3\">a</DIV><LABEL FOR=\"nope\">b</LABEL><H2>c</H2>",
        );
        assert!(
            has(&f, "a11y/tabindex-positive", "<div> has tabindex=\"3\""),
            "{f:?}"
        );
        assert!(has(&f, "a11y/broken-idref", "on <label>"), "{f:?}");
        // An upper-case heading has its level all the same (no skip).
        assert!(!f.iter().any(|(r, _)| r == "a11y/heading-skipped"), "{f:?}");
    }

    #[test]
    fn shared_titles_are_reported_in_the_order_of_their_titles() {
        let page = |url: &str, title: &str| Facts {
            url: url.into(),
            title: title.into(),
            ..Facts::default()
        };
        let pages = [
            page("/1/", "Zoo"),
            page("/2/", "Bahn"),
            page("/3/", "Zoo"),
            page("/4/", "Mitte"),
            page("/5/", "Bahn"),
            page("/6/", "Bahn"),
        ];
        let messages: Vec<String> = check_site(&pages, &HashSet::new(), "")
            .into_iter()
            .map(|d| format!("{} {}", d.url.unwrap_or_default(), d.message))
            .collect();
        assert_eq!(
            messages,
            [
                "/2/ 3 pages share the title “Bahn”: /2/, /5/, /6/",
                "/1/ 2 pages share the title “Zoo”: /1/, /3/",
            ]
        );
    }

    /// The findings of a German page with `body`, as (rule, message).
    fn findings_in(body: &str) -> Vec<(String, String)> {
        let html = format!(
            "<!DOCTYPE html><html lang=\"de\"><head><meta name=\"viewport\" content=\"width=device-width\"><title>T</title></head><body>{body}</body></html>"
        );
        let (_, findings) = findings_of(&html, "/de/");
        findings
            .into_iter()
            .map(|f| (f.rule.into_owned(), f.message))
            .collect()
    }

    fn has(findings: &[(String, String)], rule: &str, part: &str) -> bool {
        findings.iter().any(|(r, m)| r == rule && m.contains(part))
    }

    #[test]
    fn a_link_has_the_language_in_effect_where_it_is() {
        // The pass keeps the language in effect between the elements that
        // set one: it must follow each of them opening and closing.
        let html = "<!DOCTYPE html><html lang=\"de\"><head><meta name=\"viewport\" content=\"width=device-width\"><title>T</title></head><body><h1>x</h1>\
            <a href=\"/a/\">Leitbild</a><p lang=\"tr\">Metin <a href=\"/b/\">buraya tıklayın</a></p>\
            <a href=\"/c/\">burada</a><a href=\"/d/\" lang=\"tr\">burada</a><a href=\"/e/\">burada</a></body></html>";
        let (facts, findings) = findings_of(html, "/de/");
        let langs: Vec<(&str, &str)> = facts.links.iter().map(|l| (l.href, &**l.lang)).collect();
        assert_eq!(
            langs,
            [
                ("/a/", "de"),
                ("/b/", "tr"),
                ("/c/", "de"),
                ("/d/", "tr"),
                ("/e/", "de")
            ]
        );
        // “burada” is generic in Turkish only.
        let generic: Vec<&str> = findings
            .iter()
            .filter(|f| f.rule == "a11y/link-generic-text")
            .map(|f| f.message.as_str())
            .collect();
        assert_eq!(generic.len(), 2, "{generic:?}");
        assert!(generic[0].contains("(to /b/)") && generic[1].contains("(to /d/)"));
    }

    #[test]
    fn link_and_heading_texts_are_joined_from_their_pieces() {
        // Text, elements, entities and alt texts inside one link or
        // heading make one name: the first piece is borrowed, the others
        // are appended to a copy.
        let f = findings_in("<h1>x</h1><a href=\"/x/\">hi<b>er</b></a>");
        assert!(has(&f, "a11y/link-generic-text", "“hier”"), "{f:?}");
        let f = findings_in("<h1>x</h1><a href=\"/x/\"><img src=\"a.png\" alt=\"hi\">&#101;r</a>");
        assert!(has(&f, "a11y/link-generic-text", "“hier”"), "{f:?}");
        let f = findings_in("<h1>x</h1><a href=\"/x/\">hier <em>lesen</em></a>");
        assert!(!has(&f, "a11y/link-generic-text", ""), "{f:?}");
        let f = findings_in("<h1>x</h1><h3>Teil <i>zwei</i></h3>");
        assert!(has(&f, "a11y/heading-skipped", "“Teil zwei”"), "{f:?}");
    }

    #[test]
    fn text_is_read_between_tags_as_the_html_tokenizer_reads_it() {
        // Untracked end tags and comments end a text node but are no text.
        let f = findings_in("<h1>x</h1><a href=\"/x/\"><span>hier</span><!-- mehr --></a>");
        assert!(has(&f, "a11y/link-generic-text", "“hier”"), "{f:?}");
        let f = findings_in("<h1>x</h1><a href=\"/x/\"><!-- hier --></a>");
        assert!(has(&f, "a11y/link-no-name", "/x/"), "{f:?}");
        // `<!-->` is a whole comment: the text after it belongs to the link.
        let f = findings_in("<h1>x</h1><a href=\"/x/\"><!-->hier</a>");
        assert!(has(&f, "a11y/link-generic-text", "“hier”"), "{f:?}");
        // An end tag's quoted attribute value may hold `>`.
        let f = findings_in("<h1>x</h1><h3><span>Ab</span title=\">\">cd</h3>");
        assert!(has(&f, "a11y/heading-skipped", "“Abcd”"), "{f:?}");
        // A `<` that starts no tag is text; entities are decoded.
        let f = findings_in("<h1>x</h1><h3>1 < 2 &amp; 3</h3>");
        assert!(has(&f, "a11y/heading-skipped", "“1 < 2 & 3”"), "{f:?}");
        // An element left open ends with its parent's end tag.
        let f = findings_in("<h1>x</h1><p><a href=\"/y/\">mehr</p><p>Text</p>");
        assert!(has(&f, "a11y/link-generic-text", "“mehr”"), "{f:?}");
    }

    proptest::proptest! {
        /// Borrowed or not, the text is its words with one space between.
        #[test]
        fn single_spaced_is_the_words_joined_by_one_space(
            // Every white space outside ASCII, and other characters with
            // the same lead bytes (©, —, 、, ᚁ).
            text in "[ a\\tb\\n\\r\\u{B}\\u{C}\\u{85}\\u{A0}\\u{A9}\\u{1680}\\u{1681}\\u{2003}\\u{2014}\\u{2028}\\u{202F}\\u{205F}\\u{3000}\\u{3001}äд]{0,12}",
        ) {
            let words: Vec<&str> = text.split_whitespace().collect();
            proptest::prop_assert_eq!(single_spaced(&text), words.join(" "));
        }
    }

    #[test]
    fn raw_text_elements_hold_text_up_to_their_end_tag() {
        // Tags inside a script are text of the script, not language text.
        let f = findings_in("<h1>x</h1><script>var s = \"<b>привет мир</b>\";</script>");
        assert!(!f.iter().any(|(r, _)| r == "a11y/foreign-script"), "{f:?}");
        let f = findings_in("<h1>x</h1><p>привет мир</p>");
        assert!(has(&f, "a11y/foreign-script", "привет"), "{f:?}");
        // The title is RCDATA: `<b>` in it is text, entities are decoded.
        let html = "<html lang=\"de\"><head><title>a <b> &amp; c</title></head><body><h1>x</h1></body></html>";
        let (facts, _) = findings_of(html, "/de/");
        assert_eq!(facts.title, "a <b> & c");
        // Inside svg, title is an ordinary element and does not replace the
        // page's title.
        let html = "<html lang=\"de\"><head><meta name=\"viewport\" content=\"width=device-width\"><title>Seite</title></head><body><h1>x</h1><svg><title>Bild <tspan>eins</tspan></title></svg><p>Text</p></body></html>";
        let (facts, findings) = findings_of(html, "/de/");
        assert_eq!(facts.title, "Seite");
        assert!(findings.is_empty(), "{findings:?}");
    }
}
