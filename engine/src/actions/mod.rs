//! The action registry: what an action name means, and running it.
//!
//! A name is, in this order:
//!
//! 1. a standard action (`std.echo`, ...) embedded in the binary;
//! 2. an ad-hoc action (Mistral's YAML actions over a base action, stored
//!    in `action_definitions`); inside a workbook `<workbook>.<name>` is
//!    tried first, as Mistral does;
//! 3. an uploaded wasm component (stored in `action_components`, versioned;
//!    the newest version is used, except by a task: it runs the version
//!    that was newest when it started, so its retries and later with-items
//!    items run what its first action ran; a rerun starts it again).
//!
//! Ad-hoc and uploaded actions belong to projects, and names are unique per
//! project: a name means the calling project's own action, else a public
//! one of another project (ad-hoc before uploaded when both are public);
//! another project's private action is not there, and a call of it fails
//! as one of an unknown name.
//!
//! An ad-hoc action is expanded down its chain of bases to a real action
//! (standard or uploaded) with [`bora_core::adhoc`]; the real action's
//! result is then transformed back up by each `output`.
//!
//! Uploaded components live in the store, so any node can run them: the
//! first call on a node reads the bytes by digest and loads them into the
//! runtime (compiled code comes from the runtime's disk cache when another
//! process on the machine compiled it already). A re-upload makes a new
//! version; calls already running keep the instance of the version they
//! started on, new calls load the new one, and a task's later calls
//! (retries, with-items items) load the version newest at its start (the
//! executor passes the task's `started_at`; no version is written, so the
//! step's transaction reads nothing more).
//!
//! Limits of an uploaded action are set at upload (fuel, memory, timeout,
//! allowed hosts, and the capabilities it is granted: `ssh`) and stored
//! with its version. Per task, the `timeout`
//! policy overrides the timeout and the task's `limits` (Bora extension)
//! override fuel, memory and allowed hosts, for uploaded and standard
//! actions alike (the executor passes them as the call's overrides). All of
//! them stay under the runtime's ceilings ([`crate::runtime::Ceilings`])
//! and the call's project's ([`crate::runtime::ProjectCeilings`], `bora
//! project limits`): an upload above the node's is refused, a call above
//! either fails (the timeout is cut to its ceiling instead), and the hosts
//! a call may reach are cut to its project's.
//!
//! - [`definitions`]: ad-hoc definitions from YAML (`/v2/actions`, workbooks).
//! - [`project`]: the call's project's ceilings and secrets.
//! - [`upload`]: checking and storing uploaded components.

use bora_core::adhoc::{self, AdhocError, Link};
use bora_core::records::{ActionExecution, ActionResult};
use bora_expr::DataContext;
use bora_lang::model::AdhocAction;
use bora_store::{
    ActionComponent, ActionDefinition, CompileState, ComponentArtifact, Lookup, Owned,
    ProjectScope, Store, StoreError,
};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::clock::now_micros;
use crate::runtime::{
    ActionFailure, ActionHandle, ActionInfo, ActionLimits, CallContext, CallOverrides, Descriptor,
    FailureKind, LoadError, Outcome, Precompiled, Runtime, Transcript, failure_value, std_actions,
};
use crate::secrets::{self, Opened, SecretError};

pub mod definitions;
pub mod project;
pub mod upload;

/// Limits stored with an uploaded version (JSON in the store).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredLimits {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fuel: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub memory: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timeout_secs: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_hosts: Option<Vec<String>>,
    /// Host capabilities granted at upload (`?grant=ssh`): only
    /// [`GRANTS`]. Versions stored before grants existed read as none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub grants: Vec<String>,
    /// Uploaded with `?instances=warm`: a call may run in the instance of
    /// the previous call of this version for the same project (see
    /// `Limits::warm`). Versions stored before it existed read as fresh.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub warm: bool,
}

/// The capabilities an upload may be granted: `ssh`, the `ssh` import of
/// std.ssh (a command on another host, still only to allowed hosts).
pub const GRANTS: &[&str] = &["ssh"];

impl StoredLimits {
    pub fn to_runtime(&self) -> ActionLimits {
        ActionLimits {
            fuel: self.fuel,
            memory: self.memory,
            timeout: self.timeout_secs.map(std::time::Duration::from_secs),
            allowed_hosts: self.allowed_hosts.clone(),
            ssh: Some(self.grants.iter().any(|g| g == "ssh")),
            warm: Some(self.warm),
        }
    }
}

/// Why a name could not be resolved to something runnable.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    /// Nothing has this name (Mistral's wording).
    #[error("Failed to find action [action_name={name}, namespace={namespace}]")]
    NotFound { name: String, namespace: String },
    /// An ad-hoc action's base does not exist (Mistral's wording).
    #[error("Failed to find base action [action_name={name} namespace={namespace}]")]
    BaseNotFound { name: String, namespace: String },
    /// An ad-hoc chain comes back to an action already in it.
    #[error(
        "Found a cycle in an ad-hoc action chain [action_name={name}, duplicate_action_name={duplicate}]"
    )]
    Cycle { name: String, duplicate: String },
    /// A stored definition or descriptor no longer reads.
    #[error("the stored action {name} is unreadable: {detail}")]
    Corrupt { name: String, detail: String },
    /// A stored component no longer loads (e.g. after a wasmtime upgrade
    /// that rejects it).
    #[error(transparent)]
    Load(#[from] LoadError),
    /// The version's compilation at upload failed; `reason` says why.
    #[error("{reason}")]
    NotCompiled { reason: String },
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// Why a call produced no result.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Resolve(#[from] ResolveError),
    /// Expanding the ad-hoc action or transforming its result failed.
    #[error(transparent)]
    Adhoc(#[from] AdhocError),
    /// The real action failed (or its input was wrong).
    #[error("{failure}")]
    Call {
        /// The real action's name (for Mistral's `std.fail` wording).
        base: String,
        failure: ActionFailure,
    },
    /// A secret value in the input cannot be opened.
    #[error("{0}")]
    Secret(#[from] SecretError),
    /// A failure whose words held a secret value, masked.
    #[error("{0}")]
    Masked(Value),
}

/// `err` with the secret values a call opened masked in its words.
fn redact_error(err: RunError, opened: &Opened) -> RunError {
    let words = err.error_value();
    let mut masked = words.clone();
    opened.redact_value(&mut masked);
    if masked == words {
        err
    } else {
        RunError::Masked(masked)
    }
}

impl RunError {
    /// True when the caller's input is what is wrong (HTTP 400 when an
    /// action is run directly through the API).
    pub fn is_bad_input(&self) -> bool {
        matches!(
            self,
            RunError::Adhoc(AdhocError::BadInput { .. })
                | RunError::Call {
                    failure: ActionFailure {
                        kind: FailureKind::BadInput { .. },
                        ..
                    },
                    ..
                }
        )
    }

    /// True when shutdown interrupted the call: not the action's outcome,
    /// nothing is to be stored.
    pub fn is_interrupted(&self) -> bool {
        matches!(
            self,
            RunError::Call {
                failure: ActionFailure {
                    kind: FailureKind::Interrupted,
                    ..
                },
                ..
            }
        )
    }

    /// What the action execution stores as its error (`output.result`).
    pub fn error_value(&self) -> Value {
        match self {
            RunError::Call { base, failure } => failure_value(&failure.kind, base),
            RunError::Masked(value) => value.clone(),
            other => Value::String(other.to_string()),
        }
    }
}

/// What a name resolved to.
#[derive(Debug, Clone)]
pub struct Resolved {
    /// The full name found (`<workbook>.<name>` for a workbook's action).
    pub name: String,
    /// The ad-hoc actions from the one called down to the real action's
    /// caller, outermost first; empty for a plain action.
    pub chain: Vec<(String, AdhocAction)>,
    /// The real action, loaded in the runtime under this name.
    pub base: String,
    /// The version of an uploaded real action.
    pub component: Option<ActionComponent>,
    /// That version, loaded in this node's runtime (set by
    /// [`Actions::resolve`]); calls hold it, so a re-upload does not change
    /// what a started call runs.
    pub handle: Option<ActionHandle>,
}

impl Resolved {
    fn links(&self) -> Vec<Link<'_>> {
        self.chain.iter().map(|(n, a)| (n.as_str(), a)).collect()
    }
}

/// Where a call comes from and what it may see.
#[derive(Debug, Clone, Default)]
pub struct Call {
    pub name: String,
    pub namespace: String,
    /// The workbook of the calling workflow (its actions come first).
    pub workbook: Option<String>,
    /// Whose ad-hoc actions the name means, whose ceilings and secrets
    /// apply: the caller's for a call of no execution (an action run
    /// through the API), the execution's for an execution's call (`None`:
    /// looked up by its id). `None` with neither: the default project's
    /// first, then any (the command line).
    pub project: Option<String>,
    pub input: Map<String, Value>,
    /// The caller's data (`__env`, task context, ...) for `base-input`.
    pub context: DataContext,
    pub ctx: CallContext,
    pub overrides: CallOverrides,
}

/// One thing a name can be, before following an ad-hoc chain.
enum Found {
    Std(String),
    Adhoc(Box<ActionDefinition>),
    Component(Box<ActionComponent>),
}

/// The version of the uploaded action `name` (as `lookup`'s caller means
/// it) to run: the newest one uploaded at or before `at` when given (the
/// calling task's start), else the newest. When every version is newer
/// (the name was deleted and uploaded again since), the newest.
async fn component_at(
    store: &Store,
    name: &str,
    at: Option<i64>,
    lookup: Lookup<'_>,
) -> Result<Option<ActionComponent>, StoreError> {
    let Some(latest) = store.latest_action_component(name, lookup).await? else {
        return Ok(None);
    };
    let Some(at) = at.filter(|at| latest.created_at > *at) else {
        return Ok(Some(latest));
    };
    // Versions uploaded since the task started are few: walk down.
    for version in (1..latest.version).rev() {
        match store
            .action_component(&latest.project_id, name, version)
            .await
        {
            Ok(older) if older.created_at <= at => return Ok(Some(older)),
            Ok(_) | Err(StoreError::NotFound { .. }) => {}
            Err(err) => return Err(err),
        }
    }
    Ok(Some(latest))
}

/// One name in one namespace (ad-hoc actions of the default namespace are
/// seen from every namespace), as `lookup`'s caller means it (see the
/// module's notes); an uploaded action in its version at `at`.
async fn find(
    store: &Store,
    name: &str,
    namespace: &str,
    at: Option<i64>,
    lookup: Lookup<'_>,
) -> Result<Option<Found>, StoreError> {
    if is_std(name) {
        return Ok(Some(Found::Std(name.to_owned())));
    }
    let mut adhoc = store
        .find_action_definition(name, namespace, lookup)
        .await?;
    if adhoc.is_none() && !namespace.is_empty() {
        adhoc = store.find_action_definition(name, "", lookup).await?;
    }
    if let Some(def) = adhoc.take_if(|def| def.project_id == lookup.project()) {
        return Ok(Some(Found::Adhoc(Box::new(def))));
    }
    let component = component_at(store, name, at, lookup).await?;
    Ok(match (adhoc, component) {
        // The caller's own upload wins over another project's public
        // ad-hoc action.
        (_, Some(c)) if c.project_id == lookup.project() => Some(Found::Component(Box::new(c))),
        (Some(def), _) => Some(Found::Adhoc(Box::new(def))),
        (None, component) => component.map(|c| Found::Component(Box::new(c))),
    })
}

/// Resolves `name` as a task in `workbook` (if any) calls it, following
/// the ad-hoc chain to the real action (not loading it). Each ad-hoc name
/// of the chain is the one `lookup`'s caller means (another project's
/// private action is not there for it, whatever its name).
///
/// # Errors
/// [`ResolveError`] when the name, or a base in its chain, is unknown, the
/// chain has a cycle, or a stored record is unreadable.
pub async fn resolve_in(
    store: &Store,
    name: &str,
    namespace: &str,
    workbook: Option<&str>,
    lookup: Lookup<'_>,
) -> Result<Resolved, ResolveError> {
    resolve_at(store, name, namespace, workbook, None, lookup).await
}

/// As [`resolve_in`], with an uploaded real action in the version that was
/// newest at `at` (UTC microseconds; `None`: the newest).
///
/// # Errors
/// As [`resolve_in`].
pub async fn resolve_at(
    store: &Store,
    name: &str,
    namespace: &str,
    workbook: Option<&str>,
    at: Option<i64>,
    lookup: Lookup<'_>,
) -> Result<Resolved, ResolveError> {
    let mut found = None;
    // Standard actions never go to the store (the hot path).
    if let Some(wb) = workbook
        && !is_std(name)
    {
        found = find(store, &format!("{wb}.{name}"), namespace, at, lookup).await?;
    }
    if found.is_none() {
        found = find(store, name, namespace, at, lookup).await?;
    }
    let Some(mut found) = found else {
        return Err(ResolveError::NotFound {
            name: name.to_owned(),
            namespace: namespace.to_owned(),
        });
    };
    let mut chain: Vec<(String, AdhocAction)> = Vec::new();
    let full_name = match &found {
        Found::Std(n) => n.clone(),
        Found::Adhoc(def) => def.name.clone(),
        Found::Component(c) => c.name.clone(),
    };
    let mut visited = vec![full_name.clone()];
    loop {
        match found {
            Found::Std(base) => {
                return Ok(Resolved {
                    name: full_name,
                    chain,
                    base,
                    component: None,
                    handle: None,
                });
            }
            Found::Component(component) => {
                return Ok(Resolved {
                    name: full_name,
                    chain,
                    base: component.name.clone(),
                    component: Some(*component),
                    handle: None,
                });
            }
            Found::Adhoc(def) => {
                let spec: AdhocAction =
                    serde_json::from_str(&def.spec).map_err(|e| ResolveError::Corrupt {
                        name: def.name.clone(),
                        detail: e.to_string(),
                    })?;
                let base = spec.base.clone();
                if visited.contains(&base) {
                    return Err(ResolveError::Cycle {
                        name: full_name,
                        duplicate: base,
                    });
                }
                visited.push(base.clone());
                chain.push((def.name.clone(), spec));
                found = find(store, &base, &def.namespace, at, lookup)
                    .await?
                    .ok_or_else(|| ResolveError::BaseNotFound {
                        name: base.clone(),
                        namespace: def.namespace.clone(),
                    })?;
            }
        }
    }
}

/// The result to store for an action execution completed later through
/// the API (`PUT /v2/action_executions/{id}`): for an ad-hoc action over an
/// asynchronous base, its `output` chain applied to the value reported;
/// anything else as reported. Errors pass through unchanged, as in Mistral.
///
/// # Errors
/// [`RunError`] when the action no longer resolves or an `output`
/// expression fails.
pub async fn completed_result(
    store: &Store,
    action: &ActionExecution,
    result: ActionResult,
) -> Result<ActionResult, RunError> {
    let ActionResult::Success(value) = result else {
        return Ok(result);
    };
    if is_std(&action.name) {
        return Ok(ActionResult::Success(value));
    }
    // The names its execution's project (or its caller's) meant.
    let project = store
        .project_of(Owned::Action, &action.id)
        .await
        .map_err(ResolveError::from)?;
    let scope = project.map_or_else(ProjectScope::everything, |p| ProjectScope::only(&p));
    let mut workbook = None;
    if let Some(execution) = &action.workflow_execution_id {
        let stored = store
            .get_execution(execution)
            .await
            .map_err(ResolveError::from)?;
        // By id: the definition the execution started from.
        let by_id = ProjectScope::everything();
        workbook = match store
            .get_workflow(
                &stored.execution.workflow_id,
                &action.workflow_namespace,
                by_id.read(),
            )
            .await
        {
            Ok(def) => def.workbook_name,
            // The definition was deleted since: no workbook to search.
            Err(StoreError::NotFound { .. }) => None,
            Err(other) => return Err(ResolveError::from(other).into()),
        };
    }
    let resolved = resolve_in(
        store,
        &action.name,
        &action.workflow_namespace,
        workbook.as_deref(),
        scope.read(),
    )
    .await?;
    let value = adhoc::transform_output(&resolved.links(), value)?;
    Ok(ActionResult::Success(value))
}

/// The registry; cheap to clone (a store and a runtime handle).
#[derive(Clone)]
pub struct Actions {
    store: Store,
    runtime: Runtime,
}

/// The runtime key of one version of a project's uploaded action (`@` is
/// not allowed in action names, so keys never clash with names; two
/// projects' actions of one name are two keys).
fn version_key(component: &ActionComponent) -> String {
    format!(
        "{}@{}@{}",
        component.name, component.version, component.project_id
    )
}

/// The version of `project`'s action `name` that `key` (a [`version_key`])
/// holds, if it holds one of them.
fn version_of_key(key: &str, project: &str, name: &str) -> Option<i64> {
    let (version, owner) = key.strip_prefix(name)?.strip_prefix('@')?.split_once('@')?;
    (owner == project).then(|| version.parse().ok()).flatten()
}

/// True for the standard actions embedded in the binary.
pub fn is_std(name: &str) -> bool {
    std_actions::find(name).is_some()
}

impl Actions {
    pub fn new(store: Store, runtime: Runtime) -> Self {
        Self { store, runtime }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// Resolves `name` as a task in `workbook` (if any) calls it, and makes
    /// sure an uploaded real action is loaded in this node's runtime.
    ///
    /// # Errors
    /// As [`resolve_in`], and when a stored component no longer loads.
    pub async fn resolve(
        &self,
        name: &str,
        namespace: &str,
        workbook: Option<&str>,
        lookup: Lookup<'_>,
    ) -> Result<Resolved, ResolveError> {
        self.resolve_at(name, namespace, workbook, None, lookup)
            .await
    }

    /// As [`Actions::resolve`], with an uploaded real action in the version
    /// that was newest at `at` (`None`: the newest).
    ///
    /// # Errors
    /// As [`Actions::resolve`].
    pub async fn resolve_at(
        &self,
        name: &str,
        namespace: &str,
        workbook: Option<&str>,
        at: Option<i64>,
        lookup: Lookup<'_>,
    ) -> Result<Resolved, ResolveError> {
        let mut resolved = resolve_at(&self.store, name, namespace, workbook, at, lookup).await?;
        if let Some(component) = &resolved.component {
            resolved.handle = Some(self.ensure_loaded(component).await?);
        }
        Ok(resolved)
    }

    /// This version of an uploaded action, loaded in the runtime under
    /// `<name>@<version>` (loaded now from the store if needed). Older
    /// versions of the name are then unloaded; calls running on them hold
    /// their own handle and finish.
    async fn ensure_loaded(
        &self,
        component: &ActionComponent,
    ) -> Result<ActionHandle, ResolveError> {
        if component.compile_state == CompileState::Error {
            return Err(ResolveError::NotCompiled {
                reason: component
                    .compile_error
                    .clone()
                    .unwrap_or_else(|| format!("action {}: it did not compile", component.name)),
            });
        }
        self.load_component(component, None).await
    }

    /// Loads a version of an upload into this node's runtime, unless it is
    /// loaded already: from the code compiled for this engine in the store,
    /// else compiled here (from `bytes`, or the stored bytes) and that code
    /// stored for every other node. Calls racing for one version load it
    /// once (they wait for each other).
    async fn load_component(
        &self,
        component: &ActionComponent,
        bytes: Option<Vec<u8>>,
    ) -> Result<ActionHandle, ResolveError> {
        let limits: StoredLimits =
            serde_json::from_str(&component.limits).map_err(|e| ResolveError::Corrupt {
                name: component.name.clone(),
                detail: format!("limits: {e}"),
            })?;
        let limits = limits.to_runtime();
        let key = version_key(component);
        // A name deleted and uploaded again restarts at version 1: the
        // digest and limits tell the versions apart.
        let current = |runtime: &Runtime| {
            runtime
                .handle(&key)
                .filter(|h| h.info().component_hash == component.digest && h.limits() == &limits)
        };
        if let Some(handle) = current(&self.runtime) {
            return Ok(handle);
        }
        let _guard = self.runtime.reload_guard().await;
        if let Some(handle) = current(&self.runtime) {
            return Ok(handle);
        }
        let info = self
            .load_code(&key, component, bytes, limits.clone())
            .await?;
        for loaded in self.runtime.list() {
            if version_of_key(&loaded, &component.project_id, &component.name)
                .is_some_and(|version| version < component.version)
            {
                self.runtime.unload(&loaded);
            }
        }
        if component.compile_state == CompileState::Compiling {
            // The node compiling it may have died: record what is known.
            if let Ok(descriptor) = serde_json::to_string(&info.descriptor)
                && let Err(err) = self
                    .store
                    .finish_compile(&component.digest, Ok(&descriptor))
                    .await
            {
                tracing::warn!(action = %component.name, error = %err, "compile state not recorded");
            }
        }
        tracing::info!(action = %component.name, version = component.version, cache = ?info.cache, "uploaded action loaded");
        current(&self.runtime).ok_or_else(|| ResolveError::Corrupt {
            name: component.name.clone(),
            detail: "unloaded while it was being loaded".to_owned(),
        })
    }

    /// Loads the code of `component` under `key`: the stored artifact for
    /// this engine if there is one that loads, else compiled now (and the
    /// artifact stored; failing to store it only costs other nodes a
    /// compilation).
    async fn load_code(
        &self,
        key: &str,
        component: &ActionComponent,
        bytes: Option<Vec<u8>>,
        limits: ActionLimits,
    ) -> Result<ActionInfo, ResolveError> {
        let engine = self.runtime.engine_key().to_owned();
        let size = usize::try_from(component.size).unwrap_or(0);
        if let Some(stored) = self
            .store
            .component_artifact(&component.digest, &engine)
            .await?
        {
            let artifact = Precompiled {
                component_hash: stored.digest,
                engine: stored.engine,
                bytes: stored.bytes,
                sha256: stored.sha256,
            };
            match self
                .runtime
                .load_precompiled(key, &artifact, size, limits.clone())
                .await
            {
                Ok(info) => return Ok(info),
                // Code that does not load (damaged) is compiled again; a
                // component that does not fit the world would not either.
                Err(LoadError::InvalidComponent { message, .. }) => tracing::warn!(
                    action = %component.name,
                    error = %message,
                    "stored precompiled component rejected; compiling"
                ),
                Err(other) => return Err(other.into()),
            }
        }
        let bytes = match bytes {
            Some(bytes) => bytes,
            None => self.store.component_bytes(&component.digest).await?,
        };
        let artifact = self.runtime.precompile(key, &bytes).await?;
        let stored = ComponentArtifact {
            digest: component.digest.clone(),
            engine,
            bytes: artifact.bytes.clone(),
            sha256: artifact.sha256.clone(),
        };
        if let Err(err) = self
            .store
            .put_component_artifact(&stored, now_micros())
            .await
        {
            tracing::warn!(action = %component.name, error = %err, "precompiled component not stored");
        }
        Ok(self
            .runtime
            .load_precompiled(key, &artifact, bytes.len(), limits)
            .await?)
    }

    fn unload_versions(&self, project: &str, name: &str) {
        for loaded in self.runtime.list() {
            if version_of_key(&loaded, project, name).is_some() {
                self.runtime.unload(&loaded);
            }
        }
    }

    /// What the resolved action looks like to callers: its input (the
    /// ad-hoc declaration, or what the real action describes) and whether
    /// it completes later (inherited from the real action).
    pub fn descriptor(&self, resolved: &Resolved) -> Option<Descriptor> {
        let base = match &resolved.handle {
            Some(handle) => handle.info().descriptor.clone(),
            None => self.runtime.describe(&resolved.base)?,
        };
        Some(match resolved.chain.first() {
            None => base,
            Some((name, action)) => Descriptor {
                name: name.clone(),
                description: action.description.clone().unwrap_or_default(),
                params: action
                    .input
                    .iter()
                    .map(|p| crate::runtime::Param {
                        name: p.name.clone(),
                        default: p.default.clone(),
                        description: None,
                    })
                    .collect(),
                is_async: base.is_async,
            },
        })
    }

    /// Resolves and runs an action: `Ok(Some(value))` when it finished,
    /// `Ok(None)` when it completes later through the API.
    ///
    /// # Errors
    /// [`RunError`] when the name does not resolve, the ad-hoc expansion or
    /// transformation fails, or the real action fails.
    pub async fn run(&self, call: Call) -> Result<Option<Value>, RunError> {
        self.run_at(call, None).await
    }

    /// As [`Actions::run`], with an uploaded real action in the version that
    /// was newest at `at` (a task's start; `None`: the newest).
    ///
    /// # Errors
    /// As [`Actions::run`].
    pub async fn run_at(&self, call: Call, at: Option<i64>) -> Result<Option<Value>, RunError> {
        self.run_captured(call, at).await.0
    }

    /// The project a call runs for: the one it names, else its
    /// execution's (`None`: neither is known, an in-process call of Bora's
    /// own). The executor names its execution's: a call a step runs inline
    /// comes before the execution is stored.
    async fn project_of(
        &self,
        ctx: &CallContext,
        caller: Option<&str>,
    ) -> Result<Option<String>, RunError> {
        if let Some(project) = caller {
            return Ok(Some(project.to_owned()));
        }
        match ctx.execution_id.as_deref() {
            Some(execution) => Ok(Some(
                self.store
                    .execution_project(execution)
                    .await
                    .map_err(ResolveError::from)?
                    .unwrap_or_default(),
            )),
            None => Ok(None),
        }
    }

    /// As [`Actions::run_at`], with what the real action printed and logged
    /// (empty when it never ran).
    pub async fn run_captured(
        &self,
        call: Call,
        at: Option<i64>,
    ) -> (Result<Option<Value>, RunError>, Transcript) {
        // A standard action's name is never looked up and its input is
        // final: only a secret in it or a project's ceilings need the
        // project, so a plain std.noop call asks the store nothing while
        // no project has settings (they are kept per node).
        let settings = match self.store.cached_project_settings().await {
            Ok(settings) => settings,
            Err(err) => return (Err(ResolveError::from(err).into()), Transcript::default()),
        };
        let needs_project = !is_std(&call.name)
            || !settings.is_empty()
            || call.input.values().any(secrets::has_marker);
        let project = if needs_project {
            match self.project_of(&call.ctx, call.project.as_deref()).await {
                Ok(project) => project,
                Err(err) => return (Err(err), Transcript::default()),
            }
        } else {
            None
        };
        // Whose ad-hoc actions the names mean: the call's project, else
        // every project (see [`Call::project`]).
        let scope = project
            .as_deref()
            .map_or_else(ProjectScope::everything, ProjectScope::only);
        let resolved = match self
            .resolve_at(
                &call.name,
                &call.namespace,
                call.workbook.as_deref(),
                at,
                scope.read(),
            )
            .await
        {
            Ok(resolved) => resolved,
            Err(err) => return (Err(err.into()), Transcript::default()),
        };
        let links = resolved.links();
        let input = if links.is_empty() {
            call.input
        } else {
            match adhoc::expand(&links, call.input, &call.context) {
                Ok(input) => input,
                Err(err) => return (Err(err.into()), Transcript::default()),
            }
        };
        let mut input = Value::Object(input);
        // `None`: a call of Bora's own, as the default project.
        let owner = project.as_deref().unwrap_or(bora_store::DEFAULT_PROJECT);
        let opened =
            match project::open_secrets(&self.store, self.runtime.keyring(), owner, &mut input)
                .await
            {
                Ok(opened) => opened,
                Err(err) => return (Err(err), Transcript::default()),
            };
        let mut ctx = call.ctx;
        ctx.project = project::ceilings_of(&settings, owner);
        ctx.owner = Some(owner.to_owned());
        let called = match &resolved.handle {
            Some(handle) => {
                self.runtime
                    .call_handle(handle, &resolved.base, input, ctx, call.overrides)
                    .await
            }
            None => {
                self.runtime
                    .call(&resolved.base, input, ctx, call.overrides)
                    .await
            }
        };
        let mut transcript = Transcript::of(&called);
        let result = match called {
            Err(failure) => Err(RunError::Call {
                base: resolved.base.clone(),
                failure,
            }),
            Ok(output) => match output.outcome {
                Outcome::Pending => Ok(None),
                Outcome::Done(mut value) => {
                    // Before the output chain, so no expression sees it.
                    opened.redact_value(&mut value);
                    adhoc::transform_output(&links, value)
                        .map(Some)
                        .map_err(RunError::from)
                }
            },
        };
        if opened.is_empty() {
            return (result, transcript);
        }
        transcript.redact(|text| opened.redact(text).into_owned());
        (result.map_err(|err| redact_error(err, &opened)), transcript)
    }

    /// Runs an action and turns the outcome into what the action execution
    /// stores; `None` when it completes later.
    pub async fn run_to_result(&self, call: Call, at: Option<i64>) -> Option<ActionResult> {
        match self.run_at(call, at).await {
            Ok(Some(value)) => Some(ActionResult::Success(value)),
            Ok(None) => None,
            Err(err) => Some(ActionResult::Error(err.error_value())),
        }
    }

    /// Applies an ad-hoc action's `output` chain to a result that arrived
    /// later (an asynchronous base completed through the API); a plain
    /// action's result is returned as it is.
    ///
    /// # Errors
    /// [`RunError`] when the name no longer resolves or an `output`
    /// expression fails.
    pub async fn transform_result(
        &self,
        name: &str,
        namespace: &str,
        workbook: Option<&str>,
        value: Value,
        lookup: Lookup<'_>,
    ) -> Result<Value, RunError> {
        let resolved = resolve_in(&self.store, name, namespace, workbook, lookup).await?;
        Ok(adhoc::transform_output(&resolved.links(), value)?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_keys_tell_projects_and_names_apart() {
        let component = ActionComponent {
            name: "greet".into(),
            project_id: "alpha@corp".into(),
            scope: "private".into(),
            version: 3,
            digest: "d".into(),
            size: 1,
            limits: "{}".into(),
            descriptor: "null".into(),
            created_at: 0,
            compile_state: CompileState::Ready,
            compile_error: None,
        };
        let key = version_key(&component);
        assert_eq!(version_of_key(&key, "alpha@corp", "greet"), Some(3));
        assert_eq!(version_of_key(&key, "alpha", "greet"), None);
        assert_eq!(version_of_key(&key, "alpha@corp", "gree"), None);
        assert_eq!(
            version_of_key("greet.more@3@alpha@corp", "alpha@corp", "greet"),
            None
        );
        assert_eq!(version_of_key("std.echo", "alpha@corp", "std.echo"), None);
    }
}
