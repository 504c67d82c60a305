//! Mistral's custom expression functions, shared by YAQL and Jinja.
//!
//! Pure functions (`json_dump`, `yaml_parse`, `uuid`, ...) live here, written
//! once over `serde_json::Value` and called by both languages, together with
//! the Python formatting helpers (`str()`, `repr()`, float `repr`) that
//! Mistral's output depends on. Functions that read execution data (`task()`,
//! `tasks()`, `execution()`, `executions()`, `global()`) go through
//! [`ExprHost`], which the engine implements.

mod yaml;

use serde_json::{Map, Value};

use crate::limits::Limits;

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
    py_json_dumps(value, Some(4), false)
}

/// Python's `json.dumps(value, indent=indent, sort_keys=sort_keys)` with
/// `ensure_ascii`: separators are `", "`/`": "` without an indent and
/// `","`/`": "` with one.
pub fn py_json_dumps(value: &Value, indent: Option<usize>, sort_keys: bool) -> String {
    let mut out = String::new();
    write_json(&mut out, value, 0, indent, sort_keys);
    out
}

fn write_json(out: &mut String, value: &Value, level: usize, indent: Option<usize>, sort: bool) {
    let separate = |out: &mut String, first: bool, level: usize| {
        if !first {
            out.push(',');
        }
        match indent {
            Some(width) => newline_indent(out, level * width),
            None if !first => out.push(' '),
            None => {}
        }
    };
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => out.push_str(&json_number(n)),
        Value::String(s) => write_json_string(out, s),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(map) if map.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                separate(out, i == 0, level + 1);
                write_json(out, item, level + 1, indent, sort);
            }
            if let Some(width) = indent {
                newline_indent(out, level * width);
            }
            out.push(']');
        }
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            if sort {
                entries.sort_by(|a, b| a.0.cmp(b.0));
            }
            out.push('{');
            for (i, (key, item)) in entries.into_iter().enumerate() {
                separate(out, i == 0, level + 1);
                write_json_string(out, key);
                out.push_str(": ");
                write_json(out, item, level + 1, indent, sort);
            }
            if let Some(width) = indent {
                newline_indent(out, level * width);
            }
            out.push('}');
        }
    }
}

fn newline_indent(out: &mut String, spaces: usize) {
    out.push('\n');
    for _ in 0..spaces {
        out.push(' ');
    }
}

/// A JSON number as Python's `json` module writes it.
fn json_number(n: &serde_json::Number) -> String {
    if n.is_f64() {
        let f = n.as_f64().unwrap_or(f64::NAN);
        if f.is_nan() {
            "NaN".to_string()
        } else if f.is_infinite() {
            if f > 0.0 { "Infinity" } else { "-Infinity" }.to_string()
        } else {
            py_float_repr(f)
        }
    } else {
        n.to_string()
    }
}

/// A string as Python's `json.dumps` writes it with `ensure_ascii=True`.
pub fn write_json_string(out: &mut String, s: &str) {
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{08}' => out.push_str("\\b"),
            '\u{0c}' => out.push_str("\\f"),
            ' '..='~' => out.push(ch),
            _ => {
                let mut buf = [0u16; 2];
                for unit in ch.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
        }
    }
    out.push('"');
}

/// `json_parse(text)`: Python's `json.loads`. Errors carry the parser's message.
pub fn json_parse(text: &str) -> Result<Value, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

/// `uuid()`: a new random UUID4 as a string.
pub fn uuid() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Python's `repr(float)` (which `str()` also uses): the shortest digits that
/// round-trip, positional for exponents in `-4..16`, else `1e-05` / `1e+16`.
pub fn py_float_repr(f: f64) -> String {
    if f.is_nan() {
        return "nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { "inf" } else { "-inf" }.to_string();
    }
    if f == 0.0 {
        return if f.is_sign_negative() { "-0.0" } else { "0.0" }.to_string();
    }
    // `{:e}` gives the shortest round-trip digits, e.g. `1.5e20`, `-1e-5`.
    let sci = format!("{f:e}");
    let (mantissa, exp) = sci.split_once('e').unwrap_or((sci.as_str(), "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if (-4..16).contains(&exp) {
        let mut out = String::from(sign);
        if exp < 0 {
            out.push_str("0.");
            for _ in 0..(-exp - 1) {
                out.push('0');
            }
            out.push_str(&digits);
        } else {
            let int_len = exp as usize + 1;
            if digits.len() <= int_len {
                out.push_str(&digits);
                for _ in digits.len()..int_len {
                    out.push('0');
                }
                out.push_str(".0");
            } else {
                out.push_str(&digits[..int_len]);
                out.push('.');
                out.push_str(&digits[int_len..]);
            }
        }
        out
    } else {
        let mut out = String::from(sign);
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
        out
    }
}

/// A JSON number as Python's `str()`/`repr()` shows it.
pub fn py_number_str(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(f) if n.is_f64() => py_float_repr(f),
        _ => n.to_string(),
    }
}

/// Python's `str(value)` for a value converted from JSON: strings as they
/// are, everything else as [`py_repr`].
pub fn py_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => py_repr(other),
    }
}

/// Python's `repr(value)` for a value converted from JSON (`None`, `True`,
/// `[1, 'a']`, `{'k': None}`).
pub fn py_repr(value: &Value) -> String {
    let mut out = String::new();
    write_py_repr(&mut out, value);
    out
}

fn write_py_repr(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&py_number_str(n)),
        Value::String(s) => out.push_str(&py_str_repr(s)),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_py_repr(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => write_py_dict(out, map),
    }
}

fn write_py_dict(out: &mut String, map: &Map<String, Value>) {
    out.push('{');
    for (i, (key, item)) in map.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(&py_str_repr(key));
        out.push_str(": ");
        write_py_repr(out, item);
    }
    out.push('}');
}

/// Python's `repr(str)`: single quotes unless the text has a single quote and
/// no double quote; non-printable characters escaped.
pub fn py_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if py_printable(c) => out.push(c),
            c => {
                let code = c as u32;
                if code <= 0xff {
                    out.push_str(&format!("\\x{code:02x}"));
                } else if code <= 0xffff {
                    out.push_str(&format!("\\u{code:04x}"));
                } else {
                    out.push_str(&format!("\\U{code:08x}"));
                }
            }
        }
    }
    out.push(quote);
    out
}

/// An approximation of Python's `str.isprintable()` for one character:
/// control characters, separators other than the space, and the common
/// invisible format characters are not printable.
fn py_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
            | '\u{feff}' | '\u{e000}'..='\u{f8ff}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn float_repr_matches_python() {
        assert_eq!(py_float_repr(1.0), "1.0");
        assert_eq!(py_float_repr(1.5), "1.5");
        assert_eq!(py_float_repr(0.1), "0.1");
        assert_eq!(py_float_repr(0.0001), "0.0001");
        assert_eq!(py_float_repr(0.00001), "1e-05");
        assert_eq!(py_float_repr(1e16), "1e+16");
        assert_eq!(py_float_repr(1.5e20), "1.5e+20");
        assert_eq!(py_float_repr(123456789012345.0), "123456789012345.0");
        assert_eq!(py_float_repr(-2.5), "-2.5");
        assert_eq!(py_float_repr(2.675), "2.675");
    }

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
    fn python_str_and_repr() {
        assert_eq!(py_str(&json!("x")), "x");
        assert_eq!(py_str(&json!(null)), "None");
        assert_eq!(py_str(&json!(true)), "True");
        assert_eq!(
            py_str(&json!({"x": 1, "y": {"z": "deep"}})),
            "{'x': 1, 'y': {'z': 'deep'}}"
        );
        assert_eq!(py_str(&json!(["b", "it's", 1.0])), "['b', \"it's\", 1.0]");
        assert_eq!(py_str_repr("a\nb\\"), "'a\\nb\\\\'");
    }

    #[test]
    fn json_parse_reports_errors() {
        assert_eq!(json_parse("null"), Ok(Value::Null));
        assert!(json_parse("x").is_err());
    }

    #[test]
    fn uuid_is_v4() {
        let id = uuid();
        assert_eq!(id.len(), 36);
        assert_eq!(&id[14..15], "4");
    }
}
