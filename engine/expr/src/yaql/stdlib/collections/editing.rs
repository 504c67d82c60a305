//! Editing collections: `delete`, `replace`, `insert`, set operations,
//! `add`, `remove`, `mergeWith`.

use super::*;

/// Editing collections.
pub(in crate::yaql::stdlib) fn editing(name: &str, c: &Call) -> R {
    use Kind::*;
    match name {
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
        _ => Err(CallErr::Unknown),
    }
}
