//! Property tests: arbitrary text never panics the loader or the validator;
//! it yields a document or positioned errors.

use bora_lang::{Kind, parse_any};
use proptest::prelude::*;

const BASE: &str = "version: '2.0'\nwf:\n  input:\n    - a\n  tasks:\n    t1:\n      action: std.echo output=<% $.a %>\n      publish:\n        r: '{{ task().result }}'\n      on-success:\n        - t2: <% $.r %>\n    t2:\n      join: all\n      with-items: i in [1, 2]\n      retry: count=2 delay=1\n";

fn check(text: &str) {
    for kind in [
        None,
        Some(Kind::Workflows),
        Some(Kind::Workbook),
        Some(Kind::Actions),
    ] {
        if let Err(errs) = parse_any(text, kind) {
            assert!(!errs.is_empty());
            for e in errs.iter() {
                assert!(
                    e.pos.line >= 1 && e.pos.column >= 1,
                    "unpositioned error: {e:?}"
                );
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        check(&text);
    }

    #[test]
    fn yaml_like_text_never_panics(text in "[a-z0-9:\\-\\[\\]{}'\" \\n&*@!%<>|.,=#~]{0,300}") {
        check(&text);
    }

    #[test]
    fn mutated_workflows_never_panic(pos in 0usize..BASE.len(), cut in 0usize..20, insert in "[ -~\\n]{0,12}") {
        let mut text = BASE.to_string();
        let start = (0..=pos).rev().find(|i| text.is_char_boundary(*i)).unwrap_or(0);
        let end = (start + cut).min(text.len());
        let end = (end..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
        text.replace_range(start..end, &insert);
        check(&text);
    }
}
