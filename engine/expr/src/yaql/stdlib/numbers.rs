//! Conversions and arithmetic functions (yaql's `common.py` and `math.py`):
//! `str`, `int`, `float`, `abs`, `round`, `pow`, bit operations, `max`/`min`
//! of two values, `random`.

use super::*;

/// The conversion and math functions.
pub(super) fn numbers(name: &str, c: &Call) -> R {
    use Kind::*;
    match name {
        // ---- conversions
        "str" => {
            c.kind(Func)?;
            c.exact(1)?;
            Ok(Value::str(&yaql_str(&c.val(0)?)))
        }
        "int" => {
            c.kind(Func)?;
            c.exact(1)?;
            to_int(&c.val(0)?)
        }
        "float" => {
            c.kind(Func)?;
            c.exact(1)?;
            to_float(&c.val(0)?)
        }
        // ---- math
        "abs" => {
            c.kind(Func)?;
            c.exact(1)?;
            match c.val(0)? {
                Value::Int(i) => Ok(Value::Int(i.abs())),
                Value::Float(f) => Ok(Value::Float(f.abs())),
                _ => Err(CallErr::NoMatch),
            }
        }
        "sign" => {
            c.kind(Func)?;
            c.exact(1)?;
            match c.val(0)? {
                Value::Int(i) => Ok(Value::Int(i.signum())),
                Value::Float(f) => Ok(Value::Int(if f > 0.0 {
                    1
                } else if f < 0.0 {
                    -1
                } else {
                    0
                })),
                _ => Err(CallErr::NoMatch),
            }
        }
        "round" => {
            c.kind(Func)?;
            c.max(2)?;
            let n = c.val(0)?;
            let digits = int_arg(c, 1, "ndigits", 0)?;
            round(&n, digits)
        }
        "pow" => {
            c.kind(Func)?;
            c.max(3)?;
            let a = c.val(0)?;
            let b = c.val(1)?;
            let m = c.opt(2)?;
            power(&a, &b, m.as_ref())
        }
        "bitwiseAnd" | "bitwiseOr" | "bitwiseXor" | "shiftBitsLeft" | "shiftBitsRight" => {
            c.kind(Func)?;
            c.exact(2)?;
            let a = int(&c.val(0)?)?;
            let b = int(&c.val(1)?)?;
            Ok(Value::Int(match name {
                "bitwiseAnd" => a & b,
                "bitwiseOr" => a | b,
                "bitwiseXor" => a ^ b,
                "shiftBitsLeft" => {
                    let shift = u32::try_from(b).map_err(|_| runtime("negative shift count"))?;
                    a.checked_shl(shift)
                        .ok_or_else(|| runtime("integer overflow"))?
                }
                _ => {
                    let shift = u32::try_from(b).map_err(|_| runtime("negative shift count"))?;
                    a >> shift.min(127)
                }
            }))
        }
        "bitwiseNot" => {
            c.kind(Func)?;
            c.exact(1)?;
            Ok(Value::Int(!int(&c.val(0)?)?))
        }
        "random" => {
            c.kind(Func)?;
            random(c)
        }
        _ => Err(CallErr::Unknown),
    }
}

/// `max(a, b)` / `min(a, b)` as functions; as methods they are the
/// collections' (`None`).
pub(super) fn max_min_of_two(name: &str, c: &Call) -> Option<R> {
    if c.receiver.is_some() {
        return None;
    }
    Some(pick_of_two(name == "max", c))
}

fn pick_of_two(max: bool, c: &Call) -> R {
    c.exact(2)?;
    let a = c.val(0)?;
    let b = c.val(1)?;
    pick(max, a, b)
}

/// `max(a, b)` / `min(a, b)` through `#operator_>`.
pub(super) fn pick(max: bool, a: Value, b: Value) -> R {
    let greater = matches!(compare_op(">", &b, &a)?, Value::Bool(true));
    Ok(if max == greater { b } else { a })
}

pub(super) fn random(c: &Call) -> R {
    // From the host (repeatable in the engine); not cryptographic, as
    // yaql's Python `random` is not.
    let seed = c.env.host.random_u64();
    match c.n() {
        0 => Ok(Value::Float((seed >> 11) as f64 / (1u64 << 53) as f64)),
        2 => {
            let from = int(&c.val(0)?)?;
            let to = int(&c.val(1)?)?;
            if to < from {
                return Err(runtime("empty range for randrange()"));
            }
            let span = (to - from + 1) as u128;
            Ok(Value::Int(from + (u128::from(seed) % span) as i128))
        }
        _ => Err(CallErr::NoMatch),
    }
}

/// yaql's `str()`: `null`, `true`, `false`, else Python `str()` (tuples for
/// lists).
pub(crate) fn yaql_str(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(true) => "true".into(),
        Value::Bool(false) => "false".into(),
        other => other.to_yaql_repr_str(),
    }
}

pub(super) fn to_int(v: &Value) -> R {
    match v {
        Value::Null => Ok(Value::Int(0)),
        Value::Bool(b) => Ok(Value::Int(i128::from(*b))),
        Value::Int(_) => Ok(v.clone()),
        Value::Float(f) => {
            if f.is_finite() {
                Ok(Value::Int(f.trunc() as i128))
            } else if f.is_nan() {
                Err(runtime("cannot convert float NaN to integer"))
            } else {
                Err(runtime("cannot convert float infinity to integer"))
            }
        }
        Value::Str(s) => {
            let t = s.trim().replace('_', "");
            let t = t.strip_prefix('+').unwrap_or(&t);
            t.parse::<i128>().map(Value::Int).map_err(|_| {
                runtime(format!(
                    "invalid literal for int() with base 10: {}",
                    crate::python::str_repr(s)
                ))
            })
        }
        other => Err(runtime(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

pub(super) fn to_float(v: &Value) -> R {
    match v {
        Value::Null => Ok(Value::Float(0.0)),
        Value::Bool(b) => Ok(Value::Float(f64::from(u8::from(*b)))),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Float(_) => Ok(v.clone()),
        Value::Str(s) => {
            let t = s.trim();
            let lower = t.to_ascii_lowercase();
            let parsed = match lower.trim_start_matches(['+', '-']) {
                "inf" | "infinity" => Some(if lower.starts_with('-') {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }),
                "nan" => Some(f64::NAN),
                _ if t
                    .chars()
                    .all(|c| c.is_ascii_digit() || "+-.eE_".contains(c))
                    && !t.is_empty() =>
                {
                    t.replace('_', "").parse::<f64>().ok()
                }
                _ => None,
            };
            parsed.map(Value::Float).ok_or_else(|| {
                runtime(format!(
                    "could not convert string to float: {}",
                    crate::python::str_repr(s)
                ))
            })
        }
        other => Err(runtime(format!(
            "float() argument must be a string or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

/// Python `round(number, ndigits)` (round half to even).
pub(super) fn round(n: &Value, digits: i128) -> R {
    match n {
        Value::Int(i) => {
            if digits >= 0 {
                return Ok(Value::Int(*i));
            }
            let p = 10i128
                .checked_pow(u32::try_from(-digits).unwrap_or(u32::MAX))
                .unwrap_or(i128::MAX);
            let q = py_floordiv(*i, p).unwrap_or(0);
            let r = i - q * p;
            let twice = 2 * r;
            let q = if twice > p || (twice == p && q % 2 != 0) {
                q + 1
            } else {
                q
            };
            Ok(Value::Int(q * p))
        }
        Value::Float(f) => {
            let digits = i32::try_from(digits.clamp(-400, 400)).unwrap_or(0);
            Ok(Value::Float(round_half_even(*f, digits)))
        }
        _ => Err(CallErr::NoMatch),
    }
}

pub(super) fn round_half_even(f: f64, digits: i32) -> f64 {
    if !f.is_finite() {
        return f;
    }
    // Python rounds the exact decimal value; formatting with enough digits
    // and parsing back gives the correctly rounded result for halves too.
    if digits >= 0 {
        let text = format!("{:.*}", digits as usize, f);
        // Rust's formatting rounds half to even on the exact binary value,
        // which is what Python's round() does.
        text.parse().unwrap_or(f)
    } else {
        let p = 10f64.powi(-digits);
        let scaled = f / p;
        let r = scaled.round();
        let r = if (scaled - scaled.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
            r - scaled.signum()
        } else {
            r
        };
        r * p
    }
}

pub(super) fn power(a: &Value, b: &Value, m: Option<&Value>) -> R {
    if !is_number(a) || !is_number(b) {
        return Err(CallErr::NoMatch);
    }
    if let Some(m) = m {
        if matches!(m, Value::Null) {
            return power(a, b, None);
        }
        let (Value::Int(base), Value::Int(exp), Value::Int(modulus)) = (a, b, m) else {
            return Err(runtime(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        };
        if *modulus == 0 {
            return Err(runtime("pow() 3rd argument cannot be 0"));
        }
        if *exp < 0 {
            return Err(runtime("base is not invertible for the given modulus"));
        }
        let mut result: i128 = 1;
        let mut base = base.rem_euclid(*modulus);
        let mut exp = *exp;
        while exp > 0 {
            if exp & 1 == 1 {
                result = (result * base).rem_euclid(*modulus);
            }
            base = (base * base).rem_euclid(*modulus);
            exp >>= 1;
        }
        return Ok(Value::Int(result));
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) if *y >= 0 => {
            let y = u32::try_from(*y).map_err(|_| runtime("integer overflow"))?;
            x.checked_pow(y)
                .map(Value::Int)
                .ok_or_else(|| runtime("integer overflow"))
        }
        _ => {
            let x = a.as_f64().unwrap_or(0.0);
            let y = b.as_f64().unwrap_or(0.0);
            if x == 0.0 && y < 0.0 {
                return Err(runtime("0.0 cannot be raised to a negative power"));
            }
            let r = x.powf(y);
            if r.is_nan() && !x.is_nan() && !y.is_nan() {
                return Err(runtime("math domain error"));
            }
            Ok(Value::Float(r))
        }
    }
}
