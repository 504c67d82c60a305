//! Mapping records to rows and back, written once per table: the column list,
//! the cells of a record, and the record of a row.

use bora_core::records::{
    ActionExecution, ActionResult, TaskExecution, TaskKind, WorkflowExecution,
};
use bora_core::state::State;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::{Arguments, Row};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock, Mutex, PoisonError};

use crate::{Result, StoreError};

/// One value to bind. Every column type Bora uses is one of these.
#[derive(Debug, Clone)]
pub(crate) enum Cell {
    Text(Option<String>),
    Int(Option<i64>),
    /// Stored as 0/1: the Any driver cannot read SQLite's BOOLEAN type.
    Bool(bool),
}

impl Cell {
    /// Binds the cell; text is lent, not copied (the statement reads it
    /// from the cell, which outlives it).
    pub(crate) fn add_to<'q>(&'q self, args: &mut AnyArguments<'q>) -> Result<()> {
        let added = match self {
            Cell::Text(Some(text)) if text.contains('\0') => args.add(without_nul(text)),
            Cell::Text(value) => args.add(value.as_deref()),
            Cell::Int(value) => args.add(*value),
            Cell::Bool(value) => args.add(i64::from(*value)),
        };
        added.map_err(|err| StoreError::Database(format!("cannot bind a value: {err}")))
    }
}

/// The arguments of a statement binding `cells` in order.
pub(crate) fn arguments<'q>(cells: impl IntoIterator<Item = &'q Cell>) -> Result<AnyArguments<'q>> {
    let mut args = AnyArguments::default();
    for cell in cells {
        cell.add_to(&mut args)?;
    }
    Ok(args)
}

/// PostgreSQL text cannot hold NUL, and one NUL in a message would make
/// every retry of a step fail. JSON columns are safe (JSON escapes it as
/// `\u0000`); in plain text (names, messages) NUL is stored as U+FFFD, on
/// both backends alike. The API refuses NUL in what clients send, so only
/// engine-made text (an action's error message, say) ever gets here.
fn without_nul(text: &str) -> String {
    text.replace('\0', "\u{FFFD}")
}

pub(crate) fn text(value: impl Into<String>) -> Cell {
    Cell::Text(Some(value.into()))
}

pub(crate) fn opt_text(value: Option<&str>) -> Cell {
    Cell::Text(value.map(str::to_owned))
}

pub(crate) fn json(value: &impl serde::Serialize) -> Cell {
    // Serialising plain JSON maps and vectors cannot fail.
    Cell::Text(Some(
        serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned()),
    ))
}

fn get<'r, T>(row: &'r AnyRow, column: &str) -> Result<T>
where
    T: sqlx::Decode<'r, sqlx::Any> + sqlx::Type<sqlx::Any>,
{
    row.try_get(column).map_err(|err| StoreError::Corrupt {
        what: "column",
        detail: format!("{column}: {err}"),
    })
}

fn get_json<T: DeserializeOwned>(row: &AnyRow, column: &str) -> Result<T> {
    let raw: String = get(row, column)?;
    serde_json::from_str(&raw).map_err(|err| StoreError::Corrupt {
        what: "JSON column",
        detail: format!("{column}: {err}"),
    })
}

fn get_state(row: &AnyRow) -> Result<State> {
    let raw: String = get(row, "state")?;
    raw.parse().map_err(|err| StoreError::Corrupt {
        what: "state",
        detail: format!("{err}"),
    })
}

fn get_bool(row: &AnyRow, column: &str) -> Result<bool> {
    Ok(get::<i64>(row, column)? != 0)
}

/// What follows the rows of a multi-row insert ([`Table::insert_many`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Ending {
    /// `ON CONFLICT (id) DO UPDATE SET <every other column>`: an upsert
    /// that SQLite and PostgreSQL both accept.
    Upsert,
    /// A fixed text (a conflict clause and what to return).
    Text(&'static str),
}

/// A table's name and columns, in binding order; `id` comes first. One
/// table per name (statements are kept by name).
pub(crate) struct Table {
    pub name: &'static str,
    pub columns: &'static [&'static str],
}

impl Table {
    pub(crate) fn select_list(&self) -> String {
        self.columns.join(", ")
    }

    /// `SELECT <columns> FROM <table>`, for a `WHERE`/`ORDER BY` to follow.
    pub(crate) fn select_sql(&self) -> String {
        format!("SELECT {} FROM {}", self.select_list(), self.name)
    }

    /// `INSERT INTO <table> (<columns>) VALUES ($1, ..., $N)`: one record.
    pub(crate) fn insert_sql(&self) -> Arc<str> {
        self.insert_many(1, true, Ending::Text(""))
    }

    /// `INSERT INTO <table> (<columns>) VALUES (...), (...) <ending>` for
    /// `rows` records, made once per shape and kept (up to 16 MiB of text):
    /// a commit's statements come in a few shapes, and writing their
    /// thousands of placeholders anew for every statement was a tenth of a
    /// commit's CPU time. With `numbered` the placeholders are `$N`
    /// (PostgreSQL); otherwise plain `?`: SQLite looks `$N` names up one by
    /// one, which is quadratic in the number of parameters of a big batch.
    pub(crate) fn insert_many(&self, rows: usize, numbered: bool, ending: Ending) -> Arc<str> {
        type Shape = (&'static str, usize, bool, Ending);
        #[derive(Default)]
        struct Kept {
            by_shape: HashMap<Shape, Arc<str>>,
            bytes: usize,
        }
        /// The most text kept: past it the cache starts again, so a burst
        /// of odd batch sizes cannot grow it without bound.
        const KEPT_BYTES: usize = 16 << 20;
        static KEPT: LazyLock<Mutex<Kept>> = LazyLock::new(Mutex::default);
        let shape = (self.name, rows, numbered, ending);
        // A poisoned lock only means a panic elsewhere: the map is still sound.
        let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(sql) = kept.by_shape.get(&shape) {
            return Arc::clone(sql);
        }
        let sql: Arc<str> = self.build_insert(rows, numbered, ending).into();
        if kept.bytes + sql.len() > KEPT_BYTES {
            *kept = Kept::default();
        }
        kept.bytes += sql.len();
        kept.by_shape.insert(shape, Arc::clone(&sql));
        sql
    }

    fn build_insert(&self, rows: usize, numbered: bool, ending: Ending) -> String {
        let width = self.columns.len();
        let mut sql = format!(
            "INSERT INTO {} ({}) VALUES ",
            self.name,
            self.columns.join(", ")
        );
        for row in 0..rows {
            if row > 0 {
                sql.push_str(", ");
            }
            sql.push('(');
            for col in 0..width {
                if col > 0 {
                    sql.push_str(", ");
                }
                if numbered {
                    // Writing to a String cannot fail.
                    let _ = write!(sql, "${}", row * width + col + 1);
                } else {
                    sql.push('?');
                }
            }
            sql.push(')');
        }
        match ending {
            Ending::Upsert => {
                sql.push_str(" ON CONFLICT (id) DO UPDATE SET ");
                for (n, col) in self.columns[1..].iter().enumerate() {
                    if n > 0 {
                        sql.push_str(", ");
                    }
                    let _ = write!(sql, "{col} = excluded.{col}");
                }
            }
            Ending::Text(text) => sql.push_str(text),
        }
        sql
    }

    /// How many records fit in one statement: SQLite allows 32766 bound
    /// values, PostgreSQL 65535.
    pub(crate) fn rows_per_statement(&self) -> usize {
        (30_000 / self.columns.len()).max(1)
    }
}

pub(crate) const EXECUTIONS: Table = Table {
    name: "workflow_executions",
    columns: &[
        "id",
        "workflow_id",
        "workflow_name",
        "workflow_namespace",
        "spec_hash",
        "description",
        "tags",
        "params",
        "input",
        "output",
        "context",
        "state",
        "state_info",
        "task_execution_id",
        "root_execution_id",
        "source_execution_id",
        "idx",
        "backlog",
        "version",
        "created_at",
        "updated_at",
        "owner",
        "depth",
        "project_id",
    ],
};

/// A workflow execution with the store-side fields the record does not carry.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredExecution {
    pub execution: WorkflowExecution,
    /// Hash of the parsed spec this execution runs (see the `specs` table).
    pub spec_hash: String,
    /// Incremented by every engine step, so a node can tell whether its
    /// cached copy is current.
    pub version: i64,
    /// The engine node that stepped it last (its events go there while it
    /// lives); `None` for any node.
    pub owner: Option<String>,
}

pub(crate) fn execution_cells(stored: &StoredExecution) -> Vec<Cell> {
    let e = &stored.execution;
    vec![
        text(&e.id),
        text(&e.workflow_id),
        text(&e.workflow_name),
        text(&e.workflow_namespace),
        text(&stored.spec_hash),
        text(&e.description),
        json(&e.tags),
        json(&e.params),
        json(&e.input),
        json(&e.output),
        json(&e.context),
        text(e.state.as_str()),
        opt_text(e.state_info.as_deref()),
        opt_text(e.task_execution_id.as_deref()),
        opt_text(e.root_execution_id.as_deref()),
        opt_text(e.source_execution_id.as_deref()),
        Cell::Int(e.index.map(i64::from)),
        json(&e.backlog),
        Cell::Int(Some(stored.version)),
        Cell::Int(Some(e.created_at)),
        Cell::Int(e.updated_at),
        opt_text(stored.owner.as_deref()),
        Cell::Int(Some(i64::from(e.depth))),
        text(&e.project_id),
    ]
}

pub(crate) fn execution_from_row(row: &AnyRow) -> Result<StoredExecution> {
    let index: Option<i64> = get(row, "idx")?;
    Ok(StoredExecution {
        execution: WorkflowExecution {
            id: get(row, "id")?,
            workflow_id: get(row, "workflow_id")?,
            workflow_name: get(row, "workflow_name")?,
            workflow_namespace: get(row, "workflow_namespace")?,
            description: get(row, "description")?,
            tags: get_json(row, "tags")?,
            params: get_json(row, "params")?,
            input: get_json(row, "input")?,
            output: get_json(row, "output")?,
            context: get_json(row, "context")?,
            state: get_state(row)?,
            state_info: get(row, "state_info")?,
            task_execution_id: get(row, "task_execution_id")?,
            root_execution_id: get(row, "root_execution_id")?,
            source_execution_id: get(row, "source_execution_id")?,
            index: index.and_then(|i| u32::try_from(i).ok()),
            depth: u32::try_from(get::<i64>(row, "depth")?).unwrap_or(u32::MAX),
            project_id: get(row, "project_id")?,
            backlog: get_json(row, "backlog")?,
            created_at: get(row, "created_at")?,
            updated_at: get(row, "updated_at")?,
        },
        spec_hash: get(row, "spec_hash")?,
        version: get(row, "version")?,
        owner: get(row, "owner")?,
    })
}

pub(crate) const TASKS: Table = Table {
    name: "task_executions",
    columns: &[
        "id",
        "workflow_execution_id",
        "name",
        "kind",
        "state",
        "state_info",
        "seq",
        "triggered_by",
        "published",
        "published_global",
        "runtime_context",
        "next_tasks",
        "error_handled",
        "processed",
        "tags",
        "created_at",
        "updated_at",
        "started_at",
        "finished_at",
    ],
};

pub(crate) fn task_cells(t: &TaskExecution) -> Vec<Cell> {
    vec![
        text(&t.id),
        text(&t.workflow_execution_id),
        text(&t.name),
        text(t.kind.as_str()),
        text(t.state.as_str()),
        opt_text(t.state_info.as_deref()),
        Cell::Int(Some(i64::try_from(t.seq).unwrap_or(i64::MAX))),
        json(&t.triggered_by),
        json(&t.published),
        json(&t.published_global),
        json(&t.runtime_context),
        json(&t.next_tasks),
        Cell::Bool(t.error_handled),
        Cell::Bool(t.processed),
        json(&t.tags),
        Cell::Int(Some(t.created_at)),
        Cell::Int(t.updated_at),
        Cell::Int(t.started_at),
        Cell::Int(t.finished_at),
    ]
}

pub(crate) fn task_from_row(row: &AnyRow) -> Result<TaskExecution> {
    let kind: String = get(row, "kind")?;
    let seq: i64 = get(row, "seq")?;
    Ok(TaskExecution {
        id: get(row, "id")?,
        workflow_execution_id: get(row, "workflow_execution_id")?,
        name: get(row, "name")?,
        kind: match kind.as_str() {
            "WORKFLOW" => TaskKind::Workflow,
            _ => TaskKind::Action,
        },
        state: get_state(row)?,
        state_info: get(row, "state_info")?,
        seq: u64::try_from(seq).unwrap_or(0),
        triggered_by: get_json(row, "triggered_by")?,
        published: get_json(row, "published")?,
        published_global: get_json(row, "published_global")?,
        runtime_context: get_json(row, "runtime_context")?,
        next_tasks: get_json(row, "next_tasks")?,
        error_handled: get_bool(row, "error_handled")?,
        processed: get_bool(row, "processed")?,
        tags: get_json(row, "tags")?,
        created_at: get(row, "created_at")?,
        updated_at: get(row, "updated_at")?,
        started_at: get(row, "started_at")?,
        finished_at: get(row, "finished_at")?,
    })
}

pub(crate) const ACTIONS: Table = Table {
    name: "action_executions",
    columns: &[
        "id",
        "name",
        "task_execution_id",
        "workflow_execution_id",
        "workflow_name",
        "workflow_namespace",
        "state",
        "state_info",
        "input",
        "result",
        "accepted",
        "idx",
        "is_sync",
        "description",
        "params",
        "created_at",
        "updated_at",
        "task_name",
        "project_id",
    ],
};

pub(crate) fn action_cells(a: &ActionExecution) -> Vec<Cell> {
    vec![
        text(&a.id),
        text(&a.name),
        opt_text(a.task_execution_id.as_deref()),
        opt_text(a.workflow_execution_id.as_deref()),
        opt_text(a.workflow_name.as_deref()),
        text(&a.workflow_namespace),
        text(a.state.as_str()),
        opt_text(a.state_info.as_deref()),
        json(&a.input),
        match &a.result {
            Some(result) => json(result),
            None => Cell::Text(None),
        },
        Cell::Bool(a.accepted),
        Cell::Int(Some(i64::from(a.index))),
        Cell::Bool(a.is_sync),
        text(&a.description),
        json(&a.params),
        Cell::Int(Some(a.created_at)),
        Cell::Int(a.updated_at),
        opt_text(a.task_name.as_deref()),
        // A record of no known project (made before records carried it) is
        // the default project's, as the column's default says.
        text(if a.project_id.is_empty() {
            crate::DEFAULT_PROJECT
        } else {
            &a.project_id
        }),
    ]
}

pub(crate) fn action_from_row(row: &AnyRow) -> Result<ActionExecution> {
    let result: Option<String> = get(row, "result")?;
    let result: Option<ActionResult> = match result {
        Some(raw) => Some(
            serde_json::from_str(&raw).map_err(|err| StoreError::Corrupt {
                what: "action result",
                detail: err.to_string(),
            })?,
        ),
        None => None,
    };
    let index: i64 = get(row, "idx")?;
    Ok(ActionExecution {
        id: get(row, "id")?,
        name: get(row, "name")?,
        task_execution_id: get(row, "task_execution_id")?,
        task_name: get(row, "task_name")?,
        workflow_execution_id: get(row, "workflow_execution_id")?,
        workflow_name: get(row, "workflow_name")?,
        workflow_namespace: get(row, "workflow_namespace")?,
        project_id: get(row, "project_id")?,
        state: get_state(row)?,
        state_info: get(row, "state_info")?,
        input: get_json::<Map<String, Value>>(row, "input")?,
        result,
        accepted: get_bool(row, "accepted")?,
        index: u32::try_from(index).unwrap_or(0),
        is_sync: get_bool(row, "is_sync")?,
        description: get(row, "description")?,
        params: get_json(row, "params")?,
        created_at: get(row, "created_at")?,
        updated_at: get(row, "updated_at")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upsert_sql_numbers_placeholders_in_order() {
        let table = Table {
            name: "t",
            columns: &["id", "a"],
        };
        assert_eq!(
            &*table.insert_many(2, true, Ending::Upsert),
            "INSERT INTO t (id, a) VALUES ($1, $2), ($3, $4) ON CONFLICT (id) DO UPDATE SET a = excluded.a"
        );
        assert_eq!(
            &*table.insert_sql(),
            "INSERT INTO t (id, a) VALUES ($1, $2)"
        );
    }

    #[test]
    fn a_multi_row_insert_is_written_once_per_shape() {
        let table = Table {
            name: "t_kept",
            columns: &["id", "a"],
        };
        let ending = Ending::Text(" RETURNING id");
        let first = table.insert_many(2, false, ending);
        assert_eq!(
            &*first,
            "INSERT INTO t_kept (id, a) VALUES (?, ?), (?, ?) RETURNING id"
        );
        assert!(Arc::ptr_eq(&first, &table.insert_many(2, false, ending)));
        let other = table.insert_many(1, false, ending);
        assert_eq!(
            &*other,
            "INSERT INTO t_kept (id, a) VALUES (?, ?) RETURNING id"
        );
        assert_eq!(
            &*table.insert_many(1, true, ending),
            "INSERT INTO t_kept (id, a) VALUES ($1, $2) RETURNING id"
        );
    }
}
