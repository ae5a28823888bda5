//! Drawing share images: the site's title (and a variant's name) set in
//! the theme's fonts as SVG text, laid out and shaped by usvg (harfrust,
//! rustybuzz's successor: Arabic and Persian joined and right to left) and rasterised by resvg
//! into a PNG. Only the theme's fonts are used, never the machine's, so
//! the same input gives the same bytes everywhere.
//!
//! SVG has no line wrapping, so lines are broken here: greedily by words,
//! each candidate line measured by laying it out, at the largest of a few
//! type sizes at which the title fits in three lines.

use std::sync::Arc;

use resvg::usvg::{self, fontdb};

use super::{Drawing, SIZE};
use crate::config::Dir;
use crate::theme::Asset;

const MARGIN: f32 = 80.0;
const BACKGROUND: &str = "#123a5c";
const ACCENT: &str = "#ffd166";
const TEXT: &str = "#ffffff";
/// Title sizes tried, largest first, and the most lines it may take.
const TITLE_SIZES: [f32; 6] = [96.0, 84.0, 72.0, 64.0, 56.0, 48.0];
const TITLE_LINES: usize = 3;
const SUBTITLE_SIZE: f32 = 52.0;

/// The fonts to draw with, loaded once per run.
pub struct Fonts {
    options: usvg::Options<'static>,
}

impl Fonts {
    /// Loads the font files; an unreadable one is reported and skipped.
    pub fn load(files: &std::collections::BTreeMap<String, Asset>) -> (Fonts, Vec<String>) {
        let mut db = fontdb::Database::new();
        let mut errors = Vec::new();
        for (name, asset) in files {
            match asset {
                Asset::Builtin(bytes) => {
                    db.load_font_source(fontdb::Source::Binary(Arc::new(*bytes)));
                }
                Asset::Disk(path) => match std::fs::read(path) {
                    Ok(bytes) => db.load_font_data(bytes),
                    Err(e) => errors.push(format!("cannot read the font {name}: {e}")),
                },
            }
        }
        let options = usvg::Options {
            fontdb: Arc::new(db),
            font_family: "Noto Sans".into(),
            ..usvg::Options::default()
        };
        (Fonts { options }, errors)
    }
}

/// Draws one share image as PNG bytes.
pub fn draw(fonts: &Fonts, drawing: &Drawing) -> Result<Vec<u8>, String> {
    let (width, height) = SIZE;
    let rtl = drawing.dir == Dir::Rtl;
    let family = if rtl {
        "'Noto Naskh Arabic', 'Noto Sans'"
    } else {
        "'Noto Sans', 'Noto Naskh Arabic'"
    };
    let max_width = width as f32 - 2.0 * MARGIN;
    let fits = |text: &str, size: f32, weight: u16| {
        measure(fonts, family, text, size, weight).is_some_and(|w| w <= max_width)
    };
    let (size, lines) = TITLE_SIZES
        .iter()
        .find_map(|&size| {
            let lines = wrap(&drawing.title, |line| fits(line, size, 700))?;
            (lines.len() <= TITLE_LINES).then_some((size, lines))
        })
        .ok_or_else(|| format!("the title “{}” does not fit the image", drawing.title))?;

    let (x, anchor) = if rtl {
        (width as f32 - MARGIN, "end")
    } else {
        (MARGIN, "start")
    };
    let line_height = size * 1.25;
    let subtitle_block = drawing
        .subtitle
        .as_ref()
        .map_or(0.0, |_| SUBTITLE_SIZE * 1.9);
    let block = line_height * lines.len() as f32 + subtitle_block;
    // The text block sits in the middle of the space above the accent bar.
    let mut y = ((height as f32 - 24.0) - block) / 2.0 + size;
    // usvg lays every line out left to right at the paragraph level: right-
    // to-left marks around a line make its ends (the "!") right to left too.
    let directed = |line: &str| {
        if rtl {
            format!("\u{200F}{line}\u{200F}")
        } else {
            line.to_string()
        }
    };
    let mut texts = String::new();
    for line in &lines {
        texts.push_str(&text_element(
            x,
            y,
            anchor,
            family,
            size,
            700,
            &directed(line),
        ));
        y += line_height;
    }
    if let Some(subtitle) = &drawing.subtitle {
        y += SUBTITLE_SIZE * 0.9 - line_height + size;
        let subtitle = wrap(subtitle, |l| fits(l, SUBTITLE_SIZE, 400))
            .map(|l| l.join(" "))
            .unwrap_or_else(|| subtitle.clone());
        texts.push_str(&text_element(
            x,
            y,
            anchor,
            family,
            SUBTITLE_SIZE,
            400,
            &directed(&subtitle),
        ));
    }
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}"><rect width="100%" height="100%" fill="{BACKGROUND}"/><rect y="{bar}" width="100%" height="24" fill="{ACCENT}"/>{texts}</svg>"#,
        bar = height - 24,
    );
    let tree = usvg::Tree::from_str(&svg, &fonts.options).map_err(|e| e.to_string())?;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
        .ok_or_else(|| "cannot allocate the image".to_string())?;
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::default(),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| e.to_string())
}

/// One line of text as an SVG element.
fn text_element(
    x: f32,
    y: f32,
    anchor: &str,
    family: &str,
    size: f32,
    weight: u16,
    text: &str,
) -> String {
    format!(
        r#"<text x="{x}" y="{y}" text-anchor="{anchor}" font-family="{family}" font-size="{size}" font-weight="{weight}" fill="{TEXT}">{}</text>"#,
        escape_xml(text)
    )
}

/// The width of `text` laid out in one line; `None` when it has no glyphs.
fn measure(fonts: &Fonts, family: &str, text: &str, size: f32, weight: u16) -> Option<f32> {
    let svg = format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">{}</svg>"#,
        text_element(0.0, size, "start", family, size, weight, text)
    );
    let tree = usvg::Tree::from_str(&svg, &fonts.options).ok()?;
    let bounds = tree.root().abs_bounding_box();
    (bounds.width() > 0.0).then(|| bounds.width())
}

/// Breaks `text` into lines at spaces, greedily, so that each line `fits`;
/// `None` when a single word does not.
fn wrap(text: &str, fits: impl Fn(&str) -> bool) -> Option<Vec<String>> {
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
        } else if current.is_empty() {
            return None;
        } else {
            if !fits(word) {
                return None;
            }
            lines.push(std::mem::replace(&mut current, word.to_string()));
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    Some(lines)
}

fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_greedily_and_gives_up_on_a_word_too_long() {
        let fits = |line: &str| line.chars().count() <= 12;
        assert_eq!(
            wrap("Wir fördern die Vielfalt", fits),
            Some(vec!["Wir fördern".to_string(), "die Vielfalt".to_string()])
        );
        assert_eq!(wrap("Integrationskonzept", fits), None);
        assert_eq!(wrap("Wir Integrationskonzept", fits), None);
    }
}
