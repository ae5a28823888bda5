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
mod lint;
mod live;
mod pipeline;
mod plain;
mod print;
mod props;
mod serve;
mod share;
mod shipped;
mod workflow;
