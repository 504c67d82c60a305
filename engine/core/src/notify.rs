//! Mistral's notifier (`params.notify`): which events a step caused
//! (`WORKFLOW_LAUNCHED`, `TASK_SUCCEEDED`, ...) and their payloads, worked
//! out from the states before and after the step. Sending them is the
//! shell's business (after the step is committed, never inside it).
//!
//! `params.notify` is a list of publishers, e.g.
//! `[{"type": "webhook", "url": "http://...", "headers": {...},
//! "event_types": ["WORKFLOW_SUCCEEDED"]}]`; no `event_types` (or an empty
//! list) means every event. `noop` publishers are accepted and do nothing;
//! sub-workflows inherit their parent's `notify`.

use std::collections::HashMap;

use serde_json::{Map, Value, json};

use crate::dataflow::format_time;
use crate::execution::Execution;
use crate::records::{TaskExecution, WorkflowExecution};
use crate::state::State;

/// A webhook to post events to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Webhook {
    pub url: String,
    /// Extra request headers (string values only).
    pub headers: Vec<(String, String)>,
    /// The events it wants; empty: all.
    pub event_types: Vec<String>,
}

impl Webhook {
    pub fn wants(&self, event: &str) -> bool {
        self.event_types.is_empty() || self.event_types.iter().any(|e| e == event)
    }
}

/// Why a `notify` parameter is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Invalid 'notify' parameter: {0}")]
pub struct BadNotify(pub String);

/// The webhooks of `params.notify` (none when it is absent).
///
/// # Errors
/// [`BadNotify`] when `notify` is not a list of publisher objects with a
/// known `type` (`webhook` needs an `http(s)` `url`).
pub fn webhooks(params: &Map<String, Value>) -> Result<Vec<Webhook>, BadNotify> {
    let entries = match params.get("notify") {
        None | Some(Value::Null) => return Ok(Vec::new()),
        Some(Value::Array(entries)) => entries,
        Some(_) => return Err(BadNotify("a list of publishers is expected".into())),
    };
    let mut out = Vec::new();
    for (i, entry) in entries.iter().enumerate() {
        let Some(entry) = entry.as_object() else {
            return Err(BadNotify(format!("publisher {i} is not an object")));
        };
        match entry.get("type").and_then(Value::as_str) {
            Some("noop") => continue,
            Some("webhook") => {}
            other => {
                return Err(BadNotify(format!(
                    "publisher {i} has type {}: 'webhook' or 'noop' is expected",
                    other.map_or("(none)".to_owned(), |t| format!("'{t}'"))
                )));
            }
        }
        let url = entry.get("url").and_then(Value::as_str).unwrap_or("");
        if !(url.starts_with("http://") || url.starts_with("https://")) {
            return Err(BadNotify(format!(
                "publisher {i} needs an http:// or https:// 'url'"
            )));
        }
        let headers = match entry.get("headers") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Object(h)) => h
                .iter()
                .map(|(k, v)| match v {
                    Value::String(s) => Ok((k.clone(), s.clone())),
                    _ => Err(BadNotify(format!(
                        "publisher {i}: header '{k}' must be a string"
                    ))),
                })
                .collect::<Result<_, _>>()?,
            Some(_) => {
                return Err(BadNotify(format!(
                    "publisher {i}: 'headers' must be an object"
                )));
            }
        };
        let event_types = match entry.get("event_types") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(list)) => list
                .iter()
                .map(|e| {
                    e.as_str().map(str::to_owned).ok_or_else(|| {
                        BadNotify(format!("publisher {i}: 'event_types' must hold strings"))
                    })
                })
                .collect::<Result<_, _>>()?,
            Some(_) => {
                return Err(BadNotify(format!(
                    "publisher {i}: 'event_types' must be a list"
                )));
            }
        };
        out.push(Webhook {
            url: url.to_owned(),
            headers,
            event_types,
        });
    }
    Ok(out)
}

/// The states of an execution and its tasks before a step.
#[derive(Debug, Clone, Default)]
pub struct Before {
    state: Option<State>,
    tasks: HashMap<String, State>,
}

impl Before {
    /// Taken before the step, only for executions that notify.
    pub fn of(exec: &Execution) -> Self {
        Self {
            state: Some(exec.record.state),
            tasks: exec.tasks.iter().map(|t| (t.id.clone(), t.state)).collect(),
        }
    }
}

/// One event to publish: its name and Mistral's payload (with `event`).
#[derive(Debug, Clone, PartialEq)]
pub struct Notification {
    pub event: &'static str,
    pub payload: Value,
}

/// Mistral's workflow event for a move from `old` (`None`: not there
/// before) to `new`.
fn workflow_event(old: Option<State>, new: State) -> Option<&'static str> {
    Some(match new {
        State::Running => match old {
            None | Some(State::Idle) => "WORKFLOW_LAUNCHED",
            Some(State::Paused) => "WORKFLOW_RESUMED",
            Some(State::Error) | Some(State::Cancelled) => "WORKFLOW_RERUN",
            _ => return None,
        },
        State::Success => "WORKFLOW_SUCCEEDED",
        State::Error => "WORKFLOW_FAILED",
        State::Cancelled => "WORKFLOW_CANCELLED",
        State::Paused => "WORKFLOW_PAUSED",
        _ => return None,
    })
}

/// Mistral's task event for a move from `old` to `new`.
fn task_event(old: Option<State>, new: State) -> Option<&'static str> {
    Some(match new {
        State::Running => match old {
            None => "TASK_LAUNCHED",
            Some(State::Idle | State::Paused | State::Waiting | State::Delayed) => "TASK_RESUMED",
            Some(State::Error) => "TASK_RERUN",
            _ => return None,
        },
        State::Success => "TASK_SUCCEEDED",
        State::Error => "TASK_FAILED",
        State::Cancelled => "TASK_CANCELLED",
        State::Paused => "TASK_PAUSED",
        State::Skipped => "TASK_SKIPPED",
        _ => return None,
    })
}

/// The events of a move, with the launch first when the step went past
/// RUNNING (a task started and finished in one step is launched too).
fn moves(
    old: Option<State>,
    new: State,
    event: fn(Option<State>, State) -> Option<&'static str>,
    launch: &'static str,
    fresh: bool,
) -> Vec<&'static str> {
    if old == Some(new) {
        return Vec::new();
    }
    let mut out = Vec::new();
    if fresh && new != State::Running && new.is_completed() {
        out.push(launch);
    }
    out.extend(event(old, new));
    out
}

fn workflow_payload(r: &WorkflowExecution, event: &str) -> Value {
    json!({
        "id": r.id,
        "name": r.workflow_name,
        "workflow_name": r.workflow_name,
        "workflow_namespace": r.workflow_namespace,
        "workflow_id": r.workflow_id,
        "state": r.state.as_str(),
        "state_info": r.state_info,
        "project_id": r.project_id,
        "task_execution_id": r.task_execution_id,
        "root_execution_id": r.root_execution_id,
        "created_at": format_time(r.created_at),
        "updated_at": r.updated_at.map(format_time),
        "event": event,
    })
}

fn task_payload(r: &WorkflowExecution, t: &TaskExecution, event: &str) -> Value {
    json!({
        "id": t.id,
        "name": t.name,
        "workflow_execution_id": r.id,
        "workflow_name": r.workflow_name,
        "workflow_namespace": r.workflow_namespace,
        "workflow_id": r.workflow_id,
        "state": t.state.as_str(),
        "state_info": t.state_info,
        "type": t.kind.as_str(),
        "project_id": r.project_id,
        "created_at": format_time(t.created_at),
        "updated_at": t.updated_at.map(format_time),
        "started_at": t.started_at.map(format_time),
        "finished_at": t.finished_at.map(format_time),
        "event": event,
    })
}

/// The events a step caused: the workflow's launch (or resume, rerun)
/// first, then the tasks' in creation order, then the workflow's end.
/// `exec` is the execution after the step, its changes not yet taken.
pub fn notifications(before: &Before, exec: &Execution) -> Vec<Notification> {
    let record = &exec.record;
    let old = before.state.filter(|s| *s != State::Idle);
    let fresh = old.is_none();
    let workflow: Vec<&'static str> = moves(
        old,
        record.state,
        workflow_event,
        "WORKFLOW_LAUNCHED",
        fresh,
    );
    let (opening, closing): (Vec<&'static str>, Vec<&'static str>) =
        workflow.into_iter().partition(|e| {
            matches!(
                *e,
                "WORKFLOW_LAUNCHED" | "WORKFLOW_RESUMED" | "WORKFLOW_RERUN"
            )
        });
    let mut out: Vec<Notification> = opening
        .into_iter()
        .map(|event| Notification {
            event,
            payload: workflow_payload(record, event),
        })
        .collect();
    let mut tasks: Vec<&TaskExecution> = exec
        .changes
        .tasks
        .iter()
        .filter_map(|id| exec.task(id))
        .collect();
    tasks.sort_by_key(|t| t.seq);
    for task in tasks {
        let old = before.tasks.get(&task.id).copied();
        for event in moves(old, task.state, task_event, "TASK_LAUNCHED", old.is_none()) {
            out.push(Notification {
                event,
                payload: task_payload(record, task, event),
            });
        }
    }
    out.extend(closing.into_iter().map(|event| Notification {
        event,
        payload: workflow_payload(record, event),
    }));
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn publishers_are_read_from_params() {
        let params: Map<String, Value> = serde_json::from_value(json!({"notify": [
            {"type": "webhook", "url": "http://h/x", "headers": {"X-A": "1"},
             "event_types": ["TASK_FAILED"]},
            {"type": "noop"},
        ]}))
        .unwrap();
        let hooks = webhooks(&params).unwrap();
        assert_eq!(
            hooks,
            vec![Webhook {
                url: "http://h/x".into(),
                headers: vec![("X-A".into(), "1".into())],
                event_types: vec!["TASK_FAILED".into()],
            }]
        );
        assert!(hooks[0].wants("TASK_FAILED") && !hooks[0].wants("TASK_LAUNCHED"));
        assert!(webhooks(&Map::new()).unwrap().is_empty());
        for bad in [
            json!({"notify": "http://h"}),
            json!({"notify": [{"type": "email"}]}),
            json!({"notify": [{"type": "webhook", "url": "file:///etc/passwd"}]}),
            json!({"notify": [{"type": "webhook", "url": "http://h", "headers": {"a": 1}}]}),
        ] {
            let params: Map<String, Value> = serde_json::from_value(bad).unwrap();
            assert!(webhooks(&params).is_err(), "{params:?}");
        }
    }

    #[test]
    fn events_follow_mistral_names() {
        use State::*;
        assert_eq!(workflow_event(None, Running), Some("WORKFLOW_LAUNCHED"));
        assert_eq!(
            workflow_event(Some(Paused), Running),
            Some("WORKFLOW_RESUMED")
        );
        assert_eq!(workflow_event(Some(Error), Running), Some("WORKFLOW_RERUN"));
        assert_eq!(
            workflow_event(Some(Running), Error),
            Some("WORKFLOW_FAILED")
        );
        assert_eq!(task_event(None, Running), Some("TASK_LAUNCHED"));
        assert_eq!(task_event(Some(Waiting), Running), Some("TASK_RESUMED"));
        assert_eq!(task_event(Some(Error), Running), Some("TASK_RERUN"));
        assert_eq!(task_event(Some(Error), Skipped), Some("TASK_SKIPPED"));
        assert_eq!(task_event(Some(Running), Delayed), None);
        assert_eq!(
            moves(None, Success, task_event, "TASK_LAUNCHED", true),
            vec!["TASK_LAUNCHED", "TASK_SUCCEEDED"]
        );
        assert!(moves(Some(Running), Running, task_event, "TASK_LAUNCHED", false).is_empty());
    }
}
