//! Machine-readable files: `sitemap.xml` with `xhtml:link` alternates,
//! `robots.txt`, and one Atom feed (RFC 4287) per language for every
//! section with dated pages. All built from sorted data: byte-identical
//! for the same input, no build timestamps.

use std::fmt::Write as _;

use crate::content::Slot;
use crate::render::Renderer;

/// XML-escaped text whose bidi controls end with it (see `bidi`).
fn escape(text: &str) -> String {
    quick_xml::escape::escape(crate::bidi::contain(text).as_ref()).into_owned()
}

/// A sitemap entry: absolute URL, alternates (hreflang, URL), lastmod.
pub type SitemapEntry = (String, Vec<(String, String)>, Option<String>);

/// `entries` sorted by URL.
pub fn sitemap(entries: &[SitemapEntry]) -> String {
    // Written straight into one string: a sitemap of 12,000 pages in 12
    // languages is ~17 MB, and collecting the elements first doubled it.
    let mut out = String::from(SITEMAP_HEAD);
    for entry in entries {
        push_sitemap_url(&mut out, entry);
    }
    out.push_str(SITEMAP_TAIL);
    out
}

const SITEMAP_HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const SITEMAP_TAIL: &str = "</urlset>\n";

/// The sitemap around `<url>` elements ([`sitemap_url`]) in URL order;
/// `serve` keeps the elements and joins them when one changed.
pub fn sitemap_of<'c>(urls: impl Iterator<Item = &'c str>) -> String {
    let mut out = String::from(SITEMAP_HEAD);
    for chunk in urls {
        out.push_str(chunk);
    }
    out.push_str(SITEMAP_TAIL);
    out
}

/// One entry's `<url>` element.
pub fn sitemap_url(entry: &SitemapEntry) -> String {
    let mut out = String::new();
    push_sitemap_url(&mut out, entry);
    out
}

fn push_sitemap_url(out: &mut String, (url, alternates, lastmod): &SitemapEntry) {
    let _ = writeln!(out, "  <url>\n    <loc>{}</loc>", escape(url.as_str()));
    if let Some(d) = lastmod {
        let _ = writeln!(out, "    <lastmod>{}</lastmod>", escape(d.as_str()));
    }
    for (hreflang, href) in alternates {
        let _ = writeln!(
            out,
            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            escape(hreflang.as_str()),
            escape(href.as_str())
        );
    }
    out.push_str("  </url>\n");
}

pub fn robots(renderer: &Renderer<'_>) -> String {
    let mut out = String::from("User-agent: *\nAllow: /\n");
    if !renderer.site.config.base_url.is_empty() {
        let _ = writeln!(out, "Sitemap: {}", renderer.absolute("/sitemap.xml"));
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
            let section_page = &site.pages[si];
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
            let updated = entries
                .iter()
                .filter_map(|p| p.front.updated.max(p.date))
                .max();
            let feed_url = renderer.absolute(&format!("{section_url}atom.xml"));
            let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
            let _ = writeln!(
                xml,
                "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">",
                escape(lang.key.as_str())
            );
            let site_title = renderer_t(renderer, &lang.key, "site-title");
            let _ = writeln!(
                xml,
                "  <title>{} – {}</title>",
                escape(section_page.front.title.as_str()),
                escape(site_title.as_str())
            );
            let _ = writeln!(xml, "  <id>{}</id>", escape(feed_url.as_str()));
            let _ = writeln!(
                xml,
                "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>",
                escape(feed_url.as_str())
            );
            let _ = writeln!(
                xml,
                "  <link rel=\"alternate\" type=\"text/html\" hreflang=\"{}\" href=\"{}\"/>",
                escape(lang.key.as_str()),
                escape(renderer.absolute(section_url).as_str())
            );
            let _ = writeln!(
                xml,
                "  <updated>{}</updated>",
                updated.map_or_else(|| "1970-01-01".to_string(), |d| d.iso()) + "T00:00:00Z"
            );
            let _ = writeln!(
                xml,
                "  <author><name>{}</name></author>",
                escape(author(renderer, &site_title).as_str())
            );
            for page in entries {
                let url = renderer.absolute(&page.url);
                let date = page.date.map(|d| d.iso()).unwrap_or_default();
                let updated = page
                    .front
                    .updated
                    .max(page.date)
                    .map(|d| d.iso())
                    .unwrap_or_default();
                let _ = writeln!(xml, "  <entry>");
                let _ = writeln!(
                    xml,
                    "    <title>{}</title>",
                    escape(page.front.title.as_str())
                );
                let _ = writeln!(xml, "    <id>{}</id>", escape(url.as_str()));
                let _ = writeln!(
                    xml,
                    "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>",
                    escape(url.as_str())
                );
                let _ = writeln!(xml, "    <published>{date}T00:00:00Z</published>");
                let _ = writeln!(xml, "    <updated>{updated}T00:00:00Z</updated>");
                if let Some(d) = &page.front.description {
                    let _ = writeln!(xml, "    <summary>{}</summary>", escape(d.as_str()));
                }
                let _ = writeln!(xml, "  </entry>");
            }
            xml.push_str("</feed>\n");
            out.push((
                format!("{}atom.xml", section_url.trim_start_matches('/')),
                xml,
            ));
        }
    }
    out
}

fn renderer_t(renderer: &Renderer<'_>, lang: &str, key: &str) -> String {
    renderer
        .i18n
        .format(lang, key, None)
        .map(|(t, _)| t)
        .unwrap_or_else(|_| key.to_string())
}

/// Atom requires an author: the accessibility statement's organisation, else the site title.
fn author(renderer: &Renderer<'_>, site_title: &str) -> String {
    let org = &renderer.site.config.accessibility.organisation;
    if org.is_empty() {
        site_title.to_string()
    } else {
        org.clone()
    }
}
