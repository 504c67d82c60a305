//! Bora: a workflow service compatible with OpenStack Mistral whose actions run
//! as sandboxed WebAssembly components.
//!
//! # Layout
//!
//! In dependency order: a module uses only modules listed above it (in
//! parentheses, the ones of this crate it uses); nothing below `service`
//! knows the API, the cron loop or the node.
//!
//! - [`bora_lang`] (`engine/lang`): the Workflow Language v2 model, YAML loader and validator.
//! - [`bora_expr`] (`engine/expr`): YAQL and Jinja expressions, evaluated as Mistral does,
//!   and `bora_expr::python`, the one copy of Python's formatting (`json.dumps`, `repr`).
//! - [`bora_core`] (`engine/core`): the engine core, a pure step function.
//! - [`bora_store`] (`engine/store`): the durable store on SQLite or PostgreSQL.
//! - [`clock`]: the wall clock in the store's unit (microseconds).
//! - [`telemetry`]: Prometheus metrics (recorded from every layer below
//!   through the `metrics` facade) and the process's logs.
//! - [`secrets`]: secret values sealed at rest as markers, opened only
//!   for the action that needs them, masked everywhere else.
//! - [`runtime`] (secrets): the wasmtime host that runs action components under fuel,
//!   memory, wall-clock and network limits.
//! - [`actions`] (runtime, clock): the action registry: standard, ad-hoc and
//!   uploaded actions by name.
//! - [`notifier`]: posts the events of `params.notify` to their webhooks,
//!   in the background.
//! - [`scheduler`] (notifier, actions, runtime, clock): applies events to executions through
//!   the core and stores the result; claims due timers.
//! - [`executor`] (scheduler, actions, runtime, clock): runs action jobs on
//!   the runtime.
//! - [`retention`] (clock): deleting finished executions past their age.
//! - [`service`] (scheduler, actions, runtime, clock): the operations
//!   the API, the CLI and the cron loop use; the only way to the store above it.
//! - [`cron`] (service, clock): the loop that fires due cron triggers.
//! - [`node`] (service, cron, retention, executor, scheduler, runtime,
//!   clock): store, runtime, scheduler and executor wired together; nodes
//!   of one store and their roles.
//! - [`api`] (service, actions, runtime): Mistral's REST API v2
//!   (axum router); handlers translate HTTP and wire shapes only.
//! - [`kits`]: `bora action new|build`: action projects in Rust,
//!   Python and JavaScript from embedded templates, built with each
//!   language's tools.
//! - [`cli`] (api, kits, node, service, executor, scheduler, runtime): the `bora`
//!   command line (the only place that uses `anyhow`).

pub mod actions;
pub mod api;
pub mod cli;
pub mod clock;
pub mod cron;
pub mod executor;
pub mod ids;
pub mod kits;
pub mod node;
pub mod notifier;
pub mod retention;
pub mod runtime;
pub mod scheduler;
pub mod secrets;
pub mod service;
pub mod telemetry;

pub use bora_core;
pub use bora_expr;
pub use bora_lang;
pub use bora_store;
