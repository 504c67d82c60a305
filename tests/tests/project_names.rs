//! Names are unique per project, on a real `bora serve --auth tokens`
//! (SQLite, and PostgreSQL when `BORA_TEST_POSTGRES_URL` is set): two
//! projects hold the same name of every kind of named object. Each
//! creates, reads, changes, deletes, runs and calls its own (sub-workflows,
//! ad-hoc actions, environments, workbooks, cron and event triggers); the
//! other's stays as it was. A public definition of another project is what
//! a name means only to a project without one of its own. An admin asking
//! for all projects sees both.

use crate::pg;

use std::time::{Duration, Instant};

use crate::process_support::{As, Server, free_port, new_token, request_with};
use serde_json::{Value, json};

/// The same workflow names in every project; what they give says whose
/// they are (`wf`) and whose action and environment they met (`who`).
fn workflows(project: &str) -> String {
    format!(
        "---
version: '2.0'
wf1:
  output:
    who: <% $.who %>
    wf: {project}
  tasks:
    hello:
      action: act
      publish:
        who: <% task().result %>
parent:
  output:
    who: <% $.who %>
    wf: <% $.wf %>
  tasks:
    call:
      workflow: wf1
      publish:
        who: <% task().result.who %>
        wf: <% task().result.wf %>
with_env:
  output:
    who: <% env().who %>
  tasks:
    t:
      action: std.noop
"
    )
}

fn actions(project: &str) -> String {
    format!(
        "---
version: '2.0'
act:
  base: std.echo
  base-input:
    output: {project}-act
"
    )
}

fn workbook(project: &str) -> String {
    format!(
        "---
version: '2.0'
name: wb
description: {project}
workflows:
  inner:
    output:
      who: {project}-wb
    tasks:
      t:
        action: std.noop
"
    )
}

/// A workflow `shared` whose output says whose it is.
fn shared(project: &str) -> String {
    format!(
        "---
version: '2.0'
shared:
  output:
    who: {project}
  tasks:
    t:
      action: std.noop
"
    )
}

const CALLS_SHARED: &str = "---
version: '2.0'
calls_shared:
  output:
    who: <% $.who %>
  tasks:
    call:
      workflow: shared
      publish:
        who: <% task().result.who %>
";

/// What a project made that its checks need.
struct Made {
    wf1: String,
    event_token: String,
}

/// Everything named, under the same names in every project: each
/// creation is a 201, whoever holds the name elsewhere.
fn make(caller: &As, project: &str) -> Made {
    caller.made(caller.yaml("POST", "/v2/actions", &actions(project)));
    let defs = caller.made(caller.yaml("POST", "/v2/workflows", &workflows(project)));
    let wf1 = defs["workflows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["name"] == "wf1")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    caller.made(caller.yaml("POST", "/v2/workbooks", &workbook(project)));
    caller.made(caller.json(
        "POST",
        "/v2/environments",
        &json!({"name": "env1", "variables": {"who": format!("{project}-env")}}),
    ));
    caller.made(caller.json(
        "POST",
        "/v2/cron_triggers",
        &json!({"name": "cron1", "workflow_name": "wf1", "pattern": "0 0 1 1 *"}),
    ));
    // The workflow by name: the project's own.
    let trigger = caller.made(caller.json(
        "POST",
        "/v2/event_triggers",
        &json!({"name": "ev1", "workflow_id": "wf1", "exchange": "x", "topic": "t",
                "event": "e"}),
    ));
    Made {
        wf1,
        event_token: trigger["token"].as_str().unwrap().to_owned(),
    }
}

/// The output of execution `id` once it succeeded.
fn output_of(caller: &As, id: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let now = caller.get(&format!("/v2/executions/{id}")).1;
        match now["state"].as_str() {
            Some("SUCCESS") => {
                return serde_json::from_str(now["output"].as_str().unwrap()).unwrap();
            }
            Some("ERROR" | "CANCELLED") => panic!("execution {id} failed: {now}"),
            _ => {}
        }
        assert!(Instant::now() < deadline, "execution {id} did not finish");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Runs `workflow` as `caller`; its output.
fn run(caller: &As, workflow: &str, params: Value) -> Value {
    let started = caller.made(caller.json(
        "POST",
        "/v2/executions",
        &json!({"workflow_name": workflow, "params": params}),
    ));
    output_of(caller, started["id"].as_str().unwrap())
}

/// What running the ad-hoc action `act` directly gives `caller`.
fn run_act(caller: &As) -> String {
    let (status, ran) = caller.json(
        "POST",
        "/v2/action_executions",
        &json!({"name": "act", "params": {"run_sync": true}}),
    );
    assert!(matches!(status, 200 | 201), "{ran}");
    ran["output"].as_str().unwrap().to_owned()
}

/// Each project reads and runs its own under the shared names.
fn each_reads_and_runs_its_own(caller: &As, project: &str, made: &Made) {
    let wf = caller.get("/v2/workflows/wf1").1;
    assert_eq!(wf["project_id"], project, "{wf}");
    assert_eq!(wf["id"], made.wf1.as_str());
    let wb = caller.get("/v2/workbooks/wb").1;
    assert_eq!(wb["project_id"], project, "{wb}");
    let act = caller.get("/v2/actions/act").1;
    assert!(
        act["definition"]
            .as_str()
            .unwrap()
            .contains(&format!("{project}-act"))
    );
    let env = caller.get("/v2/environments/env1").1;
    assert!(
        env["variables"]
            .as_str()
            .unwrap()
            .contains(&format!("{project}-env"))
    );
    for path in ["/v2/cron_triggers/cron1", "/v2/event_triggers/ev1"] {
        let trigger = caller.get(path).1;
        assert_eq!(trigger["project_id"], project, "{path}: {trigger}");
        assert_eq!(
            trigger["workflow_id"],
            made.wf1.as_str(),
            "{path}: {trigger}"
        );
    }

    let act_says = format!("{project}-act");
    let own = json!({"who": act_says, "wf": project});
    assert_eq!(run(caller, "wf1", json!({})), own, "wf1 of {project}");
    assert_eq!(run(caller, "parent", json!({})), own, "its sub-workflow");
    assert_eq!(
        run(caller, "with_env", json!({"env": "env1"})),
        json!({"who": format!("{project}-env")})
    );
    assert_eq!(
        run(caller, "wb.inner", json!({})),
        json!({"who": format!("{project}-wb")})
    );
    assert!(run_act(caller).contains(&act_says), "act of {project}");
}

/// An admin asking for every project sees both projects' of each name.
fn admin_sees_both(admin: &As) {
    for (path, key, name) in [
        ("/v2/workflows", "workflows", "wf1"),
        ("/v2/workbooks", "workbooks", "wb"),
        ("/v2/actions", "actions", "act"),
        ("/v2/environments", "environments", "env1"),
        ("/v2/cron_triggers", "cron_triggers", "cron1"),
        ("/v2/event_triggers", "event_triggers", "ev1"),
    ] {
        let listed = admin.get(&format!("{path}?all_projects=true")).1;
        let mut projects: Vec<&str> = listed[key]
            .as_array()
            .unwrap_or_else(|| panic!("{path}: {listed}"))
            .iter()
            .filter(|item| item["name"] == name)
            .map(|item| item["project_id"].as_str().unwrap_or("(none)"))
            .collect();
        projects.sort_unstable();
        assert_eq!(projects, ["alpha", "beta"], "{path}: {listed}");
    }
}

/// Makes every trigger named `cron1` due now, behind the server's back.
fn make_cron_due(database: &str) {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap();
    let due = i64::try_from(now.as_micros()).unwrap() - 1_000_000;
    let runtime = tokio::runtime::Runtime::new().unwrap();
    runtime.block_on(async {
        sqlx::any::install_default_drivers();
        let pool = sqlx::AnyPool::connect(database).await.unwrap();
        sqlx::query("UPDATE cron_triggers SET next_execution_time = $1 WHERE name = 'cron1'")
            .bind(due)
            .execute(&pool)
            .await
            .unwrap();
        pool.close().await;
    });
}

/// The id of `caller`'s execution whose description has `marker`.
fn started_by(caller: &As, marker: &str) -> String {
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let listed = caller.get("/v2/executions").1;
        let found = listed["executions"].as_array().unwrap().iter().find(|e| {
            e["description"]
                .as_str()
                .is_some_and(|d| d.contains(marker))
        });
        if let Some(execution) = found {
            return execution["id"].as_str().unwrap().to_owned();
        }
        assert!(
            Instant::now() < deadline,
            "no execution by {marker}: {listed}"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
}

/// Cron and event triggers of the same name start their own project's
/// workflow, as their own project.
fn triggers_start_their_projects_workflows(callers: [(&As, &str, &Made); 2], database: &str) {
    make_cron_due(database);
    // A new trigger wakes the node's cron loop, which then sees the others due.
    let (alpha, _, _) = callers[0];
    alpha.made(alpha.json(
        "POST",
        "/v2/cron_triggers",
        &json!({"name": "waker", "workflow_name": "with_env", "pattern": "0 0 1 1 *"}),
    ));
    for (caller, project, made) in callers {
        let id = started_by(caller, "cron trigger");
        let started = caller.get(&format!("/v2/executions/{id}")).1;
        assert_eq!(started["workflow_id"], made.wf1.as_str(), "{started}");
        assert_eq!(started["project_id"], project, "{started}");
        assert_eq!(output_of(caller, &id)["wf"], project);

        let (status, _, fired) = request_with(
            caller.0,
            "POST",
            "/v2/events/x/t",
            &[("X-Event-Token", &made.event_token)],
            Some(("application/json", br#"{"event_type": "e"}"#)),
        );
        assert_eq!(status, 201, "{fired}");
        let id = fired["executions"][0]["id"].as_str().unwrap();
        assert_eq!(output_of(caller, id)["wf"], project, "{fired}");
    }
}

/// Another project's public definition is what a name means only to a
/// project without one of its own.
fn own_comes_before_public(alpha: &As, beta: &As, gamma: &As) {
    alpha.made(alpha.yaml("POST", "/v2/workflows?scope=public", &shared("alpha")));
    beta.made(beta.yaml("POST", "/v2/workflows", &shared("beta")));
    for caller in [beta, gamma] {
        caller.made(caller.yaml("POST", "/v2/workflows", CALLS_SHARED));
    }
    gamma.made(gamma.yaml("POST", "/v2/workflows", &workflows("gamma")));
    assert_eq!(gamma.get("/v2/workflows/shared").1["project_id"], "alpha");
    assert_eq!(beta.get("/v2/workflows/shared").1["project_id"], "beta");
    for (caller, whose) in [(gamma, "alpha"), (beta, "beta")] {
        assert_eq!(run(caller, "shared", json!({}))["who"], whose);
        assert_eq!(run(caller, "calls_shared", json!({}))["who"], whose);
    }
    // Environments and ad-hoc actions alike, by the API and at run time.
    let (status, body) = alpha.json(
        "PUT",
        "/v2/environments",
        &json!({"name": "env1", "scope": "public"}),
    );
    assert_eq!(status, 200, "{body}");
    let (status, body) = alpha.yaml("PUT", "/v2/actions?scope=public", &actions("alpha"));
    assert_eq!(status, 200, "{body}");
    for (caller, whose) in [(gamma, "alpha"), (beta, "beta")] {
        assert_eq!(caller.get("/v2/actions/act").1["project_id"], whose);
        assert_eq!(caller.get("/v2/environments/env1").1["project_id"], whose);
        let env = run(caller, "with_env", json!({"env": "env1"}));
        assert_eq!(env["who"], format!("{whose}-env"));
        assert!(run_act(caller).contains(&format!("{whose}-act")));
    }
    // Gamma's own workflow calls alpha's public action.
    let gammas = run(gamma, "parent", json!({}));
    assert_eq!(gammas, json!({"who": "alpha-act", "wf": "gamma"}));

    // Beta's own gone, the name means alpha's public one, which is not
    // beta's to delete.
    assert_eq!(beta.call("DELETE", "/v2/workflows/shared", None).0, 204);
    assert_eq!(beta.get("/v2/workflows/shared").1["project_id"], "alpha");
    assert_eq!(run(beta, "calls_shared", json!({}))["who"], "alpha");
    let (status, body) = beta.call("DELETE", "/v2/workflows/shared", None);
    assert_eq!(status, 403, "{body}");
    assert_eq!(alpha.get("/v2/workflows/shared").0, 200);
}

/// Beta changes and deletes its own of each name; alpha's stay as they are.
fn changes_stay_in_their_project(alpha: &As, beta: &As) {
    for (path, text) in [
        ("/v2/workflows", workflows("beta2")),
        ("/v2/actions", actions("beta2")),
        ("/v2/workbooks", workbook("beta2")),
    ] {
        let (status, body) = beta.yaml("PUT", path, &text);
        assert_eq!(status, 200, "PUT {path}: {body}");
    }
    let env = json!({"name": "env1", "variables": {"who": "beta2-env"}});
    assert_eq!(beta.json("PUT", "/v2/environments", &env).0, 200);
    let renamed = beta.json("PUT", "/v2/event_triggers/ev1", &json!({"name": "ev2"}));
    assert_eq!(renamed.0, 200, "{}", renamed.1);
    assert_eq!(run(beta, "parent", json!({}))["wf"], "beta2");
    for path in [
        "/v2/cron_triggers/cron1",
        "/v2/event_triggers/ev2",
        "/v2/environments/env1",
        "/v2/actions/act",
        "/v2/workbooks/wb",
        "/v2/workflows/parent",
    ] {
        let (status, body) = beta.call("DELETE", path, None);
        assert_eq!(status, 204, "DELETE {path}: {body}");
        // Gone, or the name now means alpha's public one.
        let (status, body) = beta.get(path);
        assert!(
            status == 404 || body["project_id"] == "alpha",
            "{path} for beta after its deletion: {status} {body}"
        );
    }
    // Alpha's, untouched.
    assert_eq!(alpha.get("/v2/event_triggers/ev1").0, 200);
    assert_eq!(alpha.get("/v2/cron_triggers/cron1").0, 200);
    assert!(
        alpha.get("/v2/workbooks/wb").1["definition"]
            .as_str()
            .unwrap()
            .contains("description: alpha")
    );
    let own = json!({"who": "alpha-act", "wf": "alpha"});
    assert_eq!(run(alpha, "parent", json!({})), own);
    assert_eq!(
        run(alpha, "with_env", json!({"env": "env1"}))["who"],
        "alpha-env"
    );
}

#[test]
fn two_projects_hold_the_same_names() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let pg = runtime.block_on(pg::TempPostgres::create("bora_names"));
    let mut databases = vec![format!(
        "sqlite://{}",
        dir.path().join("bora.sqlite").display()
    )];
    databases.extend(pg.as_ref().map(|pg| pg.url.clone()));
    for database in &databases {
        let token = |project, admin| new_token(database, project, admin).1;
        let tokens = [
            token("alpha", false),
            token("beta", false),
            token("gamma", false),
            token("ops", true),
        ];
        let server = Server::start(
            free_port(),
            database,
            &["--auth", "tokens"],
            &dir.path().join("serve.log"),
        );
        let [alpha, beta, gamma, admin] = tokens.each_ref().map(|t| As(server.port, t));
        let made_alpha = make(&alpha, "alpha");
        let made_beta = make(&beta, "beta");
        each_reads_and_runs_its_own(&alpha, "alpha", &made_alpha);
        each_reads_and_runs_its_own(&beta, "beta", &made_beta);
        admin_sees_both(&admin);
        let callers = [(&alpha, "alpha", &made_alpha), (&beta, "beta", &made_beta)];
        triggers_start_their_projects_workflows(callers, database);
        own_comes_before_public(&alpha, &beta, &gamma);
        changes_stay_in_their_project(&alpha, &beta);
        drop(server);
    }
    drop(pg);
}
