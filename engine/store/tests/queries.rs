//! The API's list queries and deletes, on every backend (see `store.rs`):
//! filters, `IS NULL`, sort order, marker paging, the task owner join,
//! execution deletes with their tree, and detail updates.

use bora_core::records::{ActionExecution, TaskExecution, TaskKind, WorkflowExecution};
use bora_core::state::State;
use bora_store::queries::{Filter, FilterOp, ListQuery, execution_column, task_column};
use bora_store::{JobKind, NewJob, Store, StoreError, StoredExecution};
use serde_json::{Map, json};

use crate::common;
use common::backends;

fn execution(id: &str, name: &str, state: State, created_at: i64) -> StoredExecution {
    StoredExecution {
        execution: WorkflowExecution {
            id: id.to_owned(),
            workflow_id: format!("{name}-id"),
            workflow_name: name.to_owned(),
            workflow_namespace: String::new(),
            description: String::new(),
            tags: vec![],
            params: Map::new(),
            input: Map::new(),
            output: Map::new(),
            context: Map::new(),
            state,
            state_info: None,
            task_execution_id: None,
            root_execution_id: None,
            source_execution_id: None,
            index: None,
            depth: 0,
            project_id: bora_store::DEFAULT_PROJECT.to_owned(),
            backlog: vec![],
            created_at,
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
        state: State::Success,
        state_info: None,
        seq,
        triggered_by: vec![],
        published: Map::new(),
        published_global: Map::new(),
        runtime_context: Default::default(),
        next_tasks: vec![],
        error_handled: false,
        processed: true,
        tags: vec![],
        created_at: 10 + i64::try_from(seq).unwrap_or(0),
        updated_at: None,
        started_at: None,
        finished_at: None,
    }
}

fn action(id: &str, task: Option<&str>, exec: Option<&str>) -> ActionExecution {
    ActionExecution {
        id: id.to_owned(),
        name: "std.echo".into(),
        task_execution_id: task.map(str::to_owned),
        task_name: None,
        workflow_execution_id: exec.map(str::to_owned),
        workflow_name: None,
        workflow_namespace: String::new(),
        project_id: "<default-project>".into(),
        state: State::Success,
        state_info: None,
        input: Map::new(),
        result: None,
        accepted: true,
        index: 0,
        is_sync: true,
        description: String::new(),
        params: Map::new(),
        created_at: 5,
        updated_at: None,
    }
}

/// e1, e2, e3 (roots, created 1, 2, 3), c1 a sub-workflow of e1's task t1.
async fn seed(store: &Store) {
    let mut child = execution("c1", "sub", State::Running, 4);
    child.execution.task_execution_id = Some("t1".into());
    child.execution.root_execution_id = Some("e1".into());
    let mut tx = store.begin().await.expect("begin");
    tx.put_executions(&[
        execution("e1", "alpha", State::Success, 1),
        execution("e2", "beta", State::Error, 2),
        execution("e3", "alpha", State::Running, 3),
        child,
    ])
    .await
    .expect("put executions");
    tx.put_tasks(&[
        task("t1", "e1", 1),
        task("t2", "e1", 2),
        task("t3", "e2", 1),
    ])
    .await
    .expect("put tasks");
    tx.put_actions(&[
        action("a1", Some("t1"), Some("e1")),
        action("a2", Some("t3"), Some("e2")),
        action("a3", None, None),
    ])
    .await
    .expect("put actions");
    tx.insert_jobs(&[NewJob {
        id: "j1".into(),
        kind: JobKind::Event,
        execution_id: Some("c1".into()),
        due_at: 0,
        payload: json!({}),
        locked_by: None,
        target: None,
        created_at: 0,
    }])
    .await
    .expect("put job");
    tx.commit().await.expect("commit");
}

fn ids(list: &[StoredExecution]) -> Vec<&str> {
    list.iter().map(|s| s.execution.id.as_str()).collect()
}

fn col(name: &str) -> &'static str {
    execution_column(name).expect("known column")
}

#[tokio::test]
async fn filters_nulls_and_sorting() {
    for backend in backends().await {
        let store = &backend.store;
        seed(store).await;
        let all = store
            .list_executions(&ListQuery::default())
            .await
            .expect("list");
        assert_eq!(ids(&all), ["c1", "e1", "e2", "e3"], "{}", backend.name);

        let q = ListQuery {
            filters: vec![Filter {
                column: col("workflow_name"),
                op: FilterOp::Eq,
                values: vec!["alpha".into()],
            }],
            sort: vec![(col("created_at"), true)],
            ..ListQuery::default()
        };
        let alpha = store.list_executions(&q).await.expect("alpha");
        assert_eq!(ids(&alpha), ["e3", "e1"], "{}", backend.name);

        let q = ListQuery {
            nulls: vec![col("root_execution_id")],
            filters: vec![Filter {
                column: col("state"),
                op: FilterOp::In,
                values: vec!["SUCCESS".into(), "ERROR".into()],
            }],
            ..ListQuery::default()
        };
        let roots = store.list_executions(&q).await.expect("roots");
        assert_eq!(ids(&roots), ["e1", "e2"], "{}", backend.name);

        let q = ListQuery {
            filters: vec![Filter {
                column: col("task_execution_id"),
                op: FilterOp::Eq,
                values: vec!["t1".into()],
            }],
            ..ListQuery::default()
        };
        let subs = store.list_executions(&q).await.expect("subs");
        assert_eq!(ids(&subs), ["c1"], "{}", backend.name);

        // A project's list holds only its executions.
        let of = |project: &str| ListQuery {
            project: Some(project.to_owned()),
            ..ListQuery::default()
        };
        let own = store
            .list_executions(&of(bora_store::DEFAULT_PROJECT))
            .await;
        assert_eq!(ids(&own.expect("own")).len(), 4, "{}", backend.name);
        let other = store
            .list_executions(&of("elsewhere"))
            .await
            .expect("other");
        assert!(other.is_empty(), "{}", backend.name);
        let owner = store
            .project_of(bora_store::Owned::Execution, "e1")
            .await
            .expect("owner");
        assert_eq!(owner.as_deref(), Some(bora_store::DEFAULT_PROJECT));
        let none = store.project_of(bora_store::Owned::Task, "nope").await;
        assert_eq!(none.expect("no task"), None, "{}", backend.name);

        let q = ListQuery {
            filters: vec![Filter {
                column: col("workflow_name"),
                op: FilterOp::Nin,
                values: vec!["alpha".into(), "sub".into()],
            }],
            ..ListQuery::default()
        };
        assert_eq!(
            ids(&store.list_executions(&q).await.expect("nin")),
            ["e2"],
            "{}",
            backend.name
        );
    }
}

#[tokio::test]
async fn marker_paging_walks_every_row_once() {
    for backend in backends().await {
        let store = &backend.store;
        seed(store).await;
        for desc in [false, true] {
            let mut seen = Vec::new();
            let mut marker = None;
            loop {
                let q = ListQuery {
                    sort: vec![(col("workflow_name"), desc)],
                    marker: marker.clone(),
                    limit: Some(1),
                    ..ListQuery::default()
                };
                let page = store.list_executions(&q).await.expect("page");
                let Some(last) = page.last() else { break };
                marker = Some(last.execution.id.clone());
                seen.push(last.execution.id.clone());
                assert!(seen.len() <= 4, "paging does not end on {}", backend.name);
            }
            let mut expected = vec!["e1", "e3", "e2", "c1"];
            if desc {
                expected.reverse();
            }
            assert_eq!(seen, expected, "{} desc={desc}", backend.name);
        }
    }
}

#[tokio::test]
async fn tasks_come_with_their_owner_and_actions_filter_by_task() {
    for backend in backends().await {
        let store = &backend.store;
        seed(store).await;
        let q = ListQuery {
            filters: vec![Filter {
                column: task_column("workflow_execution_id").expect("column"),
                op: FilterOp::Eq,
                values: vec!["e1".into()],
            }],
            sort: vec![(task_column("created_at").expect("column"), true)],
            ..ListQuery::default()
        };
        let tasks = store.list_tasks(&q).await.expect("tasks");
        let names: Vec<&str> = tasks.iter().map(|(t, _)| t.name.as_str()).collect();
        assert_eq!(names, ["t2", "t1"], "{}", backend.name);
        assert_eq!(tasks[0].1.workflow_name, "alpha");
        assert_eq!(tasks[0].1.workflow_id, "alpha-id");

        let q = ListQuery {
            filters: vec![Filter {
                column: task_column("workflow_name").expect("column"),
                op: FilterOp::Eq,
                values: vec!["beta".into()],
            }],
            ..ListQuery::default()
        };
        let beta = store.list_tasks(&q).await.expect("beta tasks");
        assert_eq!(beta.len(), 1);
        assert_eq!(beta[0].0.id, "t3");

        let q = ListQuery {
            filters: vec![Filter {
                column: bora_store::queries::action_column("task_execution_id").expect("column"),
                op: FilterOp::Eq,
                values: vec!["t1".into()],
            }],
            ..ListQuery::default()
        };
        let actions = store.list_actions(&q).await.expect("actions");
        assert_eq!(actions.len(), 1);
        assert_eq!(actions[0].id, "a1");
    }
}

#[tokio::test]
async fn deleting_an_execution_takes_its_tree() {
    for backend in backends().await {
        let store = &backend.store;
        seed(store).await;
        store.delete_execution("e1").await.expect("delete");
        let left = store
            .list_executions(&ListQuery::default())
            .await
            .expect("list");
        assert_eq!(ids(&left), ["e2", "e3"], "{}", backend.name);
        assert!(store.list_tasks_of("e1").await.expect("tasks").is_empty());
        assert!(matches!(
            store.get_action("a1").await,
            Err(StoreError::NotFound { .. })
        ));
        assert!(store.get_action("a2").await.is_ok());
        assert!(matches!(
            store.delete_execution("e1").await,
            Err(StoreError::NotFound { .. })
        ));
        store.delete_action("a3").await.expect("delete ad-hoc");
        assert!(store.get_action("a3").await.is_err());
    }
}

#[tokio::test]
async fn details_update_merges_env_and_bumps_the_version() {
    for backend in backends().await {
        let store = &backend.store;
        seed(store).await;
        let env = json!({"k": "v"}).as_object().cloned().unwrap_or_default();
        let updated = store
            .update_execution_details("e2", Some("new"), Some(&env), 99)
            .await
            .expect("update");
        assert_eq!(updated.execution.description, "new");
        assert_eq!(
            updated.execution.params.get("env"),
            Some(&json!({"k": "v"}))
        );
        assert_eq!(updated.execution.updated_at, Some(99));
        assert_eq!(updated.version, 1);
        let again = store
            .update_execution_details("e2", None, None, 100)
            .await
            .expect("update");
        assert_eq!(again.execution.description, "new", "{}", backend.name);
        assert!(matches!(
            store.update_execution_details("nope", None, None, 1).await,
            Err(StoreError::NotFound { .. })
        ));
    }
}

#[tokio::test]
async fn env_merged_into_a_root_reaches_its_open_sub_workflows() {
    for backend in backends().await {
        let store = &backend.store;
        seed(store).await;
        let env = json!({"k": "v"}).as_object().cloned().unwrap_or_default();
        let before = store.get_execution("c1").await.expect("child").version;
        store
            .update_execution_details("e1", None, Some(&env), 50)
            .await
            .expect("update root");
        let child = store.get_execution("c1").await.expect("child");
        assert_eq!(
            child.execution.params.get("env"),
            Some(&json!({"k": "v"})),
            "{}",
            backend.name
        );
        assert_eq!(child.version, before + 1, "{}", backend.name);
        // A sub-workflow's own update stays its own.
        let other = json!({"only": 1}).as_object().cloned().unwrap_or_default();
        store
            .update_execution_details("c1", None, Some(&other), 60)
            .await
            .expect("update child");
        let root = store.get_execution("e1").await.expect("root");
        assert_eq!(root.execution.params.get("env"), Some(&json!({"k": "v"})));
    }
}
