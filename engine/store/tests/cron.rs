//! Cron triggers in the store, on every configured backend: CRUD, due
//! lookups, and the conditional claim that makes each firing happen once.

use bora_store::{CronTriggerRecord, ProjectScope, Store, StoreError};
use serde_json::{Map, json};

use crate::common;
use common::backends;

/// Every project's records, as with authentication off.
const ALL: ProjectScope = ProjectScope {
    project: String::new(),
    all: true,
};

fn trigger(name: &str, next: i64, remaining: Option<i64>) -> CronTriggerRecord {
    CronTriggerRecord {
        id: format!("id-{name}"),
        name: name.to_owned(),
        pattern: Some("*/5 * * * *".into()),
        first_execution_time: None,
        next_execution_time: next,
        remaining_executions: remaining,
        workflow_name: "wf".into(),
        workflow_id: "wf-id".into(),
        workflow_namespace: String::new(),
        workflow_input: json!({"a": 1}).as_object().cloned().unwrap_or_default(),
        workflow_params: Map::new(),
        scope: "private".into(),
        project_id: "<default-project>".into(),
        created_at: 5,
        updated_at: None,
    }
}

/// One claim attempt in its own transaction, committed when won.
async fn claim(store: &Store, id: &str, due: i64, next: Option<i64>) -> bool {
    let mut tx = store.begin().await.expect("begin");
    let won = tx
        .advance_cron_trigger(id, due, next, 7)
        .await
        .expect("advance");
    tx.commit().await.expect("commit");
    won
}

#[tokio::test]
async fn cron_triggers_crud_and_due() {
    for b in backends().await {
        let s = &b.store;
        s.create_cron_trigger(&trigger("a", 1_000, Some(2)))
            .await
            .expect("create");
        s.create_cron_trigger(&trigger("b", 5_000, None))
            .await
            .expect("create");
        assert!(matches!(
            s.create_cron_trigger(&trigger("a", 1, None)).await,
            Err(StoreError::Duplicate { .. })
        ));
        assert_eq!(
            s.get_cron_trigger("a", ALL.read()).await.expect("get"),
            trigger("a", 1_000, Some(2)),
            "{}",
            b.name
        );
        assert_eq!(
            s.get_cron_trigger("id-b", ALL.read())
                .await
                .expect("by id")
                .name,
            "b"
        );
        assert_eq!(s.list_cron_triggers().await.expect("list").len(), 2);
        assert_eq!(s.next_cron_time().await.expect("next"), Some(1_000));
        let due: Vec<String> = s
            .due_cron_triggers(2_000, 10)
            .await
            .expect("due")
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert_eq!(due, ["a"], "{}", b.name);
        assert_eq!(
            s.cron_triggers_of_workflow("wf-id").await.expect("of wf"),
            ["a", "b"]
        );

        // First firing: moved on, one fewer remaining.
        assert!(claim(s, "id-a", 1_000, Some(3_000)).await);
        let a = s.get_cron_trigger("a", ALL.read()).await.expect("get");
        assert_eq!(
            (a.next_execution_time, a.remaining_executions, a.updated_at),
            (3_000, Some(1), Some(7))
        );
        // A stale claim on the old due time loses.
        assert!(!claim(s, "id-a", 1_000, Some(3_000)).await);
        // Unlimited triggers stay unlimited.
        assert!(claim(s, "id-b", 5_000, Some(6_000)).await);
        assert_eq!(
            s.get_cron_trigger("b", ALL.read())
                .await
                .expect("get")
                .remaining_executions,
            None
        );
        // The last firing deletes the trigger.
        assert!(claim(s, "id-a", 3_000, None).await);
        assert!(matches!(
            s.get_cron_trigger("a", ALL.read()).await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(!claim(s, "id-a", 3_000, None).await);

        s.delete_cron_trigger("b", ALL.change())
            .await
            .expect("delete");
        assert!(matches!(
            s.delete_cron_trigger("b", ALL.change()).await,
            Err(StoreError::NotFound { .. })
        ));
        assert_eq!(s.next_cron_time().await.expect("next"), None);
    }
}

#[tokio::test]
async fn concurrent_claims_fire_once() {
    for b in backends().await {
        let s = b.store.clone();
        s.create_cron_trigger(&trigger("race", 1_000, Some(5)))
            .await
            .expect("create");
        let mut claims = Vec::new();
        for _ in 0..8 {
            let s = s.clone();
            claims.push(tokio::spawn(async move {
                claim(&s, "id-race", 1_000, Some(2_000)).await
            }));
        }
        let mut won = 0;
        for c in claims {
            if c.await.expect("claim task") {
                won += 1;
            }
        }
        assert_eq!(won, 1, "{}: exactly one claim wins", b.name);
        let t = s.get_cron_trigger("race", ALL.read()).await.expect("get");
        assert_eq!(t.remaining_executions, Some(4), "{}", b.name);
    }
}
