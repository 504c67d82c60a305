//! The job queue: actions to run and engine events (timers included) that
//! are due at a time. A claimed job carries a lease; when its node dies the
//! lease expires and another node takes it over, so no work is lost.

use serde_json::Value;
use sqlx::Row;

use crate::db::{Backend, Store};
use crate::rows::{Cell, Table};
use crate::{Result, StoreError};

/// What a job is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JobKind {
    /// Run an action (picked up by executors).
    Action,
    /// Deliver an event to an execution (picked up by engines); timers are
    /// events with a due time in the future.
    Event,
}

impl JobKind {
    pub fn as_str(self) -> &'static str {
        match self {
            JobKind::Action => "action",
            JobKind::Event => "event",
        }
    }

    fn parse(raw: &str) -> Result<Self> {
        match raw {
            "action" => Ok(JobKind::Action),
            "event" => Ok(JobKind::Event),
            other => Err(StoreError::Corrupt {
                what: "job kind",
                detail: other.to_owned(),
            }),
        }
    }
}

/// A job to queue.
#[derive(Debug, Clone, PartialEq)]
pub struct NewJob {
    pub id: String,
    pub kind: JobKind,
    pub execution_id: Option<String>,
    /// UTC microseconds.
    pub due_at: i64,
    pub payload: Value,
    /// Set when the creating node runs the job itself right away: the lease
    /// keeps other nodes off it unless this node dies.
    pub locked_by: Option<String>,
    pub locked_until: Option<i64>,
    pub created_at: i64,
}

/// A claimed job.
#[derive(Debug, Clone, PartialEq)]
pub struct Job {
    pub id: String,
    pub kind: JobKind,
    pub execution_id: Option<String>,
    pub due_at: i64,
    pub payload: Value,
    /// How many times the job was delivered before this claim: each claim
    /// counts, and so does the immediate delivery of a job created leased.
    /// A job whose earlier deliveries all ended without finishing it (its
    /// node died each time) has a high count.
    pub attempts: i64,
}

pub(crate) const JOBS: Table = Table {
    name: "jobs",
    columns: &[
        "id",
        "kind",
        "execution_id",
        "due_at",
        "payload",
        "locked_by",
        "locked_until",
        "attempts",
        "created_at",
    ],
};

pub(crate) fn job_cells(job: &NewJob) -> Vec<Cell> {
    vec![
        Cell::Text(Some(job.id.clone())),
        Cell::Text(Some(job.kind.as_str().to_owned())),
        Cell::Text(job.execution_id.clone()),
        Cell::Int(Some(job.due_at)),
        Cell::Text(Some(job.payload.to_string())),
        Cell::Text(job.locked_by.clone()),
        Cell::Int(job.locked_until),
        // A job created leased is delivered by its node right away: that
        // delivery counts as its first attempt, so a step that crashes the
        // process every time is seen after a few restarts (see `Job::attempts`).
        Cell::Int(Some(i64::from(job.locked_by.is_some()))),
        Cell::Int(Some(job.created_at)),
    ]
}

impl Store {
    /// Claims up to `limit` jobs of `kind` that are due at `now` and not
    /// leased by a live node, leasing them to `owner` until `lease_until`.
    /// On PostgreSQL concurrent claimers skip each other's rows
    /// (`FOR UPDATE SKIP LOCKED`).
    pub async fn claim_jobs(
        &self,
        kind: JobKind,
        owner: &str,
        now: i64,
        lease_until: i64,
        limit: i64,
    ) -> Result<Vec<Job>> {
        let pick = match self.backend {
            Backend::Postgres => {
                "SELECT id FROM jobs WHERE kind = $4 AND due_at <= $3 \
                 AND (locked_until IS NULL OR locked_until < $3) \
                 ORDER BY due_at LIMIT $5 FOR UPDATE SKIP LOCKED"
            }
            Backend::Sqlite => {
                "SELECT id FROM jobs WHERE kind = $4 AND due_at <= $3 \
                 AND (locked_until IS NULL OR locked_until < $3) \
                 ORDER BY due_at LIMIT $5"
            }
        };
        let sql = format!(
            "UPDATE jobs SET locked_by = $1, locked_until = $2, attempts = attempts + 1 \
             WHERE id IN ({pick}) \
             RETURNING id, kind, execution_id, due_at, payload, attempts"
        );
        let _writer = self.writer().await;
        let rows = sqlx::query(&sql)
            .bind(owner.to_owned())
            .bind(lease_until)
            .bind(now)
            .bind(kind.as_str().to_owned())
            .bind(limit)
            .fetch_all(&self.pool)
            .await?;
        let mut jobs = rows
            .iter()
            .map(|row| -> Result<Job> {
                let kind: String = row.try_get("kind")?;
                let payload: String = row.try_get("payload")?;
                let attempts: i64 = row.try_get("attempts")?;
                Ok(Job {
                    id: row.try_get("id")?,
                    kind: JobKind::parse(&kind)?,
                    execution_id: row.try_get("execution_id")?,
                    due_at: row.try_get("due_at")?,
                    payload: serde_json::from_str(&payload).map_err(|err| StoreError::Corrupt {
                        what: "job payload",
                        detail: err.to_string(),
                    })?,
                    attempts: attempts - 1,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        jobs.sort_by_key(|job| job.due_at);
        Ok(jobs)
    }

    /// The earliest due time of unleased jobs of `kind` (or of jobs whose
    /// lease ends first), so a scheduler can sleep until then.
    pub async fn next_job_time(&self, kind: JobKind) -> Result<Option<i64>> {
        let next: Option<i64> = sqlx::query_scalar(
            "SELECT MIN(CASE WHEN locked_until IS NULL OR locked_until < due_at \
             THEN due_at ELSE locked_until END) FROM jobs WHERE kind = $1",
        )
        .bind(kind.as_str().to_owned())
        .fetch_one(&self.pool)
        .await?;
        Ok(next)
    }

    /// Extends every lease `owner` holds on jobs of `kind` to at least
    /// `lease_until`: a live node's heartbeat, so a long action is not taken
    /// over by another node while it still runs. Returns how many leases were
    /// extended.
    pub async fn renew_leases(&self, kind: JobKind, owner: &str, lease_until: i64) -> Result<u64> {
        let _writer = self.writer().await;
        let done = sqlx::query(
            "UPDATE jobs SET locked_until = $2 \
             WHERE kind = $3 AND locked_by = $1 AND locked_until < $2",
        )
        .bind(owner.to_owned())
        .bind(lease_until)
        .bind(kind.as_str().to_owned())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected())
    }

    /// Drops every lease (used at start-up on SQLite, where the store serves a
    /// single process: leases of an earlier run of it are void).
    pub async fn release_all_leases(&self) -> Result<()> {
        let _writer = self.writer().await;
        sqlx::query(
            "UPDATE jobs SET locked_by = NULL, locked_until = NULL WHERE locked_by IS NOT NULL",
        )
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Deletes a finished job outside of an engine step.
    pub async fn delete_job(&self, id: &str) -> Result<()> {
        let _writer = self.writer().await;
        sqlx::query("DELETE FROM jobs WHERE id = $1")
            .bind(id.to_owned())
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
