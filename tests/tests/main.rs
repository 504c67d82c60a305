//! Bora's integration tests, built as one test binary: each file below was
//! a test crate of its own, and linking forty binaries against the engine
//! cost more of the suite's time than running them. Each file is a module;
//! the `*_support` modules are the helpers they share.
// A test fails by panicking: unwrapping is how it says what went wrong.
#![allow(clippy::unwrap_used)]

mod api_support;
#[path = "../../engine/store/tests/common/pg.rs"]
mod pg;
mod process_support;
mod runtime_support;
mod sshd_support;

mod access;
mod action_cli_ceilings;
mod action_kits;
mod actions_adhoc;
mod actions_precompiled;
mod actions_upload;
mod api;
mod api_mistral;
mod book;
mod caps;
mod ceilings;
mod cli_client;
mod control;
mod cron;
mod db_connections;
mod db_outage;
mod engine_faults;
mod executor_slots;
mod failover;
mod limit_flags;
mod observability;
mod oidc;
mod openapi;
mod operators;
mod project_limits;
mod project_names;
mod projects;
mod retention;
mod runtime_hostile;
mod runtime_pool;
mod runtime_std;
mod runtime_warm;
mod secrets;
mod shutdown;
mod starts;
mod std_email;
mod std_javascript;
mod std_mistral_http;
mod std_ssh;
mod task_limits;
mod traces;
