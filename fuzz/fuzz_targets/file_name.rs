//! The content file-name grammar `STEM[.LANG][.VARIANT].md` on any name.
#![no_main]

use libfuzzer_sys::fuzz_target;
use vielfalt::{config, content};

fuzz_target!(|name: &str| {
    let (c, _) = config::parse(
        "default_language = \"de\"\n[languages.de]\nname = \"Deutsch\"\n[languages.en]\nname = \"English\"\n[languages.pt-BR]\nname = \"Português\"\n[variants.easy]\n",
    );
    let Some(c) = c else { return };
    if let Ok(parsed) = content::parse_file_name(name, &c) {
        // What the grammar accepts it can put back together.
        let mut again = parsed.stem.clone();
        for part in [&parsed.lang, &parsed.variant].into_iter().flatten() {
            again.push('.');
            again.push_str(part);
        }
        again.push_str(".md");
        assert_eq!(again, name);
    }
    let _ = content::slugify(name);
});
