//! Generators: `range`, `sequence`, `repeat`, `cycle`, `generate`,
//! `generateMany`.

use super::*;

/// The generators.
pub(in crate::yaql::stdlib) fn generators(name: &str, c: &Call) -> R {
    use Kind::*;
    match name {
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
        "generate" => {
            c.kind(Func)?;
            c.max(5)?;
            let mut current = c.val(0)?;
            let p = c.lambda(1)?;
            let producer = c.lambda(2)?;
            let selector = c.opt_lambda(3, "selector");
            let decycle = crate::yaql::stdlib::bool_arg(c, 4, "decycle", false)?;
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
            let decycle = crate::yaql::stdlib::bool_arg(c, 3, "decycle", false)?;
            let depth_first = crate::yaql::stdlib::bool_arg(c, 4, "depthFirst", false)?;
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
        _ => Err(CallErr::Unknown),
    }
}
