//! Collections and queries (yaql's `collections.py` and `queries.py`):
//! list/dict/set construction and editing, `select`/`where` and the other
//! LINQ-style methods, aggregation, ordering, grouping.
//!
//! Generators are computed eagerly into [`Value::Iter`]; endless ones
//! (`sequence()`, `repeat()`, `cycle()`) stay [`Value::Lazy`] and support the
//! methods that stop early (`take`, `limit`, `first`, `takeWhile`, `skip`).

use std::cmp::Ordering;
use std::sync::Arc;

use super::{
    Call, CallErr, Kind, Lambda, R, check_hashable, compare, dict_of, int, int_arg, items,
    iter_val, list, make_set, pick, runtime, seq, seq_lazy, set_of,
};
use crate::yaql::YaqlError;
use crate::yaql::eval::failing;
use crate::yaql::value::{Dict, Lazy, Ordered, Set, Value};

/// Most items an endless generator yields before giving up.
const ENDLESS_LIMIT: usize = 1_000_000;

fn lazy_of(v: &Value) -> Option<Arc<Lazy>> {
    match v {
        Value::Lazy(l) => Some(l.clone()),
        _ => None,
    }
}

fn endless() -> CallErr {
    runtime(format!(
        "Collection length exceeds {ENDLESS_LIMIT} elements"
    ))
}

fn pred(c: &Call, l: &Lambda, item: &Value) -> Result<bool, CallErr> {
    Ok(c.call_lambda(l, std::slice::from_ref(item))?.truthy())
}

fn sort_cmp(a: &Value, b: &Value) -> Result<Ordering, CallErr> {
    compare(a, b).ok_or_else(|| CallErr::Err(YaqlError::NoMatchingFunction("#operator_<".into())))
}

/// Sorts `items` by their `keys` (one key per level) stably.
fn sort_ordered(mut o: Ordered) -> R {
    let mut idx: Vec<usize> = (0..o.items.len()).collect();
    let mut err = None;
    idx.sort_by(|&x, &y| {
        for (level, desc) in o.descending.iter().enumerate() {
            match sort_cmp(&o.keys[x][level], &o.keys[y][level]) {
                Ok(Ordering::Equal) => continue,
                Ok(ord) => return if *desc { ord.reverse() } else { ord },
                Err(e) => {
                    err.get_or_insert(e);
                    return Ordering::Equal;
                }
            }
        }
        Ordering::Equal
    });
    if let Some(e) = err {
        return Err(e);
    }
    let items = idx.iter().map(|&i| o.items[i].clone()).collect();
    let keys = idx
        .iter()
        .map(|&i| std::mem::take(&mut o.keys[i]))
        .collect();
    Ok(Value::Ordered(Arc::new(Ordered {
        items,
        keys,
        descending: o.descending,
    })))
}

fn flatten_into(v: &Value, out: &mut Vec<Value>) {
    match items(v) {
        Some(inner) => inner.iter().for_each(|x| flatten_into(x, out)),
        None => out.push(v.clone()),
    }
}

/// `list(args)` / `set(args)` spread generator arguments (not lists).
fn spread(c: &Call) -> Result<Vec<Value>, CallErr> {
    let mut out = Vec::new();
    for i in 0..c.n() {
        match c.val(i)? {
            Value::Iter(items) => out.extend(items.iter().cloned()),
            Value::Ordered(o) => out.extend(o.items.iter().cloned()),
            Value::Lazy(_) => return Err(endless()),
            v => out.push(v),
        }
    }
    Ok(out)
}

fn slice(items: &[Value], from: i128, to: i128) -> Vec<Value> {
    let len = items.len() as i128;
    let norm = |i: i128| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let (a, b) = (norm(from), norm(to));
    if a < b {
        items[a as usize..b as usize].to_vec()
    } else {
        Vec::new()
    }
}

fn pylist(items: Vec<Value>) -> Value {
    Value::PyList(Arc::new(items))
}

/// Dispatches the collections and queries library.
pub(super) fn collections(name: &str, c: &Call) -> R {
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
        "delete" => {
            c.kind(Method)?;
            let target = c.val(0)?;
            if let Value::Dict(d) = &target {
                let mut out = d.as_ref().clone();
                for i in 1..c.n() {
                    out.shift_remove(&c.val(i)?);
                }
                return Ok(Value::Dict(Arc::new(out)));
            }
            c.max(3)?;
            let coll = items(&target).ok_or(CallErr::NoMatch)?;
            let pos = int(&c.val(1)?)?;
            let count = int_arg(c, 2, "count", 1)?;
            iter_val(
                coll.into_iter()
                    .enumerate()
                    .filter(|(i, _)| {
                        let i = *i as i128;
                        if count >= 0 {
                            !(pos <= i && i < pos + count)
                        } else {
                            i < pos
                        }
                    })
                    .map(|(_, v)| v)
                    .collect(),
            )
        }
        "deleteAll" => {
            c.kind(Method)?;
            c.exact(2)?;
            let d = dict_of(&c.val(0)?)?;
            let keys = seq(c, 1)?;
            let mut out = d.as_ref().clone();
            for k in keys {
                out.shift_remove(&k);
            }
            Ok(Value::Dict(Arc::new(out)))
        }
        "replace" | "replaceMany" => {
            c.kind(Method)?;
            c.max(4)?;
            let coll = seq(c, 0)?;
            let pos = int(&c.val(1)?)?;
            let replacement = if name == "replace" {
                vec![c.val(2)?]
            } else {
                seq(c, 2)?
            };
            let count = int_arg(c, 3, "count", 1)?;
            let mut out = Vec::new();
            let mut done = false;
            for (i, item) in coll.into_iter().enumerate() {
                let i = i as i128;
                let in_range = if count >= 0 {
                    pos <= i && i < pos + count
                } else {
                    i >= pos
                };
                if in_range {
                    if !done {
                        out.extend(replacement.iter().cloned());
                        done = true;
                    }
                } else {
                    out.push(item);
                }
            }
            iter_val(out)
        }
        "insert" | "insertMany" => {
            c.kind(Method)?;
            c.exact(3)?;
            let target = c.val(0)?;
            if matches!(target, Value::Set(_)) {
                return Err(CallErr::NoMatch);
            }
            let coll = items(&target).ok_or(CallErr::NoMatch)?;
            let pos = int(&c.val(1)?)?;
            if name == "insert" {
                let value = c.val(2)?;
                if matches!(target, Value::List(_) | Value::PyList(_)) {
                    // Python's list.insert clamps the position.
                    let len = coll.len() as i128;
                    let at = if pos < 0 {
                        (pos + len).max(0)
                    } else {
                        pos.min(len)
                    } as usize;
                    let mut out = coll;
                    out.insert(at, value);
                    return Ok(Value::PyList(Arc::new(out)));
                }
                let mut out = Vec::new();
                let mut placed = false;
                for (i, item) in coll.into_iter().enumerate() {
                    if i as i128 == pos {
                        out.push(value.clone());
                        placed = true;
                    }
                    out.push(item);
                }
                if !placed && pos >= out.len() as i128 {
                    out.push(value);
                }
                return iter_val(out);
            }
            let values = seq(c, 2)?;
            let mut out = Vec::new();
            if pos < 0 {
                out.extend(values.iter().cloned());
            }
            let len = coll.len() as i128;
            for (i, item) in coll.into_iter().enumerate() {
                if i as i128 == pos {
                    out.extend(values.iter().cloned());
                }
                out.push(item);
            }
            if pos >= len {
                out.extend(values);
            }
            iter_val(out)
        }
        "union" | "intersect" | "difference" | "symmetricDifference" => {
            c.kind(Method)?;
            c.exact(2)?;
            let a = set_of(&c.val(0)?)?;
            let b = set_of(&c.val(1)?)?;
            let out: Set = match name {
                "union" => a.iter().chain(b.iter()).cloned().collect(),
                "intersect" => a.iter().filter(|x| b.contains(*x)).cloned().collect(),
                "difference" => a.iter().filter(|x| !b.contains(*x)).cloned().collect(),
                // CPython copies `right`, then toggles the items of `left`.
                _ => b
                    .iter()
                    .filter(|x| !a.contains(*x))
                    .chain(a.iter().filter(|x| !b.contains(*x)))
                    .cloned()
                    .collect(),
            };
            Ok(Value::Set(Arc::new(crate::yaql::pyset::python_order(out))))
        }
        "add" | "remove" => {
            c.kind(Method)?;
            let s = set_of(&c.val(0)?)?;
            let mut out = s.as_ref().clone();
            for i in 1..c.n() {
                let v = c.val(i)?;
                check_hashable(&v)?;
                if name == "add" {
                    out.insert(v);
                } else {
                    out.shift_remove(&v);
                }
            }
            Ok(Value::Set(Arc::new(crate::yaql::pyset::python_order(out))))
        }
        // ---- queries
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
                    "sum" => super::binary("+", &acc, &item)?,
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
        "range" => {
            c.kind(Func)?;
            let (start, stop, step) = match c.n() {
                1 => (0, int(&c.val(0)?)?, 1),
                2 | 3 => (
                    int(&c.val(0)?)?,
                    int(&c.val(1)?)?,
                    int_arg(c, 2, "step", 1)?,
                ),
                _ => return Err(CallErr::NoMatch),
            };
            if step == 0 {
                return Err(runtime("range() arg 3 must not be zero"));
            }
            let mut out = Vec::new();
            let mut i = start;
            while (step > 0 && i < stop) || (step < 0 && i > stop) {
                if out.len() >= ENDLESS_LIMIT {
                    return Err(endless());
                }
                out.push(Value::Int(i));
                i += step;
            }
            iter_val(out)
        }
        "sequence" => {
            c.kind(Func)?;
            c.max(2)?;
            let start = int_arg(c, 0, "start", 0)?;
            let step = int_arg(c, 1, "step", 1)?;
            Ok(Value::Lazy(Arc::new(Lazy::Count { start, step })))
        }
        "repeat" => {
            c.kind(Method)?;
            c.max(2)?;
            let value = c.val(0)?;
            let times = int_arg(c, 1, "times", -1)?;
            if times < 0 {
                return Ok(Value::Lazy(Arc::new(Lazy::Repeat(value))));
            }
            iter_val(vec![
                value;
                usize::try_from(times).unwrap_or(0).min(ENDLESS_LIMIT)
            ])
        }
        "cycle" => {
            c.kind(Method)?;
            c.exact(1)?;
            let src = seq(c, 0)?;
            if src.is_empty() {
                return iter_val(Vec::new());
            }
            Ok(Value::Lazy(Arc::new(Lazy::Cycle(src))))
        }
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
        "generate" => {
            c.kind(Func)?;
            c.max(5)?;
            let mut current = c.val(0)?;
            let p = c.lambda(1)?;
            let producer = c.lambda(2)?;
            let selector = c.opt_lambda(3, "selector");
            let decycle = super::bool_arg(c, 4, "decycle", false)?;
            let mut seen = Set::default();
            let mut out = Vec::new();
            while pred(c, &p, &current)? {
                if decycle {
                    if seen.contains(&current) {
                        break;
                    }
                    seen.insert(current.clone());
                }
                if out.len() >= ENDLESS_LIMIT {
                    return Err(endless());
                }
                out.push(match &selector {
                    Some(l) => c.call_lambda(l, std::slice::from_ref(&current))?,
                    None => current.clone(),
                });
                current = c.call_lambda(&producer, std::slice::from_ref(&current))?;
            }
            iter_val(out)
        }
        "generateMany" => {
            c.kind(Func)?;
            c.max(5)?;
            let initial = c.val(0)?;
            let producer = c.lambda(1)?;
            let selector = c.opt_lambda(2, "selector");
            let decycle = super::bool_arg(c, 3, "decycle", false)?;
            let depth_first = super::bool_arg(c, 4, "depthFirst", false)?;
            let mut queue = std::collections::VecDeque::from([initial]);
            let mut seen = Set::default();
            let mut out = Vec::new();
            while let Some(item) = queue.pop_front() {
                if decycle {
                    if seen.contains(&item) {
                        continue;
                    }
                    seen.insert(item.clone());
                }
                if out.len() >= ENDLESS_LIMIT {
                    return Err(endless());
                }
                out.push(match &selector {
                    Some(l) => c.call_lambda(l, std::slice::from_ref(&item))?,
                    None => item.clone(),
                });
                let produced = c.call_lambda(&producer, std::slice::from_ref(&item))?;
                let produced = items(&produced).ok_or_else(|| {
                    runtime(format!("'{}' object is not iterable", produced.type_name()))
                })?;
                if depth_first {
                    for v in produced.into_iter().rev() {
                        queue.push_front(v);
                    }
                } else {
                    queue.extend(produced);
                }
            }
            iter_val(out)
        }
        "mergeWith" => {
            c.kind(Method)?;
            c.max(5)?;
            let a = dict_of(&c.val(0)?)?;
            let b = dict_of(&c.val(1)?)?;
            let list_merger = c.opt_lambda(2, "listMerger");
            let item_merger = c.opt_lambda(3, "itemMerger");
            let max_levels = int_arg(c, 4, "maxLevels", 0)?;
            let merged = merge_dicts(
                c,
                &a,
                &b,
                list_merger.as_ref(),
                item_merger.as_ref(),
                max_levels,
                1,
            )?;
            Ok(Value::Dict(Arc::new(merged)))
        }
        "isIterable" => {
            c.kind(Func)?;
            c.exact(1)?;
            let v = c.val(0)?;
            Ok(Value::Bool(
                items(&v).is_some() || matches!(v, Value::Lazy(_)),
            ))
        }
        _ => Err(CallErr::Unknown),
    }
}

fn merge_dicts(
    c: &Call,
    a: &Dict,
    b: &Dict,
    list_merger: Option<&Lambda>,
    item_merger: Option<&Lambda>,
    max_levels: i128,
    level: i128,
) -> Result<Dict, CallErr> {
    let mut out = Dict::default();
    for (k, v1) in a.iter() {
        let merged = match b.get(k) {
            None => v1.clone(),
            Some(v2) => {
                if max_levels != 0 && level >= max_levels {
                    merge_item(c, item_merger, v1, v2)?
                } else {
                    match (v1, v2) {
                        (Value::Dict(d1), Value::Dict(d2)) => Value::Dict(Arc::new(merge_dicts(
                            c,
                            d1,
                            d2,
                            list_merger,
                            item_merger,
                            max_levels,
                            level + 1,
                        )?)),
                        (
                            Value::List(_) | Value::PyList(_) | Value::Set(_) | Value::Iter(_),
                            Value::List(_) | Value::PyList(_) | Value::Set(_) | Value::Iter(_),
                        ) if std::mem::discriminant(v1) == std::mem::discriminant(v2) => {
                            match list_merger {
                                Some(l) => c.call_lambda(l, &[v1.clone(), v2.clone()])?,
                                None => {
                                    let mut seen = Set::default();
                                    let mut out = Vec::new();
                                    for x in items(v1)
                                        .unwrap_or_default()
                                        .into_iter()
                                        .chain(items(v2).unwrap_or_default())
                                    {
                                        if seen.insert(x.clone()) {
                                            out.push(x);
                                        }
                                    }
                                    if matches!(v1, Value::Set(_)) {
                                        Value::Set(Arc::new(crate::yaql::pyset::python_order(
                                            out.into_iter().collect(),
                                        )))
                                    } else {
                                        Value::list(out)
                                    }
                                }
                            }
                        }
                        _ => merge_item(c, item_merger, v1, v2)?,
                    }
                }
            }
        };
        out.insert(k.clone(), merged);
    }
    for (k, v) in b.iter() {
        if !a.contains_key(k) {
            out.insert(k.clone(), v.clone());
        }
    }
    Ok(out)
}

fn merge_item(c: &Call, item_merger: Option<&Lambda>, v1: &Value, v2: &Value) -> R {
    match item_merger {
        Some(l) => c.call_lambda(l, &[v1.clone(), v2.clone()]),
        None => Ok(v2.clone()),
    }
}
