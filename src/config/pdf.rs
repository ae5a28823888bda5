//! `[pdf]` in site.toml: the pages that make the site's document, in
//! order, and its file name (docs/content/configuration.md). Whether the
//! pages exist is checked once the content is loaded (`pdf::plan`).

use std::collections::BTreeMap;

use serde::Deserialize;

/// `[pdf]`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PdfSettings {
    /// Sources of the pages, in the document's order (`leitbild.md`), with
    /// their place in site.toml for errors.
    pub pages: Vec<toml::Spanned<String>>,
    /// The file name in each language's (and variant's) folder.
    #[serde(default = "default_file")]
    pub file: String,
    /// The file name per language key, where it differs from `file`.
    #[serde(default)]
    pub files: BTreeMap<String, String>,
}

impl PdfSettings {
    /// The file name of the document in `lang`.
    pub fn file_name(&self, lang: &str) -> &str {
        self.files.get(lang).unwrap_or(&self.file)
    }

    /// Every file name that is unusable: not one path segment ending in `.pdf`.
    pub fn bad_file_names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&self.file)
            .chain(self.files.values())
            .map(String::as_str)
            .filter(|f| {
                !f.ends_with(".pdf")
                    || f.len() <= ".pdf".len()
                    || f.contains(['/', '\\', '?', '#', ' '])
                    || f.starts_with('.')
            })
    }
}

fn default_file() -> String {
    "document.pdf".to_string()
}
