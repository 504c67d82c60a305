//! Regular expressions (yaql's `regex.py`): `regex`, `matches`, `search`,
//! `replaceBy`, `escapeRegex`, and the translation of Python's regex and
//! replacement syntax.

use super::*;

/// The regex functions; `None` for other names.
pub(super) fn patterns(name: &str, c: &Call) -> Option<R> {
    let result = match name {
        "replaceBy" => (|| {
            c.kind(Kind::Method)?;
            c.max(4)?;
            let a = c.val(0)?;
            let b = c.val(1)?;
            let (re, s) = match (&a, &b) {
                (Value::Regex(re), Value::Str(s)) => (re.clone(), s.clone()),
                (Value::Str(s), Value::Regex(re)) => (re.clone(), s.clone()),
                (Value::Str(s), Value::Str(p)) => (Arc::new(compile_regex(p, "")?), s.clone()),
                _ => return Err(CallErr::NoMatch),
            };
            let repl = c.lambda(2)?;
            let count = int_arg(c, 3, "count", 0)?;
            let mut out = String::new();
            let mut last = 0;
            for (n, caps) in re.captures_iter(&s).enumerate() {
                if count > 0 && n as i128 >= count {
                    break;
                }
                let Some(m) = caps.get(0) else { continue };
                out.push_str(&s[last..m.start()]);
                let vars = publish_match(&re, &s, &caps)?;
                let value = match &repl {
                    super::Lambda::Expr(e) => c.env.child(vars).eval(e)?,
                    super::Lambda::Const(v) => v.clone(),
                };
                match value {
                    Value::Str(text) => out.push_str(&text),
                    other => {
                        // re.sub joins the pieces: a non-string fails there.
                        let index = 2 * n + usize::from(!out.is_empty() || m.start() > 0);
                        return Err(runtime(format!(
                            "sequence item {}: expected str instance, {} found",
                            index.saturating_sub(usize::from(m.start() == 0 && n == 0)),
                            other.type_name()
                        )));
                    }
                }
                last = m.end();
            }
            out.push_str(&s[last..]);
            Ok(Value::str(&out))
        })(),
        "regex" => (|| {
            c.kind(Kind::Func)?;
            c.max(4)?;
            let pattern = string(&c.val(0)?)?;
            let mut flags = String::new();
            if bool_arg(c, 1, "ignoreCase", false)? {
                flags.push('i');
            }
            if bool_arg(c, 2, "multiLine", false)? {
                flags.push('m');
            }
            if bool_arg(c, 3, "dotAll", false)? {
                flags.push('s');
            }
            Ok(Value::Regex(Arc::new(compile_regex(&pattern, &flags)?)))
        })(),
        "matches" => (|| {
            c.kind(Kind::Method)?;
            c.exact(2)?;
            match (c.val(0)?, c.val(1)?) {
                (Value::Regex(re), Value::Str(s)) => Ok(Value::Bool(re.is_match(&s))),
                (Value::Str(s), Value::Str(p)) => {
                    Ok(Value::Bool(compile_regex(&p, "")?.is_match(&s)))
                }
                _ => Err(CallErr::NoMatch),
            }
        })(),
        "search" | "searchAll" => (|| {
            c.kind(Kind::Method)?;
            c.max(3)?;
            let Value::Regex(re) = c.val(0)? else {
                return Err(CallErr::NoMatch);
            };
            let s = string(&c.val(1)?)?;
            let selector = c.opt_lambda(2, "selector");
            let mut out = Vec::new();
            for caps in re.captures_iter(&s) {
                let value = match &selector {
                    None => Value::str(caps.get(0).map_or("", |m| m.as_str())),
                    Some(sel) => {
                        let vars = publish_match(&re, &s, &caps)?;
                        match sel {
                            super::Lambda::Expr(e) => c.env.child(vars).eval(e)?,
                            super::Lambda::Const(v) => v.clone(),
                        }
                    }
                };
                if name == "search" {
                    return Ok(value);
                }
                out.push(value);
            }
            Ok(if name == "search" {
                Value::Null
            } else {
                Value::list(out)
            })
        })(),
        "escapeRegex" => (|| {
            c.kind(Kind::Func)?;
            c.exact(1)?;
            let s = string(&c.val(0)?)?;
            let mut out = String::new();
            for ch in s.chars() {
                if "()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c".contains(ch) {
                    out.push('\\');
                }
                out.push(ch);
            }
            Ok(Value::str(&out))
        })(),
        _ => return None,
    };
    Some(result)
}

/// The `$1`, `$2`, ... records of a match, as yaql publishes them; named
/// groups fail the way yaql 3.2's unpacking bug makes them fail.
fn publish_match(
    re: &regex::Regex,
    s: &str,
    caps: &regex::Captures,
) -> Result<Vec<(Arc<str>, Value)>, CallErr> {
    let record = |m: Option<regex::Match>| -> Value {
        let mut d = crate::yaql::value::Dict::default();
        match m {
            Some(m) => {
                d.insert(Value::str("value"), Value::str(m.as_str()));
                d.insert(
                    Value::str("start"),
                    Value::Int(s[..m.start()].chars().count() as i128),
                );
                d.insert(
                    Value::str("end"),
                    Value::Int(s[..m.end()].chars().count() as i128),
                );
            }
            None => {
                d.insert(Value::str("value"), Value::Null);
                d.insert(Value::str("start"), Value::Int(-1));
                d.insert(Value::str("end"), Value::Int(-1));
            }
        }
        Value::Dict(Arc::new(d))
    };
    let mut vars = Vec::new();
    for i in 0..caps.len() {
        vars.push((crate::yaql::eval::index_name(i + 1), record(caps.get(i))));
    }
    if let Some(name) = re.capture_names().flatten().next() {
        // yaql unpacks each named group's *value* into (key, value).
        let msg = match caps.name(name).map(|m| m.as_str().chars().count()) {
            None => "cannot unpack non-iterable NoneType object".to_string(),
            Some(2) => "no such group".to_string(),
            Some(n) if n < 2 => format!("not enough values to unpack (expected 2, got {n})"),
            Some(_) => "too many values to unpack (expected 2)".to_string(),
        };
        return Err(runtime(msg));
    }
    Ok(vars)
}

pub(super) fn regex_split(re: &regex::Regex, s: &str, max: i128) -> Vec<String> {
    // Python's re.split also returns the groups' texts between the parts.
    let mut out = Vec::new();
    let mut last = 0;
    for (n, caps) in re.captures_iter(s).enumerate() {
        if max > 0 && n as i128 >= max {
            break;
        }
        let Some(m) = caps.get(0) else { continue };
        out.push(s[last..m.start()].to_string());
        for g in 1..caps.len() {
            out.push(
                caps.get(g)
                    .map_or(String::new(), |m| m.as_str().to_string()),
            );
        }
        last = m.end();
    }
    out.push(s[last..].to_string());
    out
}

pub(super) fn regex_replace(re: &regex::Regex, s: &str, repl: &str, count: i128) -> R {
    let template = translate_replacement(repl);
    let limit = if count <= 0 { 0 } else { count as usize };
    Ok(Value::str(&re.replacen(s, limit, template.as_str())))
}

/// Python replacement syntax (`\1`, `\g<name>`) to the regex crate's (`${1}`).
fn translate_replacement(repl: &str) -> String {
    let chars: Vec<char> = repl.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let ch = chars[i];
        if ch == '$' {
            out.push_str("$$");
        } else if ch == '\\' && i + 1 < chars.len() {
            let next = chars[i + 1];
            if next.is_ascii_digit() {
                let mut j = i + 1;
                while j < chars.len() && j < i + 3 && chars[j].is_ascii_digit() {
                    j += 1;
                }
                let num: String = chars[i + 1..j].iter().collect();
                out.push_str(&format!("${{{num}}}"));
                i = j;
                continue;
            }
            if next == 'g'
                && chars.get(i + 2) == Some(&'<')
                && let Some(close) = chars[i + 3..].iter().position(|c| *c == '>')
            {
                let name: String = chars[i + 3..i + 3 + close].iter().collect();
                out.push_str(&format!("${{{name}}}"));
                i += 4 + close;
                continue;
            }
            match next {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                '\\' => out.push('\\'),
                other => {
                    out.push('\\');
                    out.push(other);
                }
            }
            i += 2;
            continue;
        } else {
            out.push(ch);
        }
        i += 1;
    }
    out
}

/// Python regex syntax to the `regex` crate's: `\Z` is `\z`, `(?P=name)`
/// back-references are unsupported either way.
pub(super) fn translate_regex(pattern: &str) -> String {
    pattern.replace("\\Z", "\\z")
}

/// Python's `re.error` text for the common mistakes, else the crate's.
pub(super) fn regex_error_text(pattern: &str, err: &regex::Error) -> String {
    let chars: Vec<char> = pattern.chars().collect();
    let mut stack = Vec::new();
    let mut i = 0;
    let mut in_class = false;
    while i < chars.len() {
        match chars[i] {
            '\\' => i += 1,
            '[' if !in_class => in_class = true,
            ']' if in_class => in_class = false,
            '(' if !in_class => stack.push(i),
            ')' if !in_class && stack.pop().is_none() => {
                return format!("unbalanced parenthesis at position {i}");
            }
            _ => {}
        }
        i += 1;
    }
    if in_class && let Some(pos) = chars.iter().position(|c| *c == '[') {
        return format!("unterminated character set at position {pos}");
    }
    if let Some(pos) = stack.first() {
        return format!("missing ), unterminated subpattern at position {pos}");
    }
    if matches!(chars.first(), Some('*' | '+' | '?')) {
        return "nothing to repeat at position 0".into();
    }
    err.to_string()
}
