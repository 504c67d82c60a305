//! `bora run FILE.yaml`: runs a workflow in-process on an embedded store and
//! prints its output. FILE is a workflow file or a workbook (its workflows and
//! ad-hoc actions are stored as `<workbook>.<name>`, as over REST).
//!
//! A file with several workflows needs `--workflow` (on a terminal, `bora
//! run` asks). An asynchronous action is shown as waiting, with its action
//! execution id and how to complete it; `--timeout` bounds the wait.

use std::collections::{HashMap, HashSet};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use crate::node::{Node, NodeConfig};
use crate::service::StartRequest;
use anyhow::{Context, bail};
use bora_core::records::ActionExecution;
use bora_core::state::State;
use bora_lang::Document;
use bora_store::JobKind;
use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};
use serde_json::{Map, Value};

#[derive(Debug, Args)]
pub struct RunArgs {
    /// The workflow file or workbook (Workflow Language v2 YAML).
    file: PathBuf,
    /// Which workflow of the file to run (in a workbook, with or without the
    /// `<workbook>.` prefix); needed when the file has several, unless on a
    /// terminal, where `bora run` asks.
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
    /// Give up after this many seconds (exit status 1; the execution is
    /// left as it is in the store).
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<f64>,
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
    let timeout = match args.timeout {
        None => None,
        Some(secs) if secs.is_finite() && secs > 0.0 => Some(Duration::from_secs_f64(secs)),
        Some(secs) => bail!("--timeout must be a positive number of seconds, not {secs}"),
    };
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
        temporary: args.database.is_none(),
    };
    let result = drive(&node, source, &workflow, input, params, timeout).await;
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
/// name), else the only one, else the one the person at the terminal picks.
fn pick_workflow(
    names: &[String],
    workbook: Option<&str>,
    wanted: Option<&str>,
) -> anyhow::Result<String> {
    let Some(wanted) = wanted else {
        return match names {
            [] => bail!("the file defines no workflow"),
            [only] => Ok(only.clone()),
            several => ask_workflow(several),
        };
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

/// Lists the workflows and asks which to run; an error naming them when
/// nobody is at a terminal to answer.
fn ask_workflow(names: &[String]) -> anyhow::Result<String> {
    use std::io::{BufRead, Write};
    let stdin = std::io::stdin();
    if !stdin.is_terminal() || !std::io::stderr().is_terminal() {
        bail!(
            "the file defines {} workflows: {}; choose one with --workflow NAME",
            names.len(),
            names.join(", ")
        );
    }
    eprintln!("The file defines {} workflows:", names.len());
    for (i, name) in names.iter().enumerate() {
        eprintln!("  {}) {name}", i + 1);
    }
    eprint!("Which one to run? [1-{}] ", names.len());
    std::io::stderr().flush().ok();
    let mut answer = String::new();
    stdin
        .lock()
        .read_line(&mut answer)
        .context("cannot read the answer")?;
    let answer = answer.trim();
    let picked = match answer.parse::<usize>() {
        Ok(n) if (1..=names.len()).contains(&n) => names.get(n - 1),
        _ => names.iter().find(|n| n.as_str() == answer),
    };
    picked
        .cloned()
        .with_context(|| format!("'{answer}' is none of: {}", names.join(", ")))
}

/// The definitions to store before the run.
struct Source<'a> {
    text: &'a str,
    workbook: bool,
    /// The store is a temporary file nobody else can reach.
    temporary: bool,
}

async fn drive(
    node: &Node,
    source: Source<'_>,
    workflow: &str,
    input: Map<String, Value>,
    params: Map<String, Value>,
    timeout: Option<Duration>,
) -> anyhow::Result<ExitCode> {
    let service = &node.service;
    let deadline = timeout.map(|t| tokio::time::Instant::now() + t);
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
    let mut announced: HashSet<String> = HashSet::new();
    let mut changes = service.subscribe();
    let store = node.store();
    let final_state = loop {
        let exec = store.get_execution(&id).await?;
        for task in store.list_tasks_of(&id).await? {
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
        for (task, action) in waiting_actions(node, &id).await? {
            if announced.insert(action.id.clone()) {
                let text = waiting_message(&task, &action, source.temporary);
                match &bar {
                    Some(bar) => bar.println(text),
                    None => eprintln!("{text}"),
                }
            }
        }
        if let Some(deadline) = deadline
            && tokio::time::Instant::now() >= deadline
        {
            if let Some(bar) = &bar {
                bar.finish_and_clear();
            }
            bail!(
                "gave up after --timeout {:?}: execution {id} is still {}",
                timeout.unwrap_or_default(),
                exec.execution.state
            );
        }
        // Sub-workflows step too: look again after a while regardless.
        crate::scheduler::wait_for_change(&mut changes, &id, Duration::from_millis(200)).await;
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

/// Running actions of the execution (and its sub-workflows) that nothing
/// here will finish: asynchronous actions, which wait to be completed
/// through the API. They are what is left once no action or event job is
/// queued.
async fn waiting_actions(node: &Node, id: &str) -> anyhow::Result<Vec<(String, ActionExecution)>> {
    let store = node.store();
    if store.next_job_time(JobKind::Action).await?.is_some()
        || store.next_job_time(JobKind::Event).await?.is_some()
    {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    let mut executions = vec![id.to_owned()];
    while let Some(exec) = executions.pop() {
        for task in store.list_tasks_of(&exec).await? {
            if task.state != State::Running {
                continue;
            }
            for action in store.list_actions_of(&task.id).await? {
                if action.state == State::Running {
                    out.push((task.name.clone(), action));
                }
            }
            for child in store.list_children_of(&task.id).await? {
                executions.push(child.execution.id);
            }
        }
    }
    Ok(out)
}

/// What to tell about an asynchronous action: that it waits, and how it
/// can be completed.
fn waiting_message(task: &str, action: &ActionExecution, temporary: bool) -> String {
    let id = &action.id;
    let reach = if temporary {
        "This run keeps its state in a temporary store nothing else can reach: \
         to complete the action, run the workflow on a server (`bora serve`, then \
         `bora execution start NAME --wait`) or pass --database with the database \
         of a running `bora serve`."
    } else {
        "A `bora serve` on the same --database can complete it."
    };
    format!(
        "WAITING   {task}: async action {} (action execution {id}) runs until \
         it is completed through the API:\n          \
         PUT /v2/action_executions/{id} {{\"state\": \"SUCCESS\", \"output\": ...}}\n          \
         (or `mistral action-execution-update {id} --state SUCCESS --output ...`).\n          \
         {reach} --timeout SECONDS stops waiting.",
        action.name
    )
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
