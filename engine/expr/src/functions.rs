//! Mistral's custom expression functions, shared by YAQL and Jinja.
//!
//! Pure functions (`json_dump`, `yaml_parse`, `uuid`, ...) live here. Functions
//! that read execution data (`task()`, `tasks()`, `execution()`, `executions()`,
//! `global()`) go through [`ExprHost`], which the engine implements.

use serde_json::Value;

/// Execution data that expressions may read. The engine implements this over
/// its store; [`NoHost`] is used where there is no execution (`bora expr`, tests).
///
/// Every method returns `Err(message)` when the lookup itself fails; the
/// message becomes part of the evaluation error.
pub trait ExprHost {
    /// `task(name)`: the named task execution of this workflow execution (the
    /// last one with that name), or the current task when `name` is `None`.
    /// `Ok(None)` when there is no such task (Mistral returns `null`).
    fn task(&self, name: Option<&str>) -> Result<Option<Value>, String> {
        let _ = name;
        Ok(None)
    }

    /// `tasks(workflow_execution_id, recursive, state, flat)`.
    fn tasks(
        &self,
        workflow_execution_id: Option<&str>,
        recursive: bool,
        state: Option<&str>,
        flat: bool,
    ) -> Result<Value, String> {
        let _ = (workflow_execution_id, recursive, state, flat);
        Ok(Value::Array(Vec::new()))
    }

    /// `execution()`: the current workflow execution.
    fn execution(&self) -> Result<Value, String> {
        Ok(Value::Null)
    }

    /// `executions(id, root_execution_id, state, from_time, to_time)`.
    fn executions(&self, filter: &ExecutionsFilter) -> Result<Value, String> {
        let _ = filter;
        Ok(Value::Array(Vec::new()))
    }

    /// `global(name)`: a variable of the workflow execution's global context
    /// (`vars` and values published with `global`), read fresh.
    fn global(&self, name: &str) -> Result<Option<Value>, String> {
        let _ = name;
        Ok(None)
    }
}

/// Filters of `executions()`; every field is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExecutionsFilter {
    pub id: Option<String>,
    pub root_execution_id: Option<String>,
    pub state: Option<String>,
    pub from_time: Option<String>,
    pub to_time: Option<String>,
}

/// A host with no execution behind it: every lookup finds nothing.
#[derive(Debug, Clone, Copy, Default)]
pub struct NoHost;

impl ExprHost for NoHost {}
