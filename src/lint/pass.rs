//! One page's lint pass on lol_html: every element and every text node
//! goes to the rules (`rules/`), with the stack of open elements that the
//! rules follow (links, headings, tables, media, code, elements with a
//! `lang`). lol_html calls an end-tag handler only with `'static` data, so
//! an end tag queues its element's number and the pass closes the element
//! before the next element or text.

use std::cell::RefCell;
use std::rc::Rc;

use lol_html::html_content::{Element, TextChunk, TextType};
use lol_html::{HtmlRewriter, Settings, doc_text, element, end_tag};

use super::rules::{self, Rules};
use super::{Facts, Finding, Linter, script, words};

/// What an open element is to the rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// An element no rule follows that sets the language.
    Plain,
    /// An element whose text is its accessible name (links, headings,
    /// buttons, the title): the index of that text in [`Scan::names`].
    Name(usize),
    /// A data table (index into the table rule's list).
    Table(usize),
    /// A video (index into the media rule's list).
    Video(usize),
    /// Code, scripts, styles, svg and math: their text is not language text.
    Opaque,
}

struct Frame {
    id: u64,
    kind: Kind,
    lang: Option<String>,
}

/// One start tag as the rules read it: names lower-cased, attribute values
/// decoded; the first of duplicate attributes wins, as in browsers.
pub(super) struct Tag {
    pub name: String,
    attrs: Vec<(String, String)>,
    /// Where the tag starts in the page.
    pub at: usize,
}

impl Tag {
    fn of(el: &Element) -> Tag {
        Tag {
            name: el.tag_name(),
            attrs: el
                .attributes()
                .iter()
                .map(|a| {
                    (
                        a.name(),
                        decoded(a.value(), |v| htmlize::unescape_attribute(v)),
                    )
                })
                .collect(),
            at: el.source_location().bytes().start,
        }
    }

    /// The value of attribute `name`; an attribute without a value
    /// (`<td headers>`) has the empty string, as in the DOM.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The element's own language (`lang`, or `xml:lang`).
    pub fn lang(&self) -> Option<&str> {
        self.attr("lang").or_else(|| self.attr("xml:lang"))
    }
}

/// `text` with its character references decoded by `decode` (the text
/// itself when it has none).
fn decoded(text: String, decode: impl for<'a> Fn(&'a str) -> std::borrow::Cow<'a, str>) -> String {
    match decode(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(d) => d,
    }
}

/// The state of one page's pass: the open elements, the rules' own state
/// and their findings.
pub(super) struct Scan<'l> {
    linter: &'l Linter,
    frames: Vec<Frame>,
    next_id: u64,
    /// The texts of the named elements ([`Kind::Name`]).
    pub names: Vec<String>,
    pub rules: Rules,
    pub findings: Vec<Finding>,
    /// The letters of the languages met on this page ([`Scan::letters`]).
    letters: Vec<(String, Option<script::Letters>)>,
    /// The text node being read: its chunks so far, where it starts, its type.
    text: String,
    text_at: usize,
    text_type: Option<TextType>,
}

type Ends = Rc<RefCell<Vec<u64>>>;

/// The pass: what one page's bytes at `url` say, before anything is tied
/// to a source file.
pub(super) fn run(linter: &Linter, html: &str, url: &str) -> (Facts, Vec<Finding>) {
    let scan = RefCell::new(Scan {
        linter,
        frames: Vec::new(),
        next_id: 0,
        names: Vec::new(),
        rules: Rules::default(),
        findings: Vec::new(),
        letters: Vec::new(),
        text: String::new(),
        text_at: 0,
        text_type: None,
    });
    let ends: Ends = Rc::default();
    let result = {
        let mut rewriter = HtmlRewriter::new(
            Settings::new()
                .append_element_content_handler(element!("*", |el| {
                    let mut s = scan.borrow_mut();
                    s.close(&ends);
                    s.element(el, &ends)
                }))
                .append_document_content_handler(doc_text!(|t| {
                    let mut s = scan.borrow_mut();
                    s.close(&ends);
                    s.text(t);
                    Ok(())
                })),
            |_: &[u8]| {},
        );
        rewriter
            .write(html.as_bytes())
            .and_then(|()| rewriter.end())
    };
    let mut s = scan.into_inner();
    if let Err(e) = result {
        s.report(
            "lint/unreadable",
            format!("the HTML lint could not read the page: {e}"),
            None,
        );
    }
    s.close(&ends);
    s.flush_text();
    rules::finish(&mut s, url)
}

impl<'l> Scan<'l> {
    /// Closes the elements whose end tags were met, each with any element
    /// left open inside it (elements are numbered in page order, so those
    /// are the frames from its number on).
    fn close(&mut self, ends: &Ends) {
        for id in ends.borrow_mut().drain(..) {
            let keep = self.frames.partition_point(|f| f.id < id);
            self.frames.truncate(keep);
        }
    }

    fn element(&mut self, el: &mut Element, ends: &Ends) -> lol_html::HandlerResult {
        self.flush_text();
        let tag = Tag::of(el);
        let kind = rules::element(self, &tag);
        let own_lang = tag.lang().map(str::to_string);
        if !el.can_have_content() {
            return Ok(());
        }
        // Every element with content is numbered and its end tag noted,
        // so that it also closes the elements left open inside it
        // (`<p><a>…</p>`); only those a rule follows, or that set the
        // language, get a frame.
        let id = self.next_id;
        self.next_id += 1;
        if kind.is_some() || own_lang.is_some() {
            self.frames.push(Frame {
                id,
                kind: kind.unwrap_or(Kind::Plain),
                lang: own_lang,
            });
        }
        let ends = Rc::clone(ends);
        el.on_end_tag(end_tag!(move |_| {
            ends.borrow_mut().push(id);
            Ok(())
        }))
    }

    fn text(&mut self, t: &TextChunk) {
        if self.text_type.is_none() {
            self.text_at = t.source_location().bytes().start;
            self.text_type = Some(t.text_type());
        }
        self.text.push_str(t.as_str());
        if t.last_in_text_node() {
            self.flush_text();
        }
    }

    /// Hands the text node read so far, decoded, to the names of the open
    /// elements and, when it is language text, to the language rules.
    fn flush_text(&mut self) {
        let Some(text_type) = self.text_type.take() else {
            return;
        };
        let raw = std::mem::take(&mut self.text);
        let text = if text_type.allows_html_entities() {
            decoded(raw, |v| htmlize::unescape(v))
        } else {
            raw
        };
        if text.is_empty() {
            return;
        }
        self.add_to_names(&text);
        let opaque = self.frames.iter().any(|f| f.kind == Kind::Opaque);
        if text_type == TextType::Data && !opaque {
            rules::text(self, &text, self.text_at);
        }
    }

    /// Adds `text` to the names of every open named element.
    pub fn add_to_names(&mut self, text: &str) {
        for f in &self.frames {
            if let Kind::Name(i) = f.kind
                && let Some(name) = self.names.get_mut(i)
            {
                name.push_str(text);
            }
        }
    }

    /// A new name for an element that opens now; its index for [`Kind::Name`].
    pub fn new_name(&mut self) -> usize {
        self.names.push(String::new());
        self.names.len() - 1
    }

    /// The innermost open element `pick` says something of.
    pub fn innermost<T>(&self, pick: impl Fn(Kind) -> Option<T>) -> Option<T> {
        self.frames.iter().rev().find_map(|f| pick(f.kind))
    }

    /// The language in effect inside the open elements ("" when none has one).
    pub fn lang(&self) -> &str {
        self.frames
            .iter()
            .rev()
            .find_map(|f| f.lang.as_deref())
            .unwrap_or("")
    }

    /// The language in effect at `tag`: its own, or the one around it.
    pub fn lang_at(&self, tag: &Tag) -> String {
        tag.lang().unwrap_or_else(|| self.lang()).to_string()
    }

    /// The letters of `lang`'s expected scripts (the site's languages', or
    /// looked up once per page); `None` when its scripts are unknown.
    pub fn letters(&mut self, lang: &str) -> Option<&mut script::Letters> {
        let at = match self.letters.iter().position(|(l, _)| l == lang) {
            Some(at) => at,
            None => {
                let scripts = match self.linter.language(lang) {
                    Some(l) => l.scripts.clone(),
                    None => script::expected_scripts(lang),
                };
                self.letters
                    .push((lang.to_string(), scripts.map(script::Letters::new)));
                self.letters.len() - 1
            }
        };
        self.letters.get_mut(at).and_then(|(_, l)| l.as_mut())
    }

    /// The site's languages named as a word of their own in `text`.
    pub fn languages_named_in(&self, text: &str) -> Vec<&'l super::Language> {
        self.linter.named_in(text)
    }

    /// The word lists of `lang` (none: English only).
    pub fn words(&self, lang: &str) -> Option<words::Lists> {
        match self.linter.language(lang) {
            Some(l) => l.words,
            None => words::lists(super::primary(lang)),
        }
    }

    pub fn report(&mut self, rule: &'static str, message: String, at: Option<usize>) {
        self.findings.push(Finding { rule, message, at });
    }
}
