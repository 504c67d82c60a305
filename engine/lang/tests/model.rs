//! The typed model: task-defaults resolution, derived graph data, inline
//! parameters, and JSON round trips.

use bora_lang::*;
use serde_json::json;

const WF: &str = "\
version: '2.0'
wf:
  input:
    - a
    - b: 2
  task-defaults:
    retry: count=3 delay=1
    timeout: 30
    on-error: [cleanup]
    safe-rerun: true
  tasks:
    t1:
      action: std.echo output=<% $.a %> n=3
      input:
        output: overridden
        extra: <% $.b %>
      timeout: 5
      on-success:
        - t2: <% $.ok %>
        - fail msg='stop'
    t2:
      workflow: sub x=1
      with-items:
        - i in [1, 2]
        - j in <% $.js %>
      join: one
      retry:
        count: 2
        delay: 1
        backoff: exponential
        max-delay: 60
    cleanup:
      action: std.noop
      on-complete:
        publish:
          global: {done: true}
        next: noop
";

#[test]
fn defaults_and_derived_views() {
    let list = parse_workflows(WF).unwrap_or_else(|e| panic!("{e}"));
    let wf = &list.workflows[0];
    assert_eq!(wf.input[1].default, Some(json!(2)));
    let t1 = wf.task("t1").unwrap_or_else(|| panic!("t1"));
    assert_eq!(t1.kind, TaskKind::Action("std.echo".into()));
    // Inline parameters win over `input`.
    assert_eq!(
        t1.input,
        TaskInput::Dict(
            serde_json::from_value(json!({"output": "<% $.a %>", "extra": "<% $.b %>", "n": 3}))
                .unwrap_or_default()
        )
    );
    assert_eq!(t1.policies.timeout, Some(IntOrExpr::Int(5)));
    assert_eq!(
        t1.policies.retry.as_ref().map(|r| r.count.clone()),
        Some(IntOrExpr::Int(3))
    );
    assert_eq!(t1.safe_rerun, Some(BoolOrExpr::Bool(true)));
    let next: Vec<&str> = t1
        .on_error
        .as_ref()
        .map(|c| c.next.iter().map(|t| t.name.as_str()).collect())
        .unwrap_or_default();
    assert_eq!(next, ["cleanup"]);
    let succ = t1
        .on_success
        .as_ref()
        .map(|c| c.next.clone())
        .unwrap_or_default();
    assert_eq!(succ[0].condition.as_deref(), Some("<% $.ok %>"));
    assert_eq!(succ[1].command(), Some("fail"));
    assert_eq!(succ[1].params.get("msg"), Some(&json!("stop")));

    // The default on-error is dropped on the task it names.
    let cleanup = wf.task("cleanup").unwrap_or_else(|| panic!("cleanup"));
    assert!(cleanup.on_error.is_none());
    let pubs = cleanup
        .on_complete
        .as_ref()
        .and_then(|c| c.publish.clone())
        .unwrap_or_default();
    assert_eq!(pubs.global.get("done"), Some(&json!(true)));

    let t2 = wf.task("t2").unwrap_or_else(|| panic!("t2"));
    assert_eq!(t2.kind, TaskKind::Workflow("sub".into()));
    assert_eq!(t2.join, Some(Join::Count(1)));
    assert_eq!(
        t2.with_items[0].source,
        ItemsSource::List(vec![json!(1), json!(2)])
    );
    assert_eq!(
        t2.with_items[1].source,
        ItemsSource::Expr("<% $.js %>".into())
    );
    let retry = t2.policies.retry.clone().unwrap_or_else(|| panic!("retry"));
    assert_eq!(
        (retry.backoff, retry.max_delay),
        (Some(Backoff::Exponential), Some(IntOrExpr::Int(60)))
    );
    // The raw task keeps its own values only.
    assert_eq!(
        wf.raw_task("t2").and_then(|t| t.policies.timeout.clone()),
        None
    );
    assert_eq!(t2.policies.timeout, Some(IntOrExpr::Int(30)));

    assert_eq!(wf.start_tasks(), ["t1"]);
    assert_eq!(wf.inbound_tasks("t2"), ["t1"]);
    assert_eq!(wf.inbound_tasks("cleanup"), ["t1", "t2"]);
    let exprs = wf.expressions();
    for e in ["<% $.a %>", "<% $.b %>", "<% $.ok %>", "<% $.js %>"] {
        assert!(exprs.iter().any(|x| x == e), "{e} missing from {exprs:?}");
    }
}

#[test]
fn json_round_trip() {
    let doc = parse_any(WF, None).unwrap_or_else(|e| panic!("{e}"));
    let text = serde_json::to_string(&doc).unwrap_or_default();
    let back: Document = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, doc);
}

#[test]
fn kind_detection() {
    assert_eq!(detect_kind(WF), Kind::Workflows);
    assert_eq!(
        detect_kind("version: '2.0'\na1:\n  base: std.noop\n"),
        Kind::Actions
    );
    assert_eq!(
        detect_kind("version: '2.0'\nname: wb\nworkflows: {}\n"),
        Kind::Workbook
    );
}

#[test]
fn a_null_default_makes_an_optional_input_through_storage() {
    // `- p: null` is optional with a null default (Mistral); stored
    // definitions are JSON, where `default: null` also meant "required".
    let list = parse_workflows("version: '2.0'\nwf:\n  input:\n    - req\n    - opt: null\n    - two: 2\n  tasks:\n    t: {action: std.noop}\n")
        .unwrap_or_else(|e| panic!("{e}"));
    let wf = &list.workflows[0];
    let defaults: Vec<Option<serde_json::Value>> =
        wf.input.iter().map(|p| p.default.clone()).collect();
    assert_eq!(defaults, [None, Some(json!(null)), Some(json!(2))]);
    let text = serde_json::to_string(wf).unwrap_or_else(|e| panic!("{e}"));
    let back: Workflow = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.input, wf.input);
    // What earlier versions stored still reads: `default: null` is required.
    let old: InputParam = serde_json::from_value(json!({"name": "x", "default": null}))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(old.default, None);
}
