//! with-items: evaluating the items, starting them under the concurrency
//! cap, counting their completions.

use bora_expr::functions::py_repr;
use bora_lang::model::{ItemsSource, Task};
use serde_json::{Map, Value, json};

use crate::dataflow::eval_text;
use crate::records::TaskExecution;
use crate::state::State;

use super::{Stepper, Structural, attempt_of, rc_u64};

impl Stepper<'_> {
    /// Runs the task's action(s) or sub-workflow(s) for one attempt.
    pub(super) fn start_attempt(
        &mut self,
        task_id: &str,
        spec: &Task,
        concurrency: u64,
    ) -> Result<(), Structural> {
        if spec.with_items.is_empty() {
            return self.start_item(task_id, spec, 0, Map::new());
        }
        let items = self.with_items(task_id, spec)?;
        // Kept for this attempt: later items start from it instead of
        // evaluating the list again at every completion.
        let attempt = self.exec.task(task_id).map_or(0, attempt_of);
        let items = std::sync::Arc::new(items);
        self.exec
            .items
            .insert(task_id.to_owned(), (attempt, items.clone()));
        let count = items.len() as u64;
        // A rerun without reset keeps the items that succeeded.
        let kept: Vec<u64> = self
            .exec
            .task(task_id)
            .and_then(|t| t.runtime_context.get("bora"))
            .and_then(|b| b.get("keep_items"))
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .filter_map(Value::as_u64)
                    .filter(|i| *i < count)
                    .collect()
            })
            .unwrap_or_default();
        let mut wi = json!({
            "count": count,
            "capacity": if concurrency > 0 { json!(concurrency) } else { Value::Null },
            "next": 0,
        });
        let mut total = count;
        if !kept.is_empty() {
            let todo: Vec<u64> = (0..count).filter(|i| !kept.contains(i)).collect();
            total = todo.len() as u64;
            wi["todo"] = json!(todo);
            wi["succeeded"] = json!(kept.len());
        }
        if let Some(task) = self.exec.task_mut(task_id) {
            task.runtime_context.insert("with_items".into(), wi);
        }
        if count == 0 || total == 0 {
            self.complete_task(task_id, State::Success, None);
            return Ok(());
        }
        let first = if concurrency > 0 {
            concurrency.min(total)
        } else {
            total
        };
        for _ in 0..first {
            self.start_next_item(task_id, spec, &items)?;
        }
        Ok(())
    }

    /// The with-items variables of every item, zipped.
    pub(super) fn with_items(
        &mut self,
        task_id: &str,
        spec: &Task,
    ) -> Result<Vec<Map<String, Value>>, Structural> {
        let mut columns: Vec<(String, Vec<Value>)> = Vec::new();
        for item in &spec.with_items {
            let values = match &item.source {
                ItemsSource::List(list) => list.clone(),
                ItemsSource::Expr(text) => {
                    let data = self.task_scope(task_id, Map::new());
                    match eval_text(self.exec, text, &data, Some(task_id))
                        .map_err(|e| Structural(e.to_string()))?
                    {
                        Value::Array(list) => list,
                        other => {
                            return Err(Structural(format!(
                                "Wrong input format for: {}. List type is expected for each with-items argument, got: {}",
                                item.var,
                                py_repr(&other)
                            )));
                        }
                    }
                }
            };
            let limit = self.exec.limits.max_with_items;
            if values.len() > limit {
                return Err(Structural(format!(
                    "with-items of task '{}' has {} items in '{}', over the limit of {limit} items (max_with_items)",
                    spec.name,
                    values.len(),
                    item.var
                )));
            }
            columns.push((item.var.clone(), values));
        }
        let len = columns.first().map_or(0, |(_, v)| v.len());
        if columns.iter().any(|(_, v)| v.len() != len) {
            return Err(Structural(format!(
                "Wrong input format for: {:?}. All arrays must have the same length.",
                spec.with_items
                    .iter()
                    .map(|w| w.var.clone())
                    .collect::<Vec<_>>()
            )));
        }
        Ok((0..len)
            .map(|i| {
                columns
                    .iter()
                    .map(|(var, values)| (var.clone(), values[i].clone()))
                    .collect()
            })
            .collect())
    }

    pub(super) fn start_next_item(
        &mut self,
        task_id: &str,
        spec: &Task,
        items: &[Map<String, Value>],
    ) -> Result<bool, Structural> {
        let Some(task) = self.exec.task(task_id) else {
            return Ok(false);
        };
        let next = rc_u64(task, &["with_items", "next"]);
        let index = match task
            .runtime_context
            .get("with_items")
            .and_then(|w| w.get("todo"))
            .and_then(Value::as_array)
        {
            Some(todo) => match todo.get(next as usize).and_then(Value::as_u64) {
                Some(index) => index,
                None => return Ok(false),
            },
            None => next,
        };
        let Some(item) = items.get(index as usize) else {
            return Ok(false);
        };
        if let Some(task) = self.exec.task_mut(task_id)
            && let Some(Value::Object(wi)) = task.runtime_context.get_mut("with_items")
        {
            wi.insert("next".into(), json!(next + 1));
        }
        self.start_item(task_id, spec, index as u32, item.clone())?;
        Ok(true)
    }

    /// One action or sub-workflow of a running task finished.
    pub(super) fn on_item_complete(&mut self, task_id: &str, state: State, info: Option<String>) {
        let Some(task) = self.exec.task(task_id) else {
            return;
        };
        if !task.runtime_context.contains_key("with_items") {
            self.complete_task(task_id, state, info);
            return;
        }
        let count = rc_u64(task, &["with_items", "count"]);
        // Count completions on the task itself: scanning the items on every
        // completion would make a big with-items quadratic.
        let counter = match state {
            State::Error => "failed",
            State::Cancelled => "cancelled",
            _ => "succeeded",
        };
        let mut finished = 0;
        let mut failed = 0;
        let mut cancelled = 0;
        if let Some(task) = self.exec.task_mut(task_id)
            && let Some(Value::Object(wi)) = task.runtime_context.get_mut("with_items")
        {
            let bump = wi.get(counter).and_then(Value::as_u64).unwrap_or(0) + 1;
            wi.insert(counter.into(), json!(bump));
            let get = |k: &str| wi.get(k).and_then(Value::as_u64).unwrap_or(0);
            failed = get("failed");
            cancelled = get("cancelled");
            finished = get("succeeded") + failed + cancelled;
        }
        // Start the next item if the concurrency cap allows.
        if let Some(spec) = self.spec(task_id) {
            let (next, total) = self.exec.task(task_id).map_or((count, count), |t| {
                (rc_u64(t, &["with_items", "next"]), wi_total(t))
            });
            if next < total {
                let attempt = self.exec.task(task_id).map_or(0, attempt_of);
                let cached = self
                    .exec
                    .items
                    .get(task_id)
                    .filter(|(at, _)| *at == attempt)
                    .map(|(_, items)| items.clone());
                let items = match cached {
                    Some(items) => Ok(items),
                    None => self.with_items(task_id, &spec).map(|items| {
                        let items = std::sync::Arc::new(items);
                        self.exec
                            .items
                            .insert(task_id.to_owned(), (attempt, items.clone()));
                        items
                    }),
                };
                let started = items.and_then(|items| self.start_next_item(task_id, &spec, &items));
                if let Err(error) = started {
                    self.fail_task(task_id, "Failed to run task", error);
                    return;
                }
            }
        }
        if finished < count {
            return;
        }
        self.exec.items.remove(task_id);
        let (state, info) = if cancelled > 0 {
            (
                State::Cancelled,
                Some("One or more actions was cancelled.".to_owned()),
            )
        } else if failed > 0 {
            (
                State::Error,
                Some("One or more actions had failed.".to_owned()),
            )
        } else {
            (State::Success, None)
        };
        self.complete_task(task_id, state, info);
    }
}

/// Items still to start of a with-items task: positions into `todo` when a
/// rerun kept some items, else indexes.
pub(super) fn wi_total(task: &TaskExecution) -> u64 {
    match task
        .runtime_context
        .get("with_items")
        .and_then(|w| w.get("todo"))
        .and_then(Value::as_array)
    {
        Some(todo) => todo.len() as u64,
        None => rc_u64(task, &["with_items", "count"]),
    }
}
