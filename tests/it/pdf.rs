//! The site's document as a tagged PDF (`[pdf]`, issue #27): which PDFs a
//! build writes and how pages link to them, and what the PDFs hold, read
//! back with an independent parser (lopdf): the structure tree, the
//! document's and passages' languages, the PDF/UA identifier, the
//! embedded fonts, the outline and the links. The text, extracted by
//! poppler's pdftotext, is compared with the pages' text in an ignored test.

use std::collections::BTreeSet;
use std::path::Path;

use lopdf::{Dictionary, Document, Object};

use crate::harness::{SiteTest, walk};

fn load(path: &Path) -> Document {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Document::load_mem(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A text string: UTF-16BE with its byte order mark, else PDFDocEncoding
/// (the ASCII part suffices here).
fn text(object: &Object) -> String {
    let bytes = object.as_str().unwrap_or_default();
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => String::from_utf16_lossy(
            &utf16
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                .collect::<Vec<_>>(),
        ),
        None => bytes.iter().map(|&b| char::from(b)).collect(),
    }
}

fn dict<'d>(doc: &'d Document, object: &'d Object) -> &'d Dictionary {
    doc.dereference(object)
        .and_then(|(_, o)| o.as_dict())
        .expect("a dictionary")
}

fn name(dict: &Dictionary, key: &[u8]) -> String {
    dict.get(key)
        .and_then(Object::as_name)
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

/// The structure types of the tree, in reading order.
fn structure_types(doc: &Document) -> Vec<String> {
    fn walk_kids(doc: &Document, kids: &Object, out: &mut Vec<String>) {
        let Ok((_, kids)) = doc.dereference(kids) else {
            return;
        };
        match kids {
            Object::Array(items) => items.iter().for_each(|k| walk_kids(doc, k, out)),
            Object::Dictionary(d) => {
                let kind = name(d, b"S");
                if !kind.is_empty() {
                    out.push(kind);
                }
                if let Ok(k) = d.get(b"K") {
                    walk_kids(doc, k, out);
                }
            }
            _ => {}
        }
    }
    let catalog = doc.catalog().expect("catalog");
    let root = dict(doc, catalog.get(b"StructTreeRoot").expect("StructTreeRoot"));
    let mut out = Vec::new();
    walk_kids(doc, root.get(b"K").expect("K"), &mut out);
    out
}

/// The outline's titles with their depth, in order.
fn outline(doc: &Document) -> Vec<(usize, String)> {
    fn items(doc: &Document, first: Option<&Object>, depth: usize, out: &mut Vec<(usize, String)>) {
        let mut next = first.cloned();
        while let Some(item) = next {
            let d = dict(doc, &item);
            out.push((depth, d.get(b"Title").map(text).unwrap_or_default()));
            items(doc, d.get(b"First").ok(), depth + 1, out);
            next = d.get(b"Next").ok().cloned();
        }
    }
    let catalog = doc.catalog().expect("catalog");
    let root = dict(doc, catalog.get(b"Outlines").expect("Outlines"));
    let mut out = Vec::new();
    items(doc, root.get(b"First").ok(), 0, &mut out);
    out
}

/// The names of the embedded fonts (without the subset prefix).
fn embedded_fonts(doc: &Document) -> BTreeSet<String> {
    doc.objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter(|d| name(d, b"Type") == "FontDescriptor")
        .filter(|d| d.get(b"FontFile2").is_ok() || d.get(b"FontFile3").is_ok())
        .map(|d| {
            let full = name(d, b"FontName");
            full.split_once('+')
                .map_or(full.clone(), |(_, n)| n.to_string())
        })
        .collect()
}

/// Every link annotation: its description and where it leads (a URI, or
/// `page N` for a place in the document).
fn links(doc: &Document) -> Vec<(String, String)> {
    let pages = doc.get_pages();
    let page_numbers: Vec<_> = pages.values().copied().collect();
    let mut out = Vec::new();
    for page in pages.values() {
        let page = doc
            .get_object(*page)
            .and_then(Object::as_dict)
            .expect("page");
        let Ok(annots) = page.get(b"Annots") else {
            continue;
        };
        let annots = doc
            .dereference(annots)
            .and_then(|(_, a)| a.as_array())
            .expect("array");
        for annot in annots {
            let a = dict(doc, annot);
            assert_eq!(name(a, b"Subtype"), "Link");
            let contents = a.get(b"Contents").map(text).unwrap_or_default();
            let target = if let Ok(action) = a.get(b"A") {
                let action = dict(doc, action);
                match name(action, b"S").as_str() {
                    "URI" => text(action.get(b"URI").expect("URI")),
                    "GoTo" => destination(doc, action.get(b"D").expect("D"), &page_numbers),
                    other => other.to_string(),
                }
            } else {
                destination(doc, a.get(b"Dest").expect("Dest"), &page_numbers)
            };
            out.push((contents, target));
        }
    }
    out
}

fn destination(doc: &Document, dest: &Object, pages: &[lopdf::ObjectId]) -> String {
    let (_, dest) = doc.dereference(dest).expect("dest");
    let page = dest
        .as_array()
        .ok()
        .and_then(|a| a.first())
        .and_then(|p| p.as_reference().ok())
        .and_then(|id| pages.iter().position(|p| *p == id))
        .map_or(0, |n| n + 1);
    format!("page {page}")
}

/// The decompressed content streams of every page.
fn contents(doc: &Document) -> Vec<u8> {
    doc.get_pages()
        .values()
        .flat_map(|p| doc.get_page_content(*p))
        .collect()
}

fn metadata(doc: &Document) -> String {
    let catalog = doc.catalog().expect("catalog");
    let (_, stream) = doc
        .dereference(catalog.get(b"Metadata").expect("Metadata"))
        .expect("metadata");
    let stream = stream.as_stream().expect("stream");
    let bytes = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    String::from_utf8_lossy(&bytes).into_owned()
}

fn pdf_files(dir: &Path) -> Vec<String> {
    walk(dir)
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .map(|p| {
            p.strip_prefix(dir)
                .expect("under dir")
                .to_string_lossy()
                .into_owned()
        })
        .collect()
}

#[test]
fn build_writes_a_pdf_per_language_and_variant_and_its_pages_link_to_it() {
    let site = SiteTest::fixture("pdf/basic").build_ok();
    let public = site.path().join("public");
    assert_eq!(
        pdf_files(&public),
        [
            "ar/mafhum.pdf",
            "de/konzept.pdf",
            "de/leichte-sprache/konzept.pdf"
        ]
    );
    let size = std::fs::metadata(public.join("de/konzept.pdf"))
        .expect("pdf")
        .len();
    let kb = size.div_ceil(1000);
    for page in ["public/de/ziele/index.html", "public/de/wege/index.html"] {
        let html = site.file(page);
        assert!(
            html.contains(&format!(
                "<a href=\"/site/de/konzept.pdf\" type=\"application/pdf\">Das ganze Dokument als PDF (PDF, \u{2068}{kb}\u{2069} KB)</a>"
            )),
            "{page}: {html}"
        );
    }
    let arabic = site.file("public/ar/ziele/index.html");
    assert!(arabic.contains("href=\"/site/ar/mafhum.pdf\""), "{arabic}");
    assert!(arabic.contains("كيلوبايت"), "{arabic}");
    let easy = site.file("public/de/leichte-sprache/ziele/index.html");
    assert!(
        easy.contains("href=\"/site/de/leichte-sprache/konzept.pdf\""),
        "{easy}"
    );
    // Pages outside the document do not link to it.
    for page in ["public/de/impressum/index.html", "public/de/index.html"] {
        assert!(!site.file(page).contains("pdf-link"), "{page}");
    }
}

#[test]
fn pdf_is_tagged_pdf_ua_with_languages_structure_fonts_outline_and_links() {
    let site = SiteTest::fixture("pdf/basic").build_ok();
    let de = load(&site.path().join("public/de/konzept.pdf"));
    let catalog = de.catalog().expect("catalog");
    assert_eq!(catalog.get(b"Lang").map(text).ok().as_deref(), Some("de"));
    let mark_info = dict(&de, catalog.get(b"MarkInfo").expect("MarkInfo"));
    assert_eq!(
        mark_info.get(b"Marked").and_then(Object::as_bool).ok(),
        Some(true)
    );
    let prefs = dict(
        &de,
        catalog
            .get(b"ViewerPreferences")
            .expect("ViewerPreferences"),
    );
    assert_eq!(
        prefs.get(b"DisplayDocTitle").and_then(Object::as_bool).ok(),
        Some(true)
    );
    let xmp = metadata(&de);
    assert!(
        xmp.contains("<pdfuaid:part>1</pdfuaid:part>") || xmp.contains("pdfuaid:part=\"1\""),
        "{xmp}"
    );
    assert!(xmp.contains("Das Beispielkonzept"), "title in XMP: {xmp}");

    let types = structure_types(&de);
    let first = |kind: &str| types.iter().position(|t| t == kind);
    for kind in [
        "H1", "H2", "H3", "P", "L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TD", "Link",
    ] {
        assert!(first(kind).is_some(), "{kind} missing from {types:?}");
    }
    // Reading order: the document's title, then the first page's title.
    assert_eq!(types.iter().filter(|t| *t == "H1").count(), 1, "{types:?}");
    assert!(first("H1") < first("H2"), "{types:?}");
    assert_eq!(types.iter().filter(|t| *t == "TH").count(), 2, "{types:?}");
    assert_eq!(types.iter().filter(|t| *t == "LI").count(), 6, "{types:?}");

    assert_eq!(
        outline(&de),
        [
            (0, "Das Beispielkonzept".to_string()),
            (1, "Ziele".to_string()),
            (2, "Erstens".to_string()),
            (1, "Wege".to_string()),
            (2, "Zweitens".to_string()),
        ]
    );
    assert_eq!(
        embedded_fonts(&de),
        BTreeSet::from(["NotoSans-Bold".to_string(), "NotoSans-Regular".to_string()])
    );
    assert_eq!(
        links(&de),
        [
            ("zweite Weg".to_string(), "page 1".to_string()),
            (
                "Impressum".to_string(),
                "https://example.org/site/de/impressum/".to_string()
            ),
            (
                "auf der Seite der Stadt".to_string(),
                "https://example.org/mehr".to_string()
            ),
        ]
    );
    // The English passage is marked as such.
    let content = String::from_utf8_lossy(&contents(&de)).into_owned();
    assert!(content.contains("/Lang(en)"), "no English span");

    let ar = load(&site.path().join("public/ar/mafhum.pdf"));
    let catalog = ar.catalog().expect("catalog");
    assert_eq!(catalog.get(b"Lang").map(text).ok().as_deref(), Some("ar"));
    assert!(
        embedded_fonts(&ar).contains("NotoNaskhArabic-Regular"),
        "{:?}",
        embedded_fonts(&ar)
    );
    let content = String::from_utf8_lossy(&contents(&ar)).into_owned();
    assert!(
        content.contains("/Lang(de)"),
        "no German span in the Arabic PDF"
    );
    assert_eq!(
        outline(&ar).first().map(|(_, t)| t.as_str()),
        Some("المفهوم التجريبي")
    );
}

#[test]
fn pdfs_are_byte_identical_across_builds() {
    let first = SiteTest::fixture("pdf/basic").build_ok();
    let second = SiteTest::fixture("pdf/basic").build_ok();
    let pdfs = |site: &SiteTest| -> Vec<(String, Vec<u8>)> {
        site.tree("public")
            .into_iter()
            .filter(|(name, _)| name.ends_with(".pdf"))
            .collect()
    };
    let (a, b) = (pdfs(&first), pdfs(&second));
    assert_eq!(a.len(), 3);
    assert!(a == b, "the PDFs differ between two builds");
}

#[test]
fn a_pdf_page_that_does_not_exist_is_an_error_at_its_place_in_site_toml() {
    let site = SiteTest::fixture("pdf/basic").build_ok();
    let config = site.file("site.toml").replace(
        "pages = [\"ziele.md\", \"wege.md\"]",
        "pages = [\"ziele.md\", \"fehlt.md\"]",
    );
    let site = site.write("site.toml", &config);
    let run = site.build();
    assert_eq!(run.code, 1, "{}", run.stderr);
    let line = config
        .lines()
        .position(|l| l.starts_with("pages"))
        .expect("pages line")
        + 1;
    let column = "pages = [\"ziele.md\", ".chars().count() + 1;
    assert!(
        run.stderr.contains(
            "error[config/invalid]: [pdf] names the page `fehlt.md`, which does not exist"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!("site.toml:{line}:{column}")),
        "{}",
        run.stderr
    );
    // The failed build left the previous output as it was.
    assert!(site.exists("public/de/konzept.pdf"));
}

#[test]
fn without_a_pdf_table_there_is_no_pdf_and_no_link() {
    let site = SiteTest::fixture("pdf/basic");
    let config = site.file("site.toml");
    let config = config.split("[pdf]").next().expect("before [pdf]");
    let site = site.write("site.toml", config).build_ok();
    assert!(pdf_files(&site.path().join("public")).is_empty());
    assert!(!site.file("public/de/ziele/index.html").contains("pdf-link"));
}

/// The words of a text, with Arabic vowel signs left out (pdftotext
/// separates them from their letters) and Leichte Sprache's Mediopunkt
/// splitting words as any other punctuation.
fn words(text: &str) -> Vec<String> {
    let bare: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'))
        .collect();
    bare.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// A page's Markdown body as the reader sees it: without front matter,
/// link addresses, heading ids and HTML tags.
fn markdown_text(markdown: &str) -> String {
    let body = markdown.splitn(3, "+++").nth(2).unwrap_or(markdown);
    let mut out = String::new();
    let mut rest = body;
    while let Some(at) = rest.find(['<', '{', ']']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        let skip = match tail.as_bytes()[0] {
            b'<' => tail.find('>').map(|e| e + 1),
            b'{' => tail.find('}').map(|e| e + 1),
            _ if tail.starts_with("](") => tail.find(')').map(|e| e + 1),
            _ => Some(1),
        };
        let skip = skip.unwrap_or(tail.len());
        out.push(' ');
        rest = &tail[skip..];
    }
    out.push_str(rest);
    out
}

#[test]
#[ignore = "needs pdftotext (poppler-utils): run scripts/setup-test-deps, then cargo test -- --include-ignored"]
fn shipped_pdfs_hold_the_text_of_their_pages_in_order() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let config: toml::Table = std::fs::read_to_string(root.join("site.toml"))
        .expect("site.toml")
        .parse()
        .expect("toml");
    let pages: Vec<String> = config["pdf"]["pages"]
        .as_array()
        .expect("pages")
        .iter()
        .filter_map(|p| p.as_str().map(str::to_string))
        .collect();
    let public = crate::shipped::public();
    let pdfs = pdf_files(public);
    assert_eq!(pdfs.len(), 14, "{pdfs:?}");
    for pdf in pdfs {
        let parts: Vec<&str> = pdf.split('/').collect();
        let lang = parts[0];
        let variant = match parts.get(1) {
            Some(&"leichte-sprache" | &"easy-read") => ".easy",
            _ => "",
        };
        let rtl = matches!(lang, "ar" | "fa");
        // Left-to-right text in the order of the content (pdftotext's
        // layout mode joins a word broken after a hyphen); right-to-left
        // text in layout mode, which puts the glyphs of a line in order.
        let mode = if rtl { "-layout" } else { "-raw" };
        let output = std::process::Command::new("pdftotext")
            .args([mode, "-enc", "UTF-8"])
            .arg(public.join(&pdf))
            .arg("-")
            .output()
            .expect("pdftotext runs");
        assert!(output.status.success(), "{pdf}");
        let extracted = String::from_utf8_lossy(&output.stdout).into_owned();
        let extracted_words = words(&extracted);
        let joined: String = extracted_words.concat();
        let mut from = 0;
        for page in &pages {
            let stem = page.trim_end_matches(".md");
            let suffix = if lang == "de" {
                String::new()
            } else {
                format!(".{lang}")
            };
            let file = root.join(format!("content/{stem}{suffix}{variant}.md"));
            let markdown = std::fs::read_to_string(&file).expect("page");
            for word in words(&markdown_text(&markdown)) {
                if rtl {
                    // Right-to-left lines come out of pdftotext in visual
                    // pieces: each word must be there, letters in order.
                    assert!(
                        joined.contains(&word),
                        "{pdf}: `{word}` of {file:?} is missing"
                    );
                } else {
                    let found = extracted_words[from..].iter().position(|w| *w == word);
                    let Some(at) = found else {
                        panic!(
                            "{pdf}: `{word}` of {} is missing or out of order",
                            file.display()
                        );
                    };
                    from += at + 1;
                }
            }
        }
    }
}
