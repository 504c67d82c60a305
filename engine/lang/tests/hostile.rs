//! Hostile definitions end with an error, never a crash: each runs on a
//! thread with a 2 MiB stack (a tokio worker's default).

#![allow(clippy::unwrap_used)]

use bora_lang::{Kind, parse_any};

fn on_small_stack<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .unwrap()
        .join()
        .unwrap()
}

/// The messages of the errors `text` gives, for every document kind.
fn errors(text: String) -> Vec<String> {
    on_small_stack(move || {
        let mut out = Vec::new();
        for kind in [None, Some(Kind::Workflows)] {
            match parse_any(&text, kind) {
                Ok(_) => out.push("ok".to_string()),
                Err(errs) => out.extend(errs.iter().map(|e| e.message.clone())),
            }
        }
        out
    })
}

fn wf_with(value: &str) -> String {
    format!(
        "version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      publish:\n        x: {value}\n"
    )
}

#[test]
fn deep_flow_collections_are_refused() {
    let value = format!("{}1{}", "[".repeat(101), "]".repeat(101));
    assert!(
        errors(wf_with(&value))
            .iter()
            .all(|m| m.contains("nested more than 100 levels"))
    );
    for levels in [101, 200, 1_000, 100_000] {
        for (open, close) in [("[", "]"), ("{a: ", "}")] {
            let value = format!("{}1{}", open.repeat(levels), close.repeat(levels));
            let errs = errors(wf_with(&value));
            // Past a few hundred levels yaml-rust2's own limit answers first.
            assert!(
                errs.iter()
                    .all(|m| m.contains("nested more than 100 levels")
                        || m.contains("recursion limit exceeded")),
                "{levels}: {errs:?}"
            );
        }
    }
}

#[test]
fn deep_block_collections_are_refused() {
    let mut text = String::from(
        "version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      publish:\n",
    );
    for level in 0..300 {
        text.push_str(&" ".repeat(8 + 2 * level));
        text.push_str(&format!("k{level}:\n"));
    }
    let errs = errors(text);
    assert!(
        errs.iter()
            .all(|m| m.contains("nested more than 100 levels")),
        "{errs:?}"
    );
}

#[test]
fn nesting_within_the_limit_loads() {
    let value = format!("{}1{}", "[".repeat(90), "]".repeat(90));
    let errs = errors(wf_with(&value));
    assert!(errs.iter().all(|m| !m.contains("nested")), "{errs:?}");
}

#[test]
fn long_expressions_in_a_definition_are_refused_at_upload() {
    for terms in [3_000, 100_000] {
        let yaql = format!("'<% {} %>'", vec!["1"; terms].join("+"));
        let errs = errors(wf_with(&yaql));
        assert!(
            errs.iter()
                .all(|m| m.contains("levels of expression nesting")),
            "{:?}",
            errs.iter()
                .map(|e| &e[..e.len().min(200)])
                .collect::<Vec<_>>()
        );
        let jinja = format!("'{{{{ {} }}}}'", vec!["1"; terms].join(" + "));
        let errs = errors(wf_with(&jinja));
        assert!(
            errs.iter()
                .all(|m| m.contains("levels of expression nesting")),
            "{:?}",
            errs.iter()
                .map(|e| &e[..e.len().min(200)])
                .collect::<Vec<_>>()
        );
    }
    let parens = format!("'<% {}1{} %>'", "(".repeat(100_000), ")".repeat(100_000));
    let errs = errors(wf_with(&parens));
    assert!(
        errs.iter()
            .all(|m| m.contains("levels of expression nesting"))
    );
}
