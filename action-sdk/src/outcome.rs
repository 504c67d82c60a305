//! What `run` returns: [`Outcome`] on success, [`ActionError`] otherwise,
//! and the helpers that build them.

use serde::Serialize;
use serde_json::Value;
use serde_json::value::RawValue;

/// The outcome of a successful call.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The action finished with this result (JSON text, serialized once,
    /// as it crosses to the host).
    Done(Json),
    /// The action goes on outside Bora and is completed later through the
    /// API (`PUT /v2/action_executions/{id}`).
    Pending,
}

/// An error the action reports itself: a message for people and optional
/// JSON details (for Mistral compatibility the details are what a workflow
/// sees as the failed task's result).
#[derive(Debug, Clone, PartialEq)]
pub struct ActionError {
    message: String,
    details: Option<Value>,
}

impl ActionError {
    /// An error with a message and no details.
    pub fn new(message: impl Into<String>) -> Self {
        ActionError {
            message: message.into(),
            details: None,
        }
    }

    /// Attaches JSON details. A value that cannot be represented as JSON
    /// (e.g. a map with non-string keys) is noted in the message instead.
    pub fn with_details(mut self, details: impl Serialize) -> Self {
        match serde_json::to_value(details) {
            Ok(value) => self.details = Some(value),
            Err(e) => {
                self.message = format!("{} (details could not be encoded: {e})", self.message);
            }
        }
        self
    }

    /// The message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The details, if any.
    pub fn details(&self) -> Option<&Value> {
        self.details.as_ref()
    }
}

impl std::fmt::Display for ActionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ActionError {}

/// A result as JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Json(String);

impl Json {
    /// The JSON text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The JSON text, without a copy.
    pub fn into_string(self) -> String {
        self.0
    }

    /// The result parsed (for tests and inspection).
    ///
    /// # Errors
    /// Never for a `Json` built by this crate, which holds valid JSON.
    pub fn to_value(&self) -> serde_json::Result<Value> {
        serde_json::from_str(&self.0)
    }
}

impl Json {
    /// The part of the call's `input` text at `range` (see
    /// [`Json::range_in`]) as the result, cut out of the input's own buffer
    /// in place: no allocation, no copy of a large value into new memory.
    /// The text must be a JSON value as it stood in the input (a member
    /// parsed as `&RawValue`); the host checks every result anyway.
    ///
    /// # Errors
    /// The input, unchanged, when `range` is not within it on character
    /// boundaries.
    pub fn from_input_part(
        mut input: String,
        range: std::ops::Range<usize>,
    ) -> Result<Json, String> {
        if range.start > range.end
            || range.end > input.len()
            || !input.is_char_boundary(range.start)
            || !input.is_char_boundary(range.end)
        {
            return Err(input);
        }
        input.truncate(range.end);
        input.drain(..range.start);
        Ok(Json(input))
    }

    /// Where `part` (text borrowed from `input`, such as a `&RawValue`'s
    /// [`RawValue::get`]) lies in `input`, for [`Json::from_input_part`];
    /// `None` when it is not a slice of `input`.
    pub fn range_in(input: &str, part: &str) -> Option<std::ops::Range<usize>> {
        let base = input.as_ptr() as usize;
        let start = (part.as_ptr() as usize).checked_sub(base)?;
        let end = start.checked_add(part.len())?;
        (end <= input.len()).then_some(start..end)
    }
}

/// Raw JSON text (e.g. an input parameter kept as it came) is already a
/// result: no parse, no copy.
impl From<Box<RawValue>> for Json {
    fn from(raw: Box<RawValue>) -> Self {
        Json(Box::<str>::from(raw).into_string())
    }
}

/// What [`crate::Action::run`] returns.
pub type ActionResult = Result<Outcome, ActionError>;

/// Finishes with `value` as the result, serialized to JSON text at once
/// (a `Box<RawValue>` is copied as it is, not parsed and re-encoded).
pub fn done(value: impl Serialize) -> ActionResult {
    serde_json::to_string(&value)
        .map(|text| Outcome::Done(Json(text)))
        .map_err(|e| ActionError::new(format!("the action's result is not JSON: {e}")))
}

/// Leaves the action running; it is completed later from outside Bora.
/// Only meaningful for actions with `IS_ASYNC = true`.
pub fn pending() -> ActionResult {
    Ok(Outcome::Pending)
}
