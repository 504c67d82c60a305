//! `bora cron create|list|delete`: cron triggers.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use reqwest::Method;
use serde_json::{Value, json};

use super::http::enc;
use super::output::{print_json, print_record, print_table};
use super::{ClientOpts, block_on, json_arg, text};

#[derive(Debug, Args)]
pub struct CronArgs {
    #[command(flatten)]
    opts: ClientOpts,
    #[command(subcommand)]
    command: CronCommand,
}

#[derive(Debug, Subcommand)]
enum CronCommand {
    /// Create a trigger that starts a workflow on a schedule.
    Create {
        /// The trigger's name.
        name: String,
        /// Workflow name or ID.
        workflow: String,
        /// Cron pattern, 5 fields (`0 3 * * *`).
        #[arg(long)]
        pattern: Option<String>,
        /// First run (`YYYY-MM-DD HH:MM`, UTC).
        #[arg(long, value_name = "TIME")]
        first_time: Option<String>,
        /// How many times to run (default: forever).
        #[arg(long)]
        count: Option<u64>,
        /// Workflow input: a JSON object, or @FILE.
        #[arg(long, short, default_value = "{}")]
        input: String,
        /// Execution params: a JSON object, or @FILE.
        #[arg(long, short, default_value = "{}")]
        params: String,
    },
    /// List triggers.
    List,
    /// Delete triggers.
    Delete {
        #[arg(required = true)]
        names: Vec<String>,
    },
}

pub fn run(args: CronArgs) -> anyhow::Result<ExitCode> {
    block_on(run_async(args))
}

async fn run_async(args: CronArgs) -> anyhow::Result<ExitCode> {
    let opts = &args.opts;
    let client = opts.client()?;
    match args.command {
        CronCommand::Create {
            name,
            workflow,
            pattern,
            first_time,
            count,
            input,
            params,
        } => {
            let body = json!({
                "name": name,
                "workflow_name": workflow,
                "pattern": pattern,
                "first_execution_time": first_time,
                "remaining_executions": count,
                "workflow_input": Value::Object(json_arg("--input", &input)?),
                "workflow_params": Value::Object(json_arg("--params", &params)?),
            });
            let t = client
                .send_json(Method::POST, "/cron_triggers", &body)
                .await?;
            if opts.json() {
                print_json(&t);
            } else {
                print_record(&[
                    ("Name", text(&t, "name")),
                    ("Workflow", text(&t, "workflow_name")),
                    ("Pattern", text(&t, "pattern")),
                    ("Next execution", text(&t, "next_execution_time")),
                    ("Remaining", text(&t, "remaining_executions")),
                ]);
            }
        }
        CronCommand::List => {
            let all = client.list("/cron_triggers", "cron_triggers", None).await?;
            if opts.json() {
                print_json(&Value::Array(all));
            } else {
                let rows: Vec<Vec<String>> = all
                    .iter()
                    .map(|t| {
                        vec![
                            text(t, "name"),
                            text(t, "workflow_name"),
                            text(t, "pattern"),
                            text(t, "next_execution_time"),
                            text(t, "remaining_executions"),
                        ]
                    })
                    .collect();
                print_table(
                    &["Name", "Workflow", "Pattern", "Next execution", "Remaining"],
                    &rows,
                );
            }
        }
        CronCommand::Delete { names } => {
            for name in &names {
                client
                    .delete(&format!("/cron_triggers/{}", enc(name)))
                    .await?;
                if !opts.json() {
                    println!("Deleted cron trigger {name}");
                }
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
