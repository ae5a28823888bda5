//! Integration tests: one binary, a module per feature (STYLE.md "Tests").

mod build;
mod cli;
mod harness;
mod html;
mod serve;
mod shipped;
mod workflow;
