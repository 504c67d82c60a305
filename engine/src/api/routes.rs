//! The routes of the API, each registered from its handler's
//! `#[utoipa::path]` annotation: the router and its OpenAPI document come
//! from the same list, so they cannot disagree.

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::get;
use utoipa::OpenApi;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use super::openapi::{self, ApiDoc};
use super::{
    ApiState, action_complete, action_executions, action_output, actions, cron_triggers, dashboard,
    environments, event_triggers, events, executions, graph, health, root, tasks, validate,
    workbooks, workflows,
};

/// The routes matched after a trailing slash is trimmed, before state.
fn described() -> OpenApiRouter<ApiState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .routes(routes!(health::health))
        .routes(routes!(health::ready))
        .routes(routes!(crate::telemetry::http::metrics_text))
        .routes(routes!(openapi::serve))
        .routes(routes!(events::stream))
        .routes(routes!(validate::workflows))
        .routes(routes!(validate::workbook))
        .routes(routes!(validate::actions))
        .routes(routes!(
            workbooks::list,
            workbooks::create,
            workbooks::update
        ))
        .routes(routes!(workbooks::get_one, workbooks::delete))
        .routes(routes!(
            workflows::list,
            workflows::create,
            workflows::update
        ))
        .routes(routes!(workflows::get_one, workflows::delete))
        .routes(routes!(executions::list, executions::create))
        .routes(routes!(
            executions::get_one,
            executions::update,
            executions::delete
        ))
        .routes(routes!(executions::tasks))
        .routes(routes!(executions::report))
        .routes(routes!(executions::executions_tree))
        .routes(routes!(graph::get))
        .routes(routes!(tasks::list))
        .routes(routes!(tasks::get_one, tasks::update))
        .routes(routes!(executions::task_executions_tree))
        .routes(routes!(tasks::action_executions))
        .routes(routes!(tasks::action_execution))
        .routes(routes!(tasks::workflow_executions))
        .routes(routes!(action_output::logs))
        .routes(routes!(action_executions::list, action_executions::create))
        .routes(routes!(
            action_executions::get_one,
            action_complete::update,
            action_executions::delete
        ))
        .routes(routes!(
            environments::list,
            environments::create,
            environments::update
        ))
        .routes(routes!(environments::get_one, environments::delete))
        .routes(routes!(cron_triggers::list, cron_triggers::create))
        .routes(routes!(cron_triggers::get_one, cron_triggers::delete))
        .routes(routes!(event_triggers::list, event_triggers::create))
        .routes(routes!(
            event_triggers::get_one,
            event_triggers::update,
            event_triggers::delete
        ))
        .routes(routes!(event_triggers::post_event))
        .routes(
            // Uploaded components are bigger than the request limit.
            routes!(actions::list, actions::create, actions::update)
                .layer(DefaultBodyLimit::max(actions::MAX_UPLOAD_BYTES)),
        )
        .routes(routes!(actions::get_one, actions::delete))
        .routes(routes!(
            actions::get_in_namespace,
            actions::delete_in_namespace
        ))
}

/// The routes matched as they come: `/v2` (a redirect) and `/v2/`.
pub(super) fn outer() -> OpenApiRouter {
    OpenApiRouter::new()
        .routes(routes!(root::v2))
        .route("/v2", get(root::redirect_v2))
}

/// The whole document: the described routes and the outer ones.
pub(super) fn document() -> utoipa::openapi::OpenApi {
    let mut document = described().into_openapi();
    document.merge(outer().into_openapi());
    document
}

/// The described routes with their state, the dashboard beside them, and
/// the whole document.
pub(super) fn api(state: ApiState) -> (Router, utoipa::openapi::OpenApi) {
    let (router, _) = described()
        .merge(OpenApiRouter::from(dashboard::routes()))
        .merge(OpenApiRouter::from(super::auth::routes()))
        .merge(OpenApiRouter::from(super::keystone::routes()))
        .with_state(state)
        .split_for_parts();
    (router, document())
}
