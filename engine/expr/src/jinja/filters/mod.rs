//! Filters whose Jinja2 behaviour differs from minijinja's, registered by
//! family; shared helpers.

use super::*;

pub(in crate::jinja) fn items_of(value: &Value) -> Result<Vec<Value>, Error> {
    Ok(value.try_iter()?.collect())
}

pub(in crate::jinja) fn attr_path(item: &Value, attribute: &str) -> Result<Value, Error> {
    let mut current = item.clone();
    for part in attribute.split('.') {
        current = match part.parse::<usize>() {
            Ok(i) if current.kind() == ValueKind::Seq => current.get_item_by_index(i)?,
            _ => current.get_attr(part)?,
        };
    }
    Ok(current)
}

/// Python's ordering for sort/min/max: numbers with numbers, strings with
/// strings (case-folded unless asked not to), sequences element-wise.
pub(in crate::jinja) fn py_cmp(
    a: &Value,
    b: &Value,
    case_sensitive: bool,
) -> Result<Ordering, Error> {
    match (a.kind(), b.kind()) {
        (ValueKind::String, ValueKind::String) if !case_sensitive => {
            let a = a.as_str().unwrap_or_default().to_lowercase();
            let b = b.as_str().unwrap_or_default().to_lowercase();
            Ok(a.cmp(&b))
        }
        (ValueKind::Number | ValueKind::Bool, ValueKind::Number | ValueKind::Bool)
        | (ValueKind::String, ValueKind::String)
        | (ValueKind::Seq, ValueKind::Seq) => Ok(a.partial_cmp(b).unwrap_or(Ordering::Equal)),
        _ => Err(err(format!(
            "'<' not supported between instances of '{}' and '{}'",
            type_name(a),
            type_name(b)
        ))),
    }
}

pub(in crate::jinja) fn keyed(
    items: Vec<Value>,
    attribute: Option<&str>,
) -> Result<Vec<(Value, Value)>, Error> {
    items
        .into_iter()
        .map(|item| {
            let key = match attribute {
                Some(attr) if attr.contains(',') => Value::from(
                    attr.split(',')
                        .map(|a| attr_path(&item, a.trim()))
                        .collect::<Result<Vec<_>, _>>()?,
                ),
                Some(attr) => attr_path(&item, attr)?,
                None => item.clone(),
            };
            Ok((key, item))
        })
        .collect()
}

pub(in crate::jinja) fn min_max(
    value: Value,
    kwargs: Kwargs,
    want: Ordering,
) -> Result<Value, Error> {
    let case_sensitive = kwargs
        .get::<Option<bool>>("case_sensitive")?
        .unwrap_or(false);
    let attribute = kwargs.get::<Option<String>>("attribute")?;
    kwargs.assert_all_used()?;
    let mut best: Option<(Value, Value)> = None;
    for (key, item) in keyed(items_of(&value)?, attribute.as_deref())? {
        best = match best {
            None => Some((key, item)),
            Some((bk, bi)) => {
                if py_cmp(&key, &bk, case_sensitive)? == want {
                    Some((key, item))
                } else {
                    Some((bk, bi))
                }
            }
        };
    }
    // Jinja2 returns an Undefined for an empty sequence.
    Ok(best.map(|(_, item)| item).unwrap_or(Value::UNDEFINED))
}

pub(in crate::jinja) fn py_add(a: &Value, b: &Value) -> Result<Value, Error> {
    match (a.kind(), b.kind()) {
        (ValueKind::Number | ValueKind::Bool, ValueKind::Number | ValueKind::Bool) => {
            let int_like = |v: &Value| v.is_integer() || v.kind() == ValueKind::Bool;
            if int_like(a) && int_like(b) {
                let x = i128::try_from(a.clone()).unwrap_or(i128::from(a.is_true()));
                let y = i128::try_from(b.clone()).unwrap_or(i128::from(b.is_true()));
                return Ok(Value::from(x + y));
            }
            let x = f64::try_from(a.clone()).unwrap_or(if a.is_true() { 1.0 } else { 0.0 });
            let y = f64::try_from(b.clone()).unwrap_or(if b.is_true() { 1.0 } else { 0.0 });
            Ok(Value::from(x + y))
        }
        (ValueKind::Seq, ValueKind::Seq) => {
            let mut items = items_of(a)?;
            items.extend(items_of(b)?);
            Ok(Value::from(items))
        }
        _ => Err(err(format!(
            "unsupported operand type(s) for +: '{}' and '{}'",
            type_name(a),
            type_name(b)
        ))),
    }
}

/// Python's `round(x, n)`: half to even on the decimal representation.
pub(in crate::jinja) fn py_round(x: f64, precision: i32) -> f64 {
    let factor = 10f64.powi(precision);
    let scaled = x * factor;
    let rounded = scaled.round();
    let result = if (scaled - scaled.trunc()).abs() == 0.5 {
        2.0 * (scaled / 2.0).round()
    } else {
        rounded
    };
    result / factor
}

pub(in crate::jinja) fn python_strip<'a>(
    s: &'a str,
    chars: Option<&str>,
    left: bool,
    right: bool,
) -> &'a str {
    let pred = |c: char| match chars {
        Some(set) => set.contains(c),
        None => c.is_whitespace(),
    };
    let s = if left { s.trim_start_matches(pred) } else { s };
    if right { s.trim_end_matches(pred) } else { s }
}

/// Registers filters from a table, each taking Python-style arguments when
/// it is one of Jinja2's (see [`signature`]).
macro_rules! filters {
    ($env:expr, $($name:literal => $f:expr),+ $(,)?) => {
        $( signature::add($env, $name, $f); )+
    };
}

mod collections;
mod json;
mod numbers;
pub(in crate::jinja) mod signature;
mod strings;

/// Registers every filter family.
pub(in crate::jinja) fn register(env: &mut Environment<'static>) {
    signature::register_builtins(env);
    collections::register(env);
    json::register(env);
    numbers::register(env);
    strings::register(env);
}
