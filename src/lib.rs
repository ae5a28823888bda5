//! vielfalt: a static-site generator for multilingual, accessible,
//! plain-language public concepts. See ARCHITECTURE.md for the stages.

pub mod audits;
pub mod bidi;
pub mod build;
pub mod cli;
pub mod config;
pub mod content;
pub mod dates;
pub mod diag;
pub mod feeds;
pub mod frontmatter;
pub mod glossary;
pub mod graph;
pub mod i18n;
pub mod l10n;
pub mod lint;
pub mod markdown;
pub mod output;
pub mod pdf;
pub mod plain;
pub mod profile;
pub mod render;
pub mod scaffold;
pub mod search;
pub mod serve;
pub mod share;
pub mod status;
pub mod theme;
pub mod uri;
