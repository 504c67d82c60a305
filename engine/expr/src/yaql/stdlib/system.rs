//! System and branching functions (yaql's `system.py` and `branching.py`):
//! `let`, `with`, `def`, `call`, `switch`, `coalesce`, `switchCase`, ...,
//! and the type checks (`isString`, ...).

use super::*;

/// The system, branching and type-check functions.
pub(super) fn system(name: &str, c: &Call) -> R {
    use Kind::*;
    match name {
        // ---- system / branching
        "let" => {
            c.kind(Func)?;
            let mut vars = Vec::new();
            for i in 0..c.n() {
                vars.push((crate::yaql::eval::index_name(i + 1), c.val(i)?));
            }
            for (k, v) in c.all_named() {
                let key = match k {
                    Expr::Keyword(key) => key.clone(),
                    _ => return Err(CallErr::NoMatch),
                };
                vars.push((key, c.env.eval(v)?));
            }
            Ok(c.env.context_value(vars))
        }
        "with" => {
            c.kind(Func)?;
            c.only_named(&[])?;
            let mut vars = Vec::new();
            for i in 0..c.n() {
                vars.push((crate::yaql::eval::index_name(i + 1), c.val(i)?));
            }
            Ok(c.env.context_value(vars))
        }
        "unpack" => {
            c.kind(Method)?;
            let values = seq(c, 0)?;
            let mut vars = Vec::new();
            if c.n() > 1 {
                let names: Vec<Arc<str>> = (1..c.n())
                    .map(|i| c.val(i).and_then(|v| string(&v)))
                    .collect::<Result<_, _>>()?;
                let take = values.len().min(names.len() + 1);
                if take != names.len() {
                    return Err(runtime(format!(
                        "Cannot unpack {take} elements into {}",
                        names.len()
                    )));
                }
                for (n, v) in names.into_iter().zip(values) {
                    vars.push((n, v));
                }
            } else {
                for (i, v) in values.into_iter().enumerate() {
                    vars.push((crate::yaql::eval::index_name(i + 1), v));
                }
            }
            Ok(c.env.context_value(vars))
        }
        "assert" => {
            c.kind(Method)?;
            let obj = c.val(0)?;
            let cond = c.lambda(1)?;
            let message = match c.arg(2, "message")? {
                Some(v) => string(&v)?.to_string(),
                None => "Assertion failed".into(),
            };
            if !c.call_lambda(&cond, std::slice::from_ref(&obj))?.truthy() {
                return Err(runtime(message));
            }
            Ok(obj)
        }
        "def" => {
            c.kind(Func)?;
            c.exact(2)?;
            let name = string(&c.val(0)?)?;
            let body = match c.lambda(1)? {
                Lambda::Expr(e) => e.clone(),
                Lambda::Const(v) => Expr::Const(v),
            };
            Ok(c.env.define(name, body))
        }
        "call" => {
            c.kind(Func)?;
            c.max(3)?;
            let name = string(&c.val(0)?)?;
            let positional = match c.arg(1, "args")? {
                None => Vec::new(),
                Some(v) => items(&v).ok_or(CallErr::NoMatch)?,
            };
            let keywords = match c.arg(2, "kwargs")? {
                None => return Err(CallErr::NoMatch),
                Some(v) => dict_of(&v)?,
            };
            let mut args: Vec<Arg> = positional
                .into_iter()
                .map(|v| Arg::Pos(Expr::Const(v)))
                .collect();
            for (k, v) in keywords.iter() {
                let Value::Str(key) = k else {
                    return Err(CallErr::NoMatch);
                };
                args.push(Arg::Named(
                    Expr::Keyword(key.clone()),
                    Expr::Const(v.clone()),
                ));
            }
            Ok(call(c.env, &name, None, &args)?)
        }
        "switch" => {
            c.kind(Func)?;
            if c.n() > 0 {
                return Err(CallErr::NoMatch);
            }
            for (cond, value) in c.all_named() {
                if c.env.eval(cond)?.truthy() {
                    return Ok(c.env.eval(value)?);
                }
            }
            Ok(Value::Null)
        }
        "coalesce" => {
            c.kind(Func)?;
            for i in 0..c.n() {
                let v = c.val(i)?;
                if !matches!(v, Value::Null) {
                    return Ok(v);
                }
            }
            Ok(Value::Null)
        }
        "selectCase" => {
            c.kind(Func)?;
            for i in 0..c.n() {
                if c.val(i)?.truthy() {
                    return Ok(Value::Int(i as i128));
                }
            }
            Ok(Value::Int(c.n() as i128))
        }
        "selectAllCases" => {
            c.kind(Func)?;
            let mut out = Vec::new();
            for i in 0..c.n() {
                if c.val(i)?.truthy() {
                    out.push(Value::Int(i as i128));
                }
            }
            list(out)
        }
        "examine" => {
            c.kind(Func)?;
            let mut out = Vec::new();
            for i in 0..c.n() {
                out.push(Value::Bool(c.val(i)?.truthy()));
            }
            iter_val(out)
        }
        "switchCase" => {
            c.kind(Method)?;
            let case = int(&c.val(0)?)?;
            let n = c.n() as i128 - 1;
            if case >= 0 && case < n {
                return c.val(case as usize + 1);
            }
            if n > 0 {
                // Out of range: the last case is the default.
                return c.val(c.n() - 1);
            }
            Ok(Value::Null)
        }
        // ---- booleans and type checks
        "bool" => {
            c.kind(Func)?;
            c.exact(1)?;
            Ok(Value::Bool(c.val(0)?.truthy()))
        }
        "isBoolean" | "isString" | "isInteger" | "isNumber" | "isList" | "isDict" | "isSet"
        | "isDatetime" | "isTimespan" | "isRegex" | "isIterable" => {
            c.kind(Func)?;
            c.exact(1)?;
            let v = c.val(0)?;
            Ok(Value::Bool(match name {
                "isBoolean" => matches!(v, Value::Bool(_)),
                "isString" => matches!(v, Value::Str(_)),
                "isInteger" => matches!(v, Value::Int(_)),
                "isNumber" => is_number(&v),
                "isList" => matches!(v, Value::List(_) | Value::PyList(_)),
                "isDict" => matches!(v, Value::Dict(_)),
                "isSet" => matches!(v, Value::Set(_)),
                "isDatetime" => matches!(v, Value::DateTime(_)),
                "isTimespan" => matches!(v, Value::TimeSpan(_)),
                "isRegex" => matches!(v, Value::Regex(_)),
                _ => items(&v).is_some(),
            }))
        }
        _ => Err(CallErr::Unknown),
    }
}
