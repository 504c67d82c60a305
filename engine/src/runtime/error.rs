//! The runtime's typed failures: creating the runtime ([`RuntimeError`]),
//! loading a component ([`LoadError`]) and calling an action ([`ActionFailure`]).

use std::time::Duration;

use serde_json::Value;

use super::config::OverCeiling;
use super::host::LogRecord;

/// The runtime itself could not be set up.
#[derive(Debug, thiserror::Error)]
pub enum RuntimeError {
    /// wasmtime refused the engine configuration (with the pooling fallback tried).
    #[error("cannot create the wasmtime engine: {0}")]
    Engine(String),
    /// The thread pool that runs actions could not be started.
    #[error("cannot start the action thread pool: {0}")]
    Pool(String),
    /// The host functions (WASI, wasi:http, log) could not be linked.
    #[error("cannot set up the host linker: {0}")]
    Linker(String),
    /// A standard action failed to load.
    #[error("cannot load standard action {name}: {source}")]
    StdAction {
        name: String,
        #[source]
        source: Box<LoadError>,
    },
}

/// A component was rejected when it was loaded.
#[derive(Debug, Clone, thiserror::Error)]
pub enum LoadError {
    /// The bytes are not a valid WebAssembly component.
    #[error("action {name}: not a valid WebAssembly component: {message}")]
    InvalidComponent { name: String, message: String },
    /// The component does not implement the `bora:action/action` world; the
    /// message names the missing or mismatched import or export.
    #[error("action {name}: the component does not implement the bora:action world: {message}")]
    WorldMismatch { name: String, message: String },
    /// `describe()` trapped or returned something unusable.
    #[error("action {name}: describe() failed: {message}")]
    Describe { name: String, message: String },
}

/// Why a call did not produce a result. Everything the action printed or
/// logged before it failed is kept alongside.
#[derive(Debug, thiserror::Error)]
#[error("{kind}")]
pub struct ActionFailure {
    /// What went wrong.
    pub kind: FailureKind,
    /// Captured stdout of the action (size-capped), empty when it never ran.
    pub stdout: String,
    /// Captured stderr of the action (size-capped); a panic message lands here.
    pub stderr: String,
    /// Records the action sent through the `log` import.
    pub logs: Vec<LogRecord>,
    /// Fuel consumed before the failure (0 when the action never ran).
    pub fuel_used: u64,
    /// Wall time of the call.
    pub elapsed: Duration,
}

impl ActionFailure {
    /// A failure raised before the action ran (nothing captured).
    pub(crate) fn early(kind: FailureKind) -> Self {
        Self {
            kind,
            stdout: String::new(),
            stderr: String::new(),
            logs: Vec::new(),
            fuel_used: 0,
            elapsed: Duration::ZERO,
        }
    }
}

/// The kinds of call failure, one per cause a caller may treat differently.
#[derive(Debug, thiserror::Error)]
pub enum FailureKind {
    /// No action is loaded under this name.
    #[error("action {name} is not loaded")]
    NotFound { name: String },
    /// The input does not match the parameters the action describes
    /// (Mistral's wording: `Invalid input [name=.., class=.., missing=[..], unexpected=[..]]`).
    #[error("{message}")]
    BadInput {
        message: String,
        missing: Vec<String>,
        unexpected: Vec<String>,
    },
    /// The action returned its own error.
    #[error("{message}")]
    ActionError {
        message: String,
        /// The error details the action attached, as JSON.
        details: Option<Value>,
    },
    /// The action failed after the host refused one of its outgoing requests.
    #[error("network access denied ({}): {message}", denied.join("; "))]
    NetworkDenied {
        /// Each refused request and why.
        denied: Vec<String>,
        /// The action's own error message (or the trap) that followed.
        message: String,
        details: Option<Value>,
    },
    /// The fuel budget ran out.
    #[error("the action ran out of fuel (budget {fuel})")]
    OutOfFuel { fuel: u64 },
    /// The action tried to grow its memory beyond the cap.
    #[error("the action exceeded its memory limit of {limit} bytes (asked for {requested} bytes)")]
    MemoryLimit { limit: u64, requested: u64 },
    /// The wall-clock deadline passed.
    #[error("the action timed out after {timeout:?}")]
    Timeout { timeout: Duration },
    /// The action trapped (a panic, an `unreachable`, a bad memory access...).
    #[error("the action trapped: {message}")]
    Trap { message: String },
    /// The action finished but its result is not JSON.
    #[error("the action's result is not JSON ({error}): {excerpt}")]
    NotJson { error: String, excerpt: String },
    /// The call's fuel or memory is above the operator's ceiling (the
    /// message names the ceiling and the flag that raises it).
    #[error("the call's {key} {0}", key = .0.limit.key())]
    OverCeiling(OverCeiling),
    /// The node is shutting down and stopped the call (or refused to start
    /// it). Not the action's outcome: its job stays queued and runs again
    /// (or fails as not safe to rerun) at the next start or on another node.
    #[error("the action was interrupted by shutdown")]
    Interrupted,
    /// The host could not run the call (instantiation failed for a host reason).
    #[error("the runtime could not run the action: {message}")]
    Internal { message: String },
}

/// What a failed call stores as the action's error (Mistral keeps the error
/// value in `output.result`); `name` is the action that was called. Kept
/// with the failure kinds so that the registry needs nothing above it.
pub fn failure_value(kind: &FailureKind, name: &str) -> Value {
    match kind {
        FailureKind::ActionError {
            details: Some(details),
            ..
        } => details.clone(),
        FailureKind::ActionError { message, .. } if name == "std.fail" => Value::String(format!(
            "The action raised an exception [action=Fail action, msg='{message}']"
        )),
        FailureKind::NotFound { name } => {
            Value::String(format!("Failed to find action [action_name={name}]"))
        }
        other => Value::String(other.to_string()),
    }
}
