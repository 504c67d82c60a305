//! Invalid definitions give Mistral's messages, with the workflow, task,
//! attribute and position of each problem, and every problem is reported.

use bora_lang::{ValidationError, parse_actions, parse_workbook, parse_workflows};

fn errors(text: &str) -> Vec<ValidationError> {
    match parse_workflows(text) {
        Ok(_) => panic!("expected errors for:\n{text}"),
        Err(e) => e.0,
    }
}

#[test]
fn unknown_target_is_positioned() {
    let text = "version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      on-success:\n        - t9\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(
        errs[0].to_string(),
        "line 7, column 11: workflow 'wf', task 't1', attribute 'on-success': Task 't9' not found."
    );
}

#[test]
fn every_error_is_reported() {
    let text = "\
version: '2.0'
wf:
  tasks:
    t1:
      action: std.noop
      foo: 1
      on-success: [t2]
    t2:
      action: std.echo output=<% $.a + %>
    t3:
      workflow: sub
      action: std.noop
";
    let errs = errors(text);
    let shown: Vec<String> = errs.iter().map(ToString::to_string).collect();
    assert_eq!(errs.len(), 3, "{shown:#?}");
    assert_eq!(
        shown[0],
        "line 6, column 7: workflow 'wf', task 't1': Invalid DSL: Additional properties are not allowed ('foo' was unexpected)"
    );
    assert!(
        shown[1].starts_with("line 9, column 15: workflow 'wf', task 't2', attribute 'action': "),
        "{}",
        shown[1]
    );
    assert!(
        shown[2].starts_with("line 11, column 7: workflow 'wf', task 't3': Invalid DSL: "),
        "{}",
        shown[2]
    );
}

#[test]
fn start_tasks_and_joins() {
    let text =
        "version: '2.0'\nwf:\n  tasks:\n    a:\n      on-success: b\n    b:\n      on-success: a\n";
    let errs = errors(text);
    assert_eq!(errs.len(), 1);
    assert!(errs[0].message.starts_with(
        "Failed to find start tasks in direct workflow. There must be at least one task without inbound transition.[workflow_name=wf]"
    ));
    assert_eq!((errs[0].pos.line, errs[0].pos.column), (4, 5));

    let text = "version: '2.0'\nwf:\n  tasks:\n    a:\n      on-success: j\n      on-error: j\n    j:\n      join: 2\n";
    let errs = errors(text);
    assert_eq!(
        errs[0].message,
        "Not enough inbound tasks for task with 'join' [task_name=j, join=2, inbound_tasks=1]"
    );
    assert_eq!(
        (
            errs[0].pos.line,
            errs[0].pos.column,
            errs[0].attribute.as_deref()
        ),
        (8, 13, Some("join"))
    );
}

#[test]
fn schema_messages_follow_jsonschema() {
    let text = "version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      retry:\n        delay: 1\n";
    let errs = errors(text);
    assert_eq!(
        errs[0].message,
        "Invalid DSL: 'count' is a required property"
    );
    assert_eq!(errs[0].attribute.as_deref(), Some("retry"));
    let text =
        "version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      timeout: -1\n";
    let errs = errors(text);
    assert_eq!(
        errs[0].message,
        "Invalid DSL: -1 is not valid under any of the given schemas"
    );
    assert_eq!((errs[0].pos.line, errs[0].pos.column), (6, 16));
    let errs = errors("wf:\n  tasks:\n    t1: {}\n");
    assert_eq!(
        errs[0].message,
        "Invalid DSL: 'version' is a required property"
    );
    assert_eq!(errs[1].message, "Invalid DSL: {} should be non-empty");
}

#[test]
fn reverse_workflows() {
    let text = "version: '2.0'\nwf:\n  type: reverse\n  tasks:\n    a:\n      requires: [b]\n    c:\n      on-success: a\n";
    let errs = errors(text);
    let msgs: Vec<&str> = errs.iter().map(|e| e.message.as_str()).collect();
    assert_eq!(
        msgs,
        ["Invalid DSL: Additional properties are not allowed ('on-success' was unexpected)"]
    );
    let text = "version: '2.0'\nwf:\n  type: reverse\n  tasks:\n    a:\n      requires: [b]\n";
    let errs = errors(text);
    assert_eq!(errs[0].message, "Task 'b' not found.");
    assert_eq!(
        (errs[0].pos.line, errs[0].attribute.as_deref()),
        (6, Some("requires"))
    );
}

#[test]
fn yaml_errors_are_positioned() {
    let errs = errors("version: '2.0'\nwf:\n  tasks:\n    t1: : x\n");
    assert!(
        errs[0]
            .message
            .starts_with("Definition could not be parsed: "),
        "{}",
        errs[0]
    );
    assert_eq!(errs[0].pos.line, 4);
    let errs = errors("version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: &x std.noop\n");
    assert_eq!(
        errs[0].message,
        "Invalid action/workflow task property: &x std.noop"
    );
    let errs = errors("---\nversion: '2.0'\n---\nversion: '2.0'\n");
    assert!(
        errs[0]
            .message
            .ends_with("expected a single document in the stream")
    );
}

#[test]
fn workbooks_and_actions() {
    let wb = "version: '2.0'\nname: wb\nworkflows:\n  wf:\n    tasks:\n      t1:\n        action: a1\nactions:\n  a1:\n    base: std.echo output=1\n    input: [x]\n";
    let parsed = parse_workbook(wb).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(parsed.qualified_name(&parsed.actions[0].name), "wb.a1");
    assert_eq!(parsed.actions[0].base, "std.echo");
    assert_eq!(
        parsed.actions[0].base_input.get("output"),
        Some(&serde_json::json!(1))
    );

    let err = parse_workbook("version: '3.0'\nname: wb\n")
        .err()
        .map(|e| e.0[0].message.clone());
    assert_eq!(err.as_deref(), Some("Unsupported DSL version: 3.0"));
    let err = parse_actions("version: '2.0'\na1:\n  base: std.noop\n  foo: 1\n")
        .err()
        .map(|e| e.0[0].to_string());
    assert_eq!(
        err.as_deref(),
        Some(
            "line 4, column 3: workflow 'a1': Invalid DSL: Additional properties are not allowed ('foo' was unexpected)"
        )
    );
}
