//! The front-matter splitter and parser on any text: never a panic, and
//! every error points inside the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vielfalt::frontmatter;

fuzz_target!(|text: &str| {
    if let Ok(split) = frontmatter::split(text) {
        assert_eq!(&text[split.body_offset..], split.body);
        if let Err(d) = frontmatter::parse(text, &split, "x.md") {
            let lines = text.split('\n').count();
            let line = d.line.unwrap_or(1);
            assert!((1..=lines).contains(&line), "line {line} outside the file");
        }
    }
});
