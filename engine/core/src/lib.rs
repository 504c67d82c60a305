//! Bora's engine core: the workflow logic as a pure function.
//!
//! Given the state of one workflow execution and a batch of events (started,
//! action completed, timer fired, paused, ...), [`step::step`] decides the
//! state changes and the commands for the shell to carry out (run an action,
//! start a sub-workflow, arm a timer, tell the parent execution). It reads no
//! database, runs no wasm and reads no clock: the time of a step and the ids
//! of new records come from the [`env::Env`] the caller passes in. The
//! store, the scheduler, the executor and the API are thin shells around
//! it.
//!
//! # Layout
//!
//! - [`state`]: Mistral's states and the transitions it allows.
//! - [`records`]: workflow, task and action execution records, as stored.
//! - [`plan`]: a workflow definition prepared for execution.
//! - [`input`]: checking a workflow's input and filling defaults.
//! - [`execution`]: one execution in memory, with its change record.
//! - [`task_runtime`]: a task's runtime bookkeeping, typed.
//! - [`limits`]: the caps on sizes, counts and depth, and measuring them.
//! - [`join`]: incremental bookkeeping of waiting joins.
//! - [`dataflow`]: contexts, task results, expression functions.
//! - [`step`]: events, commands and the step function.
//! - [`env`](mod@env): the time, new ids and randomness a step gets from its caller.
//! - [`notify`]: the notifier's events (`params.notify`) a step caused.
//! - [`adhoc`]: expanding ad-hoc actions to their base and transforming results.

pub mod adhoc;
pub mod dataflow;
pub mod env;
pub mod execution;
pub mod input;
pub mod join;
pub mod limits;
pub mod notify;
pub mod plan;
pub mod records;
pub mod state;
pub mod step;
pub mod task_runtime;
