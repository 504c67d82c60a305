//! Building and reading collections: `list`, `set`, `dict`, `toDict`, `get`,
//! `keys`, `contains`, `len`, `count`, `toList`, `toSet`, `flatten`, ...

use super::*;

/// Building and reading collections.
pub(in crate::yaql::stdlib) fn containers(name: &str, c: &Call) -> R {
    use Kind::*;
    match name {
        "list" => {
            c.kind(Func)?;
            c.only_named(&[])?;
            list(spread(c)?)
        }
        "set" if c.receiver.is_none() => {
            c.kind(Func)?;
            c.only_named(&[])?;
            make_set(spread(c)?)
        }
        "set" => {
            // dict.set(key, value) / dict.set(replacements) / dict.set(k => v, ...)
            let d = dict_of(&c.val(0)?)?;
            let mut out = d.as_ref().clone();
            if c.named.is_empty() {
                match c.n() {
                    3 => {
                        let k = c.val(1)?;
                        check_hashable(&k)?;
                        out.insert(k, c.val(2)?);
                    }
                    2 => {
                        let r = dict_of(&c.val(1)?)?;
                        for (k, v) in r.iter() {
                            out.insert(k.clone(), v.clone());
                        }
                    }
                    _ => return Err(CallErr::NoMatch),
                }
            } else {
                c.exact(1)?;
                for (k, v) in c.all_named() {
                    let key = c.env.eval(k)?;
                    check_hashable(&key)?;
                    out.insert(key, c.env.eval(v)?);
                }
            }
            Ok(Value::Dict(Arc::new(out)))
        }
        "dict" => {
            c.kind(Func)?;
            if c.n() == 1 && c.named.is_empty() {
                let pairs = seq(c, 0)?;
                let mut out = Dict::default();
                for pair in pairs {
                    let kv = match &pair {
                        // Iterating a dict gives its keys.
                        Value::Dict(d) => d.keys().cloned().collect(),
                        Value::Str(s) => s
                            .chars()
                            .map(|ch| Value::str(ch.encode_utf8(&mut [0; 4])))
                            .collect(),
                        other => items(other).ok_or_else(|| {
                            runtime(format!("'{}' object is not iterable", other.type_name()))
                        })?,
                    };
                    let mut it = kv.into_iter();
                    let (Some(k), Some(v)) = (it.next(), it.next()) else {
                        return Err(runtime(""));
                    };
                    check_hashable(&k)?;
                    out.insert(k, v);
                }
                return Ok(Value::Dict(Arc::new(out)));
            }
            c.exact(0)?;
            let mut out = Dict::default();
            for (k, v) in c.all_named() {
                let key = c.env.eval(k)?;
                check_hashable(&key)?;
                out.insert(key, c.env.eval(v)?);
            }
            Ok(Value::Dict(Arc::new(out)))
        }
        "toDict" => {
            c.kind(Method)?;
            c.max(3)?;
            let src = seq(c, 0)?;
            let key = c.lambda(1)?;
            let value = c.opt_lambda(2, "valueSelector");
            let mut out = Dict::default();
            for item in src {
                let k = c.call_lambda(&key, std::slice::from_ref(&item))?;
                check_hashable(&k)?;
                let v = match &value {
                    Some(l) => c.call_lambda(l, std::slice::from_ref(&item))?,
                    None => item,
                };
                out.insert(k, v);
            }
            Ok(Value::Dict(Arc::new(out)))
        }
        "get" => {
            c.kind(Method)?;
            c.max(3)?;
            let d = dict_of(&c.val(0)?)?;
            let key = c.val(1)?;
            let default = c.arg(2, "default")?.unwrap_or(Value::Null);
            Ok(d.get(&key).cloned().unwrap_or(default))
        }
        "keys" | "values" | "items" => {
            c.kind(Method)?;
            c.exact(1)?;
            let d = dict_of(&c.val(0)?)?;
            Ok(match name {
                "keys" => Value::Set(Arc::new(d.keys().cloned().collect())),
                "values" => Value::Iter(Arc::new(d.values().cloned().collect())),
                _ => Value::Items(Arc::new(
                    d.iter()
                        .map(|(k, v)| Value::list(vec![k.clone(), v.clone()]))
                        .collect(),
                )),
            })
        }
        "containsKey" | "containsValue" => {
            c.kind(Method)?;
            c.exact(2)?;
            let d = dict_of(&c.val(0)?)?;
            let x = c.val(1)?;
            Ok(Value::Bool(if name == "containsKey" {
                d.contains_key(&x)
            } else {
                d.values().any(|v| *v == x)
            }))
        }
        "contains" => {
            c.kind(Method)?;
            c.exact(2)?;
            let coll = seq(c, 0)?;
            let x = c.val(1)?;
            Ok(Value::Bool(coll.contains(&x)))
        }
        "len" => {
            c.exact(1)?;
            Ok(Value::Int(match c.val(0)? {
                Value::Dict(d) => d.len(),
                Value::Set(s) => s.len(),
                Value::Str(s) => s.chars().count(),
                Value::List(l) | Value::PyList(l) | Value::Items(l) | Value::Iter(l) => l.len(),
                Value::Ordered(o) => o.items.len(),
                Value::Lazy(_) => return Err(endless()),
                _ => return Err(CallErr::NoMatch),
            } as i128))
        }
        "count" => {
            c.kind(Method)?;
            c.exact(1)?;
            Ok(Value::Int(seq(c, 0)?.len() as i128))
        }
        "toList" => {
            c.kind(Method)?;
            c.exact(1)?;
            list(seq(c, 0)?)
        }
        "toSet" => {
            c.kind(Method)?;
            c.exact(1)?;
            make_set(seq(c, 0)?)
        }
        "flatten" => {
            c.kind(Method)?;
            c.exact(1)?;
            let mut out = Vec::new();
            for item in seq(c, 0)? {
                flatten_into(&item, &mut out);
            }
            iter_val(out)
        }
        "memorize" => {
            c.kind(Method)?;
            c.exact(1)?;
            let v = c.val(0)?;
            if items(&v).is_none() && lazy_of(&v).is_none() {
                return Err(CallErr::NoMatch);
            }
            Ok(v)
        }
        _ => Err(CallErr::Unknown),
    }
}
