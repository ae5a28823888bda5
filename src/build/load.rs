//! The load stage: `site.toml`, the theme with its layers, Fluent bundles,
//! date formats, the glossary and the content. Each input is read once
//! here and handed forward; the later stages read no configuration.

use std::path::Path;

use crate::config::Config;
use crate::content::{self, LoadOptions, Site};
use crate::dates::Dates;
use crate::diag::Diagnostic;
use crate::glossary::Glossary;
use crate::i18n::I18n;
use crate::theme::Theme;

use super::BuildOptions;

/// Loads the site model and everything rendering needs.
pub struct Loaded {
    pub site: Site,
    /// The text of site.toml, for findings that point into it.
    pub config_text: String,
    pub theme: Theme,
    pub i18n: I18n,
    pub dates: Dates,
    pub glossary: Glossary,
}

/// What rendering needs besides the content: independent of `content/`, so
/// `serve` keeps it across content edits.
pub struct Layers {
    pub theme: Theme,
    pub i18n: I18n,
    pub dates: Dates,
    pub glossary: Glossary,
}

/// Loads site.toml, with `--base-url` applied; also returns its text.
pub fn load_config(
    options: &BuildOptions,
    diags: &mut Vec<Diagnostic>,
) -> Option<(Config, String)> {
    let Ok(text) = std::fs::read_to_string(options.root.join(crate::config::CONFIG_FILE)) else {
        // `config::load` says why it cannot be read.
        diags.extend(crate::config::load(&options.root).1);
        return None;
    };
    let (config, d) = crate::config::parse(&text);
    diags.extend(d);
    let mut config = config?;
    diags.extend(crate::lint::registry::validate(&config));
    if let Err((message, hint)) = config.select_profile(options.profile.as_deref()) {
        let d = Diagnostic::error("config/profile", message).file(crate::config::CONFIG_FILE);
        diags.push(d.hint(hint));
        return None;
    }
    if let Some(url) = &options.base_url {
        config.base_url = url.trim_end_matches('/').to_string();
    }
    let (audits, d) = crate::audits::load(&options.root);
    diags.extend(d);
    config.audits = audits;
    Some((config, text))
}

/// Loads the theme (with the warnings about symbolic links in the site's
/// folders), Fluent bundles, date formats and glossary; `None` when the
/// theme cannot be loaded.
pub fn load_layers(root: &Path, config: &Config, diags: &mut Vec<Diagnostic>) -> Option<Layers> {
    let theme = match Theme::load(root, config) {
        Ok(t) => t,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    diags.extend(crate::theme::symlink_warnings(root));
    let (i18n, d) = crate::i18n::load(root, config, &theme);
    diags.extend(d);
    if config.accessibility_declared {
        diags.extend(crate::plain::bitv::check_statement_messages(
            config,
            &i18n.defined,
        ));
    }
    let (dates, d) = Dates::new(config);
    diags.extend(d);
    let (glossary, d) = crate::glossary::load(root, config);
    diags.extend(d);
    Some(Layers {
        theme,
        i18n,
        dates,
        glossary,
    })
}

/// Loads everything: configuration, layers and content.
pub fn load(options: &BuildOptions, diags: &mut Vec<Diagnostic>) -> Option<Loaded> {
    let (config, config_text) = load_config(options, diags)?;
    load_site(options, config, config_text, diags)
}

/// Loads the layers and the content for a loaded configuration.
pub fn load_site(
    options: &BuildOptions,
    config: Config,
    config_text: String,
    diags: &mut Vec<Diagnostic>,
) -> Option<Loaded> {
    let layers = load_layers(&options.root, &config, diags)?;
    let (site, d) = content::load(
        &options.root,
        config,
        LoadOptions {
            drafts: options.drafts,
        },
    );
    diags.extend(d);
    Some(Loaded {
        site,
        config_text,
        theme: layers.theme,
        i18n: layers.i18n,
        dates: layers.dates,
        glossary: layers.glossary,
    })
}
