//! The action kits end to end, through the binary: for Rust, Python and
//! JavaScript, `bora action new --lang L NAME` makes a project,
//! `bora action build NAME` builds `NAME/NAME.wasm` with the kit's tools,
//! and `bora action inspect` / `bora action run` show that the component
//! describes itself, greets, maps its errors to the action's error result,
//! names a badly typed parameter and logs through the host; loaded with
//! warm instances, calls in a row in one instance answer for themselves.
//!
//! The Python and JavaScript builds install componentize-py (PyPI) and
//! componentize-js (npm) on first use, into a kits directory kept in the
//! target dir so later runs reuse them. Those two tests skip, saying so,
//! only when python3 or node/npm are not installed; anything else that
//! goes wrong (no network on a first run included) fails them.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use bora::runtime::{ActionLimits, CallContext, CallOverrides, Outcome, Runtime, RuntimeConfig};
use serde_json::{Value, json};

/// Where the kits' tools are installed, shared by the tests and kept
/// between runs (a first run downloads them).
fn kits_dir() -> PathBuf {
    Path::new(env!("CARGO_TARGET_TMPDIR")).join("action-kits")
}

struct Bora {
    /// The folder the commands run in (the projects are made there).
    work: tempfile::TempDir,
    /// The runtime's cache of compiled components: a Python or JS component
    /// takes seconds to compile, so the runs after the first reuse it.
    cache: tempfile::TempDir,
    kits: PathBuf,
}

impl Bora {
    fn new() -> Self {
        Bora {
            work: tempfile::tempdir().expect("temp dir"),
            cache: tempfile::tempdir().expect("temp dir"),
            kits: kits_dir(),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().expect("the binary runs")
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_bora-under-test"));
        cmd.args(args)
            .current_dir(self.work.path())
            .env("BORA_KITS_DIR", &self.kits)
            .env("BORA_CACHE_DIR", self.cache.path())
            .env("RUST_BACKTRACE", "0");
        cmd
    }
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn ok(out: &Output, what: &str) -> String {
    assert!(
        out.status.success(),
        "{what} failed\n--- stdout\n{}\n--- stderr\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// Whether `program --version` runs; prints why a test skips when not.
fn have(program: &str, test: &str) -> bool {
    let found = Command::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        println!("SKIPPED {test}: `{program}` is not installed, so this kit cannot build");
        eprintln!("SKIPPED {test}: `{program}` is not installed, so this kit cannot build");
    }
    found
}

/// new, build, inspect and run for `lang`; returns (component bytes, build
/// seconds).
fn round_trip(lang: &str, name: &str) -> (u64, f64) {
    let started = Instant::now();
    let bora = Bora::new();
    let out = bora.run(&["action", "new", "--lang", lang, name]);
    let stdout = ok(&out, "bora action new");
    assert!(
        stdout.contains(&format!("bora action build {name}")),
        "{stdout}"
    );

    let build_started = Instant::now();
    let out = bora.run(&["action", "build", name]);
    let stdout = ok(&out, "bora action build");
    let build_secs = build_started.elapsed().as_secs_f64();
    let wasm = format!("{name}/{name}.wasm");
    assert!(stdout.contains(&format!("built {wasm}")), "{stdout}");
    let bytes = std::fs::metadata(bora.work.path().join(&wasm))
        .expect("the component is there")
        .len();

    // The first load compiles the component (seconds for Python and JS);
    // the runs below find it in the cache.
    let load_started = Instant::now();
    let out = bora.run(&["action", "inspect", &wasm]);
    let stdout = ok(&out, "bora action inspect");
    let load_secs = load_started.elapsed().as_secs_f64();
    assert!(
        stdout.contains("world: fits bora:action/action@0.1.0"),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("name: {name}")), "{stdout}");
    assert!(
        stdout.contains("input: name, greeting=\"Hello\", times=1"),
        "{stdout}"
    );

    let call_started = Instant::now();
    let out = bora.run(&["action", "run", &wasm, "--input", r#"{"name": "x"}"#]);
    let stdout = ok(&out, "bora action run");
    let call_secs = call_started.elapsed().as_secs_f64();
    let result: Value = serde_json::from_str(&stdout).expect("the result is JSON");
    assert_eq!(
        result,
        json!({"greetings": ["Hello, x!"], "execution_id": null}),
        "{lang}"
    );
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains(&format!("[info] greeting x as {name}")),
        "the host log: {stderr}"
    );

    let out = bora.run(&[
        "action",
        "run",
        &wasm,
        "--input",
        r#"{"name": "x", "greeting": "Hi", "times": 2}"#,
    ]);
    let result: Value = serde_json::from_str(&ok(&out, "run with times")).expect("JSON");
    assert_eq!(result["greetings"], json!(["Hi, x!", "Hi, x!"]));

    // The action's own error: message and details.
    let out = bora.run(&["action", "run", &wasm, "--input", r#"{"name": " "}"#]);
    assert!(!out.status.success(), "an empty name must fail");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("name is empty"), "{stderr}");
    assert!(stderr.contains(r#""param": "name""#), "details: {stderr}");

    // A value of the wrong type, named by the kit.
    let out = bora.run(&[
        "action",
        "run",
        &wasm,
        "--input",
        r#"{"name": "x", "times": "3"}"#,
    ]);
    assert!(!out.status.success(), "a string for times must fail");
    let stderr = text(&out.stderr);
    assert!(stderr.contains("parameter 'times'"), "{stderr}");

    warm_calls(&bora, &bora.work.path().join(&wasm), name);

    println!(
        "{lang}: component {bytes} bytes, build {build_secs:.1} s, first load \
         (compile) {load_secs:.1} s, a call (cached) {call_secs:.1} s, whole test {:.1} s",
        started.elapsed().as_secs_f64()
    );
    (bytes, build_secs)
}

/// The component loaded with warm instances: calls in a row (an error
/// among them) in the instance the last one left each answer and log
/// only for their own input.
fn warm_calls(bora: &Bora, wasm: &Path, name: &str) {
    let bytes = std::fs::read(wasm).expect("the component is there");
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    tokio.block_on(async {
        let config = RuntimeConfig {
            cache_dir: Some(bora.cache.path().to_path_buf()),
            ..RuntimeConfig::default()
        };
        let runtime = Runtime::new(config).await.expect("a runtime");
        let warm = ActionLimits {
            warm: Some(true),
            ..ActionLimits::default()
        };
        runtime.load(name, &bytes, warm).await.expect("it loads");
        let ctx = CallContext {
            owner: Some("kits".into()),
            ..CallContext::default()
        };
        for who in ["a", " ", "b", "c"] {
            let called = runtime
                .call(
                    name,
                    json!({"name": who}),
                    ctx.clone(),
                    CallOverrides::default(),
                )
                .await;
            if who == " " {
                let failure = called.expect_err("an empty name fails");
                assert!(failure.to_string().contains("name is empty"), "{failure}");
                continue;
            }
            let output = called.unwrap_or_else(|f| panic!("{name} warm, {who}: {f}"));
            assert_eq!(
                output.outcome,
                Outcome::Done(
                    json!({"greetings": [format!("Hello, {who}!")], "execution_id": null})
                ),
                "{name} warm"
            );
            let greetings: Vec<&str> = output
                .logs
                .iter()
                .map(|l| l.message.as_str())
                .filter(|m| m.starts_with("greeting "))
                .collect();
            assert_eq!(
                greetings,
                [format!("greeting {who} as {name}")],
                "{name} warm"
            );
        }
    });
}

#[test]
fn rust_kit_new_build_run() {
    let (bytes, _) = round_trip("rust", "greet_rs");
    assert!(bytes < 2_000_000, "a Rust action is small: {bytes}");
}

#[test]
fn python_kit_new_build_run() {
    if !have("python3", "python_kit_new_build_run") {
        return;
    }
    round_trip("python", "greet_py");
}

/// The Python kit's module in plain CPython (`test_bora_action.py`): input
/// shapes worked out once, and the build-time warm-up, which must never run
/// an action's `run` or an input class's own code.
#[test]
fn python_kit_module_unit_tests() {
    if !have("python3", "python_kit_module_unit_tests") {
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../action-sdk/python");
    // -B: no __pycache__ left in the source tree.
    let out = Command::new("python3")
        .args(["-B", "-m", "unittest", "-v", "test_bora_action"])
        .current_dir(&dir)
        .output()
        .expect("python3 runs");
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("Ran 6 tests"), "{stderr}");
}

#[test]
fn js_kit_new_build_run() {
    if !have("node", "js_kit_new_build_run") || !have("npm", "js_kit_new_build_run") {
        return;
    }
    round_trip("js", "greet-js");
}

/// Without python3 or node on the PATH (and nothing installed yet), the
/// build says what is missing and what it is for.
#[test]
fn missing_tools_are_named() {
    let kits = tempfile::tempdir().expect("temp dir");
    let bora = Bora {
        kits: kits.path().to_path_buf(),
        ..Bora::new()
    };
    let empty = tempfile::tempdir().expect("temp dir");
    for (lang, name, expected) in [
        (
            "python",
            "nopy",
            "python3 was not found: building a Python action needs Python 3",
        ),
        (
            "js",
            "nojs",
            "node was not found: building a JavaScript action needs Node.js and npm",
        ),
    ] {
        ok(&bora.run(&["action", "new", "--lang", lang, name]), "new");
        let out = bora
            .command(&["action", "build", name])
            .env("PATH", empty.path())
            .env_remove("BORA_PYTHON")
            .env_remove("BORA_NODE")
            .output()
            .expect("the binary runs");
        assert!(!out.status.success(), "{lang} built without its tools");
        let stderr = text(&out.stderr);
        assert!(stderr.contains(expected), "{lang}: {stderr}");
    }
}

/// `new` refuses a name that cannot be a package and a folder that exists;
/// `build` refuses a folder that is no project.
#[test]
fn new_and_build_refuse_what_they_cannot_do() {
    let bora = Bora::new();
    let out = bora.run(&["action", "new", "--lang", "python", "my.action"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("cannot name an action project"));
    ok(
        &bora.run(&["action", "new", "--lang", "js", "twice"]),
        "new",
    );
    let out = bora.run(&["action", "new", "--lang", "js", "twice"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("already exists"));
    std::fs::create_dir(bora.work.path().join("empty")).expect("mkdir");
    let out = bora.run(&["action", "build", "empty"]);
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("is not an action project"));
}
