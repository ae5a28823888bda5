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
            for path in files_under(&layer) {
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
            for path in files_under(&dir) {
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

/// Regular files below `dir`, sorted, not following symbolic links.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    if !dir.is_dir() {
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
