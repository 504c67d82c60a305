//! Connections for the reads on every request's and step's path, kept by
//! the store in a stack: the one used last is taken first.
//!
//! sqlx's pool hands out the connection idle longest and pings each one as
//! it goes back. For reads that every start and step makes (a definition
//! by name, an execution's snapshot, a sub-workflow's definition) that
//! meant one more round trip per read, and, on a quiet server, each read
//! landing on a different connection whose statements were not prepared
//! yet and whose database session had not used those tables yet. A reader
//! that finished its queries goes back onto the stack as it is; one dropped
//! before (an error, a cancelled request) goes back to the pool, which
//! checks it as usual.

use std::ops::{Deref, DerefMut};
use std::sync::Mutex;
use std::time::Instant;

use sqlx::Any;
use sqlx::pool::PoolConnection;

use crate::Result;
use crate::db::Store;

/// The stack of idle readers (see the module's documentation).
#[derive(Default)]
pub(crate) struct Readers {
    state: Mutex<Stack>,
}

#[derive(Default)]
struct Stack {
    idle: Vec<(PoolConnection<Any>, Instant)>,
    /// Set by [`Readers::close`]: readers go back to the pool from then on.
    closed: bool,
}

/// How many idle readers the stack keeps: serial traffic uses one or two,
/// and the rest of the pool stays free for everything else (a reader is
/// not kept at all when the pool has no other connection to give).
const KEPT: usize = 4;

impl std::fmt::Debug for Readers {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Readers")
            .field("idle", &self.lock().idle.len())
            .finish()
    }
}

impl Readers {
    fn lock(&self) -> std::sync::MutexGuard<'_, Stack> {
        // A panic while holding this lock leaves a valid Vec.
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    fn pop(&self) -> Option<(PoolConnection<Any>, Instant)> {
        self.lock().idle.pop()
    }

    /// Keeps `conn` for the next reader, unless the pool has nothing left
    /// to hand out without it: whoever waits on the pool gets it then.
    fn push(&self, conn: PoolConnection<Any>, pool: &sqlx::AnyPool) {
        let pool_can_serve =
            pool.num_idle() > 0 || pool.size() < pool.options().get_max_connections();
        let mut stack = self.lock();
        if pool_can_serve && !stack.closed && stack.idle.len() < KEPT {
            stack.idle.push((conn, Instant::now()));
        }
        // Otherwise `conn` drops here and goes back to the pool.
    }

    /// Gives every idle reader back to the pool and keeps none from now
    /// on (the pool waits for all its connections when it closes).
    pub(crate) fn close(&self) {
        let idle = {
            let mut stack = self.lock();
            stack.closed = true;
            std::mem::take(&mut stack.idle)
        };
        drop(idle);
    }
}

/// A connection taken by [`Store::reader`]; [`Reader::done`] puts it back
/// on the stack.
pub(crate) struct Reader<'s> {
    conn: PoolConnection<Any>,
    store: &'s Store,
}

impl Reader<'_> {
    /// Puts the connection back for the next reader: call it once the
    /// queries succeeded (a reader dropped instead goes back to the pool).
    pub(crate) fn done(self) {
        self.store.readers.push(self.conn, &self.store.pool);
    }

    /// What a read on this reader, run under
    /// `tokio::time::timeout(READ_BOUND, ..)`, came to: on success the
    /// connection goes back on the stack; on an error to the pool; when no
    /// answer came, it is closed (see [`crate::outage::no_answer`]).
    pub(crate) fn finish<T>(
        mut self,
        outcome: std::result::Result<Result<T>, tokio::time::error::Elapsed>,
        what: &str,
    ) -> Result<T> {
        match outcome {
            Ok(Ok(found)) => {
                self.done();
                Ok(found)
            }
            Ok(Err(err)) => Err(err),
            Err(_) => Err(crate::outage::no_answer(&mut self.conn, what, READ_BOUND)),
        }
    }
}

/// How long a read waits for its answer (reads take milliseconds; one on
/// a connection left half-open would wait for good).
pub(crate) const READ_BOUND: std::time::Duration = crate::outage::ANSWER_BOUND;

impl Deref for Reader<'_> {
    type Target = sqlx::AnyConnection;

    fn deref(&self) -> &Self::Target {
        &self.conn
    }
}

impl DerefMut for Reader<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.conn
    }
}

impl Store {
    /// A connection for a read: the reader used last, else one from the
    /// pool. One idle a while, or since a connection was seen lost, is
    /// checked first (see [`crate::liveness`]).
    ///
    /// # Errors
    /// [`crate::StoreError::Database`] when no connection can be had.
    pub(crate) async fn reader(&self) -> Result<Reader<'_>> {
        while let Some((mut conn, since)) = self.readers.pop() {
            if !crate::liveness::usable(&mut conn, since.elapsed()).await {
                // Dead: closed rather than handed back to the pool.
                conn.close_on_drop();
                continue;
            }
            return Ok(Reader { conn, store: self });
        }
        Ok(Reader {
            conn: self.pool.acquire().await?,
            store: self,
        })
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    async fn store(dir: &tempfile::TempDir) -> Store {
        let url = format!("sqlite://{}", dir.path().join("readers.db").display());
        Store::connect(&url).await.unwrap()
    }

    fn idle(store: &Store) -> usize {
        store.readers.lock().idle.len()
    }

    #[tokio::test]
    async fn a_finished_reader_is_the_next_one_handed_out() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(&dir).await;
        let first = store.reader().await.unwrap();
        let mut second = store.reader().await.unwrap();
        // A temporary table exists only on the connection that made it.
        sqlx::query("CREATE TEMP TABLE marker (x INTEGER)")
            .execute(&mut *second)
            .await
            .unwrap();
        first.done();
        second.done();
        assert_eq!(idle(&store), 2);
        // Last in, first out: the connection used last comes back.
        let mut again = store.reader().await.unwrap();
        sqlx::query("SELECT x FROM temp.marker")
            .fetch_all(&mut *again)
            .await
            .unwrap();
        assert_eq!(idle(&store), 1);
        // Dropped without `done` (an error, a cancelled read): back to the
        // pool, not kept.
        drop(again);
        assert_eq!(idle(&store), 1);
    }

    #[tokio::test]
    async fn closing_the_store_gives_the_readers_back_to_the_pool() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(&dir).await;
        let busy = store.reader().await.unwrap();
        store.reader().await.unwrap().done();
        assert_eq!(idle(&store), 1);
        store.readers.close();
        assert_eq!(idle(&store), 0);
        // One finishing after the close is not kept either, so the pool's
        // close (which waits for every connection) ends.
        busy.done();
        assert_eq!(idle(&store), 0);
        tokio::time::timeout(std::time::Duration::from_secs(10), store.close())
            .await
            .unwrap();
    }

    #[tokio::test]
    async fn no_more_than_a_few_idle_readers_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(&dir).await;
        let mut readers = Vec::new();
        for _ in 0..KEPT + 2 {
            readers.push(store.reader().await.unwrap());
        }
        for reader in readers {
            reader.done();
        }
        assert_eq!(idle(&store), KEPT);
    }

    #[tokio::test]
    async fn a_reader_goes_back_to_the_pool_when_the_pool_has_no_other() {
        let dir = tempfile::tempdir().unwrap();
        let store = store(&dir).await;
        let max = store.pool.options().get_max_connections();
        let mut readers = Vec::new();
        for _ in 0..max {
            readers.push(store.reader().await.unwrap());
        }
        // Every connection is out: the one finishing goes to the pool, where
        // a caller of the pool itself finds it at once.
        readers.pop().unwrap().done();
        assert_eq!(idle(&store), 0);
        let taken = tokio::time::timeout(std::time::Duration::from_secs(5), store.pool.acquire())
            .await
            .unwrap()
            .unwrap();
        drop(taken);
    }
}
