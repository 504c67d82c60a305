//! Text helpers of the filters and globals: HTML escaping, titles, sizes,
//! `pprint`, centring, wrapping, URL quoting.

use super::*;

/// markupsafe's `escape`.
pub(super) fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&#34;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Jinja2's `title`: words start after `-`, whitespace and opening brackets.
pub(super) fn jinja_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_start = true;
    for c in s.chars() {
        if matches!(c, '-' | '(' | '{' | '[' | '<') || c.is_whitespace() {
            out.push(c);
            at_start = true;
        } else if at_start {
            out.extend(c.to_uppercase());
            at_start = false;
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Jinja2's `filesizeformat`.
pub(super) fn filesizeformat(bytes: f64, binary: bool) -> String {
    let base: f64 = if binary { 1024.0 } else { 1000.0 };
    let prefixes = if binary {
        ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"]
    } else {
        ["kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"]
    };
    if bytes == 1.0 {
        return "1 Byte".to_string();
    }
    if bytes < base {
        return format!("{} Bytes", bytes as i64);
    }
    let mut unit = base;
    for (i, prefix) in prefixes.iter().enumerate() {
        unit = base.powi(i as i32 + 2);
        if bytes < unit || i == prefixes.len() - 1 {
            return format!("{:.1} {prefix}", base * bytes / unit);
        }
    }
    format!(
        "{:.1} {}",
        base * bytes / unit,
        prefixes[prefixes.len() - 1]
    )
}

/// Python's `pprint.pformat` (width 80, sorted dicts) for JSON values.
pub(super) fn pformat(value: &Json) -> String {
    let mut out = String::new();
    pformat_into(&mut out, value, 0, 0);
    out
}

pub(super) fn pformat_into(out: &mut String, value: &Json, indent: usize, allowance: usize) {
    let rep = match value {
        Json::String(s) => python::str_repr(s),
        other => python::repr(other),
    };
    let max_width = 80usize.saturating_sub(indent + allowance);
    if rep.chars().count() <= max_width {
        out.push_str(&rep);
        return;
    }
    match value {
        Json::Array(items) if !items.is_empty() => {
            out.push('[');
            let inner = indent + 1;
            for (i, item) in items.iter().enumerate() {
                let last = i == items.len() - 1;
                if i > 0 {
                    out.push_str(",\n");
                    out.push_str(&" ".repeat(inner));
                }
                pformat_into(out, item, inner, if last { allowance + 1 } else { 1 });
            }
            out.push(']');
        }
        Json::Object(map) if !map.is_empty() => {
            out.push('{');
            let inner = indent + 1;
            for (i, (key, item)) in map.iter().enumerate() {
                let last = i == map.len() - 1;
                if i > 0 {
                    out.push_str(",\n");
                    out.push_str(&" ".repeat(inner));
                }
                let key_rep = python::str_repr(key);
                out.push_str(&key_rep);
                out.push_str(": ");
                pformat_into(
                    out,
                    item,
                    inner + key_rep.chars().count() + 2,
                    if last { allowance + 1 } else { 1 },
                );
            }
            out.push('}');
        }
        _ => out.push_str(&rep),
    }
}

pub(super) fn sort_json_keys(value: &mut Json) {
    match value {
        Json::Object(map) => {
            map.sort_keys();
            map.values_mut().for_each(sort_json_keys);
        }
        Json::Array(items) => items.iter_mut().for_each(sort_json_keys),
        _ => {}
    }
}

/// Python's `str.center`.
pub(super) fn py_center(s: &str, width: usize) -> String {
    let len = s.chars().count();
    if width <= len {
        return s.to_string();
    }
    let pad = width - len;
    let left = pad / 2 + (pad & width & 1);
    format!("{}{}{}", " ".repeat(left), s, " ".repeat(pad - left))
}

/// A simplified `textwrap.wrap` joined with newlines, as Jinja2's `wordwrap`.
pub(super) fn py_wordwrap(s: &str, width: usize, break_long: bool) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    for paragraph in s.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let mut word: Vec<char> = word.chars().collect();
            loop {
                let line_len = line.chars().count();
                let sep = usize::from(line_len > 0);
                if line_len + sep + word.len() <= width {
                    if sep == 1 {
                        line.push(' ');
                    }
                    line.extend(word.iter());
                    break;
                }
                if line_len > 0 {
                    lines.push(std::mem::take(&mut line));
                    continue;
                }
                if break_long && word.len() > width {
                    let rest = word.split_off(width);
                    lines.push(word.iter().collect());
                    word = rest;
                    continue;
                }
                line.extend(word.iter());
                break;
            }
        }
        lines.push(line);
    }
    lines
}

/// Jinja2's `url_quote`: UTF-8 percent-encoding keeping `safe` characters;
/// in a query string (`for_qs`) spaces become `+` and `/` is encoded.
pub(super) fn url_quote(s: &str, for_qs: bool) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'_' | b'.' | b'-' | b'~' => {
                out.push(b as char)
            }
            b'/' if !for_qs => out.push('/'),
            b' ' if for_qs => out.push('+'),
            other => {
                let _ = write!(out, "%{other:02X}");
            }
        }
    }
    out
}
