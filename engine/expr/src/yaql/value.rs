//! YAQL's runtime values and their conversions to and from JSON and Python
//! text forms.
//!
//! yaql works on Python objects; the ones an expression can meet are modelled
//! here. Equality and hashing follow Python (`1 == 1.0 == true`), since
//! `distinct()`, sets and dict keys depend on it. Lists stand for both
//! Python lists and tuples (yaql freezes input lists to tuples and builds
//! tuples itself); [`Value::to_python_str`] prints them as Mistral's output
//! conversion would (lists), [`Value::to_yaql_str`] as yaql's own `str()` does
//! (tuples).

use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::sync::Arc;

use chrono::{DateTime, FixedOffset, TimeDelta};
use indexmap::{IndexMap, IndexSet};

/// Deepest JSON the evaluator converts (serde_json's parser limit).
pub const JSON_DEPTH_CEILING: usize = 128;

/// A dict: keys are any hashable value, insertion order is kept.
pub type Dict = IndexMap<Value, Value, foldhash::fast::RandomState>;
/// A set: insertion order is kept (Python's order is hash-based; Mistral's
/// output of a set is unordered anyway).
pub type Set = IndexSet<Value, foldhash::fast::RandomState>;

/// A YAQL runtime value.
#[derive(Debug, Clone)]
pub enum Value {
    Null,
    Bool(bool),
    /// Python ints are unbounded; i128 covers every literal and product the
    /// workflows meet (overflow is an error, not a wrap).
    Int(i128),
    Float(f64),
    Str(Arc<str>),
    /// A Python tuple: what yaql makes of input lists and list literals.
    List(Arc<Vec<Value>>),
    /// A Python list, as some functions return (`split()`, `splitAt()`,
    /// `enumerate()` pairs, ...): unhashable, shown with brackets, and never
    /// equal to a tuple.
    PyList(Arc<Vec<Value>>),
    Dict(Arc<Dict>),
    Set(Arc<Set>),
    /// `dict.items()`: a set-like view of pairs (its output conversion fails
    /// in Mistral, as a set of lists is unhashable).
    Items(Arc<Vec<Value>>),
    DateTime(DateTime<FixedOffset>),
    TimeSpan(TimeDelta),
    Regex(Arc<regex::Regex>),
    /// A yaql context object, as returned by `let()`, `with()`, `unpack()`
    /// and consumed by `->`.
    Context(Arc<super::eval::Scope>),
    /// A generator's output (from `select`, `where`, ...), computed eagerly.
    /// It iterates like a list but is not a sequence: it cannot be indexed,
    /// `list()` and `set()` flatten it, and it equals only itself.
    Iter(Arc<Vec<Value>>),
    /// The result of `orderBy`: a generator that remembers its sort keys so
    /// `thenBy` can refine the order.
    Ordered(Arc<Ordered>),
    /// An endless generator (`sequence()`, `repeat()`, `cycle()`).
    Lazy(Arc<Lazy>),
    /// A generator that yields `items` and then raises `error`: what a lazy
    /// `select`/`where`/... is when one of its lambda calls fails. The error
    /// surfaces only when a consumer reaches it, as in yaql.
    Failing(Arc<Failing>),
}

/// The items a failing generator yields before its error.
#[derive(Debug)]
pub struct Failing {
    pub items: Vec<Value>,
    pub error: super::YaqlError,
}

/// Items sorted by `orderBy`/`thenBy`, with each item's keys.
#[derive(Debug)]
pub struct Ordered {
    pub items: Vec<Value>,
    /// Per item, its key for each ordering level.
    pub keys: Vec<Vec<Value>>,
    /// Per level, whether it sorts descending.
    pub descending: Vec<bool>,
}

/// An endless generator.
#[derive(Debug)]
pub enum Lazy {
    /// `start, start + step, ...`
    Count {
        start: i128,
        step: i128,
    },
    Repeat(Value),
    Cycle(Vec<Value>),
}

impl Lazy {
    /// The `i`-th item.
    pub fn nth(&self, i: usize) -> Value {
        match self {
            Lazy::Count { start, step } => {
                Value::Int(start.saturating_add(step.saturating_mul(i as i128)))
            }
            Lazy::Repeat(v) => v.clone(),
            Lazy::Cycle(items) => items
                .get(i % items.len().max(1))
                .cloned()
                .unwrap_or(Value::Null),
        }
    }
}

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(Arc::from(s))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Arc::new(items))
    }

    /// Python truthiness.
    pub fn truthy(&self) -> bool {
        match self {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Int(i) => *i != 0,
            Value::Float(f) => *f != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::List(l) | Value::PyList(l) | Value::Items(l) => !l.is_empty(),
            Value::Dict(d) => !d.is_empty(),
            Value::Set(s) => !s.is_empty(),
            Value::TimeSpan(t) => !t.is_zero(),
            Value::Iter(_) | Value::Ordered(_) | Value::Lazy(_) | Value::Failing(_) => true,
            Value::DateTime(_) | Value::Regex(_) | Value::Context(_) => true,
        }
    }

    /// The numeric value of a bool, int or float (Python's numeric tower).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Bool(b) => Some(f64::from(u8::from(*b))),
            Value::Int(i) => Some(*i as f64),
            Value::Float(f) => Some(*f),
            _ => None,
        }
    }

    /// The Python type name, used in some error messages.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Null => "NoneType",
            Value::Bool(_) => "bool",
            Value::Int(_) => "int",
            Value::Float(_) => "float",
            Value::Str(_) => "str",
            Value::List(_) => "tuple",
            Value::PyList(_) => "list",
            Value::Dict(_) => "FrozenDict",
            Value::Set(_) => "frozenset",
            Value::Items(_) => "dict_items",
            Value::DateTime(_) => "datetime.datetime",
            Value::TimeSpan(_) => "datetime.timedelta",
            Value::Regex(_) => "re.Pattern",
            Value::Context(_) => "Context",
            Value::Iter(_) | Value::Ordered(_) | Value::Lazy(_) | Value::Failing(_) => "generator",
        }
    }

    /// Converts JSON input the way yaql's `convert_input_data` does (lists
    /// become tuples, objects frozen dicts).
    ///
    /// Recursive: JSON from outside should have gone through
    /// [`crate::limits::check_depth`] (the evaluator uses
    /// [`Value::from_json_within`]).
    pub fn from_json(json: &serde_json::Value) -> Value {
        match json {
            serde_json::Value::Null => Value::Null,
            serde_json::Value::Bool(b) => Value::Bool(*b),
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Value::Int(i128::from(i))
                } else if let Some(u) = n.as_u64() {
                    Value::Int(i128::from(u))
                } else {
                    Value::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            serde_json::Value::String(s) => Value::str(s),
            serde_json::Value::Array(items) => {
                Value::list(items.iter().map(Value::from_json).collect())
            }
            serde_json::Value::Object(map) => Value::Dict(Arc::new(
                map.iter()
                    .map(|(k, v)| (Value::str(k), Value::from_json(v)))
                    .collect(),
            )),
        }
    }

    /// [`Value::from_json`] that counts the items it converts into `items`
    /// and refuses JSON nested deeper than [`JSON_DEPTH_CEILING`] (what
    /// serde_json's parser accepts), so the recursion stays bounded.
    pub fn from_json_within(
        json: &serde_json::Value,
        items: &mut u64,
    ) -> Result<Value, crate::limits::LimitError> {
        /// Returns the value directly (a too-deep part is noted in
        /// `too_deep` and left null): wrapping every item in an `Option`
        /// made each one cost a round of moves and a store-forwarding stall.
        fn convert(
            json: &serde_json::Value,
            items: &mut u64,
            level: usize,
            too_deep: &mut bool,
        ) -> Value {
            match json {
                serde_json::Value::Array(list) => {
                    if level >= JSON_DEPTH_CEILING {
                        *too_deep = true;
                        return Value::Null;
                    }
                    *items += list.len() as u64;
                    let mut out = Vec::with_capacity(list.len());
                    for item in list {
                        out.push(convert(item, items, level + 1, too_deep));
                    }
                    Value::list(out)
                }
                serde_json::Value::Object(map) => {
                    if level >= JSON_DEPTH_CEILING {
                        *too_deep = true;
                        return Value::Null;
                    }
                    *items += 2 * map.len() as u64;
                    let mut out = Dict::with_capacity_and_hasher(map.len(), Default::default());
                    for (k, v) in map {
                        out.insert(Value::str(k), convert(v, items, level + 1, too_deep));
                    }
                    Value::Dict(Arc::new(out))
                }
                scalar => Value::from_json(scalar),
            }
        }
        let mut too_deep = false;
        let value = convert(json, items, 0, &mut too_deep);
        if too_deep {
            return Err(crate::limits::LimitError::new(
                crate::limits::LimitKind::ValueDepth(JSON_DEPTH_CEILING),
            ));
        }
        Ok(value)
    }

    /// How deeply the value nests and how many items it holds once
    /// expanded (a shared part counts each time it appears, as it would in
    /// JSON; a string inside counts one item per 32 bytes); `None` when it nests deeper than `max_depth` levels (a scalar
    /// is 0 deep, `[1]` is 1 deep). Generators, sets, dicts (keys too),
    /// endless generators and context objects count as levels.
    ///
    /// Iterative, and each collection holding collections is measured once
    /// per call however often it is shared (`[$x, $x, ...]`, or a fold
    /// that keeps doubling its accumulator), so the walk is linear in the
    /// distinct parts of the value while the expanded size can be
    /// exponential.
    pub fn measure(&self, max_depth: usize) -> Option<u64> {
        if !self.is_collection() {
            return Some(0);
        }
        if max_depth == 0 {
            return None;
        }
        if let Some(items) = self.flat_items() {
            return Some(items);
        }
        /// A collection being measured: next child, height of the tallest
        /// child so far (0: only scalars), items so far.
        struct Frame<'v> {
            value: &'v Value,
            next: usize,
            tallest: usize,
            items: u64,
        }
        let frame = |value| Frame {
            value,
            next: 0,
            tallest: 0,
            items: 0,
        };
        let mut seen: std::collections::HashMap<usize, (usize, u64)> =
            std::collections::HashMap::new();
        let mut stack = vec![frame(self)];
        while let Some(top) = stack.last_mut() {
            let i = top.next;
            top.next += 1;
            match top.value.child(i) {
                Some(child) => {
                    // A string counts as the items its bytes would fill,
                    // so sharing one big string many times counts too.
                    let units = match child {
                        Value::Str(s) => 1 + s.len() as u64 / crate::limits::ITEM_BYTES,
                        _ => 1,
                    };
                    top.items = top.items.saturating_add(units);
                    if !child.is_collection() {
                        continue;
                    }
                    if let Some(&(height, items)) = seen.get(&child.address()) {
                        top.tallest = top.tallest.max(height);
                        top.items = top.items.saturating_add(items);
                        if stack.len() + height > max_depth {
                            return None;
                        }
                        continue;
                    }
                    if stack.len() >= max_depth {
                        return None;
                    }
                    stack.push(frame(child));
                }
                None => {
                    let Some(done) = stack.pop() else { break };
                    let height = done.tallest + 1;
                    // Large or nesting collections are remembered: met
                    // again, they are not walked again.
                    if done.tallest > 0 || done.next > 16 {
                        seen.insert(done.value.address(), (height, done.items));
                    }
                    match stack.last_mut() {
                        Some(parent) => {
                            parent.tallest = parent.tallest.max(height);
                            parent.items = parent.items.saturating_add(done.items);
                        }
                        None => return Some(done.items),
                    }
                }
            }
        }
        Some(0)
    }

    /// [`Value::measure`] of a list, set, dict or generator holding no
    /// collection (the usual result): counted in one pass, without the
    /// walk's stack and table. `None` for anything else.
    fn flat_items(&self) -> Option<u64> {
        fn count<'v>(values: impl Iterator<Item = &'v Value>) -> Option<u64> {
            let mut total: u64 = 0;
            for value in values {
                let units = match value {
                    Value::Str(s) => 1 + s.len() as u64 / crate::limits::ITEM_BYTES,
                    v if v.is_collection() => return None,
                    _ => 1,
                };
                total = total.saturating_add(units);
            }
            Some(total)
        }
        match self {
            Value::List(items)
            | Value::PyList(items)
            | Value::Items(items)
            | Value::Iter(items) => count(items.iter()),
            Value::Set(set) => count(set.iter()),
            Value::Dict(map) => count(map.iter().flat_map(|(k, v)| [k, v])),
            Value::Ordered(o) => count(o.items.iter()),
            Value::Failing(f) => count(f.items.iter()),
            _ => None,
        }
    }

    /// The address of a collection's shared contents (what identifies it
    /// while the value is alive).
    fn address(&self) -> usize {
        match self {
            Value::List(a) | Value::PyList(a) | Value::Items(a) | Value::Iter(a) => {
                Arc::as_ptr(a) as usize
            }
            Value::Set(a) => Arc::as_ptr(a) as usize,
            Value::Dict(a) => Arc::as_ptr(a) as usize,
            Value::Ordered(a) => Arc::as_ptr(a) as usize,
            Value::Failing(a) => Arc::as_ptr(a) as usize,
            Value::Lazy(a) => Arc::as_ptr(a) as usize,
            Value::Context(a) => Arc::as_ptr(a) as usize,
            other => std::ptr::from_ref(other) as usize,
        }
    }

    /// Whether the value holds other values (and so nests).
    fn is_collection(&self) -> bool {
        matches!(
            self,
            Value::List(_)
                | Value::PyList(_)
                | Value::Items(_)
                | Value::Iter(_)
                | Value::Set(_)
                | Value::Dict(_)
                | Value::Ordered(_)
                | Value::Failing(_)
                | Value::Lazy(_)
                | Value::Context(_)
        )
    }

    /// The `i`-th value held (dicts: keys at even, values at odd indexes).
    fn child(&self, i: usize) -> Option<&Value> {
        match self {
            Value::List(items)
            | Value::PyList(items)
            | Value::Items(items)
            | Value::Iter(items) => items.get(i),
            Value::Set(set) => set.get_index(i),
            Value::Dict(map) => map
                .get_index(i / 2)
                .map(|(k, v)| if i.is_multiple_of(2) { k } else { v }),
            Value::Ordered(o) => o.items.get(i),
            Value::Failing(f) => f.items.get(i),
            Value::Lazy(lazy) => match lazy.as_ref() {
                Lazy::Repeat(v) => (i == 0).then_some(v),
                Lazy::Cycle(items) => items.get(i),
                Lazy::Count { .. } => None,
            },
            Value::Context(scope) => scope.var_at(i),
            _ => None,
        }
    }

    /// The number of items a collection holds (dict entries count twice),
    /// and the bytes of a string: what building the value cost, not counting
    /// the values inside.
    pub fn shallow_size(&self) -> (u64, u64) {
        match self {
            Value::Str(s) => (0, s.len() as u64),
            Value::List(items)
            | Value::PyList(items)
            | Value::Items(items)
            | Value::Iter(items) => (items.len() as u64, 0),
            Value::Set(set) => (set.len() as u64, 0),
            Value::Dict(map) => (2 * map.len() as u64, 0),
            Value::Ordered(o) => ((o.items.len() * (1 + o.descending.len())) as u64, 0),
            Value::Failing(f) => (f.items.len() as u64, 0),
            Value::Lazy(lazy) => match lazy.as_ref() {
                Lazy::Cycle(items) => (items.len() as u64, 0),
                _ => (1, 0),
            },
            Value::Context(scope) => (1 + scope.len() as u64, 0),
            _ => (0, 0),
        }
    }

    /// Mistral's output conversion: tuples and sets become lists, datetimes
    /// their `isoformat()`, timespans total seconds, non-string keys strings
    /// (as `json.dumps` writes them).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => {
                if let Ok(small) = i64::try_from(*i) {
                    J::from(small)
                } else if let Ok(unsigned) = u64::try_from(*i) {
                    J::from(unsigned)
                } else {
                    // Beyond JSON's integer range: the nearest float.
                    serde_json::Number::from_f64(*i as f64).map_or(J::Null, J::Number)
                }
            }
            Value::Float(f) => match serde_json::Number::from_f64(*f) {
                Some(n) => J::Number(n),
                None => J::String(crate::python::float_repr(*f)),
            },
            Value::Str(s) => J::String(s.to_string()),
            Value::List(items) | Value::PyList(items) | Value::Items(items) => {
                J::Array(items.iter().map(Value::to_json).collect())
            }
            Value::Set(items) => J::Array(
                super::pyset::output_order(items)
                    .into_iter()
                    .map(Value::to_json)
                    .collect(),
            ),
            Value::Dict(map) => J::Object(
                map.iter()
                    .map(|(k, v)| (k.json_key(), v.to_json()))
                    .collect(),
            ),
            Value::DateTime(dt) => J::String(isoformat(dt, 'T')),
            Value::TimeSpan(t) => {
                let secs = t
                    .num_microseconds()
                    .map_or(t.num_seconds() as f64, |us| us as f64 / 1_000_000.0);
                serde_json::Number::from_f64(secs).map_or(J::Null, J::Number)
            }
            Value::Regex(r) => J::String(r.as_str().to_string()),
            Value::Iter(items) => J::Array(items.iter().map(Value::to_json).collect()),
            Value::Ordered(o) => J::Array(o.items.iter().map(Value::to_json).collect()),
            Value::Context(_) | Value::Lazy(_) | Value::Failing(_) => J::Null,
        }
    }

    /// A dict key as `json.dumps` writes it.
    fn json_key(&self) -> String {
        match self {
            Value::Str(s) => s.to_string(),
            Value::Null => "null".into(),
            Value::Bool(true) => "true".into(),
            Value::Bool(false) => "false".into(),
            Value::Int(i) => i.to_string(),
            Value::Float(f) => crate::python::float_repr(*f),
            other => other.to_python_str(),
        }
    }

    /// Python `str()` of the value after Mistral's output conversion: what
    /// splicing into text shows (`True`, `None`, `[1, 2]`, `{'x': 1}`).
    pub fn to_python_str(&self) -> String {
        let mut out = String::new();
        self.write_py(&mut out, false, true, usize::MAX);
        out
    }

    /// Python `str()` of the value as yaql holds it (input lists are tuples:
    /// `(1, 2)`), used by yaql's error messages.
    pub fn to_yaql_repr_str(&self) -> String {
        let mut out = String::new();
        self.write_py(&mut out, false, false, usize::MAX);
        out
    }

    /// [`Value::to_yaql_repr_str`] for an error message: cut after about
    /// 1,000 characters (with `...`), so a huge value does not make a huge
    /// message.
    pub fn to_message_str(&self) -> String {
        const CAP: usize = 1000;
        let mut out = String::new();
        self.write_py(&mut out, false, false, CAP);
        if out.len() >= CAP {
            let cut = (0..=CAP)
                .rev()
                .find(|&i| out.is_char_boundary(i))
                .unwrap_or(0);
            out.truncate(cut);
            out.push_str("...");
        }
        out
    }

    /// Python `repr()` inside containers (`'a'`), `str()` at the top level.
    /// Writing stops (leaving a cut text) once `out` holds `cap` bytes.
    fn write_py(&self, out: &mut String, nested: bool, lists: bool, cap: usize) {
        if out.len() >= cap {
            return;
        }
        match self {
            Value::Null => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::Float(f) => out.push_str(&crate::python::float_repr(*f)),
            Value::Str(s) => {
                if nested {
                    out.push_str(&crate::python::str_repr(s));
                } else {
                    out.push_str(s);
                }
            }
            Value::List(items) | Value::PyList(items) => {
                let brackets = lists || matches!(self, Value::PyList(_));
                let (open, close) = if brackets { ('[', ']') } else { ('(', ')') };
                out.push(open);
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_py(out, true, lists, cap);
                }
                if !brackets && items.len() == 1 {
                    out.push(',');
                }
                out.push(close);
            }
            Value::Items(items) => {
                out.push_str("dict_items([");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_py(out, true, false, cap);
                }
                out.push_str("])");
            }
            Value::Set(items) => {
                if items.is_empty() {
                    out.push_str(if lists { "set()" } else { "frozenset()" });
                    return;
                }
                if !lists {
                    out.push_str("frozenset(");
                }
                out.push('{');
                let ordered: Vec<&Value> = if lists {
                    super::pyset::output_order(items)
                } else {
                    items.iter().collect()
                };
                for (i, item) in ordered.into_iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    item.write_py(out, true, lists, cap);
                }
                out.push('}');
                if !lists {
                    out.push(')');
                }
            }
            Value::Dict(map) => {
                out.push('{');
                for (i, (k, v)) in map.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    k.write_py(out, true, lists, cap);
                    out.push_str(": ");
                    v.write_py(out, true, lists, cap);
                }
                out.push('}');
            }
            Value::DateTime(dt) => {
                if nested {
                    out.push_str(&datetime_repr(dt));
                } else {
                    out.push_str(&isoformat(dt, ' '));
                }
            }
            Value::TimeSpan(t) => {
                if nested {
                    out.push_str(&timedelta_repr(t));
                } else {
                    out.push_str(&timedelta_str(t));
                }
            }
            Value::Regex(r) => {
                let _ = write!(out, "re.compile({})", crate::python::str_repr(r.as_str()));
            }
            Value::Context(_) => out.push_str("<yaql.language.contexts.Context object at 0x...>"),
            Value::Iter(items) if lists => {
                Value::List(items.clone()).write_py(out, nested, lists, cap)
            }
            Value::Ordered(o) if lists => {
                Value::List(Arc::new(o.items.clone())).write_py(out, nested, lists, cap)
            }
            Value::Iter(_) | Value::Lazy(_) | Value::Failing(_) => {
                out.push_str("<generator object at 0x...>")
            }
            Value::Ordered(_) => {
                out.push_str("<yaql.standard_library.queries.OrderingIterable object at 0x...>")
            }
        }
    }
}

/// Python `datetime.isoformat(sep)`.
pub fn isoformat(dt: &DateTime<FixedOffset>, sep: char) -> String {
    let micros = dt.timestamp_subsec_micros();
    let base = if micros == 0 {
        dt.format(&format!("%Y-%m-%d{sep}%H:%M:%S")).to_string()
    } else {
        format!(
            "{}.{micros:06}",
            dt.format(&format!("%Y-%m-%d{sep}%H:%M:%S"))
        )
    };
    format!("{base}{}", dt.format("%:z"))
}

/// Python `repr(datetime)` of yaql's timezone-aware datetimes.
fn datetime_repr(dt: &DateTime<FixedOffset>) -> String {
    use chrono::{Datelike, Timelike};
    let mut out = format!(
        "datetime.datetime({}, {}, {}, {}, {}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute()
    );
    let micros = dt.timestamp_subsec_micros();
    if dt.second() != 0 || micros != 0 {
        let _ = write!(out, ", {}", dt.second());
    }
    if micros != 0 {
        let _ = write!(out, ", {micros}");
    }
    let offset = dt.offset().local_minus_utc();
    if offset == 0 {
        out.push_str(", tzinfo=tzutc())");
    } else {
        let _ = write!(out, ", tzinfo=tzoffset(None, {offset}))");
    }
    out
}

/// Python `repr(timedelta)`.
fn timedelta_repr(t: &TimeDelta) -> String {
    let total_us = t.num_microseconds().unwrap_or(i64::MAX);
    let days = total_us.div_euclid(86_400_000_000);
    let rem = total_us.rem_euclid(86_400_000_000);
    let (secs, micros) = (rem / 1_000_000, rem % 1_000_000);
    let mut parts = Vec::new();
    if days != 0 {
        parts.push(format!("days={days}"));
    }
    if secs != 0 {
        parts.push(format!("seconds={secs}"));
    }
    if micros != 0 {
        parts.push(format!("microseconds={micros}"));
    }
    if parts.is_empty() {
        return "datetime.timedelta(0)".into();
    }
    format!("datetime.timedelta({})", parts.join(", "))
}

/// Python `str(timedelta)`.
pub fn timedelta_str(t: &TimeDelta) -> String {
    let total_us = t.num_microseconds().unwrap_or(i64::MAX);
    let days = total_us.div_euclid(86_400_000_000);
    let rem = total_us.rem_euclid(86_400_000_000);
    let secs = rem / 1_000_000;
    let micros = rem % 1_000_000;
    let mut out = String::new();
    if days != 0 {
        let plural = if days.abs() == 1 { "" } else { "s" };
        let _ = write!(out, "{days} day{plural}, ");
    }
    let _ = write!(
        out,
        "{}:{:02}:{:02}",
        secs / 3600,
        (secs / 60) % 60,
        secs % 60
    );
    if micros != 0 {
        let _ = write!(out, ".{micros:06}");
    }
    out
}

impl PartialEq for Value {
    /// Python `==`.
    fn eq(&self, other: &Self) -> bool {
        use Value::*;
        match (self, other) {
            (Null, Null) => true,
            (Str(a), Str(b)) => a == b,
            (Int(a), Int(b)) => a == b,
            (Bool(a), Bool(b)) => a == b,
            (Bool(_) | Int(_) | Float(_), Bool(_) | Int(_) | Float(_)) => match (self, other) {
                (Float(_), _) | (_, Float(_)) => self.as_f64() == other.as_f64(),
                _ => num_int(self) == num_int(other),
            },
            (List(a), List(b)) | (PyList(a), PyList(b)) | (Items(a), Items(b)) => a == b,
            (Dict(a), Dict(b)) => a.len() == b.len() && a.iter().all(|(k, v)| b.get(k) == Some(v)),
            (Set(a), Set(b)) => a.len() == b.len() && a.iter().all(|k| b.contains(k)),
            (DateTime(a), DateTime(b)) => a == b,
            (TimeSpan(a), TimeSpan(b)) => a == b,
            (Regex(a), Regex(b)) => a.as_str() == b.as_str(),
            (Context(a), Context(b)) => Arc::ptr_eq(a, b),
            (Iter(a), Iter(b)) => Arc::ptr_eq(a, b),
            (Ordered(a), Ordered(b)) => Arc::ptr_eq(a, b),
            (Lazy(a), Lazy(b)) => Arc::ptr_eq(a, b),
            (Failing(a), Failing(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

fn num_int(v: &Value) -> i128 {
    match v {
        Value::Bool(b) => i128::from(*b),
        Value::Int(i) => *i,
        _ => 0,
    }
}

impl Eq for Value {}

impl Hash for Value {
    /// Consistent with Python `==`: equal numbers of any type hash alike,
    /// dicts and sets hash independently of order.
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            Value::Null => 0u8.hash(state),
            Value::Bool(b) => i128::from(*b).hash(state),
            Value::Int(i) => i.hash(state),
            Value::Float(f) => {
                if f.fract() == 0.0 && f.abs() < 1e30 {
                    (*f as i128).hash(state);
                } else {
                    f.to_bits().hash(state);
                }
            }
            Value::Str(s) => s.hash(state),
            Value::List(items) | Value::PyList(items) | Value::Items(items) => {
                1u8.hash(state);
                items.hash(state);
            }
            Value::Dict(map) => {
                let mut acc = 0u64;
                for (k, v) in map.iter() {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    k.hash(&mut h);
                    v.hash(&mut h);
                    acc ^= h.finish();
                }
                acc.hash(state);
            }
            Value::Set(items) => {
                let mut acc = 0u64;
                for k in items.iter() {
                    let mut h = std::collections::hash_map::DefaultHasher::new();
                    k.hash(&mut h);
                    acc ^= h.finish();
                }
                acc.hash(state);
            }
            Value::DateTime(dt) => dt.hash(state),
            Value::TimeSpan(t) => t.hash(state),
            Value::Regex(r) => r.as_str().hash(state),
            Value::Context(c) => Arc::as_ptr(c).hash(state),
            Value::Iter(c) => Arc::as_ptr(c).hash(state),
            Value::Ordered(c) => Arc::as_ptr(c).hash(state),
            Value::Lazy(c) => Arc::as_ptr(c).hash(state),
            Value::Failing(c) => Arc::as_ptr(c).hash(state),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn python_str_forms() {
        let v = Value::from_json(&json!({"x": 1, "y": {"z": "deep"}, "l": [1, "a"], "n": null}));
        assert_eq!(
            v.to_python_str(),
            "{'x': 1, 'y': {'z': 'deep'}, 'l': [1, 'a'], 'n': None}"
        );
        assert_eq!(
            Value::from_json(&json!([1, "a"])).to_yaql_repr_str(),
            "(1, 'a')"
        );
        assert_eq!(Value::from_json(&json!([1])).to_yaql_repr_str(), "(1,)");
        assert_eq!(Value::Bool(true).to_python_str(), "True");
        assert_eq!(Value::Float(3.0).to_python_str(), "3.0");
        assert_eq!(
            Value::Float(0.1 + 0.2).to_python_str(),
            "0.30000000000000004"
        );
        assert_eq!(Value::Float(1e20).to_python_str(), "1e+20");
        assert_eq!(Value::Float(1.5e-7).to_python_str(), "1.5e-07");
        assert_eq!(crate::python::str_repr("it's"), "\"it's\"");
    }

    #[test]
    fn python_equality() {
        assert_eq!(Value::Int(1), Value::Float(1.0));
        assert_eq!(Value::Int(1), Value::Bool(true));
        assert_ne!(Value::Int(1), Value::str("1"));
        let mut set = Set::default();
        set.insert(Value::Int(1));
        set.insert(Value::Float(1.0));
        set.insert(Value::Bool(true));
        assert_eq!(set.len(), 1);
    }
}
