//! The process's logs: `tracing` events and spans on stderr, as text (ANSI
//! colours only when stderr is a terminal) or as one JSON object per line.
//!
//! Which events are kept is an `EnvFilter` directive (`info`,
//! `warn,bora=debug`, ...): the one given (`bora serve --log`, or
//! `BORA_LOG`), else `RUST_LOG`, else [`DEFAULT_FILTER`].

use std::io::IsTerminal;

use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{EnvFilter, Layer, Registry};

/// Bora's own notices (node started, takeovers, failed steps) and every
/// other crate's warnings.
pub const DEFAULT_FILTER: &str = "warn,bora=info";

/// How log lines are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines.
    #[default]
    Text,
    /// One JSON object per line: `timestamp`, `level`, `fields.message`,
    /// `target`, and the spans the event happened in (`span`, `spans`).
    Json,
}

/// A filter directive that does not parse.
#[derive(Debug, thiserror::Error)]
#[error("invalid log filter '{filter}': {reason}")]
pub struct BadFilter {
    pub filter: String,
    pub reason: String,
}

/// The filter in force: `given`, else `RUST_LOG`, else `default`.
///
/// # Errors
/// [`BadFilter`] when the directive chosen does not parse.
pub fn filter(given: Option<&str>, default: &str) -> Result<EnvFilter, BadFilter> {
    let from_env = std::env::var("RUST_LOG")
        .ok()
        .filter(|v| !v.trim().is_empty());
    let directive = given
        .map(str::to_owned)
        .or(from_env)
        .unwrap_or_else(|| default.to_owned());
    EnvFilter::try_new(&directive).map_err(|err| BadFilter {
        filter: directive,
        reason: err.to_string(),
    })
}

/// Installs the process's subscriber writing to stderr in `format`, with
/// `otel` (the trace exporter's layer, filtered on its own) when given. A
/// second call (tests running the CLI twice in one process) changes nothing.
pub fn init(filter: EnvFilter, format: LogFormat, otel: Option<super::traces::OtelLayer>) {
    let stderr = std::io::stderr;
    let lines: Box<dyn Layer<Registry> + Send + Sync> = match format {
        LogFormat::Text => tracing_subscriber::fmt::layer()
            .with_writer(stderr)
            .with_ansi(std::io::stderr().is_terminal())
            .boxed(),
        LogFormat::Json => tracing_subscriber::fmt::layer()
            .json()
            .with_writer(stderr)
            .with_current_span(true)
            .with_span_list(true)
            .boxed(),
    };
    let mut layers = vec![lines.with_filter(filter).boxed()];
    layers.extend(otel);
    let _ = tracing_subscriber::registry().with(layers).try_init();
}
