//! Creating task executions and starting them: once the policies before
//! the start let a task go (see `policies`), its input is evaluated and its
//! action or sub-workflow of each call is recorded and handed to the shell.

use bora_expr::context::DataContext;
use bora_expr::functions::py_str;
use bora_lang::model::{Task, TaskInput, TaskKind as SpecKind};
use serde_json::{Map, Value};

use crate::dataflow::{eval_data, eval_text};
use crate::records::{ActionExecution, TaskExecution, TaskKind, WorkflowExecution};
use crate::state::State;
use crate::task_runtime::TaskRuntime;

use super::types::Command;
use super::{Stepper, Structural};

impl Stepper<'_> {
    pub(super) fn create_task(
        &mut self,
        name: &str,
        triggered_by: Vec<String>,
        state: State,
    ) -> String {
        let id = self.id();
        let kind = match self.exec.plan.task(name).map(|t| &t.kind) {
            Some(SpecKind::Workflow(_)) => TaskKind::Workflow,
            _ => TaskKind::Action,
        };
        let tags = self
            .exec
            .plan
            .task(name)
            .map(|t| t.tags.clone())
            .unwrap_or_default();
        let task = TaskExecution {
            id: id.clone(),
            workflow_execution_id: self.exec.record.id.clone(),
            name: name.to_owned(),
            kind,
            state,
            state_info: (state == State::Waiting).then(|| "Task is waiting.".to_owned()),
            seq: self.exec.next_seq(),
            triggered_by,
            published: Map::new(),
            published_global: Map::new(),
            runtime_context: TaskRuntime::default(),
            next_tasks: Vec::new(),
            error_handled: false,
            processed: false,
            tags,
            created_at: self.now,
            updated_at: None,
            started_at: None,
            finished_at: None,
        };
        self.exec.add_task(task);
        id
    }

    /// Starts (or continues) a task: policies before, then its action(s) or
    /// sub-workflow(s). Leaves it IDLE while the workflow is paused.
    pub(super) fn run_task(&mut self, task_id: &str) {
        if let Err(error) = self.try_run_task(task_id) {
            self.fail_task(task_id, "Failed to run task", error);
        }
    }

    pub(super) fn try_run_task(&mut self, task_id: &str) -> Result<(), Structural> {
        if self.exec.record.state != State::Running {
            return Ok(());
        }
        let Some(spec) = self.spec(task_id) else {
            return Ok(());
        };
        let now = self.now;
        let Some(task) = self.exec.task(task_id) else {
            return Ok(());
        };
        if task.state.is_completed() {
            return Ok(());
        }
        // Mistral sets started_at when a task goes RUNNING from IDLE or
        // WAITING, before its policies may delay it.
        if matches!(task.state, State::Idle | State::Waiting)
            && let Some(task) = self.exec.task_mut(task_id)
        {
            task.started_at = Some(now);
        }
        if !self.before_start(task_id, &spec)? {
            return Ok(());
        }
        let concurrency = self.eval_int(task_id, "concurrency", &spec.policies.concurrency)?;
        if let Some(task) = self.exec.task_mut(task_id) {
            task.set_state(State::Running, None, now);
            if task.started_at.is_none() {
                task.started_at = Some(now);
            }
            if concurrency > 0 {
                task.runtime_context.concurrency = Some(concurrency);
            }
        }
        self.start_attempt(task_id, &spec, concurrency)
    }

    /// Evaluates the input and starts one action or sub-workflow.
    pub(super) fn start_item(
        &mut self,
        task_id: &str,
        spec: &Task,
        index: u32,
        extra: Map<String, Value>,
    ) -> Result<(), Structural> {
        let data = self.task_scope(task_id, extra);
        let input = self.task_input(task_id, spec, &data)?;
        let (SpecKind::Action(name) | SpecKind::Workflow(name)) = &spec.kind;
        let name = match eval_text(self.exec, name, &data, Some(task_id))
            .map_err(|e| Structural(e.to_string()))?
        {
            Value::String(s) => s,
            other => py_str(&other),
        };
        match &spec.kind {
            SpecKind::Action(_) => self.start_action(task_id, spec, index, name, input, &data),
            SpecKind::Workflow(_) => self.start_child(task_id, index, name, input),
        }
    }

    /// The task's `input` evaluated for one call.
    fn task_input(
        &mut self,
        task_id: &str,
        spec: &Task,
        data: &DataContext,
    ) -> Result<Map<String, Value>, Structural> {
        Ok(match &spec.input {
            TaskInput::Dict(dict) => {
                match eval_data(self.exec, &Value::Object(dict.clone()), data, Some(task_id))
                    .map_err(|e| Structural(e.to_string()))?
                {
                    Value::Object(map) => map,
                    _ => Map::new(),
                }
            }
            TaskInput::Expr(text) => {
                match eval_text(self.exec, text, data, Some(task_id))
                    .map_err(|e| Structural(e.to_string()))?
                {
                    Value::Object(map) => map,
                    other => {
                        return Err(Structural(format!(
                            "Wrong dynamic input for task: {}. Dict type is expected. Actual type: {}. Actual value: {}",
                            spec.name,
                            bora_expr::python::type_name(&other),
                            py_str(&other)
                        )));
                    }
                }
            }
        })
    }

    /// Records one action call and asks the shell to run it.
    fn start_action(
        &mut self,
        task_id: &str,
        spec: &Task,
        index: u32,
        name: String,
        mut input: Map<String, Value>,
        data: &DataContext,
    ) -> Result<(), Structural> {
        let timeout = self
            .exec
            .task(task_id)
            .and_then(|t| t.runtime_context.bora.timeout);
        // Default action input from the environment (`__actions`).
        if let Some(Value::Object(defaults)) =
            self.exec.env().get("__actions").and_then(|a| a.get(&name))
        {
            for (key, value) in defaults {
                input.entry(key.clone()).or_insert_with(|| value.clone());
            }
        }
        let action_id = self.id();
        let task_name = self.exec.task(task_id).map(|t| t.name.clone());
        let record = &self.exec.record;
        let action = ActionExecution {
            id: action_id.clone(),
            name: name.clone(),
            task_execution_id: Some(task_id.to_owned()),
            task_name,
            workflow_execution_id: Some(record.id.clone()),
            workflow_name: Some(record.workflow_name.clone()),
            workflow_namespace: record.workflow_namespace.clone(),
            project_id: record.project_id.clone(),
            state: State::Running,
            state_info: None,
            input: input.clone(),
            result: None,
            accepted: false,
            index,
            is_sync: true,
            description: String::new(),
            params: Map::new(),
            created_at: self.now,
            updated_at: None,
        };
        let execution_id = record.id.clone();
        self.exec.add_action(action);
        let safe_rerun = self.eval_bool(task_id, &spec.safe_rerun, Some(data))?;
        let limits = match &spec.limits {
            Some(limits) => Some(self.eval_limits(task_id, limits, data)?),
            None => None,
        };
        let target = match &spec.target {
            Some(text) => match eval_text(self.exec, text, data, Some(task_id))
                .map_err(|e| Structural(e.to_string()))?
            {
                Value::Null => None,
                Value::String(s) if s.is_empty() => None,
                Value::String(s) => Some(s),
                other => Some(py_str(&other)),
            },
            None => None,
        };
        self.commands.push(Command::RunAction {
            action_id,
            task_id: task_id.to_owned(),
            execution_id,
            name,
            input,
            timeout,
            safe_rerun,
            limits,
            target,
        });
        Ok(())
    }

    /// Lists one sub-workflow execution and asks the shell to start it.
    fn start_child(
        &mut self,
        task_id: &str,
        index: u32,
        name: String,
        input: Map<String, Value>,
    ) -> Result<(), Structural> {
        let depth = self.exec.record.depth;
        if depth >= self.exec.limits.max_depth {
            return Err(Structural(format!(
                "Sub-workflow '{name}' would run at depth {}, deeper than the limit of {} (max_depth)",
                u64::from(depth) + 1,
                self.exec.limits.max_depth
            )));
        }
        let child_id = self.id();
        let record = &self.exec.record;
        // Listed at once (IDLE until it reports), so a cancel of this
        // execution reaches it even before it starts.
        let child = WorkflowExecution {
            id: child_id.clone(),
            workflow_id: String::new(),
            workflow_name: name.clone(),
            workflow_namespace: record.workflow_namespace.clone(),
            description: String::new(),
            tags: Vec::new(),
            params: Map::new(),
            input: Map::new(),
            output: Map::new(),
            context: Map::new(),
            state: State::Idle,
            state_info: None,
            task_execution_id: Some(task_id.to_owned()),
            root_execution_id: Some(
                record
                    .root_execution_id
                    .clone()
                    .unwrap_or_else(|| record.id.clone()),
            ),
            source_execution_id: None,
            index: Some(index),
            depth: record.depth + 1,
            project_id: record.project_id.clone(),
            backlog: Vec::new(),
            created_at: self.now,
            updated_at: None,
        };
        self.exec.set_child(child);
        let mut params = Map::new();
        params.insert("env".into(), self.exec.env());
        // Sub-workflows publish to their parent's notifier (Mistral).
        if let Some(notify) = self.exec.record.params.get("notify") {
            params.insert("notify".into(), notify.clone());
        }
        self.commands.push(Command::StartChild {
            child_id,
            task_id: task_id.to_owned(),
            index,
            workflow_name: name,
            namespace: self.exec.record.workflow_namespace.clone(),
            input,
            params,
        });
        Ok(())
    }
}
