//! Wake-ups when free jobs are queued, so idle nodes claim them at once
//! instead of at their next poll.
//!
//! A transaction that queues free jobs announces their kind; on PostgreSQL
//! that is a `NOTIFY bora_jobs, '<kind>'` sent with the commit to every node
//! listening (`LISTEN`), on SQLite (one process) an in-process broadcast.
//! Either way a listener only learns "there may be work of this kind": it
//! claims from the store, and a slow poll remains as a safety net for a
//! notification lost while a connection was down.

use std::time::Duration;

use sqlx::AnyConnection;
use tokio::sync::broadcast;

use crate::Result;
use crate::db::{Backend, Store};
use crate::jobs::JobKind;

/// The PostgreSQL channel.
const CHANNEL: &str = "bora_jobs";

/// Sends the announcement inside a transaction (PostgreSQL delivers it at
/// commit, never for a rolled-back one); nothing on SQLite, where the caller
/// calls [`Store::announced`] after the commit.
pub(crate) async fn announce(
    conn: &mut AnyConnection,
    backend: Backend,
    kind: JobKind,
) -> Result<()> {
    if backend == Backend::Postgres {
        sqlx::query("SELECT pg_notify($1, $2)")
            .bind(CHANNEL)
            .bind(kind.as_str())
            .execute(crate::bounded::on(conn))
            .await?;
    }
    Ok(())
}

impl Store {
    /// Tells this process's listeners that jobs of `kind` were queued (a
    /// committed announcement reaches other processes through PostgreSQL).
    pub fn announced(&self, kind: JobKind) {
        // No listener is fine: nobody is idle.
        let _ = self.local_jobs.send(kind);
    }

    /// Kinds of jobs announced from now on, by this process and, on
    /// PostgreSQL, by every node of the store. A lost connection is
    /// re-established in the background; announcements sent meanwhile are
    /// missed (the listeners' polls cover them).
    pub fn subscribe_jobs(&self) -> broadcast::Receiver<JobKind> {
        let receiver = self.local_jobs.subscribe();
        if self.backend == Backend::Postgres {
            self.listen_once();
        }
        receiver
    }

    /// Starts the one LISTEN connection of this store (on first use).
    fn listen_once(&self) {
        let mut started = match self.listening.lock() {
            Ok(guard) => guard,
            Err(poisoned) => poisoned.into_inner(),
        };
        if *started {
            return;
        }
        *started = true;
        let url = self.url.clone();
        let local = self.local_jobs.clone();
        tokio::spawn(async move {
            loop {
                if let Err(err) = relay(&url, &local).await {
                    tracing::warn!(error = %err, "listening for job announcements failed; retrying");
                }
                if local.receiver_count() == 0 {
                    return;
                }
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        });
    }
}

/// Relays PostgreSQL notifications to the local broadcast until the
/// connection fails.
async fn relay(url: &str, local: &broadcast::Sender<JobKind>) -> Result<()> {
    let mut listener = sqlx::postgres::PgListener::connect(url)
        .await
        .inspect_err(|_| {
            crate::liveness::connection_lost();
        })?;
    listener.listen(CHANNEL).await?;
    loop {
        // `None`: the connection was lost (a database restart cuts every
        // session: pooled ones idle since are checked before use); the next
        // call reconnects.
        let Some(notification) = listener.try_recv().await? else {
            crate::liveness::connection_lost();
            tracing::info!("the LISTEN connection was lost; reconnecting");
            continue;
        };
        let kind = match notification.payload() {
            "action" => JobKind::Action,
            _ => JobKind::Event,
        };
        if local.send(kind).is_err() {
            // Nobody listens any more (the node stopped).
            return Ok(());
        }
    }
}
