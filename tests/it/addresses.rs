//! Addresses in the reader's script (issue 23): a page with an Arabic slug
//! is written to a folder of that name (NFC), linked with the IRI in HTML,
//! listed percent-encoded in the sitemap and the Atom feed, accepted by
//! the link check whether a link spells it raw or percent-encoded, and
//! served by `serve` for the percent-encoded request path.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use crate::harness::SiteTest;

/// خطوات-التنفيذ ("implementation steps"), percent-encoded UTF-8.
const STEPS: &str = "خطوات-التنفيذ";
const STEPS_URI: &str = "%D8%AE%D8%B7%D9%88%D8%A7%D8%AA-%D8%A7%D9%84%D8%AA%D9%86%D9%81%D9%8A%D8%B0";
/// الأخبار ("the news") and المفهوم-على-الإنترنت ("the concept online").
const NEWS_URI: &str = "%D8%A7%D9%84%D8%A3%D8%AE%D8%A8%D8%A7%D8%B1";
const ONLINE_URI: &str = "%D8%A7%D9%84%D9%85%D9%81%D9%87%D9%88%D9%85-%D8%B9%D9%84%D9%89-%D8%A7%D9%84%D8%A5%D9%86%D8%AA%D8%B1%D9%86%D8%AA";

fn arabic_site(home_links: &str) -> SiteTest {
    let human = "translation = \"human\"\nreviewed = true\n";
    SiteTest::fixture("i18n/basic")
        .write("content/steps.md", "+++\ntitle = \"Schritte\"\n+++\n\nDie Schritte.\n")
        .write(
            "content/steps.ar.md",
            &format!("+++\ntitle = \"خطوات التنفيذ\"\nslug = \"{STEPS}\"\n{human}+++\n\nالخطوات.\n"),
        )
        // The slug written decomposed (alef + hamza below, NFD): the
        // folder gets the composed letter إ (NFC).
        .write("content/access.md", "+++\ntitle = \"Zugang\"\n+++\n\nZugang.\n")
        .write(
            "content/access.ar.md",
            &format!("+++\ntitle = \"إمكانية الوصول\"\nslug = \"\u{627}\u{655}مكانية\"\n{human}+++\n\nالوصول.\n"),
        )
        .write(
            "content/news/_index.ar.md",
            &format!("+++\ntitle = \"الأخبار\"\nslug = \"الأخبار\"\n{human}+++\n\nالأخبار.\n"),
        )
        .write(
            "content/news/2026-11-24-online.ar.md",
            &format!("+++\ntitle = \"المفهوم على الإنترنت\"\nslug = \"المفهوم-على-الإنترنت\"\n{human}+++\n\n## البداية {{#start}}\n\nمنذ اليوم.\n"),
        )
        .write(
            "content/_index.ar.md",
            &format!("+++\ntitle = \"مرحبا\"\n{human}+++\n\nهذه [صفحة التعريف](@/about.md). {home_links}\n"),
        )
}

#[test]
fn a_native_script_page_is_built_linked_and_listed_percent_encoded() {
    let links = format!(
        "[الخطوات](@/steps.md) و[الخطوات مرة أخرى](/site/ar/{STEPS_URI}/) و[الخبر](/site/ar/{NEWS_URI}/{ONLINE_URI}/#start)"
    );
    let site = arabic_site(&links);
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(" with 0 warning(s) ") && run.stderr.lines().count() == 1,
        "the links, raw and percent-encoded, resolve:\n{}",
        run.stderr
    );
    assert!(site.exists(&format!("public/ar/{STEPS}/index.html")));
    let folders: Vec<String> = std::fs::read_dir(site.path().join("public/ar"))
        .expect("public/ar")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        folders.contains(&"\u{625}مكانية".to_string()),
        "the decomposed slug is written composed: {folders:?}"
    );
    assert!(!folders.contains(&"\u{627}\u{655}مكانية".to_string()));

    // The template's menu writes the IRI; pulldown-cmark writes the
    // Markdown link percent-encoded. HTML allows both.
    let home = site.file("public/ar/index.html");
    assert!(
        home.contains(&format!("href=\"/site/ar/{STEPS}/\"")),
        "{home}"
    );
    assert!(
        home.contains(&format!("<a href=\"/site/ar/{STEPS_URI}/\">الخطوات</a>")),
        "{home}"
    );

    // In the sitemap and the feed, a URI.
    let sitemap = site.file("public/sitemap.xml");
    let loc = format!("<loc>https://example.org/site/ar/{STEPS_URI}/</loc>");
    assert!(sitemap.contains(&loc), "{sitemap}");
    assert!(sitemap.contains(&format!(
        "hreflang=\"ar\" href=\"https://example.org/site/ar/{STEPS_URI}/\""
    )));
    assert!(
        sitemap.is_ascii(),
        "every address in the sitemap is percent-encoded"
    );
    let feed = site.file(&format!("public/ar/{}/atom.xml", "الأخبار"));
    let entry = format!("https://example.org/site/ar/{NEWS_URI}/{ONLINE_URI}/");
    assert!(feed.contains(&format!("<id>{entry}</id>")), "{feed}");
    assert!(feed.contains(&format!(
        "<link rel=\"alternate\" type=\"text/html\" href=\"{entry}\"/>"
    )));
    assert!(feed.contains(&format!(
        "<id>https://example.org/site/ar/{NEWS_URI}/atom.xml</id>"
    )));
}

#[test]
fn a_percent_encoded_link_to_no_page_is_broken() {
    // خطو, not خطوات: a page of that name does not exist.
    let site = arabic_site("[مكسور](/site/ar/%D8%AE%D8%B7%D9%88/)");
    let run = site.build();
    assert!(
        run.stderr.contains("link/broken") && run.stderr.contains("%D8%AE%D8%B7%D9%88"),
        "{}",
        run.stderr
    );
}

/// The whole answer to a GET: status line, headers and body.
fn exchange(addr: SocketAddr, path: &str) -> String {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    String::from_utf8_lossy(&out).into_owned()
}

#[test]
fn serve_answers_the_percent_encoded_address() {
    let site = arabic_site("");
    let server = crate::serve::start(&site);
    let addr = server.addr();
    // Steps: the page; the same letters sent decomposed (NFD); the folder
    // without its slash, sent on with an ASCII Location header.
    // serve writes the site at the root of its own address.
    let page = exchange(addr, &format!("/ar/{STEPS_URI}/"));
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("خطوات التنفيذ</h1>"), "{page}");
    let nfd = exchange(
        addr,
        "/ar/%D8%A7%D9%95%D9%85%D9%83%D8%A7%D9%86%D9%8A%D8%A9/",
    );
    assert!(nfd.starts_with("HTTP/1.1 200"), "{nfd}");
    let moved = exchange(addr, &format!("/ar/{STEPS_URI}"));
    assert!(moved.starts_with("HTTP/1.1 301"), "{moved}");
    assert!(
        moved
            .to_ascii_lowercase()
            .contains(&format!("location: /ar/{STEPS_URI}/").to_ascii_lowercase()),
        "{moved}"
    );
    server.stop();
}
