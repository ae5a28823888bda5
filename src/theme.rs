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

/// Names in `{% include "…" %}` (also lists) and `{% extends "…" %}` tags.
fn referenced_templates(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for tag in text.split("{%").skip(1) {
        let tag = tag.split("%}").next().unwrap_or_default();
        let tag = tag.trim_start_matches('-').trim_start();
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
}
