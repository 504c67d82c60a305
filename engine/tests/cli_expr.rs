//! `bora expr`, run as a user runs it: the binary cargo built.

use std::process::{Command, Output};

fn bora_expr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bora"))
        .arg("expr")
        .args(args)
        .output()
        .expect("run the bora binary")
}

fn stdout_json(output: &Output) -> serde_json::Value {
    serde_json::from_slice(&output.stdout).expect("stdout is JSON")
}

#[test]
fn whole_expressions_print_raw_values() {
    let out = bora_expr(&[
        "<% $.items.select($.id) %>",
        "--context",
        r#"{"items": [{"id": 1}, {"id": 2}]}"#,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout_json(&out), serde_json::json!([1, 2]));

    let out = bora_expr(&["{{ _.a / 2 }}", "-c", r#"{"a": 3}"#]);
    assert_eq!(stdout_json(&out), serde_json::json!(1.5));
}

#[test]
fn text_is_spliced_with_python_str() {
    let out = bora_expr(&["Flag: <% $.f %>, list: {{ 1 }}", "-c", r#"{"f": true}"#]);
    // Jinja wins when both languages appear: the YAQL part stays as text.
    assert_eq!(
        stdout_json(&out),
        serde_json::json!("Flag: <% $.f %>, list: 1")
    );
    let out = bora_expr(&[
        "Flag: <% $.f %> <% $.l %>",
        "-c",
        r#"{"f": true, "l": [1, "a"]}"#,
    ]);
    assert_eq!(stdout_json(&out), serde_json::json!("Flag: True [1, 'a']"));
}

#[test]
fn errors_go_to_stderr_with_a_failure_code() {
    let out = bora_expr(&["<% $.missing %>", "-c", r#"{"a": 1}"#]);
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("Can not evaluate YAQL expression [expression=$.missing, error='missing']"),
        "{stderr}"
    );

    let out = bora_expr(&["<% 1 %>", "-c", "not json"]);
    assert!(!out.status.success());
}

#[test]
fn recursive_evaluates_values_not_keys() {
    let out = bora_expr(&[
        r#"{"<% $.a %>": ["<% $.a %>", "{{ _.a + 1 }}"]}"#,
        "--recursive",
        "-c",
        r#"{"a": 1}"#,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout_json(&out), serde_json::json!({"<% $.a %>": [1, 2]}));
}

#[test]
fn validate_rejects_mixed_languages() {
    let out = bora_expr(&["<% $.a %> {{ _.b }}", "--validate"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Mixing expression types"));
    let out = bora_expr(&["<% $.a %>", "--validate"]);
    assert!(out.status.success());
}
