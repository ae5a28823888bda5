//! The sitemap and the Atom feeds, read back the way their consumers read
//! them: the feeds by an Atom parser (atom_syndication), the sitemap by a
//! check of the sitemap protocol's rules (sitemaps.org): the urlset
//! namespace, one absolute `loc` per `url`, W3C dates in `lastmod`,
//! `xhtml:link` alternates with an absolute `href`, the size limits.

use quick_xml::XmlVersion;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use crate::harness::SiteTest;
use vielfalt::feeds::{SitemapEntry, sitemap};

const SITEMAP_NS: &str = "http://www.sitemaps.org/schemas/sitemap/0.9";
const XHTML_NS: &str = "http://www.w3.org/1999/xhtml";

/// A `url` element as the sitemap check read it.
#[derive(Debug, Default, PartialEq)]
struct Url {
    loc: String,
    lastmod: Option<String>,
    alternates: Vec<(String, String)>,
}

fn is_absolute(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && url.len() < 2048
        && !url.contains(char::is_whitespace)
}

/// `YYYY-MM-DD`, or a date with a time and a zone (W3C Datetime).
fn is_w3c_date(text: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let date = text.get(..10).unwrap_or_default();
    let parts: Vec<&str> = date.split('-').collect();
    let date_ok = parts.len() == 3
        && parts
            .iter()
            .zip([4, 2, 2])
            .all(|(p, n)| p.len() == n && digits(p));
    let rest = text.get(10..).unwrap_or("x");
    let time_ok = rest.is_empty()
        || rest.strip_prefix('T').is_some_and(|t| {
            let (time, zone) = match t.find(['Z', '+', '-']) {
                Some(at) => t.split_at(at),
                None => return false,
            };
            let zone_ok = zone == "Z"
                || (zone.len() == 6
                    && digits(&zone[1..3])
                    && &zone[3..4] == ":"
                    && digits(&zone[4..]));
            let hms: Vec<&str> = time.split(':').collect();
            zone_ok
                && (2..=3).contains(&hms.len())
                && hms.iter().all(|p| p.len() >= 2 && digits(&p[..2]))
        });
    date_ok && time_ok
}

/// Reads a sitemap and checks it against the protocol's rules; panics
/// naming the first fault.
fn read_sitemap(xml: &str) -> Vec<Url> {
    assert!(
        xml.len() <= 50 * 1024 * 1024,
        "a sitemap holds at most 50 MiB"
    );
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"));
    let mut reader = quick_xml::NsReader::from_str(xml);
    let mut urls = Vec::new();
    let mut path: Vec<String> = Vec::new();
    let mut text = String::new();
    loop {
        let (ns, event) = reader.read_resolved_event().expect("well-formed XML");
        let ns = match ns {
            ResolveResult::Bound(n) => n.as_ref().to_string(),
            _ => String::new(),
        };
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == "link" => {
                assert_eq!(ns, XHTML_NS, "alternates are xhtml:link");
                assert_eq!(path.last().map(String::as_str), Some("url"));
                let attr = |name: &str| {
                    e.try_get_attribute(name)
                        .expect("attributes")
                        .map(|a| {
                            a.normalized_value(XmlVersion::Implicit1_0)
                                .expect("escaped")
                                .into_owned()
                        })
                        .unwrap_or_else(|| panic!("xhtml:link without {name}"))
                };
                assert_eq!(attr("rel"), "alternate");
                let (hreflang, href) = (attr("hreflang"), attr("href"));
                assert!(!hreflang.is_empty());
                assert!(is_absolute(&href), "alternate {href} is not absolute");
                urls.last_mut()
                    .map(|u: &mut Url| u.alternates.push((hreflang, href)))
                    .expect("inside a url");
            }
            Event::Start(e) => {
                let name = e.local_name().as_ref().to_string();
                assert_eq!(ns, SITEMAP_NS, "<{name}> is in the sitemap namespace");
                let parent = path.last().map(String::as_str);
                match (parent, name.as_str()) {
                    (None, "urlset") => {}
                    (Some("urlset"), "url") => urls.push(Url::default()),
                    (Some("url"), "loc" | "lastmod") => text.clear(),
                    other => panic!("unexpected element {other:?}"),
                }
                path.push(name);
            }
            Event::Text(t) => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let c = r.resolve_char_ref().ok().flatten().map(String::from);
                let named = match r.as_ref() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity {other:?}"),
                };
                text.push_str(c.as_deref().unwrap_or(named));
            }
            Event::End(_) => {
                let name = path.pop().expect("balanced");
                let url = urls.last_mut();
                match (name.as_str(), url) {
                    ("loc", Some(u)) => {
                        assert!(u.loc.is_empty(), "one loc per url");
                        assert!(is_absolute(&text), "loc {text} is not absolute");
                        u.loc = text.clone();
                    }
                    ("lastmod", Some(u)) => {
                        assert!(is_w3c_date(&text), "lastmod {text} is no W3C date");
                        u.lastmod = Some(text.clone());
                    }
                    ("url", Some(u)) => assert!(!u.loc.is_empty(), "url without loc"),
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    assert!(path.is_empty());
    assert!(
        !urls.is_empty() && urls.len() <= 50_000,
        "{} urls",
        urls.len()
    );
    urls
}

#[test]
fn the_sitemap_check_finds_faults() {
    assert!(is_w3c_date("2026-11-24"));
    assert!(is_w3c_date("2026-11-24T10:30:00+01:00"));
    assert!(is_w3c_date("2026-11-24T10:30Z"));
    for bad in ["24.11.2026", "2026-11-24T", "2026-11-24 10:30", "2026-1-24"] {
        assert!(!is_w3c_date(bad), "{bad}");
    }
    let good = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://x.org/</loc></url></urlset>";
    assert_eq!(read_sitemap(good).len(), 1);
    for bad in [
        good.replace("sitemaps.org", "sitemaps.com"),
        good.replace("https://x.org/", "/de/"),
        good.replace("</loc>", "</loc><lastmod>24.11.2026</lastmod>"),
        good.replace("</loc>", "</loc><loc>https://x.org/a</loc>"),
        good.replace(
            "</loc>",
            "</loc><link href=\"https://x.org/en/\" hreflang=\"en\" rel=\"alternate\"/>",
        ),
    ] {
        assert!(
            std::panic::catch_unwind(|| read_sitemap(&bad)).is_err(),
            "accepted: {bad}"
        );
    }
}

#[test]
fn sitemap_entries_are_escaped_and_keep_their_alternates() {
    let entries: Vec<SitemapEntry> = vec![
        (
            "https://example.org/de/a&b/".into(),
            vec![
                ("de".into(), "https://example.org/de/a&b/".into()),
                ("en".into(), "https://example.org/en/\"<x>\"/".into()),
            ],
            Some("2026-11-24".into()),
        ),
        ("https://example.org/en/\u{1}x/".into(), Vec::new(), None),
    ];
    let xml = sitemap(&entries);
    assert!(
        xml.contains("<loc>https://example.org/de/a&amp;b/</loc>"),
        "{xml}"
    );
    let urls = read_sitemap(&xml);
    assert_eq!(
        urls,
        [
            Url {
                loc: "https://example.org/de/a&b/".into(),
                lastmod: Some("2026-11-24".into()),
                alternates: vec![
                    ("de".into(), "https://example.org/de/a&b/".into()),
                    ("en".into(), "https://example.org/en/\"<x>\"/".into()),
                ],
            },
            // A control character XML cannot hold is left out.
            Url {
                loc: "https://example.org/en/x/".into(),
                ..Url::default()
            },
        ]
    );
}

#[test]
fn a_built_sitemap_follows_the_protocol() {
    let site = SiteTest::fixture("i18n/basic")
        .write(
            "content/news/2026-11-30-neu.md",
            "+++\ntitle = \"Neu\"\nupdated = 2026-12-01\n+++\nText.\n",
        )
        .build_ok();
    let urls = read_sitemap(&site.file("public/sitemap.xml"));
    let new = urls
        .iter()
        .find(|u| u.loc == "https://example.org/site/de/news/neu/")
        .expect("the new page is listed");
    assert_eq!(new.lastmod.as_deref(), Some("2026-12-01"));
    let about = urls
        .iter()
        .find(|u| u.loc == "https://example.org/site/en/about-us/")
        .expect("about us");
    assert!(
        about.alternates.contains(&(
            "de".to_string(),
            "https://example.org/site/de/about/".to_string()
        )),
        "{about:?}"
    );
}

#[test]
fn atom_feeds_read_back_with_an_atom_parser() {
    let site = SiteTest::fixture("i18n/basic")
        .write(
            "content/news/2026-11-30-neu.md",
            "+++\ntitle = \"Neu & <wichtig>\"\ndescription = \"Kurz \\\"gesagt\\\"\"\nupdated = 2026-12-02\n+++\nText.\n",
        )
        .build_ok();
    let xml = site.file("public/de/news/atom.xml");
    let feed: atom_syndication::Feed = xml.parse().unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert_eq!(feed.lang(), Some("de"));
    assert_eq!(feed.id(), "https://example.org/site/de/news/atom.xml");
    assert!(
        feed.title().as_str().starts_with("Nachrichten – "),
        "{:?}",
        feed.title()
    );
    assert_eq!(feed.updated().to_rfc3339(), "2026-12-02T00:00:00+00:00");
    assert_eq!(feed.authors().len(), 1);
    let rel = |links: &[atom_syndication::Link], rel: &str| {
        links
            .iter()
            .find(|l| l.rel() == rel)
            .map(|l| l.href().to_string())
    };
    assert_eq!(
        rel(feed.links(), "self").as_deref(),
        Some("https://example.org/site/de/news/atom.xml")
    );
    assert_eq!(
        rel(feed.links(), "alternate").as_deref(),
        Some("https://example.org/site/de/news/")
    );
    let entries = feed.entries();
    assert!(entries.len() >= 2, "{xml}");
    // Newest first; the new entry's text comes back unescaped.
    let first = &entries[0];
    assert_eq!(first.title().as_str(), "Neu & <wichtig>");
    assert_eq!(first.id(), "https://example.org/site/de/news/neu/");
    assert_eq!(first.summary().map(|s| s.as_str()), Some("Kurz \"gesagt\""));
    assert_eq!(
        first.published().map(|d| d.to_rfc3339()).as_deref(),
        Some("2026-11-30T00:00:00+00:00")
    );
    assert_eq!(first.updated().to_rfc3339(), "2026-12-02T00:00:00+00:00");
    assert_eq!(
        rel(first.links(), "alternate"),
        Some(first.id().to_string())
    );
    for pair in entries.windows(2) {
        assert!(pair[0].published() >= pair[1].published(), "newest first");
    }
}
