//! The loop that fires cron triggers (their patterns and times are the
//! service's, [`crate::service::schedule`]).
//!
//! Each node runs [`run`]. It fires the triggers that are due and sleeps
//! until the earliest next time (or until a trigger is created on this
//! node). A firing is claimed in the store with a conditional update on the
//! due time the node read, in the same transaction that stores the new
//! execution and its start event, so with several nodes on one database
//! each firing starts exactly one execution.

use std::time::Duration;

use bora_store::CronTriggerRecord;
use serde_json::json;

use crate::clock::now_micros;
use crate::service::schedule::following;
use crate::service::{Prepared, Service, StartRequest};

/// The longest sleep: triggers created on other nodes (which do not wake
/// this one) are seen at least this often.
const MAX_SLEEP: Duration = Duration::from_secs(30);

/// The pause before retrying after the store failed.
const RETRY_DELAY: Duration = Duration::from_secs(1);

/// Fires the triggers due now and sleeps until the next one, until
/// `shutdown` resolves.
pub async fn run(service: Service, shutdown: impl std::future::Future<Output = ()>) {
    tokio::pin!(shutdown);
    loop {
        let now = now_micros();
        let mut failed = false;
        match service.store().due_cron_triggers(now, 100).await {
            Ok(due) => {
                for trigger in due {
                    if let Err(err) = fire(&service, &trigger, now).await {
                        failed = true;
                        tracing::error!(trigger = %trigger.name, error = %err, "firing a cron trigger failed");
                    }
                }
            }
            Err(err) => {
                failed = true;
                tracing::error!(error = %err, "reading due cron triggers failed");
            }
        }
        let next = service.store().next_cron_time().await.ok().flatten();
        let mut sleep_for = next
            .map(|t| Duration::from_micros(u64::try_from(t - now_micros()).unwrap_or(0)))
            .unwrap_or(MAX_SLEEP)
            .min(MAX_SLEEP);
        if failed {
            // A trigger that failed is still due: retry, but not in a spin.
            sleep_for = sleep_for.max(RETRY_DELAY);
        }
        tokio::select! {
            _ = &mut shutdown => return,
            _ = service.cron_wake().notified() => {}
            _ = tokio::time::sleep(sleep_for) => {}
        }
    }
}

/// Claims one firing of `trigger` and starts its workflow, in one
/// transaction. Returns `Ok(false)` when another node fired it first.
pub async fn fire(
    service: &Service,
    trigger: &CronTriggerRecord,
    now: i64,
) -> Result<bool, crate::service::ServiceError> {
    let description = crate::pyjson::dumps(&json!({
        "description": format!("Workflow execution created by cron trigger '({})'.", trigger.id),
        "triggered_by": {"type": "cron_trigger", "id": trigger.id},
    }));
    let request = StartRequest {
        workflow: trigger.workflow_id.clone(),
        namespace: trigger.workflow_namespace.clone(),
        input: trigger.workflow_input.clone(),
        params: trigger.workflow_params.clone(),
        description,
        id: None,
    };
    // A start that cannot be made (workflow deleted, input no longer
    // accepted) still uses up the firing, as in Mistral, so a broken
    // trigger does not fire in a loop.
    let prepared = service.prepare_start(&request).await;
    let store = service.store();
    let mut tx = store.begin().await?;
    let next = following(trigger, now);
    if !tx
        .advance_cron_trigger(&trigger.id, trigger.next_execution_time, next, now)
        .await?
    {
        return Ok(false);
    }
    let started = match prepared {
        Ok(Prepared::New(mut stored)) => {
            let id = stored.execution.id.clone();
            let keep = service.scheduler().keeps_new_work();
            if keep {
                stored.owner = Some(service.scheduler().node().to_owned());
            }
            tx.put_executions(std::slice::from_ref(&stored)).await?;
            let delivery = service
                .scheduler()
                .queue_start(&mut tx, &id, now, keep)
                .await?;
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
        service.scheduler().deliver(delivery);
    }
    Ok(true)
}
