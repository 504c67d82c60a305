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

use std::cmp::Ordering;
use std::sync::Arc;

use super::YaqlError;
use super::eval::{Env, check_hashable};
use super::parser::{Arg, Expr};
use super::value::{Dict, Set, Value};

mod strings;
mod time;

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

// ---------------------------------------------------------------- operators

fn no_op(op: &str) -> YaqlError {
    YaqlError::NoMatchingFunction(format!("#operator_{op}"))
}

/// Python's int overflow has no limit; here an i128 overflow is an error.
fn checked(v: Option<i128>) -> Result<Value, YaqlError> {
    v.map(Value::Int)
        .ok_or_else(|| YaqlError::Runtime("integer overflow".into()))
}

/// A binary operator on evaluated operands (`and`, `or`, `->` are lazy and
/// handled by the evaluator).
pub fn binary(op: &str, l: &Value, r: &Value) -> Result<Value, YaqlError> {
    use Value::*;
    match op {
        "=" => return Ok(Bool(l == r)),
        "!=" => return Ok(Bool(l != r)),
        "<" | ">" | "<=" | ">=" => return compare_op(op, l, r),
        "in" => {
            return match (l, r) {
                (Str(a), Str(b)) => Ok(Bool(b.contains(&**a))),
                (_, Set(s)) => Ok(Bool(s.contains(l))),
                (_, List(items) | PyList(items) | Items(items) | Iter(items)) => {
                    Ok(Bool(items.contains(l)))
                }
                (_, Ordered(o)) => Ok(Bool(o.items.contains(l))),
                (_, Failing(f)) => {
                    if f.items.contains(l) {
                        Ok(Bool(true))
                    } else {
                        Err(f.error.clone())
                    }
                }
                _ => Err(no_op("in")),
            };
        }
        "=~" | "!~" => {
            let matched = match (l, r) {
                (Str(s), Str(p)) => compile_regex(p, "")?.is_match(s),
                (Str(s), Regex(re)) => re.is_match(s),
                _ => return Err(no_op(op)),
            };
            return Ok(Bool(if op == "=~" { matched } else { !matched }));
        }
        _ => {}
    }
    match (op, l, r) {
        ("+", Int(a), Int(b)) => checked(a.checked_add(*b)),
        ("-", Int(a), Int(b)) => checked(a.checked_sub(*b)),
        ("*", Int(a), Int(b)) => checked(a.checked_mul(*b)),
        ("/", Int(a), Int(b)) => {
            if *b == 0 {
                return Err(YaqlError::Runtime(
                    "integer division or modulo by zero".into(),
                ));
            }
            checked(py_floordiv(*a, *b))
        }
        ("mod", Int(a), Int(b)) => {
            if *b == 0 {
                return Err(YaqlError::Runtime("integer modulo by zero".into()));
            }
            let q =
                py_floordiv(*a, *b).ok_or_else(|| YaqlError::Runtime("integer overflow".into()))?;
            Ok(Int(a - b * q))
        }
        ("+" | "-" | "*" | "/" | "mod", Int(_) | Float(_), Int(_) | Float(_)) => {
            let a = l.as_f64().unwrap_or(0.0);
            let b = r.as_f64().unwrap_or(0.0);
            Ok(Float(match op {
                "+" => a + b,
                "-" => a - b,
                "*" => a * b,
                "/" => {
                    if b == 0.0 {
                        return Err(YaqlError::Runtime("float division by zero".into()));
                    }
                    a / b
                }
                _ => {
                    if b == 0.0 {
                        return Err(YaqlError::Runtime("float modulo".into()));
                    }
                    let m = a % b;
                    if m != 0.0 && (m < 0.0) != (b < 0.0) {
                        m + b
                    } else {
                        m
                    }
                }
            }))
        }
        ("+", Str(a), Str(b)) => Ok(Value::str(&format!("{a}{b}"))),
        ("*", Str(s), Int(_) | Bool(_)) | ("*", Int(_) | Bool(_), Str(s)) => {
            let n = if let Str(_) = l { r } else { l };
            let n = usize::try_from(int(n).unwrap_or(0)).unwrap_or(0);
            quota(s.len().saturating_mul(n))?;
            Ok(Value::str(&s.repeat(n)))
        }
        ("*", List(items) | PyList(items), Int(_) | Bool(_))
        | ("*", Int(_) | Bool(_), List(items) | PyList(items)) => {
            let n = if matches!(l, Int(_) | Bool(_)) { l } else { r };
            let n = usize::try_from(int(n).unwrap_or(0)).unwrap_or(0);
            quota(items.len().saturating_mul(n).saturating_mul(32))?;
            let mut out = Vec::with_capacity(items.len() * n);
            for _ in 0..n {
                out.extend(items.iter().cloned());
            }
            Ok(Value::list(out))
        }
        ("+", Dict(a), Dict(b)) => {
            let mut out = a.as_ref().clone();
            for (k, v) in b.iter() {
                out.insert(k.clone(), v.clone());
            }
            Ok(Dict(Arc::new(out)))
        }
        ("+", List(a), List(b)) => {
            let mut out = a.as_ref().clone();
            out.extend(b.iter().cloned());
            Ok(Value::list(out))
        }
        ("-", Set(a), Set(b)) => Ok(Set(Arc::new(super::pyset::python_order(
            a.iter().filter(|x| !b.contains(*x)).cloned().collect(),
        )))),
        (
            "+",
            Failing(f),
            List(_) | PyList(_) | Set(_) | Items(_) | Iter(_) | Ordered(_) | Failing(_),
        ) => {
            // Lazy concatenation: the left side's error comes first.
            Ok(super::eval::failing(f.items.clone(), f.error.clone()))
        }
        ("+", List(_) | PyList(_) | Set(_) | Items(_) | Iter(_) | Ordered(_), Failing(f)) => {
            let mut out = items(l).unwrap_or_default();
            out.extend(f.items.iter().cloned());
            Ok(super::eval::failing(out, f.error.clone()))
        }
        ("+", Set(a), Set(b)) => {
            let mut out = a.as_ref().clone();
            out.extend(b.iter().cloned());
            Ok(Set(Arc::new(super::pyset::python_order(out))))
        }
        (
            "+",
            List(_) | PyList(_) | Set(_) | Items(_) | Iter(_) | Ordered(_),
            List(_) | PyList(_) | Set(_) | Items(_) | Iter(_) | Ordered(_),
        ) => {
            let mut out = items(l).unwrap_or_default();
            out.extend(items(r).unwrap_or_default());
            Ok(Iter(Arc::new(out)))
        }
        (_, DateTime(_) | TimeSpan(_), _) | (_, _, DateTime(_) | TimeSpan(_)) => {
            time::binary(op, l, r)
        }
        _ => Err(no_op(op)),
    }
}

/// Refuses to build a value of more than `MEMORY_QUOTA` bytes (Mistral sets
/// no quota; this guards the process against `'x' * 10000000000000`).
fn quota(bytes: usize) -> Result<(), YaqlError> {
    const MEMORY_QUOTA: usize = 256 << 20;
    if bytes > MEMORY_QUOTA {
        return Err(YaqlError::Runtime(
            "Expression consumed too much memory".into(),
        ));
    }
    Ok(())
}

/// Python's `//` on ints (rounds towards negative infinity).
fn py_floordiv(a: i128, b: i128) -> Option<i128> {
    let q = a.checked_div(b)?;
    Some(if (a % b != 0) && ((a < 0) != (b < 0)) {
        q - 1
    } else {
        q
    })
}

/// yaql's ordering comparisons: numbers (not booleans), strings, datetimes,
/// timespans, sets (subset tests); `null` is below everything else.
fn compare_op(op: &str, l: &Value, r: &Value) -> Result<Value, YaqlError> {
    use Value::*;
    if let (Set(a), Set(b)) = (l, r) {
        let subset = a.iter().all(|x| b.contains(x));
        let superset = b.iter().all(|x| a.contains(x));
        return Ok(Bool(match op {
            "<" => subset && a.len() < b.len(),
            "<=" => subset,
            ">" => superset && a.len() > b.len(),
            _ => superset,
        }));
    }
    let ord = compare(l, r).ok_or_else(|| no_op(op))?;
    Ok(Bool(match op {
        "<" => ord == Ordering::Less,
        ">" => ord == Ordering::Greater,
        "<=" => ord != Ordering::Greater,
        _ => ord != Ordering::Less,
    }))
}

/// The ordering yaql's comparison operators define, or `None` when no
/// operator matches the operand types.
pub(crate) fn compare(l: &Value, r: &Value) -> Option<Ordering> {
    use Value::*;
    match (l, r) {
        (Null, Null) => Some(Ordering::Equal),
        (Null, _) => Some(Ordering::Less),
        (_, Null) => Some(Ordering::Greater),
        (Int(a), Int(b)) => Some(a.cmp(b)),
        (Int(_) | Float(_), Int(_) | Float(_)) => l.as_f64()?.partial_cmp(&r.as_f64()?),
        (Str(a), Str(b)) => Some(a.cmp(b)),
        (DateTime(a), DateTime(b)) => Some(a.cmp(b)),
        (TimeSpan(a), TimeSpan(b)) => Some(a.cmp(b)),
        _ => None,
    }
}

/// Whether a literal operand (a constant in the expression text) fits some
/// overload of the binary operator `op` on that side; non-literals fit.
pub fn literal_fits(op: &str, left: bool, operand: &Expr) -> bool {
    let value = match operand {
        Expr::Const(v) => v,
        Expr::Keyword(_) => &Value::Null, // placeholder, checked below as a string
        _ => return true,
    };
    let is_str = matches!(operand, Expr::Keyword(_)) || matches!(value, Value::Str(_));
    let is_num = matches!(value, Value::Int(_) | Value::Float(_));
    let is_bool = matches!(value, Value::Bool(_));
    match op {
        "+" => is_num || is_str,
        "-" | "/" | "mod" => is_num,
        "*" => is_num || is_str || is_bool,
        "in" => left || is_str,
        "=~" | "!~" => is_str,
        _ => true,
    }
}

/// A prefix operator.
pub fn unary(op: &str, v: Value) -> Result<Value, YaqlError> {
    match (op, &v) {
        ("not", _) => Ok(Value::Bool(!v.truthy())),
        ("-", Value::Int(i)) => checked(i.checked_neg()),
        ("-", Value::Float(f)) => Ok(Value::Float(-f)),
        ("-", Value::TimeSpan(t)) => Ok(Value::TimeSpan(-*t)),
        ("+", Value::Int(_) | Value::Float(_) | Value::TimeSpan(_)) => Ok(v),
        _ => Err(YaqlError::NoMatchingFunction(format!(
            "#unary_operator_{op}"
        ))),
    }
}

/// `target[args]`.
pub fn indexer(target: Value, args: Vec<Value>) -> Result<Value, YaqlError> {
    let no = || YaqlError::NoMatchingFunction("#indexer".into());
    match (&target, args.as_slice()) {
        (Value::List(items) | Value::PyList(items), [index @ (Value::Int(_) | Value::Bool(_))]) => {
            let kind = if matches!(target, Value::List(_)) {
                "tuple"
            } else {
                "list"
            };
            let i = &match index {
                Value::Bool(b) => i128::from(*b),
                Value::Int(i) => *i,
                _ => 0,
            };
            let len = items.len() as i128;
            let idx = if *i < 0 { i + len } else { *i };
            if idx < 0 || idx >= len {
                return Err(YaqlError::Runtime(format!("{kind} index out of range")));
            }
            Ok(items[idx as usize].clone())
        }
        (Value::Dict(map), [key]) => map
            .get(key)
            .cloned()
            .ok_or_else(|| YaqlError::key_error(key)),
        (Value::Dict(map), [key, default]) => {
            Ok(map.get(key).cloned().unwrap_or_else(|| default.clone()))
        }
        _ => Err(no()),
    }
}

/// `value.name` for values that are neither dicts nor collections: yaql's
/// `#property#name` functions (datetime and timespan properties).
pub fn property(v: &Value, name: &str) -> Result<Value, YaqlError> {
    const PROPERTIES: &[&str] = &[
        "year",
        "month",
        "day",
        "hour",
        "minute",
        "second",
        "microsecond",
        "date",
        "time",
        "weekday",
        "utc",
        "offset",
        "timestamp",
        "days",
        "hours",
        "minutes",
        "seconds",
        "milliseconds",
        "microseconds",
    ];
    time::property(v, name).unwrap_or_else(|| {
        let function = format!("#property#{name}");
        Err(if PROPERTIES.contains(&name) {
            YaqlError::NoMatchingFunction(function)
        } else {
            YaqlError::UnknownFunction(function)
        })
    })
}

pub(crate) fn compile_regex(pattern: &str, flags: &str) -> Result<regex::Regex, YaqlError> {
    let translated = strings::translate_regex(pattern);
    let full = if flags.is_empty() {
        translated
    } else {
        format!("(?{flags}){translated}")
    };
    regex::Regex::new(&full).map_err(|e| YaqlError::Runtime(strings::regex_error_text(pattern, &e)))
}

// ---------------------------------------------------------------- dispatch

fn dispatch(name: &str, c: &Call) -> R {
    use Kind::*;
    match name {
        // ---- Mistral's custom functions (functions only).
        "env" | "task" | "tasks" | "execution" | "executions" | "global" | "json_dump"
        | "json_parse" | "yaml_dump" | "yaml_parse" | "uuid" => {
            c.kind(Func)?;
            mistral(name, c)
        }
        // ---- system / branching
        "let" => {
            c.kind(Func)?;
            let mut vars = Vec::new();
            for i in 0..c.n() {
                vars.push((crate::yaql::eval::index_name(i + 1), c.val(i)?));
            }
            for (k, v) in c.all_named() {
                let key = match k {
                    Expr::Keyword(key) => key.clone(),
                    _ => return Err(CallErr::NoMatch),
                };
                vars.push((key, c.env.eval(v)?));
            }
            Ok(c.env.context_value(vars))
        }
        "with" => {
            c.kind(Func)?;
            c.only_named(&[])?;
            let mut vars = Vec::new();
            for i in 0..c.n() {
                vars.push((crate::yaql::eval::index_name(i + 1), c.val(i)?));
            }
            Ok(c.env.context_value(vars))
        }
        "unpack" => {
            c.kind(Method)?;
            let values = seq(c, 0)?;
            let mut vars = Vec::new();
            if c.n() > 1 {
                let names: Vec<Arc<str>> = (1..c.n())
                    .map(|i| c.val(i).and_then(|v| string(&v)))
                    .collect::<Result<_, _>>()?;
                let take = values.len().min(names.len() + 1);
                if take != names.len() {
                    return Err(runtime(format!(
                        "Cannot unpack {take} elements into {}",
                        names.len()
                    )));
                }
                for (n, v) in names.into_iter().zip(values) {
                    vars.push((n, v));
                }
            } else {
                for (i, v) in values.into_iter().enumerate() {
                    vars.push((crate::yaql::eval::index_name(i + 1), v));
                }
            }
            Ok(c.env.context_value(vars))
        }
        "assert" => {
            c.kind(Method)?;
            let obj = c.val(0)?;
            let cond = c.lambda(1)?;
            let message = match c.arg(2, "message")? {
                Some(v) => string(&v)?.to_string(),
                None => "Assertion failed".into(),
            };
            if !c.call_lambda(&cond, std::slice::from_ref(&obj))?.truthy() {
                return Err(runtime(message));
            }
            Ok(obj)
        }
        "def" => {
            c.kind(Func)?;
            c.exact(2)?;
            let name = string(&c.val(0)?)?;
            let body = match c.lambda(1)? {
                Lambda::Expr(e) => e.clone(),
                Lambda::Const(v) => Expr::Const(v),
            };
            Ok(c.env.define(name, body))
        }
        "call" => {
            c.kind(Func)?;
            c.max(3)?;
            let name = string(&c.val(0)?)?;
            let positional = match c.arg(1, "args")? {
                None => Vec::new(),
                Some(v) => items(&v).ok_or(CallErr::NoMatch)?,
            };
            let keywords = match c.arg(2, "kwargs")? {
                None => return Err(CallErr::NoMatch),
                Some(v) => dict_of(&v)?,
            };
            let mut args: Vec<Arg> = positional
                .into_iter()
                .map(|v| Arg::Pos(Expr::Const(v)))
                .collect();
            for (k, v) in keywords.iter() {
                let Value::Str(key) = k else {
                    return Err(CallErr::NoMatch);
                };
                args.push(Arg::Named(
                    Expr::Keyword(key.clone()),
                    Expr::Const(v.clone()),
                ));
            }
            Ok(call(c.env, &name, None, &args)?)
        }
        "switch" => {
            c.kind(Func)?;
            if c.n() > 0 {
                return Err(CallErr::NoMatch);
            }
            for (cond, value) in c.all_named() {
                if c.env.eval(cond)?.truthy() {
                    return Ok(c.env.eval(value)?);
                }
            }
            Ok(Value::Null)
        }
        "coalesce" => {
            c.kind(Func)?;
            for i in 0..c.n() {
                let v = c.val(i)?;
                if !matches!(v, Value::Null) {
                    return Ok(v);
                }
            }
            Ok(Value::Null)
        }
        "selectCase" => {
            c.kind(Func)?;
            for i in 0..c.n() {
                if c.val(i)?.truthy() {
                    return Ok(Value::Int(i as i128));
                }
            }
            Ok(Value::Int(c.n() as i128))
        }
        "selectAllCases" => {
            c.kind(Func)?;
            let mut out = Vec::new();
            for i in 0..c.n() {
                if c.val(i)?.truthy() {
                    out.push(Value::Int(i as i128));
                }
            }
            list(out)
        }
        "examine" => {
            c.kind(Func)?;
            let mut out = Vec::new();
            for i in 0..c.n() {
                out.push(Value::Bool(c.val(i)?.truthy()));
            }
            iter_val(out)
        }
        "switchCase" => {
            c.kind(Method)?;
            let case = int(&c.val(0)?)?;
            let n = c.n() as i128 - 1;
            if case >= 0 && case < n {
                return c.val(case as usize + 1);
            }
            if n > 0 {
                // Out of range: the last case is the default.
                return c.val(c.n() - 1);
            }
            Ok(Value::Null)
        }
        // ---- booleans and type checks
        "bool" => {
            c.kind(Func)?;
            c.exact(1)?;
            Ok(Value::Bool(c.val(0)?.truthy()))
        }
        "isBoolean" | "isString" | "isInteger" | "isNumber" | "isList" | "isDict" | "isSet"
        | "isDatetime" | "isTimespan" | "isRegex" | "isIterable" => {
            c.kind(Func)?;
            c.exact(1)?;
            let v = c.val(0)?;
            Ok(Value::Bool(match name {
                "isBoolean" => matches!(v, Value::Bool(_)),
                "isString" => matches!(v, Value::Str(_)),
                "isInteger" => matches!(v, Value::Int(_)),
                "isNumber" => is_number(&v),
                "isList" => matches!(v, Value::List(_) | Value::PyList(_)),
                "isDict" => matches!(v, Value::Dict(_)),
                "isSet" => matches!(v, Value::Set(_)),
                "isDatetime" => matches!(v, Value::DateTime(_)),
                "isTimespan" => matches!(v, Value::TimeSpan(_)),
                "isRegex" => matches!(v, Value::Regex(_)),
                _ => items(&v).is_some(),
            }))
        }
        // ---- conversions
        "str" => {
            c.kind(Func)?;
            c.exact(1)?;
            Ok(Value::str(&yaql_str(&c.val(0)?)))
        }
        "int" => {
            c.kind(Func)?;
            c.exact(1)?;
            to_int(&c.val(0)?)
        }
        "float" => {
            c.kind(Func)?;
            c.exact(1)?;
            to_float(&c.val(0)?)
        }
        // ---- math
        "abs" => {
            c.kind(Func)?;
            c.exact(1)?;
            match c.val(0)? {
                Value::Int(i) => Ok(Value::Int(i.abs())),
                Value::Float(f) => Ok(Value::Float(f.abs())),
                _ => Err(CallErr::NoMatch),
            }
        }
        "sign" => {
            c.kind(Func)?;
            c.exact(1)?;
            match c.val(0)? {
                Value::Int(i) => Ok(Value::Int(i.signum())),
                Value::Float(f) => Ok(Value::Int(if f > 0.0 {
                    1
                } else if f < 0.0 {
                    -1
                } else {
                    0
                })),
                _ => Err(CallErr::NoMatch),
            }
        }
        "round" => {
            c.kind(Func)?;
            c.max(2)?;
            let n = c.val(0)?;
            let digits = int_arg(c, 1, "ndigits", 0)?;
            round(&n, digits)
        }
        "pow" => {
            c.kind(Func)?;
            c.max(3)?;
            let a = c.val(0)?;
            let b = c.val(1)?;
            let m = c.opt(2)?;
            power(&a, &b, m.as_ref())
        }
        "bitwiseAnd" | "bitwiseOr" | "bitwiseXor" | "shiftBitsLeft" | "shiftBitsRight" => {
            c.kind(Func)?;
            c.exact(2)?;
            let a = int(&c.val(0)?)?;
            let b = int(&c.val(1)?)?;
            Ok(Value::Int(match name {
                "bitwiseAnd" => a & b,
                "bitwiseOr" => a | b,
                "bitwiseXor" => a ^ b,
                "shiftBitsLeft" => {
                    let shift = u32::try_from(b).map_err(|_| runtime("negative shift count"))?;
                    a.checked_shl(shift)
                        .ok_or_else(|| runtime("integer overflow"))?
                }
                _ => {
                    let shift = u32::try_from(b).map_err(|_| runtime("negative shift count"))?;
                    a >> shift.min(127)
                }
            }))
        }
        "bitwiseNot" => {
            c.kind(Func)?;
            c.exact(1)?;
            Ok(Value::Int(!int(&c.val(0)?)?))
        }
        "max" | "min" if c.receiver.is_none() => {
            c.exact(2)?;
            let a = c.val(0)?;
            let b = c.val(1)?;
            pick(name == "max", a, b)
        }
        "random" => {
            c.kind(Func)?;
            random(c)
        }
        // ---- strings, regex, dates, then collections
        _ => strings::dispatch(name, c)
            .or_else(|| time::dispatch(name, c))
            .unwrap_or_else(|| collections(name, c)),
    }
}

/// `max(a, b)` / `min(a, b)` through `#operator_>`.
fn pick(max: bool, a: Value, b: Value) -> R {
    let greater = matches!(compare_op(">", &b, &a)?, Value::Bool(true));
    Ok(if max == greater { b } else { a })
}

fn random(c: &Call) -> R {
    use std::time::{SystemTime, UNIX_EPOCH};
    // Not cryptographic; yaql uses Python's `random` module.
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    let seed = u64::from(nanos) ^ (uuid::Uuid::new_v4().as_u128() as u64);
    match c.n() {
        0 => Ok(Value::Float((seed >> 11) as f64 / (1u64 << 53) as f64)),
        2 => {
            let from = int(&c.val(0)?)?;
            let to = int(&c.val(1)?)?;
            if to < from {
                return Err(runtime("empty range for randrange()"));
            }
            let span = (to - from + 1) as u128;
            Ok(Value::Int(from + (u128::from(seed) % span) as i128))
        }
        _ => Err(CallErr::NoMatch),
    }
}

/// yaql's `str()`: `null`, `true`, `false`, else Python `str()` (tuples for
/// lists).
pub(crate) fn yaql_str(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(true) => "true".into(),
        Value::Bool(false) => "false".into(),
        other => other.to_yaql_repr_str(),
    }
}

fn to_int(v: &Value) -> R {
    match v {
        Value::Null => Ok(Value::Int(0)),
        Value::Bool(b) => Ok(Value::Int(i128::from(*b))),
        Value::Int(_) => Ok(v.clone()),
        Value::Float(f) => {
            if f.is_finite() {
                Ok(Value::Int(f.trunc() as i128))
            } else if f.is_nan() {
                Err(runtime("cannot convert float NaN to integer"))
            } else {
                Err(runtime("cannot convert float infinity to integer"))
            }
        }
        Value::Str(s) => {
            let t = s.trim().replace('_', "");
            let t = t.strip_prefix('+').unwrap_or(&t);
            t.parse::<i128>().map(Value::Int).map_err(|_| {
                runtime(format!(
                    "invalid literal for int() with base 10: {}",
                    super::value::py_str_repr(s)
                ))
            })
        }
        other => Err(runtime(format!(
            "int() argument must be a string, a bytes-like object or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

fn to_float(v: &Value) -> R {
    match v {
        Value::Null => Ok(Value::Float(0.0)),
        Value::Bool(b) => Ok(Value::Float(f64::from(u8::from(*b)))),
        Value::Int(i) => Ok(Value::Float(*i as f64)),
        Value::Float(_) => Ok(v.clone()),
        Value::Str(s) => {
            let t = s.trim();
            let lower = t.to_ascii_lowercase();
            let parsed = match lower.trim_start_matches(['+', '-']) {
                "inf" | "infinity" => Some(if lower.starts_with('-') {
                    f64::NEG_INFINITY
                } else {
                    f64::INFINITY
                }),
                "nan" => Some(f64::NAN),
                _ if t
                    .chars()
                    .all(|c| c.is_ascii_digit() || "+-.eE_".contains(c))
                    && !t.is_empty() =>
                {
                    t.replace('_', "").parse::<f64>().ok()
                }
                _ => None,
            };
            parsed.map(Value::Float).ok_or_else(|| {
                runtime(format!(
                    "could not convert string to float: {}",
                    super::value::py_str_repr(s)
                ))
            })
        }
        other => Err(runtime(format!(
            "float() argument must be a string or a real number, not '{}'",
            other.type_name()
        ))),
    }
}

/// Python `round(number, ndigits)` (round half to even).
fn round(n: &Value, digits: i128) -> R {
    match n {
        Value::Int(i) => {
            if digits >= 0 {
                return Ok(Value::Int(*i));
            }
            let p = 10i128
                .checked_pow(u32::try_from(-digits).unwrap_or(u32::MAX))
                .unwrap_or(i128::MAX);
            let q = py_floordiv(*i, p).unwrap_or(0);
            let r = i - q * p;
            let twice = 2 * r;
            let q = if twice > p || (twice == p && q % 2 != 0) {
                q + 1
            } else {
                q
            };
            Ok(Value::Int(q * p))
        }
        Value::Float(f) => {
            let digits = i32::try_from(digits.clamp(-400, 400)).unwrap_or(0);
            Ok(Value::Float(round_half_even(*f, digits)))
        }
        _ => Err(CallErr::NoMatch),
    }
}

fn round_half_even(f: f64, digits: i32) -> f64 {
    if !f.is_finite() {
        return f;
    }
    // Python rounds the exact decimal value; formatting with enough digits
    // and parsing back gives the correctly rounded result for halves too.
    if digits >= 0 {
        let text = format!("{:.*}", digits as usize, f);
        // Rust's formatting rounds half to even on the exact binary value,
        // which is what Python's round() does.
        text.parse().unwrap_or(f)
    } else {
        let p = 10f64.powi(-digits);
        let scaled = f / p;
        let r = scaled.round();
        let r = if (scaled - scaled.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
            r - scaled.signum()
        } else {
            r
        };
        r * p
    }
}

fn power(a: &Value, b: &Value, m: Option<&Value>) -> R {
    if !is_number(a) || !is_number(b) {
        return Err(CallErr::NoMatch);
    }
    if let Some(m) = m {
        if matches!(m, Value::Null) {
            return power(a, b, None);
        }
        let (Value::Int(base), Value::Int(exp), Value::Int(modulus)) = (a, b, m) else {
            return Err(runtime(
                "pow() 3rd argument not allowed unless all arguments are integers",
            ));
        };
        if *modulus == 0 {
            return Err(runtime("pow() 3rd argument cannot be 0"));
        }
        if *exp < 0 {
            return Err(runtime("base is not invertible for the given modulus"));
        }
        let mut result: i128 = 1;
        let mut base = base.rem_euclid(*modulus);
        let mut exp = *exp;
        while exp > 0 {
            if exp & 1 == 1 {
                result = (result * base).rem_euclid(*modulus);
            }
            base = (base * base).rem_euclid(*modulus);
            exp >>= 1;
        }
        return Ok(Value::Int(result));
    }
    match (a, b) {
        (Value::Int(x), Value::Int(y)) if *y >= 0 => {
            let y = u32::try_from(*y).map_err(|_| runtime("integer overflow"))?;
            x.checked_pow(y)
                .map(Value::Int)
                .ok_or_else(|| runtime("integer overflow"))
        }
        _ => {
            let x = a.as_f64().unwrap_or(0.0);
            let y = b.as_f64().unwrap_or(0.0);
            if x == 0.0 && y < 0.0 {
                return Err(runtime("0.0 cannot be raised to a negative power"));
            }
            let r = x.powf(y);
            if r.is_nan() && !x.is_nan() && !y.is_nan() {
                return Err(runtime("math domain error"));
            }
            Ok(Value::Float(r))
        }
    }
}

// ---------------------------------------------------------------- Mistral

fn json_in(v: &Value) -> serde_json::Value {
    v.to_json()
}

fn mistral(name: &str, c: &Call) -> R {
    let host_err = |e: String| runtime(e);
    match name {
        "env" => {
            c.exact(0)?;
            Ok(c.env.var("__env")?)
        }
        "uuid" => {
            c.exact(0)?;
            Ok(Value::str(&crate::functions::uuid()))
        }
        "json_dump" => {
            c.exact(1)?;
            Ok(Value::str(&crate::functions::json_dump(&json_in(
                &c.val(0)?,
            ))))
        }
        "yaml_dump" => {
            c.exact(1)?;
            Ok(Value::str(&crate::functions::yaml_dump(&json_in(
                &c.val(0)?,
            ))))
        }
        "json_parse" | "yaml_parse" => {
            c.exact(1)?;
            let text = match c.val(0)? {
                Value::Str(s) => s,
                other => {
                    return Err(runtime(if name == "json_parse" {
                        format!(
                            "the JSON object must be str, bytes or bytearray, not {}",
                            other.type_name()
                        )
                    } else {
                        "expected a string or stream input".to_string()
                    }));
                }
            };
            let parsed = if name == "json_parse" {
                crate::functions::json_parse(&text).map_err(runtime)?
            } else {
                let budget = c.env.budget;
                let max_items = budget.limits().max_bytes / crate::limits::ITEM_BYTES;
                use crate::functions::YamlParseError as E;
                match crate::functions::yaml_parse_within(
                    &text,
                    budget.limits().max_depth,
                    max_items,
                ) {
                    Ok(v) => v,
                    Err(E::Text(message)) => return Err(runtime(message)),
                    Err(E::TooDeep) => return Err(budget.too_deep().into()),
                    // Counting it all goes past the byte limit.
                    Err(E::TooBig) => {
                        return Err(budget
                            .bytes(u64::MAX)
                            .err()
                            .map_or(CallErr::NoMatch, Into::into));
                    }
                }
            };
            Ok(c.env.json(&parsed)?)
        }
        "task" => {
            c.max(1)?;
            let name = match c.arg(0, "task_name")? {
                None | Some(Value::Null) => None,
                Some(Value::Str(s)) => Some(s),
                Some(other) => Some(Arc::from(yaql_str(&other).as_str())),
            };
            let found = c.env.host.task(name.as_deref()).map_err(host_err)?;
            Ok(match found {
                Some(j) => c.env.json(&j)?,
                None => Value::Null,
            })
        }
        "tasks" => {
            c.max(4)?;
            let opt_str = |v: Option<Value>| match v {
                None | Some(Value::Null) => None,
                Some(v) => Some(match v {
                    Value::Str(s) => s.to_string(),
                    other => yaql_str(&other),
                }),
            };
            let id = opt_str(c.arg(0, "workflow_execution_id")?);
            let recursive = c.arg(1, "recursive")?.is_some_and(|v| v.truthy());
            let state = opt_str(c.arg(2, "state")?);
            let flat = c.arg(3, "flat")?.is_some_and(|v| v.truthy());
            let found = c
                .env
                .host
                .tasks(id.as_deref(), recursive, state.as_deref(), flat)
                .map_err(host_err)?;
            Ok(c.env.json(&found)?)
        }
        "execution" => {
            c.exact(0)?;
            Ok(c.env.json(&c.env.host.execution().map_err(host_err)?)?)
        }
        "executions" => {
            c.max(5)?;
            let opt_str = |v: Option<Value>| match v {
                None | Some(Value::Null) => None,
                Some(Value::Str(s)) => Some(s.to_string()),
                Some(other) => Some(yaql_str(&other)),
            };
            let filter = crate::functions::ExecutionsFilter {
                id: opt_str(c.arg(0, "id")?),
                root_execution_id: opt_str(c.arg(1, "root_execution_id")?),
                state: opt_str(c.arg(2, "state")?),
                from_time: opt_str(c.arg(3, "from_time")?),
                to_time: opt_str(c.arg(4, "to_time")?),
            };
            Ok(c.env
                .json(&c.env.host.executions(&filter).map_err(host_err)?)?)
        }
        _ => {
            // "global"
            c.exact(1)?;
            let var = match c.val(0)? {
                Value::Str(s) => s.to_string(),
                other => yaql_str(&other),
            };
            let found = c.env.host.global(&var).map_err(host_err)?;
            Ok(match found {
                Some(j) => c.env.json(&j)?,
                None => Value::Null,
            })
        }
    }
}

// ---------------------------------------------------------------- collections

mod collections_impl;
use collections_impl::collections;
