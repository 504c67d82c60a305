//! The language crate's tests, one binary (each file was a test crate of its
//! own). `common` finds the shared conformance material.
// A test fails by panicking: unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod common;

mod cases;
mod errors;
mod fuzz;
mod hostile;
mod limits;
mod model;
mod oracle;
