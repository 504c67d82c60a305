//! Environments in the store, on every configured backend.

use bora_store::{EnvironmentRecord, ProjectScope, StoreError};
use serde_json::json;

use crate::common;
use common::backends;

/// Every project's records, as with authentication off.
const ALL: ProjectScope = ProjectScope {
    project: String::new(),
    all: true,
};

fn env(name: &str, created_at: i64) -> EnvironmentRecord {
    EnvironmentRecord {
        id: format!("id-{name}"),
        name: name.to_owned(),
        description: Some("d".into()),
        variables: json!({"host": "a", "n": 1})
            .as_object()
            .cloned()
            .unwrap_or_default(),
        scope: "private".into(),
        project_id: "<default-project>".into(),
        created_at,
        updated_at: None,
    }
}

#[tokio::test]
async fn environments_lifecycle() {
    for b in backends().await {
        let s = &b.store;
        s.create_environment(&env("dev", 10)).await.expect("create");
        s.create_environment(&env("prod", 20))
            .await
            .expect("create");
        let dup = s.create_environment(&env("dev", 30)).await;
        assert!(
            matches!(dup, Err(StoreError::Duplicate { .. })),
            "{}: {dup:?}",
            b.name
        );

        let got = s
            .get_environment("dev", ALL.read())
            .await
            .expect("get by name");
        assert_eq!(got, env("dev", 10), "{}", b.name);
        assert_eq!(
            s.get_environment("id-dev", ALL.read())
                .await
                .expect("by id")
                .name,
            "dev"
        );
        let names: Vec<String> = s
            .list_environments()
            .await
            .expect("list")
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["dev", "prod"], "{}", b.name);

        let vars = json!({"host": "b"})
            .as_object()
            .cloned()
            .unwrap_or_default();
        let updated = s
            .update_environment("dev", None, Some(&vars), Some("public"), 99, ALL.change())
            .await
            .expect("update");
        assert_eq!(updated.variables, vars);
        assert_eq!(updated.description.as_deref(), Some("d"), "kept");
        assert_eq!(updated.scope, "public");
        assert_eq!(updated.updated_at, Some(99));
        assert_eq!(
            s.get_environment("dev", ALL.read()).await.expect("get"),
            updated
        );
        let missing = s
            .update_environment("nope", None, None, None, 1, ALL.change())
            .await;
        assert!(matches!(missing, Err(StoreError::NotFound { .. })));

        s.delete_environment("dev", ALL.change())
            .await
            .expect("delete");
        assert!(matches!(
            s.get_environment("dev", ALL.read()).await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            s.delete_environment("dev", ALL.change()).await,
            Err(StoreError::NotFound { .. })
        ));
        assert_eq!(s.list_environments().await.expect("list").len(), 1);
    }
}
