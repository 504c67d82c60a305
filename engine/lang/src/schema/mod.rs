//! A small JSON-schema evaluator over positioned YAML nodes, with the subset
//! of keywords Mistral's specs use, and Mistral's schemas themselves
//! (`mistral/lang/types.py` and the `_schema` of each spec class).
//!
//! Messages follow the Python `jsonschema` wording (`... is not valid under
//! any of the given schemas`, `Additional properties are not allowed ...`),
//! with Python `repr()` of the offending value.
//!
//! # Layout
//!
//! - this file: the schema type ([`Schema`]) and its errors;
//! - `eval`: validation of a node against a schema, with `best_match`;
//! - `types`: the building blocks of `mistral/lang/types.py`;
//! - `specs`: the schema of each spec class (workflow, task, action, ...).

mod eval;
mod specs;
mod types;

use std::sync::LazyLock;

use regex::Regex;

use crate::yaml::{Pos, Value};

pub use eval::json_equal;
pub use specs::{
    ACTION, DIRECT_TASK, LIMITS, LIST, ON_CLAUSE, PUBLISH, RETRY, REVERSE_TASK, TASK_DEFAULTS,
    WORKBOOK, WORKFLOW, raw_task_schema,
};
pub use types::{
    JINJA_PATTERN, YAQL_PATTERN, any_nullable, expression, nonempty_dict, nonempty_string,
    unique_string_list, version,
};

/// JSON types as Python's `jsonschema` sees YAML-loaded values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Null,
    Boolean,
    Integer,
    Number,
    String,
    Array,
    Object,
}

impl Ty {
    fn name(self) -> &'static str {
        match self {
            Ty::Null => "null",
            Ty::Boolean => "boolean",
            Ty::Integer => "integer",
            Ty::Number => "number",
            Ty::String => "string",
            Ty::Array => "array",
            Ty::Object => "object",
        }
    }

    fn matches(self, v: &Value) -> bool {
        match (self, v) {
            (Ty::Null, Value::Null) => true,
            (Ty::Boolean, Value::Bool(_)) => true,
            (Ty::Integer, Value::Int(_)) => true,
            // Draft 2020-12: a float with an integral value is an integer.
            (Ty::Integer, Value::Float(f)) => f.is_finite() && f.fract() == 0.0,
            (Ty::Number, Value::Int(_) | Value::Float(_)) => true,
            (Ty::String, Value::Str(_)) => true,
            (Ty::Array, Value::Seq(_)) => true,
            (Ty::Object, Value::Map(_)) => true,
            _ => false,
        }
    }
}

/// A literal for `enum`.
#[derive(Debug, Clone)]
pub enum Lit {
    Str(&'static str),
    Num(f64),
}

/// A schema: every field is one keyword; `None`/empty means absent.
#[derive(Debug, Clone, Default)]
pub struct Schema {
    pub ty: Option<Ty>,
    pub min_length: Option<usize>,
    pub pattern: Option<(&'static str, Regex)>,
    pub min_props: Option<usize>,
    pub max_props: Option<usize>,
    pub properties: Vec<(&'static str, Schema)>,
    pub pattern_props: Vec<(&'static str, Regex, Schema)>,
    /// `additionalProperties`: `Some(None)` is `false`.
    pub additional: Option<Option<Box<Schema>>>,
    pub required: Vec<&'static str>,
    pub one_of: Vec<Schema>,
    pub any_of: Vec<Schema>,
    pub not: Option<Box<Schema>>,
    pub enumeration: Vec<Lit>,
    pub items: Option<Box<Schema>>,
    pub unique_items: bool,
    pub min_items: Option<usize>,
    pub minimum: Option<f64>,
}

/// One schema violation, at the node that violates it.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaError {
    pub message: String,
    pub pos: Pos,
    /// Keys and indexes from the validated node down to the failing one.
    pub path: Vec<String>,
}

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| unreachable!("constant regex {p}: {e}"))
}

/// Converts a Python `re` pattern using `$` into Rust: Python's `$` also
/// matches before a final newline.
fn py_pattern(p: &'static str) -> (&'static str, Regex) {
    // The same few patterns recur in many schemas: compile each once
    // (a `Regex` clone shares the compiled program).
    static CACHE: LazyLock<std::sync::Mutex<Vec<(&'static str, Regex)>>> =
        LazyLock::new(|| std::sync::Mutex::new(Vec::new()));
    let mut cache = CACHE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, rx)) = cache.iter().find(|(src, _)| *src == p) {
        return (p, rx.clone());
    }
    let rust = p
        .replace('$', r"\n?\z")
        .replace("{{", r"\{\{")
        .replace("}}", r"\}\}");
    let rx = re(&rust);
    cache.push((p, rx.clone()));
    (p, rx)
}
