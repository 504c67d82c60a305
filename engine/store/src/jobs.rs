//! The job queue: actions to run and engine events (timers included) that
//! are due at a time. A job is held by the node named in `locked_by`; when
//! that node dies its jobs are freed (see [`crate::nodes`]) and another node
//! claims them, so no work is lost.

use serde_json::Value;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::{Backend, Store};
use crate::outage::answered;
use crate::rows::{Cell, Table};
use crate::{Result, StoreError};

/// How long a claim loop waits for a connection (see
/// [`Store::claimer_connection`]).
const CLAIMER_ACQUIRE: std::time::Duration = std::time::Duration::from_secs(2);
/// How long a claim waits for its answer (a claim takes milliseconds).
const CLAIM_ANSWER: std::time::Duration = crate::outage::ANSWER_BOUND;

/// The claims of this process whose answers were lost: (node, claim id).
/// Shared by the clones of a store (every claim loop frees them).
#[derive(Debug, Default)]
pub(crate) struct UnansweredClaims(std::sync::Mutex<Vec<(String, String)>>);

impl UnansweredClaims {
    pub(crate) fn note(&self, node: &str, claim_id: String) {
        self.lock().push((node.to_owned(), claim_id));
    }

    fn list(&self) -> Vec<(String, String)> {
        self.lock().clone()
    }

    fn forget(&self, claim_id: &str) {
        self.lock().retain(|(_, id)| id != claim_id);
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(String, String)>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}

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
    /// Set when the creating node runs the job itself right away: other
    /// nodes keep off it unless this node dies.
    pub locked_by: Option<String>,
    /// Only executors of this name may run it (an action's `target`).
    pub target: Option<String>,
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
    /// When an action's call began (UTC microseconds), if it did.
    pub started_at: Option<i64>,
}

/// A number of jobs of one kind in one status (see [`Store::job_counts`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JobCount {
    pub kind: String,
    pub status: String,
    pub count: i64,
}

/// What a node asks for when it claims jobs.
#[derive(Debug, Clone, Copy)]
pub struct Claim<'a> {
    pub kind: JobKind,
    /// The claiming node's id.
    pub node: &'a str,
    /// Jobs due by then.
    pub now: i64,
    pub limit: i64,
    /// Executors: their name, so jobs targeted at it are theirs too.
    pub executor_name: Option<&'a str>,
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
        "attempts",
        "created_at",
        "target",
        "claim_id",
    ],
};

/// The cells of `job`; one created held carries `claim` (see
/// [`crate::StoreTx::insert_jobs`]).
pub(crate) fn job_cells(job: &NewJob, claim: Option<&str>) -> Vec<Cell> {
    vec![
        Cell::Text(Some(job.id.clone())),
        Cell::Text(Some(job.kind.as_str().to_owned())),
        Cell::Text(job.execution_id.clone()),
        Cell::Int(Some(job.due_at)),
        Cell::Text(Some(job.payload.to_string())),
        Cell::Text(job.locked_by.clone()),
        // A job created leased is delivered by its node right away: that
        // delivery counts as its first attempt, so a step that crashes the
        // process every time is seen after a few restarts (see `Job::attempts`).
        Cell::Int(Some(i64::from(job.locked_by.is_some()))),
        Cell::Int(Some(job.created_at)),
        Cell::Text(job.target.clone()),
        Cell::Text(claim.filter(|_| job.locked_by.is_some()).map(str::to_owned)),
    ]
}

/// A new claim id (see [`Store::claim_jobs`] and [`Store::answer_lost`]).
pub(crate) fn new_claim_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

impl Store {
    /// Claims up to `claim.limit` free jobs of `claim.kind` due at
    /// `claim.now`, holding them for `claim.node`. Events of an execution
    /// another live engine node stepped last are left to that node (it has
    /// the execution in memory); actions targeted at another executor name
    /// are left to it. On PostgreSQL concurrent claimers skip each other's
    /// rows (`FOR UPDATE SKIP LOCKED`).
    ///
    /// The claimed rows carry an id this call chose. When the answer does not
    /// come (an error, or nothing within [`CLAIM_ANSWER`]: a connection left
    /// half-open by a partition never answers), the database may still have
    /// committed the claim; the jobs would stay held by this node, which never
    /// saw them. The id is kept, and the next claim of this store first frees
    /// the jobs that carry it. A row that cannot be read is left held (and
    /// logged) rather than failing the rows claimed with it.
    pub async fn claim_jobs(&self, claim: &Claim<'_>) -> Result<Vec<Job>> {
        let (_, rows) = self.new_claim(claim).await?;
        let mut jobs = Vec::with_capacity(rows.len());
        for row in &rows {
            match job_from_row(row) {
                Ok(job) => jobs.push(job),
                Err(err) => tracing::error!(
                    job = row.try_get::<String, _>("id").unwrap_or_default(),
                    error = %err,
                    "a claimed job cannot be read; it stays held by this node, unrun"
                ),
            }
        }
        jobs.sort_by_key(|job| job.due_at);
        Ok(jobs)
    }

    /// For tests: a claim the database commits and whose answer is then
    /// lost, as when the connection breaks at that moment.
    #[doc(hidden)]
    pub async fn claim_jobs_losing_the_answer(&self, claim: &Claim<'_>) -> Result<()> {
        let (claim_id, _) = self.new_claim(claim).await?;
        self.answer_lost(claim.node, claim_id);
        Ok(())
    }

    /// Notes that a statement which may have given `node` jobs under
    /// `claim_id` (a claim, or a transaction that inserted jobs held by
    /// it: [`crate::StoreTx::insert_jobs`]) got no answer: the
    /// database may have committed it, and `node` never saw those jobs. The
    /// next claim of this store frees them first.
    pub fn answer_lost(&self, node: &str, claim_id: String) {
        self.unanswered_claims.note(node, claim_id);
    }

    /// Frees the jobs of earlier claims whose answers were lost, then sends
    /// `claim` under a new id: the id and the claimed rows.
    async fn new_claim(&self, claim: &Claim<'_>) -> Result<(String, Vec<AnyRow>)> {
        self.free_unanswered_claims().await?;
        let claim_id = new_claim_id();
        let rows = self.send_claim(claim, &claim_id).await?;
        Ok((claim_id, rows))
    }

    /// Sends the claim statement, marking the rows with `claim_id`, and
    /// waits at most [`CLAIM_ANSWER`] for the claimed rows. Once the
    /// statement is sent, a failure notes the claim as unanswered (a claim
    /// that never got a connection holds nothing: it is not noted).
    async fn send_claim(&self, claim: &Claim<'_>, claim_id: &str) -> Result<Vec<AnyRow>> {
        let lock = match self.backend {
            Backend::Postgres => " FOR UPDATE OF j SKIP LOCKED",
            Backend::Sqlite => "",
        };
        let (join, filter) = match claim.kind {
            JobKind::Event => (
                "LEFT JOIN workflow_executions e ON e.id = j.execution_id",
                "AND (e.owner IS NULL OR e.owner = $1 \
                 OR NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = e.owner))",
            ),
            JobKind::Action => ("", "AND (j.target IS NULL OR j.target = $6)"),
        };
        let sql = format!(
            "UPDATE jobs SET locked_by = $1, claim_id = $2, attempts = attempts + 1 WHERE id IN (\
             SELECT j.id FROM jobs j {join} \
             WHERE j.kind = $3 AND j.locked_by IS NULL AND j.due_at <= $4 {filter} \
             ORDER BY j.due_at LIMIT $5{lock}) \
             RETURNING id, kind, execution_id, due_at, payload, attempts, started_at"
        );
        let _writer = self.writer().await;
        let mut conn = self.claimer_connection().await?;
        let mut query = sqlx::query(&sql)
            .bind(claim.node.to_owned())
            .bind(claim_id.to_owned())
            .bind(claim.kind.as_str().to_owned())
            .bind(claim.now)
            .bind(claim.limit);
        if claim.kind == JobKind::Action {
            query = query.bind(claim.executor_name.unwrap_or("").to_owned());
        }
        let outcome = tokio::time::timeout(CLAIM_ANSWER, async {
            Ok(query.fetch_all(&mut *conn).await?)
        })
        .await;
        let answer = answered(outcome, &mut conn, "a claim", CLAIM_ANSWER);
        if answer.is_err() {
            self.answer_lost(claim.node, claim_id.to_owned());
        }
        answer
    }

    /// Frees the jobs of the claims whose answers were lost (see
    /// [`Store::claim_jobs`]); a claim the database had not committed holds
    /// none. A claim stays on the list until its jobs are freed.
    async fn free_unanswered_claims(&self) -> Result<()> {
        for (node, claim_id) in self.unanswered_claims.list() {
            let _writer = self.writer().await;
            let mut conn = self.claimer_connection().await?;
            let query = sqlx::query(
                "UPDATE jobs SET locked_by = NULL, claim_id = NULL, attempts = attempts - 1 \
                 WHERE locked_by = $1 AND claim_id = $2",
            )
            .bind(node.clone())
            .bind(claim_id.clone());
            let outcome =
                tokio::time::timeout(CLAIM_ANSWER, async { Ok(query.execute(&mut *conn).await?) })
                    .await;
            let freed = answered(
                outcome,
                &mut conn,
                "freeing a lost claim's jobs",
                CLAIM_ANSWER,
            )?;
            self.unanswered_claims.forget(&claim_id);
            if freed.rows_affected() > 0 {
                tracing::warn!(
                    jobs = freed.rows_affected(),
                    "freed the jobs of a claim whose answer was lost"
                );
            }
        }
        Ok(())
    }

    /// The earliest due time of the free jobs of `kind`, so a claimer can
    /// sleep until then.
    pub async fn next_job_time(&self, kind: JobKind) -> Result<Option<i64>> {
        let mut conn = self.claimer_connection().await?;
        let query = sqlx::query_scalar(
            "SELECT MIN(due_at) FROM jobs WHERE kind = $1 AND locked_by IS NULL",
        )
        .bind(kind.as_str().to_owned());
        let outcome = tokio::time::timeout(CLAIM_ANSWER, async {
            Ok(query.fetch_one(&mut *conn).await?)
        })
        .await;
        answered(outcome, &mut conn, "the next due time", CLAIM_ANSWER)
    }

    /// A pooled connection for a claim loop, or the database out of reach
    /// when none comes within [`CLAIMER_ACQUIRE`] (see
    /// [`crate::outage::within`]): given up and asked again on the loop's
    /// next turn, the connect starts from a short wait again. (A claim
    /// already sent has a bound of its own, [`CLAIM_ANSWER`].)
    async fn claimer_connection(&self) -> Result<sqlx::pool::PoolConnection<sqlx::Any>> {
        crate::outage::within(CLAIMER_ACQUIRE, async { Ok(self.pool.acquire().await?) }).await
    }

    /// Records that `node` begins running the action job `id`. `false`
    /// when the job is no longer this node's (another node took it over
    /// while it waited): the call must not happen.
    pub async fn mark_started(&self, id: &str, node: &str, now: i64) -> Result<bool> {
        let _writer = self.writer().await;
        let query = sqlx::query("UPDATE jobs SET started_at = $3 WHERE id = $1 AND locked_by = $2")
            .bind(id.to_owned())
            .bind(node.to_owned())
            .bind(now);
        let bound = crate::outage::ANSWER_BOUND;
        Ok(self
            .execute_within(bound, "recording a call's start", query)
            .await?
            > 0)
    }

    /// Turns the action job `id` that `node` ran into a free event job for
    /// the same execution carrying `event` (the action's outcome), for the
    /// engine node that owns the execution. `false` when the job is no
    /// longer this node's: the outcome is dropped.
    pub async fn complete_as_event(
        &self,
        id: &str,
        node: &str,
        event: &Value,
        now: i64,
    ) -> Result<bool> {
        let _writer = self.writer().await;
        let bound = crate::outage::ANSWER_BOUND;
        let (mut conn, deadline) = self.connection_within(bound).await?;
        let backend = self.backend;
        let outcome = tokio::time::timeout_at(deadline, async {
            let mut tx = crate::db::begin_on(&mut conn, backend).await?;
            let done = sqlx::query(
                "UPDATE jobs SET kind = 'event', payload = $3, locked_by = NULL, attempts = 0, \
                 due_at = $4, started_at = NULL, target = NULL WHERE id = $1 AND locked_by = $2",
            )
            .bind(id.to_owned())
            .bind(node.to_owned())
            .bind(event.to_string())
            .bind(now)
            .execute(&mut *tx)
            .await?;
            let changed = done.rows_affected() > 0;
            if changed {
                crate::notify::announce(&mut tx, backend, JobKind::Event).await?;
            }
            tx.commit().await?;
            Ok(changed)
        })
        .await;
        let changed = answered(outcome, &mut conn, "recording a call's outcome", bound)?;
        if changed {
            self.announced(JobKind::Event);
        }
        Ok(changed)
    }

    /// How many jobs there are by kind and status at `now`: `waiting` (due
    /// and free), `held` (by a node) or `scheduled` (free, due later), for
    /// the queue-depth metrics. One grouped query over the jobs table.
    pub async fn job_counts(&self, now: i64) -> Result<Vec<JobCount>> {
        let rows = sqlx::query(
            "SELECT kind, CASE WHEN locked_by IS NOT NULL THEN 'held' \
             WHEN due_at <= $1 THEN 'waiting' ELSE 'scheduled' END AS status, \
             COUNT(*) AS n FROM jobs GROUP BY 1, 2",
        )
        .bind(now)
        .fetch_all(self.bounded())
        .await?;
        rows.iter()
            .map(|row| {
                Ok(JobCount {
                    kind: row.try_get("kind")?,
                    status: row.try_get("status")?,
                    count: row.try_get("n")?,
                })
            })
            .collect()
    }

    /// Deletes a finished job outside of an engine step.
    pub async fn delete_job(&self, id: &str) -> Result<()> {
        let _writer = self.writer().await;
        sqlx::query("DELETE FROM jobs WHERE id = $1")
            .bind(id.to_owned())
            .execute(self.bounded())
            .await?;
        Ok(())
    }
}

/// A job as a claim returned it.
fn job_from_row(row: &AnyRow) -> Result<Job> {
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
        started_at: row.try_get("started_at")?,
    })
}
