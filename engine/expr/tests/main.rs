//! The expression crate's tests, one binary (each file was a test crate of its
//! own).
// A test fails by panicking: unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod jinja_data;
mod limits;
mod oracle;
mod yaql_props;
mod yaql_reference;
mod yaql_stdlib;
