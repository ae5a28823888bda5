//! The search page of each language (`[search] enabled`,
//! docs/content/search.md) at `/LANG/SEGMENT/`: the theme's `search.html`
//! with the header and menu of the language's home page, the variants to
//! filter by, and the site index, a link to every page of the language,
//! which is all the page shows without JavaScript. The index itself is
//! `search`'s.

use serde_json::{Value, json};

use super::{OutFile, Renderer, index_path, template_error};
use crate::content::Slot;
use crate::diag::Diagnostic;

/// The theme template of the search page.
const TEMPLATE: &str = "search.html";

impl Renderer<'_> {
    /// The search page's URL in `lang` (`/de/suche/`), before the base path.
    pub fn search_url(&self, lang: &str) -> String {
        format!("/{lang}/{}/", self.config().search.segment(lang))
    }

    /// The search pages of every language.
    pub(super) fn render_search_pages(&self) -> (Vec<OutFile>, Vec<Diagnostic>) {
        let mut files = Vec::new();
        let mut diags = Vec::new();
        if !self.templates.template_files.contains_key(TEMPLATE) {
            diags.push(
                Diagnostic::error("template/missing", format!("[search] is enabled, but the theme has no template `{TEMPLATE}`"))
                    .hint("copy search.html from the default theme into templates/, or set `[search] enabled = false`"),
            );
            return (files, diags);
        }
        for lang in &self.config().languages {
            let url = self.search_url(&lang.key);
            if let Some(taken) = self.site.pages.iter().find(|p| p.url == url) {
                diags.push(
                    Diagnostic::error(
                        "search/url-taken",
                        format!("the search page's address {url} is the address of this page too"),
                    )
                    .file(&taken.file)
                    .hint(format!(
                        "choose another `[search] segment` for `{}` in site.toml, or move the page",
                        lang.key
                    )),
                );
                continue;
            }
            match self.render_search_page(&lang.key, &url) {
                Ok(file) => files.push(file),
                Err(d) => diags.push(d),
            }
        }
        (files, diags)
    }

    /// One language's search page, with the header of its home page.
    fn render_search_page(&self, lang: &str, url: &str) -> Result<OutFile, Diagnostic> {
        let home: crate::content::Key = ("_index.md".into(), lang.into(), None);
        let (slot, home_url) = self.site.slot(&home.0, lang, None).ok_or_else(|| {
            Diagnostic::error(
                "search/no-home",
                format!("language `{lang}` has no home page, so it gets no search page"),
            )
            .hint("add content/_index.md (or turn on fallback pages in [build])")
        })?;
        let page = &self.site.pages[slot.page()];
        let mut unused = Vec::new();
        let mut ctx = self.base_context(&home, slot, home_url, page, &[], &mut unused);
        let languages: Vec<Value> = self
            .config()
            .languages
            .iter()
            .map(|l| json!({ "key": l.key, "name": l.name, "dir": l.dir.as_str(), "url": self.href(&self.search_url(&l.key)), "is_current": l.key == lang }))
            .collect();
        let variants: Vec<Value> = self
            .config()
            .variants
            .iter()
            .filter(|v| self.site.slot("_index.md", lang, Some(&v.key)).is_some())
            .map(|v| json!({ "key": v.key, "label": self.t(lang, &format!("variant-{}", v.key), &[]) }))
            .collect();
        let title = self.t(lang, "search-title", &[]);
        if let Some(obj) = ctx.as_object_mut() {
            for (key, value) in [
                ("page", json!({ "title": title, "url": self.href(url) })),
                ("canonical", Value::String(self.absolute(url))),
                // Search engines get the pages themselves (the sitemap).
                ("noindex", Value::Bool(true)),
                ("languages", Value::Array(languages)),
                ("variant_links", json!([])),
                ("notices", json!([])),
                ("content_lang", Value::Null),
                ("is_search_page", Value::Bool(true)),
                ("search_body", Value::Bool(false)),
                (
                    "search",
                    json!({ "variants": variants, "entries": self.site_index(lang) }),
                ),
            ] {
                obj.insert(key.to_string(), value);
            }
        }
        let tera = self.templates.teras.get(lang).ok_or_else(|| {
            Diagnostic::error("search/no-language", format!("no templates for `{lang}`"))
        })?;
        let html = tera::Context::from_value(ctx)
            .and_then(|c| tera.render(TEMPLATE, &c))
            .map_err(|e| template_error(&e, &self.templates.template_files, None))?;
        Ok(OutFile {
            path: index_path(url),
            url: Some(url.to_string()),
            source_file: None,
            source_map: None,
            html,
            indexable: false,
            alternates: Vec::new(),
            lastmod: None,
        })
    }

    /// Every real page of `lang`, in the order of the sources (so a
    /// section's pages follow it), each variant after the page it rewrites.
    fn site_index(&self, lang: &str) -> Vec<Value> {
        let variants = std::iter::once(None)
            .chain(self.config().variants.iter().map(|v| Some(v.key.as_str())));
        let variants: Vec<Option<&str>> = variants.collect();
        let mut entries = Vec::new();
        for source in &self.site.sources {
            for variant in &variants {
                let Some((Slot::Real(i), url)) = self.site.slot(source, lang, *variant) else {
                    continue;
                };
                let label = variant.map(|v| self.t(lang, &format!("variant-{v}"), &[]));
                entries.push(json!({
                    "title": self.site.pages[i].front.title,
                    "url": self.href(url),
                    "variant": label,
                }));
            }
        }
        entries
    }
}
