//! The call's project: its ceilings (`bora project limits`) and its
//! secrets (`bora secret set`, named in expressions with `secret('NAME')`).
//!
//! The ceilings come from the store's per-node copy of the settings table
//! (read again every few seconds), so a call asks the store nothing more
//! unless some project has settings; then only the project of its
//! execution, which the node remembers. A project secret is read when a
//! call's input refers to it, never kept.

use std::sync::Arc;
use std::time::Duration;

use bora_store::{ProjectSettings, SettingsByProject, Store};
use serde_json::Value;

use super::{ResolveError, RunError};
use crate::runtime::ProjectCeilings;
use crate::secrets::{self, Keyring, Opened};

/// A project's stored settings as the runtime applies them.
pub fn ceilings(settings: &ProjectSettings) -> ProjectCeilings {
    ProjectCeilings {
        project: settings.project.clone(),
        fuel: settings.max_fuel,
        memory: settings.max_memory,
        timeout: settings.max_action_timeout.map(Duration::from_secs),
        allowed_hosts: settings.allowed_hosts.clone(),
    }
}

/// The ceilings of `project` among `all`, if it has any.
pub(super) fn ceilings_of(all: &SettingsByProject, project: &str) -> Option<Arc<ProjectCeilings>> {
    all.get(project).map(|s| Arc::new(ceilings(s)))
}

/// Opens the secret values in a call's input, sealed for `project`, and
/// the project secrets it refers to (read from the store now).
pub(super) async fn open_secrets(
    store: &Store,
    keyring: &Keyring,
    project: &str,
    input: &mut Value,
) -> Result<Opened, RunError> {
    if !secrets::has_marker(input) {
        return Ok(Opened::default());
    }
    let names = secrets::references(input);
    let stored = if names.is_empty() {
        Default::default()
    } else {
        store
            .project_secret_values(project, &names)
            .await
            .map_err(ResolveError::from)?
    };
    Ok(secrets::open_all(keyring, project, input, &stored)?)
}
