//! `vielfalt serve` and incremental rebuilds (issue 6): live edits reach the
//! browser with a reload event, errors show as an overlay and recover, the
//! server refuses to leave the output and survives bad and many clients,
//! and the incremental output equals a full build byte for byte.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use vielfalt::build::{self, BuildOptions};
use vielfalt::serve::incremental::Engine;
use vielfalt::serve::{self, ServeOptions};

use crate::harness::{SiteTest, walk};

const BOUND: Duration = Duration::from_secs(10);

pub(crate) fn start(site: &SiteTest) -> serve::Handle {
    let options = ServeOptions {
        port: 0,
        quiet: true,
        ..ServeOptions::new(site.path())
    };
    serve::start(&options).expect("server starts")
}

/// A raw HTTP/1.1 exchange: (status, body).
fn raw(addr: SocketAddr, request: &[u8]) -> (u16, String) {
    let mut s = TcpStream::connect(addr).expect("connect");
    s.set_read_timeout(Some(BOUND)).expect("timeout");
    s.write_all(request).expect("send");
    let mut out = Vec::new();
    let _ = s.read_to_end(&mut out);
    let text = String::from_utf8_lossy(&out).into_owned();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = text
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn get(addr: SocketAddr, path: &str) -> (u16, String) {
    raw(
        addr,
        format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").as_bytes(),
    )
}

/// Polls `path` until `ok` holds for its body, within BOUND.
fn wait_for(addr: SocketAddr, path: &str, ok: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let start = Instant::now();
    loop {
        let (status, body) = get(addr, path);
        if ok(status, &body) {
            return (status, body);
        }
        assert!(
            start.elapsed() < BOUND,
            "{path} did not change within {BOUND:?}; last: {status}\n{body}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Opens the reload event stream; lines arrive on the channel.
fn events(addr: SocketAddr) -> mpsc::Receiver<String> {
    let (tx, rx) = mpsc::channel();
    let mut s = TcpStream::connect(addr).expect("connect");
    s.write_all(b"GET /__vielfalt/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .expect("send");
    std::thread::spawn(move || {
        for line in BufReader::new(s).lines() {
            match line {
                Ok(l) => {
                    if tx.send(l).is_err() {
                        return;
                    }
                }
                Err(_) => return,
            }
        }
    });
    rx
}

fn wait_event(rx: &mpsc::Receiver<String>) {
    let start = Instant::now();
    while start.elapsed() < BOUND {
        if let Ok(line) = rx.recv_timeout(Duration::from_millis(100))
            && line == "event: reload"
        {
            return;
        }
    }
    panic!("no reload event within {BOUND:?}");
}

#[test]
fn edits_are_served_with_a_reload_event_errors_overlay_and_recover() {
    let site = SiteTest::fixture("i18n/basic");
    let server = start(&site);
    let addr = server.addr();
    assert!(addr.ip().is_loopback(), "binds to loopback by default");
    let (status, body) = get(addr, "/de/about/");
    assert_eq!(status, 200, "{body}");
    assert!(
        body.contains("EventSource(\"/__vielfalt/events\")"),
        "reload script injected"
    );
    assert!(!body.contains("vielfalt-errors"));
    // The output on disk (none) is not what is served: the script is only
    // added in serve mode.
    assert!(!site.exists("public"));

    let rx = events(addr);
    // Wait for the stream to be open (its header arrives first).
    let start = Instant::now();
    while rx
        .recv_timeout(Duration::from_millis(100))
        .map_or(true, |l| !l.starts_with("retry"))
    {
        assert!(start.elapsed() < BOUND, "event stream did not open");
    }
    let about = site.path().join("content/about.md");
    let text = std::fs::read_to_string(&about).expect("read");
    std::fs::write(&about, format!("{text}\nFrisch bearbeitet.\n")).expect("edit");
    wait_for(addr, "/de/about/", |s, b| {
        s == 200 && b.contains("Frisch bearbeitet.")
    });
    wait_event(&rx);

    // A bad edit: the last good page stays, with the error over it.
    std::fs::write(&about, "+++\ntitle = \"Über uns\nweight = 1\n+++\n").expect("break");
    let (_, body) = wait_for(addr, "/de/about/", |_, b| b.contains("vielfalt-errors"));
    assert!(
        body.contains("Frisch bearbeitet."),
        "last good version still served"
    );
    assert!(
        body.contains("content/about.md:2:"),
        "overlay names file:line:col:\n{body}"
    );
    assert!(server.has_errors());
    wait_event(&rx);

    // A good edit recovers.
    std::fs::write(&about, "+++\ntitle = \"Über uns\"\n+++\n\nWieder gut.\n").expect("fix");
    let (_, body) = wait_for(addr, "/de/about/", |_, b| b.contains("Wieder gut."));
    assert!(!body.contains("vielfalt-errors"), "overlay gone:\n{body}");

    // Deleting and renaming.
    let neu = site.path().join("content/neu.md");
    std::fs::write(&neu, "+++\ntitle = \"Neu\"\n+++\n\nNeue Seite.\n").expect("create");
    wait_for(addr, "/de/neu/", |s, b| {
        s == 200 && b.contains("Neue Seite.")
    });
    std::fs::rename(&neu, site.path().join("content/umbenannt.md")).expect("rename");
    wait_for(addr, "/de/umbenannt/", |s, b| {
        s == 200 && b.contains("Neue Seite.")
    });
    wait_for(addr, "/de/neu/", |s, _| s == 404);
    std::fs::remove_file(site.path().join("content/about.en.md")).expect("remove");
    wait_for(addr, "/en/about-us/", |s, _| s == 404);

    server.stop();
    assert!(
        TcpStream::connect_timeout(&addr, Duration::from_secs(1)).is_err(),
        "the port is closed after stop"
    );
}

#[test]
fn requests_outside_the_output_and_malformed_requests_are_refused() {
    let site = SiteTest::fixture("i18n/basic");
    let server = start(&site);
    let addr = server.addr();
    for path in [
        "/../site.toml",
        "/de/../../site.toml",
        "/%2e%2e/site.toml",
        "/%2e%2e%2fsite.toml",
        "/%252e%252e/site.toml",
        "/de/..%5c..%5csite.toml",
        "/de\\..\\..\\site.toml",
        "//etc/passwd",
        "/%00",
    ] {
        let (status, body) = get(addr, path);
        assert!(
            status == 400 || status == 404,
            "{path} gave {status}: {body}"
        );
        assert!(
            !body.contains("default_language"),
            "{path} leaked site.toml"
        );
    }
    // Files of the site folder that are not output are not served.
    assert_eq!(get(addr, "/site.toml").0, 404);
    assert_eq!(get(addr, "/content/about.md").0, 404);
    // Wrong method, garbage, a half request, an absurd header.
    assert_eq!(
        raw(
            addr,
            b"POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
        )
        .0,
        405
    );
    // HEAD: the answer's headers, no body.
    assert_eq!(
        raw(
            addr,
            b"HEAD /de/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        ),
        (200, String::new())
    );
    let (status, _) = raw(addr, b"\x00\x01\x02 garbage\r\n\r\n");
    assert_ne!(status, 200);
    {
        let mut s = TcpStream::connect(addr).expect("connect");
        s.write_all(b"GET /de/ HTTP/1.1\r\nHost:").expect("half");
    }
    let long = format!(
        "GET /{} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "a/".repeat(20_000)
    );
    let (status, _) = raw(addr, long.as_bytes());
    assert_ne!(status, 200);
    // Still serving.
    assert_eq!(get(addr, "/de/").0, 200);
    assert_eq!(get(addr, "/vielfalt.css").0, 200);
    server.stop();
}

#[test]
fn oversized_and_stalled_requests_hit_the_size_and_time_limits() {
    let site = SiteTest::fixture("i18n/basic");
    let server = start(&site);
    let addr = server.addr();
    // A head beyond 16 KiB is refused, not read on.
    let huge = format!(
        "GET /de/ HTTP/1.1\r\nHost: x\r\nX-Filler: {}\r\nConnection: close\r\n\r\n",
        "x".repeat(20_000)
    );
    assert_eq!(raw(addr, huge.as_bytes()).0, 431);
    // A client that stops halfway through its head is dropped after the
    // time limit (10 s), and others are served meanwhile.
    let started = Instant::now();
    let mut stalled = TcpStream::connect(addr).expect("connect");
    stalled
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    stalled
        .write_all(b"GET /de/ HTTP/1.1\r\nHost:")
        .expect("half");
    assert_eq!(get(addr, "/de/").0, 200);
    let mut rest = Vec::new();
    let _ = stalled.read_to_end(&mut rest);
    let waited = started.elapsed();
    assert!(
        (Duration::from_secs(9)..Duration::from_secs(20)).contains(&waited),
        "closed after {waited:?}"
    );
    assert!(
        !String::from_utf8_lossy(&rest).contains(" 200 "),
        "{}",
        String::from_utf8_lossy(&rest)
    );
    server.stop();
}

/// The request targets of tests/fixtures/hardening/traversal.txt.
fn traversal_targets() -> Vec<String> {
    let path = crate::harness::fixtures().join("hardening/traversal.txt");
    std::fs::read_to_string(&path)
        .expect("traversal.txt")
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_traversal_catalog_and_symlinks_never_leave_the_output() {
    const SECRET: &str = "GEHEIM-7f3a";
    let outside = tempfile::tempdir().expect("tempdir");
    std::fs::write(outside.path().join("passwd"), SECRET).expect("write");
    let site = SiteTest::fixture("i18n/basic").write("secret.txt", SECRET);
    // Links inside the site's static files to a file and a folder outside.
    let link = |name: &str, to: &Path| {
        let at = site.path().join("static").join(name);
        std::fs::create_dir_all(at.parent().expect("parent")).expect("static/");
        std::os::unix::fs::symlink(to, &at).expect("symlink");
    };
    link("geheim.txt", &site.path().join("secret.txt"));
    link("link-to-outside", outside.path());
    let server = start(&site);
    let addr = server.addr();
    let targets = traversal_targets();
    assert!(targets.len() >= 40, "{} targets", targets.len());
    let home = get(addr, "/").1;
    for target in targets.iter().map(String::as_str).chain(["/geheim.txt"]) {
        let (status, body) = raw(
            addr,
            format!("GET {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                .as_bytes(),
        );
        assert!(
            !body.contains(SECRET) && !body.contains("default_language") && !body.contains("root:"),
            "{target} leaked a file from outside the output: {status}\n{body}"
        );
        // A query means nothing to a static site, and a fragment is no
        // part of a path (the HTTP parser drops it): `/?/../site.toml` and
        // `/#/../site.toml` are the home page, no file outside the output.
        if target.starts_with("/?") || target.starts_with("/#") {
            assert_eq!((status, &body), (200, &home), "{target}");
            continue;
        }
        assert!(
            [400, 403, 404].contains(&status),
            "{target} gave {status}: {body}"
        );
    }
    server.stop();
}

#[test]
fn a_thousand_concurrent_connections_and_malformed_requests_are_served() {
    const CONNECTIONS: usize = 1000;
    let site = SiteTest::fixture("i18n/basic");
    let server = start(&site);
    let addr = server.addr();
    assert!(addr.ip().is_loopback());
    let started = Instant::now();
    // Open all connections first, so that all are open at once, then send
    // on each (every tenth a malformed request), then read every answer.
    let mut streams: Vec<TcpStream> = (0..CONNECTIONS)
        .map(|i| TcpStream::connect(addr).unwrap_or_else(|e| panic!("connection {i}: {e}")))
        .collect();
    for (i, s) in streams.iter_mut().enumerate() {
        s.set_read_timeout(Some(BOUND)).expect("timeout");
        let request: &[u8] = if i % 10 == 9 {
            b"GET /de/\x01 HTTP/1.1\r\n\r\n"
        } else {
            b"GET /de/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
        };
        s.write_all(request).expect("send");
    }
    let mut statuses = std::collections::BTreeMap::new();
    for (i, mut s) in streams.into_iter().enumerate() {
        let mut out = Vec::new();
        let _ = s.read_to_end(&mut out);
        let text = String::from_utf8_lossy(&out);
        let status = text.split_whitespace().nth(1).unwrap_or("none").to_string();
        let want = if i % 10 == 9 { "400" } else { "200" };
        assert_eq!(status, want, "connection {i}: {text}");
        *statuses.entry(status).or_insert(0) += 1;
    }
    eprintln!(
        "serve: {CONNECTIONS} connections at once answered in {:?}: {statuses:?}",
        started.elapsed()
    );
    assert!(started.elapsed() < Duration::from_secs(60), "too slow");
    // Still serving.
    assert_eq!(get(addr, "/de/").0, 200);
    server.stop();
}

/// The output of a full `vielfalt build` of the site, as (path, bytes).
pub(crate) fn full_build(site: &Path, out: &Path) -> Vec<(String, Vec<u8>)> {
    let options = BuildOptions {
        output: Some(out.to_path_buf()),
        ..BuildOptions::new(site)
    };
    let outcome = build::run(&options);
    assert!(
        outcome.written,
        "the full build failed: {:#?}",
        outcome.diagnostics
    );
    let mut files: Vec<(String, Vec<u8>)> = walk(out)
        .into_iter()
        .map(|p| {
            let rel = p
                .strip_prefix(out)
                .expect("under out")
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read(&p).expect("read"))
        })
        .collect();
    files.sort();
    files
}

pub(crate) fn engine_files(engine: &Engine) -> Vec<(String, Vec<u8>)> {
    engine
        .output()
        .iter()
        .map(|(k, v)| (k.clone(), v.to_vec()))
        .collect()
}

fn assert_same(engine: &Engine, site: &Path, step: &str) {
    assert!(!engine.has_errors(), "{step}: {:#?}", engine.diagnostics());
    // The findings equal those of an engine that starts from scratch
    // (status, duplicate titles, links), not only the files.
    let (fresh, _) = Engine::new(BuildOptions::new(site));
    assert_eq!(
        engine.diagnostics(),
        fresh.diagnostics(),
        "{step}: the same findings as a fresh start"
    );
    let out = tempfile::tempdir().expect("tempdir");
    let full = full_build(site, &out.path().join("public"));
    let inc = engine_files(engine);
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&inc), names(&full), "{step}: the same files");
    for ((name, a), (_, b)) in inc.iter().zip(full.iter()) {
        assert!(
            a == b,
            "{step}: {name} differs\n--- incremental\n{}\n--- full\n{}",
            String::from_utf8_lossy(a),
            String::from_utf8_lossy(b)
        );
    }
}

#[test]
fn incremental_rebuilds_equal_a_full_build_after_a_series_of_edits() {
    let site = SiteTest::fixture("i18n/basic");
    let root = site.path().canonicalize().expect("root");
    let (mut engine, report) = Engine::new(BuildOptions::new(&root));
    assert!(report.full);
    assert_same(&engine, &root, "start");
    let p = |rel: &str| -> PathBuf { root.join(rel) };
    let edit = |rel: &str, f: &dyn Fn(String) -> String| {
        let path = root.join(rel);
        let text = std::fs::read_to_string(&path).expect("read");
        std::fs::write(&path, f(text)).expect("write");
    };

    // 1. A body edit re-renders only that page's slots.
    edit("content/news/2026-11-24-online.md", &|t| {
        format!("{t}\nNoch ein Satz.\n")
    });
    let r = engine.update(&[p("content/news/2026-11-24-online.md")]);
    assert!(!r.full, "a body edit is not a full rebuild");
    assert!(r.slots <= 3, "rendered {} slots for one body edit", r.slots);
    assert_same(&engine, &root, "body edit");

    // 2. A title edit of a listed page: its section list follows.
    edit("content/news/2026-11-24-online.md", &|t| {
        t.replacen("title = \"", "title = \"Neu: ", 1)
    });
    engine.update(&[p("content/news/2026-11-24-online.md")]);
    assert_same(&engine, &root, "title edit");

    // 3. A slug change: pages linking to it with @/ follow.
    edit("content/news/2026-11-24-online.en.md", &|t| {
        t.replacen("+++\n", "+++\nslug = \"we-are-live\"\n", 1)
    });
    let r = engine.update(&[p("content/news/2026-11-24-online.en.md")]);
    assert!(!r.full);
    assert_same(&engine, &root, "slug change");

    // 4. A new page, a new translation, a deleted translation.
    std::fs::write(
        p("content/news/2026-11-26-zweiter.md"),
        "+++\ntitle = \"Zweiter Beitrag\"\n+++\n\nSiehe [Über uns](@/about.md).\n",
    )
    .expect("write");
    std::fs::write(
        p("content/about.ar.easy.md"),
        "+++\ntitle = \"عنا\"\n+++\n\nنص.\n",
    )
    .expect("write");
    std::fs::remove_file(p("content/about.ar.md")).expect("remove");
    engine.update(&[
        p("content/news/2026-11-26-zweiter.md"),
        p("content/about.ar.easy.md"),
        p("content/about.ar.md"),
    ]);
    assert_same(&engine, &root, "add and delete");

    // 5. A renamed folder.
    std::fs::rename(p("content/news/archive"), p("content/news/altes")).expect("rename");
    engine.update(&[p("content/news/archive"), p("content/news/altes")]);
    assert_same(&engine, &root, "renamed folder");

    // 6. Editing an original makes its translations outdated.
    edit("content/about.md", &|t| format!("{t}\nGeändert.\n"));
    engine.update(&[p("content/about.md")]);
    assert_same(&engine, &root, "original edit");

    // 6b. A stamped translation, then its original edited in place: the
    // translation becomes outdated (a notice and a warning).
    vielfalt::scaffold::stamp(&root, &p("content/about.en.md")).expect("stamp");
    engine.update(&[p("content/about.en.md")]);
    assert_same(&engine, &root, "stamped translation");
    edit("content/about.md", &|t| {
        format!("{t}\nNoch einmal geändert.\n")
    });
    let r = engine.update(&[p("content/about.md")]);
    assert!(!r.full && r.slots <= 6, "only the slots of about.md: {r:?}");
    assert!(
        engine
            .diagnostics()
            .iter()
            .any(|d| d.rule == "translation/outdated"),
        "{:#?}",
        engine.diagnostics()
    );
    assert_same(&engine, &root, "original of a stamped translation edited");

    // 6c. A title change of a page in the menu of every page; a weight
    // change that reorders the menu; a title change of a listed page.
    edit("content/about.md", &|t| {
        t.replacen("title = \"Über uns\"", "title = \"Wer wir sind\"", 1)
    });
    engine.update(&[p("content/about.md")]);
    assert_same(&engine, &root, "menu title edit");
    edit("content/about.en.md", &|t| {
        t.replacen("weight = 1", "weight = 9", 1)
    });
    engine.update(&[p("content/about.en.md")]);
    assert_same(&engine, &root, "menu weight edit");
    edit("content/news/altes/old.md", &|t| {
        t.replacen("title = \"", "title = \"Alt: ", 1)
    });
    let r = engine.update(&[p("content/news/altes/old.md")]);
    assert!(
        !r.full,
        "a listed page's title changes its lists, not every page"
    );
    assert_same(&engine, &root, "listed title edit");

    // 6d. A page deleted (one update), then created again (the next), and
    // a save that changes nothing.
    let old = p("content/news/altes/old.md");
    let saved = std::fs::read_to_string(&old).expect("read");
    std::fs::remove_file(&old).expect("remove");
    engine.update(std::slice::from_ref(&old));
    assert_same(&engine, &root, "page deleted");
    std::fs::write(&old, &saved).expect("re-create");
    engine.update(std::slice::from_ref(&old));
    assert_same(&engine, &root, "page created again");
    let r = engine.update(std::slice::from_ref(&old));
    assert_eq!(r.slots, 0, "an unchanged file renders nothing: {r:?}");
    assert_same(&engine, &root, "unchanged save");

    // 6e. A page deep in a section becomes the accessibility statement
    // (every page links to it), then stops being it.
    edit("content/news/altes/old.md", &|t| {
        t.replacen("+++\n", "+++\ntemplate = \"accessibility.html\"\n", 1)
    });
    let r = engine.update(&[p("content/news/altes/old.md")]);
    assert!(r.full, "every page links to the statement: {r:?}");
    assert_same(&engine, &root, "page becomes the statement");
    edit("content/news/altes/old.md", &|t| {
        t.replacen("template = \"accessibility.html\"\n", "", 1)
    });
    let r = engine.update(&[p("content/news/altes/old.md")]);
    assert!(r.full, "every page linked to the statement: {r:?}");
    assert_same(&engine, &root, "page is no longer the statement");

    // 7. A Fluent message and a template.
    edit("locales/en/site.ftl", &|t| {
        t.replace("Example Town", "Sample Town")
    });
    engine.update(&[p("locales/en/site.ftl")]);
    assert_same(&engine, &root, "locale edit");
    let page = site.path().join("templates/page.html");
    std::fs::create_dir_all(page.parent().expect("parent")).expect("mkdir");
    std::fs::write(
        &page,
        "{% extends \"base.html\" %}\n{% block content %}<h1>{{ page.title }}</h1>\n<p class=\"custom\">x</p>\n{{ page.content | safe }}{% endblock content %}\n",
    )
    .expect("template");
    engine.update(std::slice::from_ref(&page));
    assert_same(&engine, &root, "template added");

    // 8. A bad edit, then a fix: the engine follows the files on disk.
    edit("content/about.md", &|_| {
        "+++\ntitle = \"kaputt\n+++\n".to_string()
    });
    engine.update(&[p("content/about.md")]);
    assert!(engine.has_errors(), "the bad edit is reported");
    edit("content/about.md", &|_| {
        "+++\ntitle = \"Über uns\"\n+++\n\nRepariert.\n".to_string()
    });
    engine.update(&[p("content/about.md")]);
    assert_same(&engine, &root, "after a fix");

    // 9. site.toml: a full rebuild.
    edit("site.toml", &|t| {
        t.replace("name = \"English\"", "name = \"English (UK)\"")
    });
    let r = engine.update(&[p("site.toml")]);
    assert!(r.full);
    assert_same(&engine, &root, "config edit");
}
