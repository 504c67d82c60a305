//! The engine core, construct by construct, driven by an in-memory shell.

use crate::sim;

use bora_core::records::ActionResult;
use bora_core::state::State::{self, *};
use bora_core::step::{CallLimits, Event};
use serde_json::json;
use sim::{Sim, names};

/// A task's runtime context as it is stored (JSON).
fn stored_rc(task: &bora_core::records::TaskExecution) -> serde_json::Value {
    serde_json::to_value(&task.runtime_context).unwrap_or_default()
}

#[test]
fn sequence_with_publish_and_output() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  input:
    - name
    - greeting: Hello
  output:
    text: <% $.text %>
  tasks:
    t1:
      action: std.echo output="<% $.greeting %>, <% $.name %>"
      publish:
        text: <% task().result %>
      on-success: t2
    t2:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({"name": "Ann"}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"text": "Hello, Ann"}));
    assert_eq!(names(&sim.tasks(&id)), [("t1", Success), ("t2", Success)]);
    assert_eq!(
        sim.task(&id, "t1").published,
        *json!({"text": "Hello, Ann"})
            .as_object()
            .expect("an object")
    );
}

#[test]
fn output_defaults_to_final_context() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    a:
      action: std.echo output=1
      publish: {x: <% task().result %>}
      on-success: [b, c]
    b:
      action: std.noop
      publish: {y: 2}
    c:
      action: std.noop
      publish: {x: 3}
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"x": 3, "y": 2}));
}

#[test]
fn error_unhandled_fails_workflow_with_mistral_message() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.fail
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let info = sim.exec(&id).record.state_info.clone().unwrap_or_default();
    assert!(
        info.starts_with("Failure caused by error in tasks: t1\n\n  t1 [task_ex_id="),
        "{info}"
    );
    assert!(
        info.contains("-> Fail action expected exception."),
        "{info}"
    );
    assert_eq!(sim.output(&id)["result"], json!(info));
}

#[test]
fn on_error_handles_and_on_complete_runs() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.fail
      on-error: handler
      on-complete: always
    handler:
      action: std.noop
    always:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(
        names(&sim.tasks(&id)),
        [("always", Success), ("handler", Success), ("t1", Error)]
    );
}

#[test]
fn conditions_pick_transitions() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  input: [n]
  tasks:
    t1:
      action: std.noop
      on-success:
        - small: <% $.n < 10 %>
        - big: <% $.n >= 10 %>
    small:
      action: std.noop
    big:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({"n": 50}));
    assert_eq!(names(&sim.tasks(&id)), [("big", Success), ("t1", Success)]);
}

#[test]
fn join_all_waits_for_every_branch_and_merges_contexts() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  output:
    a: <% $.a %>
    b: <% $.b %>
  tasks:
    start:
      action: std.noop
      publish: {a: 0, b: 0}
      on-success: [left, right]
    left:
      action: std.noop
      publish: {a: 1}
      on-success: final
    right:
      action: std.noop
      publish: {b: 1}
      on-success: final
    final:
      join: all
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"a": 1, "b": 1}));
    let finals: Vec<_> = sim
        .exec(&id)
        .tasks
        .iter()
        .filter(|t| t.name == "final")
        .collect();
    assert_eq!(finals.len(), 1);
    assert_eq!(finals[0].triggered_by.len(), 2);
}

#[test]
fn join_fails_when_a_branch_cannot_route() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.noop
      on-success: [t2, t3]
    t2:
      action: std.fail
      on-success: j
    t3:
      action: std.noop
      on-success: j
    j:
      join: all
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let j = sim.task(&id, "j");
    assert_eq!(j.state, Error);
    assert_eq!(j.state_info.as_deref(), Some("Failed by tasks: ['t2']"));
}

#[test]
fn partial_join_triggers_once() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    a: {action: std.noop, on-success: j}
    b: {action: std.noop, on-success: j}
    c: {action: std.noop, on-success: j}
    j:
      join: 2
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(
        sim.exec(&id).tasks.iter().filter(|t| t.name == "j").count(),
        1
    );
}

#[test]
fn with_items_runs_every_item_in_order_with_concurrency() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  input: [names]
  tasks:
    greet:
      with-items:
        - n in <% $.names %>
        - i in [1, 2, 3]
      action: std.echo output="<% $.n %> <% $.i %>"
      concurrency: 2
      publish:
        all: <% task().result %>
"#,
    );
    let id = sim.run("wf", json!({"names": ["a", "b", "c"]}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"all": ["a 1", "b 2", "c 3"]}));
    let task = sim.task(&id, "greet");
    assert_eq!(stored_rc(task)["with_items"]["count"], json!(3));
    assert_eq!(sim.exec(&id).actions_of(&task.id).count(), 3);
}

#[test]
fn with_items_empty_list_succeeds_with_empty_result() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t:
      with-items: x in <% [] %>
      action: std.echo output=<% $.x %>
      publish: {r: <% task().result %>}
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"r": []}));
}

#[test]
fn retry_counts_attempts_and_keeps_history() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t:
      action: std.fail
      retry:
        count: 3
        delay: 1
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let task = sim.task(&id, "t");
    assert_eq!(stored_rc(task)["retry_task_policy"]["retry_no"], json!(3));
    let actions: Vec<_> = sim.exec(&id).actions_of(&task.id).collect();
    assert_eq!(actions.len(), 4, "first run plus three retries");
    assert_eq!(actions.iter().filter(|a| a.accepted).count(), 1);
}

#[test]
fn retry_break_on_stops_early() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t:
      action: std.fail
      retry:
        count: 5
        delay: 0
        break-on: <% true %>
"#,
    );
    let id = sim.run("wf", json!({}));
    let task = sim.task(&id, "t");
    assert_eq!(sim.exec(&id).actions_of(&task.id).count(), 1);
}

#[test]
fn exponential_backoff_doubles_the_delay_up_to_the_cap() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t:
      action: std.fail
      retry:
        count: 4
        delay: 2
        backoff: exponential
        max-delay: 5
"#,
    );
    let start = sim.now;
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    // Waits of 2, 4, 5 (capped), 5 seconds: 16 s plus a few microseconds.
    let waited = (sim.now - start) / 1_000_000;
    assert_eq!(waited, 16);
}

#[test]
fn wait_before_and_wait_after_delay_in_store_time() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t:
      action: std.noop
      wait-before: 3
      wait-after: 2
"#,
    );
    let start = sim.now;
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!((sim.now - start) / 1_000_000, 5);
}

#[test]
fn timeout_fails_a_task_that_does_not_finish() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t:
      action: std.async_noop
      timeout: 1
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(
        sim.task(&id, "t").state_info.as_deref(),
        Some("Task timed out [timeout(s)=1].")
    );
}

#[test]
fn async_action_completes_from_outside() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t:
      action: std.async_noop
      publish: {got: <% task().result %>}
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Running);
    let (exec, action_id) = sim.pending.pop().expect("pending action");
    sim.send(
        &exec,
        Event::ActionCompleted {
            action_id,
            result: ActionResult::Success(json!({"done": true})),
        },
    );
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"got": {"done": true}}));
}

#[test]
fn fail_on_turns_success_into_error() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t:
      action: std.echo output=5
      fail-on: <% task().result > 3 %>
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(
        sim.task(&id, "t").state_info.as_deref(),
        Some("Failed by 'fail-on' policy")
    );
}

#[test]
fn engine_commands_fail_and_succeed() {
    let yaml = r#"
version: '2.0'
wf:
  input: [v]
  tasks:
    t1:
      action: std.noop
      on-complete:
        - fail msg="v is <% $.v %>": <% $.v = 1 %>
        - succeed: <% $.v = 2 %>
        - t2
    t2:
      action: std.noop
"#;
    let mut sim = Sim::new(yaml);
    let id = sim.run("wf", json!({"v": 1}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(sim.exec(&id).record.state_info.as_deref(), Some("v is 1"));
    assert_eq!(names(&sim.tasks(&id)), [("t1", Success)]);

    let mut sim = Sim::new(yaml);
    let id = sim.run("wf", json!({"v": 2}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(names(&sim.tasks(&id)), [("t1", Success)]);

    let mut sim = Sim::new(yaml);
    let id = sim.run("wf", json!({"v": 3}));
    assert_eq!(names(&sim.tasks(&id)), [("t1", Success), ("t2", Success)]);
}

#[test]
fn pause_before_pauses_and_resume_continues() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.noop
      on-success: t2
    t2:
      action: std.noop
      pause-before: true
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Paused);
    assert_eq!(sim.task(&id, "t2").state, Idle);
    sim.send(&id, Event::Resume);
    assert_eq!(sim.state(&id), Success);
}

#[test]
fn global_publish_is_visible_everywhere() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  vars:
    base: 10
  output:
    g: <% global(total) %>
    b: <% $.base %>
  tasks:
    t1:
      action: std.noop
      on-success:
        publish:
          global:
            total: <% $.base + 1 %>
        next: t2
    t2:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"g": 11, "b": 10}));
}

#[test]
fn bad_expression_in_input_fails_task_and_workflow() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.echo
      input:
        output: <% $.missing %>
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let info = sim.exec(&id).record.state_info.clone().unwrap_or_default();
    assert!(
        info.starts_with("Failed to run task [error=Can not evaluate YAQL expression"),
        "{info}"
    );
}

#[test]
fn sub_workflows_return_their_output() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
parent:
  tasks:
    call:
      with-items: i in [1, 2, 3]
      workflow: child
      input:
        n: <% $.i %>
      publish:
        outs: <% task().result.select($.double) %>
child:
  input: [n]
  output:
    double: <% $.n * 2 %>
  tasks:
    t:
      action: std.noop
"#,
    );
    let id = sim.run("parent", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"outs": [2, 4, 6]}));
}

#[test]
fn cancel_cascades_and_records_state() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t:
      action: std.async_noop
"#,
    );
    let id = sim.run("wf", json!({}));
    sim.send(
        &id,
        Event::Cancel {
            message: Some("stop".into()),
        },
    );
    assert_eq!(sim.state(&id), Cancelled);
    assert_eq!(sim.output(&id), json!({"result": "stop"}));
    assert_eq!(sim.task(&id, "t").state, Cancelled);
}

#[test]
fn env_is_visible_to_expressions() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  output:
    a: <% env().from %>
    b: "{{ env().from }}"
    c: <% $__env.from %>
  tasks:
    t:
      action: std.noop
"#,
    );
    sim.params.insert("env".into(), json!({"from": "Neo"}));
    let id = sim.run("wf", json!({}));
    assert_eq!(
        sim.state(&id),
        Success,
        "{:?}",
        sim.exec(&id).record.state_info
    );
    assert_eq!(sim.output(&id), json!({"a": "Neo", "b": "Neo", "c": "Neo"}));
}

#[test]
fn publish_with_only_global_shows_published_null() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.echo output="Hi"
      on-success:
        publish:
          global:
            g: <% task().result %>
        next: t2
    t2:
      action: std.echo output=<% $.g %>
      publish:
        r: <% task().result %>
    t3:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    // A publish spec without branch values: Mistral stores None.
    assert_eq!(sim.task(&id, "t1").published_value(), json!(null));
    assert_eq!(
        sim.task(&id, "t1").published_global,
        *json!({"g": "Hi"}).as_object().expect("object")
    );
    assert_eq!(sim.task(&id, "t2").published_value(), json!({"r": "Hi"}));
    // No publish spec at all: `{}`.
    assert_eq!(sim.task(&id, "t3").published_value(), json!({}));
}

#[test]
fn task_result_without_actions_is_an_empty_list() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.echo
      input:
        output: <% task().result.content %>
      publish:
        r: <% task().result %>
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.task(&id, "t1").published_value(), json!({"r": []}));
}

#[test]
fn execution_function_shows_the_raw_spec() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  input:
    - k1
    - k2: v2
  tasks:
    t1:
      action: std.echo output=<% execution().spec %>
      publish:
        spec: <% task().result %>
        task_spec: <% task().spec %>
"#,
    );
    let id = sim.run("wf", json!({"k1": 1}));
    assert_eq!(sim.state(&id), Success);
    let task_spec = json!({
        "action": "std.echo output=<% execution().spec %>",
        "publish": {"spec": "<% task().result %>", "task_spec": "<% task().spec %>"},
        "name": "t1", "type": "direct", "version": "2.0"
    });
    assert_eq!(
        sim.task(&id, "t1").published_value(),
        json!({
            "spec": {
                "input": ["k1", {"k2": "v2"}],
                "name": "wf",
                "version": "2.0",
                "tasks": {"t1": task_spec.clone()}
            },
            "task_spec": task_spec
        })
    );
}

const REVERSE: &str = r#"
version: '2.0'
wf:
  type: reverse
  input:
    - fail: false
  tasks:
    a:
      action: std.echo output="A"
      publish: {x: <% task().result %>}
    b:
      action: std.echo output="B"
      publish: {y: <% task().result %>}
    c:
      action: std.echo output="<% $.x %><% $.y %>"
      publish: {z: <% task().result %>}
      requires: [a, b]
    d:
      action: std.fail
      requires: c
    unrelated:
      action: std.noop
"#;

#[test]
fn reverse_workflow_runs_what_the_target_requires() {
    let mut sim = Sim::new(REVERSE);
    sim.params.insert("task_name".into(), json!("c"));
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(
        names(&sim.tasks(&id)),
        [("a", Success), ("b", Success), ("c", Success)]
    );
    // The final context is the target's outbound context.
    assert_eq!(sim.output(&id), json!({"x": "A", "y": "B", "z": "AB"}));
    let c = sim.task(&id, "c");
    assert_eq!(c.triggered_by.len(), 2);
}

#[test]
fn reverse_workflow_fails_on_any_error() {
    let mut sim = Sim::new(REVERSE);
    sim.params.insert("task_name".into(), json!("d"));
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(
        names(&sim.tasks(&id)),
        [("a", Success), ("b", Success), ("c", Success), ("d", Error)]
    );
}

#[test]
fn reverse_workflow_needs_a_valid_target() {
    let mut sim = Sim::new(REVERSE);
    sim.params.insert("task_name".into(), json!("nope"));
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let info = sim.exec(&id).record.state_info.clone().unwrap_or_default();
    assert!(info.starts_with("Invalid task name ["), "{info}");
    assert!(info.contains("task_name=nope"), "{info}");
    assert!(sim.tasks(&id).is_empty());
}

#[test]
fn a_reverse_target_that_is_not_a_string_shows_as_python_prints_it() {
    // Python's `str()`: `True` and `['a']`, where JSON text would say
    // `true` and `["a"]`.
    for (given, shown) in [
        (json!(true), "task_name=True]"),
        (json!(["a"]), "task_name=['a']]"),
    ] {
        let mut sim = Sim::new(REVERSE);
        sim.params.insert("task_name".into(), given);
        let id = sim.run("wf", json!({}));
        let info = sim.exec(&id).record.state_info.clone().unwrap_or_default();
        assert!(info.ends_with(shown), "{info}");
    }
}

#[test]
fn pause_command_keeps_its_message_and_defers_a_later_fail() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.noop
      on-success:
        - noop
        - pause msg="check <% 1 + 1 %>"
        - t2
        - fail msg="stopped"
        - t3
    t2:
      action: std.noop
    t3:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Paused);
    assert_eq!(sim.exec(&id).record.state_info.as_deref(), Some("check 2"));
    // Nothing after the pause ran yet, as in Mistral: t2 is not even
    // created (its transition waits in the backlog), the fail waits too.
    assert_eq!(sim.calls.len(), 1);
    assert_eq!(names(&sim.tasks(&id)), [("t1", Success)]);
    assert_eq!(sim.exec(&id).record.backlog.len(), 2);
    sim.send(&id, Event::Resume);
    // On resume: t2 starts, then the backlogged `fail` ends the workflow
    // and cancels t2, still running.
    assert_eq!(sim.state(&id), Error);
    assert_eq!(sim.exec(&id).record.state_info.as_deref(), Some("stopped"));
    assert_eq!(sim.calls.len(), 2);
    assert_eq!(names(&sim.tasks(&id)), [("t1", Success), ("t2", Cancelled)]);
}

#[test]
fn a_malformed_backlog_event_fails_the_execution_on_resume() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.noop
      on-success:
        - pause
        - t2
        - fail msg="stopped"
    t2:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Paused);
    // As if written by another version: an event this one does not know,
    // after the backlogged `fail`.
    let exec = sim.executions.get_mut(&id).expect("execution");
    // The transition to t2 and the `fail`.
    assert_eq!(exec.record.backlog.len(), 2);
    exec.record
        .backlog
        .push(json!({"event": "teleport", "to": "t9"}));
    sim.send(&id, Event::Resume);
    assert_eq!(sim.state(&id), Error);
    let info = sim.exec(&id).record.state_info.clone().unwrap_or_default();
    assert!(info.starts_with("Failed to resume [wf_ex_id="), "{info}");
    assert!(info.contains("malformed event #2 in the backlog"), "{info}");
    assert!(info.contains(r#"{"event":"teleport","to":"t9"}"#), "{info}");
    assert_eq!(sim.output(&id)["result"], json!(info));
    // Nothing of the backlog ran; the entries are kept for inspection.
    assert_eq!(sim.calls.len(), 1);
    assert_eq!(sim.exec(&id).record.backlog.len(), 3);
}

#[test]
fn tasks_before_a_fail_command_run_and_later_ones_do_not() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.noop
      on-success:
        - t2
        - succeed msg="enough"
        - t3
    t2:
      action: std.async_noop
    t3:
      action: std.noop
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.exec(&id).record.state_info.as_deref(), Some("enough"));
    let tasks = sim.tasks(&id);
    assert!(tasks.iter().any(|(n, _)| n == "t2"));
    assert!(tasks.iter().all(|(n, _)| n != "t3"));
}

#[test]
fn retry_continue_on_loops_while_true() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.echo output=<% $.get(n, 1) %>
      on-success:
        publish:
          global:
            n: <% task().result + 1 %>
      retry:
        count: 10
        delay: 1
        continue-on: <% $.n < 4 %>
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    // 1 -> n=2, 2 -> n=3, 3 -> n=4 ends the loop.
    assert_eq!(sim.calls.len(), 3);
    assert_eq!(sim.exec(&id).record.context["n"], json!(4));
    let t1 = sim.task(&id, "t1");
    assert_eq!(stored_rc(t1)["retry_task_policy"]["retry_no"], json!(2));
}

#[test]
fn wait_after_comes_before_retry_and_applies_once() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.fail
      wait-after: 5
      retry:
        count: 2
        delay: 1
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let times: Vec<i64> = sim.call_meta.iter().map(|(t, _)| *t).collect();
    assert_eq!(times.len(), 3);
    let second = (times[1] - times[0]) / 1_000_000;
    let third = (times[2] - times[1]) / 1_000_000;
    // Mistral: wait-after (5 s) then the retry delay (1 s); the next
    // attempts skip wait-after.
    assert_eq!((second, third), (6, 1));
}

#[test]
fn timeout_spans_retries_and_drops_the_late_result() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.async_noop
      timeout: 5
      retry:
        count: 1
        delay: 1
      publish:
        r: <% task().result %>
"#,
    );
    let id = sim.run("wf", json!({}));
    // The first attempt timed out and was retried; the second runs.
    assert_eq!(sim.state(&id), Running);
    assert_eq!(sim.pending.len(), 2);
    let t1 = sim.task(&id, "t1").clone();
    assert_eq!(t1.state, Running);
    assert_eq!(stored_rc(&t1)["retry_task_policy"]["retry_no"], json!(1));
    let (exec, first) = sim.pending.remove(0);
    sim.send(
        &exec,
        Event::ActionCompleted {
            action_id: first.clone(),
            result: ActionResult::Success(json!("late")),
        },
    );
    // The late result of the timed-out attempt is kept but not accepted.
    assert_eq!(sim.state(&id), Running);
    assert_eq!(
        sim.exec(&id).action(&first).map(|a| a.accepted),
        Some(false)
    );
    let (exec, second) = sim.pending.remove(0);
    sim.send(
        &exec,
        Event::ActionCompleted {
            action_id: second,
            result: ActionResult::Success(json!("on time")),
        },
    );
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"r": "on time"}));
}

#[test]
fn keep_result_false_drops_the_action_output_after_publishing() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.echo output="big"
      keep-result: false
      publish:
        r: <% task().result %>
      on-success: t2
    t2:
      action: std.echo output=<% task(t1).result %>
      publish:
        r2: <% task().result %>
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"r": "big", "r2": {}}));
    let t1 = sim.task(&id, "t1").id.clone();
    let results: Vec<_> = sim
        .exec(&id)
        .actions_of(&t1)
        .map(|a| a.result.clone())
        .collect();
    assert_eq!(results, [Some(ActionResult::Success(json!({})))]);
}

#[test]
fn safe_rerun_reaches_the_action_command() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  vars:
    flag: false
  task-defaults:
    safe-rerun: true
  tasks:
    t1:
      action: std.noop
      on-success: t2
    t2:
      action: std.noop
      safe-rerun: <% $.flag %>
      on-success: t3
    t3:
      action: std.noop
      safe-rerun: false
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(
        sim.state(&id),
        Success,
        "{:?}",
        sim.exec(&id).record.state_info
    );
    let flags: Vec<bool> = sim.call_meta.iter().map(|(_, f)| *f).collect();
    assert_eq!(flags, [true, false, false]);
}

#[test]
fn retry_of_a_join_task_runs_again_after_the_delay() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    a:
      action: std.noop
      on-success: j
    b:
      action: std.noop
      on-success: j
    j:
      join: all
      action: std.fail
      retry:
        count: 1
        delay: 100
"#,
    );
    sim.params.insert("env".into(), json!({}));
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(sim.calls.len(), 4);
    let times: Vec<i64> = sim.call_meta.iter().map(|(t, _)| *t).collect();
    assert!(times[3] - times[2] >= 100_000_000);
}

#[test]
fn timeout_counts_from_the_start_including_wait_before() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.noop
      wait-before: 5
      timeout: 3
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let t1 = sim.task(&id, "t1");
    assert_eq!(
        t1.state_info.as_deref(),
        Some("Task timed out [timeout(s)=3].")
    );
    assert!(sim.calls.is_empty());
}

#[test]
fn started_at_is_set_before_wait_before() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t1:
      action: std.noop
      wait-before: 2
"#,
    );
    let start = sim.now;
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    let t1 = sim.task(&id, "t1");
    let started = t1.started_at.expect("started");
    let finished = t1.finished_at.expect("finished");
    assert!(started - start < 1_000_000, "started at the start");
    assert!(
        finished - started >= 2_000_000,
        "the wait is part of the run"
    );
}

#[test]
fn failure_message_lists_every_failed_attempt_and_sub_workflow_by_name() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    zed:
      action: std.fail error_data="boom"
      retry:
        count: 2
        delay: 0
    alpha:
      workflow: sub
sub:
  tasks:
    s:
      action: std.fail error_data="inner"
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let info = sim.exec(&id).record.state_info.clone().unwrap_or_default();
    let lines: Vec<String> = info
        .lines()
        .map(|l| {
            // Ids differ per run; keep the shape.
            l.split("id-")
                .enumerate()
                .map(|(i, part)| {
                    if i == 0 {
                        part.to_owned()
                    } else {
                        format!("ID{}", &part[4..])
                    }
                })
                .collect()
        })
        .collect();
    assert_eq!(lines[0], "Failure caused by error in tasks: alpha, zed");
    assert!(lines[2].starts_with("  alpha [task_ex_id=ID] -> Failure caused by error in tasks: s"));
    let zed: Vec<&String> = lines
        .iter()
        .skip_while(|l| !l.starts_with("  zed "))
        .collect();
    assert_eq!(zed[0], "  zed [task_ex_id=ID] -> boom");
    assert_eq!(
        &zed[1..4],
        [
            "    [action_ex_id=ID, idx=0]: boom",
            "    [action_ex_id=ID, idx=1]: boom",
            "    [action_ex_id=ID, idx=2]: boom"
        ]
    );
    assert!(
        info.contains("    [wf_ex_id=id-"),
        "the failed sub-workflow is listed: {info}"
    );
}

#[test]
fn jitter_draws_each_wait_within_the_delay_deterministically() {
    let text = r#"
version: '2.0'
wf:
  tasks:
    t:
      action: std.fail
      retry:
        count: 6
        delay: 8
        jitter: true
"#;
    let gaps = |sim: &Sim| -> Vec<i64> {
        sim.call_meta
            .windows(2)
            .map(|w| (w[1].0 - w[0].0) / 1_000_000)
            .collect()
    };
    let mut a = Sim::new(text);
    let id = a.run("wf", json!({}));
    assert_eq!(a.state(&id), Error);
    let first = gaps(&a);
    assert_eq!(first.len(), 6);
    assert!(first.iter().all(|g| (0..=8).contains(g)), "{first:?}");
    // The same ids and attempts give the same waits: the core stays pure.
    let mut b = Sim::new(text);
    b.run("wf", json!({}));
    assert_eq!(gaps(&b), first);
}

#[test]
fn task_limits_reach_the_action_command() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  vars:
    fuel: 777
    hosts: [c.example, d.example]
  task-defaults:
    limits:
      memory: 1048576
  tasks:
    t1:
      action: std.noop
      limits:
        fuel: <% $.fuel %>
        allowed-hosts: [a.example]
      on-success: t2
    t2:
      action: std.echo output=<% $.h %>
      with-items: h in ["x.example", "y.example"]
      limits:
        allowed-hosts: [<% $.h %>]
      on-success: t3
    t3:
      action: std.noop
      limits:
        allowed-hosts: <% $.hosts %>
"#,
    );
    let id = sim.run("wf", json!({}));
    assert_eq!(
        sim.state(&id),
        Success,
        "{:?}",
        sim.exec(&id).record.state_info
    );
    let limits = |fuel: Option<u64>, hosts: &[&str]| {
        Some(CallLimits {
            fuel,
            memory: Some(1_048_576),
            allowed_hosts: Some(hosts.iter().map(|h| (*h).to_owned()).collect()),
        })
    };
    assert_eq!(
        sim.call_limits,
        [
            limits(Some(777), &["a.example"]),
            // Evaluated per item.
            limits(None, &["x.example"]),
            limits(None, &["y.example"]),
            limits(None, &["c.example", "d.example"]),
        ]
    );

    // A task without limits (and no defaults) carries none.
    let mut sim = Sim::new("version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n");
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.call_limits, [None]);
}

#[test]
fn bad_limit_values_fail_the_task() {
    for (limits, message) in [
        (
            "fuel: <% -5 %>",
            "Invalid value of limits.fuel: -5 is less than the minimum of 0",
        ),
        (
            "memory: <% 'lots' %>",
            "Invalid value of limits.memory: 'lots' is not of type 'integer'",
        ),
        (
            "allowed-hosts: <% 3 %>",
            "Invalid value of limits.allowed-hosts: 3 is not a list of host strings",
        ),
        (
            "allowed-hosts: ['<% [1] %>']",
            "Invalid value of limits.allowed-hosts: [1] is not a list of host strings",
        ),
    ] {
        let mut sim = Sim::new(&format!(
            "version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      limits:\n        {limits}\n"
        ));
        let id = sim.run("wf", json!({}));
        assert_eq!(sim.state(&id), Error, "{limits}");
        assert!(sim.calls.is_empty(), "{limits}: the action must not run");
        let tasks = sim.tasks(&id);
        assert_eq!(names(&tasks), [("t1", Error)], "{limits}");
        assert_eq!(
            sim.task(&id, "t1").state_info.clone().unwrap_or_default(),
            format!("Failed to run task [error={message}, wf=wf, task=t1]"),
            "{limits}"
        );
    }
}

#[test]
fn a_lost_safe_rerun_action_is_run_again_as_a_new_action_execution() {
    let mut sim = Sim::new(
        r#"
version: '2.0'
wf:
  tasks:
    t:
      action: std.async_noop
      safe-rerun: true
      publish: {got: <% task().result %>}
"#,
    );
    let id = sim.run("wf", json!({}));
    let (exec, lost) = sim.pending.pop().expect("pending action");
    sim.send(
        &exec,
        Event::ActionRerun {
            action_id: lost.clone(),
            timeout: None,
            limits: None,
            target: None,
        },
    );
    // The first attempt ended; a second one runs the same call.
    let (_, again) = sim.pending.pop().expect("the call again");
    assert_ne!(again, lost);
    let first = sim.exec(&id).action(&lost).expect("first attempt kept");
    assert_eq!(first.state, Error);
    assert!(!first.accepted);
    assert!(
        first
            .state_info
            .as_deref()
            .is_some_and(|info| info.contains(&again)),
        "{:?}",
        first.state_info
    );
    assert_eq!(sim.state(&id), Running);
    // A second delivery of the same loss changes nothing.
    sim.send(
        &exec,
        Event::ActionRerun {
            action_id: lost.clone(),
            timeout: None,
            limits: None,
            target: None,
        },
    );
    assert!(sim.pending.is_empty());
    sim.send(
        &exec,
        Event::ActionCompleted {
            action_id: again.clone(),
            result: ActionResult::Success(json!(7)),
        },
    );
    assert_eq!(sim.state(&id), Success);
    assert_eq!(sim.output(&id), json!({"got": 7}));
    let task = sim.task(&id, "t").id.clone();
    let attempts: Vec<State> = sim.exec(&id).actions_of(&task).map(|a| a.state).collect();
    assert_eq!(attempts.len(), 2);
    assert!(attempts.contains(&Error) && attempts.contains(&Success));
}
