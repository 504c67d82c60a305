//! Python's `str()` / `repr()` of minijinja values, and Python value types
//! minijinja has no equivalent for (tuples, dict views, `range`).

use super::*;

/// Python's `str(value)`.
pub fn py_str(value: &Value) -> String {
    match value.kind() {
        ValueKind::String => value.as_str().unwrap_or_default().to_string(),
        ValueKind::Undefined => String::new(),
        _ => {
            let mut out = String::new();
            write_py_repr(&mut out, value);
            out
        }
    }
}

pub(super) fn write_py_repr(out: &mut String, value: &Value) {
    if let Some(node) = value.downcast_object_ref::<JsonNode>() {
        out.push_str(&python::repr(node.resolve()));
        return;
    }
    if let Some(tuple) = value.downcast_object_ref::<PyTuple>() {
        out.push('(');
        for (i, item) in tuple.items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_py_repr(out, item);
        }
        if tuple.items.len() == 1 {
            out.push(',');
        }
        out.push(')');
        return;
    }
    if let Some(view) = value.downcast_object_ref::<DictView>() {
        out.push_str(view.kind);
        out.push_str("([");
        for (i, item) in view.items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_py_repr(out, item);
        }
        out.push_str("])");
        return;
    }
    if let Some(range) = value.downcast_object_ref::<PyRange>() {
        let _ = if range.step == 1 {
            write!(out, "range({}, {})", range.start, range.stop)
        } else {
            write!(
                out,
                "range({}, {}, {})",
                range.start, range.stop, range.step
            )
        };
        return;
    }
    match value.kind() {
        ValueKind::Undefined => {}
        ValueKind::None => out.push_str("None"),
        ValueKind::Bool => out.push_str(if value.is_true() { "True" } else { "False" }),
        ValueKind::Number => {
            if value.is_integer() {
                let _ = write!(out, "{value}");
            } else {
                out.push_str(&python::float_repr(
                    f64::try_from(value.clone()).unwrap_or(f64::NAN),
                ));
            }
        }
        ValueKind::String => out.push_str(&python::str_repr(value.as_str().unwrap_or_default())),
        ValueKind::Seq | ValueKind::Iterable => {
            out.push('[');
            if let Ok(items) = value.try_iter() {
                for (i, item) in items.enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_py_repr(out, &item);
                }
            }
            out.push(']');
        }
        ValueKind::Map => {
            out.push('{');
            if let Ok(keys) = value.try_iter() {
                for (i, key) in keys.enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_py_repr(out, &key);
                    out.push_str(": ");
                    write_py_repr(out, &value.get_item(&key).unwrap_or_default());
                }
            }
            out.push('}');
        }
        _ => {
            let _ = write!(out, "{value}");
        }
    }
}

// ---------------------------------------------------------------------------
// Python value types minijinja has no equivalent for
// ---------------------------------------------------------------------------

/// A Python tuple (shown as `(a, b)`), optionally with named fields like
/// the namedtuples of `groupby` (`grouper`, `list`).
#[derive(Debug)]
pub(super) struct PyTuple {
    pub(super) items: Vec<Value>,
    pub(super) names: Option<[&'static str; 2]>,
}

impl PyTuple {
    pub(super) fn pair(a: Value, b: Value) -> Value {
        Value::from_object(PyTuple {
            items: vec![a, b],
            names: None,
        })
    }
}

pub(super) fn seq_index(key: &Value, len: usize) -> Option<usize> {
    let i = i64::try_from(key.clone()).ok()?;
    let i = if i < 0 { i + len as i64 } else { i };
    usize::try_from(i).ok().filter(|i| *i < len)
}

impl Object for PyTuple {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        if let (Some(name), Some(names)) = (key.as_str(), self.names) {
            return names
                .iter()
                .position(|n| *n == name)
                .and_then(|i| self.items.get(i).cloned());
        }
        seq_index(key, self.items.len()).map(|i| self.items[i].clone())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.items.len())
    }
}

/// `dict.keys()`, `.values()`, `.items()`: shown as `dict_keys([...])`.
#[derive(Debug)]
pub(super) struct DictView {
    pub(super) kind: &'static str,
    pub(super) items: Vec<Value>,
}

impl Object for DictView {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        // Views cannot be indexed in Python; iteration goes through here.
        seq_index(key, self.items.len()).map(|i| self.items[i].clone())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.items.len())
    }
}

/// The sandbox's `range()`: at most 100000 items, shown as `range(0, 3)`.
#[derive(Debug)]
pub(super) struct PyRange {
    pub(super) start: i64,
    pub(super) stop: i64,
    pub(super) step: i64,
}

/// Jinja2's sandbox limit on `range()`.
pub(super) const MAX_RANGE: i64 = 100_000;

impl PyRange {
    fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
}

impl Object for PyRange {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let len = usize::try_from(self.len()).ok()?;
        seq_index(key, len).map(|i| Value::from(self.start + i as i64 * self.step))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(usize::try_from(self.len()).unwrap_or(0))
    }
}

pub(super) fn py_range(a: i64, b: Option<i64>, c: Option<i64>) -> Result<Value, Error> {
    let (start, stop) = match b {
        Some(stop) => (a, stop),
        None => (0, a),
    };
    let step = c.unwrap_or(1);
    if step == 0 {
        return Err(err("range() arg 3 must not be zero"));
    }
    let range = PyRange { start, stop, step };
    if range.len() > MAX_RANGE {
        return Err(err(
            "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).",
        ));
    }
    Ok(Value::from_object(range))
}

/// Python's `int(text, base)` for strings: whitespace, sign, underscores
/// between digits and (for a matching base) a `0x`/`0o`/`0b` prefix.
pub(super) fn py_int(text: &str, base: u32) -> Option<i64> {
    let t = text.trim();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (digits, base) = match (lower.get(..2), base) {
        (Some("0x"), 16 | 0) => (&t[2..], 16),
        (Some("0o"), 8 | 0) => (&t[2..], 8),
        (Some("0b"), 2 | 0) => (&t[2..], 2),
        (_, 0) => (t, 10),
        _ => (t, base),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let cleaned: String = digits.chars().filter(|c| *c != '_').collect();
    let n = i64::from_str_radix(&cleaned, base).ok()?;
    Some(if negative { -n } else { n })
}

/// Python's `float(text)`.
pub(super) fn py_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if matches!(body, "inf" | "infinity" | "nan") {
        return lower.parse::<f64>().ok();
    }
    if t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let cleaned: String = t.chars().filter(|c| *c != '_').collect();
    if cleaned
        .chars()
        .any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
    {
        return None;
    }
    cleaned.parse::<f64>().ok()
}
