//! `std.mistral_http` end to end, on each backend: the request carries
//! Mistral's headers; the action stays RUNNING after the response until
//! the remote side completes it with `PUT` on the callback URL it was
//! given, and the workflow then goes on with that result; an error status
//! fails the task at once.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::api_support::{Server, inner, servers_at};
use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Notify;

/// One request the remote side received.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    /// Header names in lower case.
    headers: Vec<(String, String)>,
    body: String,
}

impl Seen {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

/// The remote side of std.mistral_http: records each request; on `/ok` it
/// answers 200 and, once the test says `go`, completes the action through
/// the callback URL from the request's headers (with the body it got); on
/// any other path it answers 503.
struct Remote {
    addr: SocketAddr,
    seen: Arc<Mutex<Vec<Seen>>>,
    go: Arc<Notify>,
    /// Status of each callback PUT.
    callbacks: Arc<Mutex<Vec<u16>>>,
}

impl Remote {
    async fn start() -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let remote = Remote {
            addr: listener.local_addr().unwrap(),
            seen: Arc::default(),
            go: Arc::new(Notify::new()),
            callbacks: Arc::default(),
        };
        let (seen, go, callbacks) = (
            Arc::clone(&remote.seen),
            Arc::clone(&remote.go),
            Arc::clone(&remote.callbacks),
        );
        tokio::spawn(async move {
            while let Ok((stream, _)) = listener.accept().await {
                let (seen, go, callbacks) = (seen.clone(), go.clone(), callbacks.clone());
                tokio::spawn(async move {
                    let request = serve_one(stream).await;
                    seen.lock().unwrap().push(request.clone());
                    if request.path == "/ok" {
                        go.notified().await;
                        let status = complete(&request).await;
                        callbacks.lock().unwrap().push(status);
                    }
                });
            }
        });
        remote
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// Waits (10 s at most) for the `n`th request.
    async fn wait_for(&self, n: usize) -> Seen {
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(seen) = self.seen.lock().unwrap().get(n - 1) {
                return seen.clone();
            }
            assert!(Instant::now() < deadline, "no request {n} came");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    }
}

/// Reads one request and answers it (200 on `/ok`, else 503).
async fn serve_one(stream: TcpStream) -> Seen {
    let mut reader = BufReader::new(stream);
    let mut line = String::new();
    reader.read_line(&mut line).await.unwrap();
    let mut parts = line.split_whitespace();
    let method = parts.next().unwrap_or_default().to_owned();
    let path = parts.next().unwrap_or_default().to_owned();
    let mut headers = Vec::new();
    loop {
        line.clear();
        reader.read_line(&mut line).await.unwrap();
        let Some((name, value)) = line.trim_end().split_once(':') else {
            break;
        };
        headers.push((name.trim().to_ascii_lowercase(), value.trim().to_owned()));
    }
    let length: usize = headers
        .iter()
        .find(|(k, _)| k == "content-length")
        .map_or(0, |(_, v)| v.parse().unwrap());
    let mut body = vec![0; length];
    reader.read_exact(&mut body).await.unwrap();
    let answer = if path == "/ok" {
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 17\r\n\
         Connection: close\r\n\r\n{\"accepted\":true}"
    } else {
        "HTTP/1.1 503 Service Unavailable\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbusy"
    };
    let mut stream = reader.into_inner();
    stream.write_all(answer.as_bytes()).await.unwrap();
    stream.shutdown().await.unwrap();
    Seen {
        method,
        path,
        headers,
        body: String::from_utf8(body).unwrap(),
    }
}

/// `PUT` on the request's `Mistral-Callback-URL`: the action's result is
/// what the remote side got. Returns the answer's status.
async fn complete(request: &Seen) -> u16 {
    let url = request.header("mistral-callback-url").unwrap();
    let rest = url.strip_prefix("http://").unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let got: Value = serde_json::from_str(&request.body).unwrap();
    let body = json!({
        "state": "SUCCESS",
        "output": json!({"remote": "done", "got": got}).to_string(),
    })
    .to_string();
    let mut stream = TcpStream::connect(host).await.unwrap();
    let head = format!(
        "PUT /{path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body.as_bytes()).await.unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await.unwrap();
    answer
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

const WORKFLOW: &str = "---
version: '2.0'
mh_wf:
  input: [url]
  tasks:
    call:
      action: std.mistral_http
      input:
        url: <% $.url %>
        method: POST
        json:
          job: 42
        headers:
          X-Trace: abc
      limits:
        allowed-hosts: ['127.0.0.1']
      publish:
        answer: <% task().result %>
  output:
    answer: <% $.answer %>
";

async fn start(s: &Server, url: &str) -> String {
    let started = s
        .send_json(
            "POST",
            "/v2/executions",
            &json!({"workflow_name": "mh_wf", "input": json!({"url": url}).to_string()}),
        )
        .await;
    assert_eq!(started.status, 201, "{}", started.body);
    started.json()["id"].as_str().unwrap().to_owned()
}

/// The only task of an execution.
async fn only_task(s: &Server, execution: &str) -> Value {
    let tasks = s.get(&format!("/v2/executions/{execution}/tasks")).await;
    tasks.json()["tasks"][0].clone()
}

#[tokio::test]
async fn the_remote_side_completes_the_action_through_the_callback_url() {
    // The remote side listens on loopback, which only the operator opens;
    // the public URL is where the test's node listens.
    let configure = |config: &mut bora::node::NodeConfig, api: SocketAddr| {
        config.runtime.private_egress = vec!["127.0.0.1".into()];
        config.runtime.public_url = Some(format!("http://{api}/"));
    };
    for server in servers_at("bora_mistral_http", configure).await {
        let s = &server;
        let remote = Remote::start().await;
        let created = s.post_yaml("/v2/workflows", WORKFLOW).await;
        assert_eq!(created.status, 201, "{}", created.body);

        let id = start(s, &remote.url("/ok")).await;
        let request = remote.wait_for(1).await;
        let task = only_task(s, &id).await;
        let task_id = task["id"].as_str().unwrap();
        let actions = s
            .get(&format!("/v2/tasks/{task_id}/action_executions"))
            .await
            .json();
        let action_id = actions["action_executions"][0]["id"].as_str().unwrap();
        assert_eq!(request.method, "POST");
        assert_eq!(request.header("x-trace"), Some("abc"));
        assert_eq!(request.body, r#"{"job":42}"#);
        for (name, value) in [
            ("mistral-workflow-name", "mh_wf".to_owned()),
            ("mistral-workflow-execution-id", id.clone()),
            ("mistral-task-id", task_id.to_owned()),
            ("mistral-action-execution-id", action_id.to_owned()),
            (
                "mistral-callback-url",
                format!("http://{}/v2/action_executions/{action_id}", s.addr),
            ),
        ] {
            assert_eq!(
                request.header(name),
                Some(value.as_str()),
                "{name}: {request:?}"
            );
        }

        // Answered, and still waiting for the remote side.
        tokio::time::sleep(Duration::from_millis(300)).await;
        let action = s.get(&format!("/v2/action_executions/{action_id}")).await;
        assert_eq!(action.json()["state"], "RUNNING", "{}", action.body);
        let ex = s.get(&format!("/v2/executions/{id}")).await.json();
        assert_eq!(ex["state"], "RUNNING", "{ex}");

        remote.go.notify_one();
        let done = s.wait_done(&id).await;
        assert_eq!(done["state"], "SUCCESS", "{done}");
        assert_eq!(
            inner(&done["output"]),
            json!({"answer": {"remote": "done", "got": {"job": 42}}})
        );
        assert_eq!(*remote.callbacks.lock().unwrap(), vec![200]);
        server.stop().await;
    }
}

#[tokio::test]
async fn an_error_status_fails_the_task_at_once() {
    let configure = |config: &mut bora::node::NodeConfig, api: SocketAddr| {
        config.runtime.private_egress = vec!["127.0.0.1".into()];
        config.runtime.public_url = Some(format!("http://{api}"));
    };
    for server in servers_at("bora_mistral_http", configure).await {
        let s = &server;
        let remote = Remote::start().await;
        let created = s.post_yaml("/v2/workflows", WORKFLOW).await;
        assert_eq!(created.status, 201, "{}", created.body);

        let started = Instant::now();
        let id = start(s, &remote.url("/busy")).await;
        let done = s.wait_done(&id).await;
        assert_eq!(done["state"], "ERROR", "{done}");
        // Nobody completed it: the error status alone ended it.
        assert!(started.elapsed() < Duration::from_secs(20), "{done}");
        let task = only_task(s, &id).await;
        assert_eq!(task["state"], "ERROR", "{task}");
        // As std.http's: the response dict is the error.
        let info = task["state_info"].as_str().unwrap_or_default();
        assert!(info.contains("503") && info.contains("busy"), "{task}");
        assert_eq!(remote.seen.lock().unwrap().len(), 1);
        server.stop().await;
    }
}
