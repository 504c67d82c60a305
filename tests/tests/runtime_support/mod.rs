//! Shared set-up of the runtime tests: a runtime with small limits and a
//! cache directory shared by the tests of one test binary, and a tiny HTTP
//! server on 127.0.0.1.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use bora::runtime::{
    ActionFailure, CallContext, CallOutput, CallOverrides, FailureKind, Outcome, Runtime,
    RuntimeConfig,
};
use serde_json::Value;

/// The component cache shared by all runtime tests (under cargo's
/// per-target temp dir): components are compiled once, not once per test.
pub fn cache_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bora-runtime-cache")
}

/// Limits small enough that hostile components fail fast.
pub fn test_config() -> RuntimeConfig {
    RuntimeConfig {
        fuel: 500_000_000,
        memory_bytes: 32 << 20,
        timeout: Duration::from_secs(10),
        cache_dir: Some(cache_dir()),
        max_concurrent_instances: 16,
        // The test servers listen on loopback, which only the operator
        // opens to actions.
        private_egress: vec!["127.0.0.1".into()],
        ..RuntimeConfig::default()
    }
}

pub async fn runtime() -> Runtime {
    Runtime::new(test_config()).await.unwrap()
}

pub async fn call(rt: &Runtime, name: &str, input: Value) -> Result<CallOutput, ActionFailure> {
    call_with(rt, name, input, CallOverrides::default()).await
}

pub async fn call_with(
    rt: &Runtime,
    name: &str,
    input: Value,
    overrides: CallOverrides,
) -> Result<CallOutput, ActionFailure> {
    rt.call(name, input, CallContext::default(), overrides)
        .await
}

/// The result of a call that must succeed with a value.
pub async fn done(rt: &Runtime, name: &str, input: Value) -> Value {
    match call(rt, name, input).await {
        Ok(CallOutput {
            outcome: Outcome::Done(value),
            ..
        }) => value,
        Ok(other) => panic!("{name}: expected a result, got {:?}", other.outcome),
        Err(failure) => panic!("{name} failed: {failure} (stderr: {})", failure.stderr),
    }
}

/// The failure of a call that must fail.
pub async fn failure(
    rt: &Runtime,
    name: &str,
    input: Value,
    overrides: CallOverrides,
) -> FailureKind {
    match call_with(rt, name, input, overrides).await {
        Ok(out) => panic!("{name}: expected a failure, got {:?}", out.outcome),
        Err(failure) => failure.kind,
    }
}

/// After any failure the same runtime must still serve a normal call.
pub async fn assert_still_serves(rt: &Runtime) {
    let value = done(rt, "std.echo", serde_json::json!({"output": "still here"})).await;
    assert_eq!(value, Value::String("still here".into()));
}

/// A request the test server received.
#[derive(Debug, Clone)]
pub struct Seen {
    pub request_line: String,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

/// An HTTP/1.1 server on 127.0.0.1 answering every request with `status`
/// and a JSON body, and recording what it received.
pub struct TestServer {
    pub addr: SocketAddr,
    pub seen: Arc<Mutex<Vec<Seen>>>,
}

impl TestServer {
    pub fn start(status: u16, reason: &'static str, body: &'static str) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut request_line = String::new();
                if reader.read_line(&mut request_line).is_err() {
                    continue;
                }
                let mut headers = Vec::new();
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                        break;
                    }
                    if let Some((k, v)) = line.trim_end().split_once(':') {
                        let (k, v) = (k.trim().to_ascii_lowercase(), v.trim().to_string());
                        if k == "content-length" {
                            length = v.parse().unwrap_or(0);
                        }
                        headers.push((k, v));
                    }
                }
                let mut req_body = vec![0; length];
                let _ = reader.read_exact(&mut req_body);
                log.lock().unwrap().push(Seen {
                    request_line: request_line.trim_end().to_string(),
                    headers,
                    body: String::from_utf8_lossy(&req_body).into_owned(),
                });
                let response = format!(
                    "HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n\
                     X-Test: yes\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                    body.len()
                );
                let _ = stream.write_all(response.as_bytes());
            }
        });
        Self { addr, seen }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    pub fn requests(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}
