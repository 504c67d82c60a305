//! `bora run`, as a user runs it: the binary cargo built, on the files in
//! `examples/` and on workflows written here.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::{Value, json};

fn bora_run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bora"))
        .arg("run")
        .args(args)
        .env("BORA_LOG", "warn")
        .output()
        .expect("run the bora binary")
}

fn example(name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../examples")
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn stdout_json(out: &Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}): {}\nstderr: {}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

#[test]
fn the_readme_example_prints_its_output() {
    let out = bora_run(&[
        &example("hello.yaml"),
        "--input",
        r#"{"names": ["Ann", "Bob"]}"#,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        stdout_json(&out),
        json!({"greetings": ["Hello, Ann!", "Hello, Bob!"], "summary": "2 greeting(s) sent"})
    );
}

#[test]
fn a_workbook_runs_with_its_adhoc_actions() {
    let file = example("workbook.yaml");
    let out = bora_run(&[&file, "--input", r#"{"who": "Ann"}"#]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout_json(&out), json!({"said": "Hi Ann!"}));
    // By short or full name.
    for name in ["main", "greetings.main"] {
        let out = bora_run(&[&file, "-w", name, "--input", r#"{"who": "Bo"}"#]);
        assert_eq!(stdout_json(&out), json!({"said": "Hi Bo!"}), "{name}");
    }
    let out = bora_run(&[&file, "-w", "nope"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no workflow named nope"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_failed_workflow_exits_non_zero_and_params_reach_the_execution() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("wf.yaml");
    std::fs::write(
        &file,
        "version: '2.0'\ncolour:\n  tasks:\n    t1:\n      action: std.echo output=<% env().colour %>\n      publish:\n        colour: <% task().result %>\n  output:\n    colour: <% $.colour %>\nbroken:\n  tasks:\n    t1:\n      action: std.fail\n",
    )
    .expect("write");
    let file = file.to_string_lossy().into_owned();
    // Two workflows: `bora run` runs only the one named (it no longer picks the first).
    let out = bora_run(&[
        &file,
        "-w",
        "colour",
        "--params",
        r#"{"env": {"colour": "red"}}"#,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(stdout_json(&out), json!({"colour": "red"}));
    let out = bora_run(&[&file, "-w", "broken"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken: ERROR"), "{stderr}");
    let out = bora_run(&[&file, "--params", "[1]"]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("--params must be a JSON object"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
