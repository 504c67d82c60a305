//! Operators (`+`, `=`, `in`, ...), indexers and properties.

use super::*;

pub(super) fn no_op(op: &str) -> YaqlError {
    YaqlError::NoMatchingFunction(format!("#operator_{op}"))
}

/// Python's int overflow has no limit; here an i128 overflow is an error.
pub(super) fn checked(v: Option<i128>) -> Result<Value, YaqlError> {
    v.map(Value::Int)
        .ok_or_else(|| YaqlError::Runtime("integer overflow".into()))
}

/// A binary operator on evaluated operands (`and`, `or`, `->` are lazy and
/// handled by the evaluator).
pub fn binary(op: &str, l: &Value, r: &Value) -> Result<Value, YaqlError> {
    use Value::*;
    match op {
        "=" => return Ok(Bool(l == r)),
        "!=" => return Ok(Bool(l != r)),
        "<" | ">" | "<=" | ">=" => return compare_op(op, l, r),
        "in" => {
            return match (l, r) {
                (Str(a), Str(b)) => Ok(Bool(b.contains(&**a))),
                (_, Set(s)) => Ok(Bool(s.contains(l))),
                (_, List(items) | PyList(items) | Items(items) | Iter(items)) => {
                    Ok(Bool(items.contains(l)))
                }
                (_, Ordered(o)) => Ok(Bool(o.items.contains(l))),
                (_, Failing(f)) => {
                    if f.items.contains(l) {
                        Ok(Bool(true))
                    } else {
                        Err(f.error.clone())
                    }
                }
                _ => Err(no_op("in")),
            };
        }
        "=~" | "!~" => {
            let matched = match (l, r) {
                (Str(s), Str(p)) => compile_regex(p, "")?.is_match(s),
                (Str(s), Regex(re)) => re.is_match(s),
                _ => return Err(no_op(op)),
            };
            return Ok(Bool(if op == "=~" { matched } else { !matched }));
        }
        _ => {}
    }
    match (op, l, r) {
        ("+", Int(a), Int(b)) => checked(a.checked_add(*b)),
        ("-", Int(a), Int(b)) => checked(a.checked_sub(*b)),
        ("*", Int(a), Int(b)) => checked(a.checked_mul(*b)),
        ("/", Int(a), Int(b)) => {
            if *b == 0 {
                return Err(YaqlError::Runtime(
                    "integer division or modulo by zero".into(),
                ));
            }
            checked(py_floordiv(*a, *b))
        }
        ("mod", Int(a), Int(b)) => {
            if *b == 0 {
                return Err(YaqlError::Runtime("integer modulo by zero".into()));
            }
            let q =
                py_floordiv(*a, *b).ok_or_else(|| YaqlError::Runtime("integer overflow".into()))?;
            Ok(Int(a - b * q))
        }
        ("+" | "-" | "*" | "/" | "mod", Int(_) | Float(_), Int(_) | Float(_)) => {
            let a = l.as_f64().unwrap_or(0.0);
            let b = r.as_f64().unwrap_or(0.0);
            Ok(Float(match op {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => {
                    if b == 0.0 {
                        return Err(YaqlError::Runtime("float division by zero".into()));
                    }
                    a / b
                }
                _ => {
                    if b == 0.0 {
                        return Err(YaqlError::Runtime("float modulo".into()));
                    }
                    let m = a % b;
                    if m != 0.0 && (m < 0.0) != (b < 0.0) {
                        m + b
                    } else {
                        m
                    }
                }
            }))
        }
        ("+", Str(a), Str(b)) => Ok(Value::str(&format!("{a}{b}"))),
        ("*", Str(s), Int(_) | Bool(_)) | ("*", Int(_) | Bool(_), Str(s)) => {
            let n = if let Str(_) = l { r } else { l };
            let n = usize::try_from(int(n).unwrap_or(0)).unwrap_or(0);
            quota(s.len().saturating_mul(n))?;
            Ok(Value::str(&s.repeat(n)))
        }
        ("*", List(items) | PyList(items), Int(_) | Bool(_))
        | ("*", Int(_) | Bool(_), List(items) | PyList(items)) => {
            let n = if matches!(l, Int(_) | Bool(_)) { l } else { r };
            let n = usize::try_from(int(n).unwrap_or(0)).unwrap_or(0);
            quota(items.len().saturating_mul(n).saturating_mul(32))?;
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            Ok(Value::list(out))
        }
        ("+", Dict(a), Dict(b)) => {
            let mut out = a.as_ref().clone();
            for (k, v) in b.iter() {
                out.insert(k.clone(), v.clone());
            }
            Ok(Dict(Arc::new(out)))
        }
        ("+", List(a), List(b)) => {
            let mut out = a.as_ref().clone();
            out.extend(b.iter().cloned());
            Ok(Value::list(out))
        }
        ("-", Set(a), Set(b)) => Ok(Set(Arc::new(crate::yaql::pyset::python_order(
            a.iter().filter(|x| !b.contains(*x)).cloned().collect(),
        )))),
        (
            "+",
            Failing(f),
            List(_) | PyList(_) | Set(_) | Items(_) | Iter(_) | Ordered(_) | Failing(_),
        ) => {
            // Lazy concatenation: the left side's error comes first.
            Ok(crate::yaql::eval::failing(f.items.clone(), f.error.clone()))
        }
        ("+", List(_) | PyList(_) | Set(_) | Items(_) | Iter(_) | Ordered(_), Failing(f)) => {
            let mut out = items(l).unwrap_or_default();
            out.extend(f.items.iter().cloned());
            Ok(crate::yaql::eval::failing(out, f.error.clone()))
        }
        ("+", Set(a), Set(b)) => {
            let mut out = a.as_ref().clone();
            out.extend(b.iter().cloned());
            Ok(Set(Arc::new(crate::yaql::pyset::python_order(out))))
        }
        (
            "+",
            List(_) | PyList(_) | Set(_) | Items(_) | Iter(_) | Ordered(_),
            List(_) | PyList(_) | Set(_) | Items(_) | Iter(_) | Ordered(_),
        ) => {
            let mut out = items(l).unwrap_or_default();
            out.extend(items(r).unwrap_or_default());
            Ok(Iter(Arc::new(out)))
        }
        (_, DateTime(_) | TimeSpan(_), _) | (_, _, DateTime(_) | TimeSpan(_)) => {
            time::binary(op, l, r)
        }
        _ => Err(no_op(op)),
    }
}

/// Refuses to build a value of more than `MEMORY_QUOTA` bytes (Mistral sets
/// no quota; this guards the process against `'x' * 10000000000000`).
pub(super) fn quota(bytes: usize) -> Result<(), YaqlError> {
    const MEMORY_QUOTA: usize = 256 << 20;
    if bytes > MEMORY_QUOTA {
        return Err(YaqlError::Runtime(
            "Expression consumed too much memory".into(),
        ));
    }
    Ok(())
}

/// Python's `//` on ints (rounds towards negative infinity).
pub(super) fn py_floordiv(a: i128, b: i128) -> Option<i128> {
    let q = a.checked_div(b)?;
    Some(if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

/// yaql's ordering comparisons: numbers (not booleans), strings, datetimes,
/// timespans, sets (subset tests); `null` is below everything else.
pub(super) fn compare_op(op: &str, l: &Value, r: &Value) -> Result<Value, YaqlError> {
    use Value::*;
    if let (Set(a), Set(b)) = (l, r) {
        let subset = a.iter().all(|x| b.contains(x));
        let superset = b.iter().all(|x| a.contains(x));
        return Ok(Bool(match op {
            "<" => subset && a.len() < b.len(),
            "<=" => subset,
            ">" => superset && a.len() > b.len(),
            _ => superset,
        }));
    }
    let ord = compare(l, r).ok_or_else(|| no_op(op))?;
    Ok(Bool(match op {
        "<" => ord == Ordering::Less,
        ">" => ord == Ordering::Greater,
        "<=" => ord != Ordering::Greater,
        _ => ord != Ordering::Less,
    }))
}

/// The ordering yaql's comparison operators define, or `None` when no
/// operator matches the operand types.
pub(crate) fn compare(l: &Value, r: &Value) -> Option<Ordering> {
    use Value::*;
    match (l, r) {
        (Null, Null) => Some(Ordering::Equal),
        (Null, _) => Some(Ordering::Less),
        (_, Null) => Some(Ordering::Greater),
        (Int(a), Int(b)) => Some(a.cmp(b)),
        (Int(_) | Float(_), Int(_) | Float(_)) => l.as_f64()?.partial_cmp(&r.as_f64()?),
        (Str(a), Str(b)) => Some(a.cmp(b)),
        (DateTime(a), DateTime(b)) => Some(a.cmp(b)),
        (TimeSpan(a), TimeSpan(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

/// Whether a literal operand (a constant in the expression text) fits some
/// overload of the binary operator `op` on that side; non-literals fit.
pub fn literal_fits(op: &str, left: bool, operand: &Expr) -> bool {
    let value = match operand {
        Expr::Const(v) => v,
        Expr::Keyword(_) => &Value::Null, // placeholder, checked below as a string
        _ => return true,
    };
    let is_str = matches!(operand, Expr::Keyword(_)) || matches!(value, Value::Str(_));
    let is_num = matches!(value, Value::Int(_) | Value::Float(_));
    let is_bool = matches!(value, Value::Bool(_));
    match op {
        "+" => is_num || is_str,
        "-" | "/" | "mod" => is_num,
        "*" => is_num || is_str || is_bool,
        "in" => left || is_str,
        "=~" | "!~" => is_str,
        _ => true,
    }
}

/// A prefix operator.
pub fn unary(op: &str, v: Value) -> Result<Value, YaqlError> {
    match (op, &v) {
        ("not", _) => Ok(Value::Bool(!v.truthy())),
        ("-", Value::Int(i)) => checked(i.checked_neg()),
        ("-", Value::Float(f)) => Ok(Value::Float(-f)),
        ("-", Value::TimeSpan(t)) => Ok(Value::TimeSpan(-*t)),
        ("+", Value::Int(_) | Value::Float(_) | Value::TimeSpan(_)) => Ok(v),
        _ => Err(YaqlError::NoMatchingFunction(format!(
            "#unary_operator_{op}"
        ))),
    }
}

/// `target[args]`.
pub fn indexer(target: Value, args: Vec<Value>) -> Result<Value, YaqlError> {
    let no = || YaqlError::NoMatchingFunction("#indexer".into());
    match (&target, args.as_slice()) {
        (Value::List(items) | Value::PyList(items), [index @ (Value::Int(_) | Value::Bool(_))]) => {
            let kind = if matches!(target, Value::List(_)) {
                "tuple"
            } else {
                "list"
            };
            let i = &match index {
                Value::Bool(b) => i128::from(*b),
                Value::Int(i) => *i,
                _ => 0,
            };
            let len = items.len() as i128;
            let idx = if *i < 0 { i + len } else { *i };
            if idx < 0 || idx >= len {
                return Err(YaqlError::Runtime(format!("{kind} index out of range")));
            }
            Ok(items[idx as usize].clone())
        }
        (Value::Dict(map), [key]) => map
            .get(key)
            .cloned()
            .ok_or_else(|| YaqlError::key_error(key)),
        (Value::Dict(map), [key, default]) => {
            Ok(map.get(key).cloned().unwrap_or_else(|| default.clone()))
        }
        _ => Err(no()),
    }
}

/// `value.name` for values that are neither dicts nor collections: yaql's
/// `#property#name` functions (datetime and timespan properties).
pub fn property(v: &Value, name: &str) -> Result<Value, YaqlError> {
    const PROPERTIES: &[&str] = &[
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "microsecond",
        "date",
        "time",
        "weekday",
        "utc",
        "offset",
        "timestamp",
        "days",
        "hours",
        "minutes",
        "seconds",
        "milliseconds",
        "microseconds",
    ];
    time::property(v, name).unwrap_or_else(|| {
        let function = format!("#property#{name}");
        Err(if PROPERTIES.contains(&name) {
            YaqlError::NoMatchingFunction(function)
        } else {
            YaqlError::UnknownFunction(function)
        })
    })
}

pub(crate) fn compile_regex(pattern: &str, flags: &str) -> Result<regex::Regex, YaqlError> {
    let translated = patterns::translate_regex(pattern);
    let full = if flags.is_empty() {
        translated
    } else {
        format!("(?{flags}){translated}")
    };
    regex::Regex::new(&full)
        .map_err(|e| YaqlError::Runtime(patterns::regex_error_text(pattern, &e)))
}
