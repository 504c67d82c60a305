//! `bora project limits|show|list`: the operator's ceilings per project,
//! set against the store as `bora token` (the same `--database`,
//! environment and configuration file). Every node applies a change within
//! a few seconds ([`bora_store::SETTINGS_TTL`]).

use std::collections::BTreeSet;
use std::process::ExitCode;

use anyhow::bail;
use clap::{Args, Subcommand};
use serde_json::{Value, json};

use bora_store::{ProjectSettings, Store};

use super::client::Format;
use super::client::output::{print_json, print_record, print_table};
use super::token::{StoreArgs, time};
use crate::clock::now_micros;

/// `bora project`.
#[derive(Debug, Args)]
pub struct ProjectArgs {
    #[command(flatten)]
    store: StoreArgs,
    #[command(subcommand)]
    command: ProjectCommand,
}

#[derive(Debug, Subcommand)]
enum ProjectCommand {
    /// Set a project's ceilings: no call of its executions and actions
    /// runs above them (nor above the node's `bora serve --max-*`). A task,
    /// workflow or upload asking for more fuel or memory fails its call; a
    /// longer timeout is cut; the hosts a call may reach are cut to
    /// `--allowed-hosts`. The flags given replace those ceilings, the
    /// others stay; without any flag the ceilings are shown.
    Limits {
        /// The project (as tokens name it, `bora token create --project`).
        name: String,
        /// Largest fuel budget of a call.
        #[arg(long, value_name = "FUEL")]
        max_fuel: Option<u64>,
        /// Largest memory of a call, in bytes.
        #[arg(long, value_name = "BYTES")]
        max_memory: Option<u64>,
        /// Longest wall-clock limit of a call, in seconds.
        #[arg(long, value_name = "SECONDS")]
        max_action_timeout: Option<u64>,
        /// The hosts calls may reach at most, comma-separated, in the
        /// syntax of a task's `allowed-hosts` (`api.example.com`,
        /// `*.example.com`, `10.0.0.0/8`, `*`); `''`: none at all.
        #[arg(long, value_name = "HOSTS", value_delimiter = ',', num_args = 1)]
        allowed_hosts: Option<Vec<String>>,
        /// Remove every ceiling of the project first (then the flags given
        /// set new ones).
        #[arg(long)]
        clear: bool,
    },
    /// Show a project's ceilings and the names of its secrets.
    Show {
        /// The project.
        name: String,
    },
    /// List the projects with ceilings or secrets.
    List,
}

pub fn run(args: ProjectArgs) -> anyhow::Result<ExitCode> {
    super::client::block_on(async move {
        let store = args.store.open().await?;
        let result = project(&store, args.command, args.store.output()).await;
        store.close().await;
        result
    })
}

async fn project(
    store: &Store,
    command: ProjectCommand,
    output: Format,
) -> anyhow::Result<ExitCode> {
    match command {
        ProjectCommand::Limits {
            name,
            max_fuel,
            max_memory,
            max_action_timeout,
            allowed_hosts,
            clear,
        } => {
            let name = project_name(&name)?;
            let mut settings = match store.project_settings(&name).await? {
                Some(settings) if !clear => settings,
                _ => ProjectSettings {
                    project: name.clone(),
                    ..ProjectSettings::default()
                },
            };
            let changes = Changes {
                max_fuel,
                max_memory,
                max_action_timeout,
                allowed_hosts,
            };
            if clear || !changes.is_empty() {
                changes.apply(&mut settings)?;
                settings.updated_at = now_micros();
                store.put_project_settings(&settings).await?;
            }
            show(store, &name, output).await?;
        }
        ProjectCommand::Show { name } => show(store, &project_name(&name)?, output).await?,
        ProjectCommand::List => list(store, output).await?,
    }
    Ok(ExitCode::SUCCESS)
}

/// A project name as given (trimmed, not empty).
pub(super) fn project_name(name: &str) -> anyhow::Result<String> {
    let name = name.trim();
    if name.is_empty() {
        bail!("a project name must not be empty");
    }
    Ok(name.to_owned())
}

/// The ceilings given on the command line.
struct Changes {
    max_fuel: Option<u64>,
    max_memory: Option<u64>,
    max_action_timeout: Option<u64>,
    allowed_hosts: Option<Vec<String>>,
}

impl Changes {
    fn is_empty(&self) -> bool {
        self.max_fuel.is_none()
            && self.max_memory.is_none()
            && self.max_action_timeout.is_none()
            && self.allowed_hosts.is_none()
    }

    /// Puts the ceilings given into `settings`, checked.
    fn apply(self, settings: &mut ProjectSettings) -> anyhow::Result<()> {
        for (flag, value) in [
            ("--max-fuel", self.max_fuel),
            ("--max-memory", self.max_memory),
            ("--max-action-timeout", self.max_action_timeout),
        ] {
            match value {
                Some(0) => bail!("{flag} must be at least 1"),
                Some(v) if i64::try_from(v).is_err() => {
                    bail!("{flag} {v} is too large (at most {})", i64::MAX)
                }
                _ => {}
            }
        }
        if let Some(v) = self.max_fuel {
            settings.max_fuel = Some(v);
        }
        if let Some(v) = self.max_memory {
            settings.max_memory = Some(v);
        }
        if let Some(v) = self.max_action_timeout {
            settings.max_action_timeout = Some(v);
        }
        if let Some(hosts) = self.allowed_hosts {
            settings.allowed_hosts = Some(allowed_hosts(hosts)?);
        }
        Ok(())
    }
}

/// The entries of `--allowed-hosts`, trimmed; empty ones dropped (`''`
/// allows nothing).
fn allowed_hosts(given: Vec<String>) -> anyhow::Result<Vec<String>> {
    let mut hosts = Vec::new();
    for entry in given {
        let entry = entry.trim();
        if entry.is_empty() {
            continue;
        }
        if entry.contains(char::is_whitespace) || entry.contains("://") {
            bail!(
                "--allowed-hosts: {entry:?} is not a host, a host:port, an address or a network \
                 (no scheme, no spaces)"
            );
        }
        if !hosts.iter().any(|h| h == entry) {
            hosts.push(entry.to_owned());
        }
    }
    Ok(hosts)
}

fn limit(value: Option<u64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| v.to_string())
}

fn hosts_text(hosts: Option<&Vec<String>>) -> String {
    match hosts {
        None => "-".to_owned(),
        Some(hosts) if hosts.is_empty() => "(none)".to_owned(),
        Some(hosts) => hosts.join(","),
    }
}

fn settings_json(project: &str, settings: Option<&ProjectSettings>, secrets: &[String]) -> Value {
    json!({
        "project": project,
        "max_fuel": settings.and_then(|s| s.max_fuel),
        "max_memory": settings.and_then(|s| s.max_memory),
        "max_action_timeout": settings.and_then(|s| s.max_action_timeout),
        "allowed_hosts": settings.and_then(|s| s.allowed_hosts.clone()),
        "updated_at": settings.map(|s| time(Some(s.updated_at))),
        "secrets": secrets,
    })
}

async fn show(store: &Store, name: &str, output: Format) -> anyhow::Result<()> {
    let settings = store.project_settings(name).await?;
    let secrets: Vec<String> = store
        .project_secrets(Some(name))
        .await?
        .into_iter()
        .map(|s| s.name)
        .collect();
    if output == Format::Json {
        print_json(&settings_json(name, settings.as_ref(), &secrets));
        return Ok(());
    }
    let s = settings.as_ref();
    print_record(&[
        ("Project", name.to_owned()),
        ("Max fuel", limit(s.and_then(|s| s.max_fuel))),
        ("Max memory", limit(s.and_then(|s| s.max_memory))),
        (
            "Max action timeout",
            limit(s.and_then(|s| s.max_action_timeout)),
        ),
        (
            "Allowed hosts",
            hosts_text(s.and_then(|s| s.allowed_hosts.as_ref())),
        ),
        ("Secrets", secrets.join(", ")),
        ("Updated", time(s.map(|s| s.updated_at))),
    ]);
    Ok(())
}

async fn list(store: &Store, output: Format) -> anyhow::Result<()> {
    let settings = store.all_project_settings().await?;
    let secrets = store.project_secrets(None).await?;
    let projects: BTreeSet<&str> = settings
        .iter()
        .map(|s| s.project.as_str())
        .chain(secrets.iter().map(|s| s.project.as_str()))
        .collect();
    let rows: Vec<(&str, Option<&ProjectSettings>, Vec<String>)> = projects
        .into_iter()
        .map(|p| {
            let names = secrets
                .iter()
                .filter(|s| s.project == p)
                .map(|s| s.name.clone())
                .collect();
            (p, settings.iter().find(|s| s.project == p), names)
        })
        .collect();
    if output == Format::Json {
        let all = rows
            .iter()
            .map(|(p, s, names)| settings_json(p, *s, names))
            .collect();
        print_json(&Value::Array(all));
        return Ok(());
    }
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|(p, s, names)| {
            vec![
                (*p).to_owned(),
                limit(s.and_then(|s| s.max_fuel)),
                limit(s.and_then(|s| s.max_memory)),
                limit(s.and_then(|s| s.max_action_timeout)),
                hosts_text(s.and_then(|s| s.allowed_hosts.as_ref())),
                names.len().to_string(),
            ]
        })
        .collect();
    print_table(
        &[
            "Project",
            "Max fuel",
            "Max memory",
            "Max timeout",
            "Allowed hosts",
            "Secrets",
        ],
        &table,
    );
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn the_given_ceilings_replace_only_their_own() {
        let mut settings = ProjectSettings {
            project: "alpha".into(),
            max_fuel: Some(5),
            max_memory: Some(7),
            ..ProjectSettings::default()
        };
        let changes = Changes {
            max_fuel: Some(9),
            max_memory: None,
            max_action_timeout: None,
            allowed_hosts: Some(vec![
                " a.example ".into(),
                String::new(),
                "a.example".into(),
            ]),
        };
        changes.apply(&mut settings).unwrap();
        assert_eq!(settings.max_fuel, Some(9));
        assert_eq!(settings.max_memory, Some(7));
        assert_eq!(settings.allowed_hosts, Some(vec!["a.example".to_owned()]));
        let none = Changes {
            max_fuel: None,
            max_memory: None,
            max_action_timeout: None,
            allowed_hosts: Some(vec![String::new()]),
        };
        none.apply(&mut settings).unwrap();
        assert_eq!(settings.allowed_hosts, Some(Vec::new()));
        for bad in [Some(0), Some(u64::MAX)] {
            let changes = Changes {
                max_fuel: bad,
                max_memory: None,
                max_action_timeout: None,
                allowed_hosts: None,
            };
            assert!(changes.apply(&mut settings).is_err());
        }
        assert!(allowed_hosts(vec!["a b".into()]).is_err());
        assert!(allowed_hosts(vec!["https://a.example".into()]).is_err());
    }
}
