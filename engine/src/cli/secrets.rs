//! `bora secrets new-key|rotate`: the keys of the secret values of
//! environments and projects (see [`crate::secrets`]); `bora secret
//! set|list|delete`: the secrets of a project, which workflows name with
//! `secret('NAME')`.
//!
//! Rotating: make a key, list it first and the old one second
//! (`--secret-key NEW,OLD`) on every node, run `bora secrets rotate` with
//! the same list (it re-seals every stored environment and project secret
//! with the first key), then drop the old key once the executions started
//! before have finished (they carry values sealed with it).

use std::io::Read;
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};

use super::client::Format;
use super::client::output::{print_json, print_table};
use super::config::file_setting;
use super::project::project_name;
use super::token::{StoreArgs, time};
use crate::clock::now_micros;
use crate::secrets::Keyring;

/// The keys: `--secret-key`, else `BORA_SECRET_KEY` (clap reads both),
/// else the configuration file's `secret-key`.
#[derive(Debug, Args)]
struct KeyArgs {
    /// The keys, comma-separated: the sealing (new) one first, then the
    /// ones secrets may still be sealed with (default: `BORA_SECRET_KEY`,
    /// else the configuration file's `secret-key`).
    #[arg(
        long = "secret-key",
        env = "BORA_SECRET_KEY",
        value_name = "KEY",
        value_delimiter = ',',
        hide_env_values = true
    )]
    secret_key: Vec<String>,
}

/// The keyring of `keys`, else of the configuration file's `secret-key`.
fn keyring(store: &StoreArgs, keys: Vec<String>) -> anyhow::Result<Keyring> {
    let keys = if keys.is_empty() {
        file_setting(store.config(), "secret-key")?
            .map(|list| list.split(',').map(str::to_owned).collect())
            .unwrap_or_default()
    } else {
        keys
    };
    Keyring::parse(&keys).map_err(|err| anyhow::anyhow!("--secret-key: {err}"))
}

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
        #[command(flatten)]
        keys: KeyArgs,
    },
}

pub fn run(args: SecretsArgs) -> anyhow::Result<ExitCode> {
    match args.command {
        SecretsCommand::NewKey => {
            println!("{}", Keyring::new_key()?);
            Ok(ExitCode::SUCCESS)
        }
        SecretsCommand::Rotate { store, keys } => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .context("cannot start the async runtime")?;
            runtime.block_on(rotate(store, keys.secret_key))
        }
    }
}

async fn rotate(store: StoreArgs, keys: Vec<String>) -> anyhow::Result<ExitCode> {
    let keyring = keyring(&store, keys)?;
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
    let mut project_secrets = 0;
    for secret in db.project_secrets(None).await? {
        let mut value = serde_json::Value::String(secret.value.clone());
        let changed = keyring
            .reseal(&secret.project, &mut value)
            .with_context(|| format!("secret {} of project {}", secret.name, secret.project))?;
        if let (true, serde_json::Value::String(sealed)) = (changed, value)
            && db
                .reseal_project_secret(&secret, &sealed, now_micros())
                .await?
        {
            project_secrets += 1;
        }
    }
    db.close().await;
    println!(
        "re-sealed the secrets of {resealed} environment(s) and {project_secrets} project \
         secret(s) with key {new}"
    );
    Ok(ExitCode::SUCCESS)
}

/// `bora secret`.
#[derive(Debug, Args)]
pub struct SecretArgs {
    #[command(flatten)]
    store: StoreArgs,
    #[command(subcommand)]
    command: SecretCommand,
}

#[derive(Debug, Subcommand)]
enum SecretCommand {
    /// Store a project secret, sealed with the first key; workflows of the
    /// project use it as `secret('NAME')`. The value is read from stdin
    /// (one trailing newline dropped) unless `--value` gives it.
    Set {
        /// The project that owns it.
        #[arg(long)]
        project: String,
        /// Its name: letters, digits, `_`, `-` and `.`.
        name: String,
        /// The value (prefer stdin: a command line is seen by others on
        /// the machine and kept in shell history).
        #[arg(long)]
        value: Option<String>,
        #[command(flatten)]
        keys: KeyArgs,
    },
    /// List the names of a project's secrets (never their values).
    List {
        /// The project.
        #[arg(long)]
        project: String,
    },
    /// Delete a project secret; calls that name it fail from now on.
    Delete {
        /// The project.
        #[arg(long)]
        project: String,
        /// The secret's name.
        name: String,
    },
}

pub fn secret(args: SecretArgs) -> anyhow::Result<ExitCode> {
    super::client::block_on(async move {
        let store = &args.store;
        match args.command {
            SecretCommand::Set {
                project,
                name,
                value,
                keys,
            } => {
                let project = project_name(&project)?;
                if !bora_expr::functions::valid_secret_name(&name) {
                    bail!(
                        "{name:?} is not a secret name: 1 to {} letters, digits, '_', '-' or '.'",
                        bora_expr::functions::MAX_SECRET_NAME
                    );
                }
                let keyring = keyring(store, keys.secret_key)?;
                if keyring.is_empty() {
                    bail!(
                        "bora secret set needs --secret-key KEY (or BORA_SECRET_KEY), the key of bora serve"
                    );
                }
                let value = match value {
                    Some(value) => value,
                    None => read_stdin()?,
                };
                if value.is_empty() {
                    bail!("the secret's value is empty");
                }
                let sealed = keyring.seal(&project, &value)?;
                let db = store.open().await?;
                let stored = db
                    .put_project_secret(&project, &name, &sealed, now_micros())
                    .await;
                db.close().await;
                stored?;
                println!("secret {name} of project {project} set");
            }
            SecretCommand::List { project } => {
                let project = project_name(&project)?;
                let db = store.open().await?;
                let listed = db.project_secrets(Some(&project)).await;
                db.close().await;
                let listed = listed?;
                if store.output() == Format::Json {
                    let shown = listed
                        .iter()
                        .map(|s| {
                            serde_json::json!({
                                "project": s.project,
                                "name": s.name,
                                "created_at": time(Some(s.created_at)),
                                "updated_at": time(Some(s.updated_at)),
                            })
                        })
                        .collect();
                    print_json(&serde_json::Value::Array(shown));
                } else {
                    let rows: Vec<Vec<String>> = listed
                        .iter()
                        .map(|s| vec![s.name.clone(), time(Some(s.updated_at))])
                        .collect();
                    print_table(&["Name", "Updated"], &rows);
                }
            }
            SecretCommand::Delete { project, name } => {
                let project = project_name(&project)?;
                let db = store.open().await?;
                let deleted = db.delete_project_secret(&project, &name).await;
                db.close().await;
                if !deleted? {
                    bail!("project {project} has no secret {name}");
                }
                println!("secret {name} of project {project} deleted");
            }
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// The value on stdin, without one trailing newline.
fn read_stdin() -> anyhow::Result<String> {
    let mut value = String::new();
    std::io::stdin()
        .read_to_string(&mut value)
        .context("cannot read the secret's value from stdin")?;
    let value = value
        .strip_suffix('\n')
        .map(|v| v.strip_suffix('\r').unwrap_or(v))
        .unwrap_or(&value);
    Ok(value.to_owned())
}
