//! Caps on everything a client or a workflow can make big: request bodies,
//! definitions, inputs, published values, action results, contexts,
//! with-items, sub-workflow depth and error messages.
//!
//! One [`EngineLimits`] value holds them all. The shell sets it on every
//! [`crate::execution::Execution`] it loads (the core never reads
//! configuration) and gives it to the service and API for the checks at the
//! door. The defaults are generous: a real workflow never meets them; they
//! stop a hostile or runaway one with a clear error instead of exhausting
//! memory, disk or time.

use std::io;

use serde::{Deserialize, Serialize};
use serde_json::Value;

const KIB: usize = 1024;
const MIB: usize = 1024 * KIB;

/// Every limit Bora enforces on workflows and requests. Sizes are bytes of
/// compact JSON (or of the raw text for bodies and definitions).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EngineLimits {
    /// A request body (API): larger ones get 413.
    pub max_request_bytes: usize,
    /// A workflow, workbook or action definition as uploaded (API: 400).
    pub max_definition_bytes: usize,
    /// Tasks in one workflow of a definition (API: 400).
    pub max_tasks: usize,
    /// An execution's `input`, and its `params` (each), when started over
    /// the API (400).
    pub max_input_bytes: usize,
    /// One published variable (`publish`, branch or global): the task fails.
    pub max_published_bytes: usize,
    /// All action results of one task (a with-items task's list): the task
    /// fails. The executor separately caps one action result.
    pub max_result_bytes: usize,
    /// The branch context a task passes on, and the workflow's global
    /// context (`vars` and `global` publications), each: the task fails.
    pub max_context_bytes: usize,
    /// Items of one with-items task: refused before any item starts.
    pub max_with_items: usize,
    /// Nesting of sub-workflows (a top-level execution is at depth 0): a
    /// task that would start one deeper fails.
    pub max_depth: u32,
    /// A task's or execution's `state_info` (and an error `result`): longer
    /// messages are cut with a note, so parents wrapping their children's
    /// errors cannot grow them without bound.
    pub max_message_bytes: usize,
}

impl Default for EngineLimits {
    fn default() -> Self {
        Self {
            max_request_bytes: 16 * MIB,
            max_definition_bytes: 8 * MIB,
            max_tasks: 50_000,
            max_input_bytes: 4 * MIB,
            max_published_bytes: 8 * MIB,
            max_result_bytes: 32 * MIB,
            max_context_bytes: 32 * MIB,
            max_with_items: 100_000,
            max_depth: 50,
            max_message_bytes: 64 * KIB,
        }
    }
}

/// Counts bytes written, discarding them.
struct Counter(usize);

impl io::Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0 += buf.len();
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The size of `value` as compact JSON, without building the text.
pub fn json_size(value: &Value) -> usize {
    let mut counter = Counter(0);
    // Writing to a counter cannot fail, and a `Value` always serialises.
    let _ = serde_json::to_writer(&mut counter, value);
    counter.0
}

/// The byte size of a map as compact JSON.
pub fn map_size(map: &serde_json::Map<String, Value>) -> usize {
    let mut counter = Counter(0);
    let _ = serde_json::to_writer(&mut counter, map);
    counter.0
}

/// The longest prefix of `text` of at most `max` bytes, on a character
/// boundary.
fn prefix(text: &str, max: usize) -> &str {
    &text[..text.floor_char_boundary(max)]
}

/// A message builder that keeps at most `max` bytes and counts the rest,
/// so a message made of many parts (one per failed item) is never built in
/// full first.
#[derive(Debug)]
pub struct BoundedText {
    text: String,
    max: usize,
    total: usize,
}

impl BoundedText {
    pub fn new(max: usize) -> Self {
        Self {
            text: String::new(),
            max,
            total: 0,
        }
    }

    pub fn push(&mut self, part: &str) {
        self.total += part.len();
        let room = self.max.saturating_sub(self.text.len());
        if room > 0 {
            self.text.push_str(prefix(part, room));
        }
    }

    /// The text, with a note saying how much was cut when it was.
    pub fn finish(self) -> String {
        if self.total <= self.max {
            return self.text;
        }
        cut_with_note(&self.text, self.total, self.max)
    }
}

/// `text` cut to `max` bytes with a note, when longer; `total` is the full
/// length (it may exceed `text.len()` when the rest was never built).
fn cut_with_note(text: &str, total: usize, max: usize) -> String {
    let note = format!(
        "\n... [message truncated: {total} bytes in all, limit {max} bytes (max_message_bytes)]"
    );
    let keep = prefix(text, max.saturating_sub(note.len()));
    format!("{keep}{note}")
}

/// `text` bounded to `max` bytes (see [`BoundedText`]).
pub fn bound_message(text: String, max: usize) -> String {
    if text.len() <= max {
        return text;
    }
    cut_with_note(&text, text.len(), max)
}

/// Where `value` holds a NUL character (U+0000), in a string or a key:
/// a dotted path from the top (`input.names.2`), or `None`. PostgreSQL
/// cannot store NUL in text, so the API refuses it at the door.
pub fn find_nul(value: &Value) -> Option<String> {
    fn walk(value: &Value, path: &mut Vec<String>) -> bool {
        match value {
            Value::String(s) => s.contains('\0'),
            Value::Array(items) => items.iter().enumerate().any(|(i, item)| {
                path.push(i.to_string());
                let found = walk(item, path);
                if !found {
                    path.pop();
                }
                found
            }),
            Value::Object(map) => map.iter().any(|(key, item)| {
                path.push(key.replace('\0', "\\u0000"));
                let found = key.contains('\0') || walk(item, path);
                if !found {
                    path.pop();
                }
                found
            }),
            _ => false,
        }
    }
    let mut path = Vec::new();
    walk(value, &mut path).then(|| path.join("."))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn sizes_are_compact_json_lengths() {
        let value = json!({"a": [1, "é", null], "b": {"c": true}});
        assert_eq!(json_size(&value), value.to_string().len());
        assert_eq!(json_size(&json!("\u{0}")), "\"\\u0000\"".len());
    }

    #[test]
    fn nul_characters_are_found_with_their_path() {
        assert_eq!(find_nul(&json!({"a": [1, "x"]})), None);
        assert_eq!(
            find_nul(&json!({"a": [1, {"b": "x\u{0}y"}]})),
            Some("a.1.b".to_owned())
        );
        assert_eq!(find_nul(&json!({"k\u{0}": 1})), Some("k\\u0000".to_owned()));
        assert_eq!(find_nul(&json!("\u{0}")), Some(String::new()));
    }

    #[test]
    fn long_messages_are_cut_with_a_note_within_the_limit() {
        let text = "é".repeat(1000);
        let cut = bound_message(text.clone(), 300);
        assert!(cut.len() <= 300, "{}", cut.len());
        assert!(cut.contains("2000 bytes in all, limit 300 bytes (max_message_bytes)"));
        assert!(cut.starts_with("éé"));
        assert_eq!(bound_message("short".into(), 300), "short");
    }

    #[test]
    fn bounded_text_counts_what_it_drops() {
        let mut text = BoundedText::new(200);
        for _ in 0..1000 {
            text.push("0123456789");
        }
        let out = text.finish();
        assert!(out.len() <= 200);
        assert!(out.contains("10000 bytes in all"), "{out}");
        let mut small = BoundedText::new(200);
        small.push("abc");
        assert_eq!(small.finish(), "abc");
    }
}
