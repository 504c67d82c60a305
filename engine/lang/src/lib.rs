//! Mistral Workflow Language v2: the typed model of workflows, workbooks and
//! ad-hoc actions, a YAML loader that keeps source positions, and a validator
//! that applies Mistral's rules.
//!
//! # Layout
//!
//! - [`yaml`]: YAML text to a positioned node tree, with YAML 1.1 scalars.
//! - [`schema`]: the JSON schemas of Mistral's spec classes, evaluated on nodes.
//! - [`inline`]: the `name k=v` shorthand, `with-items` format, expression checks.
//! - [`model`]: the typed, serde-serialisable model and its derived views.
//! - [`error`]: positioned [`ValidationError`]s.
//!
//! Entry points: [`parse_workflows`], [`parse_workbook`], [`parse_actions`]
//! and [`parse_any`].

pub mod error;
pub mod inline;
pub mod model;
pub mod schema;
mod validate;
pub mod yaml;

pub use error::{Errors, ValidationError};
pub use model::*;
pub use yaml::Pos;

use serde::{Deserialize, Serialize};

/// The three document kinds (the three upload endpoints).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Workflows,
    Workbook,
    Actions,
}

impl std::str::FromStr for Kind {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "workflows" | "workflow" => Ok(Kind::Workflows),
            "workbook" | "workbooks" => Ok(Kind::Workbook),
            "actions" | "action" => Ok(Kind::Actions),
            other => Err(format!(
                "unknown kind '{other}' (expected workflows, workbook or actions)"
            )),
        }
    }
}

fn load(text: &str) -> Result<yaml::Node, Errors> {
    yaml::load(text).map_err(|e| {
        Errors(vec![ValidationError {
            pos: e.pos,
            workflow: None,
            task: None,
            attribute: None,
            message: e.message,
        }])
    })
}

fn finish<T>(ctx: validate::Ctx, value: Option<T>) -> Result<T, Errors> {
    match value {
        Some(v) if ctx.errors.is_empty() => Ok(v),
        _ => {
            let mut errors = ctx.errors;
            if errors.is_empty() {
                // Defensive: a failed build always reports why.
                errors.push(ValidationError {
                    pos: Pos::default(),
                    workflow: None,
                    task: None,
                    attribute: None,
                    message: "invalid definition".into(),
                });
            }
            errors.sort_by_key(|e| (e.pos.line, e.pos.column));
            errors.dedup();
            Err(Errors(errors))
        }
    }
}

/// Parses and validates a workflow list (`version` plus named workflows).
pub fn parse_workflows(text: &str) -> Result<WorkflowList, Errors> {
    let root = load(text)?;
    let mut ctx = validate::Ctx::new();
    let list = validate::workflow_list(&mut ctx, &root);
    finish(ctx, Some(list))
}

/// Parses and validates a workbook.
pub fn parse_workbook(text: &str) -> Result<Workbook, Errors> {
    let root = load(text)?;
    let mut ctx = validate::Ctx::new();
    let wb = validate::workbook(&mut ctx, &root);
    finish(ctx, wb)
}

/// Parses and validates an ad-hoc action list.
pub fn parse_actions(text: &str) -> Result<ActionList, Errors> {
    let root = load(text)?;
    let mut ctx = validate::Ctx::new();
    let list = validate::action_list(&mut ctx, &root);
    finish(ctx, Some(list))
}

/// Guesses the kind of a document: a workbook has a `workflows` or
/// `actions` section, an action list has items with a `base`, anything else
/// is a workflow list.
pub fn detect_kind(text: &str) -> Kind {
    let Ok(root) = yaml::load(text) else {
        return Kind::Workflows;
    };
    let Some(entries) = root.as_map() else {
        return Kind::Workflows;
    };
    let has = |k: &str| entries.iter().any(|(key, _)| key.as_str() == Some(k));
    if (has("workflows") || has("actions")) && has("name") {
        return Kind::Workbook;
    }
    let items: Vec<&yaml::Node> = entries
        .iter()
        .filter(|(k, _)| k.as_str() != Some("version"))
        .map(|(_, v)| v)
        .collect();
    if !items.is_empty()
        && items
            .iter()
            .all(|v| v.get("base").is_some() && v.get("tasks").is_none())
    {
        return Kind::Actions;
    }
    Kind::Workflows
}

/// Parses a document of the given kind, or of the detected kind.
pub fn parse_any(text: &str, kind: Option<Kind>) -> Result<Document, Errors> {
    match kind.unwrap_or_else(|| detect_kind(text)) {
        Kind::Workflows => parse_workflows(text).map(Document::Workflows),
        Kind::Workbook => parse_workbook(text).map(Document::Workbook),
        Kind::Actions => parse_actions(text).map(Document::Actions),
    }
}
