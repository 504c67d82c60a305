//! Event triggers (Mistral's `/v2/event_triggers`): a workflow started when
//! an event of type `event` arrives on (`exchange`, `topic`).
//!
//! Mistral listens on its message bus; Bora takes events over HTTP
//! (`POST /v2/events/{exchange}/{topic}`, see the API). Each trigger has a
//! token, made when it is created and shown only then; an event fires a
//! trigger only when it carries that token. As in Mistral, the workflow is
//! started with the trigger's `workflow_input` and its `workflow_params`
//! plus `event_params`: the event itself, which the workflow reads as
//! `execution().params.event_params`.

use bora_core::input::prepare_input;
use bora_store::{EventTriggerRecord, EventTriggerUpdate, ProjectScope, StoredExecution};
use serde_json::{Map, Value, json};
use sha2::{Digest, Sha256};

use super::{Service, ServiceError, StartRequest, bad};
use crate::clock::now_micros;

/// A request to create an event trigger (`POST /v2/event_triggers`).
#[derive(Debug, Clone, Default)]
pub struct EventTriggerRequest {
    pub name: String,
    /// A definition id or name.
    pub workflow: String,
    pub namespace: String,
    pub input: Map<String, Value>,
    pub params: Map<String, Value>,
    pub exchange: String,
    pub topic: String,
    pub event: String,
    pub scope: String,
}

/// A new trigger with its token (shown once: only its digest is kept).
#[derive(Debug, Clone)]
pub struct CreatedEventTrigger {
    pub record: EventTriggerRecord,
    pub token: String,
}

/// What an event did.
#[derive(Debug, Clone)]
pub enum EventOutcome {
    /// The trigger's workflow was started.
    Started {
        trigger: EventTriggerRecord,
        execution: Box<StoredExecution>,
    },
    /// The token's trigger waits for another event type.
    Ignored {
        trigger: EventTriggerRecord,
        event_type: String,
    },
}

/// The digest under which a token is stored.
pub fn token_digest(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// A new token: 244 random bits from the OS generator (two v4 UUIDs).
fn new_token() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

/// The event type an event names (`event_type`, as in oslo.messaging
/// notifications, which Mistral's event engine matches on).
pub fn event_type(event: &Map<String, Value>) -> Option<&str> {
    event.get("event_type").and_then(Value::as_str)
}

impl Service {
    /// Creates an event trigger after Mistral's checks (exchange, topic,
    /// event and workflow given; input the workflow accepts).
    pub async fn create_event_trigger(
        &self,
        req: EventTriggerRequest,
    ) -> Result<CreatedEventTrigger, ServiceError> {
        let missing: Vec<&str> = [
            ("exchange", &req.exchange),
            ("topic", &req.topic),
            ("event", &req.event),
            ("workflow_id", &req.workflow),
        ]
        .iter()
        .filter(|(_, value)| value.is_empty())
        .map(|(name, _)| *name)
        .collect();
        if !missing.is_empty() {
            let names: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
            return Err(bad(format!(
                "Params {{{}}} must be provided for creating event trigger.",
                names.join(", ")
            )));
        }
        if req.name.is_empty() {
            return Err(bad("Name of the event trigger is not provided."));
        }
        let (def, plan) = self
            .visible_workflow_spec(&req.workflow, &req.namespace)
            .await?;
        prepare_input(&plan.workflow, &req.input).map_err(|e| bad(e.to_string()))?;
        let token = new_token();
        let record = EventTriggerRecord {
            id: crate::ids::new_id(),
            name: req.name,
            workflow_id: def.id.clone(),
            workflow_name: def.name.clone(),
            workflow_namespace: def.namespace.clone(),
            workflow_input: req.input,
            workflow_params: req.params,
            exchange: req.exchange,
            topic: req.topic,
            event: req.event,
            scope: req.scope,
            project_id: crate::service::current_project(),
            token_sha256: token_digest(&token),
            created_at: now_micros(),
            updated_at: None,
        };
        self.store.create_event_trigger(&record).await?;
        Ok(CreatedEventTrigger { record, token })
    }

    /// Every event trigger.
    pub async fn list_event_triggers(&self) -> Result<Vec<EventTriggerRecord>, ServiceError> {
        Ok(self.store.list_event_triggers().await?)
    }

    /// One event trigger by id or name, as `scope` means it.
    pub async fn get_event_trigger(
        &self,
        key: &str,
        scope: &ProjectScope,
    ) -> Result<EventTriggerRecord, ServiceError> {
        Ok(self.store.get_event_trigger(key, scope.read()).await?)
    }

    /// Changes the name, input, params or scope of a trigger of `scope`'s
    /// project (the input must still suit the workflow).
    pub async fn update_event_trigger(
        &self,
        key: &str,
        update: EventTriggerUpdate,
        scope: &ProjectScope,
    ) -> Result<EventTriggerRecord, ServiceError> {
        if let Some(input) = &update.workflow_input {
            let current = self.store.get_event_trigger(key, scope.change()).await?;
            // Its workflow, by id, as the trigger's project sees it.
            let owner = ProjectScope::only(&current.project_id);
            let (_, plan) = self
                .workflow_spec(
                    &current.workflow_id,
                    &current.workflow_namespace,
                    owner.read(),
                )
                .await?;
            prepare_input(&plan.workflow, input).map_err(|e| bad(e.to_string()))?;
        }
        Ok(self
            .store
            .update_event_trigger(key, &update, now_micros(), scope.change())
            .await?)
    }

    /// Deletes an event trigger of `scope`'s project by id or name.
    pub async fn delete_event_trigger(
        &self,
        key: &str,
        scope: &ProjectScope,
    ) -> Result<(), ServiceError> {
        Ok(self.store.delete_event_trigger(key, scope.change()).await?)
    }

    /// Delivers an event that arrived on (`exchange`, `topic`) with `token`:
    /// starts the token's trigger when the event is of its type. A token of
    /// no trigger, or of a trigger of another exchange or topic, is refused
    /// (403) without saying which.
    pub async fn deliver_event(
        &self,
        exchange: &str,
        topic: &str,
        token: &str,
        event: Map<String, Value>,
    ) -> Result<EventOutcome, ServiceError> {
        let trigger = self
            .store
            .event_trigger_by_token(&token_digest(token))
            .await?
            .filter(|t| t.exchange == exchange && t.topic == topic)
            .ok_or_else(|| {
                ServiceError::Forbidden(format!(
                    "The token is not the token of an event trigger of exchange '{exchange}' \
                     and topic '{topic}'"
                ))
            })?;
        let Some(kind) = event_type(&event) else {
            return Err(bad(format!(
                "The event has no 'event_type' string (the trigger '{}' fires on events of type '{}')",
                trigger.name, trigger.event
            )));
        };
        if kind != trigger.event {
            let event_type = kind.to_owned();
            return Ok(EventOutcome::Ignored {
                trigger,
                event_type,
            });
        }
        let mut params = trigger.workflow_params.clone();
        params.insert("event_params".to_owned(), Value::Object(event));
        let description = bora_expr::python::json_dumps(
            &json!({
                "description": format!("Workflow execution created by event trigger '({})'.", trigger.id),
                "triggered_by": {"type": "event_trigger", "id": trigger.id, "name": trigger.name},
            }),
            None,
            false,
        );
        let execution = self
            .start_execution(StartRequest {
                workflow: trigger.workflow_id.clone(),
                namespace: trigger.workflow_namespace.clone(),
                input: trigger.workflow_input.clone(),
                params,
                description,
                id: None,
                // The trigger runs as its project.
                scope: ProjectScope::only(&trigger.project_id),
            })
            .await?;
        tracing::info!(trigger = %trigger.name, execution = %execution.execution.id, "event trigger fired");
        Ok(EventOutcome::Started {
            trigger,
            execution: Box::new(execution),
        })
    }
}
