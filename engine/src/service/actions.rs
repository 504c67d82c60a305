//! The action catalogue (`/v2/actions`): the standard actions, ad-hoc
//! actions (Mistral's YAML action lists) and uploaded wasm components,
//! listed, read, created and deleted together.

use bora_store::{ActionComponent, ActionDefinition, ProjectScope, StoreError};

use super::{Service, ServiceError, bad};
use crate::actions::definitions::{Upload, put_action_list};
use crate::actions::upload::{Owner, UploadError, Uploaded};
use crate::actions::{Actions, StoredLimits, is_std};
use crate::runtime::{Descriptor, std_actions};

/// One action of the catalogue.
#[derive(Debug, Clone)]
pub enum ActionEntry {
    /// A standard action, built into the binary.
    Standard {
        name: String,
        descriptor: Descriptor,
    },
    /// An ad-hoc action over a base action.
    Adhoc(ActionDefinition),
    /// The newest version of an uploaded component.
    Uploaded(ActionComponent),
}

impl Service {
    fn actions(&self) -> Actions {
        Actions::new(self.store.clone(), self.runtime.clone())
    }

    /// Every action of every project: the standard ones, the ad-hoc ones,
    /// then the newest version of each project's upload of each name
    /// (callers show each caller what it may see).
    pub async fn list_action_entries(&self) -> Result<Vec<ActionEntry>, ServiceError> {
        // Aliases too, each under its own name, as Mistral lists them.
        let mut all: Vec<ActionEntry> = std_actions::names()
            .filter_map(|name| {
                let descriptor = self.runtime.describe(name)?;
                Some(ActionEntry::Standard {
                    name: name.to_owned(),
                    descriptor,
                })
            })
            .collect();
        all.extend(
            self.store
                .list_action_definitions()
                .await?
                .into_iter()
                .map(ActionEntry::Adhoc),
        );
        let mut latest: Vec<ActionComponent> = Vec::new();
        for c in self.store.list_action_components().await? {
            // Ordered by name, project, then version: keep the last of each
            // project's name.
            match latest.last_mut() {
                Some(last) if last.name == c.name && last.project_id == c.project_id => *last = c,
                _ => latest.push(c),
            }
        }
        all.extend(latest.into_iter().map(ActionEntry::Uploaded));
        Ok(all)
    }

    /// An action by name as `scope` means it: standard (outside
    /// namespaces), ad-hoc in `namespace`, or uploaded (outside
    /// namespaces); of the last two the caller's own comes before another
    /// project's public one, as when a workflow calls the name.
    pub async fn get_action_entry(
        &self,
        name: &str,
        namespace: &str,
        scope: &ProjectScope,
    ) -> Result<ActionEntry, ServiceError> {
        if namespace.is_empty()
            && is_std(name)
            && let Some(descriptor) = self.runtime.describe(name)
        {
            return Ok(ActionEntry::Standard {
                name: name.to_owned(),
                descriptor,
            });
        }
        let adhoc = match self
            .store
            .get_action_definition(name, namespace, scope.read())
            .await
        {
            Ok(def) if def.project_id == scope.project => return Ok(ActionEntry::Adhoc(def)),
            Ok(def) => Some(def),
            Err(StoreError::NotFound { .. }) => None,
            Err(other) => return Err(other.into()),
        };
        let uploaded = if namespace.is_empty() {
            self.store
                .latest_action_component(name, scope.read())
                .await?
        } else {
            None
        };
        match (adhoc, uploaded) {
            (_, Some(c)) if c.project_id == scope.project => Ok(ActionEntry::Uploaded(c)),
            (Some(def), _) => Ok(ActionEntry::Adhoc(def)),
            (None, Some(c)) => Ok(ActionEntry::Uploaded(c)),
            (None, None) => Err(action_not_found(name, namespace)),
        }
    }

    /// Parses an action list and stores its actions (`replace`: PUT).
    pub async fn put_action_list(
        &self,
        text: &str,
        upload: Upload<'_>,
    ) -> Result<Vec<ActionDefinition>, ServiceError> {
        Ok(put_action_list(&self.store, text, upload).await?)
    }

    /// Stores a component as the next version of `name` in the request's
    /// project with `scope` (`private` or `public`), after checking it and
    /// its limits, and compiles it in the background, waiting up to `wait`
    /// for that (the caller renders each refusal as it needs).
    pub async fn upload_action(
        &self,
        name: &str,
        bytes: &[u8],
        scope: &str,
        limits: StoredLimits,
        wait: std::time::Duration,
    ) -> Result<Uploaded, UploadError> {
        let project = super::current_project();
        let owner = Owner {
            project: &project,
            scope,
        };
        self.actions()
            .upload_waiting(name, bytes, owner, limits, wait)
            .await
    }

    /// Deletes an ad-hoc action of `scope`'s project, or (outside
    /// namespaces) every version of its upload; standard actions cannot be
    /// deleted.
    pub async fn delete_action(
        &self,
        name: &str,
        namespace: &str,
        scope: &ProjectScope,
    ) -> Result<(), ServiceError> {
        if is_std(name) {
            return Err(bad(format!("Attempt to delete a system action: {name}")));
        }
        match self
            .store
            .delete_action_definition(name, namespace, scope.change())
            .await
        {
            Ok(()) => return Ok(()),
            Err(StoreError::NotFound { .. }) => {}
            Err(other) => return Err(other.into()),
        }
        if namespace.is_empty() {
            match self.actions().delete_upload(name, scope.change()).await {
                Ok(()) => return Ok(()),
                Err(StoreError::NotFound { .. }) => {}
                Err(other) => return Err(other.into()),
            }
        }
        Err(action_not_found(name, namespace))
    }
}

fn action_not_found(name: &str, namespace: &str) -> ServiceError {
    ServiceError::NotFound(format!(
        "Action not found [name={name}, namespace={namespace}]"
    ))
}
