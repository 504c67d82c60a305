//! One HTTP request over `wasi:http`, with Mistral's inputs and result
//! shape: the shared part of `std.http` and `std.mistral_http` (a library
//! member of the standard actions workspace, not an action itself).
//!
//! The host decides where the request may go: it checks every outgoing
//! request against the hosts the action was granted, so nothing here is a
//! security boundary. Differences from Mistral, which the sandbox imposes:
//! `proxies` cannot be honoured (the host makes the connection) and TLS
//! certificates are always verified by the host (`verify: false` or a CA
//! bundle path cannot loosen that); both are logged as warnings.

use std::time::{Duration, Instant};

use base64::Engine as _;
use bora_action_sdk::{ActionError, Param, log};
use http::{Method, StatusCode};
use serde::Deserialize;
use serde_json::{Map, Value, json};
use url::Url;

mod transport;

/// The input of `std.http` (and `std.mistral_http`): Mistral's parameters.
#[derive(Deserialize)]
pub struct Input {
    url: String,
    method: String,
    params: Value,
    body: Value,
    json: Value,
    headers: Value,
    cookies: Value,
    auth: Value,
    timeout: Value,
    allow_redirects: Value,
    proxies: Value,
    verify: Value,
}

/// Mistral's `[action_std_http] default_timeout`, in seconds.
const DEFAULT_TIMEOUT_SECS: f64 = 60.0;
/// Responses larger than this are rejected (Mistral's 5 MiB limit).
const MAX_CONTENT_LENGTH: usize = 5 * 1024 * 1024;
/// requests' `Session.max_redirects`.
const MAX_REDIRECTS: usize = 30;

/// Mistral's parameters of `std.http`, in its order.
pub const PARAMS: &[Param] = &[
    Param::required("url", "The URL to request (http or https)."),
    Param::optional("method", "\"GET\"", "The HTTP method."),
    Param::optional(
        "params",
        "null",
        "Query parameters to add to the URL (a dict).",
    ),
    Param::optional(
        "body",
        "null",
        "The request body: a string as is, anything else JSON-encoded.",
    ),
    Param::optional(
        "json",
        "null",
        "A value sent JSON-encoded with Content-Type: application/json (not with body).",
    ),
    Param::optional("headers", "null", "Request headers (a dict)."),
    Param::optional("cookies", "null", "Cookies to send (a dict)."),
    Param::optional("auth", "null", "Basic authentication as \"user:password\"."),
    Param::optional(
        "timeout",
        "null",
        "Seconds to wait for the connection and for the response (a number, or \
         [connect, read]); 60 when null.",
    ),
    Param::optional(
        "allow_redirects",
        "null",
        "Follow redirects when true (as Mistral passes it to requests: null means no).",
    ),
    Param::optional(
        "proxies",
        "null",
        "Not supported in the sandbox (the host makes the connection); ignored with a warning.",
    ),
    Param::optional(
        "verify",
        "null",
        "Not supported in the sandbox (the host always verifies certificates).",
    ),
];

fn bad_input(action: &str, param: &str, why: impl std::fmt::Display) -> ActionError {
    ActionError::new(format!(
        "Invalid input [name={action}]: parameter '{param}': {why}"
    ))
}

/// Python's `str(value)` for the scalar values query parameters, headers
/// and cookies are made of.
fn python_str(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Bool(true) => "True".to_owned(),
        Value::Bool(false) => "False".to_owned(),
        Value::Null => "None".to_owned(),
        other => other.to_string(),
    }
}

fn as_dict<'a>(
    action: &str,
    param: &str,
    value: &'a Value,
) -> Result<Option<&'a Map<String, Value>>, ActionError> {
    match value {
        Value::Null => Ok(None),
        Value::Object(map) => Ok(Some(map)),
        _ => Err(bad_input(action, param, "expected a dict")),
    }
}

/// Seconds from a JSON number (or numeric string), for `timeout`.
fn seconds(action: &str, param: &str, value: &Value) -> Result<Duration, ActionError> {
    let secs = match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    secs.filter(|s| s.is_finite() && *s > 0.0)
        .and_then(|s| Duration::try_from_secs_f64(s).ok())
        .ok_or_else(|| bad_input(action, param, "expected a positive number of seconds"))
}

/// Python truthiness, for `allow_redirects`.
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// A request checked and ready to send.
pub struct Request {
    url: Url,
    method: Method,
    headers: Vec<(String, String)>,
    body: Option<Vec<u8>>,
    connect_timeout: Duration,
    read_timeout: Duration,
    allow_redirects: bool,
}

impl Request {
    /// Checks the input of `action` (its name, for messages) and prepares
    /// the request as requests would send it.
    ///
    /// # Errors
    /// Mistral's invalid-input error naming the parameter.
    pub fn from_input(input: Input, action: &str) -> Result<Self, ActionError> {
        let bad = |param: &str, why: String| bad_input(action, param, why);
        let mut url = Url::parse(&input.url).map_err(|e| bad("url", e.to_string()))?;
        if url.scheme() != "http" && url.scheme() != "https" {
            return Err(bad(
                "url",
                format!("scheme '{}' is not http or https", url.scheme()),
            ));
        }
        let method = Method::from_bytes(input.method.to_ascii_uppercase().as_bytes())
            .map_err(|e| bad("method", e.to_string()))?;

        if let Some(params) = as_dict(action, "params", &input.params)? {
            // requests: None values are dropped, a list repeats the key.
            let mut query = Vec::new();
            for (k, v) in params {
                match v {
                    Value::Null => {}
                    Value::Array(items) => {
                        query.extend(items.iter().map(|item| (k, python_str(item))));
                    }
                    other => query.push((k, python_str(other))),
                }
            }
            // Only touch the URL when there is something to add: an empty
            // query_pairs_mut() would leave a bare "?".
            if !query.is_empty() {
                url.query_pairs_mut().extend_pairs(query);
            }
        }

        let mut headers = Vec::new();
        if let Some(map) = as_dict(action, "headers", &input.headers)? {
            for (k, v) in map {
                match v {
                    Value::Null => {}
                    Value::String(_) | Value::Number(_) | Value::Bool(_) => {
                        headers.push((k.clone(), python_str(v)));
                    }
                    _ => {
                        return Err(bad(
                            "headers",
                            format!("the value of header '{k}' must be a string or a number"),
                        ));
                    }
                }
            }
        }
        let has_header = |headers: &[(String, String)], name: &str| {
            headers.iter().any(|(k, _)| k.eq_ignore_ascii_case(name))
        };

        if let Some(cookies) = as_dict(action, "cookies", &input.cookies)? {
            let cookie = cookies
                .iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| format!("{k}={}", python_str(v)))
                .collect::<Vec<_>>()
                .join("; ");
            if !cookie.is_empty() {
                headers.push(("Cookie".to_owned(), cookie));
            }
        }

        match &input.auth {
            Value::Null => {}
            Value::String(s) if s.is_empty() => {}
            Value::String(s) => {
                let (user, password) = s
                    .split_once(':')
                    .ok_or_else(|| bad("auth", "expected \"user:password\"".to_owned()))?;
                let token =
                    base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
                headers.push(("Authorization".to_owned(), format!("Basic {token}")));
            }
            _ => return Err(bad("auth", "expected \"user:password\"".to_owned())),
        }

        if truthy(&input.body) && truthy(&input.json) {
            return Err(ActionError::new(
                "Only one of the parameters 'json' and 'body' can be passed",
            ));
        }
        let body = if !input.json.is_null() {
            if !has_header(&headers, "content-type") {
                headers.push(("Content-Type".to_owned(), "application/json".to_owned()));
            }
            Some(input.json.to_string().into_bytes())
        } else {
            match input.body {
                Value::Null => None,
                Value::String(s) => Some(s.into_bytes()),
                other => Some(other.to_string().into_bytes()),
            }
        };

        if let Some(bytes) = &body
            && !has_header(&headers, "content-length")
        {
            headers.push(("Content-Length".to_owned(), bytes.len().to_string()));
        }

        let (connect_timeout, read_timeout) = match &input.timeout {
            Value::Null => {
                let d = Duration::from_secs_f64(DEFAULT_TIMEOUT_SECS);
                (d, d)
            }
            Value::Array(pair) if pair.len() == 2 => (
                seconds(action, "timeout", &pair[0])?,
                seconds(action, "timeout", &pair[1])?,
            ),
            other => {
                let d = seconds(action, "timeout", other)?;
                (d, d)
            }
        };

        if truthy(&input.proxies) {
            log::warn(&format!(
                "{action}: 'proxies' is not supported in the sandbox and is ignored"
            ));
        }
        match &input.verify {
            Value::Null | Value::Bool(true) => {}
            _ => log::warn(&format!(
                "{action}: 'verify' cannot be changed in the sandbox; the host verifies certificates"
            )),
        }

        Ok(Request {
            url,
            method,
            headers,
            body,
            connect_timeout,
            read_timeout,
            allow_redirects: truthy(&input.allow_redirects),
        })
    }

    /// Sets header `name` to `value`, replacing the input's headers of that
    /// name (in any case), as Mistral's `headers.update` does.
    pub fn set_header(&mut self, name: &str, value: &str) {
        self.headers.retain(|(k, _)| !k.eq_ignore_ascii_case(name));
        self.headers.push((name.to_owned(), value.to_owned()));
    }

    /// Sends the request (following redirects when allowed) and builds
    /// Mistral's result.
    ///
    /// # Errors
    /// When the request cannot be sent or its response read, and for a
    /// status outside 200..=306 (the result dict is then the details, as
    /// Mistral's `Result(error=...)`).
    pub fn send(mut self) -> Result<Value, ActionError> {
        let started = Instant::now();
        let mut history = Vec::new();
        loop {
            let response = transport::send(&self).map_err(|e| {
                ActionError::new(format!("Failed to send HTTP request to {}: {e}", self.url))
            })?;
            let elapsed = started.elapsed();
            let status = response.status;
            let location =
                header(&response.headers, "location").and_then(|l| self.url.join(l).ok());
            if let Some(next) = location.filter(|_| self.allow_redirects && status.is_redirection())
            {
                if history.len() >= MAX_REDIRECTS {
                    return Err(ActionError::new(format!(
                        "Exceeded {MAX_REDIRECTS} redirects from {}",
                        self.url
                    )));
                }
                history.push(json!({
                    "url": self.url.as_str(),
                    "status": status.as_u16(),
                    "reason": reason(status),
                    "headers": headers_dict(&response.headers),
                }));
                self.redirect_to(next, status);
                continue;
            }

            let body = transport::read_body(response.body, &self.method)?;
            let result = result_dict(
                &self.url,
                status,
                &response.headers,
                &body,
                history,
                elapsed,
            );
            return if (200..=306).contains(&status.as_u16()) {
                Ok(result)
            } else {
                Err(ActionError::new(format!(
                    "HTTP request to {} returned {} {}",
                    self.url,
                    status.as_u16(),
                    reason(status)
                ))
                .with_details(result))
            };
        }
    }

    /// Moves to the redirect target the way requests does: 303 (and 301/302
    /// for a POST) becomes a GET without body; credentials are dropped when
    /// the host changes.
    fn redirect_to(&mut self, next: Url, status: StatusCode) {
        let to_get = status == StatusCode::SEE_OTHER && self.method != Method::HEAD
            || matches!(status.as_u16(), 301 | 302) && self.method == Method::POST;
        if to_get {
            self.method = Method::GET;
            self.body = None;
            self.headers.retain(|(k, _)| {
                !k.eq_ignore_ascii_case("content-type") && !k.eq_ignore_ascii_case("content-length")
            });
        }
        if next.host_str() != self.url.host_str() {
            self.headers
                .retain(|(k, _)| !k.eq_ignore_ascii_case("authorization"));
        }
        self.url = next;
    }
}

/// The first value of response header `name` (names arrive lowercase).
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v.as_str())
}

fn too_large(len: u64) -> ActionError {
    ActionError::new(format!(
        "HTTP response is too large: {len} bytes (the limit is {MAX_CONTENT_LENGTH})"
    ))
}

fn reason(status: StatusCode) -> &'static str {
    status.canonical_reason().unwrap_or("")
}

/// Response headers as a dict; repeated headers are joined with ", " (as
/// requests' CaseInsensitiveDict shows them).
fn headers_dict(headers: &[(String, String)]) -> Map<String, Value> {
    let mut dict = Map::new();
    for (name, value) in headers {
        let joined = match dict.get(name) {
            Some(Value::String(prev)) => format!("{prev}, {value}"),
            _ => value.clone(),
        };
        dict.insert(name.clone(), Value::String(joined));
    }
    dict
}

/// requests' `get_encoding_from_headers`: the charset parameter, else
/// ISO-8859-1 for text and utf-8 for JSON.
fn encoding(headers: &[(String, String)]) -> Option<String> {
    let content_type = header(headers, "content-type")?;
    let charset = content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches(|c| c == '"' || c == '\'').to_owned())
    });
    if charset.is_some() {
        return charset;
    }
    if content_type.contains("text") {
        Some("ISO-8859-1".to_owned())
    } else if content_type.contains("application/json") {
        Some("utf-8".to_owned())
    } else {
        None
    }
}

/// The body as text in its encoding (Latin-1 byte for byte, else UTF-8
/// with replacement characters).
fn decode(body: &[u8], encoding: Option<&str>) -> String {
    match encoding.map(str::to_ascii_lowercase).as_deref() {
        Some("iso-8859-1" | "latin-1" | "latin1") => body.iter().map(|&b| b as char).collect(),
        _ => String::from_utf8_lossy(body).into_owned(),
    }
}

/// Cookies the response sets, name to value.
fn cookies_dict(headers: &[(String, String)]) -> Map<String, Value> {
    let mut dict = Map::new();
    for (name, value) in headers {
        if !name.eq_ignore_ascii_case("set-cookie") {
            continue;
        }
        let pair = value.split(';').next().unwrap_or_default();
        if let Some((name, val)) = pair.split_once('=') {
            dict.insert(name.trim().to_owned(), Value::String(val.trim().to_owned()));
        }
    }
    dict
}

fn result_dict(
    url: &Url,
    status: StatusCode,
    headers: &[(String, String)],
    body: &[u8],
    history: Vec<Value>,
    elapsed: Duration,
) -> Value {
    let encoding = encoding(headers);
    // Mistral: the JSON-decoded body when it is JSON, else the text.
    let content = serde_json::from_slice::<Value>(body)
        .unwrap_or_else(|_| Value::String(decode(body, encoding.as_deref())));
    json!({
        "content": content,
        "status": status.as_u16(),
        "headers": headers_dict(headers),
        "url": url.as_str(),
        "history": history,
        "encoding": encoding,
        "reason": reason(status),
        "cookies": cookies_dict(headers),
        "elapsed": elapsed.as_secs_f64(),
    })
}
