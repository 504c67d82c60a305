//! Property tests: the YAQL parser and evaluator never panic. Arbitrary text
//! either parses or gives a lexical/parse error; whatever parses evaluates
//! to a value or an error against a small random context.

use bora_expr::context::DataContext;
use bora_expr::functions::NoHost;
use bora_expr::yaql::{Expression, YaqlError};
use proptest::prelude::*;
use serde_json::{Value, json};

/// Fragments that make random text look like YAQL often enough to reach the
/// evaluator, not just the lexer.
fn yaqlish() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "$",
        "$.a",
        "$.b",
        "$.l",
        "$x",
        "1",
        "2.5",
        "'s'",
        "true",
        "null",
        "[1, 2]",
        "{a => 1}",
        ".select($)",
        ".where($ > 1)",
        ".len()",
        ".first()",
        "+",
        "-",
        "*",
        "/",
        " mod ",
        " and ",
        " or ",
        "not ",
        "=",
        "<",
        " in ",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        ",",
        "=>",
        "->",
        "?.",
        "let(x => 1)",
        "switch(",
        "coalesce(",
        "str(",
        "int(",
        "range(3)",
        "set(1)",
        ".keys()",
        "'a'.split(',')",
        "regex('a')",
        ".orderBy($)",
        ".sum()",
        "datetime(2020, 1, 1)",
        "timespan(days => 1)",
        "sequence()",
        ".take(2)",
        "repeat(1)",
        "$1",
        "abc",
        ".toUpper()",
    ]);
    prop::collection::vec(atoms, 0..12).prop_map(|parts| parts.concat())
}

fn context() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        "[a-z]{0,4}".prop_map(Value::from),
    ];
    let value = leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-c]", inner, 0..3)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    });
    (
        value.clone(),
        value.clone(),
        prop::collection::vec(value, 0..4),
    )
        .prop_map(|(a, b, l)| json!({"a": a, "b": b, "l": l}))
}

fn check(text: &str, data: &Value) {
    match Expression::parse(text) {
        Ok(expr) => {
            let _ = expr.evaluate(&DataContext::new(data.clone()), &NoHost);
        }
        Err(e) => assert!(
            matches!(
                e,
                YaqlError::Lexical { .. }
                    | YaqlError::UnexpectedEnd
                    | YaqlError::Unexpected { .. }
                    | YaqlError::Limit(_)
            ),
            "{text:?}: parse gave a non-grammar error {e:?}"
        ),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,40}", data in context()) {
        check(&text, &data);
    }

    #[test]
    fn yaql_like_text_never_panics(text in yaqlish(), data in context()) {
        check(&text, &data);
    }
}
