//! `bora secrets new-key|rotate`: the keys of the secret values of
//! environments (see [`crate::secrets`]).
//!
//! Rotating: make a key, list it first and the old one second
//! (`--secret-key NEW,OLD`) on every node, run `bora secrets rotate` with
//! the same list (it re-seals every stored environment with the first
//! key), then drop the old key once the executions started before have
//! finished (they carry values sealed with it).

use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};

use super::config::file_setting;
use super::token::StoreArgs;
use crate::clock::now_micros;
use crate::secrets::Keyring;

/// `bora secrets`.
#[derive(Debug, Args)]
pub struct SecretsArgs {
    #[command(subcommand)]
    command: SecretsCommand,
}

#[derive(Debug, Subcommand)]
enum SecretsCommand {
    /// Print a new random key (32 bytes in base64) for `--secret-key`.
    NewKey,
    /// Re-seal the secrets of every stored environment with the first key.
    Rotate {
        #[command(flatten)]
        store: StoreArgs,
        /// The keys, the new one first, then the ones secrets may still be
        /// sealed with (default: `BORA_SECRET_KEY`, else the configuration
        /// file's `secret-key`).
        #[arg(
            long = "secret-key",
            env = "BORA_SECRET_KEY",
            value_name = "KEY",
            value_delimiter = ',',
            hide_env_values = true
        )]
        secret_key: Vec<String>,
    },
}

pub fn run(args: SecretsArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        SecretsCommand::NewKey => {
            println!("{}", Keyring::new_key()?);
            Ok(ExitCode::SUCCESS)
        }
        SecretsCommand::Rotate { store, secret_key } => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .context("cannot start the async runtime")?;
            runtime.block_on(rotate(store, secret_key))
        }
    }
}

async fn rotate(store: StoreArgs, keys: Vec<String>) -> anyhow::Result<ExitCode> {
    let keys = if keys.is_empty() {
        file_setting(store.config(), "secret-key")?
            .map(|list| list.split(',').map(str::to_owned).collect())
            .unwrap_or_default()
    } else {
        keys
    };
    let keyring = Keyring::parse(&keys).map_err(|err| anyhow::anyhow!("--secret-key: {err}"))?;
    let Some(new) = keyring.sealing_key_id() else {
        bail!("bora secrets rotate needs --secret-key NEW[,OLD...] (or BORA_SECRET_KEY)");
    };
    let new = new.to_owned();
    let db = store.open().await?;
    let mut resealed = 0;
    for env in db.list_environments().await? {
        let mut variables = serde_json::Value::Object(env.variables.clone());
        let changed = keyring
            .reseal(&env.project_id, &mut variables)
            .with_context(|| format!("environment {} (project {})", env.name, env.project_id))?;
        if let (true, serde_json::Value::Object(variables)) = (changed, variables)
            && db
                .set_environment_variables(&env.id, &variables, now_micros())
                .await?
        {
            resealed += 1;
        }
    }
    println!("re-sealed the secrets of {resealed} environment(s) with key {new}");
    Ok(ExitCode::SUCCESS)
}
