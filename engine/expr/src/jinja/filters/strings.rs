//! String filters: `string`, `escape`, `title`, `urlencode`, `join`,
//! `trim`, `replace`, `center`, `wordcount`, `truncate`, `striptags`,
//! `wordwrap`, `xmlattr`.

use super::*;

pub(super) fn register(env: &mut Environment<'static>) {
    filters!(env,
        "string" => string,
        "escape" => escape,
        "e" => escape,
        "forceescape" => forceescape,
        "title" => title,
        "urlencode" => urlencode,
        "join" => join,
        "trim" => trim,
        "replace" => replace,
        "center" => center,
        "wordcount" => wordcount,
        "truncate" => truncate,
        "striptags" => striptags,
        "wordwrap" => wordwrap,
        "xmlattr" => xmlattr,
    );
}

fn string(v: Value) -> Result<Value, Error> {
    check_defined(&v)?;
    Ok(Value::from(py_str(&v)))
}

fn escape(v: Value) -> Value {
    if v.is_safe() {
        v
    } else {
        Value::from_safe_string(html_escape(&py_str(&v)))
    }
}

fn forceescape(v: Value) -> Value {
    Value::from_safe_string(html_escape(&py_str(&v)))
}

fn title(v: Value) -> Value {
    Value::from(jinja_title(&py_str(&v)))
}

fn urlencode(v: Value) -> Result<Value, Error> {
    Ok(Value::from(match v.kind() {
        ValueKind::String => url_quote(v.as_str().unwrap_or_default(), false),
        ValueKind::Map => items_of(&v)?
            .iter()
            .map(|k| {
                let item = v.get_item(k).unwrap_or_default();
                format!(
                    "{}={}",
                    url_quote(&py_str(k), true),
                    url_quote(&py_str(&item), true)
                )
            })
            .collect::<Vec<_>>()
            .join("&"),
        ValueKind::Seq => items_of(&v)?
            .iter()
            .map(|pair| {
                let k = pair.get_item_by_index(0).unwrap_or_default();
                let item = pair.get_item_by_index(1).unwrap_or_default();
                format!(
                    "{}={}",
                    url_quote(&py_str(&k), true),
                    url_quote(&py_str(&item), true)
                )
            })
            .collect::<Vec<_>>()
            .join("&"),
        _ => url_quote(&py_str(&v), false),
    }))
}

fn join(v: Value, sep: Option<String>, kwargs: Kwargs) -> Result<Value, Error> {
    let attribute = kwargs.get::<Option<String>>("attribute")?;
    let sep = match sep {
        Some(sep) => sep,
        None => kwargs.get::<Option<String>>("d")?.unwrap_or_default(),
    };
    kwargs.assert_all_used()?;
    let parts: Vec<String> = match v.kind() {
        ValueKind::String => v
            .as_str()
            .unwrap_or_default()
            .chars()
            .map(String::from)
            .collect(),
        _ => keyed(items_of(&v)?, attribute.as_deref())?
            .into_iter()
            .map(|(k, _)| {
                if k.is_undefined() {
                    Err(undefined_error())
                } else {
                    Ok(py_str(&k))
                }
            })
            .collect::<Result<Vec<_>, Error>>()?
            .into_iter()
            .collect(),
    };
    Ok(Value::from(parts.join(&sep)))
}

fn trim(v: String, chars: Option<String>) -> Value {
    Value::from(python_strip(&v, chars.as_deref(), true, true))
}

fn replace(v: String, old: String, new: String, count: Option<i64>) -> Value {
    Value::from(match count {
        Some(n) if n >= 0 => v.replacen(&old, &new, n as usize),
        _ => v.replace(&old, &new),
    })
}

fn center(v: String, width: Option<usize>) -> Value {
    Value::from(py_center(&v, width.unwrap_or(80)))
}

fn wordcount(v: String) -> Value {
    static WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\w+").unwrap_or_else(|e| panic!("{e}")));
    Value::from(WORD.find_iter(&v).count())
}

fn truncate(
    v: String,
    length: Option<usize>,
    killwords: Option<bool>,
    end: Option<String>,
    leeway: Option<usize>,
) -> Value {
    let length = length.unwrap_or(255);
    let end = end.unwrap_or_else(|| "...".to_string());
    let leeway = leeway.unwrap_or(5);
    let chars: Vec<char> = v.chars().collect();
    if chars.len() <= length + leeway {
        return Value::from(v);
    }
    let cut = length.saturating_sub(end.chars().count());
    let head: String = chars[..cut.min(chars.len())].iter().collect();
    if killwords.unwrap_or(false) {
        return Value::from(head + &end);
    }
    let head = match head.rsplit_once(' ') {
        Some((before, _)) => before.to_string(),
        None => head,
    };
    Value::from(head + &end)
}

fn striptags(v: String) -> Value {
    static TAGS: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?s)<!--.*?-->|<[^>]*>").unwrap_or_else(|e| panic!("{e}")));
    let stripped = TAGS.replace_all(&v, "");
    let words: Vec<&str> = stripped.split_whitespace().collect();
    Value::from(
        words
            .join(" ")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&"),
    )
}

fn wordwrap(
    v: String,
    width: Option<usize>,
    break_long_words: Option<bool>,
    wrapstring: Option<String>,
) -> Value {
    let wrapped: Vec<String> = v
        .lines()
        .flat_map(|line| py_wordwrap(line, width.unwrap_or(79), break_long_words.unwrap_or(true)))
        .collect();
    Value::from(wrapped.join(wrapstring.as_deref().unwrap_or("\n")))
}

/// Jinja2's `xmlattr`: ` key="value"` for each item whose value is not
/// none, values escaped; a key that could break out of the attribute is
/// an error.
fn xmlattr(v: Value, autospace: Option<bool>) -> Result<Value, Error> {
    if v.kind() != ValueKind::Map {
        return Err(err(format!(
            "'{}' object has no attribute 'items'",
            type_name(&v)
        )));
    }
    let mut parts = Vec::new();
    for key in items_of(&v)? {
        let value = v.get_item(&key)?;
        if value.is_none() || value.is_undefined() {
            continue;
        }
        let key = py_str(&key);
        if key
            .chars()
            .any(|c| c.is_whitespace() || matches!(c, '/' | '>' | '='))
        {
            return Err(err(format!(
                "Invalid character in attribute name: {}",
                python::str_repr(&key)
            )));
        }
        parts.push(format!(
            "{}=\"{}\"",
            html_escape(&key),
            html_escape(&py_str(&value))
        ));
    }
    let mut out = parts.join(" ");
    if autospace.unwrap_or(true) && !out.is_empty() {
        out.insert(0, ' ');
    }
    Ok(Value::from_safe_string(out))
}
