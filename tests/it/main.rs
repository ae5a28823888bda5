//! Integration tests: one binary, a module per feature (STYLE.md "Tests").

mod bench_corpus;
mod build;
mod cli;
mod harness;
mod html;
mod shipped;
