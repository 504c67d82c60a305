//! Cron triggers: creating them after Mistral's checks, reading and
//! deleting them, and firing one (their times come from `schedule`; the
//! node's loop in [`crate::cron`] decides when to fire).

use bora_core::input::prepare_input;
use bora_store::{CronTriggerRecord, ProjectScope};
use serde_json::{Map, Value, json};

use super::definition_cache::Read;
use super::executions::Prepared;
use super::schedule::following;
use super::{Service, ServiceError, StartRequest, bad, schedule};
use crate::clock::now_micros;

/// A request to create a cron trigger (`POST /v2/cron_triggers`).
#[derive(Debug, Clone, Default)]
pub struct CronTriggerRequest {
    pub name: String,
    /// A definition id or name.
    pub workflow: String,
    pub namespace: String,
    pub input: Map<String, Value>,
    pub params: Map<String, Value>,
    pub pattern: Option<String>,
    /// `YYYY-MM-DD HH:MM` in UTC, as Mistral takes it.
    pub first_execution_time: Option<String>,
    pub remaining_executions: Option<i64>,
    pub scope: String,
}

impl Service {
    /// Creates a cron trigger after Mistral's checks: a pattern or a first
    /// time (at least a minute ahead), a valid pattern, a count only with a
    /// pattern, and input the workflow accepts.
    pub async fn create_cron_trigger(
        &self,
        req: CronTriggerRequest,
    ) -> Result<CronTriggerRecord, ServiceError> {
        let now = now_micros();
        let first = match &req.first_execution_time {
            Some(text) => Some(schedule::parse_first_time(text).map_err(bad)?),
            None => None,
        };
        if first.is_none() && req.pattern.is_none() {
            return Err(bad("Pattern or first_execution_time must be specified."));
        }
        if let Some(first) = first {
            if first < now + 60_000_000 {
                return Err(bad(
                    "first_execution_time must be at least 1 minute in the future.",
                ));
            }
            if req.pattern.is_none() && req.remaining_executions.is_some_and(|n| n > 1) {
                return Err(bad("Pattern must be provided if count is superior to 1."));
            }
        }
        if let Some(n) = req.remaining_executions
            && n < 1
        {
            return Err(bad(format!(
                "Invalid input for field/attribute remaining_executions. Value: '{n}'. \
                 Value should be greater or equal to 1"
            )));
        }
        let invalid = |pattern: &str| bad(format!("The specified pattern is not valid: {pattern}"));
        let cron = match &req.pattern {
            Some(pattern) => Some(schedule::parse_pattern(pattern).map_err(|_| invalid(pattern))?),
            None => None,
        };
        let next = match (first, &cron, &req.pattern) {
            (Some(first), _, _) => first,
            (None, Some(cron), Some(pattern)) => {
                schedule::next_after(cron, now).ok_or_else(|| invalid(pattern))?
            }
            _ => return Err(bad("Pattern or first_execution_time must be specified.")),
        };
        let remaining = match (first, &req.pattern, req.remaining_executions) {
            // A single run at the first time.
            (Some(_), None, None) => Some(1),
            (_, _, count) => count,
        };
        let (def, plan) = self
            .visible_workflow_spec(&req.workflow, &req.namespace)
            .await?;
        prepare_input(&plan.workflow, &req.input).map_err(|e| bad(e.to_string()))?;
        let record = CronTriggerRecord {
            id: crate::ids::new_id(),
            name: req.name.clone(),
            pattern: req.pattern.clone(),
            first_execution_time: first,
            next_execution_time: next,
            remaining_executions: remaining,
            workflow_name: def.name.clone(),
            workflow_id: def.id.clone(),
            workflow_namespace: def.namespace.clone(),
            workflow_input: req.input.clone(),
            workflow_params: req.params.clone(),
            scope: req.scope.clone(),
            project_id: crate::service::current_project(),
            created_at: now,
            updated_at: None,
        };
        // Mistral's unique key besides the name: one trigger per project,
        // workflow, input, params, pattern, count and first time.
        if let Some(twin) = self
            .store
            .list_cron_triggers()
            .await?
            .iter()
            .find(|other| same_schedule(other, &record))
        {
            return Err(ServiceError::Duplicate(format!(
                "Duplicate entry for cron trigger {}: the same workflow, input, params and \
                 schedule as cron trigger '{}'",
                record.name, twin.name
            )));
        }
        self.store.create_cron_trigger(&record).await?;
        self.cron_wake.notify_one();
        Ok(record)
    }

    /// Every cron trigger.
    pub async fn list_cron_triggers(&self) -> Result<Vec<CronTriggerRecord>, ServiceError> {
        Ok(self.store.list_cron_triggers().await?)
    }

    /// One cron trigger by name or id, as `scope` means it.
    pub async fn get_cron_trigger(
        &self,
        name: &str,
        scope: &ProjectScope,
    ) -> Result<CronTriggerRecord, ServiceError> {
        Ok(self.store.get_cron_trigger(name, scope.read()).await?)
    }

    /// Deletes a cron trigger of `scope`'s project by name or id.
    pub async fn delete_cron_trigger(
        &self,
        name: &str,
        scope: &ProjectScope,
    ) -> Result<(), ServiceError> {
        Ok(self.store.delete_cron_trigger(name, scope.change()).await?)
    }

    /// At most `limit` triggers due at `now`, earliest first.
    pub async fn due_cron_triggers(
        &self,
        now: i64,
        limit: i64,
    ) -> Result<Vec<CronTriggerRecord>, ServiceError> {
        Ok(self.store.due_cron_triggers(now, limit).await?)
    }

    /// The earliest time a trigger is due, if there is any trigger.
    pub async fn next_cron_time(&self) -> Result<Option<i64>, ServiceError> {
        Ok(self.store.next_cron_time().await?)
    }

    /// Claims one firing of `trigger` and starts its workflow, in one
    /// transaction. Returns `Ok(false)` when another node fired it first.
    pub async fn fire_cron_trigger(
        &self,
        trigger: &CronTriggerRecord,
        now: i64,
    ) -> Result<bool, ServiceError> {
        let description = bora_expr::python::json_dumps(
            &json!({
                "description": format!("Workflow execution created by cron trigger '({})'.", trigger.id),
                "triggered_by": {"type": "cron_trigger", "id": trigger.id},
            }),
            None,
            false,
        );
        let request = StartRequest {
            workflow: trigger.workflow_id.clone(),
            namespace: trigger.workflow_namespace.clone(),
            input: trigger.workflow_input.clone(),
            params: trigger.workflow_params.clone(),
            description,
            id: None,
            // The trigger runs as its project.
            scope: ProjectScope::only(&trigger.project_id),
        };
        // A start that cannot be made (workflow deleted, input no longer
        // accepted) still uses up the firing, as in Mistral, so a broken
        // trigger does not fire in a loop.
        // Read afresh: this commit does not check a kept definition.
        let prepared = self.prepare_start(&request, Read::Fresh).await;
        let mut tx = self.store.begin().await?;
        let next = following(trigger, now);
        if !tx
            .advance_cron_trigger(&trigger.id, trigger.next_execution_time, next, now)
            .await?
        {
            return Ok(false);
        }
        let started = match prepared {
            Ok(Prepared::New(mut stored, _)) => {
                let id = stored.execution.id.clone();
                let keep = self.scheduler.keeps_new_work();
                if keep {
                    stored.owner = Some(self.scheduler.node().to_owned());
                }
                tx.put_executions(std::slice::from_ref(&stored)).await?;
                let delivery = self.scheduler.queue_start(&mut tx, &id, now, keep).await?;
                Some((id, delivery))
            }
            Ok(Prepared::Existing(_)) => None,
            Err(err) => {
                tracing::warn!(trigger = %trigger.name, error = %err, "cron trigger could not start its workflow");
                None
            }
        };
        tx.commit().await?;
        if let Some((id, delivery)) = started {
            tracing::info!(trigger = %trigger.name, execution = %id, "cron trigger fired");
            self.scheduler.deliver(delivery);
        }
        Ok(true)
    }
}

/// Whether two triggers of a project start the same workflow with the same
/// input and params on the same schedule (Mistral's unique constraint on
/// `workflow_input_hash, workflow_name, pattern, project_id,
/// workflow_params_hash, remaining_executions, first_execution_time`; the
/// workflow by id, as one name may be two projects' workflows; mappings
/// compare without regard to key order, as the hashes of sorted dumps do).
fn same_schedule(a: &CronTriggerRecord, b: &CronTriggerRecord) -> bool {
    a.project_id == b.project_id
        && a.workflow_id == b.workflow_id
        && a.pattern == b.pattern
        && a.remaining_executions == b.remaining_executions
        && a.first_execution_time == b.first_execution_time
        && a.workflow_input == b.workflow_input
        && a.workflow_params == b.workflow_params
}
