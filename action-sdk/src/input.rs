//! Input parameters: their declaration ([`Param`]) and the checked,
//! defaulted, typed parsing of a call's JSON input ([`parse_input`]).

use std::borrow::Cow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use serde::Deserialize;
use serde::de::value::MapDeserializer;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::raw::RawMember;

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
///
/// The text is scanned once for its top-level members, whose values stay
/// raw JSON borrowed from the input; each is then deserialized straight
/// into its field of `T`. No intermediate `Value` tree is built; a field of
/// type `Box<RawValue>`, which keeps the text as it came, costs one copy
/// and no second scan (see [`crate::raw`]).
///
/// `T` may borrow from `input` (a `&RawValue` field, say, keeps a
/// parameter's text where it is); defaults are borrowed from the static
/// [`Param`] declarations.
pub fn parse_input<'a, T: Deserialize<'a>>(
    action: &str,
    params: &[Param],
    input: &'a str,
) -> Result<T, InputError> {
    let raw = top_level_members(action, input)?;
    let members = first_position_last_value(&raw);

    let missing: Vec<String> = params
        .iter()
        .filter(|p| p.default.is_none() && !members.iter().any(|(k, _)| *k == p.name))
        .map(|p| p.name.to_owned())
        .collect();
    let unexpected: Vec<String> = members
        .iter()
        .filter(|(k, _)| !params.iter().any(|p| p.name == *k))
        .map(|(k, _)| (*k).to_owned())
        .collect();
    if !missing.is_empty() || !unexpected.is_empty() {
        return Err(InputError::Mismatch {
            action: action.to_owned(),
            missing,
            unexpected,
        });
    }

    // Defaults in declaration order, after the given parameters.
    let mut defaults: Vec<(&str, &'static RawValue)> = Vec::new();
    for p in params {
        if let Some(default) = p.default
            && !members.iter().any(|(k, _)| *k == p.name)
        {
            let value = serde_json::from_str::<&'static RawValue>(default).map_err(|e| {
                InputError::BadDefault {
                    action: action.to_owned(),
                    param: p.name.to_owned(),
                    error: e.to_string(),
                }
            })?;
            defaults.push((p.name, value));
        }
    }

    let entries = members
        .iter()
        .map(|(k, v)| (*k, RawMember(v)))
        .chain(defaults.iter().map(|(k, v)| (*k, RawMember(v))));
    let fields: MapDeserializer<'_, _, serde_json::Error> = MapDeserializer::new(entries);
    serde_path_to_error::deserialize(fields).map_err(|e| {
        let path = e.path().to_string();
        InputError::BadValue {
            action: action.to_owned(),
            // serde_path_to_error renders the root as "."; a missing field
            // of `T` that is not declared in `params` ends up there.
            param: path,
            error: without_position(&e.into_inner()),
        }
    })
}

/// A value's error without serde_json's "at line 1 column 5", which counts
/// inside the parameter's own text, not the input's.
fn without_position(error: &serde_json::Error) -> String {
    let text = error.to_string();
    let position = format!(" at line {} column {}", error.line(), error.column());
    match text.strip_suffix(&position) {
        Some(message) if error.line() > 0 => message.to_owned(),
        _ => text,
    }
}

/// The members of the input object in order (duplicates included), values
/// as raw JSON borrowed from `input`.
fn top_level_members<'a>(action: &str, input: &'a str) -> Result<Vec<Member<'a>>, InputError> {
    if input.trim().is_empty() {
        return Ok(Vec::new());
    }
    match serde_json::from_str::<Option<Members<'a>>>(input) {
        Ok(members) => Ok(members.map(|m| m.0).unwrap_or_default()),
        // Errors only: parse again to say what the input is instead.
        Err(error) => Err(match serde_json::from_str::<Value>(input) {
            Ok(other) if !other.is_object() => InputError::NotAnObject {
                action: action.to_owned(),
                found: kind_of(&other),
            },
            _ => InputError::NotJson {
                action: action.to_owned(),
                error: error.to_string(),
            },
        }),
    }
}

/// A repeated key keeps its first position and its last value, as in
/// `serde_json::Map`.
fn first_position_last_value<'r, 'a>(raw: &'r [Member<'a>]) -> Vec<(&'r str, &'a RawValue)> {
    let mut members: Vec<(&'r str, &'a RawValue)> = Vec::with_capacity(raw.len());
    let mut seen: HashMap<&'r str, usize> = HashMap::with_capacity(raw.len());
    for (key, value) in raw {
        match seen.entry(key.as_ref()) {
            Entry::Occupied(at) => members[*at.get()].1 = value,
            Entry::Vacant(slot) => {
                slot.insert(members.len());
                members.push((key.as_ref(), value));
            }
        }
    }
    members
}

/// One member of the input object: its key (borrowed unless it has
/// escapes) and its value's raw JSON text.
type Member<'a> = (Cow<'a, str>, &'a RawValue);

/// The members of a JSON object, read without building its values.
struct Members<'a>(Vec<Member<'a>>);

impl<'de> Deserialize<'de> for Members<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;

        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = Members<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Members<'de>, A::Error> {
                let mut members = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    members.push((key.0, map.next_value::<&'de RawValue>()?));
                }
                Ok(Members(members))
            }
        }

        deserializer.deserialize_map(ObjectVisitor)
    }
}

/// A key borrowed from the input when it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct KeyVisitor;

        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string key")
            }

            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }

            fn visit_str<E>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }

            fn visit_string<E>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }

        deserializer.deserialize_str(KeyVisitor)
    }
}
