//! Ad-hoc actions, as Mistral runs them: an action defined in YAML over a
//! base action (`base`, `base-input`, `input`, `output`).
//!
//! Calling one means expanding it down its chain of bases to a real action:
//! the caller's input is checked against the declared `input` and defaults
//! are filled in, then `base-input` is evaluated with that input as `$` (and
//! the caller's context behind it, so `env()` works), giving the input of
//! the base; repeated for every ad-hoc action in the chain. The result of the
//! real action then goes back up: each `output` is applied to it, innermost
//! first, with `$` being the result so far. Errors pass through unchanged.
//!
//! Pure: the shell looks the chain up (store) and runs the real action.

use std::sync::Arc;

use bora_expr::{DataContext, NoHost, evaluate_recursively};
use bora_lang::model::AdhocAction;
use serde_json::{Map, Value};

use crate::input;

/// Class name Mistral shows in the input errors of ad-hoc actions.
pub const ADHOC_CLASS: &str = "mistral.actions.adhoc.AdHocAction";

/// Why an ad-hoc action could not be expanded or its result transformed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum AdhocError {
    /// The caller's input does not match the declared `input`
    /// (Mistral's `Invalid input [name=.., class=.., missing=[..], unexpected=[..]]`).
    #[error("{message}")]
    BadInput {
        message: String,
        missing: Vec<String>,
        unexpected: Vec<String>,
    },
    /// An expression in `base-input` failed.
    #[error("Failed to evaluate base-input of ad-hoc action [action_name={action}]: {detail}")]
    BaseInput { action: String, detail: String },
    /// An expression in `output` failed.
    #[error("Failed to evaluate output of ad-hoc action [action_name={action}]: {detail}")]
    Output { action: String, detail: String },
}

/// One link of a chain: the action's full name and its definition.
pub type Link<'a> = (&'a str, &'a AdhocAction);

/// Mistral's `input` string of an ad-hoc action: `s1="a", s2`.
pub fn input_spec(action: &AdhocAction) -> String {
    input::input_spec(&action.input)
}

/// Checks the caller's input against the declared parameters, as Mistral's
/// `check_parameters` does.
pub fn check_input(
    name: &str,
    action: &AdhocAction,
    input: &Map<String, Value>,
) -> Result<(), AdhocError> {
    input::check(name, ADHOC_CLASS, &action.input, input).map_err(|err| AdhocError::BadInput {
        message: err.message(),
        missing: err.missing,
        unexpected: err.unexpected,
    })
}

/// Fills the declared defaults into `input` (keys already given win).
fn fill_defaults(action: &AdhocAction, input: &mut Map<String, Value>) {
    for param in &action.input {
        if let Some(default) = &param.default
            && !input.contains_key(&param.name)
        {
            input.insert(param.name.clone(), default.clone());
        }
    }
}

/// The input of `action`'s base: `base-input` evaluated with `input` as the
/// first layer of `$` and `context` (the caller's data: `__env`, task
/// context, ...) behind it. Without `base-input` the base gets `{}`.
pub fn base_input(
    name: &str,
    action: &AdhocAction,
    input: Map<String, Value>,
    context: &DataContext,
) -> Result<Map<String, Value>, AdhocError> {
    let mut data = context.clone();
    data.push_front(Arc::new(Value::Object(input)));
    let evaluated = evaluate_recursively(&Value::Object(action.base_input.clone()), &data, &NoHost)
        .map_err(|e| AdhocError::BaseInput {
            action: name.to_owned(),
            detail: e.to_string(),
        })?;
    match evaluated {
        Value::Object(map) => Ok(map),
        _ => Ok(Map::new()),
    }
}

/// Expands a chain to the input of the real action at its end. `chain[0]`
/// is the action called, `chain[i + 1]` the base of `chain[i]`; only the
/// caller's input to `chain[0]` is checked (as in Mistral; the real action
/// checks its own).
pub fn expand(
    chain: &[Link<'_>],
    input: Map<String, Value>,
    context: &DataContext,
) -> Result<Map<String, Value>, AdhocError> {
    let mut current = input;
    for (i, (name, action)) in chain.iter().enumerate() {
        if i == 0 {
            check_input(name, action, &current)?;
        }
        fill_defaults(action, &mut current);
        current = base_input(name, action, current, context)?;
    }
    Ok(current)
}

/// Applies the `output` of every action of the chain to the real action's
/// result, innermost first; `$` is the result so far. An empty result
/// (null or `{}`) is left as it is, with the expressions unevaluated, as
/// Mistral's `evaluate_recursively` does.
pub fn transform_output(chain: &[Link<'_>], result: Value) -> Result<Value, AdhocError> {
    let mut current = result;
    for (name, action) in chain.iter().rev() {
        let Some(output) = &action.output else {
            continue;
        };
        let data = DataContext::new(Arc::new(current));
        current = evaluate_recursively(output, &data, &NoHost).map_err(|e| AdhocError::Output {
            action: (*name).to_owned(),
            detail: e.to_string(),
        })?;
    }
    Ok(current)
}

/// The caller's data for `base-input`: `__env` first, then the caller's
/// context (task context or workflow data), as Mistral's `ContextView`.
pub fn caller_context(env: Value, context: Option<Value>) -> DataContext {
    let mut env_layer = Map::new();
    env_layer.insert("__env".to_owned(), env);
    let mut layers = vec![Arc::new(Value::Object(env_layer))];
    if let Some(context) = context {
        layers.push(Arc::new(context));
    }
    DataContext::layered(layers)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use bora_lang::model::InputParam;
    use serde_json::json;

    use super::*;

    fn action(
        base: &str,
        base_input: Value,
        input: &[(&str, Option<Value>)],
        output: Option<Value>,
    ) -> AdhocAction {
        AdhocAction {
            name: "a".into(),
            base: base.into(),
            base_input: base_input.as_object().cloned().unwrap_or_default(),
            input: input
                .iter()
                .map(|(n, d)| InputParam {
                    name: (*n).into(),
                    default: d.clone(),
                })
                .collect(),
            output,
            description: None,
            tags: vec![],
        }
    }

    fn concat_twice() -> AdhocAction {
        action(
            "std.echo",
            json!({"output": "<% $.s1 %>+<% $.s2 %>"}),
            &[("s1", Some(json!("a"))), ("s2", None)],
            Some(json!("<% $ %> and <% $ %>")),
        )
    }

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().cloned().unwrap()
    }

    #[test]
    fn expands_one_level_with_defaults() {
        let a = concat_twice();
        let chain = [("wb.concat_twice", &a)];
        let ctx = caller_context(json!({}), None);
        let input = expand(&chain, obj(json!({"s2": "b"})), &ctx).unwrap();
        assert_eq!(Value::Object(input), json!({"output": "a+b"}));
        let out = transform_output(&chain, json!("a+b")).unwrap();
        assert_eq!(out, json!("a+b and a+b"));
        assert_eq!(input_spec(&a), "s1=\"a\", s2");
    }

    #[test]
    fn wrong_input_is_named_as_mistral_does() {
        let a = concat_twice();
        let chain = [("wb.concat_twice", &a)];
        let ctx = caller_context(json!({}), None);
        let err = expand(&chain, obj(json!({"s3": 1})), &ctx).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Invalid input [name=wb.concat_twice, class=mistral.actions.adhoc.AdHocAction, \
             missing=['s2'], unexpected=['s3']]"
        );
    }

    #[test]
    fn env_reaches_base_input() {
        let a = action("std.echo", json!({"output": "{{ env().foo }}"}), &[], None);
        let chain = [("wb.test_env", &a)];
        let ctx = caller_context(json!({"foo": "bar"}), Some(json!({"x": 1})));
        let input = expand(&chain, Map::new(), &ctx).unwrap();
        assert_eq!(Value::Object(input), json!({"output": "bar"}));
        // The caller's context sits behind the action input.
        let b = action("std.echo", json!({"output": "<% $.x %>"}), &[], None);
        let input = expand(&[("wb.b", &b)], Map::new(), &ctx).unwrap();
        assert_eq!(Value::Object(input), json!({"output": 1}));
    }

    #[test]
    fn nested_chain_expands_down_and_transforms_up() {
        let inner = concat_twice();
        let outer = action(
            "wb.concat_twice",
            json!({"s2": "{{ _.n2 }}"}),
            &[("n2", Some(json!("b")))],
            Some(json!({"nested_concat": "<% $ %>"})),
        );
        let chain = [("wb.nested_concat", &outer), ("wb.concat_twice", &inner)];
        let ctx = caller_context(json!({}), None);
        let input = expand(&chain, Map::new(), &ctx).unwrap();
        assert_eq!(Value::Object(input), json!({"output": "a+b"}));
        let out = transform_output(&chain, json!("a+b")).unwrap();
        assert_eq!(out, json!({"nested_concat": "a+b and a+b"}));
    }

    #[test]
    fn empty_result_is_left_unevaluated() {
        let a = action(
            "std.async_noop",
            json!({}),
            &[("p", None)],
            Some(json!("(((<% $ %>)))")),
        );
        let chain = [("wb.a", &a)];
        let out = transform_output(&chain, Value::Null).unwrap();
        assert_eq!(out, json!("(((<% $ %>)))"));
        let out = transform_output(&chain, json!(5)).unwrap();
        assert_eq!(out, json!("(((5)))"));
    }

    #[test]
    fn expression_errors_name_the_action() {
        let a = action(
            "std.echo",
            json!({"output": "<% no_such_function() %>"}),
            &[],
            None,
        );
        let ctx = caller_context(json!({}), None);
        let err = expand(&[("wb.broken", &a)], Map::new(), &ctx).unwrap_err();
        assert!(matches!(err, AdhocError::BaseInput { .. }), "{err}");
        assert!(err.to_string().contains("wb.broken"), "{err}");
    }
}
