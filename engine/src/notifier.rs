//! Sends the notifier's events (`params.notify` webhooks, see
//! [`bora_core::notify`]) from a background task, after the step that
//! caused them is committed.
//!
//! The queue is in memory and bounded, fed after the commit, like
//! Mistral's post-transaction queue: an engine step never waits for a
//! webhook (a full queue drops the batch with a warning instead of slowing
//! the engine), and a step adds no writes to the store for it. The price
//! is Mistral's too: notifications not yet sent when the process stops are
//! lost. A durable outbox table would keep them, at one more insert and
//! delete per notifying step.
//!
//! Each step's events for one webhook go out in order, in one background
//! task; a failed post (no answer, or a status other than 200/201, as
//! Mistral counts it) is retried with exponential backoff, then logged
//! and dropped.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bora_core::notify::{Notification, Webhook};
use tokio::sync::{Semaphore, mpsc};

/// Batches waiting to be sent.
const QUEUE: usize = 10_000;
/// Posts in flight at once.
const IN_FLIGHT: usize = 32;
/// Attempts per event, the first included.
const ATTEMPTS: u32 = 5;
/// Delay before the first retry; doubled for each next one.
const FIRST_BACKOFF: Duration = Duration::from_millis(250);

/// One step's events for one webhook.
#[derive(Debug, Clone)]
pub struct Batch {
    pub webhook: Webhook,
    pub events: Vec<serde_json::Value>,
}

/// The handle the scheduler feeds; cheap to clone.
#[derive(Clone)]
pub struct Notifier {
    queue: mpsc::Sender<Batch>,
    receiver: Arc<Mutex<Option<mpsc::Receiver<Batch>>>>,
}

impl Default for Notifier {
    fn default() -> Self {
        Self::new()
    }
}

impl Notifier {
    pub fn new() -> Self {
        let (queue, receiver) = mpsc::channel(QUEUE);
        Self {
            queue,
            receiver: Arc::new(Mutex::new(Some(receiver))),
        }
    }

    /// Queues a committed step's notifications for the webhooks that want
    /// them; never waits.
    pub fn publish(&self, webhooks: &[Webhook], notifications: &[Notification]) {
        for webhook in webhooks {
            let events: Vec<serde_json::Value> = notifications
                .iter()
                .filter(|n| webhook.wants(n.event))
                .map(|n| n.payload.clone())
                .collect();
            if events.is_empty() {
                continue;
            }
            let batch = Batch {
                webhook: webhook.clone(),
                events,
            };
            if let Err(err) = self.queue.try_send(batch) {
                tracing::warn!(url = %webhook.url, error = %err, "notification queue full: events dropped");
            }
        }
    }

    /// Sends queued batches until `shutdown` resolves (what is still queued
    /// then is dropped). Runs once per notifier.
    pub async fn run(&self, shutdown: impl std::future::Future<Output = ()>) {
        let Some(mut receiver) = self
            .receiver
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        else {
            return;
        };
        let client = match reqwest::Client::builder()
            .connect_timeout(Duration::from_secs(3))
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
        {
            Ok(client) => client,
            Err(err) => {
                tracing::error!(error = %err, "no HTTP client for notifications; none will be sent");
                return;
            }
        };
        let slots = Arc::new(Semaphore::new(IN_FLIGHT));
        let mut sending = tokio::task::JoinSet::new();
        tokio::pin!(shutdown);
        loop {
            tokio::select! {
                _ = &mut shutdown => break,
                next = receiver.recv() => {
                    let Some(batch) = next else { break };
                    let Ok(slot) = slots.clone().acquire_owned().await else { break };
                    let client = client.clone();
                    sending.spawn(async move {
                        send_batch(&client, batch).await;
                        drop(slot);
                    });
                }
                Some(_) = sending.join_next(), if !sending.is_empty() => {}
            }
        }
        sending.abort_all();
    }
}

async fn send_batch(client: &reqwest::Client, batch: Batch) {
    for event in &batch.events {
        send_one(client, &batch.webhook, event).await;
    }
}

/// Posts one event, retrying with backoff.
async fn send_one(client: &reqwest::Client, webhook: &Webhook, event: &serde_json::Value) {
    let mut delay = FIRST_BACKOFF;
    for attempt in 1..=ATTEMPTS {
        let mut request = client
            .post(&webhook.url)
            .header(reqwest::header::CONTENT_TYPE, "application/json")
            .body(event.to_string());
        for (name, value) in &webhook.headers {
            request = request.header(name, value);
        }
        let failure = match request.send().await {
            Ok(response) if matches!(response.status().as_u16(), 200 | 201) => return,
            Ok(response) => format!("answered {}", response.status()),
            Err(err) => err.to_string(),
        };
        if attempt == ATTEMPTS {
            tracing::warn!(url = %webhook.url, event = %event["event"], attempts = ATTEMPTS, error = %failure, "notification not delivered");
            return;
        }
        tracing::debug!(url = %webhook.url, attempt, error = %failure, "notification failed; retrying");
        tokio::time::sleep(delay).await;
        delay *= 2;
    }
}
