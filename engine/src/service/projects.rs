//! What the API's project checks read: the owner of a run-time object
//! (definitions are read through their own services), and the project of
//! the request being served.

use bora_store::Owned;

use super::{Service, ServiceError};

impl Service {
    /// The project owning an execution, a task or an action execution;
    /// `None` when there is no such object.
    pub async fn project_of(&self, kind: Owned, id: &str) -> Result<Option<String>, ServiceError> {
        Ok(self.store.project_of(kind, id).await?)
    }
}

tokio::task_local! {
    /// The project of the API request being served (set by the API's
    /// project check for the request's whole handling): what the request
    /// creates belongs to it.
    static REQUEST_PROJECT: String;
}

/// Runs `work` (a request's handling) as `project`'s.
pub async fn as_project<F: std::future::Future>(project: String, work: F) -> F::Output {
    REQUEST_PROJECT.scope(project, work).await
}

/// The project new definitions belong to: the request's, or the default
/// one (authentication off, the command line, the node's own loops).
pub fn current_project() -> String {
    REQUEST_PROJECT
        .try_with(Clone::clone)
        .unwrap_or_else(|_| bora_store::DEFAULT_PROJECT.to_owned())
}
