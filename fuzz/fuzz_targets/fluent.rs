//! The Fluent loading path: a site's `.ftl` file, loaded with the theme's
//! messages (`i18n::load`), then every message formatted with arguments.
#![no_main]

use std::path::PathBuf;

use libfuzzer_sys::fuzz_target;
use vielfalt::{config, i18n, theme};

fn site_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vielfalt-fuzz-fluent-{}", std::process::id()));
    let _ = std::fs::create_dir_all(dir.join("locales/de"));
    let _ = std::fs::create_dir_all(dir.join("locales/en"));
    dir
}

fuzz_target!(|text: &str| {
    let (c, _) = config::parse(
        "default_language = \"de\"\n[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\nfallback = [\"de\"]\n",
    );
    let Some(c) = c else { return };
    let root = site_dir();
    if std::fs::write(root.join("locales/de/site.ftl"), text).is_err() {
        return;
    }
    let Ok(theme) = theme::Theme::load(&root, &c) else {
        return;
    };
    let (bundles, diags) = i18n::load(&root, &c, &theme);
    for d in &diags {
        assert!(d.file.is_some(), "diagnostic without a file: {d:?}");
    }
    let mut args = fluent_bundle::FluentArgs::new();
    args.set("count", 3);
    args.set("name", "<b>x</b>");
    for ids in bundles.defined.values() {
        for id in ids {
            for lang in ["de", "en"] {
                let _ = bundles.format(lang, id, Some(&args));
                let _ = bundles.format(lang, id, None);
            }
        }
    }
});
