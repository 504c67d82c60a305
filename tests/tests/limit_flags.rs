//! The operator's limit flags of `bora serve` reach the checks: a lowered
//! cap refuses what the default would accept, with a message naming it.

use std::time::{Duration, Instant};

use crate::process_support::{Server, create_workflows, free_port, get, request, start, state};

fn server(dir: &std::path::Path, flags: &[&str]) -> Server {
    let database = format!("sqlite://{}", dir.join("bora.sqlite").display());
    Server::start(free_port(), &database, flags, &dir.join("serve.log"))
}

fn wait_done(port: u16, id: &str) -> String {
    let began = Instant::now();
    loop {
        let now = state(port, id);
        if !matches!(now.as_str(), "RUNNING" | "IDLE" | "") {
            return now;
        }
        assert!(
            began.elapsed() < Duration::from_secs(60),
            "{id} never ended"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn lowered_caps_refuse_what_the_defaults_accept() {
    let dir = tempfile::tempdir().unwrap();
    let s = server(
        dir.path(),
        &[
            "--max-with-items",
            "5",
            "--max-request-bytes",
            "4096",
            "--max-tasks",
            "3",
            "--max-expression-steps",
            "1000",
        ],
    );
    // Four tasks: over --max-tasks.
    let four = "version: '2.0'\nfour:\n  tasks:\n    a:\n      action: std.noop\n    b:\n      action: std.noop\n    c:\n      action: std.noop\n    d:\n      action: std.noop\n";
    let (status, body) = request(
        s.port,
        "POST",
        "/v2/workflows",
        Some(("text/plain", four.as_bytes())),
    );
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("max_tasks"), "{body}");

    // A body over --max-request-bytes: 413 with a JSON body.
    let big = format!("version: '2.0'\n# {}\n", "x".repeat(5000));
    let (status, body) = request(
        s.port,
        "POST",
        "/v2/workflows",
        Some(("text/plain", big.as_bytes())),
    );
    assert_eq!(status, 413, "{body}");
    assert!(body["faultstring"].is_string(), "{body}");

    create_workflows(
        s.port,
        "version: '2.0'
items:
  tasks:
    many:
      with-items: i in <% range(0, 6) %>
      action: std.noop
grind:
  tasks:
    spin:
      action: std.noop
      publish:
        n: <% range(0, 5000).sum() %>
fits:
  tasks:
    few:
      with-items: i in <% range(0, 5) %>
      action: std.noop
",
    );
    let many = start(s.port, "items");
    assert_eq!(wait_done(s.port, &many), "ERROR");
    let info = get(s.port, &format!("/v2/executions/{many}"))["state_info"].to_string();
    assert!(info.contains("with-items"), "{info}");

    let grind = start(s.port, "grind");
    assert_eq!(wait_done(s.port, &grind), "ERROR");
    let info = get(s.port, &format!("/v2/executions/{grind}"))["state_info"].to_string();
    assert!(
        info.contains("1,000 steps") || info.contains("1000 steps"),
        "{info}"
    );

    // Within the caps all is well.
    let fits = start(s.port, "fits");
    assert_eq!(wait_done(s.port, &fits), "SUCCESS");
}
