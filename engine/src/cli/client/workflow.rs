//! `bora workflow create|update|list|get|delete|validate`.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use reqwest::Method;
use serde_json::{Value, json};

use super::http::enc;
use super::output::{clip, print_json, print_record, print_table};
use super::{ClientOpts, block_on, read_text, text};

#[derive(Debug, Args)]
pub struct WorkflowArgs {
    #[command(flatten)]
    opts: ClientOpts,
    #[command(subcommand)]
    command: WorkflowCommand,
}

#[derive(Debug, Subcommand)]
enum WorkflowCommand {
    /// Upload the workflows of YAML files (fails if one exists).
    Create(Upload),
    /// Upload the workflows of YAML files, replacing existing ones.
    Update(Upload),
    /// List workflows.
    List,
    /// Show a workflow.
    Get {
        /// Name or ID.
        workflow: String,
        #[arg(long, default_value = "")]
        namespace: String,
        /// Print only the YAML definition.
        #[arg(long)]
        definition: bool,
    },
    /// Delete workflows.
    Delete {
        /// Names or IDs.
        #[arg(required = true)]
        workflows: Vec<String>,
        #[arg(long, default_value = "")]
        namespace: String,
    },
    /// Check workflow files on the server without storing them.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Debug, Args)]
struct Upload {
    /// Workflow files (Workflow Language v2 YAML).
    #[arg(required = true)]
    files: Vec<PathBuf>,
    #[arg(long, default_value = "")]
    namespace: String,
    /// Visible to every project (Mistral's `scope: public`).
    #[arg(long)]
    public: bool,
}

fn rows(workflows: &[Value]) -> Vec<Vec<String>> {
    workflows
        .iter()
        .map(|w| {
            vec![
                text(w, "name"),
                text(w, "id"),
                text(w, "namespace"),
                clip(&text(w, "input"), 40),
                text(w, "tags"),
                if text(w, "updated_at").is_empty() {
                    text(w, "created_at")
                } else {
                    text(w, "updated_at")
                },
            ]
        })
        .collect()
}

const HEADERS: &[&str] = &["Name", "ID", "Namespace", "Input", "Tags", "Updated"];

pub fn run(args: WorkflowArgs) -> anyhow::Result<ExitCode> {
    block_on(run_async(args))
}

async fn run_async(args: WorkflowArgs) -> anyhow::Result<ExitCode> {
    let opts = &args.opts;
    let client = opts.client()?;
    match args.command {
        WorkflowCommand::Create(upload) => put(opts, Method::POST, upload).await,
        WorkflowCommand::Update(upload) => put(opts, Method::PUT, upload).await,
        WorkflowCommand::List => {
            let all = client.list("/workflows", "workflows", None).await?;
            if opts.json() {
                print_json(&Value::Array(all));
            } else {
                print_table(HEADERS, &rows(&all));
            }
            Ok(ExitCode::SUCCESS)
        }
        WorkflowCommand::Get {
            workflow,
            namespace,
            definition,
        } => {
            let w = client
                .get(&format!(
                    "/workflows/{}?namespace={}",
                    enc(&workflow),
                    enc(&namespace)
                ))
                .await?;
            if opts.json() {
                print_json(&w);
            } else if definition {
                print!("{}", text(&w, "definition"));
            } else {
                print_record(&[
                    ("Name", text(&w, "name")),
                    ("ID", text(&w, "id")),
                    ("Namespace", text(&w, "namespace")),
                    ("Input", text(&w, "input")),
                    ("Tags", text(&w, "tags")),
                    ("Scope", text(&w, "scope")),
                    ("Created", text(&w, "created_at")),
                    ("Updated", text(&w, "updated_at")),
                    ("Definition", text(&w, "definition")),
                ]);
            }
            Ok(ExitCode::SUCCESS)
        }
        WorkflowCommand::Delete {
            workflows,
            namespace,
        } => {
            for w in &workflows {
                client
                    .delete(&format!(
                        "/workflows/{}?namespace={}",
                        enc(w),
                        enc(&namespace)
                    ))
                    .await?;
                if !opts.json() {
                    println!("Deleted workflow {w}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        WorkflowCommand::Validate { files } => {
            let mut results = Vec::new();
            let mut all_valid = true;
            for file in &files {
                let yaml = read_text(file)?;
                let answer = client
                    .send_body(
                        Method::POST,
                        "/workflows/validate",
                        "text/plain",
                        yaml.into_bytes(),
                    )
                    .await?;
                let valid = answer
                    .get("valid")
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                all_valid &= valid;
                let error = text(&answer, "error");
                if !opts.json() {
                    if valid {
                        println!("{}: valid", file.display());
                    } else {
                        println!("{}: invalid", file.display());
                        for line in error.lines() {
                            println!("  {line}");
                        }
                    }
                }
                results.push(json!({"file": file.display().to_string(), "valid": valid,
                    "error": answer.get("error").cloned().unwrap_or(Value::Null)}));
            }
            if opts.json() {
                print_json(&Value::Array(results));
            }
            Ok(if all_valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::FAILURE
            })
        }
    }
}

async fn put(opts: &ClientOpts, method: Method, upload: Upload) -> anyhow::Result<ExitCode> {
    let client = opts.client()?;
    let scope = if upload.public { "public" } else { "private" };
    let mut stored = Vec::new();
    for file in &upload.files {
        let yaml = read_text(file)?;
        let path = format!(
            "/workflows?namespace={}&scope={scope}",
            enc(&upload.namespace)
        );
        let answer = client
            .send_body(method.clone(), &path, "text/plain", yaml.into_bytes())
            .await
            .map_err(|e| e.context(format!("{} was not stored", file.display())))?;
        if let Some(list) = answer.get("workflows").and_then(Value::as_array) {
            stored.extend(list.iter().cloned());
        }
    }
    if opts.json() {
        print_json(&Value::Array(stored));
    } else {
        print_table(HEADERS, &rows(&stored));
    }
    Ok(ExitCode::SUCCESS)
}
