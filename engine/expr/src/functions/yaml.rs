//! `yaml_dump` and `yaml_parse` as PyYAML does them: `safe_dump(data,
//! default_flow_style=False)` (sorted keys, ASCII only, width 80, quoting of
//! strings that would read back as another type, `...` after a plain root
//! scalar) and `safe_load` (YAML 1.1 scalars: `yes`/`on` are booleans, `1e3`
//! is a string, `017` is octal, dates stay text here).

use std::sync::LazyLock;

use regex::Regex;
use saphyr_parser::{Event, Parser, ScalarStyle};
use serde_json::{Map, Number, Value};

use crate::python;

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

static INT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

static FLOAT_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

static TIMESTAMP_RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$",
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// What a plain (unquoted) scalar means under PyYAML's YAML 1.1 resolver.
enum Resolved {
    Null,
    Bool(bool),
    Int,
    Float,
    Timestamp,
    Str,
}

fn resolve_plain(text: &str) -> Resolved {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Resolved::Null,
        "yes" | "Yes" | "YES" | "true" | "True" | "TRUE" | "on" | "On" | "ON" => {
            return Resolved::Bool(true);
        }
        "no" | "No" | "NO" | "false" | "False" | "FALSE" | "off" | "Off" | "OFF" => {
            return Resolved::Bool(false);
        }
        _ => {}
    }
    if INT_RE.is_match(text) {
        Resolved::Int
    } else if FLOAT_RE.is_match(text) {
        Resolved::Float
    } else if TIMESTAMP_RE.is_match(text) {
        Resolved::Timestamp
    } else {
        Resolved::Str
    }
}

/// True when PyYAML would read `text`, written plain, back as a string. The
/// merge key `<<` and the value key `=` have resolvers of their own too.
fn plain_reads_as_str(text: &str) -> bool {
    matches!(resolve_plain(text), Resolved::Str) && text != "<<" && text != "="
}

fn parse_int(text: &str) -> Result<Value, String> {
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    let (negative, body) = match cleaned.as_bytes().first() {
        Some(b'-') => (true, &cleaned[1..]),
        Some(b'+') => (false, &cleaned[1..]),
        _ => (false, cleaned.as_str()),
    };
    let magnitude: i128 = if body == "0" {
        0
    } else if let Some(bin) = body.strip_prefix("0b") {
        i128::from_str_radix(bin, 2).map_err(|e| e.to_string())?
    } else if let Some(hex) = body.strip_prefix("0x") {
        i128::from_str_radix(hex, 16).map_err(|e| e.to_string())?
    } else if body.contains(':') {
        let mut total: i128 = 0;
        for part in body.split(':') {
            total = total * 60 + part.parse::<i128>().map_err(|e| e.to_string())?;
        }
        total
    } else if let Some(oct) = body.strip_prefix('0') {
        i128::from_str_radix(oct, 8).map_err(|e| e.to_string())?
    } else {
        body.parse::<i128>().map_err(|e| e.to_string())?
    };
    let n = if negative { -magnitude } else { magnitude };
    if let Ok(i) = i64::try_from(n) {
        Ok(Value::from(i))
    } else if let Ok(u) = u64::try_from(n) {
        Ok(Value::from(u))
    } else {
        // Beyond 64 bits JSON has no integer; keep the magnitude as a float.
        Ok(Number::from_f64(n as f64).map_or(Value::Null, Value::Number))
    }
}

fn parse_float(text: &str) -> Value {
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    let lower = cleaned.to_ascii_lowercase();
    let f = if lower.ends_with(".inf") {
        if lower.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        }
    } else if lower == ".nan" {
        f64::NAN
    } else if cleaned.contains(':') {
        let (negative, body) = match cleaned.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, cleaned.trim_start_matches('+')),
        };
        let mut total = 0.0;
        for part in body.split(':') {
            total = total * 60.0 + part.parse::<f64>().unwrap_or(0.0);
        }
        if negative { -total } else { total }
    } else {
        cleaned.parse::<f64>().unwrap_or(f64::NAN)
    };
    // JSON has no inf/nan: they become the strings the oracle records.
    match Number::from_f64(f) {
        Some(n) => Value::Number(n),
        None => Value::String(python::float_repr(f)),
    }
}

fn scalar_value(text: &str, style: ScalarStyle, tag: Option<&str>) -> Result<Value, String> {
    if let Some(tag) = tag {
        return match tag {
            "str" => Ok(Value::String(text.to_string())),
            "int" => parse_int(text),
            "float" => Ok(parse_float(text)),
            "bool" => Ok(Value::Bool(matches!(
                resolve_plain(text),
                Resolved::Bool(true)
            ))),
            "null" => Ok(Value::Null),
            other => Err(format!(
                "could not determine a constructor for the tag '{other}'"
            )),
        };
    }
    if style != ScalarStyle::Plain {
        return Ok(Value::String(text.to_string()));
    }
    match resolve_plain(text) {
        Resolved::Null => Ok(Value::Null),
        Resolved::Bool(b) => Ok(Value::Bool(b)),
        Resolved::Int => parse_int(text),
        Resolved::Float => Ok(parse_float(text)),
        // Python gets a date/datetime object; JSON can only carry its text.
        Resolved::Timestamp | Resolved::Str => Ok(Value::String(text.to_string())),
    }
}

/// A key of a mapping as the string JSON needs: Python would keep `1` or
/// `True` keys typed; their `str()` is the closest JSON can hold.
fn key_string(key: Value) -> Result<String, String> {
    match key {
        Value::String(s) => Ok(s),
        Value::Array(_) | Value::Object(_) => {
            Err("while constructing a mapping found unhashable key".to_string())
        }
        other => Ok(super::py_str(&other)),
    }
}

enum Frame {
    Seq(Vec<Value>, usize),
    Map(Map<String, Value>, Option<String>, usize),
}

/// Why [`yaml_parse_within`] refused a text.
#[derive(Debug, Clone, PartialEq)]
pub enum YamlParseError {
    /// Not YAML (PyYAML's message).
    Text(String),
    /// Collections nested deeper than allowed.
    TooDeep,
    /// More nodes than allowed once aliases are expanded (an alias is a
    /// copy of its anchor's value: `&a [...]` then `[*a, *a, ...]` doubles
    /// per level).
    TooBig,
}

/// `yaml_parse(text)`: PyYAML's `safe_load`. An empty stream is `null`;
/// several documents are an error, as in `safe_load`. Within the default
/// [`crate::Limits`] (nesting, and items once aliases are expanded).
pub fn yaml_parse(text: &str) -> Result<Value, String> {
    let limits = crate::Limits::DEFAULT;
    yaml_parse_within(
        text,
        limits.max_depth,
        limits.max_bytes / crate::limits::ITEM_BYTES,
    )
    .map_err(|e| match e {
        YamlParseError::Text(message) => message,
        YamlParseError::TooDeep => {
            crate::LimitError::new(crate::LimitKind::ValueDepth(limits.max_depth)).to_string()
        }
        YamlParseError::TooBig => {
            crate::LimitError::new(crate::LimitKind::Bytes(limits.max_bytes)).to_string()
        }
    })
}

/// [`yaml_parse`] refusing collections nested deeper than `max_depth` and
/// documents of more than `max_items` nodes once aliases are expanded.
/// Works without recursion.
pub fn yaml_parse_within(
    text: &str,
    max_depth: usize,
    max_items: u64,
) -> Result<Value, YamlParseError> {
    let mut stack: Vec<Frame> = Vec::new();
    // Nodes inside each open collection, and in all.
    let mut counts: Vec<u64> = Vec::new();
    let mut total: u64 = 0;
    let mut anchors: std::collections::HashMap<usize, (Value, u64)> =
        std::collections::HashMap::new();
    let mut documents: Vec<Value> = Vec::new();
    for item in Parser::new_from_str(text) {
        let (event, span) = item.map_err(|e| YamlParseError::Text(e.to_string()))?;
        let completed: Option<(Value, usize, u64)> = match event {
            Event::StreamStart
            | Event::StreamEnd
            | Event::DocumentStart(_)
            | Event::DocumentEnd
            | Event::Nothing => None,
            Event::Alias(id) => match anchors.get(&id) {
                Some((v, size)) => {
                    total = total.saturating_add(*size);
                    if total > max_items {
                        return Err(YamlParseError::TooBig);
                    }
                    Some((v.clone(), 0, *size))
                }
                None => {
                    return Err(YamlParseError::Text(format!(
                        "found undefined alias at line {}, column {}",
                        span.start.line(),
                        span.start.col() + 1
                    )));
                }
            },
            Event::Scalar(value, style, anchor, tag) => {
                let tag_name = tag.as_ref().and_then(|t| {
                    if t.is_yaml_core_schema() {
                        Some(t.suffix.as_str())
                    } else {
                        None
                    }
                });
                if let Some(t) = tag.as_ref()
                    && !t.is_yaml_core_schema()
                {
                    return Err(YamlParseError::Text(format!(
                        "could not determine a constructor for the tag '{}{}'",
                        t.handle, t.suffix
                    )));
                }
                total += 1;
                let value = scalar_value(&value, style, tag_name).map_err(YamlParseError::Text)?;
                Some((value, anchor, 1))
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                if stack.len() >= max_depth {
                    return Err(YamlParseError::TooDeep);
                }
                total += 1;
                stack.push(if matches!(event, Event::SequenceStart(..)) {
                    Frame::Seq(Vec::new(), anchor)
                } else {
                    Frame::Map(Map::new(), None, anchor)
                });
                counts.push(1);
                None
            }
            Event::SequenceEnd => match (stack.pop(), counts.pop()) {
                (Some(Frame::Seq(items, anchor)), Some(n)) => {
                    Some((Value::Array(items), anchor, n))
                }
                _ => return Err(YamlParseError::Text("unbalanced sequence in YAML".into())),
            },
            Event::MappingEnd => match (stack.pop(), counts.pop()) {
                (Some(Frame::Map(map, _, anchor)), Some(n)) => {
                    Some((Value::Object(map), anchor, n))
                }
                _ => return Err(YamlParseError::Text("unbalanced mapping in YAML".into())),
            },
        };
        if total > max_items {
            return Err(YamlParseError::TooBig);
        }
        let Some((value, anchor, size)) = completed else {
            continue;
        };
        if anchor != 0 {
            anchors.insert(anchor, (value.clone(), size));
        }
        if let Some(count) = counts.last_mut() {
            *count = count.saturating_add(size);
        }
        match stack.last_mut() {
            Some(Frame::Seq(items, _)) => items.push(value),
            Some(Frame::Map(map, pending, _)) => match pending.take() {
                Some(key) => {
                    map.insert(key, value);
                }
                None => *pending = Some(key_string(value).map_err(YamlParseError::Text)?),
            },
            None => documents.push(value),
        }
    }
    match documents.len() {
        0 => Ok(Value::Null),
        1 => Ok(documents.pop().unwrap_or(Value::Null)),
        _ => Err(YamlParseError::Text(
            "expected a single document in the stream".to_string(),
        )),
    }
}

// ---------------------------------------------------------------------------
// Dumping
// ---------------------------------------------------------------------------

const BEST_WIDTH: usize = 80;

/// `yaml_dump(data)`: PyYAML's `safe_dump(data, default_flow_style=False)`.
pub fn yaml_dump(value: &Value) -> String {
    let mut e = Emitter::default();
    match value {
        Value::Array(items) if !items.is_empty() => e.block_seq(items, 0, true),
        Value::Object(map) if !map.is_empty() => e.block_map(map, 0, true),
        scalar => {
            let plain = e.scalar(scalar, 2, false);
            if plain {
                // PyYAML ends the document explicitly after a plain root scalar.
                e.out.push_str("\n...");
            }
        }
    }
    e.out.push('\n');
    e.out
}

#[derive(Default)]
struct Emitter {
    out: String,
    column: usize,
}

impl Emitter {
    fn write(&mut self, s: &str) {
        self.column += s.chars().count();
        self.out.push_str(s);
    }

    fn line_break(&mut self) {
        self.out.push('\n');
        self.column = 0;
    }

    fn indent_to(&mut self, indent: usize) {
        self.line_break();
        for _ in 0..indent {
            self.out.push(' ');
        }
        self.column = indent;
    }

    /// Starts a new line at `indent`, unless the cursor is already there
    /// (right after `- `).
    fn start_line(&mut self, indent: usize, inline: bool) {
        if !inline {
            self.line_break();
            for _ in 0..indent {
                self.out.push(' ');
            }
            self.column = indent;
        }
    }

    fn block_map(&mut self, map: &Map<String, Value>, indent: usize, inline: bool) {
        let mut keys: Vec<&String> = map.keys().collect();
        keys.sort();
        for (i, key) in keys.into_iter().enumerate() {
            self.start_line(indent, inline && i == 0);
            self.string(key, indent + 2, true);
            self.write(":");
            let value = &map[key];
            match value {
                Value::Object(inner) if !inner.is_empty() => {
                    self.block_map(inner, indent + 2, false)
                }
                // Sequences inside mappings are not indented.
                Value::Array(items) if !items.is_empty() => self.block_seq(items, indent, false),
                scalar => {
                    self.write(" ");
                    self.scalar(scalar, indent + 2, false);
                }
            }
        }
    }

    fn block_seq(&mut self, items: &[Value], indent: usize, inline: bool) {
        for (i, item) in items.iter().enumerate() {
            self.start_line(indent, inline && i == 0);
            self.write("- ");
            match item {
                Value::Object(inner) if !inner.is_empty() => {
                    self.block_map(inner, indent + 2, true)
                }
                Value::Array(inner) if !inner.is_empty() => self.block_seq(inner, indent + 2, true),
                scalar => {
                    self.scalar(scalar, indent + 2, false);
                }
            }
        }
    }

    /// Writes a scalar (or empty collection); returns true when it was plain.
    fn scalar(&mut self, value: &Value, indent: usize, simple_key: bool) -> bool {
        match value {
            Value::Null => self.write("null"),
            Value::Bool(b) => self.write(if *b { "true" } else { "false" }),
            Value::Number(n) => {
                let text = if n.is_f64() {
                    let f = n.as_f64().unwrap_or(f64::NAN);
                    yaml_float(f)
                } else {
                    n.to_string()
                };
                self.write(&text);
            }
            Value::String(s) => return self.string(s, indent, simple_key),
            Value::Array(_) => self.write("[]"),
            Value::Object(_) => self.write("{}"),
        }
        true
    }

    fn string(&mut self, s: &str, indent: usize, simple_key: bool) -> bool {
        let a = analyze(s);
        let implicit = plain_reads_as_str(s);
        if implicit && !(simple_key && (a.empty || a.multiline)) && a.allow_block_plain {
            self.plain(s, indent, !simple_key);
            true
        } else {
            if a.allow_single_quoted && !(simple_key && a.multiline) {
                self.single_quoted(s, indent, !simple_key);
            } else {
                self.double_quoted(s, indent, !simple_key);
            }
            false
        }
    }

    fn plain(&mut self, text: &str, indent: usize, split: bool) {
        let chars: Vec<char> = text.chars().collect();
        let mut spaces = false;
        let mut start = 0;
        let mut end = 0;
        while end <= chars.len() {
            let ch = chars.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end && self.column > BEST_WIDTH && split {
                        self.indent_to(indent);
                    } else {
                        let data: String = chars[start..end].iter().collect();
                        self.write(&data);
                    }
                    start = end;
                }
            } else if ch.is_none() || ch == Some(' ') {
                let data: String = chars[start..end].iter().collect();
                self.write(&data);
                start = end;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
            }
            end += 1;
        }
    }

    fn single_quoted(&mut self, text: &str, indent: usize, split: bool) {
        let chars: Vec<char> = text.chars().collect();
        self.write("'");
        let mut spaces = false;
        let mut breaks = false;
        let mut start = 0;
        let mut end = 0;
        while end <= chars.len() {
            let ch = chars.get(end).copied();
            if spaces {
                if ch != Some(' ') {
                    if start + 1 == end
                        && self.column > BEST_WIDTH
                        && split
                        && start != 0
                        && end != chars.len()
                    {
                        self.indent_to(indent);
                    } else {
                        let data: String = chars[start..end].iter().collect();
                        self.write(&data);
                    }
                    start = end;
                }
            } else if breaks {
                if !matches!(ch, Some(c) if is_break(c)) {
                    if chars[start] == '\n' {
                        self.line_break();
                    }
                    for br in &chars[start..end] {
                        if *br == '\n' {
                            self.line_break();
                        } else {
                            self.out.push(*br);
                            self.column = 0;
                        }
                    }
                    self.indent_to_after_break(indent);
                    start = end;
                }
            } else if (ch.is_none()
                || matches!(ch, Some(c) if c == ' ' || c == '\'' || is_break(c)))
                && start < end
            {
                let data: String = chars[start..end].iter().collect();
                self.write(&data);
                start = end;
            }
            if ch == Some('\'') {
                self.write("''");
                start = end + 1;
            }
            if let Some(c) = ch {
                spaces = c == ' ';
                breaks = is_break(c);
            }
            end += 1;
        }
        self.write("'");
    }

    /// PyYAML's `write_indent` right after a line break: only pads.
    fn indent_to_after_break(&mut self, indent: usize) {
        for _ in self.column..indent {
            self.out.push(' ');
        }
        self.column = self.column.max(indent);
    }

    fn double_quoted(&mut self, text: &str, indent: usize, split: bool) {
        let chars: Vec<char> = text.chars().collect();
        self.write("\"");
        let mut start = 0;
        let mut end = 0;
        while end <= chars.len() {
            let ch = chars.get(end).copied();
            let needs_escape = match ch {
                None => true,
                Some(c) => {
                    matches!(
                        c,
                        '"' | '\\' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}'
                    ) || !(' '..='~').contains(&c)
                }
            };
            if needs_escape {
                if start < end {
                    let data: String = chars[start..end].iter().collect();
                    self.write(&data);
                    start = end;
                }
                if let Some(c) = ch {
                    let esc = match c {
                        '\0' => "\\0".to_string(),
                        '\u{07}' => "\\a".to_string(),
                        '\u{08}' => "\\b".to_string(),
                        '\t' => "\\t".to_string(),
                        '\n' => "\\n".to_string(),
                        '\u{0b}' => "\\v".to_string(),
                        '\u{0c}' => "\\f".to_string(),
                        '\r' => "\\r".to_string(),
                        '\u{1b}' => "\\e".to_string(),
                        '"' => "\\\"".to_string(),
                        '\\' => "\\\\".to_string(),
                        '\u{85}' => "\\N".to_string(),
                        '\u{a0}' => "\\_".to_string(),
                        '\u{2028}' => "\\L".to_string(),
                        '\u{2029}' => "\\P".to_string(),
                        c if (c as u32) <= 0xff => format!("\\x{:02X}", c as u32),
                        c if (c as u32) <= 0xffff => format!("\\u{:04X}", c as u32),
                        c => format!("\\U{:08X}", c as u32),
                    };
                    self.write(&esc);
                    start = end + 1;
                }
            }
            if end > 0
                && end + 1 < chars.len()
                && (ch == Some(' ') || start >= end)
                && self.column as isize + (end as isize - start as isize) > BEST_WIDTH as isize
                && split
            {
                let mut data: String = chars[start.min(end)..end].iter().collect();
                data.push('\\');
                if start < end {
                    start = end;
                }
                self.write(&data);
                self.indent_to(indent);
                if chars[start] == ' ' {
                    self.write("\\");
                }
            }
            end += 1;
        }
        self.write("\"");
    }
}

fn is_break(c: char) -> bool {
    matches!(c, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}')
}

fn yaml_float(f: f64) -> String {
    if f.is_nan() {
        return ".nan".to_string();
    }
    if f.is_infinite() {
        return if f > 0.0 { ".inf" } else { "-.inf" }.to_string();
    }
    let repr = python::float_repr(f).to_lowercase();
    // PyYAML makes `1e+16` read back as a float by adding `.0`.
    if !repr.contains('.') && repr.contains('e') {
        repr.replacen('e', ".0e", 1)
    } else {
        repr
    }
}

struct Analysis {
    empty: bool,
    multiline: bool,
    allow_block_plain: bool,
    allow_single_quoted: bool,
}

/// PyYAML's `Emitter.analyze_scalar`, reduced to what block style needs.
fn analyze(s: &str) -> Analysis {
    if s.is_empty() {
        return Analysis {
            empty: true,
            multiline: false,
            allow_block_plain: true,
            allow_single_quoted: true,
        };
    }
    let chars: Vec<char> = s.chars().collect();
    let ws = |c: char| {
        matches!(
            c,
            '\0' | ' ' | '\t' | '\r' | '\n' | '\u{85}' | '\u{2028}' | '\u{2029}'
        )
    };
    let mut block_indicators = s.starts_with("---") || s.starts_with("...");
    let mut line_breaks = false;
    let mut special = false;
    let (mut leading_space, mut leading_break) = (false, false);
    let (mut trailing_space, mut trailing_break) = (false, false);
    let (mut break_space, mut space_break) = (false, false);
    let mut preceded_by_ws = true;
    let mut followed_by_ws = chars.len() == 1 || ws(chars[1]);
    let (mut prev_space, mut prev_break) = (false, false);
    let last = chars.len() - 1;
    for (index, &ch) in chars.iter().enumerate() {
        if index == 0 {
            if "#,[]{}&*!|>'\"%@`".contains(ch) {
                block_indicators = true;
            }
            if (ch == '?' || ch == ':' || ch == '-') && followed_by_ws {
                block_indicators = true;
            }
        } else {
            if ch == ':' && followed_by_ws {
                block_indicators = true;
            }
            if ch == '#' && preceded_by_ws {
                block_indicators = true;
            }
        }
        if is_break(ch) {
            line_breaks = true;
        }
        if !(ch == '\n' || (' '..='~').contains(&ch)) {
            let unicode = (ch == '\u{85}'
                || ('\u{a0}'..='\u{d7ff}').contains(&ch)
                || ('\u{e000}'..='\u{fffd}').contains(&ch)
                || ('\u{10000}'..'\u{10ffff}').contains(&ch))
                && ch != '\u{feff}';
            // allow_unicode is off: every non-ASCII character must be escaped.
            let _ = unicode;
            special = true;
        }
        if ch == ' ' {
            if index == 0 {
                leading_space = true;
            }
            if index == last {
                trailing_space = true;
            }
            if prev_break {
                break_space = true;
            }
            prev_space = true;
            prev_break = false;
        } else if is_break(ch) {
            if index == 0 {
                leading_break = true;
            }
            if index == last {
                trailing_break = true;
            }
            if prev_space {
                space_break = true;
            }
            prev_space = false;
            prev_break = true;
        } else {
            prev_space = false;
            prev_break = false;
        }
        preceded_by_ws = ws(ch);
        followed_by_ws = index + 2 >= chars.len() || ws(chars[index + 2]);
    }
    let mut allow_block_plain = true;
    let mut allow_single_quoted = true;
    if leading_space || leading_break || trailing_space || trailing_break {
        allow_block_plain = false;
    }
    if break_space {
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if space_break || special {
        allow_block_plain = false;
        allow_single_quoted = false;
    }
    if line_breaks || block_indicators {
        allow_block_plain = false;
    }
    Analysis {
        empty: false,
        multiline: line_breaks,
        allow_block_plain,
        allow_single_quoted,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn dump_matches_pyyaml() {
        assert_eq!(
            yaml_dump(&json!({"y": {"z": "deep"}, "x": 1})),
            "x: 1\ny:\n  z: deep\n"
        );
        assert_eq!(yaml_dump(&json!([1, 2])), "- 1\n- 2\n");
        assert_eq!(
            yaml_dump(&json!([{"name": "a", "age": 3}, {"b": [1, [2, 3]]}])),
            "- age: 3\n  name: a\n- b:\n  - 1\n  - - 2\n    - 3\n"
        );
        assert_eq!(yaml_dump(&json!(null)), "null\n...\n");
        assert_eq!(yaml_dump(&json!(1)), "1\n...\n");
        assert_eq!(yaml_dump(&json!("abc")), "abc\n...\n");
        assert_eq!(yaml_dump(&json!("yes")), "'yes'\n");
        assert_eq!(yaml_dump(&json!("")), "''\n");
        assert_eq!(
            yaml_dump(&json!({"a": [], "b": {}, "c": "1"})),
            "a: []\nb: {}\nc: '1'\n"
        );
        assert_eq!(yaml_dump(&json!("a\nb")), "'a\n\n  b'\n");
        assert_eq!(yaml_dump(&json!("é")), "\"\\xE9\"\n");
        assert_eq!(yaml_dump(&json!(1e16)), "1.0e+16\n...\n");
        assert_eq!(yaml_dump(&json!("it's")), "it's\n...\n");
        assert_eq!(yaml_dump(&json!("- x")), "'- x'\n");
    }

    #[test]
    fn parse_uses_yaml_1_1_scalars() {
        assert_eq!(yaml_parse("a: 1").ok(), Some(json!({"a": 1})));
        assert_eq!(yaml_parse("a: 1.0").ok(), Some(json!({"a": 1.0})));
        assert_eq!(yaml_parse("[1, {b: 2}]").ok(), Some(json!([1, {"b": 2}])));
        assert_eq!(yaml_parse("yes").ok(), Some(json!(true)));
        assert_eq!(yaml_parse("1e3").ok(), Some(json!("1e3")));
        assert_eq!(yaml_parse("017").ok(), Some(json!(15)));
        assert_eq!(yaml_parse("1:30").ok(), Some(json!(90)));
        assert_eq!(yaml_parse("'1'").ok(), Some(json!("1")));
        assert_eq!(yaml_parse("~").ok(), Some(json!(null)));
        assert_eq!(yaml_parse("").ok(), Some(json!(null)));
        assert!(yaml_parse("a: [").is_err());
        assert!(yaml_parse("a\n---\nb").is_err());
    }

    #[test]
    fn dump_then_parse_round_trips() {
        let v = json!({"k": ["yes", "1", "", "a b", {"n": null, "f": 2.5}], "t": true});
        assert_eq!(yaml_parse(&yaml_dump(&v)).ok(), Some(v));
    }
}
