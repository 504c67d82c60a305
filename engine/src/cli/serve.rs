//! `bora serve`: a node with Mistral's REST API v2 in front of it, until
//! SIGTERM or SIGINT (stop accepting, finish answering, then shut the node
//! down; unfinished work stays queued in the store).

use std::net::SocketAddr;
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;

use crate::api::{ApiState, router};
use crate::node::{Node, NodeConfig};

/// Arguments of `bora serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "BORA_LISTEN", default_value = "127.0.0.1:8989")]
    listen: SocketAddr,
    /// Database: `sqlite://PATH` (created on first start) or `postgres://...`.
    #[arg(
        long,
        env = "BORA_DATABASE_URL",
        default_value = "sqlite://bora.sqlite"
    )]
    database: String,
}

pub fn run(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let runtime = tokio::runtime::Runtime::new().context("cannot start the async runtime")?;
    runtime.block_on(serve(args))
}

async fn serve(args: ServeArgs) -> anyhow::Result<ExitCode> {
    let node = Node::start(NodeConfig {
        database_url: args.database.clone(),
        ..Default::default()
    })
    .await
    .with_context(|| format!("cannot start a node on {}", args.database))?;
    let app = router(ApiState {
        service: node.service.clone(),
        runtime: node.runtime.clone(),
    });
    let listener = match tokio::net::TcpListener::bind(args.listen).await {
        Ok(listener) => listener,
        Err(err) => {
            node.shutdown().await;
            return Err(err).with_context(|| format!("cannot listen on {}", args.listen));
        }
    };
    tracing::info!(listen = %args.listen, database = %args.database, "bora serve started");
    eprintln!("bora: listening on http://{}", args.listen);
    let served = axum::serve(listener, app)
        .with_graceful_shutdown(async {
            shutdown_signal().await;
            // Open event streams (dashboards) would hold the shutdown.
            crate::api::events::close_all();
        })
        .await;
    node.shutdown().await;
    served.context("the HTTP server failed")?;
    Ok(ExitCode::SUCCESS)
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
