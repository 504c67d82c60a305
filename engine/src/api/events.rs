//! `GET /v2/events` (Bora extension): Server-Sent Events naming the
//! executions that this node's scheduler just stepped, for live views (the
//! dashboard, `bora execution watch`). Clients re-read what they show
//! through the REST API when an id they care about arrives.
//!
//! Each `changed` event carries `{"ids": [...]}`, the executions stepped
//! since the previous event: ids are gathered for [`COALESCE`] so that a
//! busy execution costs its watchers a few events a second, not one per
//! step. `?execution_id=ID` (repeatable) keeps only those ids. A `lagged`
//! event means ids were lost (the client was too slow): re-read everything.
//! Steps taken by other nodes of a PostgreSQL cluster are not seen here.

use std::collections::HashSet;
use std::convert::Infallible;
use std::sync::LazyLock;
use std::time::Duration;

use axum::extract::State;
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::stream::{self, Stream};
use serde_json::json;
use tokio::sync::{broadcast, watch};

use bora_store::{Owned, ProjectScope};

use super::projects::Scope;
use super::{ApiState, Pairs};
use crate::service::Service;

/// How long ids are gathered into one event.
pub const COALESCE: Duration = Duration::from_millis(100);

/// Set when the server stops: open streams end, so that a graceful shutdown
/// does not wait for dashboards to close.
static CLOSING: LazyLock<watch::Sender<bool>> = LazyLock::new(|| watch::channel(false).0);

/// Ends every open event stream of this process (call on shutdown).
pub fn close_all() {
    CLOSING.send_replace(true);
}

/// What one stream holds between events.
struct Feed {
    changes: broadcast::Receiver<String>,
    closing: watch::Receiver<bool>,
    only: HashSet<String>,
    /// Whose executions the caller sees (each id's project is looked up).
    scope: ProjectScope,
    service: Service,
    /// The first event (`ready`) says the stream is open, so a client knows that what
    /// it reads afterwards is covered by later events.
    opened: bool,
}

impl Feed {
    fn wanted(&self, id: &str) -> bool {
        self.only.is_empty() || self.only.contains(id)
    }

    /// The next event, or `None` when the stream ends.
    async fn next(&mut self) -> Option<Event> {
        if !self.opened {
            self.opened = true;
            return Some(Event::default().event("ready").data("{}"));
        }
        loop {
            let ids = match self.gather().await? {
                Ok(ids) => ids,
                Err(lagged) => return Some(lagged),
            };
            let ids = self.visible(ids).await;
            if !ids.is_empty() {
                return Some(
                    Event::default()
                        .event("changed")
                        .data(json!({ "ids": ids }).to_string()),
                );
            }
        }
    }

    /// Those of `ids` the caller's project owns.
    async fn visible(&self, ids: Vec<String>) -> Vec<String> {
        if self.scope.all {
            return ids;
        }
        let mut kept = Vec::with_capacity(ids.len());
        for id in ids {
            if let Ok(Some(project)) = self.service.project_of(Owned::Execution, &id).await
                && self.scope.sees(&project)
            {
                kept.push(id);
            }
        }
        kept
    }

    /// The ids of the next changes (`Err`: the `lagged` event), or `None`
    /// when the stream ends.
    async fn gather(&mut self) -> Option<Result<Vec<String>, Event>> {
        let mut ids: Vec<String> = Vec::new();
        // Wait for a first wanted id.
        while ids.is_empty() {
            let received = tokio::select! {
                received = self.changes.recv() => received,
                _ = self.closing.wait_for(|closing| *closing) => return None,
            };
            match received {
                Ok(id) if self.wanted(&id) => ids.push(id),
                Ok(_) => {}
                Err(broadcast::error::RecvError::Lagged(_)) => {
                    return Some(Err(Event::default().event("lagged").data("{}")));
                }
                Err(broadcast::error::RecvError::Closed) => return None,
            }
        }
        // Gather what else arrives shortly after.
        let deadline = tokio::time::Instant::now() + COALESCE;
        loop {
            match tokio::time::timeout_at(deadline, self.changes.recv()).await {
                Err(_elapsed) => break,
                Ok(Ok(id)) => {
                    if self.wanted(&id) && !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                Ok(Err(broadcast::error::RecvError::Lagged(_))) => {
                    return Some(Err(Event::default().event("lagged").data("{}")));
                }
                Ok(Err(broadcast::error::RecvError::Closed)) => break,
            }
        }
        Some(Ok(ids))
    }
}

/// `GET /v2/events[?execution_id=ID...]`.
#[utoipa::path(get, operation_id = "events_stream", path = "/v2/events", tag = "service", responses((status = 200, description = "Server-Sent Events: the id of each execution just stepped", content_type = "text/event-stream", body = String)))]
pub async fn stream(
    State(state): State<ApiState>,
    Scope(scope): Scope,
    Pairs(pairs): Pairs,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let feed = Feed {
        changes: state.service.subscribe(),
        closing: CLOSING.subscribe(),
        only: pairs
            .into_iter()
            .filter(|(k, v)| k == "execution_id" && !v.is_empty())
            .map(|(_, v)| v)
            .collect(),
        opened: false,
        scope,
        service: state.service.clone(),
    };
    let events = stream::unfold(feed, |mut feed| async move {
        let event = feed.next().await?;
        Some((Ok(event), feed))
    });
    Sse::new(events).keep_alive(KeepAlive::default())
}
