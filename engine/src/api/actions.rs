//! `/v2/actions`: the standard actions, ad-hoc actions (Mistral's YAML
//! action lists) and uploaded wasm components, listed together in
//! Mistral's shape.
//!
//! - `POST`/`PUT` with a YAML body create/replace ad-hoc actions
//!   (`?namespace=&scope=`), answering `{"actions": [...]}`.
//! - `POST`/`PUT` with `Content-Type: application/wasm` (or
//!   `application/octet-stream`, or `multipart/form-data` with a `file`
//!   part) and `?name=` upload a component as the next version of that
//!   name in the caller's project; `?scope=public` lets every project
//!   read and run it (each upload sets the scope of all its versions).
//!   Limits: `?fuel=`, `?memory=` (bytes), `?timeout=` (seconds),
//!   `?allowed_hosts=a,b` (or repeated `allow_host=`); capabilities:
//!   `?grant=ssh` (the `ssh` import of std.ssh); `?instances=warm` lets a
//!   call run in the instance of the previous call of the same version for
//!   the same project instead of a fresh one (`fresh`, the default: see
//!   the runtime's `warm` module for what is kept); a limit above the
//!   server's ceiling (`--max-fuel`, `--max-memory`, `--max-action-timeout`)
//!   is a 400 naming it and its flag. The component is compiled in the
//!   background, once (the code is kept in the store for every node); the
//!   request waits up to `?wait=` seconds (default 10) for that: a
//!   component that does not fit the `bora:action` world by then is a 400
//!   naming what does not fit, otherwise the version is listed with its
//!   `compile_state` (`compiling`, `ready`, or `error` with `compile_error`).
//! - `DELETE /v2/actions/{name}` deletes an ad-hoc action or every version
//!   of an upload of the caller's project; standard actions cannot be
//!   deleted.

use std::time::Duration;

use super::openapi as doc;
use super::projects::Scope;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bora_store::{ActionComponent, ActionDefinition, ProjectScope};
use serde_json::{Map, Value};

use super::error::ApiError;
use super::wire::{
    ListParams, body_text, check_accept, namespace_of, opt_time, query_value, reply, text_reply,
    time, upload_params,
};
use super::{ApiState, Pairs};
use crate::actions::definitions::Upload;
use crate::actions::upload::{UPLOAD_WAIT, UploadError};
use crate::actions::{GRANTS, StoredLimits};
use crate::runtime::Descriptor;
use crate::service::ActionEntry;

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

/// Largest upload accepted (the router's body limit for this resource).
pub const MAX_UPLOAD_BYTES: usize = 64 << 20;

fn std_to_wire(name: &str, d: &Descriptor) -> Map<String, Value> {
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

fn adhoc_to_wire(def: &ActionDefinition) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("id".into(), def.id.clone().into());
    m.insert("name".into(), def.name.clone().into());
    m.insert("is_system".into(), false.into());
    m.insert("input".into(), def.input.clone().into());
    m.insert(
        "description".into(),
        def.description.clone().map_or(Value::Null, Value::String),
    );
    m.insert(
        "tags".into(),
        Value::Array(def.tags.iter().cloned().map(Value::String).collect()),
    );
    m.insert("definition".into(), def.definition.clone().into());
    m.insert("scope".into(), def.scope.clone().into());
    m.insert("project_id".into(), def.project_id.clone().into());
    m.insert("created_at".into(), time(def.created_at));
    m.insert("updated_at".into(), opt_time(def.updated_at));
    m.insert("namespace".into(), def.namespace.clone().into());
    m
}

/// An uploaded action: Mistral's fields, then Bora's (`version`, `digest`,
/// `size`, `limits`, `is_async`, `compile_state`, `compile_error`).
fn component_to_wire(c: &ActionComponent) -> Map<String, Value> {
    let descriptor: Option<Descriptor> = serde_json::from_str(&c.descriptor).ok();
    let limits: Value = serde_json::from_str(&c.limits).unwrap_or(Value::Null);
    let mut m = Map::new();
    m.insert("id".into(), c.name.clone().into());
    m.insert("name".into(), c.name.clone().into());
    m.insert("is_system".into(), false.into());
    m.insert(
        "input".into(),
        descriptor
            .as_ref()
            .map(Descriptor::input_spec)
            .unwrap_or_default()
            .into(),
    );
    m.insert(
        "description".into(),
        descriptor
            .as_ref()
            .map(|d| d.description.clone())
            .unwrap_or_default()
            .into(),
    );
    m.insert("tags".into(), Value::Null);
    m.insert("definition".into(), "".into());
    m.insert("scope".into(), c.scope.clone().into());
    m.insert("project_id".into(), c.project_id.clone().into());
    m.insert("created_at".into(), time(c.created_at));
    m.insert("updated_at".into(), Value::Null);
    m.insert("namespace".into(), "".into());
    m.insert("version".into(), c.version.into());
    m.insert("digest".into(), c.digest.clone().into());
    m.insert("size".into(), c.size.into());
    m.insert("limits".into(), limits);
    m.insert(
        "is_async".into(),
        descriptor.is_some_and(|d| d.is_async).into(),
    );
    m.insert("compile_state".into(), c.compile_state.as_str().into());
    m.insert(
        "compile_error".into(),
        c.compile_error.clone().map_or(Value::Null, Value::String),
    );
    m
}

fn entry_to_wire(entry: &ActionEntry) -> Map<String, Value> {
    match entry {
        ActionEntry::Standard { name, descriptor } => std_to_wire(name, descriptor),
        ActionEntry::Adhoc(def) => adhoc_to_wire(def),
        ActionEntry::Uploaded(component) => component_to_wire(component),
    }
}

#[utoipa::path(get, operation_id = "actions_list", path = "/v2/actions", tag = "actions", params(doc::ListQuery), responses((status = 200, description = "OK", body = doc::ActionList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn list(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let params = ListParams::parse_checked(pairs, "name", FIELDS)?;
    let all: Vec<Map<String, Value>> = state
        .service
        .list_action_entries()
        .await?
        .iter()
        .filter(|e| match e {
            ActionEntry::Adhoc(def) => scope.sees_definition(&def.project_id, &def.scope),
            ActionEntry::Uploaded(c) => scope.sees_definition(&c.project_id, &c.scope),
            ActionEntry::Standard { .. } => true,
        })
        .map(entry_to_wire)
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
    Ok(params.reply_page(&headers, "actions", "actions", page))
}

async fn one(
    state: &ApiState,
    name: &str,
    namespace: &str,
    caller: &ProjectScope,
) -> Result<Response, ApiError> {
    let entry = state
        .service
        .get_action_entry(name, namespace, caller)
        .await?;
    Ok(reply(StatusCode::OK, &Value::Object(entry_to_wire(&entry))))
}

#[utoipa::path(get, operation_id = "actions_get_one", path = "/v2/actions/{name}", tag = "actions", params(("name" = String, Path), doc::NamespaceQuery), responses((status = 200, description = "OK", body = doc::Action), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get_one(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(name): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let namespace = namespace_of(&pairs);
    one(&state, &name, &namespace, &caller).await
}

#[utoipa::path(get, operation_id = "actions_get_in_namespace", path = "/v2/actions/{name}/{namespace}", tag = "actions", params(("name" = String, Path), ("namespace" = String, Path)), responses((status = 200, description = "OK", body = doc::Action), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn get_in_namespace(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path((name, namespace)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    one(&state, &name, &namespace, &caller).await
}

/// `DELETE /v2/actions/{name}/{namespace}`, as python-mistralclient sends it.
#[utoipa::path(delete, operation_id = "actions_delete_in_namespace", path = "/v2/actions/{name}/{namespace}", tag = "actions", params(("name" = String, Path), ("namespace" = String, Path)), responses((status = 204, description = "Deleted"), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn delete_in_namespace(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path((name, namespace)): Path<(String, String)>,
) -> Result<Response, ApiError> {
    state
        .service
        .delete_action(&name, &namespace, &caller)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// How the body of a POST/PUT is to be read.
enum Body<'a> {
    Yaml(&'a str),
    Wasm(Bytes),
}

fn content_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn classify<'a>(headers: &HeaderMap, body: &'a Bytes) -> Result<Body<'a>, ApiError> {
    let ctype = content_type(headers);
    if ctype.starts_with("application/wasm") || ctype.starts_with("application/octet-stream") {
        return Ok(Body::Wasm(body.clone()));
    }
    if ctype.starts_with("multipart/form-data") {
        return multipart_file(&ctype, body).map(Body::Wasm);
    }
    Ok(Body::Yaml(body_text(body)?))
}

/// The `file` part of a `multipart/form-data` body.
fn multipart_file(ctype: &str, body: &Bytes) -> Result<Bytes, ApiError> {
    let bad = |what: &str| {
        ApiError::bad_request(format!("Invalid multipart/form-data upload: {what}")).text()
    };
    let boundary = ctype
        .split(';')
        .map(str::trim)
        .find_map(|p| p.strip_prefix("boundary="))
        .map(|b| b.trim_matches('"'))
        .filter(|b| !b.is_empty())
        .ok_or_else(|| bad("no boundary in the Content-Type"))?;
    let delimiter = format!("--{boundary}");
    let data: &[u8] = body;
    let mut starts = Vec::new();
    let mut at = 0;
    while let Some(pos) = find(&data[at..], delimiter.as_bytes()) {
        starts.push(at + pos);
        at += pos + delimiter.len();
    }
    for pair in starts.windows(2) {
        let part = &data[pair[0] + delimiter.len()..pair[1]];
        let part = part.strip_prefix(b"\r\n").unwrap_or(part);
        let Some(split) = find(part, b"\r\n\r\n") else {
            continue;
        };
        let head = String::from_utf8_lossy(&part[..split]).to_ascii_lowercase();
        let content = &part[split + 4..];
        let content = content.strip_suffix(b"\r\n").unwrap_or(content);
        let is_file = head.lines().any(|line| {
            line.starts_with("content-disposition:")
                && line
                    .split(';')
                    .map(str::trim)
                    .any(|p| p == "name=\"file\"" || p == "name=file")
        });
        if is_file {
            return Ok(body.slice_ref(content));
        }
    }
    Err(bad("no part named 'file'"))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Limits of an upload from the query string.
fn upload_limits(pairs: &[(String, String)]) -> Result<StoredLimits, ApiError> {
    let number = |key: &str| -> Result<Option<u64>, ApiError> {
        match query_value(pairs, key) {
            None => Ok(None),
            Some(v) => match v.trim().parse::<u64>() {
                Ok(n) if n > 0 => Ok(Some(n)),
                _ => Err(ApiError::bad_request(format!(
                    "Invalid value of '{key}': {v} (a whole number above 0 is expected)"
                ))
                .text()),
            },
        }
    };
    let mut hosts: Option<Vec<String>> = None;
    let mut grants: Vec<String> = Vec::new();
    let warm = match query_value(pairs, "instances").as_deref().map(str::trim) {
        None | Some("fresh") => false,
        Some("warm") => true,
        Some(other) => {
            return Err(ApiError::bad_request(format!(
                "Invalid value of 'instances': {other} (known: fresh, warm)"
            ))
            .text());
        }
    };
    let items = |value: &str| {
        value
            .split(',')
            .map(str::trim)
            .filter(|h| !h.is_empty())
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    for (key, value) in pairs {
        if key == "allowed_hosts" || key == "allow_host" {
            hosts.get_or_insert_with(Vec::new).extend(items(value));
        } else if key == "grant" {
            for grant in items(value) {
                if !GRANTS.contains(&grant.as_str()) {
                    return Err(ApiError::bad_request(format!(
                        "Invalid value of 'grant': {grant} (known: {})",
                        GRANTS.join(", ")
                    ))
                    .text());
                }
                if !grants.contains(&grant) {
                    grants.push(grant);
                }
            }
        }
    }
    // A kept instance could keep a connection open into the next call.
    if warm && (hosts.as_ref().is_some_and(|h| !h.is_empty()) || !grants.is_empty()) {
        return Err(ApiError::bad_request(
            "Invalid value of 'instances': warm is only for actions that reach no host \
             (no allowed_hosts, no grant)"
                .to_owned(),
        )
        .text());
    }
    Ok(StoredLimits {
        fuel: number("fuel")?,
        memory: number("memory")?,
        timeout_secs: number("timeout")?,
        allowed_hosts: hosts,
        grants,
        warm,
    })
}

/// `?wait=` seconds for the compilation of an upload (0: answer at once).
fn upload_wait(pairs: &[(String, String)]) -> Result<Duration, ApiError> {
    match query_value(pairs, "wait") {
        None => Ok(UPLOAD_WAIT),
        Some(v) => match v.trim().parse::<u64>() {
            Ok(secs) if secs <= MAX_UPLOAD_WAIT_SECS => Ok(Duration::from_secs(secs)),
            _ => Err(ApiError::bad_request(format!(
                "Invalid value of 'wait': {v} (whole seconds from 0 to {MAX_UPLOAD_WAIT_SECS} \
                 are expected)"
            ))
            .text()),
        },
    }
}

/// Longest `?wait=` of an upload (a proxy would cut the request anyway).
const MAX_UPLOAD_WAIT_SECS: u64 = 600;

fn upload_error(err: UploadError) -> ApiError {
    let api = match err {
        UploadError::BadName(m) | UploadError::OverCeiling(m) => ApiError::bad_request(m),
        UploadError::Taken(m) => ApiError::client(StatusCode::CONFLICT, m),
        UploadError::Rejected(load) => ApiError::bad_request(load.to_string()),
        UploadError::Store(store) => store.into(),
        other @ UploadError::Descriptor(_) => ApiError::Internal {
            detail: other.to_string(),
            style: super::error::Style::Fault,
        },
    };
    api.text()
}

fn list_reply(status: StatusCode, items: Vec<Map<String, Value>>) -> Response {
    let mut out = Map::new();
    out.insert(
        "actions".into(),
        Value::Array(items.into_iter().map(Value::Object).collect()),
    );
    text_reply(status, &Value::Object(out))
}

async fn put(
    state: ApiState,
    headers: HeaderMap,
    pairs: Vec<(String, String)>,
    body: Bytes,
    replace: bool,
) -> Result<Response, ApiError> {
    let status = if replace {
        StatusCode::OK
    } else {
        StatusCode::CREATED
    };
    match classify(&headers, &body)? {
        Body::Wasm(bytes) => {
            let name = query_value(&pairs, "name").unwrap_or_default();
            let limits = upload_limits(&pairs)?;
            let wait = upload_wait(&pairs)?;
            // Mistral's `?scope=` (private by default), checked as for YAML.
            let (_, scope) = upload_params(&pairs)?;
            let uploaded = state
                .service
                .upload_action(&name, &bytes, &scope, limits, wait)
                .await
                .map_err(upload_error)?;
            Ok(list_reply(
                status,
                vec![component_to_wire(&uploaded.component)],
            ))
        }
        Body::Yaml(text) => {
            // Mistral's text/plain endpoints answer only */*, text/*.
            check_accept(&headers)?;
            let (namespace, scope) = upload_params(&pairs)?;
            let upload = Upload {
                namespace: &namespace,
                scope: &scope,
                replace,
            };
            let defs = state
                .service
                .put_action_list(text, upload)
                .await
                .map_err(|e| ApiError::from(e).text())?;
            Ok(list_reply(status, defs.iter().map(adhoc_to_wire).collect()))
        }
    }
}

#[utoipa::path(post, operation_id = "actions_create", path = "/v2/actions", tag = "actions", params(doc::UploadQuery), request_body(content = String, content_type = "text/plain", description = "A YAML action list; or, with Content-Type application/wasm and ?name=, a WebAssembly component to upload"), responses((status = 201, description = "Stored", body = doc::ActionList), (status = 400, description = "Bad request", body = doc::Fault), (status = 409, description = "Name taken", body = doc::Fault)))]
pub async fn create(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
    body: Bytes,
) -> Result<Response, ApiError> {
    put(state, headers, pairs, body, false).await
}

#[utoipa::path(put, operation_id = "actions_update", path = "/v2/actions", tag = "actions", params(doc::UploadQuery), request_body(content = String, content_type = "text/plain", description = "A YAML action list, or a component (see POST)"), responses((status = 200, description = "OK", body = doc::ActionList), (status = 400, description = "Bad request", body = doc::Fault)))]
pub async fn update(
    State(state): State<ApiState>,
    headers: HeaderMap,
    Pairs(pairs): Pairs,
    body: Bytes,
) -> Result<Response, ApiError> {
    put(state, headers, pairs, body, true).await
}

#[utoipa::path(delete, operation_id = "actions_delete", path = "/v2/actions/{name}", tag = "actions", params(("name" = String, Path), doc::NamespaceQuery), responses((status = 204, description = "Deleted"), (status = 400, description = "Bad request", body = doc::Fault), (status = 404, description = "Not found", body = doc::Fault)))]
pub async fn delete(
    State(state): State<ApiState>,
    Scope(caller): Scope,
    Path(name): Path<String>,
    Pairs(pairs): Pairs,
) -> Result<Response, ApiError> {
    let namespace = namespace_of(&pairs);
    state
        .service
        .delete_action(&name, &namespace, &caller)
        .await?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn multipart_file_part_is_found() {
        let body = Bytes::from_static(
            b"--XyZ\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nhello\r\n\
              --XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wasm\"\r\n\
              Content-Type: application/wasm\r\n\r\n\x00asm\r\n\x01\r\n--XyZ--\r\n",
        );
        let file = multipart_file("multipart/form-data; boundary=XyZ", &body).unwrap();
        assert_eq!(&file[..], b"\x00asm\r\n\x01");
        assert!(multipart_file("multipart/form-data", &body).is_err());
        assert!(multipart_file("multipart/form-data; boundary=nope", &body).is_err());
    }

    #[test]
    fn limits_come_from_the_query() {
        let pairs = vec![
            ("fuel".to_owned(), "1000".to_owned()),
            ("timeout".to_owned(), "5".to_owned()),
            (
                "allowed_hosts".to_owned(),
                "a.example, b.example".to_owned(),
            ),
            ("allow_host".to_owned(), "c.example".to_owned()),
        ];
        let limits = upload_limits(&pairs).unwrap();
        assert_eq!(limits.fuel, Some(1000));
        assert_eq!(limits.memory, None);
        assert_eq!(limits.timeout_secs, Some(5));
        assert_eq!(
            limits.allowed_hosts,
            Some(vec![
                "a.example".into(),
                "b.example".into(),
                "c.example".into()
            ])
        );
        assert!(limits.grants.is_empty());
        let bad = vec![("memory".to_owned(), "lots".to_owned())];
        assert!(upload_limits(&bad).is_err());
        let granted = vec![
            ("grant".to_owned(), "ssh".to_owned()),
            ("grant".to_owned(), " ssh,".to_owned()),
        ];
        assert_eq!(upload_limits(&granted).unwrap().grants, ["ssh"]);
        let unknown = vec![("grant".to_owned(), "ssh,shell".to_owned())];
        assert!(upload_limits(&unknown).is_err());
        let zero = vec![("timeout".to_owned(), "0".to_owned())];
        assert!(upload_limits(&zero).is_err());
    }

    #[test]
    fn warm_instances_are_asked_for_by_name_and_only_without_network() {
        let pair = |k: &str, v: &str| (k.to_owned(), v.to_owned());
        assert!(!upload_limits(&[]).unwrap().warm);
        assert!(!upload_limits(&[pair("instances", "fresh")]).unwrap().warm);
        assert!(upload_limits(&[pair("instances", " warm ")]).unwrap().warm);
        let unknown = upload_limits(&[pair("instances", "hot")]).unwrap_err();
        assert!(format!("{unknown:?}").contains("instances"), "{unknown:?}");
        for conflict in [pair("allowed_hosts", "a.example"), pair("grant", "ssh")] {
            let refused = upload_limits(&[pair("instances", "warm"), conflict.clone()]);
            assert!(refused.is_err(), "{conflict:?}");
        }
    }
}
