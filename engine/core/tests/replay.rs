//! The core is deterministic: time and new ids come only from the env the
//! caller passes in, so the same execution, the same events and the same
//! env (clock and id seed) give the same commands and the same changes,
//! whether the execution was kept in memory or read back from its stored
//! records.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

use bora_core::env::{Env, FixedEnv};
use bora_core::execution::{Changes, Execution};
use bora_core::plan::Plan;
use bora_core::records::{ActionExecution, ActionResult, TaskExecution, WorkflowExecution};
use bora_core::state::State;
use bora_core::step::{Command, Event, Timer, step};
use serde_json::{Map, Value, json};

/// A workflow that takes most paths of the core: vars, with-items under a
/// concurrency cap, a retry after a failed item, wait-before, wait-after,
/// a sub-workflow, a failing task handled by on-error, a join, publish.
const WORKFLOW: &str = r#"
version: '2.0'
wf:
  vars:
    greeting: hi
  tasks:
    fan:
      with-items: x in [1, 2, 3, 4]
      action: test.flaky output=<% $.x %>
      concurrency: 2
      retry:
        count: 2
        delay: 2
      wait-after: 1
      publish:
        xs: <% task().result %>
      on-complete: [left, right, sub]
    left:
      action: test.fail
      on-error: [join]
    right:
      wait-before: 3
      action: test.echo output=<% $.greeting %>
      on-success: [join]
    sub:
      workflow: child
      input:
        xs: <% $.xs %>
      on-success: [join]
    join:
      join: all
      action: test.echo output=<% $.xs %>
      publish:
        done: <% task().result %>
"#;

const START: i64 = 1_700_000_000_000_000;

fn new_execution() -> Execution {
    execution_of(WORKFLOW)
}

fn execution_of(text: &str) -> Execution {
    let list = bora_lang::parse_workflows(text).unwrap_or_else(|e| panic!("bad yaml: {e:?}"));
    let workflow = list.workflows.into_iter().next().expect("one workflow");
    let input = bora_core::input::prepare_input(&workflow, &Map::new()).expect("no input");
    let record = WorkflowExecution {
        id: "wf-1".into(),
        workflow_id: "wf".into(),
        workflow_name: "wf".into(),
        workflow_namespace: String::new(),
        description: String::new(),
        tags: vec![],
        params: json!({"env": {}, "namespace": ""})
            .as_object()
            .cloned()
            .unwrap_or_default(),
        input,
        output: Map::new(),
        context: Map::new(),
        state: State::Idle,
        state_info: None,
        task_execution_id: None,
        root_execution_id: None,
        source_execution_id: None,
        index: None,
        depth: 0,
        project_id: String::new(),
        backlog: vec![],
        created_at: START,
        updated_at: None,
    };
    Execution::new(record, Plan::new(workflow), vec![], vec![], vec![])
}

/// What the store keeps of an execution, as JSON.
fn stored(exec: &Execution) -> Value {
    json!({
        "record": exec.record,
        "tasks": exec.tasks,
        "actions": exec.actions,
        "children": exec.children,
    })
}

/// An execution read back from its stored records (memory-only caches
/// start empty, as after a restart).
fn reload(snapshot: &Value, plan: Arc<Plan>) -> Execution {
    let part = |key: &str| snapshot.get(key).cloned().unwrap_or(Value::Null);
    let record: WorkflowExecution = serde_json::from_value(part("record")).expect("record");
    let tasks: Vec<TaskExecution> = serde_json::from_value(part("tasks")).expect("tasks");
    let actions: Vec<ActionExecution> = serde_json::from_value(part("actions")).expect("actions");
    let children: Vec<WorkflowExecution> =
        serde_json::from_value(part("children")).expect("children");
    Execution::new(record, plan, tasks, actions, children)
}

/// One step's outcome, serialized: commands, the stored state after it
/// and the rows it changed.
fn outcome(exec: &mut Execution, commands: &[Command]) -> (Value, Value, Changes) {
    let commands = serde_json::to_value(commands).expect("commands serialize");
    (commands, stored(exec), exec.take_changes())
}

/// A shell in miniature: it answers commands with events (actions run at
/// once; `test.flaky` fails the first time for each input, `test.fail`
/// always), fires timers in due order, and finishes sub-workflows at once.
/// Every step is replayed twice, from a copy of the execution in memory
/// and from its stored records, with a copy of the env: all three must
/// agree.
struct Shell {
    exec: Execution,
    env: FixedEnv,
    queue: VecDeque<Event>,
    timers: Vec<(i64, Event)>,
    flaky_seen: HashSet<String>,
    /// Every step's outcome, for comparing whole runs.
    log: Vec<(Value, Value)>,
    replayed: usize,
}

impl Shell {
    fn new(seed: u64) -> Self {
        Self::of(WORKFLOW, seed)
    }

    fn of(text: &str, seed: u64) -> Self {
        Self {
            exec: execution_of(text),
            env: FixedEnv::new(START, seed),
            queue: VecDeque::from([Event::Start]),
            timers: Vec::new(),
            flaky_seen: HashSet::new(),
            log: Vec::new(),
            replayed: 0,
        }
    }

    fn run(&mut self) {
        for _ in 0..1_000 {
            let events: Vec<Event> = if self.queue.is_empty() {
                if self.timers.is_empty() {
                    return;
                }
                self.timers.sort_by_key(|(due, _)| *due);
                let (due, event) = self.timers.remove(0);
                self.env.set_now(self.env.now().max(due));
                vec![event]
            } else {
                // Up to two events per step: batches are part of the
                // contract too.
                let n = self.queue.len().min(2);
                self.queue.drain(..n).collect()
            };
            self.step(events);
            self.env.advance(1_000);
        }
        panic!("the run did not settle");
    }

    fn step(&mut self, events: Vec<Event>) {
        let snapshot = stored(&self.exec);
        let mut in_memory = self.exec.clone();
        let mut from_store = reload(&snapshot, self.exec.plan.clone());
        let env_before = self.env.clone();

        let commands = step(&mut self.exec, events.clone(), &mut self.env);
        let expected = outcome(&mut self.exec, &commands);
        for (what, exec) in [("in memory", &mut in_memory), ("reloaded", &mut from_store)] {
            let mut env = env_before.clone();
            let again = step(exec, events.clone(), &mut env);
            let got = outcome(exec, &again);
            assert_eq!(got.0, expected.0, "commands differ on replay ({what})");
            assert_eq!(got.1, expected.1, "state differs on replay ({what})");
            assert_eq!(got.2, expected.2, "changed rows differ on replay ({what})");
            assert_eq!(env, self.env, "env used differently on replay ({what})");
        }
        self.replayed += 1;
        self.log.push((expected.0, expected.1));
        for command in commands {
            self.answer(command);
        }
    }

    fn answer(&mut self, command: Command) {
        match command {
            Command::RunAction {
                action_id,
                name,
                input,
                ..
            } => {
                let output = input.get("output").cloned().unwrap_or(Value::Null);
                let key = format!("{name} {output}");
                let result = match name.as_str() {
                    "test.fail" => ActionResult::Error(json!("failed on purpose")),
                    "test.flaky" if self.flaky_seen.insert(key) => {
                        ActionResult::Error(json!("flaky"))
                    }
                    _ => ActionResult::Success(output),
                };
                self.queue
                    .push_back(Event::ActionCompleted { action_id, result });
            }
            Command::StartChild {
                child_id, input, ..
            } => {
                let mut child = self.exec.child(&child_id).cloned().expect("child listed");
                child.state = State::Success;
                child.output = input;
                child.updated_at = Some(self.env.now());
                self.queue.push_back(Event::ChildChanged {
                    child: Box::new(child),
                });
            }
            Command::Timer {
                task_id,
                timer,
                attempt,
                due_at,
            } => self.timers.push((
                due_at,
                Event::Timer {
                    task_id,
                    timer,
                    attempt,
                },
            )),
            Command::NotifyParent { .. }
            | Command::CancelChild { .. }
            | Command::PauseChild { .. }
            | Command::ResumeChild { .. }
            | Command::Finished => {}
        }
    }

    fn task(&self, name: &str) -> &TaskExecution {
        self.exec.last_task_named(name).expect("task ran")
    }
}

#[test]
fn every_step_replays_to_the_same_commands_and_state() {
    let mut shell = Shell::new(11);
    shell.run();
    // The run went where it was meant to: through the retry, the waits,
    // the sub-workflow, the handled failure and the join.
    let exec = &shell.exec;
    assert_eq!(
        exec.record.state,
        State::Success,
        "{:?}",
        exec.record.state_info
    );
    assert_eq!(shell.task("fan").runtime_context.retry_no(), 1);
    assert!(shell.task("fan").runtime_context.bora.wait_after_done);
    assert!(shell.task("right").runtime_context.bora.wait_before_done);
    assert_eq!(shell.task("left").state, State::Error);
    assert_eq!(exec.children.len(), 1);
    assert_eq!(shell.task("join").published["done"], json!([1, 2, 3, 4]));
    assert!(shell.replayed > 10, "{} steps", shell.replayed);
}

#[test]
fn the_same_seed_and_clock_give_the_same_run() {
    let mut first = Shell::new(5);
    first.run();
    let mut second = Shell::new(5);
    second.run();
    assert_eq!(first.log, second.log);
    assert_eq!(stored(&first.exec), stored(&second.exec));
}

#[test]
fn only_the_ids_follow_the_seed() {
    let mut first = Shell::new(1);
    first.run();
    let mut second = Shell::new(2);
    second.run();
    let ids =
        |shell: &Shell| -> Vec<String> { shell.exec.tasks.iter().map(|t| t.id.clone()).collect() };
    assert_ne!(ids(&first), ids(&second));
    let shape = |shell: &Shell| -> Vec<(String, State, Option<i64>)> {
        shell
            .exec
            .tasks
            .iter()
            .map(|t| (t.name.clone(), t.state, t.finished_at))
            .collect()
    };
    assert_eq!(shape(&first), shape(&second));
}

#[test]
fn new_records_take_the_env_time_and_ids() {
    let mut exec = new_execution();
    let mut env = FixedEnv::new(START + 42, 9);
    let mut expected_ids = env.clone();
    let commands = step(&mut exec, vec![Event::Start], &mut env);
    // The first task, then one action per item under the cap of 2.
    let fan = exec.last_task_named("fan").expect("fan started");
    assert_eq!(fan.id, expected_ids.new_id());
    assert_eq!(fan.created_at, START + 42);
    assert_eq!(fan.started_at, Some(START + 42));
    assert_eq!(exec.record.updated_at, Some(START + 42));
    let actions: Vec<&ActionExecution> = exec.actions_of(&fan.id).collect();
    assert_eq!(actions.len(), 2);
    for action in actions {
        assert_eq!(action.id, expected_ids.new_id());
        assert_eq!(action.created_at, START + 42);
    }
    // and one number to seed what its expressions draw.
    expected_ids.random_u64();
    assert_eq!(env, expected_ids, "the step drew exactly those ids");
    assert_eq!(
        commands
            .iter()
            .filter(|c| matches!(c, Command::RunAction { .. }))
            .count(),
        2
    );
}

#[test]
fn timers_are_due_from_the_env_time() {
    let mut shell = Shell::new(3);
    let mut events = vec![Event::Start];
    for i in 1..=10 {
        let now = START + i * 7_000_000;
        shell.env.set_now(now);
        let commands = step(&mut shell.exec, events, &mut shell.env);
        let timer = commands.iter().find_map(|c| match c {
            Command::Timer { timer, due_at, .. } => Some((*timer, *due_at)),
            _ => None,
        });
        if let Some(timer) = timer {
            // Every item failed its first attempt: the task waits 1 s
            // (wait-after) from this step's time.
            assert_eq!(timer, (Timer::WaitAfter, now + 1_000_000));
            return;
        }
        for command in commands {
            shell.answer(command);
        }
        events = shell.queue.drain(..).collect();
    }
    panic!("no timer was armed");
}

/// Expressions that read the time or draw random values, in YAQL and Jinja.
const DRAWING: &str = r#"
version: '2.0'
wf:
  tasks:
    draw:
      action: test.echo
      input:
        output:
          now: <% now() %>
          uuid: <% uuid() %>
          random: <% random() %>
          between: <% random(1, 1000000) %>
          jinja_uuid: "{{ uuid() }}"
          jinja_pick: "{{ range(1000) | list | random }}"
      publish:
        drawn: <% task().result %>
        again: <% uuid() %>
"#;

#[test]
fn time_and_randomness_in_expressions_come_from_the_env() {
    let drawn = |seed: u64| -> Value {
        // `Shell` replays every step (in memory and reloaded) with a copy
        // of the env and checks the commands and state are the same.
        let mut shell = Shell::of(DRAWING, seed);
        shell.run();
        assert_eq!(
            shell.exec.record.state,
            State::Success,
            "{:?}",
            shell.exec.record.state_info
        );
        assert!(shell.replayed >= 2);
        Value::Object(shell.task("draw").published.clone())
    };
    let first = drawn(21);
    let values = &first["drawn"];
    // `now()` is the step's time (START is 2023-11-14 22:13:20 UTC).
    let now = values["now"].as_str().unwrap_or_default();
    assert!(now.starts_with("2023-11-14T22:13:20"), "{now}");
    for key in ["uuid", "jinja_uuid"] {
        let id = values[key].as_str().unwrap_or_default();
        assert_eq!(id.len(), 36, "{key}: {id}");
    }
    assert_ne!(values["uuid"], values["jinja_uuid"]);
    assert_ne!(first["again"], values["uuid"], "each draw is new");
    // The same seed draws the same values; another seed, others.
    assert_eq!(drawn(21), first);
    let other = drawn(22);
    for key in ["uuid", "random", "between", "jinja_uuid", "jinja_pick"] {
        assert_ne!(other["drawn"][key], values[key], "{key}");
    }
    assert_eq!(other["drawn"]["now"], values["now"]);
}
