//! `bora action run` checks its limits against the same ceilings as
//! `bora serve` (`--max-fuel`, `--max-memory`, `--max-action-timeout`),
//! before it loads anything, and runs under them.

use std::process::{Command, Output};

fn bora(args: &[&str]) -> (Output, String) {
    let cache = tempfile::tempdir().expect("temp dir");
    let out = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
        .args(["action", "run"])
        .args(args)
        .arg("--cache-dir")
        .arg(cache.path())
        .env("RUST_BACKTRACE", "0")
        .output()
        .expect("the binary runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    (out, stderr)
}

#[test]
fn limits_above_the_ceilings_are_refused_naming_the_flag() {
    for (args, expected) in [
        (
            ["--fuel", "200000000000"],
            "error: --fuel 200000000000: 200000000000 is above the ceiling of 100000000000 \
             (raise it with --max-fuel)",
        ),
        (
            ["--memory", "2147483648"],
            "error: --memory 2147483648: 2147483648 bytes is above the ceiling of 1073741824 \
             bytes (raise it with --max-memory)",
        ),
        (
            ["--timeout", "7200.5"],
            "error: --timeout 7200.5: 7201 s is above the ceiling of 3600 s \
             (raise it with --max-action-timeout)",
        ),
    ] {
        let mut all = vec!["std.noop"];
        all.extend(args);
        let (out, stderr) = bora(&all);
        assert!(!out.status.success(), "{args:?} ran");
        assert_eq!(stderr.trim_end(), expected, "{args:?}");
    }
}

#[test]
fn a_raised_ceiling_lets_the_call_run_and_a_lowered_one_bounds_it() {
    let (out, stderr) = bora(&[
        "std.noop",
        "--fuel",
        "200000000000",
        "--max-fuel",
        "200000000000",
    ]);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "null\n");
    // The default fuel budget (10^9) is lowered to a lower ceiling.
    let (out, stderr) = bora(&["std.noop", "--max-fuel", "10"]);
    assert!(!out.status.success());
    assert!(stderr.contains("out of fuel (budget 10)"), "{stderr}");
}
