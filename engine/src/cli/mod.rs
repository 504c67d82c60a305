//! The `bora` command line. Each subcommand lives in its own file; this module
//! only declares them and dispatches. The commands that talk to a running
//! server (`workflow`, `execution`, `task`, `cron`, `env`, `action
//! list|get|upload`) are in `client/`.

use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand};

mod action;
mod client;
mod cluster;
mod config;
mod db;
mod expr;
mod kit;
mod limits;
mod oidc;
mod project;
mod run;
mod secrets;
mod serve;
mod token;
mod validate;

/// Bora workflow service.
#[derive(Debug, Parser)]
#[command(name = "bora", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Make, build, run or inspect an action component.
    #[command(subcommand)]
    Action(action::ActionCommand),
    /// Check workflow, workbook and action definitions offline.
    Validate(validate::ValidateArgs),
    /// Evaluate a string or JSON value as Mistral evaluates a task field.
    Expr(expr::ExprArgs),
    /// Run a workflow file in-process and print its output.
    Run(run::RunArgs),
    /// Serve Mistral's REST API v2 with a node behind it.
    Serve(serve::ServeArgs),
    /// Show the settings `bora serve` would run with.
    #[command(subcommand)]
    Config(config::ConfigCommand),
    /// Apply or check the store's schema migrations.
    Db(db::DbArgs),
    /// Make, list and revoke API tokens (`bora serve --auth tokens`).
    Token(token::TokenArgs),
    /// Show who changed what through the API (with `--auth tokens`).
    Audit(token::AuditArgs),
    /// Make or rotate the keys of secret values (environments, projects).
    Secrets(secrets::SecretsArgs),
    /// Set, list and delete a project's secrets (`secret('NAME')`).
    Secret(secrets::SecretArgs),
    /// Set and show a project's ceilings (fuel, memory, time, hosts).
    Project(project::ProjectArgs),
    /// Manage workflow definitions on a server.
    Workflow(client::workflow::WorkflowArgs),
    /// Start, follow and control executions on a server.
    Execution(client::execution::ExecutionArgs),
    /// Inspect and rerun the tasks of an execution on a server.
    Task(client::task::TaskArgs),
    /// Manage cron triggers on a server.
    Cron(client::cron::CronArgs),
    /// Manage environments on a server.
    Env(client::env::EnvArgs),
}

/// Entry point of the binary: parse arguments, set up logging, run the command.
pub fn main() -> ExitCode {
    let (matches, from_file) = match config::parse(std::env::args_os().collect()) {
        Ok(parsed) => parsed,
        Err(err) => {
            eprintln!("error: {err:#}");
            return ExitCode::from(2);
        }
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => err.exit(),
    };
    let logs = match &cli.command {
        Command::Serve(args) => args.init_logs(),
        _ => init_tracing(),
    };
    if let Err(err) = logs {
        eprintln!("error: {err:#}");
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Command::Action(cmd) => action::run(cmd),
        Command::Validate(args) => validate::run(args),
        Command::Expr(args) => expr::run(args),
        Command::Run(args) => run::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Config(config::ConfigCommand::Show(_)) => config::show(&matches, &from_file),
        Command::Db(args) => db::run(args),
        Command::Token(args) => token::run(args),
        Command::Audit(args) => token::audit(args),
        Command::Secrets(args) => secrets::run(args),
        Command::Secret(args) => secrets::secret(args),
        Command::Project(args) => project::run(args),
        Command::Workflow(args) => client::workflow::run(args),
        Command::Execution(args) => client::execution::run(args),
        Command::Task(args) => client::task::run(args),
        Command::Cron(args) => client::cron::run(args),
        Command::Env(args) => client::env::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            eprintln!("error: {err:#}");
            ExitCode::FAILURE
        }
    }
}

/// Logs of the commands other than `serve`: text on stderr, `BORA_LOG`
/// (else `RUST_LOG`) or warnings only.
fn init_tracing() -> anyhow::Result<()> {
    let given = std::env::var("BORA_LOG")
        .ok()
        .filter(|v| !v.trim().is_empty());
    let filter = crate::telemetry::logs::filter(given.as_deref(), "warn")?;
    crate::telemetry::logs::init(filter, crate::telemetry::logs::LogFormat::Text, None);
    Ok(())
}
