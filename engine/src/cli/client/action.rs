//! `bora action list|get|upload` (the local `run` and `inspect` are in
//! `cli/action.rs`).

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use reqwest::Method;
use serde_json::Value;

use super::http::enc;
use super::output::{clip, print_json, print_record, print_table};
use super::{ClientOpts, block_on, text};

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    opts: ClientOpts,
}

#[derive(Debug, Args)]
pub struct GetArgs {
    /// Action name.
    name: String,
    #[command(flatten)]
    opts: ClientOpts,
}

#[derive(Debug, Args)]
pub struct UploadArgs {
    /// The component (`.wasm`, built for `wasm32-wasip2`).
    file: PathBuf,
    /// The action's name (`my.greet`).
    #[arg(long)]
    name: String,
    /// Fuel budget of every call (about one unit per wasm instruction).
    #[arg(long)]
    fuel: Option<u64>,
    /// Cap on a call's linear memory, in bytes.
    #[arg(long, value_name = "BYTES")]
    memory: Option<u64>,
    /// Wall-clock limit of a call, in whole seconds.
    #[arg(long, value_name = "SECONDS")]
    timeout: Option<u64>,
    /// Hosts the action may reach over HTTP (comma-separated or repeated).
    #[arg(long, value_name = "HOST", value_delimiter = ',')]
    allowed_hosts: Vec<String>,
    #[command(flatten)]
    opts: ClientOpts,
}

fn print_action(a: &Value) {
    let mut fields = vec![
        ("Name", text(a, "name")),
        ("Input", text(a, "input")),
        ("Description", text(a, "description")),
        ("Namespace", text(a, "namespace")),
        ("Created", text(a, "created_at")),
    ];
    for (label, key) in [
        ("Version", "version"),
        ("Digest", "digest"),
        ("Size", "size"),
        ("Limits", "limits"),
    ] {
        if a.get(key).is_some() {
            fields.push((label, text(a, key)));
        }
    }
    print_record(&fields);
}

/// `bora action list`.
pub fn list(args: ListArgs) -> anyhow::Result<ExitCode> {
    block_on(async move {
        let all = args
            .opts
            .client()?
            .list("/actions", "actions", None)
            .await?;
        if args.opts.json() {
            print_json(&Value::Array(all));
        } else {
            let rows: Vec<Vec<String>> = all
                .iter()
                .map(|a| {
                    vec![
                        text(a, "name"),
                        clip(&text(a, "input"), 50),
                        clip(&text(a, "description"), 60),
                    ]
                })
                .collect();
            print_table(&["Name", "Input", "Description"], &rows);
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// `bora action get NAME`.
pub fn get(args: GetArgs) -> anyhow::Result<ExitCode> {
    block_on(async move {
        let client = args.opts.client()?;
        let action = client.get(&format!("/actions/{}", enc(&args.name))).await?;
        if args.opts.json() {
            print_json(&action);
        } else {
            print_action(&action);
        }
        Ok(ExitCode::SUCCESS)
    })
}

/// `bora action upload FILE.wasm --name N`.
pub fn upload(args: UploadArgs) -> anyhow::Result<ExitCode> {
    block_on(async move {
        let client = args.opts.client()?;
        let bytes = std::fs::read(&args.file)
            .with_context(|| format!("cannot read {}", args.file.display()))?;
        let mut path = format!("/actions?name={}", enc(&args.name));
        for (key, value) in [
            ("fuel", args.fuel),
            ("memory", args.memory),
            ("timeout", args.timeout),
        ] {
            if let Some(value) = value {
                path.push_str(&format!("&{key}={value}"));
            }
        }
        if !args.allowed_hosts.is_empty() {
            path.push_str(&format!(
                "&allowed_hosts={}",
                enc(&args.allowed_hosts.join(","))
            ));
        }
        let answer = client
            .send_body(Method::POST, &path, "application/wasm", bytes)
            .await
            .with_context(|| format!("{} was not uploaded", args.file.display()))?;
        let uploaded = answer
            .get("actions")
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .cloned()
            .unwrap_or(answer);
        if args.opts.json() {
            print_json(&uploaded);
        } else {
            print_action(&uploaded);
        }
        Ok(ExitCode::SUCCESS)
    })
}
