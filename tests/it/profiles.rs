//! Audiences and profiles (issue 25, docs/content/profiles.md): one source,
//! a public and an intranet build, and the leak guard between them.
//!
//! The fixture `profiles/mixed` has a public site in German, English and
//! Arabic with a Leichte Sprache variant, an intranet section (`intern/`,
//! with its translation, its easy variant and an image only it uses) and
//! an intranet-only update in the otherwise public `news/` section.

use std::path::Path;

use vielfalt::build::{self, BuildOptions};
use vielfalt::profile::{Guard, READERS, hold_back};

use super::harness::{SiteTest, copy_dir};

/// The files of the fixture that are for staff only.
const INTRANET_FILES: &[&str] = &[
    "content/intern/_index.md",
    "content/intern/_index.en.md",
    "content/intern/_index.easy.md",
    "content/intern/fortbildung.md",
    "content/intern/ablauf.svg",
    "static/grafiken/zustaendigkeiten.svg",
    "content/news/2026-11-25-dienstanweisung.md",
    "content/news/2026-11-25-dienstanweisung.en.md",
];

fn mixed() -> SiteTest {
    SiteTest::fixture("profiles/mixed")
}

fn rules(stderr: &str, rule: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|l| l.contains(&format!("[{rule}]")))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_public_build_has_nothing_of_the_intranet() {
    let site = mixed();
    let run = site.build();
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.exists("public/de/news/online/index.html"));
    for gone in [
        "public/de/intern/index.html",
        "public/en/intern/index.html",
        "public/de/leichte-sprache/intern/index.html",
        "public/de/intern/fortbildung/index.html",
        "public/de/news/dienstanweisung/index.html",
        "public/intern/ablauf.svg",
        "public/grafiken/zustaendigkeiten.svg",
    ] {
        assert!(!site.exists(gone), "{gone} must not be written");
    }
    let list = site.file("public/de/news/index.html");
    assert!(list.contains("Wir sind online"));
    assert!(!list.contains("Dienstanweisung"));
    assert!(
        !site
            .file("public/de/about/index.html")
            .contains("Beschäftigte")
    );
    assert!(!site.file("public/sitemap.xml").contains("intern"));
    assert!(
        !site
            .file("public/de/news/atom.xml")
            .contains("Dienstanweisung")
    );
    assert!(
        !site
            .file("public/en/news/atom.xml")
            .contains("service instruction")
    );
    assert_eq!(
        site.file("public/robots.txt"),
        "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n"
    );
    assert!(!site.file("public/de/index.html").contains("profile-banner"));
    assert!(!site.file("public/index.html").contains("noindex"));
    let statement = site.file("public/de/barrierefreiheit/index.html");
    assert!(
        statement.contains(
            "<p>Diese Erklärung gilt für die Website „\u{2068}Beispielstadt\u{2069}“.</p>"
        )
    );
    assert!(statement.contains("mailto:barrierefrei@example.org"));
}

#[test]
fn the_intranet_build_is_marked_and_kept_out_of_search_engines() {
    let site = mixed();
    let run = site.run(&["build", "--profile", "intranet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let section = site.file("public/de/intern/index.html");
    assert!(section.contains("<h1>Für Beschäftigte</h1>"), "{section}");
    assert!(section.contains(r#"<meta name="robots" content="noindex">"#));
    assert!(section.contains(
        r#"<p class="profile-banner">Intern: nur für Beschäftigte der Beispielstadt</p>"#
    ));
    assert!(
        site.file("public/ar/index.html")
            .contains(r#"<p class="profile-banner">داخلي: لموظفي مدينة المثال فقط</p>"#)
    );
    assert!(
        site.file("public/en/intern/index.html")
            .contains(r#"<link rel="canonical" href="https://intranet.example.org/en/intern/">"#)
    );
    assert!(site.exists("public/intern/ablauf.svg"));
    assert!(site.exists("public/grafiken/zustaendigkeiten.svg"));
    assert!(
        site.file("public/de/news/index.html")
            .contains("Neue Dienstanweisung")
    );
    assert_eq!(
        site.file("public/robots.txt"),
        "User-agent: *\nDisallow: /\n"
    );
    assert!(
        !site.exists("public/sitemap.xml"),
        "no sitemap unless asked"
    );
    // The chooser and the 404 page too.
    for root_page in ["public/index.html", "public/404.html"] {
        let html = site.file(root_page);
        assert!(
            html.contains(r#"<meta name="robots" content="noindex">"#),
            "{root_page}"
        );
        assert!(
            html.contains(
                r#"<p class="profile-banner">Intern: nur für Beschäftigte der Beispielstadt</p>"#
            ),
            "{root_page}"
        );
    }
    // The statement's scope and contact are the intranet's.
    let statement = site.file("public/de/barrierefreiheit/index.html");
    assert!(
        statement.contains(
            "<p>Diese Erklärung gilt für das Intranet „\u{2068}Beispielstadt\u{2069}“.</p>"
        )
    );
    assert!(statement.contains("mailto:barrierefrei-intern@example.org"));
    assert!(!statement.contains("mailto:barrierefrei@example.org"));
}

#[test]
fn public_output_is_byte_identical_without_the_intranet_pages() {
    let with = mixed().build_ok();
    let mut without = mixed();
    for file in INTRANET_FILES {
        without = without.remove(file);
    }
    let without = without.build_ok();
    let (a, b) = (with.tree("public"), without.tree("public"));
    let names = |t: &[(String, Vec<u8>)]| t.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&a), names(&b));
    for ((name, x), (_, y)) in a.iter().zip(&b) {
        assert!(x == y, "{name} differs");
    }
}

#[test]
fn check_all_profiles_checks_each() {
    let site = mixed();
    let run = site.run(&["check", "--all-profiles"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("vielfalt check: profile `intranet`"));
    assert!(run.stderr.contains("vielfalt check: profile `public`"));
    let unknown = site.run(&["build", "--profile", "intranett"]);
    assert_eq!(unknown.code, 1);
    assert!(
        unknown.stderr.contains("there is no profile `intranett`")
            && unknown.stderr.contains("did you mean `intranet`?"),
        "{}",
        unknown.stderr
    );
}

/// Audience faults, each at the line and column of its `audience` key.
#[test]
fn audiences_may_only_narrow_and_must_be_known() {
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "a translation more public than its original",
            "content/intern/_index.en.md",
            "+++\ntitle = \"For staff\"\naudience = [\"public\", \"intranet\"]\n+++\n\nText.\n",
            "error[content/audience-wider]: the page is for `public`, but its original is only for intranet\n  --> content/intern/_index.en.md:3:1",
        ),
        (
            "a variant more public than its original",
            "content/intern/_index.easy.md",
            "+++\ntitle = \"Für die Mitarbeiter\"\n\naudience = [\"public\"]\n+++\n\nText.\n",
            "error[content/audience-wider]: the page is for `public`, but its original is only for intranet\n  --> content/intern/_index.easy.md:4:1",
        ),
        (
            "a page more public than its section",
            "content/intern/offen.md",
            "+++\ntitle = \"Offen\"\naudience = [\"public\"]\n+++\n\nText.\n",
            "error[content/audience-wider]: the page is for `public`, but its section is only for intranet\n  --> content/intern/offen.md:3:1",
        ),
        (
            "an audience no profile has",
            "content/about.md",
            "+++\ntitle = \"Über uns\"\naudience = [\"presse\"]\n+++\n\nText.\n",
            "error[content/unknown-audience]: the audience `presse` is in no profile of site.toml\n  --> content/about.md:3:1",
        ),
    ];
    for (what, file, text, expected) in cases {
        let site = mixed().write(file, text);
        let run = site.run(&["check", "--profile", "intranet"]);
        assert_eq!(run.code, 1, "{what}: {}", run.stderr);
        assert!(run.stderr.contains(expected), "{what}:\n{}", run.stderr);
    }
}

#[test]
fn pages_inherit_their_sections_and_originals_audience() {
    // No `audience` of their own: the English page and the easy variant
    // follow their original, the page in `intern/` its section.
    let site = mixed();
    let run = site.run(&["build", "--profile", "intranet"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(site.exists("public/de/intern/fortbildung/index.html"));
    assert!(site.exists("public/de/leichte-sprache/intern/index.html"));
    let site = site.build_ok();
    assert!(!site.exists("public/en/intern/index.html"));
    assert!(!site.exists("public/de/leichte-sprache/intern/index.html"));
    assert!(!site.exists("public/de/intern/fortbildung/index.html"));
}

#[test]
fn a_link_across_audiences_is_an_error_at_its_place() {
    let site = mixed().write(
        "content/about.md",
        "+++\ntitle = \"Über uns\"\n+++\n\nZur [Fortbildung](@/intern/fortbildung.md).\n\n\
         Zu <a href=\"/en/intern/\">staff</a> und [Meldung](https://example.org/de/news/dienstanweisung/#a).\n",
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = rules(&run.stderr, "link/excluded-page");
    assert_eq!(found.len(), 3, "{}", run.stderr);
    for (target, place) in [
        ("`@/intern/fortbildung.md`", "content/about.md:5:5"),
        ("to /en/intern/", "content/about.md:7:13"),
        ("to /de/news/dienstanweisung/", "content/about.md:7:69"),
    ] {
        let at = run
            .stderr
            .find(&format!("[link/excluded-page]: the link {target}"))
            .unwrap_or_else(|| panic!("{target}: {}", run.stderr));
        let next = &run.stderr[at..];
        assert!(
            next.lines().nth(1).is_some_and(|l| l.ends_with(place)),
            "{target} at {place}:\n{}",
            run.stderr
        );
    }
    assert!(run.stderr.contains("was left as it was") || !site.exists("public"));
}

/// The left-out pages of the public build of `site`, and its output.
fn public_output(site: &SiteTest) -> (Guard, tempfile::TempDir) {
    let out = tempfile::tempdir().expect("tempdir");
    let options = BuildOptions {
        output: Some(out.path().join("public")),
        ..BuildOptions::new(site.path())
    };
    let outcome = build::run(&options);
    assert!(outcome.written, "{:#?}", outcome.diagnostics);
    let mut diags = Vec::new();
    let loaded = build::load(&options, &mut diags).expect("loads");
    let (_, held_back) = hold_back(loaded.theme.static_files(), &loaded.site);
    assert_eq!(held_back, ["grafiken/zustaendigkeiten.svg"]);
    let guard =
        Guard::new(&loaded.site.excluded, &held_back).expect("the public build leaves pages out");
    (guard, out)
}

fn files(dir: &Path) -> Vec<String> {
    super::harness::walk(dir)
        .into_iter()
        .map(|p| {
            p.strip_prefix(dir)
                .expect("below")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

/// Each kind of leak, planted into a copy of the real public output as the
/// part of the site that would carry it writes it, is found and named.
#[test]
fn the_scan_finds_a_planted_leak_of_each_kind() {
    let site = mixed();
    let (guard, out) = public_output(&site);
    let clean = out.path().join("public");
    assert_eq!(
        guard.scan(&clean, &files(&clean), READERS),
        vec![],
        "the real public output is clean"
    );
    // (kind, output file, what is put in, what must be named)
    let plants: &[(&str, &str, &str, &str)] = &[
        (
            "menu",
            "de/about/index.html",
            "<nav><ul><li><a href=\"/de/intern/\">Für Beschäftigte</a></li></ul></nav>",
            "`/de/intern`",
        ),
        (
            "list page",
            "de/news/index.html",
            "<li><a href=\"/de/news/dienstanweisung/\">Neue Dienstanweisung</a></li>",
            "`Neue Dienstanweisung`",
        ),
        (
            "sitemap",
            "sitemap.xml",
            "<url><loc>https://example.org/en/intern/</loc></url>",
            "`/en/intern`",
        ),
        (
            "feed",
            "en/news/atom.xml",
            "<entry><title>New service instruction</title></entry>",
            "`New service instruction`",
        ),
        (
            "hreflang",
            "de/index.html",
            "<link rel=\"alternate\" hreflang=\"en\" href=\"https://example.org/en/news/dienstanweisung/\">",
            "`/en/news/dienstanweisung`",
        ),
        (
            "chooser",
            "index.html",
            "<li><a href=\"/de/leichte-sprache/intern/\" lang=\"de\">Leichte Sprache</a></li>",
            "`/de/leichte-sprache/intern`",
        ),
        (
            "glossary link",
            "de/leichte-sprache/index.html",
            "<a class=\"glossary-term\" href=\"/de/intern/fortbildung/#ablauf\">Fortbildung</a>",
            "`/de/intern/fortbildung`",
        ),
        (
            "status report",
            "status/index.html",
            "<tr><th scope=\"row\">intern/fortbildung.md</th><td>original</td></tr>",
            "`intern/fortbildung.md`",
        ),
        (
            "raw HTML link",
            "en/about-us/index.html",
            "<p>See <a href='/de/intern/#top'>here</a>.</p>",
            "`/de/intern`",
        ),
        (
            "static file",
            "intern/ablauf.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "`/intern/ablauf.svg`",
        ),
        (
            "site static file",
            "grafiken/zustaendigkeiten.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
            "`/grafiken/zustaendigkeiten.svg`",
        ),
    ];
    for (kind, file, planted, named) in plants {
        let copy = tempfile::tempdir().expect("tempdir");
        copy_dir(&clean, copy.path());
        let path = copy.path().join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        let mut text = std::fs::read_to_string(&path).unwrap_or_default();
        text.push_str(planted);
        std::fs::write(&path, text).expect("plant");
        let found = guard.scan(copy.path(), &files(copy.path()), READERS);
        assert!(!found.is_empty(), "{kind}: not caught");
        assert!(
            found.iter().all(|d| d.rule == "profile/leak"
                && d.message.starts_with(&format!("the output file {file} "))),
            "{kind}: {found:#?}"
        );
        assert!(
            found.iter().any(|d| d.message.contains(named)),
            "{kind}: {named} not named in {found:#?}"
        );
    }
}

/// Compressed output (the search index's gzip files, a PDF's Flate
/// streams) is searched inside: a left-out address planted there is found.
#[test]
fn the_scan_reads_compressed_search_index_files_and_pdf_streams() {
    use std::io::Write;
    let site = mixed();
    let (guard, out) = public_output(&site);
    let clean = out.path().join("public");
    let fragment = {
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(b"pagefind_dcd{\"url\":\"/de/intern/\",\"content\":\"...\"}")
            .expect("gzip");
        gz.finish().expect("gzip")
    };
    let pdf = {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        z.write_all(b"<< /S /URI /URI (https://example.org/en/intern/) >>")
            .expect("zlib");
        let mut pdf = b"%PDF-1.7\n1 0 obj\n<< /Length 9 >>\nstream\nnot zlib\nendstream\nendobj\n2 0 obj\n<< /Filter /FlateDecode >>\nstream\n".to_vec();
        pdf.extend(z.finish().expect("zlib"));
        pdf.extend_from_slice(b"\nendstream\nendobj\n%%EOF\n");
        pdf
    };
    for (file, bytes, named) in [
        (
            "pagefind/fragment/de_1a2b.pf_fragment",
            fragment,
            "`/de/intern`",
        ),
        ("de/dokument.pdf", pdf, "`/en/intern`"),
    ] {
        let copy = tempfile::tempdir().expect("tempdir");
        copy_dir(&clean, copy.path());
        let path = copy.path().join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, bytes).expect("plant");
        let found = guard.scan(copy.path(), &files(copy.path()), READERS);
        assert!(
            found.iter().any(|d| d.rule == "profile/leak"
                && d.message.starts_with(&format!("the output file {file} "))
                && d.message.contains(named)),
            "{file}: {named} not found in {found:#?}"
        );
    }
}

/// A leak the build itself makes (here: a site template that writes a
/// left-out page's address) fails the build and keeps the old output.
#[test]
fn a_leaking_build_keeps_the_previous_output() {
    let site = mixed().build_ok();
    let before = site.tree("public");
    let template = site.file("public/de/about/index.html");
    assert!(!template.is_empty());
    let site = site.write(
        "templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ page.title }}</h1>{{ page.content | safe }}<p><a href=\"/de/intern/\">Intern</a></p>{% endblock content %}",
    );
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("error[profile/leak]: the output file de/about/index.html contains `/de/intern`, the address of content/intern/_index.md"),
        "{}",
        run.stderr
    );
    assert_eq!(site.tree("public"), before, "the previous output is kept");
}

/// The shipped Bielefeld site: the public build (the default) has no page
/// for staff; the intranet build has them, and its Leichte Sprache page
/// passes the checks with a margin; `check --all-profiles` runs.
#[test]
fn the_shipped_site_builds_its_public_site_and_its_intranet() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = tempfile::tempdir().expect("tempdir");
    let build = |profile: Option<&str>, to: &str| {
        let options = BuildOptions {
            output: Some(out.path().join(to)),
            profile: profile.map(str::to_string),
            base_url: Some("https://integration.example".into()),
            ..BuildOptions::new(root)
        };
        let outcome = build::run(&options);
        let errors: Vec<_> = outcome
            .diagnostics
            .iter()
            .filter(|d| d.is_error())
            .collect();
        assert!(
            outcome.written && errors.is_empty(),
            "{profile:?}: {errors:#?}"
        );
        outcome
    };
    build(None, "public");
    assert!(!out.path().join("public/de/intern").exists());
    build(Some("intranet"), "intranet");
    let easy = std::fs::read_to_string(
        out.path()
            .join("intranet/de/leichte-sprache/intern/index.html"),
    )
    .expect("the easy page for staff");
    assert!(easy.contains("Intern: nur für die Beschäftigten der Stadt Bielefeld"));

    let check = build::run(&BuildOptions {
        write: false,
        profile: Some("intranet".into()),
        ..BuildOptions::new(root)
    });
    let page = check
        .plain
        .readability
        .iter()
        .find(|r| r.file.ends_with("content/intern/_index.easy.md"))
        .expect("figures of the easy page for staff");
    let json = serde_json::to_value(page).expect("serialises");
    for score in json["scores"].as_array().expect("scores") {
        let value = score["value"].as_f64().expect("value");
        match score["formula"].as_str() {
            Some("flesch-amstad") => assert!(value >= 75.0, "{score}"),
            Some("wiener-sachtextformel-1") => assert!(value <= 4.0, "{score}"),
            other => panic!("unexpected formula {other:?}"),
        }
    }
    let findings: Vec<_> = check
        .diagnostics
        .iter()
        .filter(|d| {
            d.file
                .as_ref()
                .is_some_and(|f| f.starts_with("content/intern"))
        })
        .collect();
    assert!(findings.is_empty(), "{findings:#?}");
    // What the city must fill in is reported, not invented.
    for key in ["base_url", "contact_email", "contact_url"] {
        assert!(
            check
                .diagnostics
                .iter()
                .any(|d| d.rule == "config/profile-incomplete"
                    && d.message == format!("[profiles.intranet] {key} is empty")),
            "{key}"
        );
    }
    let all = std::process::Command::new(env!("CARGO_BIN_EXE_vielfalt"))
        .args(["check", "--all-profiles", "--root"])
        .arg(root)
        .output()
        .expect("runs");
    assert_eq!(
        all.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&all.stderr)
    );
}

/// `serve --profile`: the engine previews a profile's pages, and an edit
/// that changes a page's audience gives what a fresh build gives.
#[test]
fn serve_previews_a_profile_and_follows_an_audience_edit() {
    let site = mixed();
    let root = site.path().canonicalize().expect("root");
    let options = |profile: Option<&str>| BuildOptions {
        profile: profile.map(str::to_string),
        ..BuildOptions::new(&root)
    };
    let (intranet, _) = vielfalt::serve::incremental::Engine::new(options(Some("intranet")));
    assert!(intranet.output().get("de/intern/index.html").is_some());
    let (mut public, _) = vielfalt::serve::incremental::Engine::new(options(None));
    assert!(public.output().get("de/intern/index.html").is_none());
    assert!(
        public
            .output()
            .get("de/news/dienstanweisung/index.html")
            .is_none()
    );

    // The update for staff becomes public: its `audience` line goes.
    let update = root.join("content/news/2026-11-25-dienstanweisung.md");
    let text = std::fs::read_to_string(&update).expect("read");
    std::fs::write(&update, text.replace("audience = [\"intranet\"]\n", "")).expect("write");
    public.update(&[update]);
    assert!(
        public
            .output()
            .get("de/news/dienstanweisung/index.html")
            .is_some()
    );
    assert!(
        public
            .output()
            .get("en/news/dienstanweisung/index.html")
            .is_some()
    );
    let out = tempfile::tempdir().expect("tempdir");
    let full = crate::serve::full_build(&root, &out.path().join("public"));
    let served = crate::serve::engine_files(&public);
    let names = |v: &[(String, Vec<u8>)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
    assert_eq!(names(&served), names(&full));
    for ((name, a), (_, b)) in served.iter().zip(&full) {
        assert!(a == b, "{name} differs between serve and build");
    }
}
