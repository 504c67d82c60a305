//! The `bora` command line. Each subcommand lives in its own file; this module
//! only declares them and dispatches. The commands that talk to a running
//! server (`workflow`, `execution`, `task`, `cron`, `env`, `action
//! list|get|upload`) are in `client/`.

use std::process::ExitCode;

use clap::{Parser, Subcommand};

mod action;
mod client;
mod cluster;
mod db;
mod expr;
mod kit;
mod limits;
mod run;
mod serve;
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
    /// Apply or check the store's schema migrations.
    Db(db::DbArgs),
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
    let cli = Cli::parse();
    init_tracing();
    let result = match cli.command {
        Command::Action(cmd) => action::run(cmd),
        Command::Validate(args) => validate::run(args),
        Command::Expr(args) => expr::run(args),
        Command::Run(args) => run::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Db(args) => db::run(args),
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

fn init_tracing() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("BORA_LOG").unwrap_or_else(|_| EnvFilter::new("warn"));
    // A second initialisation (tests calling main twice) is harmless.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
