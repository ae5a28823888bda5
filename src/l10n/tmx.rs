//! TMX 1.4b: the existing aligned pairs of original and translation, to
//! seed a translation memory. Only pages whose translation aligns with the
//! original block by block contribute; the others are reported.

use std::fmt::Write as _;
use std::path::Path;

use super::units::Unit;
use super::xml::{self, escape};
use super::{Failure, read_page, resources, units};
use crate::diag::Diagnostic;

/// The TMX document for `lang`, with a warning per page that does not align.
pub fn export(root: &Path, lang: &str) -> Result<(String, Vec<Diagnostic>), Failure> {
    let site = super::load_site(root)?;
    super::check_lang(&site, lang)?;
    let src = &site.config.default_language;
    let mut diags = Vec::new();
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n <header creationtool=\"vielfalt\" creationtoolversion=\"{}\" segtype=\"block\" o-tmf=\"vielfalt\" adminlang=\"en\" srclang=\"{}\" datatype=\"x-markdown\"/>\n <body>\n",
        env!("CARGO_PKG_VERSION"),
        escape(src)
    );
    for (original, translation) in super::pairs(&site, lang, None) {
        let Some(translation) = translation else {
            continue;
        };
        let pages = read_page(root, &original.file, false)
            .and_then(|o| Ok((o, read_page(root, &translation.file, false)?)));
        let (orig, trans) = match pages {
            Ok(p) => p,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        if !units::aligned(&orig.units, &trans.units) {
            diags.push(super::misaligned(
                &orig,
                &trans,
                "its pairs are not in the memory",
            ));
            continue;
        }
        pairs(
            &mut out,
            &original.source,
            &orig.units,
            &trans.units,
            src,
            lang,
        );
    }
    for (kind, original) in resources::originals(root, src) {
        let target = resources::target_file(kind, &original, lang);
        if !root.join(&target).is_file() {
            continue;
        }
        let read = super::read_resource(root, kind, &original)
            .and_then(|(_, o)| Ok((o, super::read_resource(root, kind, &target)?.1)));
        match read {
            Ok((o, t)) => pairs(&mut out, &super::slash(&original), &o, &t, src, lang),
            Err(d) => diags.push(d),
        }
    }
    out.push_str(" </body>\n</tmx>\n");
    Ok((out, diags))
}

/// A `<tu>` for every unit of `original` that `translation` has.
fn pairs(
    out: &mut String,
    source: &str,
    original: &[Unit],
    translation: &[Unit],
    src: &str,
    lang: &str,
) {
    for unit in original {
        let Some(t) = translation.iter().find(|t| t.key == unit.key) else {
            continue;
        };
        let _ = writeln!(
            out,
            "  <tu tuid=\"{}#{}\">\n   <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n   <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>\n  </tu>",
            escape(source),
            escape(&super::unit_id(unit)),
            escape(src),
            xml::native(&unit.pieces, "i", "x"),
            escape(lang),
            xml::native(&t.pieces, "i", "x"),
        );
    }
}
