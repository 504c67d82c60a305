//! Projects over the API: what a caller sees and may change.
//!
//! With authentication on, a token belongs to a project. Its caller sees
//! its project's executions, tasks and action executions, and its
//! project's definitions plus the public ones (`scope: public`, readable
//! and runnable by all, changed only by their own project). An admin token
//! sees every project with Mistral's `all_projects=true`. Another
//! project's private object answers 404, as one that does not exist.
//!
//! One check covers every route that names an object in its path: [`guard`]
//! resolves the object from the matched route and refuses it before the
//! handler runs, so a new route under `/v2/executions/{id}` is covered
//! without a line of its own. Lists are filtered by their handlers with
//! the caller's [`Scope`]; creations are stamped with its project.

use axum::extract::{FromRequestParts, MatchedPath, Query, RawPathParams, Request, State};
use axum::http::request::Parts;
use axum::http::{Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use bora_store::{Owned, ProjectScope, StoreError};

use super::ApiError;
use super::auth::Caller;
use crate::service::{ActionEntry, Service, ServiceError, as_project};

/// The caller's [`ProjectScope`]: every project when authentication is
/// off; else its token's project, or every project for an admin asking
/// with `all_projects=true`.
pub struct Scope(pub ProjectScope);

impl<S: Send + Sync> FromRequestParts<S> for Scope {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        scope_of(parts.extensions.get::<Caller>(), &parts.uri).map(Scope)
    }
}

/// What `caller` (none: authentication is off) sees, given the query.
fn scope_of(caller: Option<&Caller>, uri: &Uri) -> Result<ProjectScope, ApiError> {
    let Some(caller) = caller else {
        return Ok(ProjectScope::everything());
    };
    let all = query_value(uri, "all_projects")
        .is_some_and(|v| matches!(v.to_ascii_lowercase().as_str(), "true" | "1" | "yes"));
    if all && !caller.admin {
        return Err(ApiError::client(
            StatusCode::FORBIDDEN,
            "all_projects=true needs an admin token",
        ));
    }
    Ok(ProjectScope {
        project: caller.project.clone(),
        all,
    })
}

/// The first value of `key` in the query string.
fn query_value(uri: &Uri, key: &str) -> Option<String> {
    let Query(pairs) = Query::<Vec<(String, String)>>::try_from_uri(uri).ok()?;
    pairs.into_iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// An object a route names in its path.
#[derive(Debug, PartialEq, Eq)]
enum Target {
    /// An execution, a task or an action execution, by id.
    Run(Owned, String),
    Workflow(String, String),
    Workbook(String, String),
    /// An ad-hoc or uploaded action (standard actions are everyone's).
    Action(String, String),
    Environment(String),
    CronTrigger(String),
    EventTrigger(String),
}

/// The object the matched route `template` names, from its path
/// parameters and query (`namespace`).
fn target(template: &str, params: &[(&str, &str)], uri: &Uri) -> Option<Target> {
    let param = |name: &str| {
        params
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    };
    let namespace = || query_value(uri, "namespace").unwrap_or_default();
    let mut parts = template.trim_start_matches("/v2/").split('/');
    let collection = parts.next()?;
    parts.next()?;
    Some(match collection {
        "executions" => Target::Run(Owned::Execution, param("id")?),
        "tasks" => Target::Run(Owned::Task, param("id")?),
        "action_executions" => Target::Run(Owned::Action, param("id")?),
        "workflows" => Target::Workflow(param("id")?, namespace()),
        "workbooks" => Target::Workbook(param("name")?, namespace()),
        "actions" => {
            let namespace = param("namespace").unwrap_or_else(namespace);
            Target::Action(param("name")?, namespace)
        }
        "environments" => Target::Environment(param("name")?),
        "cron_triggers" => Target::CronTrigger(param("name")?),
        "event_triggers" => Target::EventTrigger(param("id")?),
        _ => return None,
    })
}

/// Refuses a request naming an object the caller may not see (404) or,
/// for a change, another project's public definition (403).
pub(super) async fn guard(
    State(service): State<Service>,
    request: Request,
    next: Next,
) -> Response {
    let scope = match scope_of(request.extensions().get::<Caller>(), request.uri()) {
        Ok(scope) => scope,
        Err(refused) => return refused.into_response(),
    };
    let project = scope.project.clone();
    if scope.all {
        return as_project(project, next.run(request)).await;
    }
    let (mut parts, body) = request.into_parts();
    let template = parts.extensions.get::<MatchedPath>().cloned();
    let params = RawPathParams::from_request_parts(&mut parts, &()).await;
    let request = Request::from_parts(parts, body);
    let named = match (&template, &params) {
        (Some(template), Ok(params)) => {
            let params: Vec<(&str, &str)> = params.iter().collect();
            target(template.as_str(), &params, request.uri())
        }
        _ => None,
    };
    if let Some(target) = named {
        let change = !matches!(*request.method(), Method::GET | Method::HEAD);
        if let Err(refused) = allowed(&service, &scope, &target, change).await {
            return refused.into_response();
        }
    }
    as_project(project, next.run(request)).await
}

/// Whether `scope` may read (or, with `change`, change) `target`, the
/// definition a name means to it (its own, else a public one; names are
/// unique per project). An object that does not exist passes: the handler
/// answers its own 404.
async fn allowed(
    service: &Service,
    scope: &ProjectScope,
    target: &Target,
    change: bool,
) -> Result<(), ApiError> {
    let lookup = if change { scope.change() } else { scope.read() };
    let owner = |project: &str, public: &str| -> Result<(), ApiError> {
        if lookup.admits(project, public) {
            return Ok(());
        }
        // Readable by the caller (it found it), not its to change.
        if public == "public" {
            return Err(ApiError::client(
                StatusCode::FORBIDDEN,
                "This definition is public but belongs to another project: only that project may change it",
            ));
        }
        Err(hidden(target))
    };
    let absent = |err: &ServiceError| matches!(err, ServiceError::NotFound(_));
    match target {
        Target::Run(kind, id) => match service.project_of(*kind, id).await? {
            Some(project) => owner(&project, "private"),
            None => Ok(()),
        },
        Target::Workflow(id, namespace) => match service.get_workflow(id, namespace, scope).await {
            Ok(def) => owner(&def.project_id, &def.scope),
            Err(err) if absent(&err) => Ok(()),
            Err(err) => Err(err.into()),
        },
        Target::Workbook(name, namespace) => {
            match service.get_workbook(name, namespace, scope).await {
                Ok(wb) => owner(&wb.project_id, &wb.scope),
                Err(err) if absent(&err) => Ok(()),
                Err(err) => Err(err.into()),
            }
        }
        Target::Action(name, namespace) => {
            match service.get_action_entry(name, namespace, scope).await {
                Ok(ActionEntry::Adhoc(def)) => owner(&def.project_id, &def.scope),
                Ok(ActionEntry::Uploaded(c)) => owner(&c.project_id, &c.scope),
                Ok(ActionEntry::Standard { .. }) => Ok(()),
                Err(err) if absent(&err) => Ok(()),
                Err(err) => Err(err.into()),
            }
        }
        Target::Environment(name) => match service.get_environment(name, scope).await {
            Ok(env) => owner(&env.project_id, &env.scope),
            Err(err) if absent(&err) => Ok(()),
            Err(err) => Err(err.into()),
        },
        Target::CronTrigger(name) => match service.get_cron_trigger(name, scope).await {
            Ok(trigger) => owner(&trigger.project_id, &trigger.scope),
            Err(err) if absent(&err) => Ok(()),
            Err(err) => Err(err.into()),
        },
        Target::EventTrigger(key) => match service.get_event_trigger(key, scope).await {
            Ok(trigger) => owner(&trigger.project_id, &trigger.scope),
            Err(err) if absent(&err) => Ok(()),
            Err(err) => Err(err.into()),
        },
    }
}

/// The 404 of an object another project owns: the words of one that does
/// not exist.
fn hidden(target: &Target) -> ApiError {
    let (kind, key) = match target {
        Target::Run(Owned::Execution, id) => ("WorkflowExecution", format!("id={id}")),
        Target::Run(Owned::Task, id) => ("Task execution", format!("id={id}")),
        Target::Run(Owned::Action, id) => ("ActionExecution", format!("id={id}")),
        Target::Workflow(id, ns) => (
            "Workflow",
            format!("workflow_identifier={id}, namespace={ns}"),
        ),
        Target::Workbook(name, ns) => ("Workbook", format!("name={name}, namespace={ns}")),
        Target::Action(name, ns) => ("Action", format!("name={name}, namespace={ns}")),
        Target::Environment(name) => ("Environment", format!("name={name}")),
        Target::CronTrigger(key) => ("Cron trigger", format!("identifier={key}")),
        Target::EventTrigger(key) => ("Event trigger", format!("identifier={key}")),
    };
    ServiceError::from(StoreError::NotFound { kind, key }).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(query: &str) -> Uri {
        format!("/v2/x{query}").parse().unwrap_or_default()
    }

    #[test]
    fn routes_name_their_objects() {
        let id = [("id", "x")];
        assert_eq!(
            target("/v2/executions/{id}/report", &id, &uri("")),
            Some(Target::Run(Owned::Execution, "x".into()))
        );
        assert_eq!(
            target(
                "/v2/tasks/{id}/action_executions/{action_id}",
                &id,
                &uri("")
            ),
            Some(Target::Run(Owned::Task, "x".into()))
        );
        assert_eq!(
            target("/v2/workflows/{id}", &id, &uri("?namespace=n")),
            Some(Target::Workflow("x".into(), "n".into()))
        );
        assert_eq!(
            target(
                "/v2/actions/{name}/{namespace}",
                &[("name", "a"), ("namespace", "n")],
                &uri("")
            ),
            Some(Target::Action("a".into(), "n".into()))
        );
        assert_eq!(target("/v2/executions", &[], &uri("")), None);
        assert_eq!(target("/v2/workflows/validate", &[], &uri("")), None);
    }

    #[test]
    fn all_projects_is_for_admins() {
        let caller = |admin| Caller {
            token_id: "t".into(),
            project: "p".into(),
            admin,
        };
        let all = uri("?all_projects=true");
        assert!(scope_of(None, &uri("")).is_ok_and(|s| s.all));
        assert!(scope_of(Some(&caller(false)), &all).is_err());
        assert!(scope_of(Some(&caller(true)), &all).is_ok_and(|s| s.all));
        assert!(scope_of(Some(&caller(true)), &uri("")).is_ok_and(|s| !s.all && s.project == "p"));
    }
}
