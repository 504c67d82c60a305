//! Uploaded actions: a wasm component checked against the `bora:action`
//! world (compiled, pre-instantiated, `describe()` called) before it is
//! stored as the next version of its name.

use std::time::Duration;

use bora_store::{ActionComponent, CompileState, NewComponent, StoreError};
use sha2::{Digest, Sha256};

use super::{Actions, ResolveError, StoredLimits, is_std};
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

/// Whose an upload is: it belongs to `project`, which alone changes and
/// deletes it; with `scope` `public` every project reads and runs it.
#[derive(Debug, Clone, Copy)]
pub struct Owner<'a> {
    pub project: &'a str,
    pub scope: &'a str,
}

impl Owner<'static> {
    /// The default project's private upload (authentication off, an
    /// in-process caller).
    pub const DEFAULT: Self = Owner {
        project: bora_store::DEFAULT_PROJECT,
        scope: "private",
    };
}

/// A stored version with what its component describes (`None` while it
/// is still compiling).
#[derive(Debug, Clone)]
pub struct Uploaded {
    pub component: ActionComponent,
    pub descriptor: Option<Descriptor>,
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

/// How long an upload waits for its compilation by default before it
/// answers with the version still compiling (a Rust action compiles in
/// well under a second; Python and JavaScript ones take 15-45 s).
pub const UPLOAD_WAIT: Duration = Duration::from_secs(10);

impl Actions {
    /// As [`Actions::upload_waiting`], as the default project's private
    /// action, waiting [`UPLOAD_WAIT`].
    ///
    /// # Errors
    /// As [`Actions::upload_waiting`].
    pub async fn upload(
        &self,
        name: &str,
        bytes: &[u8],
        limits: StoredLimits,
    ) -> Result<Uploaded, UploadError> {
        self.upload_waiting(name, bytes, Owner::DEFAULT, limits, UPLOAD_WAIT)
            .await
    }

    /// Stores an upload as the next version of `name` in `owner`'s project
    /// (giving every version of the name `owner`'s scope) and compiles it in
    /// the background (once: the compiled code goes to the store for every
    /// node), waiting up to `wait` for that. New calls and tasks use the
    /// version from now on, on every node (waiting for its compilation);
    /// tasks already running keep the version they started with.
    ///
    /// A component that does not compile or does not fit the world within
    /// `wait` is refused (its version removed); one that fails later stays
    /// listed with `compile_state` `error` and the reason, and calls of it
    /// fail with that reason.
    ///
    /// # Errors
    /// [`UploadError`]: a bad or taken name, a component that does not fit
    /// (the message says what), or a store failure.
    pub async fn upload_waiting(
        &self,
        name: &str,
        bytes: &[u8],
        owner: Owner<'_>,
        limits: StoredLimits,
        wait: Duration,
    ) -> Result<Uploaded, UploadError> {
        check_name(name)?;
        check_limits(&limits, &self.runtime.ceilings())?;
        if is_std(name) {
            return Err(UploadError::Taken(format!(
                "Duplicate entry for Action [name={name}]: a system action has this name"
            )));
        }
        // Names are unique per project, ad-hoc and uploaded together:
        // other projects' names are theirs.
        let own = bora_store::ProjectScope::only(owner.project);
        if self
            .store
            .find_action_definition(name, "", own.change())
            .await?
            .is_some()
        {
            return Err(UploadError::Taken(format!(
                "Duplicate entry for Action [name={name}]: an ad-hoc action has this name"
            )));
        }
        check_component(name, bytes)?;
        let limits_json =
            serde_json::to_string(&limits).map_err(|e| UploadError::Descriptor(e.to_string()))?;
        let digest = hex::encode(Sha256::digest(bytes));
        let component = self
            .store
            .put_action_component(&NewComponent {
                name,
                project_id: owner.project,
                scope: owner.scope,
                digest: &digest,
                bytes,
                limits: limits_json,
                descriptor: "null".to_owned(),
                created_at: now_micros(),
                compile_state: CompileState::Compiling,
            })
            .await?;
        // Spawned: the compilation goes on when the client stops waiting.
        let compile = tokio::spawn({
            let actions = self.clone();
            let component = component.clone();
            let bytes = bytes.to_vec();
            async move { actions.compile_upload(component, bytes).await }
        });
        match tokio::time::timeout(wait, compile).await {
            Ok(Ok(Ok(descriptor))) => Ok(Uploaded {
                component: ActionComponent {
                    compile_state: CompileState::Ready,
                    descriptor: serde_json::to_string(&descriptor)
                        .map_err(|e| UploadError::Descriptor(e.to_string()))?,
                    ..component
                },
                descriptor: Some(descriptor),
            }),
            Ok(Ok(Err(CompileFailed::Rejected(err)))) => {
                self.store
                    .delete_action_version(owner.project, name, component.version)
                    .await?;
                Err(UploadError::Rejected(err))
            }
            Ok(Ok(Err(CompileFailed::Store(err)))) => Err(UploadError::Store(err)),
            Ok(Err(join)) => Err(UploadError::Descriptor(format!(
                "the compilation task ended abnormally: {join}"
            ))),
            Err(_still_compiling) => Ok(Uploaded {
                component,
                descriptor: None,
            }),
        }
    }

    /// Compiles an upload (or loads the code another node stored), loads it
    /// under its version's key and records the outcome in the store.
    async fn compile_upload(
        &self,
        component: ActionComponent,
        bytes: Vec<u8>,
    ) -> Result<Descriptor, CompileFailed> {
        let loaded = self.load_component(&component, Some(bytes)).await;
        let outcome = match &loaded {
            Ok(handle) => {
                let descriptor = &handle.info().descriptor;
                serde_json::to_string(descriptor).map_err(|e| e.to_string())
            }
            Err(ResolveError::Load(err)) => Err(rename(err.clone(), &component.name).to_string()),
            Err(other) => Err(other.to_string()),
        };
        let recorded = self
            .store
            .finish_compile(
                &component.digest,
                outcome.as_deref().map_err(String::as_str),
            )
            .await;
        match loaded {
            Ok(handle) => {
                recorded.map_err(CompileFailed::Store)?;
                Ok(handle.info().descriptor.clone())
            }
            Err(ResolveError::Load(err)) => {
                tracing::warn!(action = %component.name, error = %err, "uploaded action does not compile");
                Err(CompileFailed::Rejected(rename(err, &component.name)))
            }
            Err(ResolveError::Store(err)) => Err(CompileFailed::Store(err)),
            Err(other) => Err(CompileFailed::Rejected(LoadError::InvalidComponent {
                name: component.name.clone(),
                message: other.to_string(),
            })),
        }
    }

    /// Deletes every version of the uploaded action `name` that `lookup`
    /// (a [`bora_store::ProjectScope::change`]) means; calls already
    /// running finish.
    ///
    /// # Errors
    /// [`StoreError::NotFound`] when the caller has no such upload.
    pub async fn delete_upload(
        &self,
        name: &str,
        lookup: bora_store::Lookup<'_>,
    ) -> Result<(), StoreError> {
        let project = self.store.delete_action_component(name, lookup).await?;
        self.unload_versions(&project, name);
        Ok(())
    }
}

/// Why the compilation of an upload failed.
enum CompileFailed {
    /// The component does not compile or does not fit the world.
    Rejected(LoadError),
    Store(StoreError),
}

/// The checks that need no compiler: the bytes are a component.
fn check_component(name: &str, bytes: &[u8]) -> Result<(), UploadError> {
    crate::runtime::check_binary(bytes).map_err(|message| {
        UploadError::Rejected(LoadError::InvalidComponent {
            name: name.to_owned(),
            message: message.to_owned(),
        })
    })
}

/// The load error with the action's name instead of its version's key.
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
            grants: Vec::new(),
            warm: false,
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
