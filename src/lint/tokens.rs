//! The lint's HTML tokenizer: start and end tags with the byte ranges of
//! their names and attributes, read straight from the page, and which open
//! element each end tag closes.
//!
//! It follows the WHATWG tokenizer states, and the small tree-builder
//! simulation a streaming parser needs to know how text is read (raw text
//! after `<script>`, `<style>`, `<title>`…, not inside svg or math), the
//! same way lol_html does; a property test holds the two to the same tags,
//! attributes and end tags on random markup. It does no rewriting, copies
//! nothing and allocates only its stacks, which makes it several times
//! faster than lol_html's rewriter for a pass that only reads: lol_html was
//! half of the lint's time, a fifth of a cold build.
//!
//! Text, comments and doctypes between two tags are not tokens: the lint
//! reads the gaps itself ([`markup_end`] skips what is not text).

use std::ops::Range;

/// One attribute of a start tag: where its name and value are in the page
/// (no value: `<td headers>`; the value is without its quotes and with its
/// character references not yet decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Attr {
    pub(super) name: Range<usize>,
    pub(super) value: Option<Range<usize>>,
    /// Whether the value holds a `&` (a character reference to decode).
    pub(super) amp: bool,
}

/// What the text before the latest token (or before the end of the page)
/// may hold, as the tokenizer saw it on its way: a `<` that starts no tag
/// (a comment, a doctype, a stray `<`), and a `&` (a character reference).
/// `false` is certain; `true` means look (the lint then searches the text
/// itself, as it must in raw text, which is read differently).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Gap {
    pub(super) lt: bool,
    pub(super) amp: bool,
}

impl Gap {
    const UNKNOWN: Gap = Gap {
        lt: true,
        amp: true,
    };
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Token<'h> {
    /// A start tag. Its attributes are in [`Tokenizer::attrs`] until the
    /// next token. `id` numbers the elements of the page in order; an
    /// element that `opens` (not void, not self-closing in svg or math) is
    /// open until an end tag closes it or an element it is inside. After a
    /// `raw` one (`script`, `style`, `title`…, not in svg or math) all is
    /// text up to its end tag.
    /// `name` is as written (its key is lower-cased).
    Start {
        name: &'h str,
        /// The name's [`name_key`].
        key: u64,
        span: Range<usize>,
        id: u64,
        opens: bool,
        raw: bool,
    },
    /// An end tag. `closes` is the element it ends, the innermost open
    /// element of its name; it also closes every element opened inside
    /// that one (their end tags were left out). `None`: no such element
    /// is open, and the end tag is ignored.
    End {
        name: &'h str,
        span: Range<usize>,
        closes: Option<u64>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ns {
    Html,
    Svg,
    MathMl,
}

/// How the text after the last tag is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Text {
    Data,
    /// Up to the end tag of the last start tag (`style`, `title`, …).
    Raw,
    /// Like `Raw`, with `<!--` … `-->` escapes in which `<script>` nests.
    Script,
    /// Text to the end of the page.
    Plain,
}

pub(super) struct Tokenizer<'h> {
    html: &'h str,
    pos: usize,
    text: Text,
    /// The name of the element whose raw text is being read.
    raw_name: &'h str,
    ns: Vec<Ns>,
    /// Open elements: name, its [`name_key`] and id.
    open: Vec<(&'h str, u64, u64)>,
    next_id: u64,
    /// The attributes of the last start tag.
    pub(super) attrs: Vec<Attr>,
    /// The text before the latest token ([`Gap`]).
    pub(super) gap: Gap,
}

/// A tag as read: name, end of the tag, self-closing flag.
struct Read {
    name: Range<usize>,
    end: usize,
    self_closing: bool,
}

fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\n' | b'\r' | b'\t' | b'\x0C')
}

/// The index of the first `a` or `b` in `hay`. Most runs a page is
/// searched over are short (an attribute value, the line break between two
/// tags), where `memchr2`'s set-up costs more than the search: the first
/// 32 bytes are searched eight at a time in a `u64`, the rest by `memchr2`.
pub(super) fn find2(hay: &[u8], a: u8, b: u8) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let (fill_a, fill_b) = (ONES * u64::from(a), ONES * u64::from(b));
    let mut at = 0;
    for eight in hay.chunks_exact(8).take(4) {
        let word = u64::from_le_bytes(eight.try_into().unwrap_or_default());
        // A byte of `x` is zero where the byte is `a` (`y`: `b`); the
        // lowest flagged byte is exact (a borrow only flags higher ones).
        let (x, y) = (word ^ fill_a, word ^ fill_b);
        let found = (x.wrapping_sub(ONES) & !x | y.wrapping_sub(ONES) & !y) & HIGHS;
        if found != 0 {
            return Some(at + (found.trailing_zeros() / 8) as usize);
        }
        at += 8;
    }
    let rest = hay.get(at..)?;
    if at < 32 {
        return rest.iter().position(|&c| c == a || c == b).map(|i| at + i);
    }
    memchr::memchr2(a, b, rest).map(|i| at + i)
}

/// A name of at most eight bytes as one number, lower-cased (`0` for a
/// longer name): the tree builder and the rules `match` on it, one integer
/// comparison instead of a string comparison per candidate.
pub(super) const fn name_key(name: &[u8]) -> u64 {
    if name.len() > 8 {
        return 0;
    }
    let mut key = 0u64;
    let mut i = 0;
    while i < name.len() {
        // (A NUL would make `a\0` the key of `a`.)
        if name[i] == 0 {
            return 0;
        }
        key |= (name[i].to_ascii_lowercase() as u64) << (8 * i);
        i += 1;
    }
    key
}

/// [`name_key`] for names read from a page, eight bytes at a time: a
/// NUL test and an ASCII lower-casing of one word instead of a loop per
/// byte (the tokenizer keys every tag and attribute name).
pub(super) fn name_key_of(name: &[u8]) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    let Some(w) = word_of(name) else {
        return 0;
    };
    // The bytes past the name are 1 for the NUL test.
    let past = ONES.checked_shl(8 * name.len() as u32).unwrap_or(0);
    let t = w | past;
    if t.wrapping_sub(ONES) & !t & HIGHS != 0 {
        return 0;
    }
    // `A`–`Z` (and no byte from 0x80 up) get 0x20 added.
    let low7 = w & !HIGHS;
    let above_z = low7 + ONES * (0x7F - b'Z' as u64);
    let from_a = low7 + ONES * (0x80 - b'A' as u64);
    let upper = from_a & !above_z & !w & HIGHS;
    w | upper >> 2
}

/// The bytes of `name` (at most eight) as one little-endian number, read
/// as two overlapping loads instead of a copy into a buffer: a copy of a
/// varying length is a call to `memcpy`, and loading the buffer right
/// after it stalls (the load cannot take its bytes from the stores).
pub(super) fn word_of(name: &[u8]) -> Option<u64> {
    let n = name.len();
    let load4 = |at: usize| {
        name.get(at..at + 4)
            .and_then(|b| b.try_into().ok())
            .map_or(0, |b| u64::from(u32::from_le_bytes(b)))
    };
    let load2 = |at: usize| {
        name.get(at..at + 2)
            .and_then(|b| b.try_into().ok())
            .map_or(0, |b| u64::from(u16::from_le_bytes(b)))
    };
    // The second load ends at the name's end; where the two overlap they
    // hold the same bytes.
    Some(match n {
        0 => 0,
        1 => u64::from(*name.first()?),
        2..=3 => load2(0) | load2(n - 2) << (8 * (n - 2)),
        4..=8 => load4(0) | load4(n - 4) << (8 * (n - 4)),
        _ => return None,
    })
}

/// The [`name_key`]s of the tag and attribute names the tokenizer and
/// the rules ask for.
pub(super) mod key {
    use super::name_key;

    macro_rules! keys {
        ($($key:ident = $name:literal),* $(,)?) => {
            $(pub(in crate::lint) const $key: u64 = name_key($name);)*
        };
    }
    keys!(
        A = b"a",
        ALT = b"alt",
        ASIDE = b"aside",
        AREA = b"area",
        BASE = b"base",
        BASEFONT = b"basefont",
        BGSOUND = b"bgsound",
        BR = b"br",
        CODE = b"code",
        COL = b"col",
        CONTENT = b"content",
        EMBED = b"embed",
        FOOTER = b"footer",
        FOR = b"for",
        H1 = b"h1",
        H2 = b"h2",
        H3 = b"h3",
        H4 = b"h4",
        H5 = b"h5",
        H6 = b"h6",
        HEADERS = b"headers",
        HR = b"hr",
        HREF = b"href",
        HREFLANG = b"hreflang",
        HTML = b"html",
        ID = b"id",
        IFRAME = b"iframe",
        IMG = b"img",
        INPUT = b"input",
        KBD = b"kbd",
        KEYGEN = b"keygen",
        KIND = b"kind",
        LABEL = b"label",
        LANG = b"lang",
        LINK = b"link",
        MATH = b"math",
        META = b"meta",
        NAME = b"name",
        NOEMBED = b"noembed",
        NOFRAMES = b"noframes",
        NAV = b"nav",
        NOSCRIPT = b"noscript",
        OUTPUT = b"output",
        PARAM = b"param",
        PRE = b"pre",
        REL = b"rel",
        ROLE = b"role",
        SAMP = b"samp",
        SCRIPT = b"script",
        SOURCE = b"source",
        SRC = b"src",
        STYLE = b"style",
        SVG = b"svg",
        TABINDEX = b"tabindex",
        TABLE = b"table",
        TARGET = b"target",
        TD = b"td",
        TEXTAREA = b"textarea",
        TH = b"th",
        TITLE = b"title",
        TRACK = b"track",
        VIDEO = b"video",
        WBR = b"wbr",
        XML_LANG = b"xml:lang",
        XMP = b"xmp",
    );
}

impl<'h> Tokenizer<'h> {
    pub(super) fn new(html: &'h str) -> Self {
        Tokenizer {
            html,
            pos: 0,
            text: Text::Data,
            raw_name: "",
            ns: vec![Ns::Html],
            open: Vec::with_capacity(32),
            next_id: 0,
            attrs: Vec::with_capacity(8),
            gap: Gap::default(),
        }
    }

    /// Whether the tokenizer reads plain HTML text: outside svg and math,
    /// not in raw text (where [`super::memo`] may jump over an element).
    pub(super) fn in_plain_html(&self) -> bool {
        self.ns.len() == 1 && self.ns() == Ns::Html && self.text == Text::Data
    }

    /// The id the next element will get.
    pub(super) fn next_id(&self) -> u64 {
        self.next_id
    }

    /// Goes on at `to`, the end of the element whose start tag was the
    /// last token, as if it had read the `elements` start tags up to there
    /// (its own included), and its end tag ended it and all inside it (an
    /// element read once already: [`super::memo`]).
    pub(super) fn skip(&mut self, to: usize, elements: u64) {
        self.open.pop();
        self.pos = to;
        self.next_id += elements.saturating_sub(1);
        self.text = Text::Data;
        self.gap = Gap::default();
    }

    fn ns(&self) -> Ns {
        self.ns.last().copied().unwrap_or(Ns::Html)
    }

    fn name(&self, r: Range<usize>) -> &'h str {
        self.html.get(r).unwrap_or("")
    }

    /// The next tag, or `None` at the end of the page (a tag cut off by the
    /// end of the page is no tag).
    pub(super) fn next_token(&mut self) -> Option<Token<'h>> {
        let b = self.html.as_bytes();
        self.gap = match self.text {
            Text::Data => Gap::default(),
            _ => Gap::UNKNOWN,
        };
        loop {
            let lt = match self.text {
                Text::Plain => {
                    self.pos = b.len();
                    return None;
                }
                Text::Raw => self.raw_end(false),
                Text::Script => self.raw_end(true),
                Text::Data => {
                    let at = self.pos + find2(b.get(self.pos..)?, b'<', b'&')?;
                    if b.get(at) == Some(&b'&') {
                        self.gap.amp = true;
                        self.pos = at + 1;
                        continue;
                    }
                    match b.get(at + 1) {
                        Some(c) if c.is_ascii_alphabetic() => {
                            return self.start_tag(at);
                        }
                        Some(b'/') if b.get(at + 2).is_some_and(u8::is_ascii_alphabetic) => {
                            Some(at)
                        }
                        Some(b'!')
                            if self.ns() != Ns::Html
                                && b.get(at..).is_some_and(|r| r.starts_with(b"<![CDATA[")) =>
                        {
                            self.gap.lt = true;
                            self.pos = find_past(b, at + 9, b"]]>");
                            continue;
                        }
                        Some(b'!' | b'?' | b'/') => {
                            self.gap.lt = true;
                            self.pos = markup_end(b, at).unwrap_or(b.len());
                            continue;
                        }
                        _ => {
                            self.gap.lt = true;
                            self.pos = at + 1;
                            continue;
                        }
                    }
                }
            };
            let Some(lt) = lt else {
                self.pos = b.len();
                return None;
            };
            return self.end_tag(lt);
        }
    }

    fn start_tag(&mut self, lt: usize) -> Option<Token<'h>> {
        let Some(read) = read_tag(self.html.as_bytes(), lt + 1, Some(&mut self.attrs)) else {
            // The tag cut off by the end of the page is in the text.
            self.gap = Gap::UNKNOWN;
            self.pos = self.html.len();
            return None;
        };
        self.pos = read.end;
        let name = self.name(read.name.clone());
        // Keyed lower-cased: one `match` per question instead of a
        // comparison per candidate.
        let tag = name_key_of(name.as_bytes());
        // The tree builder's part (as lol_html simulates it): namespaces,
        // and how the text after the tag is read.
        self.text = Text::Data;
        match tag {
            key::SVG => self.ns.push(Ns::Svg),
            key::MATH => self.ns.push(Ns::MathMl),
            _ if self.ns() != Ns::Html => self.foreign_start(name, read.self_closing),
            _ => {
                self.text = match tag {
                    key::SCRIPT => Text::Script,
                    key::STYLE
                    | key::IFRAME
                    | key::XMP
                    | key::NOEMBED
                    | key::NOFRAMES
                    | key::NOSCRIPT
                    | key::TEXTAREA
                    | key::TITLE => Text::Raw,
                    0 if name.eq_ignore_ascii_case("plaintext") => Text::Plain,
                    _ => Text::Data,
                };
                self.raw_name = name;
            }
        }
        let opens = if self.ns() == Ns::Html {
            !is_void(tag)
        } else {
            !read.self_closing
        };
        let id = self.next_id;
        self.next_id += 1;
        if opens {
            self.open.push((name, tag, id));
        }
        Some(Token::Start {
            name,
            key: tag,
            span: lt..read.end,
            id,
            opens,
            raw: self.text != Text::Data,
        })
    }

    /// A start tag inside svg or math: HTML elements that end foreign
    /// content, and the integration points where HTML starts again.
    fn foreign_start(&mut self, name: &str, self_closing: bool) {
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        let ns = self.ns();
        let attr = |this: &Self, n: &str| {
            this.attrs
                .iter()
                .find(|a| this.name(a.name.clone()).eq_ignore_ascii_case(n))
                .map(|a| a.value.clone().map_or("", |v| this.name(v)))
        };
        if EXITS_FOREIGN.iter().any(|n| is(n))
            || (is("font")
                && ["color", "size", "face"]
                    .iter()
                    .any(|n| attr(self, n).is_some()))
        {
            self.ns.pop();
        } else if !self_closing
            && (integration_point(ns, name)
                || (ns == Ns::MathMl
                    && is("annotation-xml")
                    && attr(self, "encoding").is_some_and(|e| {
                        e.eq_ignore_ascii_case("text/html")
                            || e.eq_ignore_ascii_case("application/xhtml+xml")
                    })))
        {
            self.ns.push(Ns::Html);
        }
    }

    fn end_tag(&mut self, lt: usize) -> Option<Token<'h>> {
        self.attrs.clear();
        let Some(read) = read_tag(self.html.as_bytes(), lt + 2, None) else {
            self.gap = Gap::UNKNOWN;
            self.pos = self.html.len();
            return None;
        };
        self.pos = read.end;
        self.text = Text::Data;
        let name = self.name(read.name);
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        let ns = self.ns();
        let outer = self
            .ns
            .len()
            .checked_sub(2)
            .and_then(|i| self.ns.get(i))
            .copied();
        let leaves = match ns {
            // The end of an integration point (any `annotation-xml`).
            Ns::Html => outer.is_some_and(|outer| {
                integration_point(outer, name) || (outer == Ns::MathMl && is("annotation-xml"))
            }),
            Ns::Svg => is("svg") || is("p") || is("br"),
            Ns::MathMl => is("math") || is("p") || is("br"),
        };
        if leaves {
            self.ns.pop();
        }
        // Names of up to eight bytes compare as their keys (one integer
        // per open element instead of a comparison of bytes); a longer
        // name, or one with a NUL, has key 0 and compares as text.
        let key = name_key_of(name.as_bytes());
        let closes = self
            .open
            .iter()
            .rposition(|(n, k, _)| {
                if key != 0 {
                    *k == key
                } else {
                    n.eq_ignore_ascii_case(name)
                }
            })
            .map(|i| {
                let id = self.open.get(i).map_or(0, |(_, _, id)| *id);
                self.open.truncate(i);
                id
            });
        Some(Token::End {
            name,
            span: lt..read.end,
            closes,
        })
    }

    /// Where the end tag of the raw-text element starts (its `<`), from
    /// the current position; `None` if the page ends first.
    fn raw_end(&self, script: bool) -> Option<usize> {
        let b = self.html.as_bytes();
        if script {
            return script_end(b, self.pos, self.raw_name);
        }
        let mut at = self.pos;
        loop {
            let lt = at + memchr::memchr(b'<', b.get(at..)?)?;
            if appropriate_end(b, lt, self.raw_name) {
                return Some(lt);
            }
            at = lt + 1;
        }
    }
}

/// Reads a tag whose name starts at `from` (the tag name, attribute and
/// self-closing states), putting a start tag's attributes in `attrs`;
/// `None` if the page ends inside the tag.
fn read_tag(b: &[u8], from: usize, mut attrs: Option<&mut Vec<Attr>>) -> Option<Read> {
    if let Some(attrs) = attrs.as_deref_mut() {
        attrs.clear();
    }
    let mut i = from;
    while !matches!(b.get(i)?, b'/' | b'>') && !is_space(*b.get(i)?) {
        i += 1;
    }
    let name = from..i;
    let mut self_closing = false;
    // Before attribute name.
    loop {
        match *b.get(i)? {
            c if is_space(c) => i += 1,
            b'>' => break,
            b'/' => {
                if b.get(i + 1)? == &b'>' {
                    self_closing = true;
                    i += 1;
                    break;
                }
                i += 1;
            }
            _ => {
                // Attribute name (its first character may be `=`).
                let name_from = i;
                i += 1;
                while !matches!(b.get(i)?, b'/' | b'>' | b'=') && !is_space(*b.get(i)?) {
                    i += 1;
                }
                let name = name_from..i;
                let mut amp = false;
                // After attribute name.
                while is_space(*b.get(i)?) {
                    i += 1;
                }
                let value = if b.get(i)? == &b'=' {
                    i += 1;
                    while is_space(*b.get(i)?) {
                        i += 1;
                    }
                    match *b.get(i)? {
                        q @ (b'"' | b'\'') => {
                            let mut close = i + 1;
                            loop {
                                close += find2(b.get(close..)?, q, b'&')?;
                                if b.get(close) != Some(&b'&') {
                                    break;
                                }
                                amp = true;
                                close += 1;
                            }
                            let v = i + 1..close;
                            i = close + 1;
                            Some(v)
                        }
                        b'>' => None,
                        _ => {
                            let v_from = i;
                            while b.get(i)? != &b'>' && !is_space(*b.get(i)?) {
                                amp |= b.get(i) == Some(&b'&');
                                i += 1;
                            }
                            Some(v_from..i)
                        }
                    }
                } else {
                    None
                };
                if let Some(attrs) = attrs.as_deref_mut() {
                    attrs.push(Attr { name, value, amp });
                }
            }
        }
    }
    Some(Read {
        name,
        end: i + 1,
        self_closing,
    })
}

/// Whether the element `name` of namespace `ns` holds HTML content: svg's
/// `desc`, `title` and `foreignObject`, MathML's text elements. (MathML's
/// `annotation-xml` does with an HTML encoding; the callers look at that.)
fn integration_point(ns: Ns, name: &str) -> bool {
    let names: &[&str] = match ns {
        Ns::Svg => &["desc", "title", "foreignObject"],
        Ns::MathMl => &["mi", "mo", "mn", "ms", "mtext"],
        Ns::Html => &[],
    };
    names.iter().any(|n| name.eq_ignore_ascii_case(n))
}

/// HTML elements whose start tag ends svg or math content (`font` too,
/// with a color, size or face attribute).
const EXITS_FOREIGN: [&str; 44] = [
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// Void elements (by [`name_key`]): no content, no end tag.
fn is_void(tag: u64) -> bool {
    matches!(
        tag,
        key::AREA
            | key::BASE
            | key::BASEFONT
            | key::BGSOUND
            | key::BR
            | key::COL
            | key::EMBED
            | key::HR
            | key::IMG
            | key::INPUT
            | key::KEYGEN
            | key::LINK
            | key::META
            | key::PARAM
            | key::SOURCE
            | key::TRACK
            | key::WBR
    )
}

/// Whether `b[lt..]` is `</name` followed by a space, `/` or `>`.
fn appropriate_end(b: &[u8], lt: usize, name: &str) -> bool {
    b.get(lt + 1) == Some(&b'/') && names(b, lt + 2, name)
}

/// Whether `b[at..]` is `name` (any case) followed by a space, `/` or `>`.
fn names(b: &[u8], at: usize, name: &str) -> bool {
    let end = at + name.len();
    b.get(at..end)
        .is_some_and(|t| t.eq_ignore_ascii_case(name.as_bytes()))
        && b.get(end)
            .is_some_and(|&c| is_space(c) || c == b'/' || c == b'>')
}

/// Past a run of dashes from `i` in an escaped script: the index after it,
/// and after a `>` that follows, which ends the escape (then `true`).
fn past_dashes(b: &[u8], mut i: usize) -> (usize, bool) {
    while b.get(i) == Some(&b'-') {
        i += 1;
    }
    if b.get(i) == Some(&b'>') {
        (i + 1, true)
    } else {
        (i, false)
    }
}

/// Where the end tag of a script starts, following the script-data states:
/// inside `<!--` … `-->` a `<script>` nests, and its `</script>` does not
/// end the outer one.
fn script_end(b: &[u8], from: usize, name: &str) -> Option<usize> {
    #[derive(PartialEq)]
    enum S {
        Data,
        Escaped,
        Double,
    }
    let mut s = S::Data;
    let mut i = from;
    loop {
        let c = *b.get(i)?;
        match s {
            S::Data => {
                i += memchr::memchr(b'<', b.get(i..)?)?;
                if appropriate_end(b, i, name) {
                    return Some(i);
                }
                if b.get(i..).is_some_and(|r| r.starts_with(b"<!--")) {
                    let (next, ended) = past_dashes(b, i + 4);
                    (i, s) = (next, if ended { S::Data } else { S::Escaped });
                    continue;
                }
                i += 1;
            }
            S::Escaped | S::Double if c == b'-' && b.get(i + 1) == Some(&b'-') => {
                let (next, ended) = past_dashes(b, i + 2);
                i = next;
                if ended {
                    s = S::Data;
                }
            }
            S::Escaped if c == b'<' && appropriate_end(b, i, name) => return Some(i),
            S::Escaped if c == b'<' && names(b, i + 1, "script") => {
                (i, s) = (i + 8, S::Double);
            }
            S::Double if c == b'<' && appropriate_end(b, i, "script") => {
                (i, s) = (i + 9, S::Escaped);
            }
            S::Escaped | S::Double => i += 1,
        }
    }
}

/// The index just past the first `pattern` at or after `from`, or the
/// end of `b`.
fn find_past(b: &[u8], from: usize, pattern: &[u8]) -> usize {
    b.get(from..)
        .and_then(|tail| memchr::memmem::find(tail, pattern))
        .map_or(b.len(), |i| from + i + pattern.len())
}

/// Where the markup that starts with the `<` at `lt` ends (the index after
/// it), as the HTML tokenizer reads it in text: a comment, a doctype or
/// other `<!…>`/`<?…>`, an end tag (whose quoted attribute values may hold
/// `>`), or a start tag. `None` if the `<` is text.
pub(super) fn markup_end(b: &[u8], lt: usize) -> Option<usize> {
    let rest = b.get(lt..)?;
    match rest.get(1)? {
        b'!' if rest.starts_with(b"<!--") => Some(match rest.get(4..) {
            // `<!-->` and `<!--->` are whole, empty comments.
            Some([b'>', ..]) => lt + 5,
            Some([b'-', b'>', ..]) => lt + 6,
            _ => comment_end(b, lt + 4),
        }),
        b'!' | b'?' => Some(find_past(b, lt + 2, b">")),
        b'/' => match rest.get(2)? {
            c if c.is_ascii_alphabetic() => Some(tag_end(b, lt + 2)),
            b'>' => Some(lt + 3),
            _ => Some(find_past(b, lt + 2, b">")),
        },
        c if c.is_ascii_alphabetic() => Some(tag_end(b, lt + 1)),
        _ => None,
    }
}

/// The index after the `-->` or `--!>` that ends a comment whose text
/// starts at `from`, or the end of `b`.
fn comment_end(b: &[u8], from: usize) -> usize {
    let mut at = from;
    while let Some(gt) = b.get(at..).and_then(|t| memchr::memchr(b'>', t)) {
        let gt = at + gt;
        let ends =
            |tail: &[u8]| gt >= from + tail.len() && b.get(gt - tail.len()..gt) == Some(tail);
        if ends(b"--") || ends(b"--!") {
            return gt + 1;
        }
        at = gt + 1;
    }
    b.len()
}

/// The index after the `>` that closes a tag whose name starts at `from`
/// (read as [`read_tag`] reads it), or the end of `b`.
fn tag_end(b: &[u8], from: usize) -> usize {
    read_tag(b, from, None).map_or(b.len(), |read| read.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// A start tag as both tokenizers report it: where it is, whether it
    /// opens an element, its attributes (name and value ranges).
    type Start = (
        Range<usize>,
        bool,
        Vec<(Range<usize>, Option<Range<usize>>)>,
    );
    /// An end tag that ends an element: where the element's start tag
    /// begins, and where the end tag is. (One end tag ends the elements
    /// left open inside its own too, innermost first.)
    type End = (usize, Range<usize>);

    fn ours(html: &str) -> (Vec<Start>, Vec<End>) {
        let mut t = Tokenizer::new(html);
        let (mut starts, mut ends) = (Vec::new(), Vec::new());
        // Where each element's start tag begins, by id; the open ones.
        let (mut at, mut open): (Vec<usize>, Vec<usize>) = (Vec::new(), Vec::new());
        while let Some(token) = t.next_token() {
            match token {
                Token::Start {
                    span, id, opens, ..
                } => {
                    assert_eq!(at.len() as u64, id, "elements are numbered in order");
                    if opens {
                        open.push(at.len());
                    }
                    at.push(span.start);
                    let attrs = t.attrs.iter().map(|a| (a.name.clone(), a.value.clone()));
                    starts.push((span, opens, attrs.collect()));
                }
                Token::End { span, closes, .. } => {
                    if let Some(id) = closes {
                        while let Some(inner) = open.pop_if(|inner| *inner as u64 >= id) {
                            ends.push((at[inner], span.clone()));
                        }
                    }
                }
            }
        }
        (starts, ends)
    }

    /// lol_html's view of the same page: element handlers on every element
    /// and end-tag handlers on every element with content. `None` if it
    /// refuses the page (its strict mode rejects some ambiguous markup).
    fn oracle(html: &str) -> Option<(Vec<Start>, Vec<End>)> {
        use lol_html::html_content::Element;
        use lol_html::{ElementContentHandlers, HtmlRewriter, Settings};
        let seen = Rc::new(RefCell::new((Vec::new(), Vec::new())));
        let on_element = Rc::clone(&seen);
        let mut rewriter = HtmlRewriter::new(
            Settings::new().append_element_content_handler((
                std::borrow::Cow::Owned("*".parse().ok()?),
                ElementContentHandlers::default().element(move |el: &mut Element| {
                    let span = el.source_location().bytes();
                    let attrs = el.attributes().iter().map(|a| {
                        let name = a.name_source_location().map(|l| l.bytes());
                        (
                            name.unwrap_or_default(),
                            a.value_source_location().map(|l| l.bytes()),
                        )
                    });
                    let start = span.start;
                    let opens = el.can_have_content();
                    on_element
                        .borrow_mut()
                        .0
                        .push((span, opens, attrs.collect()));
                    if opens {
                        let on_end = Rc::clone(&on_element);
                        el.on_end_tag(Box::new(move |end| {
                            on_end
                                .borrow_mut()
                                .1
                                .push((start, end.source_location().bytes()));
                            Ok(())
                        }))?;
                    }
                    Ok(())
                }),
            )),
            |_: &[u8]| {},
        );
        rewriter.write(html.as_bytes()).ok()?;
        rewriter.end().ok()?;
        Some(std::mem::take(&mut *seen.borrow_mut()))
    }

    const NAMES: &[&str] = &[
        "a",
        "p",
        "div",
        "DIV",
        "span",
        "b",
        "li",
        "img",
        "br",
        "link",
        "title",
        "Script",
        "script",
        "style",
        "textarea",
        "noscript",
        "iframe",
        "xmp",
        "svg",
        "math",
        "desc",
        "foreignObject",
        "mi",
        "mtext",
        "font",
        "annotation-xml",
        "table",
        "td",
        "x-y",
    ];

    fn attribute() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            " id=x",
            " lang=\"de\"",
            " a='b>c'",
            " a=\"q\"",
            " a",
            " =x",
            " a = \"q\" ",
            "/",
            " color=red",
            " encoding=\"text/html\"",
            " a=>",
            " a=b/",
            "\"x",
            " a='<'",
        ])
        .prop_map(str::to_string)
    }

    fn piece() -> impl Strategy<Value = String> {
        let name = prop::sample::select(NAMES.to_vec());
        prop_oneof![
            4 => prop::sample::select(vec![
                "x", " ", "<", ">", "&amp;", "a b", "=", "\"", "'", "/", "-", "--", "<!", "</",
                "<!--", "-->", "< a", "<1",
            ])
            .prop_map(str::to_string),
            4 => (name.clone(), prop::collection::vec(attribute(), 0..3), any::<bool>()).prop_map(
                |(n, attrs, slash)| format!("<{n}{}{}>", attrs.concat(), if slash { "/" } else { "" })
            ),
            3 => (name, prop::sample::select(vec!["", " a=\">\"", " x", "/"])).prop_map(|(n, a)| format!("</{n}{a}>")),
            2 => prop::sample::select(vec![
                "<!-- c -->", "<!-->", "<!--->", "<!-- a --!>", "<!doctype html>", "<?pi>",
                "<![CDATA[ x > y ]]>", "<!--<script>-->", "</>", "</ x>", "<!--<script></script>-->",
            ])
            .prop_map(str::to_string),
        ]
    }

    proptest! {
        /// The word-at-a-time key is the byte-by-byte one, for names of
        /// any bytes (capitals, NULs, bytes from 0x80 up) and lengths.
        #[test]
        fn name_keys_are_the_same_word_at_a_time(
            name in proptest::collection::vec(prop_oneof![
                Just(0u8), Just(b'A'), Just(b'Z'), Just(b'@'), Just(b'['), Just(b'a'),
                Just(0x80u8), Just(0xC1u8), Just(0xDAu8), Just(0xFFu8), any::<u8>()
            ], 0..11),
        ) {
            prop_assert_eq!(name_key_of(&name), name_key(&name));
        }
    }

    proptest! {
        /// The word-at-a-time search finds what a byte-by-byte one finds,
        /// before, inside and after its first 32 bytes.
        #[test]
        fn find2_finds_the_first_of_two_bytes(
            hay in proptest::collection::vec(prop_oneof![Just(b'<'), Just(b'&'), Just(0u8), Just(0x80u8), Just(0xFFu8), any::<u8>()], 0..80),
            a in prop_oneof![Just(b'<'), Just(0u8), Just(0xFFu8), any::<u8>()],
            b in prop_oneof![Just(b'&'), Just(0x80u8), any::<u8>()],
        ) {
            prop_assert_eq!(find2(&hay, a, b), hay.iter().position(|&c| c == a || c == b));
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// On random markup the tokenizer finds the tags, attributes and
        /// element ends lol_html's rewriter finds.
        #[test]
        fn tags_and_ends_are_those_lol_html_reports(pieces in prop::collection::vec(piece(), 0..24)) {
            let html = pieces.concat();
            let expected = oracle(&html);
            prop_assume!(expected.is_some(), "lol_html refuses the page");
            let expected = expected.unwrap_or_default();
            prop_assert_eq!(ours(&html), expected, "{}", html);
        }
    }

    proptest! {
        /// Any text, markup-like or not: tokens come in page order, inside
        /// the page, on character boundaries, and the lint pass finishes.
        #[test]
        fn any_text_gives_ordered_tokens_inside_the_page(
            html in prop_oneof!["\\PC{0,200}", "[<>/=\"' a-zA-Z!?\\[\\]-]{0,200}"]
        ) {
            let mut t = Tokenizer::new(&html);
            let mut after = 0;
            while let Some(token) = t.next_token() {
                let (Token::Start { span, .. } | Token::End { span, .. }) = token;
                prop_assert!(after <= span.start && span.start < span.end && span.end <= html.len());
                prop_assert!(html.is_char_boundary(span.start) && html.is_char_boundary(span.end));
                for a in &t.attrs {
                    prop_assert!(span.start < a.name.start && a.name.end <= span.end);
                    prop_assert!(html.get(a.name.clone()).is_some());
                    prop_assert!(a.value.clone().is_none_or(|v| html.get(v).is_some()));
                }
                after = span.end;
            }
            let _ = crate::lint::findings_of(&html, "/de/");
        }
    }

    #[test]
    fn script_escapes_nest_as_the_tokenizer_reads_them() {
        let html = "<script><!--<script></script>--></script><p>";
        let (starts, ends) = ours(html);
        // The inner `</script>` does not end the script; the outer does.
        assert_eq!(ends, vec![(0, 32..41)]);
        assert_eq!(starts.last().map(|s| s.0.clone()), Some(41..44));
        assert_eq!(oracle(html), Some((starts, ends)));
        // `<!-->` (and `<!--->`) ends its escape at once: the `<script>`
        // after it nests in nothing, and the first `</script>` ends.
        for html in [
            "<script><!--><script></script><p>",
            "<script><!---><script></script><p>",
        ] {
            let (starts, ends) = ours(html);
            assert_eq!(starts.len(), 2, "{html}");
            assert_eq!(ends.len(), 1, "{html}");
            assert_eq!(oracle(html), Some((starts, ends)), "{html}");
        }
    }
}
