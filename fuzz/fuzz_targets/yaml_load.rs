//! The YAML loader and validator (`bora_lang::parse_any`), and `yaml_parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for kind in [None, Some(bora_lang::Kind::Workflows)] {
            let _ = bora_lang::parse_any(text, kind);
        }
        let _ = bora_expr::functions::yaml_parse(text);
    }
});
