//! A task's runtime bookkeeping (Mistral's `runtime_context`), typed.
//!
//! Stored as JSON with the task. The keys are those Bora has always
//! written, so stored executions stay readable: `retry_task_policy` and
//! `with_items` as in Mistral, `concurrency`, and `bora` for Bora's own
//! bookkeeping. Presence matters in places (`with_items` marks a with-items
//! task; some counters are written only once they move), so the optional
//! fields stay `Option` rather than defaulting to zero and showing up where
//! they were absent. Keys this version does not know are kept in `other`
//! and written back unchanged.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::state::State;

/// Everything a task keeps between steps besides its record's columns.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskRuntime {
    /// Bora's own bookkeeping.
    #[serde(default, skip_serializing_if = "Bookkeeping::is_empty")]
    pub bora: Bookkeeping,
    /// The evaluated `concurrency` policy, when over 0 (kept for retries).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<u64>,
    /// Present for a with-items task (even with no items).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_items: Option<WithItems>,
    /// Present once the retry policy has scheduled a retry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_task_policy: Option<RetryState>,
    /// Keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// Bora's bookkeeping of one task (`runtime_context.bora`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Bookkeeping {
    /// A `join: N` re-check is armed (see `Timer::JoinCheck`); written
    /// back as `false` once it fires.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub join_check_armed: Option<bool>,
    /// The rerun generation: timers of an earlier run are ignored.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub run: Option<u64>,
    /// Actions and sub-workflows a retry, rerun or timeout gave up: their
    /// results are recorded but do not count.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub superseded: Option<Vec<String>>,
    /// with-items indexes a rerun without reset keeps.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keep_items: Option<Vec<u64>>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub pause_before_done: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub timeout_armed: bool,
    /// The evaluated `timeout` policy in seconds, when over 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout: Option<u64>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub wait_before_done: bool,
    /// Bytes of action results counted against `max_result_bytes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result_bytes: Option<u64>,
    #[serde(default, skip_serializing_if = "is_false")]
    pub wait_after_done: bool,
    /// The completion held back by `wait-after`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
    /// The task had a publish spec without branch values: `published`
    /// shows `null`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub published_null: bool,
    /// Keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// A completion held back by `wait-after`, applied when it elapses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pending {
    pub state: State,
    /// Written as `null` when absent.
    pub info: Option<String>,
}

/// with-items progress (`runtime_context.with_items`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct WithItems {
    /// Number of items.
    #[serde(default)]
    pub count: u64,
    /// The concurrency cap; written as `null` when there is none.
    #[serde(default)]
    pub capacity: Option<u64>,
    /// Items started so far (a position in `todo` when it is set).
    #[serde(default)]
    pub next: u64,
    /// The indexes still to run, when a rerun kept some items.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub todo: Option<Vec<u64>>,
    /// Completion counters, written once they move.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub succeeded: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failed: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancelled: Option<u64>,
    /// Keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The retry policy's progress (`runtime_context.retry_task_policy`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct RetryState {
    /// Retries started so far.
    #[serde(default)]
    pub retry_no: u64,
    /// Keys this version does not know, kept as they were.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

impl TaskRuntime {
    /// The `runtime_context` the REST API shows: Mistral's keys, without
    /// Bora's own bookkeeping (`bora`), which stays in the stored state.
    /// Once the task is `finished` its retries have ended, and Mistral has
    /// deleted `retry_no` (Bora keeps the count for its reports).
    pub fn public_view(&self, finished: bool) -> Map<String, Value> {
        match serde_json::to_value(self) {
            Ok(Value::Object(mut map)) => {
                map.remove("bora");
                if finished && let Some(Value::Object(retry)) = map.get_mut("retry_task_policy") {
                    retry.remove("retry_no");
                }
                map
            }
            // Serialising plain data cannot fail; an empty context is the
            // harmless answer if it ever did.
            _ => Map::new(),
        }
    }

    /// Retries started so far in this run.
    pub fn retry_no(&self) -> u64 {
        self.retry_task_policy.as_ref().map_or(0, |r| r.retry_no)
    }

    /// The attempt a timer belongs to: the rerun generation in the high
    /// bits, the retry number in the low bits, so timers of an earlier run
    /// or retry are ignored.
    pub fn attempt(&self) -> u64 {
        (self.bora.run.unwrap_or(0) << 32) | self.retry_no()
    }

    /// Whether a retry, rerun or timeout gave up this action's or
    /// sub-workflow's result.
    pub fn is_superseded(&self, id: &str) -> bool {
        self.bora
            .superseded
            .as_ref()
            .is_some_and(|list| list.iter().any(|s| s == id))
    }
}

impl Bookkeeping {
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// Adds `ids` to the superseded list, each once; the list is written
    /// even when nothing is added.
    pub fn supersede(&mut self, ids: impl IntoIterator<Item = String>) {
        let list = self.superseded.get_or_insert_with(Vec::new);
        // A set beside the list: a retried with-items of sub-workflows adds
        // every item's id at each retry.
        let mut seen: HashSet<String> = list.iter().cloned().collect();
        for id in ids {
            if seen.insert(id.clone()) {
                list.push(id);
            }
        }
    }
}

impl WithItems {
    /// Items still to start in all: the length of `todo` when a rerun kept
    /// some items, else `count`.
    pub fn total(&self) -> u64 {
        match &self.todo {
            Some(todo) => todo.len() as u64,
            None => self.count,
        }
    }

    /// The item index at position `next`, if any is left.
    pub fn index_at(&self, next: u64) -> Option<u64> {
        match &self.todo {
            Some(todo) => usize::try_from(next)
                .ok()
                .and_then(|i| todo.get(i))
                .copied(),
            None => Some(next),
        }
    }

    pub fn succeeded(&self) -> u64 {
        self.succeeded.unwrap_or(0)
    }

    pub fn failed(&self) -> u64 {
        self.failed.unwrap_or(0)
    }

    pub fn cancelled(&self) -> u64 {
        self.cancelled.unwrap_or(0)
    }

    /// Items finished, whatever their outcome.
    pub fn finished(&self) -> u64 {
        self.succeeded() + self.failed() + self.cancelled()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    /// Runtime contexts as the version before the typed struct wrote them
    /// (key order included), taken from runs of the core on workflows
    /// with retry, with-items with concurrency, wait-before, wait-after,
    /// timeout, joins, global-only publish, sub-workflows and reruns.
    const WRITTEN: &[&str] = &[
        r#"{"bora":{"pause_before_done":true,"timeout_armed":true,"timeout":100,"wait_before_done":true,"result_bytes":29,"wait_after_done":true,"pending":{"state":"ERROR","info":"One or more actions had failed."},"superseded":[],"keep_items":[]},"concurrency":2,"with_items":{"count":3,"capacity":2,"next":3,"succeeded":2,"failed":1},"retry_task_policy":{"retry_no":1}}"#,
        r#"{"bora":{"pause_before_done":true,"timeout_armed":true,"wait_before_done":true,"superseded":["id-0579","id-0580"],"keep_items":[],"result_bytes":0},"with_items":{"count":2,"capacity":null,"next":2,"succeeded":2},"retry_task_policy":{"retry_no":1}}"#,
        r#"{"bora":{"join_check_armed":false,"pause_before_done":true,"timeout_armed":true,"wait_before_done":true,"result_bytes":4,"published_null":true}}"#,
        r#"{"bora":{"pause_before_done":true,"timeout_armed":true,"wait_before_done":true,"result_bytes":4}}"#,
        r#"{"bora":{"pause_before_done":true,"timeout_armed":true,"wait_before_done":true,"result_bytes":29,"superseded":[],"keep_items":[]},"with_items":{"count":3,"capacity":null,"next":3,"succeeded":2,"failed":1},"retry_task_policy":{"retry_no":1}}"#,
        r#"{"bora":{"pause_before_done":true,"timeout_armed":true,"timeout":5,"wait_before_done":true,"superseded":["id-0007","id-0008"]},"with_items":{"count":2,"capacity":null,"next":2}}"#,
        r#"{"bora":{"run":1,"superseded":[],"keep_items":[],"pause_before_done":true,"timeout_armed":true,"wait_before_done":true,"result_bytes":29},"with_items":{"count":3,"capacity":null,"next":3,"succeeded":2,"failed":1},"retry_task_policy":{"retry_no":1}}"#,
        r#"{"bora":{"pause_before_done":true,"timeout_armed":true,"wait_before_done":true,"result_bytes":29},"with_items":{"count":3,"capacity":null,"next":3,"succeeded":2,"failed":1}}"#,
        r#"{"bora":{"pause_before_done":true,"timeout_armed":true,"wait_before_done":true,"result_bytes":4,"wait_after_done":true,"pending":{"state":"SUCCESS","info":null}}}"#,
        r#"{"bora":{"run":1,"superseded":[],"keep_items":[0,2],"pause_before_done":true,"timeout_armed":true,"wait_before_done":true,"result_bytes":19},"with_items":{"count":3,"capacity":null,"next":1,"todo":[1],"succeeded":2,"failed":1}}"#,
        r#"{}"#,
    ];

    #[test]
    fn stored_runtime_contexts_read_and_write_back_the_same() {
        for text in WRITTEN {
            let stored: Value = serde_json::from_str(text).expect("sample is JSON");
            let typed: TaskRuntime = serde_json::from_str(text).expect("sample reads");
            assert!(typed.other.is_empty(), "{text}");
            assert!(typed.bora.other.is_empty(), "{text}");
            // Same keys and values (the order of keys follows the struct).
            assert_eq!(serde_json::to_value(&typed).ok(), Some(stored), "{text}");
        }
    }

    #[test]
    fn typed_fields_hold_what_was_written() {
        let first: TaskRuntime = serde_json::from_str(WRITTEN[0]).expect("reads");
        assert_eq!(first.retry_no(), 1);
        assert_eq!(first.attempt(), 1);
        assert_eq!(first.concurrency, Some(2));
        assert_eq!(first.bora.timeout, Some(100));
        assert!(first.bora.pause_before_done && first.bora.timeout_armed);
        assert!(first.bora.wait_before_done && first.bora.wait_after_done);
        assert_eq!(first.bora.result_bytes, Some(29));
        assert_eq!(
            first.bora.pending,
            Some(Pending {
                state: State::Error,
                info: Some("One or more actions had failed.".into())
            })
        );
        assert_eq!(first.bora.superseded, Some(vec![]));
        let wi = first.with_items.expect("with-items");
        assert_eq!((wi.count, wi.capacity, wi.next), (3, Some(2), 3));
        assert_eq!((wi.succeeded(), wi.failed(), wi.cancelled()), (2, 1, 0));
        assert_eq!(wi.total(), 3);

        let subs: TaskRuntime = serde_json::from_str(WRITTEN[1]).expect("reads");
        assert!(subs.is_superseded("id-0580"));
        assert!(!subs.is_superseded("id-0581"));
        assert_eq!(subs.with_items.and_then(|w| w.capacity), None);

        let join: TaskRuntime = serde_json::from_str(WRITTEN[2]).expect("reads");
        assert_eq!(join.bora.join_check_armed, Some(false));
        assert!(join.bora.published_null);
        assert!(join.with_items.is_none() && join.retry_task_policy.is_none());

        let rerun: TaskRuntime = serde_json::from_str(WRITTEN[9]).expect("reads");
        assert_eq!(rerun.bora.run, Some(1));
        assert_eq!(rerun.attempt(), 1 << 32);
        assert_eq!(rerun.bora.keep_items, Some(vec![0, 2]));
        let wi = rerun.with_items.expect("with-items");
        assert_eq!(wi.todo, Some(vec![1]));
        assert_eq!(
            (wi.total(), wi.index_at(0), wi.index_at(1)),
            (1, Some(1), None)
        );
    }

    #[test]
    fn the_public_view_leaves_out_bora_bookkeeping() {
        let typed: TaskRuntime = serde_json::from_str(WRITTEN[0]).expect("reads");
        let public = typed.public_view(false);
        assert!(!public.contains_key("bora"));
        assert_eq!(public.get("concurrency"), Some(&json!(2)));
        assert_eq!(
            public.get("retry_task_policy"),
            Some(&json!({"retry_no": 1}))
        );
        assert!(public.contains_key("with_items"));
        // The stored form keeps it.
        assert!(serde_json::to_value(&typed).is_ok_and(|v| v.get("bora").is_some()));
        let empty: TaskRuntime = serde_json::from_str(WRITTEN[2]).expect("reads");
        assert!(empty.public_view(false).is_empty());
        // Retries over: `retry_no` is gone from the view, not the state.
        let finished = typed.public_view(true);
        assert_eq!(finished.get("retry_task_policy"), Some(&json!({})));
        assert_eq!(typed.retry_no(), 1);
    }

    #[test]
    fn unknown_keys_survive_a_round_trip() {
        let stored = json!({
            "bora": {"run": 2, "future_flag": {"a": [1, 2]}},
            "with_items": {"count": 1, "capacity": null, "next": 0, "extra": "x"},
            "retry_task_policy": {"retry_no": 0, "why": null},
            "triggered_by": [{"task_id": "t", "event": "on-success"}],
        });
        let typed: TaskRuntime = serde_json::from_value(stored.clone()).expect("reads");
        assert_eq!(
            typed.bora.other.get("future_flag"),
            Some(&json!({"a": [1, 2]}))
        );
        assert_eq!(typed.other.len(), 1);
        assert_eq!(serde_json::to_value(&typed).ok(), Some(stored));
    }

    #[test]
    fn supersede_adds_each_id_once() {
        let mut bora = Bookkeeping::default();
        bora.supersede(Vec::new());
        assert_eq!(bora.superseded, Some(vec![]));
        bora.supersede(["a".to_owned(), "b".to_owned(), "a".to_owned()]);
        bora.supersede(["b".to_owned(), "c".to_owned()]);
        assert_eq!(
            bora.superseded,
            Some(vec!["a".to_owned(), "b".to_owned(), "c".to_owned()])
        );
    }
}
