//! Wire conventions shared by every resource: Python-style JSON text (for the
//! JSON-in-JSON fields and bodies), Mistral's timestamps, list parameters
//! (filters, `fields`, sorting, marker paging) and the `next` link.

use std::cmp::Ordering;

use axum::body::Bytes;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use bora_store::queries::{Filter, FilterOp, ListQuery};
use serde_json::{Map, Value};

use super::error::ApiError;
use bora_expr::python;

/// Mistral's cap on list sizes (`[api] max_limit`).
pub const MAX_LIMIT: u32 = 1000;

/// A JSON-in-JSON field: the value as Python's `json.dumps` writes it.
pub fn jstr(value: &Value) -> Value {
    Value::String(python::json_dumps(value, None, false))
}

/// [`jstr`] of a mapping.
pub fn jstr_map(map: &Map<String, Value>) -> Value {
    Value::String(python::object_dumps(map))
}

/// Mistral's timestamp: `YYYY-MM-DD HH:MM:SS` in UTC.
pub fn time(micros: i64) -> Value {
    match chrono::DateTime::from_timestamp_micros(micros) {
        Some(t) => Value::String(t.format("%Y-%m-%d %H:%M:%S").to_string()),
        None => Value::Null,
    }
}

pub fn opt_time(micros: Option<i64>) -> Value {
    micros.map(time).unwrap_or(Value::Null)
}

pub fn opt_str(value: Option<&str>) -> Value {
    value
        .map(|s| Value::String(s.to_owned()))
        .unwrap_or(Value::Null)
}

/// A JSON answer with Mistral's `application/json` content type.
pub fn reply(status: StatusCode, value: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        python::json_dumps(value, None, false),
    )
        .into_response()
}

/// A JSON answer of the text/plain endpoints (uploads), whose content type
/// names the charset as Mistral's does.
pub fn text_reply(status: StatusCode, value: &Value) -> Response {
    let mut response = reply(status, value);
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        header::HeaderValue::from_static("application/json;charset=utf-8"),
    );
    response
}

/// The first value of a query parameter.
pub fn query_value(pairs: &[(String, String)], key: &str) -> Option<String> {
    pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone())
}

/// The `?namespace=` of a request (`''` when not given).
pub fn namespace_of(pairs: &[(String, String)]) -> String {
    query_value(pairs, "namespace").unwrap_or_default()
}

/// Mistral's check of a `scope` value.
pub fn check_scope(scope: &str) -> Result<(), ApiError> {
    if scope == "private" || scope == "public" {
        return Ok(());
    }
    Err(ApiError::bad_request(format!(
        "Scope must be one of the following: ['private', 'public']; actual: {scope}"
    )))
}

/// A string field of a JSON body; absent or null is `None`.
pub fn text_field(body: &Map<String, Value>, key: &str) -> Result<Option<String>, ApiError> {
    match body.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(ApiError::bad_request(format!(
            "Invalid value for '{key}': expected a string, got {other}"
        ))),
    }
}

/// The text endpoints answer JSON only to clients that accept anything or
/// text: Mistral (pecan) gives 406 to `Accept: application/json`.
pub fn check_accept(headers: &HeaderMap) -> Result<(), ApiError> {
    let Some(accept) = headers.get(header::ACCEPT).and_then(|a| a.to_str().ok()) else {
        return Ok(());
    };
    let accept = accept.to_ascii_lowercase();
    if accept.trim().is_empty()
        || accept.contains("*/*")
        || accept.contains("text/*")
        || accept.contains("text/plain")
    {
        Ok(())
    } else {
        Err(ApiError::NotAcceptable)
    }
}

/// `?namespace=&scope=` of a definition upload (scope `private` by default).
pub fn upload_params(pairs: &[(String, String)]) -> Result<(String, String), ApiError> {
    let namespace = namespace_of(pairs);
    let scope = query_value(pairs, "scope")
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "private".to_owned());
    check_scope(&scope).map_err(ApiError::text)?;
    Ok((namespace, scope))
}

/// The body of a definition upload as text: UTF-8 without NUL characters
/// (PostgreSQL cannot store them; the error gives their position).
pub fn body_text(body: &Bytes) -> Result<&str, ApiError> {
    let text = std::str::from_utf8(body)
        .map_err(|_| ApiError::bad_request("The definition is not valid UTF-8 text.").text())?;
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        let column = at - text[..at].rfind('\n').map_or(0, |nl| nl + 1) + 1;
        return Err(ApiError::bad_request(format!(
            "The definition contains a NUL character at line {line}, column {column}, which is not accepted."
        ))
        .text());
    }
    Ok(text)
}

/// A YAML definition upload to a text/plain endpoint.
pub struct TextUpload<'a> {
    pub text: &'a str,
    pub namespace: String,
    pub scope: String,
}

impl<'a> TextUpload<'a> {
    /// Checks `Accept`, then the query, then the body, in Mistral's order.
    pub fn read(
        headers: &HeaderMap,
        pairs: &[(String, String)],
        body: &'a Bytes,
    ) -> Result<Self, ApiError> {
        check_accept(headers)?;
        let (namespace, scope) = upload_params(pairs)?;
        Ok(Self {
            text: body_text(body)?,
            namespace,
            scope,
        })
    }
}

/// `http://host:port` of the request, for links.
pub fn base_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1:8989");
    format!("http://{host}")
}

/// A request body that must be a JSON object.
pub fn json_object(body: &[u8]) -> Result<Map<String, Value>, ApiError> {
    match serde_json::from_slice::<Value>(body) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(ApiError::bad_request("Request is not in valid JSON format")),
    }
}

/// A `jsontype` field: an object, or a JSON string holding one; absent or
/// null gives `{}`.
pub fn json_field(value: Option<&Value>) -> Result<Map<String, Value>, ApiError> {
    let not_dict = |actual: &Value| {
        ApiError::bad_request(format!(
            "JsonType field value must be a dictionary [actual={}]",
            match actual {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            }
        ))
    };
    match value {
        None | Some(Value::Null) => Ok(Map::new()),
        Some(Value::Object(map)) => Ok(map.clone()),
        Some(Value::String(text)) if text.trim().is_empty() => Ok(Map::new()),
        Some(Value::String(text)) => match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(other) => Err(not_dict(&other)),
            Err(_) => Err(ApiError::bad_request(format!(
                "Invalid JSON in a JsonType field: {text}"
            ))),
        },
        Some(other) => Err(not_dict(other)),
    }
}

/// True for Mistral's spellings of a true boolean query value.
pub fn truthy(value: &str) -> bool {
    matches!(
        value.to_ascii_lowercase().as_str(),
        "true" | "1" | "yes" | "y" | "on" | "t"
    )
}

/// The common parameters of a list request.
#[derive(Debug, Clone, Default)]
pub struct ListParams {
    pub limit: Option<u32>,
    pub marker: Option<String>,
    pub sort_keys: Vec<String>,
    pub sort_dirs: Vec<String>,
    pub fields: Vec<String>,
    pub nulls: Vec<String>,
    /// Everything else, in request order (filters and flags).
    pub rest: Vec<(String, String)>,
}

fn split_list(value: &str) -> Vec<String> {
    value
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

impl ListParams {
    /// Parses a request's list parameters and checks `fields` against the
    /// resource's field names `all`.
    pub fn parse_checked(
        pairs: Vec<(String, String)>,
        default_sort: &str,
        all: &[&str],
    ) -> Result<Self, ApiError> {
        let params = Self::parse(pairs, default_sort)?;
        params.check_fields(all)?;
        Ok(params)
    }

    pub fn parse(pairs: Vec<(String, String)>, default_sort: &str) -> Result<Self, ApiError> {
        let mut out = ListParams::default();
        for (key, value) in pairs {
            match key.as_str() {
                "limit" => {
                    let n: i64 = value
                        .trim()
                        .parse()
                        .map_err(|_| ApiError::bad_request(format!("Invalid limit: {value}")))?;
                    if n <= 0 {
                        return Err(ApiError::bad_request("Limit must be positive."));
                    }
                    out.limit = Some(u32::try_from(n).unwrap_or(MAX_LIMIT).min(MAX_LIMIT));
                }
                "marker" if !value.is_empty() => out.marker = Some(value),
                "sort_keys" => out.sort_keys = split_list(&value),
                "sort_dirs" => out.sort_dirs = split_list(&value),
                "fields" => out.fields = split_list(&value),
                "nulls" => out.nulls = split_list(&value),
                _ => out.rest.push((key, value)),
            }
        }
        if out.sort_keys.is_empty() {
            out.sort_keys = vec![default_sort.to_owned()];
        }
        if out.sort_dirs.len() > out.sort_keys.len() {
            return Err(ApiError::bad_request(
                "Length of sort_keys must be equal or greater than sort_dirs.",
            ));
        }
        for dir in &out.sort_dirs {
            if dir != "asc" && dir != "desc" {
                return Err(ApiError::bad_request(format!(
                    "Unknown sort direction, must be 'desc' or 'asc': {dir}"
                )));
            }
        }
        while out.sort_dirs.len() < out.sort_keys.len() {
            out.sort_dirs.push("asc".to_owned());
        }
        Ok(out)
    }

    /// The value of a flag or filter parameter.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.rest
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    pub fn flag(&self, key: &str) -> bool {
        self.get(key).is_some_and(truthy)
    }

    pub fn effective_limit(&self) -> u32 {
        self.limit.unwrap_or(MAX_LIMIT)
    }

    /// Checks `fields` against a resource's field names.
    pub fn check_fields(&self, all: &[&str]) -> Result<(), ApiError> {
        let unknown: Vec<&String> = self
            .fields
            .iter()
            .filter(|f| !all.contains(&f.as_str()))
            .collect();
        if unknown.is_empty() {
            return Ok(());
        }
        Err(ApiError::bad_request(format!(
            "Some fields do not exist  [{}], please choose from [{}]",
            unknown
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            all.join(", ")
        )))
    }

    /// The store query: filters on the columns `column` knows (others are
    /// ignored, as are Mistral's tenancy parameters), sort and paging.
    pub fn store_query(
        &self,
        column: fn(&str) -> Option<&'static str>,
    ) -> Result<ListQuery, ApiError> {
        let mut q = ListQuery::default();
        for (key, value) in &self.rest {
            if let Some(col) = column(key) {
                let filter = parse_filter(col, value);
                if key.ends_with("_at") {
                    q.filters.extend(time_filters(key, filter)?);
                } else {
                    q.filters.push(filter);
                }
            }
        }
        for name in &self.nulls {
            let col = column(name)
                .ok_or_else(|| ApiError::bad_request(format!("Unknown field in nulls: {name}")))?;
            q.nulls.push(col);
        }
        for (key, dir) in self.sort_keys.iter().zip(&self.sort_dirs) {
            let col = column(key)
                .ok_or_else(|| ApiError::bad_request(format!("Unknown sort key: {key}")))?;
            q.sort.push((col, dir == "desc"));
        }
        q.marker = self.marker.clone();
        q.limit = Some(self.effective_limit());
        Ok(q)
    }

    /// [`Self::store_query`] narrowed to the records under one parent
    /// (`column` equal to `id`), e.g. the tasks of an execution.
    pub fn store_query_under(
        &self,
        column: fn(&str) -> Option<&'static str>,
        parent: Option<(&'static str, &str)>,
    ) -> Result<ListQuery, ApiError> {
        let mut q = self.store_query(column)?;
        if let Some((column, id)) = parent {
            q.filters.push(Filter {
                column,
                op: FilterOp::Eq,
                values: vec![id.to_owned()],
            });
        }
        Ok(q)
    }

    /// The answer to a list request: the page under `key` (see
    /// [`Self::page`]), linking on to `/v2/<path>`.
    pub fn reply_page(
        &self,
        headers: &HeaderMap,
        path: &str,
        key: &str,
        items: Vec<Map<String, Value>>,
    ) -> Response {
        let body = self.page(&base_url(headers), path, key, items);
        reply(StatusCode::OK, &body)
    }

    /// The answer to a GET of one record: the asked fields of it.
    pub fn reply_one(&self, item: Map<String, Value>) -> Response {
        reply(StatusCode::OK, &Value::Object(self.select(item)))
    }

    /// Wraps a page: `fields` applied, `next` added when the page is full.
    pub fn page(&self, base: &str, path: &str, key: &str, items: Vec<Map<String, Value>>) -> Value {
        let full = u32::try_from(items.len()).unwrap_or(u32::MAX) >= self.effective_limit();
        let last_id = items.last().and_then(|i| i.get("id")).cloned();
        let items: Vec<Value> = items
            .into_iter()
            .map(|item| Value::Object(self.select(item)))
            .collect();
        let mut out = Map::new();
        out.insert(key.to_owned(), Value::Array(items));
        if full && let Some(Value::String(last)) = last_id {
            out.insert(
                "next".to_owned(),
                Value::String(self.next_link(base, path, &last)),
            );
        }
        Value::Object(out)
    }

    /// Keeps `id` and the asked fields (all fields when none were asked).
    pub fn select(&self, item: Map<String, Value>) -> Map<String, Value> {
        if self.fields.is_empty() {
            return item;
        }
        item.into_iter()
            .filter(|(k, _)| k == "id" || self.fields.iter().any(|f| f == k))
            .collect()
    }

    fn next_link(&self, base: &str, path: &str, marker: &str) -> String {
        let mut keys = self.sort_keys.clone();
        let mut dirs = self.sort_dirs.clone();
        if !keys.iter().any(|k| k == "id") {
            keys.push("id".to_owned());
            dirs.push(dirs.last().cloned().unwrap_or_else(|| "asc".to_owned()));
        }
        let mut link = format!(
            "{base}/v2/{path}?sort_keys={}&sort_dirs={}&limit={}&marker={}",
            encode(&keys.join(",")),
            encode(&dirs.join(",")),
            self.effective_limit(),
            encode(marker)
        );
        if !self.fields.is_empty() {
            link.push_str(&format!("&fields={}", encode(&self.fields.join(","))));
        }
        for (k, v) in &self.rest {
            link.push_str(&format!("&{}={}", encode(k), encode(v)));
        }
        if !self.nulls.is_empty() {
            link.push_str(&format!("&nulls={}", encode(&self.nulls.join(","))));
        }
        link
    }

    /// Filters, sorts and pages records already in memory (resources that
    /// are few: workflow definitions, actions). `marker_key` names the field
    /// the marker refers to.
    pub fn page_in_memory(
        &self,
        mut items: Vec<Map<String, Value>>,
        filterable: &[&str],
        marker_key: &str,
    ) -> Result<Vec<Map<String, Value>>, ApiError> {
        for (key, value) in &self.rest {
            if filterable.contains(&key.as_str()) {
                let filter = parse_filter("", value);
                items.retain(|item| matches_filter(item.get(key.as_str()), &filter));
            }
        }
        for key in &self.sort_keys {
            if !filterable.contains(&key.as_str()) && key != "id" {
                return Err(ApiError::bad_request(format!("Unknown sort key: {key}")));
            }
        }
        let mut keys: Vec<(&str, bool)> = self
            .sort_keys
            .iter()
            .zip(&self.sort_dirs)
            .map(|(k, d)| (k.as_str(), d == "desc"))
            .collect();
        if !keys.iter().any(|(k, _)| *k == marker_key) {
            keys.push((marker_key, keys.last().map(|k| k.1).unwrap_or(false)));
        }
        items.sort_by(|a, b| {
            for (key, desc) in &keys {
                let ord = cmp_values(a.get(*key), b.get(*key));
                let ord = if *desc { ord.reverse() } else { ord };
                if ord != Ordering::Equal {
                    return ord;
                }
            }
            Ordering::Equal
        });
        if let Some(marker) = &self.marker {
            let pos = items
                .iter()
                .position(|i| i.get(marker_key).and_then(Value::as_str) == Some(marker.as_str()));
            items = match pos {
                Some(p) => items.split_off(p + 1),
                None => Vec::new(),
            };
        }
        items.truncate(usize::try_from(self.effective_limit()).unwrap_or(usize::MAX));
        Ok(items)
    }
}

/// A time as Mistral shows and takes it (`YYYY-MM-DD HH:MM:SS[.ffffff]`,
/// also with `T`, or a bare date), in microseconds, with the length of the
/// instant it names (a second, a day, or a microsecond with a fraction).
fn parse_time(text: &str) -> Option<(i64, i64)> {
    let text = text.trim();
    for (format, span) in [
        ("%Y-%m-%d %H:%M:%S%.f", 1),
        ("%Y-%m-%dT%H:%M:%S%.f", 1),
        ("%Y-%m-%d %H:%M", 60_000_000),
        ("%Y-%m-%dT%H:%M", 60_000_000),
    ] {
        if let Ok(t) = chrono::NaiveDateTime::parse_from_str(text, format) {
            let micros = t.and_utc().timestamp_micros();
            let span = if span == 1 && !text.contains('.') {
                1_000_000
            } else {
                span
            };
            return Some((micros, span));
        }
    }
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()?;
    Some((
        date.and_hms_opt(0, 0, 0)?.and_utc().timestamp_micros(),
        86_400_000_000,
    ))
}

/// A filter on a time column in the store's terms (microseconds). Equality
/// with a time shown to the second means that whole second, so that a
/// value copied from an answer finds its record.
fn time_filters(key: &str, filter: Filter) -> Result<Vec<Filter>, ApiError> {
    let mut times = Vec::new();
    for value in &filter.values {
        times.push(parse_time(value).ok_or_else(|| {
            ApiError::bad_request(format!(
                "Invalid value for {key}: '{value}' (expected YYYY-MM-DD HH:MM:SS)"
            ))
        })?);
    }
    let at = |op: FilterOp, micros: i64| Filter {
        column: filter.column,
        op,
        values: vec![micros.to_string()],
    };
    Ok(match (filter.op, times.as_slice()) {
        (FilterOp::Eq, [(start, span)]) => {
            vec![at(FilterOp::Gte, *start), at(FilterOp::Lt, start + span)]
        }
        (FilterOp::Gt, [(start, span)]) => vec![at(FilterOp::Gte, start + span)],
        (FilterOp::Lte, [(start, span)]) => vec![at(FilterOp::Lt, start + span)],
        (op, _) => vec![Filter {
            column: filter.column,
            op,
            values: times.iter().map(|(t, _)| t.to_string()).collect(),
        }],
    })
}

/// Mistral's filter syntax: `eq:`, `neq:`, `in:a,b`, `nin:`, `gt:`, `gte:`,
/// `lt:`, `lte:`; a bare value means equality.
fn parse_filter(column: &'static str, value: &str) -> Filter {
    let (op, rest) = match value.split_once(':') {
        Some(("eq", r)) => (FilterOp::Eq, r),
        Some(("neq", r)) => (FilterOp::Neq, r),
        Some(("in", r)) => (FilterOp::In, r),
        Some(("nin", r)) => (FilterOp::Nin, r),
        Some(("gt", r)) => (FilterOp::Gt, r),
        Some(("gte", r)) => (FilterOp::Gte, r),
        Some(("lt", r)) => (FilterOp::Lt, r),
        Some(("lte", r)) => (FilterOp::Lte, r),
        _ => (FilterOp::Eq, value),
    };
    let values = match op {
        FilterOp::In | FilterOp::Nin => split_list(rest),
        _ => vec![rest.to_owned()],
    };
    Filter { column, op, values }
}

fn matches_filter(value: Option<&Value>, filter: &Filter) -> bool {
    let text = match value {
        Some(Value::String(s)) => Some(s.clone()),
        None | Some(Value::Null) => None,
        Some(other) => Some(other.to_string()),
    };
    let first = filter.values.first().map(String::as_str).unwrap_or("");
    let t = text.as_deref();
    match filter.op {
        FilterOp::Eq => t == Some(first),
        FilterOp::Neq => t != Some(first),
        FilterOp::In => t.is_some_and(|t| filter.values.iter().any(|v| v == t)),
        FilterOp::Nin => !t.is_some_and(|t| filter.values.iter().any(|v| v == t)),
        FilterOp::Gt => t.is_some_and(|t| t > first),
        FilterOp::Gte => t.is_some_and(|t| t >= first),
        FilterOp::Lt => t.is_some_and(|t| t < first),
        FilterOp::Lte => t.is_some_and(|t| t <= first),
    }
}

fn cmp_values(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    fn rank(v: Option<&Value>) -> u8 {
        match v {
            None | Some(Value::Null) => 0,
            Some(Value::Bool(_)) => 1,
            Some(Value::Number(_)) => 2,
            Some(Value::String(_)) => 3,
            Some(_) => 4,
        }
    }
    match (a, b) {
        (Some(Value::String(x)), Some(Value::String(y))) => x.cmp(y),
        (Some(Value::Number(x)), Some(Value::Number(y))) => x
            .as_f64()
            .partial_cmp(&y.as_f64())
            .unwrap_or(Ordering::Equal),
        (Some(Value::Bool(x)), Some(Value::Bool(y))) => x.cmp(y),
        _ => rank(a).cmp(&rank(b)),
    }
}

/// Percent-encodes a query value.
fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~,:".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
