//! Ad-hoc action definitions and uploaded components in the store, on every
//! backend (SQLite always, PostgreSQL when `BORA_TEST_POSTGRES_URL` is set).

#![allow(clippy::unwrap_used)]

use bora_store::{
    ActionDefinition, CompileState, ComponentArtifact, DEFAULT_PROJECT, NewComponent, ProjectScope,
    StoreError,
};

use crate::common;
use common::backends;

/// Every project's records, as with authentication off.
const ALL: ProjectScope = ProjectScope {
    project: String::new(),
    all: true,
};

fn definition(name: &str, namespace: &str, spec: &str) -> ActionDefinition {
    ActionDefinition {
        id: uuid::Uuid::new_v4().to_string(),
        name: name.to_owned(),
        namespace: namespace.to_owned(),
        definition: format!("version: '2.0'\n{name}:\n  base: std.echo\n"),
        spec: spec.to_owned(),
        input: "s1=\"a\", s2".to_owned(),
        description: Some("d".to_owned()),
        tags: vec!["t".to_owned()],
        scope: "private".to_owned(),
        project_id: "<default-project>".to_owned(),
        workbook_name: None,
        created_at: 1_000,
        updated_at: Some(1_000),
    }
}

#[tokio::test]
async fn definitions_create_duplicate_replace_find_delete() {
    for b in backends().await {
        let store = &b.store;
        let created = store
            .put_action_definitions(&[definition("a.one", "", "{\"v\":1}")], false)
            .await
            .unwrap();
        assert_eq!(created[0].updated_at, None, "{}: a new definition", b.name);
        let id = created[0].id.clone();

        let dup = store
            .put_action_definitions(&[definition("a.one", "", "{}")], false)
            .await;
        assert!(
            matches!(dup, Err(StoreError::Duplicate { .. })),
            "{}: {dup:?}",
            b.name
        );
        // The same name in another namespace is another action.
        store
            .put_action_definitions(&[definition("a.one", "ns", "{\"v\":3}")], false)
            .await
            .unwrap();

        let mut newer = definition("a.one", "", "{\"v\":2}");
        newer.created_at = 5_000;
        newer.updated_at = Some(5_000);
        let replaced = store.put_action_definitions(&[newer], true).await.unwrap();
        assert_eq!(replaced[0].id, id, "{}: the id is kept", b.name);
        assert_eq!(replaced[0].created_at, 1_000);
        assert_eq!(replaced[0].updated_at, Some(5_000));

        let found = store
            .find_action_definition("a.one", "", ALL.read())
            .await
            .unwrap();
        assert_eq!(found.unwrap().spec, "{\"v\":2}");
        let in_ns = store
            .find_action_definition("a.one", "ns", ALL.read())
            .await
            .unwrap();
        assert_eq!(in_ns.unwrap().spec, "{\"v\":3}");
        assert!(
            store
                .find_action_definition("a.two", "", ALL.read())
                .await
                .unwrap()
                .is_none()
        );
        let by_id = store
            .get_action_definition(&id, "", ALL.read())
            .await
            .unwrap();
        assert_eq!(by_id.name, "a.one");
        assert_eq!(by_id.tags, vec!["t".to_owned()]);
        assert_eq!(by_id.description.as_deref(), Some("d"));
        assert_eq!(store.list_action_definitions().await.unwrap().len(), 2);

        store
            .delete_action_definition("a.one", "", ALL.change())
            .await
            .unwrap();
        assert!(matches!(
            store.get_action_definition("a.one", "", ALL.read()).await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store
                .delete_action_definition("a.one", "", ALL.change())
                .await,
            Err(StoreError::NotFound { .. })
        ));
        assert_eq!(store.list_action_definitions().await.unwrap().len(), 1);
    }
}

#[tokio::test]
async fn components_are_versioned_and_loaded_by_digest() {
    for b in backends().await {
        let store = &b.store;
        assert!(
            store
                .latest_action_component("my.custom", ALL.read())
                .await
                .unwrap()
                .is_none()
        );
        // Bytes with every byte value, so a text round trip would show.
        let v1_bytes: Vec<u8> = (0..=255u8).cycle().take(70_000).collect();
        let v2_bytes: Vec<u8> = vec![0, 97, 115, 109, 13, 0, 1, 0, 255];
        let upload = |digest: &'static str, bytes: &'static [u8], at: i64| NewComponent {
            name: "my.custom",
            project_id: DEFAULT_PROJECT,
            scope: "private",
            digest,
            bytes,
            limits: "{\"fuel\":10}".to_owned(),
            descriptor: "{\"params\":[]}".to_owned(),
            created_at: at,
            compile_state: CompileState::Ready,
        };
        let v1_static: &'static [u8] = Box::leak(v1_bytes.clone().into_boxed_slice());
        let v2_static: &'static [u8] = Box::leak(v2_bytes.clone().into_boxed_slice());
        let first = store
            .put_action_component(&upload("d1", v1_static, 10))
            .await
            .unwrap();
        assert_eq!(first.version, 1, "{}", b.name);
        assert_eq!(first.size, 70_000);
        let second = store
            .put_action_component(&upload("d2", v2_static, 20))
            .await
            .unwrap();
        assert_eq!(second.version, 2);
        // The same bytes again: a new version sharing the stored bytes.
        let third = store
            .put_action_component(&upload("d1", v1_static, 30))
            .await
            .unwrap();
        assert_eq!(third.version, 3);

        let latest = store
            .latest_action_component("my.custom", ALL.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!((latest.version, latest.digest.as_str()), (3, "d1"));
        assert_eq!(latest.limits, "{\"fuel\":10}");
        let old = store
            .action_component(DEFAULT_PROJECT, "my.custom", 2)
            .await
            .unwrap();
        assert_eq!(old.digest, "d2");
        assert_eq!(old.size, 9);
        assert!(matches!(
            store
                .action_component(DEFAULT_PROJECT, "my.custom", 9)
                .await,
            Err(StoreError::NotFound { .. })
        ));
        assert_eq!(store.component_bytes("d1").await.unwrap(), v1_bytes);
        assert_eq!(store.component_bytes("d2").await.unwrap(), v2_bytes);
        assert!(matches!(
            store.component_bytes("nope").await,
            Err(StoreError::NotFound { .. })
        ));

        // Another name sharing digest d1 keeps those bytes alive.
        let other = NewComponent {
            name: "other",
            ..upload("d1", v1_static, 40)
        };
        assert_eq!(store.put_action_component(&other).await.unwrap().version, 1);
        assert_eq!(store.list_action_components().await.unwrap().len(), 4);

        let owner = store
            .delete_action_component("my.custom", ALL.change())
            .await
            .unwrap();
        assert_eq!(owner, DEFAULT_PROJECT);
        assert!(
            store
                .latest_action_component("my.custom", ALL.read())
                .await
                .unwrap()
                .is_none()
        );
        assert!(store.component_bytes("d1").await.is_ok(), "still used");
        assert!(matches!(
            store.component_bytes("d2").await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(matches!(
            store
                .delete_action_component("my.custom", ALL.change())
                .await,
            Err(StoreError::NotFound { .. })
        ));
        // A fresh upload of a deleted name starts again at version 1.
        let again = store
            .put_action_component(&upload("d2", v2_static, 50))
            .await
            .unwrap();
        assert_eq!(again.version, 1);
    }
}

#[tokio::test]
async fn compile_states_and_precompiled_artifacts() {
    for b in backends().await {
        let store = &b.store;
        let upload = |name: &'static str, digest: &'static str| NewComponent {
            name,
            project_id: DEFAULT_PROJECT,
            scope: "private",
            digest,
            bytes: b"\0asm",
            limits: "{}".to_owned(),
            descriptor: "null".to_owned(),
            created_at: 1,
            compile_state: CompileState::Compiling,
        };
        let v1 = store
            .put_action_component(&upload("a", "d1"))
            .await
            .unwrap();
        assert_eq!(v1.compile_state, CompileState::Compiling);
        store
            .put_action_component(&upload("b", "d1"))
            .await
            .unwrap();
        store
            .put_action_component(&upload("c", "d2"))
            .await
            .unwrap();

        // Every version of the digest still compiling becomes ready, with
        // its descriptor; others are untouched.
        let changed = store.finish_compile("d1", Ok("{\"x\":1}")).await.unwrap();
        assert_eq!(changed, 2, "{}", b.name);
        let a = store
            .latest_action_component("a", ALL.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (a.compile_state, a.descriptor.as_str(), a.compile_error),
            (CompileState::Ready, "{\"x\":1}", None)
        );
        assert_eq!(store.finish_compile("d1", Err("late")).await.unwrap(), 0);
        store
            .finish_compile("d2", Err("no `run` export"))
            .await
            .unwrap();
        let c = store
            .latest_action_component("c", ALL.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(c.compile_state, CompileState::Error);
        assert_eq!(c.compile_error.as_deref(), Some("no `run` export"));
        assert_eq!(c.descriptor, "null");

        // Artifacts: one per digest and engine; the first stored stays.
        let artifact = |engine: &str, bytes: &[u8]| ComponentArtifact {
            digest: "d1".to_owned(),
            engine: engine.to_owned(),
            bytes: bytes.to_vec(),
            sha256: format!("sha-of-{}", bytes.len()),
        };
        assert!(
            store
                .component_artifact("d1", "e1")
                .await
                .unwrap()
                .is_none()
        );
        let first = artifact("e1", &[0, 1, 2, 255]);
        store.put_component_artifact(&first, 5).await.unwrap();
        store
            .put_component_artifact(&artifact("e1", &[9]), 6)
            .await
            .unwrap();
        assert_eq!(
            store.component_artifact("d1", "e1").await.unwrap(),
            Some(first)
        );
        assert!(
            store
                .component_artifact("d1", "e2")
                .await
                .unwrap()
                .is_none()
        );

        // Deleting the last version of a digest drops its bytes and code.
        store
            .delete_action_version(DEFAULT_PROJECT, "a", 1)
            .await
            .unwrap();
        assert!(
            store
                .component_artifact("d1", "e1")
                .await
                .unwrap()
                .is_some()
        );
        store
            .delete_action_version(DEFAULT_PROJECT, "b", 1)
            .await
            .unwrap();
        assert!(
            store
                .component_artifact("d1", "e1")
                .await
                .unwrap()
                .is_none()
        );
        assert!(store.component_bytes("d1").await.is_err());
    }
}
