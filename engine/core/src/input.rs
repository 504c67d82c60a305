//! Checking a workflow's input against its declaration and filling defaults.

use bora_lang::model::{Workflow, WorkflowType};
use serde_json::{Map, Value};

/// Input that does not match the workflow's declaration (Mistral's
/// `InputException`, HTTP 400).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.message())]
pub struct InputError {
    pub name: String,
    pub class: &'static str,
    pub missing: Vec<String>,
    pub unexpected: Vec<String>,
}

impl InputError {
    /// Mistral's wording; `missing` and `unexpected` appear only when non-empty.
    pub fn message(&self) -> String {
        let mut parts = vec![
            format!("name={}", self.name),
            format!("class={}", self.class),
        ];
        if !self.missing.is_empty() {
            parts.push(format!("missing={}", py_name_list(&self.missing)));
        }
        if !self.unexpected.is_empty() {
            parts.push(format!("unexpected={}", py_name_list(&self.unexpected)));
        }
        format!("Invalid input [{}]", parts.join(", "))
    }
}

/// Python's `repr` of a list of names: `['a', 'b']`.
pub fn py_name_list(names: &[String]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    format!("[{}]", quoted.join(", "))
}

/// Checks `input` against the workflow's `input` declaration and returns it
/// with defaults filled in, in declaration order (extra keys are an error).
/// Defaults are not evaluated, as in Mistral.
pub fn prepare_input(
    workflow: &Workflow,
    input: &Map<String, Value>,
) -> Result<Map<String, Value>, InputError> {
    let mut missing = Vec::new();
    let mut out = Map::new();
    for param in &workflow.input {
        match (input.get(&param.name), &param.default) {
            (Some(value), _) => {
                out.insert(param.name.clone(), value.clone());
            }
            (None, Some(default)) => {
                out.insert(param.name.clone(), default.clone());
            }
            (None, None) => missing.push(param.name.clone()),
        }
    }
    let unexpected: Vec<String> = input
        .keys()
        .filter(|key| !workflow.input.iter().any(|p| &p.name == *key))
        .cloned()
        .collect();
    if missing.is_empty() && unexpected.is_empty() {
        return Ok(out);
    }
    Err(InputError {
        name: workflow.name.clone(),
        class: match workflow.wf_type {
            WorkflowType::Direct => "DirectWorkflowSpec",
            WorkflowType::Reverse => "ReverseWorkflowSpec",
        },
        missing,
        unexpected,
    })
}
