//! Files the editor's workflow creates or edits: `init` (a small working
//! site), `new update` (a dated update) and `stamp` (records the hash of a
//! translation's original in its front matter, leaving every other byte of
//! the file as it was).
//!
//! Errors are returned as `(exit code, message)`: 2 for bad usage, 1 for a
//! problem with the site or its files.

use std::path::{Path, PathBuf};

use crate::build::BuildOptions;
use crate::content::{self, Entry, LoadOptions};
use crate::frontmatter::Date;

pub type Failure = (i32, String);

/// The files of a new site: German and English, a Leichte Sprache home page,
/// an updates section with a first update dated `date`.
fn init_files(date: Date) -> Vec<(String, String)> {
    let d = date.iso();
    vec![
        (
            "site.toml".into(),
            "# Keys are documented in vielfalt's manual (docs/content/configuration.md).\n\
             # Set the address the site will be published at.\n\
             base_url = \"https://example.org\"\n\
             default_language = \"de\"\n\
             theme = \"default\"\n\n\
             [languages.de]\nname = \"Deutsch\"\n\n\
             [languages.en]\nname = \"English\"\nweight = 1\n\n\
             [variants.easy]\neasy = true\n\
             segment = { de = \"leichte-sprache\", en = \"easy-read\" }\n\n\
             [build]\npaginate_by = 10\n"
                .into(),
        ),
        (
            "locales/de/site.ftl".into(),
            "site-title = Meine Website\n".into(),
        ),
        ("locales/en/site.ftl".into(), "site-title = My website\n".into()),
        (
            "content/_index.md".into(),
            "+++\ntitle = \"Willkommen\"\ndescription = \"Die Startseite der neuen Website.\"\n+++\n\n\
             Diese Website ist mit vielfalt gemacht.\nSchreiben Sie hier, worum es geht.\n\n\
             Die Seite in [Leichter Sprache](@/_index.easy.md) erklärt dasselbe einfacher.\n"
                .into(),
        ),
        (
            "content/_index.en.md".into(),
            "+++\ntitle = \"Welcome\"\ndescription = \"The home page of the new website.\"\ntranslation = \"human\"\nreviewed = true\n+++\n\n\
             This website is made with vielfalt.\nWrite here what it is about.\n\n\
             The page in [Easy Read](@/_index.en.easy.md) explains the same more simply.\n"
                .into(),
        ),
        (
            "content/_index.easy.md".into(),
            "+++\ntitle = \"Willkommen\"\ndescription = \"Die Startseite in Leichter Sprache.\"\n+++\n\n\
             Das ist eine neue Website.\nHier stehen bald Infos.\n"
                .into(),
        ),
        (
            "content/_index.en.easy.md".into(),
            "+++\ntitle = \"Welcome\"\ndescription = \"The home page in Easy Read.\"\ntranslation = \"human\"\nreviewed = true\n+++\n\n\
             This is a new website.\nNews will be here soon.\n"
                .into(),
        ),
        (
            "content/updates/_index.md".into(),
            "+++\ntitle = \"Neuigkeiten\"\ndescription = \"Was es Neues gibt.\"\n+++\n".into(),
        ),
        (
            "content/updates/_index.en.md".into(),
            "+++\ntitle = \"News\"\ndescription = \"What is new.\"\nslug = \"news\"\ntranslation = \"human\"\nreviewed = true\n+++\n"
                .into(),
        ),
        (
            format!("content/updates/{d}-die-website-ist-online.md"),
            "+++\ntitle = \"Die Website ist online\"\ndescription = \"Die erste Neuigkeit.\"\n+++\n\n\
             Die neue Website ist online.\nNeue Meldungen legen Sie mit `vielfalt new update \"Titel\"` an.\n"
                .into(),
        ),
        (
            format!("content/updates/{d}-die-website-ist-online.en.md"),
            "+++\ntitle = \"The website is online\"\ndescription = \"The first news item.\"\nslug = \"the-website-is-online\"\ntranslation = \"human\"\nreviewed = true\n+++\n\n\
             The new website is online.\nCreate new items with `vielfalt new update \"Title\" --lang en`.\n"
                .into(),
        ),
    ]
}

/// Creates a new site in `dir` (which must not exist or be empty), and
/// stamps its translations so that it starts without warnings.
pub fn init(dir: &Path, today: Date) -> Result<Vec<PathBuf>, Failure> {
    if dir.exists() {
        let empty = std::fs::read_dir(dir)
            .map(|mut d| d.next().is_none())
            .unwrap_or(false);
        if !empty {
            return Err((
                1,
                format!(
                    "{} exists and is not empty; vielfalt init does not overwrite files. Choose a new folder",
                    dir.display()
                ),
            ));
        }
    }
    let mut written = Vec::new();
    for (rel, text) in init_files(today) {
        let path = dir.join(&rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| (1, format!("cannot create {}: {e}", parent.display())))?;
        }
        std::fs::write(&path, text)
            .map_err(|e| (1, format!("cannot write {}: {e}", path.display())))?;
        written.push(PathBuf::from(rel));
    }
    for rel in &written {
        let name = rel.to_string_lossy();
        let is_translation = name.starts_with("content/")
            && (name.ends_with(".en.md") || name.ends_with(".easy.md"));
        if is_translation {
            stamp(dir, &dir.join(rel))?;
        }
    }
    Ok(written)
}

/// Today's date (UTC) from the system clock.
pub fn today() -> Date {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_unix_days(i64::try_from(secs / 86_400).unwrap_or(0))
}

/// Creates `content/updates/DATE-SLUG[.LANG].md`; returns its path
/// relative to the site root.
pub fn new_update(
    root: &Path,
    title: &str,
    lang: Option<&str>,
    date: Date,
) -> Result<PathBuf, Failure> {
    let title = title.trim();
    if title.is_empty() {
        return Err((
            2,
            "the title is empty; write vielfalt new update \"Title\"".into(),
        ));
    }
    let (config, diags) = crate::config::load(root);
    let Some(config) = config else {
        let text = crate::diag::render_text(&diags);
        return Err((1, format!("cannot read the site's configuration:\n{text}")));
    };
    let suffix = match lang {
        None => String::new(),
        Some(l) if l == config.default_language => String::new(),
        Some(l) if config.language(l).is_some() => format!(".{l}"),
        Some(l) => {
            let keys: Vec<&str> = config.languages.iter().map(|l| l.key.as_str()).collect();
            return Err((
                2,
                format!(
                    "`{l}` is not a language of site.toml; languages: {}",
                    keys.join(", ")
                ),
            ));
        }
    };
    let slug = content::slugify(title);
    if slug.is_empty() {
        return Err((
            2,
            "the title has no letters or digits to make a file name from".into(),
        ));
    }
    let rel = PathBuf::from(format!("content/updates/{}-{slug}{suffix}.md", date.iso()));
    let path = root.join(&rel);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| (1, format!("cannot create {}: {e}", parent.display())))?;
    }
    let text = format!(
        "+++\ntitle = {}\ndescription = \"\"\n+++\n\nWrite the update here.\n",
        toml_string(title)
    );
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&path)
    {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err((
                1,
                format!(
                    "{} already exists and was left as it was; edit it, or choose another title",
                    rel.display()
                ),
            ));
        }
        Err(e) => return Err((1, format!("cannot create {}: {e}", rel.display()))),
    };
    std::io::Write::write_all(&mut file, text.as_bytes())
        .map_err(|e| (1, format!("cannot write {}: {e}", rel.display())))?;
    Ok(rel)
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Sets `source_hash` of the translation `file` to its original's current
/// hash. Returns the hash. Every other byte of the file stays as it was.
pub fn stamp(root: &Path, file: &Path) -> Result<String, Failure> {
    let root = root.canonicalize().map_err(|e| {
        (
            2,
            format!("cannot open the site folder {}: {e}", root.display()),
        )
    })?;
    let file = file
        .canonicalize()
        .map_err(|e| (2, format!("cannot open {}: {e}", file.display())))?;
    if !file.starts_with(root.join(content::CONTENT_DIR)) {
        return Err((
            2,
            format!(
                "{} is not a page under {}/content/",
                file.display(),
                root.display()
            ),
        ));
    }
    let mut diags = Vec::new();
    let options = BuildOptions::new(&root);
    // Every page, whatever its audience: a page for staff is stamped too.
    let loaded =
        crate::build::load::load_config(&options, &mut diags).and_then(|(mut config, text)| {
            config.profile = None;
            crate::build::load::load_site(&options, config, text, &mut diags)
        });
    let Some(loaded) = loaded else {
        return Err((1, crate::diag::render_text(&diags)));
    };
    let config = &loaded.site.config;
    let rel = content::relative(&root, &file);
    let page = match content::load_entry(&root, &file, config, LoadOptions { drafts: true }) {
        Entry::Page(p) => p,
        Entry::Error(d, _) => return Err((1, crate::diag::render_text(&[d]))),
        _ => {
            return Err((
                2,
                format!("{} is not a Markdown page of the site", rel.display()),
            ));
        }
    };
    let original = loaded
        .site
        .original_of(&page)
        .ok_or_else(|| {
            (
                1,
                format!(
                    "{} is an original, not a translation or variant: there is nothing to stamp it against (originals are default-language pages)",
                    rel.display()
                ),
            )
        })?;
    let hash = original.content_hash.clone();
    let text = std::fs::read_to_string(&file)
        .map_err(|e| (1, format!("cannot read {}: {e}", rel.display())))?;
    let new = set_source_hash(&text, &hash).ok_or_else(|| {
        (
            1,
            format!("{}: the front matter could not be found", rel.display()),
        )
    })?;
    // Segment stamps too, where the translation aligns with its original.
    let new =
        crate::l10n::stamp_segments(&root, &original.file, &rel, &new, page.variant.is_some())
            .unwrap_or(new);
    if new != text {
        std::fs::write(&file, new)
            .map_err(|e| (1, format!("cannot write {}: {e}", rel.display())))?;
    }
    Ok(hash)
}

/// The file text with `source_hash` set: an existing top-level
/// `source_hash` line gets the new value; otherwise a line is added after
/// the `title` line (else after the opening fence). Line endings follow the
/// file's.
pub fn set_source_hash(text: &str, hash: &str) -> Option<String> {
    crate::l10n::front::set_key(text, "source_hash", &crate::l10n::front::Value::Str(hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamping_replaces_or_inserts_and_keeps_the_rest() {
        let t = "+++\ntitle = \"A\"\nsource_hash = \"old\" # keep?\n[extra]\nx = 1\n+++\nBody\n";
        assert_eq!(
            set_source_hash(t, "abc").as_deref(),
            Some("+++\ntitle = \"A\"\nsource_hash = \"abc\"\n[extra]\nx = 1\n+++\nBody\n")
        );
        let t = "+++\r\ndescription = \"d\"\r\ntitle = \"A\"\r\n[extra]\r\nsource_hash = 1\r\n+++\r\nBody";
        assert_eq!(
            set_source_hash(t, "abc").as_deref(),
            Some(
                "+++\r\ndescription = \"d\"\r\ntitle = \"A\"\r\nsource_hash = \"abc\"\r\n[extra]\r\nsource_hash = 1\r\n+++\r\nBody"
            )
        );
        let t = "---\ntitle: A\n---\nBody";
        assert_eq!(
            set_source_hash(t, "abc").as_deref(),
            Some("---\ntitle: A\nsource_hash: \"abc\"\n---\nBody")
        );
        assert_eq!(set_source_hash("no front matter", "abc"), None);
    }

    #[test]
    fn civil_dates() {
        assert_eq!(Date::from_unix_days(0).iso(), "1970-01-01");
        assert_eq!(Date::from_unix_days(20_782).iso(), "2026-11-25");
        assert_eq!(Date::from_unix_days(11_016).iso(), "2000-02-29");
    }
}
