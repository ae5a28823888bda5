//! The command line: clap parses, the library runs, one place picks the
//! exit code (0 ok, 1 site errors, 2 usage).

use std::io::Write as _;
use std::path::PathBuf;

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
    },
    /// Check everything the build checks, without writing output.
    Check {
        #[arg(long, default_value = ".")]
        root: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[arg(long)]
        strict: bool,
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
        } => {
            let options = BuildOptions {
                output,
                write: true,
                strict,
                drafts,
                base_url,
                verbose,
                ..BuildOptions::new(root)
            };
            let outcome = build::run(&options);
            report_text(&outcome);
            if verbose && let Some(s) = &outcome.summary {
                for (stage, time) in &s.stages {
                    eprintln!("  {stage}: {:.3} s", time.as_secs_f64());
                }
                eprintln!(
                    "  lint (summed over threads): {:.3} s",
                    s.lint_time.as_secs_f64()
                );
            }
            let code = diag::exit_code(&outcome.diagnostics, strict);
            print_summary(&outcome, &options, code);
            code
        }
        Command::Check {
            root,
            format,
            strict,
        } => {
            let options = BuildOptions {
                write: false,
                strict,
                ..BuildOptions::new(root)
            };
            let outcome = build::run(&options);
            let code = diag::exit_code(&outcome.diagnostics, strict);
            match format {
                Format::Text => {
                    report_text(&outcome);
                    let plain = crate::plain::render_text(&outcome.plain);
                    if !plain.is_empty() {
                        let _ = write!(std::io::stdout().lock(), "{plain}");
                    }
                    let errors = diag::count(&outcome.diagnostics, Severity::Error);
                    let warnings = diag::count(&outcome.diagnostics, Severity::Warning);
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
