//! Ordering and searching sequences: `orderBy`, `thenBy`, `groupBy`, `zip`,
//! `join`, `indexOf`, `slice`, `splitAt`, `reverse`, ...

use super::*;

/// Ordering, grouping and zipping.
pub(in crate::yaql::stdlib) fn ordering(name: &str, c: &Call) -> R {
    use Kind::*;
    match name {
        "orderBy" | "orderByDescending" => {
            c.kind(Method)?;
            c.exact(2)?;
            let (src, pending) = seq_lazy(c, 0)?;
            let f = c.lambda(1)?;
            // Sorting happens when the result is first iterated: any error
            // (the source's, a key's, a comparison's) waits until then.
            let sorted = (|| {
                if let Some(error) = pending {
                    return Err(CallErr::Err(error));
                }
                if src.len() < 2 {
                    // Python's sort compares nothing, and yaql's keys are
                    // computed inside the comparisons.
                    return sort_ordered(Ordered {
                        items: src.clone(),
                        keys: vec![vec![Value::Null]; src.len()],
                        descending: vec![name == "orderByDescending"],
                    });
                }
                // Python's sort first compares the second item with the
                // first, so their keys are computed in that order.
                let mut keys = vec![Vec::new(); src.len()];
                let order = [1, 0].into_iter().chain(2..src.len());
                for i in order {
                    keys[i] = vec![c.call_lambda(&f, std::slice::from_ref(&src[i]))?];
                }
                sort_ordered(Ordered {
                    items: src.clone(),
                    keys,
                    descending: vec![name == "orderByDescending"],
                })
            })();
            match sorted {
                Err(CallErr::Err(error)) => Ok(failing(Vec::new(), error)),
                other => other,
            }
        }
        "thenBy" | "thenByDescending" => {
            c.kind(Method)?;
            c.exact(2)?;
            let o = match c.val(0)? {
                Value::Ordered(o) => o,
                // An ordering whose sort already failed: still failing.
                failed @ Value::Failing(_) => return Ok(failed),
                _ => return Err(CallErr::NoMatch),
            };
            let f = c.lambda(1)?;
            let sorted = (|| {
                let mut keys = o.keys.clone();
                if o.items.len() >= 2 {
                    for (item, k) in o.items.iter().zip(keys.iter_mut()) {
                        k.push(c.call_lambda(&f, std::slice::from_ref(item))?);
                    }
                } else {
                    keys.iter_mut().for_each(|k| k.push(Value::Null));
                }
                let mut descending = o.descending.clone();
                descending.push(name == "thenByDescending");
                sort_ordered(Ordered {
                    items: o.items.clone(),
                    keys,
                    descending,
                })
            })();
            match sorted {
                Err(CallErr::Err(error)) => Ok(failing(Vec::new(), error)),
                other => other,
            }
        }
        "groupBy" => {
            c.kind(Method)?;
            c.max(4)?;
            let src = seq(c, 0)?;
            let key = c.lambda(1)?;
            let value = c.opt_lambda(2, "valueSelector");
            let aggregator = c.opt_lambda(3, "aggregator");
            let mut groups: indexmap::IndexMap<Value, Vec<Value>, foldhash::fast::RandomState> =
                indexmap::IndexMap::default();
            for item in src {
                let k = c.call_lambda(&key, std::slice::from_ref(&item))?;
                check_hashable(&k)?;
                let v = match &value {
                    Some(l) => c.call_lambda(l, std::slice::from_ref(&item))?,
                    None => item,
                };
                groups.entry(k).or_default().push(v);
            }
            let mut out = Vec::new();
            for (k, values) in groups {
                let values = pylist(values);
                let v = match &aggregator {
                    Some(l) => c.call_lambda(l, &[values])?,
                    None => values,
                };
                out.push(Value::list(vec![k, v]));
            }
            iter_val(out)
        }
        "zip" | "zipLongest" => {
            c.kind(Method)?;
            if name == "zip" {
                c.only_named(&[])?;
            } else {
                c.only_named(&["default"])?;
            }
            let mut lists = Vec::new();
            for i in 0..c.n() {
                lists.push(seq(c, i)?);
            }
            let n = if name == "zip" {
                lists.iter().map(Vec::len).min().unwrap_or(0)
            } else {
                lists.iter().map(Vec::len).max().unwrap_or(0)
            };
            let fill = c.arg(usize::MAX, "default")?.unwrap_or(Value::Null);
            iter_val(
                (0..n)
                    .map(|i| {
                        Value::list(
                            lists
                                .iter()
                                .map(|l| l.get(i).cloned().unwrap_or_else(|| fill.clone()))
                                .collect(),
                        )
                    })
                    .collect(),
            )
        }
        _ => Err(CallErr::Unknown),
    }
}

/// Searching and slicing.
pub(in crate::yaql::stdlib) fn searching(name: &str, c: &Call) -> R {
    use Kind::*;
    match name {
        "join" => {
            c.kind(Method)?;
            c.exact(4)?;
            let a = seq(c, 0)?;
            let b = seq(c, 1)?;
            let p = c.lambda(2)?;
            let s = c.lambda(3)?;
            let mut out = Vec::new();
            for x in &a {
                for y in &b {
                    if c.call_lambda(&p, &[x.clone(), y.clone()])?.truthy() {
                        out.push(c.call_lambda(&s, &[x.clone(), y.clone()])?);
                    }
                }
            }
            iter_val(out)
        }
        "indexOf" | "lastIndexOf" => {
            c.kind(Method)?;
            c.exact(2)?;
            let src = seq(c, 0)?;
            let x = c.val(1)?;
            let found = if name == "indexOf" {
                src.iter().position(|v| *v == x)
            } else {
                src.iter().rposition(|v| *v == x)
            };
            Ok(Value::Int(found.map_or(-1, |i| i as i128)))
        }
        "indexWhere" | "lastIndexWhere" => {
            c.kind(Method)?;
            c.exact(2)?;
            let src = seq(c, 0)?;
            let f = c.lambda(1)?;
            let mut found = -1;
            for (i, item) in src.iter().enumerate() {
                if pred(c, &f, item)? {
                    found = i as i128;
                    if name == "indexWhere" {
                        break;
                    }
                }
            }
            Ok(Value::Int(found))
        }
        "slice" => {
            c.kind(Method)?;
            c.exact(2)?;
            let src = seq(c, 0)?;
            let n = int(&c.val(1)?)?;
            if n <= 0 {
                // islice with a zero length yields nothing.
                return if n == 0 {
                    iter_val(Vec::new())
                } else {
                    Err(runtime(
                        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
                    ))
                };
            }
            iter_val(
                src.chunks(n as usize)
                    .map(|ch| Value::list(ch.to_vec()))
                    .collect(),
            )
        }
        "splitWhere" | "sliceWhere" => {
            c.kind(Method)?;
            c.exact(2)?;
            let src = seq(c, 0)?;
            let f = c.lambda(1)?;
            let mut out = Vec::new();
            let mut start = 0;
            if name == "splitWhere" {
                for end in 0..src.len() {
                    if pred(c, &f, &src[end])? {
                        out.push(Value::list(src[start..end].to_vec()));
                        start = end + 1;
                    }
                }
                if start != src.len() {
                    out.push(Value::list(src[start..].to_vec()));
                }
            } else {
                let mut prev: Option<Value> = None;
                for end in 0..src.len() {
                    let p = c.call_lambda(&f, std::slice::from_ref(&src[end]))?;
                    if prev.as_ref().is_some_and(|q| *q != p) {
                        out.push(Value::list(src[start..end].to_vec()));
                        start = end;
                    }
                    prev = Some(p);
                }
                if start != src.len() {
                    out.push(Value::list(src[start..].to_vec()));
                }
            }
            iter_val(out)
        }
        "splitAt" => {
            c.kind(Method)?;
            c.exact(2)?;
            let src = seq(c, 0)?;
            let i = int(&c.val(1)?)?;
            let len = src.len() as i128;
            Ok(pylist(vec![
                Value::list(slice(&src, 0, i)),
                Value::list(slice(&src, i, len)),
            ]))
        }
        "reverse" => {
            c.kind(Method)?;
            c.exact(1)?;
            let mut src = seq(c, 0)?;
            src.reverse();
            iter_val(src)
        }
        "defaultIfEmpty" => {
            c.kind(Method)?;
            c.exact(2)?;
            let src = c.val(0)?;
            let default = c.val(1)?;
            if items(&default).is_none() {
                return Err(CallErr::NoMatch);
            }
            let coll = items(&src).ok_or(CallErr::NoMatch)?;
            Ok(if coll.is_empty() { default } else { src })
        }
        _ => Err(CallErr::Unknown),
    }
}
