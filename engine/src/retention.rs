//! The retention policy (Mistral's execution expiration policy): finished
//! top-level executions older than a configured age are deleted with their
//! sub-workflows, in small batches so that the store never stalls on a
//! big delete. Runs on engine nodes; two nodes deleting the same execution
//! is harmless (the second finds it gone).

use std::time::Duration;

use bora_store::{Store, StoreError};

use crate::clock::now_micros;

/// How often the policy looks for expired executions.
const EVERY: Duration = Duration::from_secs(60);
/// Executions deleted per batch.
const BATCH: i64 = 50;

/// Deletes finished executions older than `keep`, every minute, until
/// `shutdown` resolves.
pub async fn run(store: Store, keep: Duration, shutdown: impl std::future::Future<Output = ()>) {
    tokio::pin!(shutdown);
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tokio::select! {
            _ = &mut shutdown => return,
            _ = tick.tick() => {}
        }
        match expire(&store, keep).await {
            Ok(0) => {}
            Ok(deleted) => tracing::info!(executions = deleted, "deleted expired executions"),
            Err(err) => tracing::warn!(error = %err, "deleting expired executions failed"),
        }
    }
}

/// One pass: deletes every execution expired now, a batch at a time.
/// Returns how many top-level executions were deleted.
pub async fn expire(store: &Store, keep: Duration) -> Result<usize, StoreError> {
    let before = now_micros() - i64::try_from(keep.as_micros()).unwrap_or(i64::MAX);
    let mut deleted = 0;
    loop {
        let batch = store.expired_executions(before, BATCH).await?;
        if batch.is_empty() {
            return Ok(deleted);
        }
        for id in &batch {
            match store.delete_execution(id).await {
                Ok(()) => deleted += 1,
                Err(StoreError::NotFound { .. }) => {}
                Err(err) => return Err(err),
            }
        }
        // Others get the store between batches.
        tokio::task::yield_now().await;
    }
}
