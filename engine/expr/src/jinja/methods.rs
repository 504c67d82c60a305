//! Python methods on values (`_.get('k')`, `s.strip()`, `l.index(3)`, ...),
//! through minijinja's unknown-method callback.

use super::*;

pub(super) fn arg_str(args: &[Value], i: usize) -> Option<String> {
    args.get(i)
        .filter(|v| !v.is_none() && !v.is_undefined())
        .map(py_str)
}

pub(super) fn py_method(
    _state: &State,
    value: &Value,
    method: &str,
    args: &[Value],
) -> Result<Value, Error> {
    match value.kind() {
        ValueKind::Map => map_method(value, method, args),
        ValueKind::Seq => seq_method(value, method, args),
        ValueKind::String if method == "format" => {
            str_method(value.as_str().unwrap_or_default(), method, args)
        }
        ValueKind::String => {
            let args = str_keywords(method, args)?;
            str_method(value.as_str().unwrap_or_default(), method, &args)
        }
        _ => Err(Error::from(ErrorKind::UnknownMethod)),
    }
}

/// Python's `str.splitlines(keepends)` for `\n`, `\r\n` and `\r`.
fn py_splitlines(s: &str, keepends: bool) -> Vec<Value> {
    let mut lines = Vec::new();
    let mut rest = s;
    while let Some(at) = rest.find(['\n', '\r']) {
        let end = if rest[at..].starts_with("\r\n") {
            at + 2
        } else {
            at + 1
        };
        lines.push(Value::from(if keepends {
            &rest[..end]
        } else {
            &rest[..at]
        }));
        rest = &rest[end..];
    }
    if !rest.is_empty() {
        lines.push(Value::from(rest));
    }
    lines
}

/// A string method's arguments with its keywords put in place: only the
/// few `str` methods that take keywords in Python accept them.
fn str_keywords(method: &str, args: &[Value]) -> Result<Vec<Value>, Error> {
    if !args.last().is_some_and(Value::is_kwargs) {
        return Ok(args.to_vec());
    }
    let params: &[&str] = match method {
        "split" | "rsplit" => &["sep", "maxsplit"],
        "splitlines" => &["keepends"],
        "expandtabs" => &["tabsize"],
        _ => return Err(err(format!("str.{method}() takes no keyword arguments"))),
    };
    signature::PyArgs::split(args)?.arrange(method, params, params.len(), 0)
}

pub(super) fn map_method(value: &Value, method: &str, args: &[Value]) -> Result<Value, Error> {
    let keys = || -> Result<Vec<Value>, Error> { items_of(value) };
    match method {
        "get" => {
            let key = args.first().cloned().unwrap_or_default();
            let v = value.get_item(&key)?;
            Ok(if v.is_undefined() {
                // A missing key is `get`'s to handle, not an error to name.
                data::miss::clear();
                args.get(1).cloned().unwrap_or(Value::from(()))
            } else {
                v
            })
        }
        "keys" => Ok(Value::from_object(DictView {
            kind: "dict_keys",
            items: keys()?,
        })),
        "values" => Ok(Value::from_object(DictView {
            kind: "dict_values",
            items: keys()?
                .iter()
                .map(|k| value.get_item(k).unwrap_or_default())
                .collect(),
        })),
        "items" => Ok(Value::from_object(DictView {
            kind: "dict_items",
            items: keys()?
                .into_iter()
                .map(|k| {
                    let v = value.get_item(&k).unwrap_or_default();
                    PyTuple::pair(k, v)
                })
                .collect(),
        })),
        "copy" => Ok(value.clone()),
        // The data is shared and read-only here: mutating methods return
        // what Python returns without changing the data.
        "update" | "clear" => Ok(Value::from(())),
        "pop" | "setdefault" => {
            let key = args.first().cloned().unwrap_or_default();
            let v = value.get_item(&key)?;
            if v.is_undefined() {
                args.get(1).cloned().ok_or_else(|| err(py_str(&key)))
            } else {
                Ok(v)
            }
        }
        _ => Err(Error::from(ErrorKind::UnknownMethod)),
    }
}

pub(super) fn seq_method(value: &Value, method: &str, args: &[Value]) -> Result<Value, Error> {
    let items = items_of(value)?;
    match method {
        "index" => {
            let needle = args.first().cloned().unwrap_or_default();
            items
                .iter()
                .position(|v| *v == needle)
                .map(Value::from)
                .ok_or_else(|| err(format!("{} is not in list", py_str(&needle))))
        }
        "count" => {
            let needle = args.first().cloned().unwrap_or_default();
            Ok(Value::from(items.iter().filter(|v| **v == needle).count()))
        }
        "pop" => {
            if items.is_empty() {
                return Err(err("pop from empty list"));
            }
            let index = match args.first() {
                Some(i) => i64::try_from(i.clone())?,
                None => -1,
            };
            let len = items.len() as i64;
            let idx = if index < 0 { len + index } else { index };
            if !(0..len).contains(&idx) {
                return Err(err("pop index out of range"));
            }
            Ok(items[idx as usize].clone())
        }
        "copy" => Ok(Value::from(items)),
        "append" | "extend" | "insert" | "remove" | "reverse" | "sort" | "clear" => {
            Ok(Value::from(()))
        }
        _ => Err(Error::from(ErrorKind::UnknownMethod)),
    }
}

pub(super) fn str_method(s: &str, method: &str, args: &[Value]) -> Result<Value, Error> {
    let a0 = arg_str(args, 0);
    let v = match method {
        "upper" => Value::from(s.to_uppercase()),
        "lower" => Value::from(s.to_lowercase()),
        "strip" => Value::from(python_strip(s, a0.as_deref(), true, true)),
        "lstrip" => Value::from(python_strip(s, a0.as_deref(), true, false)),
        "rstrip" => Value::from(python_strip(s, a0.as_deref(), false, true)),
        "title" => Value::from(py_title(s)),
        "capitalize" => {
            let mut chars = s.chars();
            Value::from(match chars.next() {
                Some(first) => {
                    first.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase()
                }
                None => String::new(),
            })
        }
        "swapcase" => Value::from(
            s.chars()
                .map(|c| {
                    if c.is_uppercase() {
                        c.to_lowercase().collect::<String>()
                    } else {
                        c.to_uppercase().collect::<String>()
                    }
                })
                .collect::<String>(),
        ),
        "split" | "rsplit" if a0.as_deref() == Some("") => return Err(err("empty separator")),
        "split" | "rsplit" => {
            let maxsplit = args
                .get(1)
                .and_then(|v| i64::try_from(v.clone()).ok())
                .unwrap_or(-1);
            Value::from(py_split(s, a0.as_deref(), maxsplit, method == "rsplit"))
        }
        "splitlines" => Value::from(py_splitlines(s, args.first().is_some_and(Value::is_true))),
        "replace" => {
            let old = a0.unwrap_or_default();
            let new = arg_str(args, 1).unwrap_or_default();
            match args.get(2).and_then(|v| i64::try_from(v.clone()).ok()) {
                Some(n) if n >= 0 => Value::from(s.replacen(&old, &new, n as usize)),
                _ => Value::from(s.replace(&old, &new)),
            }
        }
        "startswith" | "endswith" => {
            let prefixes: Vec<String> = match args.first() {
                Some(v) if v.kind() == ValueKind::Seq => items_of(v)?.iter().map(py_str).collect(),
                Some(v) => vec![py_str(v)],
                None => {
                    return Err(err(format!(
                        "{method}() takes at least 1 argument (0 given)"
                    )));
                }
            };
            Value::from(prefixes.iter().any(|p| {
                if method == "startswith" {
                    s.starts_with(p.as_str())
                } else {
                    s.ends_with(p.as_str())
                }
            }))
        }
        "find" | "index" | "rfind" | "rindex" => {
            let needle = a0.unwrap_or_default();
            let found = if method.starts_with('r') {
                s.rfind(&needle)
            } else {
                s.find(&needle)
            };
            match found {
                Some(byte) => Value::from(s[..byte].chars().count()),
                None if method.ends_with("find") => Value::from(-1),
                None => return Err(err("substring not found")),
            }
        }
        "count" => {
            let needle = a0.unwrap_or_default();
            Value::from(if needle.is_empty() {
                s.chars().count() + 1
            } else {
                s.matches(&needle).count()
            })
        }
        "join" => {
            let parts: Vec<String> = match args.first() {
                Some(v) => items_of(v)?.iter().map(py_str).collect(),
                None => Vec::new(),
            };
            Value::from(parts.join(s))
        }
        "isdigit" | "isnumeric" | "isdecimal" => {
            Value::from(!s.is_empty() && s.chars().all(|c| c.is_numeric()))
        }
        "isalpha" => Value::from(!s.is_empty() && s.chars().all(char::is_alphabetic)),
        "isalnum" => Value::from(!s.is_empty() && s.chars().all(char::is_alphanumeric)),
        "isspace" => Value::from(!s.is_empty() && s.chars().all(char::is_whitespace)),
        "islower" => {
            Value::from(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase))
        }
        "isupper" => {
            Value::from(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase))
        }
        "zfill" => {
            let width = args
                .first()
                .and_then(|v| usize::try_from(v.clone()).ok())
                .unwrap_or(0);
            let len = s.chars().count();
            if len >= width {
                Value::from(s)
            } else {
                let (sign, rest) = match s.chars().next() {
                    Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
                    _ => (String::new(), s),
                };
                Value::from(format!("{sign}{}{rest}", "0".repeat(width - len)))
            }
        }
        "center" => {
            let width = args
                .first()
                .and_then(|v| usize::try_from(v.clone()).ok())
                .unwrap_or(0);
            Value::from(py_center(s, width))
        }
        "ljust" | "rjust" => {
            let width = args
                .first()
                .and_then(|v| usize::try_from(v.clone()).ok())
                .unwrap_or(0);
            let pad = " ".repeat(width.saturating_sub(s.chars().count()));
            Value::from(if method == "ljust" {
                format!("{s}{pad}")
            } else {
                format!("{pad}{s}")
            })
        }
        "format_map" => {
            let map = args.first().cloned().unwrap_or_default();
            Value::from(py_format(s, &[], Some(&map))?)
        }
        "format" => match args.split_last() {
            Some((last, rest)) if last.is_kwargs() => Value::from(py_format(s, rest, Some(last))?),
            _ => Value::from(py_format(s, args, None)?),
        },
        "partition" | "rpartition" => {
            let sep = a0.unwrap_or_default();
            if sep.is_empty() {
                return Err(err("empty separator"));
            }
            let found = if method == "partition" {
                s.find(&sep)
            } else {
                s.rfind(&sep)
            };
            let parts = match found {
                Some(at) => [&s[..at], sep.as_str(), &s[at + sep.len()..]],
                None if method == "partition" => [s, "", ""],
                None => ["", "", s],
            };
            Value::from_object(PyTuple {
                items: parts.iter().map(|p| Value::from(*p)).collect(),
                names: None,
            })
        }
        _ => return Err(Error::from(ErrorKind::UnknownMethod)),
    };
    Ok(v)
}

pub(super) fn py_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    out
}

pub(super) fn py_split(s: &str, sep: Option<&str>, maxsplit: i64, from_right: bool) -> Vec<Value> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize + 1
    };
    let parts: Vec<String> = match sep {
        Some(sep) if !sep.is_empty() => {
            if from_right {
                let mut v: Vec<String> = s.rsplitn(limit, sep).map(String::from).collect();
                v.reverse();
                v
            } else {
                s.splitn(limit, sep).map(String::from).collect()
            }
        }
        _ => {
            let words: Vec<&str> = s.split_whitespace().collect();
            if words.len() <= limit {
                words.into_iter().map(String::from).collect()
            } else if from_right {
                let keep = words.len() - (limit - 1);
                let head = s.trim_end();
                let mut rest: Vec<String> = words[keep..].iter().map(|w| w.to_string()).collect();
                let mut cut = head.len();
                for w in words[keep..].iter().rev() {
                    if let Some(pos) = head[..cut].rfind(w) {
                        cut = pos;
                    }
                }
                let mut v = vec![head[..cut].trim_end().to_string()];
                v.append(&mut rest);
                v
            } else {
                let mut v: Vec<String> = words[..limit - 1].iter().map(|w| w.to_string()).collect();
                let mut rest = s.trim_start();
                for w in &words[..limit - 1] {
                    rest = rest[w.len()..].trim_start();
                }
                v.push(rest.to_string());
                v
            }
        }
    };
    parts.into_iter().map(Value::from).collect()
}

/// `str.format` / `str.format_map` for `{}`, `{0}` and `{name}` fields.
pub(super) fn py_format(s: &str, args: &[Value], map: Option<&Value>) -> Result<String, Error> {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    let mut auto = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut field = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    field.push(c);
                }
                let value = if field.is_empty() {
                    auto += 1;
                    args.get(auto - 1).cloned()
                } else if let Ok(i) = field.parse::<usize>() {
                    args.get(i).cloned()
                } else {
                    map.map(|m| m.get_item(&Value::from(field.as_str())).unwrap_or_default())
                        .filter(|v| !v.is_undefined())
                };
                match value {
                    Some(v) => out.push_str(&py_str(&v)),
                    None => return Err(err(format!("'{field}'"))),
                }
            }
            c => out.push(c),
        }
    }
    Ok(out)
}
