//! Input parameters: their declaration ([`Param`]) and the checked,
//! defaulted, typed parsing of a call's JSON input ([`parse_input`]).

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

/// One input parameter of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Param {
    /// The parameter's name (a key of the input object).
    pub name: &'static str,
    /// Default value as JSON text; `None` means the parameter is required.
    pub default: Option<&'static str>,
    /// What the parameter means; may be empty.
    pub description: &'static str,
}

impl Param {
    /// A parameter the caller must give.
    pub const fn required(name: &'static str, description: &'static str) -> Self {
        Param {
            name,
            default: None,
            description,
        }
    }

    /// A parameter with a default, given as JSON text (`"0"`, `"null"`,
    /// `"\"GET\""`, ...).
    pub const fn optional(
        name: &'static str,
        default: &'static str,
        description: &'static str,
    ) -> Self {
        Param {
            name,
            default: Some(default),
            description,
        }
    }
}

/// Why an input was rejected. Every variant names the action and, where
/// there is one, the parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// The input text is not JSON.
    NotJson { action: String, error: String },
    /// The input is JSON but not an object.
    NotAnObject { action: String, found: &'static str },
    /// Required parameters are absent and/or unknown ones are present.
    Mismatch {
        action: String,
        missing: Vec<String>,
        unexpected: Vec<String>,
    },
    /// A parameter's value does not fit its type.
    BadValue {
        action: String,
        param: String,
        error: String,
    },
    /// The action declares a default that is not valid JSON (a bug in the
    /// action, reported rather than hidden).
    BadDefault {
        action: String,
        param: String,
        error: String,
    },
}

impl std::fmt::Display for InputError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            InputError::NotJson { action, error } => {
                write!(f, "Invalid input [name={action}]: not JSON: {error}")
            }
            InputError::NotAnObject { action, found } => write!(
                f,
                "Invalid input [name={action}]: expected a JSON object of parameters, got {found}"
            ),
            InputError::Mismatch {
                action,
                missing,
                unexpected,
            } => write!(
                f,
                "Invalid input [name={action}, missing=[{}], unexpected=[{}]]",
                missing.join(", "),
                unexpected.join(", ")
            ),
            // The root path: the input as a whole (e.g. a field of the
            // input type that is not declared as a parameter).
            InputError::BadValue {
                action,
                param,
                error,
            } if param == "." => write!(f, "Invalid input [name={action}]: {error}"),
            InputError::BadValue {
                action,
                param,
                error,
            } => write!(
                f,
                "Invalid input [name={action}]: parameter '{param}': {error}"
            ),
            InputError::BadDefault {
                action,
                param,
                error,
            } => write!(
                f,
                "Action {action} declares an invalid default for parameter '{param}': {error}"
            ),
        }
    }
}

impl std::error::Error for InputError {}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Parses a call's input text for the action `action` with parameters
/// `params` into `T`: rejects missing and unexpected parameters, fills in
/// defaults, and deserializes, naming the parameter on a type error.
///
/// An empty text or `null` counts as `{}` (an action without required
/// parameters can be called with no input at all).
pub fn parse_input<T: DeserializeOwned>(
    action: &str,
    params: &[Param],
    input: &str,
) -> Result<T, InputError> {
    let value: Value = if input.trim().is_empty() {
        Value::Null
    } else {
        serde_json::from_str(input).map_err(|e| InputError::NotJson {
            action: action.to_owned(),
            error: e.to_string(),
        })?
    };
    let mut object = match value {
        Value::Null => Map::new(),
        Value::Object(map) => map,
        other => {
            return Err(InputError::NotAnObject {
                action: action.to_owned(),
                found: kind_of(&other),
            });
        }
    };

    let missing: Vec<String> = params
        .iter()
        .filter(|p| p.default.is_none() && !object.contains_key(p.name))
        .map(|p| p.name.to_owned())
        .collect();
    let unexpected: Vec<String> = object
        .keys()
        .filter(|k| !params.iter().any(|p| p.name == k.as_str()))
        .cloned()
        .collect();
    if !missing.is_empty() || !unexpected.is_empty() {
        return Err(InputError::Mismatch {
            action: action.to_owned(),
            missing,
            unexpected,
        });
    }

    // Fill in defaults in declaration order, after the given parameters.
    for p in params {
        if let Some(default) = p.default
            && !object.contains_key(p.name)
        {
            let value = serde_json::from_str(default).map_err(|e| InputError::BadDefault {
                action: action.to_owned(),
                param: p.name.to_owned(),
                error: e.to_string(),
            })?;
            object.insert(p.name.to_owned(), value);
        }
    }

    serde_path_to_error::deserialize(Value::Object(object)).map_err(|e| {
        let path = e.path().to_string();
        InputError::BadValue {
            action: action.to_owned(),
            // serde_path_to_error renders the root as "."; a missing field
            // of `T` that is not declared in `params` ends up there.
            param: path,
            error: e.into_inner().to_string(),
        }
    })
}
