//! What an action says about itself ([`Descriptor`]) and the check of a call's
//! input against it: missing required or unexpected parameters are refused
//! with Mistral's wording, and defaults are filled in before the call.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::error::FailureKind;

/// An action's description, from its `describe()` export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Descriptor {
    /// The name the action gives itself (e.g. `std.echo`).
    pub name: String,
    pub description: String,
    /// Input parameters in declaration order.
    pub params: Vec<Param>,
    /// True when `run` may return `pending`.
    pub is_async: bool,
}

/// One input parameter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Param {
    pub name: String,
    /// The default value; `None` means the parameter is required.
    pub default: Option<Value>,
    pub description: Option<String>,
}

impl Descriptor {
    /// Mistral's `input` string of an action: `output, delay=0`.
    pub fn input_spec(&self) -> String {
        self.params
            .iter()
            .map(|p| match &p.default {
                Some(default) => format!("{}={}", p.name, default),
                None => p.name.clone(),
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Python's repr of a list of names: `['a', 'b']`.
fn py_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    format!("[{}]", quoted.join(", "))
}

/// Checks `input` against the descriptor and returns it with defaults filled
/// in, in declaration order followed by nothing else (unexpected keys are an
/// error). `class` is the class name shown in the error (Mistral shows the
/// Python class of the action).
pub(crate) fn prepare(
    name: &str,
    class: &str,
    descriptor: &Descriptor,
    input: Value,
) -> Result<Map<String, Value>, FailureKind> {
    let mut given = match input {
        Value::Object(map) => map,
        Value::Null => Map::new(),
        other => {
            return Err(FailureKind::BadInput {
                message: format!(
                    "Invalid input [name={name}, class={class}]: the input must be a JSON \
                     object of parameters, got {}",
                    json_type(&other)
                ),
                missing: Vec::new(),
                unexpected: Vec::new(),
            });
        }
    };
    let missing: Vec<String> = descriptor
        .params
        .iter()
        .filter(|p| p.default.is_none() && !given.contains_key(&p.name))
        .map(|p| p.name.clone())
        .collect();
    let unexpected: Vec<String> = given
        .keys()
        .filter(|k| !descriptor.params.iter().any(|p| &p.name == *k))
        .cloned()
        .collect();
    if !missing.is_empty() || !unexpected.is_empty() {
        let mut message = format!("Invalid input [name={name}, class={class}");
        if !missing.is_empty() {
            message.push_str(&format!(", missing={}", py_list(&missing)));
        }
        if !unexpected.is_empty() {
            message.push_str(&format!(", unexpected={}", py_list(&unexpected)));
        }
        message.push(']');
        return Err(FailureKind::BadInput {
            message,
            missing,
            unexpected,
        });
    }
    let mut prepared = Map::with_capacity(descriptor.params.len());
    for param in &descriptor.params {
        let value = match given.remove(&param.name) {
            Some(value) => value,
            None => param.default.clone().unwrap_or(Value::Null),
        };
        prepared.insert(param.name.clone(), value);
    }
    Ok(prepared)
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The class name shown in Mistral's input errors: the Python class for the
/// standard actions Mistral has, so messages match Mistral's; otherwise the
/// component's content hash.
pub(crate) fn class_name(name: &str, component_hash: &str) -> String {
    let mistral = match name {
        "std.echo" => "EchoAction",
        "std.noop" => "NoOpAction",
        "std.fail" => "FailAction",
        "std.http" => "HTTPAction",
        "std.mistral_http" => "MistralHTTPAction",
        "std.sleep" => "SleepAction",
        "std.test_dict" => "TestDictAction",
        "std.async_noop" => "AsyncNoOpAction",
        "std.email" => "SendEmailAction",
        "std.ssh" => "SSHAction",
        "std.javascript" | "std.js" => "JavaScriptAction",
        _ => {
            let short = component_hash.get(..12).unwrap_or(component_hash);
            return format!("wasm-component-{short}");
        }
    };
    format!("mistral.actions.std_actions.{mistral}")
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use serde_json::json;

    use super::*;

    fn echo() -> Descriptor {
        Descriptor {
            name: "std.echo".into(),
            description: String::new(),
            params: vec![
                Param {
                    name: "output".into(),
                    default: None,
                    description: None,
                },
                Param {
                    name: "delay".into(),
                    default: Some(json!(0)),
                    description: None,
                },
            ],
            is_async: false,
        }
    }

    #[test]
    fn mistral_wording_for_missing_and_unexpected() {
        let class = class_name("std.echo", "");
        let err = prepare("std.echo", &class, &echo(), json!({"wrong_input": 1})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Invalid input [name=std.echo, class=mistral.actions.std_actions.EchoAction, \
             missing=['output'], unexpected=['wrong_input']]"
        );
        let err = prepare("std.echo", &class, &echo(), json!({})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "Invalid input [name=std.echo, class=mistral.actions.std_actions.EchoAction, \
             missing=['output']]"
        );
        assert!(prepare("std.echo", &class, &echo(), json!([1])).is_err());
    }

    #[test]
    fn defaults_are_filled_in() {
        let map = prepare("std.echo", "c", &echo(), json!({"output": "hi"})).unwrap();
        assert_eq!(Value::Object(map), json!({"output": "hi", "delay": 0}));
        assert_eq!(echo().input_spec(), "output, delay=0");
    }
}
