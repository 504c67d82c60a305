//! Evaluating a task's fields (policies, limits, flags) against the data
//! its expressions see.

use bora_expr::context::DataContext;
use bora_expr::functions::py_repr;
use bora_lang::model::{BoolOrExpr, HostsOrExpr, IntOrExpr, Limits, Task};
use serde_json::{Map, Value};

use crate::dataflow::{eval_text, task_data, truthy};

use super::types::CallLimits;
use super::{Stepper, Structural};

impl Stepper<'_> {
    pub(super) fn spec(&self, task_id: &str) -> Option<std::sync::Arc<Task>> {
        let name = &self.exec.task(task_id)?.name;
        self.exec.plan.task(name).cloned()
    }

    /// The data a task's expressions see (before it publishes).
    pub(super) fn task_scope(&mut self, task_id: &str, extra: Map<String, Value>) -> DataContext {
        let inbound = self.ctx.inbound(self.exec, task_id);
        task_data(self.exec, self.exec.task(task_id), extra, &inbound)
    }

    pub(super) fn eval_int(
        &mut self,
        task_id: &str,
        field: &str,
        value: &Option<IntOrExpr>,
    ) -> Result<u64, Structural> {
        match value {
            None => Ok(0),
            Some(IntOrExpr::Int(n)) => Ok(*n),
            Some(IntOrExpr::Expr(text)) => {
                let data = self.task_scope(task_id, Map::new());
                let value = eval_text(self.exec, text, &data, Some(task_id))
                    .map_err(|e| Structural(e.to_string()))?;
                match &value {
                    Value::Number(n) if n.is_u64() => Ok(n.as_u64().unwrap_or(0)),
                    Value::Number(n) if n.is_i64() => Err(Structural(format!(
                        "Invalid data type in {}: {} is less than the minimum of 0",
                        policy_name(field),
                        n
                    ))),
                    other => Err(Structural(format!(
                        "Invalid data type in {}: {} is not of type 'integer'",
                        policy_name(field),
                        py_repr(other)
                    ))),
                }
            }
        }
    }

    /// Evaluates a task's `limits` against the call's data (with-items
    /// variables included).
    pub(super) fn eval_limits(
        &self,
        task_id: &str,
        limits: &Limits,
        data: &DataContext,
    ) -> Result<CallLimits, Structural> {
        let int = |key: &str, value: &Option<IntOrExpr>| -> Result<Option<u64>, Structural> {
            let text = match value {
                None => return Ok(None),
                Some(IntOrExpr::Int(n)) => return Ok(Some(*n)),
                Some(IntOrExpr::Expr(text)) => text,
            };
            let value = eval_text(self.exec, text, data, Some(task_id))
                .map_err(|e| Structural(e.to_string()))?;
            match &value {
                Value::Number(n) if n.is_u64() => Ok(n.as_u64()),
                Value::Number(n) if n.is_i64() => Err(Structural(format!(
                    "Invalid value of limits.{key}: {n} is less than the minimum of 0"
                ))),
                other => Err(Structural(format!(
                    "Invalid value of limits.{key}: {} is not of type 'integer'",
                    py_repr(other)
                ))),
            }
        };
        let fuel = int("fuel", &limits.fuel)?;
        let memory = int("memory", &limits.memory)?;
        let not_hosts = |v: &Value| {
            Structural(format!(
                "Invalid value of limits.allowed-hosts: {} is not a list of host strings",
                py_repr(v)
            ))
        };
        let allowed_hosts = match &limits.allowed_hosts {
            None => None,
            Some(HostsOrExpr::List(entries)) => {
                let mut hosts = Vec::with_capacity(entries.len());
                for entry in entries {
                    match eval_text(self.exec, entry, data, Some(task_id))
                        .map_err(|e| Structural(e.to_string()))?
                    {
                        Value::String(host) => hosts.push(host),
                        other => return Err(not_hosts(&other)),
                    }
                }
                Some(hosts)
            }
            Some(HostsOrExpr::Expr(text)) => {
                match eval_text(self.exec, text, data, Some(task_id))
                    .map_err(|e| Structural(e.to_string()))?
                {
                    // One host given as a string.
                    Value::String(host) => Some(vec![host]),
                    Value::Array(items) => Some(
                        items
                            .iter()
                            .map(|i| i.as_str().map(str::to_owned).ok_or_else(|| not_hosts(i)))
                            .collect::<Result<_, _>>()?,
                    ),
                    other => return Err(not_hosts(&other)),
                }
            }
        };
        Ok(CallLimits {
            fuel,
            memory,
            allowed_hosts,
        })
    }

    pub(super) fn eval_bool(
        &mut self,
        task_id: &str,
        value: &Option<BoolOrExpr>,
        data: Option<&DataContext>,
    ) -> Result<bool, Structural> {
        match value {
            None => Ok(false),
            Some(BoolOrExpr::Bool(b)) => Ok(*b),
            Some(BoolOrExpr::Expr(text)) => {
                let data = match data {
                    Some(d) => d.clone(),
                    None => self.task_scope(task_id, Map::new()),
                };
                eval_text(self.exec, text, &data, Some(task_id))
                    .map(|v| truthy(&v))
                    .map_err(|e| Structural(e.to_string()))
            }
        }
    }
}

pub(super) fn policy_name(field: &str) -> &'static str {
    match field {
        "wait-before" => "WaitBeforePolicy",
        "wait-after" => "WaitAfterPolicy",
        "timeout" => "TimeoutPolicy",
        "concurrency" => "ConcurrencyPolicy",
        "retry" => "RetryPolicy",
        "pause-before" => "PauseBeforePolicy",
        _ => "FailOnPolicy",
    }
}
