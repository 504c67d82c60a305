//! What an action says about itself ([`Descriptor`]) and the check of a call's
//! input against it: missing required or unexpected parameters are refused
//! with Mistral's wording, and defaults are filled in before the call.

use bora_core::input::{Declared, check, in_declared_order};
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

impl Declared for Param {
    fn name(&self) -> &str {
        &self.name
    }

    fn default_value(&self) -> Option<&Value> {
        self.default.as_ref()
    }
}

impl Descriptor {
    /// Mistral's `input` string of an action: `output, delay=0`.
    pub fn input_spec(&self) -> String {
        bora_core::input::input_spec(&self.params)
    }
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
    let given = match input {
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
    check(name, class, &descriptor.params, &given).map_err(|err| FailureKind::BadInput {
        message: err.message(),
        missing: err.missing,
        unexpected: err.unexpected,
    })?;
    Ok(in_declared_order(&descriptor.params, given))
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
        "std.ssh_proxied" => "SSHProxiedAction",
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
