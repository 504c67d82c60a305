//! One task (`TaskSpec`): schema with the injected keys, action or
//! workflow with inline parameters, input, with-items, policies and the
//! `on-*` clauses (`OnClauseSpec`).

use super::policies::{limits, policies};
use super::*;
use crate::inline::one_level_json_strings;
use crate::schema;
use crate::yaml::py_repr;

/// OnClause parse result plus the nodes of the transitions (for positions).
pub(super) struct ClauseInfo {
    pub(super) clause: OnClause,
    /// Position of each transition, parallel to `clause.next`.
    pub(super) positions: Vec<Pos>,
}

/// `OnClauseSpec` (schema already checked by the owner's schema):
/// advanced publish, `next` entries parsed, and the expression checks of
/// `_validate_transitions` (names and conditions).
pub(super) fn on_clause(ctx: &mut Ctx, node: &Node, attr: &str) -> Option<ClauseInfo> {
    let (publish, next_node) = match &node.value {
        // Any mapping is read as the advanced form (`OnClauseSpec`): a bare
        // `{t2: <% cond %>}` passes the schema but yields no transition.
        Value::Map(_) => {
            let publish = node
                .get("publish")
                .filter(|p| p.value != Value::Null)
                .map(|p| {
                    // `PublishSpec.validate_semantics`.
                    let any = ["branch", "global", "atomic"]
                        .iter()
                        .any(|k| p.get(k).is_some_and(Node::truthy));
                    if !any {
                        ctx.push(
                            p.pos,
                            Some(attr),
                            "Either 'branch', 'global' or 'atomic' must be specified: ",
                        );
                    }
                    for k in ["branch", "global", "atomic"] {
                        if let Some(v) = p.get(k) {
                            ctx.exprs(v, attr);
                        }
                    }
                    PublishSpec {
                        branch: dict(p.get("branch")),
                        global: dict(p.get("global")),
                        atomic: dict(p.get("atomic")),
                    }
                });
            (publish, node.get("next"))
        }
        _ => (None, Some(node)),
    };
    let mut next = Vec::new();
    let mut positions = Vec::new();
    let entries: Vec<&Node> = match next_node.map(|n| &n.value) {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Seq(items)) => items.iter().collect(),
        Some(_) => next_node.into_iter().collect(),
    };
    for e in entries {
        let (name_text, cond, pos) = match &e.value {
            Value::Str(s) => (s.clone(), None, e.pos),
            Value::Map(m) => match m.first() {
                Some((k, v)) => (k.key_string(), v.as_str().map(str::to_string), k.pos),
                None => continue,
            },
            _ => continue,
        };
        let (name, params) = match inline::parse_cmd_and_input(&name_text) {
            Ok(v) => v,
            Err(err) => {
                ctx.push(pos, Some(attr), err.to_string());
                continue;
            }
        };
        // `validate_expr(tuple)`: the name and the condition strings.
        ctx.expr_text(&name, pos, attr);
        if let Some(c) = &cond {
            ctx.expr_text(c, pos, attr);
        }
        next.push(Transition {
            name,
            condition: cond,
            params,
        });
        positions.push(pos);
    }
    Some(ClauseInfo {
        clause: OnClause { publish, next },
        positions,
    })
}

pub(super) type TaskClauses = Vec<(Transition, Pos, &'static str)>;

/// Reports the schema errors of a task, validated as Mistral validates it:
/// with `type`, `name` and `version` injected.
fn task_schema_errors(ctx: &mut Ctx, name: &str, node: &Node, direct: bool) -> usize {
    let injected = with_injected(
        node,
        &[
            // Mistral's order: the workflow injects `type`, the task list
            // then `name` and `version`.
            (
                "type",
                Value::Str(if direct { "direct" } else { "reverse" }.into()),
            ),
            ("name", Value::Str(name.to_string())),
            ("version", Value::Str("2.0".into())),
        ],
    );
    let schema: &Schema = if direct {
        &schema::DIRECT_TASK
    } else {
        &schema::REVERSE_TASK
    };
    ctx.schema(schema, &injected, None)
}

pub(super) fn task(
    ctx: &mut Ctx,
    name: &str,
    node: &Node,
    direct: bool,
) -> Option<(Task, TaskClauses)> {
    if node.as_map().is_none() {
        ctx.not_a_mapping(node);
        return None;
    }
    let quick_ok = !name.is_empty() && schema::raw_task_schema(direct).is_valid(node);
    if !quick_ok && task_schema_errors(ctx, name, node, direct) > 0 {
        return None;
    }
    if name.chars().count() > MAX_TASK_NAME {
        ctx.push(
            node.pos,
            None,
            format!("The length of a '{name}' task name must not exceed {MAX_TASK_NAME} symbols"),
        );
    }
    // Action / workflow with inline parameters.
    let (kind_attr, kind_node) = match (
        node.get("action").filter(|n| n.truthy()),
        node.get("workflow").filter(|n| n.truthy()),
    ) {
        (Some(a), _) => ("action", Some(a)),
        (None, Some(w)) => ("workflow", Some(w)),
        _ => ("action", None),
    };
    let (kind_name, params) = match kind_node {
        Some(n) => cmd_and_input(ctx, n, kind_attr)?,
        None => ("std.noop".to_string(), Map::new()),
    };
    for text in one_level_json_strings(&params) {
        ctx.expr_text(text, kind_node.map_or(node.pos, |n| n.pos), kind_attr);
    }
    for k in [
        "input",
        "publish",
        "publish-on-error",
        "publish-on-skip",
        "keep-result",
        "safe-rerun",
    ] {
        if let Some(v) = node.get(k) {
            ctx.exprs(v, k);
        }
    }
    let with_items = with_items(ctx, node);
    let policies = policies(ctx, node, "task");
    let limits = node.get("limits").and_then(|l| limits(ctx, l, "limits"));
    if limits.is_some() && kind_attr == "workflow" && kind_node.is_some() {
        // A sub-workflow's tasks run their own actions under their own limits.
        ctx.push(
            node.get("limits").map_or(node.pos, |n| n.pos),
            Some("limits"),
            "'limits' applies to a task's action calls; a 'workflow' task runs none (set 'limits' on the sub-workflow's tasks)",
        );
    }
    let input = task_input(ctx, node, params, kind_attr);
    let (parsed, clauses, join) = if direct {
        direct_clauses(ctx, name, node)
    } else {
        Default::default()
    };
    let [on_success, on_error, on_complete, on_skip] = parsed;
    let kind = if kind_attr == "workflow" && kind_node.is_some() {
        TaskKind::Workflow(kind_name)
    } else {
        TaskKind::Action(kind_name)
    };
    Some((
        Task {
            name: name.to_string(),
            description: node.get("description").and_then(s),
            tags: string_list(node.get("tags")),
            kind,
            input,
            with_items,
            publish: dict(node.get("publish")),
            publish_on_error: dict(node.get("publish-on-error")),
            publish_on_skip: dict(node.get("publish-on-skip")),
            policies,
            target: node.get("target").and_then(s),
            keep_result: node
                .get("keep-result")
                .and_then(bool_or_expr)
                .unwrap_or(BoolOrExpr::Bool(true)),
            safe_rerun: node.get("safe-rerun").and_then(bool_or_expr),
            join,
            on_success,
            on_error,
            on_complete,
            on_skip,
            requires: if direct {
                Vec::new()
            } else {
                string_list(node.get("requires"))
            },
            limits,
        },
        clauses,
    ))
}

/// `with-items`: each `var in source` entry, its source a literal list or
/// an expression.
fn with_items(ctx: &mut Ctx, node: &Node) -> Vec<WithItems> {
    let Some(wi) = node.get("with-items") else {
        return Vec::new();
    };
    let items: Vec<&Node> = match &wi.value {
        Value::Seq(items) => items.iter().collect(),
        _ => vec![wi],
    };
    items
        .into_iter()
        .filter_map(|it| with_items_entry(ctx, node, it))
        .collect()
}

fn with_items_entry(ctx: &mut Ctx, node: &Node, it: &Node) -> Option<WithItems> {
    let Some(text) = it.as_str() else {
        ctx.push(
            it.pos,
            Some("with-items"),
            "'with-items' elements should be strings",
        );
        return None;
    };
    let Some(entry) = inline::parse_with_items(text) else {
        ctx.push(
            it.pos,
            Some("with-items"),
            format!(
                "Wrong format of 'with-items' property. Please use format 'var in {{[some, list] | <% $.array %> }}: {}",
                py_repr(node)
            ),
        );
        return None;
    };
    ctx.expr_text(&entry.source, it.pos, "with-items");
    let source = if entry.source.starts_with('[') {
        match serde_json::from_str::<Json>(&entry.source) {
            Ok(Json::Array(l)) => ItemsSource::List(l),
            other => {
                let err = other
                    .err()
                    .map_or_else(|| "not a list".to_string(), |e| e.to_string());
                ctx.push(
                    it.pos,
                    Some("with-items"),
                    format!(
                        "Invalid array in 'with-items' clause: {}, error: {err}",
                        entry.source
                    ),
                );
                return None;
            }
        }
    } else {
        ItemsSource::Expr(entry.source.clone())
    };
    Some(WithItems {
        var: entry.var,
        source,
    })
}

/// The task's `input`, with the inline parameters of `action`/`workflow`
/// merged in (they win).
fn task_input(ctx: &mut Ctx, node: &Node, params: Dict, kind_attr: &str) -> TaskInput {
    match node.get("input").map(|n| &n.value) {
        Some(Value::Str(e)) => {
            if !params.is_empty() {
                // Mistral crashes here (TypeError, HTTP 500).
                ctx.push(
                    node.get("input").map_or(node.pos, |n| n.pos),
                    Some("input"),
                    format!(
                        "'input' is an expression, so the inline parameters of '{kind_attr}' cannot be merged into it; move them into the expression or use an 'input' mapping"
                    ),
                );
            }
            TaskInput::Expr(e.clone())
        }
        _ => TaskInput::Dict(merged(dict(node.get("input")), params)),
    }
}

/// The `on-*` clauses and `join` of a task in a direct workflow.
fn direct_clauses(
    ctx: &mut Ctx,
    name: &str,
    node: &Node,
) -> ([Option<OnClause>; 4], TaskClauses, Option<Join>) {
    let mut clauses: TaskClauses = Vec::new();
    let mut parsed: [Option<OnClause>; 4] = [None, None, None, None];
    for (i, key) in ["on-success", "on-error", "on-complete", "on-skip"]
        .into_iter()
        .enumerate()
    {
        if let Some(c) = node.get(key).filter(|n| n.value != Value::Null)
            && let Some(info) = on_clause(ctx, c, key)
        {
            for (tr, pos) in info.clause.next.iter().zip(&info.positions) {
                clauses.push((tr.clone(), *pos, key));
            }
            parsed[i] = Some(info.clause);
        }
    }
    let join = match node.get("join").map(|n| &n.value) {
        Some(Value::Str(s)) if s == "all" => Some(Join::All),
        Some(Value::Str(s)) if s == "one" => Some(Join::Count(1)),
        Some(Value::Int(n)) if *n > 0 => Some(Join::Count(*n as u64)),
        Some(Value::Float(f)) if *f > 0.0 => Some(Join::Count(*f as u64)),
        _ => None,
    };
    if join.is_some() && name.chars().count() > MAX_JOIN_TASK_NAME {
        ctx.push(
            node.get("join").map_or(node.pos, |n| n.pos),
            Some("join"),
            format!(
                "The length of a '{name}' join task name must not exceed {MAX_JOIN_TASK_NAME} symbols"
            ),
        );
    }
    (parsed, clauses, join)
}
