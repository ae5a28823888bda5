//! The document's blocks set on A4 pages: each run shaped with the font of
//! its script (rustybuzz), lines broken greedily at the break
//! opportunities of ICU's line segmenter and measured with the fonts'
//! advances, bidi runs of a line ordered by the Unicode Bidirectional
//! Algorithm, right-to-left paragraphs right-aligned. The result is
//! positioned glyph runs per page plus the logical structure over them
//! (`Tagged`), which `write` turns into the PDF's structure tree.

use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

use icu_segmenter::options::LineBreakOptions;
use icu_segmenter::{LineSegmenter, LineSegmenterBorrowed};
use krilla::text::{GlyphId, KrillaGlyph};
use unicode_bidi::{BidiInfo, Level, ParagraphBidiInfo};
use unicode_script::{Script, UnicodeScript};

use super::document::{Block, Inline, Target};

/// A4 in points.
pub const PAGE_WIDTH: f32 = 595.28;
pub const PAGE_HEIGHT: f32 = 841.89;
const MARGIN_X: f32 = 64.0;
const TOP: f32 = 64.0;
const BOTTOM: f32 = PAGE_HEIGHT - 72.0;
const INDENT: f32 = 20.0;

/// The fonts, in the order of [`FontId`]'s numbers.
pub struct Fonts {
    pub faces: Vec<Face>,
}

pub struct Face {
    shaper: rustybuzz::Face<'static>,
    pub pdf: krilla::text::Font,
    units_per_em: f32,
}

/// Noto Sans (Latin, Cyrillic, Greek) and Noto Naskh Arabic (Arabic,
/// Persian), regular and bold: indices into [`Fonts::faces`].
const SANS: usize = 0;
const NASKH: usize = 2;
/// Added to a regular face's index for its bold face.
const BOLD: usize = 1;

impl Fonts {
    /// The theme's fonts; `None` if one is missing or unreadable.
    pub fn load() -> Option<Fonts> {
        let names = [
            "fonts/NotoSans-Regular.ttf",
            "fonts/NotoSans-Bold.ttf",
            "fonts/NotoNaskhArabic-Regular.ttf",
            "fonts/NotoNaskhArabic-Bold.ttf",
        ];
        let faces = names
            .iter()
            .map(|name| {
                let data = crate::theme::builtin_file(name)?;
                let shaper = rustybuzz::Face::from_slice(data, 0)?;
                let pdf = krilla::text::Font::new(data.into(), 0)?;
                Some(Face {
                    units_per_em: f32::from(shaper.units_per_em() as u16),
                    shaper,
                    pdf,
                })
            })
            .collect::<Option<Vec<Face>>>()?;
        Some(Fonts { faces })
    }

    fn has(&self, font: usize, c: char) -> bool {
        self.faces
            .get(font)
            .is_some_and(|f| f.shaper.glyph_index(c).is_some())
    }
}

/// Glyphs placed on a page, with the text they show.
pub struct Run {
    /// Left end of the run and its baseline, from the page's top left.
    pub x: f32,
    pub y: f32,
    pub font: usize,
    pub size: f32,
    pub glyphs: Vec<KrillaGlyph>,
    pub text: String,
    /// The run's language where it differs from the document's.
    pub lang: Option<String>,
    /// Page furniture (page numbers), not content.
    pub artifact: bool,
}

/// The clickable area of (part of) a link.
pub struct LinkArea {
    /// Left, top, right, bottom.
    pub rect: [f32; 4],
    /// The baseline and type size of its text (for the underline).
    pub baseline: f32,
    pub size: f32,
    /// The link's number in its page.
    link: usize,
    pub target: Target,
    /// The whole link's text, the annotation's description.
    pub text: String,
}

#[derive(Default)]
pub struct Page {
    pub runs: Vec<Run>,
    pub links: Vec<LinkArea>,
}

/// A leaf of the structure: a run or a link area, by page and index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Leaf {
    Run(usize, usize),
    Link(usize, usize),
}

/// The kinds of structure the document uses (PDF structure types).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Heading(u8, String),
    Paragraph,
    List(bool),
    Item,
    Label,
    Body,
    Table,
    Row,
    Header,
    Cell,
    /// A link, with its number in the page.
    Link(usize),
    Figure(String),
    Quote,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tagged {
    Group(Kind, Vec<Tagged>),
    Leaf(Leaf),
}

/// A heading's entry in the outline (bookmarks).
pub struct Bookmark {
    pub level: u8,
    pub text: String,
    pub page: usize,
    pub y: f32,
}

/// The laid-out document.
pub struct Laid {
    pub pages: Vec<Page>,
    pub tree: Vec<Tagged>,
    pub bookmarks: Vec<Bookmark>,
    /// Where each anchor (`leitbild.md#vision`) is: page and top.
    pub anchors: HashMap<String, (usize, f32)>,
}

/// Type sizes and spacing.
#[derive(Clone, Copy)]
struct Style {
    size: f32,
    /// Line height as a multiple of the size.
    leading: f32,
    bold: bool,
}

impl Style {
    fn line_height(self) -> f32 {
        self.size * self.leading
    }

    /// The baseline of a line whose top is `top`.
    fn baseline(self, top: f32) -> f32 {
        top + (self.line_height() - self.size) / 2.0 + self.size * 0.8
    }
}

/// Sets `blocks` on pages; `rtl` for right-to-left documents, `easy` for
/// Leichte Sprache (larger type, more space).
pub fn lay_out(blocks: &[Block], fonts: &Fonts, rtl: bool, easy: bool) -> Laid {
    let mut layout = Layout {
        fonts,
        rtl,
        easy,
        pages: vec![Page::default()],
        y: TOP,
        bookmarks: Vec::new(),
        anchors: HashMap::new(),
        segmenter: LineSegmenter::new_auto(LineBreakOptions::default()),
        plans: RefCell::new(HashMap::new()),
    };
    let mut tree = Vec::new();
    for block in blocks {
        tree.extend(layout.block(block, 0.0));
    }
    layout.page_numbers();
    Laid {
        pages: layout.pages,
        tree,
        bookmarks: layout.bookmarks,
        anchors: layout.anchors,
    }
}

struct Layout<'f> {
    fonts: &'f Fonts,
    rtl: bool,
    easy: bool,
    pages: Vec<Page>,
    /// Top of the next line on the last page.
    y: f32,
    bookmarks: Vec<Bookmark>,
    anchors: HashMap<String, (usize, f32)>,
    segmenter: LineSegmenterBorrowed<'static>,
    /// Shaping plans by face, direction and script: making one reads the
    /// font's layout tables, which costs far more than shaping a word.
    plans: RefCell<Plans>,
}

type Plans = HashMap<(usize, bool, rustybuzz::Script), rustybuzz::ShapePlan>;

/// A piece of a line: one font, one bidi level, one run of the block.
struct Piece {
    glyphs: Vec<KrillaGlyph>,
    text: String,
    font: usize,
    size: f32,
    width: f32,
    level: Level,
    inline: usize,
    is_space: bool,
}

#[derive(Default)]
struct Line {
    /// In logical order.
    pieces: Vec<Piece>,
    width: f32,
}

impl Layout<'_> {
    fn body(&self) -> Style {
        if self.easy {
            Style {
                size: 14.0,
                leading: 1.8,
                bold: false,
            }
        } else {
            Style {
                size: 11.0,
                leading: 1.5,
                bold: false,
            }
        }
    }

    fn heading(&self, level: u8) -> Style {
        let size = match level {
            1 => 22.0,
            2 => 17.0,
            3 => 13.5,
            _ => 12.0,
        };
        Style {
            size: if self.easy { size * 1.2 } else { size },
            leading: 1.3,
            bold: true,
        }
    }

    fn width(&self, indent: f32) -> f32 {
        PAGE_WIDTH - 2.0 * MARGIN_X - indent
    }

    /// The left edge of text indented by `indent` from the start side.
    fn left(&self, indent: f32) -> f32 {
        if self.rtl {
            MARGIN_X
        } else {
            MARGIN_X + indent
        }
    }

    fn new_page(&mut self) {
        self.pages.push(Page::default());
        self.y = TOP;
    }

    /// Starts a new page unless `height` fits below the current position.
    fn room_for(&mut self, height: f32) {
        if self.y + height > BOTTOM && self.y > TOP {
            self.new_page();
        }
    }

    fn block(&mut self, block: &Block, indent: f32) -> Vec<Tagged> {
        match block {
            Block::Heading {
                level,
                anchor,
                text,
            } => {
                let style = self.heading(*level);
                let body = self.body();
                self.y += style.size * if *level <= 2 { 1.2 } else { 0.8 };
                let lines = self.break_lines(text, style, self.width(indent));
                let height = lines.len() as f32 * style.line_height();
                self.room_for(height + 2.0 * body.line_height());
                let page = self.pages.len() - 1;
                self.anchors.insert(anchor.clone(), (page, self.y));
                let plain = plain_text(text);
                self.bookmarks.push(Bookmark {
                    level: *level,
                    text: plain.clone(),
                    page,
                    y: self.y,
                });
                let leaves = self.place(lines, text, style, indent, true);
                self.y += style.size * 0.4;
                vec![Tagged::Group(Kind::Heading(*level, plain), leaves)]
            }
            Block::Paragraph(text) => {
                let style = self.body();
                let leaves = self.paragraph(text, style, indent);
                vec![Tagged::Group(Kind::Paragraph, leaves)]
            }
            Block::Figure { alt } => {
                let style = self.body();
                let text = [Inline {
                    text: format!("[{alt}]"),
                    strong: false,
                    lang: None,
                    link: None,
                }];
                let leaves = self.paragraph(&text, style, indent);
                vec![Tagged::Group(Kind::Figure(alt.clone()), leaves)]
            }
            Block::Quote(blocks) => {
                let children = blocks
                    .iter()
                    .flat_map(|b| self.block(b, indent + INDENT))
                    .collect();
                vec![Tagged::Group(Kind::Quote, children)]
            }
            Block::List { start, items } => vec![self.list(*start, items, indent)],
            Block::Table { head, rows } => vec![self.table(*head, rows, indent)],
        }
    }

    fn paragraph(&mut self, text: &[Inline], style: Style, indent: f32) -> Vec<Tagged> {
        let lines = self.break_lines(text, style, self.width(indent));
        let leaves = self.place(lines, text, style, indent, true);
        self.y += style.size * if self.easy { 1.0 } else { 0.6 };
        leaves
    }

    fn list(&mut self, start: Option<u64>, items: &[Vec<Block>], indent: f32) -> Tagged {
        let style = self.body();
        let mut children = Vec::new();
        for (n, item) in items.iter().enumerate() {
            let label = match start {
                Some(first) => format!("{}.", first + n as u64),
                None => "•".to_string(),
            };
            self.room_for(style.line_height());
            let (page, top) = (self.pages.len() - 1, self.y);
            let body: Vec<Tagged> = item
                .iter()
                .flat_map(|b| self.block(b, indent + INDENT))
                .collect();
            let label_text = [Inline {
                text: label,
                strong: false,
                lang: None,
                link: None,
            }];
            let mut lines = self.break_lines(&label_text, style, INDENT);
            let line = lines.pop().unwrap_or_default();
            let x = if self.rtl {
                PAGE_WIDTH - MARGIN_X - indent - line.width
            } else {
                MARGIN_X + indent
            };
            let mut label = Vec::new();
            self.put_line(line, &label_text, x, style.baseline(top), page, &mut label);
            children.push(Tagged::Group(
                Kind::Item,
                vec![
                    Tagged::Group(Kind::Label, label),
                    Tagged::Group(Kind::Body, body),
                ],
            ));
        }
        Tagged::Group(Kind::List(start.is_some()), children)
    }

    fn table(&mut self, head: usize, rows: &[Vec<Vec<Inline>>], indent: f32) -> Tagged {
        let columns = rows.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let gap = 8.0;
        let column = (self.width(indent) - gap * (columns - 1) as f32) / columns as f32;
        let mut children = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            let style = Style {
                bold: r < head,
                ..self.body()
            };
            let cells: Vec<Vec<Line>> = row
                .iter()
                .map(|cell| self.break_lines(cell, style, column))
                .collect();
            let lines = cells.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let height = lines as f32 * style.line_height();
            self.room_for(height);
            let top = self.y;
            let mut cells_out = Vec::new();
            for (c, (lines, text)) in cells.into_iter().zip(row).enumerate() {
                self.y = top;
                let offset = indent + c as f32 * (column + gap);
                let leaves = self.place(lines, text, style, offset, false);
                let kind = if r < head { Kind::Header } else { Kind::Cell };
                cells_out.push(Tagged::Group(kind, leaves));
            }
            self.y = top + height + style.size * 0.4;
            children.push(Tagged::Group(Kind::Row, cells_out));
        }
        self.y += self.body().size * 0.6;
        Tagged::Group(Kind::Table, children)
    }

    /// Places `lines` starting `indent` from the start side; with
    /// `breaks`, a line that does not fit starts a page.
    fn place(
        &mut self,
        lines: Vec<Line>,
        text: &[Inline],
        style: Style,
        indent: f32,
        breaks: bool,
    ) -> Vec<Tagged> {
        let mut leaves = Vec::new();
        for line in lines {
            if breaks {
                self.room_for(style.line_height());
            }
            let x = if self.rtl {
                PAGE_WIDTH - MARGIN_X - indent - line.width
            } else {
                self.left(indent)
            };
            let page = self.pages.len() - 1;
            self.put_line(line, text, x, style.baseline(self.y), page, &mut leaves);
            self.y += style.line_height();
        }
        leaves
    }

    /// Puts a line's pieces on `page` from `x` on, in visual order, and
    /// their leaves into `leaves` in logical order (a link's pieces in one
    /// link group with their areas).
    fn put_line(
        &mut self,
        line: Line,
        text: &[Inline],
        x: f32,
        baseline: f32,
        page: usize,
        leaves: &mut Vec<Tagged>,
    ) {
        let levels: Vec<Level> = line.pieces.iter().map(|p| p.level).collect();
        let mut xs = vec![0.0; line.pieces.len()];
        let mut at = x;
        for i in BidiInfo::reorder_visual(&levels) {
            if let (Some(slot), Some(piece)) = (xs.get_mut(i), line.pieces.get(i)) {
                *slot = at;
                at += piece.width;
            }
        }
        let Some(out) = self.pages.get_mut(page) else {
            return;
        };
        for (piece, x) in line.pieces.into_iter().zip(xs) {
            let inline = text.get(piece.inline);
            let run = Run {
                x,
                y: baseline,
                font: piece.font,
                size: piece.size,
                glyphs: piece.glyphs,
                text: piece.text,
                lang: inline.and_then(|i| i.lang.clone()),
                artifact: false,
            };
            out.runs.push(run);
            let leaf = Tagged::Leaf(Leaf::Run(page, out.runs.len() - 1));
            let Some((id, target)) = inline.and_then(|i| i.link.as_ref()) else {
                leaves.push(leaf);
                continue;
            };
            let (left, right) = (x, x + piece.width);
            // Pieces of one link on one line share one area.
            if let Some(last) = out.links.last_mut()
                && last.link == *id
                && last.baseline == baseline
                && let Some(Tagged::Group(Kind::Link(n), children)) = leaves.last_mut()
                && n == id
            {
                last.rect[0] = last.rect[0].min(left);
                last.rect[2] = last.rect[2].max(right);
                children.push(leaf);
                continue;
            }
            out.links.push(LinkArea {
                rect: [
                    left,
                    baseline - piece.size * 0.9,
                    right,
                    baseline + piece.size * 0.3,
                ],
                baseline,
                size: piece.size,
                link: *id,
                target: target.clone(),
                text: link_text(text, *id),
            });
            let area = Tagged::Leaf(Leaf::Link(page, out.links.len() - 1));
            match leaves.last_mut() {
                Some(Tagged::Group(Kind::Link(n), children)) if n == id => {
                    children.extend([leaf, area]);
                }
                _ => leaves.push(Tagged::Group(Kind::Link(*id), vec![leaf, area])),
            }
        }
    }

    /// Breaks the runs `text` into lines at most `width` wide: greedily, at
    /// the line segmenter's break opportunities, and at every `\n`.
    fn break_lines(&self, text: &[Inline], style: Style, width: f32) -> Vec<Line> {
        let (joined, owners) = join(text);
        let mut lines = Vec::new();
        let mut start = 0;
        for hard in joined.split('\n') {
            let base = if self.rtl { Level::rtl() } else { Level::ltr() };
            let bidi = ParagraphBidiInfo::new(hard, Some(base));
            let breaks: Vec<usize> = self.segmenter.segment_str(hard).collect();
            let mut line = Line::default();
            // Width of the spaces ending the line so far (not counted at its end).
            let mut pending = 0.0;
            for window in breaks.windows(2) {
                let [from, to] = [window[0], window[1]];
                let pieces = self.pieces(hard, from..to, start, &owners, &bidi.levels, text, style);
                let content: f32 = pieces.iter().filter(|p| !p.is_space).map(|p| p.width).sum();
                let spaces: f32 = pieces.iter().filter(|p| p.is_space).map(|p| p.width).sum();
                if !line.pieces.is_empty() && line.width + pending + content > width {
                    finish(&mut line);
                    lines.push(std::mem::take(&mut line));
                    pending = 0.0;
                }
                line.width += pending + content;
                pending = spaces;
                line.pieces.extend(pieces);
            }
            finish(&mut line);
            if !line.pieces.is_empty() {
                lines.push(line);
            }
            start += hard.len() + 1;
        }
        lines
    }

    /// The shaped pieces of `hard[range]` (a segment between two break
    /// opportunities): split where the run, the font or the bidi level
    /// changes, and before trailing spaces.
    #[allow(clippy::too_many_arguments)]
    fn pieces(
        &self,
        hard: &str,
        range: Range<usize>,
        offset: usize,
        owners: &[usize],
        levels: &[Level],
        text: &[Inline],
        style: Style,
    ) -> Vec<Piece> {
        let segment = &hard[range.clone()];
        let content_end = range.start + segment.trim_end().len();
        let mut pieces = Vec::new();
        // Run, face, level and whether trailing space, of the piece so far.
        let mut current: Option<(usize, usize, Level, bool)> = None;
        let mut piece_text = String::new();
        let mut font = if self.rtl { NASKH } else { SANS };
        for (i, c) in segment.char_indices() {
            let at = range.start + i;
            if is_invisible(c) {
                continue;
            }
            let owner = owners.get(offset + at).copied().unwrap_or(0);
            let bold = style.bold || text.get(owner).is_some_and(|t| t.strong);
            font = self.font_for(c, font);
            let face = font + if bold { BOLD } else { 0 };
            let level = levels.get(at).copied().unwrap_or(Level::ltr());
            let is_space = at >= content_end;
            let key = (owner, face, level, is_space);
            if current.is_some_and(|k| k != key) && !piece_text.is_empty() {
                if let Some((owner, face, level, is_space)) = current {
                    pieces.push(self.shape(&piece_text, face, style.size, level, owner, is_space));
                }
                piece_text.clear();
            }
            current = Some(key);
            if self.fonts.has(face, c) {
                piece_text.push(c);
            }
        }
        if let Some((owner, face, level, is_space)) = current
            && !piece_text.is_empty()
        {
            pieces.push(self.shape(&piece_text, face, style.size, level, owner, is_space));
        }
        pieces
    }

    /// The regular face for `c`: Naskh for Arabic script, Sans for other
    /// scripts; neutral characters stay with `previous` if it has them.
    fn font_for(&self, c: char, previous: usize) -> usize {
        let wanted = match c.script() {
            Script::Arabic => NASKH,
            Script::Common | Script::Inherited => previous,
            _ => SANS,
        };
        if self.fonts.has(wanted, c) {
            wanted
        } else if wanted == SANS {
            NASKH
        } else {
            SANS
        }
    }

    fn shape(
        &self,
        text: &str,
        face: usize,
        size: f32,
        level: Level,
        inline: usize,
        is_space: bool,
    ) -> Piece {
        let glyphs = self
            .fonts
            .faces
            .get(face)
            .map(|f| shape(f, face, text, level.is_rtl(), &mut self.plans.borrow_mut()))
            .unwrap_or_default();
        let width = glyphs.iter().map(|g| g.x_advance).sum::<f32>() * size;
        Piece {
            glyphs,
            text: text.to_string(),
            font: face,
            size,
            width,
            level,
            inline,
            is_space,
        }
    }

    /// Page numbers at the foot of every page, as artifacts.
    fn page_numbers(&mut self) {
        let style = Style {
            size: 9.0,
            leading: 1.0,
            bold: false,
        };
        let count = self.pages.len();
        for page in 0..count {
            let number = [Inline {
                text: format!("{}", page + 1),
                strong: false,
                lang: None,
                link: None,
            }];
            let mut lines = self.break_lines(&number, style, 100.0);
            let Some(line) = lines.pop() else { continue };
            let x = (PAGE_WIDTH - line.width) / 2.0;
            let mut ignored = Vec::new();
            let runs_before = self.pages.get(page).map_or(0, |p| p.runs.len());
            self.put_line(line, &number, x, PAGE_HEIGHT - 40.0, page, &mut ignored);
            if let Some(p) = self.pages.get_mut(page) {
                for run in p.runs.iter_mut().skip(runs_before) {
                    run.artifact = true;
                }
            }
        }
    }
}

/// Drops the trailing spaces of a finished line.
fn finish(line: &mut Line) {
    while line.pieces.last().is_some_and(|p| p.is_space) {
        line.pieces.pop();
    }
}

/// The runs' texts joined, and for each byte the run it comes from.
fn join(text: &[Inline]) -> (String, Vec<usize>) {
    let mut joined = String::new();
    let mut owners = Vec::new();
    for (i, run) in text.iter().enumerate() {
        joined.push_str(&run.text);
        owners.resize(joined.len(), i);
    }
    (joined, owners)
}

/// Characters that are not drawn: bidi controls, soft hyphens.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{00AD}' | '\u{FEFF}')
}

/// The visible text of runs.
pub fn plain_text(text: &[Inline]) -> String {
    text.iter()
        .flat_map(|r| r.text.chars())
        .filter(|c| !is_invisible(*c))
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

fn link_text(text: &[Inline], id: usize) -> String {
    let runs: Vec<Inline> = text
        .iter()
        .filter(|r| r.link.as_ref().is_some_and(|(n, _)| *n == id))
        .cloned()
        .collect();
    plain_text(&runs)
}

/// `text` shaped with `face` (glyph advances and offsets per em, clusters
/// as byte ranges of `text`, as krilla wants them), with a plan from `plans`.
fn shape(face: &Face, index: usize, text: &str, rtl: bool, plans: &mut Plans) -> Vec<KrillaGlyph> {
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(text);
    buffer.guess_segment_properties();
    buffer.set_direction(if rtl {
        rustybuzz::Direction::RightToLeft
    } else {
        rustybuzz::Direction::LeftToRight
    });
    let plan = plans
        .entry((index, rtl, buffer.script()))
        .or_insert_with(|| {
            rustybuzz::ShapePlan::new(
                &face.shaper,
                buffer.direction(),
                Some(buffer.script()),
                None,
                &[],
            )
        });
    let output = rustybuzz::shape_with_plan(&face.shaper, plan, buffer);
    let infos = output.glyph_infos();
    let positions = output.glyph_positions();
    let em = face.units_per_em;
    // A cluster ends where the next cluster (in logical order) starts.
    let mut starts: Vec<usize> = infos.iter().map(|i| i.cluster as usize).collect();
    starts.sort_unstable();
    starts.dedup();
    infos
        .iter()
        .zip(positions)
        .map(|(info, pos)| {
            let start = info.cluster as usize;
            let end = starts
                .iter()
                .find(|&&s| s > start)
                .copied()
                .unwrap_or(text.len());
            KrillaGlyph::new(
                GlyphId::new(info.glyph_id),
                pos.x_advance as f32 / em,
                pos.x_offset as f32 / em,
                pos.y_offset as f32 / em,
                pos.y_advance as f32 / em,
                start..end,
                None,
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runs(text: &str) -> Vec<Inline> {
        vec![Inline {
            text: text.to_string(),
            strong: false,
            lang: None,
            link: None,
        }]
    }

    const TEXT: &str = "Die Stadt Bielefeld und ihre Bürgerinnen und Bürger erkennen die Vielfalt als Selbstverständlichkeit an. Sie halten damit für langfristig erstrebenswert, dass sich alle Menschen in dieser Stadt achten.";

    #[test]
    fn lines_fit_their_width_and_keep_the_words_in_order() {
        let fonts = Fonts::load().expect("fonts");
        let laid = lay_out(&[Block::Paragraph(runs(TEXT))], &fonts, false, false);
        let page = &laid.pages[0];
        let content: Vec<&Run> = page.runs.iter().filter(|r| !r.artifact).collect();
        let lines: std::collections::BTreeSet<u32> =
            content.iter().map(|r| r.y.to_bits()).collect();
        assert!(lines.len() >= 2, "one paragraph over several lines");
        for run in &content {
            let width: f32 = run.glyphs.iter().map(|g| g.x_advance).sum::<f32>() * run.size;
            assert!(run.x >= MARGIN_X - 0.01, "{}", run.text);
            assert!(
                run.x + width <= PAGE_WIDTH - MARGIN_X + 0.01,
                "{}",
                run.text
            );
        }
        let text: String = content
            .iter()
            .map(|r| r.text.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        let words = |t: &str| t.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        assert_eq!(words(&text), words(TEXT));
    }

    #[test]
    fn right_to_left_lines_end_at_the_right_margin() {
        let fonts = Fonts::load().expect("fonts");
        let laid = lay_out(
            &[Block::Paragraph(runs(
                "للمدينة ثلاثة أهداف وهي جزء من المفهوم.",
            ))],
            &fonts,
            true,
            false,
        );
        let content: Vec<&Run> = laid.pages[0].runs.iter().filter(|r| !r.artifact).collect();
        let right = content
            .iter()
            .map(|r| r.x + r.glyphs.iter().map(|g| g.x_advance).sum::<f32>() * r.size)
            .fold(0.0, f32::max);
        assert!((right - (PAGE_WIDTH - MARGIN_X)).abs() < 0.01, "{right}");
        assert!(content.iter().all(|r| r.font == NASKH), "Arabic in Naskh");
        // The first word in reading order is the rightmost.
        let first = content.first().expect("a run");
        assert!(content.iter().all(|r| r.x <= first.x), "{:?}", first.text);
    }
}
