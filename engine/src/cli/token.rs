//! `bora token create|list|revoke` and `bora audit`: API tokens and the
//! audit log, managed against the store as `bora serve` opens it (the same
//! `--database`, environment and configuration file). A token is printed
//! once, when it is made; the store keeps only its digest.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};
use serde_json::{Value, json};

use bora_store::{AuditEntry, Store, TokenRecord};

use super::client::Format;
use super::client::output::{print_json, print_table};
use super::config::database_url;
use crate::api::auth::{digest, new_token};
use crate::api::wire;
use crate::clock::now_micros;

/// Where the store is, as `bora serve` finds it.
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// Database: `sqlite://PATH` or `postgres://...`; default: the
    /// configuration file's `database`, else `sqlite://bora.sqlite`.
    #[arg(long, env = "BORA_DATABASE_URL", global = true)]
    database: Option<String>,
    /// The configuration file `bora serve` reads (default: `bora.toml`
    /// in the working directory when there is one).
    #[arg(long, env = "BORA_CONFIG", value_name = "PATH", global = true)]
    config: Option<PathBuf>,
    /// Output format.
    #[arg(long, short = 'o', value_enum, default_value_t = Format::Table, global = true)]
    output: Format,
}

impl StoreArgs {
    /// The configuration file named, if any.
    pub(super) fn config(&self) -> Option<&std::path::Path> {
        self.config.as_deref()
    }

    /// The output format asked for.
    pub(super) fn output(&self) -> Format {
        self.output
    }

    pub(super) async fn open(&self) -> anyhow::Result<Store> {
        let url = database_url(self.database.as_deref(), self.config.as_deref())?;
        Store::connect(&url)
            .await
            .with_context(|| format!("cannot open {}", super::serve::redacted(&url)))
    }
}

/// `bora token`.
#[derive(Debug, Args)]
pub struct TokenArgs {
    #[command(flatten)]
    store: StoreArgs,
    #[command(subcommand)]
    command: TokenCommand,
}

#[derive(Debug, Subcommand)]
enum TokenCommand {
    /// Make a token for a project; prints it on the last line (it is not
    /// shown again).
    Create {
        /// The project whose objects the token sees.
        #[arg(long)]
        project: String,
        /// The token sees every project.
        #[arg(long)]
        admin: bool,
    },
    /// List the tokens (never their text).
    List,
    /// Revoke a token: every node refuses it from now on.
    Revoke {
        /// The token's id (from `bora token list`).
        id: String,
    },
}

/// `bora audit`.
#[derive(Debug, Args)]
pub struct AuditArgs {
    #[command(flatten)]
    store: StoreArgs,
    /// Only what this token did (its id).
    #[arg(long)]
    token: Option<String>,
    /// At most this many entries, newest first.
    #[arg(long, default_value_t = 100)]
    limit: i64,
}

pub fn run(args: TokenArgs) -> anyhow::Result<ExitCode> {
    super::client::block_on(async move {
        let store = args.store.open().await?;
        let result = token(&store, args.command, args.store.output).await;
        store.close().await;
        result
    })
}

async fn token(store: &Store, command: TokenCommand, output: Format) -> anyhow::Result<ExitCode> {
    match command {
        TokenCommand::Create { project, admin } => {
            let project = project.trim();
            anyhow::ensure!(!project.is_empty(), "--project must name a project");
            let (id, text) = new_token().context("the system's random generator failed")?;
            let record = store
                .insert_token(&id, project, admin, &digest(&text), now_micros())
                .await?;
            if output == Format::Json {
                let mut shown = token_json(&record);
                shown["token"] = Value::String(text);
                print_json(&shown);
            } else {
                println!(
                    "token {} for project {}{} (keep it: it is not shown again)",
                    record.id,
                    record.project,
                    if admin { ", admin" } else { "" }
                );
                println!("{text}");
            }
        }
        TokenCommand::List => {
            let tokens = store.tokens().await?;
            if output == Format::Json {
                print_json(&Value::Array(tokens.iter().map(token_json).collect()));
            } else {
                let rows: Vec<Vec<String>> = tokens
                    .iter()
                    .map(|t| {
                        vec![
                            t.id.clone(),
                            t.project.clone(),
                            if t.admin { "yes" } else { "" }.to_owned(),
                            time(Some(t.created_at)),
                            time(t.last_used_at),
                            time(t.revoked_at),
                        ]
                    })
                    .collect();
                print_table(
                    &["ID", "Project", "Admin", "Created", "Last used", "Revoked"],
                    &rows,
                );
            }
        }
        TokenCommand::Revoke { id } => {
            store.revoke_token(&id, now_micros()).await?;
            println!("token {id} revoked");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn audit(args: AuditArgs) -> anyhow::Result<ExitCode> {
    super::client::block_on(async move {
        let store = args.store.open().await?;
        let entries = store.audit(args.token.as_deref(), args.limit.max(0)).await;
        store.close().await;
        let entries = entries?;
        if args.store.output == Format::Json {
            print_json(&Value::Array(entries.iter().map(audit_json).collect()));
        } else {
            let rows: Vec<Vec<String>> = entries
                .iter()
                .map(|e| {
                    vec![
                        time(Some(e.at)),
                        e.token_id.clone().unwrap_or_default(),
                        e.project.clone().unwrap_or_default(),
                        format!("{} {}", e.method, e.path),
                        e.status.to_string(),
                        e.target.clone().unwrap_or_default(),
                    ]
                })
                .collect();
            print_table(
                &["At", "Token", "Project", "Request", "Status", "Created"],
                &rows,
            );
        }
        Ok(ExitCode::SUCCESS)
    })
}

fn token_json(t: &TokenRecord) -> Value {
    json!({
        "id": t.id,
        "project": t.project,
        "admin": t.admin,
        "created_at": time(Some(t.created_at)),
        "last_used_at": t.last_used_at.map(|at| time(Some(at))),
        "revoked_at": t.revoked_at.map(|at| time(Some(at))),
    })
}

fn audit_json(e: &AuditEntry) -> Value {
    json!({
        "at": time(Some(e.at)),
        "token_id": e.token_id,
        "project": e.project,
        "method": e.method,
        "path": e.path,
        "status": e.status,
        "target": e.target,
    })
}

/// A stored time (microseconds) as the API prints times ("" when none).
pub(super) fn time(micros: Option<i64>) -> String {
    match micros.map(wire::time) {
        Some(Value::String(text)) => text,
        _ => String::new(),
    }
}
