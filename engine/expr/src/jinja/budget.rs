//! Jinja under the evaluation's [`Budget`]:
//!
//! - **expression depth**: minijinja's parser refuses deep brackets (150
//!   levels) but builds long operator chains (`1 + 1 + ...`, `_.a.a.a...`,
//!   `not not ...`) into trees whose compilation and drop recurse once per
//!   term, so [`nesting`] estimates the tree depth of every tag before the
//!   text reaches minijinja;
//! - **steps**: minijinja's `fuel` (one unit per instruction). Fuel is a
//!   setting of an `Environment`, so each fuel amount gets its own
//!   environment ([`fueled_env`]) and each compiled text keeps its compiled
//!   forms per fuel amount ([`PerFuel`]);
//! - **bytes and value depth**: what a template writes is counted by the
//!   formatter, and a whole-expression result is measured without recursion
//!   ([`measure`]) before it is converted to JSON.
//!
//! Bora's functions reach the budget through a hidden root variable
//! ([`BUDGET_VAR`]).

use std::sync::{Mutex, OnceLock};

use minijinja::value::{Object, ValueKind};
use minijinja::{Environment, State, Value};

use crate::limits::{Budget, LimitError, LimitKind, MAX_EXPRESSION_DEPTH_CEILING};

/// The hidden root variable holding the evaluation's budget.
pub(super) const BUDGET_VAR: &str = "__bora_budget";

/// The budget as a minijinja object.
#[derive(Debug)]
pub(super) struct BudgetHandle(pub Budget);

impl Object for BudgetHandle {}

/// A fresh budget as a minijinja value (one allocation per evaluation).
pub(super) fn new_budget(limits: &crate::Limits) -> Value {
    Value::from_object(BudgetHandle(Budget::new(limits)))
}

/// The budget inside a value made by [`new_budget`].
pub(super) fn budget_in(value: &Value) -> Option<&Budget> {
    value.downcast_object_ref::<BudgetHandle>().map(|h| &h.0)
}

/// The evaluation's budget value, seen from a function or the formatter.
pub(super) fn budget_of(state: &State) -> Option<Value> {
    state.lookup(BUDGET_VAR)
}

/// A minijinja error for a limit (the evaluation maps it back to the
/// budget's recorded limit).
pub(super) fn limit_error(error: LimitError) -> minijinja::Error {
    minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, error.to_string())
}

// ---------------------------------------------------------------- nesting

/// An upper bound of the parse-tree depth of the Jinja in `text`: inside
/// each `{{ }}` / `{% %}` tag (or the whole text when `expression`), the
/// brackets open plus, at every open bracket, the operators of the element
/// being read (a chain of `n` operators nests `n` deep). String literals
/// are skipped.
pub(super) fn nesting(text: &str, expression: bool) -> usize {
    let bytes = text.as_bytes();
    let mut deepest = 0;
    let mut i = 0;
    if expression {
        return tag_nesting(bytes, 0, bytes.len()).0;
    }
    while i + 1 < bytes.len() {
        if bytes[i] == b'{' && (bytes[i + 1] == b'{' || bytes[i + 1] == b'%') {
            let close = if bytes[i + 1] == b'{' { b'}' } else { b'%' };
            let (depth, end) = tag_nesting_until(bytes, i + 2, close);
            deepest = deepest.max(depth);
            i = end;
        } else {
            i += 1;
        }
    }
    deepest
}

fn tag_nesting_until(bytes: &[u8], start: usize, close: u8) -> (usize, usize) {
    // The tag ends at `}}` / `%}` outside a string literal.
    let mut i = start;
    let mut quote = None;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) => {
                if b == b'\\' {
                    i += 1;
                } else if b == q {
                    quote = None;
                }
            }
            None if b == b'\'' || b == b'"' => quote = Some(b),
            None if b == close && bytes.get(i + 1) == Some(&b'}') => {
                return (tag_nesting(bytes, start, i).0, i + 2);
            }
            None => {}
        }
        i += 1;
    }
    (tag_nesting(bytes, start, bytes.len()).0, bytes.len())
}

/// The nesting bound of `bytes[start..end]` (one tag's inside); stops
/// counting once past the ceiling.
fn tag_nesting(bytes: &[u8], start: usize, end: usize) -> (usize, usize) {
    // Per open bracket, operators met in its current element; `total` is
    // the brackets open plus all those operators.
    let mut levels: Vec<usize> = vec![0];
    let mut total = 1;
    let mut deepest = 1;
    let mut i = start;
    while i < end && deepest <= MAX_EXPRESSION_DEPTH_CEILING {
        let b = bytes[i];
        match b {
            b'\'' | b'"' => {
                i += 1;
                while i < end && bytes[i] != b {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                levels.push(0);
                total += 1;
            }
            b')' | b']' | b'}' if levels.len() > 1 => {
                total -= 1 + levels.pop().unwrap_or(0);
            }
            b',' | b':' => {
                if let Some(top) = levels.last_mut() {
                    total -= *top;
                    *top = 0;
                }
            }
            b'+' | b'-' | b'*' | b'/' | b'%' | b'~' | b'=' | b'!' | b'<' | b'>' | b'|' | b'.' => {
                bump(&mut levels, &mut total);
            }
            c if c.is_ascii_alphabetic() || c == b'_' => {
                let word_start = i;
                while i < end && (bytes[i].is_ascii_alphanumeric() || bytes[i] == b'_') {
                    i += 1;
                }
                if matches!(
                    &bytes[word_start..i],
                    b"and" | b"or" | b"not" | b"in" | b"is" | b"if" | b"else"
                ) {
                    bump(&mut levels, &mut total);
                }
                deepest = deepest.max(total);
                continue;
            }
            _ => {}
        }
        deepest = deepest.max(total);
        i += 1;
    }
    (deepest, end)
}

/// One more operator in the element being read.
fn bump(levels: &mut [usize], total: &mut usize) {
    if let Some(top) = levels.last_mut() {
        *top += 1;
        *total += 1;
    }
}

/// Fails when `text` nests deeper than the ceiling every evaluation
/// allows (the limits in force are compared at evaluation).
pub(super) fn check_nesting(text: &str, expression: bool) -> Result<usize, LimitError> {
    let depth = nesting(text, expression);
    if depth > MAX_EXPRESSION_DEPTH_CEILING {
        return Err(LimitError::new(LimitKind::ExpressionDepth(
            MAX_EXPRESSION_DEPTH_CEILING,
        )));
    }
    Ok(depth)
}

// ---------------------------------------------------------------- fuel

/// Distinct fuel amounts given their own environment; past that, amounts
/// are rounded down to a power of two (the limits come from the embedding
/// program, so in practice there are one or two).
const DISTINCT_FUELS: usize = 16;

/// The shared environment with `fuel` set (made once per fuel amount and
/// kept for the life of the process, as the default one is).
pub(super) fn fueled_env(
    base: &'static Environment<'static>,
    fuel: u64,
) -> (u64, &'static Environment<'static>) {
    static ENVS: Mutex<Vec<(u64, &'static Environment<'static>)>> = Mutex::new(Vec::new());
    let mut envs = ENVS.lock().unwrap_or_else(|e| e.into_inner());
    let fuel = if envs.len() < DISTINCT_FUELS || envs.iter().any(|(f, _)| *f == fuel) {
        fuel
    } else {
        1u64 << fuel.max(1).ilog2()
    };
    if let Some((_, env)) = envs.iter().find(|(f, _)| *f == fuel) {
        return (fuel, env);
    }
    let mut env = base.clone();
    env.set_fuel(Some(fuel));
    let env: &'static Environment<'static> = Box::leak(Box::new(env));
    envs.push((fuel, env));
    (fuel, env)
}

/// A compiled form kept per fuel amount: a few slots filled on first use
/// (lock-free afterwards); when they are all taken by other amounts, a form
/// is made for the one evaluation.
pub(super) struct PerFuel<T> {
    // Boxed: an environment is large, and compiled texts are kept in enums.
    slots: Box<[OnceLock<(u64, T)>; 3]>,
}

/// A compiled form: cached or made for one use.
pub(super) enum Form<'a, T> {
    Cached(&'a T),
    Fresh(T),
}

impl<T> std::ops::Deref for Form<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        match self {
            Form::Cached(t) => t,
            Form::Fresh(t) => t,
        }
    }
}

impl<T> PerFuel<T> {
    pub(super) fn new() -> Self {
        PerFuel {
            slots: Default::default(),
        }
    }

    /// The form for `fuel`, made with `make` when missing.
    pub(super) fn get<E>(
        &self,
        fuel: u64,
        make: impl Fn(u64) -> Result<T, E>,
    ) -> Result<Form<'_, T>, E> {
        for slot in self.slots.iter() {
            if slot.get().is_none() {
                // Another thread may fill it first: then ours is dropped.
                let _ = slot.set((fuel, make(fuel)?));
            }
            if let Some((f, t)) = slot.get()
                && *f == fuel
            {
                return Ok(Form::Cached(t));
            }
        }
        make(fuel).map(Form::Fresh)
    }
}

// ---------------------------------------------------------------- values

/// Counts a whole-expression result against the budget without recursion:
/// its items (one step and [`crate::limits::ITEM_BYTES`] each), its string
/// bytes, and its nesting (refused past `max_depth`), before anything
/// recursive converts it.
pub(super) fn measure(value: &Value, budget: &Budget) -> Result<(), LimitError> {
    let max = budget.limits().max_depth;
    let mut stack: Vec<(Value, minijinja::value::ValueIter)> = Vec::new();
    let mut current = value.clone();
    loop {
        if let Some(iter) = leaf_or_iter(&current, budget, max.saturating_sub(stack.len()))? {
            if stack.len() >= max {
                return Err(budget.too_deep());
            }
            stack.push((current.clone(), iter));
        }
        // Next value to look at.
        loop {
            let Some((container, iter)) = stack.last_mut() else {
                return Ok(());
            };
            match iter.next() {
                Some(key_or_item) => {
                    budget.items(1)?;
                    current = if container.kind() == ValueKind::Map {
                        container.get_item(&key_or_item).unwrap_or_default()
                    } else {
                        key_or_item
                    };
                    break;
                }
                None => {
                    stack.pop();
                }
            }
        }
    }
}

/// A container's iterator, or `None` for a scalar (whose bytes are counted).
fn leaf_or_iter(
    value: &Value,
    budget: &Budget,
    depth_left: usize,
) -> Result<Option<minijinja::value::ValueIter>, LimitError> {
    if let Some(json) = super::json_node(value) {
        // Data from the context: JSON, measured as such.
        crate::limits::check_depth(json, depth_left).map_err(|_| budget.too_deep())?;
        return Ok(None);
    }
    match value.kind() {
        ValueKind::String => {
            budget.bytes(value.as_str().map_or(0, |s| s.len() as u64))?;
            Ok(None)
        }
        ValueKind::Seq | ValueKind::Iterable | ValueKind::Map => Ok(value.try_iter().ok()),
        _ => Ok(None),
    }
}
