//! A node served on `127.0.0.1:0` for the REST tests, and a minimal HTTP/1.1
//! client (one request per connection), so the tests need no HTTP client
//! crate. Every test runs against SQLite, and against PostgreSQL too when
//! `BORA_TEST_POSTGRES_URL` is set (a fresh database per server).

#![allow(dead_code)]

// One temp-database helper for the store suite and this one.
use crate::pg;

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use bora::api::{ApiState, router};
use bora::node::{Node, NodeConfig};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

pub struct Server {
    pub name: &'static str,
    pub addr: SocketAddr,
    /// The database the node runs on.
    pub url: String,
    node: Option<Node>,
    server: tokio::task::JoinHandle<()>,
    _dir: Option<tempfile::TempDir>,
    _pg: Option<pg::TempPostgres>,
}

pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("not JSON ({e}): {}", self.body))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// Parses a JSON-in-JSON string field.
pub fn inner(value: &Value) -> Value {
    serde_json::from_str(value.as_str().expect("a JSON string field")).expect("inner JSON")
}

async fn start(
    name: &'static str,
    url: String,
    dir: Option<tempfile::TempDir>,
    pg: Option<pg::TempPostgres>,
    configure: &impl Fn(&mut NodeConfig, SocketAddr),
) -> Server {
    // Bound first, so the configuration can name the API's address.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    let mut config = NodeConfig {
        database_url: url.clone(),
        ..Default::default()
    };
    configure(&mut config, addr);
    let node = Node::start(config).await.expect("node starts");
    let app = router(ApiState::new(node.service.clone()));
    let server = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    Server {
        name,
        addr,
        url,
        node: Some(node),
        server,
        _dir: dir,
        _pg: pg,
    }
}

/// One server per configured backend.
pub async fn servers() -> Vec<Server> {
    servers_with("bora_api", |_| {}).await
}

/// One server per configured backend, each node configured by `configure`
/// (the database URL is set already); PostgreSQL databases are named after
/// `prefix`.
pub async fn servers_with(prefix: &str, configure: impl Fn(&mut NodeConfig)) -> Vec<Server> {
    servers_at(prefix, move |config, _| configure(config)).await
}

/// As [`servers_with`], `configure` also getting the address the node's
/// API listens on (for `public_url`).
pub async fn servers_at(
    prefix: &str,
    configure: impl Fn(&mut NodeConfig, SocketAddr),
) -> Vec<Server> {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    let mut out = vec![start("sqlite", url, Some(dir), None, &configure).await];
    if let Some(pg) = pg::TempPostgres::create(prefix).await {
        out.push(start("postgres", pg.url.clone(), None, Some(pg), &configure).await);
    }
    out
}

impl Server {
    pub async fn request(
        &self,
        method: &str,
        path: &str,
        body: Option<(&str, &str)>,
        accept: &str,
    ) -> Reply {
        let (ctype, text) = body.unwrap_or(("", ""));
        self.request_bytes(method, path, ctype, text.as_bytes(), accept)
            .await
    }

    /// Uploads a component: `POST /v2/actions?{query}` with its bytes.
    pub async fn upload_wasm(&self, query: &str, wasm: &[u8]) -> Reply {
        let path = format!("/v2/actions?{query}");
        self.request_bytes("POST", &path, "application/wasm", wasm, "*/*")
            .await
    }

    /// One request with any body (`ctype` empty: no Content-Type).
    pub async fn request_bytes(
        &self,
        method: &str,
        path: &str,
        ctype: &str,
        text: &[u8],
        accept: &str,
    ) -> Reply {
        self.request_with(method, path, ctype, text, accept, &[])
            .await
    }

    /// A JSON request with extra headers.
    pub async fn send_json_with(
        &self,
        method: &str,
        path: &str,
        body: &Value,
        headers: &[(&str, &str)],
    ) -> Reply {
        let text = body.to_string();
        self.request_with(
            method,
            path,
            "application/json",
            text.as_bytes(),
            "*/*",
            headers,
        )
        .await
    }

    /// One request with any body and extra headers.
    pub async fn request_with(
        &self,
        method: &str,
        path: &str,
        ctype: &str,
        text: &[u8],
        accept: &str,
        extra: &[(&str, &str)],
    ) -> Reply {
        let mut stream = TcpStream::connect(self.addr).await.expect("connect");
        let mut head = format!(
            "{method} /{} HTTP/1.1\r\nHost: {}\r\nAccept: {accept}\r\nConnection: close\r\nContent-Length: {}\r\n",
            path.trim_start_matches('/'),
            self.addr,
            text.len()
        );
        if !ctype.is_empty() {
            head.push_str(&format!("Content-Type: {ctype}\r\n"));
        }
        for (name, value) in extra {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).await.expect("write");
        stream.write_all(text).await.expect("write body");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).await.expect("read");
        let raw = String::from_utf8(raw).expect("UTF-8 answer");
        let (head, body) = raw.split_once("\r\n\r\n").expect("HTTP answer");
        let mut lines = head.lines();
        let status: u16 = lines
            .next()
            .and_then(|l| l.split(' ').nth(1))
            .and_then(|s| s.parse().ok())
            .expect("status line");
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(k, v)| (k.trim().to_owned(), v.trim().to_owned()))
            .collect();
        let chunked = headers.iter().any(|(k, v)| {
            k.eq_ignore_ascii_case("transfer-encoding") && v.eq_ignore_ascii_case("chunked")
        });
        let body = if chunked {
            dechunk(body)
        } else {
            body.to_owned()
        };
        Reply {
            status,
            headers,
            body,
        }
    }

    pub async fn get(&self, path: &str) -> Reply {
        self.request("GET", path, None, "*/*").await
    }

    pub async fn delete(&self, path: &str) -> Reply {
        self.request("DELETE", path, None, "*/*").await
    }

    pub async fn post_yaml(&self, path: &str, yaml: &str) -> Reply {
        self.request("POST", path, Some(("text/plain", yaml)), "*/*")
            .await
    }

    pub async fn send_json(&self, method: &str, path: &str, body: &Value) -> Reply {
        self.request(
            method,
            path,
            Some(("application/json", &body.to_string())),
            "*/*",
        )
        .await
    }

    /// Polls an execution until it leaves RUNNING/IDLE (at most 30 s).
    pub async fn wait_done(&self, id: &str) -> Value {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let ex = self.get(&format!("/v2/executions/{id}")).await.json();
            let state = ex["state"].as_str().unwrap_or("").to_owned();
            if !matches!(state.as_str(), "RUNNING" | "IDLE") || Instant::now() > deadline {
                return ex;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }

    /// Starts `workflow` with `input` (201 expected) and waits until it
    /// finishes: its id and its final record.
    pub async fn run_workflow(&self, workflow: &str, input: &Value) -> (String, Value) {
        let started = self
            .send_json(
                "POST",
                "/v2/executions",
                &serde_json::json!({"workflow_name": workflow, "input": input.to_string()}),
            )
            .await;
        assert_eq!(started.status, 201, "{}: {}", self.name, started.body);
        let id = started.json()["id"].as_str().unwrap_or_default().to_owned();
        let ex = self.wait_done(&id).await;
        (id, ex)
    }

    /// Each task of execution `id` as (name, state, shown): its result when
    /// it succeeded, else its `state_info` (the list leaves `result` out, so
    /// each task's own answer is asked).
    pub async fn task_outcomes(&self, id: &str) -> Vec<(String, String, String)> {
        let tasks = self.get(&format!("/v2/executions/{id}/tasks")).await.json();
        let mut out = Vec::new();
        for t in tasks["tasks"].as_array().cloned().unwrap_or_default() {
            let one = self
                .get(&format!(
                    "/v2/tasks/{}",
                    t["id"].as_str().unwrap_or_default()
                ))
                .await
                .json();
            let shown = match one["state"].as_str() {
                Some("SUCCESS") => one["result"].as_str().unwrap_or_default().to_owned(),
                _ => one["state_info"].as_str().unwrap_or_default().to_owned(),
            };
            out.push((
                one["name"].as_str().unwrap_or_default().to_owned(),
                one["state"].as_str().unwrap_or_default().to_owned(),
                shown,
            ));
        }
        out
    }

    /// Stops the node and starts a new one on the same database (the old
    /// node hands its unfinished jobs back as it stops).
    pub async fn restart(mut self) -> Server {
        self.server.abort();
        if let Some(node) = self.node.take() {
            node.shutdown().await;
        }
        start(
            self.name,
            self.url.clone(),
            self._dir.take(),
            self._pg.take(),
            &|_, _| {},
        )
        .await
    }

    pub async fn stop(mut self) {
        self.server.abort();
        if let Some(node) = self.node.take() {
            node.shutdown().await;
        }
    }
}

fn dechunk(body: &str) -> String {
    let mut out = String::new();
    let mut rest = body;
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(n) = usize::from_str_radix(size.trim(), 16) else {
            break;
        };
        if n == 0 || after.len() < n {
            break;
        }
        out.push_str(&after[..n]);
        rest = after[n..].trim_start_matches("\r\n");
    }
    out
}

/// The (state, shown) of the task called `name` in `Server::task_outcomes`.
pub fn task_outcome<'a>(tasks: &'a [(String, String, String)], name: &str) -> (&'a str, &'a str) {
    let (_, state, shown) = tasks
        .iter()
        .find(|(n, _, _)| n == name)
        .unwrap_or_else(|| panic!("no task {name}: {tasks:?}"));
    (state, shown)
}
