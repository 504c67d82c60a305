//! `bora env create|list|get|delete`: environments (`env()` in expressions,
//! chosen by an execution's `env` param).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, anyhow};
use clap::{Args, Subcommand};
use reqwest::Method;
use serde_json::Value;

use super::http::enc;
use super::output::{pretty, print_json, print_record, print_table};
use super::{ClientOpts, block_on, inner, read_text, text};

#[derive(Debug, Args)]
pub struct EnvArgs {
    #[command(flatten)]
    opts: ClientOpts,
    #[command(subcommand)]
    command: EnvCommand,
}

#[derive(Debug, Subcommand)]
enum EnvCommand {
    /// Create an environment from a YAML or JSON file with `name`,
    /// `description` and `variables` (as `mistral environment-create`),
    /// and `secrets`: variables sealed at rest and shown as `***`.
    Create {
        file: PathBuf,
        /// Replace an environment of the same name.
        #[arg(long)]
        update: bool,
    },
    /// List environments.
    List,
    /// Show an environment with its variables.
    Get { name: String },
    /// Delete environments.
    Delete {
        #[arg(required = true)]
        names: Vec<String>,
    },
}

pub fn run(args: EnvArgs) -> anyhow::Result<ExitCode> {
    block_on(run_async(args))
}

fn print_env(e: &Value) {
    print_record(&[
        ("Name", text(e, "name")),
        ("Description", text(e, "description")),
        ("Scope", text(e, "scope")),
        ("Created", text(e, "created_at")),
        ("Updated", text(e, "updated_at")),
        ("Variables", pretty(&inner(e, "variables"))),
    ]);
}

async fn run_async(args: EnvArgs) -> anyhow::Result<ExitCode> {
    let opts = &args.opts;
    let client = opts.client()?;
    match args.command {
        EnvCommand::Create { file, update } => {
            let source = read_text(&file)?;
            // YAML is a superset of JSON: one loader reads both.
            let body = bora_lang::yaml::load(&source)
                .map_err(|e| anyhow!("{}:{}: {e}", file.display(), e.pos.line))?
                .to_json();
            if !body.is_object() {
                return Err(anyhow!(
                    "{} must hold a mapping with name, description and variables",
                    file.display()
                ));
            }
            let method = if update { Method::PUT } else { Method::POST };
            let env = client
                .send_json(method, "/environments", &body)
                .await
                .with_context(|| format!("{} was not stored", file.display()))?;
            if opts.json() {
                print_json(&env);
            } else {
                print_env(&env);
            }
        }
        EnvCommand::List => {
            let all = client.list("/environments", "environments", None).await?;
            if opts.json() {
                print_json(&Value::Array(all));
            } else {
                let rows: Vec<Vec<String>> = all
                    .iter()
                    .map(|e| {
                        vec![
                            text(e, "name"),
                            text(e, "description"),
                            text(e, "scope"),
                            text(e, "created_at"),
                            text(e, "updated_at"),
                        ]
                    })
                    .collect();
                print_table(
                    &["Name", "Description", "Scope", "Created", "Updated"],
                    &rows,
                );
            }
        }
        EnvCommand::Get { name } => {
            let env = client.get(&format!("/environments/{}", enc(&name))).await?;
            if opts.json() {
                print_json(&env);
            } else {
                print_env(&env);
            }
        }
        EnvCommand::Delete { names } => {
            for name in &names {
                client
                    .delete(&format!("/environments/{}", enc(name)))
                    .await?;
                if !opts.json() {
                    println!("Deleted environment {name}");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
