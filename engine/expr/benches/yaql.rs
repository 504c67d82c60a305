//! YAQL evaluation and parse speed: prints ns per operation.
//!
//! Run with `cargo bench -p bora-expr --bench yaql`; an argument picks the
//! rows whose label contains it.

use std::hint::black_box;
use std::time::Instant;

use bora_expr::context::DataContext;
use bora_expr::functions::NoHost;
use bora_expr::yaql::Expression;
use serde_json::json;

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
    // Warm up, then measure.
    for _ in 0..iterations / 10 {
        op();
    }
    let start = Instant::now();
    for _ in 0..iterations {
        op();
    }
    let ns = start.elapsed().as_nanos() as f64 / f64::from(iterations);
    println!("{label:<48} {ns:>10.1} ns/op");
}

fn main() {
    let items: Vec<_> = (0..10)
        .map(|i| json!({"id": i, "name": format!("item{i}")}))
        .collect();
    let data = DataContext::new(json!({
        "x": 42,
        "items": items,
        "nested": {"a": {"b": {"c": "deep"}}},
        "big": (0..1000).collect::<Vec<_>>(),
    }));

    let cases = [
        ("eval `$.x`", "$.x", 1_000_000),
        ("eval `$.nested.a.b.c`", "$.nested.a.b.c", 1_000_000),
        (
            "eval `$.x + 1 > 40 and true`",
            "$.x + 1 > 40 and true",
            1_000_000,
        ),
        (
            "eval `$.items.select($.id)` (10 items)",
            "$.items.select($.id)",
            100_000,
        ),
        (
            "eval `$.items.where($.id > 4).len()`",
            "$.items.where($.id > 4).len()",
            100_000,
        ),
        (
            "eval `$.big.where($ mod 2 = 0).sum()` (1000)",
            "$.big.where($ mod 2 = 0).sum()",
            2_000,
        ),
    ];
    for (label, text, n) in cases {
        let expr = match Expression::parse(text) {
            Ok(e) => e,
            Err(e) => {
                eprintln!("{text}: {e}");
                continue;
            }
        };
        time_per_op(label, n, || {
            black_box(expr.evaluate(black_box(&data), &NoHost).ok());
        });
    }

    let typical = "$.items.where($.id > 2 and $.name != 'x').select({id => $.id, n => $.name.toUpper()}).take(3)";
    time_per_op("parse a typical expression", 100_000, || {
        black_box(Expression::parse(black_box(typical)).ok());
    });
}
