//! Collection filters: `selectattr`, `rejectattr`, `last`, `reverse`,
//! `dictsort`, `random`, `sort`, `groupby`, `attr`.

use super::*;

pub(super) fn register(env: &mut Environment<'static>) {
    filters!(env,
        "selectattr" => selectattr,
        "rejectattr" => rejectattr,
        "last" => last,
        "reverse" => reverse,
        "dictsort" => dictsort,
        "random" => random,
        "sort" => sort,
        "groupby" => groupby,
        "attr" => attr,
    );
}

fn selectattr(
    state: &State,
    v: Value,
    attribute: String,
    args: Rest<Value>,
) -> Result<Value, Error> {
    select_attr(state, v, attribute, args, true)
}

fn rejectattr(
    state: &State,
    v: Value,
    attribute: String,
    args: Rest<Value>,
) -> Result<Value, Error> {
    select_attr(state, v, attribute, args, false)
}

// selectattr/rejectattr read the attribute strictly, as Jinja2's
// StrictUndefined does: a missing attribute is an error.
fn select_attr(
    state: &State,
    v: Value,
    attribute: String,
    args: Rest<Value>,
    keep: bool,
) -> Result<Value, Error> {
    let mut out = Vec::new();
    for item in items_of(&v)? {
        let attr = attr_path(&item, &attribute)?;
        let passed = match args.split_first() {
            None => {
                if attr.is_undefined() {
                    return Err(Error::new(
                        ErrorKind::UndefinedError,
                        format!("'dict object' has no attribute '{attribute}'"),
                    ));
                }
                attr.is_true()
            }
            Some((test, rest)) => {
                let name = test
                    .as_str()
                    .ok_or_else(|| err("test name must be a string"))?;
                let mut test_args = vec![attr];
                test_args.extend(rest.iter().cloned());
                state.perform_test(name, &test_args)?
            }
        };
        if passed == keep {
            out.push(item);
        }
    }
    Ok(Value::from(out))
}

fn last(v: Value) -> Result<Value, Error> {
    Ok(match v.kind() {
        ValueKind::String => v
            .as_str()
            .unwrap_or_default()
            .chars()
            .last()
            .map_or(Value::UNDEFINED, Value::from),
        _ => items_of(&v)?.pop().unwrap_or(Value::UNDEFINED),
    })
}

fn reverse(v: Value) -> Result<Value, Error> {
    Ok(match v.kind() {
        ValueKind::String => Value::from(
            v.as_str()
                .unwrap_or_default()
                .chars()
                .rev()
                .collect::<String>(),
        ),
        _ => {
            let mut items = items_of(&v)?;
            items.reverse();
            Value::from(items)
        }
    })
}

fn dictsort(
    v: Value,
    case_sensitive: Option<bool>,
    by: Option<String>,
    reverse: Option<bool>,
    kwargs: Kwargs,
) -> Result<Value, Error> {
    let case_sensitive = match case_sensitive {
        Some(c) => c,
        None => kwargs
            .get::<Option<bool>>("case_sensitive")?
            .unwrap_or(false),
    };
    let by = match by {
        Some(b) => b,
        None => kwargs
            .get::<Option<String>>("by")?
            .unwrap_or_else(|| "key".to_string()),
    };
    let reverse = match reverse {
        Some(r) => r,
        None => kwargs.get::<Option<bool>>("reverse")?.unwrap_or(false),
    };
    kwargs.assert_all_used()?;
    let pos = match by.as_str() {
        "key" => 0,
        "value" => 1,
        _ => return Err(err("You can only sort by either \"key\" or \"value\"")),
    };
    if v.kind() != ValueKind::Map {
        return Err(err(format!(
            "'{}' object has no attribute 'items'",
            type_name(&v)
        )));
    }
    let mut pairs: Vec<(Value, Value)> = items_of(&v)?
        .into_iter()
        .map(|k| {
            let item = v.get_item(&k).unwrap_or_default();
            (k, item)
        })
        .collect();
    let mut failure = None;
    pairs.sort_by(|a, b| {
        let (x, y) = if pos == 0 { (&a.0, &b.0) } else { (&a.1, &b.1) };
        py_cmp(x, y, case_sensitive).unwrap_or_else(|e| {
            failure.get_or_insert(e);
            Ordering::Equal
        })
    });
    if let Some(e) = failure {
        return Err(e);
    }
    if reverse {
        pairs.reverse();
    }
    Ok(Value::from(
        pairs
            .into_iter()
            .map(|(k, v)| PyTuple::pair(k, v))
            .collect::<Vec<_>>(),
    ))
}

fn random(v: Value) -> Result<Value, Error> {
    let items: Vec<Value> = match v.kind() {
        ValueKind::String => v
            .as_str()
            .unwrap_or_default()
            .chars()
            .map(Value::from)
            .collect(),
        _ => items_of(&v)?,
    };
    if items.is_empty() {
        return Err(err("No random item, sequence was empty."));
    }
    Ok(items[random_index(items.len())].clone())
}

fn sort(v: Value, kwargs: Kwargs) -> Result<Value, Error> {
    let reverse = kwargs.get::<Option<bool>>("reverse")?.unwrap_or(false);
    let case_sensitive = kwargs
        .get::<Option<bool>>("case_sensitive")?
        .unwrap_or(false);
    let attribute = kwargs.get::<Option<String>>("attribute")?;
    kwargs.assert_all_used()?;
    let mut items = keyed(items_of(&v)?, attribute.as_deref())?;
    let mut failure = None;
    items.sort_by(|a, b| match py_cmp(&a.0, &b.0, case_sensitive) {
        Ok(o) => o,
        Err(e) => {
            failure.get_or_insert(e);
            Ordering::Equal
        }
    });
    if let Some(e) = failure {
        return Err(e);
    }
    if reverse {
        // Python's sort(reverse=True) keeps equal items in order.
        items.reverse();
        let mut out: Vec<(Value, Value)> = Vec::with_capacity(items.len());
        for chunk in
            items.chunk_by(|a, b| py_cmp(&a.0, &b.0, case_sensitive).ok() == Some(Ordering::Equal))
        {
            out.extend(chunk.iter().rev().cloned());
        }
        items = out;
    }
    Ok(Value::from(
        items.into_iter().map(|(_, item)| item).collect::<Vec<_>>(),
    ))
}

fn groupby(v: Value, attribute: String, kwargs: Kwargs) -> Result<Value, Error> {
    let default = kwargs.get::<Option<Value>>("default")?;
    let case_sensitive = kwargs
        .get::<Option<bool>>("case_sensitive")?
        .unwrap_or(false);
    kwargs.assert_all_used()?;
    let mut items: Vec<(Value, Value)> = Vec::new();
    for item in items_of(&v)? {
        let mut key = attr_path(&item, &attribute)?;
        if key.is_undefined() {
            key = default.clone().unwrap_or(Value::UNDEFINED);
        }
        items.push((key, item));
    }
    items.sort_by(|a, b| py_cmp(&a.0, &b.0, case_sensitive).unwrap_or(Ordering::Equal));
    let mut groups: Vec<Value> = Vec::new();
    for chunk in
        items.chunk_by(|a, b| py_cmp(&a.0, &b.0, case_sensitive).ok() == Some(Ordering::Equal))
    {
        let members: Vec<Value> = chunk.iter().map(|(_, item)| item.clone()).collect();
        groups.push(Value::from_object(PyTuple {
            items: vec![chunk[0].0.clone(), Value::from(members)],
            names: Some(["grouper", "list"]),
        }));
    }
    Ok(Value::from(groups))
}

fn attr(v: Value, name: String) -> Result<Value, Error> {
    // Jinja2's `attr` reads a Python attribute, never a dict key.
    if v.kind() == ValueKind::Map {
        return Err(Error::new(
            ErrorKind::UndefinedError,
            format!("'dict object' has no attribute '{name}'"),
        ));
    }
    v.get_attr(&name)
}
