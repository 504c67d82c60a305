//! The nodes sharing a store, and how a dead one's work is taken over.
//!
//! Each node registers a row and refreshes its `heartbeat_at` often (a
//! single-row update, whatever the amount of work it holds). A job is held
//! by naming the node in `jobs.locked_by`, with no per-job expiry: a job is
//! free when `locked_by` is NULL. A node whose heartbeat is older than the
//! node timeout is dead: any live node deletes its row and frees every job
//! held by a node that has no row, so the survivors claim that work within
//! seconds of the death. A node that was only frozen (SIGSTOP, a long pause)
//! and comes back finds its row gone, and its steps find their jobs taken:
//! what it still does is discarded.

use std::time::Duration;

use sqlx::Row;

use crate::db::Store;
use crate::outage::answered;
use crate::{Result, StoreError};

/// A node as registered in the store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NodeRecord {
    /// Stable across restarts (`--node-id`), so a restarted node takes its
    /// own work back at once.
    pub id: String,
    /// Random per process start: tells a restart from a second process
    /// using the same id.
    pub instance: String,
    /// `api`, `engine`, `executor`.
    pub roles: Vec<String>,
    /// The name executors are addressed by (a task's `target`).
    pub executor_name: Option<String>,
    pub started_at: i64,
    pub heartbeat_at: i64,
}

/// What a node learns when it registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Registered {
    /// Jobs the previous process with this id held, freed for the taking.
    pub released: u64,
}

impl Store {
    /// Registers a node, taking its id over from a dead earlier process of
    /// the same id (whose jobs are freed at once).
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when a live process (one whose heartbeat is
    /// newer than `dead_before`) already uses the id.
    pub async fn register_node(&self, node: &NodeRecord, dead_before: i64) -> Result<Registered> {
        let _writer = self.writer().await;
        let mut tx = self.begin_write().await?;
        let existing: Option<(String, i64)> =
            sqlx::query_as("SELECT instance, heartbeat_at FROM nodes WHERE id = $1")
                .bind(node.id.clone())
                .fetch_optional(&mut *tx)
                .await?;
        if let Some((instance, heartbeat)) = existing
            && instance != node.instance
            && heartbeat >= dead_before
        {
            return Err(StoreError::Duplicate {
                kind: "live node",
                key: format!(
                    "id={} (another process uses this node id; give each its own --node-id)",
                    node.id
                ),
            });
        }
        sqlx::query("DELETE FROM nodes WHERE id = $1")
            .bind(node.id.clone())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO nodes (id, instance, roles, executor_name, started_at, heartbeat_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(node.id.clone())
        .bind(node.instance.clone())
        .bind(node.roles.join(","))
        .bind(node.executor_name.clone())
        .bind(node.started_at)
        .bind(node.heartbeat_at)
        .execute(&mut *tx)
        .await?;
        let released = sqlx::query("UPDATE jobs SET locked_by = NULL WHERE locked_by = $1")
            .bind(node.id.clone())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok(Registered { released })
    }

    /// Refreshes a node's heartbeat. `false` when its row is gone: the
    /// others took it for dead (and its jobs over); it must register again
    /// and forget the work it holds in memory. The connection and the
    /// answer must come within `bound`, or the beat fails (its connection
    /// closed: see [`crate::outage::no_answer`]).
    pub async fn heartbeat(
        &self,
        id: &str,
        instance: &str,
        now: i64,
        bound: Duration,
    ) -> Result<bool> {
        let _writer = self.writer().await;
        let query =
            sqlx::query("UPDATE nodes SET heartbeat_at = $3 WHERE id = $1 AND instance = $2")
                .bind(id.to_owned())
                .bind(instance.to_owned())
                .bind(now);
        Ok(self.execute_within(bound, "a heartbeat", query).await? > 0)
    }

    /// Deletes the nodes whose heartbeat is older than `dead_before` and
    /// frees every job held by a node that is not registered. Returns how
    /// many jobs were freed. Bounded like [`Store::heartbeat`].
    pub async fn reap_dead_nodes(&self, dead_before: i64, bound: Duration) -> Result<u64> {
        let _writer = self.writer().await;
        let (mut conn, deadline) = self.connection_within(bound).await?;
        let backend = self.backend;
        let outcome = tokio::time::timeout_at(deadline, async {
            let mut tx = crate::db::begin_on(&mut conn, backend).await?;
            sqlx::query("DELETE FROM nodes WHERE heartbeat_at < $1")
                .bind(dead_before)
                .execute(&mut *tx)
                .await?;
            let freed = sqlx::query(
                "UPDATE jobs SET locked_by = NULL WHERE locked_by IS NOT NULL \
                 AND locked_by NOT IN (SELECT id FROM nodes)",
            )
            .execute(&mut *tx)
            .await?
            .rows_affected();
            tx.commit().await?;
            Ok(freed)
        })
        .await;
        answered(outcome, &mut conn, "the look for dead nodes", bound)
    }

    /// Frees the jobs a node holds and removes its row (graceful shutdown:
    /// the others take its work at once instead of after the timeout).
    pub async fn leave(&self, id: &str, instance: &str) -> Result<()> {
        let _writer = self.writer().await;
        let mut tx = self.begin_write().await?;
        let gone = sqlx::query("DELETE FROM nodes WHERE id = $1 AND instance = $2")
            .bind(id.to_owned())
            .bind(instance.to_owned())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if gone > 0 {
            sqlx::query("UPDATE jobs SET locked_by = NULL WHERE locked_by = $1")
                .bind(id.to_owned())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// The registered nodes, oldest first.
    pub async fn list_nodes(&self) -> Result<Vec<NodeRecord>> {
        let rows = sqlx::query(
            "SELECT id, instance, roles, executor_name, started_at, heartbeat_at FROM nodes \
             ORDER BY started_at, id",
        )
        .fetch_all(self.bounded())
        .await?;
        rows.iter()
            .map(|row| {
                let roles: String = row.try_get("roles")?;
                Ok(NodeRecord {
                    id: row.try_get("id")?,
                    instance: row.try_get("instance")?,
                    roles: roles
                        .split(',')
                        .filter(|r| !r.is_empty())
                        .map(str::to_owned)
                        .collect(),
                    executor_name: row.try_get("executor_name")?,
                    started_at: row.try_get("started_at")?,
                    heartbeat_at: row.try_get("heartbeat_at")?,
                })
            })
            .collect()
    }
}
