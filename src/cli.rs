//! The command line: clap parses, the library runs, one place picks the
//! exit code (0 ok, 1 site errors, 2 usage).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};

use crate::build::{self, BuildOptions, Outcome};
use crate::diag::{self, Severity};

#[derive(Debug, Parser)]
#[command(
    name = "vielfalt",
    version,
    about = "Static sites for public concepts: multilingual, accessible, in plain language"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build the site into public/ (replaced only when the build succeeds).
    Build {
        /// The site folder (with site.toml).
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The output folder (default: ROOT/public).
        #[arg(long)]
        output: Option<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long)]
        strict: bool,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// The address the site is published at (overrides base_url).
        #[arg(long)]
        base_url: Option<String>,
        /// Print per-stage timings.
        #[arg(long, short)]
        verbose: bool,
        /// The profile of site.toml to build (default: its default profile).
        #[arg(long)]
        profile: Option<String>,
    },
    /// Check everything the build checks, without writing output.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long)]
        strict: bool,
        /// The profile of site.toml to check (default: its default profile).
        #[arg(long, conflicts_with = "all_profiles")]
        profile: Option<String>,
        /// Check every profile of site.toml, one after the other.
        #[arg(long)]
        all_profiles: bool,
    },
    /// Build, serve on 127.0.0.1:1111, rebuild on changes and reload pages.
    Serve {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The address to listen on (default: this computer only).
        #[arg(long, default_value = "127.0.0.1")]
        bind: std::net::IpAddr,
        #[arg(long, default_value_t = 1111)]
        port: u16,
        /// Include pages marked `draft = true`.
        #[arg(long)]
        drafts: bool,
        /// Print the time of each step of every rebuild.
        #[arg(long, short)]
        verbose: bool,
        /// The profile of site.toml to serve (default: its default profile).
        #[arg(long)]
        profile: Option<String>,
    },
    /// Create a small working multilingual site in DIR.
    Init { dir: PathBuf },
    /// Create a new page: `vielfalt new update "Title" [--lang L]`.
    New {
        #[command(subcommand)]
        kind: NewKind,
    },
    /// Mark a translation as up to date with its original (sets `source_hash`).
    Stamp {
        /// The translation's file, e.g. content/leitbild.en.md.
        file: PathBuf,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write the translation status report (one HTML page) for staff.
    Status {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the report (default: ROOT/translation-status.html).
        #[arg(long)]
        output: Option<PathBuf>,
        /// The profile of site.toml whose pages to report (default: its default profile).
        #[arg(long)]
        profile: Option<String>,
    },
    /// Exchange texts with translators: XLIFF, PO and TMX files.
    L10n {
        #[command(subcommand)]
        action: L10nAction,
    },
}

#[derive(Debug, Subcommand)]
enum L10nAction {
    /// Write every translatable unit of the site for one language.
    Export {
        /// The language to translate into (a key of [languages]).
        #[arg(long)]
        lang: String,
        #[arg(long, value_enum, default_value_t = ExchangeFormat::Xliff2)]
        format: ExchangeFormat,
        /// Only units whose original changed since they were translated, or that have no translation.
        #[arg(long)]
        changed: bool,
        /// The pages of a variant (e.g. `easy`), each as one whole-text unit: rewrites are not segmented.
        #[arg(long)]
        variant: Option<String>,
        /// Where to write the file (default: standard output).
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write the translations of an XLIFF or PO file into the pages.
    Import {
        file: PathBuf,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
    /// Write the existing aligned translation pairs as TMX 1.4b.
    Tmx {
        #[arg(long)]
        lang: String,
        #[arg(long)]
        output: Option<PathBuf>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ExchangeFormat {
    Xliff2,
    Xliff12,
    Po,
}

#[derive(Debug, Subcommand)]
enum NewKind {
    /// A dated update: content/updates/YYYY-MM-DD-slug[.LANG].md.
    Update {
        title: String,
        /// The language of the update (default: the default language).
        #[arg(long)]
        lang: Option<String>,
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// The date (YYYY-MM-DD; default: today).
        #[arg(long)]
        date: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Text,
    Json,
}

/// Runs the command line and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match cli.command {
        Command::Build {
            root,
            output,
            strict,
            drafts,
            base_url,
            verbose,
            profile,
        } => run_build(BuildOptions {
            output,
            write: true,
            strict,
            drafts,
            base_url,
            verbose,
            profile,
            ..BuildOptions::new(root)
        }),
        Command::Check {
            root,
            format,
            strict,
            profile,
            all_profiles,
        } => {
            if !all_profiles {
                return run_check(root, format, strict, profile);
            }
            match profile_names(&root) {
                Ok(names) => names
                    .into_iter()
                    .map(|name| {
                        eprintln!("vielfalt check: profile `{name}`");
                        run_check(root.clone(), format, strict, Some(name))
                    })
                    .max()
                    .unwrap_or(0),
                Err(code) => code,
            }
        }
        Command::Serve {
            root,
            bind,
            port,
            drafts,
            verbose,
            profile,
        } => {
            let options = crate::serve::ServeOptions {
                bind,
                port,
                drafts,
                verbose,
                profile,
                ..crate::serve::ServeOptions::new(root)
            };
            crate::serve::run(&options)
        }
        Command::Init { dir } => match crate::scaffold::init(&dir, crate::scaffold::today()) {
            Ok(files) => {
                eprintln!(
                    "vielfalt: created a new site in {} ({} files). Next: vielfalt serve --root {}",
                    dir.display(),
                    files.len(),
                    dir.display()
                );
                0
            }
            Err((code, message)) => {
                eprintln!("error: {message}");
                code
            }
        },
        Command::New {
            kind:
                NewKind::Update {
                    title,
                    lang,
                    root,
                    date,
                },
        } => new_update(&root, &title, lang.as_deref(), date.as_deref()),
        Command::L10n { action } => run_l10n(action),
        Command::Stamp { file, root } => match crate::scaffold::stamp(&root, &file) {
            Ok(hash) => {
                eprintln!(
                    "vielfalt: {} stamped with source_hash = \"{hash}\"",
                    file.display()
                );
                0
            }
            Err((code, message)) => {
                eprintln!("error: {message}");
                code
            }
        },
        Command::Status {
            root,
            output,
            profile,
        } => write_status(&root, output, profile),
    }
}

/// `vielfalt build`: the build, its findings, `--verbose` timings and the
/// summary line.
fn run_build(options: BuildOptions) -> i32 {
    let outcome = build::run(&options);
    report_text(&outcome);
    if options.verbose
        && let Some(s) = &outcome.summary
    {
        for (stage, time) in &s.stages {
            eprintln!("  {stage}: {:.3} s", time.as_secs_f64());
        }
        eprintln!(
            "  lint (summed over threads): {:.3} s",
            s.lint_time.as_secs_f64()
        );
    }
    let code = diag::exit_code(&outcome.diagnostics, options.strict);
    print_summary(&outcome, &options, code);
    code
}

/// The names of site.toml's `[profiles]`, for `check --all-profiles`;
/// the exit code when site.toml cannot be read (its findings printed).
fn profile_names(root: &Path) -> Result<Vec<String>, i32> {
    let (config, diags) = crate::config::load(root);
    match config {
        Some(c) if c.profiles.is_empty() => {
            eprintln!(
                "error: site.toml has no [profiles]; run `vielfalt check` without --all-profiles"
            );
            Err(2)
        }
        Some(c) => Ok(c.profiles.into_keys().collect()),
        None => {
            report_text(&Outcome {
                diagnostics: diags,
                ..Outcome::default()
            });
            Err(1)
        }
    }
}

/// `vielfalt check`: the findings as text or JSON.
fn run_check(root: PathBuf, format: Format, strict: bool, profile: Option<String>) -> i32 {
    let options = BuildOptions {
        write: false,
        strict,
        profile,
        ..BuildOptions::new(root)
    };
    let outcome = build::run(&options);
    let code = diag::exit_code(&outcome.diagnostics, strict);
    let translations = &outcome.translations;
    match format {
        Format::Text => {
            report_text(&outcome);
            let plain = crate::plain::render_text(&outcome.plain);
            if !plain.is_empty() {
                let _ = write!(std::io::stdout().lock(), "{plain}");
            }
            let errors = diag::count(&outcome.diagnostics, Severity::Error);
            let warnings = diag::count(&outcome.diagnostics, Severity::Warning);
            if let Some(t) = translations {
                print!("{}", crate::status::render_text(t));
            }
            eprintln!("vielfalt check: {errors} error(s), {warnings} warning(s)");
        }
        Format::Json => {
            let json = serde_json::json!({
                "schema": 1,
                "ok": code == 0,
                "diagnostics": outcome.diagnostics,
                "pages": outcome.summary.as_ref().map(|s| s.pages.iter().map(|(l, n)| serde_json::json!({"lang": l, "pages": n})).collect::<Vec<_>>()),
                "readability": outcome.plain.readability,
                "variants": outcome.plain.variants,
                "translations": translations,
            });
            let mut stdout = std::io::stdout().lock();
            let _ = writeln!(
                stdout,
                "{}",
                serde_json::to_string_pretty(&json).unwrap_or_default()
            );
        }
    }
    code
}

/// `vielfalt new update`.
fn new_update(root: &Path, title: &str, lang: Option<&str>, date: Option<&str>) -> i32 {
    let date = match date.map(crate::frontmatter::Date::parse) {
        None => crate::scaffold::today(),
        Some(Some(d)) => d,
        Some(None) => {
            eprintln!("error: --date must be written YYYY-MM-DD, e.g. 2026-11-24");
            return 2;
        }
    };
    match crate::scaffold::new_update(root, title, lang, date) {
        Ok(rel) => {
            println!("{}", rel.display());
            eprintln!("vielfalt: created {}; edit it and save", rel.display());
            0
        }
        Err((code, message)) => {
            eprintln!("error: {message}");
            code
        }
    }
}

/// `vielfalt status`: the translation status report.
fn write_status(root: &Path, output: Option<PathBuf>, profile: Option<String>) -> i32 {
    let options = BuildOptions {
        profile,
        ..BuildOptions::new(root)
    };
    let mut diags = Vec::new();
    let Some(loaded) = build::load(&options, &mut diags) else {
        report_text(&Outcome {
            diagnostics: diags,
            ..Outcome::default()
        });
        return 1;
    };
    let status = crate::status::compute(&loaded.site);
    let name = loaded
        .i18n
        .format(&loaded.site.config.default_language, "site-title", None)
        .map(|(t, _)| t)
        .unwrap_or_else(|_| "vielfalt".to_string());
    let config = &loaded.site.config;
    let (templates, mut diags) = crate::render::Templates::new(
        config,
        &loaded.theme,
        loaded.i18n,
        loaded.dates,
        loaded.glossary,
    );
    let rendered = templates.map(|t| crate::status::render_html(&status, &t, config, &name));
    let Some(Ok(html)) = rendered else {
        diags.extend(rendered.and_then(Result::err));
        report_text(&Outcome {
            diagnostics: diags,
            ..Outcome::default()
        });
        return 1;
    };
    let path = output.unwrap_or_else(|| root.join("translation-status.html"));
    match std::fs::write(&path, html) {
        Ok(()) => {
            eprint!("{}", crate::status::render_text(&status));
            eprintln!(
                "vielfalt: wrote the translation status report to {}",
                path.display()
            );
            0
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", path.display());
            1
        }
    }
}

fn report_text(outcome: &Outcome) {
    let text = diag::render_text(&outcome.diagnostics);
    if !text.is_empty() {
        eprint!("{text}");
    }
}

fn print_summary(outcome: &Outcome, options: &BuildOptions, code: i32) {
    let errors = diag::count(&outcome.diagnostics, Severity::Error);
    let warnings = diag::count(&outcome.diagnostics, Severity::Warning);
    match (&outcome.summary, outcome.written) {
        (Some(s), true) => {
            let per_lang: Vec<String> = s.pages.iter().map(|(l, n)| format!("{l} {n}")).collect();
            eprintln!(
                "vielfalt: built {} pages ({}) with {warnings} warning(s) in {:.2} s → {}",
                s.total_pages(),
                per_lang.join(", "),
                s.elapsed.as_secs_f64(),
                options.output_dir().display()
            );
        }
        _ => {
            let _ = code;
            eprintln!(
                "vielfalt: build failed with {errors} error(s) and {warnings} warning(s); {} was left as it was",
                options.output_dir().display()
            );
        }
    }
}

fn run_l10n(action: L10nAction) -> i32 {
    use crate::l10n;
    let result = match action {
        L10nAction::Export {
            lang,
            format,
            changed,
            variant,
            output,
            root,
        } => l10n::export(&root, &lang, changed, variant.as_deref()).map(|(doc, diags)| {
            let format = match format {
                ExchangeFormat::Xliff2 => l10n::Format::Xliff2,
                ExchangeFormat::Xliff12 => l10n::Format::Xliff12,
                ExchangeFormat::Po => l10n::Format::Po,
            };
            let units: usize = doc.pages.iter().map(|p| p.units.len()).sum();
            let summary = format!("{units} units of {} pages", doc.pages.len());
            (l10n::write(&doc, format), output, diags, summary)
        }),
        L10nAction::Tmx { lang, output, root } => l10n::tmx::export(&root, &lang)
            .map(|(text, diags)| (text, output, diags, "translation memory".to_string())),
        L10nAction::Import { file, root } => {
            return match l10n::import(&root, &file) {
                Ok(done) => {
                    eprint!("{}", diag::render_text(&done.diagnostics));
                    for f in &done.written {
                        eprintln!("vielfalt: wrote {}", f.display());
                    }
                    eprintln!("vielfalt: {} files written", done.written.len());
                    diag::exit_code(&done.diagnostics, false)
                }
                Err((code, message)) => {
                    eprintln!("error: {message}");
                    code
                }
            };
        }
    };
    match result {
        Ok((text, output, diags, summary)) => {
            eprint!("{}", diag::render_text(&diags));
            let written = match &output {
                Some(path) => std::fs::write(path, &text)
                    .map_err(|e| format!("cannot write {}: {e}", path.display())),
                None => std::io::stdout()
                    .write_all(text.as_bytes())
                    .map_err(|e| format!("cannot write the output: {e}")),
            };
            if let Err(message) = written {
                eprintln!("error: {message}");
                return 1;
            }
            if let Some(path) = output {
                eprintln!("vielfalt: wrote {} ({summary})", path.display());
            }
            diag::exit_code(&diags, false)
        }
        Err((code, message)) => {
            eprintln!("error: {message}");
            code
        }
    }
}
