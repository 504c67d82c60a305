//! Jinja expressions through minijinja, configured like Mistral's
//! `SandboxedEnvironment(undefined=StrictUndefined, trim_blocks=True,
//! lstrip_blocks=True)`.
//!
//! What this module adds on top of minijinja's defaults, so that templates
//! written for Mistral (Jinja2 3.1) behave the same:
//! - the data is `_`, an [`Object`] backed by the [`DataContext`] (top-level
//!   keys are looked up and converted on demand, never the whole context);
//!   `__env`, `__execution` and `__task_execution` are globals taken from it;
//! - Mistral's custom functions are globals (bound to the data, as Mistral's
//!   `partial(fn, data_context)`) and filters (where the piped value is the
//!   function's *context* argument, so `{{ x | json_dump }}` fails as in
//!   Mistral);
//! - values are written with Python's `str()` (`True`, `None`, `{'a': 1}`);
//! - Python methods on values (`_.get('k')`, `s.strip()`, `l.index(3)`, ...);
//! - filters and tests whose Jinja2 behaviour differs from minijinja's
//!   (`round`, `int`, `sum`, `min`/`max`, `tojson`, `groupby`, `sequence`, ...).
//!
//! Functions that read execution data (`task()`, `execution()`, ...) need the
//! caller's [`ExprHost`], a borrowed trait object that minijinja's `'static`
//! functions cannot hold. Templates that mention one of those names are
//! therefore run on a scoped worker thread whose host calls are answered by
//! the calling thread over channels; all other templates run inline.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::fmt::Write as _;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, LazyLock};

use minijinja::value::{Enumerator, Kwargs, Object, Rest, ValueKind};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior, Value};
use regex::Regex;
use serde_json::Value as Json;

use crate::context::DataContext;
use crate::functions::{self, ExecutionsFilter, ExprHost, NoHost, py_float_repr, py_str_repr};
use crate::limits::{LimitError, LimitKind, Limits};

mod budget;

/// A Jinja compile or evaluation error; `message` is the bare reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct JinjaError {
    pub message: String,
    /// Set when the error is a limit exceeded (see [`crate::limits`]).
    pub limit: Option<LimitError>,
}

impl JinjaError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            limit: None,
        }
    }
}

impl From<LimitError> for JinjaError {
    fn from(error: LimitError) -> Self {
        Self {
            message: error.to_string(),
            limit: Some(error),
        }
    }
}

impl From<Error> for JinjaError {
    fn from(err: Error) -> Self {
        let message = match (err.kind(), err.detail()) {
            (ErrorKind::UndefinedError, Some(detail)) => format!("undefined value: {detail}"),
            (ErrorKind::UndefinedError, None) => "undefined value".to_string(),
            (_, Some(detail)) => detail.to_string(),
            (kind, None) => kind.to_string(),
        };
        // Fuel is the step limit; its amount is filled in by `within`.
        let limit =
            (err.kind() == ErrorKind::OutOfFuel).then_some(LimitError::new(LimitKind::Steps(0)));
        Self { message, limit }
    }
}

/// The result of an evaluation that went past the limit `tripped`, if any:
/// an error is a limit error when a limit was exceeded on the way (even if
/// a filter turned it into another error), and fuel running out is the
/// step limit.
fn within<R>(
    limits: &Limits,
    tripped: Option<LimitError>,
    result: Result<R, JinjaError>,
) -> Result<R, JinjaError> {
    // Errors only: a result goes through untouched.
    result.map_err(|e| match tripped {
        Some(limit) => limit.into(),
        None if e.limit == Some(LimitError::new(LimitKind::Steps(0))) => {
            LimitError::new(LimitKind::Steps(limits.max_steps)).into()
        }
        None => e,
    })
}

/// The depth limit of an evaluation (`limits` clamped), against a text's
/// nesting.
fn check_depth_limit(limits: &Limits, depth: usize) -> Result<(), JinjaError> {
    let max = limits.max_expression_depth;
    if depth > max {
        return Err(LimitError::new(LimitKind::ExpressionDepth(max)).into());
    }
    Ok(())
}

/// The shared environment for whole expressions (`{{ expr }}`).
static ENV: LazyLock<Environment<'static>> = LazyLock::new(build_env);

/// Names of the functions that need the [`ExprHost`].
static HOST_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:task|tasks|execution|executions|global)\b")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// A whole-string `{{ expr }}`: compiled once, evaluated to a native value.
pub struct JinjaExpression {
    /// The text given to minijinja.
    source: String,
    /// Compiled against the environment of each fuel amount used.
    forms: budget::PerFuel<minijinja::Expression<'static, 'static>>,
    /// The nesting bound of the text.
    depth: usize,
    host_use: HostUse,
}

impl std::fmt::Debug for JinjaExpression {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JinjaExpression")
            .field("host_use", &self.host_use)
            .finish_non_exhaustive()
    }
}

impl JinjaExpression {
    /// Compiles the text between `{{` and `}}`.
    pub fn compile(source: &str) -> Result<Self, JinjaError> {
        // Before minijinja sees it: its parser and compiler recurse once per
        // term of an operator chain.
        let depth = budget::check_nesting(source, true)?;
        let expression = Self {
            source: bind_unary_operators(source),
            forms: budget::PerFuel::new(),
            depth,
            host_use: host_use(source),
        };
        // Grammar errors are reported now.
        expression.form(Limits::DEFAULT.max_steps)?;
        Ok(expression)
    }

    /// The compiled form for a step limit (an expression never loops).
    fn form(
        &self,
        max_steps: u64,
    ) -> Result<budget::Form<'_, minijinja::Expression<'static, 'static>>, JinjaError> {
        let fuel = budget::fuel_for(&self.source, false, max_steps);
        self.forms.get(fuel, |fuel| {
            let env = budget::fueled_env(&ENV, fuel);
            env.compile_expression_owned(self.source.clone())
                .map_err(JinjaError::from)
        })
    }

    /// Evaluates against `data`; the result is converted to JSON.
    pub fn evaluate(&self, data: &DataContext, host: &dyn ExprHost) -> Result<Json, JinjaError> {
        let limits = host.limits().clamped();
        check_depth_limit(&limits, self.depth)?;
        let expr = self.form(limits.max_steps)?;
        let run = |root: Value| -> Result<Json, JinjaError> {
            let value = expr.eval(root)?;
            // Mistral calls `str(result)` so that a StrictUndefined result
            // raises; a silent undefined (`'x' if false`) does not.
            if value.is_undefined() {
                ENV.render_str("{{ __v }}", minijinja::context! { __v => value })?;
                return Ok(Json::Null);
            }
            // Measured without recursion before the recursive conversion.
            budget::with(|budget| budget::measure(&value, budget)).unwrap_or(Ok(()))?;
            Ok(to_json(&value))
        };
        run_with_host(&self.host_use, host, data, &limits, run)
    }
}

/// minijinja applies a unary `-` before `.attr`, `[i]` and calls (`-_.a`
/// is `(-_).a`); Jinja2 applies it to the whole postfix chain. Parentheses
/// are added around such operands (`-(_.a)`), and a unary `+` is dropped
/// (minijinja has none).
fn bind_unary_operators(source: &str) -> String {
    let bytes = source.as_bytes();
    if !bytes.iter().any(|b| *b == b'-' || *b == b'+') {
        return source.to_string();
    }
    let mut out = String::with_capacity(source.len() + 8);
    // Whether the previous significant token ends an operand.
    let mut after_operand = false;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c.is_ascii_whitespace() {
            out.push(c as char);
            i += 1;
            continue;
        }
        if c == b'-' || c == b'+' {
            let doubled = bytes.get(i + 1) == Some(&c) && c == b'*';
            if !after_operand && !doubled {
                let start = skip_ws(bytes, i + 1);
                if let Some((end, has_postfix)) = operand_end(bytes, start) {
                    let operand = &source[start..end];
                    if c == b'-' {
                        if has_postfix {
                            out.push_str("-(");
                            out.push_str(operand);
                            out.push(')');
                        } else {
                            out.push('-');
                            out.push_str(&source[i + 1..end]);
                        }
                    } else {
                        out.push('(');
                        out.push_str(operand);
                        out.push(')');
                    }
                    i = end;
                    after_operand = true;
                    continue;
                }
            }
            out.push(c as char);
            i += 1;
            after_operand = false;
            continue;
        }
        if c == b'\'' || c == b'"' {
            let end = string_end(bytes, i);
            out.push_str(&source[i..end]);
            i = end;
            after_operand = true;
            continue;
        }
        if c.is_ascii_alphanumeric() || c == b'_' {
            let end = word_end(bytes, i);
            let word = &source[i..end];
            out.push_str(word);
            i = end;
            after_operand = !matches!(
                word,
                "and" | "or" | "not" | "in" | "is" | "if" | "else" | "for"
            );
            continue;
        }
        // Any other character: copy it (multi-byte UTF-8 included).
        let ch_len = source[i..].chars().next().map_or(1, char::len_utf8);
        out.push_str(&source[i..i + ch_len]);
        after_operand = matches!(c, b')' | b']' | b'}');
        i += ch_len;
    }
    out
}

fn skip_ws(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len() && bytes[i].is_ascii_whitespace() {
        i += 1;
    }
    i
}

fn word_end(bytes: &[u8], mut i: usize) -> usize {
    while i < bytes.len()
        && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_' || bytes[i] >= 0x80)
    {
        i += 1;
    }
    i
}

fn string_end(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b if b == quote => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The end of a bracketed group starting at `start` (`(`, `[` or `{`).
fn group_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    while i < bytes.len() {
        match bytes[i] {
            b'\'' | b'"' => {
                i = string_end(bytes, i);
                continue;
            }
            b'(' | b'[' | b'{' => depth += 1,
            b')' | b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The end of a primary expression and its `.name` / `[..]` / `(..)`
/// chain starting at `start`, and whether there was such a chain.
fn operand_end(bytes: &[u8], start: usize) -> Option<(usize, bool)> {
    let first = *bytes.get(start)?;
    let mut i = if first == b'\'' || first == b'"' {
        string_end(bytes, start)
    } else if first.is_ascii_digit() {
        // A number, with a fraction but without attribute access.
        let mut j = start;
        while j < bytes.len()
            && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_' || bytes[j] == b'.')
        {
            j += 1;
        }
        return Some((j, false));
    } else if first.is_ascii_alphabetic() || first == b'_' {
        word_end(bytes, start)
    } else if matches!(first, b'(' | b'[' | b'{') {
        group_end(bytes, start)?
    } else {
        return None;
    };
    let mut has_postfix = false;
    loop {
        match bytes.get(i) {
            Some(b'.')
                if bytes
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_') =>
            {
                i = word_end(bytes, i + 1);
                has_postfix = true;
            }
            Some(b'[' | b'(') => {
                i = group_end(bytes, i)?;
                has_postfix = true;
            }
            _ => return Some((i, has_postfix)),
        }
    }
}

/// A text with Jinja blocks or surrounding text, rendered to a string.
pub struct JinjaTemplate {
    /// The text given to minijinja (namespace assignments counted).
    source: String,
    // One small environment per template and fuel amount: minijinja only
    // hands out owned templates through an environment's store. Cloning
    // shares the registered functions.
    envs: budget::PerFuel<Environment<'static>>,
    depth: usize,
    /// Whether an instruction may run more than once (see
    /// [`budget::can_loop`]).
    loops: bool,
    host_use: HostUse,
}

impl std::fmt::Debug for JinjaTemplate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JinjaTemplate")
            .field("host_use", &self.host_use)
            .finish_non_exhaustive()
    }
}

const TEMPLATE_NAME: &str = "t";

/// `{% break %}` / `{% continue %}`: minijinja accepts them (the workspace
/// enables `loop_controls`) but Mistral's environment has no loop-controls
/// extension.
static LOOP_CONTROL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%[-+]?\s*(break|continue)\s*[-+]?%\}")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

fn reject_loop_controls(source: &str) -> Result<(), JinjaError> {
    match LOOP_CONTROL.captures(source) {
        Some(caps) => Err(JinjaError::new(format!(
            "Encountered unknown tag '{}'.",
            &caps[1]
        ))),
        None => Ok(()),
    }
}

impl JinjaTemplate {
    /// Compiles a template; syntax errors are reported here.
    pub fn compile(source: &str) -> Result<Self, JinjaError> {
        reject_loop_controls(source)?;
        let depth = budget::check_nesting(source, false)?;
        let counted = budget::count_namespace_sets(source);
        let rewritten = counted.is_some();
        let template = Self {
            source: counted.unwrap_or_else(|| source.to_string()),
            envs: budget::PerFuel::new(),
            depth,
            loops: budget::can_loop(source),
            host_use: host_use(source),
        };
        if let Err(error) = template.env(Limits::DEFAULT.max_steps) {
            // A syntax error is reported as the text written has it.
            if rewritten && let Err(original) = ENV.template_from_str(source) {
                return Err(original.into());
            }
            return Err(error);
        }
        Ok(template)
    }

    /// The environment holding the template for a step limit.
    fn env(&self, max_steps: u64) -> Result<budget::Form<'_, Environment<'static>>, JinjaError> {
        let fuel = budget::fuel_for(&self.source, self.loops, max_steps);
        self.envs.get(fuel, |fuel| {
            let base = budget::fueled_env(&ENV, fuel);
            let mut env = base.clone();
            env.add_template_owned(TEMPLATE_NAME, self.source.clone())?;
            Ok(env)
        })
    }

    /// Renders against `data`.
    pub fn render(&self, data: &DataContext, host: &dyn ExprHost) -> Result<String, JinjaError> {
        let limits = host.limits().clamped();
        check_depth_limit(&limits, self.depth)?;
        let env = self.env(limits.max_steps)?;
        let run = |root: Value| -> Result<String, JinjaError> {
            let template = env.get_template(TEMPLATE_NAME)?;
            Ok(template.render(root)?)
        };
        run_with_host(&self.host_use, host, data, &limits, run)
    }
}

/// Mistral's spec-time check of a string containing Jinja: the whole string
/// must parse as a template (and not nest too deeply).
pub fn validate_template(source: &str) -> Result<(), JinjaError> {
    reject_loop_controls(source)?;
    budget::check_nesting(source, false)?;
    ENV.template_from_str(source)
        .map(|_| ())
        .map_err(Into::into)
}

// ---------------------------------------------------------------------------
// The data as `_` and the top-level names
// ---------------------------------------------------------------------------

/// The variables a template sees: `_` and the three `__` globals.
#[derive(Debug)]
struct Root {
    data: DataContext,
    prefetched: Option<Value>,
}

const ROOT_KEYS: [&str; 4] = ["_", "__env", "__execution", "__task_execution"];

impl Object for Root {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_str()? {
            // Mistral binds `_` to the data itself: a string result in an
            // ad-hoc action's `output` is that string, not a dict.
            "_" => Some(match self.data.layers() {
                [only] if !only.is_object() => lazy(only, Vec::new(), only),
                _ => Value::from_object(Data {
                    data: self.data.clone(),
                }),
            }),
            name @ ("__env" | "__execution" | "__task_execution") => Some(
                self.data
                    .layers()
                    .iter()
                    .find_map(|layer| {
                        let child = layer.as_object()?.get(name)?;
                        Some(lazy(layer, vec![Step::Key(Arc::from(name))], child))
                    })
                    .unwrap_or(Value::from(())),
            ),
            PREFETCHED_VAR => self.prefetched.clone(),
            _ => None,
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(&ROOT_KEYS)
    }
}

fn root_value(data: &DataContext, prefetched: Option<Value>) -> Value {
    Value::from_object(Root {
        data: data.clone(),
        prefetched,
    })
}

/// The JSON behind a value read from the data, if it is one.
fn json_node(value: &Value) -> Option<&Json> {
    value
        .downcast_object_ref::<JsonNode>()
        .map(|node| node.resolve())
}

/// `_`: the data context as a dict, converted key by key when read.
#[derive(Debug)]
struct Data {
    data: DataContext,
}

impl Object for Data {
    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let key = key.as_str()?;
        self.data.layers().iter().find_map(|layer| {
            let child = layer.as_object()?.get(key)?;
            Some(lazy(layer, vec![Step::Key(Arc::from(key))], child))
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        match self.data.to_value() {
            Json::Object(map) => {
                Enumerator::Values(map.keys().map(|k| Value::from(k.as_str())).collect())
            }
            _ => Enumerator::Empty,
        }
    }
}

/// One step from a layer's root to a nested value.
#[derive(Debug, Clone)]
enum Step {
    Key(Arc<str>),
    Index(usize),
}

/// A dict or list inside a shared data layer, seen by minijinja without
/// being converted: children are converted only when read, scalars
/// directly, containers as further nodes. Shown with Python's `repr()`.
#[derive(Debug)]
struct JsonNode {
    root: Arc<Json>,
    path: Vec<Step>,
}

impl JsonNode {
    fn resolve(&self) -> &Json {
        let mut current = self.root.as_ref();
        for step in &self.path {
            let next = match (step, current) {
                (Step::Key(k), Json::Object(map)) => map.get(k.as_ref()),
                (Step::Index(i), Json::Array(items)) => items.get(*i),
                _ => None,
            };
            current = next.unwrap_or(&Json::Null);
        }
        current
    }

    fn child(&self, step: Step, value: &Json) -> Value {
        let mut path = self.path.clone();
        path.push(step);
        lazy(&self.root, path, value)
    }
}

/// A JSON value from a data layer as a minijinja value: scalars are
/// converted, dicts and lists become [`JsonNode`]s.
fn lazy(root: &Arc<Json>, path: Vec<Step>, value: &Json) -> Value {
    match value {
        Json::Object(_) | Json::Array(_) => Value::from_object(JsonNode {
            root: Arc::clone(root),
            path,
        }),
        scalar => from_json(scalar),
    }
}

impl Object for JsonNode {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        match self.resolve() {
            Json::Array(_) => minijinja::value::ObjectRepr::Seq,
            _ => minijinja::value::ObjectRepr::Map,
        }
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match self.resolve() {
            Json::Object(map) => {
                let key = key.as_str()?;
                let child = map.get(key)?;
                Some(self.child(Step::Key(Arc::from(key)), child))
            }
            Json::Array(items) => {
                let index = seq_index(key, items.len())?;
                Some(self.child(Step::Index(index), &items[index]))
            }
            _ => None,
        }
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        match self.resolve() {
            Json::Object(map) => {
                Enumerator::Values(map.keys().map(|k| Value::from(k.as_str())).collect())
            }
            Json::Array(items) => Enumerator::Seq(items.len()),
            _ => Enumerator::Empty,
        }
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        match self.resolve() {
            Json::Object(map) => Some(map.len()),
            Json::Array(items) => Some(items.len()),
            _ => Some(0),
        }
    }

    fn render(self: &Arc<Self>, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result
    where
        Self: Sized + 'static,
    {
        f.write_str(&functions::py_repr(self.resolve()))
    }
}

fn from_json(value: &Json) -> Value {
    match value {
        Json::Null => Value::from(()),
        Json::Bool(b) => Value::from(*b),
        Json::String(s) => Value::from(s.as_str()),
        Json::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                Value::from(n.as_f64().unwrap_or(f64::NAN))
            }
        }
        _ => Value::from_serialize(value),
    }
}

/// A minijinja value as JSON: integers stay integers, floats stay floats,
/// tuples and iterators become lists, non-string keys become their `str()`.
pub fn to_json(value: &Value) -> Json {
    if let Some(node) = value.downcast_object_ref::<JsonNode>() {
        return node.resolve().clone();
    }
    match value.kind() {
        ValueKind::Undefined | ValueKind::None => Json::Null,
        ValueKind::Bool => Json::Bool(value.is_true()),
        ValueKind::Number => number_to_json(value),
        ValueKind::String => Json::String(value.as_str().unwrap_or_default().to_string()),
        ValueKind::Bytes => {
            Json::String(String::from_utf8_lossy(value.as_bytes().unwrap_or_default()).into_owned())
        }
        ValueKind::Seq | ValueKind::Iterable => Json::Array(
            value
                .try_iter()
                .map(|it| it.map(|v| to_json(&v)).collect())
                .unwrap_or_default(),
        ),
        ValueKind::Map => {
            let mut map = serde_json::Map::new();
            if let Ok(keys) = value.try_iter() {
                for key in keys {
                    let item = value.get_item(&key).unwrap_or_default();
                    map.insert(py_str(&key), to_json(&item));
                }
            }
            Json::Object(map)
        }
        _ => Json::String(value.to_string()),
    }
}

fn number_to_json(value: &Value) -> Json {
    if value.is_integer() {
        if let Ok(i) = i64::try_from(value.clone()) {
            return Json::from(i);
        }
        if let Ok(u) = u64::try_from(value.clone()) {
            return Json::from(u);
        }
    }
    let f = f64::try_from(value.clone()).unwrap_or(f64::NAN);
    serde_json::Number::from_f64(f).map_or_else(|| Json::String(py_float_repr(f)), Json::Number)
}

// ---------------------------------------------------------------------------
// Python str() / repr() of minijinja values
// ---------------------------------------------------------------------------

/// Python's `str(value)`.
pub fn py_str(value: &Value) -> String {
    match value.kind() {
        ValueKind::String => value.as_str().unwrap_or_default().to_string(),
        ValueKind::Undefined => String::new(),
        _ => {
            let mut out = String::new();
            write_py_repr(&mut out, value);
            out
        }
    }
}

fn write_py_repr(out: &mut String, value: &Value) {
    if let Some(node) = value.downcast_object_ref::<JsonNode>() {
        out.push_str(&functions::py_repr(node.resolve()));
        return;
    }
    if let Some(tuple) = value.downcast_object_ref::<PyTuple>() {
        out.push('(');
        for (i, item) in tuple.items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_py_repr(out, item);
        }
        if tuple.items.len() == 1 {
            out.push(',');
        }
        out.push(')');
        return;
    }
    if let Some(view) = value.downcast_object_ref::<DictView>() {
        out.push_str(view.kind);
        out.push_str("([");
        for (i, item) in view.items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            write_py_repr(out, item);
        }
        out.push_str("])");
        return;
    }
    if let Some(range) = value.downcast_object_ref::<PyRange>() {
        let _ = if range.step == 1 {
            write!(out, "range({}, {})", range.start, range.stop)
        } else {
            write!(
                out,
                "range({}, {}, {})",
                range.start, range.stop, range.step
            )
        };
        return;
    }
    match value.kind() {
        ValueKind::Undefined => {}
        ValueKind::None => out.push_str("None"),
        ValueKind::Bool => out.push_str(if value.is_true() { "True" } else { "False" }),
        ValueKind::Number => {
            if value.is_integer() {
                let _ = write!(out, "{value}");
            } else {
                out.push_str(&py_float_repr(
                    f64::try_from(value.clone()).unwrap_or(f64::NAN),
                ));
            }
        }
        ValueKind::String => out.push_str(&py_str_repr(value.as_str().unwrap_or_default())),
        ValueKind::Seq | ValueKind::Iterable => {
            out.push('[');
            if let Ok(items) = value.try_iter() {
                for (i, item) in items.enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_py_repr(out, &item);
                }
            }
            out.push(']');
        }
        ValueKind::Map => {
            out.push('{');
            if let Ok(keys) = value.try_iter() {
                for (i, key) in keys.enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    write_py_repr(out, &key);
                    out.push_str(": ");
                    write_py_repr(out, &value.get_item(&key).unwrap_or_default());
                }
            }
            out.push('}');
        }
        _ => {
            let _ = write!(out, "{value}");
        }
    }
}

// ---------------------------------------------------------------------------
// Python value types minijinja has no equivalent for
// ---------------------------------------------------------------------------

/// A Python tuple (shown as `(a, b)`), optionally with named fields like
/// the namedtuples of `groupby` (`grouper`, `list`).
#[derive(Debug)]
struct PyTuple {
    items: Vec<Value>,
    names: Option<[&'static str; 2]>,
}

impl PyTuple {
    fn pair(a: Value, b: Value) -> Value {
        Value::from_object(PyTuple {
            items: vec![a, b],
            names: None,
        })
    }
}

fn seq_index(key: &Value, len: usize) -> Option<usize> {
    let i = i64::try_from(key.clone()).ok()?;
    let i = if i < 0 { i + len as i64 } else { i };
    usize::try_from(i).ok().filter(|i| *i < len)
}

impl Object for PyTuple {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        if let (Some(name), Some(names)) = (key.as_str(), self.names) {
            return names
                .iter()
                .position(|n| *n == name)
                .and_then(|i| self.items.get(i).cloned());
        }
        seq_index(key, self.items.len()).map(|i| self.items[i].clone())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.items.len())
    }
}

/// `dict.keys()`, `.values()`, `.items()`: shown as `dict_keys([...])`.
#[derive(Debug)]
struct DictView {
    kind: &'static str,
    items: Vec<Value>,
}

impl Object for DictView {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        // Views cannot be indexed in Python; iteration goes through here.
        seq_index(key, self.items.len()).map(|i| self.items[i].clone())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(self.items.len())
    }
}

/// The sandbox's `range()`: at most 100000 items, shown as `range(0, 3)`.
#[derive(Debug)]
struct PyRange {
    start: i64,
    stop: i64,
    step: i64,
}

/// Jinja2's sandbox limit on `range()`.
const MAX_RANGE: i64 = 100_000;

impl PyRange {
    fn len(&self) -> i64 {
        if self.step > 0 && self.start < self.stop {
            (self.stop - self.start - 1) / self.step + 1
        } else if self.step < 0 && self.start > self.stop {
            (self.start - self.stop - 1) / (-self.step) + 1
        } else {
            0
        }
    }
}

impl Object for PyRange {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Seq
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let len = usize::try_from(self.len()).ok()?;
        seq_index(key, len).map(|i| Value::from(self.start + i as i64 * self.step))
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Seq(usize::try_from(self.len()).unwrap_or(0))
    }
}

fn py_range(a: i64, b: Option<i64>, c: Option<i64>) -> Result<Value, Error> {
    let (start, stop) = match b {
        Some(stop) => (a, stop),
        None => (0, a),
    };
    let step = c.unwrap_or(1);
    if step == 0 {
        return Err(err("range() arg 3 must not be zero"));
    }
    let range = PyRange { start, stop, step };
    if range.len() > MAX_RANGE {
        return Err(err(
            "Range too big. The sandbox blocks ranges larger than MAX_RANGE (100000).",
        ));
    }
    Ok(Value::from_object(range))
}

/// Python's `int(text, base)` for strings: whitespace, sign, underscores
/// between digits and (for a matching base) a `0x`/`0o`/`0b` prefix.
fn py_int(text: &str, base: u32) -> Option<i64> {
    let t = text.trim();
    let (negative, t) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t.strip_prefix('+').unwrap_or(t)),
    };
    let lower = t.to_ascii_lowercase();
    let (digits, base) = match (lower.get(..2), base) {
        (Some("0x"), 16 | 0) => (&t[2..], 16),
        (Some("0o"), 8 | 0) => (&t[2..], 8),
        (Some("0b"), 2 | 0) => (&t[2..], 2),
        (_, 0) => (t, 10),
        _ => (t, base),
    };
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let cleaned: String = digits.chars().filter(|c| *c != '_').collect();
    let n = i64::from_str_radix(&cleaned, base).ok()?;
    Some(if negative { -n } else { n })
}

/// Python's `float(text)`.
fn py_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    if matches!(body, "inf" | "infinity" | "nan") {
        return lower.parse::<f64>().ok();
    }
    if t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let cleaned: String = t.chars().filter(|c| *c != '_').collect();
    if cleaned
        .chars()
        .any(|c| c.is_ascii_alphabetic() && c != 'e' && c != 'E')
    {
        return None;
    }
    cleaned.parse::<f64>().ok()
}

/// markupsafe's `escape`.
fn html_escape(s: &str) -> String {
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
fn jinja_title(s: &str) -> String {
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
fn filesizeformat(bytes: f64, binary: bool) -> String {
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
fn pformat(value: &Json) -> String {
    let mut out = String::new();
    pformat_into(&mut out, value, 0, 0);
    out
}

fn pformat_into(out: &mut String, value: &Json, indent: usize, allowance: usize) {
    let rep = match value {
        Json::String(s) => py_str_repr(s),
        other => functions::py_repr(other),
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
                let key_rep = py_str_repr(key);
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

// ---------------------------------------------------------------------------
// Execution data through the host
// ---------------------------------------------------------------------------

#[derive(Debug, Clone)]
enum HostCall {
    Task(Option<String>),
    Tasks(Option<String>, bool, Option<String>, bool),
    Execution,
    Executions(ExecutionsFilter),
    Global(String),
}

type HostReply = Result<Json, String>;

impl HostCall {
    /// The key of a call whose answer can be fetched before rendering.
    fn key(&self) -> Option<String> {
        match self {
            HostCall::Task(None) => Some("task()".to_string()),
            HostCall::Task(Some(name)) => Some(format!("task:{name}")),
            HostCall::Tasks(None, false, None, false) => Some("tasks()".to_string()),
            HostCall::Execution => Some("execution()".to_string()),
            HostCall::Executions(filter) if *filter == ExecutionsFilter::default() => {
                Some("executions()".to_string())
            }
            HostCall::Global(name) => Some(format!("global:{name}")),
            _ => None,
        }
    }
}

/// The hidden variable holding the answers fetched before rendering.
const PREFETCHED_VAR: &str = "__bora_prefetched";

/// Host answers fetched on the calling thread before rendering (errors are
/// kept and raised only if the template really makes the call).
#[derive(Debug)]
struct Prefetched(std::collections::HashMap<String, HostReply>);

impl Object for Prefetched {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Plain
    }
}

/// How a template reaches the host.
#[derive(Debug)]
enum HostUse {
    /// It calls no host function.
    None,
    /// Every call has literal arguments (`task()`, `task('name')`,
    /// `global('x')`, ...): answered before rendering, on this thread.
    Prefetch(Vec<HostCall>),
    /// Calls with computed arguments: rendered on a worker thread.
    Thread,
}

static LITERAL_HOST_CALL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r#"\b(task|tasks|execution|executions|global)\s*\(\s*(?:'([^'\\]*)'|"([^"\\]*)")?\s*\)"#,
    )
    .unwrap_or_else(|e| panic!("static regex: {e}"))
});

fn host_use(source: &str) -> HostUse {
    let mentions = HOST_NAMES.find_iter(source).count();
    if mentions == 0 {
        return HostUse::None;
    }
    let mut calls: Vec<HostCall> = Vec::new();
    for caps in LITERAL_HOST_CALL.captures_iter(source) {
        let arg = caps
            .get(2)
            .or_else(|| caps.get(3))
            .map(|m| m.as_str().to_string());
        let call = match (&caps[1], arg) {
            ("task", arg) => HostCall::Task(arg),
            ("tasks", None) => HostCall::Tasks(None, false, None, false),
            ("execution", None) => HostCall::Execution,
            ("executions", None) => HostCall::Executions(ExecutionsFilter::default()),
            ("global", Some(name)) => HostCall::Global(name),
            _ => return HostUse::Thread,
        };
        if !calls.iter().any(|c| c.key() == call.key()) {
            calls.push(call);
        }
    }
    let literal_mentions = LITERAL_HOST_CALL.find_iter(source).count();
    if literal_mentions == mentions {
        HostUse::Prefetch(calls)
    } else {
        HostUse::Thread
    }
}

/// Runs `f` with the host reachable as `host_use` requires, under a fresh
/// budget of `limits` on the thread that renders.
fn run_with_host<R: Send>(
    host_use: &HostUse,
    host: &dyn ExprHost,
    data: &DataContext,
    limits: &Limits,
    f: impl FnOnce(Value) -> Result<R, JinjaError> + Send,
) -> Result<R, JinjaError> {
    let under_budget = |root: Value| {
        let (result, tripped) = budget::scoped(limits, || f(root));
        within(limits, tripped, result)
    };
    match host_use {
        HostUse::None => under_budget(root_value(data, None)),
        HostUse::Prefetch(calls) => {
            let answers = calls
                .iter()
                .filter_map(|call| Some((call.key()?, dispatch(host, call.clone()))))
                .collect();
            under_budget(root_value(
                data,
                Some(Value::from_object(Prefetched(answers))),
            ))
        }
        HostUse::Thread => with_host(host, || under_budget(root_value(data, None))),
    }
}

thread_local! {
    static HOST_LINK: RefCell<Option<(Sender<HostCall>, Receiver<HostReply>)>> =
        const { RefCell::new(None) };
}

fn dispatch(host: &dyn ExprHost, call: HostCall) -> HostReply {
    match call {
        HostCall::Task(name) => host.task(name.as_deref()).map(|t| t.unwrap_or(Json::Null)),
        HostCall::Tasks(id, recursive, state, flat) => {
            host.tasks(id.as_deref(), recursive, state.as_deref(), flat)
        }
        HostCall::Execution => host.execution(),
        HostCall::Executions(filter) => host.executions(&filter),
        HostCall::Global(name) => host.global(&name).map(|v| v.unwrap_or(Json::Null)),
    }
}

/// Runs `f` on a scoped worker thread whose host calls are answered here.
fn with_host<R: Send>(
    host: &dyn ExprHost,
    f: impl FnOnce() -> Result<R, JinjaError> + Send,
) -> Result<R, JinjaError> {
    let (call_tx, call_rx) = channel::<HostCall>();
    let (reply_tx, reply_rx) = channel::<HostReply>();
    std::thread::scope(|scope| {
        let worker = scope.spawn(move || {
            HOST_LINK.with(|link| *link.borrow_mut() = Some((call_tx, reply_rx)));
            let result = f();
            HOST_LINK.with(|link| *link.borrow_mut() = None);
            result
        });
        // Ends when the worker drops its sender, i.e. when it is done.
        for call in call_rx.iter() {
            if reply_tx.send(dispatch(host, call)).is_err() {
                break;
            }
        }
        worker
            .join()
            .unwrap_or_else(|_| Err(JinjaError::new("Jinja evaluation panicked")))
    })
}

fn call_host(state: &State, call: HostCall) -> Result<Value, Error> {
    let prefetched = state.lookup(PREFETCHED_VAR).and_then(|v| {
        let answers = v.downcast_object_ref::<Prefetched>()?;
        answers.0.get(&call.key()?).cloned()
    });
    let reply = match prefetched {
        Some(reply) => reply,
        None => ask_host(call),
    };
    reply
        .map(|json| from_json(&json))
        .map_err(|msg| Error::new(ErrorKind::InvalidOperation, msg))
}

fn ask_host(call: HostCall) -> HostReply {
    HOST_LINK.with(|link| match link.borrow().as_ref() {
        Some((tx, rx)) => match tx.send(call) {
            Ok(()) => rx
                .recv()
                .unwrap_or_else(|_| Err("execution data is not available".to_string())),
            Err(_) => Err("execution data is not available".to_string()),
        },
        None => dispatch(&NoHost, call),
    })
}

fn opt_string(value: Option<Value>) -> Option<String> {
    match value {
        Some(v) if !v.is_none() && !v.is_undefined() => Some(py_str(&v)),
        _ => None,
    }
}

fn kw(kwargs: &Kwargs, positional: Option<Value>, name: &str) -> Result<Option<Value>, Error> {
    match positional {
        Some(v) => Ok(Some(v)),
        None => kwargs.get::<Option<Value>>(name),
    }
}

// ---------------------------------------------------------------------------
// The environment
// ---------------------------------------------------------------------------

fn err(message: impl Into<String>) -> Error {
    Error::new(ErrorKind::InvalidOperation, message.into())
}

fn type_name(value: &Value) -> &'static str {
    match value.kind() {
        ValueKind::None => "NoneType",
        ValueKind::Bool => "bool",
        ValueKind::Number if value.is_integer() => "int",
        ValueKind::Number => "float",
        ValueKind::String => "str",
        ValueKind::Seq => "list",
        ValueKind::Map => "dict",
        ValueKind::Undefined => "Undefined",
        _ => "object",
    }
}

/// `context[key]` as Python indexes a value (used by `env` in filter form).
fn py_getitem(context: &Value, key: &str) -> Result<Value, Error> {
    match context.kind() {
        ValueKind::Map => {
            let v = context.get_item(&Value::from(key))?;
            if v.is_undefined() {
                Err(err(format!("'{key}'")))
            } else {
                Ok(v)
            }
        }
        ValueKind::String | ValueKind::Seq => Err(err(format!(
            "{} indices must be integers, not 'str'",
            if context.kind() == ValueKind::String {
                "string"
            } else {
                "list"
            }
        ))),
        _ => Err(err(format!(
            "'{}' object is not subscriptable",
            type_name(context)
        ))),
    }
}

fn data_of(state: &State) -> Value {
    state.lookup("_").unwrap_or_default()
}

/// JSON for a function argument: like Python's `json.dumps`, an undefined
/// value anywhere inside is an error (StrictUndefined cannot be serialised).
fn json_of(value: &Value) -> Result<Json, Error> {
    check_defined(value)?;
    Ok(to_json(value))
}

fn undefined_error() -> Error {
    Error::new(ErrorKind::UndefinedError, "the value is undefined")
}

/// Fails on an undefined value, at any depth of lists and dicts.
fn check_defined(value: &Value) -> Result<(), Error> {
    match value.kind() {
        ValueKind::Undefined => Err(undefined_error()),
        ValueKind::Seq => value.try_iter()?.try_for_each(|v| check_defined(&v)),
        ValueKind::Map => {
            for key in value.try_iter()? {
                check_defined(&value.get_item(&key)?)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn build_env() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_formatter(|out, _state, value| {
        // What a template writes counts against the budget; a container is
        // measured (without recursion) before `str()` walks it.
        if matches!(
            value.kind(),
            ValueKind::Seq | ValueKind::Map | ValueKind::Iterable
        ) {
            budget::with(|budget| budget::measure(value, budget))
                .unwrap_or(Ok(()))
                .map_err(budget::limit_error)?;
        }
        let text = py_str(value);
        budget::with(|budget| budget.bytes(text.len() as u64))
            .unwrap_or(Ok(()))
            .map_err(budget::limit_error)?;
        out.write_str(&text).map_err(Error::from)
    });
    env.set_unknown_method_callback(py_method);
    // Measures a value assigned to a namespace attribute (see
    // `budget::count_namespace_sets`).
    env.add_filter(
        budget::COUNT_FILTER,
        |value: Value| -> Result<Value, Error> {
            budget::with(|budget| budget::measure(&value, budget))
                .unwrap_or(Ok(()))
                .map_err(budget::limit_error)?;
            Ok(value)
        },
    );
    register_mistral_functions(&mut env);
    register_filters(&mut env);
    register_tests(&mut env);
    register_globals(&mut env);
    env
}

fn register_mistral_functions(env: &mut Environment<'static>) {
    // Pure functions: global form `f(data)`, filter form `x | f(data)`.
    fn pure(
        env: &mut Environment<'static>,
        name: &'static str,
        f: fn(&Value) -> Result<Value, Error>,
    ) {
        env.add_function(name, move |data: Value| f(&data));
        env.add_filter(
            name,
            move |_context: Value, data: Option<Value>| match data {
                Some(data) => f(&data),
                None => Err(err(format!(
                    "{name}_() missing 1 required positional argument: 'data'"
                ))),
            },
        );
    }
    pure(env, "json_dump", |v| {
        Ok(Value::from(functions::json_dump(&json_of(v)?)))
    });
    pure(env, "yaml_dump", |v| {
        Ok(Value::from(functions::yaml_dump(&json_of(v)?)))
    });
    pure(env, "json_parse", |v| {
        let text = v.as_str().ok_or_else(|| {
            err(format!(
                "the JSON object must be str, bytes or bytearray, not {}",
                type_name(v)
            ))
        })?;
        functions::json_parse(text)
            .map(|j| from_json(&j))
            .map_err(err)
    });
    pure(env, "yaml_parse", |v| {
        let text = v
            .as_str()
            .ok_or_else(|| err(format!("expected a string, got {}", type_name(v))))?;
        functions::yaml_parse(text)
            .map(|j| from_json(&j))
            .map_err(err)
    });
    env.add_function("uuid", || Value::from(functions::uuid()));
    env.add_filter("uuid", |_context: Value| Value::from(functions::uuid()));

    env.add_function("env", |state: &State| py_getitem(&data_of(state), "__env"));
    env.add_filter("env", |context: Value| py_getitem(&context, "__env"));

    fn task(state: &State, name: Option<Value>, kwargs: Kwargs) -> Result<Value, Error> {
        let name = opt_string(kw(&kwargs, name, "task_name")?);
        kwargs.assert_all_used()?;
        call_host(state, HostCall::Task(name))
    }
    env.add_function("task", task);
    env.add_filter(
        "task",
        |state: &State, _c: Value, name: Option<Value>, kwargs: Kwargs| task(state, name, kwargs),
    );

    fn tasks(st: &State, args: &[Value], kwargs: Kwargs) -> Result<Value, Error> {
        let arg = |i: usize| args.get(i).cloned();
        let (id, recursive, state, flat) = (arg(0), arg(1), arg(2), arg(3));
        let id = opt_string(kw(&kwargs, id, "workflow_execution_id")?);
        let recursive = kw(&kwargs, recursive, "recursive")?.is_some_and(|v| v.is_true());
        let state = opt_string(kw(&kwargs, state, "state")?);
        let flat = kw(&kwargs, flat, "flat")?.is_some_and(|v| v.is_true());
        kwargs.assert_all_used()?;
        call_host(st, HostCall::Tasks(id, recursive, state, flat))
    }
    env.add_function("tasks", |st: &State, args: Rest<Value>, k: Kwargs| {
        tasks(st, &args, k)
    });
    env.add_filter(
        "tasks",
        |st: &State, _c: Value, args: Rest<Value>, k: Kwargs| tasks(st, &args, k),
    );

    env.add_function("execution", |st: &State| call_host(st, HostCall::Execution));
    env.add_filter("execution", |st: &State, _c: Value| {
        call_host(st, HostCall::Execution)
    });

    fn executions(st: &State, args: &[Value], kwargs: Kwargs) -> Result<Value, Error> {
        let names = ["id", "root_execution_id", "state", "from_time", "to_time"];
        let mut values: Vec<Option<String>> = Vec::new();
        for (i, name) in names.iter().enumerate() {
            values.push(opt_string(kw(&kwargs, args.get(i).cloned(), name)?));
        }
        kwargs.assert_all_used()?;
        let mut it = values.into_iter();
        let filter = ExecutionsFilter {
            id: it.next().flatten(),
            root_execution_id: it.next().flatten(),
            state: it.next().flatten(),
            from_time: it.next().flatten(),
            to_time: it.next().flatten(),
        };
        call_host(st, HostCall::Executions(filter))
    }
    env.add_function("executions", |st: &State, args: Rest<Value>, k: Kwargs| {
        executions(st, &args, k)
    });
    env.add_filter(
        "executions",
        |st: &State, _c: Value, args: Rest<Value>, k: Kwargs| executions(st, &args, k),
    );

    env.add_function("global", |st: &State, name: Value| {
        call_host(st, HostCall::Global(py_str(&name)))
    });
    env.add_filter(
        "global",
        |st: &State, _c: Value, name: Option<Value>| match name {
            Some(name) => call_host(st, HostCall::Global(py_str(&name))),
            None => Err(err(
                "global_() missing 1 required positional argument: 'var_name'",
            )),
        },
    );
}

// ---------------------------------------------------------------------------
// Filters that differ between Jinja2 and minijinja
// ---------------------------------------------------------------------------

fn items_of(value: &Value) -> Result<Vec<Value>, Error> {
    Ok(value.try_iter()?.collect())
}

fn attr_path(item: &Value, attribute: &str) -> Result<Value, Error> {
    let mut current = item.clone();
    for part in attribute.split('.') {
        current = match part.parse::<usize>() {
            Ok(i) if current.kind() == ValueKind::Seq => current.get_item_by_index(i)?,
            _ => current.get_attr(part)?,
        };
    }
    Ok(current)
}

/// Python's ordering for sort/min/max: numbers with numbers, strings with
/// strings (case-folded unless asked not to), sequences element-wise.
fn py_cmp(a: &Value, b: &Value, case_sensitive: bool) -> Result<Ordering, Error> {
    match (a.kind(), b.kind()) {
        (ValueKind::String, ValueKind::String) if !case_sensitive => {
            let a = a.as_str().unwrap_or_default().to_lowercase();
            let b = b.as_str().unwrap_or_default().to_lowercase();
            Ok(a.cmp(&b))
        }
        (ValueKind::Number | ValueKind::Bool, ValueKind::Number | ValueKind::Bool)
        | (ValueKind::String, ValueKind::String)
        | (ValueKind::Seq, ValueKind::Seq) => Ok(a.partial_cmp(b).unwrap_or(Ordering::Equal)),
        _ => Err(err(format!(
            "'<' not supported between instances of '{}' and '{}'",
            type_name(a),
            type_name(b)
        ))),
    }
}

fn keyed(items: Vec<Value>, attribute: Option<&str>) -> Result<Vec<(Value, Value)>, Error> {
    items
        .into_iter()
        .map(|item| {
            let key = match attribute {
                Some(attr) if attr.contains(',') => Value::from(
                    attr.split(',')
                        .map(|a| attr_path(&item, a.trim()))
                        .collect::<Result<Vec<_>, _>>()?,
                ),
                Some(attr) => attr_path(&item, attr)?,
                None => item.clone(),
            };
            Ok((key, item))
        })
        .collect()
}

fn min_max(value: Value, kwargs: Kwargs, want: Ordering) -> Result<Value, Error> {
    let case_sensitive = kwargs
        .get::<Option<bool>>("case_sensitive")?
        .unwrap_or(false);
    let attribute = kwargs.get::<Option<String>>("attribute")?;
    kwargs.assert_all_used()?;
    let mut best: Option<(Value, Value)> = None;
    for (key, item) in keyed(items_of(&value)?, attribute.as_deref())? {
        best = match best {
            None => Some((key, item)),
            Some((bk, bi)) => {
                if py_cmp(&key, &bk, case_sensitive)? == want {
                    Some((key, item))
                } else {
                    Some((bk, bi))
                }
            }
        };
    }
    // Jinja2 returns an Undefined for an empty sequence.
    Ok(best.map(|(_, item)| item).unwrap_or(Value::UNDEFINED))
}

fn py_add(a: &Value, b: &Value) -> Result<Value, Error> {
    match (a.kind(), b.kind()) {
        (ValueKind::Number | ValueKind::Bool, ValueKind::Number | ValueKind::Bool) => {
            let int_like = |v: &Value| v.is_integer() || v.kind() == ValueKind::Bool;
            if int_like(a) && int_like(b) {
                let x = i128::try_from(a.clone()).unwrap_or(i128::from(a.is_true()));
                let y = i128::try_from(b.clone()).unwrap_or(i128::from(b.is_true()));
                return Ok(Value::from(x + y));
            }
            let x = f64::try_from(a.clone()).unwrap_or(if a.is_true() { 1.0 } else { 0.0 });
            let y = f64::try_from(b.clone()).unwrap_or(if b.is_true() { 1.0 } else { 0.0 });
            Ok(Value::from(x + y))
        }
        (ValueKind::Seq, ValueKind::Seq) => {
            let mut items = items_of(a)?;
            items.extend(items_of(b)?);
            Ok(Value::from(items))
        }
        _ => Err(err(format!(
            "unsupported operand type(s) for +: '{}' and '{}'",
            type_name(a),
            type_name(b)
        ))),
    }
}

/// Python's `round(x, n)`: half to even on the decimal representation.
fn py_round(x: f64, precision: i32) -> f64 {
    let factor = 10f64.powi(precision);
    let scaled = x * factor;
    let rounded = scaled.round();
    let result = if (scaled - scaled.trunc()).abs() == 0.5 {
        2.0 * (scaled / 2.0).round()
    } else {
        rounded
    };
    result / factor
}

fn python_strip<'a>(s: &'a str, chars: Option<&str>, left: bool, right: bool) -> &'a str {
    let pred = |c: char| match chars {
        Some(set) => set.contains(c),
        None => c.is_whitespace(),
    };
    let s = if left { s.trim_start_matches(pred) } else { s };
    if right { s.trim_end_matches(pred) } else { s }
}

fn register_filters(env: &mut Environment<'static>) {
    // selectattr/rejectattr read the attribute strictly, as Jinja2's
    // StrictUndefined does: a missing attribute is an error.
    fn select_attr(
        state: &State,
        v: Value,
        attribute: String,
        args: Rest<Value>,
        keep: bool,
    ) -> Result<Value, Error> {
        let mut out = Vec::new();
        for item in items_of(&v)? {
            let attr = attr_path(&item, &attribute)?;
            let passed = match args.split_first() {
                None => {
                    if attr.is_undefined() {
                        return Err(Error::new(
                            ErrorKind::UndefinedError,
                            format!("'dict object' has no attribute '{attribute}'"),
                        ));
                    }
                    attr.is_true()
                }
                Some((test, rest)) => {
                    let name = test
                        .as_str()
                        .ok_or_else(|| err("test name must be a string"))?;
                    let mut test_args = vec![attr];
                    test_args.extend(rest.iter().cloned());
                    state.perform_test(name, &test_args)?
                }
            };
            if passed == keep {
                out.push(item);
            }
        }
        Ok(Value::from(out))
    }
    env.add_filter(
        "selectattr",
        |state: &State, v: Value, attribute: String, args: Rest<Value>| {
            select_attr(state, v, attribute, args, true)
        },
    );
    env.add_filter(
        "rejectattr",
        |state: &State, v: Value, attribute: String, args: Rest<Value>| {
            select_attr(state, v, attribute, args, false)
        },
    );
    env.add_filter("string", |v: Value| -> Result<Value, Error> {
        check_defined(&v)?;
        Ok(Value::from(py_str(&v)))
    });
    env.add_filter("last", |v: Value| -> Result<Value, Error> {
        Ok(match v.kind() {
            ValueKind::String => v
                .as_str()
                .unwrap_or_default()
                .chars()
                .last()
                .map_or(Value::UNDEFINED, Value::from),
            _ => items_of(&v)?.pop().unwrap_or(Value::UNDEFINED),
        })
    });
    env.add_filter("reverse", |v: Value| -> Result<Value, Error> {
        Ok(match v.kind() {
            ValueKind::String => Value::from(
                v.as_str()
                    .unwrap_or_default()
                    .chars()
                    .rev()
                    .collect::<String>(),
            ),
            _ => {
                let mut items = items_of(&v)?;
                items.reverse();
                Value::from(items)
            }
        })
    });
    fn escape(v: Value) -> Value {
        if v.is_safe() {
            v
        } else {
            Value::from_safe_string(html_escape(&py_str(&v)))
        }
    }
    env.add_filter("escape", escape);
    env.add_filter("e", escape);
    env.add_filter("forceescape", |v: Value| {
        Value::from_safe_string(html_escape(&py_str(&v)))
    });
    env.add_filter("title", |v: Value| Value::from(jinja_title(&py_str(&v))));
    env.add_filter(
        "filesizeformat",
        |v: Value, binary: Option<bool>| -> Result<Value, Error> {
            let bytes = match v.kind() {
                ValueKind::String => py_float(v.as_str().unwrap_or_default()),
                _ => f64::try_from(v.clone()).ok(),
            }
            .ok_or_else(|| err(format!("could not convert {} to float", type_name(&v))))?;
            Ok(Value::from(filesizeformat(bytes, binary.unwrap_or(false))))
        },
    );
    env.add_filter(
        "dictsort",
        |v: Value,
         case_sensitive: Option<bool>,
         by: Option<String>,
         reverse: Option<bool>,
         kwargs: Kwargs|
         -> Result<Value, Error> {
            let case_sensitive = match case_sensitive {
                Some(c) => c,
                None => kwargs
                    .get::<Option<bool>>("case_sensitive")?
                    .unwrap_or(false),
            };
            let by = match by {
                Some(b) => b,
                None => kwargs
                    .get::<Option<String>>("by")?
                    .unwrap_or_else(|| "key".to_string()),
            };
            let reverse = match reverse {
                Some(r) => r,
                None => kwargs.get::<Option<bool>>("reverse")?.unwrap_or(false),
            };
            kwargs.assert_all_used()?;
            let pos = match by.as_str() {
                "key" => 0,
                "value" => 1,
                _ => return Err(err("You can only sort by either \"key\" or \"value\"")),
            };
            if v.kind() != ValueKind::Map {
                return Err(err(format!(
                    "'{}' object has no attribute 'items'",
                    type_name(&v)
                )));
            }
            let mut pairs: Vec<(Value, Value)> = items_of(&v)?
                .into_iter()
                .map(|k| {
                    let item = v.get_item(&k).unwrap_or_default();
                    (k, item)
                })
                .collect();
            let mut failure = None;
            pairs.sort_by(|a, b| {
                let (x, y) = if pos == 0 { (&a.0, &b.0) } else { (&a.1, &b.1) };
                py_cmp(x, y, case_sensitive).unwrap_or_else(|e| {
                    failure.get_or_insert(e);
                    Ordering::Equal
                })
            });
            if let Some(e) = failure {
                return Err(e);
            }
            if reverse {
                pairs.reverse();
            }
            Ok(Value::from(
                pairs
                    .into_iter()
                    .map(|(k, v)| PyTuple::pair(k, v))
                    .collect::<Vec<_>>(),
            ))
        },
    );
    env.add_filter("random", |v: Value| -> Result<Value, Error> {
        let items: Vec<Value> = match v.kind() {
            ValueKind::String => v
                .as_str()
                .unwrap_or_default()
                .chars()
                .map(Value::from)
                .collect(),
            _ => items_of(&v)?,
        };
        if items.is_empty() {
            return Err(err("No random item, sequence was empty."));
        }
        Ok(items[random_index(items.len())].clone())
    });
    env.add_filter("urlencode", |v: Value| -> Result<Value, Error> {
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
    });
    env.add_filter("pprint", |v: Value| -> Result<Value, Error> {
        let mut json = json_of(&v)?;
        sort_json_keys(&mut json);
        Ok(Value::from(pformat(&json)))
    });
    env.add_filter(
        "tojson",
        |v: Value, indent: Option<usize>| -> Result<Value, Error> {
            let out = functions::py_json_dumps(&json_of(&v)?, indent, true)
                .replace('<', "\\u003c")
                .replace('>', "\\u003e")
                .replace('&', "\\u0026")
                .replace('\'', "\\u0027");
            Ok(Value::from_safe_string(out))
        },
    );
    env.add_filter(
        "join",
        |v: Value, sep: Option<String>, kwargs: Kwargs| -> Result<Value, Error> {
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
        },
    );
    env.add_filter(
        "int",
        |v: Value,
         default: Option<Value>,
         base: Option<u32>,
         kwargs: Kwargs|
         -> Result<Value, Error> {
            let default = match default {
                Some(d) => d,
                None => kwargs
                    .get::<Option<Value>>("default")?
                    .unwrap_or(Value::from(0)),
            };
            let base = match base {
                Some(b) => b,
                None => kwargs.get::<Option<u32>>("base")?.unwrap_or(10),
            };
            kwargs.assert_all_used()?;
            check_defined(&v)?;
            Ok(match v.kind() {
                ValueKind::Number if v.is_integer() => v,
                ValueKind::Number => {
                    f64::try_from(v).map_or(default, |f| Value::from(f.trunc() as i64))
                }
                ValueKind::Bool => Value::from(i64::from(v.is_true())),
                ValueKind::String => {
                    let text = v.as_str().unwrap_or_default();
                    match py_int(text, base) {
                        Some(i) => Value::from(i),
                        None => match py_float(text) {
                            Some(f) if f.is_finite() => Value::from(f.trunc() as i64),
                            _ => default,
                        },
                    }
                }
                _ => default,
            })
        },
    );
    env.add_filter(
        "float",
        |v: Value, default: Option<Value>| -> Result<Value, Error> {
            check_defined(&v)?;
            let default = default.unwrap_or(Value::from(0.0));
            Ok(match v.kind() {
                ValueKind::Number => f64::try_from(v).map_or(default, Value::from),
                ValueKind::Bool => Value::from(if v.is_true() { 1.0 } else { 0.0 }),
                ValueKind::String => {
                    py_float(v.as_str().unwrap_or_default()).map_or(default, Value::from)
                }
                _ => default,
            })
        },
    );
    env.add_filter(
        "round",
        |v: Value,
         precision: Option<i32>,
         method: Option<String>,
         kwargs: Kwargs|
         -> Result<Value, Error> {
            let precision = match precision {
                Some(p) => Some(p),
                None => kwargs.get::<Option<i32>>("precision")?,
            };
            let method = match method {
                Some(m) => Some(m),
                None => kwargs.get::<Option<String>>("method")?,
            };
            kwargs.assert_all_used()?;
            let x = f64::try_from(v.clone()).map_err(|_| {
                err(format!(
                    "type {} doesn't define __round__ method",
                    type_name(&v)
                ))
            })?;
            let precision = precision.unwrap_or(0);
            let factor = 10f64.powi(precision);
            let result = match method.as_deref().unwrap_or("common") {
                "common" => py_round(x, precision),
                "ceil" => (x * factor).ceil() / factor,
                "floor" => (x * factor).floor() / factor,
                _ => return Err(err("method must be common, ceil or floor")),
            };
            Ok(Value::from(result))
        },
    );
    env.add_filter("sum", |v: Value, kwargs: Kwargs| -> Result<Value, Error> {
        let attribute = kwargs.get::<Option<String>>("attribute")?;
        let start = kwargs
            .get::<Option<Value>>("start")?
            .unwrap_or(Value::from(0));
        kwargs.assert_all_used()?;
        let mut total = start;
        for (key, _) in keyed(items_of(&v)?, attribute.as_deref())? {
            total = py_add(&total, &key)?;
        }
        Ok(total)
    });
    env.add_filter("min", |v: Value, kwargs: Kwargs| {
        min_max(v, kwargs, Ordering::Less)
    });
    env.add_filter("max", |v: Value, kwargs: Kwargs| {
        min_max(v, kwargs, Ordering::Greater)
    });
    env.add_filter("sort", |v: Value, kwargs: Kwargs| -> Result<Value, Error> {
        let reverse = kwargs.get::<Option<bool>>("reverse")?.unwrap_or(false);
        let case_sensitive = kwargs
            .get::<Option<bool>>("case_sensitive")?
            .unwrap_or(false);
        let attribute = kwargs.get::<Option<String>>("attribute")?;
        kwargs.assert_all_used()?;
        let mut items = keyed(items_of(&v)?, attribute.as_deref())?;
        let mut failure = None;
        items.sort_by(|a, b| match py_cmp(&a.0, &b.0, case_sensitive) {
            Ok(o) => o,
            Err(e) => {
                failure.get_or_insert(e);
                Ordering::Equal
            }
        });
        if let Some(e) = failure {
            return Err(e);
        }
        if reverse {
            // Python's sort(reverse=True) keeps equal items in order.
            items.reverse();
            let mut out: Vec<(Value, Value)> = Vec::with_capacity(items.len());
            for chunk in items
                .chunk_by(|a, b| py_cmp(&a.0, &b.0, case_sensitive).ok() == Some(Ordering::Equal))
            {
                out.extend(chunk.iter().rev().cloned());
            }
            items = out;
        }
        Ok(Value::from(
            items.into_iter().map(|(_, item)| item).collect::<Vec<_>>(),
        ))
    });
    env.add_filter(
        "groupby",
        |v: Value, attribute: String, kwargs: Kwargs| -> Result<Value, Error> {
            let default = kwargs.get::<Option<Value>>("default")?;
            let case_sensitive = kwargs
                .get::<Option<bool>>("case_sensitive")?
                .unwrap_or(false);
            kwargs.assert_all_used()?;
            let mut items: Vec<(Value, Value)> = Vec::new();
            for item in items_of(&v)? {
                let mut key = attr_path(&item, &attribute)?;
                if key.is_undefined() {
                    key = default.clone().unwrap_or(Value::UNDEFINED);
                }
                items.push((key, item));
            }
            items.sort_by(|a, b| py_cmp(&a.0, &b.0, case_sensitive).unwrap_or(Ordering::Equal));
            let mut groups: Vec<Value> = Vec::new();
            for chunk in items
                .chunk_by(|a, b| py_cmp(&a.0, &b.0, case_sensitive).ok() == Some(Ordering::Equal))
            {
                let members: Vec<Value> = chunk.iter().map(|(_, item)| item.clone()).collect();
                groups.push(Value::from_object(PyTuple {
                    items: vec![chunk[0].0.clone(), Value::from(members)],
                    names: Some(["grouper", "list"]),
                }));
            }
            Ok(Value::from(groups))
        },
    );
    env.add_filter("attr", |v: Value, name: String| -> Result<Value, Error> {
        // Jinja2's `attr` reads a Python attribute, never a dict key.
        if v.kind() == ValueKind::Map {
            return Err(Error::new(
                ErrorKind::UndefinedError,
                format!("'dict object' has no attribute '{name}'"),
            ));
        }
        v.get_attr(&name)
    });
    env.add_filter("trim", |v: String, chars: Option<String>| {
        Value::from(python_strip(&v, chars.as_deref(), true, true))
    });
    env.add_filter(
        "replace",
        |v: String, old: String, new: String, count: Option<i64>| {
            Value::from(match count {
                Some(n) if n >= 0 => v.replacen(&old, &new, n as usize),
                _ => v.replace(&old, &new),
            })
        },
    );
    env.add_filter("center", |v: String, width: Option<usize>| {
        Value::from(py_center(&v, width.unwrap_or(80)))
    });
    env.add_filter("wordcount", |v: String| {
        static WORD: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"\w+").unwrap_or_else(|e| panic!("{e}")));
        Value::from(WORD.find_iter(&v).count())
    });
    env.add_filter(
        "truncate",
        |v: String,
         length: Option<usize>,
         killwords: Option<bool>,
         end: Option<String>,
         leeway: Option<usize>| {
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
        },
    );
    env.add_filter("striptags", |v: String| {
        static TAGS: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"(?s)<!--.*?-->|<[^>]*>").unwrap_or_else(|e| panic!("{e}"))
        });
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
    });
    env.add_filter(
        "wordwrap",
        |v: String,
         width: Option<usize>,
         break_long_words: Option<bool>,
         wrapstring: Option<String>| {
            let wrapped: Vec<String> = v
                .lines()
                .flat_map(|line| {
                    py_wordwrap(line, width.unwrap_or(79), break_long_words.unwrap_or(true))
                })
                .collect();
            Value::from(wrapped.join(wrapstring.as_deref().unwrap_or("\n")))
        },
    );
}

fn sort_json_keys(value: &mut Json) {
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
fn py_center(s: &str, width: usize) -> String {
    let len = s.chars().count();
    if width <= len {
        return s.to_string();
    }
    let pad = width - len;
    let left = pad / 2 + (pad & width & 1);
    format!("{}{}{}", " ".repeat(left), s, " ".repeat(pad - left))
}

/// A simplified `textwrap.wrap` joined with newlines, as Jinja2's `wordwrap`.
fn py_wordwrap(s: &str, width: usize, break_long: bool) -> Vec<String> {
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

// ---------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------

/// A random index below `len` (the sandbox needs no cryptographic quality).
fn random_index(len: usize) -> usize {
    (uuid::Uuid::new_v4().as_u128() % len.max(1) as u128) as usize
}

/// Jinja2's `url_quote`: UTF-8 percent-encoding keeping `safe` characters;
/// in a query string (`for_qs`) spaces become `+` and `/` is encoded.
fn url_quote(s: &str, for_qs: bool) -> String {
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

fn register_globals(env: &mut Environment<'static>) {
    env.add_function("range", py_range);
    env.add_function("joiner", |sep: Option<String>| {
        Value::from_object(Joiner {
            sep: sep.unwrap_or_else(|| ", ".to_string()),
            used: std::sync::atomic::AtomicBool::new(false),
        })
    });
    env.add_function("cycler", |items: Rest<Value>| {
        Value::from_object(Cycler {
            items: items.0,
            pos: std::sync::atomic::AtomicUsize::new(0),
        })
    });
    env.add_function(
        "lipsum",
        |n: Option<usize>, html: Option<bool>, min: Option<usize>, max: Option<usize>| {
            Value::from(lipsum(
                n.unwrap_or(5),
                html.unwrap_or(true),
                min.unwrap_or(20),
                max.unwrap_or(100),
            ))
        },
    );
}

/// Jinja2's `joiner`: returns "" the first time it is called, then `sep`.
#[derive(Debug)]
struct Joiner {
    sep: String,
    used: std::sync::atomic::AtomicBool,
}

impl Object for Joiner {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Plain
    }

    fn call(self: &Arc<Self>, _state: &State<'_, '_>, _args: &[Value]) -> Result<Value, Error> {
        let used = self.used.swap(true, std::sync::atomic::Ordering::Relaxed);
        Ok(Value::from(if used { self.sep.as_str() } else { "" }))
    }
}

/// Jinja2's `cycler`: `next()`, `current` and `reset()` over its items.
#[derive(Debug)]
struct Cycler {
    items: Vec<Value>,
    pos: std::sync::atomic::AtomicUsize,
}

impl Object for Cycler {
    fn repr(self: &Arc<Self>) -> minijinja::value::ObjectRepr {
        minijinja::value::ObjectRepr::Plain
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        match key.as_str()? {
            "current" => {
                let pos = self.pos.load(std::sync::atomic::Ordering::Relaxed);
                self.items.get(pos).cloned()
            }
            _ => None,
        }
    }

    fn call_method(
        self: &Arc<Self>,
        _state: &State<'_, '_>,
        method: &str,
        _args: &[Value],
    ) -> Result<Value, Error> {
        use std::sync::atomic::Ordering::Relaxed;
        match method {
            "next" => {
                if self.items.is_empty() {
                    return Ok(Value::from(()));
                }
                let pos = self.pos.load(Relaxed);
                self.pos.store((pos + 1) % self.items.len(), Relaxed);
                Ok(self.items[pos].clone())
            }
            "reset" => {
                self.pos.store(0, Relaxed);
                Ok(Value::from(()))
            }
            _ => Err(Error::from(ErrorKind::UnknownMethod)),
        }
    }
}

/// Jinja2's `lipsum`: `n` paragraphs of lorem ipsum, `min`..`max` words each.
fn lipsum(n: usize, html: bool, min: usize, max: usize) -> String {
    const WORDS: [&str; 24] = [
        "lorem",
        "ipsum",
        "dolor",
        "sit",
        "amet",
        "consectetur",
        "adipiscing",
        "elit",
        "sed",
        "do",
        "eiusmod",
        "tempor",
        "incididunt",
        "ut",
        "labore",
        "et",
        "dolore",
        "magna",
        "aliqua",
        "enim",
        "ad",
        "minim",
        "veniam",
        "quis",
    ];
    let mut paragraphs = Vec::new();
    for _ in 0..n.min(1000) {
        let count = min + random_index(max.saturating_sub(min) + 1);
        let mut words: Vec<String> = (0..count)
            .map(|_| WORDS[random_index(WORDS.len())].to_string())
            .collect();
        if let Some(first) = words.first_mut() {
            *first = py_title(first);
        }
        let mut text = words.join(" ");
        text.push('.');
        paragraphs.push(if html { format!("<p>{text}</p>") } else { text });
    }
    paragraphs.join(if html { "\n" } else { "\n\n" })
}

fn register_tests(env: &mut Environment<'static>) {
    env.add_test("callable", |v: Value| v.kind() == ValueKind::Plain);
    env.add_test("sequence", |v: Value| {
        matches!(
            v.kind(),
            ValueKind::Seq | ValueKind::Map | ValueKind::String
        )
    });
    env.add_test("iterable", |v: Value| {
        matches!(
            v.kind(),
            ValueKind::Seq | ValueKind::Map | ValueKind::String | ValueKind::Iterable
        )
    });
    env.add_test("number", |v: Value| {
        matches!(v.kind(), ValueKind::Number | ValueKind::Bool)
    });
    env.add_test("integer", |v: Value| {
        v.kind() == ValueKind::Number && v.is_integer()
    });
    env.add_test("float", |v: Value| {
        v.kind() == ValueKind::Number && !v.is_integer()
    });
    env.add_test("true", |v: Value| {
        v.kind() == ValueKind::Bool && v.is_true()
    });
    env.add_test("false", |v: Value| {
        v.kind() == ValueKind::Bool && !v.is_true()
    });
    env.add_test("upper", |v: Value| {
        let s = py_str(&v);
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase)
    });
    env.add_test("lower", |v: Value| {
        let s = py_str(&v);
        s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_uppercase)
    });
    env.add_test("escaped", |v: Value| v.is_safe());
}

// ---------------------------------------------------------------------------
// Python methods on values
// ---------------------------------------------------------------------------

fn arg_str(args: &[Value], i: usize) -> Option<String> {
    args.get(i).filter(|v| !v.is_none()).map(py_str)
}

fn py_method(_state: &State, value: &Value, method: &str, args: &[Value]) -> Result<Value, Error> {
    match value.kind() {
        ValueKind::Map => map_method(value, method, args),
        ValueKind::Seq => seq_method(value, method, args),
        ValueKind::String => str_method(value.as_str().unwrap_or_default(), method, args),
        _ => Err(Error::from(ErrorKind::UnknownMethod)),
    }
}

fn map_method(value: &Value, method: &str, args: &[Value]) -> Result<Value, Error> {
    let keys = || -> Result<Vec<Value>, Error> { items_of(value) };
    match method {
        "get" => {
            let key = args.first().cloned().unwrap_or_default();
            let v = value.get_item(&key)?;
            Ok(if v.is_undefined() {
                args.get(1).cloned().unwrap_or(Value::from(()))
            } else {
                v
            })
        }
        "keys" => Ok(Value::from_object(DictView {
            kind: "dict_keys",
            items: keys()?,
        })),
        "values" => Ok(Value::from_object(DictView {
            kind: "dict_values",
            items: keys()?
                .iter()
                .map(|k| value.get_item(k).unwrap_or_default())
                .collect(),
        })),
        "items" => Ok(Value::from_object(DictView {
            kind: "dict_items",
            items: keys()?
                .into_iter()
                .map(|k| {
                    let v = value.get_item(&k).unwrap_or_default();
                    PyTuple::pair(k, v)
                })
                .collect(),
        })),
        "copy" => Ok(value.clone()),
        // The data is shared and read-only here: mutating methods return
        // what Python returns without changing the data.
        "update" | "clear" => Ok(Value::from(())),
        "pop" | "setdefault" => {
            let key = args.first().cloned().unwrap_or_default();
            let v = value.get_item(&key)?;
            if v.is_undefined() {
                args.get(1).cloned().ok_or_else(|| err(py_str(&key)))
            } else {
                Ok(v)
            }
        }
        _ => Err(Error::from(ErrorKind::UnknownMethod)),
    }
}

fn seq_method(value: &Value, method: &str, args: &[Value]) -> Result<Value, Error> {
    let items = items_of(value)?;
    match method {
        "index" => {
            let needle = args.first().cloned().unwrap_or_default();
            items
                .iter()
                .position(|v| *v == needle)
                .map(Value::from)
                .ok_or_else(|| err(format!("{} is not in list", py_str(&needle))))
        }
        "count" => {
            let needle = args.first().cloned().unwrap_or_default();
            Ok(Value::from(items.iter().filter(|v| **v == needle).count()))
        }
        "pop" => {
            if items.is_empty() {
                return Err(err("pop from empty list"));
            }
            let index = match args.first() {
                Some(i) => i64::try_from(i.clone())?,
                None => -1,
            };
            let len = items.len() as i64;
            let idx = if index < 0 { len + index } else { index };
            if !(0..len).contains(&idx) {
                return Err(err("pop index out of range"));
            }
            Ok(items[idx as usize].clone())
        }
        "copy" => Ok(Value::from(items)),
        "append" | "extend" | "insert" | "remove" | "reverse" | "sort" | "clear" => {
            Ok(Value::from(()))
        }
        _ => Err(Error::from(ErrorKind::UnknownMethod)),
    }
}

fn str_method(s: &str, method: &str, args: &[Value]) -> Result<Value, Error> {
    let a0 = arg_str(args, 0);
    let v = match method {
        "upper" => Value::from(s.to_uppercase()),
        "lower" => Value::from(s.to_lowercase()),
        "strip" => Value::from(python_strip(s, a0.as_deref(), true, true)),
        "lstrip" => Value::from(python_strip(s, a0.as_deref(), true, false)),
        "rstrip" => Value::from(python_strip(s, a0.as_deref(), false, true)),
        "title" => Value::from(py_title(s)),
        "capitalize" => {
            let mut chars = s.chars();
            Value::from(match chars.next() {
                Some(first) => {
                    first.to_uppercase().collect::<String>() + &chars.as_str().to_lowercase()
                }
                None => String::new(),
            })
        }
        "swapcase" => Value::from(
            s.chars()
                .map(|c| {
                    if c.is_uppercase() {
                        c.to_lowercase().collect::<String>()
                    } else {
                        c.to_uppercase().collect::<String>()
                    }
                })
                .collect::<String>(),
        ),
        "split" | "rsplit" if a0.as_deref() == Some("") => return Err(err("empty separator")),
        "split" | "rsplit" => {
            let maxsplit = args
                .get(1)
                .and_then(|v| i64::try_from(v.clone()).ok())
                .unwrap_or(-1);
            Value::from(py_split(s, a0.as_deref(), maxsplit, method == "rsplit"))
        }
        "splitlines" => Value::from(s.lines().map(Value::from).collect::<Vec<_>>()),
        "replace" => {
            let old = a0.unwrap_or_default();
            let new = arg_str(args, 1).unwrap_or_default();
            match args.get(2).and_then(|v| i64::try_from(v.clone()).ok()) {
                Some(n) if n >= 0 => Value::from(s.replacen(&old, &new, n as usize)),
                _ => Value::from(s.replace(&old, &new)),
            }
        }
        "startswith" | "endswith" => {
            let prefixes: Vec<String> = match args.first() {
                Some(v) if v.kind() == ValueKind::Seq => items_of(v)?.iter().map(py_str).collect(),
                Some(v) => vec![py_str(v)],
                None => {
                    return Err(err(format!(
                        "{method}() takes at least 1 argument (0 given)"
                    )));
                }
            };
            Value::from(prefixes.iter().any(|p| {
                if method == "startswith" {
                    s.starts_with(p.as_str())
                } else {
                    s.ends_with(p.as_str())
                }
            }))
        }
        "find" | "index" | "rfind" | "rindex" => {
            let needle = a0.unwrap_or_default();
            let found = if method.starts_with('r') {
                s.rfind(&needle)
            } else {
                s.find(&needle)
            };
            match found {
                Some(byte) => Value::from(s[..byte].chars().count()),
                None if method.ends_with("find") => Value::from(-1),
                None => return Err(err("substring not found")),
            }
        }
        "count" => {
            let needle = a0.unwrap_or_default();
            Value::from(if needle.is_empty() {
                s.chars().count() + 1
            } else {
                s.matches(&needle).count()
            })
        }
        "join" => {
            let parts: Vec<String> = match args.first() {
                Some(v) => items_of(v)?.iter().map(py_str).collect(),
                None => Vec::new(),
            };
            Value::from(parts.join(s))
        }
        "isdigit" | "isnumeric" | "isdecimal" => {
            Value::from(!s.is_empty() && s.chars().all(|c| c.is_numeric()))
        }
        "isalpha" => Value::from(!s.is_empty() && s.chars().all(char::is_alphabetic)),
        "isalnum" => Value::from(!s.is_empty() && s.chars().all(char::is_alphanumeric)),
        "isspace" => Value::from(!s.is_empty() && s.chars().all(char::is_whitespace)),
        "islower" => {
            Value::from(s.chars().any(char::is_lowercase) && !s.chars().any(char::is_uppercase))
        }
        "isupper" => {
            Value::from(s.chars().any(char::is_uppercase) && !s.chars().any(char::is_lowercase))
        }
        "zfill" => {
            let width = args
                .first()
                .and_then(|v| usize::try_from(v.clone()).ok())
                .unwrap_or(0);
            let len = s.chars().count();
            if len >= width {
                Value::from(s)
            } else {
                let (sign, rest) = match s.chars().next() {
                    Some(c @ ('+' | '-')) => (c.to_string(), &s[1..]),
                    _ => (String::new(), s),
                };
                Value::from(format!("{sign}{}{rest}", "0".repeat(width - len)))
            }
        }
        "center" => {
            let width = args
                .first()
                .and_then(|v| usize::try_from(v.clone()).ok())
                .unwrap_or(0);
            Value::from(py_center(s, width))
        }
        "ljust" | "rjust" => {
            let width = args
                .first()
                .and_then(|v| usize::try_from(v.clone()).ok())
                .unwrap_or(0);
            let pad = " ".repeat(width.saturating_sub(s.chars().count()));
            Value::from(if method == "ljust" {
                format!("{s}{pad}")
            } else {
                format!("{pad}{s}")
            })
        }
        "format_map" => {
            let map = args.first().cloned().unwrap_or_default();
            Value::from(py_format(s, &[], Some(&map))?)
        }
        "format" => match args.split_last() {
            Some((last, rest)) if last.is_kwargs() => Value::from(py_format(s, rest, Some(last))?),
            _ => Value::from(py_format(s, args, None)?),
        },
        "partition" | "rpartition" => {
            let sep = a0.unwrap_or_default();
            if sep.is_empty() {
                return Err(err("empty separator"));
            }
            let found = if method == "partition" {
                s.find(&sep)
            } else {
                s.rfind(&sep)
            };
            let parts = match found {
                Some(at) => [&s[..at], sep.as_str(), &s[at + sep.len()..]],
                None if method == "partition" => [s, "", ""],
                None => ["", "", s],
            };
            Value::from_object(PyTuple {
                items: parts.iter().map(|p| Value::from(*p)).collect(),
                names: None,
            })
        }
        _ => return Err(Error::from(ErrorKind::UnknownMethod)),
    };
    Ok(v)
}

fn py_title(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for c in s.chars() {
        if prev_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_cased = c.is_alphabetic();
    }
    out
}

fn py_split(s: &str, sep: Option<&str>, maxsplit: i64, from_right: bool) -> Vec<Value> {
    let limit = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize + 1
    };
    let parts: Vec<String> = match sep {
        Some(sep) if !sep.is_empty() => {
            if from_right {
                let mut v: Vec<String> = s.rsplitn(limit, sep).map(String::from).collect();
                v.reverse();
                v
            } else {
                s.splitn(limit, sep).map(String::from).collect()
            }
        }
        _ => {
            let words: Vec<&str> = s.split_whitespace().collect();
            if words.len() <= limit {
                words.into_iter().map(String::from).collect()
            } else if from_right {
                let keep = words.len() - (limit - 1);
                let head = s.trim_end();
                let mut rest: Vec<String> = words[keep..].iter().map(|w| w.to_string()).collect();
                let mut cut = head.len();
                for w in words[keep..].iter().rev() {
                    if let Some(pos) = head[..cut].rfind(w) {
                        cut = pos;
                    }
                }
                let mut v = vec![head[..cut].trim_end().to_string()];
                v.append(&mut rest);
                v
            } else {
                let mut v: Vec<String> = words[..limit - 1].iter().map(|w| w.to_string()).collect();
                let mut rest = s.trim_start();
                for w in &words[..limit - 1] {
                    rest = rest[w.len()..].trim_start();
                }
                v.push(rest.to_string());
                v
            }
        }
    };
    parts.into_iter().map(Value::from).collect()
}

/// `str.format` / `str.format_map` for `{}`, `{0}` and `{name}` fields.
fn py_format(s: &str, args: &[Value], map: Option<&Value>) -> Result<String, Error> {
    let mut out = String::new();
    let mut chars = s.chars().peekable();
    let mut auto = 0usize;
    while let Some(c) = chars.next() {
        match c {
            '{' if chars.peek() == Some(&'{') => {
                chars.next();
                out.push('{');
            }
            '}' if chars.peek() == Some(&'}') => {
                chars.next();
                out.push('}');
            }
            '{' => {
                let mut field = String::new();
                for c in chars.by_ref() {
                    if c == '}' {
                        break;
                    }
                    field.push(c);
                }
                let value = if field.is_empty() {
                    auto += 1;
                    args.get(auto - 1).cloned()
                } else if let Ok(i) = field.parse::<usize>() {
                    args.get(i).cloned()
                } else {
                    map.map(|m| m.get_item(&Value::from(field.as_str())).unwrap_or_default())
                        .filter(|v| !v.is_undefined())
                };
                match value {
                    Some(v) => out.push_str(&py_str(&v)),
                    None => return Err(err(format!("'{field}'"))),
                }
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn eval(expr: &str, data: Json) -> Result<Json, JinjaError> {
        JinjaExpression::compile(expr)?.evaluate(&DataContext::new(data), &NoHost)
    }

    fn render(src: &str, data: Json) -> Result<String, JinjaError> {
        JinjaTemplate::compile(src)?.render(&DataContext::new(data), &NoHost)
    }

    #[test]
    fn namespace_assignments_render_as_written() {
        let src = "{% set ns = namespace(a=1, b=[], c='') %}{% for i in range(3) %}\
                   {%- set ns.a = ns.a + i -%}{% set ns.b = ns.b + [i] %}\
                   {% set ns.c, ns.d = ns.c ~ i, {'k': [i]} %}{% endfor %}\
                   {{ ns.a }} {{ ns.b }} {{ ns.c }} {{ ns.d }}";
        assert_eq!(
            render(src, json!({})).as_deref(),
            Ok("4 [0, 1, 2] 012 {'k': [2]}")
        );
        // A syntax error reads as the text written has it.
        let broken = "{% set ns = namespace() %}{% set ns.a = %}";
        let original = ENV
            .template_from_str(broken)
            .map(|_| ())
            .map_err(JinjaError::from);
        assert!(original.is_err());
        assert_eq!(render(broken, json!({})).map(|_| ()), original);
    }

    #[test]
    fn whole_expressions_return_native_values() {
        let data = json!({"a": 1, "d": {"x": 1}, "l": [1, 2]});
        assert_eq!(eval(" _.a + 1 ", data.clone()), Ok(json!(2)));
        assert_eq!(eval("_.d", data.clone()), Ok(json!({"x": 1})));
        assert_eq!(eval("7 / 2", data.clone()), Ok(json!(3.5)));
        assert_eq!(eval("_", data.clone()), Ok(data.clone()));
        assert!(eval("_.missing", data.clone()).is_err());
        assert_eq!(eval("'x' if false", data.clone()), Ok(Json::Null));
    }

    #[test]
    fn unary_minus_applies_to_the_whole_operand() {
        assert_eq!(bind_unary_operators("-_.a"), "-(_.a)");
        assert_eq!(bind_unary_operators("1 - _.a"), "1 - _.a");
        assert_eq!(bind_unary_operators("-2 ** 2"), "-2 ** 2");
        assert_eq!(bind_unary_operators("'-x' ~ -_.l[0]"), "'-x' ~ -(_.l[0])");
        assert_eq!(bind_unary_operators("+_.a"), "(_.a)");
        assert_eq!(bind_unary_operators("2 * -f(1).x"), "2 * -(f(1).x)");
        assert_eq!(eval("-_.a + 3", json!({"a": 1})), Ok(json!(2)));
        assert_eq!(eval("-_.l | length", json!({"l": [1]})).ok(), None);
    }

    #[test]
    fn templates_use_python_str() {
        let data = json!({"n": null, "l": ["a", 1], "t": true, "f": 1.0});
        assert_eq!(
            render("{{ _.n }} {{ _.l }} {{ _.t }} {{ _.f }}", data),
            Ok("None ['a', 1] True 1.0".to_string())
        );
    }

    #[test]
    fn mistral_functions_as_filters_take_the_context() {
        let data = json!({"a": 1, "__env": {"k": "v"}});
        assert!(eval("_ | json_dump", data.clone()).is_err());
        assert_eq!(eval("_ | json_dump(_.a)", data.clone()), Ok(json!("1")));
        assert_eq!(eval("env()", data.clone()), Ok(json!({"k": "v"})));
        assert!(eval("'x' | env", data.clone()).is_err());
        assert!(eval("env()", json!({"a": 1})).is_err());
    }

    struct OneTask;
    impl ExprHost for OneTask {
        fn task(&self, name: Option<&str>) -> Result<Option<Json>, String> {
            Ok(Some(
                json!({"name": name.unwrap_or("current"), "state": "SUCCESS"}),
            ))
        }
    }

    #[test]
    fn host_answers_are_used_only_when_called() {
        // NoHost answers like Mistral without an execution: an error.
        assert!(eval("task()", json!({"a": 1})).is_err());
        assert_eq!(
            render(
                "{% if false %}{{ task('x') }}{% endif %}ok",
                json!({"a": 1})
            ),
            Ok("ok".to_string())
        );
        assert_eq!(
            render("{{ tasks() }}", json!({"a": 1})),
            Ok("[]".to_string())
        );
    }

    #[test]
    fn host_functions_reach_the_host() {
        let expr = JinjaExpression::compile("task('t1').state").expect("compiles");
        assert_eq!(
            expr.evaluate(&DataContext::new(json!({"a": 1})), &OneTask),
            Ok(json!("SUCCESS"))
        );
        let computed = JinjaExpression::compile("task(_.n).name").expect("compiles");
        assert!(matches!(computed.host_use, HostUse::Thread));
        assert_eq!(
            computed.evaluate(&DataContext::new(json!({"n": "t2"})), &OneTask),
            Ok(json!("t2"))
        );
        assert!(matches!(expr.host_use, HostUse::Prefetch(_)));
        let tpl = JinjaTemplate::compile("{{ task().name }}!").expect("compiles");
        assert_eq!(
            tpl.render(&DataContext::new(json!({"a": 1})), &OneTask),
            Ok("current!".to_string())
        );
    }
}
