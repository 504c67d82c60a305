//! A call's input as JSON text, byte for byte what `serde_json` writes, but
//! with strings escaped a chunk at a time.
//!
//! serde_json looks each byte of a string up in its escape table; for a
//! large parameter (a 1 MiB `std.echo` output) that loop was a fifth of
//! the call. Here a chunk of bytes that needs no escape (the usual case) is
//! checked with a branch-free fold the compiler vectorizes, and copied at
//! once.

use std::fmt::Write as _;

use serde_json::Value;

/// Bytes checked at once; a chunk with anything to escape goes byte by byte.
const CHUNK: usize = 32;

/// `value` as compact JSON text, the same as `value.to_string()`.
pub(crate) fn to_text(value: &Value) -> String {
    let mut out = String::with_capacity(estimate(value));
    write_value(&mut out, value);
    out
}

/// The text's length without escapes (numbers at their longest): one
/// allocation of about the right size instead of a large one regrown.
fn estimate(value: &Value) -> usize {
    match value {
        Value::Null | Value::Bool(_) => 5,
        Value::Number(_) => 24,
        Value::String(s) => s.len() + 2,
        Value::Array(items) => items.iter().map(|v| estimate(v) + 1).sum::<usize>() + 2,
        Value::Object(map) => {
            map.iter()
                .map(|(k, v)| k.len() + 4 + estimate(v))
                .sum::<usize>()
                + 2
        }
    }
}

fn write_value(out: &mut String, value: &Value) {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        // serde_json's own formatting (itoa, ryu) for numbers.
        Value::Number(n) => {
            let _ = write!(out, "{n}");
        }
        Value::String(s) => write_str(out, s),
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item);
            }
            out.push(']');
        }
        Value::Object(map) => {
            out.push('{');
            for (i, (key, item)) in map.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, key);
                out.push(':');
                write_value(out, item);
            }
            out.push('}');
        }
    }
}

/// Whether JSON needs `b` escaped: a quote, a backslash or a control byte.
fn needs_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// A quoted, escaped string.
fn write_str(out: &mut String, s: &str) {
    out.push('"');
    let bytes = s.as_bytes();
    // `s[start..i]` is copied as it is once an escape (or the end) is met.
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let end = (i + CHUNK).min(bytes.len());
        let chunk = bytes.get(i..end).unwrap_or_default();
        if chunk.iter().fold(false, |any, &b| any | needs_escape(b)) {
            for (at, &b) in chunk.iter().enumerate() {
                if needs_escape(b) {
                    // Escaped bytes are ASCII, so these are char boundaries.
                    out.push_str(s.get(start..i + at).unwrap_or_default());
                    push_escape(out, b);
                    start = i + at + 1;
                }
            }
        }
        i = end;
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// serde_json's escape of `b`: the short forms, else `\u00xx` (lowercase).
fn push_escape(out: &mut String, b: u8) {
    match b {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        b'\n' => out.push_str("\\n"),
        b'\r' => out.push_str("\\r"),
        b'\t' => out.push_str("\\t"),
        0x08 => out.push_str("\\b"),
        0x0c => out.push_str("\\f"),
        _ => {
            let _ = write!(out, "\\u{b:04x}");
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::{Value, json};

    use super::to_text;

    fn same_as_serde_json(value: &Value) {
        assert_eq!(to_text(value), value.to_string(), "{value:?}");
    }

    #[test]
    fn every_ascii_byte_is_written_as_serde_json_writes_it() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            for s in [
                c.to_string(),
                format!("ab{c}cd"),
                format!("{}{c}", "x".repeat(40)),
                format!("{c}{}{c}{c}", "y".repeat(70)),
            ] {
                same_as_serde_json(&Value::String(s.clone()));
                same_as_serde_json(&json!({ s.clone(): s }));
            }
        }
    }

    #[test]
    fn values_of_every_kind_match() {
        same_as_serde_json(&json!(null));
        same_as_serde_json(&json!({
            "n": [0, -1, 1.5, 1e300, -2.5e-8, u64::MAX, i64::MIN],
            "b": [true, false],
            "s": "é ü 日本 🎉 \u{7f} \u{2028}",
            "nested": {"a": [], "b": {}, "c": [[{"d": null}]]},
            "long": "z".repeat(100_000) + "\"\n" + &"q".repeat(33),
        }));
    }

    #[test]
    fn chunk_edges_with_escapes_and_multibyte_characters() {
        for len in 0..100 {
            let s: String = (0..len)
                .map(|i| match i % 7 {
                    0 => 'é',
                    3 => '\n',
                    5 => '"',
                    _ => 'a',
                })
                .collect();
            same_as_serde_json(&Value::String(s));
        }
    }
}
