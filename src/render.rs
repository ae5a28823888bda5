//! Rendering: every (source, language, variant) slot of the `Site` becomes
//! HTML through Tera, in parallel, from read-only data.
//!
//! Templates are parsed once; each language gets a clone of the template
//! set with its own `t()` function bound to its Fluent chain, so no lock or
//! lookup of "the current language" is needed on the hot path. Per-page
//! work is Markdown (once per slot), context building and one template
//! render. Menus, section children and feeds are precomputed once.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use fluent_bundle::FluentArgs;
use serde_json::{Value, json};
use tera::Tera;

use crate::config::{Config, Language};
use crate::content::{Key, Page, Site, Slot, parse_file_name};
use crate::dates::Dates;
use crate::diag::Diagnostic;
use crate::glossary::Glossary;
use crate::i18n::{I18n, fluent_value};
use crate::markdown::{self, LinkTarget};
use crate::theme::Theme;

mod search_page;

/// One file produced by rendering, with its site path.
#[derive(Debug)]
pub struct OutFile {
    /// Output path relative to the output folder (`de/leitbild/index.html`).
    pub path: String,
    /// The page URL (`/de/leitbild/`) for HTML pages.
    pub url: Option<String>,
    pub source_file: Option<PathBuf>,
    pub html: String,
    /// Whether the page belongs in the sitemap.
    pub indexable: bool,
    /// hreflang alternates (`hreflang`, absolute URL) of this page.
    pub alternates: Vec<(String, String)>,
    pub lastmod: Option<String>,
    /// Where the page's body comes from in `source_file`, for the lint's
    /// locations (`None` for pages without a Markdown body).
    pub source_map: Option<markdown::SourceMap>,
}

/// What rendering needs besides the site: the parsed templates (one Tera
/// per language, with `t()` bound to it), Fluent bundles, date formats and
/// the glossary. Independent of the content, so `serve` keeps it across
/// content edits instead of parsing the templates again.
pub struct Templates {
    pub i18n: Arc<I18n>,
    pub dates: Dates,
    pub glossary: Glossary,
    /// Open Graph locales and share images (`share`).
    pub share: crate::share::Cards,
    teras: HashMap<String, Tera>,
    template_files: BTreeMap<String, PathBuf>,
}

impl Templates {
    /// Parses the theme's templates; `None` when they cannot be used (the
    /// diagnostics say why).
    pub fn new(
        config: &Config,
        theme: &Theme,
        i18n: I18n,
        dates: Dates,
        glossary: Glossary,
    ) -> (Option<Templates>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let (templates, template_diags) = theme.templates();
        diags.extend(template_diags);
        // Include/extends cycles would make Tera recurse until the stack overflows.
        if diags.iter().any(|d| d.rule == "template/include-cycle") {
            return (None, diags);
        }
        let mut tera = Tera::default();
        tera.autoescape_on(vec![".html", ".xml"]);
        tera.set_escape_fn(escape_html);
        let template_files: BTreeMap<String, PathBuf> = templates
            .iter()
            .map(|(n, (p, _))| (n.clone(), p.clone()))
            .collect();
        let raw: Vec<(String, String)> = templates
            .iter()
            .map(|(n, (_, t))| (n.clone(), t.clone()))
            .collect();
        if let Err(e) = tera.add_raw_templates(raw) {
            diags.push(template_error(&e, &template_files, None));
            return (None, diags);
        }
        // A macro that calls itself without end would overflow the stack.
        let cycles = crate::theme::macro_cycles(&tera, &templates);
        if !cycles.is_empty() {
            diags.extend(cycles);
            return (None, diags);
        }
        diags.extend(crate::theme::missing_includes(&tera, &templates));
        for name in REQUIRED {
            if !template_files.contains_key(name) {
                diags.push(
                    Diagnostic::error(
                        "template/missing",
                        format!("the theme has no `{name}` template"),
                    )
                    .file(format!("templates/{name}"))
                    .hint(format!(
                        "add templates/{name} (see the built-in theme's templates for a start)"
                    )),
                );
            }
        }
        if diags.iter().any(Diagnostic::is_error) {
            return (None, diags);
        }
        let share = crate::share::Cards::new(config, theme, &i18n);
        let i18n = Arc::new(i18n);
        let mut teras = HashMap::new();
        for lang in &config.languages {
            let mut t = tera.clone();
            t.register_function(
                "t",
                Translate {
                    i18n: Arc::clone(&i18n),
                    lang: lang.key.clone(),
                },
            );
            teras.insert(lang.key.clone(), t);
        }
        let templates = Templates {
            i18n,
            dates,
            glossary,
            share,
            teras,
            template_files,
        };
        (Some(templates), diags)
    }

    /// Renders `template` in `lang` with `context`, outside the site's pages
    /// (the staff's status report); a template error names the template.
    pub fn render_standalone(
        &self,
        lang: &str,
        template: &str,
        context: &Value,
    ) -> Result<String, Diagnostic> {
        let tera = self.teras.get(lang).ok_or_else(|| {
            Diagnostic::error(
                "template/render",
                format!("no templates for the language `{lang}`"),
            )
        })?;
        tera::Context::from_value(context.clone())
            .and_then(|c| tera.render(template, &c))
            .map_err(|e| template_error(&e, &self.template_files, None))
    }
}

pub struct Renderer<'a> {
    pub site: &'a Site,
    templates: Arc<Templates>,
    pub i18n: Arc<I18n>,
    menus: HashMap<(String, Option<String>), Vec<MenuEntry>>,
    children: HashMap<String, Vec<String>>,
    statement_source: Option<String>,
    /// Sections with dated pages: their directories (feeds are made for them).
    pub feed_dirs: Vec<String>,
    base_path: String,
    /// `feed` of the template context per language.
    feed_values: HashMap<String, Value>,
    /// `config` of the template context (the same on every page).
    config_value: Value,
    /// Main menus already made, by language, variant and which entries are
    /// current: the same on most pages, and rendering one was a seventh of
    /// a cold build (`menu`).
    menus_made: Mutex<HashMap<MenuKey, Arc<Menu>>>,
    /// The document's PDF for the pages that are part of it (`[pdf]`).
    pub pdf_links: BTreeMap<Key, crate::pdf::PdfLink>,
}

/// Language, variant, and which menu entries are current.
type MenuKey = (String, Option<String>, Vec<bool>);

/// A main menu: the template context's `menu`, and `menu.html` rendered
/// with it (`menu_html`; empty when the theme has no `menu.html`).
struct Menu {
    entries: Value,
    html: Result<String, Diagnostic>,
}

#[derive(Debug, Clone)]
struct MenuEntry {
    source: String,
    dir: String,
    is_section: bool,
    weight: i64,
}

struct Translate {
    i18n: Arc<I18n>,
    lang: String,
}

impl tera::Function for Translate {
    fn call(&self, args: &HashMap<String, tera::Value>) -> tera::Result<tera::Value> {
        let key = args
            .get("key")
            .and_then(|v| v.as_str())
            .ok_or_else(|| tera::Error::msg("t() needs a message key: t(key=\"…\")"))?;
        let lang = args
            .get("lang")
            .and_then(|v| v.as_str())
            .unwrap_or(&self.lang);
        let mut fluent_args = FluentArgs::new();
        let mut names: Vec<&String> = args
            .keys()
            .filter(|k| *k != "key" && *k != "lang")
            .collect();
        names.sort();
        for name in names {
            fluent_args.set(name.clone(), fluent_value(&args[name]));
        }
        self.i18n
            .format(lang, key, Some(&fluent_args))
            .map(|(text, _)| tera::Value::String(text))
            .map_err(tera::Error::msg)
    }
}

/// The required templates of a theme.
const REQUIRED: [&str; 6] = [
    "base.html",
    "page.html",
    "section.html",
    "index.html",
    "chooser.html",
    "404.html",
];

impl<'a> Renderer<'a> {
    pub fn new(
        site: &'a Site,
        theme: &Theme,
        i18n: I18n,
        dates: Dates,
        glossary: Glossary,
    ) -> (Option<Renderer<'a>>, Vec<Diagnostic>) {
        let (templates, mut diags) = Templates::new(&site.config, theme, i18n, dates, glossary);
        let Some(templates) = templates else {
            return (None, diags);
        };
        let (renderer, d) = Renderer::with_templates(site, Arc::new(templates));
        diags.extend(d);
        (renderer, diags)
    }

    /// A renderer of `site` with templates parsed before (for the same
    /// configuration).
    pub fn with_templates(
        site: &'a Site,
        templates: Arc<Templates>,
    ) -> (Option<Renderer<'a>>, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        for page in &site.pages {
            if let Some(t) = &page.front.template
                && !templates.template_files.contains_key(t)
            {
                diags.push(
                    Diagnostic::error("template/missing", format!("the page asks for template `{t}`, which does not exist"))
                        .file(&page.file)
                        .hint(format!("add templates/{t} or remove `template` from the front matter; templates: {}", templates.template_files.keys().cloned().collect::<Vec<_>>().join(", "))),
                );
            }
        }
        if diags.iter().any(Diagnostic::is_error) {
            return (None, diags);
        }

        let mut menu_entries = Vec::new();
        let mut children: HashMap<String, Vec<String>> = HashMap::new();
        let mut dated_dirs: Vec<String> = Vec::new();
        let mut statement_source = None;
        for source in &site.sources {
            let Some(page) = representative(site, source) else {
                continue;
            };
            if page.front.template.as_deref() == Some("accessibility.html")
                && statement_source.is_none()
            {
                statement_source = Some(source.clone());
            }
            if !page.is_section {
                children
                    .entry(page.dir.clone())
                    .or_default()
                    .push(source.clone());
                if page.date.is_some() && !dated_dirs.contains(&page.dir) {
                    dated_dirs.push(page.dir.clone());
                }
            }
            let top_level = if page.is_section {
                !page.dir.is_empty() && !page.dir.contains('/')
            } else {
                page.dir.is_empty()
            };
            if top_level && page.front.template.as_deref() != Some("accessibility.html") {
                menu_entries.push(MenuEntry {
                    source: source.clone(),
                    dir: page.dir.clone(),
                    is_section: page.is_section,
                    weight: page.front.weight.unwrap_or(i64::MAX),
                });
            }
        }
        menu_entries.sort_by(|a, b| (a.weight, &a.source).cmp(&(b.weight, &b.source)));
        let mut menus = HashMap::new();
        for lang in &site.config.languages {
            for variant in std::iter::once(None)
                .chain(site.config.variants.iter().map(|v| Some(v.key.clone())))
            {
                menus.insert((lang.key.clone(), variant), menu_entries.clone());
            }
        }
        let feed_dirs = dated_dirs
            .into_iter()
            .filter(|d| {
                site.slot(
                    &format!("{d}/_index.md"),
                    &site.config.default_language,
                    None,
                )
                .is_some()
            })
            .collect();
        let base_path = base_path(&site.config);
        let mut renderer = Renderer {
            site,
            i18n: Arc::clone(&templates.i18n),
            templates,
            menus,
            children,
            statement_source,
            feed_dirs,
            base_path,
            feed_values: HashMap::new(),
            config_value: json!({ "base_url": site.config.base_url, "extra": site.config.extra }),
            menus_made: Mutex::new(HashMap::new()),
            pdf_links: BTreeMap::new(),
        };
        renderer.feed_values = site
            .config
            .languages
            .iter()
            .map(|l| (l.key.clone(), renderer.feed_value(&l.key)))
            .collect();
        (Some(renderer), diags)
    }

    fn config(&self) -> &Config {
        &self.site.config
    }

    /// The site's share cards.
    pub fn share(&self) -> &crate::share::Cards {
        &self.templates.share
    }

    /// A site path as written into HTML: prefixed with the base URL's path.
    pub fn href(&self, url: &str) -> String {
        format!("{}{url}", self.base_path)
    }

    pub fn base_path(&self) -> &str {
        &self.base_path
    }

    /// The absolute URL of a site path (`/de/x/`): base_url (with its path)
    /// plus the path; root-relative (with the base path) without base_url.
    pub fn absolute(&self, url: &str) -> String {
        self.config().absolute(url)
    }

    fn t(&self, lang: &str, key: &str, args: &[(&str, Value)]) -> String {
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            fluent_args.set(name.to_string(), fluent_value(value));
        }
        match self.i18n.format(lang, key, Some(&fluent_args)) {
            Ok((text, _)) => text,
            Err(_) => key.to_string(),
        }
    }

    fn lang(&self, key: &str) -> Option<&Language> {
        self.config().language(key)
    }

    fn lang_value(&self, key: &str) -> Value {
        match self.lang(key) {
            Some(l) => json!({ "key": l.key, "name": l.name, "dir": l.dir.as_str() }),
            None => json!({ "key": key, "name": key, "dir": "ltr" }),
        }
    }

    fn url_of(&self, source: &str, lang: &str, variant: Option<&str>) -> Option<String> {
        self.site
            .slot(source, lang, variant)
            .map(|(_, u)| u.to_string())
    }

    /// hreflang alternates of a slot: every real page of the same source and
    /// variant, plus x-default (the chooser for the home page, else the
    /// default language's page). Fallback slots have none.
    pub fn alternates(&self, key: &Key, slot: Slot) -> Vec<(String, String)> {
        let (source, _, variant) = key;
        if matches!(slot, Slot::Fallback(_)) {
            return Vec::new();
        }
        let mut out = Vec::new();
        for lang in &self.config().languages {
            if let Some((Slot::Real(_), url)) =
                self.site.slot(source, &lang.key, variant.as_deref())
            {
                out.push((lang.key.clone(), self.absolute(url)));
            }
        }
        if source == "_index.md" && variant.is_none() {
            out.push(("x-default".into(), self.absolute("/")));
        } else if let Some((Slot::Real(_), url)) =
            self.site
                .slot(source, &self.config().default_language, variant.as_deref())
        {
            out.push(("x-default".into(), self.absolute(url)));
        }
        out
    }

    /// What an easy page needs to link glossary terms to the glossary page
    /// of its language and variant; `None` on the glossary page itself or
    /// where there is no glossary page or no terms.
    fn glossary_links(
        &self,
        page: &crate::content::Page,
        lang: &str,
        variant: Option<&str>,
    ) -> Option<crate::glossary::matcher::GlossaryLinks> {
        let source = crate::plain::glossary_source(self.site)?;
        if page.source == source {
            return None;
        }
        let (_, url) = self.site.slot(source, lang, variant)?;
        let matcher = crate::glossary::matcher::Matcher::new(self.templates.glossary.get(lang)?);
        (!matcher.is_empty()).then(|| crate::glossary::matcher::GlossaryLinks {
            matcher,
            url: self.href(url),
        })
    }

    /// Renders one slot (a section may give several files: its pagination).
    pub fn render_slot(&self, key: &Key, slot: Slot, url: &str) -> (Vec<OutFile>, Vec<Diagnostic>) {
        let (_, lang_key, variant) = key;
        let page = &self.site.pages[slot.page()];
        let rendered = self.render_body(key, slot, page);
        let mut diags = rendered.diagnostics;

        let Some(tera) = self.templates.teras.get(lang_key) else {
            return (Vec::new(), diags);
        };
        let template = match &page.front.template {
            Some(t) => t.as_str(),
            None if page.is_section && page.dir.is_empty() => "index.html",
            None if page.is_section => "section.html",
            None => "page.html",
        };
        let alternates = self.alternates(key, slot);
        let mut ctx = self.base_context(key, slot, url, page, &alternates, &mut diags);
        // The body is looked for in the finished page, to place its map.
        let body_html = rendered.html.clone();
        let place = |html: &str| rendered.source_map.clone().placed(html, &body_html);
        if let Some(obj) = ctx.as_object_mut() {
            if let Some(p) = obj.get_mut("page").and_then(Value::as_object_mut) {
                p.insert("content".into(), Value::String(rendered.html));
                p.insert(
                    "headings".into(),
                    json!(
                        rendered
                            .headings
                            .iter()
                            .map(|h| json!({"level": h.level, "id": h.id, "text": h.text}))
                            .collect::<Vec<_>>()
                    ),
                );
            }
            if template == "glossary.html"
                || self.templates.template_files.contains_key("glossary.html")
                    && page.front.template.as_deref() == Some("glossary.html")
            {
                let terms = self
                    .templates
                    .glossary
                    .get(&page.lang)
                    .cloned()
                    .unwrap_or_default();
                obj.insert("glossary".into(), json!(terms));
            }
            if template == "accessibility.html" {
                obj.insert("statement".into(), self.statement_context(lang_key));
            }
            if let (Slot::Real(_), Some(pdf)) = (slot, self.pdf_links.get(key)) {
                obj.insert(
                    "pdf".into(),
                    json!({ "href": self.href(&pdf.url), "kilobytes": pdf.kilobytes }),
                );
            }
        }

        let lastmod = page.front.updated.or(page.date).map(|d| d.iso());
        let indexable = matches!(slot, Slot::Real(_));
        let shells = if page.is_section && template == "section.html" {
            self.paginate(&ctx, page, url, lang_key, variant.as_deref())
        } else {
            vec![(url.to_string(), ctx)]
        };
        let mut files = Vec::new();
        for (n, (page_url, ctx)) in shells.into_iter().enumerate() {
            let first = n == 0;
            match self.render_template(tera, template, ctx, page) {
                Ok(html) => files.push(OutFile {
                    path: index_path(&page_url),
                    url: Some(page_url),
                    source_file: Some(page.file.clone()),
                    source_map: place(&html),
                    html,
                    indexable: indexable && first,
                    alternates: if first {
                        alternates.clone()
                    } else {
                        Vec::new()
                    },
                    lastmod: lastmod.clone(),
                }),
                Err(d) => diags.push(d),
            }
        }
        (files, diags)
    }

    /// The page's Markdown as HTML: glossary links on the real pages of easy
    /// variants, and the trust of the language the text is written in.
    fn render_body(&self, key: &Key, slot: Slot, page: &Page) -> markdown::Rendered {
        let (_, lang_key, variant) = key;
        let hard_breaks = variant
            .as_deref()
            .and_then(|v| self.config().variant(v))
            .is_some_and(|v| v.easy);
        let resolve = |path: &str| self.resolve_link(path, lang_key, variant.as_deref());
        let glossary_links = if hard_breaks && matches!(slot, Slot::Real(_)) {
            self.glossary_links(page, lang_key, variant.as_deref())
        } else {
            None
        };
        let trust = self
            .config()
            .language(&page.lang)
            .map(|l| markdown::Trust {
                raw_html: l.raw_html,
                unsafe_links: l.unsafe_links,
            })
            .unwrap_or_default();
        markdown::render_page(
            &page.body,
            &page.file,
            page.body_line,
            hard_breaks,
            &resolve,
            glossary_links.as_ref(),
            trust,
        )
    }

    /// The pages of a section's list: each one's URL and context (its share
    /// of the section's entries and the paginator). Pages after the first
    /// are canonical to themselves and have no alternates.
    fn paginate(
        &self,
        ctx: &Value,
        page: &Page,
        url: &str,
        lang: &str,
        variant: Option<&str>,
    ) -> Vec<(String, Value)> {
        let entries = self.section_entries(&page.dir, lang, variant);
        let per_page = self.config().build.paginate_by.max(1);
        let chunks: Vec<&[Value]> = if entries.is_empty() {
            vec![&[][..]]
        } else {
            entries.chunks(per_page).collect()
        };
        let total_pages = chunks.len();
        let page_url = |n: usize| {
            if n == 1 {
                url.to_string()
            } else {
                format!("{url}page/{n}/")
            }
        };
        let mut shells = Vec::with_capacity(total_pages);
        for (i, chunk) in chunks.iter().enumerate() {
            let number = i + 1;
            let mut ctx = ctx.clone();
            if let Some(obj) = ctx.as_object_mut() {
                obj.insert(
                    "section".into(),
                    json!({ "pages": chunk, "total": entries.len() }),
                );
                obj.insert(
                    "paginator".into(),
                    json!({
                        "current": number,
                        "pages": total_pages,
                        "previous": (number > 1).then(|| self.href(&page_url(number - 1))),
                        "next": (number < total_pages).then(|| self.href(&page_url(number + 1))),
                    }),
                );
                if number > 1 {
                    obj.insert(
                        "canonical".into(),
                        Value::String(self.absolute(&page_url(number))),
                    );
                    obj.insert("alternates".into(), json!([]));
                }
            }
            shells.push((page_url(number), ctx));
        }
        shells
    }

    /// The main menu of the page at `key`, made once per language, variant
    /// and current entries: its entries (the context's `menu`) and
    /// `menu.html` rendered with them and the values `around` it.
    fn menu(&self, key: &Key, page: &Page, around: &[(&str, &Value)]) -> Arc<Menu> {
        let (source, lang_key, variant) = key;
        let entries = self.menus.get(&(lang_key.clone(), variant.clone()));
        let current: Vec<bool> = entries
            .into_iter()
            .flatten()
            .map(|entry| {
                entry.source == *source
                    || (entry.is_section && !page.is_section && page.dir == entry.dir)
            })
            .collect();
        let made_key = (lang_key.clone(), variant.clone(), current);
        let made = self
            .menus_made
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if let Some(menu) = made.get(&made_key) {
            return Arc::clone(menu);
        }
        drop(made);
        let items: Vec<Value> = entries
            .into_iter()
            .flatten()
            .zip(&made_key.2)
            .filter_map(|(entry, current)| {
                let (slot, u) = variant
                    .as_deref()
                    .and_then(|v| self.site.slot(&entry.source, lang_key, Some(v)))
                    .or_else(|| self.site.slot(&entry.source, lang_key, None))?;
                let p = &self.site.pages[slot.page()];
                Some(json!({ "url": self.href(u), "title": p.front.title, "lang": p.lang, "is_current": current }))
            })
            .collect();
        let entries = Value::Array(items);
        let html = match self.templates.teras.get(lang_key) {
            Some(tera) if self.templates.template_files.contains_key("menu.html") => {
                let mut context = tera::Context::new();
                context.insert("menu", &entries);
                for (name, value) in around {
                    context.insert(*name, value);
                }
                self.render_context(tera, "menu.html", &context, page)
            }
            _ => Ok(String::new()),
        };
        let menu = Arc::new(Menu { entries, html });
        let mut made = self
            .menus_made
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        Arc::clone(made.entry(made_key).or_insert(menu))
    }

    fn render_template(
        &self,
        tera: &Tera,
        template: &str,
        ctx: Value,
        page: &Page,
    ) -> Result<String, Diagnostic> {
        let context = tera::Context::from_value(ctx)
            .map_err(|e| template_error(&e, &self.templates.template_files, Some(page)))?;
        self.render_context(tera, template, &context, page)
    }

    fn render_context(
        &self,
        tera: &Tera,
        template: &str,
        context: &tera::Context,
        page: &Page,
    ) -> Result<String, Diagnostic> {
        let mut out = Vec::with_capacity(16 * 1024);
        tera.render_to(template, context, &mut out)
            .map_err(|e| template_error(&e, &self.templates.template_files, Some(page)))?;
        // Tera writes only strings, so this holds; its own `render` checks
        // with std's slower `String::from_utf8`.
        crate::content::string_from_utf8(out).map_err(|e| {
            Diagnostic::error(
                "template/encoding",
                format!("the template {template} rendered bytes that are not UTF-8: {e}"),
            )
            .hint("report this as a bug of vielfalt, with the template")
        })
    }

    /// Resolves the source path of an `@/` link for a page shown in `lang`
    /// and `variant`: the same variant if it exists, else the base page.
    fn resolve_link(&self, path: &str, lang: &str, variant: Option<&str>) -> LinkTarget {
        let path = path.trim_start_matches('/').trim_start_matches("content/");
        let (dir, name) = match path.rsplit_once('/') {
            Some((d, n)) => (Some(d), n),
            None => (None, path),
        };
        let Ok(file_name) = parse_file_name(name, &self.site.config) else {
            return LinkTarget::Unknown;
        };
        let source = match dir {
            Some(d) => format!("{d}/{}.md", file_name.stem),
            None => format!("{}.md", file_name.stem),
        };
        let lang = file_name.lang.as_deref().unwrap_or(lang);
        let variant = file_name.variant.as_deref().or(variant);
        let found = variant
            .and_then(|v| self.url_of(&source, lang, Some(v)))
            .or_else(|| self.url_of(&source, lang, None))
            .or_else(|| {
                // No page in this language even as a fallback: link to the
                // first language of the chain that has it.
                let chain = self
                    .lang(lang)
                    .map(|l| l.fallback.clone())
                    .unwrap_or_default();
                chain.iter().find_map(|l| self.url_of(&source, l, None))
            });
        match found {
            Some(url) => LinkTarget::Url(self.href(&url)),
            None if self.site.broken_sources.contains(&source) => LinkTarget::Broken,
            None if self.site.excluded.has_source(&source) => LinkTarget::Excluded,
            None => LinkTarget::Unknown,
        }
    }

    fn base_context(
        &self,
        key: &Key,
        slot: Slot,
        url: &str,
        page: &Page,
        alternates: &[(String, String)],
        diags: &mut Vec<Diagnostic>,
    ) -> Value {
        let (_, lang_key, variant) = key;
        let config = self.config();
        let lang = self.lang_value(lang_key);
        let variant_def = variant.as_deref().and_then(|v| config.variant(v));
        let variant_value = variant_def.map_or(Value::Null, |v| json!({ "key": v.key, "easy": v.easy, "label": self.t(lang_key, &format!("variant-{}", v.key), &[]) }));
        let root = Value::String(self.href("/"));
        let menu = self.menu(
            key,
            page,
            &[
                ("lang", &lang),
                ("variant", &variant_value),
                ("root", &root),
                ("config", &self.config_value),
            ],
        );
        let menu_html = match &menu.html {
            Ok(html) => Value::String(html.clone()),
            Err(d) => {
                diags.push(d.clone());
                Value::String(String::new())
            }
        };

        let languages = self.language_links(key);
        let variant_links = self.variant_links(key);
        let (notices, content_lang) = self.notices(lang_key, slot, page);

        let home = variant
            .as_deref()
            .and_then(|v| self.url_of("_index.md", lang_key, Some(v)))
            .or_else(|| self.url_of("_index.md", lang_key, None))
            .unwrap_or_else(|| format!("/{lang_key}/"));
        let statement_url = self.statement_source.as_ref().and_then(|s| {
            variant
                .as_deref()
                .and_then(|v| self.url_of(s, lang_key, Some(v)))
                .or_else(|| self.url_of(s, lang_key, None))
        });
        let feed = self
            .feed_values
            .get(lang_key)
            .cloned()
            .unwrap_or(Value::Null);
        let search_url = if config.search.enabled {
            Value::String(self.href(&self.search_url(lang_key)))
        } else {
            Value::Null
        };
        let canonical = match slot {
            Slot::Real(_) => self.absolute(url),
            Slot::Fallback(_) => self.absolute(&page.url),
        };
        // Built as a map rather than with `json!`, which would copy every
        // list above once more (it serialises its arguments by reference).
        let share = self.templates.share.page_value(
            config,
            (lang_key, variant.as_deref()),
            &page.lang,
            page.is_section,
            alternates,
        );
        let alternates: Vec<Value> = alternates
            .iter()
            .map(|(h, u)| json!({ "hreflang": h, "href": u }))
            .collect();
        let fields = [
            ("lang", lang),
            ("variant", variant_value),
            ("page", self.page_value(page, lang_key)),
            ("canonical", Value::String(canonical)),
            ("alternates", Value::Array(alternates)),
            (
                "noindex",
                Value::Bool(matches!(slot, Slot::Fallback(_)) || self.is_noindex()),
            ),
            ("banner", self.banner(lang_key)),
            ("languages", Value::Array(languages)),
            ("menu", menu.entries.clone()),
            ("menu_html", menu_html),
            ("variant_links", Value::Array(variant_links)),
            ("notices", Value::Array(notices)),
            ("content_lang", content_lang),
            ("home_url", Value::String(self.href(&home))),
            ("root", root),
            (
                "statement_url",
                statement_url.map_or(Value::Null, |u| Value::String(self.href(&u))),
            ),
            ("feed", feed),
            ("share", share),
            ("print", self.print_value(lang_key, variant_def, page)),
            ("config", self.config_value.clone()),
            // Pagefind indexes the text of real pages only (`search`).
            (
                "search_body",
                Value::Bool(search_url.is_string() && matches!(slot, Slot::Real(_))),
            ),
            ("search_url", search_url),
            ("is_search_page", Value::Bool(false)),
        ];
        Value::Object(
            fields
                .into_iter()
                .map(|(k, v)| (k.to_string(), v))
                .collect(),
        )
    }

    /// Whether the build's profile keeps every page out of search engines.
    fn is_noindex(&self) -> bool {
        self.config()
            .profile
            .as_ref()
            .is_some_and(|p| p.is_noindex())
    }

    /// The profile's banner in `lang` (`{ text, lang }`, `lang` where the
    /// message comes from another language), or null.
    fn banner(&self, lang: &str) -> Value {
        let Some(id) = self
            .config()
            .profile
            .as_ref()
            .map(|p| p.settings.banner.as_str())
            .filter(|b| !b.is_empty())
        else {
            return Value::Null;
        };
        match self.i18n.format(lang, id, None) {
            Ok((text, from)) => {
                json!({ "text": text, "lang": (from != lang).then(|| self.lang_value(&from)) })
            }
            Err(_) => Value::Null,
        }
    }

    /// The language switcher's entries: each language's version of this
    /// page (in the same variant if it exists), else its home page.
    fn language_links(&self, key: &Key) -> Vec<Value> {
        let (source, lang_key, variant) = key;
        self.config()
            .languages
            .iter()
            .map(|l| {
                let target = variant
                    .as_deref()
                    .and_then(|v| self.url_of(source, &l.key, Some(v)))
                    .or_else(|| self.url_of(source, &l.key, None))
                    .or_else(|| self.url_of("_index.md", &l.key, None))
                    .unwrap_or_else(|| format!("/{}/", l.key));
                json!({ "key": l.key, "name": l.name, "dir": l.dir.as_str(), "url": self.href(&target), "is_current": &l.key == lang_key })
            })
            .collect()
    }

    /// Links to the other variants of this page in its language.
    fn variant_links(&self, key: &Key) -> Vec<Value> {
        let (source, lang_key, variant) = key;
        let config = self.config();
        let mut variant_links = Vec::new();
        // An easy page's link back is written in its own style (Mediopunkt).
        let easy = variant
            .as_deref()
            .and_then(|v| config.variant(v))
            .is_some_and(|v| v.easy);
        if variant.is_some()
            && let Some(u) = self.url_of(source, lang_key, None)
        {
            variant_links.push(
                json!({ "url": self.href(&u), "label": self.t(lang_key, if easy { "variant-original-easy" } else { "variant-original" }, &[]) }),
            );
        }
        for v in &config.variants {
            if variant.as_deref() == Some(v.key.as_str()) {
                continue;
            }
            if let Some((Slot::Real(_), u)) = self.site.slot(source, lang_key, Some(&v.key)) {
                variant_links.push(json!({ "url": self.href(u), "label": self.t(lang_key, &format!("variant-{}.link", v.key), &[]) }));
            }
        }
        variant_links
    }

    /// The notices a page shows (fallback, outdated, unreviewed) and, for a
    /// fallback, the language its content is in.
    fn notices(&self, lang_key: &String, slot: Slot, page: &Page) -> (Vec<Value>, Value) {
        let mut notices = Vec::new();
        let mut content_lang = Value::Null;
        match slot {
            Slot::Fallback(_) => {
                let from = self.lang_value(&page.lang);
                // The language's name follows the message after a colon,
                // marked with its own `lang`, never inside the sentence.
                notices.push(json!({
                    "kind": "fallback",
                    "text": self.t(lang_key, "fallback-notice", &[]),
                    "language": from.clone(),
                }));
                content_lang = from;
            }
            Slot::Real(_) => {
                if let Some(original) = self.site.original_of(page) {
                    let orig_lang = self.lang_value(&original.lang);
                    let link_lang = (original.lang != *lang_key).then(|| original.lang.clone());
                    if page
                        .front
                        .source_hash
                        .as_deref()
                        .is_some_and(|h| h != original.content_hash)
                    {
                        notices.push(json!({
                            "kind": "outdated",
                            "text": self.t(lang_key, "outdated-notice", &[]),
                            "link_url": self.href(&original.url),
                            "link_text": self.t(lang_key, "outdated-link", &[]),
                            "link_language": orig_lang,
                            "link_lang": link_lang,
                        }));
                    }
                    if page.front.translation.is_some() && page.front.reviewed != Some(true) {
                        let method = match page.front.translation {
                            Some(crate::frontmatter::TranslationMethod::Machine) => "machine",
                            _ => "human",
                        };
                        // A plain-language version is a rewrite for its target
                        // group; in its own language the variant links already
                        // lead back to the standard text.
                        // Leichte Sprache and Easy Read have their own
                        // notice; other variants (Einfache Sprache) one in
                        // their own register.
                        let easy = page
                            .variant
                            .as_deref()
                            .and_then(|v| self.config().variant(v))
                            .is_some_and(|v| v.easy);
                        let own_language = original.lang == *lang_key;
                        let (key, link) = match (&page.variant, easy) {
                            (Some(_), true) => ("unreviewed-rewrite-notice", !own_language),
                            (Some(_), false) => ("unreviewed-plain-notice", !own_language),
                            (None, _) => ("unreviewed-notice", true),
                        };
                        notices.push(json!({
                            "kind": "unreviewed",
                            "text": self.t(lang_key, key, &[("method", json!(method))]),
                            "link_url": link.then(|| self.href(&original.url)),
                            "link_text": self.t(lang_key, "unreviewed-link", &[]),
                            "link_language": orig_lang,
                            "link_lang": link_lang,
                        }));
                    }
                }
            }
        }
        (notices, content_lang)
    }

    /// The feed link of a language's pages (the same on every page, so
    /// made once per language, not per page).
    fn feed_value(&self, lang_key: &str) -> Value {
        let feed = self.feed_dirs.first().filter(|_| !self.config().base_url.is_empty()).and_then(|dir| {
            let section = format!("{dir}/_index.md");
            self.site.slot(&section, lang_key, None).and_then(|(s, u)| match s {
                Slot::Real(_) => Some(json!({
                    "url": self.href(&format!("{u}atom.xml")),
                    "title": self.t(lang_key, "feed-title", &[("site", json!(self.t(lang_key, "site-title", &[])))]),
                })),
                Slot::Fallback(_) => None,
            })
        });
        feed.unwrap_or(Value::Null)
    }

    /// The template context's `print`, for the line only a printout shows:
    /// `language` (the text's: `key`, `dir`, `name`), `variant` (its name
    /// in `lang`) and, where the text has one, its date (`updated`, else
    /// `date`) as `date` and `date_formatted` in `lang`.
    fn print_value(
        &self,
        lang: &str,
        variant: Option<&crate::config::Variant>,
        page: &Page,
    ) -> Value {
        let date = page.front.updated.or(page.date);
        json!({
            "language": self.lang_value(&page.lang),
            "variant": variant.map(|v| self.t(lang, &format!("variant-{}", v.key), &[])),
            "date": date.map(|d| d.iso()),
            "date_formatted": date.map(|d| self.templates.dates.format(lang, d)),
        })
    }

    /// Template data of a page, dates formatted in `lang`.
    fn page_value(&self, page: &Page, lang: &str) -> Value {
        json!({
            "title": page.front.title,
            "description": page.front.description,
            "url": self.href(&page.url),
            "lang": page.lang,
            "dir": self.lang(&page.lang).map_or("ltr", |l| l.dir.as_str()),
            "date": page.date.map(|d| d.iso()),
            "date_formatted": page.date.map(|d| self.templates.dates.format(lang, d)),
            "updated": page.front.updated.map(|d| d.iso()),
            "updated_formatted": page.front.updated.map(|d| self.templates.dates.format(lang, d)),
            "weight": page.front.weight,
            "extra": page.front.extra,
            "source": page.source,
        })
    }

    /// The pages of a section as shown in `lang`/`variant`: newest first,
    /// then by weight and title. Fallback pages appear with their own `lang`.
    pub fn section_entries(&self, dir: &str, lang: &str, variant: Option<&str>) -> Vec<Value> {
        let mut items: Vec<(&Page, &str)> = self
            .children
            .get(dir)
            .into_iter()
            .flatten()
            .filter_map(|source| {
                let (slot, url) = variant
                    .and_then(|v| self.site.slot(source, lang, Some(v)))
                    .or_else(|| self.site.slot(source, lang, None))?;
                Some((self.site.pages[slot.page()].as_ref(), url))
            })
            .collect();
        items.sort_by(|(a, _), (b, _)| {
            (
                std::cmp::Reverse(a.date),
                a.front.weight.unwrap_or(i64::MAX),
                &a.front.title,
            )
                .cmp(&(
                    std::cmp::Reverse(b.date),
                    b.front.weight.unwrap_or(i64::MAX),
                    &b.front.title,
                ))
        });
        items
            .into_iter()
            .map(|(p, url)| {
                let mut v = self.page_value(p, lang);
                if let Some(o) = v.as_object_mut() {
                    o.insert("url".into(), Value::String(self.href(url)));
                }
                v
            })
            .collect()
    }

    /// The accessibility statement's fields for a template
    /// (docs/content/configuration.md); dates formatted per language.
    fn statement_context(&self, lang: &str) -> Value {
        let a = &self.config().accessibility;
        let date = |s: &str| {
            crate::frontmatter::Date::parse(s).map(|d| self.templates.dates.format(lang, d))
        };
        // Values readers see come from the site's messages in their
        // language, else from a fallback language's, else from site.toml
        // (the default language; `check` reports the gap). `lang` is set
        // where the text is not in the page's language.
        let default = &self.config().default_language;
        // `raw`: the site.toml value, `None` for a message-only value; an
        // empty site.toml value is not shown.
        let shown = |key: &str, raw: Option<&str>| -> Value {
            if raw.is_some_and(str::is_empty) {
                return Value::Null;
            }
            match (self.i18n.format(lang, key, None), raw) {
                (Ok((text, from)), _) => {
                    json!({ "text": text, "lang": (from != lang).then(|| self.lang_value(&from)) })
                }
                (Err(_), Some(raw)) => {
                    json!({ "text": raw, "lang": (default != lang).then(|| self.lang_value(default)) })
                }
                (Err(_), None) => Value::Null,
            }
        };
        let organisation = shown(
            crate::plain::bitv::ORGANISATION_MESSAGE,
            Some(&a.organisation),
        );
        let scope = self
            .config()
            .profile
            .as_ref()
            .map(|p| p.settings.statement_scope.as_str())
            .filter(|s| !s.is_empty())
            .unwrap_or("statement-scope");
        json!({
            "scope_key": scope,
            // The subject of a sentence: no element can carry its `lang`.
            "organisation": organisation.get("text"),
            "legal_basis": shown(crate::plain::bitv::LEGAL_BASIS_MESSAGE, None),
            "enforcement_name": shown(crate::plain::bitv::ENFORCEMENT_NAME_MESSAGE, Some(&a.enforcement_name)),
            // `non_accessible` is shown as written in site.toml.
            "source_lang": (lang != default.as_str()).then(|| self.lang_value(default)),
            "conformance": a.conformance,
            "standard": a.standard,
            "prepared": date(&a.prepared),
            "reviewed": date(&a.reviewed),
            "method": a.method,
            "contact_email": a.contact_email,
            "contact_url": a.contact_url,
            "enforcement_url": a.enforcement_url,
            "sign_language_video": a.sign_language_video,
            "sign_language_video_duration": a.sign_language_video_duration,
            "sign_language_video_size": a.sign_language_video_size,
            "review_overdue": crate::frontmatter::Date::parse(&a.reviewed)
                .is_some_and(|d| crate::plain::bitv::review_overdue(&d, &crate::plain::bitv::today())),
            "non_accessible": a.non_accessible,
            "tests": crate::audits::statement_value(
                crate::lint::registry::RULES
                    .iter()
                    .filter(|r| !self.config().lint.allow.iter().any(|x| x == r.code))
                    .map(|r| r.criterion)
                    .collect::<Vec<_>>()
                    .into_iter(),
                self.config().audits.as_ref(),
            ),
        })
    }

    /// The language chooser at `/` and the site-wide `404.html`.
    pub fn render_root_pages(&self) -> (Vec<OutFile>, Vec<Diagnostic>) {
        let config = self.config();
        let default = config.default_language.as_str();
        let mut diags = Vec::new();
        let mut files = Vec::new();
        let Some(tera) = self.templates.teras.get(default) else {
            return (files, diags);
        };
        let choices: Vec<Value> = config
            .languages
            .iter()
            .map(|l| {
                let home = self.url_of("_index.md", &l.key, None).unwrap_or_else(|| format!("/{}/", l.key));
                let variants: Vec<Value> = config
                    .variants
                    .iter()
                    .filter_map(|v| match self.site.slot("_index.md", &l.key, Some(&v.key)) {
                        Some((Slot::Real(_), u)) => Some(json!({ "url": self.href(u), "label": self.t(&l.key, &format!("variant-{}", v.key), &[]) })),
                        _ => None,
                    })
                    .collect();
                json!({
                    "key": l.key, "name": l.name, "dir": l.dir.as_str(), "url": self.href(&home),
                    "title": self.t(&l.key, "chooser-prompt", &[]),
                    "variants": variants,
                    "text": self.t(&l.key, "not-found-text", &[]),
                    "home": self.t(&l.key, "not-found-home", &[]),
                })
            })
            .collect();
        let alternates: Vec<(String, String)> =
            self.alternates(&("_index.md".into(), default.into(), None), Slot::Real(0));
        let title = format!(
            "{} – {}",
            self.t(default, "site-title", &[]),
            self.t(default, "chooser-title", &[])
        );
        let ctx = json!({
            "lang": self.lang_value(default),
            "title": title,
            "choices": choices,
            "canonical": self.absolute("/"),
            "alternates": alternates.iter().map(|(h, u)| json!({ "hreflang": h, "href": u })).collect::<Vec<_>>(),
            "root": self.href("/"),
            "share": self.templates.share.page_value(config, (default, None), default, true, &alternates),
            "config": { "base_url": config.base_url, "extra": config.extra },
            "noindex": self.is_noindex(),
            "banner": self.banner(default),
        });
        for (template, path, url) in [
            ("chooser.html", "index.html", Some("/")),
            ("404.html", "404.html", None),
        ] {
            let rendered =
                tera::Context::from_value(ctx.clone()).and_then(|c| tera.render(template, &c));
            match rendered {
                Ok(html) => files.push(OutFile {
                    path: path.to_string(),
                    url: url.map(str::to_string),
                    source_file: None,
                    source_map: None,
                    html,
                    indexable: url.is_some(),
                    alternates: if url.is_some() {
                        alternates.clone()
                    } else {
                        Vec::new()
                    },
                    lastmod: None,
                }),
                Err(e) => diags.push(template_error(&e, &self.templates.template_files, None)),
            }
        }
        if config.search.enabled {
            let (search_files, d) = self.render_search_pages();
            files.extend(search_files);
            diags.extend(d);
        }
        (files, diags)
    }
}

/// The page that stands for a source in ordering decisions: its
/// default-language version, else any.
fn representative<'s>(site: &'s Site, source: &str) -> Option<&'s Page> {
    site.slot(source, &site.config.default_language, None)
        .map(|(s, _)| site.pages[s.page()].as_ref())
        .or_else(|| {
            site.pages
                .iter()
                .find(|p| p.source == source)
                .map(|p| p.as_ref())
        })
}

/// Escapes text for HTML text and quoted attributes. Unlike Tera's default
/// it leaves `/` alone, so URLs stay readable in the output.
pub fn escape_html(input: &str) -> String {
    // Bidi controls in a value end with it (they would re-order the text
    // around it otherwise); see `bidi`.
    let input = crate::bidi::contain(input);
    let mut out = String::with_capacity(input.len() + 8);
    // By bytes, copying the runs between the (ASCII) characters to escape.
    let mut done = 0;
    for (at, b) in input.bytes().enumerate() {
        let escaped = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#39;",
            _ => continue,
        };
        out.push_str(input.get(done..at).unwrap_or_default());
        out.push_str(escaped);
        done = at + 1;
    }
    out.push_str(input.get(done..).unwrap_or_default());
    out
}

/// `/de/x/` → `de/x/index.html`.
pub fn index_path(url: &str) -> String {
    format!("{}index.html", url.trim_start_matches('/'))
}

fn base_path(config: &Config) -> String {
    let rest = config.base_url.split_once("://").map_or("", |(_, r)| r);
    match rest.find('/') {
        Some(i) => rest[i..].trim_end_matches('/').to_string(),
        None => String::new(),
    }
}

/// A Tera error as a diagnostic naming the template file and, when Tera
/// gives one, the line and column.
fn template_error(
    e: &tera::Error,
    files: &BTreeMap<String, PathBuf>,
    page: Option<&Page>,
) -> Diagnostic {
    let mut chain = vec![e.to_string()];
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push(s.to_string());
        source = s.source();
    }
    let text = chain.join(": ");
    // The first quoted name (Tera quotes with ' or `) that is a template.
    let template = text
        .split(['\'', '`'])
        .skip(1)
        .step_by(2)
        .find(|name| files.contains_key(*name))
        .map(str::to_string);
    let position = text.split("--> ").nth(1).and_then(|rest| {
        let mut nums = rest
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty());
        Some((
            nums.next()?.parse::<usize>().ok()?,
            nums.next()?.parse::<usize>().ok()?,
        ))
    });
    let message = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    // A `t()` call whose message cannot be resolved (a variable it uses that
    // the template does not pass): the cause is the message in the
    // language's locale folder, not the template or the page, so every page
    // failing on it gives the same finding (`diag::group` reports it once).
    if let Some(cause) = message
        .split("Function call 't' failed: ")
        .nth(1)
        .filter(|c| c.contains("Resolver error"))
    {
        let lang = cause
            .split("` in `")
            .nth(1)
            .and_then(|r| r.split('`').next());
        let mut d = Diagnostic::error(
            "template/error",
            format!("an interface message cannot be formatted: {cause}"),
        )
        .hint("the theme's templates pass only the variables of the theme's own message: use only those in the site's message");
        if let Some(lang) = lang {
            d = d.file(Path::new("locales").join(lang));
        }
        return match page {
            Some(p) => d.url(&p.url),
            None => d,
        };
    }
    let mut d = Diagnostic::error("template/error", message).hint(match page {
        Some(_) => "fix the template or the data it uses".to_string(),
        None => {
            "fix the template; see https://keats.github.io/tera/docs/ for the syntax".to_string()
        }
    });
    if let Some(p) = page {
        d = d.url(&p.url);
    }
    d.file = template.and_then(|t| files.get(&t).cloned());
    if let Some((line, column)) = position {
        d = d.at(line, column);
    }
    d
}

#[cfg(test)]
mod tests {
    use super::escape_html;

    #[test]
    fn escape_html_escapes_the_five_characters_and_keeps_the_rest() {
        assert_eq!(
            escape_html(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
        assert_eq!(
            escape_html("/de/über-uns/ – مرحبا"),
            "/de/über-uns/ – مرحبا"
        );
        assert_eq!(escape_html("ü&ü"), "ü&amp;ü");
        assert_eq!(escape_html(""), "");
        // An override opened in a value is closed at its end (see `bidi`).
        assert_eq!(escape_html("a\u{202E}<"), "a\u{202E}&lt;\u{202C}");
    }
}
