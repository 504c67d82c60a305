//! `bora run FILE.yaml`: runs a workflow in-process on an embedded store and
//! prints its output. FILE is a workflow file or a workbook (its workflows and
//! ad-hoc actions are stored as `<workbook>.<name>`, as over REST).

use std::collections::HashMap;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use crate::node::{Node, NodeConfig};
use crate::service::StartRequest;
use anyhow::{Context, bail};
use bora_core::state::State;
use bora_lang::Document;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Map, Value};

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The workflow file or workbook (Workflow Language v2 YAML).
    file: PathBuf,
    /// Which workflow of the file to run (default: the only or the first one;
    /// in a workbook, with or without the `<workbook>.` prefix).
    #[arg(long, short)]
    workflow: Option<String>,
    /// Workflow input as a JSON object.
    #[arg(long, short, default_value = "{}")]
    input: String,
    /// Execution params as a JSON object, as `POST /v2/executions` takes them
    /// (`env`, `task_name` for reverse workflows, ...).
    #[arg(long, short, default_value = "{}")]
    params: String,
    /// Store to use (default: a temporary SQLite file, removed afterwards).
    #[arg(long, env = "BORA_DATABASE_URL")]
    database: Option<String>,
}

pub fn run(args: RunArgs) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(run_async(args))
}

async fn run_async(args: RunArgs) -> anyhow::Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file)
        .with_context(|| format!("cannot read {}", args.file.display()))?;
    let input = json_object("--input", &args.input)?;
    let params = json_object("--params", &args.params)?;
    let document = bora_lang::parse_any(&text, None).map_err(|errors| {
        let lines: Vec<String> = errors
            .iter()
            .map(|e| format!("{}:{e}", args.file.display()))
            .collect();
        anyhow::anyhow!("invalid workflow file:\n{}", lines.join("\n"))
    })?;
    let (names, workbook): (Vec<String>, Option<String>) = match &document {
        Document::Workflows(list) => (
            list.workflows.iter().map(|w| w.name.clone()).collect(),
            None,
        ),
        Document::Workbook(wb) => (
            wb.workflows
                .iter()
                .map(|w| wb.qualified_name(&w.name))
                .collect(),
            Some(wb.name.clone()),
        ),
        Document::Actions(_) => bail!(
            "{} is a list of ad-hoc actions; `bora run` runs a workflow file or a workbook",
            args.file.display()
        ),
    };
    let workflow = pick_workflow(&names, workbook.as_deref(), args.workflow.as_deref())
        .with_context(|| format!("in {}", args.file.display()))?;
    let temp = tempfile::tempdir().context("cannot create a temporary directory")?;
    let database_url = args
        .database
        .clone()
        .unwrap_or_else(|| format!("sqlite://{}", temp.path().join("bora.sqlite").display()));
    let node = Node::start(NodeConfig {
        database_url,
        ..Default::default()
    })
    .await?;
    let source = Source {
        text: &text,
        workbook: workbook.is_some(),
    };
    let result = drive(&node, source, &workflow, input, params).await;
    node.shutdown().await;
    result
}

/// A JSON object argument.
fn json_object(flag: &str, text: &str) -> anyhow::Result<Map<String, Value>> {
    match serde_json::from_str(text) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => bail!("{flag} must be a JSON object"),
        Err(err) => bail!("{flag} is not valid JSON: {err}"),
    }
}

/// The workflow to run: the one asked for (a workbook's by short or full
/// name), else the first.
fn pick_workflow(
    names: &[String],
    workbook: Option<&str>,
    wanted: Option<&str>,
) -> anyhow::Result<String> {
    let Some(wanted) = wanted else {
        return names
            .first()
            .cloned()
            .context("the file defines no workflow");
    };
    let qualified = workbook.map(|wb| format!("{wb}.{wanted}"));
    names
        .iter()
        .find(|n| *n == wanted || Some(*n) == qualified.as_ref())
        .cloned()
        .with_context(|| {
            format!(
                "no workflow named {wanted}; the file defines: {}",
                names.join(", ")
            )
        })
}

/// The definitions to store before the run.
struct Source<'a> {
    text: &'a str,
    workbook: bool,
}

async fn drive(
    node: &Node,
    source: Source<'_>,
    workflow: &str,
    input: Map<String, Value>,
    params: Map<String, Value>,
) -> anyhow::Result<ExitCode> {
    let service = &node.service;
    if source.workbook {
        service
            .put_workbook(source.text, "", "private", true)
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    } else {
        service
            .update_workflows(source.text, "", "private")
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
    }
    let started = service
        .start_execution(StartRequest {
            workflow: workflow.to_owned(),
            input,
            params,
            ..Default::default()
        })
        .await
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let id = started.execution.id.clone();
    let bar = progress_bar();
    let mut seen: HashMap<String, State> = HashMap::new();
    let final_state = loop {
        let exec = service.store().get_execution(&id).await?;
        for task in service.store().list_tasks_of(&id).await? {
            if seen.get(&task.id) != Some(&task.state) {
                let line = format!("{:<9} {}", task.state.as_str(), task.name);
                match &bar {
                    Some(bar) => bar.println(line),
                    None => eprintln!("{line}"),
                }
                seen.insert(task.id.clone(), task.state);
            }
        }
        if let Some(bar) = &bar {
            bar.set_message(format!("{} {}", workflow, exec.execution.state));
        }
        if exec.execution.state.is_terminal() || exec.execution.state == State::Paused {
            break exec;
        }
        service
            .scheduler()
            .wait_step(Duration::from_millis(200))
            .await;
    };
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let exec = final_state.execution;
    println!(
        "{}",
        serde_json::to_string_pretty(&Value::Object(exec.output.clone()))?
    );
    eprintln!("{workflow}: {}", exec.state);
    Ok(if exec.state == State::Success {
        ExitCode::SUCCESS
    } else {
        if let Some(info) = &exec.state_info {
            eprintln!("{info}");
        }
        ExitCode::FAILURE
    })
}

fn progress_bar() -> Option<ProgressBar> {
    if !std::io::stderr().is_terminal() {
        return None;
    }
    let bar = ProgressBar::new_spinner();
    bar.set_style(ProgressStyle::with_template("{spinner} {msg} [{elapsed}]").ok()?);
    bar.enable_steady_tick(Duration::from_millis(100));
    Some(bar)
}
