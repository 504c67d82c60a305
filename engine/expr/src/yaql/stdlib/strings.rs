//! String and regex functions (yaql's `strings.py` and `regex.py`).
//!
//! Indices count characters, as Python's do. Python regex syntax is
//! translated to the `regex` crate's where they differ; features the crate
//! lacks (look-around, back-references) fail with the crate's message.

use std::sync::Arc;

use super::patterns::{regex_replace, regex_split};
use super::{Call, CallErr, Kind, R, bool_arg, int, int_arg, runtime, string, yaql_str};
use crate::yaql::YaqlError;
use crate::yaql::value::Value;

fn s_arg(c: &Call, i: usize, name: &str) -> Result<Option<Arc<str>>, CallErr> {
    match c.arg(i, name)? {
        None | Some(Value::Null) => Ok(None),
        Some(v) => string(&v).map(Some),
    }
}

fn chars_of(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// Python's `str.strip(chars)` family.
fn strip(s: &str, chars: Option<&str>, left: bool, right: bool) -> String {
    let matches = |c: char| match chars {
        Some(set) => set.contains(c),
        None => c.is_whitespace(),
    };
    let mut out: &str = s;
    if left {
        out = out.trim_start_matches(matches);
    }
    if right {
        out = out.trim_end_matches(matches);
    }
    out.to_string()
}

/// Python's `str.split(sep, maxsplit)`.
pub(super) fn py_split(s: &str, sep: Option<&str>, max: i128) -> Result<Vec<String>, CallErr> {
    let max = if max < 0 { usize::MAX } else { max as usize };
    match sep {
        Some("") => Err(runtime("empty separator")),
        Some(sep) => {
            if max == usize::MAX {
                Ok(s.split(sep).map(String::from).collect())
            } else {
                Ok(s.splitn(max + 1, sep).map(String::from).collect())
            }
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_start();
            while !rest.is_empty() {
                if out.len() == max {
                    out.push(rest.to_string());
                    break;
                }
                let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
                out.push(rest[..end].to_string());
                rest = rest[end..].trim_start();
            }
            Ok(out)
        }
    }
}

/// Python's `str.rsplit(sep, maxsplit)`.
fn py_rsplit(s: &str, sep: Option<&str>, max: i128) -> Result<Vec<String>, CallErr> {
    let max = if max < 0 { usize::MAX } else { max as usize };
    match sep {
        Some("") => Err(runtime("empty separator")),
        Some(sep) => {
            let mut out: Vec<String> = if max == usize::MAX {
                s.rsplit(sep).map(String::from).collect()
            } else {
                s.rsplitn(max + 1, sep).map(String::from).collect()
            };
            out.reverse();
            Ok(out)
        }
        None => {
            let mut out = Vec::new();
            let mut rest = s.trim_end();
            while !rest.is_empty() {
                if out.len() == max {
                    out.push(rest.to_string());
                    break;
                }
                let start = rest.rfind(char::is_whitespace).map_or(0, |i| {
                    i + rest[i..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(rest[start..].to_string());
                rest = rest[..start].trim_end();
            }
            out.reverse();
            Ok(out)
        }
    }
}

/// Python's `str.split` and `re.split` return lists (not tuples).
fn strs(items: Vec<String>) -> Value {
    Value::PyList(Arc::new(
        items.into_iter().map(|s| Value::str(&s)).collect(),
    ))
}

/// Python slice bounds for `find(sub, start, end)`.
fn find(s: &str, sub: &str, start: i128, end: Option<i128>, last: bool) -> i128 {
    let chars = chars_of(s);
    let len = chars.len() as i128;
    let norm = |i: i128| if i < 0 { (i + len).max(0) } else { i.min(len) };
    let start = norm(start);
    let end = end.map_or(len, norm);
    if start > end {
        return -1;
    }
    let hay: String = chars[start as usize..end as usize].iter().collect();
    let found = if last { hay.rfind(sub) } else { hay.find(sub) };
    found.map_or(-1, |byte| start + hay[..byte].chars().count() as i128)
}

/// Python's `str.replace(old, new, count)`.
fn py_replace(s: &str, old: &str, new: &str, count: i128) -> String {
    if count < 0 {
        if old.is_empty() {
            let mut out = String::from(new);
            for ch in s.chars() {
                out.push(ch);
                out.push_str(new);
            }
            return out;
        }
        return s.replace(old, new);
    }
    if old.is_empty() {
        let mut out = String::new();
        let mut n = 0;
        for ch in s.chars() {
            if n < count {
                out.push_str(new);
                n += 1;
            }
            out.push(ch);
        }
        if n < count {
            out.push_str(new);
        }
        return out;
    }
    s.replacen(old, new, count as usize)
}

/// Text functions; `None` when `name` is not one of them for these
/// arguments.
pub(super) fn text(name: &str, c: &Call) -> Option<R> {
    let first_is =
        |f: fn(&Value) -> bool| -> Result<bool, CallErr> { Ok(c.n() > 0 && f(&c.val(0)?)) };
    let is_str = |v: &Value| matches!(v, Value::Str(_));
    let is_regex = |v: &Value| matches!(v, Value::Regex(_));
    let result = match name {
        "toUpper" | "toLower" => (|| {
            c.kind(Kind::Method)?;
            c.exact(1)?;
            let s = string(&c.val(0)?)?;
            Ok(Value::str(&if name == "toUpper" {
                s.to_uppercase()
            } else {
                s.to_lowercase()
            }))
        })(),
        "trim" | "trimLeft" | "trimRight" => (|| {
            c.kind(Kind::Method)?;
            c.max(2)?;
            let s = string(&c.val(0)?)?;
            let chars = s_arg(c, 1, "chars")?;
            Ok(Value::str(&strip(
                &s,
                chars.as_deref(),
                name != "trimRight",
                name != "trimLeft",
            )))
        })(),
        "norm" => (|| {
            c.max(2)?;
            let s = match c.val(0)? {
                Value::Null => return Ok(Value::Null),
                v => string(&v)?,
            };
            let chars = s_arg(c, 1, "chars")?;
            let out = strip(&s, chars.as_deref(), true, true);
            Ok(if out.is_empty() {
                Value::Null
            } else {
                Value::str(&out)
            })
        })(),
        "isEmpty" => (|| {
            c.max(3)?;
            let s = match c.val(0)? {
                Value::Null => return Ok(Value::Bool(true)),
                v => string(&v)?,
            };
            let trim = bool_arg(c, 1, "trim", true)?;
            let chars = s_arg(c, 2, "chars")?;
            let s = if trim {
                strip(&s, chars.as_deref(), true, true)
            } else {
                s.to_string()
            };
            Ok(Value::Bool(s.is_empty()))
        })(),
        "substring" => (|| {
            c.kind(Kind::Method)?;
            c.max(3)?;
            let s = chars_of(&string(&c.val(0)?)?);
            let len = s.len() as i128;
            let mut start = int(&c.val(1)?)?;
            let mut length = int_arg(c, 2, "length", -1)?;
            if length < 0 {
                length = len;
            }
            if start < 0 {
                start += len;
            }
            let norm = |i: i128| if i < 0 { (i + len).max(0) } else { i.min(len) };
            let (a, b) = (norm(start), norm(start + length));
            Ok(Value::str(&if a < b {
                s[a as usize..b as usize].iter().collect::<String>()
            } else {
                String::new()
            }))
        })(),
        "toCharArray" => (|| {
            c.kind(Kind::Method)?;
            c.exact(1)?;
            let s = string(&c.val(0)?)?;
            Ok(Value::list(
                s.chars()
                    .map(|ch| Value::str(ch.encode_utf8(&mut [0; 4])))
                    .collect(),
            ))
        })(),
        "startsWith" | "endsWith" => (|| {
            c.kind(Kind::Method)?;
            let s = string(&c.val(0)?)?;
            let mut any = false;
            for i in 1..c.n() {
                let p = string(&c.val(i)?)?;
                any |= if name == "startsWith" {
                    s.starts_with(&*p)
                } else {
                    s.ends_with(&*p)
                };
            }
            Ok(Value::Bool(any))
        })(),
        "hex" => (|| {
            c.kind(Kind::Func)?;
            c.exact(1)?;
            match c.val(0)? {
                Value::Int(i) => Ok(Value::str(&if i < 0 {
                    format!("-0x{:x}", -i)
                } else {
                    format!("0x{i:x}")
                })),
                Value::Null => Err(runtime(
                    "'NoneType' object cannot be interpreted as an integer",
                )),
                Value::Float(_) => Err(runtime(
                    "'float' object cannot be interpreted as an integer",
                )),
                _ => Err(CallErr::NoMatch),
            }
        })(),
        "characters" => (|| {
            c.kind(Kind::Func)?;
            c.max(0)?;
            let mut set = String::new();
            for (flag, chars) in [
                ("digits", "0123456789"),
                ("hexdigits", "0123456789abcdefABCDEF"),
                ("asciiLowercase", "abcdefghijklmnopqrstuvwxyz"),
                ("asciiUppercase", "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
                (
                    "asciiLetters",
                    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                ),
                ("octdigits", "01234567"),
                ("punctuation", "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"),
                ("whitespace", " \t\n\r\x0b\x0c"),
            ] {
                if bool_arg(c, usize::MAX, flag, false)? {
                    set.push_str(chars);
                }
            }
            let mut seen = crate::yaql::value::Set::default();
            for ch in set.chars() {
                seen.insert(Value::str(ch.encode_utf8(&mut [0; 4])));
            }
            Ok(Value::list(seen.into_iter().collect()))
        })(),
        "rightSplit" => (|| {
            c.kind(Kind::Method)?;
            c.max(3)?;
            let s = string(&c.val(0)?)?;
            let sep = s_arg(c, 1, "separator")?;
            let max = int_arg(c, 2, "maxSplits", -1)?;
            Ok(strs(py_rsplit(&s, sep.as_deref(), max)?))
        })(),
        "split" => match (first_is(is_str), first_is(is_regex)) {
            (Err(e), _) | (_, Err(e)) => Err(e),
            (Ok(true), _) => (|| {
                c.kind(Kind::Method)?;
                c.max(3)?;
                let s = string(&c.val(0)?)?;
                if let Some(Value::Regex(re)) = c.opt(1)? {
                    let max = int_arg(c, 2, "maxSplit", 0)?;
                    return Ok(strs(regex_split(&re, &s, max)));
                }
                let sep = s_arg(c, 1, "separator")?;
                let max = int_arg(c, 2, "maxSplits", -1)?;
                Ok(strs(py_split(&s, sep.as_deref(), max)?))
            })(),
            (_, Ok(true)) => (|| {
                c.kind(Kind::Method)?;
                c.max(3)?;
                let Value::Regex(re) = c.val(0)? else {
                    return Err(CallErr::NoMatch);
                };
                let s = string(&c.val(1)?)?;
                let max = int_arg(c, 2, "maxSplit", 0)?;
                Ok(strs(regex_split(&re, &s, max)))
            })(),
            _ => Err(c.kind(Kind::Method).err().unwrap_or(CallErr::NoMatch)),
        },
        _ => return None,
    };
    Some(result)
}

/// Functions of strings that collections have too (`concat`, `join`,
/// `indexOf`, `replace`); `None` when the arguments are not strings.
pub(super) fn shared(name: &str, c: &Call) -> Option<R> {
    let first_is =
        |f: fn(&Value) -> bool| -> Result<bool, CallErr> { Ok(c.n() > 0 && f(&c.val(0)?)) };
    let is_str = |v: &Value| matches!(v, Value::Str(_));
    let is_regex = |v: &Value| matches!(v, Value::Regex(_));
    let result = match name {
        "concat" => {
            if c.receiver.is_some() {
                return None;
            }
            // A literal that is no string (nor collection) rules out both
            // overloads at once; otherwise every argument is evaluated first.
            if c.literal_args().any(|v| !matches!(v, Value::Str(_))) {
                return Some(Err(CallErr::NoMatch));
            }
            for i in 0..c.n() {
                if let Err(e) = c.val(i) {
                    return Some(Err(e));
                }
            }
            if c.n() == 0 {
                return Some(Err(CallErr::Err(YaqlError::AmbiguousFunction(
                    "concat".into(),
                ))));
            }
            match first_is(is_str) {
                Err(e) => Err(e),
                Ok(false) => return None,
                Ok(true) => (|| {
                    let mut out = String::new();
                    for i in 0..c.n() {
                        out.push_str(&string(&c.val(i)?)?);
                    }
                    Ok(Value::str(&out))
                })(),
            }
        }
        "join" => {
            if c.n() > 2 {
                return None;
            }
            (|| {
                c.kind(Kind::Method)?;
                c.exact(2)?;
                let a = c.val(0)?;
                let b = c.val(1)?;
                let (seq, sep) = match (&a, &b) {
                    (_, Value::Str(sep)) if super::items(&a).is_some() => {
                        (super::items(&a).unwrap_or_default(), sep.clone())
                    }
                    (Value::Str(sep), _) if super::items(&b).is_some() => {
                        (super::items(&b).unwrap_or_default(), sep.clone())
                    }
                    _ => return Err(CallErr::NoMatch),
                };
                let parts: Vec<String> = seq.iter().map(yaql_str).collect();
                Ok(Value::str(&parts.join(&sep)))
            })()
        }
        "indexOf" | "lastIndexOf" => match first_is(is_str) {
            Err(e) => Err(e),
            Ok(false) => return None,
            Ok(true) => (|| {
                c.kind(Kind::Method)?;
                c.max(4)?;
                let s = string(&c.val(0)?)?;
                let sub = string(&c.val(1)?)?;
                let start = int_arg(c, 2, "start", 0)?;
                let last = name == "lastIndexOf";
                match c.arg(3, "length")? {
                    None => Ok(Value::Int(find(&s, &sub, start, None, last))),
                    Some(length) => {
                        let len = s.chars().count() as i128;
                        let start = if start < 0 { start + len } else { start };
                        let mut length = int(&length)?;
                        if length < 0 {
                            length = len - start;
                        }
                        Ok(Value::Int(find(
                            &s,
                            &sub,
                            start,
                            Some(start + length),
                            last,
                        )))
                    }
                }
            })(),
        },
        "replace" => match (first_is(is_str), first_is(is_regex)) {
            (Err(e), _) | (_, Err(e)) => Err(e),
            (Ok(true), _) => (|| {
                c.kind(Kind::Method)?;
                c.max(4)?;
                let s = string(&c.val(0)?)?;
                // All arguments are evaluated before an overload is chosen.
                for i in 1..c.n() {
                    c.opt(i)?;
                }
                match c.val(1)? {
                    Value::Str(old) => {
                        let new = string(&c.val(2)?)?;
                        let count = int_arg(c, 3, "count", -1)?;
                        Ok(Value::str(&py_replace(&s, &old, &new, count)))
                    }
                    Value::Regex(re) => {
                        let repl = string(&c.val(2)?)?;
                        let count = int_arg(c, 3, "count", 0)?;
                        regex_replace(&re, &s, &repl, count)
                    }
                    Value::Dict(map) => {
                        c.max(3)?;
                        let count = int_arg(c, 2, "count", -1)?;
                        let mut out = s.to_string();
                        for (k, v) in map.iter() {
                            out = py_replace(&out, &yaql_str(k), &yaql_str(v), count);
                        }
                        Ok(Value::str(&out))
                    }
                    _ => Err(CallErr::NoMatch),
                }
            })(),
            (_, Ok(true)) => (|| {
                c.kind(Kind::Method)?;
                c.max(4)?;
                let Value::Regex(re) = c.val(0)? else {
                    return Err(CallErr::NoMatch);
                };
                let s = string(&c.val(1)?)?;
                let repl = string(&c.val(2)?)?;
                let count = int_arg(c, 3, "count", 0)?;
                regex_replace(&re, &s, &repl, count)
            })(),
            _ => return None,
        },
        _ => return None,
    };
    Some(result)
}
