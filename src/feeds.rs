//! Machine-readable files: `sitemap.xml` with `xhtml:link` alternates,
//! `robots.txt`, and one Atom feed (RFC 4287) per language for every
//! section with dated pages. All built from sorted data: byte-identical
//! for the same input, no build timestamps. Addresses are written as URIs
//! (`uri::to_uri`: letters of other scripts percent-encoded), as the
//! sitemap protocol and RFC 4287 ask.

use std::fmt::Write as _;
use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::content::Slot;
use crate::frontmatter::Date;
use crate::render::Renderer;
use crate::uri::to_uri;

/// Text for XML: bidi controls end with it (see `bidi`), and characters XML
/// 1.0 cannot hold (C0 controls other than tab and line breaks, U+FFFE,
/// U+FFFF) are left out. The writer escapes the rest.
fn xml_text(text: &str) -> String {
    crate::bidi::contain(text)
        .chars()
        .filter(|&c| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'))
        .collect()
}

/// `<name>text</name>`, the text escaped by the writer.
fn element(w: &mut Writer<Vec<u8>>, name: &str, text: &str) -> io::Result<()> {
    w.create_element(name)
        .write_text_content(BytesText::new(&xml_text(text)))?;
    Ok(())
}

fn declaration(w: &mut Writer<Vec<u8>>) -> io::Result<()> {
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
}

/// The writer's bytes as text: it was given only `&str`s, so they are UTF-8.
fn into_string(w: Writer<Vec<u8>>) -> String {
    String::from_utf8(w.into_inner()).expect("the writer was given UTF-8 only")
}

/// A sitemap entry: absolute URL, alternates (hreflang, URL), lastmod.
pub type SitemapEntry = (String, Vec<(String, String)>, Option<String>);

/// `entries` sorted by URL.
pub fn sitemap(entries: &[SitemapEntry]) -> String {
    // Each `<url>` goes into the document as soon as it is written: a
    // sitemap of 12,000 pages in 12 languages is many megabytes.
    sitemap_of(entries.iter().map(sitemap_url))
}

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// The sitemap around `<url>` elements ([`sitemap_url`]) in URL order;
/// `serve` keeps the elements and joins them when one changed.
pub fn sitemap_of<S: AsRef<str>>(urls: impl Iterator<Item = S>) -> String {
    let mut w = Writer::new(Vec::new());
    let urlset = BytesStart::new("urlset")
        .with_attributes([("xmlns", SITEMAP_NS), ("xmlns:xhtml", XHTML_NS)]);
    declaration(&mut w)
        .and_then(|()| w.write_event(Event::Text(BytesText::new("\n"))))
        .and_then(|()| w.write_event(Event::Start(urlset)))
        .and_then(|()| w.write_event(Event::Text(BytesText::new("\n"))))
        .expect("writing into memory cannot fail");
    for url in urls {
        w.get_mut().extend_from_slice(url.as_ref().as_bytes());
    }
    w.write_event(Event::End(BytesEnd::new("urlset")))
        .expect("writing into memory cannot fail");
    let mut out = into_string(w);
    out.push('\n');
    out
}

/// One entry's `<url>` element, on a line of its own.
pub fn sitemap_url((url, alternates, lastmod): &SitemapEntry) -> String {
    let mut w = Writer::new(Vec::new());
    w.create_element("url")
        .write_inner_content(|w| {
            element(w, "loc", &to_uri(url))?;
            if let Some(d) = lastmod {
                element(w, "lastmod", d)?;
            }
            for (hreflang, href) in alternates {
                w.create_element("xhtml:link")
                    .with_attributes([
                        ("rel", "alternate"),
                        ("hreflang", xml_text(hreflang).as_str()),
                        ("href", xml_text(&to_uri(href)).as_str()),
                    ])
                    .write_empty()?;
            }
            Ok(())
        })
        .expect("writing into memory cannot fail");
    let mut out = into_string(w);
    out.push('\n');
    out
}

/// robots.txt: everything allowed, or (a profile with `robots =
/// "noindex"`) nothing; the sitemap named where one is written.
pub fn robots(renderer: &Renderer<'_>) -> String {
    let config = &renderer.site.config;
    let noindex = config.profile.as_ref().is_some_and(|p| p.is_noindex());
    let mut out = String::from(if noindex {
        "User-agent: *\nDisallow: /\n"
    } else {
        "User-agent: *\nAllow: /\n"
    });
    let sitemap = config.profile.as_ref().is_none_or(|p| p.has_sitemap());
    if sitemap && !config.base_url.is_empty() {
        let _ = writeln!(
            out,
            "Sitemap: {}",
            to_uri(&renderer.absolute("/sitemap.xml"))
        );
    }
    out
}

/// One Atom feed per language and dated section: (output path, XML).
pub fn atom_feeds(renderer: &Renderer<'_>) -> Vec<(String, String)> {
    let site = renderer.site;
    let mut out = Vec::new();
    for dir in &renderer.feed_dirs {
        let section = format!("{dir}/_index.md");
        for lang in &site.config.languages {
            let Some((Slot::Real(si), section_url)) = site.slot(&section, &lang.key, None) else {
                continue;
            };
            let mut entries: Vec<&crate::content::Page> = site
                .pages
                .iter()
                .map(|p| p.as_ref())
                .filter(|p| {
                    !p.is_section
                        && p.dir == *dir
                        && p.lang == lang.key
                        && p.variant.is_none()
                        && p.date.is_some()
                })
                .collect();
            entries.sort_by(|a, b| (b.date, &a.source).cmp(&(a.date, &b.source)));
            let feed = Feed {
                lang: &lang.key,
                section: &site.pages[si],
                section_url,
                entries: &entries,
            };
            let xml = atom_feed(renderer, &feed).expect("writing into memory cannot fail");
            out.push((
                format!("{}atom.xml", section_url.trim_start_matches('/')),
                xml,
            ));
        }
    }
    out
}

/// A section's dated pages in one language, newest first.
struct Feed<'a> {
    lang: &'a str,
    section: &'a crate::content::Page,
    section_url: &'a str,
    entries: &'a [&'a crate::content::Page],
}

/// Midnight UTC of a date, as Atom's RFC 3339 timestamps want it.
fn timestamp(date: Option<Date>) -> String {
    format!(
        "{}T00:00:00Z",
        date.map_or_else(|| "1970-01-01".to_string(), |d| d.iso())
    )
}

fn atom_feed(renderer: &Renderer<'_>, feed: &Feed<'_>) -> io::Result<String> {
    let updated = feed
        .entries
        .iter()
        .filter_map(|p| p.front.updated.max(p.date))
        .max();
    let feed_url =
        to_uri(&renderer.absolute(&format!("{}atom.xml", feed.section_url))).into_owned();
    let site_title = renderer_t(renderer, feed.lang, "site-title");
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    declaration(&mut w)?;
    w.create_element("feed")
        .with_attributes([
            ("xmlns", "http://www.w3.org/2005/Atom"),
            ("xml:lang", xml_text(feed.lang).as_str()),
        ])
        .write_inner_content(|w| {
            element(
                w,
                "title",
                &format!("{} – {site_title}", feed.section.front.title),
            )?;
            element(w, "id", &feed_url)?;
            w.create_element("link")
                .with_attributes([
                    ("rel", "self"),
                    ("type", "application/atom+xml"),
                    ("href", xml_text(&feed_url).as_str()),
                ])
                .write_empty()?;
            w.create_element("link")
                .with_attributes([
                    ("rel", "alternate"),
                    ("type", "text/html"),
                    ("hreflang", xml_text(feed.lang).as_str()),
                    (
                        "href",
                        xml_text(&to_uri(&renderer.absolute(feed.section_url))).as_str(),
                    ),
                ])
                .write_empty()?;
            element(w, "updated", &timestamp(updated))?;
            w.create_element("author").write_inner_content(|w| {
                element(w, "name", &author(renderer, feed.lang, &site_title))
            })?;
            for page in feed.entries {
                atom_entry(w, renderer, page)?;
            }
            Ok(())
        })?;
    let mut xml = into_string(w);
    xml.push('\n');
    Ok(xml)
}

fn atom_entry(
    w: &mut Writer<Vec<u8>>,
    renderer: &Renderer<'_>,
    page: &crate::content::Page,
) -> io::Result<()> {
    let url = to_uri(&renderer.absolute(&page.url)).into_owned();
    w.create_element("entry").write_inner_content(|w| {
        element(w, "title", &page.front.title)?;
        element(w, "id", &url)?;
        w.create_element("link")
            .with_attributes([
                ("rel", "alternate"),
                ("type", "text/html"),
                ("href", xml_text(&url).as_str()),
            ])
            .write_empty()?;
        element(w, "published", &timestamp(page.date))?;
        element(w, "updated", &timestamp(page.front.updated.max(page.date)))?;
        if let Some(d) = &page.front.description {
            element(w, "summary", d)?;
        }
        Ok(())
    })?;
    Ok(())
}

fn renderer_t(renderer: &Renderer<'_>, lang: &str, key: &str) -> String {
    renderer
        .i18n
        .format(lang, key, None)
        .map(|(t, _)| t)
        .unwrap_or_else(|_| key.to_string())
}

/// Atom requires an author: the accessibility statement's organisation (in
/// the feed's language where the site has the message), else the site title.
fn author(renderer: &Renderer<'_>, lang: &str, site_title: &str) -> String {
    let org = &renderer.site.config.accessibility.organisation;
    if org.is_empty() {
        return site_title.to_string();
    }
    renderer
        .i18n
        .format(lang, crate::plain::bitv::ORGANISATION_MESSAGE, None)
        .map_or_else(
            |_| org.clone(),
            |(name, _)| name.replace(['\u{2068}', '\u{2069}'], ""),
        )
}
