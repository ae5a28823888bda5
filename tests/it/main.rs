//! Integration tests: one binary, a module per feature (STYLE.md "Tests").

mod build;
mod cli;
mod harness;
mod html;
mod lint;
mod shipped;
