//! `bora action run|inspect` through the built binary.

use std::process::{Command, Output};

fn bora(args: &[&str], cache: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bora"))
        .args(args)
        .arg("--cache-dir")
        .arg(cache)
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("the bora binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn run_std_echo_prints_hi() {
    let cache = tempfile::tempdir().expect("temp dir");
    let out = bora(
        &[
            "action",
            "run",
            "std.echo",
            "--input",
            r#"{"output": "hi"}"#,
        ],
        cache.path(),
    );
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "\"hi\"\n");
}

#[test]
fn run_reports_bad_input_on_stderr_with_a_failure_status() {
    let cache = tempfile::tempdir().expect("temp dir");
    let out = bora(
        &["action", "run", "std.echo", "--input", r#"{"nope": 1}"#],
        cache.path(),
    );
    assert!(!out.status.success());
    assert!(out.stdout.is_empty(), "stdout: {}", text(&out.stdout));
    let err = text(&out.stderr);
    assert!(
        err.contains("missing=['output'], unexpected=['nope']"),
        "stderr: {err}"
    );
}

#[test]
fn run_applies_the_fuel_limit_and_rejects_unknown_actions() {
    let cache = tempfile::tempdir().expect("temp dir");
    let out = bora(&["action", "run", "std.noop", "--fuel", "10"], cache.path());
    assert!(!out.status.success());
    assert!(
        text(&out.stderr).contains("out of fuel"),
        "{}",
        text(&out.stderr)
    );
    let out = bora(&["action", "run", "std.nope"], cache.path());
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("unknown action std.nope"));
}

#[test]
fn inspect_describes_a_component_file() {
    let cache = tempfile::tempdir().expect("temp dir");
    let wasm = cache.path().join("echo.wasm");
    let echo = bora::runtime::std_actions::find("std.echo").expect("std.echo is embedded");
    std::fs::write(&wasm, echo.wasm).expect("write the component");
    let path = wasm.to_string_lossy().into_owned();
    let out = bora(&["action", "inspect", &path], cache.path());
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("world: fits bora:action/action@0.1.0"),
        "{stdout}"
    );
    assert!(stdout.contains("name: std.echo"), "{stdout}");
    assert!(stdout.contains("input: output, delay=0"), "{stdout}");
    // The same file runs by path.
    let out = bora(
        &["action", "run", &path, "--input", r#"{"output": [1]}"#],
        cache.path(),
    );
    assert!(out.status.success(), "stderr: {}", text(&out.stderr));
    assert_eq!(
        text(&out.stdout).split_whitespace().collect::<String>(),
        "[1]"
    );

    let junk = cache.path().join("junk.wasm");
    std::fs::write(&junk, b"not wasm").expect("write junk");
    let out = bora(
        &["action", "inspect", &junk.to_string_lossy()],
        cache.path(),
    );
    assert!(!out.status.success());
    assert!(
        text(&out.stdout).contains("does NOT fit"),
        "{}",
        text(&out.stdout)
    );
}
