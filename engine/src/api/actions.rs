//! `/v2/actions`: the actions the runtime has loaded (Bora's std actions and
//! any registered components), with Mistral's `input` strings.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{ListParams, base_url, reply};
use super::{ApiState, Pairs};
use crate::runtime::Descriptor;

const FIELDS: &[&str] = &[
    "id",
    "name",
    "is_system",
    "input",
    "description",
    "tags",
    "definition",
    "scope",
    "project_id",
    "created_at",
    "updated_at",
    "namespace",
];

fn to_wire(name: &str, d: &Descriptor) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), name.into());
    m.insert("name".into(), name.into());
    m.insert("is_system".into(), false.into());
    m.insert("input".into(), d.input_spec().into());
    m.insert("description".into(), d.description.clone().into());
    m.insert("tags".into(), Value::Null);
    m.insert("definition".into(), "".into());
    m.insert("scope".into(), Value::Null);
    m.insert("project_id".into(), Value::Null);
    m.insert("created_at".into(), "".into());
    m.insert("updated_at".into(), "".into());
    m.insert("namespace".into(), "".into());
    m
}

pub async fn list(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse(pairs, "name")?;
    params.check_fields(FIELDS)?;
    let all: Vec<Map<String, Value>> = state
        .runtime
        .list()
        .iter()
        .filter_map(|name| state.runtime.describe(name).map(|d| to_wire(name, &d)))
        .collect();
    let page = params.page_in_memory(
        all,
        &[
            "name",
            "is_system",
            "input",
            "description",
            "scope",
            "namespace",
            "created_at",
            "updated_at",
        ],
        "name",
    )?;
    let body = params.page(&base_url(&headers), "actions", "actions", page);
    Ok(reply(StatusCode::OK, &body))
}

fn one(state: &ApiState, name: &str, namespace: &str) -> Result<Response, ApiError> {
    match state.runtime.describe(name) {
        Some(d) if namespace.is_empty() => {
            Ok(reply(StatusCode::OK, &Value::Object(to_wire(name, &d))))
        }
        _ => Err(ApiError::not_found(format!(
            "Action not found [name={name}, namespace={namespace}]"
        ))),
    }
}

pub async fn get_one(
    State(state): State<ApiState>,
    Path(name): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let namespace = pairs
        .iter()
        .find(|(k, _)| k == "namespace")
        .map(|(_, v)| v.clone())
        .unwrap_or_default();
    one(&state, &name, &namespace)
}

pub async fn get_in_namespace(
    State(state): State<ApiState>,
    Path((name, namespace)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    one(&state, &name, &namespace)
}
