//! Integration tests: one binary, a module per feature (STYLE.md "Tests").

mod bench_corpus;
mod browser;
mod build;
mod cli;
mod contrast;
mod harness;
mod html;
mod kill;
mod lint;
mod live;
mod plain;
mod props;
mod serve;
mod shipped;
mod workflow;
