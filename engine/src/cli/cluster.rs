//! The flags that place a node among others on one store (`bora serve`):
//! its id, its roles, the executor name tasks target, and how soon a silent
//! node counts as dead.

use std::time::Duration;

use anyhow::{Context, bail};
use clap::Args;

use crate::node::Roles;

/// Where a node stands among the nodes of one store.
#[derive(Debug, Args)]
pub(crate) struct ClusterArgs {
    /// This node's id in the store. A node restarted with the same id takes
    /// its own unfinished work back (waiting up to the node timeout when the
    /// previous process died a moment ago); two live processes cannot share
    /// one. Default: HOSTNAME:PORT.
    #[arg(long, env = "BORA_NODE_ID", value_name = "ID")]
    pub(crate) node_id: Option<String>,
    /// What this node does, comma-separated: `api` (serves the REST API),
    /// `engine` (steps executions, fires cron triggers), `executor` (runs
    /// actions). Any number of nodes of any roles may share one PostgreSQL.
    #[arg(
        long,
        env = "BORA_ROLE",
        default_value = "api,engine,executor",
        value_name = "ROLES"
    )]
    pub(crate) role: String,
    /// The name this node's executor answers to: actions of tasks whose
    /// `target` is this name run only on executors of that name.
    #[arg(
        long,
        alias = "target",
        env = "BORA_EXECUTOR_NAME",
        value_name = "NAME"
    )]
    pub(crate) executor_name: Option<String>,
    /// Seconds without a heartbeat after which a node counts as dead and its
    /// work is taken over by the others.
    #[arg(
        long,
        env = "BORA_NODE_TIMEOUT",
        default_value_t = 3.0,
        value_name = "SECONDS"
    )]
    pub(crate) node_timeout: f64,
    /// Delete finished executions (with their tasks and sub-workflows) this
    /// many hours after they ended (Mistral's expiration policy); default:
    /// keep them.
    #[arg(long, env = "BORA_RETENTION_HOURS", value_name = "HOURS")]
    pub(crate) retention_hours: Option<f64>,
    /// Do not apply pending migrations at start (refuse a store that is not
    /// up to date; `bora db migrate` applies them).
    #[arg(long, env = "BORA_NO_MIGRATE")]
    pub(crate) no_migrate: bool,
}

impl ClusterArgs {
    /// The roles asked for.
    pub(crate) fn roles(&self) -> anyhow::Result<Roles> {
        let mut roles = Roles {
            api: false,
            engine: false,
            executor: false,
        };
        for name in self
            .role
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            match name {
                "api" => roles.api = true,
                "engine" => roles.engine = true,
                "executor" => roles.executor = true,
                "all" => roles = Roles::default(),
                other => bail!("unknown role '{other}' in --role: use api, engine, executor"),
            }
        }
        if !(roles.api || roles.engine || roles.executor) {
            bail!("--role names no role: use api, engine, executor");
        }
        Ok(roles)
    }

    /// The node timeout as a duration.
    pub(crate) fn timeout(&self) -> anyhow::Result<Duration> {
        let timeout = Duration::try_from_secs_f64(self.node_timeout)
            .context("--node-timeout must be a positive number of seconds")?;
        if timeout < Duration::from_millis(300) {
            bail!("--node-timeout must be at least 0.3 seconds");
        }
        Ok(timeout)
    }

    /// The retention period, if any.
    pub(crate) fn retention(&self) -> anyhow::Result<Option<Duration>> {
        self.retention_hours
            .map(|hours| {
                Duration::try_from_secs_f64(hours * 3600.0)
                    .context("--retention-hours must be a non-negative number")
            })
            .transpose()
    }

    /// The node id: the flag, else `HOSTNAME:PORT` (stable across
    /// restarts, distinct for nodes of one host).
    pub(crate) fn node_id(&self, port: u16) -> String {
        self.node_id
            .clone()
            .unwrap_or_else(|| format!("{}:{port}", hostname()))
    }
}

/// This machine's name (Linux), else `localhost`.
fn hostname() -> String {
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| "localhost".to_owned())
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn args(role: &str) -> ClusterArgs {
        ClusterArgs {
            node_id: None,
            role: role.to_owned(),
            executor_name: None,
            node_timeout: 3.0,
            retention_hours: None,
            no_migrate: false,
        }
    }

    #[test]
    fn roles_are_parsed_and_checked() {
        assert_eq!(
            args("api,engine,executor").roles().unwrap(),
            Roles::default()
        );
        let executor = args(" executor ").roles().unwrap();
        assert!(executor.executor && !executor.api && !executor.engine);
        assert!(args("api,cook").roles().is_err());
        assert!(args(",").roles().is_err());
    }

    #[test]
    fn the_default_id_names_the_host_and_port() {
        assert!(args("all").node_id(8989).ends_with(":8989"));
        let mut named = args("all");
        named.node_id = Some("n1".into());
        assert_eq!(named.node_id(8989), "n1");
    }
}
