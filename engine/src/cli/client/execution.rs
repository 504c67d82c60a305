//! `bora execution start|list|get|output|pause|resume|cancel|delete|watch`.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use reqwest::Method;
use serde_json::{Map, Value, json};

use super::http::enc;
use super::output::{clip, pretty, print_json, print_record, print_table};
use super::{Client, ClientOpts, block_on, inner, json_arg, text, watch};

#[derive(Debug, Args)]
pub struct ExecutionArgs {
    #[command(flatten)]
    opts: ClientOpts,
    #[command(subcommand)]
    command: ExecutionCommand,
}

#[derive(Debug, Subcommand)]
enum ExecutionCommand {
    /// Start a workflow.
    Start {
        /// Workflow name or ID.
        workflow: String,
        /// Workflow input: a JSON object, or @FILE.
        #[arg(long, short, default_value = "{}")]
        input: String,
        /// Execution params (`env`, `task_name`, ...): a JSON object, or @FILE.
        #[arg(long, short, default_value = "{}")]
        params: String,
        #[arg(long, default_value = "")]
        namespace: String,
        #[arg(long, short, default_value = "")]
        description: String,
        /// Follow the tasks until the execution ends; exit 0 on SUCCESS, 1
        /// on ERROR or CANCELLED.
        #[arg(long)]
        wait: bool,
    },
    /// List executions, newest first.
    List {
        /// Only executions in this state (RUNNING, SUCCESS, ERROR, ...).
        #[arg(long)]
        state: Option<String>,
        /// Only executions of this workflow (name).
        #[arg(long)]
        workflow: Option<String>,
        /// How many.
        #[arg(long, default_value_t = 50)]
        limit: u32,
    },
    /// Show an execution.
    Get { id: String },
    /// Print an execution's output (JSON).
    Output { id: String },
    /// Pause a running execution.
    Pause { id: String },
    /// Resume a paused execution.
    Resume { id: String },
    /// Cancel an execution.
    Cancel { id: String },
    /// Delete executions (completed ones, unless --force).
    Delete {
        #[arg(required = true)]
        ids: Vec<String>,
        #[arg(long)]
        force: bool,
    },
    /// Follow an execution's tasks until it ends; exit 0 on SUCCESS, 1 on
    /// ERROR or CANCELLED.
    Watch { id: String },
}

const HEADERS: &[&str] = &["ID", "Workflow", "State", "Created", "Updated", "Info"];

fn row(e: &Value) -> Vec<String> {
    vec![
        text(e, "id"),
        text(e, "workflow_name"),
        text(e, "state"),
        text(e, "created_at"),
        text(e, "updated_at"),
        clip(&text(e, "state_info"), 60),
    ]
}

fn print_execution(e: &Value) {
    let mut fields = vec![
        ("ID", text(e, "id")),
        ("Workflow", text(e, "workflow_name")),
        ("Workflow ID", text(e, "workflow_id")),
        ("Namespace", text(e, "workflow_namespace")),
        ("Description", text(e, "description")),
        ("State", text(e, "state")),
        ("State info", text(e, "state_info")),
        ("Created", text(e, "created_at")),
        ("Updated", text(e, "updated_at")),
    ];
    if !text(e, "task_execution_id").is_empty() {
        fields.push(("Parent task", text(e, "task_execution_id")));
        fields.push(("Root execution", text(e, "root_execution_id")));
    }
    if e.get("input").is_some() {
        fields.push(("Input", pretty(&inner(e, "input"))));
    }
    print_record(&fields);
}

pub fn run(args: ExecutionArgs) -> anyhow::Result<ExitCode> {
    block_on(run_async(args))
}

async fn run_async(args: ExecutionArgs) -> anyhow::Result<ExitCode> {
    let opts = &args.opts;
    let client = opts.client()?;
    let show = |e: &Value| {
        if opts.json() {
            print_json(e);
        } else {
            print_execution(e);
        }
    };
    match args.command {
        ExecutionCommand::Start {
            workflow,
            input,
            params,
            namespace,
            description,
            wait,
        } => {
            let body = json!({
                "workflow_name": workflow,
                "workflow_namespace": namespace,
                "input": Value::Object(json_arg("--input", &input)?),
                "params": Value::Object(json_arg("--params", &params)?),
                "description": description,
            });
            let started = client.send_json(Method::POST, "/executions", &body).await?;
            if !wait {
                show(&started);
                return Ok(ExitCode::SUCCESS);
            }
            if !opts.json() {
                eprintln!("execution {} started", text(&started, "id"));
            }
            finish(&client, opts, &text(&started, "id")).await
        }
        ExecutionCommand::List {
            state,
            workflow,
            limit,
        } => {
            let mut path = "/executions?sort_keys=created_at,id&sort_dirs=desc,desc".to_owned();
            if let Some(state) = state {
                path.push_str(&format!("&state={}", enc(&state.to_ascii_uppercase())));
            }
            if let Some(workflow) = workflow {
                path.push_str(&format!("&workflow_name={}", enc(&workflow)));
            }
            let all = client.list(&path, "executions", Some(limit)).await?;
            if opts.json() {
                print_json(&Value::Array(all));
            } else {
                print_table(HEADERS, &all.iter().map(row).collect::<Vec<_>>());
            }
            Ok(ExitCode::SUCCESS)
        }
        ExecutionCommand::Get { id } => {
            show(&client.get(&format!("/executions/{}", enc(&id))).await?);
            Ok(ExitCode::SUCCESS)
        }
        ExecutionCommand::Output { id } => {
            let e = client.get(&format!("/executions/{}", enc(&id))).await?;
            print_json(&inner(&e, "output"));
            Ok(ExitCode::SUCCESS)
        }
        ExecutionCommand::Pause { id } => set_state(&client, opts, &id, "PAUSED").await,
        ExecutionCommand::Resume { id } => set_state(&client, opts, &id, "RUNNING").await,
        ExecutionCommand::Cancel { id } => set_state(&client, opts, &id, "CANCELLED").await,
        ExecutionCommand::Delete { ids, force } => {
            for id in &ids {
                let force = if force { "?force=true" } else { "" };
                client
                    .delete(&format!("/executions/{}{force}", enc(id)))
                    .await?;
                if !opts.json() {
                    println!("Deleted execution {id}");
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        ExecutionCommand::Watch { id } => finish(&client, opts, &id).await,
    }
}

async fn set_state(
    client: &Client,
    opts: &ClientOpts,
    id: &str,
    state: &str,
) -> anyhow::Result<ExitCode> {
    let mut body = Map::new();
    body.insert("state".into(), state.into());
    let updated = client
        .send_json(
            Method::PUT,
            &format!("/executions/{}", enc(id)),
            &Value::Object(body),
        )
        .await?;
    if opts.json() {
        print_json(&updated);
    } else {
        println!("{} {}", text(&updated, "id"), text(&updated, "state"));
    }
    Ok(ExitCode::SUCCESS)
}

/// Follows an execution to its end: the output of a success on stdout (the
/// record, whatever the state, with `-o json`), the final state and any
/// error on stderr; exit 0 on SUCCESS.
async fn finish(client: &Client, opts: &ClientOpts, id: &str) -> anyhow::Result<ExitCode> {
    let exec = watch::follow(client, id).await?;
    let state = text(&exec, "state");
    if opts.json() {
        print_json(&exec);
    } else {
        // A failed execution's output only repeats its error.
        if state == "SUCCESS" {
            print_json(&inner(&exec, "output"));
        }
        eprintln!("{}: {state}", text(&exec, "workflow_name"));
    }
    if state == "SUCCESS" {
        return Ok(ExitCode::SUCCESS);
    }
    let info = text(&exec, "state_info");
    if !info.trim().is_empty() {
        eprintln!("error: {}", info.trim_end());
    }
    Ok(ExitCode::FAILURE)
}
