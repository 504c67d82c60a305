//! The typed model of Workflow Language v2 documents: workflow lists,
//! workbooks and ad-hoc action lists. Everything is `Serialize` /
//! `Deserialize`, so the engine can cache a parsed definition as JSON.
//!
//! A [`Workflow`] keeps each task as written ([`Workflow::tasks`]) plus its
//! `task-defaults`; [`Workflow::task`] gives the effective task with the
//! defaults applied the way Mistral applies them.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

/// A JSON object in declaration order.
pub type Dict = Map<String, Json>;

/// The engine commands usable as transition targets.
pub const ENGINE_COMMANDS: [&str; 4] = ["noop", "fail", "succeed", "pause"];

/// `version: '2.0'` plus named workflows (`POST /v2/workflows`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkflowList {
    /// The `version` value as written (lists accept any string or number).
    pub version: Json,
    pub workflows: Vec<Workflow>,
}

/// A workbook (`POST /v2/workbooks`): workflows and actions under a name.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workbook {
    pub name: String,
    pub version: Json,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub workflows: Vec<Workflow>,
    pub actions: Vec<AdhocAction>,
}

impl Workbook {
    /// The name Mistral stores a workbook item under: `<workbook>.<item>`.
    pub fn qualified_name(&self, item: &str) -> String {
        format!("{}.{}", self.name, item)
    }
}

/// An ad-hoc action list (`POST /v2/actions`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActionList {
    pub version: Json,
    pub actions: Vec<AdhocAction>,
}

/// Any of the three document kinds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Document {
    Workflows(WorkflowList),
    Workbook(Workbook),
    Actions(ActionList),
}

/// An ad-hoc action: a base action with preset input and an output transform.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AdhocAction {
    pub name: String,
    /// The base action name, without its inline parameters.
    pub base: String,
    /// `base-input` with the inline `base k=v` parameters merged in.
    pub base_input: Dict,
    pub input: Vec<InputParam>,
    /// `output` (any value; strings are expressions on the base result).
    pub output: Option<Json>,
    pub description: Option<String>,
    pub tags: Vec<String>,
}

/// One declared input: `name` (required) or `{name: default}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(from = "StoredInputParam", into = "StoredInputParam")]
pub struct InputParam {
    pub name: String,
    /// `None` for a required input, `Some(null)` for `{name: null}` (an
    /// optional input defaulting to null). Defaults are not evaluated.
    pub default: Option<Json>,
}

/// How an [`InputParam`] is stored: `default` is `null` both for a required
/// input and for a null default (as versions before the flag wrote them),
/// so a null default also says `null_default: true`.
#[derive(Serialize, Deserialize)]
struct StoredInputParam {
    name: String,
    #[serde(default)]
    default: Json,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    null_default: bool,
}

impl From<StoredInputParam> for InputParam {
    fn from(stored: StoredInputParam) -> Self {
        let default = match stored.default {
            Json::Null if !stored.null_default => None,
            value => Some(value),
        };
        Self {
            name: stored.name,
            default,
        }
    }
}

impl From<InputParam> for StoredInputParam {
    fn from(param: InputParam) -> Self {
        Self {
            name: param.name,
            null_default: param.default == Some(Json::Null),
            default: param.default.unwrap_or(Json::Null),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum WorkflowType {
    #[default]
    Direct,
    Reverse,
}

/// A workflow definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Workflow {
    pub name: String,
    #[serde(rename = "type")]
    pub wf_type: WorkflowType,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub input: Vec<InputParam>,
    pub output: Dict,
    pub output_on_error: Dict,
    pub vars: Dict,
    pub task_defaults: Option<TaskDefaults>,
    /// Tasks as written, in declaration order.
    pub tasks: Vec<Task>,
    /// The definition as Mistral keeps it (`wf_spec.to_dict()`): the raw
    /// mapping with `name` and `version` injected, and `name`, `version`
    /// and `type` injected into each task. `execution().spec` and
    /// `task().spec` show it.
    #[serde(default)]
    pub spec: Json,
}

/// `task-defaults`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct TaskDefaults {
    pub policies: Policies,
    pub on_success: Option<OnClause>,
    pub on_error: Option<OnClause>,
    pub on_complete: Option<OnClause>,
    pub on_skip: Option<OnClause>,
    pub safe_rerun: Option<BoolOrExpr>,
    pub requires: Vec<String>,
    /// Bora extension: default `limits` (each key applies where the task
    /// does not set it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<Limits>,
}

/// `limits` (Bora extension): sandbox limits of a task's action calls.
/// They override the action's own (set at upload) and the runtime's
/// defaults, key by key; `None` keeps the level below. The wall-clock
/// limit is the task's `timeout` policy, not a key here.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Limits {
    /// Fuel budget (about one unit per wasm instruction).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fuel: Option<IntOrExpr>,
    /// Cap on the call's total linear memory, in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<IntOrExpr>,
    /// Hosts the action may reach; replaces the action's list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_hosts: Option<HostsOrExpr>,
}

impl Limits {
    /// `self`'s keys, else `defaults`' (task over task-defaults).
    pub fn or(&self, defaults: &Limits) -> Limits {
        Limits {
            fuel: self.fuel.clone().or_else(|| defaults.fuel.clone()),
            memory: self.memory.clone().or_else(|| defaults.memory.clone()),
            allowed_hosts: self
                .allowed_hosts
                .clone()
                .or_else(|| defaults.allowed_hosts.clone()),
        }
    }
}

/// `allowed-hosts`: a list (each entry a host or an expression giving
/// one), or one expression giving the list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HostsOrExpr {
    List(Vec<String>),
    Expr(String),
}

/// What a task runs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskKind {
    /// An action name (or an expression giving one); `std.noop` by default.
    Action(String),
    /// A sub-workflow name (or an expression).
    Workflow(String),
}

/// A task's `input`: a mapping, or one expression giving a mapping.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TaskInput {
    Dict(Dict),
    Expr(String),
}

/// An integer policy value or an expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum IntOrExpr {
    Int(u64),
    Expr(String),
}

/// A boolean policy value or an expression.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum BoolOrExpr {
    Bool(bool),
    Expr(String),
}

/// `join`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Join {
    /// Every inbound task must route here.
    All,
    /// At least N inbound tasks (`one` is 1).
    Count(u64),
}

/// Retry policy. `backoff`, `max_delay` and `jitter` are Bora extensions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Retry {
    pub count: IntOrExpr,
    pub delay: IntOrExpr,
    pub break_on: Option<String>,
    pub continue_on: Option<String>,
    /// `constant` (Mistral's behaviour, the default) or `exponential`: the
    /// n-th retry waits `delay * 2^(n-1)`, capped by `max_delay`.
    pub backoff: Option<Backoff>,
    pub max_delay: Option<IntOrExpr>,
    /// With `jitter: true` each wait is drawn uniformly from `[0, wait]`.
    pub jitter: Option<BoolOrExpr>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Backoff {
    Constant,
    Exponential,
    Expr(String),
}

/// The task policies (task value, else the task-defaults value).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Policies {
    pub retry: Option<Retry>,
    pub wait_before: Option<IntOrExpr>,
    pub wait_after: Option<IntOrExpr>,
    pub timeout: Option<IntOrExpr>,
    pub pause_before: Option<BoolOrExpr>,
    pub concurrency: Option<IntOrExpr>,
    pub fail_on: Option<BoolOrExpr>,
}

/// One `with-items` variable: `var in <source>`; several are zipped.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WithItems {
    pub var: String,
    pub source: ItemsSource,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemsSource {
    /// A JSON list literal.
    List(Vec<Json>),
    /// An expression giving the list.
    Expr(String),
}

/// The advanced `publish: {branch, global, atomic}` of an on-clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct PublishSpec {
    pub branch: Dict,
    pub global: Dict,
    pub atomic: Dict,
}

/// An `on-success` / `on-error` / `on-complete` / `on-skip` clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct OnClause {
    pub publish: Option<PublishSpec>,
    pub next: Vec<Transition>,
}

/// One transition: a task name or engine command, an optional condition
/// and the inline parameters (`fail msg='x'`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Transition {
    pub name: String,
    /// The condition expression of the `{name: <% cond %>}` form.
    pub condition: Option<String>,
    pub params: Dict,
}

impl Transition {
    /// The engine command this transition names, if any.
    pub fn command(&self) -> Option<&str> {
        ENGINE_COMMANDS.iter().copied().find(|c| *c == self.name)
    }
}

/// A task definition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    pub name: String,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub kind: TaskKind,
    /// Input with the inline `action k=v` parameters merged in (they win).
    pub input: TaskInput,
    pub with_items: Vec<WithItems>,
    pub publish: Dict,
    pub publish_on_error: Dict,
    pub publish_on_skip: Dict,
    pub policies: Policies,
    pub target: Option<String>,
    pub keep_result: BoolOrExpr,
    pub safe_rerun: Option<BoolOrExpr>,
    pub join: Option<Join>,
    pub on_success: Option<OnClause>,
    pub on_error: Option<OnClause>,
    pub on_complete: Option<OnClause>,
    pub on_skip: Option<OnClause>,
    /// `requires` of a reverse-workflow task.
    pub requires: Vec<String>,
    /// Bora extension: sandbox limits of the task's action calls.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limits: Option<Limits>,
}

impl Workflow {
    /// The task as written, without task-defaults.
    pub fn raw_task(&self, name: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.name == name)
    }

    /// The effective task: task-defaults applied as Mistral applies them.
    /// Policies: the task's value, else the default. Transitions: the
    /// default `on-X` only when the task has none (or an empty one), minus
    /// transitions to the task itself. `requires`: the union, minus itself.
    /// `safe-rerun`: the task's value, else the default. `limits` (Bora):
    /// each key from the task, else from the default.
    pub fn task(&self, name: &str) -> Option<Task> {
        self.raw_task(name).map(|raw| self.effective(raw))
    }

    /// [`Workflow::task`] for a task of this workflow at hand.
    fn effective(&self, raw: &Task) -> Task {
        let name = raw.name.as_str();
        let Some(d) = &self.task_defaults else {
            return raw.clone();
        };
        let mut t = raw.clone();
        let p = &mut t.policies;
        let dp = &d.policies;
        p.retry = p.retry.take().or_else(|| dp.retry.clone());
        p.wait_before = p.wait_before.take().or_else(|| dp.wait_before.clone());
        p.wait_after = p.wait_after.take().or_else(|| dp.wait_after.clone());
        p.timeout = p.timeout.take().or_else(|| dp.timeout.clone());
        p.pause_before = p.pause_before.take().or_else(|| dp.pause_before.clone());
        p.concurrency = p.concurrency.take().or_else(|| dp.concurrency.clone());
        p.fail_on = p.fail_on.take().or_else(|| dp.fail_on.clone());
        t.safe_rerun = t.safe_rerun.take().or_else(|| d.safe_rerun.clone());
        t.limits = match (t.limits.take(), &d.limits) {
            (Some(own), Some(def)) => Some(own.or(def)),
            (own, def) => own.or_else(|| def.clone()),
        };
        if self.wf_type == WorkflowType::Direct {
            let inherit = |own: &mut Option<OnClause>, def: &Option<OnClause>| {
                if own.as_ref().is_none_or(|c| c.next.is_empty())
                    && let Some(def) = def
                {
                    let next: Vec<Transition> = def
                        .next
                        .iter()
                        .filter(|tr| tr.name != name)
                        .cloned()
                        .collect();
                    match own {
                        _ if next.is_empty() => {}
                        Some(c) => c.next = next,
                        None => {
                            *own = Some(OnClause {
                                publish: None,
                                next,
                            })
                        }
                    }
                }
            };
            inherit(&mut t.on_success, &d.on_success);
            inherit(&mut t.on_error, &d.on_error);
            inherit(&mut t.on_complete, &d.on_complete);
            inherit(&mut t.on_skip, &d.on_skip);
        }
        for r in &d.requires {
            if !t.requires.contains(r) {
                t.requires.push(r.clone());
            }
        }
        t.requires.retain(|r| r != name);
        t
    }

    /// Every effective task, in declaration order.
    pub fn effective_tasks(&self) -> Vec<Task> {
        self.tasks.iter().map(|t| self.effective(t)).collect()
    }

    /// Names of the tasks an effective task routes to (all four clauses,
    /// engine commands included).
    pub fn outbound_names(task: &Task) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        // A set beside the list: a fan-out may name thousands of tasks.
        let mut seen = std::collections::HashSet::new();
        for clause in [
            &task.on_error,
            &task.on_success,
            &task.on_complete,
            &task.on_skip,
        ]
        .into_iter()
        .flatten()
        {
            for tr in &clause.next {
                if seen.insert(tr.name.as_str()) {
                    out.push(&tr.name);
                }
            }
        }
        out
    }

    /// Names a task routes to once task-defaults apply (all four clauses,
    /// engine commands included), without building the effective task.
    pub fn outbound_of<'a>(&'a self, task: &'a Task) -> Vec<&'a str> {
        let d = self.task_defaults.as_ref();
        let mut out: Vec<&str> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let pairs = [
            (&task.on_error, d.and_then(|d| d.on_error.as_ref())),
            (&task.on_success, d.and_then(|d| d.on_success.as_ref())),
            (&task.on_complete, d.and_then(|d| d.on_complete.as_ref())),
            (&task.on_skip, d.and_then(|d| d.on_skip.as_ref())),
        ];
        for (own, default) in pairs {
            let own_next = own.as_ref().map(|c| c.next.as_slice()).unwrap_or(&[]);
            let (next, skip_self) = if !own_next.is_empty() || self.wf_type == WorkflowType::Reverse
            {
                (own_next, false)
            } else {
                (default.map(|c| c.next.as_slice()).unwrap_or(&[]), true)
            };
            for tr in next {
                if skip_self && tr.name == task.name {
                    continue;
                }
                if seen.insert(tr.name.as_str()) {
                    out.push(&tr.name);
                }
            }
        }
        out
    }

    /// Tasks that have a transition to `name` (the inbound tasks of a join).
    pub fn inbound_tasks(&self, name: &str) -> Vec<String> {
        self.tasks
            .iter()
            .filter(|t| self.outbound_of(t).contains(&name))
            .map(|t| t.name.clone())
            .collect()
    }

    /// Start tasks: for a direct workflow, the tasks without an inbound
    /// transition; for a reverse workflow, the tasks without requirements.
    pub fn start_tasks(&self) -> Vec<String> {
        match self.wf_type {
            WorkflowType::Direct => {
                let targets: std::collections::HashSet<&str> = self
                    .tasks
                    .iter()
                    .flat_map(|t| self.outbound_of(t))
                    .collect();
                self.tasks
                    .iter()
                    .filter(|t| !targets.contains(t.name.as_str()))
                    .map(|t| t.name.clone())
                    .collect()
            }
            WorkflowType::Reverse => self
                .effective_tasks()
                .iter()
                .filter(|t| t.requires.is_empty())
                .map(|t| t.name.clone())
                .collect(),
        }
    }

    /// Every expression string in the definition (workflow output, vars,
    /// task fields, conditions, nested values), for pre-compilation.
    pub fn expressions(&self) -> Vec<String> {
        let mut out = Vec::new();
        let add_json = |v: &Json, out: &mut Vec<String>| collect_json(v, out);
        for d in [&self.output, &self.output_on_error, &self.vars] {
            add_json(&Json::Object(d.clone()), &mut out);
        }
        for i in &self.input {
            if let Some(d) = &i.default {
                add_json(d, &mut out);
            }
        }
        if let Some(d) = &self.task_defaults {
            collect_policies(&d.policies, &mut out);
            for c in [&d.on_success, &d.on_error, &d.on_complete, &d.on_skip]
                .into_iter()
                .flatten()
            {
                collect_clause(c, &mut out);
            }
            if let Some(BoolOrExpr::Expr(e)) = &d.safe_rerun {
                push_expr(e, &mut out);
            }
            if let Some(l) = &d.limits {
                collect_limits(l, &mut out);
            }
        }
        for t in &self.tasks {
            match &t.kind {
                TaskKind::Action(a) | TaskKind::Workflow(a) => push_expr(a, &mut out),
            }
            match &t.input {
                TaskInput::Dict(d) => collect_json(&Json::Object(d.clone()), &mut out),
                TaskInput::Expr(e) => push_expr(e, &mut out),
            }
            for w in &t.with_items {
                match &w.source {
                    ItemsSource::Expr(e) => push_expr(e, &mut out),
                    ItemsSource::List(l) => collect_json(&Json::Array(l.clone()), &mut out),
                }
            }
            for d in [&t.publish, &t.publish_on_error, &t.publish_on_skip] {
                collect_json(&Json::Object(d.clone()), &mut out);
            }
            collect_policies(&t.policies, &mut out);
            if let Some(l) = &t.limits {
                collect_limits(l, &mut out);
            }
            if let Some(target) = &t.target {
                push_expr(target, &mut out);
            }
            for b in [Some(&t.keep_result), t.safe_rerun.as_ref()]
                .into_iter()
                .flatten()
            {
                if let BoolOrExpr::Expr(e) = b {
                    push_expr(e, &mut out);
                }
            }
            for c in [&t.on_success, &t.on_error, &t.on_complete, &t.on_skip]
                .into_iter()
                .flatten()
            {
                collect_clause(c, &mut out);
            }
        }
        out
    }
}

fn is_expression(s: &str) -> bool {
    (s.contains("<%") && s.contains("%>"))
        || (s.contains("{{") && s.contains("}}"))
        || (s.contains("{%") && s.contains("%}"))
}

fn push_expr(s: &str, out: &mut Vec<String>) {
    if is_expression(s) && !out.iter().any(|e| e == s) {
        out.push(s.to_string());
    }
}

fn collect_json(v: &Json, out: &mut Vec<String>) {
    match v {
        Json::String(s) => push_expr(s, out),
        Json::Array(items) => items.iter().for_each(|i| collect_json(i, out)),
        Json::Object(m) => {
            for (k, v) in m {
                push_expr(k, out);
                collect_json(v, out);
            }
        }
        _ => {}
    }
}

fn collect_policies(p: &Policies, out: &mut Vec<String>) {
    for v in [&p.wait_before, &p.wait_after, &p.timeout, &p.concurrency]
        .into_iter()
        .flatten()
    {
        if let IntOrExpr::Expr(e) = v {
            push_expr(e, out);
        }
    }
    for v in [&p.pause_before, &p.fail_on].into_iter().flatten() {
        if let BoolOrExpr::Expr(e) = v {
            push_expr(e, out);
        }
    }
    if let Some(r) = &p.retry {
        for v in [Some(&r.count), Some(&r.delay), r.max_delay.as_ref()]
            .into_iter()
            .flatten()
        {
            if let IntOrExpr::Expr(e) = v {
                push_expr(e, out);
            }
        }
        for e in [&r.break_on, &r.continue_on].into_iter().flatten() {
            push_expr(e, out);
        }
        if let Some(BoolOrExpr::Expr(e)) = &r.jitter {
            push_expr(e, out);
        }
        if let Some(Backoff::Expr(e)) = &r.backoff {
            push_expr(e, out);
        }
    }
}

fn collect_limits(l: &Limits, out: &mut Vec<String>) {
    for v in [&l.fuel, &l.memory].into_iter().flatten() {
        if let IntOrExpr::Expr(e) = v {
            push_expr(e, out);
        }
    }
    match &l.allowed_hosts {
        Some(HostsOrExpr::Expr(e)) => push_expr(e, out),
        Some(HostsOrExpr::List(hosts)) => hosts.iter().for_each(|h| push_expr(h, out)),
        None => {}
    }
}

fn collect_clause(c: &OnClause, out: &mut Vec<String>) {
    if let Some(p) = &c.publish {
        for d in [&p.branch, &p.global, &p.atomic] {
            collect_json(&Json::Object(d.clone()), out);
        }
    }
    for t in &c.next {
        if let Some(cond) = &t.condition {
            push_expr(cond, out);
        }
        collect_json(&Json::Object(t.params.clone()), out);
    }
}
