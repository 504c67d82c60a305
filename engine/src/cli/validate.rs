//! `bora validate`: lint workflow, workbook and action definitions offline,
//! with Mistral's rules (`bora_lang`), like `mistral workflow-validate` but
//! without a server.
//!
//! Every error is printed as `FILE:LINE:COLUMN: workflow W, task T,
//! attribute A: message` (the context parts that apply); a valid file prints
//! `FILE: ok`. The exit status is 1 when any file is invalid or unreadable.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use bora_lang::{Kind, parse_any};
use clap::{Args, ValueEnum};

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// A workflow list (`version` plus named workflows): POST /v2/workflows.
    Workflows,
    /// A workbook (`name`, `workflows`, `actions`): POST /v2/workbooks.
    Workbook,
    /// An ad-hoc action list: POST /v2/actions.
    Actions,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The document kind; detected from each file's content when omitted
    /// (`workflows:`/`actions:` with `name:` is a workbook, items with
    /// `base:` an action list, anything else a workflow list).
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// The definition files to check.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
}

pub fn run(args: ValidateArgs) -> anyhow::Result<ExitCode> {
    let kind = args.kind.map(|k| match k {
        KindArg::Workflows => Kind::Workflows,
        KindArg::Workbook => Kind::Workbook,
        KindArg::Actions => Kind::Actions,
    });
    let mut all_ok = true;
    for file in &args.files {
        let shown = file.display();
        let text =
            match std::fs::read_to_string(file).with_context(|| format!("cannot read {shown}")) {
                Ok(text) => text,
                Err(e) => {
                    eprintln!("{shown}: error: {e:#}");
                    all_ok = false;
                    continue;
                }
            };
        match parse_any(&text, kind) {
            Ok(_) => println!("{shown}: ok"),
            Err(errors) => {
                all_ok = false;
                for e in errors.iter() {
                    let context = e.context();
                    if context.is_empty() {
                        println!("{shown}:{}:{}: {}", e.pos.line, e.pos.column, e.message);
                    } else {
                        println!(
                            "{shown}:{}:{}: {context}: {}",
                            e.pos.line, e.pos.column, e.message
                        );
                    }
                }
            }
        }
    }
    Ok(if all_ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
