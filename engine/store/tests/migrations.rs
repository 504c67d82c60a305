//! Migrations on a store of the version before them, on every backend.
//! 0014 (names unique per project): every row stays as it was, every
//! column keeps its type, default and place, indexes and foreign keys
//! stay; only the by-name UNIQUE constraints take `project_id` in. 0016
//! (uploaded actions per project): uploads go to the default project,
//! private, and a name's versions count per project; action executions
//! of workflows get their execution's project.

#![allow(clippy::unwrap_used)]

use std::path::Path;

use bora_store::{ProjectScope, Store};
use sqlx::{AnyPool, Executor, Row};

use crate::common;
use common::empty_databases;

/// The tables 0014 changes, with a row of each (only the columns without
/// a default: the others take theirs) in the schema of 0013.
const ROWS: [(&str, &str); 6] = [
    (
        "workflow_definitions",
        "(id, name, namespace, definition, spec_hash, checksum, project_id, created_at) \
         VALUES ('wf1', 'wf', 'ns', 'd', 'h', 'c', 'alpha', 1), \
         ('wf2', 'wf', '', 'd', 'h', 'c', 'alpha', 2)",
    ),
    (
        "workbooks",
        "(id, name, definition, created_at) VALUES ('wb1', 'wb', 'd', 1)",
    ),
    (
        "action_definitions",
        "(id, name, definition, spec, description, workbook_name, created_at) \
         VALUES ('a1', 'wb.act', 'd', '{}', 'says hi', 'wb', 1)",
    ),
    (
        "environments",
        "(id, name, variables, scope, project_id, created_at, updated_at) \
         VALUES ('e1', 'env', '{\"k\": 1}', 'public', 'beta', 1, 2)",
    ),
    (
        "cron_triggers",
        "(id, name, pattern, next_execution_time, remaining_executions, workflow_name, \
         workflow_id, created_at) VALUES ('c1', 'nightly', '0 3 * * *', 99, 4, 'wf', 'wf2', 1)",
    ),
    (
        "event_triggers",
        "(id, name, workflow_id, workflow_name, exchange, topic, event, token_sha256, \
         created_at) VALUES ('t1', 'on', 'wf2', 'wf', 'x', 't', 'e', 'sha', 1)",
    ),
];

/// The by-name UNIQUE constraints before and after.
const KEYS: [(&str, &str, &str); 6] = [
    (
        "workflow_definitions",
        "name,namespace",
        "name,namespace,project_id",
    ),
    ("workbooks", "name,namespace", "name,namespace,project_id"),
    (
        "action_definitions",
        "name,namespace",
        "name,namespace,project_id",
    ),
    ("environments", "name", "name,project_id"),
    ("cron_triggers", "name", "name,project_id"),
    ("event_triggers", "name", "name,project_id"),
];

/// A pool on `url` migrated up to (not including) `first` (this
/// version's files before it).
async fn migrated_before(backend: &str, url: &str, first: &str) -> (AnyPool, tempfile::TempDir) {
    let source = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("migrations")
        .join(backend);
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(&source).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.as_str() < first {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    sqlx::any::install_default_drivers();
    let url = if backend == "sqlite" {
        format!("{url}?mode=rwc")
    } else {
        url.to_owned()
    };
    let pool = AnyPool::connect(&url).await.unwrap();
    let migrator = sqlx::migrate::Migrator::new(dir.path()).await.unwrap();
    migrator.run(&pool).await.unwrap();
    (pool, dir)
}

async fn texts(pool: &AnyPool, sql: &str) -> Vec<String> {
    pool.fetch_all(sql)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
        .iter()
        .map(|row| row.try_get::<String, _>(0).unwrap())
        .collect()
}

/// A table's columns (name, type, nullability, default; in order), its
/// indexes other than its constraints' and its foreign keys.
async fn shape(pool: &AnyPool, backend: &str, table: &str) -> Vec<String> {
    let queries = if backend == "sqlite" {
        [
            format!(
                "SELECT name || ' ' || type || ' ' || \"notnull\" || ' ' || \
                 COALESCE(dflt_value, '-') || ' ' || pk FROM pragma_table_info('{table}') \
                 ORDER BY cid"
            ),
            format!(
                "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = '{table}' \
                 AND sql IS NOT NULL ORDER BY name"
            ),
            format!(
                "SELECT \"table\" || ' ' || \"from\" || ' ' || COALESCE(\"to\", '-') \
                 FROM pragma_foreign_key_list('{table}')"
            ),
        ]
    } else {
        [
            format!(
                "SELECT column_name::text || ' ' || data_type::text || ' ' || \
                 is_nullable::text || ' ' || COALESCE(column_default::text, '-') \
                 FROM information_schema.columns WHERE table_name = '{table}' \
                 ORDER BY ordinal_position"
            ),
            format!(
                "SELECT indexdef FROM pg_indexes i WHERE tablename = '{table}' AND NOT EXISTS \
                 (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname) ORDER BY indexname"
            ),
            format!(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint \
                 WHERE conrelid = '{table}'::regclass AND contype = 'f'"
            ),
        ]
    };
    let mut out = Vec::new();
    for sql in queries {
        out.extend(texts(pool, &sql).await);
    }
    out
}

/// A table's UNIQUE constraints, each as its columns joined by commas.
async fn unique_keys(pool: &AnyPool, backend: &str, table: &str) -> Vec<String> {
    let mut keys = if backend == "sqlite" {
        texts(
            pool,
            &format!(
                "SELECT group_concat(name, ',') FROM (SELECT il.name AS ix, ii.name AS name \
                 FROM pragma_index_list('{table}') il, pragma_index_info(il.name) ii \
                 WHERE il.origin = 'u' ORDER BY il.name, ii.seqno) GROUP BY ix"
            ),
        )
        .await
    } else {
        texts(
            pool,
            &format!(
                "SELECT pg_get_constraintdef(oid) FROM pg_constraint \
                 WHERE conrelid = '{table}'::regclass AND contype = 'u'"
            ),
        )
        .await
        .into_iter()
        .map(|def| {
            def.trim_start_matches("UNIQUE (")
                .trim_end_matches(')')
                .replace(' ', "")
        })
        .collect()
    };
    keys.sort();
    keys
}

/// Every row of `table`, each column as text, in id order.
async fn rows(pool: &AnyPool, backend: &str, table: &str) -> Vec<String> {
    let name_sql = if backend == "sqlite" {
        format!("SELECT name FROM pragma_table_info('{table}') ORDER BY cid")
    } else {
        format!(
            "SELECT column_name::text FROM information_schema.columns \
             WHERE table_name = '{table}' ORDER BY ordinal_position"
        )
    };
    let cells: Vec<String> = texts(pool, &name_sql)
        .await
        .iter()
        .map(|c| format!("COALESCE(CAST({c} AS TEXT), '~')"))
        .collect();
    let sql = format!(
        "SELECT {} FROM {table} ORDER BY id",
        cells.join(" || '|' || ")
    );
    texts(pool, &sql).await
}

#[tokio::test]
async fn names_per_project_keeps_every_row_column_default_and_index() {
    for (backend, url, _keep) in empty_databases().await {
        let (pool, _files) = migrated_before(backend, &url, "0014").await;
        let mut before = Vec::new();
        for (table, values) in ROWS {
            pool.execute(format!("INSERT INTO {table} {values}").as_str())
                .await
                .unwrap();
            before.push((
                shape(&pool, backend, table).await,
                rows(&pool, backend, table).await,
            ));
        }

        // The store brings the schema up to date (0014) as it opens.
        let store = Store::connect(&url).await.unwrap();
        for ((table, _), (shape_before, rows_before)) in ROWS.iter().zip(&before) {
            assert_eq!(
                &shape(&pool, backend, table).await,
                shape_before,
                "{backend}: {table}'s columns, indexes or foreign keys changed"
            );
            assert_eq!(
                &rows(&pool, backend, table).await,
                rows_before,
                "{backend}: {table}'s rows changed"
            );
            assert!(!rows_before.is_empty());
        }
        for (table, old, new) in KEYS {
            let keys = unique_keys(&pool, backend, table).await;
            assert!(
                keys.contains(&new.to_owned()),
                "{backend}: {table}: {keys:?}"
            );
            assert!(
                !keys.contains(&old.to_owned()),
                "{backend}: {table}: {keys:?}"
            );
        }
        if backend == "sqlite" {
            assert_eq!(texts(&pool, "PRAGMA integrity_check").await, ["ok"]);
            let broken = pool.fetch_all("PRAGMA foreign_key_check").await.unwrap();
            assert!(broken.is_empty(), "foreign keys broken");
        }

        // The rows read back through the store, defaults filled.
        let all = ProjectScope::everything();
        let wf = store.get_workflow("wf", "ns", all.read()).await.unwrap();
        assert_eq!((wf.id.as_str(), wf.scope.as_str()), ("wf1", "private"));
        let wb = store.get_workbook("wb", "", all.read()).await.unwrap();
        assert_eq!(wb.project_id, bora_store::DEFAULT_PROJECT, "{backend}");
        assert_eq!(wb.tags, Vec::<String>::new());
        let act = store
            .get_action_definition("wb.act", "", all.read())
            .await
            .unwrap();
        assert_eq!(act.workbook_name.as_deref(), Some("wb"), "{backend}");
        let beta = ProjectScope::only("beta");
        let env = store.get_environment("env", beta.read()).await.unwrap();
        assert_eq!(env.variables["k"], 1, "{backend}");
        let cron = store.get_cron_trigger("nightly", all.read()).await.unwrap();
        assert_eq!(cron.remaining_executions, Some(4), "{backend}");
        assert_eq!(store.next_cron_time().await.unwrap(), Some(99));
        let event = store.get_event_trigger("on", all.read()).await.unwrap();
        assert_eq!(event.workflow_namespace, "", "{backend}");
        store.close().await;
        pool.close().await;
    }
}

#[tokio::test]
async fn uploads_go_to_the_default_project_and_actions_to_their_executions() {
    for (backend, url, _keep) in empty_databases().await {
        let (pool, _files) = migrated_before(backend, &url, "0016").await;
        for sql in [
            "INSERT INTO component_blobs (digest, bytes, size, created_at) \
             VALUES ('d1', 'xyz', 3, 1)",
            "INSERT INTO action_components (name, version, digest, descriptor, created_at, \
             compile_error) VALUES ('greet', 1, 'd1', 'null', 1, NULL), \
             ('greet', 2, 'd1', '{}', 2, 'no run')",
            "INSERT INTO workflow_executions (id, workflow_id, workflow_name, spec_hash, state, \
             created_at, project_id) VALUES ('e1', 'w', 'wf', 'h', 'SUCCESS', 1, 'alpha')",
            "INSERT INTO action_executions (id, name, state, created_at, workflow_execution_id) \
             VALUES ('a1', 'greet', 'SUCCESS', 1, 'e1')",
            "INSERT INTO action_executions (id, name, state, created_at, project_id) \
             VALUES ('a2', 'greet', 'SUCCESS', 1, 'beta')",
        ] {
            pool.execute(sql)
                .await
                .unwrap_or_else(|e| panic!("{sql}: {e}"));
        }
        let store = Store::connect(&url).await.unwrap();

        let default = ProjectScope::only(bora_store::DEFAULT_PROJECT);
        let latest = store
            .latest_action_component("greet", default.change())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            (
                latest.version,
                latest.project_id.as_str(),
                latest.scope.as_str()
            ),
            (2, bora_store::DEFAULT_PROJECT, "private"),
            "{backend}"
        );
        assert_eq!(latest.compile_error.as_deref(), Some("no run"));
        let first = store
            .action_component(bora_store::DEFAULT_PROJECT, "greet", 1)
            .await
            .unwrap();
        assert_eq!((first.size, first.descriptor.as_str()), (3, "null"));
        let alpha = ProjectScope::only("alpha");
        assert!(
            store
                .latest_action_component("greet", alpha.read())
                .await
                .unwrap()
                .is_none(),
            "{backend}: the default project's private upload is not alpha's"
        );
        // Version 1 of the name again, in another project: a new key.
        let insert = |project: &str| {
            format!(
                "INSERT INTO action_components (name, version, digest, descriptor, created_at, \
                 project_id) VALUES ('greet', 1, 'd1', 'null', 3, '{project}')"
            )
        };
        pool.execute(insert("alpha").as_str()).await.unwrap();
        let twice = pool.execute(insert("alpha").as_str()).await;
        assert!(twice.is_err(), "{backend}: a version taken twice");
        assert_eq!(
            texts(
                &pool,
                "SELECT name FROM action_components WHERE digest = 'd1' AND version = 1 \
                 ORDER BY project_id"
            )
            .await
            .len(),
            2
        );
        if backend == "sqlite" {
            assert_eq!(texts(&pool, "PRAGMA integrity_check").await, ["ok"]);
            let broken = pool.fetch_all("PRAGMA foreign_key_check").await.unwrap();
            assert!(broken.is_empty(), "foreign keys broken");
            let index = texts(
                &pool,
                "SELECT name FROM sqlite_master WHERE type = 'index' \
                 AND tbl_name = 'action_components' AND sql IS NOT NULL",
            )
            .await;
            assert_eq!(index, ["action_components_digest"]);
        }

        assert_eq!(store.get_action("a1").await.unwrap().project_id, "alpha");
        assert_eq!(store.get_action("a2").await.unwrap().project_id, "beta");
        store.close().await;
        pool.close().await;
    }
}
