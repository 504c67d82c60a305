//! What an operator sees of `bora serve` as a process: the Prometheus
//! metrics after real runs (values, not just names), JSON log lines with
//! the request and engine-step spans, `--listen` with a host name, and the
//! configuration file's place between the environment and the defaults.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::process_support::{Server, create_workflows, free_port, get, request, start, state};
use bora_tests::programs;
use serde_json::Value;

const WORKFLOWS: &str = "---
version: '2.0'
obs_ok:
  tasks:
    one:
      action: std.echo output=1
      on-success: two
    two:
      action: std.echo output=2
obs_bad:
  tasks:
    broken:
      action: std.echo output=<% $.missing.deeper %>
obs_spin:
  tasks:
    spin:
      action: obs.loop
obs_print:
  tasks:
    say:
      action: obs.prints
";

/// One sample of the metrics text: name, labels, value.
#[derive(Debug)]
struct Sample {
    name: String,
    labels: BTreeMap<String, String>,
    value: f64,
}

/// Parses Prometheus's text format (the subset the exporter writes:
/// no escaped quotes in our label values).
fn parse_metrics(text: &str) -> Vec<Sample> {
    let mut out = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let (series, value) = line.rsplit_once(' ').unwrap();
        let (name, labels) = match series.split_once('{') {
            Some((name, rest)) => (name, rest.trim_end_matches('}')),
            None => (series, ""),
        };
        let labels = labels
            .split(',')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (key, value) = pair.split_once('=').unwrap();
                (key.to_owned(), value.trim_matches('"').to_owned())
            })
            .collect();
        out.push(Sample {
            name: name.to_owned(),
            labels,
            value: value.parse().unwrap(),
        });
    }
    out
}

/// The sum of the samples named `name` whose labels include `labels`.
fn value(samples: &[Sample], name: &str, labels: &[(&str, &str)]) -> f64 {
    samples
        .iter()
        .filter(|s| s.name == name)
        .filter(|s| {
            labels
                .iter()
                .all(|(k, v)| s.labels.get(*k).map(String::as_str) == Some(*v))
        })
        .map(|s| s.value)
        .sum()
}

fn scrape(port: u16) -> Vec<Sample> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).unwrap();
    use std::io::{Read, Write};
    stream
        .write_all(b"GET /metrics HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .unwrap();
    let mut raw = String::new();
    stream.read_to_string(&mut raw).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    assert!(head.starts_with("HTTP/1.1 200"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("content-type: text/plain"),
        "{head}"
    );
    parse_metrics(body)
}

fn wait_done(port: u16, id: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let now = state(port, id);
        if !matches!(now.as_str(), "RUNNING" | "IDLE" | "") || Instant::now() > deadline {
            return now;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// `bora serve --log-format json --listen localhost:PORT` on SQLite.
fn serve_json(dir: &Path, port: u16) -> Server {
    let log = std::fs::File::create(dir.join("serve.log")).unwrap();
    let database = format!("sqlite://{}", dir.join("bora.sqlite").display());
    let child = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
        .args(["serve", "--listen", &format!("localhost:{port}")])
        .args(["--database", &database, "--log-format", "json"])
        .env("BORA_LOG", "info,bora=debug,sqlx=warn")
        .env_remove("RUST_LOG")
        .current_dir(dir)
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(120);
    while request(port, "GET", "/health", None).0 != 200 {
        assert!(Instant::now() < deadline, "bora serve did not come up");
        std::thread::sleep(Duration::from_millis(100));
    }
    server
}

#[test]
fn metrics_count_what_ran_and_logs_are_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let server = serve_json(dir.path(), port);
    let (status, body) = request(
        port,
        "POST",
        "/v2/actions?name=obs.loop&fuel=1000000",
        Some(("application/wasm", programs::ENDLESS_LOOP)),
    );
    assert_eq!(status, 201, "{body}");
    let (status, body) = request(
        port,
        "POST",
        "/v2/actions?name=obs.prints",
        Some(("application/wasm", programs::PRINTS)),
    );
    assert_eq!(status, 201, "{body}");
    create_workflows(port, WORKFLOWS);
    let mut ids = Vec::new();
    for _ in 0..3 {
        ids.push(start(port, "obs_ok"));
    }
    for id in &ids {
        assert_eq!(wait_done(port, id), "SUCCESS");
    }
    let bad = start(port, "obs_bad");
    assert_eq!(wait_done(port, &bad), "ERROR");
    let spin = start(port, "obs_spin");
    assert_eq!(wait_done(port, &spin), "ERROR");
    let printed = start(port, "obs_print");
    assert_eq!(wait_done(port, &printed), "SUCCESS");
    assert_eq!(request(port, "GET", "/v2/executions/nope", None).0, 404);
    action_output_is_kept(port, &printed);
    // Executions are done; the sampler runs every 5 s.
    std::thread::sleep(Duration::from_millis(5500));

    let m = scrape(port);
    let ok = [("workflow", "obs_ok")];
    assert_eq!(value(&m, "bora_executions_started_total", &ok), 3.0);
    let ok_success = [("workflow", "obs_ok"), ("state", "SUCCESS")];
    assert_eq!(
        value(&m, "bora_executions_finished_total", &ok_success),
        3.0
    );
    let bad_error = [("workflow", "obs_bad"), ("state", "ERROR")];
    assert_eq!(value(&m, "bora_executions_finished_total", &bad_error), 1.0);
    let spin_error = [("workflow", "obs_spin"), ("state", "ERROR")];
    assert_eq!(
        value(&m, "bora_executions_finished_total", &spin_error),
        1.0
    );
    // Two tasks per good run succeeded; the bad one and the spin failed.
    let succeeded = value(&m, "bora_tasks_finished_total", &[("state", "SUCCESS")]);
    assert_eq!(succeeded, 7.0);
    assert_eq!(
        value(&m, "bora_tasks_finished_total", &[("state", "ERROR")]),
        2.0
    );
    let echo = [("action", "std.echo"), ("outcome", "success")];
    assert_eq!(value(&m, "bora_action_calls_total", &echo), 6.0);
    let echo_time = [("action", "std.echo")];
    assert_eq!(
        value(&m, "bora_action_call_duration_seconds_count", &echo_time),
        6.0
    );
    // The loop ran out of its million units of fuel: a trap, and all of
    // its fuel is counted.
    assert_eq!(
        value(&m, "bora_action_traps_total", &[("kind", "out_of_fuel")]),
        1.0
    );
    let fuel = value(
        &m,
        "bora_action_fuel_consumed_total",
        &[("action", "obs.loop")],
    );
    assert!(fuel >= 1_000_000.0, "fuel {fuel}");
    assert!(value(&m, "bora_expression_errors_total", &[("kind", "yaql")]) >= 1.0);
    assert!(value(&m, "bora_engine_step_duration_seconds_count", &[]) >= 8.0);
    let started = [
        ("method", "POST"),
        ("route", "/v2/executions"),
        ("status", "201"),
    ];
    assert_eq!(value(&m, "bora_http_requests_total", &started), 6.0);
    let missing = [("route", "/v2/executions/{id}"), ("status", "404")];
    assert_eq!(value(&m, "bora_http_requests_total", &missing), 1.0);
    let gauges: Vec<&Sample> = m.iter().filter(|s| s.name == "bora_jobs").collect();
    assert_eq!(gauges.len(), 6, "{gauges:?}");
    // Nothing is left to do.
    assert_eq!(gauges.iter().map(|g| g.value).sum::<f64>(), 0.0);
    assert!(value(&m, "bora_job_claim_duration_seconds_count", &[]) >= 1.0);

    let (_, answer) = request(port, "GET", "/health", None);
    assert_eq!(answer["status"], "ok");
    drop(server);

    let text = std::fs::read_to_string(dir.path().join("serve.log")).unwrap();
    let lines: Vec<Value> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect();
    assert!(lines.len() > 10, "{text}");
    for line in &lines {
        assert!(
            line["timestamp"].is_string() && line["level"].is_string(),
            "{line}"
        );
    }
    let answered = lines.iter().find(|l| {
        l["fields"]["message"] == "request answered"
            && l["span"]["route"] == "/v2/executions"
            && l["fields"]["status"] == 201
    });
    let answered = answered.unwrap_or_else(|| panic!("no request line: {text}"));
    assert_eq!(answered["span"]["method"], "POST");
    assert!(answered["fields"]["latency_ms"].is_number(), "{answered}");
    let stepped = lines.iter().any(|l| {
        l["fields"]["message"] == "step applied" && l["span"]["execution"] == ids[0].as_str()
    });
    assert!(stepped, "no step line for {}: {text}", ids[0]);
    assert!(text.contains("bora serve started"), "{text}");
}

/// What the printing action wrote is served with its action execution and
/// printed by `bora task logs`.
fn action_output_is_kept(port: u16, execution: &str) {
    let tasks = get(port, &format!("/v2/executions/{execution}/tasks"));
    let task = tasks["tasks"][0]["id"].as_str().unwrap().to_owned();
    let actions = get(port, &format!("/v2/tasks/{task}/action_executions"));
    let action = actions["action_executions"][0]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let logs = get(port, &format!("/v2/action_executions/{action}/logs"));
    assert_eq!(logs["id"], action.as_str());
    assert!(
        logs["stdout"].as_str().unwrap().contains("hello on stdout"),
        "{logs}"
    );
    assert!(
        logs["stderr"].as_str().unwrap().contains("hello on stderr"),
        "{logs}"
    );
    let records = logs["logs"].as_array().unwrap();
    assert!(
        records
            .iter()
            .any(|r| r["level"] == "warn" && r["message"] == "log at warn"),
        "{logs}"
    );
    assert_eq!(logs["truncated"], false);
    let (status, missing) = request(port, "GET", "/v2/action_executions/nope/logs", None);
    assert_eq!(status, 404, "{missing}");
    assert!(missing["faultstring"].is_string(), "{missing}");

    let out = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
        .args([
            "task",
            "logs",
            &task,
            "--url",
            &format!("http://127.0.0.1:{port}"),
        ])
        .output()
        .unwrap();
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        printed.contains(&format!("== action obs.prints {action} (SUCCESS)")),
        "{printed}"
    );
    assert!(
        printed.contains("hello on stdout") && printed.contains("hello on stderr"),
        "{printed}"
    );
    assert!(printed.contains("warn  log at warn"), "{printed}");
}

/// `bora config show` with a file, the environment and a flag.
fn config_show(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bora-under-test"));
    command.args(["config", "show"]).args(args).current_dir(dir);
    for (key, _) in std::env::vars() {
        if key.starts_with("BORA_") {
            command.env_remove(key);
        }
    }
    command.env_remove("RUST_LOG");
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn setting<'a>(shown: &'a str, key: &str) -> &'a str {
    shown
        .lines()
        .find(|l| l.starts_with(&format!("{key} = ")))
        .unwrap_or_else(|| panic!("no {key} in {shown}"))
}

#[test]
fn settings_come_from_flags_then_environment_then_file_then_defaults() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("bora.toml"),
        "max-fuel = 5000\nmax_tasks = 77\nnode-timeout = 1.5\nlisten = \"localhost:9999\"\n\
         role = [\"api\", \"engine\"]\nno-migrate = true\nlog-format = \"json\"\n",
    )
    .unwrap();
    let (code, shown, err) = config_show(
        dir.path(),
        &["--max-fuel", "7"],
        &[
            ("BORA_MAX_TASKS", "12"),
            ("BORA_LOG", "debug"),
            ("BORA_DATABASE_URL", "postgres://u:pw@h/db"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert!(shown.contains("# file: bora.toml"), "{shown}");
    assert_eq!(setting(&shown, "max-fuel"), "max-fuel = 7  # flag");
    assert_eq!(
        setting(&shown, "max-tasks"),
        "max-tasks = 12  # BORA_MAX_TASKS"
    );
    assert_eq!(
        setting(&shown, "node-timeout"),
        "node-timeout = 1.5  # file"
    );
    assert_eq!(
        setting(&shown, "listen"),
        "listen = \"localhost:9999\"  # file"
    );
    assert_eq!(setting(&shown, "role"), "role = \"api,engine\"  # file");
    assert_eq!(setting(&shown, "no-migrate"), "no-migrate = true  # file");
    assert_eq!(
        setting(&shown, "log-format"),
        "log-format = \"json\"  # file"
    );
    assert_eq!(setting(&shown, "log"), "log = \"debug\"  # BORA_LOG");
    assert_eq!(setting(&shown, "max-depth"), "max-depth = 50  # default");
    let database = setting(&shown, "database");
    assert_eq!(
        database,
        "database = \"postgres://u:***@h/db\"  # BORA_DATABASE_URL"
    );
    assert!(shown.contains("# node-id = (unset)"), "{shown}");

    // What `show` prints is a file `serve --config` reads back as it was.
    let again = dir.path().join("again.toml");
    std::fs::write(&again, &shown).unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let again_arg = again.display().to_string();
    let (code, reread, err) = config_show(elsewhere.path(), &["--config", &again_arg], &[]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(setting(&reread, "max-fuel"), "max-fuel = 7  # file");
    assert_eq!(setting(&reread, "max-tasks"), "max-tasks = 12  # file");
    assert_eq!(setting(&reread, "max-depth"), "max-depth = 50  # file");

    // Without a file: the defaults.
    let (code, plain, err) = config_show(elsewhere.path(), &[], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(plain.contains("# file: none"), "{plain}");
    assert_eq!(
        setting(&plain, "listen"),
        "listen = \"127.0.0.1:8989\"  # default"
    );

    // Mistakes are named.
    std::fs::write(dir.path().join("bad.toml"), "max-fuell = 1\n").unwrap();
    let (code, _, err) = config_show(dir.path(), &["--config", "bad.toml"], &[]);
    assert_eq!(code, 2);
    assert!(
        err.contains("unknown setting 'max-fuell'") && err.contains("max-fuel"),
        "{err}"
    );
    std::fs::write(dir.path().join("typed.toml"), "max-fuel = \"lots\"\n").unwrap();
    let (code, _, err) = config_show(dir.path(), &["--config", "typed.toml"], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("typed.toml") && err.contains("lots"), "{err}");
    let (code, _, err) = config_show(dir.path(), &["--config", "absent.toml"], &[]);
    assert_eq!(code, 2);
    assert!(err.contains("absent.toml"), "{err}");
}

/// A real `serve` takes its listen address (a host name) and log format
/// from the file in its working directory.
#[test]
fn serve_reads_bora_toml_in_its_directory() {
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let database = format!("sqlite://{}", dir.path().join("b.sqlite").display());
    std::fs::write(
        dir.path().join("bora.toml"),
        format!(
            "listen = \"localhost:{port}\"\ndatabase = \"{database}\"\nlog-format = \"json\"\n"
        ),
    )
    .unwrap();
    let log = dir.path().join("serve.log");
    let child = Command::new(env!("CARGO_BIN_EXE_bora-under-test"))
        .arg("serve")
        .env_remove("BORA_LISTEN")
        .env_remove("BORA_DATABASE_URL")
        .env_remove("BORA_LOG_FORMAT")
        .env("BORA_LOG", "info")
        .current_dir(dir.path())
        .stdout(Stdio::null())
        .stderr(std::fs::File::create(&log).unwrap())
        .spawn()
        .unwrap();
    let server = Server { child, port };
    let deadline = Instant::now() + Duration::from_secs(120);
    while request(port, "GET", "/health", None).0 != 200 {
        assert!(Instant::now() < deadline, "bora serve did not come up");
        std::thread::sleep(Duration::from_millis(100));
    }
    assert_eq!(get(port, "/ready")["status"], "ready");
    drop(server);
    assert!(dir.path().join("b.sqlite").exists());
    let text = std::fs::read_to_string(&log).unwrap();
    let started = text
        .lines()
        .filter_map(|l| serde_json::from_str::<Value>(l).ok())
        .any(|l| {
            l["fields"]["message"].as_str().is_some_and(|m| {
                m.starts_with(&format!(
                    "bora serve started: listening on http://127.0.0.1:{port}"
                ))
            })
        });
    assert!(started, "{text}");
}
