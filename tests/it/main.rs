//! Integration tests: one binary, a module per feature (STYLE.md "Tests").

mod browser;
mod build;
mod cli;
mod contrast;
mod harness;
mod html;
mod lint;
mod shipped;
