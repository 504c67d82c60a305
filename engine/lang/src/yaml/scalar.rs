//! YAML 1.1 scalar resolution as PyYAML's `SafeLoader` does it: tags,
//! and the implicit resolvers of plain scalars (booleans, octal, hex,
//! sexagesimal, floats, timestamps, null).

use yaml_rust2::parser::Tag;
use yaml_rust2::scanner::TScalarStyle as ScalarStyle;

use super::Value;

/// Resolves a scalar. Returns the value and whether it is a plain `<<` key.
pub(super) fn resolve_scalar(
    text: String,
    style: ScalarStyle,
    tag: Option<&Tag>,
) -> Result<(Value, bool), String> {
    if let Some(tag) = tag {
        if tag.handle != "tag:yaml.org,2002:" {
            return Err(format!(
                "could not determine a constructor for the tag '{}{}'",
                tag.handle, tag.suffix
            ));
        }
        let v = match tag.suffix.as_str() {
            "str" => Value::Str(text),
            "null" => Value::Null,
            "bool" => match text.to_ascii_lowercase().as_str() {
                "yes" | "true" | "on" => Value::Bool(true),
                "no" | "false" | "off" => Value::Bool(false),
                _ => return Err(format!("invalid boolean value: '{text}'")),
            },
            "int" => {
                parse_int(&text).ok_or_else(|| format!("invalid literal for int(): '{text}'"))?
            }
            "float" => {
                parse_float(&text).ok_or_else(|| format!("could not convert to float: '{text}'"))?
            }
            "binary" => Value::Bytes(decode_base64(&text).ok_or("failed to decode base64 data")?),
            "timestamp" => Value::Timestamp(text),
            other => {
                return Err(format!(
                    "could not determine a constructor for the tag 'tag:yaml.org,2002:{other}'"
                ));
            }
        };
        return Ok((v, false));
    }
    if style != ScalarStyle::Plain {
        return Ok((Value::Str(text), false));
    }
    if text == "=" {
        // PyYAML resolves a plain `=` to the `value` tag, which its safe
        // constructor does not know.
        return Err(
            "could not determine a constructor for the tag 'tag:yaml.org,2002:value'".into(),
        );
    }
    Ok(resolve_plain(text))
}

/// PyYAML's implicit resolvers (YAML 1.1) for plain scalars.
fn resolve_plain(text: String) -> (Value, bool) {
    match text.as_str() {
        "" | "~" | "null" | "Null" | "NULL" => return (Value::Null, false),
        "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return (Value::Bool(true), false);
        }
        "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return (Value::Bool(false), false);
        }
        "<<" => return (Value::Str(text), true),
        _ => {}
    }
    let first = text.as_bytes()[0];
    if first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'.') {
        if is_int_text(&text)
            && let Some(v) = parse_int(&text)
        {
            return (v, false);
        }
        if is_float_text(&text)
            && let Some(v) = parse_float(&text)
        {
            return (v, false);
        }
        if is_timestamp_text(&text) {
            return (Value::Timestamp(text), false);
        }
    }
    (Value::Str(text), false)
}

fn is_int_text(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    if body.is_empty() {
        return false;
    }
    if let Some(b) = body.strip_prefix("0b") {
        return !b.is_empty() && b.chars().all(|c| matches!(c, '0' | '1' | '_'));
    }
    if let Some(h) = body.strip_prefix("0x") {
        return !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit() || c == '_');
    }
    if body == "0" {
        return true;
    }
    if let Some(o) = body.strip_prefix('0') {
        return !o.is_empty() && o.chars().all(|c| matches!(c, '0'..='7' | '_'));
    }
    let mut parts = body.split(':');
    let head = parts.next().unwrap_or("");
    let head_ok = head.starts_with(|c: char| matches!(c, '1'..='9'))
        && head.chars().all(|c| c.is_ascii_digit() || c == '_');
    if !head_ok {
        return false;
    }
    parts.all(is_sexagesimal_part)
}

fn is_sexagesimal_part(p: &str) -> bool {
    // `[0-5]?[0-9]`
    let b = p.as_bytes();
    match b.len() {
        1 => b[0].is_ascii_digit(),
        2 => (b'0'..=b'5').contains(&b[0]) && b[1].is_ascii_digit(),
        _ => false,
    }
}

fn parse_int(s: &str) -> Option<Value> {
    let cleaned: String = s.chars().filter(|&c| c != '_').collect();
    let (neg, body) = match cleaned.as_bytes().first() {
        Some(b'-') => (true, &cleaned[1..]),
        Some(b'+') => (false, &cleaned[1..]),
        _ => (false, cleaned.as_str()),
    };
    let magnitude: i128 = if body == "0" {
        0
    } else if let Some(b) = body.strip_prefix("0b") {
        i128::from_str_radix(b, 2).ok()?
    } else if let Some(h) = body.strip_prefix("0x") {
        i128::from_str_radix(h, 16).ok()?
    } else if body.starts_with('0') {
        i128::from_str_radix(body, 8).ok()?
    } else if body.contains(':') {
        let mut acc: i128 = 0;
        for part in body.split(':') {
            acc = acc
                .checked_mul(60)?
                .checked_add(part.parse::<i128>().ok()?)?;
        }
        acc
    } else {
        body.parse::<i128>().ok()?
    };
    let v = if neg { -magnitude } else { magnitude };
    Some(match i64::try_from(v) {
        Ok(i) => Value::Int(i),
        Err(_) => Value::Float(v as f64),
    })
}

fn is_float_text(s: &str) -> bool {
    let body = s.strip_prefix(['-', '+']).unwrap_or(s);
    if matches!(body, ".inf" | ".Inf" | ".INF") {
        return true;
    }
    if matches!(s, ".nan" | ".NaN" | ".NAN") {
        return true;
    }
    // `[0-9][0-9_]*(:[0-5]?[0-9])+\.[0-9_]*`
    if body.contains(':') {
        let Some((int_part, frac)) = body.rsplit_once('.') else {
            return false;
        };
        let mut parts = int_part.split(':');
        let head = parts.next().unwrap_or("");
        return head.starts_with(|c: char| c.is_ascii_digit())
            && head.chars().all(|c| c.is_ascii_digit() || c == '_')
            && parts.all(is_sexagesimal_part)
            && frac.chars().all(|c| c.is_ascii_digit() || c == '_');
    }
    // `[0-9][0-9_]*\.[0-9_]*([eE][-+][0-9]+)?` or `\.[0-9_]+([eE][-+][0-9]+)?`
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    if let Some(exp) = exp {
        let Some(digits) = exp.strip_prefix(['-', '+']) else {
            return false;
        };
        if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
    }
    let Some((ip, fp)) = mantissa.split_once('.') else {
        return false;
    };
    let digits_ = |t: &str| t.chars().all(|c| c.is_ascii_digit() || c == '_');
    if ip.is_empty() {
        // `.5` form: no sign allowed in PyYAML's regex.
        !fp.is_empty() && digits_(fp) && s == body
    } else {
        ip.starts_with(|c: char| c.is_ascii_digit()) && digits_(ip) && digits_(fp)
    }
}

fn parse_float(s: &str) -> Option<Value> {
    let cleaned: String = s.chars().filter(|&c| c != '_').collect();
    let lower = cleaned.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes().first() {
        Some(b'-') => (-1.0, &lower[1..]),
        Some(b'+') => (1.0, &lower[1..]),
        _ => (1.0, lower.as_str()),
    };
    let v = if body == ".inf" {
        f64::INFINITY
    } else if body == ".nan" {
        f64::NAN
    } else if body.contains(':') {
        let mut acc = 0.0;
        for part in body.split(':') {
            acc = acc * 60.0 + part.parse::<f64>().ok()?;
        }
        acc
    } else {
        let fixed = if body.ends_with('.') || body.contains(".e") {
            body.replacen('.', ".0", 1)
        } else {
            body.to_string()
        };
        fixed.parse::<f64>().ok()?
    };
    Some(Value::Float(sign * v))
}

fn is_timestamp_text(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    if b.len() == 10
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && b[7] == b'-'
        && digits(8..10)
    {
        return true;
    }
    // Date and time: `YYYY-M(M)-D(D)[Tt ]H(H):MM:SS[.f][ Z|±H(H)[:MM]]`.
    let re = timestamp_regex();
    re.is_match(s)
}

fn timestamp_regex() -> &'static regex::Regex {
    static RE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?$",
        )
        .unwrap_or_else(|_| unreachable!("constant regex"))
    });
    &RE
}

fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut bits: u32 = 0;
    let mut nbits = 0;
    let mut out = Vec::new();
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        let v = match c {
            'A'..='Z' => c as u32 - 'A' as u32,
            'a'..='z' => c as u32 - 'a' as u32 + 26,
            '0'..='9' => c as u32 - '0' as u32 + 52,
            '+' => 62,
            '/' => 63,
            '=' => break,
            _ => return None,
        };
        bits = (bits << 6) | v;
        nbits += 6;
        if nbits >= 8 {
            nbits -= 8;
            out.push((bits >> nbits) as u8);
            bits &= (1 << nbits) - 1;
        }
    }
    Some(out)
}
