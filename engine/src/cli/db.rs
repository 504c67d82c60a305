//! `bora db migrate|status`: the store's schema, as an operator manages it
//! (Mistral's `mistral-db-manage upgrade head`). `bora serve` applies
//! pending migrations itself unless started with `--no-migrate`.

use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Subcommand};

use bora_store::Store;

/// `bora db`.
#[derive(Debug, Args)]
pub struct DbArgs {
    /// Database: `sqlite://PATH` or `postgres://...` (a missing PostgreSQL
    /// database is created).
    #[arg(
        long,
        global = true,
        env = "BORA_DATABASE_URL",
        default_value = "sqlite://bora.sqlite"
    )]
    database: String,
    #[command(subcommand)]
    command: DbCommand,
}

#[derive(Debug, Subcommand)]
enum DbCommand {
    /// Apply every pending migration.
    Migrate,
    /// Show which migrations are applied and which are pending; exit 1 when
    /// the schema is not exactly this version's.
    Status,
}

pub fn run(args: DbArgs) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(async {
        // Opened without migrating: `status` must not change anything.
        let store = open(&args.database).await?;
        let status = match args.command {
            DbCommand::Migrate => store.migrate().await?,
            DbCommand::Status => store.schema_status().await?,
        };
        store.close().await;
        for (version, description) in &status.applied {
            println!("applied  {version:04} {description}");
        }
        for (version, description) in &status.pending {
            println!("pending  {version:04} {description}");
        }
        for version in &status.unknown {
            println!("unknown  {version:04} (applied by a newer Bora)");
        }
        println!("{}", status.describe());
        let current = status.pending.is_empty() && status.unknown.is_empty();
        Ok(if current {
            ExitCode::SUCCESS
        } else {
            ExitCode::FAILURE
        })
    })
}

/// Opens the store as it is (any schema state).
async fn open(url: &str) -> anyhow::Result<Store> {
    Store::open_unchecked(url)
        .await
        .with_context(|| format!("cannot open {url}"))
}
