//! A page's Markdown as the blocks of the document: headings, paragraphs,
//! lists, tables and quotes with their runs of text, each run with its
//! weight, its language and its link. A small walk over pulldown-cmark's
//! events; raw HTML contributes only the `lang` and `dir` of its inline
//! elements (`<span lang="de" dir="ltr">`) and line breaks. Images are not
//! drawn: their alt text stands in their place, tagged as a figure.

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use crate::content::slugify;
use crate::markdown;

/// Where a link leads: a place in the document (`leitbild.md#vision`, or a
/// page's source for its start) or an address outside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Anchor(String),
    Uri(String),
}

/// A run of text with one weight, language and link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inline {
    /// The text; `\n` is a line break. Bidi isolates (U+2066–U+2069) mark
    /// passages written with an explicit direction.
    pub text: String,
    pub strong: bool,
    /// The language of the run where it differs from the document's.
    pub lang: Option<String>,
    /// The link the run belongs to: its number in the page (runs of one
    /// link share it) and where it leads.
    pub link: Option<(usize, Target)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// `level` 1 is the document's title; a page's title is 2.
    Heading {
        level: u8,
        anchor: String,
        text: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        start: Option<u64>,
        items: Vec<Vec<Block>>,
    },
    /// Rows of cells; the first `head` rows are header rows.
    Table {
        head: usize,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    Quote(Vec<Block>),
    /// An image, represented by its alt text.
    Figure {
        alt: String,
    },
}

/// What a page's links resolve against.
pub struct Context<'a> {
    /// The page's source (`leitbild.md`).
    pub source: &'a str,
    /// The language of the page's text.
    pub lang: &'a str,
    /// Sources that are part of the document.
    pub in_document: &'a dyn Fn(&str) -> bool,
    /// The absolute URL of a source outside the document in this language
    /// and variant; `None` when the site has no address (`base_url`).
    pub url_of: &'a dyn Fn(&str) -> Option<String>,
    /// Line breaks in the source are kept (Leichte Sprache: one sentence a line).
    pub hard_breaks: bool,
}

/// The blocks of a page: its title as a heading, then its body.
pub fn page_blocks(title: &str, body: &str, cx: &Context<'_>) -> Vec<Block> {
    let mut walker = Walker {
        cx,
        strong: 0,
        langs: Vec::new(),
        isolated: Vec::new(),
        link: None,
        links: 0,
    };
    let mut events = Parser::new_ext(body, markdown::options()).peekable();
    let mut blocks = vec![Block::Heading {
        level: 2,
        anchor: cx.source.to_string(),
        text: vec![Inline {
            text: title.to_string(),
            strong: true,
            lang: None,
            link: None,
        }],
    }];
    blocks.extend(walker.blocks(&mut events, None));
    blocks
}

type Events<'e> = std::iter::Peekable<Parser<'e>>;

struct Walker<'c, 'a> {
    cx: &'c Context<'a>,
    strong: usize,
    /// Languages of the open inline HTML elements (`None`: inherited).
    langs: Vec<Option<String>>,
    /// Whether each open inline HTML element opened a bidi isolate.
    isolated: Vec<bool>,
    link: Option<(usize, Target)>,
    links: usize,
}

impl Walker<'_, '_> {
    /// Blocks until the end tag `end` (or the end of the events).
    fn blocks(&mut self, events: &mut Events<'_>, end: Option<TagEnd>) -> Vec<Block> {
        let mut blocks = Vec::new();
        // Text directly in a container (a tight list's items).
        let mut loose: Vec<Inline> = Vec::new();
        while let Some(event) = events.next() {
            let block = match event {
                Event::End(e) if Some(e) == end => break,
                Event::Start(Tag::Paragraph) => {
                    Block::Paragraph(self.inlines(events, TagEnd::Paragraph))
                }
                Event::Start(Tag::Heading { level, id, .. }) => {
                    let text = self.inlines(events, TagEnd::Heading(level));
                    let plain: String = text.iter().map(|i| i.text.as_str()).collect();
                    let id = id.map_or_else(|| slugify(plain.trim()), |id| id.to_string());
                    Block::Heading {
                        level: heading_level(level),
                        anchor: format!("{}#{id}", self.cx.source),
                        text,
                    }
                }
                Event::Start(Tag::List(start)) => {
                    let mut items = Vec::new();
                    while let Some(event) = events.next() {
                        match event {
                            Event::Start(Tag::Item) => {
                                items.push(self.blocks(events, Some(TagEnd::Item)));
                            }
                            Event::End(TagEnd::List(_)) => break,
                            _ => {}
                        }
                    }
                    Block::List { start, items }
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    Block::Quote(self.blocks(events, Some(TagEnd::BlockQuote(None))))
                }
                Event::Start(Tag::Table(_)) => self.table(events),
                Event::Start(Tag::CodeBlock(_)) => {
                    Block::Paragraph(self.inlines(events, TagEnd::CodeBlock))
                }
                Event::Start(Tag::Image { .. }) => Block::Figure {
                    alt: self.alt_text(events),
                },
                Event::Start(Tag::FootnoteDefinition(_)) => {
                    Block::Quote(self.blocks(events, Some(TagEnd::FootnoteDefinition)))
                }
                Event::Start(Tag::HtmlBlock) | Event::Html(_) | Event::Rule => continue,
                other => {
                    self.inline(other, events, &mut loose);
                    continue;
                }
            };
            if !loose.is_empty() {
                blocks.push(Block::Paragraph(std::mem::take(&mut loose)));
            }
            blocks.push(block);
        }
        if !loose.is_empty() {
            blocks.push(Block::Paragraph(loose));
        }
        blocks
    }

    fn table(&mut self, events: &mut Events<'_>) -> Block {
        let (mut head, mut rows) = (0, Vec::new());
        let mut row: Vec<Vec<Inline>> = Vec::new();
        while let Some(event) = events.next() {
            match event {
                Event::Start(Tag::TableCell) => row.push(self.inlines(events, TagEnd::TableCell)),
                Event::End(TagEnd::TableHead) => {
                    rows.push(std::mem::take(&mut row));
                    head = rows.len();
                }
                Event::End(TagEnd::TableRow) => rows.push(std::mem::take(&mut row)),
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        Block::Table { head, rows }
    }

    /// The text of an image's alt attribute, up to its end.
    fn alt_text(&mut self, events: &mut Events<'_>) -> String {
        let mut alt = String::new();
        for event in events.by_ref() {
            match event {
                Event::End(TagEnd::Image) => break,
                Event::Text(t) | Event::Code(t) => alt.push_str(&t),
                Event::SoftBreak | Event::HardBreak => alt.push(' '),
                _ => {}
            }
        }
        alt
    }

    /// Inline runs until the end tag `end`.
    fn inlines(&mut self, events: &mut Events<'_>, end: TagEnd) -> Vec<Inline> {
        let mut runs = Vec::new();
        while let Some(event) = events.next() {
            if event == Event::End(end) {
                break;
            }
            self.inline(event, events, &mut runs);
        }
        while runs
            .last()
            .is_some_and(|r: &Inline| r.text.trim().is_empty())
        {
            runs.pop();
        }
        runs
    }

    fn inline(&mut self, event: Event<'_>, events: &mut Events<'_>, runs: &mut Vec<Inline>) {
        match event {
            Event::Text(t) | Event::Code(t) => self.push(runs, &t),
            Event::SoftBreak if self.cx.hard_breaks => self.push(runs, "\n"),
            Event::SoftBreak => self.push(runs, " "),
            Event::HardBreak => self.push(runs, "\n"),
            Event::FootnoteReference(name) => self.push(runs, &format!("[{name}]")),
            Event::Start(Tag::Strong) => self.strong += 1,
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => {
                self.links += 1;
                self.link = self.target(&dest_url).map(|t| (self.links, t));
            }
            Event::End(TagEnd::Link) => self.link = None,
            Event::Start(Tag::Image { .. }) => {
                let alt = self.alt_text(events);
                self.push(runs, &alt);
            }
            Event::InlineHtml(html) => self.html(&html, runs),
            _ => {}
        }
    }

    /// Raw inline HTML: an element's `lang` (and `dir`, as a bidi isolate)
    /// holds until its end tag; `<br>` breaks the line.
    fn html(&mut self, html: &str, runs: &mut Vec<Inline>) {
        let tag = html.trim_start_matches('<');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        if matches!(name.as_str(), "br" | "wbr" | "img" | "hr") {
            if name == "br" {
                self.push(runs, "\n");
            }
            return;
        }
        if tag.starts_with('/') {
            // The isolate closes with the element that opened it.
            if self.isolated.pop().unwrap_or(false) {
                self.push(runs, "\u{2069}");
            }
            self.langs.pop();
            return;
        }
        if tag.ends_with("/>") || name.is_empty() {
            return;
        }
        self.langs.push(attribute(html, "lang"));
        let isolate = match attribute(html, "dir").as_deref() {
            Some("rtl") => Some("\u{2067}"),
            Some("ltr") => Some("\u{2066}"),
            _ => None,
        };
        self.isolated.push(isolate.is_some());
        if let Some(mark) = isolate {
            self.push(runs, mark);
        }
    }

    fn push(&self, runs: &mut Vec<Inline>, text: &str) {
        let lang = self
            .langs
            .iter()
            .rev()
            .find_map(Clone::clone)
            .filter(|l| l != self.cx.lang);
        let strong = self.strong > 0;
        if let Some(last) = runs.last_mut()
            && last.strong == strong
            && last.lang == lang
            && last.link == self.link
        {
            last.text.push_str(text);
            return;
        }
        runs.push(Inline {
            text: text.to_string(),
            strong,
            lang,
            link: self.link.clone(),
        });
    }

    /// Where a link's address leads from the document.
    fn target(&self, url: &str) -> Option<Target> {
        if let Some(path) = url.strip_prefix("@/") {
            let (source, fragment) = path.split_once('#').unwrap_or((path, ""));
            if (self.cx.in_document)(source) {
                return Some(Target::Anchor(anchor(source, fragment)));
            }
            let url = (self.cx.url_of)(source)?;
            return Some(Target::Uri(if fragment.is_empty() {
                url
            } else {
                format!("{url}#{fragment}")
            }));
        }
        if let Some(fragment) = url.strip_prefix('#') {
            return Some(Target::Anchor(anchor(self.cx.source, fragment)));
        }
        let lower = url.to_ascii_lowercase();
        (lower.starts_with("https://")
            || lower.starts_with("http://")
            || lower.starts_with("mailto:"))
        .then(|| Target::Uri(url.to_string()))
    }
}

fn anchor(source: &str, fragment: &str) -> String {
    if fragment.is_empty() {
        source.to_string()
    } else {
        format!("{source}#{fragment}")
    }
}

/// Markdown's levels one below the page title, which is level 2 under the
/// document's title.
fn heading_level(level: HeadingLevel) -> u8 {
    (markdown::heading_level(level) + 1).min(6)
}

/// The value of attribute `name` in a start tag.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(at) = lower.get(from..)?.find(name) {
        let start = from + at;
        from = start + name.len();
        let before = lower[..start].chars().next_back();
        if !before.is_some_and(char::is_whitespace) {
            continue;
        }
        let rest = tag.get(from..)?.trim_start();
        let Some(rest) = rest.strip_prefix('=') else {
            continue;
        };
        let rest = rest.trim_start();
        let value = match rest.chars().next()? {
            q @ ('"' | '\'') => rest[1..].split(q).next()?,
            _ => rest
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()?,
        };
        return Some(value.trim().to_string()).filter(|v| !v.is_empty());
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(body: &str) -> Vec<Block> {
        let in_document = |source: &str| source == "b.md";
        let url_of = |source: &str| Some(format!("https://example.org/{source}"));
        let cx = Context {
            source: "a.md",
            lang: "ar",
            in_document: &in_document,
            url_of: &url_of,
            hard_breaks: false,
        };
        page_blocks("Title", body, &cx)
    }

    fn run(text: &str, lang: Option<&str>, link: Option<(usize, Target)>) -> Inline {
        Inline {
            text: text.to_string(),
            strong: false,
            lang: lang.map(str::to_string),
            link,
        }
    }

    #[test]
    fn a_passage_in_another_language_keeps_its_language_and_direction() {
        let got = blocks("قال «<span lang=\"de\" dir=\"ltr\">Wir fördern</span>» هنا.");
        assert_eq!(
            got.get(1),
            Some(&Block::Paragraph(vec![
                run("قال «", None, None),
                run("\u{2066}Wir fördern\u{2069}", Some("de"), None),
                run("» هنا.", None, None),
            ]))
        );
    }

    #[test]
    fn links_lead_into_the_document_or_to_the_site() {
        let got = blocks("[eins](@/b.md#x) [zwei](@/c.md) [drei](#y) [vier](https://example.com)");
        let Some(Block::Paragraph(runs)) = got.get(1) else {
            panic!("{got:?}");
        };
        let targets: Vec<_> = runs.iter().filter_map(|r| r.link.clone()).collect();
        assert_eq!(
            targets,
            [
                (1, Target::Anchor("b.md#x".into())),
                (2, Target::Uri("https://example.org/c.md".into())),
                (3, Target::Anchor("a.md#y".into())),
                (4, Target::Uri("https://example.com".into())),
            ]
        );
    }

    #[test]
    fn headings_sit_one_level_below_the_page_title() {
        let got = blocks("## Zwei {#zwei}\n\n### Drei");
        let levels: Vec<(u8, String)> = got
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, anchor, .. } => Some((*level, anchor.clone())),
                _ => None,
            })
            .collect();
        assert_eq!(
            levels,
            [
                (2, "a.md".to_string()),
                (3, "a.md#zwei".to_string()),
                (4, "a.md#drei".to_string())
            ]
        );
    }

    #[test]
    fn attributes_are_read_in_any_quoting() {
        assert_eq!(
            attribute("<span lang=\"de\">", "lang").as_deref(),
            Some("de")
        );
        assert_eq!(
            attribute("<span dir='rtl' lang=en>", "lang").as_deref(),
            Some("en")
        );
        assert_eq!(attribute("<span xlang=\"de\">", "lang"), None);
    }
}
