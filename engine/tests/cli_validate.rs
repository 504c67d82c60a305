//! `bora validate`, run as a user runs it: the binary cargo built.

use std::process::{Command, Output};

fn bora_validate(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_bora"))
        .arg("validate")
        .args(args)
        .output()
        .expect("run the bora binary")
}

#[test]
fn valid_and_invalid_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = dir.path().join("good.yaml");
    let bad = dir.path().join("bad.yaml");
    std::fs::write(
        &good,
        "version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      on-success: t2\n    t2:\n      action: std.echo output=<% $.x %>\n",
    )
    .expect("write");
    std::fs::write(
        &bad,
        "version: '2.0'\nwf:\n  tasks:\n    t1:\n      action: std.noop\n      on-success: t9\n      foo: 1\n",
    )
    .expect("write");
    let good = good.to_string_lossy().into_owned();
    let bad = bad.to_string_lossy().into_owned();

    let out = bora_validate(&[&good]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!("{good}: ok\n")
    );

    let out = bora_validate(&["--kind", "workflows", &good, &bad]);
    assert!(!out.status.success());
    let stdout = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines[0], format!("{good}: ok"));
    assert_eq!(
        lines[1],
        format!(
            "{bad}:7:7: workflow 'wf', task 't1': Invalid DSL: Additional properties are not allowed ('foo' was unexpected)"
        )
    );
    assert_eq!(lines.len(), 2, "{stdout}");

    // Once the structure is sound, the graph is checked too.
    std::fs::write(
        &bad,
        "version: '2.0'\nwf:\n  tasks:\n    t1:\n      on-success: t9\n",
    )
    .expect("write");
    let out = bora_validate(&[&bad]);
    assert!(!out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        format!(
            "{bad}:5:19: workflow 'wf', task 't1', attribute 'on-success': Task 't9' not found.\n"
        )
    );

    let out = bora_validate(&["no/such/file.yaml"]);
    assert!(!out.status.success());
}
