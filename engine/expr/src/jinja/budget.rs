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
//!   forms per fuel amount ([`PerFuel`]). A text that cannot loop runs each
//!   instruction at most once, so when the step limit is above what its
//!   length allows ([`fuel_for`]) it runs without fuel: minijinja's count
//!   (an atomic per instruction) is then skipped, and nothing changes;
//! - **bytes and value depth**: what a template writes is counted by the
//!   formatter, and a whole-expression result is measured without recursion
//!   ([`measure`]) before it is converted to JSON. A value assigned to a
//!   namespace attribute (`{% set ns.s = ns.s ~ 'x' %}`, the one way a
//!   value grows from one loop iteration to the next) is measured as it is
//!   assigned ([`count_namespace_sets`]): minijinja assigns it natively, so
//!   the template is rewritten to pass it through [`COUNT_FILTER`] first.
//!
//! Bora's functions and the formatter reach the budget as this thread's
//! current one ([`with`]): set for the evaluation by [`scoped`] on the
//! thread that renders, it costs no allocation and no variable lookup.

use std::cell::Cell;
use std::sync::{Mutex, OnceLock};

use minijinja::value::ValueKind;
use minijinja::{Environment, Value};

use crate::limits::{Budget, LimitError, LimitKind, Limits, MAX_EXPRESSION_DEPTH_CEILING};

/// This thread's Jinja budget, and whether an evaluation is using it.
struct Current {
    budget: Budget,
    active: Cell<bool>,
}

thread_local! {
    static CURRENT: Current = const {
        Current {
            budget: Budget::new(&Limits::DEFAULT),
            active: Cell::new(false),
        }
    };
}

/// Ends this thread's evaluation (also when unwinding): puts the outer
/// one's counters back when there was one.
struct Restore<'a> {
    current: &'a Current,
    outer: Option<&'a Budget>,
}

impl Drop for Restore<'_> {
    fn drop(&mut self) {
        match self.outer {
            Some(outer) => self.current.budget.swap(outer),
            None => self.current.active.set(false),
        }
    }
}

/// Runs `f` with a fresh budget of `limits` as this thread's; returns what
/// `f` returned and the first limit `f` went past, if any.
pub(super) fn scoped<R>(limits: &Limits, f: impl FnOnce() -> R) -> (R, Option<LimitError>) {
    CURRENT.with(|current| {
        if current.active.get() {
            // An evaluation inside an evaluation (a host answering on this
            // thread): the outer one's counters wait in `outer`.
            let outer = Budget::new(limits);
            current.budget.swap(&outer);
            let result = {
                let _restore = Restore {
                    current,
                    outer: Some(&outer),
                };
                f()
            };
            // `outer` now holds the inner evaluation's counters.
            return (result, outer.tripped());
        }
        current.budget.reset(limits);
        current.active.set(true);
        let _restore = Restore {
            current,
            outer: None,
        };
        (f(), current.budget.tripped())
    })
}

/// Calls `f` with the budget of the evaluation running on this thread;
/// `None` outside an evaluation.
pub(super) fn with<R>(f: impl FnOnce(&Budget) -> R) -> Option<R> {
    CURRENT.with(|current| current.active.get().then(|| f(&current.budget)))
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

/// Fuel an instruction-at-most-once text may use per byte of source, and
/// in all. minijinja emits at most a few instructions per token (the most,
/// `a<b<a`, uses 7 for 5 bytes; the test `fuel_bound_holds` measures a set
/// of such texts), so this bound has a wide margin.
const FUEL_PER_BYTE: u64 = 4;
const FUEL_BASE: u64 = 32;

/// Statements that run instructions more than once (loops, macros and
/// their calls, blocks and other templates).
const LOOPING_TAGS: [&[u8]; 8] = [
    b"for", b"macro", b"call", b"include", b"import", b"from", b"extends", b"block",
];

/// Whether a template may run an instruction more than once: it has one
/// of the [`LOOPING_TAGS`] (looked for anywhere, comments and raw blocks
/// too: a false alarm only keeps fuel on).
pub(super) fn can_loop(source: &str) -> bool {
    let bytes = source.as_bytes();
    let mut i = 0;
    while let Some(at) = bytes[i..].windows(2).position(|w| w == b"{%") {
        i += at + 2;
        let mut j = i;
        while j < bytes.len() && (bytes[j] == b'-' || bytes[j] == b'+') {
            j += 1;
        }
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        let start = j;
        while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] == b'_') {
            j += 1;
        }
        if LOOPING_TAGS.contains(&&bytes[start..j]) {
            return true;
        }
    }
    false
}

/// The fuel to run `source` (the text minijinja compiles) with under
/// `max_steps`: `None` when it cannot run out, the text running each
/// instruction at most once and being too short to reach the limit.
pub(super) fn fuel_for(source: &str, loops: bool, max_steps: u64) -> Option<u64> {
    let most = (source.len() as u64)
        .saturating_mul(FUEL_PER_BYTE)
        .saturating_add(FUEL_BASE);
    (loops || most >= max_steps).then_some(max_steps)
}

/// Distinct fuel amounts given their own environment; past that, amounts
/// are rounded down to a power of two (the limits come from the embedding
/// program, so in practice there are one or two).
const DISTINCT_FUELS: usize = 16;

/// The shared environment with `fuel` set (made once per fuel amount and
/// kept for the life of the process, as the default one is); `base` itself
/// without fuel.
pub(super) fn fueled_env(
    base: &'static Environment<'static>,
    fuel: Option<u64>,
) -> &'static Environment<'static> {
    match fuel {
        Some(fuel) => with_fuel(base, fuel),
        None => base,
    }
}

fn with_fuel(base: &'static Environment<'static>, fuel: u64) -> &'static Environment<'static> {
    static ENVS: Mutex<Vec<(u64, &'static Environment<'static>)>> = Mutex::new(Vec::new());
    let mut envs = ENVS.lock().unwrap_or_else(|e| e.into_inner());
    let fuel = if envs.len() < DISTINCT_FUELS || envs.iter().any(|(f, _)| *f == fuel) {
        fuel
    } else {
        1u64 << fuel.max(1).ilog2()
    };
    if let Some((_, env)) = envs.iter().find(|(f, _)| *f == fuel) {
        return env;
    }
    let mut env = base.clone();
    env.set_fuel(Some(fuel));
    let env: &'static Environment<'static> = Box::leak(Box::new(env));
    envs.push((fuel, env));
    env
}

/// A compiled form kept per fuel amount (`None`: without fuel): a few slots
/// filled on first use (lock-free afterwards); when they are all taken by
/// other amounts, a form is made for the one evaluation.
pub(super) struct PerFuel<T> {
    // Boxed: an environment is large, and compiled texts are kept in enums.
    slots: Box<[Slot<T>; 3]>,
}

/// A form and the fuel it was made for.
type Slot<T> = OnceLock<(Option<u64>, T)>;

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
    #[inline]
    pub(super) fn get<E>(
        &self,
        fuel: Option<u64>,
        make: impl Fn(Option<u64>) -> Result<T, E>,
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

// ---------------------------------------------------------------- sets

/// The filter that measures a value against the budget and returns it.
pub(super) const COUNT_FILTER: &str = "__bora_counted";

/// `source` with every `{% set <target> = <value> %}` whose target names a
/// namespace attribute (has a `.`) assigning `(<value>)|__bora_counted`
/// instead; `None` when there is none. Raw blocks, comments and `{{ }}`
/// are left alone; string literals are skipped. Line breaks stay where they
/// were, so error lines do not move.
pub(super) fn count_namespace_sets(source: &str) -> Option<String> {
    let bytes = source.as_bytes();
    let mut out = String::new();
    // Copied to `out` up to here.
    let mut copied = 0;
    let mut i = 0;
    while i + 1 < bytes.len() {
        match (bytes[i], bytes[i + 1]) {
            (b'{', b'#') => i = find(bytes, i + 2, b"#}").map_or(bytes.len(), |at| at + 2),
            (b'{', b'{') => i = tag_end(bytes, i + 2, b'}').map_or(bytes.len(), |at| at + 2),
            (b'{', b'%') => {
                let Some(end) = tag_end(bytes, i + 2, b'%') else {
                    break;
                };
                let tag = &source[i + 2..end];
                if tag_word(tag) == Some("raw") {
                    // To the end of `{% endraw %}`.
                    i = raw_end(bytes, end + 2);
                    continue;
                }
                if let Some((value_start, value_end)) = namespace_set(tag) {
                    let (value_start, value_end) = (i + 2 + value_start, i + 2 + value_end);
                    out.push_str(&source[copied..value_start]);
                    out.push('(');
                    out.push_str(&source[value_start..value_end]);
                    out.push_str(")|");
                    out.push_str(COUNT_FILTER);
                    copied = value_end;
                }
                i = end + 2;
            }
            _ => i += 1,
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&source[copied..]);
    Some(out)
}

/// Where `needle` next starts at or after `from`.
fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|at| from + at)
}

/// Where the tag opened before `from` closes (`close` then `}`), outside
/// string literals and brackets (as minijinja's lexer reads `{{ {'a': {}} }}`);
/// `None` when it does not.
fn tag_end(bytes: &[u8], from: usize, close: u8) -> Option<usize> {
    let mut i = from;
    let mut quote = None;
    let mut open = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(_) if b == b'\\' => i += 1,
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'\'' || b == b'"' => quote = Some(b),
            None if b == close && open == 0 && bytes.get(i + 1) == Some(&b'}') => {
                return Some(i);
            }
            None if matches!(b, b'(' | b'[' | b'{') => open += 1,
            None if matches!(b, b')' | b']' | b'}') => open = open.saturating_sub(1),
            None => {}
        }
        i += 1;
    }
    None
}

/// The first word of a tag's inside (after whitespace control).
fn tag_word(tag: &str) -> Option<&str> {
    let tag = tag.trim_start_matches(['-', '+']).trim_start();
    let end = tag
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(tag.len());
    (end > 0).then(|| &tag[..end])
}

/// Past the `{% endraw %}` closing a raw block whose body starts at `from`.
fn raw_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(at) = find(bytes, i, b"{%") {
        let Some(end) = tag_end(bytes, at + 2, b'%') else {
            break;
        };
        let tag = std::str::from_utf8(&bytes[at + 2..end]).unwrap_or("");
        if tag_word(tag) == Some("endraw") {
            return end + 2;
        }
        i = end + 2;
    }
    bytes.len()
}

/// For a `set` tag's inside assigning to a namespace attribute, where its
/// value starts and ends (without surrounding whitespace and the closing
/// whitespace control). The target is names, dots, commas and
/// parentheses only, so its `=` is the first one.
fn namespace_set(tag: &str) -> Option<(usize, usize)> {
    let body = tag.trim_start_matches(['-', '+']).trim_start();
    let after_set = body.strip_prefix("set")?;
    if !after_set.starts_with(|c: char| c.is_whitespace() || c == '(') {
        return None;
    }
    let target_start = tag.len() - after_set.len();
    let eq = target_start + after_set.find('=')?;
    let target = &tag[target_start..eq];
    if !target.contains('.')
        || !target
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || "_.,()".contains(c))
        || tag[eq + 1..].starts_with('=')
    {
        return None;
    }
    let value = tag[eq + 1..].trim_end();
    let value = value.strip_suffix(['-', '+']).unwrap_or(value);
    let start = eq + 1 + (value.len() - value.trim_start().len());
    let end = eq + 1 + value.trim_end().len();
    (start < end).then_some((start, end))
}

// ---------------------------------------------------------------- values

/// Counts a whole-expression result against the budget without recursion:
/// its items (one step and [`crate::limits::ITEM_BYTES`] each), its string
/// bytes, and its nesting (refused past `max_depth`), before anything
/// recursive converts it.
pub(super) fn measure(value: &Value, budget: &Budget) -> Result<(), LimitError> {
    match value.kind() {
        ValueKind::Seq | ValueKind::Map | ValueKind::Iterable => {}
        // A scalar (the usual result; data is never one): its bytes if a
        // string.
        ValueKind::String => return budget.bytes(value.as_str().map_or(0, |s| s.len() as u64)),
        _ => return Ok(()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The fuel minijinja uses to run `source` (an expression or a
    /// template): the least fuel it runs with, minus one.
    fn fuel_used(source: &str, expression: bool) -> u64 {
        let runs = |fuel: u64| {
            let mut env = super::super::ENV.clone();
            env.set_fuel(Some(fuel));
            let ctx = minijinja::context! {
                a => 1, b => 2, l => vec![1, 2, 3], s => "abc",
                d => minijinja::context! { x => 1 },
            };
            let result = if expression {
                env.compile_expression(source)
                    .and_then(|e| e.eval(ctx))
                    .map(|_| ())
            } else {
                env.render_str(source, ctx).map(|_| ())
            };
            match result {
                Ok(()) => true,
                Err(e) if e.kind() == minijinja::ErrorKind::OutOfFuel => false,
                Err(e) => panic!("{source}: {e}"),
            }
        };
        let (mut low, mut high) = (1u64, 1u64 << 20);
        assert!(runs(high), "{source}");
        while low < high {
            let mid = (low + high) / 2;
            if runs(mid) { high = mid } else { low = mid + 1 }
        }
        low - 1
    }

    #[test]
    fn fuel_bound_holds() {
        let expressions = [
            "a",
            "-a",
            "a+b",
            "a~b",
            "a<b<a",
            "a<b<a<b<a",
            "l[:]",
            "l[::]",
            "l[a:][:b][::a]",
            "a if b",
            "a if b else a",
            "a and b or a",
            "not a",
            "l|list",
            "l|join(',')",
            "a is odd",
            "d.x",
            "l[0]",
            "[a,b,a]",
            "{a:b}",
            "range(*l)",
            "dict(**d)",
            "dict(x=a,y=b)",
            "s.upper()",
            "(a)",
            "a==b",
            "[]",
            "{}",
        ];
        let templates = [
            "{{a}}",
            "x{{a}}y",
            "{{a}}{{b}}{{a}}",
            "{{a if b}}",
            "{{l[:]}}",
            "{% if a %}x{% endif %}",
            "{% if a %}x{% elif b %}y{% else %}z{% endif %}",
            "{%set x=a%}",
            "{%set x,y=l[:2]%}",
            "{%set x%}a{%endset%}",
            "{%with x=a%}{{x}}{%endwith%}",
            "{%filter upper%}a{%endfilter%}",
            "{%set ns=namespace(a=1)%}{%set ns.a=2%}",
            "{%set ns=namespace(a=1)%}{%set ns.a=(2)|__bora_counted%}",
            "{%- if a -%}x{%- endif -%}",
        ];
        // Long texts, where the per-byte rate matters more than the base.
        let long = [
            (format!("l{}", "[:]".repeat(60)), true),
            (format!("a{}", "<b".repeat(60)), true),
            (format!("a{}", "~b".repeat(60)), true),
            ("{{a}}".repeat(40), false),
        ];
        for (source, expression) in expressions
            .iter()
            .map(|s| (*s, true))
            .chain(templates.iter().map(|s| (*s, false)))
            .chain(long.iter().map(|(s, e)| (s.as_str(), *e)))
        {
            assert!(!can_loop(source));
            let used = fuel_used(source, expression);
            // With a limit just above the bound no fuel is used: it must
            // leave a margin over what minijinja really uses.
            let bound = source.len() as u64 * FUEL_PER_BYTE + FUEL_BASE;
            assert!(used * 2 < bound, "{source}: {used} of {bound}");
            assert_eq!(fuel_for(source, false, bound + 1), None);
            assert_eq!(fuel_for(source, false, bound), Some(bound));
        }
    }

    #[test]
    fn an_evaluation_inside_another_has_its_own_budget() {
        let small = Limits {
            max_bytes: 10,
            ..Limits::DEFAULT
        };
        let ((inner_tripped, outer_bytes), outer_tripped) = scoped(&Limits::DEFAULT, || {
            assert_eq!(with(|b| b.bytes(5)), Some(Ok(())));
            let ((), inner) = scoped(&small, || {
                assert!(matches!(with(|b| b.bytes(20)), Some(Err(_))));
            });
            (inner, with(|b| b.bytes_used()))
        });
        assert_eq!(inner_tripped, Some(LimitError::new(LimitKind::Bytes(10))));
        assert_eq!(outer_bytes, Some(5));
        assert_eq!(outer_tripped, None);
        // Outside an evaluation there is no budget to count against.
        assert_eq!(with(|_| ()), None);
    }

    #[test]
    fn namespace_assignments_are_counted() {
        let rewrite = |s: &str| count_namespace_sets(s);
        assert_eq!(
            rewrite("{% set ns.s = ns.s ~ 'x' %}").as_deref(),
            Some("{% set ns.s = (ns.s ~ 'x')|__bora_counted %}")
        );
        assert_eq!(
            rewrite("a{%- set ns.a, ns.b = 1, 2 -%}b").as_deref(),
            Some("a{%- set ns.a, ns.b = (1, 2)|__bora_counted -%}b")
        );
        assert_eq!(
            rewrite("{%+set (ns.a)=x == '%}'\n%}").as_deref(),
            Some("{%+set (ns.a)=(x == '%}')|__bora_counted\n%}")
        );
        for unchanged in [
            "{% set s = s ~ 'x' %}",
            "{% set ns.s %}x{% endset %}",
            "{% set x | replace(a='b.c') %}x{% endset %}",
            "{% raw %}{% set ns.s = 1 %}{% endraw %}",
            "{# {% set ns.s = 1 %} #}",
            "{{ '{% set ns.s = 1 %}' }}",
            "{{ {'a': {'b': '{% set ns.s = 1 %}'}} }}",
            "{% if ns.a == 1 %}{% endif %}",
            "{% settle ns.a = 1 %}",
        ] {
            assert_eq!(rewrite(unchanged), None, "{unchanged}");
        }
        // After a raw block, sets count again.
        assert!(rewrite("{% raw %}x{% endraw %}{% set ns.a = 1 %}").is_some());
    }

    #[test]
    fn looping_tags_are_found() {
        for source in [
            "{% for i in l %}{% endfor %}",
            "{%-for i in l%}{%endfor%}",
            "{%+ macro m() %}{% endmacro %}",
            "{%\ncall m() %}{% endcall %}",
            "{% include 't' %}",
            "{% import 't' as x %}",
            "{% from 't' import x %}",
            "{% extends 't' %}",
            "{% block b %}{% endblock %}",
        ] {
            assert!(can_loop(source), "{source}");
            assert_eq!(fuel_for(source, can_loop(source), 1 << 40), Some(1 << 40));
        }
        assert!(!can_loop("{{ fork }} {% if formal %}{% endif %} for"));
    }
}
