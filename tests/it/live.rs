//! Per-edit work in `serve` is proportional to the edit (issues 6 and 7):
//! a one-page edit re-renders and re-checks the links of a few pages, not
//! of the whole site, and the link findings still equal a full build's.

use std::path::Path;

use vielfalt::build::{self, BuildOptions};
use vielfalt::diag::Diagnostic;
use vielfalt::serve::incremental::Engine;

use crate::harness::SiteTest;

/// Pages added to the fixture, so that "the whole site" is far more than
/// what one edit may touch.
const PAGES: usize = 40;

fn link_findings(diags: &[Diagnostic]) -> Vec<(String, Option<String>, String)> {
    let mut v: Vec<_> = diags
        .iter()
        .filter(|d| d.rule.starts_with("link/"))
        .map(|d| (d.rule.clone(), d.url.clone(), d.message.clone()))
        .collect();
    v.sort();
    v
}

fn full_build_links(site: &Path) -> Vec<(String, Option<String>, String)> {
    let out = tempfile::tempdir().expect("tempdir");
    let options = BuildOptions {
        output: Some(out.path().join("public")),
        ..BuildOptions::new(site)
    };
    link_findings(&build::run(&options).diagnostics)
}

fn site() -> SiteTest {
    let mut site = SiteTest::fixture("i18n/basic").write(
        "content/viele/_index.md",
        "+++\ntitle = \"Viele Seiten\"\n+++\n\nEine Liste.\n",
    );
    for i in 0..PAGES {
        site = site.write(
            &format!("content/viele/seite-{i}.md"),
            &format!(
                "+++\ntitle = \"Seite {i}\"\nweight = {i}\n+++\n\n## Teil\n\nText der Seite {i}. Weiter mit [der nächsten](@/viele/seite-{}.md).\n",
                (i + 1) % PAGES
            ),
        );
    }
    site
}

#[test]
fn a_one_page_edit_renders_and_link_checks_only_a_few_pages() {
    let site = site();
    let root = site.path().canonicalize().expect("root");
    let (mut engine, first) = Engine::new(BuildOptions::new(&root));
    assert!(first.full);
    assert!(!engine.has_errors(), "{:#?}", engine.diagnostics());
    assert!(
        first.pages_indexed > PAGES,
        "the lint index holds every page: {}",
        first.pages_indexed
    );
    assert_eq!(
        first.links_checked, first.pages_indexed,
        "the first build checks the links of every page"
    );

    // A body edit of one page that adds a link: its own slots, and the
    // link check of those pages only.
    let page = root.join("content/viele/seite-7.md");
    let text = std::fs::read_to_string(&page).expect("read");
    std::fs::write(
        &page,
        format!("{text}\nNoch ein Satz, siehe [Seite 30](@/viele/seite-30.md#teil).\n"),
    )
    .expect("write");
    let r = engine.update(std::slice::from_ref(&page));
    assert!(!r.full, "a body edit is not a full rebuild");
    assert!(r.slots <= 3, "rendered {} slots for one body edit", r.slots);
    assert!(
        r.links_checked <= 12 && r.links_checked * 10 < r.pages_indexed,
        "re-checked the links of {} of {} pages for a one-page edit",
        r.links_checked,
        r.pages_indexed
    );
    assert!(
        r.links_checked >= 1,
        "the edited page's links are re-checked"
    );
    assert_eq!(link_findings(engine.diagnostics()), full_build_links(&root));
}

#[test]
fn links_to_a_page_are_rechecked_when_it_appears_or_gets_the_anchor() {
    let site = site();
    let root = site.path().canonicalize().expect("root");
    let (mut engine, _) = Engine::new(BuildOptions::new(&root));
    let base = "de/viele/";
    assert!(
        engine
            .output()
            .contains_key(&format!("{base}seite-3/index.html")),
        "the German page is at {base}seite-3/"
    );
    // Links written as root-relative URLs (not `@/`), which only the
    // site-wide link check sees: to a page that does not exist yet, and to
    // an anchor it does not have yet.
    let linking = root.join("content/viele/seite-3.md");
    let text = std::fs::read_to_string(&linking).expect("read");
    std::fs::write(
        &linking,
        format!(
            "{text}\nSiehe [neu](/site/{base}neu/) und [dort](/site/{base}seite-20/#spaeter).\n"
        ),
    )
    .expect("write");
    engine.update(std::slice::from_ref(&linking));
    let found = link_findings(engine.diagnostics());
    assert_eq!(found, full_build_links(&root));
    assert!(
        found
            .iter()
            .any(|(rule, _, m)| rule == "link/broken" && m.contains("neu/")),
        "the link to the missing page is reported: {found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|(rule, _, m)| rule == "link/broken-anchor" && m.contains("spaeter")),
        "the missing anchor is reported: {found:#?}"
    );

    // The target page appears: the page linking to it is re-checked even
    // though it was not edited.
    let new = root.join("content/viele/neu.md");
    std::fs::write(&new, "+++\ntitle = \"Neu\"\n+++\n\nNeu hier.\n").expect("write");
    let r = engine.update(std::slice::from_ref(&new));
    assert!(!r.full);
    assert!(r.links_checked < r.pages_indexed / 2, "{r:?}");
    let found = link_findings(engine.diagnostics());
    assert_eq!(found, full_build_links(&root));
    assert!(
        !found.iter().any(|(_, _, m)| m.contains("neu/")),
        "the link to the new page is no longer broken: {found:#?}"
    );

    // The anchor appears on the target page.
    let target = root.join("content/viele/seite-20.md");
    let text = std::fs::read_to_string(&target).expect("read");
    std::fs::write(
        &target,
        format!("{text}\n## Später {{#spaeter}}\n\nMehr.\n"),
    )
    .expect("write");
    let r = engine.update(std::slice::from_ref(&target));
    assert!(r.links_checked < r.pages_indexed / 2, "{r:?}");
    let found = link_findings(engine.diagnostics());
    assert_eq!(found, full_build_links(&root));
    assert!(found.is_empty(), "every link resolves now: {found:#?}");
}
