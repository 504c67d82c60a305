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
//!
//! A workflow names its webhooks, so they obey the actions' rule for
//! private addresses: loopback, link-local and unspecified addresses and
//! this node's own API are refused unless the operator opened them
//! (`--allow-private-egress`). Names are checked as they are resolved for
//! the connection itself, so a name cannot turn private between the check
//! and the post.

use std::net::{IpAddr, SocketAddr};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use bora_core::notify::{Notification, Webhook};
use reqwest::dns::{Addrs, Name, Resolve, Resolving};
use tokio::sync::{Semaphore, mpsc};

use crate::runtime::net::PrivateEgress;

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
    /// then is dropped), never to what `private` refuses. Runs once per
    /// notifier.
    pub(crate) async fn run(
        &self,
        private: PrivateEgress,
        shutdown: impl std::future::Future<Output = ()>,
    ) {
        let Some(mut receiver) = self
            .receiver
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take()
        else {
            return;
        };
        let private = Arc::new(private);
        let client = match reqwest::Client::builder()
            .dns_resolver(Arc::new(Guarded(Arc::clone(&private))))
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
                    let private = Arc::clone(&private);
                    sending.spawn(async move {
                        send_batch(&client, &private, batch).await;
                        drop(slot);
                    });
                }
                Some(_) = sending.join_next(), if !sending.is_empty() => {}
            }
        }
        sending.abort_all();
    }
}

async fn send_batch(client: &reqwest::Client, private: &PrivateEgress, batch: Batch) {
    if let Some(reason) = refused(private, &batch.webhook.url).await {
        tracing::warn!(url = %batch.webhook.url, %reason, "notification refused");
        return;
    }
    for event in &batch.events {
        send_one(client, &batch.webhook, event).await;
    }
}

/// Why the webhook's address is refused, if it is (its name resolved now,
/// and again, filtered, for the connection by [`Guarded`]).
async fn refused(private: &PrivateEgress, url: &str) -> Option<String> {
    let parsed = reqwest::Url::parse(url).ok()?;
    let host = parsed
        .host_str()?
        .trim_start_matches('[')
        .trim_end_matches(']');
    let port = parsed.port_or_known_default()?;
    let addrs: Vec<SocketAddr> = match host.parse::<IpAddr>() {
        Ok(ip) => vec![SocketAddr::new(ip, port)],
        Err(_) => tokio::net::lookup_host((host, port)).await.ok()?.collect(),
    };
    addrs.into_iter().find_map(|addr| private.refuses(addr))
}

/// Resolves names for the notifier's connections, leaving out the
/// addresses the operator has not opened.
struct Guarded(Arc<PrivateEgress>);

impl Resolve for Guarded {
    fn resolve(&self, name: Name) -> Resolving {
        let private = Arc::clone(&self.0);
        Box::pin(async move {
            let found = tokio::net::lookup_host((name.as_str(), 0)).await?;
            let allowed: Vec<SocketAddr> = found
                .filter(|addr| private.refuses(*addr).is_none())
                .collect();
            if allowed.is_empty() {
                let refused: Box<dyn std::error::Error + Send + Sync> = format!(
                    "{} resolves only to addresses the operator has not opened",
                    name.as_str()
                )
                .into();
                return Err(refused);
            }
            Ok(Box::new(allowed.into_iter()) as Addrs)
        })
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
