//! A small JSON-schema evaluator over positioned YAML nodes, with the subset
//! of keywords Mistral's specs use, and Mistral's schemas themselves
//! (`mistral/lang/types.py` and the `_schema` of each spec class).
//!
//! Messages follow the Python `jsonschema` wording (`... is not valid under
//! any of the given schemas`, `Additional properties are not allowed ...`),
//! with Python `repr()` of the offending value.

use std::sync::LazyLock;

use regex::Regex;

use crate::yaml::{Node, Pos, Value, py_repr};

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

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    Index(usize),
    Key(String),
}

/// An error as `jsonschema` builds it, for its `best_match` heuristic.
#[derive(Debug, Clone)]
struct RawError {
    keyword: &'static str,
    /// Relative to the instance of the parent error (or the root).
    path: Vec<Step>,
    message: String,
    pos: Pos,
    matches_type: bool,
    /// Errors of every branch of a failed `oneOf` / `anyOf`.
    context: Vec<RawError>,
}

impl RawError {
    /// `jsonschema.exceptions.relevance`, as an ordering key.
    fn key(&self) -> (isize, &[Step], bool, bool) {
        (
            -(self.path.len() as isize),
            &self.path,
            !matches!(self.keyword, "anyOf" | "oneOf"),
            !self.matches_type,
        )
    }

    /// `best_match`'s descent into the context of `oneOf` / `anyOf`
    /// errors: the most specific nested error, unless two tie.
    fn best(self) -> (Vec<Step>, String, Pos) {
        let mut path = Vec::new();
        let mut best = self;
        loop {
            if best.context.is_empty() {
                break;
            }
            let mut ctx = std::mem::take(&mut best.context);
            ctx.sort_by(|a, b| a.key().cmp(&b.key()));
            if ctx.len() >= 2 && ctx[0].key() == ctx[1].key() {
                break;
            }
            path.append(&mut best.path);
            best = ctx.swap_remove(0);
        }
        path.extend(best.path);
        (path, best.message, best.pos)
    }
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

impl Schema {
    /// Validates `node`, returning every top-level error (`iter_errors`),
    /// each refined like `jsonschema.best_match` refines the error it raises.
    pub fn validate(&self, node: &Node) -> Vec<SchemaError> {
        // The allocation-free check first: most definitions are valid.
        if self.is_valid(node) {
            return Vec::new();
        }
        let mut errs = Vec::new();
        self.errors(node, &mut Vec::new(), &mut errs);
        errs.into_iter()
            .map(|e| {
                let (path, message, pos) = e.best();
                SchemaError {
                    message,
                    pos,
                    path: path
                        .into_iter()
                        .map(|s| match s {
                            Step::Index(i) => i.to_string(),
                            Step::Key(k) => k,
                        })
                        .collect(),
                }
            })
            .collect()
    }

    fn matches_type(&self, v: &Value) -> bool {
        self.ty.is_some_and(|t| t.matches(v))
    }

    /// Whether `node` is valid (short-circuits).
    pub fn is_valid(&self, node: &Node) -> bool {
        let v = &node.value;
        if let Some(ty) = self.ty
            && !ty.matches(v)
        {
            return false;
        }
        if !self.enumeration.is_empty() && !self.enumeration.iter().any(|l| lit_eq(l, v)) {
            return false;
        }
        let ok = match v {
            Value::Str(s) => {
                self.min_length.is_none_or(|m| s.chars().count() >= m)
                    && self.pattern.as_ref().is_none_or(|(_, rx)| rx.is_match(s))
            }
            Value::Int(_) | Value::Float(_) => self.minimum.is_none_or(|m| number(v) >= m),
            Value::Seq(items) => {
                self.min_items.is_none_or(|m| items.len() >= m)
                    && (!self.unique_items || !has_duplicates(items))
                    && self
                        .items
                        .as_ref()
                        .is_none_or(|s| items.iter().all(|i| s.is_valid(i)))
            }
            Value::Map(entries) => {
                self.min_props.is_none_or(|m| entries.len() >= m)
                    && self.max_props.is_none_or(|m| entries.len() <= m)
                    && self
                        .required
                        .iter()
                        .all(|r| entries.iter().any(|(k, _)| k.as_str() == Some(r)))
                    && entries.iter().all(|(k, val)| self.entry_valid(k, val))
            }
            _ => true,
        };
        ok && (self.one_of.is_empty()
            || self.one_of.iter().filter(|s| s.is_valid(node)).count() == 1)
            && (self.any_of.is_empty() || self.any_of.iter().any(|s| s.is_valid(node)))
            && self.not.as_ref().is_none_or(|n| !n.is_valid(node))
    }

    fn entry_valid(&self, k: &Node, val: &Node) -> bool {
        let key = k.as_str();
        let mut known = false;
        if let Some(key) = key
            && let Some((_, s)) = self.properties.iter().find(|(n, _)| *n == key)
        {
            known = true;
            if !s.is_valid(val) {
                return false;
            }
        }
        if !self.pattern_props.is_empty() {
            let Some(key) = key else { return false };
            for (_, rx, s) in &self.pattern_props {
                if rx.is_match(key) {
                    known = true;
                    if !s.is_valid(val) {
                        return false;
                    }
                }
            }
        }
        match &self.additional {
            Some(None) if !known => false,
            Some(Some(s)) if !known => s.is_valid(val),
            _ => true,
        }
    }

    fn errors(&self, node: &Node, path: &mut Vec<Step>, out: &mut Vec<RawError>) {
        let v = &node.value;
        let mt = self.matches_type(v);
        let mk = |keyword: &'static str, message: String, path: &Vec<Step>| RawError {
            keyword,
            path: path.clone(),
            message,
            pos: node.pos,
            matches_type: mt,
            context: Vec::new(),
        };
        if let Some(ty) = self.ty
            && !ty.matches(v)
        {
            out.push(mk(
                "type",
                format!("{} is not of type '{}'", py_repr(node), ty.name()),
                path,
            ));
            // The remaining keywords of Mistral's schemas only constrain
            // values of the expected type.
            return;
        }
        if !self.enumeration.is_empty() && !self.enumeration.iter().any(|l| lit_eq(l, v)) {
            let list: Vec<String> = self
                .enumeration
                .iter()
                .map(|l| match l {
                    Lit::Str(s) => format!("'{s}'"),
                    Lit::Num(n) => format!("{n:?}"),
                })
                .collect();
            out.push(mk(
                "enum",
                format!("{} is not one of [{}]", py_repr(node), list.join(", ")),
                path,
            ));
        }
        match v {
            Value::Str(s) => {
                if let Some(min) = self.min_length
                    && s.chars().count() < min
                {
                    out.push(mk(
                        "minLength",
                        format!("{} should be non-empty", py_repr(node)),
                        path,
                    ));
                }
                if let Some((src, rx)) = &self.pattern
                    && !rx.is_match(s)
                {
                    out.push(mk(
                        "pattern",
                        format!(
                            "{} does not match '{}'",
                            py_repr(node),
                            src.replace('\\', "\\\\")
                        ),
                        path,
                    ));
                }
            }
            Value::Int(_) | Value::Float(_) => {
                if let Some(min) = self.minimum
                    && number(v) < min
                {
                    out.push(mk(
                        "minimum",
                        format!(
                            "{} is less than the minimum of {}",
                            py_repr(node),
                            min as i64
                        ),
                        path,
                    ));
                }
            }
            Value::Seq(items) => {
                if let Some(min) = self.min_items
                    && items.len() < min
                {
                    out.push(mk(
                        "minItems",
                        format!("{} should be non-empty", py_repr(node)),
                        path,
                    ));
                }
                if self.unique_items && has_duplicates(items) {
                    out.push(mk(
                        "uniqueItems",
                        format!("{} has non-unique elements", py_repr(node)),
                        path,
                    ));
                }
                if let Some(item_schema) = &self.items {
                    for (i, it) in items.iter().enumerate() {
                        path.push(Step::Index(i));
                        item_schema.errors(it, path, out);
                        path.pop();
                    }
                }
            }
            Value::Map(entries) => {
                if let Some(min) = self.min_props
                    && entries.len() < min
                {
                    out.push(mk(
                        "minProperties",
                        format!("{} should be non-empty", py_repr(node)),
                        path,
                    ));
                }
                if let Some(max) = self.max_props
                    && entries.len() > max
                {
                    out.push(mk(
                        "maxProperties",
                        format!("{} has too many properties", py_repr(node)),
                        path,
                    ));
                }
                for req in &self.required {
                    if !entries.iter().any(|(k, _)| k.as_str() == Some(req)) {
                        out.push(mk(
                            "required",
                            format!("'{req}' is a required property"),
                            path,
                        ));
                    }
                }
                self.entry_errors(node, entries, path, out);
            }
            _ => {}
        }
        for (keyword, branches) in [("oneOf", &self.one_of), ("anyOf", &self.any_of)] {
            if branches.is_empty() {
                continue;
            }
            let valid = branches.iter().filter(|s| s.is_valid(node)).count();
            if valid == 0 || (keyword == "anyOf" && valid > 0) {
                if valid > 0 {
                    continue;
                }
                let mut context = Vec::new();
                for b in branches {
                    b.errors(node, &mut Vec::new(), &mut context);
                }
                let mut e = mk(
                    keyword,
                    format!(
                        "{} is not valid under any of the given schemas",
                        py_repr(node)
                    ),
                    path,
                );
                e.context = context;
                out.push(e);
            } else if valid > 1 {
                out.push(mk(
                    keyword,
                    format!(
                        "{} is valid under each of several of the given schemas",
                        py_repr(node)
                    ),
                    path,
                ));
            }
        }
        if let Some(not) = &self.not
            && not.is_valid(node)
        {
            out.push(mk(
                "not",
                format!("{} should not be valid under a 'not' schema", py_repr(node)),
                path,
            ));
        }
    }

    fn entry_errors(
        &self,
        node: &Node,
        entries: &[(Node, Node)],
        path: &mut Vec<Step>,
        out: &mut Vec<RawError>,
    ) {
        let mut extra: Vec<&Node> = Vec::new();
        for (k, val) in entries {
            let key = k.as_str();
            let mut known = false;
            if let Some(key) = key
                && let Some((_, s)) = self.properties.iter().find(|(n, _)| *n == key)
            {
                known = true;
                path.push(Step::Key(key.to_string()));
                s.errors(val, path, out);
                path.pop();
            }
            if !self.pattern_props.is_empty() {
                let Some(key) = key else {
                    // Python's `re.search` on a non-string key raises
                    // TypeError (a 500 in Mistral); Bora reports it.
                    out.push(RawError {
                        keyword: "type",
                        path: path.clone(),
                        message: format!(
                            "key {} must be a string (YAML 1.1 reads unquoted yes/no/on/off, numbers and ~ as other types: quote it)",
                            py_repr(k)
                        ),
                        pos: k.pos,
                        matches_type: true,
                        context: Vec::new(),
                    });
                    continue;
                };
                for (_, rx, s) in &self.pattern_props {
                    if rx.is_match(key) {
                        known = true;
                        path.push(Step::Key(key.to_string()));
                        s.errors(val, path, out);
                        path.pop();
                    }
                }
            }
            if !known {
                extra.push(k);
            }
        }
        let mt = self.matches_type(&node.value);
        match &self.additional {
            Some(None) if !extra.is_empty() => {
                if self.pattern_props.is_empty() {
                    let names: Vec<String> = extra.iter().map(|k| py_repr(k)).collect();
                    let verb = if names.len() == 1 { "was" } else { "were" };
                    out.push(RawError {
                        keyword: "additionalProperties",
                        path: path.clone(),
                        message: format!(
                            "Additional properties are not allowed ({} {verb} unexpected)",
                            names.join(", ")
                        ),
                        pos: extra[0].pos,
                        matches_type: mt,
                        context: Vec::new(),
                    });
                } else {
                    let pats: Vec<String> = self
                        .pattern_props
                        .iter()
                        .map(|(p, _, _)| format!("'{}'", p.replace('\\', "\\\\")))
                        .collect();
                    let names: Vec<String> = extra.iter().map(|k| py_repr(k)).collect();
                    let verb = if names.len() == 1 { "does" } else { "do" };
                    out.push(RawError {
                        keyword: "additionalProperties",
                        path: path.clone(),
                        message: format!(
                            "{} {verb} not match any of the regexes: {}",
                            names.join(", "),
                            pats.join(", ")
                        ),
                        pos: extra[0].pos,
                        matches_type: mt,
                        context: Vec::new(),
                    });
                }
            }
            Some(Some(s)) => {
                for (k, val) in entries {
                    if extra.iter().any(|e| std::ptr::eq(*e, k)) {
                        path.push(Step::Key(k.key_string()));
                        s.errors(val, path, out);
                        path.pop();
                    }
                }
            }
            _ => {}
        }
    }
}

fn number(v: &Value) -> f64 {
    match v {
        Value::Int(i) => *i as f64,
        Value::Float(f) => *f,
        _ => 0.0,
    }
}

fn has_duplicates(items: &[Node]) -> bool {
    // Strings (lists of task names: thousands in a big fan-out) through a
    // set; the rest pairwise. A string only ever equals a string.
    let mut strings = std::collections::HashSet::new();
    let mut others: Vec<&Node> = Vec::new();
    for item in items {
        match &item.value {
            Value::Str(s) => {
                if !strings.insert(s.as_str()) {
                    return true;
                }
            }
            _ => others.push(item),
        }
    }
    others
        .iter()
        .enumerate()
        .any(|(i, a)| others[i + 1..].iter().any(|b| json_equal(a, b)))
}

fn lit_eq(l: &Lit, v: &Value) -> bool {
    match (l, v) {
        (Lit::Str(s), Value::Str(t)) => s == t,
        (Lit::Num(n), Value::Int(i)) => *n == *i as f64,
        (Lit::Num(n), Value::Float(f)) => n == f,
        _ => false,
    }
}

/// `jsonschema`'s equality for `uniqueItems`: booleans differ from numbers,
/// `1 == 1.0`, mappings compare regardless of order.
pub fn json_equal(a: &Node, b: &Node) -> bool {
    match (&a.value, &b.value) {
        (Value::Int(x), Value::Float(y)) | (Value::Float(y), Value::Int(x)) => *x as f64 == *y,
        (Value::Seq(x), Value::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| json_equal(p, q))
        }
        (Value::Map(x), Value::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, v)| {
                    y.iter()
                        .any(|(k2, v2)| k.value == k2.value && json_equal(v, v2))
                })
        }
        (x, y) => x == y,
    }
}

// ---- Mistral's schemas (`mistral/lang/types.py` and the spec classes) ----

fn ty(t: Ty) -> Schema {
    Schema {
        ty: Some(t),
        ..Schema::default()
    }
}

pub fn nonempty_string() -> Schema {
    Schema {
        min_length: Some(1),
        ..ty(Ty::String)
    }
}

pub fn unique_string_list() -> Schema {
    Schema {
        items: Some(Box::new(nonempty_string())),
        unique_items: true,
        min_items: Some(1),
        ..ty(Ty::Array)
    }
}

fn positive_integer() -> Schema {
    Schema {
        minimum: Some(0.0),
        ..ty(Ty::Integer)
    }
}

fn positive_number() -> Schema {
    Schema {
        minimum: Some(0.0),
        ..ty(Ty::Number)
    }
}

/// The two evaluator patterns (sorted names: jinja, yaql).
pub const JINJA_PATTERN: &str = r"({{(.*?)}})";
pub const YAQL_PATTERN: &str = r"<%.*?%>";

pub fn expression() -> Schema {
    Schema {
        one_of: vec![
            Schema {
                pattern: Some(py_pattern(r"^({{(.*?)}})\s*$")),
                ..ty(Ty::String)
            },
            Schema {
                pattern: Some(py_pattern(r"^<%.*?%>\s*$")),
                ..ty(Ty::String)
            },
        ],
        ..Schema::default()
    }
}

fn any_types(nullable: bool) -> Schema {
    let mut types = vec![
        Ty::Array,
        Ty::Boolean,
        Ty::Integer,
        Ty::Number,
        Ty::Object,
        Ty::String,
    ];
    if nullable {
        types.insert(0, Ty::Null);
    }
    Schema {
        any_of: types.into_iter().map(ty).collect(),
        ..Schema::default()
    }
}

pub fn any_nullable() -> Schema {
    any_types(true)
}

fn word_key() -> (&'static str, Regex) {
    py_pattern(r"^\w+$")
}

pub fn nonempty_dict() -> Schema {
    let (src, rx) = word_key();
    Schema {
        min_props: Some(1),
        pattern_props: vec![(src, rx, any_nullable())],
        ..ty(Ty::Object)
    }
}

fn one_key_dict() -> Schema {
    Schema {
        max_props: Some(1),
        ..nonempty_dict()
    }
}

fn expression_or_positive_integer() -> Schema {
    Schema {
        one_of: vec![expression(), positive_integer()],
        ..Schema::default()
    }
}

fn expression_or_boolean() -> Schema {
    Schema {
        one_of: vec![expression(), ty(Ty::Boolean)],
        ..Schema::default()
    }
}

pub fn version() -> Schema {
    Schema {
        any_of: vec![nonempty_string(), positive_integer(), positive_number()],
        ..Schema::default()
    }
}

fn unique_string_or_one_key_dict_list() -> Schema {
    Schema {
        items: Some(Box::new(Schema {
            one_of: vec![nonempty_string(), one_key_dict()],
            ..Schema::default()
        })),
        unique_items: true,
        min_items: Some(1),
        ..ty(Ty::Array)
    }
}

fn string_or_list() -> Schema {
    Schema {
        one_of: vec![nonempty_string(), unique_string_list()],
        ..Schema::default()
    }
}

/// `WorkflowListSpec` / `ActionListSpec` (`BaseListSpec._schema`).
pub static LIST: LazyLock<Schema> = LazyLock::new(|| Schema {
    properties: vec![("version", version())],
    additional: Some(Some(Box::new(nonempty_dict()))),
    required: vec!["version"],
    ..ty(Ty::Object)
});

/// `DirectWorkflowSpec` / `ReverseWorkflowSpec` with the merged meta schema.
/// No `type: object` and no `additionalProperties` (never merged).
pub static WORKFLOW: LazyLock<Schema> = LazyLock::new(|| {
    let (src, rx) = word_key();
    Schema {
        properties: vec![
            (
                "tasks",
                Schema {
                    min_props: Some(1),
                    pattern_props: vec![(src, rx, nonempty_dict())],
                    ..ty(Ty::Object)
                },
            ),
            (
                "type",
                Schema {
                    enumeration: vec![Lit::Str("reverse"), Lit::Str("direct")],
                    ..Schema::default()
                },
            ),
            ("task-defaults", nonempty_dict()),
            ("input", unique_string_or_one_key_dict_list()),
            ("output", nonempty_dict()),
            ("output-on-error", nonempty_dict()),
            ("vars", nonempty_dict()),
            ("tags", unique_string_list()),
        ],
        required: vec!["tasks"],
        ..Schema::default()
    }
});

fn next_task() -> Schema {
    Schema {
        one_of: vec![
            Schema {
                pattern: Some(py_pattern(r"^\S+$")),
                ..ty(Ty::String)
            },
            Schema {
                pattern: Some(py_pattern(r"^\w+ \w+=(.*)$")),
                ..ty(Ty::String)
            },
            Schema {
                pattern: Some(py_pattern(r"^\w+\(\w+=(.*)\)$")),
                ..ty(Ty::String)
            },
        ],
        ..Schema::default()
    }
}

fn task_with_expression() -> Schema {
    Schema {
        min_props: Some(1),
        max_props: Some(1),
        pattern_props: [r"^\S+$", r"^\w+ \w+=(.*)$", r"^\w+\(\w+=(.*)\)$"]
            .into_iter()
            .map(|p| {
                let (src, rx) = py_pattern(p);
                (src, rx, expression())
            })
            .collect(),
        ..ty(Ty::Object)
    }
}

fn list_of_tasks() -> Schema {
    Schema {
        items: Some(Box::new(Schema {
            one_of: vec![next_task(), task_with_expression()],
            ..Schema::default()
        })),
        unique_items: true,
        min_items: Some(1),
        ..ty(Ty::Array)
    }
}

/// The meta keys `BaseSpec.get_schema` merges into every spec's
/// properties (so `task-defaults` and an advanced `publish` accept them).
fn meta_properties() -> Vec<(&'static str, Schema)> {
    vec![
        ("name", nonempty_string()),
        ("version", version()),
        ("description", nonempty_string()),
        ("tags", unique_string_list()),
    ]
}

pub static PUBLISH: LazyLock<Schema> = LazyLock::new(|| Schema {
    properties: [
        ("branch", nonempty_dict()),
        ("global", nonempty_dict()),
        ("atomic", nonempty_dict()),
    ]
    .into_iter()
    .chain(meta_properties())
    .collect(),
    additional: Some(None),
    ..ty(Ty::Object)
});

pub static ON_CLAUSE: LazyLock<Schema> = LazyLock::new(|| Schema {
    one_of: vec![
        next_task(),
        task_with_expression(),
        list_of_tasks(),
        Schema {
            min_props: Some(1),
            properties: vec![
                ("publish", PUBLISH.clone()),
                (
                    "next",
                    Schema {
                        one_of: vec![next_task(), task_with_expression(), list_of_tasks()],
                        ..Schema::default()
                    },
                ),
            ],
            additional: Some(None),
            ..ty(Ty::Object)
        },
    ],
    ..Schema::default()
});

/// `RetrySpec`, with Bora's backoff extension keys.
pub static RETRY: LazyLock<Schema> = LazyLock::new(|| Schema {
    one_of: vec![
        Schema {
            properties: vec![
                ("count", expression_or_positive_integer()),
                ("break-on", expression()),
                ("continue-on", expression()),
                ("delay", expression_or_positive_integer()),
                // Bora extension: exponential backoff.
                (
                    "backoff",
                    Schema {
                        one_of: vec![
                            Schema {
                                enumeration: vec![Lit::Str("constant"), Lit::Str("exponential")],
                                ..Schema::default()
                            },
                            expression(),
                        ],
                        ..Schema::default()
                    },
                ),
                ("max-delay", expression_or_positive_integer()),
                ("jitter", expression_or_boolean()),
            ],
            required: vec!["delay", "count"],
            additional: Some(None),
            ..ty(Ty::Object)
        },
        nonempty_string(),
    ],
    ..Schema::default()
});

fn policy_properties() -> Vec<(&'static str, Schema)> {
    vec![
        ("retry", RETRY.clone()),
        ("wait-before", expression_or_positive_integer()),
        ("wait-after", expression_or_positive_integer()),
        ("timeout", expression_or_positive_integer()),
        ("pause-before", expression_or_boolean()),
        ("concurrency", expression_or_positive_integer()),
        ("fail-on", expression_or_boolean()),
    ]
}

/// Bora extension `limits`: per-task sandbox limits of the action calls.
/// `allowed-hosts` may be empty (no network at all).
pub static LIMITS: LazyLock<Schema> = LazyLock::new(|| Schema {
    properties: vec![
        ("fuel", expression_or_positive_integer()),
        ("memory", expression_or_positive_integer()),
        (
            "allowed-hosts",
            Schema {
                one_of: vec![
                    expression(),
                    Schema {
                        items: Some(Box::new(nonempty_string())),
                        unique_items: true,
                        ..ty(Ty::Array)
                    },
                ],
                ..Schema::default()
            },
        ),
    ],
    min_props: Some(1),
    additional: Some(None),
    ..ty(Ty::Object)
});

pub static TASK_DEFAULTS: LazyLock<Schema> = LazyLock::new(|| {
    let mut properties = policy_properties();
    properties.extend([
        ("on-complete", ON_CLAUSE.clone()),
        ("on-success", ON_CLAUSE.clone()),
        ("on-error", ON_CLAUSE.clone()),
        ("on-skip", ON_CLAUSE.clone()),
        ("safe-rerun", expression_or_boolean()),
        ("requires", string_or_list()),
        ("limits", LIMITS.clone()),
    ]);
    properties.extend(meta_properties());
    Schema {
        properties,
        additional: Some(None),
        ..ty(Ty::Object)
    }
});

fn task_schema(direct: bool) -> Schema {
    let wf_type = Schema {
        enumeration: vec![Lit::Str(if direct { "direct" } else { "reverse" })],
        ..Schema::default()
    };
    let mut properties = vec![
        ("type", wf_type),
        ("action", nonempty_string()),
        ("workflow", nonempty_string()),
        (
            "input",
            Schema {
                one_of: vec![nonempty_dict(), nonempty_string()],
                ..Schema::default()
            },
        ),
        (
            "with-items",
            Schema {
                one_of: vec![nonempty_string(), unique_string_list()],
                ..Schema::default()
            },
        ),
        ("publish", nonempty_dict()),
        ("publish-on-error", nonempty_dict()),
        ("publish-on-skip", nonempty_dict()),
    ];
    properties.extend(policy_properties());
    properties.extend([
        ("target", nonempty_string()),
        ("keep-result", expression_or_boolean()),
        ("safe-rerun", expression_or_boolean()),
        ("limits", LIMITS.clone()),
    ]);
    if direct {
        properties.extend([
            (
                "join",
                Schema {
                    one_of: vec![
                        Schema {
                            enumeration: vec![Lit::Str("all"), Lit::Str("one")],
                            ..Schema::default()
                        },
                        positive_integer(),
                    ],
                    ..Schema::default()
                },
            ),
            ("on-complete", ON_CLAUSE.clone()),
            ("on-success", ON_CLAUSE.clone()),
            ("on-error", ON_CLAUSE.clone()),
            ("on-skip", ON_CLAUSE.clone()),
        ]);
    } else {
        properties.push(("requires", string_or_list()));
    }
    // Meta keys (`v2/base.py`).
    properties.extend([
        ("name", nonempty_string()),
        ("version", version()),
        ("description", nonempty_string()),
        ("tags", unique_string_list()),
    ]);
    let required = |k: &'static str| Schema {
        ty: Some(Ty::Object),
        required: vec![k],
        ..Schema::default()
    };
    Schema {
        properties,
        additional: Some(None),
        required: vec!["name", "version"],
        any_of: vec![
            Schema {
                not: Some(Box::new(Schema {
                    ty: Some(Ty::Object),
                    required: vec!["action", "workflow"],
                    ..Schema::default()
                })),
                ..Schema::default()
            },
            Schema {
                one_of: vec![required("action"), required("workflow")],
                ..Schema::default()
            },
        ],
        ..ty(Ty::Object)
    }
}

pub static DIRECT_TASK: LazyLock<Schema> = LazyLock::new(|| task_schema(true));
pub static REVERSE_TASK: LazyLock<Schema> = LazyLock::new(|| task_schema(false));

/// The task schema for a task *before* Mistral injects `type`, `name` and
/// `version` (which overwrite whatever the task says): those keys accept
/// anything and are not required. A task valid under it is valid under the
/// full schema once injected (given a non-empty name), so the validator
/// only builds the injected copy when this quick check fails.
pub fn raw_task_schema(direct: bool) -> &'static Schema {
    fn relax(mut s: Schema) -> Schema {
        s.required.clear();
        for (k, v) in &mut s.properties {
            if matches!(*k, "type" | "name" | "version") {
                *v = Schema::default();
            }
        }
        s
    }
    static DIRECT: LazyLock<Schema> = LazyLock::new(|| relax(task_schema(true)));
    static REVERSE: LazyLock<Schema> = LazyLock::new(|| relax(task_schema(false)));
    if direct { &DIRECT } else { &REVERSE }
}

/// `ActionSpec` with the meta keys.
pub static ACTION: LazyLock<Schema> = LazyLock::new(|| Schema {
    properties: vec![
        ("base", nonempty_string()),
        ("base-input", nonempty_dict()),
        ("input", unique_string_or_one_key_dict_list()),
        ("output", any_nullable()),
        ("name", nonempty_string()),
        ("version", version()),
        ("description", nonempty_string()),
        ("tags", unique_string_list()),
    ],
    required: vec!["base", "name", "version"],
    additional: Some(None),
    ..ty(Ty::Object)
});

/// `WorkbookSpec` with the meta keys (its own `version` enum wins).
pub static WORKBOOK: LazyLock<Schema> = LazyLock::new(|| {
    let section = || {
        let (vsrc, vrx) = py_pattern(r"^version$");
        Schema {
            min_props: Some(1),
            pattern_props: vec![
                (
                    vsrc,
                    vrx,
                    Schema {
                        enumeration: vec![Lit::Str("2.0"), Lit::Num(2.0)],
                        ..Schema::default()
                    },
                ),
                // `^(?!version$)[\w-]+$`: the `version` key is matched above;
                // the look-ahead is emulated in `check` by the key test below.
                (
                    r"^(?!version$)[\w-]+$",
                    re(r"^[\w-]+\n?\z"),
                    Schema {
                        any_of: vec![any_types(false)],
                        ..Schema::default()
                    },
                ),
            ],
            additional: Some(None),
            ..ty(Ty::Object)
        }
    };
    Schema {
        properties: vec![
            (
                "version",
                Schema {
                    enumeration: vec![Lit::Str("2.0"), Lit::Num(2.0)],
                    ..Schema::default()
                },
            ),
            ("actions", section()),
            ("workflows", section()),
            ("name", nonempty_string()),
            ("description", nonempty_string()),
            ("tags", unique_string_list()),
        ],
        required: vec!["name", "version"],
        additional: Some(None),
        ..ty(Ty::Object)
    }
});
