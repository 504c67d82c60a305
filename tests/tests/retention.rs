//! The retention policy deletes finished top-level executions past their
//! age, with their tasks and sub-workflows, and keeps the rest. SQLite, and
//! PostgreSQL when `BORA_TEST_POSTGRES_URL` is set.

use std::time::{Duration, Instant};

use bora::bora_core::state::State;
use bora::node::{Node, NodeConfig};
use bora::service::StartRequest;

use crate::pg::TempPostgres;

const WORKFLOWS: &str = "version: '2.0'
parent:
  tasks:
    call:
      workflow: child
child:
  tasks:
    hello:
      action: std.noop
";

async fn run(node: &Node, workflow: &str) -> String {
    let req = StartRequest {
        workflow: workflow.to_owned(),
        ..Default::default()
    };
    let id = node
        .service
        .start_execution(req)
        .await
        .unwrap()
        .execution
        .id;
    let deadline = Instant::now() + Duration::from_secs(60);
    while !node
        .store()
        .get_execution(&id)
        .await
        .unwrap()
        .execution
        .state
        .is_terminal()
    {
        assert!(Instant::now() < deadline, "{workflow} never finished");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn finished_executions_past_their_age_go_with_their_children() {
    let dir = tempfile::tempdir().unwrap();
    let mut urls = vec![format!(
        "sqlite://{}",
        dir.path().join("bora.sqlite").display()
    )];
    let pg = TempPostgres::create("bora_retention").await;
    if let Some(pg) = &pg {
        urls.push(pg.url.clone());
    }
    for url in urls {
        let node = Node::start(NodeConfig {
            database_url: url.clone(),
            ..Default::default()
        })
        .await
        .unwrap();
        node.service
            .create_workflows(WORKFLOWS, "", "private")
            .await
            .unwrap();
        let old = run(&node, "parent").await;
        // Everything that exists now is older than the age asked next.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let recent = run(&node, "parent").await;
        let store = node.store();
        let before = store.list_executions(&Default::default()).await.unwrap();
        assert_eq!(before.len(), 4, "{url}: two parents, two children");

        let deleted = bora::retention::expire(store, Duration::from_millis(200))
            .await
            .unwrap();
        assert_eq!(deleted, 1, "{url}");
        let left = store.list_executions(&Default::default()).await.unwrap();
        assert_eq!(left.len(), 2, "{url}: the recent parent and its child");
        assert!(left.iter().all(|e| e.execution.id == recent
            || e.execution.root_execution_id.as_deref() == Some(recent.as_str())));
        assert!(store.get_execution(&old).await.is_err());
        assert_eq!(
            store.get_execution(&recent).await.unwrap().execution.state,
            State::Success
        );
        node.shutdown().await;
    }
}
