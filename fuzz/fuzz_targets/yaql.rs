//! The YAQL parser and evaluator: arbitrary text inside `<% %>`.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = bora_expr::yaql::Expression::parse(text);
        common::check(&format!("<% {text} %>"));
    }
});
