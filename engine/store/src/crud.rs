//! The plumbing the per-resource modules (definitions, workbooks, actions,
//! environments, cron triggers) share: run a statement with text binds and
//! map its rows, insert one record, delete with a "not found" when nothing
//! matched. Each module keeps its own SQL (what "by name" means differs per
//! resource); only the fetching and mapping is written once here, and the
//! choice among the projects' definitions of one name ([`fetch_named`]).

use serde::de::DeserializeOwned;
use sqlx::any::{AnyArguments, AnyRow};
use sqlx::query::Query;
use sqlx::{Any, AnyConnection, Executor, Row};

use crate::db::Store;
use crate::projects::Lookup;
use crate::rows::{Cell, Table};
use crate::{Result, StoreError};

/// Maps one row to a record.
pub(crate) type FromRow<T> = fn(&AnyRow) -> Result<T>;

/// `sql` with `binds` bound in order, as text.
fn bound<'q>(sql: &'q str, binds: &[&str]) -> Query<'q, Any, AnyArguments<'q>> {
    binds
        .iter()
        .fold(sqlx::query(sql), |q, b| q.bind((*b).to_owned()))
}

/// The first row `sql` selects, as a record, if there is one.
pub(crate) async fn fetch_optional<'e, E, T>(
    exec: E,
    sql: &str,
    binds: &[&str],
    from_row: FromRow<T>,
) -> Result<Option<T>>
where
    E: Executor<'e, Database = Any>,
{
    bound(sql, binds)
        .fetch_optional(exec)
        .await?
        .map(|row| from_row(&row))
        .transpose()
}

/// Every row `sql` selects, as records.
pub(crate) async fn fetch_all<'e, E, T>(
    exec: E,
    sql: &str,
    binds: &[&str],
    from_row: FromRow<T>,
) -> Result<Vec<T>>
where
    E: Executor<'e, Database = Any>,
{
    bound(sql, binds)
        .fetch_all(exec)
        .await?
        .iter()
        .map(from_row)
        .collect()
}

/// The record of `table` that `key` (a condition on `$1`.. given as
/// `binds`, e.g. a name or an id) means to `lookup`'s caller.
pub(crate) async fn fetch_named<'e, E, T>(
    exec: E,
    table: &Table,
    key: &str,
    binds: &[&str],
    lookup: Lookup<'_>,
    from_row: FromRow<T>,
) -> Result<Option<T>>
where
    E: Executor<'e, Database = Any>,
{
    let n = binds.len() + 1;
    let sql = format!(
        "{} WHERE ({key}) AND {} ORDER BY {} LIMIT 1",
        table.select_sql(),
        lookup.condition(n),
        lookup.preference(n)
    );
    let mut all = binds.to_vec();
    all.push(lookup.project());
    fetch_optional(exec, &sql, &all, from_row).await
}

/// Whether `sql` selects any row (a name taken, ...).
pub(crate) async fn exists(conn: &mut AnyConnection, sql: &str, binds: &[&str]) -> Result<bool> {
    Ok(bound(sql, binds)
        .fetch_optional(crate::bounded::on(conn))
        .await?
        .is_some())
}

/// Inserts one record: `cells` in the order of `table`'s columns.
pub(crate) async fn insert(
    conn: &mut AnyConnection,
    table: &Table,
    cells: Vec<Cell>,
) -> Result<()> {
    let args = crate::rows::arguments(&cells)?;
    sqlx::query_with(&table.insert_sql(), args)
        .execute(crate::bounded::on(conn))
        .await?;
    Ok(())
}

/// A JSON document kept as TEXT in `column`; `what` names it in the error
/// when it does not parse.
pub(crate) fn json_column<T: DeserializeOwned>(
    row: &AnyRow,
    column: &str,
    what: &'static str,
) -> Result<T> {
    let text: String = row.try_get(column)?;
    serde_json::from_str(&text).map_err(|e| StoreError::Corrupt {
        what,
        detail: e.to_string(),
    })
}

impl Store {
    /// Deletes the record of `table` that `key` means to `lookup`'s caller
    /// (as [`fetch_named`]); `missing()` is the error when there is none.
    pub(crate) async fn delete_named(
        &self,
        table: &Table,
        key: &str,
        binds: &[&str],
        lookup: Lookup<'_>,
        missing: impl FnOnce() -> StoreError,
    ) -> Result<()> {
        let n = binds.len() + 1;
        let sql = format!(
            "DELETE FROM {t} WHERE id = (SELECT id FROM {t} WHERE ({key}) AND {} \
             ORDER BY {} LIMIT 1)",
            lookup.condition(n),
            lookup.preference(n),
            t = table.name
        );
        let mut all = binds.to_vec();
        all.push(lookup.project());
        self.delete_where(&sql, &all, missing).await
    }

    /// Runs a `DELETE` in its own transaction; `missing()` is the error when
    /// it matched no row.
    pub(crate) async fn delete_where(
        &self,
        sql: &str,
        binds: &[&str],
        missing: impl FnOnce() -> StoreError,
    ) -> Result<()> {
        let mut tx = self.begin().await?;
        let done = bound(sql, binds)
            .execute(crate::bounded::on(tx.conn()))
            .await?;
        if done.rows_affected() == 0 {
            return Err(missing());
        }
        tx.commit().await
    }
}
