//! The loop that fires cron triggers; their patterns, times and the firing
//! itself are the service's.
//!
//! Each node runs [`run`]. It fires the triggers that are due and sleeps
//! until the earliest next time (or until a trigger is created on this
//! node). A firing ([`Service::fire_cron_trigger`]) is claimed in the store
//! with a conditional update on the due time the node read, in the same
//! transaction that stores the new execution and its start event, so with
//! several nodes on one database each firing starts exactly one execution.

use std::time::Duration;

use crate::clock::now_micros;
use crate::service::Service;

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
        match service.due_cron_triggers(now, 100).await {
            Ok(due) => {
                for trigger in due {
                    if let Err(err) = service.fire_cron_trigger(&trigger, now).await {
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
        let next = service.next_cron_time().await.ok().flatten();
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
