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

    /// Tasks that run first (direct: no inbound transition).
    pub fn start_tasks(&self) -> &[String] {
        &self.start
    }
}
