//! The write transaction of one engine step.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, LazyLock};
use std::time::Instant;

use bora_core::records::{ActionExecution, TaskExecution};
use bora_core::state::State;
use sqlx::any::AnyArguments;
use sqlx::pool::PoolConnection;
use sqlx::{Any, Transaction};
use tokio::sync::OwnedMutexGuard;

use crate::db::{Backend, Store};
use crate::jobs::{JOBS, JobKind, NewJob, job_cells};
use crate::projects::ProjectScope;
use crate::readers::READ_BOUND;
use crate::rows::{
    ACTIONS, Cell, EXECUTIONS, Ending, StoredExecution, TASKS, Table, action_cells,
    action_from_row, execution_cells, execution_from_row, task_cells, task_from_row,
};
use crate::{Result, StoreError};

/// How the insert that claims new executions ends: a taken id is skipped,
/// and the definitions' generation comes back with the ids inserted.
static CLAIM: LazyLock<String> = LazyLock::new(|| {
    format!(
        " ON CONFLICT (id) DO NOTHING RETURNING id, ({}) AS generation",
        crate::definitions::GENERATION_SQL
    )
});

/// Everything the engine core needs to take a step on one execution.
#[derive(Debug, Clone, PartialEq)]
pub struct ExecutionSnapshot {
    pub execution: StoredExecution,
    /// Task executions in creation order.
    pub tasks: Vec<TaskExecution>,
    /// Action executions of those tasks, by task then index.
    pub actions: Vec<ActionExecution>,
    /// Sub-workflow executions started by those tasks.
    pub children: Vec<StoredExecution>,
}

/// What [`StoreTx::claim_executions`] inserted.
#[derive(Debug, Default)]
pub struct Claimed {
    /// The ids inserted (those not taken already).
    pub ids: HashSet<String>,
    /// The definitions' generation the insert saw; `None` when nothing
    /// was inserted.
    pub definitions: Option<i64>,
}

/// A write transaction. Dropping it without [`StoreTx::commit`] rolls back.
/// It borrows its connection for `'c` when the connection is kept by its
/// caller between transactions ([`Store::begin_held`]); one from the pool
/// ([`Store::begin`]) is `'static`.
pub struct StoreTx<'c> {
    tx: Transaction<'c, Any>,
    backend: Backend,
    /// Held for the whole transaction on SQLite (one writer at a time).
    _writer: Option<OwnedMutexGuard<()>>,
    /// Kinds of free jobs this transaction queued, announced at commit.
    announced: Vec<JobKind>,
    /// The claim of the jobs it inserts held by a node, from the first.
    held: Option<HeldJobs>,
    store: Store,
}

/// The jobs a transaction inserts held by a node (which delivers them
/// itself once the commit is known) carry a claim id of the transaction's,
/// as if that node had claimed them. When the commit is not known to have
/// succeeded (it failed, or the transaction was dropped: its answer may
/// have been lost after the database committed), the claim is noted as
/// unanswered (see [`Store::answer_lost`]): the node never delivers those
/// jobs, and its next claim frees them for whoever claims them.
struct HeldJobs {
    node: String,
    claim_id: String,
    unanswered: Arc<crate::jobs::UnansweredClaims>,
    committed: bool,
}

impl Drop for HeldJobs {
    fn drop(&mut self) {
        if !self.committed {
            self.unanswered
                .note(&self.node, std::mem::take(&mut self.claim_id));
        }
    }
}

/// A pooled connection that one long-lived writer (a committer) keeps
/// between its transactions: no pool hand-over (and its check) per
/// transaction, and the statements it prepared stay prepared, where a
/// connection from the pool is whichever was idle longest. Given back to
/// the pool by [`HeldConnection::release`] or when dropped.
pub struct HeldConnection {
    conn: Option<PoolConnection<Any>>,
    /// When the connection was last handed to a transaction.
    used: Instant,
}

impl HeldConnection {
    /// Gives the connection back to the pool (after a failed transaction:
    /// the pool checks it and replaces it if it is broken); the next
    /// transaction takes a new one.
    pub fn release(&mut self) {
        self.conn = None;
    }

    /// Closes the connection rather than giving it back: a statement on it
    /// got no answer (see [`crate::outage::no_answer`]).
    pub fn abandon(&mut self) {
        if let Some(mut conn) = self.conn.take() {
            conn.close_on_drop();
        }
    }
}

impl Store {
    /// Starts a write transaction.
    ///
    /// # Errors
    /// [`StoreError::Database`] when no connection can be had.
    pub async fn begin(&self) -> Result<StoreTx<'static>> {
        let writer = self.writer_turn().await;
        let tx = self.begin_write().await?;
        Ok(self.write_tx(tx, writer))
    }

    /// A connection slot for [`Store::begin_held`], empty until first used.
    pub fn held_connection(&self) -> HeldConnection {
        HeldConnection {
            conn: None,
            used: Instant::now(),
        }
    }

    /// Starts a write transaction on `held`'s connection, taking one from
    /// the pool first if it has none. A connection idle for a while, or
    /// since the database was seen dropping connections, is checked first
    /// (as the pool does, see [`crate::liveness`]).
    ///
    /// # Errors
    /// As [`Store::begin`].
    pub async fn begin_held<'c>(&self, held: &'c mut HeldConnection) -> Result<StoreTx<'c>> {
        let writer = self.writer_turn().await;
        let idle = held.used.elapsed();
        held.used = Instant::now();
        if let Some(conn) = held.conn.as_mut()
            && !crate::liveness::usable(conn, idle).await
        {
            held.abandon();
        }
        let conn = match &mut held.conn {
            Some(conn) => conn,
            empty => empty.insert(self.pool.acquire().await?),
        };
        let tx = crate::db::begin_on(conn, self.backend).await?;
        Ok(self.write_tx(tx, writer))
    }

    async fn writer_turn(&self) -> Option<OwnedMutexGuard<()>> {
        match &self.write_lock {
            Some(lock) => Some(lock.clone().lock_owned().await),
            None => None,
        }
    }

    fn write_tx<'c>(
        &self,
        tx: Transaction<'c, Any>,
        writer: Option<OwnedMutexGuard<()>>,
    ) -> StoreTx<'c> {
        StoreTx {
            tx,
            backend: self.backend,
            _writer: writer,
            announced: Vec::new(),
            held: None,
            store: self.clone(),
        }
    }
}

impl Store {
    /// Reads an execution for a step outside of any write transaction (on
    /// SQLite without taking the writer's turn), so a long step holds no lock.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when the execution does not exist.
    pub async fn read_snapshot(&self, id: &str) -> Result<ExecutionSnapshot> {
        let mut reader = self.reader().await?;
        let read = tokio::time::timeout(READ_BOUND, async {
            let mut tx = sqlx::Connection::begin(&mut *reader).await?;
            let snapshot = read_snapshot(&mut tx, id).await?;
            tx.commit().await?;
            Ok(snapshot)
        })
        .await;
        reader.finish(read, "reading an execution")
    }
}

/// Reads an execution with its tasks, their actions and sub-workflows on
/// `conn`. The execution row is read first: a writer that commits between
/// the reads bumps its version, which the step's commit checks.
async fn read_snapshot(conn: &mut sqlx::AnyConnection, id: &str) -> Result<ExecutionSnapshot> {
    let row = sqlx::query(&format!(
        "SELECT {} FROM workflow_executions WHERE id = $1",
        EXECUTIONS.select_list()
    ))
    .bind(id.to_owned())
    .fetch_optional(crate::bounded::on(&mut *conn))
    .await?
    .ok_or_else(|| StoreError::NotFound {
        kind: "WorkflowExecution",
        key: format!("id={id}"),
    })?;
    let execution = execution_from_row(&row)?;
    let tasks = sqlx::query(&format!(
        "SELECT {} FROM task_executions WHERE workflow_execution_id = $1 ORDER BY seq",
        TASKS.select_list()
    ))
    .bind(id.to_owned())
    .fetch_all(crate::bounded::on(&mut *conn))
    .await?
    .iter()
    .map(task_from_row)
    .collect::<Result<Vec<_>>>()?;
    let actions = sqlx::query(&format!(
        "SELECT {} FROM action_executions WHERE workflow_execution_id = $1 \
         ORDER BY task_execution_id, idx, created_at",
        ACTIONS.select_list()
    ))
    .bind(id.to_owned())
    .fetch_all(crate::bounded::on(&mut *conn))
    .await?
    .iter()
    .map(action_from_row)
    .collect::<Result<Vec<_>>>()?;
    let children = sqlx::query(&format!(
        "SELECT {} FROM workflow_executions WHERE task_execution_id IN \
         (SELECT id FROM task_executions WHERE workflow_execution_id = $1) \
         ORDER BY created_at, idx",
        EXECUTIONS.select_list()
    ))
    .bind(id.to_owned())
    .fetch_all(crate::bounded::on(&mut *conn))
    .await?
    .iter()
    .map(execution_from_row)
    .collect::<Result<Vec<_>>>()?;
    Ok(ExecutionSnapshot {
        execution,
        tasks,
        actions,
        children,
    })
}

impl StoreTx<'_> {
    /// Locks a workflow execution for the rest of the transaction and returns
    /// its version, or `None` if it does not exist. Steps of one execution are
    /// thereby serialised across processes (PostgreSQL `FOR UPDATE`; SQLite
    /// has a single writer anyway).
    pub async fn lock_execution(&mut self, id: &str) -> Result<Option<i64>> {
        let sql = match self.backend {
            Backend::Postgres => "SELECT version FROM workflow_executions WHERE id = $1 FOR UPDATE",
            Backend::Sqlite => "SELECT version FROM workflow_executions WHERE id = $1",
        };
        let version: Option<i64> = sqlx::query_scalar(sql)
            .bind(id.to_owned())
            .fetch_optional(crate::bounded::on(&mut self.tx))
            .await?;
        Ok(version)
    }

    /// Reads an execution with its tasks, their actions and sub-workflows.
    pub async fn load_snapshot(&mut self, id: &str) -> Result<ExecutionSnapshot> {
        read_snapshot(&mut self.tx, id).await
    }

    /// The state of an execution (`None` when it does not exist), e.g. the
    /// root of a tree of sub-workflows when starting one more.
    pub async fn execution_state(&mut self, id: &str) -> Result<Option<State>> {
        execution_state(&mut self.tx, id).await
    }

    /// Stores a parsed workflow spec under its content hash (kept if present).
    pub async fn put_spec(&mut self, hash: &str, spec: &str) -> Result<()> {
        sqlx::query("INSERT INTO specs (hash, spec) VALUES ($1, $2) ON CONFLICT (hash) DO NOTHING")
            .bind(hash.to_owned())
            .bind(spec.to_owned())
            .execute(crate::bounded::on(&mut self.tx))
            .await?;
        Ok(())
    }

    /// Reads a parsed workflow spec by its hash.
    pub async fn get_spec(&mut self, hash: &str) -> Result<String> {
        sqlx::query_scalar("SELECT spec FROM specs WHERE hash = $1")
            .bind(hash.to_owned())
            .fetch_optional(crate::bounded::on(&mut self.tx))
            .await?
            .ok_or_else(|| StoreError::NotFound {
                kind: "WorkflowSpec",
                key: format!("hash={hash}"),
            })
    }

    /// Inserts a new workflow execution; returns the definitions'
    /// generation the insert saw (see [`StoreTx::claim_executions`]).
    ///
    /// # Errors
    /// [`StoreError::Duplicate`] when its id is taken.
    pub async fn insert_execution(&mut self, row: &StoredExecution) -> Result<i64> {
        let claimed = self.claim_executions(std::slice::from_ref(row)).await?;
        match claimed.definitions {
            Some(generation) if !claimed.ids.is_empty() => Ok(generation),
            _ => Err(StoreError::Duplicate {
                kind: "WorkflowExecution",
                key: format!("id={}", row.execution.id),
            }),
        }
    }

    /// Inserts new workflow executions, each unless its id is taken, in one
    /// statement; returns the ids inserted (a taken id is a start retried
    /// with the same client id, or a concurrent one: the caller answers it)
    /// and the definitions' generation the insert saw (see
    /// [`StoreTx::definitions_generation`]; in the same statement, so a
    /// group of starts made from definitions kept in memory is checked
    /// without a round trip of its own).
    pub async fn claim_executions(&mut self, rows: &[StoredExecution]) -> Result<Claimed> {
        let mut claimed = Claimed {
            ids: HashSet::with_capacity(rows.len()),
            definitions: None,
        };
        let numbered = self.backend == Backend::Postgres;
        let cells = rows.iter().map(execution_cells);
        for chunk in statements(cells, EXECUTIONS.rows_per_statement()) {
            let sql = EXECUTIONS.insert_many(chunk.len(), numbered, Ending::Text(&CLAIM));
            let inserted: Vec<(String, i64)> = sqlx::query_as_with(&sql, arguments(&chunk)?)
                .fetch_all(crate::bounded::on(&mut self.tx))
                .await?;
            for (id, generation) in inserted {
                claimed.ids.insert(id);
                // Statements of one transaction may see a later generation
                // (read committed): the latest is the one to check against.
                claimed.definitions = claimed.definitions.max(Some(generation));
            }
        }
        Ok(claimed)
    }

    /// Removes executions [`StoreTx::claim_executions`] inserted in this
    /// transaction that are not to be stored after all (their definition
    /// changed since it was read).
    pub async fn unclaim_executions(&mut self, ids: &[String]) -> Result<()> {
        self.delete_by_id("workflow_executions", ids).await
    }

    /// The definitions' generation now: a counter every change to a
    /// workflow definition moves (by any writer, on any node). A start
    /// prepared from a definition read at generation `g` is still right
    /// when this is `g`.
    pub async fn definitions_generation(&mut self) -> Result<i64> {
        Ok(sqlx::query_scalar(crate::definitions::GENERATION_SQL)
            .fetch_one(crate::bounded::on(&mut self.tx))
            .await?)
    }

    /// Inserts or replaces workflow executions.
    pub async fn put_executions(&mut self, rows: &[StoredExecution]) -> Result<()> {
        self.upsert(&EXECUTIONS, rows.iter().map(execution_cells))
            .await
    }

    /// Inserts or replaces task executions.
    pub async fn put_tasks(&mut self, rows: &[TaskExecution]) -> Result<()> {
        self.upsert(&TASKS, rows.iter().map(task_cells)).await
    }

    /// Inserts or replaces action executions (in batches: a with-items task
    /// may create thousands at once).
    pub async fn put_actions(&mut self, rows: &[ActionExecution]) -> Result<()> {
        self.upsert(&ACTIONS, rows.iter().map(action_cells)).await
    }

    /// Queues jobs (those held by a node under this transaction's claim,
    /// see [`HeldJobs`]).
    pub async fn insert_jobs(&mut self, jobs: &[NewJob]) -> Result<()> {
        if self.held.is_none()
            && let Some(node) = jobs.iter().find_map(|job| job.locked_by.as_deref())
        {
            self.held = Some(HeldJobs {
                node: node.to_owned(),
                claim_id: crate::jobs::new_claim_id(),
                unanswered: Arc::clone(&self.store.unanswered_claims),
                committed: false,
            });
        }
        let claim = self.held.as_ref().map(|held| held.claim_id.as_str());
        // Collected first: a closure over `claim` held across the await
        // would make the caller's future fail the compiler's `Send` check.
        let rows: Vec<Vec<Cell>> = jobs.iter().map(|job| job_cells(job, claim)).collect();
        self.upsert(&JOBS, rows.into_iter()).await
    }

    /// Removes finished jobs.
    pub async fn delete_jobs(&mut self, ids: &[String]) -> Result<()> {
        self.delete_by_id("jobs", ids).await
    }

    /// Deletes the rows of `table` with these ids (a statement per 1,000).
    async fn delete_by_id(&mut self, table: &str, ids: &[String]) -> Result<()> {
        for chunk in ids.chunks(1000) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let sql = format!(
                "DELETE FROM {table} WHERE id IN ({})",
                placeholders.join(", ")
            );
            let mut query = sqlx::query(&sql);
            for id in chunk {
                query = query.bind(id.clone());
            }
            query.execute(crate::bounded::on(&mut self.tx)).await?;
        }
        Ok(())
    }

    /// Locks the given workflow executions for the rest of the transaction
    /// and returns the versions of those that exist. Rows are locked in id
    /// order, so two nodes locking overlapping sets cannot deadlock.
    pub async fn lock_executions(&mut self, ids: &[String]) -> Result<HashMap<String, i64>> {
        let mut versions = HashMap::with_capacity(ids.len());
        let mut sorted: Vec<&String> = ids.iter().collect();
        sorted.sort();
        for chunk in sorted.chunks(1000) {
            let placeholders: Vec<String> = (1..=chunk.len()).map(|i| format!("${i}")).collect();
            let lock = match self.backend {
                Backend::Postgres => " FOR UPDATE",
                Backend::Sqlite => "",
            };
            let sql = format!(
                "SELECT id, version FROM workflow_executions WHERE id IN ({}) ORDER BY id{lock}",
                placeholders.join(", ")
            );
            let mut query = sqlx::query_as::<_, (String, i64)>(&sql);
            for id in chunk {
                query = query.bind((*id).clone());
            }
            versions.extend(query.fetch_all(crate::bounded::on(&mut self.tx)).await?);
        }
        Ok(versions)
    }

    /// The jobs among `ids` that `owner` holds, locked for the rest of the
    /// transaction.
    pub async fn held_jobs(&mut self, ids: &[String], owner: &str) -> Result<HashSet<String>> {
        let mut held = HashSet::with_capacity(ids.len());
        let mut sorted: Vec<&String> = ids.iter().collect();
        sorted.sort();
        for chunk in sorted.chunks(1000) {
            let placeholders: Vec<String> =
                (2..=chunk.len() + 1).map(|i| format!("${i}")).collect();
            let lock = match self.backend {
                Backend::Postgres => " FOR UPDATE",
                Backend::Sqlite => "",
            };
            let sql = format!(
                "SELECT id FROM jobs WHERE locked_by = $1 AND id IN ({}) ORDER BY id{lock}",
                placeholders.join(", ")
            );
            let mut query = sqlx::query_scalar::<_, String>(&sql).bind(owner.to_owned());
            for id in chunk {
                query = query.bind((*id).clone());
            }
            held.extend(query.fetch_all(crate::bounded::on(&mut self.tx)).await?);
        }
        Ok(held)
    }

    /// Ends an execution's unfinished work in ERROR with `message` without
    /// the engine core (used when stepping the execution itself fails):
    /// the execution, its unfinished tasks and running actions go to ERROR,
    /// and its queued jobs are dropped. Returns the execution as stored
    /// now, or `None` when it does not exist or had already finished (its
    /// queued jobs are dropped all the same: they are what failed).
    pub async fn fail_execution(
        &mut self,
        id: &str,
        message: &str,
        now: i64,
    ) -> Result<Option<StoredExecution>> {
        let exists = self.lock_execution(id).await?.is_some();
        sqlx::query("DELETE FROM jobs WHERE execution_id = $1")
            .bind(id.to_owned())
            .execute(crate::bounded::on(&mut self.tx))
            .await?;
        if !exists {
            return Ok(None);
        }
        let mut stored = read_snapshot(&mut self.tx, id).await?.execution;
        let record = &mut stored.execution;
        if record.state.is_completed() {
            return Ok(None);
        }
        record.state = bora_core::state::State::Error;
        record.state_info = Some(message.to_owned());
        record.updated_at = Some(now);
        stored.version += 1;
        self.put_executions(std::slice::from_ref(&stored)).await?;
        let open = "('IDLE', 'WAITING', 'RUNNING', 'RUNNING_DELAYED', 'DELAYED', 'PAUSED')";
        sqlx::query(&format!(
            "UPDATE task_executions SET state = 'ERROR', state_info = $2, updated_at = $3, \
             finished_at = $3 WHERE workflow_execution_id = $1 AND state IN {open}"
        ))
        .bind(id.to_owned())
        .bind(message.to_owned())
        .bind(now)
        .execute(crate::bounded::on(&mut self.tx))
        .await?;
        sqlx::query(&format!(
            "UPDATE action_executions SET state = 'ERROR', state_info = $2, updated_at = $3 \
             WHERE workflow_execution_id = $1 AND state IN {open}"
        ))
        .bind(id.to_owned())
        .bind(message.to_owned())
        .bind(now)
        .execute(crate::bounded::on(&mut self.tx))
        .await?;
        Ok(Some(stored))
    }

    /// Removes every job of an execution of the given kind (e.g. pending
    /// timers when the execution completes).
    pub async fn delete_execution_jobs(&mut self, execution_id: &str, kind: &str) -> Result<()> {
        sqlx::query("DELETE FROM jobs WHERE execution_id = $1 AND kind = $2")
            .bind(execution_id.to_owned())
            .bind(kind.to_owned())
            .execute(crate::bounded::on(&mut self.tx))
            .await?;
        Ok(())
    }

    /// The transaction's connection, for queries of other modules.
    pub(crate) fn conn(&mut self) -> &mut sqlx::AnyConnection {
        &mut self.tx
    }

    /// The definition (id, spec hash) a workflow of definition `caller`
    /// means by the sub-workflow `name` in `namespace` (inside a workbook,
    /// `<wb>.<name>` first), inside the step.
    pub async fn resolve_subworkflow(
        &mut self,
        caller: &str,
        name: &str,
        namespace: &str,
        project: &str,
    ) -> Result<Option<(String, String)>> {
        resolve_subworkflow(&mut self.tx, caller, name, namespace, project).await
    }

    /// The workbook a workflow definition came from, if any.
    pub async fn workbook_of(&mut self, definition_id: &str) -> Result<Option<String>> {
        workbook_of(&mut self.tx, definition_id).await
    }

    /// The workflow execution a task execution belongs to.
    pub async fn task_owner(&mut self, task_id: &str) -> Result<Option<String>> {
        let owner: Option<String> =
            sqlx::query_scalar("SELECT workflow_execution_id FROM task_executions WHERE id = $1")
                .bind(task_id.to_owned())
                .fetch_optional(crate::bounded::on(&mut self.tx))
                .await?;
        Ok(owner)
    }

    /// Announces that this transaction queued free jobs of `kind`, so that
    /// idle nodes claim them at once (see [`crate::notify`]).
    pub async fn announce(&mut self, kind: JobKind) -> Result<()> {
        if self.announced.contains(&kind) {
            return Ok(());
        }
        crate::notify::announce(&mut self.tx, self.backend, kind).await?;
        self.announced.push(kind);
        Ok(())
    }

    /// Whether a live node runs an executor named `name` (a task's
    /// `target`).
    pub async fn executor_alive(&mut self, name: &str) -> Result<bool> {
        let found: Option<i64> = sqlx::query_scalar(
            "SELECT 1 FROM nodes WHERE executor_name = $1 AND roles LIKE '%executor%' LIMIT 1",
        )
        .bind(name.to_owned())
        .fetch_optional(crate::bounded::on(&mut self.tx))
        .await?;
        Ok(found.is_some())
    }

    /// Sets a task's `state_info` (a note from the shell, such as an action
    /// waiting for an executor; the next step of the task replaces it).
    pub async fn note_task(&mut self, task_id: &str, note: &str) -> Result<()> {
        sqlx::query("UPDATE task_executions SET state_info = $2 WHERE id = $1")
            .bind(task_id.to_owned())
            .bind(note.to_owned())
            .execute(crate::bounded::on(&mut self.tx))
            .await?;
        Ok(())
    }

    /// For tests: a commit whose answer is lost after the database
    /// committed, as when the connection breaks at that moment.
    #[doc(hidden)]
    pub async fn commit_losing_the_answer(self) -> Result<()> {
        self.tx.commit().await?;
        Ok(())
    }

    /// Commits the transaction.
    pub async fn commit(self) -> Result<()> {
        let StoreTx {
            tx,
            announced,
            mut held,
            store,
            backend,
            ..
        } = self;
        // Bounded as its statements were (see `crate::bounded`): no answer
        // means the database is unavailable, whether or not it committed.
        let bound = (backend == Backend::Postgres).then_some(crate::outage::ANSWER_BOUND);
        crate::bounded::answer(Box::pin(tx.commit()), bound).await?;
        if let Some(held) = held.as_mut() {
            held.committed = true;
        }
        for kind in announced {
            store.announced(kind);
        }
        Ok(())
    }

    async fn upsert(&mut self, table: &Table, rows: impl Iterator<Item = Vec<Cell>>) -> Result<()> {
        for chunk in statements(rows, table.rows_per_statement()) {
            let numbered = self.backend == Backend::Postgres;
            let sql = table.insert_many(chunk.len(), numbered, Ending::Upsert);
            sqlx::query_with(&sql, arguments(&chunk)?)
                .execute(crate::bounded::on(&mut self.tx))
                .await?;
        }
        Ok(())
    }
}

/// `rows` cut into groups of at most `size`, one statement's rows each.
fn statements(
    rows: impl Iterator<Item = Vec<Cell>>,
    size: usize,
) -> impl Iterator<Item = Vec<Vec<Cell>>> {
    let mut rows = rows.peekable();
    std::iter::from_fn(move || {
        rows.peek()?;
        Some(rows.by_ref().take(size.max(1)).collect())
    })
}

/// The cells of `rows`, row after row, as one statement's arguments (lent:
/// a commit's text is not copied once more before the driver encodes it).
fn arguments(rows: &[Vec<Cell>]) -> Result<AnyArguments<'_>> {
    crate::rows::arguments(rows.iter().flatten())
}

impl Store {
    /// The definition (id, spec hash) a workflow of definition `caller`
    /// means by the sub-workflow `name` in `namespace` (inside a workbook,
    /// `<wb>.<name>` first), read outside of any write transaction.
    pub async fn resolve_subworkflow(
        &self,
        caller: &str,
        name: &str,
        namespace: &str,
        project: &str,
    ) -> Result<Option<(String, String)>> {
        let mut reader = self.reader().await?;
        let found = tokio::time::timeout(
            READ_BOUND,
            resolve_subworkflow(&mut reader, caller, name, namespace, project),
        )
        .await;
        reader.finish(found, "resolving a sub-workflow")
    }

    /// The state of an execution (`None` when it does not exist), read
    /// outside of any write transaction.
    pub async fn execution_state(&self, id: &str) -> Result<Option<State>> {
        let mut reader = self.reader().await?;
        let state = tokio::time::timeout(READ_BOUND, execution_state(&mut reader, id)).await;
        reader.finish(state, "reading an execution's state")
    }
}

async fn execution_state(conn: &mut sqlx::AnyConnection, id: &str) -> Result<Option<State>> {
    let state: Option<String> =
        sqlx::query_scalar("SELECT state FROM workflow_executions WHERE id = $1")
            .bind(id.to_owned())
            .fetch_optional(crate::bounded::on(&mut *conn))
            .await?;
    state
        .map(|s| {
            s.parse().map_err(|err| StoreError::Corrupt {
                what: "state",
                detail: format!("{err}"),
            })
        })
        .transpose()
}

/// One query: inside a workbook `<wb>.<name>` comes before `name`; then
/// `namespace` before the default one; then the project's own before a
/// public definition (another project's private one is not there for it).
async fn resolve_subworkflow(
    conn: &mut sqlx::AnyConnection,
    caller: &str,
    name: &str,
    namespace: &str,
    project: &str,
) -> Result<Option<(String, String)>> {
    let scope = ProjectScope::only(project);
    let lookup = scope.read();
    let row: Option<(String, String)> = sqlx::query_as(&format!(
        "SELECT id, spec_hash FROM workflow_definitions WHERE (name = $1 OR name = \
         (SELECT workbook_name || '.' || $1 FROM workflow_definitions WHERE id = $4)) \
         AND (namespace = $2 OR namespace = '') AND {} \
         ORDER BY CASE WHEN name = $1 THEN 1 ELSE 0 END, namespace DESC, {} LIMIT 1",
        lookup.condition(3),
        lookup.preference(3)
    ))
    .bind(name.to_owned())
    .bind(namespace.to_owned())
    .bind(project.to_owned())
    .bind(caller.to_owned())
    .fetch_optional(crate::bounded::on(&mut *conn))
    .await?;
    Ok(row)
}

async fn workbook_of(
    conn: &mut sqlx::AnyConnection,
    definition_id: &str,
) -> Result<Option<String>> {
    let name: Option<Option<String>> =
        sqlx::query_scalar("SELECT workbook_name FROM workflow_definitions WHERE id = $1")
            .bind(definition_id.to_owned())
            .fetch_optional(crate::bounded::on(&mut *conn))
            .await?;
    Ok(name.flatten())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows(n: i64) -> impl Iterator<Item = Vec<Cell>> {
        (0..n).map(|i| vec![Cell::Int(Some(i))])
    }

    #[test]
    fn rows_are_cut_into_statements_of_at_most_the_size_given() {
        let sizes =
            |n, size| -> Vec<usize> { statements(rows(n), size).map(|c| c.len()).collect() };
        assert_eq!(sizes(5, 2), [2, 2, 1]);
        assert_eq!(sizes(4, 2), [2, 2]);
        assert_eq!(sizes(3, 10), [3]);
        assert!(sizes(0, 10).is_empty());
        // A size of 0 still makes progress, one row at a time.
        assert_eq!(sizes(2, 0), [1, 1]);
        // Rows keep their order.
        let firsts: Vec<bool> = statements(rows(3), 2)
            .flatten()
            .enumerate()
            .map(|(i, row)| matches!(row.as_slice(), [Cell::Int(Some(v))] if *v == i as i64))
            .collect();
        assert_eq!(firsts, [true, true, true]);
    }
}
