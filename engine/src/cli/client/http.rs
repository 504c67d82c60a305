//! A small client for Bora's REST API: JSON in and out, Mistral's fault
//! bodies turned into one-line errors, paging followed, and a clear message
//! naming the URL when the server cannot be reached.

use std::time::Duration;

use anyhow::{Context, anyhow, bail};
use reqwest::{Method, RequestBuilder};
use serde_json::Value;

/// Every list is read in pages of this size.
const PAGE: u32 = 500;

/// A client for one server.
pub struct Client {
    http: reqwest::Client,
    /// `http://host:port` (no trailing slash, no `/v2`).
    base: String,
}

/// The innermost cause of an error, which is what a person needs
/// ("Connection refused"), not reqwest's wrapping.
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = err;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

impl Client {
    /// A client of the server at `url`, sending `token` (an API token) with
    /// every request when there is one.
    pub fn new(url: &str, token: Option<&str>) -> anyhow::Result<Self> {
        let trimmed = url.trim().trim_end_matches('/');
        let base = trimmed.strip_suffix("/v2").unwrap_or(trimmed).to_owned();
        let parsed = reqwest::Url::parse(&base)
            .map_err(|err| anyhow!("invalid server URL '{url}': {err}"))?;
        if !matches!(parsed.scheme(), "http" | "https") {
            bail!("invalid server URL '{url}': it must start with http:// or https://");
        }
        let mut headers = reqwest::header::HeaderMap::new();
        if let Some(token) = token.map(str::trim).filter(|t| !t.is_empty()) {
            let mut value = reqwest::header::HeaderValue::from_str(&format!("Bearer {token}"))
                .map_err(|_| anyhow!("the API token holds characters a token never has"))?;
            value.set_sensitive(true);
            headers.insert(reqwest::header::AUTHORIZATION, value);
        }
        let http = reqwest::Client::builder()
            .default_headers(headers)
            .connect_timeout(Duration::from_secs(10))
            .user_agent(concat!("bora/", env!("CARGO_PKG_VERSION")))
            .build()
            .context("cannot set up the HTTP client")?;
        Ok(Self { http, base })
    }

    fn request(&self, method: Method, path: &str) -> RequestBuilder {
        self.http
            .request(method, format!("{}/v2{path}", self.base))
            .timeout(Duration::from_secs(120))
            .header(reqwest::header::ACCEPT, "*/*")
    }

    fn unreachable(&self, err: reqwest::Error) -> anyhow::Error {
        if err.is_connect() || err.is_timeout() {
            anyhow!(
                "cannot reach the Bora server at {} ({}); start one with `bora serve` \
                 or point --url / BORA_URL at it",
                self.base,
                root_cause(&err)
            )
        } else {
            anyhow!("request to {} failed: {}", self.base, root_cause(&err))
        }
    }

    /// Sends a request; the answer's JSON (null for an empty body), or the
    /// server's `faultstring` as the error.
    async fn send(&self, request: RequestBuilder) -> anyhow::Result<Value> {
        let response = request.send().await.map_err(|e| self.unreachable(e))?;
        let status = response.status();
        let body = response.text().await.map_err(|e| self.unreachable(e))?;
        let value = if body.trim().is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&body).unwrap_or(Value::String(body))
        };
        if status.is_success() {
            return Ok(value);
        }
        let message = match value.get("faultstring").and_then(Value::as_str) {
            Some(fault) => fault.to_owned(),
            None => match &value {
                Value::String(text) => text.clone(),
                Value::Null => status.canonical_reason().unwrap_or("").to_owned(),
                other => other.to_string(),
            },
        };
        bail!("{message} (HTTP {})", status.as_u16())
    }

    pub async fn get(&self, path: &str) -> anyhow::Result<Value> {
        self.send(self.request(Method::GET, path)).await
    }

    pub async fn delete(&self, path: &str) -> anyhow::Result<Value> {
        self.send(self.request(Method::DELETE, path)).await
    }

    pub async fn send_json(
        &self,
        method: Method,
        path: &str,
        body: &Value,
    ) -> anyhow::Result<Value> {
        let body = body.to_string().into_bytes();
        self.send_body(method, path, "application/json", body).await
    }

    /// A body of another type (YAML definitions, wasm components).
    pub async fn send_body(
        &self,
        method: Method,
        path: &str,
        content_type: &str,
        body: Vec<u8>,
    ) -> anyhow::Result<Value> {
        let request = self
            .request(method, path)
            .header(reqwest::header::CONTENT_TYPE, content_type)
            .body(body);
        self.send(request).await
    }

    /// Every record of a list (`key` names the array), following `next`
    /// links; `path` may carry filters. At most `limit` records when given.
    pub async fn list(
        &self,
        path: &str,
        key: &str,
        limit: Option<u32>,
    ) -> anyhow::Result<Vec<Value>> {
        let page = limit.map_or(PAGE, |l| l.min(PAGE));
        let sep = if path.contains('?') { '&' } else { '?' };
        let mut url = format!("{path}{sep}limit={page}");
        let mut out = Vec::new();
        loop {
            let answer = self.get(&url).await?;
            if let Some(items) = answer.get(key).and_then(Value::as_array) {
                out.extend(items.iter().cloned());
            }
            if limit.is_some_and(|l| out.len() >= l as usize) {
                out.truncate(limit.unwrap_or(0) as usize);
                return Ok(out);
            }
            // `next` is absolute; keep only what follows `/v2`.
            match answer.get("next").and_then(Value::as_str) {
                Some(next) => match next.split_once("/v2") {
                    Some((_, rest)) => url = rest.to_owned(),
                    None => return Ok(out),
                },
                None => return Ok(out),
            }
        }
    }

    /// Opens the event stream (`GET /v2/events`), for live views.
    pub async fn events(&self, execution_ids: &[&str]) -> anyhow::Result<reqwest::Response> {
        let query: Vec<(&str, &str)> = execution_ids
            .iter()
            .map(|id| ("execution_id", *id))
            .collect();
        let response = self
            .http
            .get(format!("{}/v2/events", self.base))
            .query(&query)
            .header(reqwest::header::ACCEPT, "text/event-stream")
            .send()
            .await
            .map_err(|e| self.unreachable(e))?;
        if !response.status().is_success() {
            bail!(
                "the server has no event stream (HTTP {})",
                response.status().as_u16()
            );
        }
        Ok(response)
    }
}

/// Percent-encodes a path segment or query value.
pub fn enc(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
