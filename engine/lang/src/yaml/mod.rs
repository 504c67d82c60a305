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
//!
//! # Layout
//!
//! - this file: the node tree ([`Node`], [`Value`], [`Pos`]) and [`load`];
//! - `text`: checks and rewrites of the source text before parsing;
//! - `builder`: the tree built from the parser's events (merges, duplicates);
//! - `scalar`: YAML 1.1 resolution of scalars (PyYAML's resolvers);
//! - `repr`: Python's `repr()` of a node, for Mistral's messages.

mod builder;
mod repr;
mod scalar;
mod text;

use std::fmt;

use serde::{Deserialize, Serialize};
use yaml_rust2::parser::Parser;

use builder::{Builder, marker_pos};
use text::{check_characters, check_tabs, protect_indicators};

pub use builder::MAX_NESTING;
pub use repr::py_repr;

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

/// Loads one YAML document. An empty text (or one holding only comments)
/// gives an empty mapping, as in Mistral (`safe_yaml.load(text) or {}`).
pub fn load(text: &str) -> Result<Node, YamlError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    check_characters(text)?;
    check_tabs(text)?;
    let protected = protect_indicators(text);
    let text: &str = &protected;
    let mut builder = Builder::new();
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
