//! The laid-out document as a PDF/UA-1 file, with krilla: every run
//! marked as a span (with its language where it differs) and placed in the
//! structure tree, page numbers as artifacts, link annotations tagged with
//! their text, bookmarks from the headings, the title shown as the window
//! title, and the document's language. No date is written, so the same
//! input gives the same bytes.

use std::num::NonZeroU16;

use krilla::action::LinkAction;
use krilla::annotation::{Annotation, LinkAnnotation, Target as PdfTarget};
use krilla::configure::{Accessibility, ConfigurationBuilder};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::metadata::TextDirection;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::Fill;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, Node, SpanTag, TableHeaderScope,
    Tag, TagGroup, TagKind, TagTree,
};
use krilla::{Document, SerializeSettings};

use super::document::Target;
use super::layout::{Bookmark, Fonts, Kind, Laid, Leaf, LinkArea, PAGE_HEIGHT, PAGE_WIDTH, Tagged};

/// What the document says about itself.
pub struct Meta<'a> {
    pub title: &'a str,
    pub lang: &'a str,
    pub rtl: bool,
}

/// The PDF of `laid`; an error names what krilla refused.
pub fn write(laid: Laid, fonts: &Fonts, meta: &Meta<'_>) -> Result<Vec<u8>, String> {
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| format!("{e:?}"))?;
    let settings = SerializeSettings {
        configuration,
        enable_tagging: true,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    let size = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).ok_or("no page size")?;
    // The identifier of each leaf, by page: runs, then link areas.
    let mut ids: Ids = Vec::new();
    for page in &laid.pages {
        let mut pdf_page = document.start_page_with(size.clone());
        let mut surface = pdf_page.surface();
        let mut runs = Vec::with_capacity(page.runs.len());
        for run in &page.runs {
            let Some(face) = fonts.faces.get(run.font) else {
                runs.push(None);
                continue;
            };
            let tag = if run.artifact {
                ContentTag::Artifact(Artifact::with_kind(ArtifactType::PageNumber))
            } else {
                ContentTag::Span(SpanTag::empty().with_lang(run.lang.as_deref()))
            };
            let id = surface.start_tagged(tag);
            surface.draw_glyphs(
                Point::from_xy(run.x, run.y),
                &run.glyphs,
                face.pdf.clone(),
                &run.text,
                run.size,
                false,
            );
            surface.end_tagged();
            runs.push((!run.artifact).then_some(id));
        }
        underline_links(&mut surface, &page.links);
        surface.finish();
        let mut links = Vec::with_capacity(page.links.len());
        for link in &page.links {
            let [l, t, r, b] = link.rect;
            let target = match &link.target {
                Target::Uri(uri) => PdfTarget::Action(LinkAction::new(uri.clone()).into()),
                Target::Anchor(anchor) => {
                    let Some((page, y)) = find_anchor(&laid, anchor) else {
                        links.push(None);
                        continue;
                    };
                    PdfTarget::Destination(XyzDestination::new(page, Point::from_xy(0.0, y)).into())
                }
            };
            let Some(rect) = Rect::from_ltrb(l, t, r, b) else {
                links.push(None);
                continue;
            };
            let annotation =
                Annotation::new_link(LinkAnnotation::new(rect, target), Some(link.text.clone()));
            links.push(Some(pdf_page.add_tagged_annotation(annotation)));
        }
        pdf_page.finish();
        ids.push((runs, links));
    }

    let mut tree = TagTree::new().with_lang(Some(meta.lang.to_string()));
    for node in &laid.tree {
        if let Some(node) = structure(node, &mut ids) {
            tree.push(node);
        }
    }
    document.set_tag_tree(tree);
    document.set_outline(outline(&laid.bookmarks));
    document.set_metadata(
        Metadata::new()
            .title(meta.title.to_string())
            .language(meta.lang.to_string())
            .creator("vielfalt".to_string())
            .text_direction(if meta.rtl {
                TextDirection::RightToLeft
            } else {
                TextDirection::LeftToRight
            }),
    );
    document.finish().map_err(|e| format!("{e:?}"))
}

/// A line under each link's text, so that links do not depend on colour
/// (layout artifacts: the annotations carry the links' meaning).
fn underline_links(surface: &mut krilla::surface::Surface<'_>, links: &[LinkArea]) {
    for link in links {
        let [left, _, right, _] = link.rect;
        let top = link.baseline + link.size * 0.12;
        let Some(rect) = Rect::from_ltrb(left, top, right, top + link.size * 0.06) else {
            continue;
        };
        let mut path = PathBuilder::new();
        path.push_rect(rect);
        let Some(path) = path.finish() else {
            continue;
        };
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::Layout,
        )));
        surface.set_fill(Some(Fill::default()));
        surface.draw_path(&path);
        surface.end_tagged();
    }
}

/// Where an anchor is; a missing fragment falls back to its page's start.
fn find_anchor(laid: &Laid, anchor: &str) -> Option<(usize, f32)> {
    laid.anchors.get(anchor).copied().or_else(|| {
        let page = anchor.split('#').next()?;
        laid.anchors.get(page).copied()
    })
}

/// Our structure as krilla's, each leaf's identifier taken once.
type Ids = Vec<(Vec<Option<Identifier>>, Vec<Option<Identifier>>)>;

fn structure(node: &Tagged, ids: &mut Ids) -> Option<Node> {
    match node {
        Tagged::Leaf(Leaf::Run(page, i)) => {
            ids.get_mut(*page)?.0.get_mut(*i)?.take().map(Node::from)
        }
        Tagged::Leaf(Leaf::Link(page, i)) => {
            ids.get_mut(*page)?.1.get_mut(*i)?.take().map(Node::from)
        }
        Tagged::Group(kind, children) => {
            let children: Vec<Node> = children.iter().filter_map(|c| structure(c, ids)).collect();
            if children.is_empty() {
                return None;
            }
            Some(TagGroup::with_children(tag_kind(kind), children).into())
        }
    }
}

fn tag_kind(kind: &Kind) -> TagKind {
    match kind {
        Kind::Heading(level, title) => {
            let level = NonZeroU16::new(u16::from(*level)).unwrap_or(NonZeroU16::MIN);
            Tag::Hn(level, Some(title.clone())).into()
        }
        Kind::Paragraph => Tag::P.into(),
        Kind::List(true) => Tag::L(ListNumbering::Decimal).into(),
        Kind::List(false) => Tag::L(ListNumbering::Circle).into(),
        Kind::Item => Tag::LI.into(),
        Kind::Label => Tag::Lbl.into(),
        Kind::Body => Tag::LBody.into(),
        Kind::Table => Tag::Table.into(),
        Kind::Row => Tag::TR.into(),
        Kind::Header => Tag::TH(TableHeaderScope::Column).into(),
        Kind::Cell => Tag::TD.into(),
        Kind::Link(_) => Tag::Link.into(),
        Kind::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        Kind::Quote => Tag::BlockQuote.into(),
    }
}

/// Bookmarks nested by heading level.
fn outline(bookmarks: &[Bookmark]) -> Outline {
    // Open nodes with their level, innermost last.
    let mut open: Vec<(u8, OutlineNode)> = Vec::new();
    let mut outline = Outline::new();
    let close = |open: &mut Vec<(u8, OutlineNode)>, outline: &mut Outline| {
        if let Some((_, node)) = open.pop() {
            match open.last_mut() {
                Some((_, parent)) => parent.push_child(node),
                None => outline.push_child(node),
            }
        }
    };
    for mark in bookmarks {
        while open.last().is_some_and(|(level, _)| *level >= mark.level) {
            close(&mut open, &mut outline);
        }
        let node = OutlineNode::new(
            mark.text.clone(),
            XyzDestination::new(mark.page, Point::from_xy(0.0, mark.y)),
        );
        open.push((mark.level, node));
    }
    while !open.is_empty() {
        close(&mut open, &mut outline);
    }
    outline
}
