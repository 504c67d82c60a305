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

mod containers;
mod editing;
mod generators;
mod queries;
mod sequences;

pub(super) use containers::containers;
pub(super) use editing::editing;
pub(super) use generators::generators;
pub(super) use queries::{aggregates, filtering};
pub(super) use sequences::{ordering, searching};

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
