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
    /// A host capability to grant the action (repeatable): `ssh`, the
    /// `ssh` import std.ssh uses (still only to its allowed hosts).
    #[arg(long, value_name = "CAPABILITY", value_delimiter = ',')]
    grant: Vec<String>,
    /// Let a call run in the instance of the previous call (of this version,
    /// for the same project) instead of a fresh one: much faster for large
    /// components, but what a call leaves in memory is there for the next.
    /// Only for actions that reach no host.
    #[arg(long)]
    warm: bool,
    /// Answer as soon as the component is stored, while the server still
    /// compiles it (see `bora action get`); by default wait until it is
    /// compiled, showing progress.
    #[arg(long)]
    no_wait: bool,
    /// Readable and runnable by every project (Mistral's `scope: public`);
    /// only the uploading project changes or deletes it.
    #[arg(long)]
    public: bool,
    #[command(flatten)]
    opts: ClientOpts,
}

fn print_action(a: &Value) {
    let mut fields = vec![
        ("Name", text(a, "name")),
        ("Input", text(a, "input")),
        ("Description", text(a, "description")),
        ("Namespace", text(a, "namespace")),
        ("Scope", text(a, "scope")),
        ("Project", text(a, "project_id")),
        ("Created", text(a, "created_at")),
    ];
    for (label, key) in [
        ("Version", "version"),
        ("Digest", "digest"),
        ("Size", "size"),
        ("Limits", "limits"),
        ("Compile state", "compile_state"),
        ("Compile error", "compile_error"),
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
        if args.no_wait {
            path.push_str("&wait=0");
        }
        if args.public {
            path.push_str("&scope=public");
        }
        if args.warm {
            path.push_str("&instances=warm");
        }
        if !args.allowed_hosts.is_empty() {
            path.push_str(&format!(
                "&allowed_hosts={}",
                enc(&args.allowed_hosts.join(","))
            ));
        }
        if !args.grant.is_empty() {
            path.push_str(&format!("&grant={}", enc(&args.grant.join(","))));
        }
        let answer = client
            .send_body(Method::POST, &path, "application/wasm", bytes)
            .await
            .with_context(|| format!("{} was not uploaded", args.file.display()))?;
        let mut uploaded = answer
            .get("actions")
            .and_then(Value::as_array)
            .and_then(|a| a.first())
            .cloned()
            .unwrap_or(answer);
        if !args.no_wait {
            uploaded = wait_compiled(&client, uploaded).await?;
        }
        if args.opts.json() {
            print_json(&uploaded);
        } else {
            print_action(&uploaded);
        }
        Ok(if uploaded["compile_state"] == "error" {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        })
    })
}

/// Polls an uploaded version until the server has compiled it, saying so
/// on stderr every few seconds.
async fn wait_compiled(client: &super::http::Client, mut action: Value) -> anyhow::Result<Value> {
    let start = std::time::Instant::now();
    let mut said = std::time::Duration::ZERO;
    while action["compile_state"] == "compiling" {
        if start.elapsed() >= said {
            eprintln!(
                "{}: compiling on the server ({} s)...",
                text(&action, "name"),
                start.elapsed().as_secs()
            );
            said += std::time::Duration::from_secs(5);
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let latest = client
            .get(&format!("/actions/{}", enc(&text(&action, "name"))))
            .await?;
        if latest["version"] != action["version"] {
            anyhow::bail!(
                "{} was uploaded again (version {}) while version {} compiled",
                text(&action, "name"),
                latest["version"],
                action["version"]
            );
        }
        action = latest;
    }
    Ok(action)
}
