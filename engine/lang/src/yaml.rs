//! The YAML loader: builds a positioned node tree from `yaml-rust2`
//! events and resolves plain scalars with YAML 1.1 rules, as PyYAML's
//! `SafeLoader` (which Mistral uses) does.
//!
//! Rules applied (see the crate README): plain `yes`/`no`/`on`/`off` are
//! booleans, `010` is octal, `0x10` hex, `1:30` sexagesimal, `2024-01-01` a
//! timestamp, `~`/`null`/empty are null; quoted and block scalars are always
//! strings. Duplicate keys: the last value wins (in the first key's place).
//! A `<<` merge key merges mappings. Several documents are an error, and so
//! are anchors and aliases (Mistral's loader reads them as text, which almost
//! always breaks the document; Bora says so clearly instead).

use std::fmt;

use serde::{Deserialize, Serialize};
use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser, Tag};
use yaml_rust2::scanner::{Marker, TScalarStyle as ScalarStyle};

/// A position in the source text: 1-based line and column (in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Pos {
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}", self.line, self.column)
    }
}

/// A YAML node with the position where it starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub pos: Pos,
}

/// The value of a node, after YAML 1.1 resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// `!!binary` data (Python `bytes`): no JSON type accepts it.
    Bytes(Vec<u8>),
    /// A YAML 1.1 timestamp (`2024-01-01`), kept as written. Python reads it as
    /// a `date`/`datetime`, which no JSON type accepts.
    Timestamp(String),
    Seq(Vec<Node>),
    /// Keys in first-insertion order; duplicate keys already collapsed.
    Map(Vec<(Node, Node)>),
}

/// A YAML syntax error with its position.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    pub message: String,
    pub pos: Pos,
}

impl Node {
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.value {
            Value::Map(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.value {
            Value::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// The value of the string key `key` in a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }

    /// Python truthiness (`if value:`), which Mistral uses in many places.
    pub fn truthy(&self) -> bool {
        match &self.value {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::Timestamp(_) => true,
            Value::Seq(s) => !s.is_empty(),
            Value::Map(m) => !m.is_empty(),
        }
    }

    /// The key as Python's `str()` would print it (workflow names may be
    /// written `123:` or `yes:`, which YAML 1.1 reads as non-strings).
    pub fn key_string(&self) -> String {
        match &self.value {
            Value::Str(s) => s.clone(),
            Value::Timestamp(s) => s.clone(),
            _ => py_repr(self),
        }
    }

    /// Converts to JSON. Non-string keys become their Python `str()`;
    /// bytes become a string of the bytes (lossy), timestamps their text.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Str(s) | Value::Timestamp(s) => J::String(s.clone()),
            Value::Bytes(b) => J::String(String::from_utf8_lossy(b).into_owned()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.key_string(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

/// Python `repr()` of a node, used in Mistral-style messages.
pub fn py_repr(node: &Node) -> String {
    let mut out = String::new();
    repr_into(node, &mut out);
    out
}

fn repr_str(s: &str, out: &mut String) {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out.push(quote);
}

fn repr_float(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { "inf".into() } else { "-inf".into() }
    } else if f.fract() == 0.0 && f.abs() < 1e16 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}

fn repr_into(node: &Node, out: &mut String) {
    match &node.value {
        Value::Null => out.push_str("None"),
        Value::Bool(true) => out.push_str("True"),
        Value::Bool(false) => out.push_str("False"),
        Value::Int(i) => out.push_str(&i.to_string()),
        Value::Float(f) => out.push_str(&repr_float(*f)),
        Value::Str(s) => repr_str(s, out),
        Value::Bytes(b) => {
            out.push('b');
            repr_str(&String::from_utf8_lossy(b), out);
        }
        Value::Timestamp(s) => {
            let parts: Vec<&str> = s.split('-').collect();
            if s.len() == 10 && parts.len() == 3 {
                let n = |p: &str| p.trim_start_matches('0').to_string();
                out.push_str(&format!(
                    "datetime.date({}, {}, {})",
                    parts[0],
                    n(parts[1]),
                    n(parts[2])
                ));
            } else {
                out.push_str(&format!("datetime.datetime({s})"));
            }
        }
        Value::Seq(items) => {
            out.push('[');
            for (i, it) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                repr_into(it, out);
            }
            out.push(']');
        }
        Value::Map(entries) => {
            out.push('{');
            for (i, (k, v)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                repr_into(k, out);
                out.push_str(": ");
                repr_into(v, out);
            }
            out.push('}');
        }
    }
}

/// Loads one YAML document. An empty text (or one holding only comments)
/// gives an empty mapping, as in Mistral (`safe_yaml.load(text) or {}`).
pub fn load(text: &str) -> Result<Node, YamlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_characters(text)?;
    check_tabs(text)?;
    let protected = protect_indicators(text);
    let text: &str = &protected;
    let mut builder = Builder {
        stack: Vec::new(),
        docs: 0,
        root: None,
        error: None,
    };
    let mut parser = Parser::new_from_str(text);
    if let Err(e) = parser.load(&mut builder, true) {
        return Err(YamlError {
            message: format!("Definition could not be parsed: {}", e.info()),
            pos: marker_pos(e.marker()),
        });
    }
    if let Some(err) = builder.error {
        return Err(err);
    }
    let root = builder.root.unwrap_or(Node {
        value: Value::Null,
        pos: Pos { line: 1, column: 1 },
    });
    // `load(text) or {}`: every falsy document becomes an empty mapping.
    if !root.truthy() {
        return Ok(Node {
            value: Value::Map(Vec::new()),
            pos: root.pos,
        });
    }
    Ok(root)
}

/// Mistral's loader reads `&anchor` and `*alias` as plain text and allows a
/// plain scalar to start with `@`; a YAML 1.2 parser does neither. Those
/// characters, where a node may start, are swapped for private-use
/// sentinels before parsing and swapped back in every scalar, so they end up
/// as plain text exactly as in Mistral. (A text already holding a sentinel
/// is left alone for that character.)
const SENTINELS: [(char, char); 3] = [('@', '\u{e000}'), ('&', '\u{e001}'), ('*', '\u{e002}')];

fn protect_indicators(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(['@', '&', '*']) {
        return std::borrow::Cow::Borrowed(text);
    }
    let usable: Vec<(char, char)> = SENTINELS
        .iter()
        .copied()
        .filter(|(_, s)| !text.contains(*s))
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut node_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let next_blank = chars
            .peek()
            .is_none_or(|n| matches!(n, ' ' | '\t' | '\n' | '\r'));
        match c {
            '\n' => {
                node_start = true;
                out.push(c);
            }
            ' ' | '\t' | '\r' => out.push(c),
            _ if node_start && let Some((_, s)) = usable.iter().find(|(i, _)| *i == c) => {
                out.push(*s);
                node_start = false;
            }
            '-' | '?' | ':' if next_blank => {
                node_start = true;
                out.push(c);
            }
            '[' | '{' | ',' => {
                node_start = true;
                out.push(c);
            }
            _ => {
                node_start = false;
                out.push(c);
            }
        }
    }
    std::borrow::Cow::Owned(out)
}

fn unprotect(text: String) -> String {
    if !text.contains(['\u{e000}', '\u{e001}', '\u{e002}']) {
        return text;
    }
    text.chars()
        .map(|c| {
            SENTINELS
                .iter()
                .find(|(_, s)| *s == c)
                .map_or(c, |(i, _)| *i)
        })
        .collect()
}

/// PyYAML skips only spaces between tokens: a tab outside a quoted scalar,
/// a block scalar or a comment is `found character '\t' that cannot start
/// any token` (a YAML 1.2 parser accepts some of those tabs, e.g. trailing
/// ones). This scanner follows quotes, comments and block scalars closely
/// enough to find such tabs.
fn check_tabs(text: &str) -> Result<(), YamlError> {
    if !text.contains('\t') {
        return Ok(());
    }
    let mut quote: Option<char> = None;
    // Indentation of the line that opened a block scalar, while inside it.
    let mut block_parent: Option<usize> = None;
    for (lineno, line) in text.split('\n').enumerate() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        if let Some(parent) = block_parent {
            if line.trim().is_empty() || indent > parent {
                continue;
            }
            block_parent = None;
        }
        let mut node_start = quote.is_none();
        let mut prev_blank = true;
        let mut chars = line.chars().enumerate().peekable();
        while let Some((col, c)) = chars.next() {
            if let Some(q) = quote {
                if c == q {
                    if q == '\'' && chars.peek().is_some_and(|(_, n)| *n == '\'') {
                        chars.next();
                    } else {
                        quote = None;
                    }
                } else if c == '\\' && q == '"' {
                    chars.next();
                }
                prev_blank = false;
                continue;
            }
            match c {
                '\t' => {
                    return Err(YamlError {
                        message: "Definition could not be parsed: while scanning for the next token found character '\\t' that cannot start any token".into(),
                        pos: Pos { line: lineno + 1, column: col + 1 },
                    });
                }
                '#' if prev_blank => break,
                '\'' | '"' if node_start => {
                    quote = Some(c);
                    node_start = false;
                }
                ' ' | '\r' => {}
                '-' | '?' | ':' | '[' | '{' | ',' => node_start = true,
                _ => node_start = false,
            }
            prev_blank = matches!(c, ' ' | '\r');
        }
        // `key: |`, `- >-`, `key: |2`: a block scalar starts on the next line.
        let code = line.split(" #").next().unwrap_or("").trim_end();
        let tail = code.trim_end_matches(|c: char| c.is_ascii_digit() || c == '+' || c == '-');
        if quote.is_none()
            && (tail.ends_with('|') || tail.ends_with('>'))
            && (tail.len() == 1 || tail[..tail.len() - 1].ends_with([' ', ':', '-']))
        {
            block_parent = Some(indent);
        }
    }
    Ok(())
}

/// PyYAML's reader refuses non-printable characters anywhere in the stream.
fn check_characters(text: &str) -> Result<(), YamlError> {
    let (mut line, mut column) = (1, 1);
    for c in text.chars() {
        let ok = matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{7e}' | '\u{85}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..);
        if !ok {
            return Err(YamlError {
                message: format!(
                    "Definition could not be parsed: unacceptable character #x{:04x}: special characters are not allowed",
                    c as u32
                ),
                pos: Pos { line, column },
            });
        }
        if c == '\n' {
            line += 1;
            column = 1;
        } else {
            column += 1;
        }
    }
    Ok(())
}

fn marker_pos(m: &Marker) -> Pos {
    Pos {
        line: m.line(),
        column: m.col() + 1,
    }
}

enum Frame {
    Seq(Pos, Vec<Node>),
    /// Entries so far, and a pending key (with its "plain `<<`" flag).
    Map(Pos, Vec<(Node, Node)>, Option<(Node, bool)>, KeyIndex),
}

/// Deepest nesting of collections in a definition: the definition is
/// stored as JSON and read back with serde_json (128 levels at most), and
/// everything that walks it recurses.
pub const MAX_NESTING: usize = bora_expr::Limits::DEFAULT.max_depth;

struct Builder {
    stack: Vec<Frame>,
    docs: usize,
    root: Option<Node>,
    error: Option<YamlError>,
}

impl Builder {
    fn fail(&mut self, message: String, pos: Pos) {
        if self.error.is_none() {
            self.error = Some(YamlError { message, pos });
        }
    }

    fn push_node(&mut self, node: Node, merge: bool) {
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Frame::Seq(_, items)) => items.push(node),
            Some(Frame::Map(_, entries, pending, index)) => match pending.take() {
                None => *pending = Some((node, merge)),
                Some((key, is_merge)) => {
                    if let Err(e) = insert_entry(entries, index, key, is_merge, node) {
                        self.error.get_or_insert(e);
                    }
                }
            },
        }
    }
}

/// Inserts a mapping entry with PyYAML's semantics: `<<` merges, and a
/// duplicate key replaces the value in place.
/// Positions of the string keys of a mapping, so that duplicate detection
/// stays linear on large mappings (the `tasks` of a big workflow).
/// Small mappings are searched linearly; the index covers larger ones.
#[derive(Default)]
struct KeyIndex(std::collections::HashMap<String, usize>);

const INDEX_FROM: usize = 16;

impl KeyIndex {
    /// Records the entry just pushed (and, when the mapping becomes large,
    /// every earlier one).
    fn add(&mut self, entries: &[(Node, Node)]) {
        let n = entries.len();
        if n <= INDEX_FROM {
            return;
        }
        let from = if n == INDEX_FROM + 1 { 0 } else { n - 1 };
        for (i, (k, _)) in entries.iter().enumerate().skip(from) {
            if let Some(name) = k.as_str() {
                self.0.entry(name.to_string()).or_insert(i);
            }
        }
    }
}

fn insert_entry(
    entries: &mut Vec<(Node, Node)>,
    index: &mut KeyIndex,
    key: Node,
    is_merge: bool,
    value: Node,
) -> Result<(), YamlError> {
    if is_merge {
        let sources: Vec<Node> = match value.value {
            Value::Map(_) => vec![value],
            Value::Seq(items) if items.iter().all(|i| matches!(i.value, Value::Map(_))) => items,
            _ => {
                return Err(YamlError {
                    message: "Definition could not be parsed: while constructing a mapping: expected a mapping or list of mappings for merging".into(),
                    pos: value.pos,
                });
            }
        };
        for src in sources {
            if let Value::Map(src_entries) = src.value {
                for (k, v) in src_entries {
                    // Explicit keys win over merged ones.
                    if !entries.iter().any(|(ek, _)| keys_equal(ek, &k)) {
                        entries.push((k, v));
                        index.add(entries);
                    }
                }
            }
        }
        return Ok(());
    }
    let existing = match key.as_str() {
        Some(name) if entries.len() > INDEX_FROM => index.0.get(name).copied(),
        _ => entries.iter().position(|(k, _)| keys_equal(k, &key)),
    };
    match existing {
        Some(i) => entries[i].1 = value,
        None => {
            entries.push((key, value));
            index.add(entries);
        }
    }
    Ok(())
}

/// Python dict key equality: `1`, `1.0` and `True` are the same key.
fn keys_equal(a: &Node, b: &Node) -> bool {
    fn num(v: &Value) -> Option<f64> {
        match v {
            Value::Bool(b) => Some(f64::from(u8::from(*b))),
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }
    match (num(&a.value), num(&b.value)) {
        (Some(x), Some(y)) => x == y,
        _ => a.value == b.value,
    }
}

impl MarkedEventReceiver for Builder {
    fn on_event(&mut self, ev: Event, mark: Marker) {
        if self.error.is_some() {
            return;
        }
        let pos = marker_pos(&mark);
        match ev {
            Event::DocumentStart => {
                self.docs += 1;
                if self.docs > 1 {
                    self.fail(
                        "Definition could not be parsed: expected a single document in the stream"
                            .into(),
                        pos,
                    );
                }
            }
            Event::Alias(_) => self.fail(
                "Definition could not be parsed: aliases (`*name`) are not supported".into(),
                pos,
            ),
            Event::Scalar(text, style, anchor, tag) => {
                if anchor > 0 {
                    return self.fail(
                        "Definition could not be parsed: anchors (`&name`) are not supported"
                            .into(),
                        pos,
                    );
                }
                match resolve_scalar(unprotect(text), style, tag.as_ref()) {
                    Ok((value, merge)) => self.push_node(Node { value, pos }, merge),
                    Err(msg) => self.fail(format!("Definition could not be parsed: {msg}"), pos),
                }
            }
            Event::SequenceStart(anchor, tag) | Event::MappingStart(anchor, tag) if anchor > 0 => {
                let _ = tag;
                self.fail(
                    "Definition could not be parsed: anchors (`&name`) are not supported".into(),
                    pos,
                );
            }
            Event::SequenceStart(..) | Event::MappingStart(..)
                if self.stack.len() >= MAX_NESTING =>
            {
                self.fail(
                    format!(
                        "Definition could not be parsed: collections are nested more than \
                         {MAX_NESTING} levels deep"
                    ),
                    pos,
                );
            }
            Event::SequenceStart(_, tag) => {
                if let Some(msg) = check_collection_tag(tag.as_ref(), "seq") {
                    return self.fail(msg, pos);
                }
                self.stack.push(Frame::Seq(pos, Vec::new()));
            }
            Event::MappingStart(_, tag) => {
                if let Some(msg) = check_collection_tag(tag.as_ref(), "map") {
                    return self.fail(msg, pos);
                }
                self.stack
                    .push(Frame::Map(pos, Vec::new(), None, KeyIndex::default()));
            }
            Event::SequenceEnd => {
                if let Some(Frame::Seq(p, items)) = self.stack.pop() {
                    self.push_node(
                        Node {
                            value: Value::Seq(items),
                            pos: p,
                        },
                        false,
                    );
                }
            }
            Event::MappingEnd => {
                if let Some(Frame::Map(p, entries, _, _)) = self.stack.pop() {
                    // A block mapping starts at its first key (the parser's
                    // mark for it is one column late); a flow one at `{`.
                    let p = entries.first().map_or(p, |(k, _)| {
                        if (k.pos.line, k.pos.column) < (p.line, p.column) {
                            k.pos
                        } else {
                            p
                        }
                    });
                    self.push_node(
                        Node {
                            value: Value::Map(entries),
                            pos: p,
                        },
                        false,
                    );
                }
            }
            Event::Nothing | Event::StreamStart | Event::StreamEnd | Event::DocumentEnd => {}
        }
    }
}

fn check_collection_tag(tag: Option<&Tag>, kind: &str) -> Option<String> {
    let tag = tag?;
    let ok = tag.handle == "tag:yaml.org,2002:"
        && (tag.suffix == kind
            || (kind == "seq" && (tag.suffix == "omap" || tag.suffix == "pairs"))
            || (kind == "map" && tag.suffix == "set"));
    if ok {
        None
    } else {
        Some(format!(
            "Definition could not be parsed: could not determine a constructor for the tag '{}{}'",
            tag.handle, tag.suffix
        ))
    }
}

/// Resolves a scalar. Returns the value and whether it is a plain `<<` key.
fn resolve_scalar(
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

#[cfg(test)]
mod tests {
    use super::*;

    fn scalar(text: &str) -> Value {
        let doc = load(&format!("k: {text}\n"))
            .map_err(|e| e.message)
            .unwrap_or_else(|e| panic!("{e}"));
        doc.get("k").map(|n| n.value.clone()).unwrap_or(Value::Null)
    }

    #[test]
    fn yaml11_scalars() {
        assert_eq!(scalar("yes"), Value::Bool(true));
        assert_eq!(scalar("off"), Value::Bool(false));
        assert_eq!(scalar("010"), Value::Int(8));
        assert_eq!(scalar("0x10"), Value::Int(16));
        assert_eq!(scalar("1:30"), Value::Int(90));
        assert_eq!(scalar("1_000"), Value::Int(1000));
        assert_eq!(scalar("2.5"), Value::Float(2.5));
        assert_eq!(scalar("1e3"), Value::Str("1e3".into()));
        assert_eq!(scalar("1.0e+3"), Value::Float(1000.0));
        assert_eq!(scalar("2024-01-01"), Value::Timestamp("2024-01-01".into()));
        assert_eq!(scalar("'yes'"), Value::Str("yes".into()));
        assert_eq!(scalar("~"), Value::Null);
        assert_eq!(scalar("!!str 2.0"), Value::Str("2.0".into()));
        assert_eq!(scalar("08"), Value::Str("08".into()));
    }

    #[test]
    fn positions_duplicates_merge() {
        let doc =
            load("a: 1\nb:\n  c: x\na: 2\n<<: {d: 3, a: 9}\n").unwrap_or_else(|e| panic!("{e}"));
        let keys: Vec<String> = doc
            .as_map()
            .unwrap_or(&[])
            .iter()
            .map(|(k, _)| k.key_string())
            .collect();
        assert_eq!(keys, ["a", "b", "d"]);
        assert_eq!(doc.get("a").map(|n| n.value.clone()), Some(Value::Int(2)));
        let c = doc.get("b").and_then(|b| b.get("c")).map(|n| n.pos);
        assert_eq!(c, Some(Pos { line: 3, column: 6 }));
    }

    #[test]
    fn errors() {
        assert!(load("a: 1\n---\nb: 2\n").is_err());
        // Anchors, aliases and `@` are plain text, as in Mistral's loader.
        let doc = load("a: &x 1\nb: *y\nc: @z\nd: [*q, '&r']\n").map_err(|e| e.message);
        let text = |k: &str| {
            doc.as_ref()
                .ok()
                .and_then(|d| d.get(k))
                .map(|n| n.value.clone())
        };
        assert_eq!(text("a"), Some(Value::Str("&x 1".into())));
        assert_eq!(text("b"), Some(Value::Str("*y".into())));
        assert_eq!(text("c"), Some(Value::Str("@z".into())));
        assert!(load("t1: &a\n  action: x\n").is_err());
        // Tabs: only inside quotes, block scalars and comments.
        assert!(load("a: b\t\n").is_err());
        assert!(load("a: 'b\tc' # x\td\nb: |\n  x\ty\nc: 1\n").is_ok());
        assert!(load("a: =\n").is_err());
        assert!(load("a: \u{7}\n").is_err());
        assert_eq!(load("").map(|n| n.value), Ok(Value::Map(vec![])));
    }
}
