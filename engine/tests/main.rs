//! The `bora` binary's own tests (the CLI, a crash and restart), one binary
//! (each file was a test crate of its own).
// A test fails by panicking: unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod action_cli;
mod cli_expr;
mod cli_run;
mod cli_validate;
mod crash;
