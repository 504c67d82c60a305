//! A workflow definition prepared for execution: effective tasks (with
//! task-defaults applied), start tasks and inbound tasks, computed once per
//! definition and shared by every execution of it.

use std::collections::HashMap;
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
    start: Vec<String>,
    /// Expressions compiled once per definition, by source text.
    compiled: Mutex<HashMap<String, Arc<CompiledText>>>,
}

impl Plan {
    pub fn new(workflow: Workflow) -> Arc<Self> {
        let effective = workflow.effective_tasks();
        let order: Vec<String> = effective.iter().map(|t| t.name.clone()).collect();
        let mut inbound: HashMap<String, Vec<String>> = HashMap::new();
        if workflow.wf_type == WorkflowType::Direct {
            for task in &effective {
                for target in Workflow::outbound_names(task) {
                    let list = inbound.entry(target.to_owned()).or_default();
                    if !list.contains(&task.name) {
                        list.push(task.name.clone());
                    }
                }
            }
        }
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
        let shown = match target {
            Some(serde_json::Value::String(name)) => name.clone(),
            Some(other) => other.to_string(),
            None => "None".to_owned(),
        };
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
