//! Queries: `where`, `select`, `skip`, `take`, `append`, `concat`,
//! `distinct`, `enumerate`, `any`, `sum`, `aggregate`, `first`, ...

use super::*;

/// Filtering and mapping queries.
pub(in crate::yaql::stdlib) fn filtering(name: &str, c: &Call) -> R {
    use Kind::*;
    match name {
        "where" | "select" | "selectMany" | "takeWhile" | "skipWhile" => {
            c.kind(Method)?;
            c.exact(2)?;
            let src = c.val(0)?;
            let f = c.lambda(1)?;
            if let Some(l) = lazy_of(&src) {
                if name == "takeWhile" {
                    let mut out = Vec::new();
                    for i in 0..ENDLESS_LIMIT {
                        let item = l.nth(i);
                        if !pred(c, &f, &item)? {
                            return iter_val(out);
                        }
                        out.push(item);
                    }
                }
                return Err(endless());
            }
            let (src, pending) = match &src {
                Value::Failing(f) => (f.items.clone(), Some(f.error.clone())),
                other => (items(other).ok_or(CallErr::NoMatch)?, None),
            };
            // A generator: a failing lambda call ends the output with its
            // error, raised only when a consumer gets that far.
            let mut out = Vec::new();
            let result: Result<(), CallErr> = (|| {
                match name {
                    "where" => {
                        for item in src {
                            if pred(c, &f, &item)? {
                                out.push(item);
                            }
                        }
                    }
                    "select" => {
                        out.reserve(src.len());
                        for item in src {
                            out.push(c.call_lambda(&f, std::slice::from_ref(&item))?);
                        }
                    }
                    "selectMany" => {
                        for item in src {
                            let r = c.call_lambda(&f, std::slice::from_ref(&item))?;
                            if let Value::Failing(inner) = &r {
                                out.extend(inner.items.iter().cloned());
                                return Err(CallErr::Err(inner.error.clone()));
                            }
                            match items(&r) {
                                Some(inner) => out.extend(inner),
                                None => out.push(r),
                            }
                        }
                    }
                    "takeWhile" => {
                        for item in src {
                            if !pred(c, &f, &item)? {
                                return Ok(());
                            }
                            out.push(item);
                        }
                    }
                    _ => {
                        let mut skipping = true;
                        for item in src {
                            if skipping && pred(c, &f, &item)? {
                                continue;
                            }
                            skipping = false;
                            out.push(item);
                        }
                    }
                }
                match pending.clone() {
                    Some(error) => Err(CallErr::Err(error)),
                    None => Ok(()),
                }
            })();
            match result {
                Ok(()) => iter_val(out),
                Err(CallErr::Err(error)) => Ok(failing(out, error)),
                Err(other) => Err(other),
            }
        }
        "skip" | "take" | "limit" => {
            c.kind(Method)?;
            c.exact(2)?;
            let src = c.val(0)?;
            let n = int(&c.val(1)?)?;
            if n < 0 {
                return Err(runtime(if name == "skip" {
                    "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize."
                } else {
                    "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize."
                }));
            }
            if let Value::Failing(f) = &src {
                let n = usize::try_from(n).unwrap_or(usize::MAX);
                if name != "skip" && n <= f.items.len() {
                    return iter_val(f.items[..n].to_vec());
                }
                let rest = if name == "skip" {
                    f.items.iter().skip(n).cloned().collect()
                } else {
                    f.items.clone()
                };
                return Ok(failing(rest, f.error.clone()));
            }
            if let Some(l) = lazy_of(&src) {
                if name == "skip" {
                    let n = n.max(0);
                    return Ok(Value::Lazy(Arc::new(match l.as_ref() {
                        Lazy::Count { start, step } => Lazy::Count {
                            start: start.saturating_add(step.saturating_mul(n)),
                            step: *step,
                        },
                        other => match other {
                            Lazy::Repeat(v) => Lazy::Repeat(v.clone()),
                            Lazy::Cycle(items) => {
                                let k = (n as usize) % items.len().max(1);
                                let mut rotated = items[k..].to_vec();
                                rotated.extend_from_slice(&items[..k]);
                                Lazy::Cycle(rotated)
                            }
                            Lazy::Count { .. } => return Err(endless()),
                        },
                    })));
                }
                let n = usize::try_from(n.max(0)).unwrap_or(0).min(ENDLESS_LIMIT);
                return iter_val((0..n).map(|i| l.nth(i)).collect());
            }
            let src = items(&src).ok_or(CallErr::NoMatch)?;
            let n = usize::try_from(n.max(0)).unwrap_or(usize::MAX);
            iter_val(if name == "skip" {
                src.into_iter().skip(n).collect()
            } else {
                src.into_iter().take(n).collect()
            })
        }
        "append" => {
            let (mut out, pending) = seq_lazy(c, 0)?;
            let mut extra = Vec::new();
            for i in 1..c.n() {
                extra.push(c.val(i)?);
            }
            if let Some(error) = pending {
                return Ok(failing(out, error));
            }
            out.extend(extra);
            iter_val(out)
        }
        "concat" => {
            let mut out = Vec::new();
            for i in 0..c.n() {
                out.extend(seq(c, i)?);
            }
            iter_val(out)
        }
        "distinct" => {
            c.max(2)?;
            let (src, pending) = seq_lazy(c, 0)?;
            let key = c.opt_lambda(1, "keySelector");
            let mut seen = Set::default();
            let mut out = Vec::new();
            for item in src {
                let k = match &key {
                    Some(l) => c.call_lambda(l, std::slice::from_ref(&item)),
                    None => Ok(item.clone()),
                };
                let k = match k.and_then(|k| check_hashable(&k).map(|()| k).map_err(CallErr::Err)) {
                    Ok(k) => k,
                    Err(CallErr::Err(error)) => return Ok(failing(out, error)),
                    Err(other) => return Err(other),
                };
                if seen.insert(k) {
                    out.push(item);
                }
            }
            match pending {
                Some(error) => Ok(failing(out, error)),
                None => iter_val(out),
            }
        }
        _ => Err(CallErr::Unknown),
    }
}

/// Aggregating queries.
pub(in crate::yaql::stdlib) fn aggregates(name: &str, c: &Call) -> R {
    use Kind::*;
    match name {
        "enumerate" => {
            c.max(2)?;
            let (src, pending) = seq_lazy(c, 0)?;
            let start = int_arg(c, 1, "start", 0)?;
            let out = src
                .into_iter()
                .enumerate()
                .map(|(i, v)| pylist(vec![Value::Int(start + i as i128), v]))
                .collect();
            match pending {
                Some(error) => Ok(failing(out, error)),
                None => iter_val(out),
            }
        }
        "any" | "all" => {
            c.max(2)?;
            let (src, pending) = seq_lazy(c, 0)?;
            let p = c.opt_lambda(1, "predicate");
            for item in src {
                // yaql's any() without a predicate only asks for an item.
                let ok = match &p {
                    Some(l) => pred(c, l, &item)?,
                    None => name == "any" || item.truthy(),
                };
                if name == "any" && ok {
                    return Ok(Value::Bool(true));
                }
                if name == "all" && !ok {
                    return Ok(Value::Bool(false));
                }
            }
            if let Some(error) = pending {
                return Err(CallErr::Err(error));
            }
            Ok(Value::Bool(name == "all"))
        }
        "sum" | "max" | "min" => {
            c.kind(Method)?;
            c.max(2)?;
            let src = seq(c, 0)?;
            let initial = c.arg(1, "initial")?;
            let mut it = src.into_iter();
            let mut acc = match initial {
                Some(v) => v,
                None => it
                    .next()
                    .ok_or_else(|| runtime("reduce() of empty iterable with no initial value"))?,
            };
            for item in it {
                acc = match name {
                    "sum" => crate::yaql::stdlib::binary("+", &acc, &item)?,
                    other => pick(other == "max", acc, item)?,
                };
            }
            Ok(acc)
        }
        "aggregate" | "reduce" => {
            c.kind(Method)?;
            c.max(3)?;
            let src = seq(c, 0)?;
            let f = c.lambda(1)?;
            let seed = c.arg(2, "seed")?;
            let mut it = src.into_iter();
            let mut acc = match seed {
                Some(v) => v,
                None => it
                    .next()
                    .ok_or_else(|| runtime("reduce() of empty iterable with no initial value"))?,
            };
            for item in it {
                acc = c.call_lambda(&f, &[acc, item])?;
            }
            Ok(acc)
        }
        "accumulate" => {
            c.kind(Method)?;
            c.max(3)?;
            let src = seq(c, 0)?;
            let f = c.lambda(1)?;
            let seed = c.arg(2, "seed")?;
            let mut it = src.into_iter();
            let mut acc = match seed {
                Some(v) => v,
                None => it.next().ok_or_else(|| {
                    runtime("accumulate() of empty sequence with no initial value")
                })?,
            };
            let mut out = vec![acc.clone()];
            for item in it {
                acc = c.call_lambda(&f, &[acc, item])?;
                out.push(acc.clone());
            }
            iter_val(out)
        }
        "first" | "last" | "single" => {
            c.kind(Method)?;
            c.max(if name == "single" { 1 } else { 2 })?;
            let src = c.val(0)?;
            let default = c.arg(1, "default")?;
            if let Some(l) = lazy_of(&src) {
                return if name == "first" {
                    Ok(l.nth(0))
                } else {
                    Err(endless())
                };
            }
            if let Value::Failing(f) = &src {
                return match f.items.first() {
                    Some(v) if name == "first" => Ok(v.clone()),
                    _ => Err(CallErr::Err(f.error.clone())),
                };
            }
            let src = items(&src).ok_or(CallErr::NoMatch)?;
            if name == "single" && src.len() > 1 {
                return Err(runtime("Collection contains more than one item"));
            }
            let found = if name == "last" {
                src.last()
            } else {
                src.first()
            };
            match (found, default) {
                (Some(v), _) => Ok(v.clone()),
                (None, Some(d)) => Ok(d),
                (None, None) => Err(runtime("")),
            }
        }
        _ => Err(CallErr::Unknown),
    }
}
