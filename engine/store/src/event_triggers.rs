//! Event triggers: start a workflow when an event of a given type arrives on
//! an (exchange, topic) pair. Events come in through the API's webhook; the
//! sender must hold the trigger's token, of which only the SHA-256 digest
//! is stored (the token itself is shown once, when the trigger is created).

use serde_json::{Map, Value};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::crud::{exists, fetch_all, fetch_named, fetch_optional, insert, json_column};
use crate::db::Store;
use crate::projects::Lookup;
use crate::rows::{Cell, Table, json, text};
use crate::{Result, StoreError};

/// A stored event trigger. Times are UTC microseconds.
#[derive(Debug, Clone, PartialEq)]
pub struct EventTriggerRecord {
    pub id: String,
    pub name: String,
    pub workflow_id: String,
    pub workflow_name: String,
    pub workflow_namespace: String,
    pub workflow_input: Map<String, Value>,
    pub workflow_params: Map<String, Value>,
    pub exchange: String,
    pub topic: String,
    /// The event type that fires the trigger.
    pub event: String,
    pub scope: String,
    pub project_id: String,
    /// Hex SHA-256 of the trigger's token.
    pub token_sha256: String,
    pub created_at: i64,
    pub updated_at: Option<i64>,
}

/// What `PUT /v2/event_triggers/{id}` may change; `None` keeps the value.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventTriggerUpdate {
    pub name: Option<String>,
    pub workflow_input: Option<Map<String, Value>>,
    pub workflow_params: Option<Map<String, Value>>,
    pub scope: Option<String>,
}

const TABLE: Table = Table {
    name: "event_triggers",
    columns: &[
        "id",
        "name",
        "workflow_id",
        "workflow_name",
        "workflow_namespace",
        "workflow_input",
        "workflow_params",
        "exchange",
        "topic",
        "event",
        "scope",
        "project_id",
        "token_sha256",
        "created_at",
        "updated_at",
    ],
};

fn from_row(row: &AnyRow) -> Result<EventTriggerRecord> {
    Ok(EventTriggerRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        workflow_id: row.try_get("workflow_id")?,
        workflow_name: row.try_get("workflow_name")?,
        workflow_namespace: row.try_get("workflow_namespace")?,
        workflow_input: json_column(row, "workflow_input", "workflow_input")?,
        workflow_params: json_column(row, "workflow_params", "workflow_params")?,
        exchange: row.try_get("exchange")?,
        topic: row.try_get("topic")?,
        event: row.try_get("event")?,
        scope: row.try_get("scope")?,
        project_id: row.try_get("project_id")?,
        token_sha256: row.try_get("token_sha256")?,
        created_at: row.try_get("created_at")?,
        updated_at: row.try_get("updated_at")?,
    })
}

/// A trigger by id or name (`$1`).
const BY_KEY: &str = "id = $1 OR name = $1";

fn not_found(key: &str) -> StoreError {
    StoreError::NotFound {
        kind: "Event trigger",
        key: format!("identifier={key}"),
    }
}

impl Store {
    /// Stores a new trigger. Its name must be free in its project, and no
    /// other trigger of the project may start the same workflow on the
    /// same event (Mistral's unique key).
    pub async fn create_event_trigger(&self, t: &EventTriggerRecord) -> Result<()> {
        let mut tx = self.begin().await?;
        if exists(
            tx.conn(),
            "SELECT id FROM event_triggers WHERE name = $1 AND project_id = $2",
            &[&t.name, &t.project_id],
        )
        .await?
        {
            return Err(StoreError::Duplicate {
                kind: "EventTrigger",
                key: format!("name={}", t.name),
            });
        }
        if exists(
            tx.conn(),
            "SELECT id FROM event_triggers WHERE exchange = $1 AND topic = $2 AND event = $3 \
             AND workflow_id = $4 AND project_id = $5",
            &[
                &t.exchange,
                &t.topic,
                &t.event,
                &t.workflow_id,
                &t.project_id,
            ],
        )
        .await?
        {
            return Err(StoreError::Duplicate {
                kind: "EventTrigger",
                key: format!(
                    "exchange={}, topic={}, event={}, workflow_id={}",
                    t.exchange, t.topic, t.event, t.workflow_id
                ),
            });
        }
        let cells = vec![
            text(&t.id),
            text(&t.name),
            text(&t.workflow_id),
            text(&t.workflow_name),
            text(&t.workflow_namespace),
            json(&t.workflow_input),
            json(&t.workflow_params),
            text(&t.exchange),
            text(&t.topic),
            text(&t.event),
            text(&t.scope),
            text(&t.project_id),
            text(&t.token_sha256),
            Cell::Int(Some(t.created_at)),
            Cell::Int(t.updated_at),
        ];
        insert(tx.conn(), &TABLE, cells).await?;
        tx.commit().await
    }

    /// One trigger by id or name, as `lookup`'s caller means it.
    pub async fn get_event_trigger(
        &self,
        key: &str,
        lookup: Lookup<'_>,
    ) -> Result<EventTriggerRecord> {
        fetch_named(self.bounded(), &TABLE, BY_KEY, &[key], lookup, from_row)
            .await?
            .ok_or_else(|| not_found(key))
    }

    /// The trigger whose token has this digest, if any.
    pub async fn event_trigger_by_token(&self, sha256: &str) -> Result<Option<EventTriggerRecord>> {
        fetch_optional(
            self.bounded(),
            &format!("{} WHERE token_sha256 = $1", TABLE.select_sql()),
            &[sha256],
            from_row,
        )
        .await
    }

    /// Every trigger, oldest first (the API pages them in memory).
    pub async fn list_event_triggers(&self) -> Result<Vec<EventTriggerRecord>> {
        let sql = format!("{} ORDER BY created_at, id", TABLE.select_sql());
        fetch_all(self.bounded(), &sql, &[], from_row).await
    }

    /// Changes a trigger's name (free in its project), input, params or
    /// scope; `lookup` is a [`crate::ProjectScope::change`].
    pub async fn update_event_trigger(
        &self,
        key: &str,
        update: &EventTriggerUpdate,
        now: i64,
        lookup: Lookup<'_>,
    ) -> Result<EventTriggerRecord> {
        let mut tx = self.begin().await?;
        let mut current = fetch_named(
            crate::bounded::on(tx.conn()),
            &TABLE,
            BY_KEY,
            &[key],
            lookup,
            from_row,
        )
        .await?
        .ok_or_else(|| not_found(key))?;
        if let Some(name) = &update.name
            && *name != current.name
        {
            if exists(
                tx.conn(),
                "SELECT id FROM event_triggers WHERE name = $1 AND project_id = $2",
                &[name, &current.project_id],
            )
            .await?
            {
                return Err(StoreError::Duplicate {
                    kind: "EventTrigger",
                    key: format!("name={name}"),
                });
            }
            current.name = name.clone();
        }
        if let Some(input) = &update.workflow_input {
            current.workflow_input = input.clone();
        }
        if let Some(params) = &update.workflow_params {
            current.workflow_params = params.clone();
        }
        if let Some(scope) = &update.scope {
            current.scope = scope.clone();
        }
        current.updated_at = Some(now);
        sqlx::query(
            "UPDATE event_triggers SET name = $1, workflow_input = $2, workflow_params = $3, \
             scope = $4, updated_at = $5 WHERE id = $6",
        )
        .bind(current.name.clone())
        .bind(serde_json::to_string(&current.workflow_input).unwrap_or_else(|_| "{}".into()))
        .bind(serde_json::to_string(&current.workflow_params).unwrap_or_else(|_| "{}".into()))
        .bind(current.scope.clone())
        .bind(now)
        .bind(current.id.clone())
        .execute(crate::bounded::on(tx.conn()))
        .await?;
        tx.commit().await?;
        Ok(current)
    }

    /// Deletes a trigger by id or name; `lookup` is a
    /// [`crate::ProjectScope::change`].
    pub async fn delete_event_trigger(&self, key: &str, lookup: Lookup<'_>) -> Result<()> {
        self.delete_named(&TABLE, BY_KEY, &[key], lookup, || not_found(key))
            .await
    }

    /// Names of the triggers that start a workflow definition (by id).
    pub async fn event_triggers_of_workflow(&self, workflow_id: &str) -> Result<Vec<String>> {
        let names: Vec<String> = sqlx::query_scalar(
            "SELECT name FROM event_triggers WHERE workflow_id = $1 ORDER BY name",
        )
        .bind(workflow_id.to_owned())
        .fetch_all(self.bounded())
        .await?;
        Ok(names)
    }
}
