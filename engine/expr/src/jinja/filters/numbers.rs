//! Number filters: `int`, `float`, `round`, `sum`, `min`, `max`,
//! `filesizeformat`.

use super::*;

pub(super) fn register(env: &mut Environment<'static>) {
    filters!(env,
        "int" => int,
        "float" => float,
        "round" => round,
        "sum" => sum,
        "min" => min,
        "max" => max,
        "filesizeformat" => filesizeformat_filter,
    );
}

fn int(
    v: Value,
    default: Option<Value>,
    base: Option<u32>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    let default = match default {
        Some(d) => d,
        None => kwargs
            .get::<Option<Value>>("default")?
            .unwrap_or(Value::from(0)),
    };
    let base = match base {
        Some(b) => b,
        None => kwargs.get::<Option<u32>>("base")?.unwrap_or(10),
    };
    kwargs.assert_all_used()?;
    check_defined(&v)?;
    Ok(match v.kind() {
        ValueKind::Number if v.is_integer() => v,
        ValueKind::Number => f64::try_from(v).map_or(default, |f| Value::from(f.trunc() as i64)),
        ValueKind::Bool => Value::from(i64::from(v.is_true())),
        ValueKind::String => {
            let text = v.as_str().unwrap_or_default();
            match py_int(text, base) {
                Some(i) => Value::from(i),
                None => match py_float(text) {
                    Some(f) if f.is_finite() => Value::from(f.trunc() as i64),
                    _ => default,
                },
            }
        }
        _ => default,
    })
}

fn float(v: Value, default: Option<Value>) -> Result<Value, Error> {
    check_defined(&v)?;
    let default = default.unwrap_or(Value::from(0.0));
    Ok(match v.kind() {
        ValueKind::Number => f64::try_from(v).map_or(default, Value::from),
        ValueKind::Bool => Value::from(if v.is_true() { 1.0 } else { 0.0 }),
        ValueKind::String => py_float(v.as_str().unwrap_or_default()).map_or(default, Value::from),
        _ => default,
    })
}

fn round(
    v: Value,
    precision: Option<i32>,
    method: Option<String>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    let precision = match precision {
        Some(p) => Some(p),
        None => kwargs.get::<Option<i32>>("precision")?,
    };
    let method = match method {
        Some(m) => Some(m),
        None => kwargs.get::<Option<String>>("method")?,
    };
    kwargs.assert_all_used()?;
    let x = f64::try_from(v.clone()).map_err(|_| {
        err(format!(
            "type {} doesn't define __round__ method",
            type_name(&v)
        ))
    })?;
    let precision = precision.unwrap_or(0);
    let factor = 10f64.powi(precision);
    let result = match method.as_deref().unwrap_or("common") {
        "common" => py_round(x, precision),
        "ceil" => (x * factor).ceil() / factor,
        "floor" => (x * factor).floor() / factor,
        _ => return Err(err("method must be common, ceil or floor")),
    };
    Ok(Value::from(result))
}

fn sum(v: Value, kwargs: Kwargs) -> Result<Value, Error> {
    let attribute = kwargs.get::<Option<String>>("attribute")?;
    let start = kwargs
        .get::<Option<Value>>("start")?
        .unwrap_or(Value::from(0));
    kwargs.assert_all_used()?;
    let mut total = start;
    for (key, _) in keyed(items_of(&v)?, attribute.as_deref())? {
        total = py_add(&total, &key)?;
    }
    Ok(total)
}

fn min(v: Value, kwargs: Kwargs) -> Result<Value, Error> {
    min_max(v, kwargs, Ordering::Less)
}

fn max(v: Value, kwargs: Kwargs) -> Result<Value, Error> {
    min_max(v, kwargs, Ordering::Greater)
}

fn filesizeformat_filter(v: Value, binary: Option<bool>) -> Result<Value, Error> {
    let bytes = match v.kind() {
        ValueKind::String => py_float(v.as_str().unwrap_or_default()),
        _ => f64::try_from(v.clone()).ok(),
    }
    .ok_or_else(|| err(format!("could not convert {} to float", type_name(&v))))?;
    Ok(Value::from(filesizeformat(bytes, binary.unwrap_or(false))))
}
