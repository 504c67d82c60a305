//! `bora expr`: evaluate an expression the way Mistral evaluates a task field.
//!
//! The text goes through Mistral's rules (`bora_expr::eval`): Jinja `{{ }}` /
//! `{% %}` first, then YAQL `<% %>`, a whole-string expression yields the raw
//! value, anything else is spliced into text. The JSON result is printed on
//! stdout; an evaluation error goes to stderr with exit code 1. There is no
//! execution behind the command: `task()`, `execution()` and `global()` fail
//! as in Mistral when the data has no `__execution`, and `tasks()` /
//! `executions()` find nothing.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use bora_expr::{DataContext, NoHost};
use clap::Args;
use serde_json::Value;

#[derive(Debug, Args)]
pub struct ExprArgs {
    /// The text to evaluate (e.g. `<% $.a + 1 %>` or `Hello {{ _.name }}`);
    /// with --recursive, a JSON value whose strings are evaluated.
    pub text: String,
    /// The data context (`$` in YAQL, `_` in Jinja) as JSON.
    #[arg(
        long,
        short = 'c',
        default_value = "{}",
        conflicts_with = "context_file"
    )]
    pub context: String,
    /// Read the data context from a JSON file instead.
    #[arg(long)]
    pub context_file: Option<PathBuf>,
    /// Treat TEXT as a JSON value (dict, list, string) and evaluate every
    /// string in it, as Mistral does for publish, input and output.
    #[arg(long, short = 'r')]
    pub recursive: bool,
    /// Only run the spec-time check (grammar of each expression, no mixing
    /// of YAQL and Jinja in one string) and print `valid`.
    #[arg(long, conflicts_with = "recursive")]
    pub validate: bool,
    /// Print the result on one line instead of indented.
    #[arg(long)]
    pub compact: bool,
}

pub fn run(args: ExprArgs) -> anyhow::Result<ExitCode> {
    if args.validate {
        return Ok(match bora_expr::validate(&args.text) {
            Ok(()) => {
                println!("valid");
                ExitCode::SUCCESS
            }
            Err(err) => {
                eprintln!("{err}");
                ExitCode::FAILURE
            }
        });
    }
    let context_text = match &args.context_file {
        Some(path) => std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the context file {}", path.display()))?,
        None => args.context.clone(),
    };
    let context: Value =
        serde_json::from_str(&context_text).context("the context is not valid JSON")?;
    let context = DataContext::new(context);
    let result = if args.recursive {
        let data: Value = serde_json::from_str(&args.text)
            .context("with --recursive the argument must be a JSON value")?;
        bora_expr::evaluate_recursively(&data, &context, &NoHost)
    } else {
        bora_expr::evaluate(&args.text, &context, &NoHost)
    };
    match result {
        Ok(value) => {
            let shown = if args.compact {
                serde_json::to_string(&value)
            } else {
                serde_json::to_string_pretty(&value)
            }
            .context("cannot print the result")?;
            println!("{shown}");
            Ok(ExitCode::SUCCESS)
        }
        Err(err) => {
            eprintln!("{err}");
            Ok(ExitCode::FAILURE)
        }
    }
}
