//! Integration tests: one binary, a module per feature (STYLE.md "Tests").

mod bench_corpus;
mod browser;
mod build;
mod catalog;
mod cli;
mod contrast;
mod diskfull;
mod docs;
mod feeds;
mod harness;
mod html;
mod injection;
mod kill;
mod l10n;
mod lint;
mod live;
mod pipeline;
mod plain;
mod props;
mod serve;
mod shipped;
mod workflow;
