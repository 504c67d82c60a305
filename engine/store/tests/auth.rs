//! API tokens and the audit log in the store, on every configured backend.

use bora_store::{AuditEntry, StoreError};

use crate::common;
use common::backends;

#[tokio::test]
async fn tokens_are_found_by_digest_until_revoked() {
    for backend in backends().await {
        let store = &backend.store;
        let made = store
            .insert_token("t1", "alpha", false, "d1", 10)
            .await
            .expect("insert");
        assert_eq!(made.project, "alpha");
        store
            .insert_token("t2", "beta", true, "d2", 20)
            .await
            .expect("insert");
        assert!(matches!(
            store.insert_token("t3", "x", false, "d1", 30).await,
            Err(StoreError::Duplicate { .. })
        ));
        let found = store.live_token("d2").await.expect("read");
        assert_eq!(found.map(|t| (t.id, t.admin)), Some(("t2".into(), true)));
        assert_eq!(store.live_token("nope").await.expect("read"), None);

        store.touch_token("t1", None, 1_000).await.expect("touch");
        // Within the minute: not written again.
        store
            .touch_token("t1", Some(1_000), 2_000)
            .await
            .expect("touch");
        let listed = store.tokens().await.expect("list");
        assert_eq!(listed.len(), 2, "{}", backend.name);
        assert_eq!(listed[0].last_used_at, Some(1_000), "{}", backend.name);

        store.revoke_token("t1", 50).await.expect("revoke");
        assert_eq!(store.live_token("d1").await.expect("read"), None);
        assert!(matches!(
            store.revoke_token("t1", 60).await,
            Err(StoreError::NotFound { .. })
        ));
        let listed = store.tokens().await.expect("list");
        assert_eq!(listed[0].revoked_at, Some(50), "{}", backend.name);
    }
}

#[tokio::test]
async fn the_audit_log_reads_newest_first() {
    for backend in backends().await {
        let store = &backend.store;
        let entry = |id: &str, at: i64, token: &str| AuditEntry {
            id: id.to_owned(),
            at,
            token_id: Some(token.to_owned()),
            project: Some("alpha".into()),
            method: "POST".into(),
            path: "/v2/executions".into(),
            status: 201,
            target: Some(format!("exec-{id}")),
        };
        store
            .put_audit(&[
                entry("a", 1, "t1"),
                entry("b", 2, "t2"),
                entry("c", 3, "t1"),
            ])
            .await
            .expect("put");
        let all = store.audit(None, 10).await.expect("read");
        let ids: Vec<_> = all.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["c", "b", "a"], "{}", backend.name);
        assert_eq!(all[0].status, 201);
        let mine = store.audit(Some("t1"), 1).await.expect("read");
        assert_eq!(mine.len(), 1);
        assert_eq!(mine[0].target.as_deref(), Some("exec-c"));
    }
}
