//! `bora action run|inspect`: run one action component locally, or show what
//! a component describes and whether it fits the `bora:action` world
//! (`new|build` make and build an action project: `cli/kit.rs`;
//! `list|get|upload` talk to a server: `cli/client/action.rs`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, bail};
use clap::{Args, Subcommand};
use serde_json::Value;

use super::serve::CeilingArgs;
use crate::runtime::{
    ActionFailure, ActionLimits, CallContext, CallOverrides, FailureKind, Limit, LogRecord,
    Outcome, Runtime, RuntimeConfig, std_actions,
};

#[derive(Debug, Subcommand)]
pub enum ActionCommand {
    /// Create an action project (a working greeting action) in Rust, Python
    /// or JavaScript.
    New(super::kit::NewArgs),
    /// Build an action project into `NAME/NAME.wasm`.
    ///
    /// Rust: cargo for wasm32-wasip2. Python and JavaScript: componentize-py
    /// and componentize-js, installed into the user cache on first use
    /// (needs python3, or node and npm).
    Build(super::kit::BuildArgs),
    /// Run one action locally and print its JSON result on stdout.
    ///
    /// What the action prints and logs goes to stderr; so do errors, with a
    /// non-zero exit status.
    Run(RunArgs),
    /// Print what a component describes and whether it fits the action world.
    Inspect(InspectArgs),
    /// List the actions of a server.
    List(super::client::action::ListArgs),
    /// Show an action of a server.
    Get(super::client::action::GetArgs),
    /// Upload a component to a server as an action.
    Upload(super::client::action::UploadArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// A standard action (`std.echo`) or the path of a `.wasm` component.
    action: String,
    /// The input: a JSON object of parameters.
    #[arg(long, default_value = "{}")]
    input: String,
    /// Fuel budget (about one unit per wasm instruction).
    #[arg(long)]
    fuel: Option<u64>,
    /// Cap on the action's linear memory, in bytes.
    #[arg(long, value_name = "BYTES")]
    memory: Option<u64>,
    /// Wall-clock limit, in seconds (fractions allowed).
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<f64>,
    /// A host the action may reach over HTTP (repeatable): `example.com`,
    /// `*.example.com`, `127.0.0.1:8080`, `10.0.0.0/8`, `*`.
    #[arg(long = "allow-host", value_name = "HOST")]
    allow_host: Vec<String>,
    /// A host capability to grant a component given by path (repeatable):
    /// `ssh` (std.ssh and std.ssh_proxied have it already).
    #[arg(long, value_name = "CAPABILITY", value_parser = ["ssh"])]
    grant: Vec<String>,
    #[command(flatten)]
    cache: CacheArgs,
    #[command(flatten)]
    ceilings: CeilingArgs,
}

#[derive(Debug, Args)]
pub struct InspectArgs {
    /// The path of a `.wasm` component.
    file: PathBuf,
    #[command(flatten)]
    cache: CacheArgs,
}

#[derive(Debug, Args)]
struct CacheArgs {
    /// Directory of precompiled components (default: the user cache dir).
    #[arg(long, env = "BORA_CACHE_DIR", value_name = "DIR")]
    cache_dir: Option<PathBuf>,
    /// Compile in memory; do not read or write the cache.
    #[arg(long)]
    no_cache: bool,
}

impl CacheArgs {
    fn config(&self) -> RuntimeConfig {
        let mut config = RuntimeConfig {
            load_std_actions: false,
            // One call at a time: a small pool is enough.
            max_concurrent_instances: 4,
            ..RuntimeConfig::default()
        };
        if self.no_cache {
            config.cache_dir = None;
        } else if let Some(dir) = &self.cache_dir {
            config.cache_dir = Some(dir.clone());
        }
        config
    }
}

pub fn run(cmd: ActionCommand) -> anyhow::Result<ExitCode> {
    let tokio = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the async runtime")?;
    match cmd {
        ActionCommand::New(args) => super::kit::new(args),
        ActionCommand::Build(args) => super::kit::build(args),
        ActionCommand::Run(args) => tokio.block_on(run_action(args)),
        ActionCommand::Inspect(args) => tokio.block_on(inspect(args)),
        ActionCommand::List(args) => super::client::action::list(args),
        ActionCommand::Get(args) => super::client::action::get(args),
        ActionCommand::Upload(args) => super::client::action::upload(args),
    }
}

/// A path (contains a separator or ends in `.wasm`) or a standard action name.
fn is_path(action: &str) -> bool {
    action.ends_with(".wasm") || action.contains('/') || action.contains(std::path::MAIN_SEPARATOR)
}

fn read_component(path: &Path) -> anyhow::Result<Vec<u8>> {
    std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))
}

async fn run_action(args: RunArgs) -> anyhow::Result<ExitCode> {
    let input: Value = serde_json::from_str(&args.input)
        .with_context(|| format!("--input is not valid JSON: {}", args.input))?;
    let timeout = args
        .timeout
        .map(Duration::try_from_secs_f64)
        .transpose()
        .context("--timeout must be a non-negative number of seconds")?;
    let overrides = CallOverrides {
        fuel: args.fuel,
        memory: args.memory,
        timeout,
        allowed_hosts: (!args.allow_host.is_empty()).then(|| args.allow_host.clone()),
        ..CallOverrides::default()
    };
    let mut config = args.cache.config();
    args.ceilings.apply(&mut config);
    // The limits asked for, against the ceilings, before anything loads.
    let ceilings = config.ceilings;
    for (flag, limit, value) in [
        ("--fuel", Limit::Fuel, args.fuel),
        ("--memory", Limit::Memory, args.memory),
    ] {
        if let Some(value) = value {
            ceilings
                .check(limit, value)
                .with_context(|| format!("{flag} {value}"))?;
        }
    }
    if let Some(timeout) = timeout {
        ceilings
            .check_timeout(timeout)
            .with_context(|| format!("--timeout {}", timeout.as_secs_f64()))?;
    }
    let runtime = Runtime::new(config).await?;
    let name = if is_path(&args.action) {
        let path = Path::new(&args.action);
        let wasm = read_component(path)?;
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| args.action.clone());
        let limits = ActionLimits {
            ssh: Some(args.grant.iter().any(|g| g == "ssh")),
            ..ActionLimits::default()
        };
        runtime.load(&name, &wasm, limits).await?;
        name
    } else {
        let Some(action) = std_actions::find(&args.action) else {
            let known: Vec<&str> = std_actions::names().collect();
            bail!(
                "unknown action {} (standard actions: {}; or give the path of a .wasm file)",
                args.action,
                known.join(", ")
            );
        };
        runtime
            .load(action.name, action.wasm, ActionLimits::default())
            .await?;
        args.action.clone()
    };
    match runtime
        .call(&name, input, CallContext::default(), overrides)
        .await
    {
        Ok(output) => {
            print_captured(&output.stdout, &output.stderr, &output.logs);
            match output.outcome {
                Outcome::Done(value) => println!("{}", serde_json::to_string_pretty(&value)?),
                Outcome::Pending => {
                    eprintln!("the action is pending: it completes later, outside this command")
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(failure) => {
            report_failure(&failure);
            Ok(ExitCode::FAILURE)
        }
    }
}

fn print_captured(stdout: &str, stderr: &str, logs: &[LogRecord]) {
    for (label, text) in [("stdout", stdout), ("stderr", stderr)] {
        if !text.is_empty() {
            eprintln!("--- action {label} ---");
            eprintln!("{}", text.trim_end());
        }
    }
    for record in logs {
        eprintln!("[{}] {}", record.level, record.message);
    }
}

fn report_failure(failure: &ActionFailure) {
    print_captured(&failure.stdout, &failure.stderr, &failure.logs);
    eprintln!("error: {failure}");
    let details = match &failure.kind {
        FailureKind::ActionError { details, .. } | FailureKind::NetworkDenied { details, .. } => {
            details.as_ref()
        }
        _ => None,
    };
    if let Some(details) = details {
        eprintln!(
            "details: {}",
            serde_json::to_string_pretty(details).unwrap_or_else(|_| details.to_string())
        );
    }
}

async fn inspect(args: InspectArgs) -> anyhow::Result<ExitCode> {
    let wasm = read_component(&args.file)?;
    let runtime = Runtime::new(args.cache.config()).await?;
    let name = args.file.display().to_string();
    println!("component: {} ({} bytes)", name, wasm.len());
    match runtime.load(&name, &wasm, ActionLimits::default()).await {
        Ok(info) => {
            let d = &info.descriptor;
            println!("sha256: {}", info.component_hash);
            println!("world: fits bora:action/action@0.1.0");
            println!("name: {}", d.name);
            println!("description: {}", d.description);
            println!("async: {}", if d.is_async { "yes" } else { "no" });
            println!("input: {}", d.input_spec());
            for p in &d.params {
                let default = match &p.default {
                    Some(v) => format!(" = {v}"),
                    None => " (required)".to_string(),
                };
                let description = p
                    .description
                    .as_deref()
                    .map(|s| format!(": {s}"))
                    .unwrap_or_default();
                println!("  {}{default}{description}", p.name);
            }
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            println!("world: does NOT fit bora:action/action@0.1.0");
            eprintln!("error: {err}");
            Ok(ExitCode::FAILURE)
        }
    }
}
