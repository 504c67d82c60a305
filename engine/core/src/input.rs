//! Checking input against a declaration and filling defaults, one rule for
//! a workflow's `input`, an ad-hoc action's `input` and an action
//! component's parameters (Mistral's `check_parameters` and its wording).

use bora_lang::model::{InputParam, Workflow, WorkflowType};
use serde_json::{Map, Value};

/// A declared input parameter: its name, and its default (`None`: required).
pub trait Declared {
    fn name(&self) -> &str;
    fn default_value(&self) -> Option<&Value>;
}

impl Declared for InputParam {
    fn name(&self) -> &str {
        &self.name
    }

    fn default_value(&self) -> Option<&Value> {
        self.default.as_ref()
    }
}

/// Mistral's input string of a declaration: `a, b="x"` (defaults as JSON).
pub fn input_spec<P: Declared>(params: &[P]) -> String {
    params
        .iter()
        .map(|p| match p.default_value() {
            Some(default) => format!("{}={}", p.name(), default),
            None => p.name().to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Input that does not match a declaration (Mistral's `InputException`,
/// HTTP 400).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{}", self.message())]
pub struct InputError {
    pub name: String,
    /// The class Mistral names: the workflow spec's, the action's.
    pub class: String,
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
    let quoted: Vec<String> = names
        .iter()
        .map(|n| bora_expr::python::str_repr(n))
        .collect();
    format!("[{}]", quoted.join(", "))
}

/// Checks `given` against `params`: nothing required missing, nothing
/// undeclared given. `name` and `class` are what the error shows.
pub fn check<P: Declared>(
    name: &str,
    class: &str,
    params: &[P],
    given: &Map<String, Value>,
) -> Result<(), InputError> {
    let missing: Vec<String> = params
        .iter()
        .filter(|p| p.default_value().is_none() && !given.contains_key(p.name()))
        .map(|p| p.name().to_owned())
        .collect();
    let unexpected: Vec<String> = given
        .keys()
        .filter(|k| !params.iter().any(|p| p.name() == k.as_str()))
        .cloned()
        .collect();
    if missing.is_empty() && unexpected.is_empty() {
        return Ok(());
    }
    Err(InputError {
        name: name.to_owned(),
        class: class.to_owned(),
        missing,
        unexpected,
    })
}

/// `given` (already [`check`]ed) with defaults filled in, in declaration
/// order. Defaults are not evaluated, as in Mistral.
pub fn in_declared_order<P: Declared>(
    params: &[P],
    mut given: Map<String, Value>,
) -> Map<String, Value> {
    let mut out = Map::with_capacity(params.len());
    for param in params {
        let value = match given.remove(param.name()) {
            Some(value) => value,
            None => param.default_value().cloned().unwrap_or(Value::Null),
        };
        out.insert(param.name().to_owned(), value);
    }
    out
}

/// Checks `input` against the workflow's `input` declaration and returns it
/// with defaults filled in, in declaration order (extra keys are an error).
pub fn prepare_input(
    workflow: &Workflow,
    input: &Map<String, Value>,
) -> Result<Map<String, Value>, InputError> {
    let class = match workflow.wf_type {
        WorkflowType::Direct => "DirectWorkflowSpec",
        WorkflowType::Reverse => "ReverseWorkflowSpec",
    };
    check(&workflow.name, class, &workflow.input, input)?;
    Ok(in_declared_order(&workflow.input, input.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_lists_read_as_python_repr() {
        // Quoting by hand printed `['it's']`, which Python never shows.
        let names = ["a".to_owned(), "it's".to_owned(), "x\ny".to_owned()];
        assert_eq!(py_name_list(&names), r#"['a', "it's", 'x\ny']"#);
        assert_eq!(py_name_list(&[]), "[]");
    }
}
