//! Mistral's custom expression functions, shared by YAQL and Jinja.
//!
//! Pure functions (`json_dump`, `yaml_parse`, `uuid`, ...) live here, written
//! once over `serde_json::Value` and called by both languages (the Python
//! formatting they depend on is in [`crate::python`]). Functions that read execution data (`task()`,
//! `tasks()`, `execution()`, `executions()`, `global()`) go through
//! [`ExprHost`], which the engine implements.

mod yaml;

use serde_json::Value;

use crate::limits::Limits;
// The Python helpers moved to `crate::python`; kept here under their old
// names for the crates that import them from this module.
pub use crate::python::{
    float_repr as py_float_repr, json_dumps as py_json_dumps, repr as py_repr,
    str_repr as py_str_repr, to_str as py_str,
};

pub use yaml::{YamlParseError, yaml_dump, yaml_parse, yaml_parse_within};

/// Execution data that expressions may read. The engine implements this over
/// its store; [`NoHost`] is used where there is no execution (`bora expr`, tests).
///
/// Every method returns `Err(message)` when the lookup itself fails; the
/// message becomes part of the evaluation error.
pub trait ExprHost {
    /// `task(name)`: the named task execution of this workflow execution (the
    /// last one with that name), or the current task when `name` is `None`.
    /// `Ok(None)` when there is no such task (Mistral returns `null`).
    fn task(&self, name: Option<&str>) -> Result<Option<Value>, String> {
        let _ = name;
        Ok(None)
    }

    /// `tasks(workflow_execution_id, recursive, state, flat)`.
    fn tasks(
        &self,
        workflow_execution_id: Option<&str>,
        recursive: bool,
        state: Option<&str>,
        flat: bool,
    ) -> Result<Value, String> {
        let _ = (workflow_execution_id, recursive, state, flat);
        Ok(Value::Array(Vec::new()))
    }

    /// `execution()`: the current workflow execution.
    fn execution(&self) -> Result<Value, String> {
        Ok(Value::Null)
    }

    /// `executions(id, root_execution_id, state, from_time, to_time)`.
    fn executions(&self, filter: &ExecutionsFilter) -> Result<Value, String> {
        let _ = filter;
        Ok(Value::Array(Vec::new()))
    }

    /// `global(name)`: a variable of the workflow execution's global context
    /// (`vars` and values published with `global`), read fresh.
    fn global(&self, name: &str) -> Result<Option<Value>, String> {
        let _ = name;
        Ok(None)
    }

    /// The time `now()` reads: UTC microseconds since the Unix epoch. The
    /// system clock unless the host says otherwise (the engine core gives
    /// the time of its step, so a replayed step sees the same time).
    fn now_micros(&self) -> i64 {
        chrono::Utc::now().timestamp_micros()
    }

    /// 64 random bits for `uuid()`, `random()` and Jinja's `random`. The
    /// system's randomness unless the host says otherwise (the engine core
    /// draws from a generator its env seeds, so a replay draws the same).
    fn random_u64(&self) -> u64 {
        crate::random::system_u64()
    }

    /// The limits every evaluation made with this host runs under (each
    /// evaluation counts from zero). [`Limits::DEFAULT`] unless the
    /// embedding program says otherwise.
    fn limits(&self) -> &Limits {
        &Limits::DEFAULT
    }
}

/// Filters of `executions()`; every field is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExecutionsFilter {
    pub id: Option<String>,
    pub root_execution_id: Option<String>,
    pub state: Option<String>,
    pub from_time: Option<String>,
    pub to_time: Option<String>,
}

/// A host with no execution behind it (`bora expr`, tests). It answers as
/// Mistral's functions do when the data has no `__execution`: `task()`,
/// `execution()` and `global()` fail with the `KeyError` message
/// `'__execution'`; `tasks()` and `executions()`, which query the store
/// without it, find nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHost;

const NO_EXECUTION: &str = "'__execution'";

impl ExprHost for NoHost {
    fn task(&self, _name: Option<&str>) -> Result<Option<Value>, String> {
        Err(NO_EXECUTION.to_string())
    }

    fn execution(&self) -> Result<Value, String> {
        Err(NO_EXECUTION.to_string())
    }

    fn global(&self, _name: &str) -> Result<Option<Value>, String> {
        Err(NO_EXECUTION.to_string())
    }
}

/// `json_dump(data)`: Python's `json.dumps(data, indent=4)` (ASCII only, with
/// `\uXXXX` escapes, `","` item separators since an indent is given, floats
/// as Python's `repr`).
pub fn json_dump(value: &Value) -> String {
    crate::python::json_dumps(value, Some(4), false)
}

/// `json_parse(text)`: Python's `json.loads`. Errors carry the parser's message.
pub fn json_parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// `uuid()`: a new random UUID4 as a string, from the host's randomness.
pub fn uuid(host: &dyn ExprHost) -> String {
    crate::random::uuid_v4_text(host.random_u64(), host.random_u64())
}

/// What a reference made by `secret('NAME')` starts with; `;` ends it.
pub const SECRET_REF_PREFIX: &str = "bora-secret:ref.";

/// Longest name of a project secret.
pub const MAX_SECRET_NAME: usize = 128;

/// Whether `name` can name a project secret: 1 to [`MAX_SECRET_NAME`]
/// letters, digits, `_`, `-` or `.` (so a reference is found whole inside
/// a longer string).
pub fn valid_secret_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_SECRET_NAME
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
}

/// `secret(name)` (Bora extension): a reference to the project secret
/// `name`, not its value. Expressions stay pure: the engine replaces the
/// reference with the value of the calling project's secret only when an
/// action is called, and masks it in what the action gives back.
///
/// # Errors
/// A message when `name` cannot name a secret.
pub fn secret_reference(name: &str) -> Result<String, String> {
    if !valid_secret_name(name) {
        return Err(format!(
            "secret(): {name:?} is not a secret name (1 to {MAX_SECRET_NAME} letters, digits, \
             '_', '-' or '.')"
        ));
    }
    Ok(format!("{SECRET_REF_PREFIX}{name};"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn json_dump_matches_python() {
        assert_eq!(
            json_dump(&json!({"x": 1, "y": {"z": "deep"}})),
            "{\n    \"x\": 1,\n    \"y\": {\n        \"z\": \"deep\"\n    }\n}"
        );
        assert_eq!(json_dump(&json!([1, 2])), "[\n    1,\n    2\n]");
        assert_eq!(json_dump(&json!("é")), "\"\\u00e9\"");
        assert_eq!(json_dump(&json!(1.0)), "1.0");
        assert_eq!(
            json_dump(&json!({"a": [], "b": {}})),
            "{\n    \"a\": [],\n    \"b\": {}\n}"
        );
    }

    #[test]
    fn json_parse_reports_errors() {
        assert_eq!(json_parse("null"), Ok(Value::Null));
        assert!(json_parse("x").is_err());
    }

    #[test]
    fn a_secret_reference_names_the_secret_and_nothing_else() {
        assert_eq!(
            secret_reference("api.token-2"),
            Ok("bora-secret:ref.api.token-2;".to_owned())
        );
        for bad in ["", "a b", "x;y", "é", &"n".repeat(MAX_SECRET_NAME + 1)] {
            assert!(secret_reference(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn uuid_is_v4() {
        let id = uuid(&NoHost);
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
    }
}
