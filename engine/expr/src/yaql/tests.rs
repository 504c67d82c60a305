//! Unit tests of the YAQL interpreter: whole expressions against a context.

use serde_json::{Value as Json, json};

use super::{Expression, YaqlError};
use crate::context::DataContext;
use crate::functions::NoHost;

fn eval(text: &str, data: Json) -> Result<Json, String> {
    let expr = Expression::parse(text).map_err(|e| e.to_string())?;
    expr.evaluate(&DataContext::new(data), &NoHost)
        .map(|v| v.to_json())
        .map_err(|e: YaqlError| e.to_string())
}

fn ok(text: &str) -> Json {
    match eval(text, json!({"a": 1, "list": [1, 2, 3], "d": {"x": 1}})) {
        Ok(v) => v,
        Err(e) => panic!("{text}: {e}"),
    }
}

fn err(text: &str) -> String {
    match eval(text, json!({"a": 1, "list": [1, 2, 3], "d": {"x": 1}})) {
        Ok(v) => panic!("{text}: expected an error, got {v}"),
        Err(e) => e,
    }
}

#[test]
fn arithmetic() {
    assert_eq!(ok("1 + 2 * 3"), json!(7));
    assert_eq!(ok("7 / 2"), json!(3));
    assert_eq!(ok("-7 / 2"), json!(-4));
    assert_eq!(ok("-7 mod 3"), json!(2));
    assert_eq!(ok("7.0 / 2"), json!(3.5));
    assert_eq!(err("1 / 0"), "integer division or modulo by zero");
    assert_eq!(
        err("1 + null"),
        "No function \"#operator_+\" matches supplied arguments"
    );
}

#[test]
fn data_access() {
    assert_eq!(ok("$.a"), json!(1));
    assert_eq!(ok("$.d.x"), json!(1));
    assert_eq!(err("$.missing"), "'missing'");
    assert_eq!(ok("$.list[1]"), json!(2));
    assert_eq!(ok("$.list.select($ * 2)"), json!([2, 4, 6]));
}

#[test]
fn expression_is_shareable() {
    fn check<T: Send + Sync + Clone>() {}
    check::<Expression>();
    check::<super::Value>();
    check::<YaqlError>();
}

#[test]
fn layered_context_first_layer_wins() {
    use std::sync::Arc;
    let data = DataContext::layered([Arc::new(json!({"a": 1})), Arc::new(json!({"a": 2, "b": 3}))]);
    let eval = |t: &str| {
        Expression::parse(t)
            .and_then(|e| e.evaluate(&data, &NoHost))
            .map(|v| v.to_json())
            .map_err(|e| e.to_string())
    };
    assert_eq!(eval("$.a"), Ok(json!(1)));
    assert_eq!(eval("$.b"), Ok(json!(3)));
    assert_eq!(eval("$"), Ok(json!({"a": 1, "b": 3})));
    assert_eq!(eval("$.c"), Err("'c'".to_string()));
}
