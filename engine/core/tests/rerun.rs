//! Skipping and rerunning failed tasks (Mistral's `PUT /v2/tasks/{id}` with
//! state SKIPPED or RUNNING), modelled on Mistral's test_task_skip.py,
//! test_direct_workflow_rerun.py and test_task_started_finished_at.py.

use crate::sim;

use bora_core::state::State::{self, *};
use bora_core::step::{Event, check_rerun};
use serde_json::{Map, Value, json};
use sim::Sim;

fn names(tasks: &[(String, State)]) -> Vec<(&str, State)> {
    tasks.iter().map(|(n, s)| (n.as_str(), *s)).collect()
}

fn obj(value: Value) -> Map<String, Value> {
    value.as_object().cloned().unwrap_or_default()
}

fn skip(sim: &mut Sim, exec: &str, task: &str) {
    let task_id = sim.task(exec, task).id.clone();
    sim.send(exec, Event::Skip { task_id });
}

fn rerun(sim: &mut Sim, exec: &str, task: &str, reset: bool, env: Option<Value>) {
    let task_id = sim.task(exec, task).id.clone();
    sim.send(
        exec,
        Event::Rerun {
            task_id,
            reset,
            env: env.map(obj),
        },
    );
}

#[test]
fn skip_follows_on_skip() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.fail
      on-skip: t2
      on-success: t3
    t2:
      action: std.noop
    t3:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(names(&sim.tasks(&id)), [("t1", Error)]);
    skip(&mut sim, &id, "t1");
    assert_eq!(sim.state(&id), Success);
    assert_eq!(names(&sim.tasks(&id)), [("t1", Skipped), ("t2", Success)]);
    let t1 = sim.task(&id, "t1");
    assert_eq!(t1.state_info.as_deref(), Some("Task was skipped."));
    assert!(t1.finished_at.is_some());
}

#[test]
fn skip_without_on_skip_takes_on_success() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.fail
      on-success: t2
      on-error: [noop]
      on-complete: t3
    t2:
      action: std.noop
    t3:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    // on-error handled it, on-complete ran t3: the workflow succeeded, so
    // a skip is refused (the execution is not in ERROR any more... it is
    // SUCCESS): nothing changes.
    assert_eq!(sim.state(&id), Success);
    let task_id = sim.task(&id, "t1").id.clone();
    assert!(check_rerun(sim.exec(&id), &task_id, true, None, false).is_err());
    skip(&mut sim, &id, "t1");
    assert_eq!(names(&sim.tasks(&id)), [("t1", Error), ("t3", Success)]);

    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.fail
      on-success: t2
    t2:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    skip(&mut sim, &id, "t1");
    assert_eq!(sim.state(&id), Success);
    assert_eq!(names(&sim.tasks(&id)), [("t1", Skipped), ("t2", Success)]);
}

#[test]
fn skip_on_workflow_tail_completes_it() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t0:
      action: std.noop
      on-success: t1
    t1:
      action: std.fail
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    skip(&mut sim, &id, "t1");
    assert_eq!(sim.state(&id), Success);
    assert_eq!(names(&sim.tasks(&id)), [("t0", Success), ("t1", Skipped)]);
    assert_eq!(sim.exec(&id).record.state_info, None);
}

#[test]
fn skip_publishes_publish_on_skip() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t0:
      action: std.noop
      on-success: t1
    t1:
      action: std.fail
      publish:
        success: 1
      publish-on-error:
        error: 1
      publish-on-skip:
        skip: 1
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(sim.task(&id, "t1").published_value(), json!({"error": 1}));
    skip(&mut sim, &id, "t1");
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.task(&id, "t1").published_value(), json!({"skip": 1}));
    assert_eq!(sim.output(&id), json!({"skip": 1}));
}

#[test]
fn skip_does_not_retry() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.fail
      on-skip: skip
      retry:
        count: 2
        delay: 0
    skip:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(sim.calls.len(), 3);
    skip(&mut sim, &id, "t1");
    assert_eq!(sim.state(&id), Success);
    assert_eq!(names(&sim.tasks(&id)), [("skip", Success), ("t1", Skipped)]);
    assert_eq!(sim.calls.len(), 4);
}

#[test]
fn skip_a_failed_sub_workflow_task() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t0:
      action: std.noop
      on-success: t1
    t1:
      workflow: subwf
subwf:
  tasks:
    t0:
      action: std.fail
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    skip(&mut sim, &id, "t1");
    assert_eq!(sim.state(&id), Success);
    assert_eq!(names(&sim.tasks(&id)), [("t0", Success), ("t1", Skipped)]);
}

const FLAKY: &str = r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: test.fail_if fail=<% env().fail %> output="done"
      publish:
        r: <% task().result %>
      on-success: t2
    t2:
      action: std.echo output=<% $.r %>
      publish:
        r2: <% task().result %>
"#;

#[test]
fn rerun_with_env_update_succeeds() {
    let mut sim = Sim::new(FLAKY);
    sim.params
        .insert("env".into(), json!({"fail": true, "keep": 1}));
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let task_id = sim.task(&id, "t1").id.clone();
    assert_eq!(
        check_rerun(sim.exec(&id), &task_id, false, Some(true), true),
        Ok(())
    );
    rerun(&mut sim, &id, "t1", true, Some(json!({"fail": false})));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(names(&sim.tasks(&id)), [("t1", Success), ("t2", Success)]);
    assert_eq!(sim.output(&id), json!({"r": "done", "r2": "done"}));
    // The environment is merged, not replaced.
    assert_eq!(
        sim.exec(&id).record.params["env"],
        json!({"fail": false, "keep": 1})
    );
    // The failed attempt stays, no longer accepted.
    let t1 = sim.task(&id, "t1").id.clone();
    let attempts: Vec<(State, bool)> = sim
        .exec(&id)
        .actions_of(&t1)
        .map(|a| (a.state, a.accepted))
        .collect();
    assert_eq!(attempts, [(Error, false), (Success, true)]);
}

#[test]
fn rerun_restarts_the_retry_policy() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf_fail:
  tasks:
    task1:
      action: std.fail
      retry:
        delay: 0
        count: 2
"#,
    );
    let id = sim.run("wf_fail", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(sim.calls.len(), 3);
    rerun(&mut sim, &id, "task1", true, None);
    assert_eq!(sim.state(&id), Error);
    assert!(sim.exec(&id).record.state_info.is_some());
    let task = sim.task(&id, "task1").id.clone();
    let actions: Vec<State> = sim.exec(&id).actions_of(&task).map(|a| a.state).collect();
    assert_eq!(actions, [Error; 6]);
}

#[test]
fn rerun_updates_started_and_finished_at() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    task1:
      action: std.fail
      wait-before: 2
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let first = sim.task(&id, "task1").clone();
    sim.now += 1_000_000;
    rerun(&mut sim, &id, "task1", true, None);
    assert_eq!(sim.state(&id), Error);
    let second = sim.task(&id, "task1");
    assert!(second.started_at > first.started_at);
    assert!(second.finished_at > first.finished_at);
    // wait-before applied again: the rerun finished at least 2 s later.
    assert!(second.finished_at >= second.started_at.map(|t| t + 2_000_000));
}

const ITEMS: &str = r#"
version: '2.0'
wf:
  tasks:
    t1:
      with-items: i in [1, 2, 3]
      action: test.fail_if fail=<% $.i = env().bad %> output=<% $.i %>
      publish:
        r: <% task().result %>
"#;

#[test]
fn rerun_with_items_without_reset_runs_only_failed_items() {
    let mut sim = Sim::new(ITEMS);
    sim.params.insert("env".into(), json!({"bad": 2}));
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(sim.calls.len(), 3);
    let task_id = sim.task(&id, "t1").id.clone();
    assert_eq!(
        check_rerun(sim.exec(&id), &task_id, false, Some(false), true),
        Ok(())
    );
    rerun(&mut sim, &id, "t1", false, Some(json!({"bad": 0})));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.calls.len(), 4);
    assert_eq!(sim.calls[3].1["output"], json!(2));
    assert_eq!(sim.output(&id), json!({"r": [1, 2, 3]}));
}

#[test]
fn rerun_with_items_with_reset_runs_every_item() {
    let mut sim = Sim::new(ITEMS);
    sim.params.insert("env".into(), json!({"bad": 2}));
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    rerun(&mut sim, &id, "t1", true, Some(json!({"bad": 0})));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.calls.len(), 6);
    assert_eq!(sim.output(&id), json!({"r": [1, 2, 3]}));
}

#[test]
fn rerun_inside_a_sub_workflow_reopens_the_parent() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      workflow: sub
      publish:
        out: <% task().result.r %>
sub:
  output:
    r: <% $.r %>
  tasks:
    s1:
      action: test.fail_if fail=<% env().fail %> output="ok"
      publish:
        r: <% task().result %>
"#,
    );
    sim.params.insert("env".into(), json!({"fail": true}));
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let child = sim
        .executions
        .iter()
        .find(|(_, e)| e.record.task_execution_id.is_some())
        .map(|(k, _)| k.clone())
        .expect("a child execution");
    assert_eq!(sim.state(&child), Error);
    rerun(&mut sim, &child, "s1", true, Some(json!({"fail": false})));
    assert_eq!(sim.state(&child), Success);
    assert_eq!(sim.state(&id), Success);
    assert_eq!(names(&sim.tasks(&id)), [("t1", Success)]);
    assert_eq!(sim.task(&id, "t1").published_value(), json!({"out": "ok"}));
}

#[test]
fn rerun_is_refused_as_mistral_refuses_it() {
    let mut sim = Sim::new(FLAKY);
    sim.params.insert("env".into(), json!({"fail": true}));
    let id = sim.run("wf", json!({}));
    let t1 = sim.task(&id, "t1").id.clone();
    let exec = sim.exec(&id);
    assert_eq!(
        check_rerun(exec, &t1, false, None, false),
        Err("Reset field is mandatory to rerun task.".into())
    );
    assert_eq!(
        check_rerun(exec, &t1, false, Some(false), false),
        Err("Only with-items task has the option to not reset.".into())
    );
    rerun(&mut sim, &id, "t1", true, Some(json!({"fail": false})));
    let t2 = sim.task(&id, "t2").id.clone();
    let err = check_rerun(sim.exec(&id), &t2, false, Some(true), false);
    assert_eq!(
        err,
        Err("The current task execution must be in ERROR for rerun. Only updating task to rerun is supported.".into())
    );
    // A rerun of a task that is not in ERROR changes nothing.
    let calls = sim.calls.len();
    rerun(&mut sim, &id, "t1", true, None);
    assert_eq!(sim.calls.len(), calls);
    assert_eq!(sim.state(&id), Success);
}

#[test]
fn rerun_while_paused_does_nothing() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.fail
    t2:
      action: std.async_noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Running);
    sim.send(&id, Event::Pause);
    assert_eq!(sim.state(&id), Paused);
    let calls = sim.calls.len();
    rerun(&mut sim, &id, "t1", true, None);
    assert_eq!(sim.calls.len(), calls);
    assert_eq!(sim.task(&id, "t1").state, Error);
    // Running with a failed task: a rerun keeps it RUNNING and retries.
    sim.send(&id, Event::Resume);
    rerun(&mut sim, &id, "t1", true, None);
    assert_eq!(sim.calls.len(), calls + 1);
    assert_eq!(sim.state(&id), Running);
}

#[test]
fn rerun_of_a_join_task_checks_the_join_again() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    a:
      action: std.echo output=1
      publish: {x: <% task().result %>}
      on-success: j
    b:
      action: std.echo output=2
      publish: {y: <% task().result %>}
      on-success: j
    j:
      join: all
      action: test.fail_if fail=<% env().fail %> output=<% $.x + $.y %>
      publish: {sum: <% task().result %>}
"#,
    );
    sim.params.insert("env".into(), json!({"fail": true}));
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    rerun(&mut sim, &id, "j", true, Some(json!({"fail": false})));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.task(&id, "j").published_value(), json!({"sum": 3}));
    assert_eq!(sim.tasks(&id).len(), 3);
}
