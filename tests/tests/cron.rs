//! Cron triggers fire exactly once with two nodes on one database: both
//! nodes' cron loops see the same due triggers, and each firing must start
//! one execution. Runs on a shared SQLite file, and on PostgreSQL when
//! `BORA_TEST_POSTGRES_URL` is set.

use std::time::{Duration, Instant};

use bora::bora_store::CronTriggerRecord;
use bora::bora_store::queries::ListQuery;
use bora::clock::now_micros;
use bora::node::{Node, NodeConfig};

use crate::pg::TempPostgres;
use serde_json::{Map, json};

const WF: &str = "version: '2.0'
cron_wf:
  input:
    - who: nobody
  output:
    who: <% $.who %>
  tasks:
    hello:
      action: std.noop
";

async fn node(url: &str) -> Node {
    Node::start(NodeConfig {
        database_url: url.to_owned(),
        ..Default::default()
    })
    .await
    .expect("node starts")
}

/// Database URLs to share between two nodes: a SQLite file, and a fresh
/// PostgreSQL database when configured (dropped with the returned guard).
async fn databases(dir: &tempfile::TempDir) -> (Vec<String>, Option<TempPostgres>) {
    let mut out = vec![format!(
        "sqlite://{}",
        dir.path().join("bora.sqlite").display()
    )];
    let pg = TempPostgres::create("bora_cron").await;
    if let Some(pg) = &pg {
        out.push(pg.url.clone());
    }
    (out, pg)
}

fn trigger(
    name: &str,
    workflow_id: &str,
    due: i64,
    pattern: Option<&str>,
    remaining: Option<i64>,
) -> CronTriggerRecord {
    CronTriggerRecord {
        id: uuid::Uuid::new_v4().to_string(),
        name: name.to_owned(),
        pattern: pattern.map(str::to_owned),
        first_execution_time: Some(due),
        next_execution_time: due,
        remaining_executions: remaining,
        workflow_name: "cron_wf".into(),
        workflow_id: workflow_id.to_owned(),
        workflow_namespace: String::new(),
        workflow_input: json!({"who": name}).as_object().cloned().unwrap(),
        workflow_params: Map::new(),
        scope: "private".into(),
        project_id: "<default-project>".into(),
        created_at: now_micros(),
        updated_at: None,
    }
}

#[tokio::test]
async fn two_nodes_fire_each_trigger_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (urls, _pg) = databases(&dir).await;
    for url in urls {
        let a = node(&url).await;
        let b = node(&url).await;
        let defs = a
            .service
            .create_workflows(WF, "", "private")
            .await
            .expect("workflow stored");
        let wf_id = defs[0].id.clone();
        let store = a.store().clone();

        // Due a moment from now, so both loops are asleep and race for it.
        let due = now_micros() + 300_000;
        let mut triggers = Vec::new();
        for i in 0..5 {
            // Single runs: deleted when they fire.
            triggers.push(trigger(&format!("once{i}"), &wf_id, due, None, Some(1)));
        }
        // Every minute, forever: fires once now and moves to a later minute.
        triggers.push(trigger("minutely", &wf_id, due, Some("* * * * *"), None));
        // Every minute, twice: fires once now, one run left.
        triggers.push(trigger("twice", &wf_id, due, Some("* * * * *"), Some(2)));
        for t in &triggers {
            store.create_cron_trigger(t).await.expect("trigger stored");
        }
        a.service.cron_wake().notify_one();
        b.service.cron_wake().notify_one();

        // Wait for every trigger to have fired once.
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let left = store.due_cron_triggers(due, 100).await.expect("due");
            if left.is_empty() {
                break;
            }
            assert!(Instant::now() < deadline, "{url}: triggers never fired");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        // Let both loops finish their pass over what they had read.
        tokio::time::sleep(Duration::from_millis(500)).await;

        let executions = store
            .list_executions(&ListQuery::default())
            .await
            .expect("list");
        for t in &triggers {
            let started: Vec<_> = executions
                .iter()
                .filter(|e| e.execution.description.contains(&t.id))
                .collect();
            assert_eq!(
                started.len(),
                1,
                "{url}: trigger {} fired {} times",
                t.name,
                started.len()
            );
            let ex = &started[0].execution;
            assert_eq!(ex.input["who"], t.name.as_str());
            let description: serde_json::Value =
                serde_json::from_str(&ex.description).expect("JSON description");
            assert_eq!(
                description,
                json!({"description": format!("Workflow execution created by cron trigger '({})'.", t.id),
                       "triggered_by": {"type": "cron_trigger", "id": t.id}})
            );
        }
        assert_eq!(executions.len(), triggers.len(), "{url}");

        let left = store.list_cron_triggers().await.expect("list");
        // Sorted: triggers made in the same microsecond list in id order,
        // and these ids are random.
        let mut names: Vec<&str> = left.iter().map(|t| t.name.as_str()).collect();
        names.sort_unstable();
        assert_eq!(
            names,
            ["minutely", "twice"],
            "{url}: single runs are deleted"
        );
        for t in &left {
            assert!(
                t.next_execution_time > due,
                "{url}: {} not moved on",
                t.name
            );
            assert_eq!(t.next_execution_time % 60_000_000, 0, "on a minute");
        }
        let remaining = |name: &str| {
            left.iter()
                .find(|t| t.name == name)
                .map(|t| t.remaining_executions)
        };
        assert_eq!(remaining("minutely"), Some(None));
        assert_eq!(remaining("twice"), Some(Some(1)));

        // The started executions run to the end.
        for e in &executions {
            let done = Instant::now() + Duration::from_secs(30);
            loop {
                let state = store
                    .get_execution(&e.execution.id)
                    .await
                    .expect("get")
                    .execution
                    .state;
                if state.is_completed() {
                    assert_eq!(state.as_str(), "SUCCESS", "{url}");
                    break;
                }
                assert!(Instant::now() < done, "{url}: execution never finished");
                tokio::time::sleep(Duration::from_millis(20)).await;
            }
        }
        a.shutdown().await;
        b.shutdown().await;
    }
}
