//! The action catalogue (`/v2/actions`): the standard actions, ad-hoc
//! actions (Mistral's YAML action lists) and uploaded wasm components,
//! listed, read, created and deleted together.

use bora_store::{ActionComponent, ActionDefinition, ProjectScope, StoreError};

use super::{Service, ServiceError, bad};
use crate::actions::definitions::{Upload, put_action_list};
use crate::actions::upload::{UploadError, Uploaded};
use crate::actions::{Actions, StoredLimits, is_std};
use crate::runtime::Descriptor;

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

    /// Every action: the standard ones, the ad-hoc ones, then the newest
    /// version of each upload.
    pub async fn list_action_entries(&self) -> Result<Vec<ActionEntry>, ServiceError> {
        let mut all: Vec<ActionEntry> = self
            .runtime
            .list()
            .into_iter()
            .filter(|name| is_std(name))
            .filter_map(|name| {
                let descriptor = self.runtime.describe(&name)?;
                Some(ActionEntry::Standard { name, descriptor })
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
            // Ordered by name then version: keep the last of each name.
            match latest.last_mut() {
                Some(last) if last.name == c.name => *last = c,
                _ => latest.push(c),
            }
        }
        all.extend(latest.into_iter().map(ActionEntry::Uploaded));
        Ok(all)
    }

    /// An action by name: standard (outside namespaces), ad-hoc in
    /// `namespace` (as `scope` means it), or uploaded (outside namespaces).
    pub async fn get_action_entry(
        &self,
        name: &str,
        namespace: &str,
        scope: &ProjectScope,
    ) -> Result<ActionEntry, ServiceError> {
        let found = if namespace.is_empty()
            && is_std(name)
            && let Some(descriptor) = self.runtime.describe(name)
        {
            Some(ActionEntry::Standard {
                name: name.to_owned(),
                descriptor,
            })
        } else {
            match self
                .store
                .get_action_definition(name, namespace, scope.read())
                .await
            {
                Ok(def) => Some(ActionEntry::Adhoc(def)),
                Err(StoreError::NotFound { .. }) if namespace.is_empty() => self
                    .store
                    .latest_action_component(name)
                    .await?
                    .map(ActionEntry::Uploaded),
                Err(StoreError::NotFound { .. }) => None,
                Err(other) => return Err(other.into()),
            }
        };
        found.ok_or_else(|| action_not_found(name, namespace))
    }

    /// Parses an action list and stores its actions (`replace`: PUT).
    pub async fn put_action_list(
        &self,
        text: &str,
        upload: Upload<'_>,
    ) -> Result<Vec<ActionDefinition>, ServiceError> {
        Ok(put_action_list(&self.store, text, upload).await?)
    }

    /// Stores a component as the next version of `name`, after checking it
    /// and its limits, and compiles it in the background, waiting up to
    /// `wait` for that (the caller renders each refusal as it needs).
    pub async fn upload_action(
        &self,
        name: &str,
        bytes: &[u8],
        limits: StoredLimits,
        wait: std::time::Duration,
    ) -> Result<Uploaded, UploadError> {
        self.actions()
            .upload_waiting(name, bytes, limits, wait)
            .await
    }

    /// Deletes an ad-hoc action of `scope`'s project, or (outside
    /// namespaces) every version of an upload; standard actions cannot be
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
            match self.actions().delete_upload(name).await {
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
