//! The store's test suite, run against every backend: SQLite on a temp file
//! always, PostgreSQL when `BORA_TEST_POSTGRES_URL` is set (scripts/test.sh
//! sets it; each run gets a fresh database that is dropped afterwards).

use bora_core::records::{
    ActionExecution, ActionResult, TaskExecution, TaskKind, WorkflowExecution,
};
use bora_core::state::State;
use bora_store::{Claim, Job, JobKind, NewJob, NodeRecord, Store, StoreError, StoredExecution};
use serde_json::{Map, json};

use crate::common;
use common::backends;

/// The heartbeat's and the look for dead nodes' bound.
const BOUND: std::time::Duration = bora_store::outage::ANSWER_BOUND;

fn execution(id: &str) -> StoredExecution {
    StoredExecution {
        execution: WorkflowExecution {
            id: id.to_owned(),
            workflow_id: "wf-id".into(),
            workflow_name: "wf".into(),
            workflow_namespace: String::new(),
            description: "d".into(),
            tags: vec!["t".into()],
            params: Map::new(),
            input: json!({"a": 1}).as_object().cloned().unwrap_or_default(),
            output: Map::new(),
            context: Map::new(),
            state: State::Running,
            state_info: None,
            task_execution_id: None,
            root_execution_id: None,
            source_execution_id: None,
            index: None,
            depth: 0,
            project_id: bora_store::DEFAULT_PROJECT.to_owned(),
            backlog: vec![],
            created_at: 1_000,
            updated_at: None,
        },
        spec_hash: "h".into(),
        version: 0,
        owner: None,
    }
}

fn task(id: &str, exec: &str, seq: u64) -> TaskExecution {
    TaskExecution {
        id: id.to_owned(),
        workflow_execution_id: exec.to_owned(),
        name: format!("t{seq}"),
        kind: TaskKind::Action,
        state: State::Running,
        state_info: None,
        seq,
        triggered_by: vec![],
        published: Map::new(),
        published_global: Map::new(),
        runtime_context: Default::default(),
        next_tasks: vec![("t2".into(), "on-success".into())],
        error_handled: true,
        processed: false,
        tags: vec![],
        created_at: 2_000,
        updated_at: None,
        started_at: Some(2_000),
        finished_at: None,
    }
}

fn action(id: &str, task: &str, exec: &str, index: u32) -> ActionExecution {
    ActionExecution {
        id: id.to_owned(),
        name: "std.echo".into(),
        task_execution_id: Some(task.to_owned()),
        task_name: Some("t".into()),
        workflow_execution_id: Some(exec.to_owned()),
        workflow_name: Some("wf".into()),
        workflow_namespace: String::new(),
        project_id: "<default-project>".into(),
        state: State::Running,
        state_info: None,
        input: Map::new(),
        result: None,
        accepted: false,
        index,
        is_sync: true,
        description: String::new(),
        params: Map::new(),
        created_at: 3_000,
        updated_at: None,
    }
}

#[tokio::test]
async fn execution_round_trip_and_upsert() {
    for backend in backends().await {
        let store: &Store = &backend.store;
        let mut tx = store.begin().await.expect("begin");
        assert_eq!(tx.lock_execution("e1").await.expect("lock"), None);
        tx.put_executions(&[execution("e1")]).await.expect("put");
        tx.put_tasks(&[task("t1", "e1", 1)])
            .await
            .expect("put task");
        tx.commit().await.expect("commit");

        let mut stored = store.get_execution("e1").await.expect("get");
        assert_eq!(stored, execution("e1"), "{}", backend.name);

        stored.execution.state = State::Success;
        stored.version = 1;
        let mut tx = store.begin().await.expect("begin");
        assert_eq!(tx.lock_execution("e1").await.expect("lock"), Some(0));
        tx.put_executions(&[stored.clone()]).await.expect("update");
        tx.commit().await.expect("commit");
        let again = store.get_execution("e1").await.expect("get");
        assert_eq!(again.execution.state, State::Success);
        assert_eq!(again.version, 1);

        let tasks = store.list_tasks_of("e1").await.expect("tasks");
        assert_eq!(tasks, vec![task("t1", "e1", 1)], "{}", backend.name);
        assert!(matches!(
            store.get_task("nope").await,
            Err(StoreError::NotFound { .. })
        ));
    }
}

/// New executions are claimed in one statement: each id once, the first
/// row of a repeated id kept, a taken id left as it is; a held
/// connection serves one transaction after another.
#[tokio::test]
async fn new_executions_are_claimed_once_each() {
    for backend in backends().await {
        let store: &Store = &backend.store;
        let mut tx = store.begin().await.expect("begin");
        tx.insert_execution(&execution("taken"))
            .await
            .expect("insert");
        tx.commit().await.expect("commit");

        let mut held = store.held_connection();
        let mut first = execution("twice");
        first.execution.description = "first".into();
        let mut second = execution("twice");
        second.execution.description = "second".into();
        let mut late = execution("taken");
        late.execution.description = "late".into();
        let mut tx = store.begin_held(&mut held).await.expect("begin");
        let claimed = tx
            .claim_executions(&[execution("fresh"), first, second, late])
            .await
            .expect("claim");
        // The insert says the definitions' generation it saw.
        let generation = tx.definitions_generation().await.expect("generation");
        assert_eq!(claimed.definitions, Some(generation), "{}", backend.name);
        tx.commit().await.expect("commit");
        let mut ids: Vec<String> = claimed.ids.into_iter().collect();
        ids.sort();
        assert_eq!(ids, ["fresh", "twice"], "{}", backend.name);
        let twice = store.get_execution("twice").await.expect("get");
        assert_eq!(twice.execution.description, "first", "{}", backend.name);
        let taken = store.get_execution("taken").await.expect("get");
        assert_eq!(taken.execution.description, "d", "{}", backend.name);
        let again = tx_insert(store, &mut held, "taken").await;
        assert!(
            matches!(again, Err(StoreError::Duplicate { .. })),
            "{}: {again:?}",
            backend.name
        );
    }
}

async fn tx_insert(
    store: &Store,
    held: &mut bora_store::HeldConnection,
    id: &str,
) -> Result<(), StoreError> {
    let mut tx = store.begin_held(held).await?;
    tx.insert_execution(&execution(id)).await?;
    tx.commit().await
}

#[tokio::test]
async fn snapshot_holds_tasks_actions_and_children() {
    for backend in backends().await {
        let store = &backend.store;
        let mut child = execution("child");
        child.execution.task_execution_id = Some("t1".into());
        child.execution.index = Some(0);
        let mut done = action("a2", "t1", "e1", 1);
        done.result = Some(ActionResult::Success(json!({"x": [1, 2]})));
        done.state = State::Success;
        done.accepted = true;

        let mut tx = store.begin().await.expect("begin");
        tx.put_executions(&[execution("e1"), child.clone()])
            .await
            .expect("put");
        tx.put_tasks(&[task("t1", "e1", 1), task("t2", "e1", 2)])
            .await
            .expect("tasks");
        tx.put_actions(&[action("a1", "t1", "e1", 0), done.clone()])
            .await
            .expect("actions");
        let snapshot = tx.load_snapshot("e1").await.expect("snapshot");
        tx.commit().await.expect("commit");

        assert_eq!(snapshot.tasks.len(), 2, "{}", backend.name);
        assert_eq!(snapshot.actions.len(), 2);
        assert_eq!(snapshot.actions[1], done);
        assert_eq!(snapshot.children, vec![child]);
    }
}

#[tokio::test]
async fn many_actions_are_written_in_batches() {
    for backend in backends().await {
        let store = &backend.store;
        let actions: Vec<ActionExecution> = (0..5000)
            .map(|i| action(&format!("a{i}"), "t1", "e1", i))
            .collect();
        let mut tx = store.begin().await.expect("begin");
        tx.put_actions(&actions).await.expect("batch insert");
        tx.commit().await.expect("commit");
        let listed = store.list_actions_of("t1").await.expect("list");
        assert_eq!(listed.len(), 5000, "{}", backend.name);
        assert_eq!(listed[4999].index, 4999);
    }
}

/// Registers the node `id` (process `instance`) as beating at `heartbeat_at`.
async fn join(store: &Store, id: &str, instance: &str, heartbeat_at: i64) {
    store
        .register_node(&node(id, instance, heartbeat_at), 0)
        .await
        .expect(id);
}

/// Stores `jobs` in a transaction of their own.
async fn queue(store: &Store, jobs: &[NewJob]) {
    let mut tx = store.begin().await.expect("begin");
    tx.insert_jobs(jobs).await.expect("jobs");
    tx.commit().await.expect("commit");
}

/// What `node` claims of `kind` at `now`, at most `limit` jobs.
async fn claim_now(store: &Store, kind: JobKind, node: &str, now: i64, limit: i64) -> Vec<Job> {
    store
        .claim_jobs(&claim(kind, node, now, limit))
        .await
        .expect("claim")
}

fn claim(kind: JobKind, node: &str, now: i64, limit: i64) -> Claim<'_> {
    Claim {
        kind,
        node,
        now,
        limit,
        executor_name: None,
    }
}

fn node(id: &str, instance: &str, heartbeat_at: i64) -> NodeRecord {
    NodeRecord {
        id: id.to_owned(),
        instance: instance.to_owned(),
        roles: vec!["engine".into(), "executor".into()],
        executor_name: None,
        started_at: heartbeat_at,
        heartbeat_at,
    }
}

fn free_job(id: &str, kind: JobKind, execution: &str, due: i64) -> NewJob {
    NewJob {
        id: id.to_owned(),
        kind,
        execution_id: Some(execution.to_owned()),
        due_at: due,
        payload: json!({"n": id}),
        locked_by: None,
        target: None,
        created_at: 0,
    }
}

#[tokio::test]
async fn jobs_are_claimed_once_and_freed_when_their_node_dies() {
    for backend in backends().await {
        let store = &backend.store;
        join(store, "n1", "a", 100).await;
        join(store, "n2", "b", 100).await;
        queue(
            store,
            &[
                free_job("j1", JobKind::Action, "e1", 10),
                free_job("j2", JobKind::Action, "e1", 20),
                free_job("j3", JobKind::Action, "e1", 1_000),
            ],
        )
        .await;

        // Not due yet.
        assert!(
            claim_now(store, JobKind::Action, "n1", 5, 10)
                .await
                .is_empty()
        );
        let claimed = claim_now(store, JobKind::Action, "n1", 25, 10).await;
        let ids: Vec<&str> = claimed.iter().map(|j| j.id.as_str()).collect();
        assert_eq!(ids, ["j1", "j2"], "{}", backend.name);
        assert_eq!(claimed[0].payload, json!({"n": "j1"}));
        assert_eq!(claimed[0].attempts, 0);
        // Held by a live node: nobody else gets them, however late.
        assert!(
            claim_now(store, JobKind::Action, "n2", 500, 10)
                .await
                .is_empty()
        );
        assert_eq!(
            store.next_job_time(JobKind::Action).await.expect("next"),
            Some(1_000)
        );
        // n2 lives on, n1's heartbeat is old: n1 is dead and its jobs free.
        assert!(store.heartbeat("n2", "b", 400, BOUND).await.expect("beat"));
        assert_eq!(
            store.reap_dead_nodes(300, BOUND).await.expect("reap"),
            2,
            "{}",
            backend.name
        );
        assert!(
            !store.heartbeat("n1", "a", 401, BOUND).await.expect("beat"),
            "n1 learns it was taken for dead"
        );
        let taken = claim_now(store, JobKind::Action, "n2", 500, 1).await;
        assert_eq!(taken.len(), 1);
        assert_eq!(taken[0].attempts, 1, "the second delivery");
        // A job that started is marked, and only by its holder.
        assert!(
            store
                .mark_started(&taken[0].id, "n2", 501)
                .await
                .expect("mark")
        );
        assert!(
            !store
                .mark_started(&taken[0].id, "n1", 501)
                .await
                .expect("mark")
        );
        store.reap_dead_nodes(1_000, BOUND).await.expect("reap");
        join(store, "n3", "c", 2_000).await;
        let again = claim_now(store, JobKind::Action, "n3", 2_000, 10).await;
        let started: Vec<Option<i64>> = again.iter().map(|j| j.started_at).collect();
        assert!(
            started.contains(&Some(501)),
            "{}: {started:?}",
            backend.name
        );
    }
}

#[tokio::test]
async fn a_restarted_node_takes_its_own_jobs_back_and_an_id_is_used_once() {
    for backend in backends().await {
        let store = &backend.store;
        join(store, "n1", "a", 100).await;
        queue(store, &[free_job("j1", JobKind::Event, "e1", 10)]).await;
        assert_eq!(
            claim_now(store, JobKind::Event, "n1", 20, 10).await.len(),
            1
        );
        // A second process with the same id while the first lives: refused.
        assert!(matches!(
            store.register_node(&node("n1", "b", 150), 50).await,
            Err(StoreError::Duplicate { .. })
        ));
        // The first died (its heartbeat is old): the restart takes over at
        // once and finds its job free again.
        let registered = store
            .register_node(&node("n1", "b", 300), 200)
            .await
            .expect("restart");
        assert_eq!(registered.released, 1, "{}", backend.name);
        assert_eq!(
            claim_now(store, JobKind::Event, "n1", 300, 10).await.len(),
            1
        );
        // Leaving frees its jobs for the others at once.
        store.leave("n1", "b").await.expect("leave");
        assert!(store.list_nodes().await.expect("nodes").is_empty());
        assert_eq!(
            claim_now(store, JobKind::Event, "n2", 300, 10).await.len(),
            1
        );
    }
}

#[tokio::test]
async fn the_jobs_of_a_claim_whose_answer_was_lost_are_freed_by_the_next_claim() {
    for backend in backends().await {
        let store = &backend.store;
        join(store, "n1", "a", 100).await;
        queue(
            store,
            &[
                free_job("j1", JobKind::Action, "e1", 10),
                free_job("j2", JobKind::Action, "e1", 20),
            ],
        )
        .await;
        // The database commits the claim, the answer never reaches n1.
        store
            .claim_jobs_losing_the_answer(&claim(JobKind::Action, "n1", 25, 10))
            .await
            .expect("claim");
        assert_eq!(
            store.next_job_time(JobKind::Action).await.expect("next"),
            None,
            "{}: the lost claim holds both jobs",
            backend.name
        );
        // n1's next claim frees them first, so it gets them, as first
        // deliveries: the lost claim ran nothing.
        let claimed = claim_now(store, JobKind::Action, "n1", 30, 10).await;
        let ids: Vec<(&str, i64)> = claimed
            .iter()
            .map(|j| (j.id.as_str(), j.attempts))
            .collect();
        assert_eq!(ids, [("j1", 0), ("j2", 0)], "{}", backend.name);
        // Freed once: a later claim finds nothing more to free or take.
        assert!(
            claim_now(store, JobKind::Action, "n1", 40, 10)
                .await
                .is_empty()
        );
    }
}

#[tokio::test]
async fn jobs_stored_held_by_a_commit_whose_answer_was_lost_are_freed_by_the_next_claim() {
    for backend in backends().await {
        let store = &backend.store;
        join(store, "n1", "a", 100).await;
        let held = |id: &str| NewJob {
            locked_by: Some("n1".into()),
            ..free_job(id, JobKind::Action, "e1", 10)
        };
        // A commit that stores jobs held by n1 (to run them itself) and
        // then a free one; the answer never reaches n1.
        let mut tx = store.begin().await.expect("begin");
        tx.insert_jobs(&[held("j1"), held("j2")])
            .await
            .expect("jobs");
        tx.insert_jobs(&[free_job("j3", JobKind::Action, "e1", 10)])
            .await
            .expect("jobs");
        tx.commit_losing_the_answer().await.expect("commit");
        // A transaction dropped before its commit stored nothing to free.
        let mut dropped = store.begin().await.expect("begin");
        dropped.insert_jobs(&[held("j4")]).await.expect("jobs");
        drop(dropped);
        // n1's next claim frees j1 and j2 first and gets all three, each
        // as a first delivery.
        let claimed = claim_now(store, JobKind::Action, "n1", 30, 10).await;
        let mut ids: Vec<(&str, i64)> = claimed
            .iter()
            .map(|j| (j.id.as_str(), j.attempts))
            .collect();
        ids.sort_unstable();
        assert_eq!(ids, [("j1", 0), ("j2", 0), ("j3", 0)], "{}", backend.name);
        // A commit that succeeds leaves its held jobs to its node.
        queue(store, &[held("j5")]).await;
        assert!(
            claim_now(store, JobKind::Action, "n1", 40, 10)
                .await
                .is_empty(),
            "{}",
            backend.name
        );
    }
}

#[tokio::test]
async fn a_claimed_job_that_cannot_be_read_does_not_fail_the_others() {
    use sqlx::Executor;
    for backend in backends().await {
        let store = &backend.store;
        queue(
            store,
            &[
                free_job("j1", JobKind::Event, "e1", 10),
                free_job("j2", JobKind::Event, "e1", 20),
                free_job("j3", JobKind::Event, "e1", 30),
            ],
        )
        .await;
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&backend.url).await.expect("pool");
        pool.execute("UPDATE jobs SET payload = 'not json' WHERE id = 'j2'")
            .await
            .expect("corrupt j2");
        pool.close().await;
        let claimed = store
            .claim_jobs(&claim(JobKind::Event, "n1", 50, 10))
            .await
            .expect("the readable jobs are claimed");
        let ids: Vec<&str> = claimed.iter().map(|j| j.id.as_str()).collect();
        assert_eq!(ids, ["j1", "j3"], "{}", backend.name);
        // The unreadable one stays held, not handed out again and again.
        assert!(
            claim_now(store, JobKind::Event, "n1", 60, 10)
                .await
                .is_empty()
        );
    }
}

#[tokio::test]
async fn claims_follow_targets_and_execution_owners() {
    for backend in backends().await {
        let store = &backend.store;
        join(store, "n1", "a", 100).await;
        join(store, "n2", "b", 100).await;
        let mut owned = execution("owned");
        owned.owner = Some("n1".into());
        let mut tx = store.begin().await.expect("begin");
        tx.put_executions(&[owned]).await.expect("execution");
        let mut gpu = free_job("gpu", JobKind::Action, "owned", 10);
        gpu.target = Some("gpu-box".into());
        tx.insert_jobs(&[gpu, free_job("ev", JobKind::Event, "owned", 10)])
            .await
            .expect("jobs");
        tx.commit().await.expect("commit");
        // Targeted at another executor name: not for n2 as it is.
        assert!(
            claim_now(store, JobKind::Action, "n2", 20, 10)
                .await
                .is_empty()
        );
        let named = Claim {
            executor_name: Some("gpu-box"),
            ..claim(JobKind::Action, "n2", 20, 10)
        };
        assert_eq!(
            store.claim_jobs(&named).await.expect("claim").len(),
            1,
            "{}",
            backend.name
        );
        // The event's execution is n1's while n1 lives.
        assert!(
            claim_now(store, JobKind::Event, "n2", 20, 10)
                .await
                .is_empty()
        );
        assert!(store.heartbeat("n2", "b", 400, BOUND).await.expect("beat"));
        store.reap_dead_nodes(300, BOUND).await.expect("reap");
        assert_eq!(
            claim_now(store, JobKind::Event, "n2", 500, 10).await.len(),
            1,
            "{}",
            backend.name
        );
    }
}

#[tokio::test]
async fn concurrent_claims_never_share_a_job() {
    for backend in backends().await {
        let store = backend.store.clone();
        let jobs: Vec<NewJob> = (0..200)
            .map(|i| NewJob {
                id: format!("j{i}"),
                kind: JobKind::Event,
                execution_id: None,
                due_at: 0,
                payload: json!(i),
                locked_by: None,
                target: None,
                created_at: 0,
            })
            .collect();
        queue(&store, &jobs).await;

        let mut handles = Vec::new();
        for node in 0..4 {
            let store = store.clone();
            handles.push(tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let got = claim_now(&store, JobKind::Event, &format!("n{node}"), 1, 7).await;
                    if got.is_empty() {
                        break mine;
                    }
                    mine.extend(got.into_iter().map(|j| j.id));
                }
            }));
        }
        let mut all = Vec::new();
        for handle in handles {
            all.extend(handle.await.expect("join"));
        }
        all.sort();
        let before = all.len();
        all.dedup();
        assert_eq!(before, 200, "{}: every job claimed", backend.name);
        assert_eq!(all.len(), 200, "{}: no job claimed twice", backend.name);
    }
}

#[tokio::test]
async fn bad_urls_are_rejected() {
    assert!(matches!(
        Store::connect("mysql://x").await,
        Err(StoreError::BadUrl(_))
    ));
}

#[tokio::test]
async fn nul_in_text_never_fails_a_write_and_json_keeps_it() {
    for backend in backends().await {
        let store = &backend.store;
        let mut exec = execution("e-nul");
        exec.execution.state_info = Some("bad\u{0}news".into());
        exec.execution.depth = 7;
        exec.execution.output = json!({"result": "a\u{0}b"})
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut t = task("t-nul", "e-nul", 1);
        t.state_info = Some("error: \u{0}".into());
        t.published = json!({"v": "x\u{0}y"})
            .as_object()
            .cloned()
            .unwrap_or_default();
        let mut a = action("a-nul", "t-nul", "e-nul", 0);
        a.state = State::Error;
        a.state_info = Some("\u{0}".into());
        a.result = Some(ActionResult::Error(json!("e\u{0}")));

        let mut tx = store.begin().await.expect("begin");
        tx.put_executions(&[exec]).await.expect("put execution");
        tx.put_tasks(&[t]).await.expect("put task");
        tx.put_actions(&[a]).await.expect("put action");
        tx.commit().await.expect("commit");

        let mut tx = store.begin().await.expect("begin");
        let snapshot = tx.load_snapshot("e-nul").await.expect("snapshot");
        drop(tx);
        let e = &snapshot.execution.execution;
        assert_eq!(e.depth, 7, "{}", backend.name);
        // Plain text: NUL became U+FFFD; JSON: kept as it was.
        assert_eq!(e.state_info.as_deref(), Some("bad\u{FFFD}news"));
        assert_eq!(e.output["result"], json!("a\u{0}b"), "{}", backend.name);
        assert_eq!(
            snapshot.tasks[0].state_info.as_deref(),
            Some("error: \u{FFFD}")
        );
        assert_eq!(snapshot.tasks[0].published["v"], json!("x\u{0}y"));
        assert_eq!(
            snapshot.actions[0].result,
            Some(ActionResult::Error(json!("e\u{0}")))
        );
        let mut tx = store.begin().await.expect("begin");
        assert_eq!(
            tx.execution_state("e-nul").await.expect("state"),
            Some(State::Running)
        );
        assert_eq!(tx.execution_state("nope").await.expect("state"), None);
    }
}
