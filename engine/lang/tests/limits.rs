//! Bora's `limits` task attribute: the model (task over task-defaults, key
//! by key), and positioned errors for unknown keys, wrong types and bad
//! expressions.

use bora_lang::*;

const WF: &str = "\
version: '2.0'
wf:
  task-defaults:
    limits:
      fuel: 1000
      allowed-hosts: [api.example.com]
  tasks:
    t1:
      action: my.fetch
      limits:
        fuel: 50000000
        memory: 33554432
      on-success: t2
    t2:
      action: std.http url=http://x
      with-items: h in <% $.hosts %>
      limits:
        fuel: <% $.fuel %>
        allowed-hosts:
          - <% $.h %>
          - b.example.com
      on-success: t3
    t3:
      action: std.noop
      limits:
        allowed-hosts: []
      on-success: t4
    t4:
      action: std.noop
      limits:
        allowed-hosts: <% $.hosts %>
";

fn limits_of(wf: &Workflow, task: &str) -> Limits {
    wf.task(task)
        .and_then(|t| t.limits)
        .unwrap_or_else(|| panic!("{task} has no limits"))
}

#[test]
fn task_limits_override_the_defaults_key_by_key() {
    let list = parse_workflows(WF).unwrap_or_else(|e| panic!("{e}"));
    let wf = &list.workflows[0];
    assert_eq!(
        limits_of(wf, "t1"),
        Limits {
            fuel: Some(IntOrExpr::Int(50_000_000)),
            memory: Some(IntOrExpr::Int(33_554_432)),
            // From task-defaults: the task does not set it.
            allowed_hosts: Some(HostsOrExpr::List(vec!["api.example.com".into()])),
        }
    );
    assert_eq!(
        limits_of(wf, "t2"),
        Limits {
            fuel: Some(IntOrExpr::Expr("<% $.fuel %>".into())),
            memory: None,
            allowed_hosts: Some(HostsOrExpr::List(vec![
                "<% $.h %>".into(),
                "b.example.com".into()
            ])),
        }
    );
    // An empty list is kept: no host at all.
    assert_eq!(
        limits_of(wf, "t3"),
        Limits {
            fuel: Some(IntOrExpr::Int(1000)),
            memory: None,
            allowed_hosts: Some(HostsOrExpr::List(Vec::new())),
        }
    );
    assert_eq!(
        limits_of(wf, "t4").allowed_hosts,
        Some(HostsOrExpr::Expr("<% $.hosts %>".into()))
    );
    // The raw task keeps its own keys only.
    assert_eq!(
        wf.raw_task("t1").and_then(|t| t.limits.clone()),
        Some(Limits {
            fuel: Some(IntOrExpr::Int(50_000_000)),
            memory: Some(IntOrExpr::Int(33_554_432)),
            allowed_hosts: None,
        })
    );
    let exprs = wf.expressions();
    for e in ["<% $.fuel %>", "<% $.h %>", "<% $.hosts %>"] {
        assert!(exprs.iter().any(|x| x == e), "{e} missing from {exprs:?}");
    }
}

#[test]
fn defaults_alone_apply_and_no_limits_means_none() {
    let text = "\
version: '2.0'
wf:
  task-defaults:
    limits: {memory: 1048576}
  tasks:
    t1:
      action: std.noop
";
    let list = parse_workflows(text).unwrap_or_else(|e| panic!("{e}"));
    let wf = &list.workflows[0];
    assert_eq!(limits_of(wf, "t1").memory, Some(IntOrExpr::Int(1_048_576)));
    let plain = parse_workflows("version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n")
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(plain.workflows[0].task("t1").and_then(|t| t.limits), None);
}

#[test]
fn json_round_trip_and_older_json_without_limits() {
    let doc = parse_any(WF, None).unwrap_or_else(|e| panic!("{e}"));
    let text = serde_json::to_string(&doc).unwrap_or_default();
    let back: Document = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, doc);

    // A definition cached before `limits` existed still reads.
    let plain = parse_any(
        "version: '2.0'\nwf:\n  task-defaults:\n    timeout: 3\n  tasks:\n    t1:\n      action: std.noop\n",
        None,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let mut value = serde_json::to_value(&plain).unwrap_or_default();
    let wf = &mut value["workflows"][0];
    assert!(wf["tasks"][0].get("limits").is_none(), "{wf}");
    assert!(wf["task_defaults"].get("limits").is_none(), "{wf}");
    let back: Document = serde_json::from_value(value).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back, plain);
}

fn errors(text: &str) -> Vec<String> {
    match parse_workflows(text) {
        Ok(_) => panic!("expected errors for:\n{text}"),
        Err(e) => e.0.iter().map(ToString::to_string).collect(),
    }
}

fn task_with(limits: &str) -> String {
    format!(
        "version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      limits:\n{limits}"
    )
}

#[test]
fn unknown_keys_and_wrong_types_are_positioned() {
    let errs = errors(&task_with("        fuel: 10\n        timeout: 5\n"));
    assert_eq!(
        errs,
        [
            "line 8, column 9: workflow 'wf', task 't1', attribute 'limits': Invalid DSL: Additional properties are not allowed ('timeout' was unexpected)"
        ]
    );
    let errs = errors(&task_with("        fuel: -1\n"));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with(
            "line 7, column 15: workflow 'wf', task 't1', attribute 'limits': Invalid DSL: -1 "
        ),
        "{errs:?}"
    );
    let errs = errors(&task_with("        memory: lots\n"));
    assert!(
        errs[0].starts_with(
            "line 7, column 17: workflow 'wf', task 't1', attribute 'limits': Invalid DSL: 'lots' "
        ),
        "{errs:?}"
    );
    // A plain host must be in a list (a string is read as an expression).
    let errs = errors(&task_with("        allowed-hosts: api.example.com\n"));
    assert!(
        errs[0].starts_with("line 7, column 24: workflow 'wf', task 't1', attribute 'limits': Invalid DSL: 'api.example.com' "),
        "{errs:?}"
    );
    let errs = errors(&task_with("        allowed-hosts: [a.example, 3]\n"));
    assert!(
        errs[0].contains("task 't1', attribute 'limits': Invalid DSL: "),
        "{errs:?}"
    );
    // An empty mapping says nothing: refused like other empty blocks.
    let errs = errors(&task_with("        {}\n"));
    assert!(
        errs[0].contains("attribute 'limits': Invalid DSL: {} "),
        "{errs:?}"
    );
    let errs = errors(&task_with("        - fuel: 1\n"));
    assert!(
        errs[0].contains("attribute 'limits': Invalid DSL: [{'fuel': 1}] is not of type 'object'"),
        "{errs:?}"
    );
}

#[test]
fn bad_expressions_are_positioned() {
    let errs = errors(&task_with(
        "        fuel: <% $.a + %>\n        allowed-hosts: [ok.example, <% $. %>]\n",
    ));
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs[0].starts_with("line 7, column 15: workflow 'wf', task 't1', attribute 'limits': "),
        "{errs:?}"
    );
    assert!(
        errs[1].starts_with("line 8, column 37: workflow 'wf', task 't1', attribute 'limits': "),
        "{errs:?}"
    );
}

#[test]
fn task_defaults_limits_are_checked() {
    let text = "\
version: '2.0'
wf:
  task-defaults:
    limits:
      fule: 10
  tasks:
    t1:
      action: std.noop
";
    let errs = errors(text);
    assert_eq!(
        errs,
        [
            "line 5, column 7: workflow 'wf', attribute 'task-defaults': Invalid DSL: Additional properties are not allowed ('fule' was unexpected)"
        ]
    );
    let text = "\
version: '2.0'
wf:
  task-defaults:
    limits:
      memory: <% 1 + %>
  tasks:
    t1:
      action: std.noop
";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("line 5, column 15: workflow 'wf', attribute 'task-defaults.limits': "),
        "{errs:?}"
    );
}

#[test]
fn a_workflow_task_cannot_set_limits() {
    let text = "\
version: '2.0'
wf:
  tasks:
    t1:
      workflow: sub
      limits:
        fuel: 10
";
    let errs = errors(text);
    assert_eq!(
        errs,
        [
            "line 7, column 9: workflow 'wf', task 't1', attribute 'limits': 'limits' applies to a task's action calls; a 'workflow' task runs none (set 'limits' on the sub-workflow's tasks)"
        ]
    );
}
