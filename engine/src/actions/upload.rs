//! Uploaded actions: a wasm component checked against the `bora:action`
//! world (compiled, pre-instantiated, `describe()` called) before it is
//! stored as the next version of its name.

use bora_store::{ActionComponent, NewComponent, StoreError};
use sha2::{Digest, Sha256};

use super::{Actions, StoredLimits, is_std};
use crate::clock::now_micros;
use crate::runtime::{Ceilings, Descriptor, Limit, LoadError};

/// Why an upload was refused.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    /// The name is not usable.
    #[error("{0}")]
    BadName(String),
    /// The name belongs to a standard or an ad-hoc action.
    #[error("{0}")]
    Taken(String),
    /// A limit is above the operator's ceiling (the message names the
    /// ceiling and its flag).
    #[error("{0}")]
    OverCeiling(String),
    /// The bytes are not a component, or it does not fit the world; the
    /// message names what does not fit.
    #[error(transparent)]
    Rejected(#[from] LoadError),
    #[error(transparent)]
    Store(#[from] StoreError),
    /// What `describe()` returned could not be stored.
    #[error("cannot store the descriptor: {0}")]
    Descriptor(String),
}

/// A stored version with what its component describes.
#[derive(Debug, Clone)]
pub struct Uploaded {
    pub component: ActionComponent,
    pub descriptor: Descriptor,
}

/// Checks an upload's limits against the ceilings.
fn check_limits(limits: &StoredLimits, ceilings: &Ceilings) -> Result<(), UploadError> {
    for (limit, value) in [
        (Limit::Fuel, limits.fuel),
        (Limit::Memory, limits.memory),
        (Limit::Timeout, limits.timeout_secs),
    ] {
        if let Some(value) = value
            && let Err(over) = ceilings.check(limit, value)
        {
            return Err(UploadError::OverCeiling(format!(
                "Invalid value of '{}': {over}",
                limit.key()
            )));
        }
    }
    Ok(())
}

/// Checks a name for an uploaded action: letters, digits, `_`, `-` and
/// `.`, as Mistral action names.
fn check_name(name: &str) -> Result<(), UploadError> {
    if name.is_empty() {
        return Err(UploadError::BadName(
            "An uploaded action needs a name: add ?name=<action name> to the request.".to_owned(),
        ));
    }
    if !name
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        return Err(UploadError::BadName(format!(
            "Invalid action name '{name}': use letters, digits, '_', '-' and '.'."
        )));
    }
    Ok(())
}

impl Actions {
    /// Checks and stores an upload as the next version of `name`; new
    /// calls and tasks use it from now on, on every node (tasks already
    /// running keep the version they started with).
    ///
    /// # Errors
    /// [`UploadError`]: a bad or taken name, a component that does not fit
    /// (the message says what), or a store failure.
    pub async fn upload(
        &self,
        name: &str,
        bytes: &[u8],
        limits: StoredLimits,
    ) -> Result<Uploaded, UploadError> {
        check_name(name)?;
        check_limits(&limits, &self.runtime.ceilings())?;
        if is_std(name) {
            return Err(UploadError::Taken(format!(
                "Duplicate entry for Action [name={name}]: a system action has this name"
            )));
        }
        if self.store.find_action_definition(name, "").await?.is_some() {
            return Err(UploadError::Taken(format!(
                "Duplicate entry for Action [name={name}]: an ad-hoc action has this name"
            )));
        }
        // Loaded under a key no action can have (names are checked above),
        // so a failed or replaced upload never disturbs running calls.
        let probe = format!("upload:{}", uuid::Uuid::new_v4().simple());
        let loaded = self
            .runtime
            .load(&probe, bytes, limits.to_runtime())
            .await
            .map_err(|e| rename(e, name));
        self.runtime.unload(&probe);
        let info = loaded?;
        let descriptor_json = serde_json::to_string(&info.descriptor)
            .map_err(|e| UploadError::Descriptor(e.to_string()))?;
        let limits_json =
            serde_json::to_string(&limits).map_err(|e| UploadError::Descriptor(e.to_string()))?;
        let digest = hex::encode(Sha256::digest(bytes));
        let component = self
            .store
            .put_action_component(&NewComponent {
                name,
                digest: &digest,
                bytes,
                limits: limits_json,
                descriptor: descriptor_json,
                created_at: now_micros(),
            })
            .await?;
        // Load it under its name now (the compiled code is in the disk
        // cache), so the first call does not wait; failing here only
        // delays that to the first call.
        if let Err(err) = self.ensure_loaded(&component).await {
            tracing::warn!(action = name, error = %err, "uploaded action not preloaded");
        }
        Ok(Uploaded {
            component,
            descriptor: info.descriptor,
        })
    }

    /// Deletes every version of an uploaded action; calls already running
    /// finish.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when there is no such upload.
    pub async fn delete_upload(&self, name: &str) -> Result<(), StoreError> {
        self.store.delete_action_component(name).await?;
        self.unload_versions(name);
        Ok(())
    }
}

/// The load error with the action's name instead of the probe key.
fn rename(err: LoadError, name: &str) -> LoadError {
    match err {
        LoadError::InvalidComponent { message, .. } => LoadError::InvalidComponent {
            name: name.to_owned(),
            message,
        },
        LoadError::WorldMismatch { message, .. } => LoadError::WorldMismatch {
            name: name.to_owned(),
            message,
        },
        LoadError::Describe { message, .. } => LoadError::Describe {
            name: name.to_owned(),
            message,
        },
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn names_are_checked() {
        assert!(check_name("my.custom-action_2").is_ok());
        assert!(matches!(check_name(""), Err(UploadError::BadName(_))));
        assert!(matches!(check_name("a b"), Err(UploadError::BadName(_))));
        assert!(matches!(check_name("a/b"), Err(UploadError::BadName(_))));
    }

    #[test]
    fn limits_above_a_ceiling_name_it_and_its_flag() {
        let ceilings = Ceilings {
            fuel: 10,
            memory: 20,
            timeout: std::time::Duration::from_secs(30),
        };
        let within = StoredLimits {
            fuel: Some(10),
            memory: Some(20),
            timeout_secs: Some(30),
            allowed_hosts: None,
        };
        assert!(check_limits(&within, &ceilings).is_ok());
        let cases = [
            (
                StoredLimits {
                    fuel: Some(11),
                    ..within.clone()
                },
                "'fuel': 11 is above",
                "--max-fuel",
            ),
            (
                StoredLimits {
                    memory: Some(21),
                    ..within.clone()
                },
                "'memory': 21 bytes",
                "--max-memory",
            ),
            (
                StoredLimits {
                    timeout_secs: Some(31),
                    ..within.clone()
                },
                "'timeout': 31 s is above the ceiling of 30 s",
                "--max-action-timeout",
            ),
        ];
        for (limits, what, flag) in cases {
            let message = check_limits(&limits, &ceilings).unwrap_err().to_string();
            assert!(message.contains(what), "{message}");
            assert!(message.contains(flag), "{message}");
        }
    }
}
