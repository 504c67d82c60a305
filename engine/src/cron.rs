//! Cron triggers: their patterns and times, and the loop that fires them.
//!
//! Each node runs [`run`]. It fires the triggers that are due and sleeps
//! until the earliest next time (or until a trigger is created on this
//! node). A firing is claimed in the store with a conditional update on the
//! due time the node read, in the same transaction that stores the new
//! execution and its start event, so with several nodes on one database
//! each firing starts exactly one execution.

use std::time::Duration;

use bora_store::CronTriggerRecord;
use chrono::{DateTime, NaiveDateTime, Utc};
use croner::Cron;
use croner::parser::{CronParser, Seconds, Year};
use serde_json::json;

use crate::clock::now_micros;
use crate::service::{Prepared, Service, StartRequest};

/// The longest sleep: triggers created on other nodes (which do not wake
/// this one) are seen at least this often.
const MAX_SLEEP: Duration = Duration::from_secs(30);

/// The pause before retrying after the store failed.
const RETRY_DELAY: Duration = Duration::from_secs(1);

/// Parses a standard 5-field cron pattern (minute hour day-of-month month
/// day-of-week; names and `@daily`-style nicknames allowed).
pub fn parse_pattern(pattern: &str) -> Result<Cron, croner::errors::CronError> {
    CronParser::builder()
        .seconds(Seconds::Disallowed)
        .year(Year::Disallowed)
        .build()
        .parse(pattern)
}

/// The first time of `cron` strictly after `after` (UTC microseconds).
pub fn next_after(cron: &Cron, after: i64) -> Option<i64> {
    let start = DateTime::<Utc>::from_timestamp_micros(after)?;
    cron.find_next_occurrence(&start, false)
        .ok()
        .map(|t| t.timestamp_micros())
}

/// Parses Mistral's `first_execution_time` (`YYYY-MM-DD HH:MM`, UTC); the
/// error reads like Python's `strptime`.
pub fn parse_first_time(text: &str) -> Result<i64, String> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
        .map(|t| t.and_utc().timestamp_micros())
        .map_err(|_| format!("time data '{text}' does not match format '%Y-%m-%d %H:%M'"))
}

/// When a trigger fires after `due`, its next time: `None` when this was
/// its last firing (no executions left, or no pattern to follow).
fn following(trigger: &CronTriggerRecord, now: i64) -> Option<i64> {
    if trigger.remaining_executions.is_some_and(|n| n <= 1) {
        return None;
    }
    let pattern = trigger.pattern.as_deref()?;
    match parse_pattern(pattern) {
        // Missed times are not made up: the next one after now.
        Ok(cron) => next_after(&cron, now.max(trigger.next_execution_time)),
        Err(err) => {
            tracing::error!(trigger = %trigger.name, error = %err, "unreadable cron pattern; trigger dropped");
            None
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    fn micros(text: &str) -> i64 {
        parse_first_time(text).unwrap_or(i64::MIN)
    }

    #[test]
    fn next_times_follow_the_pattern() {
        let every_5 = parse_pattern("*/5 * * * *").expect("valid");
        assert_eq!(
            next_after(&every_5, micros("2026-11-22 10:02")),
            Some(micros("2026-11-22 10:05"))
        );
        // Strictly after: a time on the pattern moves to the next one.
        assert_eq!(
            next_after(&every_5, micros("2026-11-22 10:05")),
            Some(micros("2026-11-22 10:10"))
        );
        let new_year = parse_pattern("0 0 1 1 *").expect("valid");
        assert_eq!(
            next_after(&new_year, micros("2026-11-22 11:24")),
            Some(micros("2027-01-01 00:00"))
        );
    }

    #[test]
    fn bad_patterns_and_times_are_refused() {
        for bad in ["", "* * * *", "61 * * * *", "* * * * * *", "bogus"] {
            assert!(parse_pattern(bad).is_err(), "{bad:?} accepted");
        }
        assert_eq!(
            parse_first_time("2026-11-22T10:00").err().as_deref(),
            Some("time data '2026-11-22T10:00' does not match format '%Y-%m-%d %H:%M'")
        );
    }

    #[test]
    fn the_last_firing_has_no_next_time() {
        let trigger = CronTriggerRecord {
            id: "t".into(),
            name: "t".into(),
            pattern: Some("0 * * * *".into()),
            first_execution_time: None,
            next_execution_time: micros("2026-11-22 10:00"),
            remaining_executions: Some(2),
            workflow_name: "wf".into(),
            workflow_id: "wf".into(),
            workflow_namespace: String::new(),
            workflow_input: Default::default(),
            workflow_params: Default::default(),
            scope: "private".into(),
            project_id: String::new(),
            created_at: 0,
            updated_at: None,
        };
        // Late by 90 minutes: the next time is after now, not after due.
        assert_eq!(
            following(&trigger, micros("2026-11-22 11:30")),
            Some(micros("2026-11-22 12:00"))
        );
        let last = CronTriggerRecord {
            remaining_executions: Some(1),
            ..trigger.clone()
        };
        assert_eq!(following(&last, micros("2026-11-22 10:00")), None);
        let once = CronTriggerRecord {
            pattern: None,
            remaining_executions: None,
            ..trigger
        };
        assert_eq!(following(&once, micros("2026-11-22 10:00")), None);
    }
}
