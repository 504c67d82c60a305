//! Whether the database is known to be out of reach.
//!
//! sqlx's pool waits up to its acquire timeout (30 s) for a connection,
//! retrying a refused connect all that time, and a host that drops packets
//! keeps a connect waiting as long: while the database is down, every
//! request would hang that long before its 503. A node checks the database
//! every few seconds instead ([`Store::watch_reachability`]); while the last
//! check failed, [`Store::outage`] says since when and why, and the API
//! answers at once.
//!
//! A failed pooled check is confirmed on a connection of its own before it
//! counts: after a database restart the pool may still hold dead
//! connections, which it replaces by itself, and a pool whose connections
//! are all in use has none to give within the check's time; neither is an
//! outage.

use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use sqlx::Connection;

use crate::Store;

/// How long one check may take.
const CHECK_TIMEOUT: Duration = Duration::from_secs(2);
/// Time between checks while the database answers, and while it does not.
const CHECK_EVERY: Duration = Duration::from_secs(2);
const RECHECK_EVERY: Duration = Duration::from_secs(1);

/// The database out of reach, as the checks found it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outage {
    /// When the first failed check of this outage ran (µs since the epoch).
    pub since: i64,
    /// What the last check ran into.
    pub error: String,
}

/// What one check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reachability {
    Reachable,
    Unreachable(String),
}

/// The outage in force, if any (shared by the clones of a store).
#[derive(Debug, Default)]
pub(crate) struct OutageFlag(Mutex<Option<Outage>>);

impl OutageFlag {
    fn get(&self) -> Option<Outage> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Records a check's finding at `now`; returns the outage before and
    /// after, for the caller to log a change.
    fn note(&self, found: &Reachability, now: i64) -> (Option<Outage>, Option<Outage>) {
        let mut current = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let before = current.clone();
        match found {
            Reachability::Reachable => *current = None,
            Reachability::Unreachable(error) => {
                let since = before.as_ref().map_or(now, |outage| outage.since);
                *current = Some(Outage {
                    since,
                    error: error.clone(),
                });
            }
        }
        (before, current.clone())
    }
}

/// `op`, or the database out of reach when it takes longer than `bound`:
/// for what must not wait in the pool's connect back-off (heartbeats,
/// claim loops), which retries a refused connect with a wait that doubles
/// up to the acquire timeout and so may resume seconds after the
/// database is back.
pub async fn within<T>(
    bound: Duration,
    op: impl Future<Output = crate::Result<T>>,
) -> crate::Result<T> {
    tokio::time::timeout(bound, op).await.unwrap_or_else(|_| {
        Err(crate::StoreError::Unavailable(format!(
            "no answer within {} ms",
            bound.as_millis()
        )))
    })
}

/// How long the engine's own statements (claims, commits, an executor's
/// records of a call) wait for the database's answer before the connection
/// is given up: a connection a partition left half-open never answers, and
/// sqlx has no bound of its own (nor TCP keepalives). PostgreSQL ends any
/// statement after 60 s itself (`statement_timeout`), but only one that
/// reached it; an answer taking 20 s is one that is not coming.
pub const ANSWER_BOUND: Duration = Duration::from_secs(20);

/// What a statement that got no answer within `bound` returns. Its
/// connection is closed rather than pooled: the late answer could still
/// arrive on it, and sqlx would ping it on its way back to the pool, a
/// ping with no bound that a half-open connection never answers (holding
/// the pool slot for good).
pub(crate) fn no_answer(
    conn: &mut sqlx::pool::PoolConnection<sqlx::Any>,
    what: &str,
    bound: Duration,
) -> crate::StoreError {
    conn.close_on_drop();
    crate::StoreError::Unavailable(format!(
        "{what} had no answer within {} ms",
        bound.as_millis()
    ))
}

/// A statement's outcome within its time (see [`Store::connection_within`]),
/// or [`no_answer`].
pub(crate) fn answered<T>(
    outcome: Result<crate::Result<T>, tokio::time::error::Elapsed>,
    conn: &mut sqlx::pool::PoolConnection<sqlx::Any>,
    what: &str,
    bound: Duration,
) -> crate::Result<T> {
    outcome.unwrap_or_else(|_| Err(no_answer(conn, what, bound)))
}

impl Store {
    /// A pooled connection and the deadline for the statement to run on it,
    /// `bound` from now: the connection and the answer must both come
    /// within it. The caller runs its statement under
    /// `tokio::time::timeout_at(deadline, ..)` and passes the outcome to
    /// [`answered`]. (Not one helper taking the statement as a closure: a
    /// closure over the connection's lifetime defeats the compiler's
    /// `Send` check of the loops that call it.)
    pub(crate) async fn connection_within(
        &self,
        bound: Duration,
    ) -> crate::Result<(sqlx::pool::PoolConnection<sqlx::Any>, tokio::time::Instant)> {
        let deadline = tokio::time::Instant::now() + bound;
        let conn = within(bound, async { Ok(self.pool.acquire().await?) }).await?;
        Ok((conn, deadline))
    }

    /// `query` (a statement that writes or checks, no rows back) within
    /// `bound` (see [`Store::connection_within`]): how many rows it changed.
    pub(crate) async fn execute_within<'q>(
        &self,
        bound: Duration,
        what: &str,
        query: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments<'q>>,
    ) -> crate::Result<u64> {
        let (mut conn, deadline) = self.connection_within(bound).await?;
        let outcome = tokio::time::timeout_at(deadline, async {
            Ok(query.execute(&mut *conn).await?.rows_affected())
        })
        .await;
        answered(outcome, &mut conn, what, bound)
    }

    /// The outage the last check found, if it found one.
    pub fn outage(&self) -> Option<Outage> {
        self.outage.get()
    }

    /// Checks once that the database answers (see the module's doc) and
    /// records what it found.
    pub async fn check_reachable(&self) -> Reachability {
        let found = match self.ping_pooled().await {
            Ok(()) => Reachability::Reachable,
            Err(_) => match tokio::time::timeout(CHECK_TIMEOUT, self.ping_alone()).await {
                Ok(Ok(())) => Reachability::Reachable,
                Ok(Err(err)) => Reachability::Unreachable(err.to_string()),
                Err(_) => Reachability::Unreachable(format!(
                    "no answer to a new connection within {} s",
                    CHECK_TIMEOUT.as_secs()
                )),
            },
        };
        let now = i64::try_from(crate::liveness::now_micros()).unwrap_or(i64::MAX);
        match self.outage.note(&found, now) {
            (None, Some(outage)) => {
                tracing::error!(error = %outage.error, "the database is out of reach; requests are answered 503 until it is back");
            }
            (Some(outage), None) => {
                let seconds = (now - outage.since) as f64 / 1e6;
                tracing::warn!(after_s = seconds, "the database is reachable again");
            }
            _ => {}
        }
        found
    }

    /// Checks the database until `stop` resolves (PostgreSQL; a SQLite file
    /// is never out of reach).
    pub async fn watch_reachability(&self, stop: impl Future<Output = ()>) {
        if self.backend == crate::Backend::Sqlite {
            return;
        }
        tokio::pin!(stop);
        loop {
            let pause = match self.check_reachable().await {
                Reachability::Unreachable(_) => RECHECK_EVERY,
                Reachability::Reachable => CHECK_EVERY,
            };
            tokio::select! {
                () = &mut stop => return,
                () = tokio::time::sleep(pause) => {}
            }
        }
    }

    async fn ping_pooled(&self) -> crate::Result<()> {
        self.execute_within(CHECK_TIMEOUT, "a check", sqlx::query("SELECT 1"))
            .await
            .map(|_| ())
    }

    /// A connection of its own, for a verdict the pool cannot give.
    async fn ping_alone(&self) -> Result<(), sqlx::Error> {
        let mut conn = sqlx::AnyConnection::connect(&self.url).await?;
        let answered = sqlx::query("SELECT 1").execute(&mut conn).await;
        let _ = conn.close().await;
        answered.map(|_| ())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outage_lasts_from_its_first_failed_check_until_one_succeeds() {
        let flag = OutageFlag::default();
        let down = |e: &str| Reachability::Unreachable(e.into());
        assert_eq!(flag.note(&Reachability::Reachable, 1), (None, None));
        let (before, after) = flag.note(&down("refused"), 10);
        assert_eq!(before, None);
        assert_eq!(
            after,
            Some(Outage {
                since: 10,
                error: "refused".into()
            })
        );
        // Still down: the same outage, with the latest error.
        let (_, after) = flag.note(&down("timed out"), 20);
        assert_eq!(
            after.as_ref().map(|o| (o.since, o.error.as_str())),
            Some((10, "timed out"))
        );
        assert_eq!(flag.note(&Reachability::Reachable, 40).1, None);
        assert_eq!(flag.get(), None);
    }
}
