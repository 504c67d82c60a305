//! The engine core's tests, one binary (each file was a test crate of its own).
//! `sim` is the in-memory shell they drive the core with.
// A test fails by panicking: unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod sim;

mod caps;
mod conformance;
mod engine;
mod replay;
mod rerun;
mod semantics;
