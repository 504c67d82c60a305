//! Python's behaviour that Mistral's output depends on, written once for the
//! whole engine: `repr()` of floats and strings, `str()`/`repr()` of JSON
//! values, `json.dumps`, the type names of JSON values, and Mistral's
//! `utils.merge_dicts`. YAQL and Jinja values have their own `str()` (their
//! types are richer) built on these.

use serde_json::{Map, Value};

/// Python's `json.dumps(value, indent=indent, sort_keys=sort_keys)` with
/// `ensure_ascii`: separators are `", "`/`": "` without an indent and
/// `","`/`": "` with one.
pub fn json_dumps(value: &Value, indent: Option<usize>, sort_keys: bool) -> String {
    let mut out = String::new();
    write_json(&mut out, value, 0, indent, sort_keys);
    out
}

fn write_json(out: &mut String, value: &Value, level: usize, indent: Option<usize>, sort: bool) {
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
                separate(out, i == 0, level + 1, indent);
                write_json(out, item, level + 1, indent, sort);
            }
            if let Some(width) = indent {
                newline_indent(out, level * width);
            }
            out.push(']');
        }
        Value::Object(map) => write_object(out, map, level, indent, sort),
    }
}

/// Python's `json.dumps(dict)` (no indent, keys as inserted) of a map, so a
/// caller holding a map need not wrap (and copy) it into a [`Value`].
pub fn object_dumps(map: &Map<String, Value>) -> String {
    let mut out = String::new();
    write_object(&mut out, map, 0, None, false);
    out
}

fn write_object(
    out: &mut String,
    map: &Map<String, Value>,
    level: usize,
    indent: Option<usize>,
    sort: bool,
) {
    if map.is_empty() {
        out.push_str("{}");
        return;
    }
    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
    if sort {
        entries.sort_by(|a, b| a.0.cmp(b.0));
    }
    out.push('{');
    for (i, (key, item)) in entries.into_iter().enumerate() {
        separate(out, i == 0, level + 1, indent);
        write_json_string(out, key);
        out.push_str(": ");
        write_json(out, item, level + 1, indent, sort);
    }
    if let Some(width) = indent {
        newline_indent(out, level * width);
    }
    out.push('}');
}

/// The separator before an item: `,` after the first, then a newline and
/// indent, or a space when there is no indent.
fn separate(out: &mut String, first: bool, level: usize, indent: Option<usize>) {
    if !first {
        out.push(',');
    }
    match indent {
        Some(width) => newline_indent(out, level * width),
        None if !first => out.push(' '),
        None => {}
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
            float_repr(f)
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

/// Python's `repr(float)` (which `str()` also uses): the shortest digits that
/// round-trip, positional for exponents in `-4..16`, else `1e-05` / `1e+16`.
pub fn float_repr(f: f64) -> String {
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
pub fn number_str(n: &serde_json::Number) -> String {
    match n.as_f64() {
        Some(f) if n.is_f64() => float_repr(f),
        _ => n.to_string(),
    }
}

/// Python's `str(value)` for a value converted from JSON: strings as they
/// are, everything else as [`repr`].
pub fn to_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => repr(other),
    }
}

/// Python's `repr(value)` for a value converted from JSON (`None`, `True`,
/// `[1, 'a']`, `{'k': None}`).
pub fn repr(value: &Value) -> String {
    let mut out = String::new();
    write_repr(&mut out, value);
    out
}

fn write_repr(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Number(n) => out.push_str(&number_str(n)),
        Value::String(s) => out.push_str(&str_repr(s)),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item);
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
        out.push_str(&str_repr(key));
        out.push_str(": ");
        write_repr(out, item);
    }
    out.push('}');
}

/// Python's `repr(str)`: single quotes unless the text has a single quote and
/// no double quote; non-printable characters escaped.
pub fn str_repr(s: &str) -> String {
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

/// Python's `repr(bytes)`: `b'...'` with the quote chosen as for `str`,
/// printable ASCII as it is and every other byte as `\xNN`.
pub fn bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(char::from(quote));
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            q if q == quote => {
                out.push('\\');
                out.push(char::from(q));
            }
            b' '..=b'~' => out.push(char::from(byte)),
            other => out.push_str(&format!("\\x{other:02x}")),
        }
    }
    out.push(char::from(quote));
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

/// Python's type name of a JSON value (`NoneType`, `bool`, `int`, `float`,
/// `str`, `list`, `dict`), as `type(value).__name__` gives it.
pub fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "NoneType",
        Value::Bool(_) => "bool",
        Value::Number(n) if n.is_f64() => "float",
        Value::Number(_) => "int",
        Value::String(_) => "str",
        Value::Array(_) => "list",
        Value::Object(_) => "dict",
    }
}

/// Mistral's `utils.merge_dicts(left, right)` (overwrite): keys of `right`
/// replace those of `left`, except that two dicts under one key merge the
/// same way. A `left` or `right` that is not a dict is left as it is.
pub fn merge_dicts(left: &mut Value, right: &Value) {
    if let (Value::Object(l), Value::Object(r)) = (&mut *left, right) {
        for (key, value) in r {
            match l.get_mut(key) {
                Some(existing) if existing.is_object() && value.is_object() => {
                    merge_dicts(existing, value)
                }
                _ => {
                    l.insert(key.clone(), value.clone());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn float_repr_matches_python() {
        for (f, python) in [
            (1.0, "1.0"),
            (1.5, "1.5"),
            (0.1, "0.1"),
            (0.1 + 0.2, "0.30000000000000004"),
            (0.0001, "0.0001"),
            (0.00001, "1e-05"),
            (1.5e-7, "1.5e-07"),
            (1e16, "1e+16"),
            (1e20, "1e+20"),
            (1.5e20, "1.5e+20"),
            (9999999999999998.0, "9999999999999998.0"),
            (123456789012345.0, "123456789012345.0"),
            (-2.5, "-2.5"),
            (2.675, "2.675"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (5e-324, "5e-324"),
            (1.7976931348623157e308, "1.7976931348623157e+308"),
        ] {
            assert_eq!(float_repr(f), python, "{f:e}");
        }
    }

    #[test]
    fn str_repr_matches_python() {
        assert_eq!(str_repr("it's"), "\"it's\"");
        assert_eq!(str_repr("a\nb\\"), "'a\\nb\\\\'");
        assert_eq!(str_repr("'\""), "'\\'\"'");
        assert_eq!(str_repr("\u{1}\u{7f}\u{85}"), "'\\x01\\x7f\\x85'");
        assert_eq!(str_repr("\u{200b}é"), "'\\u200bé'");
        assert_eq!(bytes_repr(b"it's\x00\xff\\"), "b\"it's\\x00\\xff\\\\\"");
        assert_eq!(bytes_repr(b"a'\"\n"), "b'a\\'\"\\n'");
    }

    #[test]
    fn json_dumps_matches_python() {
        let v = json!({"b": [1, 2.0, "é"], "a": {"x": null}});
        assert_eq!(
            json_dumps(&v, None, false),
            "{\"b\": [1, 2.0, \"\\u00e9\"], \"a\": {\"x\": null}}"
        );
        assert_eq!(
            json_dumps(&v, None, true),
            "{\"a\": {\"x\": null}, \"b\": [1, 2.0, \"\\u00e9\"]}"
        );
        assert_eq!(
            json_dumps(&json!([1e16, 1e-5]), None, false),
            "[1e+16, 1e-05]"
        );
        assert_eq!(json_dumps(&json!([1]), Some(2), false), "[\n  1\n]");
    }

    #[test]
    fn str_and_repr_of_json() {
        assert_eq!(to_str(&json!("x")), "x");
        assert_eq!(to_str(&json!(null)), "None");
        assert_eq!(to_str(&json!(true)), "True");
        assert_eq!(
            to_str(&json!({"x": 1, "y": {"z": "deep"}})),
            "{'x': 1, 'y': {'z': 'deep'}}"
        );
        assert_eq!(repr(&json!(["b", "it's", 1.0])), "['b', \"it's\", 1.0]");
        assert_eq!(repr(&json!("x")), "'x'");
    }

    #[test]
    fn type_names() {
        let names: Vec<_> = [
            json!(null),
            json!(true),
            json!(1),
            json!(1.0),
            json!("s"),
            json!([]),
            json!({}),
        ]
        .iter()
        .map(type_name)
        .collect();
        assert_eq!(
            names,
            ["NoneType", "bool", "int", "float", "str", "list", "dict"]
        );
    }

    #[test]
    fn dicts_merge_as_mistral_merges_them() {
        let mut left = json!({"a": 1, "d": {"x": 1, "y": 2}, "l": [1]});
        merge_dicts(&mut left, &json!({"b": 2, "d": {"y": 3, "z": 4}, "l": [2]}));
        assert_eq!(
            left,
            json!({"a": 1, "d": {"x": 1, "y": 3, "z": 4}, "l": [2], "b": 2})
        );
        let mut scalar = json!(1);
        merge_dicts(&mut scalar, &json!({"a": 1}));
        assert_eq!(scalar, json!(1));
    }
}
