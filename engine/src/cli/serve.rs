//! `bora serve`: a node with Mistral's REST API v2 in front of it, until
//! SIGTERM or SIGINT. Then it stops accepting connections; requests in
//! flight and running actions get the grace period (`--shutdown-grace`) to
//! finish; calls still running after it are interrupted (their jobs stay
//! queued in the store); the node shuts down and the process exits.

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::Context;
use clap::Args;

use crate::api::auth::AuthMode;
use crate::api::browsers::CorsOrigins;
use crate::api::{ApiState, router};
use crate::executor::ExecutorConfig;
use crate::node::{Node, NodeConfig};

use super::cluster::ClusterArgs;
use super::limits::LimitArgs;
use super::oidc::OidcArgs;
use crate::runtime::{Ceilings, RuntimeConfig};
use crate::scheduler::{MAX_COMMITTERS, SchedulerConfig};
use crate::telemetry::logs::{self, LogFormat};

/// How long requests in flight get after the grace period, once the calls
/// they wait on were interrupted.
const HTTP_AFTER_INTERRUPT: Duration = Duration::from_secs(5);

/// Arguments of `bora serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// A TOML file of these settings, named as the long flags (`listen =
    /// "0.0.0.0:8989"`, `max-fuel = 1000000`); default: `bora.toml` in the
    /// working directory when there is one. A flag beats its environment
    /// variable, which beats the file, which beats the default.
    #[arg(long, env = "BORA_CONFIG", value_name = "PATH")]
    #[allow(dead_code)] // read from the matches by `cli::config`, before this struct exists
    config: Option<PathBuf>,
    /// Address to listen on, `HOST:PORT` (a host name is resolved, an IPv4
    /// address first: `localhost:8989` is 127.0.0.1).
    #[arg(long, env = "BORA_LISTEN", default_value = "127.0.0.1:8989")]
    listen: String,
    /// The URL at which workers elsewhere reach this node's API, for the
    /// callback URL an asynchronous action hands out (std.mistral_http's
    /// `Mistral-Callback-URL`); default: `http://` and the `--listen`
    /// address (a wildcard address as this host's loopback).
    #[arg(long, env = "BORA_PUBLIC_URL", value_name = "URL")]
    public_url: Option<String>,
    /// Log line format: `text` (colours only on a terminal) or `json` (one
    /// object per line).
    #[arg(long, env = "BORA_LOG_FORMAT", value_enum, default_value_t = LogFormat::Text)]
    log_format: LogFormat,
    /// Which log events are kept, as a tracing filter (`info`,
    /// `warn,bora=debug`); default: `RUST_LOG`, else `warn,bora=info`.
    #[arg(long = "log", env = "BORA_LOG", value_name = "FILTER")]
    log: Option<String>,
    /// Database: `sqlite://PATH` (created on first start) or `postgres://...`.
    #[arg(
        long,
        env = "BORA_DATABASE_URL",
        default_value = "sqlite://bora.sqlite"
    )]
    database: String,
    /// Threads that run actions (0: one per CPU). The API and the engine
    /// never run action code on their own threads.
    #[arg(
        long,
        env = "BORA_ACTION_THREADS",
        default_value_t = 0,
        value_name = "N"
    )]
    action_threads: usize,
    /// Seconds that running actions (and requests) get to finish at
    /// shutdown; then they are interrupted and their jobs stay queued.
    #[arg(
        long,
        env = "BORA_SHUTDOWN_GRACE",
        default_value_t = 10.0,
        value_name = "SECONDS"
    )]
    shutdown_grace: f64,
    /// Largest action result stored, in bytes of JSON; a bigger result
    /// fails its action.
    #[arg(
        long = "max-result-bytes",
        env = "BORA_MAX_RESULT_BYTES",
        default_value_t = ExecutorConfig::default().max_result_bytes,
        value_name = "BYTES"
    )]
    max_result_bytes: usize,
    /// Actions this node runs at once (as many again of the quick standard
    /// actions in their own lane); more wait, in the store for any node.
    #[arg(
        long,
        env = "BORA_EXECUTOR_SLOTS",
        default_value_t = ExecutorConfig::default().concurrency,
        value_name = "N"
    )]
    executor_slots: usize,
    /// Groups of engine steps this node commits at the same time on
    /// PostgreSQL (SQLite has one writer). Steps that arrive while the
    /// groups are being stored wait and go together in the next group, which
    /// waits up to 2 ms for a group in flight before it is committed beside
    /// it: fewer committers make bigger groups, which cost the database less
    /// per step; more overlap commits on a database with cores to spare.
    /// From 1 to 8: each holds one of the node's 16 connections.
    #[arg(
        long,
        env = "BORA_COMMITTERS",
        default_value_t = SchedulerConfig::default().committers,
        value_name = "N"
    )]
    committers: usize,
    /// Who may call the API: `off` (anyone who can reach it: a local,
    /// single-user Bora), `tokens` (an API token made by `bora token
    /// create`, as `Authorization: Bearer` or `X-Auth-Token`), `oidc` (a
    /// JWT of the `--oidc-issuer`), or `tokens,oidc` (either: a token with
    /// two dots is a JWT).
    #[arg(
        long,
        env = "BORA_AUTH",
        value_enum,
        value_delimiter = ',',
        default_value = "off"
    )]
    auth: Vec<AuthMode>,
    /// Sites whose web pages may call the API, as origins
    /// (`https://ops.example.com`), comma-separated; default: none, so a
    /// page of another site can neither change anything nor read answers.
    #[arg(
        long = "cors-origin",
        env = "BORA_CORS_ORIGINS",
        value_name = "ORIGIN",
        value_delimiter = ','
    )]
    cors_origin: Vec<String>,
    /// Keys of the secret values of environments (32 bytes in base64,
    /// from `bora secrets new-key`), comma-separated: the first seals new
    /// secrets, every one opens (keep an old key listed second while
    /// rotating). Every node of a store needs the same keys.
    #[arg(
        long = "secret-key",
        env = "BORA_SECRET_KEY",
        value_name = "KEY",
        value_delimiter = ',',
        hide_env_values = true
    )]
    secret_key: Vec<String>,
    #[command(flatten)]
    oidc: OidcArgs,
    #[command(flatten)]
    ceilings: CeilingArgs,
    #[command(flatten)]
    cluster: ClusterArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

/// The operator's ceilings over every call's limits (`bora serve` and
/// `bora action run`).
#[derive(Debug, Args)]
pub(crate) struct CeilingArgs {
    /// Ceiling of a call's fuel budget: uploads and workflows asking for
    /// more are refused, a task's `limits` evaluated above it fail the task.
    #[arg(
        long,
        env = "BORA_MAX_FUEL",
        default_value_t = Ceilings::default().fuel,
        value_name = "FUEL"
    )]
    max_fuel: u64,
    /// Ceiling of a call's memory, in bytes (also the largest memory an
    /// instance may have).
    #[arg(
        long,
        env = "BORA_MAX_MEMORY",
        default_value_t = Ceilings::default().memory,
        value_name = "BYTES"
    )]
    max_memory: u64,
    /// Ceiling of a call's wall-clock limit, in seconds: uploads asking for
    /// more are refused; a longer task `timeout` is cut to it for the call.
    #[arg(
        long,
        env = "BORA_MAX_ACTION_TIMEOUT",
        default_value_t = Ceilings::default().timeout.as_secs(),
        value_name = "SECONDS"
    )]
    max_action_timeout: u64,
    /// Loopback, link-local or unspecified addresses (and this node's own
    /// API address) that actions may reach, as IPs or networks
    /// (`127.0.0.1`, `10.0.0.0/8`, `localhost`), comma-separated; default:
    /// none, whatever a workflow or an upload asks for.
    #[arg(
        long,
        env = "BORA_ALLOW_PRIVATE_EGRESS",
        value_name = "ADDRESS",
        value_delimiter = ','
    )]
    allow_private_egress: Vec<String>,
    /// The directory std.ssh's `private_key_filename` names files in (and
    /// no file outside it); default: none, so only `private_key` works.
    #[arg(long, env = "BORA_SSH_KEY_DIR", value_name = "DIR")]
    ssh_key_dir: Option<PathBuf>,
    /// An OpenSSH known_hosts file: std.ssh then connects only to hosts
    /// listed there with the key they show; default: any host key is
    /// accepted and logged, as Mistral does.
    #[arg(long, env = "BORA_SSH_KNOWN_HOSTS", value_name = "FILE")]
    ssh_known_hosts: Option<PathBuf>,
}

impl CeilingArgs {
    /// Puts the ceilings into `config`; the pool's instances are sized for
    /// the memory ceiling.
    pub(crate) fn apply(&self, config: &mut RuntimeConfig) {
        config.ceilings = Ceilings {
            fuel: self.max_fuel,
            memory: self.max_memory,
            timeout: Duration::from_secs(self.max_action_timeout),
        };
        config.max_memory_per_instance = self.max_memory;
        config.private_egress = self.allow_private_egress.clone();
        config.ssh_key_dir = self.ssh_key_dir.clone();
        config.ssh_known_hosts = self.ssh_known_hosts.clone();
    }
}

/// The base URL of this node's API for others: `--public-url` (checked),
/// else derived from the listen address.
fn public_url(given: Option<&str>, listen: SocketAddr) -> anyhow::Result<String> {
    if let Some(url) = given {
        let url = url.trim_end_matches('/');
        let rest = url
            .strip_prefix("http://")
            .or_else(|| url.strip_prefix("https://"));
        if rest.is_none_or(|r| r.is_empty() || r.contains(char::is_whitespace)) {
            anyhow::bail!("--public-url {url}: expected an http:// or https:// URL");
        }
        return Ok(url.to_owned());
    }
    // A wildcard address is no address to call: the loopback one is, on
    // this host at least.
    let ip = match listen.ip() {
        std::net::IpAddr::V4(v4) if v4.is_unspecified() => std::net::Ipv4Addr::LOCALHOST.into(),
        std::net::IpAddr::V6(v6) if v6.is_unspecified() => std::net::Ipv6Addr::LOCALHOST.into(),
        ip => ip,
    };
    Ok(format!("http://{}", SocketAddr::new(ip, listen.port())))
}

/// The address a `--listen` value names; a host name is resolved, an IPv4
/// address preferred (clients try `localhost` as 127.0.0.1 first).
fn resolve_listen(listen: &str) -> anyhow::Result<SocketAddr> {
    let addrs: Vec<SocketAddr> = listen
        .to_socket_addrs()
        .with_context(|| {
            format!("--listen {listen}: expected HOST:PORT (127.0.0.1:8989, localhost:8989)")
        })?
        .collect();
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .with_context(|| format!("--listen {listen}: the host name has no address"))
}

impl ServeArgs {
    /// Installs the log subscriber these settings ask for, and the trace
    /// exporter when the OTLP variables ask for one.
    pub(crate) fn init_logs(&self) -> anyhow::Result<()> {
        let filter = logs::filter(self.log.as_deref(), logs::DEFAULT_FILTER)?;
        let otel = crate::telemetry::traces::install()?;
        logs::init(filter, self.log_format, otel);
        Ok(())
    }

    fn node_config(&self) -> anyhow::Result<NodeConfig> {
        let listen = resolve_listen(&self.listen)?;
        let shutdown_grace = Duration::try_from_secs_f64(self.shutdown_grace)
            .context("--shutdown-grace must be a non-negative number of seconds")?;
        let mut runtime = RuntimeConfig {
            action_threads: self.action_threads,
            ..RuntimeConfig::default()
        };
        self.ceilings.apply(&mut runtime);
        runtime.own_addresses = vec![listen];
        runtime.public_url = Some(public_url(self.public_url.as_deref(), listen)?);
        runtime.secrets = crate::secrets::Keyring::parse(&self.secret_key)
            .map_err(|err| anyhow::anyhow!("--secret-key: {err}"))?;
        if !(1..=MAX_COMMITTERS).contains(&self.committers) {
            anyhow::bail!(
                "--committers {}: must be from 1 to {MAX_COMMITTERS} (each holds one of the \
                 node's {} database connections)",
                self.committers,
                bora_store::db::POSTGRES_CONNECTIONS
            );
        }
        let mut scheduler = SchedulerConfig {
            committers: self.committers,
            ..SchedulerConfig::default()
        };
        self.limits.apply(&mut scheduler)?;
        Ok(NodeConfig {
            scheduler,
            database_url: self.database.clone(),
            node_id: Some(self.cluster.node_id(listen.port())),
            roles: self.cluster.roles()?,
            node_timeout: self.cluster.timeout()?,
            migrate: !self.cluster.no_migrate,
            retention: self.cluster.retention()?,
            runtime,
            executor: ExecutorConfig {
                max_result_bytes: self.max_result_bytes,
                shutdown_grace,
                concurrency: self.executor_slots.max(1),
                name: self.cluster.executor_name.clone(),
            },
        })
    }
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    let code = runtime.block_on(serve(args));
    // Whatever is left (a request that would not end) does not hold the
    // process: shutdown was bounded already.
    runtime.shutdown_background();
    // Last, so the spans of the final steps go too.
    crate::telemetry::traces::shutdown();
    code
}

async fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let config = args.node_config()?;
    let listen = resolve_listen(&args.listen)?;
    if crate::telemetry::traces::enabled() {
        tracing::info!("bora: exporting OpenTelemetry traces over OTLP/HTTP");
    }
    let cors = CorsOrigins::parse(&args.cors_origin)
        .map_err(|err| anyhow::anyhow!("--cors-origin: {err}"))?;
    let api = config.roles.api;
    // Checked on every node; the issuer's keys are read only where the API
    // is served, before the node starts.
    let auth = if api {
        super::oidc::auth(&args.auth, &args.oidc).await?
    } else {
        args.oidc.config(&args.auth)?;
        crate::api::auth::Auth::default()
    };
    let node = Node::start(config)
        .await
        .with_context(|| format!("cannot start a node on {}", redacted(&args.database)))?;
    if !api {
        // No REST API on this node: it works until told to stop.
        tracing::info!(node = %node.id(), "bora: node works without the api role");
        shutdown_signal().await;
        tracing::info!("bora: shutting down");
        let deadline = tokio::time::Instant::now() + node.shutdown_grace();
        node.shutdown_by(deadline).await;
        return Ok(ExitCode::SUCCESS);
    }
    let app = router(ApiState {
        auth,
        cors,
        ..ApiState::new(node.service.clone())
    });
    let listener = match tokio::net::TcpListener::bind(listen).await {
        Ok(listener) => listener,
        Err(err) => {
            node.shutdown().await;
            return Err(err).with_context(|| format!("cannot listen on {listen}"));
        }
    };
    // Queue depth is sampled from the store, never counted on the hot path.
    let sampler = tokio::spawn(crate::telemetry::metrics::sample_jobs(node.store().clone()));
    // Lines on stderr go through the log subscriber, so a JSON log stays
    // one JSON object per line.
    tracing::info!(listen = %listen, database = %redacted(&args.database), "bora serve started: listening on http://{listen}");
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let mut http = tokio::spawn(
        axum::serve(listener, app.into_make_service())
            .with_graceful_shutdown(async move {
                let mut stopped = stopped;
                let _ = stopped.wait_for(|s| *s).await;
            })
            .into_future(),
    );
    let failed = tokio::select! {
        () = shutdown_signal() => None,
        served = &mut http => Some(served),
    };
    let deadline = tokio::time::Instant::now() + node.shutdown_grace();
    tracing::info!("bora: shutting down");
    let _ = stop.send(true);
    // Open event streams (dashboards) would hold the shutdown.
    crate::api::events::close_all();
    node.stop_work();
    let served = match failed {
        Some(served) => Some(served),
        None => match tokio::time::timeout_at(deadline, &mut http).await {
            Ok(served) => Some(served),
            Err(_) => {
                // A request waiting on an action: interrupt the action.
                node.runtime.interrupt_calls();
                tokio::time::timeout(HTTP_AFTER_INTERRUPT, &mut http)
                    .await
                    .ok()
            }
        },
    };
    if served.is_none() {
        http.abort();
        tracing::warn!("requests still in flight at shutdown were dropped");
    }
    sampler.abort();
    node.shutdown_by(deadline).await;
    match served {
        Some(Ok(Err(err))) => Err(err).context("the HTTP server failed"),
        Some(Err(join)) => Err(anyhow::anyhow!("the HTTP server task failed: {join}")),
        Some(Ok(Ok(()))) | None => Ok(ExitCode::SUCCESS),
    }
}

/// A database URL without its password, for the logs.
pub(crate) fn redacted(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &url[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => format!("{}{user}:***{}", &url[..scheme + 3], &url[at..]),
                None => url.to_owned(),
            }
        }
        _ => url.to_owned(),
    }
}

/// Resolves on SIGINT (Ctrl-C) or SIGTERM.
async fn shutdown_signal() {
    let interrupt = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = interrupt => {}
        () = terminate => {}
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use clap::Parser;

    use super::*;
    use crate::executor::MAX_RESULT_BYTES_FLAG;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        serve: ServeArgs,
    }

    #[test]
    fn the_flags_fill_the_node_config() {
        let flag = MAX_RESULT_BYTES_FLAG;
        let cli = Cli::try_parse_from([
            "bora",
            flag,
            "100",
            "--max-fuel",
            "5",
            "--max-memory",
            "1048576",
            "--max-action-timeout",
            "7",
            "--shutdown-grace",
            "0.5",
            "--action-threads",
            "3",
            "--committers",
            "1",
        ])
        .unwrap();
        let config = cli.serve.node_config().unwrap();
        assert_eq!(config.executor.max_result_bytes, 100);
        assert_eq!(config.executor.shutdown_grace, Duration::from_millis(500));
        assert_eq!(config.runtime.action_threads, 3);
        assert_eq!(config.scheduler.committers, 1);
        assert_eq!(
            config.runtime.ceilings,
            Ceilings {
                fuel: 5,
                memory: 1 << 20,
                timeout: Duration::from_secs(7),
            }
        );
        assert_eq!(config.runtime.max_memory_per_instance, 1 << 20);
        let negative = Cli::try_parse_from(["bora", "--shutdown-grace=-1"]).unwrap();
        assert!(negative.serve.node_config().is_err());
        for committers in ["0", "9"] {
            let out_of_range = Cli::try_parse_from(["bora", "--committers", committers]).unwrap();
            let err = out_of_range.serve.node_config().unwrap_err().to_string();
            assert!(
                err.contains("--committers") && err.contains("from 1 to 8"),
                "{err}"
            );
        }
    }

    #[test]
    fn the_public_url_is_given_or_made_from_the_listen_address() {
        let listen = |s: &str| s.parse::<SocketAddr>().unwrap();
        assert_eq!(
            public_url(Some("https://bora.example.com/"), listen("0.0.0.0:8989")).unwrap(),
            "https://bora.example.com"
        );
        assert_eq!(
            public_url(None, listen("10.0.0.5:8989")).unwrap(),
            "http://10.0.0.5:8989"
        );
        assert_eq!(
            public_url(None, listen("0.0.0.0:8989")).unwrap(),
            "http://127.0.0.1:8989"
        );
        assert_eq!(
            public_url(None, listen("[::]:7")).unwrap(),
            "http://[::1]:7"
        );
        assert!(public_url(Some("bora.example.com"), listen("0.0.0.0:1")).is_err());
    }

    #[test]
    fn listen_takes_host_names_and_refuses_what_is_not_an_address() {
        assert_eq!(
            resolve_listen("localhost:8989").unwrap(),
            "127.0.0.1:8989".parse::<SocketAddr>().unwrap()
        );
        assert_eq!(
            resolve_listen("[::1]:7").unwrap(),
            "[::1]:7".parse::<SocketAddr>().unwrap()
        );
        let missing_port = resolve_listen("localhost").unwrap_err().to_string();
        assert!(
            missing_port.contains("expected HOST:PORT"),
            "{missing_port}"
        );
        let config = Cli::try_parse_from(["bora", "--listen", "localhost:8123"])
            .unwrap()
            .serve
            .node_config()
            .unwrap();
        assert!(config.node_id.unwrap().ends_with(":8123"));
    }

    #[test]
    fn database_passwords_stay_out_of_the_logs() {
        assert_eq!(
            redacted("postgres://bora:s3cret@db:5432/bora"),
            "postgres://bora:***@db:5432/bora"
        );
        assert_eq!(
            redacted("postgres://bora@db/bora"),
            "postgres://bora@db/bora"
        );
        assert_eq!(redacted("sqlite://bora.sqlite"), "sqlite://bora.sqlite");
    }

    #[test]
    fn the_defaults_are_the_documented_ones() {
        let config = Cli::try_parse_from(["bora"])
            .unwrap()
            .serve
            .node_config()
            .unwrap();
        assert_eq!(config.runtime.ceilings, Ceilings::default());
        assert_eq!(config.runtime.ceilings.fuel, 100_000_000_000);
        assert_eq!(config.runtime.ceilings.memory, 1 << 30);
        assert_eq!(config.runtime.ceilings.timeout, Duration::from_secs(3600));
        assert_eq!(config.executor.max_result_bytes, 1 << 20);
        assert_eq!(config.executor.shutdown_grace, Duration::from_secs(10));
    }
}
