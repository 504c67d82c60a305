//! The budget of one evaluation: how much work, memory and nesting an
//! expression may use before it fails.
//!
//! A workflow is untrusted input in a shared service, so every YAQL and Jinja
//! evaluation runs against [`Limits`] handed in by the embedding program
//! through [`crate::ExprHost::limits`]. Each evaluation gets a fresh
//! [`Budget`] (step and size counters start at zero). Past a limit the
//! expression fails like any other expression error, with a
//! [`LimitError`] naming the limit ([`crate::ExprError::is_limit`] tells it
//! apart).
//!
//! What is counted:
//! - **steps**: YAQL tree nodes evaluated, lambda calls and the items every
//!   function produces or consumes; for Jinja, minijinja's instructions
//!   (its `fuel`, skipped where it cannot run out: see `jinja::budget`) and
//!   the items of the values it writes, assigns to namespace attributes or
//!   returns;
//! - **bytes**: the size of the values built, cumulatively per evaluation
//!   (string bytes, and [`ITEM_BYTES`] per item of a list, dict or set);
//!   for Jinja, what a template writes, what it assigns to namespace
//!   attributes and what an expression returns;
//! - **value depth**: lists and dicts nested deeper than `max_depth` are
//!   refused where they are made, and [`check_depth`] refuses such JSON;
//! - **expression depth**: the nesting of the parse tree (and, at run time,
//!   of calls to functions defined with `def()`), checked explicitly so that
//!   neither the parsers nor the evaluators can run out of stack;
//! - **time**: an optional wall-clock deadline, looked at every
//!   [`CLOCK_EVERY`] steps.

use std::cell::Cell;
use std::fmt;
use std::time::Instant;

/// Bytes counted for one item of a list, dict or set (a YAQL value is 32
/// bytes; a dict entry holds two).
pub const ITEM_BYTES: u64 = 32;

/// The deadline is looked at whenever this many steps have passed (reading
/// the clock costs ~25 ns, a step ~10-100 ns).
pub const CLOCK_EVERY: u64 = 1024;

/// Deepest value nesting a program may configure. Values nested deeper than
/// this would not fit serde_json's own parser (128 levels) when the store
/// reads them back, and recursive code over them (drop, conversion to JSON,
/// Python `str()`) must stay well within a 2 MiB thread stack.
pub const MAX_VALUE_DEPTH_CEILING: usize = 120;

/// Deepest expression nesting a program may configure: what the parsers and
/// evaluators are tested to handle on a 2 MiB thread stack.
pub const MAX_EXPRESSION_DEPTH_CEILING: usize = 250;

/// The limits of one evaluation. [`Limits::default`] is generous: a real
/// workflow never meets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Steps (see the module docs). Default 10,000,000: about a second of
    /// work, 1,000 times what the heaviest expression of the conformance
    /// suite takes.
    pub max_steps: u64,
    /// Bytes of values built per evaluation. Default 256 MiB.
    pub max_bytes: u64,
    /// Deepest nesting of lists and dicts a value may have (a scalar is 0,
    /// `[1]` is 1). Default 100, safely below serde_json's 128 so that a
    /// value an expression makes can be stored and read back; clamped to
    /// [`MAX_VALUE_DEPTH_CEILING`].
    pub max_depth: usize,
    /// Deepest nesting of an expression's parse tree (`((1))` is 3 deep,
    /// `1 + 1 + 1` is 3 deep: a chain of operators nests). Default 250 (the
    /// deepest expression of the conformance suite nests 12 levels); clamped
    /// to [`MAX_EXPRESSION_DEPTH_CEILING`].
    pub max_expression_depth: usize,
    /// A wall-clock time after which the evaluation fails (the engine sets
    /// one per engine step so that one execution cannot stall the engine).
    pub deadline: Option<Instant>,
}

impl Limits {
    /// The default limits.
    pub const DEFAULT: Limits = Limits {
        max_steps: 10_000_000,
        max_bytes: 256 << 20,
        max_depth: 100,
        max_expression_depth: MAX_EXPRESSION_DEPTH_CEILING,
        deadline: None,
    };

    /// These limits with `max_depth` and `max_expression_depth` brought
    /// within their ceilings.
    pub const fn clamped(&self) -> Limits {
        // `min` is not usable in a const fn.
        let max_depth = if self.max_depth < MAX_VALUE_DEPTH_CEILING {
            self.max_depth
        } else {
            MAX_VALUE_DEPTH_CEILING
        };
        let max_expression_depth = if self.max_expression_depth < MAX_EXPRESSION_DEPTH_CEILING {
            self.max_expression_depth
        } else {
            MAX_EXPRESSION_DEPTH_CEILING
        };
        Limits {
            max_depth,
            max_expression_depth,
            ..*self
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// Which limit was exceeded, with its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LimitKind {
    Steps(u64),
    Bytes(u64),
    ValueDepth(usize),
    ExpressionDepth(usize),
    /// The evaluating thread's stack ran low before the depth limit
    /// (deep nesting on a small stack, or larger frames in a debug build).
    Stack,
    Time,
}

/// A limit was exceeded. `Display` gives `exceeded the limit of 10,000,000
/// steps` (the language and the expression are added by
/// [`crate::ExprError`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("exceeded {}", describe(self.kind))]
pub struct LimitError {
    pub kind: LimitKind,
}

impl LimitError {
    pub fn new(kind: LimitKind) -> Self {
        LimitError { kind }
    }
}

fn describe(kind: LimitKind) -> String {
    match kind {
        LimitKind::Steps(n) => format!("the limit of {} steps", thousands(n)),
        LimitKind::Bytes(n) => format!("the limit of {} bytes of values built", thousands(n)),
        LimitKind::ValueDepth(n) => format!("the limit of {n} levels of value nesting"),
        LimitKind::ExpressionDepth(n) => {
            format!("the limit of {n} levels of expression nesting")
        }
        LimitKind::Stack => "the stack space of its thread (nested too deeply)".to_string(),
        LimitKind::Time => "its time limit".to_string(),
    }
}

/// `10000000` as `10,000,000`.
fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// How many steps [`Budget::steps`] may count on its fast path after
/// `counted` steps: up to the step limit, or [`CLOCK_EVERY`] when there is
/// a deadline (the clock is read when they are used up).
const fn window(limits: &Limits, counted: u64) -> u64 {
    let to_limit = limits.max_steps.saturating_add(1).saturating_sub(counted);
    match limits.deadline {
        Some(_) if to_limit > CLOCK_EVERY => CLOCK_EVERY,
        _ => to_limit,
    }
}

/// The counters of one evaluation.
///
/// An evaluation runs on one thread, so the counters are plain `Cell`s
/// (Jinja's budget is a thread-local one, see `jinja::budget`). Steps
/// count down a window (one subtraction and one comparison per step); the
/// limit and the clock are looked at when it runs out.
#[derive(Debug)]
pub struct Budget {
    limits: Cell<Limits>,
    /// Steps counted before the current window.
    counted: Cell<u64>,
    /// The steps the current window started with, and those left in it.
    window: Cell<u64>,
    left: Cell<u64>,
    bytes: Cell<u64>,
    depth: Cell<usize>,
    /// The first limit exceeded (see [`Budget::tripped`]).
    tripped: Cell<Option<LimitKind>>,
}

impl Budget {
    /// A fresh budget for one evaluation.
    pub const fn new(limits: &Limits) -> Budget {
        let limits = limits.clamped();
        let window = window(&limits, 0);
        Budget {
            limits: Cell::new(limits),
            counted: Cell::new(0),
            window: Cell::new(window),
            left: Cell::new(window),
            bytes: Cell::new(0),
            depth: Cell::new(0),
            tripped: Cell::new(None),
        }
    }

    /// Starts this budget afresh for another evaluation.
    pub fn reset(&self, limits: &Limits) {
        let limits = limits.clamped();
        let window = window(&limits, 0);
        self.limits.set(limits);
        self.counted.set(0);
        self.window.set(window);
        self.left.set(window);
        self.bytes.set(0);
        self.depth.set(0);
        self.tripped.set(None);
    }

    /// Exchanges the state of two budgets (a thread's budget is set for
    /// an evaluation and put back after it).
    pub fn swap(&self, other: &Budget) {
        self.limits.swap(&other.limits);
        self.counted.swap(&other.counted);
        self.window.swap(&other.window);
        self.left.swap(&other.left);
        self.bytes.swap(&other.bytes);
        self.depth.swap(&other.depth);
        self.tripped.swap(&other.tripped);
    }

    /// Records a limit exceeded and returns it.
    #[cold]
    fn trip(&self, kind: LimitKind) -> LimitError {
        if self.tripped.get().is_none() {
            self.tripped.set(Some(kind));
        }
        LimitError::new(kind)
    }

    /// The first limit this evaluation exceeded, even if the error was
    /// caught on the way (a lazy generator keeping it, a Jinja filter
    /// turning it into its own error).
    pub fn tripped(&self) -> Option<LimitError> {
        self.tripped.get().map(LimitError::new)
    }

    /// The limits in force (clamped).
    #[inline]
    pub fn limits(&self) -> Limits {
        self.limits.get()
    }

    /// Steps counted so far.
    pub fn steps_used(&self) -> u64 {
        self.counted.get() + (self.window.get() - self.left.get())
    }

    /// Bytes counted so far.
    pub fn bytes_used(&self) -> u64 {
        self.bytes.get()
    }

    /// Counts `n` steps.
    #[inline]
    pub fn steps(&self, n: u64) -> Result<(), LimitError> {
        let left = self.left.get();
        if n < left {
            self.left.set(left - n);
            return Ok(());
        }
        self.next_window(n)
    }

    /// The window is used up: past the step limit, or time to read the
    /// clock.
    #[cold]
    fn next_window(&self, n: u64) -> Result<(), LimitError> {
        let limits = self.limits.get();
        let counted = self.steps_used().saturating_add(n);
        self.counted.set(counted);
        if counted > limits.max_steps {
            // Every later step comes back here, and fails too.
            self.window.set(0);
            self.left.set(0);
            return Err(self.trip(LimitKind::Steps(limits.max_steps)));
        }
        let window = window(&limits, counted);
        self.window.set(window);
        self.left.set(window);
        self.check_time()
    }

    /// Fails when the deadline has passed.
    pub fn check_time(&self) -> Result<(), LimitError> {
        match self.limits.get().deadline {
            Some(deadline) if Instant::now() >= deadline => Err(self.trip(LimitKind::Time)),
            _ => Ok(()),
        }
    }

    /// Counts `n` bytes of values built.
    #[inline]
    pub fn bytes(&self, n: u64) -> Result<(), LimitError> {
        let bytes = self.bytes.get().saturating_add(n);
        self.bytes.set(bytes);
        let max = self.limits.get().max_bytes;
        if bytes > max {
            return Err(self.trip(LimitKind::Bytes(max)));
        }
        Ok(())
    }

    /// Counts a built collection of `items` items: one step and
    /// [`ITEM_BYTES`] bytes each.
    #[inline]
    pub fn items(&self, items: usize) -> Result<(), LimitError> {
        let n = items as u64;
        self.steps(n)?;
        self.bytes(n.saturating_mul(ITEM_BYTES))
    }

    /// Fails when a limit was exceeded (a limit error the evaluation caught
    /// and kept does not go unnoticed). Counting past the step or byte
    /// limit always records it, so the record is all there is to look at.
    #[inline]
    pub fn check(&self) -> Result<(), LimitError> {
        match self.tripped() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    /// Enters one level of run-time nesting (left with [`Budget::leave`]).
    #[inline]
    pub fn enter(&self) -> Result<(), LimitError> {
        let depth = self.depth.get() + 1;
        let max = self.limits.get().max_expression_depth;
        if depth > max {
            return Err(self.trip(LimitKind::ExpressionDepth(max)));
        }
        // Looked at every few levels only: shallow expressions (nearly all)
        // never pay for it.
        if depth.is_multiple_of(STACK_CHECK_EVERY) && stack_is_low() {
            return Err(self.trip(LimitKind::Stack));
        }
        self.depth.set(depth);
        Ok(())
    }

    /// [`Budget::enter`] with a guard that leaves the level when dropped.
    #[inline]
    pub fn level(&self) -> Result<Level<'_>, LimitError> {
        self.enter()?;
        Ok(Level(self))
    }

    /// Leaves a level entered with [`Budget::enter`].
    #[inline]
    pub fn leave(&self) {
        self.depth.set(self.depth.get().saturating_sub(1));
    }

    /// The error for a value nested deeper than `max_depth`.
    pub fn too_deep(&self) -> LimitError {
        self.trip(LimitKind::ValueDepth(self.limits.get().max_depth))
    }
}

/// Levels of nesting between two looks at the stack.
const STACK_CHECK_EVERY: usize = 4;

/// Stack an evaluation leaves free on its thread. The depth limit keeps
/// release builds far from it on the engine's threads; this is the floor
/// for smaller stacks and larger frames (debug builds), where running out
/// would abort the process.
const STACK_RED_ZONE: usize = 256 * 1024;

/// Whether the current thread has less than [`STACK_RED_ZONE`] of stack
/// left (unknown stack bounds count as plenty).
#[cold]
fn stack_is_low() -> bool {
    stacker::remaining_stack().is_some_and(|left| left < STACK_RED_ZONE)
}

/// A level of run-time nesting entered with [`Budget::level`]; dropping it
/// leaves the level.
#[must_use]
pub struct Level<'b>(&'b Budget);

impl Drop for Level<'_> {
    #[inline]
    fn drop(&mut self) {
        self.0.leave();
    }
}

/// Fails when `value` nests lists and objects deeper than `max` levels (a
/// scalar is 0 deep, `[1]` 1 deep). Works without recursion, so it is safe
/// on any JSON the engine is handed (inputs, action results) before
/// anything recursive touches it.
pub fn check_depth(value: &serde_json::Value, max: usize) -> Result<(), LimitError> {
    use serde_json::Value as J;
    fn children(v: &J) -> Option<Box<dyn Iterator<Item = &J> + '_>> {
        match v {
            J::Array(items) if !items.is_empty() => Some(Box::new(items.iter())),
            J::Object(map) if !map.is_empty() => Some(Box::new(map.values())),
            J::Array(_) | J::Object(_) => Some(Box::new(std::iter::empty())),
            _ => None,
        }
    }
    let too_deep = || LimitError::new(LimitKind::ValueDepth(max));
    let Some(first) = children(value) else {
        return Ok(());
    };
    if max == 0 {
        return Err(too_deep());
    }
    let mut stack = vec![first];
    while let Some(top) = stack.last_mut() {
        match top.next() {
            None => {
                stack.pop();
            }
            Some(child) => {
                if let Some(grand) = children(child) {
                    if stack.len() >= max {
                        return Err(too_deep());
                    }
                    stack.push(grand);
                }
            }
        }
    }
    Ok(())
}

/// `text` cut to at most 200 characters (with `...`), for error messages.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 200;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}...", &text[..cut]),
        None => text.to_string(),
    }
}

impl fmt::Display for LimitKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&describe(*self))
    }
}

/// Drops a JSON value without recursion, however deep it is (serde_json's
/// own drop recurses once per level).
pub fn drop_json(value: serde_json::Value) {
    use serde_json::Value as J;
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            J::Array(items) => stack.extend(items),
            J::Object(map) => stack.extend(map.into_iter().map(|(_, v)| v)),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn messages_name_the_limit() {
        let e = LimitError::new(LimitKind::Steps(10_000_000));
        assert_eq!(e.to_string(), "exceeded the limit of 10,000,000 steps");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(
            LimitError::new(LimitKind::Bytes(268_435_456)).to_string(),
            "exceeded the limit of 268,435,456 bytes of values built"
        );
    }

    #[test]
    fn depth_of_json() {
        assert!(check_depth(&json!(1), 0).is_ok());
        assert!(check_depth(&json!([]), 0).is_err());
        assert!(check_depth(&json!([[1]]), 2).is_ok());
        assert!(check_depth(&json!([[1]]), 1).is_err());
        assert!(check_depth(&json!({"a": [1, {"b": []}]}), 4).is_ok());
        assert!(check_depth(&json!({"a": [1, {"b": []}]}), 3).is_err());
    }

    #[test]
    fn deep_json_is_checked_and_dropped_without_recursion() {
        let run = || {
            let mut v = json!(1);
            for _ in 0..200_000 {
                v = serde_json::Value::Array(vec![v]);
            }
            let err = check_depth(&v, 100);
            drop_json(v);
            err
        };
        let result = std::thread::Builder::new()
            .stack_size(2 << 20)
            .spawn(run)
            .map(|t| t.join())
            .expect("spawn")
            .expect("join");
        assert_eq!(result, Err(LimitError::new(LimitKind::ValueDepth(100))));
    }

    #[test]
    fn steps_bytes_and_time() {
        let budget = Budget::new(&Limits {
            max_steps: 10,
            max_bytes: 64,
            ..Limits::DEFAULT
        });
        assert!(budget.steps(3).is_ok());
        assert!(budget.steps(7).is_ok());
        assert_eq!(budget.steps_used(), 10);
        assert!(budget.steps(1).is_err());
        assert!(budget.steps(0).is_err());
        assert_eq!(
            budget.tripped(),
            Some(LimitError::new(LimitKind::Steps(10)))
        );
        assert!(budget.bytes(64).is_ok());
        assert!(budget.bytes(1).is_err());
        let late = Budget::new(&Limits {
            deadline: Some(Instant::now()),
            ..Limits::DEFAULT
        });
        assert_eq!(
            late.steps(CLOCK_EVERY),
            Err(LimitError::new(LimitKind::Time))
        );
        // Steps are counted across the clock's windows.
        let timed = Budget::new(&Limits {
            deadline: Some(Instant::now() + std::time::Duration::from_secs(3600)),
            ..Limits::DEFAULT
        });
        for _ in 0..3 * CLOCK_EVERY + 5 {
            assert!(timed.steps(1).is_ok());
        }
        assert!(timed.steps(2 * CLOCK_EVERY).is_ok());
        assert_eq!(timed.steps_used(), 5 * CLOCK_EVERY + 5);
        assert!(timed.check().is_ok());
    }

    #[test]
    fn shortening() {
        assert_eq!(shorten("abc"), "abc");
        let long = "x".repeat(300);
        assert_eq!(shorten(&long).len(), 203);
    }
}
