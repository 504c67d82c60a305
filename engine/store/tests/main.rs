//! The store's tests, one binary: every file below was a test crate of its own,
//! each linking sqlx and the store again. `common` opens the backends.
// A test fails by panicking: unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod common;

mod actions;
mod auth;
mod cron;
mod environments;
mod migrations;
mod names;
mod queries;
mod store;
