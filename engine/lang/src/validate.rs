//! The validator and model builder: walks the positioned YAML tree in the
//! order Mistral's spec classes do (`mistral/lang/v2/*.py`), applies the
//! same JSON schemas, expression checks and semantic checks, and builds the
//! typed model. Unlike Mistral it does not stop at the first error: every
//! independent problem is reported. Checks that only make sense on a sound
//! structure (the task graph) run only when the structure is sound.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value as Json};

use crate::error::ValidationError;
use crate::inline::{self, one_level_json_strings, one_level_strings};
use crate::model::*;
use crate::schema::{self, Schema};
use crate::yaml::{Node, Pos, Value, py_repr};

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

// ------------------------------------------------------------------ lists

/// Validates a workflow list or action list document (`BaseListSpec`).
/// Returns the version and the item nodes that passed the list schema.
fn list_items<'a>(ctx: &mut Ctx, root: &'a Node) -> (Json, Vec<(String, &'a Node)>) {
    for e in schema::LIST.validate(root) {
        // Paths are `[item, attribute, ...]` except for `version`.
        let (item, attr) = match e.path.first().map(String::as_str) {
            None => (None, None),
            Some("version") => (None, Some("version".to_string())),
            Some(item) => (Some(item.to_string()), e.path.get(1).cloned()),
        };
        ctx.workflow = item;
        ctx.push(
            e.pos,
            attr.as_deref(),
            format!("Invalid DSL: {}", e.message),
        );
        ctx.workflow = None;
    }
    let Some(entries) = root.as_map() else {
        return (Json::Null, Vec::new());
    };
    let items: Vec<(&Node, &Node)> = entries
        .iter()
        .filter(|(k, _)| k.as_str() != Some("version"))
        .map(|(k, v)| (k, v))
        .collect();
    if items.is_empty() && root.get("version").is_some() {
        ctx.push(
            root.pos,
            None,
            format!(
                "At least one item must be in the list [data={}].",
                py_repr(root)
            ),
        );
    }
    let version = root.get("version").map_or(Json::Null, Node::to_json);
    let good = items
        .into_iter()
        .filter(|(_, v)| v.as_map().is_some_and(|m| !m.is_empty()))
        .map(|(k, v)| (k.key_string(), v))
        .collect();
    (version, good)
}

pub(crate) fn workflow_list(ctx: &mut Ctx, root: &Node) -> WorkflowList {
    let (version, items) = list_items(ctx, root);
    let mut workflows = Vec::new();
    for (name, node) in items {
        if let Some(wf) = workflow(ctx, &name, node) {
            workflows.push(wf);
        }
    }
    WorkflowList { version, workflows }
}

pub(crate) fn action_list(ctx: &mut Ctx, root: &Node) -> ActionList {
    let (version, items) = list_items(ctx, root);
    let mut actions = Vec::new();
    for (name, node) in items {
        if let Some(a) = action(ctx, &name, node) {
            actions.push(a);
        }
    }
    ActionList { version, actions }
}

// --------------------------------------------------------------- workbook

pub(crate) fn workbook(ctx: &mut Ctx, root: &Node) -> Option<Workbook> {
    // `_get_spec_version`: `str(float(version))` must be '2.0'.
    if let Some(map) = root.as_map() {
        let v = map
            .iter()
            .find(|(k, _)| k.as_str() == Some("version"))
            .map(|(_, v)| v);
        if let Some(v) = v {
            let as_float = match &v.value {
                Value::Str(s) => s.trim().parse::<f64>().ok(),
                Value::Int(i) => Some(*i as f64),
                Value::Float(f) => Some(*f),
                Value::Bool(b) => Some(f64::from(u8::from(*b))),
                _ => None,
            };
            if as_float != Some(2.0) || !v.truthy() {
                let shown = match &v.value {
                    Value::Str(s) => s.clone(),
                    _ => py_repr(v),
                };
                ctx.push(
                    v.pos,
                    Some("version"),
                    format!("Unsupported DSL version: {shown}"),
                );
                return None;
            }
        }
    }
    if ctx.schema(&schema::WORKBOOK, root, None) > 0 {
        return None;
    }
    let name = root.get("name").map(Node::key_string).unwrap_or_default();
    let mut workflows = Vec::new();
    let mut actions = Vec::new();
    if let Some(section) = root.get("actions").and_then(Node::as_map) {
        for (k, v) in section {
            if k.as_str() == Some("version") {
                continue;
            }
            if let Some(a) = action(ctx, &k.key_string(), v) {
                actions.push(a);
            }
        }
    }
    if let Some(section) = root.get("workflows").and_then(Node::as_map) {
        for (k, v) in section {
            if k.as_str() == Some("version") {
                continue;
            }
            if let Some(w) = workflow(ctx, &k.key_string(), v) {
                workflows.push(w);
            }
        }
    }
    Some(Workbook {
        name,
        version: root.get("version").map_or(Json::Null, Node::to_json),
        description: root.get("description").and_then(s),
        tags: string_list(root.get("tags")),
        workflows,
        actions,
    })
}

// ---------------------------------------------------------------- actions

fn action(ctx: &mut Ctx, name: &str, node: &Node) -> Option<AdhocAction> {
    ctx.workflow = Some(name.to_string());
    ctx.task = None;
    let before = ctx.errors.len();
    let injected = if node.as_map().is_some() {
        with_injected(
            node,
            &[
                ("name", Value::Str(name.to_string())),
                ("version", Value::Str("2.0".into())),
            ],
        )
    } else {
        node.clone()
    };
    if ctx.schema(&schema::ACTION, &injected, None) > 0 {
        ctx.workflow = None;
        return None;
    }
    let base_node = node.get("base")?;
    let (base, params) = cmd_and_input(ctx, base_node, "base").unwrap_or_default();
    for text in one_level_json_strings(&params) {
        ctx.expr_text(text, base_node.pos, "base");
    }
    if let Some(bi) = node.get("base-input") {
        ctx.exprs(bi, "base-input");
    }
    if let Some(out) = node.get("output")
        && out.as_str().is_some()
    {
        ctx.exprs(out, "output");
    }
    let mut base_input = dict(node.get("base-input"));
    merge_dicts(&mut base_input, params);
    ctx.workflow = None;
    if ctx.errors.len() > before {
        return None;
    }
    Some(AdhocAction {
        name: name.to_string(),
        base,
        base_input,
        input: input_params(node.get("input")),
        output: node.get("output").map(Node::to_json),
        description: node.get("description").and_then(s),
        tags: string_list(node.get("tags")),
    })
}

/// `mistral_lib.utils.merge_dicts(left, right)` with overwrite: values of
/// `right` win, nested mappings merge.
fn merge_dicts(left: &mut Dict, right: Dict) {
    for (k, v) in right {
        match (left.get_mut(&k), v) {
            (Some(Json::Object(l)), Json::Object(r)) => merge_dicts(l, r),
            (_, v) => {
                left.insert(k, v);
            }
        }
    }
}

// -------------------------------------------------------------- workflows

/// OnClause parse result plus the nodes of the transitions (for positions).
struct ClauseInfo {
    clause: OnClause,
    /// Position of each transition, parallel to `clause.next`.
    positions: Vec<Pos>,
}

fn workflow(ctx: &mut Ctx, name: &str, node: &Node) -> Option<Workflow> {
    ctx.workflow = Some(name.to_string());
    ctx.task = None;
    let result = workflow_inner(ctx, name, node);
    ctx.workflow = None;
    ctx.task = None;
    result
}

fn workflow_inner(ctx: &mut Ctx, name: &str, node: &Node) -> Option<Workflow> {
    let Some(_) = node.as_map() else {
        ctx.push(
            node.pos,
            None,
            format!(
                "A specification with polymorphic key must be backed by a dictionary [data={}]",
                py_repr(node)
            ),
        );
        return None;
    };
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

    // task-defaults
    let mut defaults: Option<TaskDefaults> = None;
    let mut defaults_clauses: HashMap<&'static str, ClauseInfo> = HashMap::new();
    if let Some(td) = node.get("task-defaults").filter(|n| n.value != Value::Null) {
        let structural = ctx.schema(&schema::TASK_DEFAULTS, td, Some("task-defaults"));
        if structural == 0 {
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
                    defaults_clauses.insert(key, info);
                }
            }
            d.on_success = defaults_clauses.get("on-success").map(|c| c.clause.clone());
            d.on_error = defaults_clauses.get("on-error").map(|c| c.clause.clone());
            d.on_complete = defaults_clauses
                .get("on-complete")
                .map(|c| c.clause.clone());
            d.on_skip = defaults_clauses.get("on-skip").map(|c| c.clause.clone());
            defaults = Some(d);
        }
    }
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

fn is_uuid_like(name: &str) -> bool {
    let s = name.replace("urn:", "").replace("uuid:", "");
    let s = s.trim_matches(|c| c == '{' || c == '}').replace('-', "");
    s.len() == 32 && s.chars().all(|c| c.is_ascii_hexdigit())
}

fn semantics(
    ctx: &mut Ctx,
    wf: &Workflow,
    node: &Node,
    task_clauses: &HashMap<String, Vec<(Transition, Pos, &'static str)>>,
    defaults_clauses: &HashMap<&'static str, ClauseInfo>,
) {
    ctx.task = None;
    if is_uuid_like(&wf.name) {
        ctx.push(
            node.pos,
            None,
            "Workflow name cannot be in the format of UUID.",
        );
    }
    let names: HashSet<&str> = wf.tasks.iter().map(|t| t.name.as_str()).collect();
    let task_pos = |name: &str| -> Pos {
        node.get("tasks")
            .and_then(Node::as_map)
            .and_then(|m| m.iter().find(|(k, _)| k.as_str() == Some(name)))
            .map_or(node.pos, |(k, _)| k.pos)
    };
    match wf.wf_type {
        WorkflowType::Direct => {
            let effective: Vec<&Task> = wf.tasks.iter().collect();
            let outbound: HashMap<&str, Vec<&str>> = effective
                .iter()
                .map(|t| (t.name.as_str(), wf.outbound_of(t)))
                .collect();
            let targets: HashSet<&str> = outbound.values().flatten().copied().collect();
            if effective.iter().all(|t| targets.contains(t.name.as_str())) {
                ctx.push(
                    node.get("tasks").map_or(node.pos, |n| n.pos),
                    Some("tasks"),
                    format!(
                        "Failed to find start tasks in direct workflow. There must be at least one task without inbound transition.[workflow_name={}]",
                        wf.name
                    ),
                );
            }
            // Every transition target exists or is an engine command.
            for t in &effective {
                ctx.task = Some(t.name.clone());
                let own = task_clauses.get(&t.name);
                for target in outbound.get(t.name.as_str()).into_iter().flatten().copied() {
                    if names.contains(target) || ENGINE_COMMANDS.contains(&target) {
                        continue;
                    }
                    // Position: the task's own transition, else the default's.
                    let (pos, attr) = own
                        .and_then(|c| c.iter().find(|(tr, _, _)| tr.name == target))
                        .map(|(_, p, a)| (*p, (*a).to_string()))
                        .or_else(|| {
                            defaults_clauses.iter().find_map(|(key, info)| {
                                info.clause
                                    .next
                                    .iter()
                                    .position(|tr| tr.name == target)
                                    .map(|i| (info.positions[i], format!("task-defaults.{key}")))
                            })
                        })
                        .unwrap_or((task_pos(&t.name), "on-success".into()));
                    ctx.push(pos, Some(&attr), format!("Task '{target}' not found."));
                }
            }
            // Joins count inbound tasks.
            for t in &effective {
                let Some(join) = t.join else { continue };
                ctx.task = Some(t.name.clone());
                let inbound = effective
                    .iter()
                    .filter(|o| {
                        outbound
                            .get(o.name.as_str())
                            .is_some_and(|v| v.contains(&t.name.as_str()))
                    })
                    .count();
                let pos = node
                    .get("tasks")
                    .and_then(|ts| ts.get(&t.name))
                    .and_then(|tn| tn.get("join"))
                    .map_or(task_pos(&t.name), |n| n.pos);
                match join {
                    Join::All if inbound == 0 => ctx.push(
                        pos,
                        Some("join"),
                        format!("No inbound tasks for task with 'join: all' [task_name={}]", t.name),
                    ),
                    Join::Count(n) if (inbound as u64) < n => ctx.push(
                        pos,
                        Some("join"),
                        format!(
                            "Not enough inbound tasks for task with 'join' [task_name={}, join={}, inbound_tasks={}]",
                            t.name, n, inbound
                        ),
                    ),
                    _ => {}
                }
            }
        }
        WorkflowType::Reverse => {
            for t in wf.effective_tasks() {
                ctx.task = Some(t.name.clone());
                for req in &t.requires {
                    if !names.contains(req.as_str()) {
                        let pos = node
                            .get("tasks")
                            .and_then(|ts| ts.get(&t.name))
                            .and_then(|tn| tn.get("requires"))
                            .or_else(|| node.get("task-defaults").and_then(|d| d.get("requires")))
                            .map_or(task_pos(&t.name), |n| n.pos);
                        ctx.push(pos, Some("requires"), format!("Task '{req}' not found."));
                    }
                }
            }
        }
    }
    ctx.task = None;
}

/// `PoliciesSpec` + `RetrySpec`: expressions of the truthy policy values.
fn policies(ctx: &mut Ctx, node: &Node, owner: &str) -> Policies {
    let attr = |k: &str| {
        if owner == "task" {
            k.to_string()
        } else {
            format!("{owner}.{k}")
        }
    };
    let truthy = |k: &str| node.get(k).filter(|n| n.truthy());
    for k in [
        "wait-before",
        "wait-after",
        "timeout",
        "pause-before",
        "concurrency",
        "fail-on",
    ] {
        if let Some(v) = truthy(k) {
            ctx.exprs(v, &attr(k));
        }
    }
    let retry = truthy("retry").and_then(|r| retry(ctx, r, &attr("retry")));
    Policies {
        retry,
        wait_before: truthy("wait-before").and_then(int_or_expr),
        wait_after: truthy("wait-after").and_then(int_or_expr),
        timeout: truthy("timeout").and_then(int_or_expr),
        pause_before: node.get("pause-before").and_then(bool_or_expr),
        concurrency: truthy("concurrency").and_then(int_or_expr),
        fail_on: node.get("fail-on").and_then(bool_or_expr),
    }
}

/// `limits` (Bora extension; the owner's schema checked its structure):
/// the expressions of its values, then the model.
fn limits(ctx: &mut Ctx, node: &Node, attr: &str) -> Option<Limits> {
    node.as_map()?;
    for k in ["fuel", "memory", "allowed-hosts"] {
        if let Some(v) = node.get(k) {
            ctx.exprs(v, attr);
        }
    }
    Some(Limits {
        fuel: node.get("fuel").and_then(int_or_expr),
        memory: node.get("memory").and_then(int_or_expr),
        allowed_hosts: node.get("allowed-hosts").and_then(|h| match &h.value {
            Value::Str(e) => Some(HostsOrExpr::Expr(e.clone())),
            Value::Seq(items) => Some(HostsOrExpr::List(items.iter().filter_map(s).collect())),
            _ => None,
        }),
    })
}

fn retry(ctx: &mut Ctx, node: &Node, attr: &str) -> Option<Retry> {
    // One-line form: `count=3 delay=1` becomes a mapping of its parameters.
    let data: Node = match &node.value {
        Value::Str(_) => {
            let (_, params) = cmd_and_input(ctx, node, attr)?;
            json_to_node(&Json::Object(params), node.pos)
        }
        _ => node.clone(),
    };
    if ctx.schema(&schema::RETRY, &data, Some(attr)) > 0 {
        return None;
    }
    for k in ["count", "delay", "break-on", "continue-on"] {
        if let Some(v) = data.get(k) {
            ctx.exprs(v, attr);
        }
    }
    let m = data.to_json();
    let get = |k: &str| m.get(k);
    Some(Retry {
        count: get("count").and_then(json_int_or_expr)?,
        delay: get("delay").and_then(json_int_or_expr)?,
        break_on: get("break-on").and_then(Json::as_str).map(str::to_string),
        continue_on: get("continue-on")
            .and_then(Json::as_str)
            .map(str::to_string),
        backoff: get("backoff").and_then(Json::as_str).map(|b| match b {
            "exponential" => Backoff::Exponential,
            "constant" => Backoff::Constant,
            other => Backoff::Expr(other.to_string()),
        }),
        max_delay: get("max-delay").and_then(json_int_or_expr),
        jitter: get("jitter").and_then(|j| match j {
            Json::Bool(b) => Some(BoolOrExpr::Bool(*b)),
            Json::String(s) => Some(BoolOrExpr::Expr(s.clone())),
            _ => None,
        }),
    })
}

/// Converts JSON (inline parameters) back into a node at `pos`.
fn json_to_node(v: &Json, pos: Pos) -> Node {
    let value = match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::Str(s.clone()),
        Json::Array(items) => Value::Seq(items.iter().map(|i| json_to_node(i, pos)).collect()),
        Json::Object(m) => Value::Map(
            m.iter()
                .map(|(k, v)| {
                    (
                        Node {
                            value: Value::Str(k.clone()),
                            pos,
                        },
                        json_to_node(v, pos),
                    )
                })
                .collect(),
        ),
    };
    Node { value, pos }
}

/// `OnClauseSpec` (schema already checked by the owner's schema):
/// advanced publish, `next` entries parsed, and the expression checks of
/// `_validate_transitions` (names and conditions).
fn on_clause(ctx: &mut Ctx, node: &Node, attr: &str) -> Option<ClauseInfo> {
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

type TaskClauses = Vec<(Transition, Pos, &'static str)>;

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

fn task(ctx: &mut Ctx, name: &str, node: &Node, direct: bool) -> Option<(Task, TaskClauses)> {
    if node.as_map().is_none() {
        ctx.push(
            node.pos,
            None,
            format!(
                "A specification with polymorphic key must be backed by a dictionary [data={}]",
                py_repr(node)
            ),
        );
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
    // with-items
    let mut with_items = Vec::new();
    if let Some(wi) = node.get("with-items") {
        let items: Vec<&Node> = match &wi.value {
            Value::Seq(items) => items.iter().collect(),
            _ => vec![wi],
        };
        for it in items {
            let Some(text) = it.as_str() else {
                ctx.push(
                    it.pos,
                    Some("with-items"),
                    "'with-items' elements should be strings",
                );
                continue;
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
                continue;
            };
            ctx.expr_text(&entry.source, it.pos, "with-items");
            let source = if entry.source.starts_with('[') {
                match serde_json::from_str::<Json>(&entry.source) {
                    Ok(Json::Array(l)) => ItemsSource::List(l),
                    Ok(_) | Err(_) => {
                        let err = serde_json::from_str::<Json>(&entry.source)
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
                        continue;
                    }
                }
            } else {
                ItemsSource::Expr(entry.source.clone())
            };
            with_items.push(WithItems {
                var: entry.var,
                source,
            });
        }
    }
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
    // Input, with the inline parameters merged in (they win).
    let input = match node.get("input").map(|n| &n.value) {
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
        _ => {
            let mut d = dict(node.get("input"));
            merge_dicts(&mut d, params);
            TaskInput::Dict(d)
        }
    };
    let mut clauses: TaskClauses = Vec::new();
    let mut parsed: [Option<OnClause>; 4] = [None, None, None, None];
    let mut join = None;
    if direct {
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
        join = match node.get("join").map(|n| &n.value) {
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
    }
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
