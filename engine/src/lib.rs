//! Bora: a workflow service compatible with OpenStack Mistral whose actions run
//! as sandboxed WebAssembly components.
//!
//! # Layout
//!
//! - [`bora_lang`] (`engine/lang`): the Workflow Language v2 model, YAML loader and validator.
//! - [`bora_expr`] (`engine/expr`): YAQL and Jinja expressions, evaluated as Mistral does.
//! - [`bora_core`] (`engine/core`): the engine core, a pure step function.
//! - [`bora_store`] (`engine/store`): the durable store on SQLite or PostgreSQL.
//! - [`runtime`]: the wasmtime host that runs action components under fuel,
//!   memory, wall-clock and network limits.
//! - [`scheduler`]: applies events to executions through the core and stores
//!   the result; claims due timers.
//! - [`executor`]: runs action jobs on the runtime.
//! - [`cron`]: cron trigger patterns and the loop that fires due triggers.
//! - [`actions`]: the action registry: standard, ad-hoc and uploaded actions by name.
//! - [`node`]: store, runtime, scheduler and executor wired together; nodes
//!   of one store and their roles.
//! - [`retention`]: deleting finished executions past their age.
//! - [`service`]: the operations the API and the CLI use.
//! - [`api`]: Mistral's REST API v2 (axum router).
//! - [`cli`]: the `bora` command line (the only place that uses `anyhow`).

pub mod actions;
pub mod api;
pub mod cli;
pub mod clock;
pub mod cron;
pub mod executor;
pub mod node;
pub mod pyjson;
pub mod retention;
pub mod runtime;
pub mod scheduler;
pub mod service;

pub use bora_core;
pub use bora_expr;
pub use bora_lang;
pub use bora_store;
