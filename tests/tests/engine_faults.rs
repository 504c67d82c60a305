//! One execution cannot take the engine down: a step that panics or hangs
//! fails its own execution while others go on, and an event whose deliveries
//! all died with their node (a crash loop) is quarantined instead of being
//! delivered again. A faulty core is put in through `SchedulerConfig::core`.
//! Runs on SQLite, and on PostgreSQL when `BORA_TEST_POSTGRES_URL` is set.

use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use bora::bora_core::env::Env;
use bora::bora_core::execution::Execution;
use bora::bora_core::state::State;
use bora::bora_core::step::{Command, Event, step};
use bora::bora_store::{JobKind, NewJob, StoredExecution};
use bora::clock::now_micros;
use bora::node::{Node, NodeConfig};
use bora::scheduler::SchedulerConfig;
use bora::service::StartRequest;

use crate::pg::TempPostgres;

const WORKFLOWS: &str = "version: '2.0'
fine:
  tasks:
    a:
      action: std.noop
      on-success: b
    b:
      action: std.noop
boom:
  tasks:
    a:
      action: std.noop
slow:
  tasks:
    a:
      action: std.noop
";

/// Set while the hanging core sleeps.
static SLEEPING: AtomicBool = AtomicBool::new(false);

/// The real core, except for the workflows named `boom` (panics) and
/// `slow` (hangs for 20 s).
fn faulty(exec: &mut Execution, events: Vec<Event>, env: &mut dyn Env) -> Vec<Command> {
    match exec.record.workflow_name.as_str() {
        "boom" => panic!("boom goes the core"),
        "slow" => {
            SLEEPING.store(true, Ordering::SeqCst);
            std::thread::sleep(Duration::from_secs(20));
            SLEEPING.store(false, Ordering::SeqCst);
            step(exec, events, env)
        }
        _ => step(exec, events, env),
    }
}

/// Database URLs: a SQLite file, and a fresh PostgreSQL database when set.
async fn databases(dir: &tempfile::TempDir) -> (Vec<String>, Option<TempPostgres>) {
    let mut out = vec![format!(
        "sqlite://{}",
        dir.path().join("bora.sqlite").display()
    )];
    let pg = TempPostgres::create("bora_faults").await;
    if let Some(pg) = &pg {
        out.push(pg.url.clone());
    }
    (out, pg)
}

async fn node(url: &str) -> Node {
    let node = Node::start(NodeConfig {
        database_url: url.to_owned(),
        scheduler: SchedulerConfig {
            step_timeout: Duration::from_secs(2),
            step_grace: Duration::ZERO,
            core: faulty,
            ..Default::default()
        },
        ..Default::default()
    })
    .await
    .expect("node starts");
    node.service
        .create_workflows(WORKFLOWS, "", "private")
        .await
        .ok();
    node
}

async fn start(node: &Node, workflow: &str) -> String {
    let req = StartRequest {
        workflow: workflow.to_owned(),
        ..Default::default()
    };
    let service = node.service.clone();
    // A start waits for the first step; `slow`'s never comes in time.
    let started = tokio::time::timeout(Duration::from_secs(60), service.start_execution(req))
        .await
        .expect("start answers")
        .expect("start");
    started.execution.id
}

/// Waits (up to a minute) for the execution to finish; returns it.
async fn finished(node: &Node, id: &str) -> StoredExecution {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let current = node.store().get_execution(id).await.unwrap();
        if current.execution.state.is_terminal() || Instant::now() > deadline {
            return current;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_panicking_step_fails_only_its_execution() {
    let dir = tempfile::tempdir().unwrap();
    let (urls, _pg) = databases(&dir).await;
    for url in urls {
        let node = node(&url).await;
        let boom = start(&node, "boom").await;
        let failed = finished(&node, &boom).await.execution;
        assert_eq!(failed.state, State::Error, "{url}");
        let info = failed.state_info.unwrap_or_default();
        assert!(
            info.contains("engine step failed") && info.contains("boom goes the core"),
            "{url}: {info}"
        );
        let fine = start(&node, "fine").await;
        assert_eq!(finished(&node, &fine).await.execution.state, State::Success);
        node.shutdown().await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hung_step_fails_its_execution_while_others_go_on() {
    let dir = tempfile::tempdir().unwrap();
    let (urls, _pg) = databases(&dir).await;
    for url in urls {
        let node = node(&url).await;
        let service = node.service.clone();
        let slow = tokio::spawn(async move {
            let req = StartRequest {
                workflow: "slow".to_owned(),
                ..Default::default()
            };
            service.start_execution(req).await.map(|s| s.execution.id)
        });
        // Wait until the slow step really runs, then run another workflow
        // to its end while it still does.
        let deadline = Instant::now() + Duration::from_secs(30);
        while !SLEEPING.load(Ordering::SeqCst) && Instant::now() < deadline {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        assert!(
            SLEEPING.load(Ordering::SeqCst),
            "{url}: the slow step never ran"
        );
        let fine = start(&node, "fine").await;
        assert_eq!(finished(&node, &fine).await.execution.state, State::Success);
        assert!(
            SLEEPING.load(Ordering::SeqCst),
            "{url}: the other execution had to wait for the hung step"
        );
        let slow = slow.await.unwrap().unwrap();
        let failed = finished(&node, &slow).await.execution;
        assert_eq!(failed.state, State::Error, "{url}");
        let info = failed.state_info.unwrap_or_default();
        assert!(info.contains("did not finish within 2 s"), "{url}: {info}");
        assert!(
            SLEEPING.load(Ordering::SeqCst),
            "{url}: the execution failed only after the step ended by itself"
        );
        // Let the leaked thread finish before the next backend's node.
        while SLEEPING.load(Ordering::SeqCst) {
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        node.shutdown().await;
    }
}

/// An event left by nodes that each died while applying it: the next node
/// to claim it fails the execution instead of applying it once more.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_event_whose_nodes_kept_dying_is_quarantined() {
    let dir = tempfile::tempdir().unwrap();
    let (urls, _pg) = databases(&dir).await;
    for url in urls {
        let node = node(&url).await;
        // A running execution: its first task waits on an async-like
        // action we never complete (the event below stands for its result).
        let fine = start(&node, "fine").await;
        assert_eq!(finished(&node, &fine).await.execution.state, State::Success);

        let victim = start(&node, "fine").await;
        finished(&node, &victim).await;
        // Reopen it as RUNNING and queue an event that three nodes already
        // took and died on (attempts = 3), as a crash loop leaves it.
        let store = node.store();
        let mut stored = store.get_execution(&victim).await.unwrap();
        stored.execution.state = State::Running;
        stored.version += 1;
        let now = now_micros();
        let mut tx = store.begin().await.unwrap();
        tx.put_executions(std::slice::from_ref(&stored))
            .await
            .unwrap();
        tx.insert_jobs(&[NewJob {
            id: uuid::Uuid::new_v4().to_string(),
            kind: JobKind::Event,
            execution_id: Some(victim.clone()),
            due_at: now,
            payload: serde_json::to_value(Event::Pause).unwrap(),
            locked_by: None,
            target: None,
            created_at: now,
        }])
        .await
        .unwrap();
        tx.commit().await.unwrap();
        set_attempts(&url, &victim, 3).await;
        node.service.scheduler().wake();

        let failed = finished(&node, &victim).await.execution;
        assert_eq!(failed.state, State::Error, "{url}");
        let info = failed.state_info.unwrap_or_default();
        assert!(info.contains("engine step failed 3 times"), "{url}: {info}");
        // The node goes on.
        let after = start(&node, "fine").await;
        assert_eq!(
            finished(&node, &after).await.execution.state,
            State::Success
        );
        node.shutdown().await;
    }
}

/// An action job whose payload this version cannot read (written by
/// another version, or damaged): its execution fails with the reason
/// instead of waiting for ever on an action nobody runs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreadable_action_job_fails_its_execution() {
    let dir = tempfile::tempdir().unwrap();
    let (urls, _pg) = databases(&dir).await;
    for url in urls {
        let node = node(&url).await;
        let victim = start(&node, "fine").await;
        finished(&node, &victim).await;
        let store = node.store();
        let mut stored = store.get_execution(&victim).await.unwrap();
        stored.execution.state = State::Running;
        stored.version += 1;
        let now = now_micros();
        let mut tx = store.begin().await.unwrap();
        tx.put_executions(std::slice::from_ref(&stored))
            .await
            .unwrap();
        tx.insert_jobs(&[NewJob {
            id: uuid::Uuid::new_v4().to_string(),
            kind: JobKind::Action,
            execution_id: Some(victim.clone()),
            due_at: now,
            payload: serde_json::json!({"not": "an action job"}),
            locked_by: None,
            target: None,
            created_at: now,
        }])
        .await
        .unwrap();
        tx.commit().await.unwrap();

        let failed = finished(&node, &victim).await.execution;
        assert_eq!(failed.state, State::Error, "{url}");
        let info = failed.state_info.unwrap_or_default();
        assert!(
            info.contains("an action job of this execution cannot be read")
                && info.contains("an action job\"}"),
            "{url}: {info}"
        );
        // The node goes on.
        let after = start(&node, "fine").await;
        assert_eq!(
            finished(&node, &after).await.execution.state,
            State::Success
        );
        node.shutdown().await;
    }
}

/// Sets the delivery count of an execution's jobs, as dead nodes leave it.
async fn set_attempts(url: &str, execution: &str, attempts: i64) {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await.unwrap();
    sqlx::query("UPDATE jobs SET attempts = $1 WHERE execution_id = $2")
        .bind(attempts)
        .bind(execution.to_owned())
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
}
