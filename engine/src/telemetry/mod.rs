//! What an operator sees of a running node besides the API: Prometheus
//! metrics ([`metrics`], served by [`http`] with a span per request), the
//! process's logs ([`logs`]) and, when an OTLP endpoint is configured,
//! OpenTelemetry traces of the executions ([`traces`]).
//!
//! The rest of the crate records through the `metrics` facade with the
//! functions of [`metrics`] (no-ops until a recorder is installed, as in
//! `bora run`), so the hot paths pay an atomic add and a label lookup, never
//! a database query.

pub mod http;
pub mod logs;
pub mod metrics;
pub mod traces;
