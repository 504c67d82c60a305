//! with-items: evaluating the items, starting them under the concurrency
//! cap, counting their completions.

use bora_expr::functions::py_repr;
use bora_lang::model::{ItemsSource, Task};
use serde_json::{Map, Value};

use crate::dataflow::eval_text;
use crate::state::State;
use crate::task_runtime::WithItems;

use super::{Stepper, Structural};

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
        let attempt = self
            .exec
            .task(task_id)
            .map_or(0, |t| t.runtime_context.attempt());
        let items = std::sync::Arc::new(items);
        self.exec
            .items
            .insert(task_id.to_owned(), (attempt, items.clone()));
        let count = items.len() as u64;
        // A rerun without reset keeps the items that succeeded.
        let kept: Vec<u64> = self
            .exec
            .task(task_id)
            .and_then(|t| t.runtime_context.bora.keep_items.as_ref())
            .map(|list| list.iter().copied().filter(|i| *i < count).collect())
            .unwrap_or_default();
        let mut wi = WithItems {
            count,
            capacity: (concurrency > 0).then_some(concurrency),
            ..WithItems::default()
        };
        if !kept.is_empty() {
            wi.todo = Some((0..count).filter(|i| !kept.contains(i)).collect());
            wi.succeeded = Some(kept.len() as u64);
        }
        let total = wi.total();
        if let Some(task) = self.exec.task_mut(task_id) {
            task.runtime_context.with_items = Some(wi);
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
        let Some(wi) = self
            .exec
            .task(task_id)
            .and_then(|t| t.runtime_context.with_items.as_ref())
        else {
            return Ok(false);
        };
        let next = wi.next;
        let Some(index) = wi.index_at(next) else {
            return Ok(false);
        };
        let item = usize::try_from(index).ok().and_then(|i| items.get(i));
        let (Ok(position), Some(item)) = (u32::try_from(index), item) else {
            return Ok(false);
        };
        if let Some(task) = self.exec.task_mut(task_id)
            && let Some(wi) = &mut task.runtime_context.with_items
        {
            wi.next = next + 1;
        }
        self.start_item(task_id, spec, position, item.clone())?;
        Ok(true)
    }

    /// One action or sub-workflow of a running task finished.
    pub(super) fn on_item_complete(&mut self, task_id: &str, state: State, info: Option<String>) {
        let Some(task) = self.exec.task(task_id) else {
            return;
        };
        let Some(count) = task.runtime_context.with_items.as_ref().map(|wi| wi.count) else {
            self.complete_task(task_id, state, info);
            return;
        };
        // Count completions on the task itself: scanning the items on every
        // completion would make a big with-items quadratic.
        let mut progress = None;
        if let Some(task) = self.exec.task_mut(task_id)
            && let Some(wi) = &mut task.runtime_context.with_items
        {
            let counter = match state {
                State::Error => &mut wi.failed,
                State::Cancelled => &mut wi.cancelled,
                _ => &mut wi.succeeded,
            };
            *counter = Some(counter.unwrap_or(0) + 1);
            progress = Some((wi.finished(), wi.failed(), wi.cancelled()));
        }
        let (finished, failed, cancelled) = progress.unwrap_or((0, 0, 0));
        // Start the next item if the concurrency cap allows.
        if let Err(error) = self.start_following_item(task_id) {
            self.fail_task(task_id, "Failed to run task", error);
            return;
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

    /// Starts the next item of a with-items task, if one is left to start.
    fn start_following_item(&mut self, task_id: &str) -> Result<(), Structural> {
        let Some(spec) = self.spec(task_id) else {
            return Ok(());
        };
        let Some(task) = self.exec.task(task_id) else {
            return Ok(());
        };
        let attempt = task.runtime_context.attempt();
        let left = task
            .runtime_context
            .with_items
            .as_ref()
            .is_some_and(|wi| wi.next < wi.total());
        if !left {
            return Ok(());
        }
        let cached = self
            .exec
            .items
            .get(task_id)
            .filter(|(at, _)| *at == attempt)
            .map(|(_, items)| items.clone());
        let items = match cached {
            Some(items) => items,
            None => {
                let items = std::sync::Arc::new(self.with_items(task_id, &spec)?);
                self.exec
                    .items
                    .insert(task_id.to_owned(), (attempt, items.clone()));
                items
            }
        };
        self.start_next_item(task_id, &spec, &items)?;
        Ok(())
    }
}
