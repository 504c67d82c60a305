//! Two `bora serve` nodes on one PostgreSQL database: when one dies
//! (SIGKILL) or freezes (SIGSTOP), the other finishes its executions from
//! where they were, each task once; work is shared between the nodes; a
//! task's `target` waits for an executor of that name, and two named
//! executors each run the tasks aimed at them. Runs only when
//! `BORA_TEST_POSTGRES_URL` is set (several processes cannot share SQLite).
//!
//! `BORA_FAILOVER_FREEZE` sets how long the frozen node stays stopped
//! (seconds; 8 by default, the long form is 30).

use crate::pg;

use std::collections::BTreeSet;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::process_support::{Server, create_workflows, free_port, get, start, state, tasks};

const WORKFLOWS: &str = "---
version: '2.0'
chain:
  task-defaults:
    safe-rerun: true
  tasks:
    t1:
      action: std.sleep seconds=1
      on-success: t2
    t2:
      action: std.sleep seconds=1
      on-success: t3
    t3:
      action: std.sleep seconds=1
      on-success: t4
    t4:
      action: std.echo output=4
      on-success: t5
    t5:
      action: std.sleep seconds=1
      publish:
        done: <% task().result %>
fan:
  tasks:
    items:
      with-items: i in <% range(0, 24) %>
      action: std.sleep seconds=1
      safe-rerun: true
      publish:
        count: <% task().result.len() %>
";

/// How long a whole run may take at most: generous, the machine is shared.
const PATIENCE: Duration = Duration::from_secs(180);

fn database() -> Option<(tokio::runtime::Runtime, pg::TempPostgres)> {
    let pg = pg::TempPostgres::create_blocking("bora_failover")?;
    Some((tokio::runtime::Runtime::new().unwrap(), pg))
}

fn node(dir: &Path, name: &str, database: &str, flags: &[&str]) -> Server {
    let mut all = vec!["--node-id", name, "--node-timeout", "2"];
    all.extend_from_slice(flags);
    Server::start(
        free_port(),
        database,
        &all,
        &dir.join(format!("{name}.log")),
    )
}

/// Waits until every execution has finished; returns the time it took.
fn wait_all(port: u16, executions: &[String]) -> Duration {
    let began = Instant::now();
    loop {
        let running: Vec<&String> = executions
            .iter()
            .filter(|id| matches!(state(port, id).as_str(), "RUNNING" | "IDLE" | ""))
            .collect();
        if running.is_empty() {
            return began.elapsed();
        }
        assert!(
            began.elapsed() < PATIENCE,
            "{} executions never finished: {running:?}",
            running.len()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Every execution succeeded, each task ran once and each action's result
/// was recorded once. A call cut by the kill (these tasks are safe-rerun)
/// shows as its own attempt: an ERROR action execution naming the one that
/// ran it again.
fn check_each_task_once(port: u16, executions: &[String]) {
    for id in executions {
        assert_eq!(state(port, id), "SUCCESS", "execution {id}");
        let tasks = tasks(port, id);
        let names: BTreeSet<&str> = tasks.iter().map(|(name, _, _)| name.as_str()).collect();
        assert_eq!(names.len(), tasks.len(), "a task ran twice: {tasks:?}");
        for (name, state, actions) in &tasks {
            assert_eq!(state, "SUCCESS", "{id} {name}: {tasks:?}");
            let expected = if name == "items" { 24 } else { 1 };
            let (done, cut): (Vec<&String>, Vec<&String>) =
                actions.iter().partition(|a| a.starts_with("\"SUCCESS\""));
            assert_eq!(done.len(), expected, "{id} {name}: {actions:?}");
            assert!(
                cut.iter().all(|a| a.starts_with("\"ERROR\"")
                    && a.contains("stopped before it finished; it runs again as action execution")),
                "{id} {name}: {actions:?}"
            );
        }
    }
}

/// Starts chains and fans on `a` and on `b`.
fn start_work(a: &Server, b: &Server) -> Vec<String> {
    let mut executions = Vec::new();
    for _ in 0..4 {
        executions.push(start(a.port, "chain"));
    }
    executions.push(start(a.port, "fan"));
    for _ in 0..2 {
        executions.push(start(b.port, "chain"));
    }
    executions
}

#[test]
fn a_killed_node_s_executions_finish_on_the_survivor() {
    let Some((_rt, pg)) = database() else {
        return;
    };
    let logs = tempfile::tempdir().unwrap();
    let a = node(logs.path(), "a", &pg.url, &[]);
    let b = node(logs.path(), "b", &pg.url, &[]);
    create_workflows(a.port, WORKFLOWS);
    let executions = start_work(&a, &b);
    // Mid-run: every chain is inside its sleeps.
    std::thread::sleep(Duration::from_millis(1500));
    let killed = Instant::now();
    a.kill();
    let took = wait_all(b.port, &executions);
    eprintln!(
        "after the SIGKILL the survivor finished everything in {:.1} s",
        took.as_secs_f64()
    );
    check_each_task_once(b.port, &executions);
    assert!(killed.elapsed() < PATIENCE);
}

#[test]
fn a_frozen_node_is_taken_over_and_its_late_work_is_discarded() {
    let Some((_rt, pg)) = database() else {
        return;
    };
    let freeze = std::env::var("BORA_FAILOVER_FREEZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(8);
    let logs = tempfile::tempdir().unwrap();
    let a = node(logs.path(), "a", &pg.url, &[]);
    let b = node(logs.path(), "b", &pg.url, &[]);
    create_workflows(a.port, WORKFLOWS);
    let executions = start_work(&a, &b);
    std::thread::sleep(Duration::from_millis(1500));
    a.signal("STOP");
    let took = wait_all(b.port, &executions);
    eprintln!(
        "with the other node frozen the survivor finished everything in {:.1} s",
        took.as_secs_f64()
    );
    let left = Duration::from_secs(freeze).saturating_sub(took);
    std::thread::sleep(left);
    a.signal("CONT");
    // The thawed node finds its work gone: what it finishes late is
    // discarded, nothing runs twice into the record.
    std::thread::sleep(Duration::from_secs(4));
    check_each_task_once(b.port, &executions);
    // And it works again, as a new node.
    let again = start(a.port, "chain");
    wait_all(a.port, std::slice::from_ref(&again));
    check_each_task_once(a.port, &[again]);
    let log = std::fs::read_to_string(logs.path().join("a.log")).unwrap();
    assert!(log.contains("taken for dead"), "a never noticed: {log}");
}

#[test]
fn both_nodes_run_the_actions_of_one_big_with_items() {
    let Some((rt, pg)) = database() else {
        return;
    };
    let logs = tempfile::tempdir().unwrap();
    let slots = ["--executor-slots", "4"];
    let a = node(logs.path(), "a", &pg.url, &slots);
    let b = node(logs.path(), "b", &pg.url, &slots);
    create_workflows(a.port, WORKFLOWS);
    let fan = start(a.port, "fan");
    // Which nodes hold the execution's action jobs while it runs.
    let holders = rt.block_on(async {
        let pool = sqlx::PgPool::connect(&pg.url).await.unwrap();
        let mut seen = BTreeSet::new();
        let began = Instant::now();
        while state(a.port, &fan) == "RUNNING" && began.elapsed() < PATIENCE {
            let rows: Vec<(Option<String>,)> = sqlx::query_as(
                "SELECT locked_by FROM jobs WHERE kind = 'action' AND execution_id = $1",
            )
            .bind(&fan)
            .fetch_all(&pool)
            .await
            .unwrap();
            seen.extend(rows.into_iter().filter_map(|(holder,)| holder));
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        pool.close().await;
        seen
    });
    wait_all(a.port, std::slice::from_ref(&fan));
    check_each_task_once(a.port, &[fan]);
    assert_eq!(
        holders,
        BTreeSet::from(["a".to_owned(), "b".to_owned()]),
        "both nodes ran actions"
    );
    drop(b);
}

#[test]
fn a_targeted_action_waits_for_an_executor_of_that_name() {
    let Some((_rt, pg)) = database() else {
        return;
    };
    let logs = tempfile::tempdir().unwrap();
    let plain = node(logs.path(), "plain", &pg.url, &[]);
    create_workflows(
        plain.port,
        "---
version: '2.0'
aimed:
  tasks:
    anywhere:
      action: std.echo output='here'
      on-success: there
    there:
      action: std.echo output='there'
      target: <% 'gpu' %>
",
    );
    let id = start(plain.port, "aimed");
    // The untargeted task runs; the targeted one waits, and says why.
    let began = Instant::now();
    let waiting = loop {
        let listed = get(plain.port, &format!("/v2/executions/{id}/tasks"));
        let there = listed["tasks"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["name"] == "there")
            .cloned();
        if let Some(task) = there
            && task["state_info"]
                .as_str()
                .is_some_and(|s| s.contains("gpu"))
        {
            break task;
        }
        assert!(began.elapsed() < PATIENCE, "the targeted task never waited");
        std::thread::sleep(Duration::from_millis(100));
    };
    assert_eq!(waiting["state"], "RUNNING");
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(state(plain.port, &id), "RUNNING", "no gpu executor yet");
    // An executor named gpu joins (executor role only): the action runs.
    let _gpu = Server::start_headless(
        free_port(),
        &pg.url,
        &[
            "--node-id",
            "gpu",
            "--role",
            "executor",
            "--executor-name",
            "gpu",
        ],
        &logs.path().join("gpu.log"),
    );
    wait_all(plain.port, std::slice::from_ref(&id));
    check_each_task_once(plain.port, &[id]);
}

#[test]
fn two_named_executors_each_run_the_tasks_aimed_at_them() {
    let Some((rt, pg)) = database() else {
        return;
    };
    let logs = tempfile::tempdir().unwrap();
    let plain = node(logs.path(), "plain", &pg.url, &[]);
    let mut named = Vec::new();
    for name in ["gpu", "cpu"] {
        named.push(Server::start_headless(
            free_port(),
            &pg.url,
            &[
                "--node-id",
                name,
                "--role",
                "executor",
                "--executor-name",
                name,
            ],
            &logs.path().join(format!("{name}.log")),
        ));
    }
    create_workflows(
        plain.port,
        "---
version: '2.0'
aimed:
  tasks:
    g:
      with-items: i in <% range(0, 3) %>
      action: std.sleep seconds=1
      target: gpu
    c:
      with-items: i in <% range(0, 3) %>
      action: std.sleep seconds=1
      target: <% 'c' + 'pu' %>
",
    );
    let id = start(plain.port, "aimed");
    // Who holds the action jobs of each target while they run.
    let holders = rt.block_on(async {
        let pool = sqlx::PgPool::connect(&pg.url).await.unwrap();
        let mut seen = BTreeSet::new();
        let began = Instant::now();
        while state(plain.port, &id) == "RUNNING" && began.elapsed() < PATIENCE {
            let rows: Vec<(Option<String>, Option<String>)> = sqlx::query_as(
                "SELECT target, locked_by FROM jobs WHERE kind = 'action' AND execution_id = $1",
            )
            .bind(&id)
            .fetch_all(&pool)
            .await
            .unwrap();
            seen.extend(
                rows.into_iter()
                    .filter_map(|(target, holder)| Some((target?, holder?))),
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        pool.close().await;
        seen
    });
    wait_all(plain.port, std::slice::from_ref(&id));
    assert_eq!(state(plain.port, &id), "SUCCESS");
    assert_eq!(
        holders,
        BTreeSet::from([
            ("cpu".to_owned(), "cpu".to_owned()),
            ("gpu".to_owned(), "gpu".to_owned())
        ]),
        "each target's actions ran on its executor only"
    );
}
