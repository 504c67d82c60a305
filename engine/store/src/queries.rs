//! Reads for the API: single records and lists with filters and paging.

use bora_core::records::{ActionExecution, TaskExecution};
use serde_json::{Map, Value};

use crate::crud::{fetch_all, fetch_optional};
use crate::db::Store;
use crate::readers::READ_BOUND;
use crate::rows::{
    ACTIONS, EXECUTIONS, StoredExecution, TASKS, action_from_row, execution_from_row, task_from_row,
};
use crate::{Result, StoreError};

impl Store {
    /// One workflow execution.
    pub async fn get_execution(&self, id: &str) -> Result<StoredExecution> {
        let mut reader = self.reader().await?;
        let sql = format!("{} WHERE id = $1", EXECUTIONS.select_sql());
        let found = tokio::time::timeout(
            READ_BOUND,
            fetch_optional(&mut *reader, &sql, &[id], execution_from_row),
        )
        .await;
        let found = reader.finish(found, "reading an execution")?;
        found.ok_or_else(|| StoreError::NotFound {
            kind: "WorkflowExecution",
            key: format!("id={id}"),
        })
    }

    /// The task executions of a workflow execution, in creation order.
    pub async fn list_tasks_of(&self, execution_id: &str) -> Result<Vec<TaskExecution>> {
        let sql = format!(
            "{} WHERE workflow_execution_id = $1 ORDER BY seq",
            TASKS.select_sql()
        );
        fetch_all(self.bounded(), &sql, &[execution_id], task_from_row).await
    }

    /// What the tasks of an execution published with `global`, in creation
    /// order (only the tasks that did: reading every task of a big
    /// execution for this made each `GET` of it slow).
    pub async fn published_globals(&self, execution_id: &str) -> Result<Vec<Map<String, Value>>> {
        let mut reader = self.reader().await?;
        let query = sqlx::query_scalar(
            "SELECT published_global FROM task_executions \
             WHERE workflow_execution_id = $1 AND published_global <> '{}' ORDER BY seq",
        )
        .bind(execution_id.to_owned());
        let rows = tokio::time::timeout(READ_BOUND, async {
            Ok(query.fetch_all(&mut *reader).await?)
        })
        .await;
        let rows: Vec<String> = reader.finish(rows, "reading published variables")?;
        rows.iter()
            .map(|raw| {
                serde_json::from_str(raw).map_err(|err| StoreError::Corrupt {
                    what: "JSON column",
                    detail: format!("published_global: {err}"),
                })
            })
            .collect()
    }

    /// One task execution.
    pub async fn get_task(&self, id: &str) -> Result<TaskExecution> {
        fetch_optional(
            self.bounded(),
            &format!("{} WHERE id = $1", TASKS.select_sql()),
            &[id],
            task_from_row,
        )
        .await?
        .ok_or_else(|| StoreError::NotFound {
            kind: "Task execution",
            key: format!("id={id}"),
        })
    }

    /// The action executions of a task, by with-items index.
    pub async fn list_actions_of(&self, task_id: &str) -> Result<Vec<ActionExecution>> {
        let sql = format!(
            "{} WHERE task_execution_id = $1 ORDER BY idx, created_at",
            ACTIONS.select_sql()
        );
        fetch_all(self.bounded(), &sql, &[task_id], action_from_row).await
    }

    /// One action execution.
    pub async fn get_action(&self, id: &str) -> Result<ActionExecution> {
        fetch_optional(
            self.bounded(),
            &format!("{} WHERE id = $1", ACTIONS.select_sql()),
            &[id],
            action_from_row,
        )
        .await?
        .ok_or_else(|| StoreError::NotFound {
            kind: "ActionExecution",
            key: format!("id={id}"),
        })
    }

    /// Sub-workflow executions started by a task.
    pub async fn list_children_of(&self, task_id: &str) -> Result<Vec<StoredExecution>> {
        let sql = format!(
            "{} WHERE task_execution_id = $1 ORDER BY idx, created_at",
            EXECUTIONS.select_sql()
        );
        fetch_all(self.bounded(), &sql, &[task_id], execution_from_row).await
    }
}

/// A comparison of a list filter (Mistral's `eq:`, `neq:`, `in:`, ... prefixes).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FilterOp {
    Eq,
    Neq,
    In,
    Nin,
    Gt,
    Gte,
    Lt,
    Lte,
}

/// One filter of a list query. `column` is one of the names the table's
/// `*_column` function returns, so it is never user text.
#[derive(Debug, Clone, PartialEq)]
pub struct Filter {
    pub column: &'static str,
    pub op: FilterOp,
    /// One value, or several for `In`/`Nin`.
    pub values: Vec<String>,
}

/// Filters, `IS NULL` columns, order and paging of a list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    pub filters: Vec<Filter>,
    /// Columns that must be NULL (Mistral's `nulls=`).
    pub nulls: Vec<&'static str>,
    /// Sort keys with `true` for descending; `id` is appended as tie-breaker.
    pub sort: Vec<(&'static str, bool)>,
    /// Rows after this id in the sort order (Mistral's marker paging).
    pub marker: Option<String>,
    pub limit: Option<u32>,
    /// Only this project's rows (`None`: every project's).
    pub project: Option<String>,
}

/// The sortable/filterable scalar columns of workflow executions.
pub fn execution_column(name: &str) -> Option<&'static str> {
    Some(match name {
        "id" => "e.id",
        "workflow_id" => "e.workflow_id",
        "workflow_name" => "e.workflow_name",
        "workflow_namespace" => "e.workflow_namespace",
        "description" => "e.description",
        "state" => "e.state",
        "state_info" => "e.state_info",
        "task_execution_id" => "e.task_execution_id",
        "root_execution_id" => "e.root_execution_id",
        "source_execution_id" => "e.source_execution_id",
        "created_at" => "e.created_at",
        "updated_at" => "e.updated_at",
        _ => return None,
    })
}

/// The sortable/filterable scalar columns of task executions (with their
/// workflow execution's names).
pub fn task_column(name: &str) -> Option<&'static str> {
    Some(match name {
        "id" => "t.id",
        "name" => "t.name",
        "workflow_execution_id" => "t.workflow_execution_id",
        "workflow_name" => "e.workflow_name",
        "workflow_id" => "e.workflow_id",
        "workflow_namespace" => "e.workflow_namespace",
        "state" => "t.state",
        "state_info" => "t.state_info",
        "type" => "t.kind",
        "created_at" => "t.created_at",
        "updated_at" => "t.updated_at",
        "started_at" => "t.started_at",
        "finished_at" => "t.finished_at",
        _ => return None,
    })
}

/// The sortable/filterable scalar columns of action executions.
pub fn action_column(name: &str) -> Option<&'static str> {
    Some(match name {
        "id" => "a.id",
        "name" => "a.name",
        "task_execution_id" => "a.task_execution_id",
        "task_name" => "a.task_name",
        "workflow_execution_id" => "a.workflow_execution_id",
        "workflow_name" => "a.workflow_name",
        "workflow_namespace" => "a.workflow_namespace",
        "state" => "a.state",
        "state_info" => "a.state_info",
        "description" => "a.description",
        "created_at" => "a.created_at",
        "updated_at" => "a.updated_at",
        _ => return None,
    })
}

/// The workflow execution a task belongs to, as task lists show it.
#[derive(Debug, Clone, PartialEq)]
pub struct TaskOwner {
    pub workflow_name: String,
    pub workflow_id: String,
    pub workflow_namespace: String,
    /// The execution's project (the task's).
    pub project_id: String,
}

/// Builds `WHERE ... ORDER BY ... LIMIT ...` for a list over `table AS alias`;
/// user values are always bound (returned in order), never spliced.
fn list_clauses(table: &str, alias: &str, q: &ListQuery) -> (String, Vec<String>) {
    let mut binds: Vec<String> = Vec::new();
    let mut conds: Vec<String> = Vec::new();
    let bind = |binds: &mut Vec<String>, value: &str| {
        binds.push(value.to_owned());
        format!("${}", binds.len())
    };
    for f in &q.filters {
        let col = f.column;
        let first = f.values.first().map(String::as_str).unwrap_or("");
        // Times are BIGINT microseconds; the API turns filter values into
        // microseconds, bound as text like every value, so cast them.
        let bind = |binds: &mut Vec<String>, value: &str| {
            let placeholder = bind(binds, value);
            if col.ends_with("_at") {
                format!("CAST({placeholder} AS BIGINT)")
            } else {
                placeholder
            }
        };
        let cond = match f.op {
            FilterOp::Eq => format!("{col} = {}", bind(&mut binds, first)),
            FilterOp::Neq => format!("({col} IS NULL OR {col} <> {})", bind(&mut binds, first)),
            FilterOp::Gt => format!("{col} > {}", bind(&mut binds, first)),
            FilterOp::Gte => format!("{col} >= {}", bind(&mut binds, first)),
            FilterOp::Lt => format!("{col} < {}", bind(&mut binds, first)),
            FilterOp::Lte => format!("{col} <= {}", bind(&mut binds, first)),
            FilterOp::In | FilterOp::Nin => {
                if f.values.is_empty() {
                    if f.op == FilterOp::In {
                        "1 = 0".to_owned()
                    } else {
                        "1 = 1".to_owned()
                    }
                } else {
                    let list: Vec<String> = f.values.iter().map(|v| bind(&mut binds, v)).collect();
                    let not = if f.op == FilterOp::Nin { "NOT " } else { "" };
                    format!("{col} {not}IN ({})", list.join(", "))
                }
            }
        };
        conds.push(cond);
    }
    for col in &q.nulls {
        conds.push(format!("{col} IS NULL"));
    }
    if let Some(project) = &q.project {
        let p = bind(&mut binds, project);
        conds.push(match alias {
            // Tasks are listed joined with their execution.
            "e" | "t" => format!("e.project_id = {p}"),
            _ => format!(
                "(a.project_id = {p} AND a.workflow_execution_id IS NULL \
                 OR a.workflow_execution_id IN \
                 (SELECT id FROM workflow_executions WHERE project_id = {p}))"
            ),
        });
    }
    let id_col: &'static str = match alias {
        "e" => "e.id",
        "t" => "t.id",
        _ => "a.id",
    };
    let mut sort = q.sort.clone();
    if !sort.iter().any(|(c, _)| *c == id_col) {
        let desc = sort.last().map(|(_, d)| *d).unwrap_or(false);
        sort.push((id_col, desc));
    }
    if let Some(marker) = &q.marker {
        // Rows strictly after the marker row in the sort order: the marker's
        // key values are read in SQL, so no type conversions are needed.
        let m = bind(&mut binds, marker);
        let mut ors = Vec::new();
        for i in 0..sort.len() {
            let mut ands = Vec::new();
            for (col, _) in &sort[..i] {
                ands.push(format!("{col} = {}", marker_value(table, alias, col, &m)));
            }
            let (col, desc) = sort[i];
            let cmp = if desc { "<" } else { ">" };
            ands.push(format!(
                "{col} {cmp} {}",
                marker_value(table, alias, col, &m)
            ));
            ors.push(format!("({})", ands.join(" AND ")));
        }
        conds.push(format!("({})", ors.join(" OR ")));
    }
    let mut sql = String::new();
    if !conds.is_empty() {
        sql.push_str(" WHERE ");
        sql.push_str(&conds.join(" AND "));
    }
    let order: Vec<String> = sort
        .iter()
        .map(|(c, d)| format!("{c} {}", if *d { "DESC" } else { "ASC" }))
        .collect();
    sql.push_str(" ORDER BY ");
    sql.push_str(&order.join(", "));
    if let Some(limit) = q.limit {
        sql.push_str(&format!(" LIMIT {limit}"));
    }
    (sql, binds)
}

/// The marker row's value of `col` (`alias.x` or a joined `e.x` of tasks).
fn marker_value(table: &str, alias: &str, col: &str, marker: &str) -> String {
    if alias == "t" && col.starts_with("e.") {
        format!(
            "(SELECT {col} FROM task_executions mt JOIN workflow_executions e \
             ON e.id = mt.workflow_execution_id WHERE mt.id = {marker})"
        )
    } else {
        let bare = col.split('.').nth(1).unwrap_or(col);
        format!("(SELECT m.{bare} FROM {table} m WHERE m.id = {marker})")
    }
}

impl Store {
    /// Workflow executions matching `q`.
    pub async fn list_executions(&self, q: &ListQuery) -> Result<Vec<StoredExecution>> {
        let (clauses, binds) = list_clauses("workflow_executions", "e", q);
        let cols: Vec<String> = EXECUTIONS
            .columns
            .iter()
            .map(|c| format!("e.{c}"))
            .collect();
        let sql = format!(
            "SELECT {} FROM workflow_executions e{clauses}",
            cols.join(", ")
        );
        let binds: Vec<&str> = binds.iter().map(String::as_str).collect();
        fetch_all(self.bounded(), &sql, &binds, execution_from_row).await
    }

    /// Task executions matching `q`, each with its workflow execution's names.
    pub async fn list_tasks(&self, q: &ListQuery) -> Result<Vec<(TaskExecution, TaskOwner)>> {
        let (clauses, binds) = list_clauses("task_executions", "t", q);
        let cols: Vec<String> = TASKS.columns.iter().map(|c| format!("t.{c}")).collect();
        let sql = format!(
            "SELECT {}, e.workflow_name AS owner_name, e.workflow_id AS owner_id, \
             e.workflow_namespace AS owner_namespace, e.project_id AS owner_project \
             FROM task_executions t \
             JOIN workflow_executions e ON e.id = t.workflow_execution_id{clauses}",
            cols.join(", ")
        );
        let mut query = sqlx::query(&sql);
        for b in binds {
            query = query.bind(b);
        }
        let rows = query.fetch_all(self.bounded()).await?;
        rows.iter()
            .map(|row| {
                let owner = TaskOwner {
                    workflow_name: owner_text(row, "owner_name")?,
                    workflow_id: owner_text(row, "owner_id")?,
                    workflow_namespace: owner_text(row, "owner_namespace")?,
                    project_id: owner_text(row, "owner_project")?,
                };
                Ok((task_from_row(row)?, owner))
            })
            .collect()
    }

    /// Action executions matching `q`.
    pub async fn list_actions(&self, q: &ListQuery) -> Result<Vec<ActionExecution>> {
        let (clauses, binds) = list_clauses("action_executions", "a", q);
        let cols: Vec<String> = ACTIONS.columns.iter().map(|c| format!("a.{c}")).collect();
        let sql = format!(
            "SELECT {} FROM action_executions a{clauses}",
            cols.join(", ")
        );
        let binds: Vec<&str> = binds.iter().map(String::as_str).collect();
        fetch_all(self.bounded(), &sql, &binds, action_from_row).await
    }

    /// Deletes a workflow execution with its sub-workflow executions (the
    /// whole tree when it is a root), their task and action executions and
    /// their queued jobs, in one transaction.
    pub async fn delete_execution(&self, id: &str) -> Result<()> {
        let mut tx = self.begin().await?;
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM workflow_executions WHERE id = $1 OR root_execution_id = $1",
        )
        .bind(id.to_owned())
        .fetch_all(crate::bounded::on(tx.conn()))
        .await?;
        if ids.is_empty() {
            return Err(StoreError::NotFound {
                kind: "WorkflowExecution",
                key: format!("id={id}"),
            });
        }
        for exec in &ids {
            for sql in [
                "DELETE FROM action_outputs WHERE workflow_execution_id = $1",
                "DELETE FROM action_executions WHERE workflow_execution_id = $1",
                "DELETE FROM task_executions WHERE workflow_execution_id = $1",
                "DELETE FROM jobs WHERE execution_id = $1",
                "DELETE FROM workflow_executions WHERE id = $1",
            ] {
                sqlx::query(sql)
                    .bind(exec.clone())
                    .execute(crate::bounded::on(tx.conn()))
                    .await?;
            }
        }
        tx.commit().await
    }

    /// Top-level executions that finished (SUCCESS, ERROR, CANCELLED) before
    /// `before`, oldest first, at most `limit`: what the retention policy
    /// deletes next (each with its sub-workflows, by [`Store::delete_execution`]).
    pub async fn expired_executions(&self, before: i64, limit: i64) -> Result<Vec<String>> {
        let ids = sqlx::query_scalar(
            "SELECT id FROM workflow_executions WHERE task_execution_id IS NULL \
             AND state IN ('SUCCESS', 'ERROR', 'CANCELLED') \
             AND COALESCE(updated_at, created_at) < $1 \
             ORDER BY COALESCE(updated_at, created_at) LIMIT $2",
        )
        .bind(before)
        .bind(limit)
        .fetch_all(self.bounded())
        .await?;
        Ok(ids)
    }

    /// Updates an execution's description and/or merges `env` into its
    /// `params.env`, under the execution's lock; bumps the version so cached
    /// copies are reloaded. Returns the updated execution.
    ///
    /// Mistral's sub-workflows read their root execution's env, so an env
    /// merged into a root reaches its unfinished sub-workflows too (each got
    /// a copy of it at start).
    pub async fn update_execution_details(
        &self,
        id: &str,
        description: Option<&str>,
        env: Option<&serde_json::Map<String, serde_json::Value>>,
        now: i64,
    ) -> Result<StoredExecution> {
        let mut tx = self.begin().await?;
        if tx.lock_execution(id).await?.is_none() {
            return Err(StoreError::NotFound {
                kind: "WorkflowExecution",
                key: format!("id={id}"),
            });
        }
        let (raw, root): (String, Option<String>) = sqlx::query_as(
            "SELECT params, root_execution_id FROM workflow_executions WHERE id = $1",
        )
        .bind(id.to_owned())
        .fetch_one(crate::bounded::on(tx.conn()))
        .await?;
        let params = match env {
            Some(env) => merge_env(&raw, env)?,
            None => raw,
        };
        sqlx::query(
            "UPDATE workflow_executions SET description = COALESCE($1, description), \
             params = $2, updated_at = $3, version = version + 1 WHERE id = $4",
        )
        .bind(description.map(str::to_owned))
        .bind(params)
        .bind(now)
        .bind(id.to_owned())
        .execute(crate::bounded::on(tx.conn()))
        .await?;
        if let (Some(env), None) = (env, root) {
            let open: Vec<(String, String)> = sqlx::query_as(
                "SELECT id, params FROM workflow_executions WHERE root_execution_id = $1 \
                 AND state IN ('IDLE', 'RUNNING', 'PAUSED')",
            )
            .bind(id.to_owned())
            .fetch_all(crate::bounded::on(tx.conn()))
            .await?;
            for (child, raw) in open {
                sqlx::query(
                    "UPDATE workflow_executions SET params = $1, updated_at = $2, \
                     version = version + 1 WHERE id = $3",
                )
                .bind(merge_env(&raw, env)?)
                .bind(now)
                .bind(child)
                .execute(crate::bounded::on(tx.conn()))
                .await?;
            }
        }
        tx.commit().await?;
        self.get_execution(id).await
    }

    /// Deletes an action execution that belongs to no task (ad-hoc).
    pub async fn delete_action(&self, id: &str) -> Result<()> {
        self.delete_where("DELETE FROM action_executions WHERE id = $1", &[id], || {
            StoreError::NotFound {
                kind: "ActionExecution",
                key: format!("id={id}"),
            }
        })
        .await
    }

    /// Stores ad-hoc action executions (run through the API, not by a
    /// task), each of its record's project.
    pub async fn put_adhoc_actions(&self, actions: &[ActionExecution]) -> Result<()> {
        let mut tx = self.begin().await?;
        tx.put_actions(actions).await?;
        tx.commit().await
    }
}

fn owner_text(row: &sqlx::any::AnyRow, column: &str) -> Result<String> {
    use sqlx::Row;
    row.try_get(column).map_err(|err| StoreError::Corrupt {
        what: "column",
        detail: format!("{column}: {err}"),
    })
}

/// The `params` column `raw` with `env` merged into its `params.env`.
fn merge_env(raw: &str, env: &serde_json::Map<String, serde_json::Value>) -> Result<String> {
    let corrupt = |err: serde_json::Error| StoreError::Corrupt {
        what: "JSON column",
        detail: format!("params: {err}"),
    };
    let mut params: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(raw).map_err(corrupt)?;
    let slot = params
        .entry("env")
        .or_insert_with(|| serde_json::Value::Object(serde_json::Map::new()));
    if !slot.is_object() {
        *slot = serde_json::Value::Object(serde_json::Map::new());
    }
    if let Some(current) = slot.as_object_mut() {
        for (k, v) in env {
            current.insert(k.clone(), v.clone());
        }
    }
    serde_json::to_string(&params).map_err(corrupt)
}
