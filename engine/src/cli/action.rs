//! `bora action run|inspect`: run one action component locally.

use std::process::ExitCode;

use clap::Subcommand;

#[derive(Debug, Subcommand)]
pub enum ActionCommand {}

pub fn run(cmd: ActionCommand) -> anyhow::Result<ExitCode> {
    match cmd {}
}
