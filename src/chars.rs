//! Character classes by table for the characters of one- and two-byte
//! UTF-8 (Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, …). The
//! standard library's `is_alphabetic` and `is_alphanumeric` search a
//! Unicode table for every character outside ASCII: on the 12-language
//! benchmark corpus that search was a fifth of `check` (perf). The
//! plain-language checks and the lint's script test ask it for every
//! letter of a page's text.

use std::sync::LazyLock;

/// Where the tables end: the end of two-byte UTF-8. Above it the standard
/// library answers.
const TABLE_END: u32 = 0x800;

const ALPHABETIC: u8 = 1;
const ALPHANUMERIC: u8 = 2;

static CLASSES: LazyLock<Vec<u8>> = LazyLock::new(|| {
    (0..TABLE_END)
        .map(|u| match char::from_u32(u) {
            Some(c) => {
                let alphabetic = if c.is_alphabetic() { ALPHABETIC } else { 0 };
                let alphanumeric = if c.is_alphanumeric() { ALPHANUMERIC } else { 0 };
                alphabetic | alphanumeric
            }
            None => 0,
        })
        .collect()
});

/// `c.is_alphabetic()`, by table below [`TABLE_END`].
pub fn is_alphabetic(c: char) -> bool {
    match CLASSES.get(c as usize) {
        Some(class) => class & ALPHABETIC != 0,
        None => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`, by table below [`TABLE_END`].
pub fn is_alphanumeric(c: char) -> bool {
    match CLASSES.get(c as usize) {
        Some(class) => class & ALPHANUMERIC != 0,
        None => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tables_agree_with_the_standard_library() {
        for u in (0..TABLE_END + 0x100).chain([0x1F600, 0x10FFFF]) {
            if let Some(c) = char::from_u32(u) {
                assert_eq!(is_alphabetic(c), c.is_alphabetic(), "U+{u:04X}");
                assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "U+{u:04X}");
            }
        }
    }
}
