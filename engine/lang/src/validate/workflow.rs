//! One workflow: its schema (errors attributed to tasks), task-defaults,
//! its tasks, the raw spec Mistral stores, then the graph semantics.

use std::collections::{HashMap, HashSet};

use super::policies::{limits, policies};
use super::semantics::semantics;
use super::task::{ClauseInfo, on_clause, task};
use super::*;
use crate::schema;
use crate::yaml::py_repr;

pub(super) fn workflow(ctx: &mut Ctx, name: &str, node: &Node) -> Option<Workflow> {
    ctx.workflow = Some(name.to_string());
    ctx.task = None;
    let result = workflow_inner(ctx, name, node);
    ctx.workflow = None;
    ctx.task = None;
    result
}

fn workflow_inner(ctx: &mut Ctx, name: &str, node: &Node) -> Option<Workflow> {
    if node.as_map().is_none() {
        ctx.not_a_mapping(node);
        return None;
    }
    let wf_type = match node.get("type").map(|n| &n.value) {
        None => WorkflowType::Direct,
        Some(Value::Str(t)) if t == "direct" => WorkflowType::Direct,
        Some(Value::Str(t)) if t == "reverse" => WorkflowType::Reverse,
        Some(_) => {
            let t = node.get("type").unwrap_or(node);
            ctx.push(
                t.pos,
                Some("type"),
                format!(
                    "Failed to find a specification class to instantiate: workflow type must be 'direct' or 'reverse', got {}",
                    py_repr(t)
                ),
            );
            return None;
        }
    };
    let direct = wf_type == WorkflowType::Direct;
    let start = ctx.errors.len();

    // Workflow schema; remember the tasks it already reported on.
    let errs = schema::WORKFLOW.validate(node);
    let mut broken_tasks: HashSet<String> = HashSet::new();
    let mut tasks_broken = false;
    for e in &errs {
        match (e.path.first().map(String::as_str), e.path.get(1)) {
            (Some("tasks"), Some(t)) => {
                broken_tasks.insert(t.clone());
            }
            (Some("tasks"), None) => tasks_broken = true,
            (None, None) if e.message.contains("'tasks'") => tasks_broken = true,
            _ => {}
        }
        let (task, attr) = match e.path.first().map(String::as_str) {
            Some("tasks") => (e.path.get(1).cloned(), e.path.get(2).cloned()),
            first => (None, first.map(str::to_string)),
        };
        ctx.task = task;
        ctx.push(
            e.pos,
            attr.as_deref()
                .or(Some("tasks"))
                .filter(|_| !e.path.is_empty()),
            format!("Invalid DSL: {}", e.message),
        );
        ctx.task = None;
    }
    let tasks_node = node.get("tasks");
    if !tasks_broken && tasks_node.is_some_and(|t| !t.truthy()) {
        tasks_broken = true;
        let t = tasks_node.unwrap_or(node);
        ctx.push(
            t.pos,
            Some("tasks"),
            format!("Workflow doesn't have any tasks [data={}]", py_repr(node)),
        );
    }
    if let Some(out) = node.get("output") {
        ctx.exprs(out, "output");
    }
    if let Some(vars) = node.get("vars") {
        ctx.exprs(vars, "vars");
    }

    let (defaults, defaults_clauses) =
        match node.get("task-defaults").filter(|n| n.value != Value::Null) {
            Some(td) => task_defaults(ctx, td),
            None => (None, HashMap::new()),
        };
    let structural_before_tasks = ctx.errors.len() > start;

    // Tasks
    let mut tasks = Vec::new();
    let mut task_clauses: HashMap<String, Vec<(Transition, Pos, &'static str)>> = HashMap::new();
    let mut task_structural = false;
    if let (false, Some(entries)) = (tasks_broken, tasks_node.and_then(Node::as_map)) {
        for (k, v) in entries {
            // `BaseSpecList` skips every key named `version`.
            if k.as_str() == Some("version") {
                continue;
            }
            let Some(tname) = k.as_str() else {
                // Already reported by the schema (non-string key).
                task_structural = true;
                continue;
            };
            if broken_tasks.contains(tname) {
                task_structural = true;
                continue;
            }
            ctx.task = Some(tname.to_string());
            // `None` means the task's structure is broken (the graph checks
            // would then report spurious errors); expression errors are
            // reported but keep the task.
            match task(ctx, tname, v, direct) {
                Some((t, clauses)) => {
                    task_clauses.insert(tname.to_string(), clauses);
                    tasks.push(t);
                }
                None => task_structural = true,
            }
            ctx.task = None;
        }
    }

    let wf = Workflow {
        name: name.to_string(),
        wf_type,
        description: node.get("description").and_then(s),
        tags: string_list(node.get("tags")),
        input: input_params(node.get("input")),
        output: dict(node.get("output")),
        output_on_error: dict(node.get("output-on-error")),
        vars: dict(node.get("vars")),
        task_defaults: defaults,
        tasks,
        spec: raw_spec(node, name, wf_type),
    };

    // Semantics: only on a sound structure.
    if !tasks_broken && !task_structural && !structural_before_tasks {
        semantics(ctx, &wf, node, &task_clauses, &defaults_clauses);
    }
    if ctx.errors.len() > start {
        None
    } else {
        Some(wf)
    }
}

/// Mistral's stored spec dict: the mapping as written, with the keys its
/// spec classes inject (`name`, `version`; per task also `type`).
fn raw_spec(node: &Node, name: &str, wf_type: WorkflowType) -> serde_json::Value {
    use serde_json::Value as J;
    let mut spec = node.to_json();
    let type_name = match wf_type {
        WorkflowType::Direct => "direct",
        WorkflowType::Reverse => "reverse",
    };
    if let J::Object(map) = &mut spec {
        map.insert("name".into(), J::String(name.to_owned()));
        map.insert("version".into(), J::String("2.0".into()));
        if let Some(J::Object(tasks)) = map.get_mut("tasks") {
            for (task_name, task) in tasks.iter_mut() {
                if let J::Object(t) = task {
                    t.insert("type".into(), J::String(type_name.into()));
                    t.insert("name".into(), J::String(task_name.clone()));
                    t.insert("version".into(), J::String("2.0".into()));
                }
            }
        }
    }
    spec
}

type DefaultsClauses = HashMap<&'static str, ClauseInfo>;

/// `task-defaults`: its policies, `safe-rerun`, `requires`, `limits` and
/// `on-*` clauses (kept with positions for the semantic checks).
fn task_defaults(ctx: &mut Ctx, td: &Node) -> (Option<TaskDefaults>, DefaultsClauses) {
    let mut clauses: DefaultsClauses = HashMap::new();
    if ctx.schema(&schema::TASK_DEFAULTS, td, Some("task-defaults")) > 0 {
        return (None, clauses);
    }
    if let Some(sr) = td.get("safe-rerun") {
        ctx.exprs(sr, "task-defaults");
    }
    let policies = policies(ctx, td, "task-defaults");
    let mut d = TaskDefaults {
        policies,
        safe_rerun: td.get("safe-rerun").and_then(bool_or_expr),
        requires: string_list(td.get("requires")),
        limits: td
            .get("limits")
            .and_then(|l| limits(ctx, l, "task-defaults.limits")),
        ..TaskDefaults::default()
    };
    for key in ["on-success", "on-error", "on-complete", "on-skip"] {
        if let Some(c) = td.get(key).filter(|n| n.value != Value::Null)
            && let Some(info) = on_clause(ctx, c, "task-defaults")
        {
            clauses.insert(key, info);
        }
    }
    let clause = |key: &str| clauses.get(key).map(|c| c.clause.clone());
    d.on_success = clause("on-success");
    d.on_error = clause("on-error");
    d.on_complete = clause("on-complete");
    d.on_skip = clause("on-skip");
    (Some(d), clauses)
}
