//! When a pooled connection is checked before it is handed out.
//!
//! sqlx pings every connection as it goes back to the pool; pinging it again
//! when it is taken (sqlx's `test_before_acquire`) costs one more round trip
//! per store operation, on the request's path. Like HikariCP, a connection
//! that went back less than [`RECHECK_AFTER`] ago is handed out as it is,
//! unless a connection was seen lost since it went idle: a database restart
//! or failover cuts every session at once, and the LISTEN connection (see
//! [`crate::notify`]) notices that at once, as does any operation that fails
//! on a lost connection. Those idle since before the loss are checked, and
//! the dead ones replaced, before anyone uses them.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// How long a connection stays trusted after it was last checked.
pub(crate) const RECHECK_AFTER: Duration = Duration::from_millis(500);

/// When a connection to the database was last seen lost (µs since the
/// epoch; 0: never). One per process: a false alarm costs a ping only.
static LOST_AT: AtomicU64 = AtomicU64::new(0);

/// Now, in µs since the epoch.
pub(crate) fn now_micros() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
}

/// How many connections were seen lost so far (see [`losses`]).
static LOSSES: AtomicU64 = AtomicU64::new(0);

/// Notes that a connection to the database was lost just now.
pub(crate) fn connection_lost() {
    LOST_AT.store(now_micros(), Ordering::Relaxed);
    LOSSES.fetch_add(1, Ordering::Relaxed);
}

/// How many database connections this process has seen lost: an operation
/// that failed while this moved may well succeed at once on another
/// connection (the API retries a read then).
pub fn losses() -> u64 {
    LOSSES.load(Ordering::Relaxed)
}

/// Whether a connection idle for `idle_for` is checked before use.
pub(crate) fn needs_check(idle_for: Duration) -> bool {
    check_due(idle_for, now_micros(), LOST_AT.load(Ordering::Relaxed))
}

/// How long that check waits for the answer: a connection that does not
/// answer a ping at once is not worth waiting for (one a partition left
/// half-open never answers); it is closed and another one taken.
const PING_ANSWER: Duration = Duration::from_secs(2);

/// Whether a connection idle for `idle_for` can be used: pinged first when
/// [`needs_check`] says so.
pub(crate) async fn usable(conn: &mut sqlx::AnyConnection, idle_for: Duration) -> bool {
    !needs_check(idle_for) || answers_ping(conn).await
}

/// Whether `conn` answers a ping within [`PING_ANSWER`] (the check of a
/// connection taken from the pool, and of one going back, see
/// [`crate::bounded::release_check`]).
pub(crate) async fn answers_ping(conn: &mut sqlx::AnyConnection) -> bool {
    matches!(
        tokio::time::timeout(PING_ANSWER, sqlx::Connection::ping(conn)).await,
        Ok(Ok(()))
    )
}

/// [`needs_check`] at `now` with the last loss at `lost_at` (µs).
fn check_due(idle_for: Duration, now: u64, lost_at: u64) -> bool {
    if idle_for >= RECHECK_AFTER {
        return true;
    }
    let idle = u64::try_from(idle_for.as_micros()).unwrap_or(u64::MAX);
    // Idle since before the loss (or the loss a moment ago: clocks move).
    lost_at != 0 && now.saturating_sub(lost_at) <= idle.saturating_add(1_000)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: u64 = 1_000;

    #[test]
    fn recently_returned_connections_are_trusted_until_a_loss_is_seen() {
        let now = 1_000_000 * MS;
        let idle = Duration::from_millis(20);
        // Nothing lost ever, or long before this connection went idle.
        assert!(!check_due(idle, now, 0));
        assert!(!check_due(idle, now, now - 5_000 * MS));
        // Lost after it went idle (20 ms ago): checked.
        assert!(check_due(idle, now, now - 10 * MS));
        assert!(check_due(idle, now, now));
        // Idle long enough: checked whatever happened.
        assert!(check_due(RECHECK_AFTER, now, 0));
        assert!(check_due(Duration::from_secs(3600), now, 0));
    }
}
