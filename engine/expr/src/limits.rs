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
//!   (its `fuel`) and the items Bora's own functions and filters produce;
//! - **bytes**: the size of the values built, cumulatively per evaluation
//!   (string bytes, and [`ITEM_BYTES`] per item of a list, dict or set);
//! - **value depth**: lists and dicts nested deeper than `max_depth` are
//!   refused where they are made, and [`check_depth`] refuses such JSON;
//! - **expression depth**: the nesting of the parse tree (and, at run time,
//!   of calls to functions defined with `def()`), checked explicitly so that
//!   neither the parsers nor the evaluators can run out of stack;
//! - **time**: an optional wall-clock deadline, looked at every
//!   [`CLOCK_EVERY`] steps.

use std::fmt;
use std::sync::atomic::{AtomicU8, AtomicU64, AtomicUsize, Ordering};
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
    pub fn clamped(&self) -> Limits {
        Limits {
            max_depth: self.max_depth.min(MAX_VALUE_DEPTH_CEILING),
            max_expression_depth: self.max_expression_depth.min(MAX_EXPRESSION_DEPTH_CEILING),
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
    Time,
}

impl LimitKind {
    /// A small number per kind (never 0), for [`Budget`]'s record.
    fn code(self) -> u8 {
        match self {
            LimitKind::Steps(_) => 1,
            LimitKind::Bytes(_) => 2,
            LimitKind::ValueDepth(_) => 3,
            LimitKind::ExpressionDepth(_) => 4,
            LimitKind::Time => 5,
        }
    }
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

/// The step count at which [`Budget::steps`] next leaves its fast path:
/// past the step limit, or [`CLOCK_EVERY`] steps on when there is a
/// deadline.
fn next_check(limits: &Limits, steps: u64) -> u64 {
    let past_limit = limits.max_steps.saturating_add(1);
    match limits.deadline {
        Some(_) => past_limit.min(steps.saturating_add(CLOCK_EVERY)),
        None => past_limit,
    }
}

/// The counters of one evaluation.
///
/// Counters are atomics only so that a Jinja template rendered on a helper
/// thread can share the budget; one evaluation runs on one thread at a time,
/// so they are read and written with plain relaxed loads and stores (as
/// cheap as a `Cell`).
#[derive(Debug)]
pub struct Budget {
    limits: Limits,
    steps: AtomicU64,
    bytes: AtomicU64,
    next_clock: AtomicU64,
    depth: AtomicUsize,
    /// The first limit exceeded (see [`Budget::tripped`]), coded by
    /// [`LimitKind::code`] (0: none).
    tripped: AtomicU8,
}

impl Budget {
    /// A fresh budget for one evaluation.
    pub fn new(limits: &Limits) -> Budget {
        Budget {
            limits: limits.clamped(),
            steps: AtomicU64::new(0),
            bytes: AtomicU64::new(0),
            next_clock: AtomicU64::new(next_check(&limits.clamped(), 0)),
            depth: AtomicUsize::new(0),
            tripped: AtomicU8::new(0),
        }
    }

    /// Records a limit exceeded and returns it.
    #[cold]
    fn trip(&self, kind: LimitKind) -> LimitError {
        let _ = self
            .tripped
            .compare_exchange(0, kind.code(), Ordering::Relaxed, Ordering::Relaxed);
        LimitError::new(kind)
    }

    /// The first limit this evaluation exceeded, even if the error was
    /// caught on the way (a lazy generator keeping it, a Jinja filter
    /// turning it into its own error).
    pub fn tripped(&self) -> Option<LimitError> {
        let l = &self.limits;
        let kind = match self.tripped.load(Ordering::Relaxed) {
            0 => return None,
            1 => LimitKind::Steps(l.max_steps),
            2 => LimitKind::Bytes(l.max_bytes),
            3 => LimitKind::ValueDepth(l.max_depth),
            4 => LimitKind::ExpressionDepth(l.max_expression_depth),
            _ => LimitKind::Time,
        };
        Some(LimitError::new(kind))
    }

    /// The limits in force (clamped).
    pub fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Steps counted so far.
    pub fn steps_used(&self) -> u64 {
        self.steps.load(Ordering::Relaxed)
    }

    /// Bytes counted so far.
    pub fn bytes_used(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// Counts `n` steps.
    #[inline]
    pub fn steps(&self, n: u64) -> Result<(), LimitError> {
        let steps = self.steps.load(Ordering::Relaxed).saturating_add(n);
        self.steps.store(steps, Ordering::Relaxed);
        // One comparison on the fast path: `next_clock` is the nearer of
        // the next clock reading and the step limit.
        if steps >= self.next_clock.load(Ordering::Relaxed) {
            return self.clock(steps);
        }
        Ok(())
    }

    /// The step limit passed, or time to read the clock.
    #[cold]
    fn clock(&self, steps: u64) -> Result<(), LimitError> {
        if steps > self.limits.max_steps {
            return Err(self.trip(LimitKind::Steps(self.limits.max_steps)));
        }
        self.next_clock
            .store(next_check(&self.limits, steps), Ordering::Relaxed);
        self.check_time()
    }

    /// Fails when the deadline has passed.
    pub fn check_time(&self) -> Result<(), LimitError> {
        match self.limits.deadline {
            Some(deadline) if Instant::now() >= deadline => Err(self.trip(LimitKind::Time)),
            _ => Ok(()),
        }
    }

    /// Counts `n` bytes of values built.
    #[inline]
    pub fn bytes(&self, n: u64) -> Result<(), LimitError> {
        let bytes = self.bytes.load(Ordering::Relaxed).saturating_add(n);
        self.bytes.store(bytes, Ordering::Relaxed);
        if bytes > self.limits.max_bytes {
            return Err(self.trip(LimitKind::Bytes(self.limits.max_bytes)));
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

    /// Fails when the steps or bytes counted are over their limits (a
    /// limit error the evaluation caught and kept does not go unnoticed).
    pub fn check(&self) -> Result<(), LimitError> {
        if let Some(error) = self.tripped() {
            return Err(error);
        }
        if self.steps_used() > self.limits.max_steps {
            return Err(self.trip(LimitKind::Steps(self.limits.max_steps)));
        }
        if self.bytes_used() > self.limits.max_bytes {
            return Err(self.trip(LimitKind::Bytes(self.limits.max_bytes)));
        }
        Ok(())
    }

    /// Enters one level of run-time nesting (left with [`Budget::leave`]).
    #[inline]
    pub fn enter(&self) -> Result<(), LimitError> {
        let depth = self.depth.load(Ordering::Relaxed) + 1;
        if depth > self.limits.max_expression_depth {
            return Err(self.trip(LimitKind::ExpressionDepth(self.limits.max_expression_depth)));
        }
        self.depth.store(depth, Ordering::Relaxed);
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
        let depth = self.depth.load(Ordering::Relaxed);
        self.depth.store(depth.saturating_sub(1), Ordering::Relaxed);
    }

    /// The error for a value nested deeper than `max_depth`.
    pub fn too_deep(&self) -> LimitError {
        self.trip(LimitKind::ValueDepth(self.limits.max_depth))
    }
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
        assert!(budget.steps(10).is_ok());
        assert!(budget.steps(1).is_err());
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
    }

    #[test]
    fn shortening() {
        assert_eq!(shorten("abc"), "abc");
        let long = "x".repeat(300);
        assert_eq!(shorten(&long).len(), 203);
    }
}
