//! The HTML lint on any page: never panics, and what the lint cache gives
//! back is what the pass found.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vielfalt::lint;

fuzz_target!(|html: &str| {
    let fresh = lint::scan_page(html, "/de/p/", None, None);
    let dir = tempfile::tempdir().expect("tempdir");
    let target = dir.path().join("public");
    let writing = lint::cache::Cache::open(&target, true);
    let _ = lint::scan_cached(&writing, html, "/de/p/", None, None);
    writing.finish();
    let reading = lint::cache::Cache::open(&target, false);
    let (facts, diags) = lint::scan_cached(&reading, html, "/de/p/", None, None);
    assert_eq!(facts.links, fresh.0.links);
    assert_eq!(facts.ids, fresh.0.ids);
    assert_eq!(facts.title, fresh.0.title);
    assert_eq!(facts.lang, fresh.0.lang);
    assert_eq!(diags, fresh.1);
});
