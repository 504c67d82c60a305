//! The operator's limits on workflows and requests (`bora serve`): every cap
//! of [`EngineLimits`], the expression budget and the engine step's time.
//! Defaults are the library's; the README's "Limits" table lists them.

use std::time::Duration;

use anyhow::{Context, bail};
use clap::Args;

use crate::bora_core::limits::EngineLimits;
use crate::scheduler::SchedulerConfig;

/// Caps on what a client or a workflow can make big.
#[derive(Debug, Args)]
pub(crate) struct LimitArgs {
    /// Largest request body, in bytes (larger: 413).
    #[arg(long, env = "BORA_MAX_REQUEST_BYTES", default_value_t = EngineLimits::default().max_request_bytes, value_name = "BYTES")]
    max_request_bytes: usize,
    /// Largest workflow, workbook or action definition, in bytes.
    #[arg(long, env = "BORA_MAX_DEFINITION_BYTES", default_value_t = EngineLimits::default().max_definition_bytes, value_name = "BYTES")]
    max_definition_bytes: usize,
    /// Most tasks in one workflow.
    #[arg(long, env = "BORA_MAX_TASKS", default_value_t = EngineLimits::default().max_tasks, value_name = "N")]
    max_tasks: usize,
    /// Largest execution input (and params), in bytes of JSON.
    #[arg(long, env = "BORA_MAX_INPUT_BYTES", default_value_t = EngineLimits::default().max_input_bytes, value_name = "BYTES")]
    max_input_bytes: usize,
    /// Largest published variable, in bytes of JSON.
    #[arg(long, env = "BORA_MAX_PUBLISHED_BYTES", default_value_t = EngineLimits::default().max_published_bytes, value_name = "BYTES")]
    max_published_bytes: usize,
    /// Largest sum of one task's action results (all with-items items).
    #[arg(long, env = "BORA_MAX_TASK_RESULT_BYTES", default_value_t = EngineLimits::default().max_result_bytes, value_name = "BYTES")]
    max_task_result_bytes: usize,
    /// Largest branch context and global context, in bytes of JSON.
    #[arg(long, env = "BORA_MAX_CONTEXT_BYTES", default_value_t = EngineLimits::default().max_context_bytes, value_name = "BYTES")]
    max_context_bytes: usize,
    /// Most items of one with-items task.
    #[arg(long, env = "BORA_MAX_WITH_ITEMS", default_value_t = EngineLimits::default().max_with_items, value_name = "N")]
    max_with_items: usize,
    /// Deepest sub-workflow nesting (a top-level execution is depth 0).
    #[arg(long, env = "BORA_MAX_DEPTH", default_value_t = EngineLimits::default().max_depth, value_name = "N")]
    max_depth: u32,
    /// Longest `state_info` or error message kept, in bytes.
    #[arg(long, env = "BORA_MAX_MESSAGE_BYTES", default_value_t = EngineLimits::default().max_message_bytes, value_name = "BYTES")]
    max_message_bytes: usize,
    /// Most evaluation steps of one YAQL or Jinja expression.
    #[arg(long, env = "BORA_MAX_EXPRESSION_STEPS", default_value_t = bora_expr::Limits::DEFAULT.max_steps, value_name = "N")]
    max_expression_steps: u64,
    /// Most bytes of values one expression may build.
    #[arg(long, env = "BORA_MAX_EXPRESSION_BYTES", default_value_t = bora_expr::Limits::DEFAULT.max_bytes, value_name = "BYTES")]
    max_expression_bytes: u64,
    /// Seconds one engine step (all expressions of one event) may take
    /// before its execution fails.
    #[arg(long, env = "BORA_STEP_TIMEOUT", default_value_t = SchedulerConfig::default().step_timeout.as_secs_f64(), value_name = "SECONDS")]
    step_timeout: f64,
}

impl LimitArgs {
    /// Puts the limits into the scheduler's configuration (the service and
    /// the API read the same [`EngineLimits`] from there).
    pub(crate) fn apply(&self, config: &mut SchedulerConfig) -> anyhow::Result<()> {
        config.limits = EngineLimits {
            max_request_bytes: self.max_request_bytes,
            max_definition_bytes: self.max_definition_bytes,
            max_tasks: self.max_tasks,
            max_input_bytes: self.max_input_bytes,
            max_published_bytes: self.max_published_bytes,
            max_result_bytes: self.max_task_result_bytes,
            max_context_bytes: self.max_context_bytes,
            max_with_items: self.max_with_items,
            max_depth: self.max_depth,
            max_message_bytes: self.max_message_bytes,
        };
        config.expressions.max_steps = self.max_expression_steps;
        config.expressions.max_bytes = self.max_expression_bytes;
        let step = Duration::try_from_secs_f64(self.step_timeout)
            .context("--step-timeout must be a positive number of seconds")?;
        if step < Duration::from_millis(100) {
            bail!("--step-timeout must be at least 0.1 seconds");
        }
        config.step_timeout = step;
        Ok(())
    }
}
