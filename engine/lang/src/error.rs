//! Positioned validation errors. Bora reports every error it finds; each
//! names the workflow, task and attribute concerned and where it is.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::yaml::Pos;

/// One problem in a definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub struct ValidationError {
    /// Where the problem is (line and column, 1-based).
    pub pos: Pos,
    /// The workflow (or ad-hoc action) concerned, if any.
    pub workflow: Option<String>,
    /// The task concerned, if any.
    pub task: Option<String>,
    /// The attribute concerned (`on-success`, `input`, ...), if any.
    pub attribute: Option<String>,
    /// The message, in Mistral's wording where Mistral has one.
    pub message: String,
}

impl ValidationError {
    /// The `workflow 'wf', task 't', attribute 'a'` part, if any.
    pub fn context(&self) -> String {
        let mut parts = Vec::new();
        if let Some(w) = &self.workflow {
            parts.push(format!("workflow '{w}'"));
        }
        if let Some(t) = &self.task {
            parts.push(format!("task '{t}'"));
        }
        if let Some(a) = &self.attribute {
            parts.push(format!("attribute '{a}'"));
        }
        parts.join(", ")
    }
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ctx = self.context();
        if ctx.is_empty() {
            write!(f, "{}: {}", self.pos, self.message)
        } else {
            write!(f, "{}: {}: {}", self.pos, ctx, self.message)
        }
    }
}

/// Every error found in a definition (never empty), in document order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, thiserror::Error)]
pub struct Errors(pub Vec<ValidationError>);

impl Errors {
    pub fn iter(&self) -> impl Iterator<Item = &ValidationError> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}
