//! `bora validate`: lint workflow, workbook and action definitions offline.

use std::process::ExitCode;

use clap::Args;

#[derive(Debug, Args)]
pub struct ValidateArgs {}

pub fn run(_args: ValidateArgs) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`bora validate` is not available in this build yet")
}
