//! The validator and model builder: walks the positioned YAML tree in the
//! order Mistral's spec classes do (`mistral/lang/v2/*.py`), applies the
//! same JSON schemas, expression checks and semantic checks, and builds the
//! typed model. Unlike Mistral it does not stop at the first error: every
//! independent problem is reported. Checks that only make sense on a sound
//! structure (the task graph) run only when the structure is sound.
//!
//! # Layout
//!
//! - this file: the error collector ([`Ctx`]) and node-reading helpers;
//! - `documents`: workflow lists, action lists, workbooks, ad-hoc actions;
//! - `workflow`: one workflow (schema, task-defaults, its tasks, raw spec);
//! - `task`: one task and its `on-*` clauses;
//! - `policies`: `retry`, `wait-*`, `timeout`, ... and Bora's `limits`;
//! - `semantics`: the task-graph checks of a structurally sound workflow.

mod documents;
mod policies;
mod semantics;
mod task;
mod workflow;

use serde_json::{Map, Value as Json};

use crate::error::ValidationError;
use crate::inline;
use crate::inline::one_level_strings;
use crate::model::*;
use crate::schema::Schema;
use crate::yaml::{Node, Pos, Value};

pub(crate) use documents::{action_list, workbook, workflow_list};

const MAX_TASK_NAME: usize = 255;
const MAX_JOIN_TASK_NAME: usize = MAX_TASK_NAME - 47;

/// Collects errors with the current workflow / task context.
pub(crate) struct Ctx {
    pub errors: Vec<ValidationError>,
    workflow: Option<String>,
    task: Option<String>,
}

impl Ctx {
    pub fn new() -> Self {
        Ctx {
            errors: Vec::new(),
            workflow: None,
            task: None,
        }
    }

    fn push(&mut self, pos: Pos, attribute: Option<&str>, message: impl Into<String>) {
        self.errors.push(ValidationError {
            pos,
            workflow: self.workflow.clone(),
            task: self.task.clone(),
            attribute: attribute.map(str::to_string),
            message: message.into(),
        });
    }

    /// Reports `Invalid DSL:` schema errors. `base` is the path of the
    /// validated node (for the attribute name); returns the number reported.
    fn schema(&mut self, schema: &Schema, node: &Node, attribute: Option<&str>) -> usize {
        let errs = schema.validate(node);
        let n = errs.len();
        for e in errs {
            let attr = attribute
                .map(str::to_string)
                .or_else(|| e.path.first().cloned());
            self.push(
                e.pos,
                attr.as_deref(),
                format!("Invalid DSL: {}", e.message),
            );
        }
        n
    }

    /// `validate_expr`: checks the strings of `node` one level deep.
    fn exprs(&mut self, node: &Node, attribute: &str) -> usize {
        let mut n = 0;
        for s in one_level_strings(node) {
            if let Some(text) = s.as_str()
                && let Err(msg) = inline::check_expression(text)
            {
                self.push(s.pos, Some(attribute), msg);
                n += 1;
            }
        }
        n
    }

    /// Mistral's error for a workflow or task that is not a mapping.
    fn not_a_mapping(&mut self, node: &Node) {
        self.push(
            node.pos,
            None,
            format!(
                "A specification with polymorphic key must be backed by a dictionary [data={}]",
                crate::yaml::py_repr(node)
            ),
        );
    }

    fn expr_text(&mut self, text: &str, pos: Pos, attribute: &str) -> usize {
        match inline::check_expression(text) {
            Ok(()) => 0,
            Err(msg) => {
                self.push(pos, Some(attribute), msg);
                1
            }
        }
    }
}

fn s(n: &Node) -> Option<String> {
    n.as_str().map(str::to_string)
}

fn dict(n: Option<&Node>) -> Dict {
    match n.map(Node::to_json) {
        Some(Json::Object(m)) => m,
        _ => Map::new(),
    }
}

fn string_list(n: Option<&Node>) -> Vec<String> {
    match n.map(|n| &n.value) {
        Some(Value::Str(s)) => vec![s.clone()],
        Some(Value::Seq(items)) => items.iter().filter_map(s).collect(),
        _ => Vec::new(),
    }
}

fn int_or_expr(n: &Node) -> Option<IntOrExpr> {
    match &n.value {
        Value::Int(i) => u64::try_from(*i).ok().map(IntOrExpr::Int),
        Value::Float(f) if *f >= 0.0 && f.fract() == 0.0 => Some(IntOrExpr::Int(*f as u64)),
        Value::Str(s) => Some(IntOrExpr::Expr(s.clone())),
        _ => None,
    }
}

fn json_int_or_expr(v: &Json) -> Option<IntOrExpr> {
    match v {
        Json::Number(n) => n.as_u64().map(IntOrExpr::Int),
        Json::String(s) => Some(IntOrExpr::Expr(s.clone())),
        _ => None,
    }
}

fn bool_or_expr(n: &Node) -> Option<BoolOrExpr> {
    match &n.value {
        Value::Bool(b) => Some(BoolOrExpr::Bool(*b)),
        Value::Str(s) => Some(BoolOrExpr::Expr(s.clone())),
        _ => None,
    }
}

/// `utils.get_dict_from_entries` for `input` lists.
fn input_params(n: Option<&Node>) -> Vec<InputParam> {
    let Some(items) = n.and_then(Node::as_seq) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|it| match &it.value {
            Value::Str(name) => Some(InputParam {
                name: name.clone(),
                default: None,
            }),
            Value::Map(entries) => entries.first().map(|(k, v)| InputParam {
                name: k.key_string(),
                default: Some(v.to_json()),
            }),
            _ => None,
        })
        .collect()
}

/// A copy of a mapping node with keys set (Mistral injects `name`,
/// `version` and `type` into spec data before validating it).
fn with_injected(node: &Node, inject: &[(&str, Value)]) -> Node {
    let mut entries: Vec<(Node, Node)> = node.as_map().map(<[_]>::to_vec).unwrap_or_default();
    for (key, value) in inject {
        let v = Node {
            value: value.clone(),
            pos: node.pos,
        };
        if let Some(slot) = entries.iter_mut().find(|(k, _)| k.as_str() == Some(key)) {
            slot.1 = v;
        } else {
            entries.push((
                Node {
                    value: Value::Str((*key).to_string()),
                    pos: node.pos,
                },
                v,
            ));
        }
    }
    Node {
        value: Value::Map(entries),
        pos: node.pos,
    }
}

/// Parses `name k=v` for an attribute, reporting Mistral's error.
fn cmd_and_input(ctx: &mut Ctx, n: &Node, attribute: &str) -> Option<(String, Dict)> {
    let text = n.as_str()?;
    match inline::parse_cmd_and_input(text) {
        Ok(v) => Some(v),
        Err(e) => {
            ctx.push(n.pos, Some(attribute), e.to_string());
            None
        }
    }
}

/// `mistral_lib.utils.merge_dicts(left, right)` with overwrite: values of
/// `right` win, nested mappings merge.
fn merged(left: Dict, right: Dict) -> Dict {
    let mut out = Json::Object(left);
    bora_expr::python::merge_dicts(&mut out, &Json::Object(right));
    match out {
        Json::Object(m) => m,
        _ => Map::new(),
    }
}
