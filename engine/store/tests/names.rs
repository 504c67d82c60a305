//! Names are unique per project, on every backend: two projects hold the
//! same name of each kind of definition (uploaded actions too), each
//! lookup finds the caller's own first, then a public one, and the
//! database itself refuses a name taken twice in one project (migrations
//! 0014 and 0016).

#![allow(clippy::unwrap_used)]

use bora_store::{
    ActionDefinition, CompileState, CronTriggerRecord, EnvironmentRecord, EventTriggerRecord,
    EventTriggerUpdate, NewComponent, ProjectScope, StoreError, WorkbookRecord, WorkflowDefinition,
};
use serde_json::Map;
use sqlx::Executor;

use crate::common;
use common::backends;

fn scope(project: &str) -> ProjectScope {
    ProjectScope::only(project)
}

fn workflow(name: &str, project: &str, public: bool, at: i64) -> (WorkflowDefinition, String) {
    let spec = format!("{{\"name\":\"{name}\",\"project\":\"{project}\"}}");
    let def = WorkflowDefinition {
        id: format!("{project}-{name}"),
        name: name.to_owned(),
        namespace: String::new(),
        definition: format!("version: '2.0'\n{name}: {{}}\n"),
        spec_hash: format!("hash-{project}-{name}"),
        input: String::new(),
        interface: "{}".into(),
        checksum: "c".into(),
        tags: vec![],
        scope: if public { "public" } else { "private" }.into(),
        project_id: project.to_owned(),
        workbook_name: None,
        created_at: at,
        updated_at: None,
    };
    (def, spec)
}

fn is_missing<T: std::fmt::Debug>(answer: &Result<T, StoreError>) -> bool {
    matches!(answer, Err(StoreError::NotFound { .. }))
}

fn is_duplicate<T: std::fmt::Debug>(answer: &Result<T, StoreError>) -> bool {
    matches!(answer, Err(StoreError::Duplicate { .. }))
}

#[tokio::test]
async fn workflow_names_are_per_project_and_the_callers_own_comes_first() {
    for b in backends().await {
        let s = &b.store;
        let (alpha, beta, gamma) = (scope("alpha"), scope("beta"), scope("gamma"));
        // Alpha's is older and public: beta's own still wins for beta.
        s.create_workflows(&[workflow("wf", "alpha", true, 10)])
            .await
            .unwrap();
        s.create_workflows(&[workflow("wf", "beta", false, 20)])
            .await
            .unwrap();
        let again = s
            .create_workflows(&[workflow("wf", "beta", false, 30)])
            .await;
        assert!(is_duplicate(&again), "{}: {again:?}", b.name);

        let id = |lookup| async move { s.get_workflow("wf", "", lookup).await.map(|d| d.id) };
        assert_eq!(id(alpha.read()).await.unwrap(), "alpha-wf", "{}", b.name);
        assert_eq!(id(beta.read()).await.unwrap(), "beta-wf", "{}", b.name);
        assert_eq!(id(gamma.read()).await.unwrap(), "alpha-wf", "{}", b.name);
        assert!(is_missing(&id(gamma.change()).await), "{}", b.name);
        assert_eq!(id(beta.change()).await.unwrap(), "beta-wf", "{}", b.name);
        // An admin asking for every project: its own, then public ones.
        let all = ProjectScope::everything();
        assert_eq!(id(all.read()).await.unwrap(), "alpha-wf", "{}", b.name);

        // Sub-workflows: the execution's project's own, else public.
        let caller = workflow("caller", "beta", false, 40).0.id;
        s.create_workflows(&[workflow("caller", "beta", false, 40)])
            .await
            .unwrap();
        let sub = |project: &'static str| {
            let caller = caller.clone();
            async move {
                s.resolve_subworkflow(&caller, "wf", "", project)
                    .await
                    .unwrap()
                    .map(|(id, _)| id)
            }
        };
        assert_eq!(sub("beta").await.as_deref(), Some("beta-wf"), "{}", b.name);
        assert_eq!(
            sub("gamma").await.as_deref(),
            Some("alpha-wf"),
            "{}",
            b.name
        );

        // Replacing by name touches the project's own only.
        let (mut newer, spec) = workflow("wf", "beta", false, 50);
        newer.definition = "changed".into();
        s.update_workflows(&[(newer, spec)]).await.unwrap();
        let alphas = s.get_workflow("wf", "", alpha.read()).await.unwrap();
        assert_ne!(alphas.definition, "changed", "{}", b.name);

        // Beta deletes its own; alpha's public one is not beta's to delete.
        s.delete_workflow("wf", "", beta.change()).await.unwrap();
        assert_eq!(id(beta.read()).await.unwrap(), "alpha-wf", "{}", b.name);
        let theirs = s.delete_workflow("wf", "", beta.change()).await;
        assert!(is_missing(&theirs), "{}: {theirs:?}", b.name);
        assert_eq!(id(alpha.read()).await.unwrap(), "alpha-wf", "{}", b.name);
        // Another project's private definition is not there at all.
        s.create_workflows(&[workflow("secret", "alpha", false, 60)])
            .await
            .unwrap();
        let hidden = s.get_workflow("secret", "", beta.read()).await;
        assert!(is_missing(&hidden), "{}: {hidden:?}", b.name);
        let secret = s
            .resolve_subworkflow(&caller, "secret", "", "beta")
            .await
            .unwrap();
        assert_eq!(secret, None, "{}", b.name);
    }
}

#[tokio::test]
async fn inside_a_workbook_its_own_sub_workflow_comes_first() {
    for b in backends().await {
        let s = &b.store;
        let (mut caller, spec) = workflow("wb.caller", "beta", false, 10);
        caller.workbook_name = Some("wb".into());
        let caller_id = caller.id.clone();
        s.create_workflows(&[(caller, spec)]).await.unwrap();
        // A plain `wf` in the caller's own project and namespace, and the
        // workbook's `wb.wf`, public, in another project.
        s.create_workflows(&[workflow("wf", "beta", false, 20)])
            .await
            .unwrap();
        let sub = |name: &'static str| {
            let caller = caller_id.clone();
            async move {
                s.resolve_subworkflow(&caller, name, "", "beta")
                    .await
                    .unwrap()
                    .map(|(id, _)| id)
            }
        };
        assert_eq!(sub("wf").await.as_deref(), Some("beta-wf"), "{}", b.name);
        s.create_workflows(&[workflow("wb.wf", "alpha", true, 30)])
            .await
            .unwrap();
        assert_eq!(
            sub("wf").await.as_deref(),
            Some("alpha-wb.wf"),
            "{}",
            b.name
        );
        // The full name works too; a name nobody has finds nothing.
        assert_eq!(
            sub("wb.wf").await.as_deref(),
            Some("alpha-wb.wf"),
            "{}",
            b.name
        );
        assert_eq!(sub("nothing").await, None, "{}", b.name);
    }
}

fn workbook(name: &str, project: &str) -> WorkbookRecord {
    WorkbookRecord {
        id: format!("{project}-{name}"),
        name: name.to_owned(),
        namespace: String::new(),
        definition: format!("name: {name} # {project}"),
        tags: vec![],
        scope: "private".into(),
        project_id: project.to_owned(),
        created_at: 1,
        updated_at: None,
    }
}

#[tokio::test]
async fn workbook_names_are_per_project() {
    for b in backends().await {
        let s = &b.store;
        let (alpha, beta) = (scope("alpha"), scope("beta"));
        for project in ["alpha", "beta"] {
            let (mut def, spec) = workflow("wb.inner", project, false, 1);
            def.workbook_name = Some("wb".into());
            s.put_workbook(&workbook("wb", project), &[(def, spec)], false)
                .await
                .unwrap();
        }
        let again = s.put_workbook(&workbook("wb", "beta"), &[], false).await;
        assert!(is_duplicate(&again), "{}: {again:?}", b.name);
        for (caller, project) in [(&alpha, "alpha"), (&beta, "beta")] {
            let wb = s.get_workbook("wb", "", caller.read()).await.unwrap();
            assert_eq!(wb.project_id, project, "{}", b.name);
            let inner = s.get_workflow("wb.inner", "", caller.read()).await.unwrap();
            assert_eq!(inner.project_id, project, "{}", b.name);
        }
        // Beta's update replaces beta's only.
        let mut changed = workbook("wb", "beta");
        changed.definition = "changed".into();
        s.put_workbook(&changed, &[], true).await.unwrap();
        let alphas = s.get_workbook("wb", "", alpha.read()).await.unwrap();
        assert_eq!(alphas.definition, "name: wb # alpha", "{}", b.name);
        s.delete_workbook("wb", "", beta.change()).await.unwrap();
        assert!(is_missing(&s.get_workbook("wb", "", beta.read()).await));
        assert!(s.get_workbook("wb", "", alpha.read()).await.is_ok());
    }
}

fn action(name: &str, project: &str, public: bool) -> ActionDefinition {
    ActionDefinition {
        id: format!("{project}-{name}"),
        name: name.to_owned(),
        namespace: String::new(),
        definition: format!("{name}: {project}"),
        spec: "{}".into(),
        input: String::new(),
        description: None,
        tags: vec![],
        scope: if public { "public" } else { "private" }.into(),
        project_id: project.to_owned(),
        workbook_name: None,
        created_at: 1,
        updated_at: None,
    }
}

#[tokio::test]
async fn action_names_are_per_project() {
    for b in backends().await {
        let s = &b.store;
        let (alpha, beta, gamma) = (scope("alpha"), scope("beta"), scope("gamma"));
        s.put_action_definitions(&[action("act", "alpha", true)], false)
            .await
            .unwrap();
        s.put_action_definitions(&[action("act", "beta", false)], false)
            .await
            .unwrap();
        let again = s
            .put_action_definitions(&[action("act", "beta", false)], false)
            .await;
        assert!(is_duplicate(&again), "{}: {again:?}", b.name);
        let found = |lookup| async move {
            s.find_action_definition("act", "", lookup)
                .await
                .unwrap()
                .map(|d| d.id)
        };
        assert_eq!(found(beta.read()).await.as_deref(), Some("beta-act"));
        assert_eq!(found(gamma.read()).await.as_deref(), Some("alpha-act"));
        assert_eq!(found(gamma.change()).await, None, "{}", b.name);
        // Beta's replacement leaves alpha's as it was.
        let mut newer = action("act", "beta", false);
        newer.definition = "changed".into();
        s.put_action_definitions(&[newer], true).await.unwrap();
        let alphas = s
            .get_action_definition("act", "", alpha.read())
            .await
            .unwrap();
        assert_eq!(alphas.definition, "act: alpha", "{}", b.name);
        let theirs = s.delete_action_definition("act", "", gamma.change()).await;
        assert!(is_missing(&theirs), "{}: {theirs:?}", b.name);
        s.delete_action_definition("act", "", beta.change())
            .await
            .unwrap();
        assert_eq!(found(beta.read()).await.as_deref(), Some("alpha-act"));
    }
}

fn upload<'a>(project: &'a str, scope: &'a str, digest: &'a str, at: i64) -> NewComponent<'a> {
    NewComponent {
        name: "greet",
        project_id: project,
        scope,
        digest,
        bytes: digest.as_bytes(),
        limits: "{}".into(),
        descriptor: "null".into(),
        created_at: at,
        compile_state: CompileState::Ready,
    }
}

#[tokio::test]
async fn uploaded_action_names_are_per_project() {
    for b in backends().await {
        let s = &b.store;
        let (alpha, beta, gamma) = (scope("alpha"), scope("beta"), scope("gamma"));
        let put = |new: NewComponent<'static>| async move {
            let c = s.put_action_component(&new).await.unwrap();
            (c.project_id, c.version)
        };
        // Versions count per project.
        assert_eq!(
            put(upload("alpha", "public", "d1", 10)).await,
            ("alpha".into(), 1)
        );
        assert_eq!(
            put(upload("beta", "private", "d2", 20)).await,
            ("beta".into(), 1)
        );
        assert_eq!(
            put(upload("alpha", "public", "d3", 30)).await,
            ("alpha".into(), 2)
        );
        let latest = |lookup| async move {
            s.latest_action_component("greet", lookup)
                .await
                .unwrap()
                .map(|c| (c.project_id, c.version, c.digest))
        };
        let mine = |p: &str, v: i64, d: &str| Some((p.to_owned(), v, d.to_owned()));
        // Beta's own wins over alpha's public one (older, and newer too).
        assert_eq!(
            latest(beta.read()).await,
            mine("beta", 1, "d2"),
            "{}",
            b.name
        );
        assert_eq!(latest(gamma.read()).await, mine("alpha", 2, "d3"));
        assert_eq!(latest(alpha.read()).await, mine("alpha", 2, "d3"));
        assert_eq!(latest(gamma.change()).await, None, "{}", b.name);
        // Every project, as with authentication off: public before private.
        let all = ProjectScope::everything();
        assert_eq!(latest(all.read()).await, mine("alpha", 2, "d3"));
        assert!(is_missing(&s.action_component("beta", "greet", 2).await));
        assert_eq!(s.list_action_components().await.unwrap().len(), 3);

        // A private re-upload makes every version of the name private.
        assert_eq!(
            put(upload("alpha", "private", "d1", 40)).await,
            ("alpha".into(), 3)
        );
        assert_eq!(latest(gamma.read()).await, None, "{}", b.name);
        let first = s.action_component("alpha", "greet", 1).await.unwrap();
        assert_eq!(first.scope, "private", "{}", b.name);

        // Deleting is of the caller's own only; alpha's stay.
        let theirs = s.delete_action_component("greet", gamma.change()).await;
        assert!(is_missing(&theirs), "{}: {theirs:?}", b.name);
        let by_beta = s.delete_action_component("greet", beta.change()).await;
        assert_eq!(by_beta.unwrap(), "beta");
        assert_eq!(latest(beta.read()).await, None);
        assert_eq!(latest(alpha.read()).await, mine("alpha", 3, "d1"));
        assert!(
            is_missing(&s.component_bytes("d2").await),
            "beta's bytes go"
        );
        assert_eq!(s.component_bytes("d3").await.unwrap(), b"d3");
        s.delete_action_version("alpha", "greet", 3).await.unwrap();
        assert_eq!(latest(alpha.read()).await, mine("alpha", 2, "d3"));
    }
}

fn environment(name: &str, project: &str) -> EnvironmentRecord {
    EnvironmentRecord {
        id: format!("{project}-{name}"),
        name: name.to_owned(),
        description: Some(project.to_owned()),
        variables: Map::new(),
        scope: "private".into(),
        project_id: project.to_owned(),
        created_at: 1,
        updated_at: None,
    }
}

#[tokio::test]
async fn environment_names_are_per_project() {
    for b in backends().await {
        let s = &b.store;
        let (alpha, beta, gamma) = (scope("alpha"), scope("beta"), scope("gamma"));
        s.create_environment(&environment("env", "alpha"))
            .await
            .unwrap();
        s.create_environment(&environment("env", "beta"))
            .await
            .unwrap();
        let again = s.create_environment(&environment("env", "beta")).await;
        assert!(is_duplicate(&again), "{}: {again:?}", b.name);
        let of = |lookup| async move { s.get_environment("env", lookup).await.map(|e| e.id) };
        assert_eq!(of(alpha.read()).await.unwrap(), "alpha-env");
        assert_eq!(of(beta.read()).await.unwrap(), "beta-env");
        assert!(is_missing(&of(gamma.read()).await), "{}", b.name);
        let updated = s
            .update_environment("env", Some("new"), None, None, 5, beta.change())
            .await
            .unwrap();
        assert_eq!(updated.id, "beta-env");
        let alphas = s.get_environment("env", alpha.read()).await.unwrap();
        assert_eq!(alphas.description.as_deref(), Some("alpha"), "{}", b.name);
        let theirs = s
            .update_environment("env", Some("x"), None, None, 6, gamma.change())
            .await;
        assert!(is_missing(&theirs), "{}: {theirs:?}", b.name);
        s.delete_environment("env", beta.change()).await.unwrap();
        assert!(is_missing(&of(beta.read()).await), "{}", b.name);
        assert!(of(alpha.read()).await.is_ok(), "{}", b.name);
    }
}

fn cron(name: &str, project: &str) -> CronTriggerRecord {
    CronTriggerRecord {
        id: format!("{project}-{name}"),
        name: name.to_owned(),
        pattern: Some("* * * * *".into()),
        first_execution_time: None,
        next_execution_time: 100,
        remaining_executions: None,
        workflow_name: "wf".into(),
        workflow_id: format!("{project}-wf"),
        workflow_namespace: String::new(),
        workflow_input: Map::new(),
        workflow_params: Map::new(),
        scope: "private".into(),
        project_id: project.to_owned(),
        created_at: 1,
        updated_at: None,
    }
}

fn event(name: &str, project: &str) -> EventTriggerRecord {
    EventTriggerRecord {
        id: format!("{project}-{name}"),
        name: name.to_owned(),
        workflow_id: format!("{project}-wf"),
        workflow_name: "wf".into(),
        workflow_namespace: String::new(),
        workflow_input: Map::new(),
        workflow_params: Map::new(),
        exchange: "x".into(),
        topic: "t".into(),
        event: format!("e-{name}"),
        scope: "private".into(),
        project_id: project.to_owned(),
        token_sha256: format!("sha-{project}-{name}"),
        created_at: 1,
        updated_at: None,
    }
}

#[tokio::test]
async fn trigger_names_are_per_project() {
    for b in backends().await {
        let s = &b.store;
        let (alpha, beta) = (scope("alpha"), scope("beta"));
        s.create_cron_trigger(&cron("nightly", "alpha"))
            .await
            .unwrap();
        s.create_cron_trigger(&cron("nightly", "beta"))
            .await
            .unwrap();
        let again = s.create_cron_trigger(&cron("nightly", "beta")).await;
        assert!(is_duplicate(&again), "{}: {again:?}", b.name);
        let cron_of =
            |lookup| async move { s.get_cron_trigger("nightly", lookup).await.map(|t| t.id) };
        assert_eq!(cron_of(alpha.read()).await.unwrap(), "alpha-nightly");
        assert_eq!(cron_of(beta.read()).await.unwrap(), "beta-nightly");
        s.delete_cron_trigger("nightly", beta.change())
            .await
            .unwrap();
        assert!(cron_of(alpha.read()).await.is_ok(), "{}", b.name);

        s.create_event_trigger(&event("on", "alpha")).await.unwrap();
        s.create_event_trigger(&event("on", "beta")).await.unwrap();
        s.create_event_trigger(&event("other", "beta"))
            .await
            .unwrap();
        let again = s.create_event_trigger(&event("on", "beta")).await;
        assert!(is_duplicate(&again), "{}: {again:?}", b.name);
        let rename = |to: &str| EventTriggerUpdate {
            name: Some(to.to_owned()),
            ..EventTriggerUpdate::default()
        };
        // A name taken in the project is refused; another project's is free.
        let taken = s
            .update_event_trigger("other", &rename("on"), 5, beta.change())
            .await;
        assert!(is_duplicate(&taken), "{}: {taken:?}", b.name);
        s.update_event_trigger("on", &rename("other"), 5, alpha.change())
            .await
            .unwrap();
        let got = s.get_event_trigger("on", beta.read()).await.unwrap();
        assert_eq!(got.id, "beta-on", "{}", b.name);
        s.delete_event_trigger("on", beta.change()).await.unwrap();
        let alphas = s.get_event_trigger("other", alpha.read()).await.unwrap();
        assert_eq!(alphas.id, "alpha-on", "{}", b.name);
    }
}

/// The database refuses a name taken twice in one project, whatever the
/// store's own checks do, and takes it in another project.
#[tokio::test]
async fn the_database_keeps_names_unique_per_project() {
    for b in backends().await {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&b.url).await.unwrap();
        let rows = [
            (
                "workflow_definitions",
                "(id, name, namespace, definition, spec_hash, checksum, project_id, created_at) \
                 VALUES ('{id}', 'n', '', 'd', 'h', 'c', '{project}', 1)",
            ),
            (
                "workbooks",
                "(id, name, namespace, definition, project_id, created_at) \
                 VALUES ('{id}', 'n', '', 'd', '{project}', 1)",
            ),
            (
                "action_definitions",
                "(id, name, namespace, definition, spec, project_id, created_at) \
                 VALUES ('{id}', 'n', '', 'd', '{{}}', '{project}', 1)",
            ),
            (
                "environments",
                "(id, name, project_id, created_at) VALUES ('{id}', 'n', '{project}', 1)",
            ),
            (
                "cron_triggers",
                "(id, name, next_execution_time, workflow_name, workflow_id, project_id, \
                 created_at) VALUES ('{id}', 'n', 1, 'w', 'w', '{project}', 1)",
            ),
            (
                "event_triggers",
                "(id, name, workflow_id, workflow_name, exchange, topic, event, project_id, \
                 token_sha256, created_at) \
                 VALUES ('{id}', 'n', 'w', 'w', 'x', 't', '{id}', '{project}', '{id}', 1)",
            ),
        ];
        for (table, values) in rows {
            let insert = |id: &str, project: &str| {
                let values = values
                    .replace("{id}", id)
                    .replace("{project}", project)
                    .replace("{{}}", "{}");
                format!("INSERT INTO {table} {values}")
            };
            pool.execute(insert("a1", "alpha").as_str()).await.unwrap();
            pool.execute(insert("b1", "beta").as_str()).await.unwrap();
            let twice = pool.execute(insert("a2", "alpha").as_str()).await;
            assert!(twice.is_err(), "{}: {table} took a name twice", b.name);
        }
        pool.close().await;
    }
}

/// Every change to workflow definitions moves the definitions' generation,
/// whoever makes it (the store's calls or plain SQL), and a read by name
/// says the generation it was read at, so a commit can tell whether a
/// definition kept in memory may have changed since (migration 0018).
#[tokio::test]
async fn every_change_to_a_definition_moves_the_generation() {
    for b in backends().await {
        let s = &b.store;
        let now = || async {
            let mut tx = s.begin().await.unwrap();
            let generation = tx.definitions_generation().await.unwrap();
            tx.commit().await.unwrap();
            generation
        };
        let mut last = now().await;
        let moved = |what: &str, last: &mut i64, generation: i64| {
            assert!(generation > *last, "{}: {what} did not move it", b.name);
            *last = generation;
        };
        s.create_workflows(&[workflow("wf", "alpha", false, 10)])
            .await
            .unwrap();
        moved("a create", &mut last, now().await);
        let (def, read_at) = s
            .get_workflow_at("wf", "", scope("alpha").read())
            .await
            .unwrap();
        assert_eq!((def.id.as_str(), read_at), ("alpha-wf", last), "{}", b.name);
        s.update_workflows(&[workflow("wf", "alpha", false, 20)])
            .await
            .unwrap();
        moved("an update", &mut last, now().await);
        assert!(read_at < last, "{}", b.name);
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(&b.url).await.unwrap();
        pool.execute("UPDATE workflow_definitions SET scope = 'public'")
            .await
            .unwrap();
        pool.close().await;
        moved("an UPDATE in SQL", &mut last, now().await);
        s.delete_workflow("wf", "", scope("alpha").change())
            .await
            .unwrap();
        moved("a delete", &mut last, now().await);
        // Other tables leave it where it is.
        s.create_environment(&environment("env", "alpha"))
            .await
            .unwrap();
        assert_eq!(now().await, last, "{}", b.name);
    }
}
