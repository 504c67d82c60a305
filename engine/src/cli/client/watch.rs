//! Following an execution until it ends (`bora execution watch`, `start
//! --wait`): its tasks as they progress, re-read through the REST API each
//! time the server's event stream says the execution was stepped (and every
//! few seconds regardless, for steps taken on other nodes). On a terminal
//! this is a live view (indicatif); otherwise one plain line per change. All
//! of it goes to stderr, so stdout keeps only the result.

use std::collections::HashMap;
use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{MultiProgress, ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::Value;

use super::Client;
use super::http::enc;
use super::{inner, text};

/// Re-read at least this often while the event stream is quiet.
const QUIET: Duration = Duration::from_secs(5);
/// Without an event stream (a server without one), read this often.
const NO_STREAM: Duration = Duration::from_secs(1);

/// States an execution does not leave by itself.
pub fn is_final(state: &str) -> bool {
    matches!(state, "SUCCESS" | "ERROR" | "CANCELLED")
}

/// How a task is shown: its state and what else changes while it runs.
fn task_line(task: &Value) -> (String, String) {
    let state = text(task, "state");
    let mut extra = Vec::new();
    let rc = inner(task, "runtime_context");
    if let Some(wi) = rc.get("with_items") {
        let n = |k: &str| wi.get(k).and_then(Value::as_u64).unwrap_or(0);
        extra.push(format!(
            "{}/{} items",
            n("succeeded") + n("failed") + n("cancelled"),
            n("count")
        ));
    }
    if let Some(retry) = rc
        .get("retry_task_policy")
        .and_then(|r| r.get("retry_no"))
        .and_then(Value::as_u64)
        .filter(|r| *r > 0)
    {
        extra.push(format!("retry {retry}"));
    }
    let mut detail = if extra.is_empty() {
        String::new()
    } else {
        format!(" ({})", extra.join(", "))
    };
    if state == "ERROR" {
        let info = text(task, "state_info");
        if let Some(first) = info.lines().next() {
            detail.push_str(&format!(": {}", super::output::clip(first, 160)));
        }
    }
    (state, detail)
}

/// What is on screen.
enum View {
    Live {
        multi: MultiProgress,
        header: ProgressBar,
        tasks: HashMap<String, ProgressBar>,
        shown: HashMap<String, (String, String)>,
    },
    Plain {
        shown: HashMap<String, (String, String)>,
        state: String,
    },
}

fn mark(state: &str) -> &'static str {
    match state {
        "SUCCESS" => "✓",
        "ERROR" => "✗",
        "CANCELLED" => "⊘",
        "SKIPPED" => "↷",
        "PAUSED" => "‖",
        _ => "·",
    }
}

impl View {
    fn new() -> Self {
        if !std::io::stderr().is_terminal() {
            return View::Plain {
                shown: HashMap::new(),
                state: String::new(),
            };
        }
        let multi = MultiProgress::with_draw_target(ProgressDrawTarget::stderr());
        let header = multi.add(ProgressBar::new_spinner());
        if let Ok(style) = ProgressStyle::with_template("{spinner} {msg} [{elapsed}]") {
            header.set_style(style);
        }
        header.enable_steady_tick(Duration::from_millis(120));
        View::Live {
            multi,
            header,
            tasks: HashMap::new(),
            shown: HashMap::new(),
        }
    }

    fn update(&mut self, exec: &Value, tasks: &[Value]) {
        let exec_state = text(exec, "state");
        match self {
            View::Plain { shown, state } => {
                for task in tasks {
                    let line = task_line(task);
                    let id = text(task, "id");
                    if shown.get(&id) != Some(&line) {
                        eprintln!("{:<9} {}{}", line.0, text(task, "name"), line.1);
                        shown.insert(id, line);
                    }
                }
                if *state != exec_state {
                    if !state.is_empty() || exec_state != "RUNNING" {
                        eprintln!("execution {exec_state}");
                    }
                    *state = exec_state;
                }
            }
            View::Live {
                multi,
                header,
                tasks: bars,
                shown,
            } => {
                header.set_message(format!("{} {exec_state}", text(exec, "workflow_name")));
                for task in tasks {
                    let line = task_line(task);
                    let id = text(task, "id");
                    if shown.get(&id) == Some(&line) {
                        continue;
                    }
                    let bar = bars.entry(id.clone()).or_insert_with(|| {
                        let bar = multi.add(ProgressBar::new_spinner());
                        if let Ok(style) = ProgressStyle::with_template("  {spinner} {msg}") {
                            bar.set_style(style);
                        }
                        bar
                    });
                    let name = text(task, "name");
                    let message = format!("{:<9} {name}{}", line.0, line.1);
                    if matches!(line.0.as_str(), "RUNNING" | "IDLE" | "WAITING") {
                        bar.enable_steady_tick(Duration::from_millis(120));
                        bar.set_message(message);
                    } else {
                        bar.set_style(
                            ProgressStyle::with_template("  {msg}")
                                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
                        );
                        bar.finish_with_message(format!("{} {message}", mark(&line.0)));
                    }
                    shown.insert(id, line);
                }
            }
        }
    }

    fn finish(self) {
        if let View::Live { header, .. } = self {
            header.finish_and_clear();
        }
    }
}

/// Where the event stream stands.
struct Events {
    response: Option<reqwest::Response>,
    buffer: String,
}

impl Events {
    /// Waits for an event about the execution, at most `wait`. A closed
    /// stream is dropped (and reopened on the next call).
    async fn next(&mut self, client: &Client, id: &str, wait: Duration) {
        let deadline = tokio::time::Instant::now() + wait;
        if self.response.is_none() {
            self.response = client.events(&[id]).await.ok();
            self.buffer.clear();
        }
        let Some(response) = self.response.as_mut() else {
            tokio::time::sleep_until(deadline.min(tokio::time::Instant::now() + NO_STREAM)).await;
            return;
        };
        loop {
            match tokio::time::timeout_at(deadline, response.chunk()).await {
                Err(_) => return,
                Ok(Ok(Some(bytes))) => {
                    self.buffer.push_str(&String::from_utf8_lossy(&bytes));
                    let normalized = self.buffer.replace("\r\n", "\n");
                    let Some(end) = normalized.rfind("\n\n") else {
                        self.buffer = normalized;
                        continue;
                    };
                    // Events (not keep-alive comments) end the wait.
                    let blocks = &normalized[..end];
                    let any_event = blocks
                        .split("\n\n")
                        .any(|b| b.lines().any(|l| l.starts_with("event:")));
                    self.buffer = normalized[end + 2..].to_owned();
                    if any_event {
                        return;
                    }
                }
                Ok(_) => {
                    self.response = None;
                    return;
                }
            }
        }
    }
}

/// Follows execution `id` until it is SUCCESS, ERROR or CANCELLED and
/// returns its final record.
pub async fn follow(client: &Client, id: &str) -> anyhow::Result<Value> {
    let mut view = View::new();
    let mut events = Events {
        response: client.events(&[id]).await.ok(),
        buffer: String::new(),
    };
    let path = format!("/executions/{}", enc(id));
    loop {
        let exec = client.get(&path).await?;
        let tasks = client
            .list(
                &format!("{path}/tasks?sort_keys=created_at,id"),
                "tasks",
                None,
            )
            .await?;
        view.update(&exec, &tasks);
        if is_final(&text(&exec, "state")) {
            view.finish();
            return Ok(exec);
        }
        let wait = if events.response.is_some() {
            QUIET
        } else {
            NO_STREAM
        };
        events.next(client, id, wait).await;
    }
}
