//! Python's `repr()` of a loaded node, as Mistral's messages show the
//! offending data (`[data={...}]`). Floats and strings come from
//! [`bora_expr::python`], the one copy of Python's formatting.

use std::fmt::Write as _;

use bora_expr::python;

use super::{Node, Value};

/// Python `repr()` of a node, used in Mistral-style messages.
pub fn py_repr(node: &Node) -> String {
    let mut out = String::new();
    repr_into(node, &mut out);
    out
}

fn repr_into(node: &Node, out: &mut String) {
    match &node.value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => out.push_str(&python::float_repr(*f)),
        Value::Str(s) => out.push_str(&python::str_repr(s)),
        Value::Bytes(b) => out.push_str(&python::bytes_repr(b)),
        Value::Timestamp(s) => timestamp_repr(s, out),
        Value::Seq(items) => {
            out.push('[');
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                repr_into(it, out);
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                repr_into(k, out);
                out.push_str(": ");
                repr_into(v, out);
            }
            out.push('}');
        }
    }
}

/// PyYAML reads a timestamp as a `date` (or `datetime`); its repr names
/// the type.
fn timestamp_repr(s: &str, out: &mut String) {
    let parts: Vec<&str> = s.split('-').collect();
    if s.len() == 10 && parts.len() == 3 {
        let n = |p: &str| p.trim_start_matches('0').to_string();
        let _ = write!(
            out,
            "datetime.date({}, {}, {})",
            parts[0],
            n(parts[1]),
            n(parts[2])
        );
    } else {
        let _ = write!(out, "datetime.datetime({s})");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::Pos;

    fn node(value: Value) -> Node {
        Node {
            value,
            pos: Pos::default(),
        }
    }

    #[test]
    fn floats_and_strings_as_python_shows_them() {
        // The loader's own copy printed 1e16 as `10000000000000000` and
        // control characters unescaped; Python prints these.
        for (f, python) in [
            (1e16, "1e+16"),
            (-0.0, "-0.0"),
            (f64::NAN, "nan"),
            (2.5, "2.5"),
            (1e-5, "1e-05"),
        ] {
            assert_eq!(py_repr(&node(Value::Float(f))), python);
        }
        assert_eq!(py_repr(&node(Value::Str("it's".into()))), "\"it's\"");
        assert_eq!(py_repr(&node(Value::Str("\u{1}".into()))), "'\\x01'");
        assert_eq!(
            py_repr(&node(Value::Bytes(b"a\xff'".to_vec()))),
            "b\"a\\xff'\""
        );
        assert_eq!(
            py_repr(&node(Value::Timestamp("2024-01-05".into()))),
            "datetime.date(2024, 1, 5)"
        );
    }
}
