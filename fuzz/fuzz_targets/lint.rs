//! The HTML lint on any page: never panics, and a second scan of the same
//! page finds the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vielfalt::lint;

fuzz_target!(|html: &str| {
    let first = lint::scan(html, "/de/p/", None);
    let second = lint::scan(html, "/de/p/", None);
    assert_eq!(first, second);
});
