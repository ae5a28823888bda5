//! Integration tests: one binary, a module per feature (STYLE.md "Tests").

mod build;
mod catalog;
mod cli;
mod diskfull;
mod harness;
mod html;
mod injection;
mod kill;
mod plain;
mod props;
mod shipped;
