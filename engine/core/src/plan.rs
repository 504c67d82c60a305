//! A workflow definition prepared for execution: effective tasks (with
//! task-defaults applied), start tasks and inbound tasks, computed once per
//! definition and shared by every execution of it.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};

use bora_expr::eval::CompiledText;
use bora_lang::model::{Task, Workflow, WorkflowType};

/// A workflow ready to run. Cheap to share (`Arc`).
#[derive(Debug)]
pub struct Plan {
    pub workflow: Workflow,
    tasks: HashMap<String, Arc<Task>>,
    order: Vec<String>,
    inbound: HashMap<String, Vec<String>>,
    /// Tasks each task may route to (tasks only, no engine commands).
    outbound: HashMap<String, Vec<String>>,
    /// For each task, the joins it is an inbound task of, with its position
    /// in the join's inbound list.
    feeds: HashMap<String, Vec<(String, usize)>>,
    /// Names of the join tasks.
    joins: Vec<String>,
    start: Vec<String>,
    /// Expressions compiled once per definition, by source text.
    compiled: Mutex<HashMap<String, Arc<CompiledText>>>,
}

impl Plan {
    pub fn new(workflow: Workflow) -> Arc<Self> {
        let effective = workflow.effective_tasks();
        let order: Vec<String> = effective.iter().map(|t| t.name.clone()).collect();
        let names: HashSet<&str> = order.iter().map(String::as_str).collect();
        let mut inbound: HashMap<String, Vec<String>> = HashMap::new();
        let mut outbound: HashMap<String, Vec<String>> = HashMap::new();
        if workflow.wf_type == WorkflowType::Direct {
            // Sets alongside the lists: a task with thousands of targets
            // must not make this quadratic.
            let mut seen: HashSet<(String, String)> = HashSet::new();
            for task in &effective {
                let clauses = [
                    &task.on_error,
                    &task.on_success,
                    &task.on_complete,
                    &task.on_skip,
                ];
                for tr in clauses.into_iter().flatten().flat_map(|c| &c.next) {
                    let target = tr.name.as_str();
                    if !seen.insert((task.name.clone(), target.to_owned())) {
                        continue;
                    }
                    inbound
                        .entry(target.to_owned())
                        .or_default()
                        .push(task.name.clone());
                    if names.contains(target) {
                        outbound
                            .entry(task.name.clone())
                            .or_default()
                            .push(target.to_owned());
                    }
                }
            }
        }
        let mut feeds: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        for task in effective.iter().filter(|t| t.join.is_some()) {
            for (pos, source) in inbound.get(&task.name).into_iter().flatten().enumerate() {
                feeds
                    .entry(source.clone())
                    .or_default()
                    .push((task.name.clone(), pos));
            }
        }
        let joins = effective
            .iter()
            .filter(|t| t.join.is_some())
            .map(|t| t.name.clone())
            .collect();
        let start = workflow.start_tasks();
        let tasks = effective
            .into_iter()
            .map(|t| (t.name.clone(), Arc::new(t)))
            .collect();
        Arc::new(Self {
            workflow,
            tasks,
            order,
            inbound,
            outbound,
            feeds,
            joins,
            start,
            compiled: Mutex::new(HashMap::new()),
        })
    }

    pub fn name(&self) -> &str {
        &self.workflow.name
    }

    pub fn is_reverse(&self) -> bool {
        self.workflow.wf_type == WorkflowType::Reverse
    }

    /// The effective task (task-defaults applied).
    pub fn task(&self, name: &str) -> Option<&Arc<Task>> {
        self.tasks.get(name)
    }

    /// Task names in declaration order.
    pub fn task_names(&self) -> &[String] {
        &self.order
    }

    /// Tasks with a transition to `name`.
    pub fn inbound(&self, name: &str) -> &[String] {
        self.inbound.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Tasks `name` may route to (each once; engine commands left out).
    pub fn outbound(&self, name: &str) -> &[String] {
        self.outbound.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The joins `name` is an inbound task of, with its position there.
    pub fn feeds(&self, name: &str) -> &[(String, usize)] {
        self.feeds.get(name).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether any task of the workflow is a join with inbound tasks.
    pub fn has_joins(&self) -> bool {
        !self.feeds.is_empty()
    }

    /// Names of the join tasks.
    pub fn joins(&self) -> &[String] {
        &self.joins
    }

    /// `text` compiled (YAQL parsed, Jinja compiled), from the cache.
    pub fn compiled(&self, text: &str) -> Arc<CompiledText> {
        // A poisoned lock only means another thread panicked mid-insert; the
        // map itself is still a valid cache.
        let mut cache = self.compiled.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(found) = cache.get(text) {
            return found.clone();
        }
        let compiled = Arc::new(CompiledText::compile(text));
        cache.insert(text.to_owned(), compiled.clone());
        compiled
    }

    /// For a reverse workflow, Mistral's error when `params.task_name` does
    /// not name one of its tasks (`None` when it does, or for direct
    /// workflows). The shell may check it before creating an execution.
    pub fn reverse_target_error(
        &self,
        params: &serde_json::Map<String, serde_json::Value>,
    ) -> Option<String> {
        if !self.is_reverse() {
            return None;
        }
        let target = params.get("task_name");
        if target
            .and_then(serde_json::Value::as_str)
            .is_some_and(|name| self.tasks.contains_key(name))
        {
            return None;
        }
        // Python's `str()` of whatever was given.
        let shown = target.map_or_else(|| "None".to_owned(), bora_expr::python::to_str);
        Some(format!(
            "Invalid task name [wf_spec=ReverseWorkflowSpec {}, task_name={shown}]",
            self.workflow.name
        ))
    }

    /// The tasks a reverse workflow's target needs, dependencies first
    /// (Mistral's DFS post-order from the target over `requires`).
    pub fn reverse_order(&self, target: &str) -> Vec<String> {
        fn visit(plan: &Plan, name: &str, seen: &mut Vec<String>, out: &mut Vec<String>) {
            if seen.iter().any(|s| s == name) {
                return;
            }
            seen.push(name.to_owned());
            if let Some(task) = plan.tasks.get(name) {
                for required in &task.requires {
                    visit(plan, required, seen, out);
                }
                out.push(name.to_owned());
            }
        }
        let mut out = Vec::new();
        visit(self, target, &mut Vec::new(), &mut out);
        out
    }

    /// Tasks that run first (direct: no inbound transition).
    pub fn start_tasks(&self) -> &[String] {
        &self.start
    }
}
