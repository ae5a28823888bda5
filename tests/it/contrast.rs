//! The default theme's colour pairs (issue 5): every colour is declared once
//! in `:root` of vielfalt.css, and each pair named in its `pairs:` comment
//! meets WCAG 2.2 contrast — 4.5:1 for text, 3:1 for non-text (focus ring,
//! borders).

use std::collections::HashMap;

fn css() -> String {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/static/vielfalt.css");
    std::fs::read_to_string(path).expect("vielfalt.css")
}

/// `--name: #rrggbb;` declarations of the first `:root` block.
fn colours(css: &str) -> HashMap<String, [f64; 3]> {
    let root = css
        .split(":root {")
        .nth(1)
        .and_then(|r| r.split('}').next())
        .expect(":root block");
    root.lines()
        .filter_map(|l| {
            let (name, value) = l.trim().trim_end_matches(';').split_once(':')?;
            let hex = value.trim().strip_prefix('#')?;
            let channel = |i: usize| {
                u8::from_str_radix(hex.get(i..i + 2)?, 16)
                    .ok()
                    .map(|v| f64::from(v) / 255.0)
            };
            (hex.len() == 6).then_some(())?;
            Some((
                name.trim().trim_start_matches("--").to_string(),
                [channel(0)?, channel(2)?, channel(4)?],
            ))
        })
        .collect()
}

/// WCAG 2.x relative luminance and contrast ratio.
fn luminance(c: [f64; 3]) -> f64 {
    let lin = |v: f64| {
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

fn contrast(a: [f64; 3], b: [f64; 3]) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn contrast_formula_matches_known_values() {
    assert!((contrast([0.0; 3], [1.0; 3]) - 21.0).abs() < 1e-9);
    // #767676 on white is the classic 4.54:1.
    let grey = [118.0 / 255.0; 3];
    assert!((contrast(grey, [1.0; 3]) - 4.54).abs() < 0.01);
}

#[test]
fn every_declared_colour_pair_meets_wcag_contrast() {
    let css = css();
    let colours = colours(&css);
    let pairs_text = css
        .split("* pairs:")
        .nth(1)
        .and_then(|p| p.split("*/").next())
        .expect("a `pairs:` comment");
    let mut checked = 0;
    let mut failures = Vec::new();
    for entry in pairs_text.split(',') {
        let entry = entry.replace('*', " ");
        let entry = entry.trim();
        let non_text = entry.contains("(non-text)");
        let pair = entry.replace("(non-text)", "");
        let Some((fg, bg)) = pair.trim().split_once('/') else {
            panic!("pair `{entry}` is not written fg/bg");
        };
        let (Some(f), Some(b)) = (colours.get(fg.trim()), colours.get(bg.trim())) else {
            panic!("pair {entry}: colour not declared in :root");
        };
        let need = if non_text { 3.0 } else { 4.5 };
        let ratio = contrast(*f, *b);
        if ratio < need {
            failures.push(format!("{entry}: {ratio:.2}:1 < {need}:1"));
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} pairs listed");
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn colours_are_declared_once_and_used_through_custom_properties() {
    let css = css();
    let after_root = css
        .split(":root {")
        .nth(1)
        .and_then(|r| r.split_once('}'))
        .map(|(_, rest)| rest)
        .expect("root");
    assert!(
        !after_root.lines().any(|l| l.contains(": #")),
        "a colour literal outside :root"
    );
    assert!(css.contains(":focus-visible"), "focus must be styled");
}
