//! Jinja rendering: arbitrary text as a whole expression and as a template.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if !text.contains("}}") {
            common::check(&format!("{{{{ {text} }}}}"));
        }
        common::check(&format!("x {{{{ 1 }}}}{text}"));
    }
});
