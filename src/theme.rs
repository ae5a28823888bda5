//! Themes: the default theme is compiled into the binary (templates, CSS,
//! interface strings), so a site needs no theme folder. A site's
//! `themes/<name>/` on disk is layered over it, and the site's own
//! `templates/` and `static/` over that, file by file.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::config::Config;
use crate::diag::Diagnostic;

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");

pub const DEFAULT: &str = "default";

/// A file of the built-in theme, such as the fonts the build draws text
/// with (`fonts/NotoSans-Regular.ttf`), whichever theme the site uses.
pub fn builtin_file(path: &str) -> Option<&'static [u8]> {
    DEFAULT_THEME
        .get_file(path)
        .map(include_dir::File::contents)
}

/// Where a file of the output's static assets comes from.
#[derive(Debug, Clone)]
pub enum Asset {
    Builtin(&'static [u8]),
    Disk(PathBuf),
}

#[derive(Debug, Clone)]
pub struct Theme {
    /// `themes/<name>` on disk, when the site has it.
    disk: Option<PathBuf>,
    builtin: bool,
    root: PathBuf,
}

impl Theme {
    pub fn load(root: &Path, config: &Config) -> Result<Theme, Diagnostic> {
        let dir = root.join("themes").join(&config.theme);
        let disk = dir.is_dir().then_some(dir);
        let builtin = config.theme == DEFAULT;
        if disk.is_none() && !builtin {
            return Err(Diagnostic::error(
                "theme/missing",
                format!("theme `{}` not found in themes/", config.theme),
            )
            .file(crate::config::CONFIG_FILE)
            .hint(format!(
                "create themes/{}/templates/ or set `theme = \"default\"`",
                config.theme
            )));
        }
        Ok(Theme {
            disk,
            builtin,
            root: root.to_path_buf(),
        })
    }

    /// Templates by name (`page.html`), each with the path shown in
    /// diagnostics; later layers replace earlier ones.
    pub fn templates(&self) -> (BTreeMap<String, (PathBuf, String)>, Vec<Diagnostic>) {
        let mut out = BTreeMap::new();
        let mut diags = Vec::new();
        if self.builtin
            && let Some(dir) = DEFAULT_THEME.get_dir("templates")
        {
            for file in dir.files() {
                if let (Some(name), Some(text)) = (file.path().file_name(), file.contents_utf8()) {
                    let name = name.to_string_lossy().to_string();
                    out.insert(
                        name.clone(),
                        (
                            PathBuf::from("(built-in theme)/templates").join(&name),
                            text.to_string(),
                        ),
                    );
                }
            }
        }
        for (name, path) in self.layer_files("templates") {
            let shown = crate::content::relative(&self.root, &path);
            match std::fs::read_to_string(&path) {
                Ok(text) => {
                    out.insert(name, (shown, text));
                }
                Err(e) => diags.push(
                    Diagnostic::error("template/unreadable", format!("cannot read template: {e}"))
                        .file(shown)
                        .hint("templates must be UTF-8 text"),
                ),
            }
        }
        diags.extend(include_cycles(&out));
        (out, diags)
    }

    /// The files of `sub` (`templates`, `static`) in the on-disk theme and
    /// then the site, by their path inside `sub`; later ones win.
    fn layer_files(&self, sub: &str) -> Vec<(String, PathBuf)> {
        let mut layers = Vec::new();
        if let Some(d) = &self.disk {
            layers.push(d.join(sub));
        }
        layers.push(self.root.join(sub));
        let mut out = Vec::new();
        for layer in layers {
            for path in files_under(&self.root, &layer) {
                let name = path
                    .strip_prefix(&layer)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                out.push((name, path));
            }
        }
        out
    }

    /// The theme's `.ftl` files for a language, built-in first.
    pub fn locale_files(&self, lang: &str) -> Vec<(PathBuf, String)> {
        let mut out = Vec::new();
        if self.builtin
            && let Some(dir) = DEFAULT_THEME.get_dir(format!("locales/{lang}"))
        {
            let mut files: Vec<_> = dir.files().collect();
            files.sort_by_key(|f| f.path());
            for f in files {
                if let Some(text) = f.contents_utf8() {
                    out.push((
                        PathBuf::from("(built-in theme)").join(f.path()),
                        text.to_string(),
                    ));
                }
            }
        }
        if let Some(d) = &self.disk {
            let dir = d.join("locales").join(lang);
            for path in files_under(&self.root, &dir) {
                if path.extension().is_some_and(|e| e == "ftl")
                    && let Ok(text) = std::fs::read_to_string(&path)
                {
                    out.push((crate::content::relative(&self.root, &path), text));
                }
            }
        }
        out
    }

    /// Static files by output path: theme's `static/`, then the site's.
    pub fn static_files(&self) -> BTreeMap<String, Asset> {
        let mut out = BTreeMap::new();
        if self.builtin
            && let Some(dir) = DEFAULT_THEME.get_dir("static")
        {
            collect_builtin(dir, &mut out);
        }
        for (name, path) in self.layer_files("static") {
            out.insert(name, Asset::Disk(path));
        }
        out
    }
}

impl Theme {
    /// Font files for text the build draws (share images) by name: the
    /// built-in theme's `fonts/`, then the theme folder's and the site's.
    pub fn fonts(&self) -> BTreeMap<String, Asset> {
        let mut out = BTreeMap::new();
        if self.builtin
            && let Some(dir) = DEFAULT_THEME.get_dir("fonts")
        {
            for f in dir.files() {
                let name = f.path().strip_prefix("fonts").unwrap_or(f.path());
                out.insert(
                    name.to_string_lossy().replace('\\', "/"),
                    Asset::Builtin(f.contents()),
                );
            }
        }
        for (name, path) in self.layer_files("fonts") {
            out.insert(name, Asset::Disk(path));
        }
        out.retain(|name, _| name.ends_with(".ttf") || name.ends_with(".otf"));
        out
    }
}

fn collect_builtin(dir: &'static Dir<'static>, out: &mut BTreeMap<String, Asset>) {
    for f in dir.files() {
        let rel = f.path().strip_prefix("static").unwrap_or(f.path());
        out.insert(
            rel.to_string_lossy().replace('\\', "/"),
            Asset::Builtin(f.contents()),
        );
    }
    for d in dir.dirs() {
        collect_builtin(d, out);
    }
}

/// Regular files below `dir`, sorted, not following symbolic links —
/// neither below `dir` nor on the way to it from the site folder `root`
/// (`symlink_warnings` reports them).
fn files_under(root: &Path, dir: &Path) -> Vec<PathBuf> {
    if !dir.is_dir() || through_symlink(root, dir) {
        return Vec::new();
    }
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
        .map(|e| e.into_path())
        .collect()
}

/// Whether `path` or a folder between the site folder `root` and it is a
/// symbolic link.
pub fn through_symlink(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut at = root.to_path_buf();
    for part in rel.components() {
        at.push(part);
        if std::fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return true;
        }
    }
    false
}

/// The folders of a site besides content/ whose files reach the output.
const SITE_FOLDERS: [&str; 5] = ["static", "templates", "locales", "themes", "glossary"];

/// One warning per symbolic link in static/, templates/, locales/, themes/
/// and glossary/ (content/ reports its own): links are never followed, so
/// nothing from outside the site folder reaches the output unannounced.
pub fn symlink_warnings(root: &Path) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for folder in SITE_FOLDERS {
        let dir = root.join(folder);
        let links: Vec<PathBuf> =
            if std::fs::symlink_metadata(&dir).is_ok_and(|m| m.file_type().is_symlink()) {
                vec![dir]
            } else if dir.is_dir() {
                walkdir::WalkDir::new(&dir)
                    .follow_links(false)
                    .sort_by_file_name()
                    .into_iter()
                    .filter_map(Result::ok)
                    .filter(walkdir::DirEntry::path_is_symlink)
                    .map(walkdir::DirEntry::into_path)
                    .collect()
            } else {
                Vec::new()
            };
        for link in links {
            let target = std::fs::read_link(&link)
                .map(|t| format!(" (to {})", t.display()))
                .unwrap_or_default();
            diags.push(
                Diagnostic::warning(
                    "site/symlink",
                    format!("symbolic link{target} is not followed; what it points to is not used"),
                )
                .file(crate::content::relative(root, &link))
                .hint("copy the files into the site folder instead of linking to them"),
            );
        }
    }
    diags
}

/// Templates that include or extend themselves, directly or through
/// others. Tera would recurse until the stack overflows, so these are
/// errors before anything is rendered (one per template on a cycle).
fn include_cycles(templates: &BTreeMap<String, (PathBuf, String)>) -> Vec<Diagnostic> {
    let edges: BTreeMap<&str, Vec<String>> = templates
        .iter()
        .map(|(name, (_, text))| (name.as_str(), referenced_templates(text)))
        .collect();
    let mut diags = Vec::new();
    for (name, (shown, _)) in templates {
        // Depth-first search from `name` for a way back to it.
        let mut stack: Vec<(String, Vec<String>)> = edges
            .get(name.as_str())
            .into_iter()
            .flatten()
            .map(|n| (n.clone(), vec![name.clone(), n.clone()]))
            .collect();
        let mut seen = std::collections::BTreeSet::new();
        while let Some((next, path)) = stack.pop() {
            if &next == name {
                diags.push(
                    Diagnostic::error(
                        "template/include-cycle",
                        format!("template `{name}` includes itself: {}", path.join(" → ")),
                    )
                    .file(shown)
                    .hint("remove the `include`/`extends` that leads back to this template"),
                );
                break;
            }
            if !seen.insert(next.clone()) {
                continue;
            }
            for n in edges.get(next.as_str()).into_iter().flatten() {
                let mut p = path.clone();
                p.push(n.clone());
                stack.push((n.clone(), p));
            }
        }
    }
    diags
}

/// A node of the template call graph: a whole template, or one macro
/// (template name, macro name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Callee {
    Template(String),
    Macro(String, String),
}

/// What a template or macro body refers to.
enum Reference {
    /// `{% include %}`: the names of its list and whether it says
    /// `ignore missing`.
    Include(Vec<String>, bool),
    /// `namespace::macro(…)`.
    Call(String, String),
}

/// Macros that call themselves, directly or through other macros and
/// templates. Tera has no recursion limit, and whether a recursion ends
/// depends on the data, which cannot be decided beforehand; one that never
/// ends overflows the stack, and that aborts the process. So every cycle
/// through a macro is an error before anything is rendered (one per macro
/// on a cycle, at its `{% macro %}` tag). `tera` holds the parsed
/// templates, `templates` their shown path and text (for the line).
pub fn macro_cycles(
    tera: &tera::Tera,
    templates: &BTreeMap<String, (PathBuf, String)>,
) -> Vec<Diagnostic> {
    let parsed = &tera.templates;
    let imports_of = |t: &tera::Template| -> Vec<(String, String)> {
        t.imported_macro_files
            .iter()
            .map(|(file, ns)| (ns.clone(), file.clone()))
            .collect()
    };
    // Every import anywhere: an included template may call a namespace its
    // includer imported, so a namespace a template does not import itself
    // stands for all templates imported under that name.
    let all_imports: Vec<(String, String)> = parsed.values().flat_map(imports_of).collect();
    let resolve = |from: &str, refs: Vec<Reference>| -> Vec<Callee> {
        // A template's own imports and those of the templates it extends.
        let mut own = Vec::new();
        if let Some(t) = parsed.get(from) {
            own.extend(imports_of(t));
            for parent in &t.parents {
                own.extend(parsed.get(parent).map(imports_of).unwrap_or_default());
            }
        }
        let mut out = Vec::new();
        for r in refs {
            match r {
                Reference::Include(names, _) => {
                    out.extend(names.into_iter().map(Callee::Template));
                }
                Reference::Call(ns, name) if ns == "self" => {
                    out.push(Callee::Macro(from.to_string(), name));
                }
                Reference::Call(ns, name) => {
                    let named = |list: &[(String, String)]| -> Vec<String> {
                        list.iter()
                            .filter(|(n, _)| *n == ns)
                            .map(|(_, f)| f.clone())
                            .collect()
                    };
                    let mut files = named(&own);
                    if files.is_empty() {
                        files = named(&all_imports);
                    }
                    out.extend(files.into_iter().map(|f| Callee::Macro(f, name.clone())));
                }
            }
        }
        out
    };
    let mut edges: BTreeMap<Callee, Vec<Callee>> = BTreeMap::new();
    for (name, t) in parsed {
        let mut refs = Vec::new();
        references_in_nodes(&t.ast, &mut refs);
        let mut to = resolve(name, refs);
        to.extend(t.parent.iter().map(|p| Callee::Template(p.clone())));
        edges.insert(Callee::Template(name.clone()), to);
        for (macro_name, def) in &t.macros {
            let mut refs = Vec::new();
            references_in_nodes(&def.body, &mut refs);
            edges.insert(
                Callee::Macro(name.clone(), macro_name.clone()),
                resolve(name, refs),
            );
        }
    }
    let mut diags = Vec::new();
    for start in edges.keys() {
        let Callee::Macro(file, macro_name) = start else {
            continue;
        };
        let Some(path) = crate::graph::way_back(start, |at: &Callee| {
            edges.get(at).into_iter().flatten().cloned()
        }) else {
            continue;
        };
        let steps: Vec<String> = path
            .iter()
            .map(|c| match c {
                Callee::Template(t) => t.clone(),
                Callee::Macro(t, m) => format!("{t}::{m}"),
            })
            .collect();
        let (shown, text) = shown_and_text(templates, file);
        let mut d = Diagnostic::error(
            "template/macro-recursion",
            format!("macro `{macro_name}` calls itself: {}", steps.join(" → ")),
        )
        .file(shown)
        .hint(
            "macros must not call themselves, directly or through other macros or \
             templates (a recursion that does not end would crash the build); loop over \
             the data instead, or write one macro per level",
        );
        if let Some(offset) = macro_tag_offset(text, macro_name) {
            d = d.at_offset(text, offset);
        }
        diags.push(d);
    }
    diags
}

/// `{% include %}`s of templates none of whose names is a template (and
/// that do not say `ignore missing`). Tera finds them only when a page
/// renders the include, so a template no page uses yet would pass.
pub fn missing_includes(
    tera: &tera::Tera,
    templates: &BTreeMap<String, (PathBuf, String)>,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for (name, t) in &tera.templates {
        let mut refs = Vec::new();
        references_in_nodes(&t.ast, &mut refs);
        for def in t.macros.values() {
            references_in_nodes(&def.body, &mut refs);
        }
        let (shown, text) = shown_and_text(templates, name);
        for r in refs {
            let Reference::Include(names, false) = r else {
                continue;
            };
            if names.iter().any(|n| tera.templates.contains_key(n)) {
                continue;
            }
            let list = names
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let mut d = Diagnostic::error(
                "template/missing",
                format!("`{name}` includes {list}, which is not a template"),
            )
            .file(shown.clone())
            .hint("add the template to templates/, correct the name, or write `ignore missing` after it");
            if let Some(offset) = include_tag_offset(text, names.first().map_or("", String::as_str))
            {
                d = d.at_offset(text, offset);
            }
            diags.push(d);
        }
    }
    diags.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    diags
}

/// Every `{% … %}` tag of a template's text: the byte offset of its `{%`,
/// and what it holds up to `%}`, without a leading `-` and white space.
fn tags(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.match_indices("{%").map(move |(at, _)| {
        let inner = text
            .get(at + 2..)
            .unwrap_or_default()
            .split("%}")
            .next()
            .unwrap_or_default();
        (at, inner.trim_start_matches('-').trim_start())
    })
}

/// The byte offset of the first `{% include %}` tag naming `name`.
fn include_tag_offset(text: &str, name: &str) -> Option<usize> {
    let (quoted, single) = (format!("\"{name}\""), format!("'{name}'"));
    tags(text)
        .find(|(_, inner)| {
            inner.starts_with("include") && (inner.contains(&quoted) || inner.contains(&single))
        })
        .map(|(at, _)| at)
}

/// A template's shown path and text (empty when unknown), for locating a
/// diagnostic in it.
fn shown_and_text<'t>(
    templates: &'t BTreeMap<String, (PathBuf, String)>,
    name: &str,
) -> (PathBuf, &'t str) {
    templates
        .get(name)
        .map(|(p, t)| (p.clone(), t.as_str()))
        .unwrap_or_else(|| (PathBuf::from(name), ""))
}

/// The byte offset of `{% macro name(` in a template's text.
fn macro_tag_offset(text: &str, name: &str) -> Option<usize> {
    tags(text)
        .find(|(_, inner)| {
            inner.strip_prefix("macro").is_some_and(|rest| {
                rest.starts_with(char::is_whitespace)
                    && rest.trim_start().split('(').next().map(str::trim) == Some(name)
            })
        })
        .map(|(at, _)| at)
}

fn references_in_nodes(nodes: &[tera::ast::Node], out: &mut Vec<Reference>) {
    use tera::ast::Node;
    for node in nodes {
        match node {
            Node::VariableBlock(_, e) => references_in_expr(e, out),
            Node::MacroDefinition(..) => {} // a graph node of its own
            Node::Include(_, names, ignore_missing) => {
                out.push(Reference::Include(names.clone(), *ignore_missing));
            }
            Node::Set(_, set) => references_in_expr(&set.value, out),
            Node::FilterSection(_, section, _) => {
                references_in_args(&section.filter.args, out);
                references_in_nodes(&section.body, out);
            }
            Node::Block(_, block, _) => references_in_nodes(&block.body, out),
            Node::Forloop(_, f, _) => {
                references_in_expr(&f.container, out);
                references_in_nodes(&f.body, out);
                if let Some(body) = &f.empty_body {
                    references_in_nodes(body, out);
                }
            }
            Node::If(i, _) => {
                for (_, cond, body) in &i.conditions {
                    references_in_expr(cond, out);
                    references_in_nodes(body, out);
                }
                if let Some((_, body)) = &i.otherwise {
                    references_in_nodes(body, out);
                }
            }
            Node::Super
            | Node::Text(_)
            | Node::Extends(..)
            | Node::ImportMacro(..)
            | Node::Raw(..)
            | Node::Break(_)
            | Node::Continue(_)
            | Node::Comment(..) => {}
        }
    }
}

fn references_in_args(
    args: &std::collections::HashMap<String, tera::ast::Expr>,
    out: &mut Vec<Reference>,
) {
    for e in args.values() {
        references_in_expr(e, out);
    }
}

fn references_in_expr(expr: &tera::ast::Expr, out: &mut Vec<Reference>) {
    for filter in &expr.filters {
        references_in_args(&filter.args, out);
    }
    references_in_value(&expr.val, out);
}

fn references_in_value(value: &tera::ast::ExprVal, out: &mut Vec<Reference>) {
    use tera::ast::ExprVal;
    match value {
        ExprVal::MacroCall(call) => {
            out.push(Reference::Call(call.namespace.clone(), call.name.clone()));
            references_in_args(&call.args, out);
        }
        ExprVal::FunctionCall(call) => references_in_args(&call.args, out),
        ExprVal::Math(m) => {
            references_in_expr(&m.lhs, out);
            references_in_expr(&m.rhs, out);
        }
        ExprVal::Logic(l) => {
            references_in_expr(&l.lhs, out);
            references_in_expr(&l.rhs, out);
        }
        ExprVal::In(i) => {
            references_in_expr(&i.lhs, out);
            references_in_expr(&i.rhs, out);
        }
        ExprVal::Test(t) => {
            for e in &t.args {
                references_in_expr(e, out);
            }
        }
        ExprVal::Array(items) => {
            for e in items {
                references_in_expr(e, out);
            }
        }
        ExprVal::StringConcat(c) => {
            for v in &c.values {
                references_in_value(v, out);
            }
        }
        ExprVal::String(_)
        | ExprVal::Int(_)
        | ExprVal::Float(_)
        | ExprVal::Bool(_)
        | ExprVal::Ident(_) => {}
    }
}

/// Names in `{% include "…" %}` (also lists) and `{% extends "…" %}` tags.
fn referenced_templates(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (_, tag) in tags(text) {
        let Some(args) = tag
            .strip_prefix("include")
            .or_else(|| tag.strip_prefix("extends"))
        else {
            continue;
        };
        for (i, part) in args.split(['"', '\'']).enumerate() {
            if i % 2 == 1 && !part.is_empty() {
                out.push(part.to_string());
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn include_cycles_are_found() {
        let t = |s: &str| (PathBuf::from(s), String::new());
        let mut m = BTreeMap::new();
        m.insert(
            "a.html".to_string(),
            (t("a").0, "{% include \"b.html\" %}".to_string()),
        );
        m.insert(
            "b.html".to_string(),
            (t("b").0, "{%- extends 'a.html' -%}".to_string()),
        );
        m.insert(
            "c.html".to_string(),
            (t("c").0, "{% include \"a.html\" %}".to_string()),
        );
        let d = include_cycles(&m);
        let files: Vec<_> = d.iter().filter_map(|d| d.file.clone()).collect();
        assert_eq!(files, [PathBuf::from("a"), PathBuf::from("b")]);
        assert_eq!(
            referenced_templates("{% include [\"x.html\", 'y.html'] ignore missing %}"),
            ["x.html", "y.html"]
        );
    }

    /// Test templates parsed, and as the theme layer hands them over.
    fn parsed(files: &[(&str, &str)]) -> (tera::Tera, BTreeMap<String, (PathBuf, String)>) {
        let mut tera = tera::Tera::default();
        tera.add_raw_templates(files.iter().map(|(n, t)| (*n, *t)))
            .expect("test templates parse");
        let templates = files
            .iter()
            .map(|(n, t)| (n.to_string(), (PathBuf::from(n), t.to_string())))
            .collect();
        (tera, templates)
    }

    fn macro_diagnostics(files: &[(&str, &str)]) -> Vec<(String, Option<usize>, String)> {
        let (tera, templates) = parsed(files);
        macro_cycles(&tera, &templates)
            .into_iter()
            .map(|d| {
                let file = d.file.map(|f| f.display().to_string()).unwrap_or_default();
                (file, d.line, d.message)
            })
            .collect()
    }

    #[test]
    fn includes_of_missing_templates_are_found() {
        let files = [
            (
                "a.html",
                "x\n{% include \"nope.html\" %}{% include 'b.html' %}",
            ),
            (
                "b.html",
                "{% include [\"nope.html\", \"a.html\"] %}{% include \"gone.html\" ignore missing %}",
            ),
            (
                "m.html",
                "{% macro m() %}\n\n{%- include \"\" -%}{% endmacro %}",
            ),
        ];
        let (tera, templates) = parsed(&files);
        let found: Vec<_> = missing_includes(&tera, &templates)
            .into_iter()
            .map(|d| (d.file.map(|f| f.display().to_string()), d.line))
            .collect();
        assert_eq!(
            found,
            [
                (Some("a.html".to_string()), Some(2)),
                (Some("m.html".to_string()), Some(3))
            ]
        );
    }

    #[test]
    fn macro_cycles_are_found() {
        // Directly, at the `{% macro %}` tag's line.
        let d = macro_diagnostics(&[(
            "m.html",
            "x\n{% macro a() %}{{ self::a() }}{% endmacro a %}",
        )]);
        assert_eq!(
            d,
            [(
                "m.html".to_string(),
                Some(2),
                "macro `a` calls itself: m.html::a → m.html::a".to_string()
            )]
        );
        // Through another file's macro and through an include.
        let d = macro_diagnostics(&[
            (
                "m.html",
                "{% import \"n.html\" as n %}{% macro a() %}{{ n::b() }}{% endmacro %}",
            ),
            (
                "n.html",
                "{% import \"m.html\" as m %}{%- macro b() -%}{% include \"i.html\" %}{% endmacro %}",
            ),
            ("i.html", "{% if x %}{{ m::a() | upper }}{% endif %}"),
        ]);
        let names: Vec<_> = d.iter().map(|(f, l, _)| (f.as_str(), *l)).collect();
        assert_eq!(names, [("m.html", Some(1)), ("n.html", Some(1))]);
        assert!(
            d[0].2
                .contains("m.html::a → n.html::b → i.html → m.html::a")
        );
        // Macros calling each other without a cycle are fine.
        let d = macro_diagnostics(&[(
            "m.html",
            "{% macro a() %}{{ self::b() }}{{ self::b() }}{% endmacro %}{% macro b() %}b{% endmacro %}",
        )]);
        assert!(d.is_empty(), "{d:?}");
    }
}
