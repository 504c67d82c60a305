// Each test binary uses a different part of the simulator.
#![allow(dead_code)]

//! An in-memory shell for testing the core: it runs actions with small Rust
//! stand-ins for the standard actions, fires timers in due order, and runs
//! sub-workflows from the same document. No database, no wasm.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use bora_core::env::{Env, FixedEnv};
use bora_core::execution::Execution;
use bora_core::input::prepare_input;
use bora_core::limits::EngineLimits;
use bora_core::plan::Plan;
use bora_core::records::{ActionResult, TaskExecution, WorkflowExecution};
use bora_core::state::State;
use bora_core::step::{CallLimits, Command, Event, step};
use serde_json::{Map, Value, json};

pub struct Sim {
    plans: HashMap<String, Arc<Plan>>,
    /// The workbook the workflows came from, for `<wb>.<name>` lookups.
    workbook: Option<String>,
    /// `params` of the executions started by [`Sim::run`].
    pub params: Map<String, Value>,
    pub executions: BTreeMap<String, Execution>,
    pub now: i64,
    /// Timers due after this (virtual) time do not fire: the state at a
    /// polling deadline, as run.py sees it.
    pub deadline: Option<i64>,
    next_id: u64,
    timers: Vec<(i64, String, Event)>,
    queue: Vec<(String, Event)>,
    /// Action runs, for assertions: (name, input).
    pub calls: Vec<(String, Map<String, Value>)>,
    /// When each call started (virtual time) and its `safe_rerun` flag.
    pub call_meta: Vec<(i64, bool)>,
    /// Each call's evaluated task `limits`.
    pub call_limits: Vec<Option<CallLimits>>,
    /// Actions left pending (async): their ids.
    pub pending: Vec<(String, String)>,
    /// The limits every execution runs under.
    pub limits: EngineLimits,
    /// Results of named actions, instead of running them (`sim.results`).
    pub results: HashMap<String, ActionResult>,
}

fn run_action(name: &str, input: &Map<String, Value>) -> Option<ActionResult> {
    match name {
        "std.noop" => Some(ActionResult::Success(Value::Null)),
        // The runtime checks the input against the action's parameters.
        "std.echo" if input.keys().any(|k| k != "output") || !input.contains_key("output") => {
            Some(ActionResult::Error(json!(format!(
                "Invalid input [name=std.echo, class=mistral.actions.std_actions.EchoAction, keys={:?}]",
                input.keys().collect::<Vec<_>>()
            ))))
        }
        "std.echo" => Some(ActionResult::Success(
            input.get("output").cloned().unwrap_or(Value::Null),
        )),
        "std.fail" => Some(ActionResult::Error(
            input
                .get("error_data")
                .cloned()
                .unwrap_or_else(|| json!("Fail action expected exception.")),
        )),
        "std.async_noop" => None,
        // Fails while `fail` is truthy, else echoes `output` (reruns).
        "test.fail_if" => Some(
            match input
                .get("fail")
                .is_some_and(|f| !f.is_null() && f != &json!(false))
            {
                true => ActionResult::Error(json!("failed on purpose")),
                false => ActionResult::Success(input.get("output").cloned().unwrap_or(Value::Null)),
            },
        ),
        "std.sleep" => Some(ActionResult::Success(Value::Null)),
        "std.test_dict" => {
            let size = input.get("size").and_then(Value::as_u64).unwrap_or(0);
            let prefix = input
                .get("key_prefix")
                .and_then(Value::as_str)
                .unwrap_or("");
            let val = input.get("val").cloned().unwrap_or(json!(""));
            let map: Map<String, Value> = (0..size)
                .map(|i| (format!("{prefix}{i}"), val.clone()))
                .collect();
            Some(ActionResult::Success(Value::Object(map)))
        }
        other => Some(ActionResult::Error(json!(format!(
            "unknown action {other}"
        )))),
    }
}

/// The simulator's env: its virtual time, and ids in its `id-0001` style
/// (run.py's normalisation recognises them inside messages).
struct SimEnv {
    /// Ids drawn for this step, last first.
    ids: Vec<String>,
    spare: u64,
    /// The time, and random numbers.
    clock: FixedEnv,
}

impl Env for SimEnv {
    fn now(&self) -> i64 {
        self.clock.now()
    }

    fn new_id(&mut self) -> String {
        self.ids.pop().unwrap_or_else(|| {
            self.spare += 1;
            format!("spare-{}", self.spare)
        })
    }

    fn random_u64(&mut self) -> u64 {
        self.clock.random_u64()
    }
}

impl Sim {
    pub fn new(yaml: &str) -> Self {
        let list = bora_lang::parse_workflows(yaml).unwrap_or_else(|e| panic!("bad yaml: {e:?}"));
        Self::with(list.workflows, None)
    }

    /// A simulator for a workbook: workflows are named `<wb>.<name>`.
    pub fn workbook(yaml: &str) -> Result<Self, String> {
        let wb = bora_lang::parse_workbook(yaml).map_err(|e| format!("{e:?}"))?;
        let name = wb.name.clone();
        let workflows = wb
            .workflows
            .into_iter()
            .map(|mut wf| {
                wf.name = format!("{name}.{}", wf.name);
                wf
            })
            .collect();
        Ok(Self::with(workflows, Some(name)))
    }

    fn with(workflows: Vec<bora_lang::model::Workflow>, workbook: Option<String>) -> Self {
        let plans = workflows
            .into_iter()
            .map(|wf| (wf.name.clone(), Plan::new(wf)))
            .collect();
        Self {
            plans,
            workbook,
            params: json!({"env": {}, "namespace": ""})
                .as_object()
                .cloned()
                .unwrap_or_default(),
            executions: BTreeMap::new(),
            now: 1_000_000_000,
            deadline: None,
            next_id: 0,
            timers: Vec::new(),
            queue: Vec::new(),
            calls: Vec::new(),
            call_meta: Vec::new(),
            call_limits: Vec::new(),
            pending: Vec::new(),
            limits: EngineLimits::default(),
            results: HashMap::new(),
        }
    }

    fn id(&mut self) -> String {
        self.next_id += 1;
        format!("id-{:04}", self.next_id)
    }

    fn create(
        &mut self,
        id: String,
        workflow: &str,
        input: Value,
        parent: Option<(String, u32, u32)>,
    ) -> Result<(), String> {
        let qualified = self.workbook.as_ref().map(|wb| format!("{wb}.{workflow}"));
        let plan = qualified
            .and_then(|q| self.plans.get(&q))
            .or_else(|| self.plans.get(workflow))
            .cloned()
            .ok_or_else(|| format!("no workflow {workflow}"))?;
        let mut input = input.as_object().cloned().unwrap_or_default();
        let mut params = self.params.clone();
        if parent.is_some() {
            // Keys a sub-workflow does not declare are its parameters.
            input.retain(|key, value| {
                let declared = plan.workflow.input.iter().any(|p| &p.name == key);
                if !declared {
                    params.insert(key.clone(), value.clone());
                }
                declared
            });
        }
        let input = prepare_input(&plan.workflow, &input).map_err(|e| e.to_string())?;
        let record = WorkflowExecution {
            id: id.clone(),
            workflow_id: workflow.to_owned(),
            workflow_name: workflow.to_owned(),
            workflow_namespace: String::new(),
            description: String::new(),
            tags: vec![],
            params,
            input,
            output: Map::new(),
            context: Map::new(),
            state: State::Idle,
            state_info: None,
            task_execution_id: parent.as_ref().map(|(t, _, _)| t.clone()),
            root_execution_id: None,
            source_execution_id: None,
            index: parent.as_ref().map(|(_, i, _)| *i),
            depth: parent.map_or(0, |(_, _, depth)| depth),
            project_id: String::new(),
            backlog: vec![],
            created_at: self.now,
            updated_at: None,
        };
        let mut exec = Execution::new(record, plan, vec![], vec![], vec![]);
        exec.limits = self.limits;
        // Every join check is compared with a full scan.
        exec.joins.verify = true;
        self.executions.insert(id.clone(), exec);
        self.queue.push((id, Event::Start));
        Ok(())
    }

    /// Starts a workflow and runs everything to quiescence.
    pub fn run(&mut self, workflow: &str, input: Value) -> String {
        self.try_run(workflow, input)
            .unwrap_or_else(|e| panic!("{e}"))
    }

    /// Like [`Sim::run`], but a start error (bad input) is returned.
    pub fn try_run(&mut self, workflow: &str, input: Value) -> Result<String, String> {
        let id = self.id();
        self.create(id.clone(), workflow, input, None)?;
        self.settle();
        Ok(id)
    }

    pub fn send(&mut self, exec: &str, event: Event) {
        self.queue.push((exec.to_owned(), event));
        self.settle();
    }

    /// Processes events until nothing is left (timers fire in due order).
    pub fn settle(&mut self) {
        for _ in 0..100_000 {
            if let Some((exec_id, event)) = (!self.queue.is_empty()).then(|| self.queue.remove(0)) {
                self.apply(&exec_id, event);
                continue;
            }
            if self.timers.is_empty() {
                return;
            }
            self.timers.sort_by_key(|(due, _, _)| *due);
            if self
                .deadline
                .is_some_and(|deadline| self.timers[0].0 > deadline)
            {
                return;
            }
            let (due, exec_id, event) = self.timers.remove(0);
            self.now = self.now.max(due);
            self.apply(&exec_id, event);
        }
        panic!("simulation did not settle");
    }

    fn apply(&mut self, exec_id: &str, event: Event) {
        let mut ids: Vec<String> = (0..64).map(|_| self.id()).collect();
        ids.reverse();
        let now = self.now;
        let mut env = SimEnv {
            ids,
            spare: 0,
            clock: FixedEnv::new(now, self.next_id),
        };
        let Some(exec) = self.executions.get_mut(exec_id) else {
            return;
        };
        let depth = exec.record.depth;
        let commands = step(exec, vec![event], &mut env);
        exec.take_changes();
        self.now += 1;
        for command in commands {
            match command {
                Command::RunAction {
                    action_id,
                    name,
                    input,
                    safe_rerun,
                    limits,
                    ..
                } => {
                    self.calls.push((name.clone(), input.clone()));
                    self.call_meta.push((now, safe_rerun));
                    self.call_limits.push(limits);
                    let result = match self.results.get(&name) {
                        Some(result) => Some(result.clone()),
                        None => run_action(&name, &input),
                    };
                    match result {
                        Some(result) => self.queue.push((
                            exec_id.to_owned(),
                            Event::ActionCompleted { action_id, result },
                        )),
                        None => self.pending.push((exec_id.to_owned(), action_id)),
                    }
                }
                Command::StartChild {
                    child_id,
                    task_id,
                    index,
                    workflow_name,
                    input,
                    ..
                } => {
                    if let Err(message) = self.create(
                        child_id.clone(),
                        &workflow_name,
                        Value::Object(input),
                        Some((task_id.clone(), index, depth + 1)),
                    ) {
                        self.queue
                            .push((exec_id.to_owned(), Event::TaskFailed { task_id, message }));
                    }
                }
                Command::Timer {
                    task_id,
                    timer,
                    attempt,
                    due_at,
                } => self.timers.push((
                    due_at,
                    exec_id.to_owned(),
                    Event::Timer {
                        task_id,
                        timer,
                        attempt,
                    },
                )),
                Command::NotifyParent {
                    parent_task_id,
                    child_id,
                } => {
                    let child = self.executions.get(&child_id).map(|e| e.record.clone());
                    let parent = self
                        .executions
                        .iter()
                        .find(|(_, e)| e.task(&parent_task_id).is_some())
                        .map(|(id, _)| id.clone());
                    if let (Some(child), Some(parent)) = (child, parent) {
                        self.queue.push((
                            parent,
                            Event::ChildChanged {
                                child: Box::new(child),
                            },
                        ));
                    }
                }
                Command::CancelChild { child_id } => {
                    self.queue.push((child_id, Event::Cancel { message: None }));
                }
                Command::PauseChild { child_id } => self.queue.push((child_id, Event::Pause)),
                Command::ResumeChild { child_id } => self.queue.push((child_id, Event::Resume)),
                Command::Finished => {}
            }
        }
    }

    pub fn exec(&self, id: &str) -> &Execution {
        &self.executions[id]
    }

    pub fn state(&self, id: &str) -> State {
        self.exec(id).record.state
    }

    pub fn output(&self, id: &str) -> Value {
        Value::Object(self.exec(id).record.output.clone())
    }

    /// `(name, state)` of every task, sorted.
    pub fn tasks(&self, id: &str) -> Vec<(String, State)> {
        let mut out: Vec<(String, State)> = self
            .exec(id)
            .tasks
            .iter()
            .map(|t| (t.name.clone(), t.state))
            .collect();
        out.sort_by(|a, b| a.0.cmp(&b.0));
        out
    }

    pub fn task(&self, id: &str, name: &str) -> &TaskExecution {
        self.exec(id)
            .last_task_named(name)
            .unwrap_or_else(|| panic!("no task {name}"))
    }
}

/// `(name, state)` pairs as `&str`, for comparing with literals.
pub fn names(tasks: &[(String, State)]) -> Vec<(&str, State)> {
    tasks.iter().map(|(n, s)| (n.as_str(), *s)).collect()
}
