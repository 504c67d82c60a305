//! `bora serve` stopped by SIGTERM while endless loops run: it interrupts
//! them after its grace period and exits soon after (the loops would run
//! for ten minutes); the interruption is not recorded as the actions'
//! outcome, so after a restart their jobs are taken up again with the
//! safe-rerun rule: the safe-rerun task's loop runs again (and now hits the
//! restarted server's lower timeout ceiling), the other task's action fails
//! as not safe to run twice. The stopping node hands its jobs back, so the
//! restart takes them at once on both backends.

use crate::pg;
use crate::process_support;

use std::time::{Duration, Instant};

use crate::process_support::{Server, create_workflows, free_port, request, start, tasks};
use bora_tests::programs;

/// The shutdown grace period of the first server, in seconds.
const GRACE: u64 = 1;
/// Generous bound on the exit after SIGTERM: the grace period and a few
/// seconds, far below the ten minutes the loops would run.
const EXIT_BOUND: Duration = Duration::from_secs(GRACE + 15);

fn sigterm_interrupts_running_loops_and_their_jobs_resume(database: &str, patience: Duration) {
    let logs = tempfile::tempdir().unwrap();
    let port = free_port();
    let grace = GRACE.to_string();
    let first_log = logs.path().join("first.log");
    let server = Server::start(
        port,
        database,
        &["--shutdown-grace", &grace, "--action-threads", "2"],
        &first_log,
    );
    let (status, body) = request(
        port,
        "POST",
        "/v2/actions?name=t.loop&fuel=100000000000&timeout=600",
        Some(("application/wasm", programs::ENDLESS_LOOP)),
    );
    assert_eq!(status, 201, "{body}");
    let yaml = "---
version: '2.0'
spin:
  tasks:
    again:
      action: t.loop
      safe-rerun: true
    once:
      action: t.loop
";
    create_workflows(port, yaml);
    let id = start(port, "spin");
    let deadline = Instant::now() + Duration::from_secs(60);
    while tasks(port, &id)
        .iter()
        .any(|(_, _, actions)| actions.is_empty())
    {
        assert!(Instant::now() < deadline, "the loops never started");
        std::thread::sleep(Duration::from_millis(50));
    }
    // Let the executor start both loops.
    std::thread::sleep(Duration::from_secs(1));

    let (status, took) = server.terminate(EXIT_BOUND);
    assert!(status.success(), "{status}");
    eprintln!("bora serve exited {took:?} after SIGTERM (grace {GRACE} s)");
    let log = std::fs::read_to_string(&first_log).unwrap();
    assert!(
        log.contains("interrupting the actions still running"),
        "the loops were not interrupted: {log}"
    );

    // Restarted with a lower timeout ceiling: a loop run again stops soon.
    let server = Server::start(
        port,
        database,
        &["--max-action-timeout", "2"],
        &logs.path().join("second.log"),
    );
    let deadline = Instant::now() + patience;
    let done = loop {
        let state = process_support::state(port, &id);
        if state != "RUNNING" {
            break state;
        }
        assert!(
            Instant::now() < deadline,
            "the jobs were not taken up again"
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert_eq!(done, "ERROR");
    let tasks = tasks(port, &id);
    let (again, once) = (&tasks[0], &tasks[1]);
    assert_eq!(again.0, "again");
    assert_eq!(again.1, "ERROR", "{tasks:?}");
    // Two attempts: the one cut by the shutdown (ended, naming the next)
    // and the run after the restart (its first run could not time out: its
    // timeout was 600 s).
    assert_eq!(again.2.len(), 2, "{tasks:?}");
    assert!(
        again
            .2
            .iter()
            .any(|a| a.contains("stopped before it finished; it runs again as action execution")),
        "{tasks:?}"
    );
    assert!(
        again
            .2
            .iter()
            .any(|a| a.contains("the action timed out after 2s")),
        "{tasks:?}"
    );
    assert_eq!(once.1, "ERROR", "{tasks:?}");
    assert_eq!(once.2.len(), 1, "{tasks:?}");
    assert!(
        once.2[0].contains("was redelivered, but action t.loop cannot be re-run safely"),
        "{tasks:?}"
    );
    // Nothing runs now: the second server stops at once.
    let (status, _) = server.terminate(EXIT_BOUND);
    assert!(status.success(), "{status}");
}

#[test]
fn sigterm_interrupts_running_loops_and_their_jobs_resume_on_sqlite() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    sigterm_interrupts_running_loops_and_their_jobs_resume(&database, Duration::from_secs(60));
}

#[test]
fn sigterm_interrupts_running_loops_and_their_jobs_resume_on_postgres() {
    let Some(pg) = pg::TempPostgres::create_blocking("bora_shutdown") else {
        return;
    };
    sigterm_interrupts_running_loops_and_their_jobs_resume(&pg.url, Duration::from_secs(60));
    drop(pg);
}
