//! Landmarks read once: a theme writes the same menu and footer on every
//! page of a language, byte for byte, and the pass would read them again on
//! each (the menu and footer were a fifth of a page's lint time). The first
//! time a `nav`, `footer` or `aside` is met its bytes are only noted; the
//! second time the pass reads it as always and keeps what it found there
//! (findings, ids, links, headings…); from the third time on, what was
//! kept is added again, and the tokenizer jumps to the element's end.
//!
//! That is only sound when the element reads the same wherever it is, so
//! an element is kept only when
//! - the pass stands where nothing collects text and nothing hides it: every
//!   open element it follows only sets the language (no link, heading,
//!   title, table, video, code around it), and the tokenizer reads plain
//!   HTML (not svg or math, whose end tags depend on what is around);
//! - the language in effect and whether the page already has a title are
//!   the same (both are part of the key, with the bytes);
//! - its end tag is the first one of its name after it and ends it, and
//!   every end tag inside ends an element that started inside (an end tag
//!   that ends nothing, or something outside, reads differently elsewhere);
//! - it sets nothing a page has once: no `html`, no `meta`, and no
//!   `title` unless the page has one already.
//!
//! Every page still gets every finding and fact it would get without this
//! (a property test compares the two on random pages).

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::BuildHasher;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::tokens::{Tokenizer, key};
use super::{Finding, HeadingScan, Kind, Lang, LinkScan, State};

/// At most this many elements (seen once or kept) per thread, and this
/// many bytes kept: then the table starts again (a site has a few hundred
/// menus and footers; `serve` runs for days).
const MAX_SLOTS: usize = 4096;
const MAX_BYTES: usize = 4 << 20;

/// Whether an element named `tag` may be kept (the landmarks themes repeat).
#[inline(always)]
fn may_keep(tag: u64) -> bool {
    matches!(tag, key::NAV | key::FOOTER | key::ASIDE)
}

/// The end tag that ends an element `tag` (see [`may_keep`]).
fn end_tag(tag: u64) -> Option<&'static Finder<'static>> {
    static NAV: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"</nav>"));
    static FOOTER: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"</footer>"));
    static ASIDE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"</aside>"));
    match tag {
        key::NAV => Some(&NAV),
        key::FOOTER => Some(&FOOTER),
        key::ASIDE => Some(&ASIDE),
        _ => None,
    }
}

/// A text of a kept link or heading: where it is in the element's bytes
/// (the same on every page that has them), or a copy when it is not a
/// piece of them (decoded entities, joined pieces).
#[derive(Debug)]
enum Piece {
    At(usize, usize),
    Own(Box<str>),
}

impl Piece {
    fn of(text: &str, element: &str) -> Piece {
        let from = text.as_ptr().addr().wrapping_sub(element.as_ptr().addr());
        if from <= element.len() && text.len() <= element.len() - from {
            Piece::At(from, text.len())
        } else {
            Piece::Own(text.into())
        }
    }

    fn read<'h>(&self, element: &'h str) -> Cow<'h, str> {
        match self {
            Piece::At(from, len) => {
                Cow::Borrowed(element.get(*from..from + len).unwrap_or_default())
            }
            Piece::Own(text) => Cow::Owned(text.to_string()),
        }
    }
}

#[derive(Debug)]
struct KeptLink {
    href: Piece,
    hreflang: Option<Piece>,
    lang: Lang,
    text: Piece,
    aria_label: Option<Piece>,
    labelled_by: bool,
    title: Option<Piece>,
    blank: bool,
}

/// What the pass found in one element, to add again where it comes again.
#[derive(Debug)]
struct Kept {
    bytes: Box<str>,
    lang: Option<Lang>,
    titled: bool,
    /// How many start tags the element holds, its own included.
    elements: u64,
    findings: Vec<Finding>,
    ids: Vec<String>,
    idrefs: Vec<(&'static str, String, String)>,
    links: Vec<KeptLink>,
    headings: Vec<(u8, Piece)>,
    tables: Vec<bool>,
    videos: Vec<bool>,
}

enum Slot {
    Seen,
    /// Read twice and not kept: it does not read the same everywhere.
    Refused,
    Kept(Box<Kept>),
}

#[derive(Default)]
struct Table {
    slots: HashMap<u64, Slot, foldhash::fast::FixedState>,
    bytes: usize,
}

thread_local! {
    static TABLE: RefCell<Table> = RefCell::new(Table::default());
}

/// How long the state's lists were where an element started.
struct Lengths {
    findings: usize,
    ids: usize,
    idrefs: usize,
    links: usize,
    headings: usize,
    tables: usize,
    videos: usize,
}

impl Lengths {
    fn of(s: &State) -> Lengths {
        Lengths {
            findings: s.findings.len(),
            ids: s.ids.len(),
            idrefs: s.idrefs.len(),
            links: s.links.len(),
            headings: s.headings.len(),
            tables: s.tables.len(),
            videos: s.videos.len(),
        }
    }
}

/// An element being read for keeping.
struct Reading {
    hash: u64,
    /// Its id, start and end in the page.
    id: u64,
    start: usize,
    end: usize,
    lang: Option<Lang>,
    titled: bool,
    before: Lengths,
}

/// One page's part: the element being read for keeping, if any.
#[derive(Default)]
pub(super) struct Watch {
    reading: Option<Reading>,
}

impl Watch {
    /// At the start tag of element `id` (`tag`, from `start` to
    /// `tag_end`), after the text before it is taken: `true` when the
    /// element was kept before, its findings and facts are added to `s`,
    /// and `tokens` goes on after its end.
    #[inline(always)]
    pub(super) fn start<'h>(
        &mut self,
        s: &mut State<'h>,
        html: &'h str,
        at: (usize, usize),
        tag: u64,
        id: u64,
        tokens: &mut Tokenizer<'h>,
    ) -> bool {
        if let Some(r) = &self.reading {
            // Past its end; or an element that sets what the page has
            // once (its language, viewport or title), which reads
            // differently where it is already set.
            if at.1 > r.end
                || matches!(tag, key::HTML | key::META)
                || (tag == key::TITLE && !r.titled)
            {
                self.refuse();
            }
            return false;
        }
        may_keep(tag) && self.landmark(s, html, at, tag, id, tokens)
    }

    fn landmark<'h>(
        &mut self,
        s: &mut State<'h>,
        html: &'h str,
        (start, tag_end): (usize, usize),
        tag: u64,
        id: u64,
        tokens: &mut Tokenizer<'h>,
    ) -> bool {
        if !enabled()
            || !tokens.in_plain_html()
            || s.frames.iter().any(|f| f.kind != Kind::Lang || f.raw)
        {
            return false;
        }
        let Some(finder) = end_tag(tag) else {
            return false;
        };
        let Some(end) = html
            .as_bytes()
            .get(tag_end..)
            .and_then(|rest| finder.find(rest))
            .map(|at| tag_end + at + finder.needle().len())
        else {
            return false;
        };
        let Some(bytes) = html.get(start..end) else {
            return false;
        };
        let lang = s.lang_in_effect().copied();
        let titled = s.title.is_some();
        let hash = foldhash::fast::FixedState::default().hash_one((
            bytes,
            lang.map_or(0, |l| l.precomputed_hash()),
            titled,
        ));
        TABLE.with(|table| {
            let mut table = table.borrow_mut();
            match table.slots.get(&hash) {
                None => {
                    if table.slots.len() >= MAX_SLOTS {
                        // Elements seen once go first: most are the
                        // one-page kind (a language switcher).
                        table.slots.retain(|_, slot| !matches!(slot, Slot::Seen));
                        if table.slots.len() >= MAX_SLOTS / 2 {
                            *table = Table::default();
                        }
                    }
                    table.slots.insert(hash, Slot::Seen);
                    false
                }
                Some(Slot::Seen) => {
                    self.reading = Some(Reading {
                        hash,
                        id,
                        start,
                        end,
                        lang,
                        titled,
                        before: Lengths::of(s),
                    });
                    false
                }
                Some(Slot::Refused) => false,
                Some(Slot::Kept(kept)) => {
                    if *kept.bytes != *bytes || kept.lang != lang || kept.titled != titled {
                        return false;
                    }
                    add(s, kept, bytes);
                    #[cfg(test)]
                    REPLAYED.with(|n| n.set(n.get() + 1));
                    s.cursor = end;
                    tokens.skip(end, kept.elements);
                    true
                }
            }
        })
    }

    /// At an end tag that ends at `end` and ends element `closes`.
    #[inline(always)]
    pub(super) fn end(
        &mut self,
        s: &State,
        html: &str,
        closes: Option<u64>,
        end: usize,
        tokens: &Tokenizer,
    ) {
        let Some(r) = &self.reading else {
            return;
        };
        match closes {
            Some(c) if c > r.id && end < r.end => {}
            Some(c) if c == r.id && end == r.end => self.keep(s, html, tokens),
            _ => self.refuse(),
        }
    }

    fn refuse(&mut self) {
        if let Some(r) = self.reading.take() {
            TABLE.with(|table| {
                table.borrow_mut().slots.insert(r.hash, Slot::Refused);
            });
        }
    }

    fn keep(&mut self, s: &State, html: &str, tokens: &Tokenizer) {
        let Some(r) = self.reading.take() else {
            return;
        };
        let Some(bytes) = html.get(r.start..r.end) else {
            return;
        };
        let kept = tokens.in_plain_html().then(|| Kept {
            bytes: bytes.into(),
            lang: r.lang,
            titled: r.titled,
            elements: tokens.next_id() - r.id,
            findings: s
                .findings
                .get(r.before.findings..)
                .unwrap_or_default()
                .to_vec(),
            ids: s.ids.get(r.before.ids..).unwrap_or_default().to_vec(),
            idrefs: s.idrefs.get(r.before.idrefs..).unwrap_or_default().to_vec(),
            links: s
                .links
                .get(r.before.links..)
                .unwrap_or_default()
                .iter()
                .map(|l| KeptLink {
                    href: Piece::of(&l.href, bytes),
                    hreflang: l.hreflang.as_deref().map(|h| Piece::of(h, bytes)),
                    lang: l.lang,
                    text: Piece::of(&l.text, bytes),
                    aria_label: l.aria_label.as_deref().map(|t| Piece::of(t, bytes)),
                    labelled_by: l.labelled_by,
                    title: l.title.as_deref().map(|t| Piece::of(t, bytes)),
                    blank: l.blank,
                })
                .collect(),
            headings: s
                .headings
                .get(r.before.headings..)
                .unwrap_or_default()
                .iter()
                .map(|h| (h.level, Piece::of(&h.text, bytes)))
                .collect(),
            tables: s.tables.get(r.before.tables..).unwrap_or_default().to_vec(),
            videos: s.videos.get(r.before.videos..).unwrap_or_default().to_vec(),
        });
        TABLE.with(|table| {
            let mut table = table.borrow_mut();
            let slot = match kept {
                Some(kept) => {
                    if table.bytes + kept.bytes.len() > MAX_BYTES {
                        *table = Table::default();
                    }
                    table.bytes += kept.bytes.len();
                    Slot::Kept(Box::new(kept))
                }
                None => Slot::Refused,
            };
            table.slots.insert(r.hash, slot);
        });
    }
}

/// Adds what was kept of an element to `s`, its texts borrowed from the
/// same bytes on this page (`bytes`).
fn add<'h>(s: &mut State<'h>, kept: &Kept, bytes: &'h str) {
    s.findings.extend(kept.findings.iter().cloned());
    s.ids.extend(kept.ids.iter().cloned());
    s.idrefs.extend(kept.idrefs.iter().cloned());
    s.links.extend(kept.links.iter().map(|l| LinkScan {
        href: l.href.read(bytes),
        hreflang: l.hreflang.as_ref().map(|p| p.read(bytes)),
        lang: l.lang,
        text: l.text.read(bytes),
        aria_label: l.aria_label.as_ref().map(|p| p.read(bytes)),
        labelled_by: l.labelled_by,
        title: l.title.as_ref().map(|p| p.read(bytes)),
        blank: l.blank,
    }));
    s.headings
        .extend(kept.headings.iter().map(|(level, text)| HeadingScan {
            level: *level,
            text: text.read(bytes),
        }));
    s.tables.extend_from_slice(&kept.tables);
    s.videos.extend_from_slice(&kept.videos);
}

/// Whether elements are kept; tests turn it off to compare.
#[cfg(not(test))]
fn enabled() -> bool {
    true
}

#[cfg(test)]
thread_local! {
    pub(super) static ENABLED: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

#[cfg(test)]
fn enabled() -> bool {
    ENABLED.with(std::cell::Cell::get)
}

#[cfg(test)]
thread_local! {
    /// How many elements were added from the table (and not read).
    static REPLAYED: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lint::{Facts, findings_of};
    use proptest::prelude::*;

    /// Lints `pages` in order with elements kept and without; the results
    /// must be the same page by page. Returns how many elements were
    /// added from the table.
    fn both_ways(pages: &[String]) -> Result<usize, TestCaseError> {
        let lint = |keep: bool| -> Vec<(Facts, Vec<Finding>)> {
            ENABLED.with(|e| e.set(keep));
            TABLE.with(|t| *t.borrow_mut() = Table::default());
            pages.iter().map(|p| findings_of(p, "/de/x/")).collect()
        };
        let read = lint(false);
        let before = REPLAYED.with(std::cell::Cell::get);
        let kept = lint(true);
        let replayed = REPLAYED.with(std::cell::Cell::get) - before;
        for ((page, read), kept) in pages.iter().zip(&read).zip(&kept) {
            prop_assert_eq!(read, kept, "{}", page);
        }
        Ok(replayed)
    }

    fn page(head: &str, body: &str) -> String {
        format!(
            "<!DOCTYPE html><html lang=\"de\"><head><meta name=\"viewport\" content=\"width=device-width\">{head}</head><body>{body}</body></html>"
        )
    }

    const MENU: &str = "<nav aria-label=\"Menü\"><h2 id=\"m\">Menü</h2><ul>\
        <li><a href=\"/de/a/\">Leitbild &amp; Ziele</a></li>\
        <li><a href=\"/en/\" lang=\"en\" hreflang=\"en\">English</a></li>\
        <li><a href=\"/de/b/\">hier</a></li>\
        <li><a href=\"/de/c/\" aria-label=\"Kontakt\"><img src=\"k.png\"></a></li>\
        <li><a href=\"https://example.org/\" target=\"_blank\" title=\"Stadt\">Stadt <b>Bielefeld</b></a></li>\
        </ul><p id=\"d\" aria-describedby=\"main-text\">как дела</p></nav>";

    #[test]
    fn a_kept_menu_gives_every_page_what_reading_it_gives() {
        let pages: Vec<String> = (0..5)
            .map(|i| {
                page(
                    &format!("<title>Seite {i}</title>"),
                    &format!("<main id=\"main-text\"><h1>Seite {i}</h1><p id=\"d\">Text</p></main>{MENU}<footer><a href=\"/de/\">Start</a></footer>"),
                )
            })
            .collect();
        let replayed = both_ways(&pages).unwrap_or_else(|e| panic!("{e}"));
        // Seen, read and kept, then added on pages 3, 4 and 5 (menu and footer).
        assert_eq!(replayed, 6);
        // What the menu holds is found on a page where it was added.
        let (facts, findings) = findings_of(pages.last().map_or("", String::as_str), "/de/x/");
        assert!(
            facts
                .links
                .iter()
                .any(|l| l.href == "/en/" && l.hreflang.is_some_and(|h| h == "en"))
        );
        let rules: Vec<&str> = findings.iter().map(|f| &*f.rule).collect();
        for rule in [
            "html/duplicate-id",
            "a11y/link-generic-text",
            "a11y/img-alt-missing",
            "a11y/link-new-window",
            "a11y/foreign-script",
        ] {
            assert!(rules.contains(&rule), "{rule} missing from {rules:?}");
        }
    }

    /// Elements that read differently elsewhere: each one in two places,
    /// three times each, in both orders.
    #[test]
    fn an_element_that_reads_differently_elsewhere_is_read_everywhere() {
        let cases: [(&str, &str, &str); 8] = [
            // An end tag that ends an element around it.
            ("<nav><a href=\"/a/\">A</b> B</a></nav>", "<b>", "<i>"),
            // Inside a link, whose text it adds to.
            ("<nav>Menü</nav>", "<a href=\"/x/\">", "<span>"),
            // A nav inside the nav: the first end tag is the inner one's.
            (
                "<nav><nav><a href=\"/a/\">A</a></nav><a href=\"#\"></a></nav>",
                "",
                "<div>",
            ),
            // A title where the page has none yet, and where it has one.
            ("<nav><title>Menü</title></nav>", "", "<title>T</title>"),
            // The end tag inside a comment.
            ("<nav><!-- </nav> --><a href=\"/a/\"></a></nav>", "", "<p>"),
            // svg left open.
            (
                "<nav><svg><a href=\"/a/\">A</a></nav><a href=\"/b/\"></a>",
                "",
                "<p>",
            ),
            // In another language: Cyrillic is foreign to German, not to Russian.
            (
                "<nav><a href=\"/ru/\">Русский</a></nav>",
                "<div lang=\"ru\">",
                "<div>",
            ),
            // The page's language set inside.
            (
                "<nav><html lang=\"en\"><a href=\"/a/\">A</a></nav>",
                "",
                "<p>",
            ),
        ];
        for (element, here, there) in cases {
            let at = |around: &str| page("", &format!("{around}{element}<h1>T</h1><p>end</p>"));
            for order in [[here, there], [there, here]] {
                let pages: Vec<String> = order.iter().flat_map(|a| [at(a), at(a), at(a)]).collect();
                both_ways(&pages).unwrap_or_else(|e| panic!("{element} after {order:?}: {e}"));
            }
        }
    }

    /// An element added from the table is not left open: an end tag of
    /// its name after it ends nothing (here: not the link after it).
    #[test]
    fn an_added_element_is_ended() {
        let body = "<nav><code>Hallo</code></nav><a href=\"/de/x/\"></nav><nav><code>Hallo</code></nav><h1>T</h1>";
        let pages = vec![page("", body); 3];
        assert!(both_ways(&pages).unwrap_or_else(|e| panic!("{e}")) > 0);
    }

    /// Pieces of markup the rules read, stray end tags and comments included.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Hallo Welt ",
            "مرحبا ",
            "Привет ",
            "&amp; ",
            "hier",
            " ",
            "\n",
            "<a href=\"/de/x/\">",
            "<a href=\"#t\" lang=\"ar\" hreflang=\"ar\">",
            "<a href=\"/y\" target=\"_blank\">",
            "<a href=\"/z\" aria-label=\"Z\">",
            "</a>",
            "<h2 id=\"t\">",
            "</h2>",
            "<h4>",
            "</h4>",
            "<span lang=\"ru\">",
            "</span>",
            "<b>",
            "</b>",
            "<img src=\"x.png\">",
            "<img src=\"a.png\" alt=\"Bild\">",
            "<table>",
            "<th>",
            "</table>",
            "<video>",
            "<track kind=\"captions\">",
            "</video>",
            "<title>",
            "</title>",
            "<svg>",
            "</svg>",
            "<code>",
            "</code>",
            "<p id=\"d\">",
            "<div aria-labelledby=\"t d\">",
            "</div>",
            "<nav>",
            "</nav>",
            "<footer>",
            "</footer>",
            "<aside lang=\"en\">",
            "</aside>",
            "<!-- </nav> -->",
            "<html lang=\"en\">",
            "<meta name=\"viewport\" content=\"width=1\">",
            "<script>",
            "</script>",
            "<td headers=\"t\">",
            "<label for=\"zz\">",
            "<ul>",
            "<li>",
            "</p>",
            "<br>",
            "</br>",
        ])
    }

    fn pieces(max: usize) -> impl Strategy<Value = String> {
        prop::collection::vec(piece(), 0..max).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        /// A landmark of random markup, repeated in random places across
        /// pages: every page gets the same findings and facts whether
        /// landmarks are kept or read every time.
        #[test]
        fn kept_landmarks_change_no_page(
            name in prop::sample::select(vec!["nav", "footer", "aside"]),
            inside in pieces(12),
            around in prop::collection::vec(pieces(4), 8),
        ) {
            let element = format!("<{name}>{inside}</{name}>");
            let pages: Vec<String> = around
                .chunks(2)
                .map(|c| {
                    let (a, b) = (c.first().map_or("", String::as_str), c.get(1).map_or("", String::as_str));
                    page("", &format!("{a}{element}{b}{element}<p>{a}{element}"))
                })
                .collect();
            both_ways(&pages)?;
        }
    }
}
