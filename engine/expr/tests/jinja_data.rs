//! Jinja's `_` is the data itself, whatever its type (Mistral binds
//! `{'_': data_context}`): a string, number or list stays what it is,
//! and only a dict (or layered task data) is seen key by key.

use std::sync::Arc;

use bora_expr::context::DataContext;
use bora_expr::eval::evaluate;
use bora_expr::functions::NoHost;
use serde_json::{Value, json};

fn eval(text: &str, data: Value) -> Value {
    evaluate(text, &DataContext::new(data), &NoHost).unwrap_or_else(|err| panic!("{text}: {err}"))
}

#[test]
fn underscore_is_a_string_result_itself() {
    assert_eq!(eval("{{ _ }}", json!("a+b")), json!("a+b"));
    assert_eq!(eval("{{ _ | upper }}", json!("a+b")), json!("A+B"));
    assert_eq!(eval("{{ _ ~ '!' }}", json!("hi")), json!("hi!"));
    // Inside a longer template the string is rendered as it is.
    assert_eq!(eval("got {{ _ }}", json!("x")), json!("got x"));
}

#[test]
fn underscore_is_a_number_or_bool_itself() {
    assert_eq!(eval("{{ _ + 1 }}", json!(41)), json!(42));
    assert_eq!(eval("{{ _ }}", json!(2.5)), json!(2.5));
    assert_eq!(eval("{{ not _ }}", json!(true)), json!(false));
}

#[test]
fn underscore_is_a_list_itself() {
    assert_eq!(eval("{{ _ }}", json!([1, "a"])), json!([1, "a"]));
    assert_eq!(eval("{{ _[1] }}", json!([1, "a"])), json!("a"));
    assert_eq!(eval("{{ _ | length }}", json!([1, 2, 3])), json!(3));
    assert_eq!(
        eval("{{ _ | map('upper') | list }}", json!(["a", "b"])),
        json!(["A", "B"])
    );
}

#[test]
fn underscore_over_a_dict_is_unchanged() {
    let data = json!({"a": 1, "s": "t"});
    assert_eq!(eval("{{ _ }}", data.clone()), data);
    assert_eq!(eval("{{ _.a }}", data.clone()), json!(1));
    // A string has no attributes: reading one fails as in Mistral.
    assert!(evaluate("{{ _.a }}", &DataContext::new(json!("s")), &NoHost).is_err());
}

#[test]
fn layered_task_data_is_still_one_dict() {
    let data = DataContext::layered([Arc::new(json!({"a": 1})), Arc::new(json!({"a": 2, "b": 3}))]);
    assert_eq!(
        evaluate("{{ _ }}", &data, &NoHost).ok(),
        Some(json!({"a": 1, "b": 3}))
    );
}
