//! Evaluation of a parsed YAQL tree: variables and scopes, operators, the
//! `.` operator (attributes, methods, collection mapping) and indexers.
//!
//! Scopes mirror yaql's contexts: a chain of frames, each holding variables
//! (`$` is stored as `$1`, as yaql normalises it). The root frame is the data
//! context, read lazily from the [`DataContext`] so `$.x` never copies the
//! whole of `$`.

use std::sync::Arc;

use super::YaqlError;
use super::parser::{Arg, Expr};
use super::stdlib;
use super::value::{Dict, Value};
use crate::context::DataContext;
use crate::functions::ExprHost;
use crate::limits::Budget;

/// A frame of variables; child frames see their parents' variables.
#[derive(Debug)]
pub struct Scope {
    vars: Vec<(Arc<str>, Value)>,
    /// Functions defined with `def(name, body)` in this frame.
    funcs: Vec<(Arc<str>, Arc<Expr>)>,
    parent: Option<Arc<Scope>>,
}

impl Scope {
    /// A function defined with `def()` in this frame or a parent, and the
    /// frame that defined it.
    pub fn function(self: &Arc<Self>, name: &str) -> Option<(Arc<Expr>, Arc<Scope>)> {
        let mut frame = Some(self);
        while let Some(f) = frame {
            if let Some((_, body)) = f.funcs.iter().rev().find(|(n, _)| &**n == name) {
                return Some((body.clone(), f.clone()));
            }
            frame = f.parent.as_ref();
        }
        None
    }

    /// The `i`-th value this frame and its parents hold (for measuring
    /// how deeply a context object nests).
    pub(crate) fn var_at(&self, mut i: usize) -> Option<&Value> {
        let mut frame = Some(self);
        while let Some(f) = frame {
            match f.vars.get(i) {
                Some((_, v)) => return Some(v),
                None => i -= f.vars.len(),
            }
            frame = f.parent.as_deref();
        }
        None
    }

    /// How many variables this frame holds.
    pub(crate) fn len(&self) -> usize {
        self.vars.len()
    }

    fn get(&self, name: &str) -> Option<&Value> {
        let mut frame = Some(self);
        while let Some(f) = frame {
            if let Some((_, v)) = f.vars.iter().rev().find(|(n, _)| &**n == name) {
                return Some(v);
            }
            frame = f.parent.as_deref();
        }
        None
    }
}

/// The variable name `$n` (without `$`); the first few are shared so lambda
/// calls do not allocate names.
pub fn index_name(n: usize) -> Arc<str> {
    static NAMES: std::sync::LazyLock<Vec<Arc<str>>> =
        std::sync::LazyLock::new(|| (0..10).map(|i| Arc::from(i.to_string().as_str())).collect());
    match NAMES.get(n) {
        Some(name) => name.clone(),
        None => Arc::from(n.to_string().as_str()),
    }
}

/// yaql's variable name normalisation: `$` is `$1`.
fn normalise(name: &str) -> &str {
    if name.is_empty() { "1" } else { name }
}

/// What an evaluation sees: the data, the host, the evaluation's budget and
/// the current scope.
#[derive(Clone)]
pub struct Env<'a> {
    pub data: &'a DataContext,
    pub host: &'a dyn ExprHost,
    pub budget: &'a Budget,
    pub scope: Option<Arc<Scope>>,
}

/// Mistral's yaql context variables taken from the data's keys.
const CONTEXT_KEYS: &[&str] = &["__env", "__execution", "__task_execution"];

impl<'a> Env<'a> {
    pub fn root(data: &'a DataContext, host: &'a dyn ExprHost, budget: &'a Budget) -> Env<'a> {
        Env {
            data,
            host,
            budget,
            scope: None,
        }
    }

    /// A child scope with the given variables (names without `$`).
    pub fn child(&self, vars: Vec<(Arc<str>, Value)>) -> Env<'a> {
        Env {
            data: self.data,
            host: self.host,
            budget: self.budget,
            scope: Some(Arc::new(Scope {
                vars,
                funcs: Vec::new(),
                parent: self.scope.clone(),
            })),
        }
    }

    /// An env evaluating in a context object's scope.
    pub fn with_scope(&self, scope: Arc<Scope>) -> Env<'a> {
        Env {
            data: self.data,
            host: self.host,
            budget: self.budget,
            scope: Some(scope),
        }
    }

    /// The current scope as a context value (for `let`, `with`, ...), with
    /// extra variables.
    pub fn context_value(&self, vars: Vec<(Arc<str>, Value)>) -> Value {
        Value::Context(Arc::new(Scope {
            vars,
            funcs: Vec::new(),
            parent: self.scope.clone(),
        }))
    }

    /// The current scope with a function defined (`def()`).
    pub fn define(&self, name: Arc<str>, body: Expr) -> Value {
        Value::Context(Arc::new(Scope {
            vars: Vec::new(),
            funcs: vec![(name, Arc::new(body))],
            parent: self.scope.clone(),
        }))
    }

    /// The value of `$name` (`name` empty for `$`); undefined names are null.
    pub fn var(&self, name: &str) -> Result<Value, YaqlError> {
        let name = normalise(name);
        if let Some(v) = self.scope.as_ref().and_then(|s| s.get(name)) {
            return Ok(v.clone());
        }
        if name == "1" {
            return self.root_value();
        }
        if CONTEXT_KEYS.contains(&name) {
            return match self.data.get(name) {
                Some(json) => self.json(json),
                None => Ok(Value::Null),
            };
        }
        Ok(Value::Null)
    }

    fn root_value(&self) -> Result<Value, YaqlError> {
        match self.data.layers() {
            [] => Ok(Value::Dict(Arc::new(Dict::default()))),
            [only] => self.json(only),
            _ => self.json(&self.data.to_value()),
        }
    }

    /// Converts JSON (data, host answers, parsed text), counting the items
    /// made against the budget.
    #[inline]
    pub fn json(&self, json: &serde_json::Value) -> Result<Value, YaqlError> {
        match json {
            serde_json::Value::Array(_) | serde_json::Value::Object(_) => {
                self.json_collection(json)
            }
            // A scalar makes no item (the usual `$.x`).
            scalar => Ok(Value::from_json(scalar)),
        }
    }

    fn json_collection(&self, json: &serde_json::Value) -> Result<Value, YaqlError> {
        let mut items = 0;
        let value = Value::from_json_within(json, &mut items)?;
        self.budget.items(items as usize)?;
        Ok(value)
    }

    /// Counts a value a function or an operator returned against the budget:
    /// its string bytes, or the items it holds once expanded (so sharing
    /// cannot hide an exponential value whose conversion to JSON or text
    /// would blow up), and refuses it when it nests too deeply.
    #[inline]
    pub fn built(&self, value: Value) -> Result<Value, YaqlError> {
        self.count_built(&value)?;
        Ok(value)
    }

    /// [`Env::built`] for a value left where it is: callers holding a
    /// `Result` check it in place rather than unwrap and rewrap it (each
    /// move of a `Value` through a new `Result` costs on the hot path).
    #[inline]
    pub fn count_built(&self, value: &Value) -> Result<(), YaqlError> {
        match value {
            // Scalars other than strings cost nothing more.
            Value::Null
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::DateTime(_)
            | Value::TimeSpan(_)
            | Value::Regex(_) => Ok(()),
            Value::Str(s) if s.is_empty() => Ok(()),
            Value::Str(s) => Ok(self.budget.bytes(s.len() as u64)?),
            collection => self.count_collection(collection),
        }
    }

    fn count_collection(&self, value: &Value) -> Result<(), YaqlError> {
        let (items, bytes) = value.shallow_size();
        if items > 0 {
            let Some(expanded) = value.measure(self.budget.limits().max_depth) else {
                return Err(self.budget.too_deep().into());
            };
            self.budget
                .items(usize::try_from(expanded).unwrap_or(usize::MAX))?;
        } else if bytes > 0 {
            self.budget.bytes(bytes)?;
        }
        Ok(())
    }

    /// Calls a lambda argument with positional values bound to `$1..$n`
    /// (`$` is `$1`).
    pub fn call_lambda(&self, body: &Expr, args: &[Value]) -> Result<Value, YaqlError> {
        let mut vars = Vec::with_capacity(args.len());
        for (i, v) in args.iter().enumerate() {
            vars.push((index_name(i + 1), v.clone()));
        }
        self.child(vars).eval(body)
    }

    /// Evaluates an expression: one step, one level of nesting.
    pub fn eval(&self, expr: &Expr) -> Result<Value, YaqlError> {
        self.budget.steps(1)?;
        // Left when the guard drops: the node's result then goes straight
        // to the caller (held in a local to call `leave()` after it, it was
        // copied out field by field, which stalled the caller's next read).
        let _level = self.budget.level()?;
        self.eval_node(expr)
    }

    fn eval_node(&self, expr: &Expr) -> Result<Value, YaqlError> {
        match expr {
            Expr::Const(v) => Ok(v.clone()),
            Expr::Keyword(k) => Ok(Value::Str(k.clone())),
            Expr::Var(name) => self.var(name),
            Expr::Wrap(inner) => self.eval(inner),
            Expr::RootPath(path) => self.eval_root_path(path),
            Expr::Call(name, args) => stdlib::call(self, name, None, args),
            Expr::Dot {
                recv,
                rhs,
                null_safe,
            } => {
                let receiver = self.eval(recv)?;
                if *null_safe && matches!(receiver, Value::Null) {
                    return Ok(Value::Null);
                }
                self.dot(receiver, rhs)
            }
            Expr::Binary(op, left, right) => self.binary(op, left, right),
            Expr::Unary(op, operand) => {
                let value = self.eval(operand)?;
                stdlib::unary(op, value)
            }
            Expr::Index(target, args) => {
                let target = self.eval(target)?;
                let args = self.eval_positional(args, "#indexer")?;
                stdlib::indexer(target, args)
            }
            Expr::List(args) => {
                let items = self.eval_positional(args, "#list")?;
                self.built(Value::list(items))
            }
            Expr::Map(args) => {
                let mut map = Dict::default();
                for arg in args {
                    match arg {
                        Arg::Named(k, v) => {
                            let key = self.eval(k)?;
                            let value = self.eval(v)?;
                            check_hashable(&key)?;
                            map.insert(key, value);
                        }
                        _ => return Err(YaqlError::NoMatchingFunction("#map".into())),
                    }
                }
                self.built(Value::Dict(Arc::new(map)))
            }
        }
    }

    /// Evaluates positional arguments; named ones make the call unmatched.
    fn eval_positional(&self, args: &[Arg], name: &str) -> Result<Vec<Value>, YaqlError> {
        args.iter()
            .map(|a| match a {
                Arg::Pos(e) => self.eval(e),
                _ => Err(YaqlError::NoMatchingFunction(name.into())),
            })
            .collect()
    }

    fn eval_root_path(&self, path: &[Arc<str>]) -> Result<Value, YaqlError> {
        // `$` rebound by a lambda or `let`: an ordinary attribute chain.
        if let Some(bound) = self.scope.as_ref().and_then(|s| s.get("1")) {
            let mut value = bound.clone();
            for key in path {
                value = self.attribute(value, key)?;
            }
            return Ok(value);
        }
        if !self.data.layers().iter().all(|l| l.is_object()) {
            let mut value = self.root_value()?;
            for key in path {
                value = self.attribute(value, key)?;
            }
            return Ok(value);
        }
        let Some((first, rest)) = path.split_first() else {
            return self.var("");
        };
        let mut current = self
            .data
            .get(first)
            .ok_or_else(|| YaqlError::key_error(&Value::Str(first.clone())))?;
        for (i, key) in rest.iter().enumerate() {
            match current {
                serde_json::Value::Object(map) => {
                    current = map
                        .get(&**key)
                        .ok_or_else(|| YaqlError::key_error(&Value::Str(key.clone())))?;
                }
                other => {
                    let mut value = self.json(other)?;
                    for key in &rest[i..] {
                        value = self.attribute(value, key)?;
                    }
                    return Ok(value);
                }
            }
        }
        self.json(current)
    }

    /// `receiver.rhs`: a method call, an attribute, or no match.
    pub fn dot(&self, receiver: Value, rhs: &Expr) -> Result<Value, YaqlError> {
        match rhs {
            Expr::Call(name, args) => stdlib::call(self, name, Some(receiver), args),
            Expr::Keyword(key) => self.attribute(receiver, key),
            Expr::RootPath(_) | Expr::Dot { .. } => {
                // `recv.$.x` style right-hand sides are not attributes.
                Err(YaqlError::NoMatchingFunction("#operator_.".into()))
            }
            _ => Err(YaqlError::NoMatchingFunction("#operator_.".into())),
        }
    }

    /// `receiver.key` with a bare name: dict lookup (KeyError when
    /// missing), mapped over collections, else a `#property#key` function.
    pub fn attribute(&self, receiver: Value, key: &Arc<str>) -> Result<Value, YaqlError> {
        match receiver {
            Value::Dict(map) => map
                .get(&Value::Str(key.clone()))
                .cloned()
                .ok_or_else(|| YaqlError::key_error(&Value::Str(key.clone()))),
            Value::List(items)
            | Value::PyList(items)
            | Value::Items(items)
            | Value::Iter(items) => {
                // A generator: an item's error is deferred to its consumer.
                let mut out = Vec::with_capacity(items.len());
                for item in items.iter() {
                    match self.attribute(item.clone(), key) {
                        Ok(v) => out.push(v),
                        Err(error) => return Ok(failing(out, error)),
                    }
                }
                self.built(Value::Iter(Arc::new(out)))
            }
            Value::Set(items) => self.built(Value::Iter(Arc::new(
                items
                    .iter()
                    .map(|item| self.attribute(item.clone(), key))
                    .collect::<Result<_, _>>()?,
            ))),
            Value::Ordered(o) => self.built(Value::Iter(Arc::new(
                o.items
                    .iter()
                    .map(|item| self.attribute(item.clone(), key))
                    .collect::<Result<_, _>>()?,
            ))),
            Value::Failing(f) => {
                let mut out = Vec::new();
                for item in &f.items {
                    match self.attribute(item.clone(), key) {
                        Ok(v) => out.push(v),
                        Err(error) => return Ok(failing(out, error)),
                    }
                }
                Ok(failing(out, f.error.clone()))
            }
            other => stdlib::property(&other, key),
        }
    }

    fn binary(&self, op: &str, left: &Expr, right: &Expr) -> Result<Value, YaqlError> {
        match op {
            "and" => {
                let l = self.eval(left)?;
                if !l.truthy() {
                    return Ok(l);
                }
                self.eval(right)
            }
            "or" => {
                let l = self.eval(left)?;
                if l.truthy() {
                    return Ok(l);
                }
                self.eval(right)
            }
            "->" => match self.eval(left)? {
                Value::Context(scope) => self.with_scope(scope).eval(right),
                _ => Err(YaqlError::NoMatchingFunction("#operator_->".into())),
            },
            _ => {
                // yaql rules out overloads by literal arguments before
                // evaluating the others.
                if !stdlib::literal_fits(op, true, left) || !stdlib::literal_fits(op, false, right)
                {
                    return Err(YaqlError::NoMatchingFunction(format!("#operator_{op}")));
                }
                // Operands are looked at where they were returned: moving
                // a `Value` out of its `Result` costs a stall per move.
                let l = self.eval(left);
                let Ok(l) = &l else { return l };
                let r = self.eval(right);
                let Ok(r) = &r else { return r };
                let number = |v: &Value| {
                    matches!(
                        v,
                        Value::Null | Value::Bool(_) | Value::Int(_) | Value::Float(_)
                    )
                };
                if number(l) && number(r) {
                    // Only a number or a boolean comes of these: nothing
                    // to walk or count (and the result goes straight to
                    // the caller).
                    return stdlib::binary(op, l, r);
                }
                self.counted_binary(op, l, r)
            }
        }
    }

    /// An operator on strings, collections or times: what it walks and
    /// builds is counted.
    fn counted_binary(&self, op: &str, l: &Value, r: &Value) -> Result<Value, YaqlError> {
        // Comparing or searching collections walks them.
        let walked = r.shallow_size().0;
        if walked > 0 && matches!(op, "in" | "=" | "!=") {
            self.budget.steps(walked)?;
        }
        let result = stdlib::binary(op, l, r);
        if let Ok(value) = &result {
            self.count_built(value)?;
        }
        result
    }
}

/// A generator that yields `items`, then raises `error`.
pub fn failing(items: Vec<Value>, error: YaqlError) -> Value {
    Value::Failing(Arc::new(super::value::Failing { items, error }))
}

/// A value that cannot be a set member or dict key in Python.
pub fn check_hashable(value: &Value) -> Result<(), YaqlError> {
    match value {
        Value::PyList(_) => Err(YaqlError::Runtime("unhashable type: 'list'".into())),
        Value::Context(_) => Err(YaqlError::Runtime("unhashable type: 'Context'".into())),
        _ => Ok(()),
    }
}

/// Mistral's output conversion turns tuples into lists and keeps sets, so a
/// set holding tuples (or dicts) fails to build: `unhashable type: 'list'`.
pub fn check_output(value: &Value) -> Result<(), YaqlError> {
    match value {
        Value::Failing(f) => Err(f.error.clone()),
        Value::Set(items) => {
            for item in items.iter() {
                unhashable_after_conversion(item)?;
            }
            Ok(())
        }
        Value::Items(items) => match items.first() {
            Some(_) => Err(YaqlError::Runtime("unhashable type: 'list'".into())),
            None => Ok(()),
        },
        Value::List(items) | Value::PyList(items) | Value::Iter(items) => {
            items.iter().try_for_each(check_output)
        }
        Value::Dict(map) => {
            for (k, v) in map.iter() {
                unhashable_after_conversion(k)?;
                check_output(v)?;
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

fn unhashable_after_conversion(value: &Value) -> Result<(), YaqlError> {
    match value {
        Value::List(_)
        | Value::PyList(_)
        | Value::Items(_)
        | Value::Iter(_)
        | Value::Ordered(_)
        | Value::Lazy(_) => Err(YaqlError::Runtime("unhashable type: 'list'".into())),
        Value::Dict(_) => Err(YaqlError::Runtime("unhashable type: 'dict'".into())),
        Value::Set(_) => Err(YaqlError::Runtime("unhashable type: 'set'".into())),
        _ => Ok(()),
    }
}

/// The scalar `$.a.b` names when every layer of the data is an object and
/// the path leads through objects to a scalar; `None` otherwise (the
/// evaluator then decides, with its errors). Such a lookup is what
/// [`Env::eval`] of a root path gives without a scope.
pub fn root_path_scalar<'d>(
    data: &'d DataContext,
    path: &[Arc<str>],
) -> Option<&'d serde_json::Value> {
    let (first, rest) = path.split_first()?;
    if !data.layers().iter().all(|l| l.is_object()) {
        return None;
    }
    let mut current = data.get(first)?;
    for key in rest {
        current = current.as_object()?.get(&**key)?;
    }
    (!current.is_array() && !current.is_object()).then_some(current)
}
