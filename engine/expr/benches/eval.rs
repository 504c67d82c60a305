//! Evaluation rate of whole task fields through Mistral's rules
//! (`CompiledText`, parsed once), for YAQL and Jinja; prints ns per
//! evaluation and evaluations per second.
//!
//! Run with `cargo bench -p bora-expr --bench eval`; an argument picks the
//! rows whose label contains it.

use std::hint::black_box;
use std::sync::Arc;
use std::time::Instant;

use bora_expr::functions::{ExprHost, NoHost};
use bora_expr::{CompiledData, CompiledText, DataContext};
use serde_json::{Value, json};

/// The rows to run: those whose label contains the first argument that is
/// not a flag (`cargo bench -p bora-expr --bench yaql -- select`), or all.
fn selected(label: &str) -> bool {
    std::env::args()
        .skip(1)
        .find(|a| !a.starts_with('-'))
        .is_none_or(|filter| label.contains(&filter))
}

fn time_per_op(label: &str, iterations: u32, mut op: impl FnMut()) {
    if !selected(label) {
        return;
    }
    for _ in 0..iterations / 10 {
        op();
    }
    let start = Instant::now();
    for _ in 0..iterations {
        op();
    }
    let ns = start.elapsed().as_nanos() as f64 / f64::from(iterations);
    println!("{label:<58} {ns:>10.1} ns/op {:>12.0} /s", 1e9 / ns);
}

/// A host answering `task()` from memory, like the engine's cache would.
struct MemoryHost;

impl ExprHost for MemoryHost {
    fn task(&self, name: Option<&str>) -> Result<Option<Value>, String> {
        Ok(Some(
            json!({"name": name.unwrap_or("t"), "state": "SUCCESS", "result": 1}),
        ))
    }
}

fn main() {
    let items: Vec<_> = (0..10)
        .map(|i| json!({"id": i, "name": format!("item{i}")}))
        .collect();
    // Two layers, as the engine builds them (task context over workflow data).
    let data = DataContext::layered([
        Arc::new(json!({"x": 42, "name": "John"})),
        Arc::new(json!({
            "items": items,
            "nested": {"a": {"b": {"c": "deep"}}},
            "big": (0..1000).collect::<Vec<_>>(),
        })),
    ]);

    let cases: &[(&str, &str, u32)] = &[
        ("yaql  <% $.x %>", "<% $.x %>", 1_000_000),
        (
            "yaql  <% $.items.select($.id) %>",
            "<% $.items.select($.id) %>",
            200_000,
        ),
        (
            "yaql  splice `Hi <% $.name %>, <% $.x + 1 %>`",
            "Hi <% $.name %>, <% $.x + 1 %>",
            500_000,
        ),
        ("jinja {{ _.x }}", "{{ _.x }}", 500_000),
        (
            "jinja {{ _.items | map(attribute='id') | list }}",
            "{{ _.items | map(attribute='id') | list }}",
            100_000,
        ),
        (
            "jinja template `Hi {{ _.name }}, {{ _.x + 1 }}`",
            "Hi {{ _.name }}, {{ _.x + 1 }}",
            200_000,
        ),
        (
            "jinja template with a loop over 10 items",
            "{% for i in _.items %}{{ i.name }}{% if not loop.last %},{% endif %}{% endfor %}",
            50_000,
        ),
        ("plain text (no expression)", "just text", 5_000_000),
        (
            "yaql  <% $.big.len() %> (1000 items)",
            "<% $.big.len() %>",
            100_000,
        ),
        (
            "jinja {{ _.big | length }} (1000 items)",
            "{{ _.big | length }}",
            200_000,
        ),
        (
            "jinja {{ _.big[500] + 1 }} (1000 items)",
            "{{ _.big[500] + 1 }}",
            200_000,
        ),
    ];
    for &(label, text, n) in cases {
        let compiled = CompiledText::compile(text);
        if let Err(e) = compiled.evaluate(&data, &NoHost) {
            eprintln!("{text}: {e}");
            continue;
        }
        time_per_op(label, n, || {
            black_box(compiled.evaluate(black_box(&data), &NoHost).ok());
        });
    }

    let host_expr = CompiledText::compile("{{ task('t1').state }}");
    time_per_op(
        "jinja {{ task('t1').state }} (host round trip)",
        20_000,
        || {
            black_box(host_expr.evaluate(black_box(&data), &MemoryHost).ok());
        },
    );

    let computed = CompiledText::compile("{{ task(_.name).state }}");
    time_per_op(
        "jinja {{ task(_.name).state }} (worker thread)",
        5_000,
        || {
            black_box(computed.evaluate(black_box(&data), &MemoryHost).ok());
        },
    );

    let publish = CompiledData::compile(&json!({
        "id": "<% $.x %>",
        "ids": "<% $.items.select($.id) %>",
        "greeting": "Hello {{ _.name }}",
        "static": [1, 2, "three"],
    }));
    time_per_op("publish block of 4 fields (CompiledData)", 100_000, || {
        black_box(publish.evaluate(black_box(&data), &NoHost).ok());
    });

    time_per_op("compile `{{ _.x }}`", 100_000, || {
        black_box(CompiledText::compile(black_box("{{ _.x }}")));
    });
    time_per_op("compile a Jinja template", 20_000, || {
        black_box(CompiledText::compile(black_box(
            "Hi {{ _.name }}, {{ _.x + 1 }}",
        )));
    });
}
