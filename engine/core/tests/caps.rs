//! The caps of `EngineLimits` in the core, with small limits: each hostile
//! workflow ends with a message naming the limit, and ordinary ones are
//! untouched.

use crate::sim;

use bora_core::env::FixedEnv;
use bora_core::execution::Execution;
use bora_core::limits::EngineLimits;
use bora_core::plan::Plan;
use bora_core::records::WorkflowExecution;
use bora_core::state::State::{self, *};
use bora_core::step::{Command, Event, step};
use serde_json::{Map, Value, json};
use sim::Sim;

fn info(sim: &Sim, id: &str) -> String {
    sim.exec(id).record.state_info.clone().unwrap_or_default()
}

fn limits(change: impl FnOnce(&mut EngineLimits)) -> EngineLimits {
    let mut limits = EngineLimits::default();
    change(&mut limits);
    limits
}

const RECURSIVE: &str = r#"
version: '2.0'
rec:
  input:
    - n: 0
  tasks:
    again:
      workflow: rec
      input:
        n: <% $.n + 1 %>
"#;

#[test]
fn sub_workflow_depth_is_capped_and_the_error_names_the_limit() {
    let mut sim = Sim::new(RECURSIVE);
    sim.limits = limits(|l| l.max_depth = 3);
    let id = sim.run("rec", json!({}));
    assert_eq!(sim.state(&id), Error);
    // Depths 0..=3 ran; the one at depth 3 could not start a fourth level.
    assert_eq!(sim.executions.len(), 4);
    let deepest = sim
        .executions
        .values()
        .find(|e| e.record.depth == 3)
        .expect("an execution at depth 3");
    assert_eq!(deepest.record.state, Error);
    let message = deepest.record.state_info.clone().unwrap_or_default();
    assert!(
        message.contains(
            "Sub-workflow 'rec' would run at depth 4, deeper than the limit of 3 (max_depth)"
        ),
        "{message}"
    );
    // Every level failed, and the root's message holds the reason once.
    assert!(sim.executions.values().all(|e| e.record.state == Error));
    assert_eq!(info(&sim, &id).matches("(max_depth)").count(), 1);
}

#[test]
fn nested_failures_are_not_doubled_at_each_level() {
    let mut yaml = String::from("version: '2.0'\n");
    for level in 0..8 {
        yaml.push_str(&format!(
            "l{level}:\n  tasks:\n    t:\n      workflow: l{}\n",
            level + 1
        ));
    }
    yaml.push_str("l8:\n  tasks:\n    s:\n      action: std.fail error_data=\"deep-marker\"\n");
    let mut sim = Sim::new(&yaml);
    let id = sim.run("l0", json!({}));
    assert_eq!(sim.state(&id), Error);
    let root = info(&sim, &id);
    // The deepest message names the marker twice (task and action lines,
    // as Mistral does); each level above adds a few lines, never a copy.
    assert_eq!(root.matches("deep-marker").count(), 2, "{root}");
    assert!(root.len() < 4_000, "{} bytes: {root}", root.len());
    assert!(root.contains("[wf_ex_id="), "{root}");
}

#[test]
fn long_messages_are_truncated_with_a_note() {
    let mut yaml = String::from("version: '2.0'\n");
    for level in 0..5 {
        yaml.push_str(&format!(
            "l{level}:\n  tasks:\n    t:\n      workflow: l{}\n",
            level + 1
        ));
    }
    yaml.push_str("l5:\n  tasks:\n    s:\n      action: std.fail error_data=<% $.text %>\n  input:\n    - text\n");
    let mut sim = Sim::new(&yaml.replace(
        "workflow: l5\n",
        "workflow: l5\n      input:\n        text: <% range(0, 6000).select('x').join('') %>\n",
    ));
    sim.limits = limits(|l| l.max_message_bytes = 2_000);
    let id = sim.run("l0", json!({}));
    assert_eq!(sim.state(&id), Error);
    for exec in sim.executions.values() {
        let message = exec.record.state_info.clone().unwrap_or_default();
        assert!(message.len() <= 2_000, "{} bytes", message.len());
        for task in &exec.tasks {
            let message = task.state_info.clone().unwrap_or_default();
            assert!(message.len() <= 2_000, "{} bytes", message.len());
        }
    }
    assert!(
        info(&sim, &id).contains("limit 2000 bytes (max_message_bytes)"),
        "{}",
        info(&sim, &id)
    );
}

#[test]
fn with_items_over_the_limit_is_refused_before_any_item_starts() {
    let yaml = r#"
version: '2.0'
wf:
  input:
    - n
  tasks:
    many:
      with-items: i in <% range(0, $.n) %>
      action: std.echo output=<% $.i %>
"#;
    let mut sim = Sim::new(yaml);
    sim.limits = limits(|l| l.max_with_items = 5);
    let ok = sim.run("wf", json!({"n": 5}));
    assert_eq!(sim.state(&ok), Success);
    assert_eq!(sim.calls.len(), 5);
    let bad = sim.run("wf", json!({"n": 6}));
    assert_eq!(sim.state(&bad), Error);
    assert_eq!(sim.calls.len(), 5, "no item of the refused task ran");
    let task = sim.task(&bad, "many");
    let message = task.state_info.clone().unwrap_or_default();
    assert!(
        message.contains(
            "with-items of task 'many' has 6 items in 'i', over the limit of 5 items (max_with_items)"
        ),
        "{message}"
    );
}

#[test]
fn with_items_with_concurrency_evaluates_its_list_once_per_attempt() {
    // A list that changes between evaluations would show it: `task()`
    // counts the task's own results so far.
    let yaml = r#"
version: '2.0'
wf:
  tasks:
    many:
      with-items: i in <% range(0, 20) %>
      concurrency: 3
      action: std.echo output=<% $.i %>
      publish:
        out: <% task().result %>
"#;
    let mut sim = Sim::new(yaml);
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
    let expected: Vec<Value> = (0..20).map(|i| json!(i)).collect();
    assert_eq!(sim.task(&id, "many").published["out"], json!(expected));
}

#[test]
fn a_published_value_over_the_limit_fails_the_task_naming_it() {
    let yaml = r#"
version: '2.0'
wf:
  tasks:
    make:
      action: std.echo output=<% range(0, 200).select('x').join('') %>
      publish:
        small: 1
        big: <% task().result %>
      on-complete: never
    never:
      action: std.noop
"#;
    let mut sim = Sim::new(yaml);
    sim.limits = limits(|l| l.max_published_bytes = 100);
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let task = sim.task(&id, "make");
    assert_eq!(task.state, Error);
    let message = task.state_info.clone().unwrap_or_default();
    assert!(
        message.contains("Published value 'big' of task 'make' is ")
            && message.contains("bytes, over the limit of 100 bytes (max_published_bytes)"),
        "{message}"
    );
    assert!(task.published.is_empty(), "nothing over the limit is kept");
    assert!(sim.exec(&id).last_task_named("never").is_none());
}

#[test]
fn the_branch_and_global_contexts_are_capped() {
    let branch = r#"
version: '2.0'
wf:
  tasks:
    a:
      action: std.noop
      publish:
        a: <% range(0, 120).select('a').join('') %>
      on-success: b
    b:
      action: std.noop
      publish:
        b: <% range(0, 120).select('b').join('') %>
      on-success: c
    c:
      action: std.noop
      publish:
        c: <% range(0, 120).select('c').join('') %>
"#;
    let mut sim = Sim::new(branch);
    sim.limits = limits(|l| l.max_context_bytes = 300);
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert_eq!(sim.task(&id, "a").state, Success);
    assert_eq!(sim.task(&id, "b").state, Success);
    let message = sim.task(&id, "c").state_info.clone().unwrap_or_default();
    assert!(
        message.contains("The context after task 'c' would be ")
            && message.contains("over the limit of 300 bytes (max_context_bytes)"),
        "{message}"
    );

    let global = r#"
version: '2.0'
wf:
  tasks:
    a:
      action: std.noop
      on-success:
        publish:
          global:
            a: <% range(0, 120).select('a').join('') %>
        next: b
    b:
      action: std.noop
      on-success:
        publish:
          global:
            b: <% range(0, 120).select('b').join('') %>
        next: c
    c:
      action: std.noop
      on-success:
        publish:
          global:
            c: <% range(0, 120).select('c').join('') %>
"#;
    let mut sim = Sim::new(global);
    sim.limits = limits(|l| l.max_context_bytes = 300);
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let message = sim.task(&id, "c").state_info.clone().unwrap_or_default();
    assert!(
        message.contains("The global context would be ") && message.contains("(max_context_bytes)"),
        "{message}"
    );
    let context = &sim.exec(&id).record.context;
    assert!(context.contains_key("b") && !context.contains_key("c"));
}

#[test]
fn vars_over_the_context_limit_fail_the_workflow() {
    let yaml = r#"
version: '2.0'
wf:
  vars:
    big: <% range(0, 1000) %>
  tasks:
    t:
      action: std.noop
"#;
    let mut sim = Sim::new(yaml);
    sim.limits = limits(|l| l.max_context_bytes = 1_000);
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    assert!(
        info(&sim, &id).contains("(max_context_bytes)"),
        "{}",
        info(&sim, &id)
    );
    assert!(sim.exec(&id).tasks.is_empty());
}

#[test]
fn action_results_of_a_task_are_capped_in_total() {
    let yaml = r#"
version: '2.0'
wf:
  tasks:
    many:
      with-items: i in <% range(0, 10) %>
      action: std.echo output="0123456789012345678901234567890123456789"
"#;
    let mut sim = Sim::new(yaml);
    sim.limits = limits(|l| l.max_result_bytes = 200);
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Error);
    let message = sim.task(&id, "many").state_info.clone().unwrap_or_default();
    assert!(
        message.contains("Action results of task 'many' reached ")
            && message.contains("over the limit of 200 bytes (max_result_bytes)"),
        "{message}"
    );
    let mut sim = Sim::new(yaml);
    sim.limits = limits(|l| l.max_result_bytes = 420);
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.state(&id), Success);
}

fn bare(yaml: &str, name: &str) -> Execution {
    let list = bora_lang::parse_workflows(yaml).expect("valid yaml");
    let workflow = list
        .workflows
        .into_iter()
        .find(|w| w.name == name)
        .expect("the workflow");
    let record = WorkflowExecution {
        id: "root".into(),
        workflow_id: name.into(),
        workflow_name: name.into(),
        workflow_namespace: String::new(),
        description: String::new(),
        tags: vec![],
        params: Map::new(),
        input: Map::new(),
        output: Map::new(),
        context: Map::new(),
        state: Idle,
        state_info: None,
        task_execution_id: None,
        root_execution_id: None,
        source_execution_id: None,
        index: None,
        depth: 0,
        project_id: String::new(),
        backlog: vec![],
        created_at: 0,
        updated_at: None,
    };
    Execution::new(record, Plan::new(workflow), vec![], vec![], vec![])
}

#[test]
fn a_cancel_reaches_sub_workflows_asked_for_in_the_same_or_an_earlier_step() {
    let yaml = r#"
version: '2.0'
parent:
  tasks:
    fan:
      with-items: i in [1, 2, 3]
      workflow: child
child:
  tasks:
    t:
      action: std.noop
"#;
    let mut exec = bare(yaml, "parent");
    let mut env = FixedEnv::new(1, 0);
    let commands = step(&mut exec, vec![Event::Start], &mut env);
    let started: Vec<String> = commands
        .iter()
        .filter_map(|c| match c {
            Command::StartChild { child_id, .. } => Some(child_id.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(started.len(), 3);
    // The children exist nowhere yet (their creation is the shell's job,
    // after this step): the cancel must still reach each of them.
    env.set_now(2);
    let commands = step(&mut exec, vec![Event::Cancel { message: None }], &mut env);
    let cancelled: Vec<String> = commands
        .iter()
        .filter_map(|c| match c {
            Command::CancelChild { child_id } => Some(child_id.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(cancelled, started);
    assert_eq!(exec.record.state, Cancelled);
    let depths: Vec<u32> = exec.children.iter().map(|c| c.depth).collect();
    assert_eq!(depths, [1, 1, 1]);
}

#[test]
fn a_cancelled_root_cancels_a_deep_recursion() {
    let yaml = r#"
version: '2.0'
rec:
  tasks:
    wait:
      action: std.async_noop
    again:
      workflow: rec
"#;
    let mut sim = Sim::new(yaml);
    sim.limits = limits(|l| l.max_depth = 6);
    let id = sim.run("rec", json!({}));
    // Every level waits on its async action; the seventh could not start
    // an eighth and failed.
    assert_eq!(sim.executions.len(), 7);
    let running = |sim: &Sim| {
        sim.executions
            .values()
            .filter(|e| e.record.state == Running)
            .count()
    };
    assert_eq!(running(&sim), 6);
    sim.send(&id, Event::Cancel { message: None });
    assert_eq!(running(&sim), 0);
    let states: Vec<State> = sim.executions.values().map(|e| e.record.state).collect();
    assert_eq!(
        states.iter().filter(|s| **s == Cancelled).count(),
        6,
        "{states:?}"
    );
}

#[test]
fn a_wide_fan_in_join_matches_a_full_scan_at_every_check() {
    // The simulator compares every incremental join tally with a full
    // scan; here with many branches, some of which fail.
    let mut yaml = String::from(
        "version: '2.0'\nwf:\n  tasks:\n    root:\n      action: std.noop\n      on-success:\n",
    );
    let n = 120;
    for i in 0..n {
        yaml.push_str(&format!("        - b{i}\n"));
    }
    for i in 0..n {
        let action = if i % 40 == 39 { "std.fail" } else { "std.noop" };
        yaml.push_str(&format!(
            "    b{i}:\n      action: {action}\n      on-success: [all, some]\n      on-error: [some_handled]\n"
        ));
    }
    yaml.push_str("    all:\n      join: all\n      action: std.noop\n");
    yaml.push_str("    some:\n      join: 100\n      action: std.noop\n");
    yaml.push_str("    some_handled:\n      join: 3\n      action: std.noop\n");
    let mut sim = Sim::new(&yaml);
    let id = sim.run("wf", json!({}));
    assert_eq!(sim.task(&id, "all").state, Error);
    let failed = sim.task(&id, "all").state_info.clone().unwrap_or_default();
    // `join: all` fails at the first inbound task that cannot route there.
    assert_eq!(failed, "Failed by tasks: ['b39']");
    assert_eq!(sim.task(&id, "some").state, Success);
    // A partial join is checked after the events at hand: every branch
    // that routed there by then is among its triggers.
    assert!(sim.task(&id, "some").triggered_by.len() >= 100);
    assert_eq!(sim.task(&id, "some_handled").state, Success);
}

#[test]
fn a_blocked_join_lists_the_first_fifty_blockers() {
    let mut yaml = String::from(
        "version: '2.0'\nwf:\n  tasks:\n    root:\n      action: std.noop\n      on-success:\n",
    );
    for i in 0..60 {
        yaml.push_str(&format!("        - b{i}\n"));
    }
    yaml.push_str("        - last\n");
    for i in 0..60 {
        yaml.push_str(&format!(
            "    b{i}:\n      action: std.async_noop\n      on-success: [done]\n"
        ));
    }
    yaml.push_str("    last:\n      action: std.noop\n      on-success: [done]\n");
    yaml.push_str("    done:\n      join: all\n      action: std.noop\n");
    let mut sim = Sim::new(&yaml);
    let id = sim.run("wf", json!({}));
    let info = sim.task(&id, "done").state_info.clone().unwrap_or_default();
    assert!(
        info.starts_with("Blocked by tasks: ['b0', 'b1', "),
        "{info}"
    );
    assert!(info.ends_with("'b49'] and 10 more"), "{info}");
}
