//! YAQL's standard library as yaql 3.2's `create_context()` provides it, plus
//! Mistral's custom functions.
//!
//! Each name is a function, a method, or both (yaql's `extension_method`);
//! calling it the wrong way gives yaql's `Unknown function` / `Unknown
//! method` errors, and arguments of the wrong types give `No function/method
//! ... matches supplied arguments`. Lambda parameters (`select($ * 2)`) are
//! received unevaluated and run with `$` bound to each item.
//!
//! Types follow yaql's parameter checks: numbers exclude booleans, strings
//! are not iterable, dicts are not iterable (`iterable_dicts=False`).
//!
//! Functions come in families, one per file (`system`, `numbers`,
//! `mistral`, `strings`, `patterns`, `time`, `collections/*`); `table`
//! maps each name to the families that answer it, in order (a string
//! family passes `join` on a list to the collections').

use std::cmp::Ordering;
use std::sync::Arc;

use super::YaqlError;
use super::eval::{Env, check_hashable};
use super::parser::{Arg, Expr};
use super::value::{Dict, Set, Value};

mod collections;
mod mistral;
mod numbers;
mod operators;
mod patterns;
mod strings;
mod system;
mod table;
mod time;

use numbers::pick;
pub(crate) use numbers::yaql_str;
pub use operators::{binary, indexer, literal_fits, property, unary};
pub(crate) use operators::{compare, compile_regex};
use operators::{compare_op, py_floordiv};

/// Why a call failed.
pub(crate) enum CallErr {
    /// The arguments do not fit the signature.
    NoMatch,
    /// The name exists, but not in this form (function vs method).
    Unknown,
    Err(YaqlError),
}

impl From<YaqlError> for CallErr {
    fn from(e: YaqlError) -> Self {
        CallErr::Err(e)
    }
}

impl From<crate::limits::LimitError> for CallErr {
    fn from(e: crate::limits::LimitError) -> Self {
        CallErr::Err(e.into())
    }
}

pub(crate) type R = Result<Value, CallErr>;

fn runtime(msg: impl Into<String>) -> CallErr {
    CallErr::Err(YaqlError::Runtime(msg.into()))
}

/// How a name may be called.
#[derive(PartialEq, Clone, Copy)]
enum Kind {
    Func,
    Method,
}

/// A call in progress: the receiver (for methods) is positional argument 0.
pub(crate) struct Call<'c, 'a> {
    pub env: &'c Env<'a>,
    receiver: Option<Value>,
    pos: Vec<&'c Arg>,
    named: Vec<(&'c Expr, &'c Expr)>,
    /// Evaluated positional arguments (each is evaluated at most once).
    cache: std::cell::RefCell<Vec<Option<Value>>>,
    /// Which keyword arguments the function looked at; any other makes the
    /// call unmatched, as an unknown parameter name does in yaql.
    used: std::cell::Cell<u64>,
}

pub(crate) enum Slot<'c> {
    Val(Value),
    Expr(&'c Expr),
    Omitted,
}

impl<'c> Call<'c, '_> {
    fn kind(&self, kind: Kind) -> Result<(), CallErr> {
        match (kind, self.receiver.is_some()) {
            (Kind::Func, false) | (Kind::Method, true) => Ok(()),
            _ => Err(CallErr::Unknown),
        }
    }

    /// Number of positional arguments (with the receiver).
    pub fn n(&self) -> usize {
        self.pos.len() + usize::from(self.receiver.is_some())
    }

    fn slot(&self, i: usize) -> Option<Slot<'c>> {
        match (&self.receiver, i) {
            (Some(r), 0) => Some(Slot::Val(r.clone())),
            (Some(_), i) => self.pos.get(i - 1).map(|a| arg_slot(a)),
            (None, i) => self.pos.get(i).map(|a| arg_slot(a)),
        }
    }

    /// The positional arguments written as literals in the expression.
    pub fn literal_args(&self) -> impl Iterator<Item = &Value> {
        self.pos.iter().filter_map(|a| match a {
            Arg::Pos(Expr::Const(v)) => Some(v),
            _ => None,
        })
    }

    /// Number of keyword arguments.
    pub fn named_count(&self) -> usize {
        self.named.len()
    }

    /// The evaluated positional argument `i`.
    pub fn val(&self, i: usize) -> R {
        self.opt(i)?.ok_or(CallErr::NoMatch)
    }

    /// Positional argument `i`, or `None` when absent or omitted.
    pub fn opt(&self, i: usize) -> Result<Option<Value>, CallErr> {
        if let Some(Some(v)) = self.cache.borrow().get(i) {
            return Ok(Some(v.clone()));
        }
        let value = match self.slot(i) {
            Some(Slot::Val(v)) => v,
            Some(Slot::Expr(e)) => self.env.eval(e)?,
            Some(Slot::Omitted) | None => return Ok(None),
        };
        let mut cache = self.cache.borrow_mut();
        if cache.len() <= i {
            cache.resize(i + 1, None);
        }
        cache[i] = Some(value.clone());
        Ok(Some(value))
    }

    /// Positional `i` or the keyword argument `name`.
    pub fn arg(&self, i: usize, name: &str) -> Result<Option<Value>, CallErr> {
        if let Some(e) = self.named_expr(name) {
            if i < self.n() {
                // Given twice.
                return Err(CallErr::NoMatch);
            }
            return Ok(Some(self.env.eval(e)?));
        }
        self.opt(i)
    }

    /// A lambda argument, unevaluated.
    pub fn lambda(&self, i: usize) -> Result<Lambda<'c>, CallErr> {
        match self.slot(i) {
            Some(Slot::Expr(e)) => Ok(Lambda::Expr(e)),
            Some(Slot::Val(v)) => Ok(Lambda::Const(v)),
            _ => Err(CallErr::NoMatch),
        }
    }

    pub fn opt_lambda(&self, i: usize, name: &str) -> Option<Lambda<'c>> {
        if let Some(e) = self.named_expr(name) {
            return Some(Lambda::Expr(e));
        }
        match self.slot(i) {
            Some(Slot::Expr(e)) => Some(Lambda::Expr(e)),
            Some(Slot::Val(v)) => Some(Lambda::Const(v)),
            _ => None,
        }
    }

    fn named_expr(&self, name: &str) -> Option<&'c Expr> {
        self.named
            .iter()
            .enumerate()
            .find_map(|(i, (k, v))| match k {
                Expr::Keyword(key) if &**key == name => {
                    self.used.set(self.used.get() | (1u64 << i.min(63)));
                    Some(*v)
                }
                _ => None,
            })
    }

    /// All keyword arguments, for functions taking any (`let`, `dict`, ...).
    pub fn all_named(&self) -> &[(&'c Expr, &'c Expr)] {
        self.used.set(u64::MAX);
        &self.named
    }

    fn unused_named(&self) -> bool {
        let n = self.named.len().min(64);
        let all = if n == 64 { u64::MAX } else { (1u64 << n) - 1 };
        self.used.get() & all != all
    }

    /// Fails unless every keyword argument is one of `allowed`.
    pub fn only_named(&self, allowed: &[&str]) -> Result<(), CallErr> {
        for (k, _) in &self.named {
            match k {
                Expr::Keyword(key) if allowed.contains(&&**key) => {}
                _ => return Err(CallErr::NoMatch),
            }
        }
        self.used.set(u64::MAX);
        Ok(())
    }

    /// Fails when there are more than `max` positional arguments.
    pub fn max(&self, max: usize) -> Result<(), CallErr> {
        if self.n() > max {
            Err(CallErr::NoMatch)
        } else {
            Ok(())
        }
    }

    pub fn exact(&self, n: usize) -> Result<(), CallErr> {
        if self.n() != n {
            Err(CallErr::NoMatch)
        } else {
            Ok(())
        }
    }

    pub fn call_lambda(&self, l: &Lambda, args: &[Value]) -> R {
        match l {
            Lambda::Expr(e) => Ok(self.env.call_lambda(e, args)?),
            Lambda::Const(v) => Ok(v.clone()),
        }
    }
}

fn arg_slot(arg: &Arg) -> Slot<'_> {
    match arg {
        Arg::Pos(e) => Slot::Expr(e),
        _ => Slot::Omitted,
    }
}

/// A lambda parameter: an expression run per item (or a value when the
/// argument was already evaluated, e.g. a receiver).
pub(crate) enum Lambda<'c> {
    Expr(&'c Expr),
    Const(Value),
}

/// Calls `name` as a function (`receiver` is `None`) or as a method.
pub fn call(
    env: &Env,
    name: &str,
    receiver: Option<Value>,
    args: &[Arg],
) -> Result<Value, YaqlError> {
    let mut pos = Vec::new();
    let mut named = Vec::new();
    for arg in args {
        match arg {
            Arg::Named(k, v) => named.push((k, v)),
            other => pos.push(other),
        }
    }
    if receiver.is_none()
        && let Some((body, scope)) = env.scope.as_ref().and_then(|s| s.function(name))
    {
        // A function defined with def(): arguments are $1, $2, ... and
        // keyword arguments $name.
        let mut vars = Vec::new();
        let mut n = 0;
        for arg in args {
            match arg {
                Arg::Pos(e) => {
                    n += 1;
                    vars.push((super::eval::index_name(n), env.eval(e)?));
                }
                Arg::Named(Expr::Keyword(k), e) => vars.push((k.clone(), env.eval(e)?)),
                _ => return Err(YaqlError::NoMatchingFunction(name.into())),
            }
        }
        return env.with_scope(scope).child(vars).eval(&body);
    }
    let is_method = receiver.is_some();
    if let Some(r) = &receiver
        && receiver_fits(name, r) == Some(false)
    {
        // yaql picks overloads by the receiver before evaluating arguments.
        return Err(YaqlError::NoMatchingMethod {
            name: name.into(),
            receiver: r.to_message_str(),
        });
    }
    let call = Call {
        env,
        receiver,
        pos,
        named,
        cache: std::cell::RefCell::new(Vec::new()),
        used: std::cell::Cell::new(0),
    };
    let result = dispatch(name, &call);
    let result = match result {
        Ok(_) if call.unused_named() => Err(CallErr::NoMatch),
        other => other,
    };
    // The receiver is named in an error only (its text can be big).
    let receiver_text = || {
        call.receiver
            .as_ref()
            .map(Value::to_message_str)
            .unwrap_or_default()
    };
    match result {
        Ok(v) => env.built(v),
        Err(CallErr::Err(e)) => Err(e),
        Err(CallErr::Unknown) if is_method => Err(YaqlError::UnknownMethod {
            name: name.into(),
            receiver: receiver_text(),
        }),
        Err(CallErr::Unknown) => Err(YaqlError::UnknownFunction(name.into())),
        Err(CallErr::NoMatch) if is_method => Err(YaqlError::NoMatchingMethod {
            name: name.into(),
            receiver: receiver_text(),
        }),
        Err(CallErr::NoMatch) => Err(YaqlError::NoMatchingFunction(name.into())),
    }
}

/// Whether a method's receiver has a type one of its overloads accepts;
/// `None` when the name is not a method (or accepts anything).
fn receiver_fits(name: &str, r: &Value) -> Option<bool> {
    let iterable = items(r).is_some() || matches!(r, Value::Lazy(_) | Value::Failing(_));
    let string = matches!(r, Value::Str(_));
    let dict = matches!(r, Value::Dict(_));
    Some(match name {
        "select" | "where" | "skip" | "take" | "limit" | "first" | "last" | "single"
        | "selectMany" | "orderBy" | "orderByDescending" | "groupBy" | "zip" | "zipLongest"
        | "takeWhile" | "skipWhile" | "indexWhere" | "lastIndexWhere" | "slice" | "splitWhere"
        | "sliceWhere" | "splitAt" | "aggregate" | "reduce" | "accumulate" | "reverse" | "sum"
        | "max" | "min" | "count" | "memorize" | "distinct" | "enumerate" | "any" | "all"
        | "append" | "concat" | "flatten" | "toList" | "toSet" | "toDict" | "contains"
        | "replaceMany" | "insert" | "insertMany" | "cycle" | "defaultIfEmpty" | "unpack" => {
            iterable
        }
        "indexOf" | "lastIndexOf" => iterable || string,
        "len" => iterable || string || dict,
        "delete" => iterable || dict,
        "join" => iterable || string,
        "replace" => iterable || string || matches!(r, Value::Regex(_) | Value::DateTime(_)),
        "get" | "keys" | "values" | "items" | "containsKey" | "containsValue" | "set"
        | "deleteAll" | "mergeWith" => dict,
        "union" | "intersect" | "difference" | "symmetricDifference" | "add" | "remove" => {
            matches!(r, Value::Set(_))
        }
        "toUpper" | "toLower" | "trim" | "trimLeft" | "trimRight" | "substring" | "toCharArray"
        | "startsWith" | "endsWith" | "rightSplit" => string,
        "norm" | "isEmpty" => string || matches!(r, Value::Null),
        "split" | "matches" | "replaceBy" => string || matches!(r, Value::Regex(_)),
        "search" | "searchAll" => matches!(r, Value::Regex(_)),
        "thenBy" | "thenByDescending" => matches!(r, Value::Ordered(_) | Value::Failing(_)),
        "format" => matches!(r, Value::DateTime(_)),
        "switchCase" => matches!(r, Value::Int(_) | Value::Bool(_)),
        _ => return None,
    })
}

// ---------------------------------------------------------------- typing

/// yaql's `Iterable()`: sequences, sets and views; not strings or dicts.
pub(crate) fn items(v: &Value) -> Option<Vec<Value>> {
    match v {
        Value::List(items) | Value::PyList(items) | Value::Items(items) | Value::Iter(items) => {
            Some(items.as_ref().clone())
        }
        Value::Set(items) => Some(items.iter().cloned().collect()),
        Value::Ordered(o) => Some(o.items.clone()),
        _ => None,
    }
}

/// A generator's output.
pub(crate) fn iter_val(items: Vec<Value>) -> R {
    Ok(Value::Iter(Arc::new(items)))
}

/// A collection argument, consumed whole (a failing generator raises).
/// Walking it counts one step per item.
fn seq(c: &Call, i: usize) -> Result<Vec<Value>, CallErr> {
    let v = c.val(i)?;
    c.env.budget.steps(v.shallow_size().0)?;
    match v {
        Value::Failing(f) => Err(CallErr::Err(f.error.clone())),
        v => items(&v).ok_or(CallErr::NoMatch),
    }
}

/// A collection argument with the error it raises after its items, if any
/// (for consumers that may stop before reaching it).
pub(crate) fn seq_lazy(c: &Call, i: usize) -> Result<(Vec<Value>, Option<YaqlError>), CallErr> {
    let v = c.val(i)?;
    c.env.budget.steps(v.shallow_size().0)?;
    match v {
        Value::Failing(f) => Ok((f.items.clone(), Some(f.error.clone()))),
        v => items(&v).map(|items| (items, None)).ok_or(CallErr::NoMatch),
    }
}

/// An `int` parameter (a Python bool is an int here).
fn int(v: &Value) -> Result<i128, CallErr> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(i128::from(*b)),
        _ => Err(CallErr::NoMatch),
    }
}

fn int_arg(c: &Call, i: usize, name: &str, default: i128) -> Result<i128, CallErr> {
    match c.arg(i, name)? {
        Some(v) => int(&v),
        None => Ok(default),
    }
}

fn string(v: &Value) -> Result<Arc<str>, CallErr> {
    match v {
        Value::Str(s) => Ok(s.clone()),
        _ => Err(CallErr::NoMatch),
    }
}

fn is_number(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Float(_))
}

fn bool_arg(c: &Call, i: usize, name: &str, default: bool) -> Result<bool, CallErr> {
    match c.arg(i, name)? {
        Some(Value::Bool(b)) => Ok(b),
        Some(_) => Err(CallErr::NoMatch),
        None => Ok(default),
    }
}

fn list(items: Vec<Value>) -> R {
    Ok(Value::list(items))
}

fn dict_of(v: &Value) -> Result<Arc<Dict>, CallErr> {
    match v {
        Value::Dict(d) => Ok(d.clone()),
        _ => Err(CallErr::NoMatch),
    }
}

fn set_of(v: &Value) -> Result<Arc<Set>, CallErr> {
    match v {
        Value::Set(s) => Ok(s.clone()),
        _ => Err(CallErr::NoMatch),
    }
}

fn make_set(values: impl IntoIterator<Item = Value>) -> R {
    let mut set = Set::default();
    for v in values {
        check_hashable(&v)?;
        set.insert(v);
    }
    Ok(Value::Set(Arc::new(crate::yaql::pyset::python_order(set))))
}

// ---------------------------------------------------------------- dispatch

/// Who answers a function name, in order: a `Partial` family may pass
/// (`None`: the name is another family's for these arguments), a `Full`
/// one answers.
#[derive(Clone, Copy)]
pub(super) enum Family {
    Partial(fn(&str, &Call) -> Option<R>),
    Full(fn(&str, &Call) -> R),
}

/// The names of every function and method of the library (`where`,
/// `toUpper`, `task`, ...); operators, the indexer and properties are not
/// among them.
pub fn function_names() -> &'static [&'static str] {
    table::NAMES
}

/// Calls the function `name` through the families [`table::families`]
/// lists for it; a name no family answers is unknown.
fn dispatch(name: &str, c: &Call) -> R {
    for family in table::families(name) {
        match family {
            Family::Full(f) => return f(name, c),
            Family::Partial(f) => {
                if let Some(result) = f(name, c) {
                    return result;
                }
            }
        }
    }
    Err(CallErr::Unknown)
}
