//! The client commands (`bora workflow|execution|task|action|cron|env ...`):
//! they talk to a running `bora serve` through its REST API, the same API
//! the dashboard and python-mistralclient use. One file per resource; `http`
//! is the HTTP client, `output` the table and JSON printing, `watch` the
//! live view of an execution.
//!
//! Human tables by default; `-o json` prints the API's own JSON shapes (a
//! list command prints the array of records, following every page).

pub mod action;
pub mod cron;
pub mod env;
pub mod execution;
pub mod http;
pub mod output;
pub mod task;
pub mod watch;
pub mod workflow;

use std::future::Future;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, ValueEnum};
use serde_json::{Map, Value};

pub use http::Client;

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables for people.
    Table,
    /// The API's JSON, for scripts.
    Json,
}

/// Where the server is and how to print; shared by every client command.
#[derive(Debug, Clone, Args)]
pub struct ClientOpts {
    /// The Bora server's address (a trailing `/v2` is accepted).
    #[arg(
        long,
        env = "BORA_URL",
        default_value = "http://127.0.0.1:8989",
        global = true
    )]
    pub url: String,
    /// The API token, when the server asks for one (`bora serve --auth
    /// tokens`; tokens come from `bora token create`), or a JWT of its OIDC
    /// issuer (`--auth oidc`).
    #[arg(long, env = "BORA_TOKEN", global = true, hide_env_values = true)]
    pub token: Option<String>,
    /// Output format.
    #[arg(long, short = 'o', value_enum, default_value_t = Format::Table, global = true)]
    pub output: Format,
}

impl ClientOpts {
    pub fn client(&self) -> anyhow::Result<Client> {
        Client::new(&self.url, self.token.as_deref())
    }

    pub fn json(&self) -> bool {
        self.output == Format::Json
    }
}

/// Runs a client command on a small runtime of its own.
pub fn block_on(work: impl Future<Output = anyhow::Result<ExitCode>>) -> anyhow::Result<ExitCode> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?
        .block_on(work)
}

/// A JSON object given inline or as `@FILE`.
pub fn json_arg(flag: &str, text: &str) -> anyhow::Result<Map<String, Value>> {
    let (text, from) = match text.strip_prefix('@') {
        Some(path) => (
            std::fs::read_to_string(path).with_context(|| format!("{flag}: cannot read {path}"))?,
            format!(" (in {path})"),
        ),
        None => (text.to_owned(), String::new()),
    };
    match serde_json::from_str::<Value>(&text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(other) => bail!("{flag} must be a JSON object{from}, not {other}"),
        Err(err) => bail!("{flag} is not valid JSON{from}: {err}"),
    }
}

/// The text of a file named on the command line.
pub fn read_text(path: &Path) -> anyhow::Result<String> {
    std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))
}

/// A JSON-in-JSON field of an API record, parsed (the text itself when it
/// is not JSON; null when absent).
pub fn inner(record: &Value, key: &str) -> Value {
    match record.get(key) {
        Some(Value::String(text)) => {
            serde_json::from_str(text).unwrap_or_else(|_| Value::String(text.clone()))
        }
        Some(other) => other.clone(),
        None => Value::Null,
    }
}

/// A string field of an API record ("" when absent or null).
pub fn text(record: &Value, key: &str) -> String {
    output::cell(record.get(key).unwrap_or(&Value::Null))
}
