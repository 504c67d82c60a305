//! `bora task list|get|logs|rerun`.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use reqwest::Method;
use serde_json::{Value, json};

use super::http::enc;
use super::output::{clip, pretty, print_json, print_record, print_table};
use super::{ClientOpts, block_on, inner, json_arg, text};

#[derive(Debug, Args)]
pub struct TaskArgs {
    #[command(flatten)]
    opts: ClientOpts,
    #[command(subcommand)]
    command: TaskCommand,
}

#[derive(Debug, Subcommand)]
enum TaskCommand {
    /// List the tasks of an execution.
    List {
        /// Execution ID.
        execution: String,
    },
    /// Show a task with its result.
    Get { id: String },
    /// Print what the task's actions wrote to stdout and stderr and logged
    /// (each action execution in turn: retries and with-items items).
    Logs { id: String },
    /// Run a failed task again (its execution runs on from there).
    Rerun {
        id: String,
        /// Keep the with-items items that succeeded (rerun only the others).
        #[arg(long)]
        resume: bool,
        /// Environment changes for the rerun: a JSON object, or @FILE.
        #[arg(long)]
        env: Option<String>,
    },
}

pub fn run(args: TaskArgs) -> anyhow::Result<ExitCode> {
    block_on(run_async(args))
}

fn print_task(t: &Value) {
    let mut fields = vec![
        ("ID", text(t, "id")),
        ("Name", text(t, "name")),
        ("Execution", text(t, "workflow_execution_id")),
        ("Workflow", text(t, "workflow_name")),
        ("Type", text(t, "type")),
        ("State", text(t, "state")),
        ("State info", text(t, "state_info")),
        ("Started", text(t, "started_at")),
        ("Finished", text(t, "finished_at")),
        ("Published", pretty(&inner(t, "published"))),
    ];
    if t.get("result").is_some() {
        fields.push(("Result", pretty(&inner(t, "result"))));
    }
    print_record(&fields);
}

/// One action execution's output: a header, then stdout, stderr and the
/// log records, each only when there is some.
fn print_logs(logs: &Value) {
    println!(
        "== action {} {} ({})",
        text(logs, "name"),
        text(logs, "id"),
        text(logs, "state")
    );
    for stream in ["stdout", "stderr"] {
        let body = text(logs, stream);
        if !body.is_empty() {
            println!("-- {stream}");
            println!("{}", body.trim_end_matches('\n'));
        }
    }
    let records = logs["logs"].as_array().cloned().unwrap_or_default();
    if !records.is_empty() {
        println!("-- log");
        for record in &records {
            println!("{:<5} {}", text(record, "level"), text(record, "message"));
        }
    }
}

async fn run_async(args: TaskArgs) -> anyhow::Result<ExitCode> {
    let opts = &args.opts;
    let client = opts.client()?;
    match args.command {
        TaskCommand::List { execution } => {
            let path = format!(
                "/executions/{}/tasks?sort_keys=created_at,id",
                enc(&execution)
            );
            let all = client.list(&path, "tasks", None).await?;
            if opts.json() {
                print_json(&Value::Array(all));
            } else {
                let rows: Vec<Vec<String>> = all
                    .iter()
                    .map(|t| {
                        vec![
                            text(t, "id"),
                            text(t, "name"),
                            text(t, "state"),
                            text(t, "started_at"),
                            text(t, "finished_at"),
                            clip(&text(t, "state_info"), 60),
                        ]
                    })
                    .collect();
                print_table(
                    &["ID", "Name", "State", "Started", "Finished", "Info"],
                    &rows,
                );
            }
        }
        TaskCommand::Get { id } => {
            let task = client.get(&format!("/tasks/{}", enc(&id))).await?;
            if opts.json() {
                print_json(&task);
            } else {
                print_task(&task);
            }
        }
        TaskCommand::Logs { id } => {
            let path = format!("/tasks/{}/action_executions", enc(&id));
            let actions = client.get(&path).await?;
            let mut all = Vec::new();
            for action in actions["action_executions"]
                .as_array()
                .into_iter()
                .flatten()
            {
                let action_id = text(action, "id");
                let path = format!("/action_executions/{}/logs", enc(&action_id));
                let mut logs = client.get(&path).await?;
                logs["name"] = action["name"].clone();
                logs["state"] = action["state"].clone();
                all.push(logs);
            }
            if opts.json() {
                print_json(&Value::Array(all));
            } else {
                for logs in &all {
                    print_logs(logs);
                }
            }
        }
        TaskCommand::Rerun { id, resume, env } => {
            let mut body = json!({"state": "RUNNING", "reset": !resume});
            if let Some(env) = env {
                body["env"] = Value::Object(json_arg("--env", &env)?);
            }
            let task = client
                .send_json(Method::PUT, &format!("/tasks/{}", enc(&id)), &body)
                .await?;
            if opts.json() {
                print_json(&task);
            } else {
                println!(
                    "{} {} {} (execution {})",
                    text(&task, "id"),
                    text(&task, "name"),
                    text(&task, "state"),
                    text(&task, "workflow_execution_id")
                );
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
