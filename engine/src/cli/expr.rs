//! `bora expr`: evaluate an expression the way Mistral evaluates a task field.

use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct ExprArgs {}

pub fn run(_args: ExprArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bora expr` is not available in this build yet")
}
