//! The action runtime: runs WASI action components (the `bora:action` world,
//! `wit/action.wit`) under wasmtime with hard limits.
//!
//! # Layout
//!
//! - this module: [`Runtime`], the cheap-to-clone handle the CLI and the engine
//!   use (`load`, `describe`, `list`, `call`);
//! - [`config`]: global defaults, per-action / per-call overrides, and the
//!   operator's ceilings over them;
//! - `engine`: the one wasmtime `Engine` (pooling with on-demand fallback, fuel,
//!   epochs) and the epoch ticker thread;
//! - `cache`: precompiled components on disk, keyed by content and engine hash;
//! - `host`: what a call's `Store` holds (WASI sandbox, captured stdio, `log`,
//!   memory cap);
//! - [`net`]: the egress check of every outgoing `wasi:http` request;
//! - `sockets`: `wasi:sockets` (TCP only) under the same check: name lookups
//!   and connections;
//! - `ssh`: the `ssh` import (std.ssh), for the actions granted it, under
//!   the same check;
//! - `input`: the input check against `describe()` (Mistral's wording);
//! - `pool`: the threads wasm runs on (`bora-action`), never the caller's,
//!   and the stop switch of shutdown;
//! - `call`: one call on the pool: store, epoch callback, classification;
//! - `warm`: the instances kept between calls of the actions that opt in;
//! - [`error`]: typed failures;
//! - [`std_actions`]: the embedded standard action components.
//!
//! # Per call
//!
//! Everything reusable is built once: the engine, the linker, and one
//! pre-instantiated component (`ActionPre`) per action. A call builds only what
//! must be fresh: a `Store` with a fuel budget, a memory cap and an epoch
//! callback, and a WASI context with no preopened directories, no environment
//! and captured stdio (an action uploaded with `?instances=warm` may run in
//! the instance of its previous call instead: see `warm`). The call runs on
//! the action pool (the quick standard actions with a small input excepted:
//! see [`Runtime::call_handle`]); at each epoch tick its wasm code yields the
//! thread (so long calls share the pool), and traps once its deadline passed
//! or the node is shutting down.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde_json::Value;
use tokio::sync::Semaphore;
use wasmtime::Engine;
use wasmtime::component::{HasSelf, Linker};

mod call;
pub mod config;
mod engine;
pub mod error;
mod host;
mod input;
mod json_text;
pub mod net;
mod pool;
mod sockets;
mod ssh;
pub mod std_actions;
pub mod transcript;
mod warm;

mod artifact;
mod cache;

pub use artifact::Precompiled;
pub use cache::CacheOutcome;
pub use config::{
    ActionLimits, Allocator, CallOverrides, Ceilings, Limit, Limits, OverCeiling, ProjectCeilings,
    RuntimeConfig, UNLIMITED_FUEL, default_cache_dir,
};
pub use error::{ActionFailure, FailureKind, LoadError, RuntimeError, failure_value};
pub use host::LogRecord;
pub use input::{Descriptor, Param};
pub use transcript::Transcript;

use cache::ComponentCache;
use call::{Shared, observe};
use engine::EpochTicker;
use host::HostState;
use net::EgressPolicy;
use pool::{ActionPool, StopSwitch};

/// Host bindings generated from `wit/action.wit`.
mod bindings {
    wasmtime::component::bindgen!({
        path: "../wit",
        world: "action",
        imports: { default: async },
        exports: { default: async },
    });
}

use bindings::{Action, ActionPre};

/// Where a call comes from (the WIT `context` without the action name, which
/// the runtime fills in), and the name of its workflow (the WIT `execution`
/// import; the runtime adds the callback URL).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CallContext {
    pub execution_id: Option<String>,
    pub task_id: Option<String>,
    pub action_execution_id: Option<String>,
    pub workflow_name: Option<String>,
    /// The ceilings of the call's project, if it has any (set by
    /// [`crate::actions::Actions`]): the call stays under them too.
    pub project: Option<Arc<ProjectCeilings>>,
    /// The project the call runs for (set by [`crate::actions::Actions`]):
    /// a kept instance serves only calls of the same project.
    pub owner: Option<String>,
}

/// How a successful call ended.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub enum Outcome {
    /// The action's result.
    Done(Value),
    /// The action goes on outside Bora and is completed later through the API.
    Pending,
}

/// A successful call: its outcome and what the action printed and logged.
#[derive(Debug, Clone, Serialize)]
pub struct CallOutput {
    pub outcome: Outcome,
    /// Captured stdout (size-capped, lossy UTF-8).
    pub stdout: String,
    /// Captured stderr (size-capped, lossy UTF-8).
    pub stderr: String,
    pub logs: Vec<LogRecord>,
    pub fuel_used: u64,
    pub elapsed: Duration,
    /// Where the time went.
    #[serde(skip)]
    pub timings: CallTimings,
}

/// Where a call's time went, phase by phase (the runtime bench prints it).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CallTimings {
    /// The input checked against `describe()`, defaults filled in, and
    /// encoded as JSON text.
    pub arguments: Duration,
    /// A fresh `Store` and WASI context, and the instance made from the
    /// action's `InstancePre`.
    pub instantiate: Duration,
    /// `run`: the input copied in, the action's own work, the result
    /// copied out.
    pub call: Duration,
    /// The result's JSON text parsed.
    pub result: Duration,
}

/// What [`Runtime::load`] learnt about a component.
#[derive(Debug, Clone, Serialize)]
pub struct ActionInfo {
    /// The name the action is registered under.
    pub name: String,
    /// What the component's `describe()` returned.
    pub descriptor: Descriptor,
    /// Hex SHA-256 of the component bytes.
    pub component_hash: String,
    pub size_bytes: usize,
    /// Whether the compiled code came from the disk cache.
    #[serde(skip)]
    pub cache: CacheOutcome,
    /// Time to compile (or map) and pre-instantiate, plus `describe()`.
    pub load_time: Duration,
}

/// Largest input (JSON bytes) with which a quick standard action runs on
/// the caller's thread; a bigger one (a 1 MiB `std.echo` takes
/// milliseconds) goes to the action threads.
const INLINE_INPUT_BYTES: usize = 64 << 10;

/// A loaded action held by a caller (see [`Runtime::handle`]).
#[derive(Clone)]
pub struct ActionHandle(Arc<LoadedAction>);

impl ActionHandle {
    /// Load information (descriptor, content hash, ...).
    pub fn info(&self) -> &ActionInfo {
        &self.0.info
    }

    /// The per-action limits it was loaded with.
    pub fn limits(&self) -> &ActionLimits {
        &self.0.limits
    }
}

impl std::fmt::Debug for ActionHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("ActionHandle")
            .field(&self.0.info.name)
            .finish()
    }
}

/// A compiled component on its way to being loaded.
struct Compiled {
    component: wasmtime::component::Component,
    hash: String,
    size_bytes: usize,
    /// See [`LoadedAction::inline`].
    inline: bool,
    /// Whether the action has the `ssh` import unless its limits say
    /// otherwise: an embedded std.ssh or std.ssh_proxied.
    ssh_by_default: bool,
    cache: CacheOutcome,
}

/// A loaded action: everything a call reuses.
struct LoadedAction {
    info: ActionInfo,
    /// One of the quick standard actions, loaded from the embedded bytes:
    /// trusted code that runs in microseconds, called on the caller's
    /// thread (see [`Runtime::call_handle`]).
    inline: bool,
    /// Class name shown in input errors (Mistral's, for the std actions).
    class: String,
    limits: ActionLimits,
    /// Granted the `ssh` import (see [`Limits::ssh`]).
    ssh: bool,
    pre: ActionPre<HostState>,
    /// The egress policy from the action's (or the global) allowed hosts,
    /// parsed once; a call that overrides the hosts parses its own.
    policy: Arc<EgressPolicy>,
    /// Unique per load in this process: kept instances of an earlier load
    /// (another version under the same name) are never taken for this one.
    serial: u64,
}

/// Drops the kept instances idle for too long every quarter of that time,
/// so an action no longer called gives its memory and slots back; ends
/// with the runtime.
fn sweep_warm_instances(shared: &Arc<Shared>) {
    let Ok(tokio) = tokio::runtime::Handle::try_current() else {
        return;
    };
    let shared = Arc::downgrade(shared);
    tokio.spawn(async move {
        let mut tick = tokio::time::interval(warm::IDLE_FOR / 4);
        tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            tick.tick().await;
            match shared.upgrade() {
                Some(shared) => shared.warm.sweep(Instant::now()),
                None => break,
            }
        }
    });
}

/// The serials of [`LoadedAction`]s.
static LOADS: AtomicU64 = AtomicU64::new(0);

struct Inner {
    /// What calls on the pool need (they do not hold the pool itself).
    shared: Arc<Shared>,
    /// The threads wasm runs on.
    pool: ActionPool,
    allocator: Allocator,
    linker: Linker<HostState>,
    cache: ComponentCache,
    /// See [`Runtime::engine_key`].
    engine_key: String,
    /// Components compiled by Cranelift in this runtime (not read from a
    /// cache or an artifact): see [`Runtime::compilations`].
    compilations: AtomicU64,
    actions: RwLock<HashMap<String, Arc<LoadedAction>>>,
    /// Taken while an uploaded action is (re)loaded on demand, so that calls
    /// racing for the same new version compile it once.
    reload: tokio::sync::Mutex<()>,
    /// Taken while a lazily loaded standard action loads on its first call
    /// (see [`std_actions::loads_lazily`]), for the same reason.
    lazy_std: tokio::sync::Mutex<()>,
    ticker: EpochTicker,
}

/// The action runtime. Cloning is one atomic increment; all clones share the
/// engine, the loaded actions and the instance pool.
#[derive(Clone)]
pub struct Runtime {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for Runtime {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Runtime")
            .field("allocator", &self.inner.allocator)
            .field("actions", &self.list())
            .finish()
    }
}

impl Runtime {
    /// Creates the engine, the linker, the epoch ticker and the action
    /// threads, and loads the standard actions (unless
    /// `config.load_std_actions` is false). Defaults above the ceilings are
    /// lowered to them.
    ///
    /// # Errors
    ///
    /// When wasmtime rejects the configuration, the action threads do not
    /// start, or a standard action does not load.
    pub async fn new(mut config: RuntimeConfig) -> Result<Self, RuntimeError> {
        let (engine, allocator) = engine::build(&config)?;
        let linker = build_linker(&engine).map_err(|e| RuntimeError::Linker(format!("{e:#}")))?;
        let cache = ComponentCache::new(&engine, config.cache_dir.clone());
        let engine_key = cache::engine_key(&engine);
        let ticker = EpochTicker::start(&engine, config.epoch_tick);
        let pool = ActionPool::start(config.action_threads)?;
        let mut ceilings = config.ceilings;
        // An instance cannot grow past the pool's slot size anyway.
        ceilings.memory = ceilings.memory.min(config.max_memory_per_instance);
        config.fuel = config.fuel.min(ceilings.fuel);
        config.memory_bytes = config.memory_bytes.min(ceilings.memory);
        config.timeout = config.timeout.min(ceilings.timeout);
        let private = Arc::new(net::PrivateEgress::new(
            &config.private_egress,
            &config.own_addresses,
        ));
        let ssh = Arc::new(ssh::SshSettings {
            key_dir: config.ssh_key_dir.clone(),
            known_hosts: config.ssh_known_hosts.clone(),
        });
        let slots = config.max_concurrent_instances.max(1) as usize;
        let shared = Arc::new(Shared {
            private,
            ssh,
            slots: Arc::new(Semaphore::new(slots)),
            // A few idle instances (a Python one holds some 20 MiB).
            warm: warm::WarmPool::new((slots / 4).min(16)),
            engine,
            config,
            ceilings,
            stop: StopSwitch::new(),
        });
        sweep_warm_instances(&shared);
        let runtime = Self {
            inner: Arc::new(Inner {
                shared,
                pool,
                allocator,
                linker,
                cache,
                engine_key,
                compilations: AtomicU64::new(0),
                actions: RwLock::new(HashMap::new()),
                reload: tokio::sync::Mutex::new(()),
                lazy_std: tokio::sync::Mutex::new(()),
                ticker,
            }),
        };
        if runtime.inner.shared.config.load_std_actions {
            runtime.load_std_actions().await?;
        }
        Ok(runtime)
    }

    /// Loads every embedded standard action, compiling them in parallel,
    /// except those that load on their first call.
    async fn load_std_actions(&self) -> Result<(), RuntimeError> {
        let mut set = tokio::task::JoinSet::new();
        for action in std_actions::STD_ACTIONS {
            if std_actions::loads_lazily(action.name) {
                continue;
            }
            let runtime = self.clone();
            set.spawn(async move {
                runtime
                    .load(action.name, action.wasm, ActionLimits::default())
                    .await
                    .map_err(|e| (action.name, e))
            });
        }
        while let Some(joined) = set.join_next().await {
            match joined {
                Ok(Ok(_)) => {}
                Ok(Err((name, err))) => {
                    return Err(RuntimeError::StdAction {
                        name: name.to_string(),
                        source: Box::new(err),
                    });
                }
                Err(join) => {
                    return Err(RuntimeError::Engine(format!(
                        "loading a standard action failed: {join}"
                    )));
                }
            }
        }
        Ok(())
    }

    /// The allocator in use (pooling may have fallen back to on-demand).
    pub fn allocator(&self) -> Allocator {
        self.inner.allocator
    }

    /// Whether the epoch ticker runs (wall-clock deadlines inside wasm code
    /// depend on it; host calls are bounded by a timer either way).
    pub fn deadlines_enforced(&self) -> bool {
        self.inner.ticker.running()
    }

    /// The global settings (defaults lowered to the ceilings).
    pub fn config(&self) -> &RuntimeConfig {
        &self.inner.shared.config
    }

    /// The keys of secret values (see [`crate::secrets`]).
    pub fn keyring(&self) -> &crate::secrets::Keyring {
        &self.inner.shared.config.secrets
    }

    /// The ceilings in force: the configured ones, the memory ceiling also
    /// bounded by [`RuntimeConfig::max_memory_per_instance`].
    pub fn ceilings(&self) -> Ceilings {
        self.inner.shared.ceilings
    }

    /// Validates and compiles a component (or maps it from the disk cache),
    /// checks that it implements the `bora:action` world, pre-instantiates it
    /// and calls `describe()`. The action is then callable as `name`
    /// (replacing an action of that name).
    ///
    /// # Errors
    ///
    /// [`LoadError`] when the bytes are not a component, the component does not
    /// fit the world (the message names the import or export), or `describe()`
    /// fails.
    pub async fn load(
        &self,
        name: &str,
        wasm: &[u8],
        limits: ActionLimits,
    ) -> Result<ActionInfo, LoadError> {
        let start = Instant::now();
        check_binary(wasm).map_err(|message| LoadError::InvalidComponent {
            name: name.to_string(),
            message: message.to_owned(),
        })?;
        let hash = cache::content_hash(wasm);
        let inner = Arc::clone(&self.inner);
        let bytes = wasm.to_vec();
        let hash_for_task = hash.clone();
        // Compilation takes Cranelift hundreds of milliseconds: keep it off
        // the async workers.
        let compiled = tokio::task::spawn_blocking(move || {
            inner
                .cache
                .get_or_compile(&inner.shared.engine, &hash_for_task, &bytes)
        })
        .await
        .map_err(|e| LoadError::InvalidComponent {
            name: name.to_string(),
            message: format!("compilation task failed: {e}"),
        })?;
        let (component, cache_outcome) =
            compiled.map_err(|message| LoadError::InvalidComponent {
                name: name.to_string(),
                message,
            })?;
        if cache_outcome != CacheOutcome::Hit {
            self.inner.compilations.fetch_add(1, Ordering::Relaxed);
        }
        // The trust of a standard action goes with its bytes, not its name.
        let embedded = std_actions::find(name).is_some_and(|std| std.wasm == wasm);
        let compiled = Compiled {
            component,
            hash,
            size_bytes: wasm.len(),
            inline: std_actions::is_quick(name) && embedded,
            ssh_by_default: std_actions::granted_ssh(name) && embedded,
            cache: cache_outcome,
        };
        self.install(name, compiled, limits, start).await
    }

    /// The key of this runtime's engine for precompiled components: the
    /// SHA-256 of wasmtime's precompile compatibility hash (its version, the
    /// target and CPU features, code generation settings). Artifacts made
    /// under another key are never loaded.
    pub fn engine_key(&self) -> &str {
        &self.inner.engine_key
    }

    /// How many components this runtime compiled with Cranelift (loads from
    /// the disk cache or from a precompiled artifact do not count).
    pub fn compilations(&self) -> u64 {
        self.inner.compilations.load(Ordering::Relaxed)
    }

    /// Compiles a component to an artifact that [`Runtime::load_precompiled`]
    /// loads, here or on any node with the same [`Runtime::engine_key`].
    ///
    /// # Errors
    /// [`LoadError::InvalidComponent`] when the bytes are not a component or
    /// do not compile.
    pub async fn precompile(&self, name: &str, wasm: &[u8]) -> Result<Precompiled, LoadError> {
        let invalid = |message: String| LoadError::InvalidComponent {
            name: name.to_string(),
            message,
        };
        check_binary(wasm).map_err(|m| invalid(m.to_owned()))?;
        let inner = Arc::clone(&self.inner);
        let bytes = wasm.to_vec();
        let compiled = tokio::task::spawn_blocking(move || {
            artifact::compile(&inner.shared.engine, &inner.engine_key, &bytes)
        })
        .await
        .map_err(|e| invalid(format!("compilation task failed: {e}")))?;
        self.inner.compilations.fetch_add(1, Ordering::Relaxed);
        compiled.map_err(invalid)
    }

    /// As [`Runtime::load`], from an artifact [`Runtime::precompile`] made
    /// (for the component of `size_bytes` bytes it was compiled from): no
    /// compilation, only the checks of [`Runtime::load`] after it.
    ///
    /// # Errors
    /// [`LoadError::InvalidComponent`] when the artifact was made for another
    /// engine or its bytes changed; otherwise as [`Runtime::load`].
    pub async fn load_precompiled(
        &self,
        name: &str,
        artifact: &Precompiled,
        size_bytes: usize,
        limits: ActionLimits,
    ) -> Result<ActionInfo, LoadError> {
        let start = Instant::now();
        let component =
            artifact::deserialize(&self.inner.shared.engine, &self.inner.engine_key, artifact)
                .map_err(|message| LoadError::InvalidComponent {
                    name: name.to_string(),
                    message,
                })?;
        let compiled = Compiled {
            component,
            hash: artifact.component_hash.clone(),
            size_bytes,
            inline: false,
            ssh_by_default: false,
            cache: CacheOutcome::Precompiled,
        };
        self.install(name, compiled, limits, start).await
    }

    /// Pre-instantiates a compiled component against the world, calls its
    /// `describe()` and makes it callable as `name`.
    async fn install(
        &self,
        name: &str,
        compiled: Compiled,
        limits: ActionLimits,
        start: Instant,
    ) -> Result<ActionInfo, LoadError> {
        let Compiled {
            component,
            hash,
            size_bytes,
            inline,
            ssh_by_default,
            cache: cache_outcome,
        } = compiled;
        let mismatch = |e: wasmtime::Error| LoadError::WorldMismatch {
            name: name.to_string(),
            message: format!("{e:#}"),
        };
        let pre = self
            .inner
            .linker
            .instantiate_pre(&component)
            .map_err(mismatch)?;
        let pre = ActionPre::new(pre).map_err(mismatch)?;
        // describe() is the component's code: it runs on the action threads.
        let shared = Arc::clone(&self.inner.shared);
        let descriptor = self
            .inner
            .pool
            .spawn(shared.describe(name.to_owned(), pre.clone()))
            .await
            .unwrap_or_else(|join| {
                Err(LoadError::Describe {
                    name: name.to_owned(),
                    message: format!("the describe() task ended abnormally: {join}"),
                })
            })?;
        let policy = Arc::new(EgressPolicy::new(
            limits
                .allowed_hosts
                .as_ref()
                .unwrap_or(&self.inner.shared.config.allowed_hosts),
        ));
        let info = ActionInfo {
            name: name.to_string(),
            descriptor,
            component_hash: hash.clone(),
            size_bytes,
            cache: cache_outcome,
            load_time: start.elapsed(),
        };
        let loaded = Arc::new(LoadedAction {
            info: info.clone(),
            inline,
            class: input::class_name(name, &hash),
            ssh: limits.ssh.unwrap_or(ssh_by_default),
            limits,
            pre,
            policy,
            serial: LOADS.fetch_add(1, Ordering::Relaxed),
        });
        self.inner
            .actions
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(name.to_string(), loaded);
        tracing::debug!(action = name, cache = ?cache_outcome, elapsed = ?info.load_time, "action loaded");
        Ok(info)
    }

    /// What the action `name` describes, if it is loaded (or is a standard
    /// action of this runtime that loads on its first call).
    pub fn describe(&self, name: &str) -> Option<Descriptor> {
        match self.get(name) {
            Some(action) => Some(action.info.descriptor.clone()),
            None if self.inner.shared.config.load_std_actions => std_actions::lazy_descriptor(name),
            None => None,
        }
    }

    /// Load information of the action `name`, if it is loaded.
    pub fn info(&self, name: &str) -> Option<ActionInfo> {
        self.get(name).map(|a| a.info.clone())
    }

    /// The per-action limits `name` was loaded with, if it is loaded.
    pub fn limits(&self, name: &str) -> Option<ActionLimits> {
        self.get(name).map(|a| a.limits.clone())
    }

    /// Forgets the action `name` (calls already running keep their
    /// instance); true if it was loaded.
    pub fn unload(&self, name: &str) -> bool {
        self.inner
            .actions
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .remove(name)
            .is_some()
    }

    /// Held while an action is loaded on demand (see [`crate::actions`]).
    pub(crate) async fn reload_guard(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.inner.reload.lock().await
    }

    /// The names of all loaded actions, and of the standard actions this
    /// runtime loads on their first call, sorted (aliases not included).
    pub fn list(&self) -> Vec<String> {
        let actions = self.inner.actions.read().unwrap_or_else(|e| e.into_inner());
        let mut names: Vec<String> = actions.keys().cloned().collect();
        if self.inner.shared.config.load_std_actions {
            names.extend(
                std_actions::STD_ACTIONS
                    .iter()
                    .filter(|a| std_actions::loads_lazily(a.name) && !actions.contains_key(a.name))
                    .map(|a| a.name.to_owned()),
            );
        }
        names.sort();
        names
    }

    /// The action loaded under `key`; a standard action's alias is its
    /// action's key.
    fn get(&self, key: &str) -> Option<Arc<LoadedAction>> {
        self.inner
            .actions
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(std_actions::canonical(key))
            .cloned()
    }

    /// A standard action of this runtime that loads on its first call
    /// (`key` may be its alias), loaded now if it is not yet; `None` for
    /// any other name.
    async fn load_lazily(&self, key: &str) -> Result<Option<ActionHandle>, ActionFailure> {
        let Some(action) = std_actions::find(key) else {
            return Ok(None);
        };
        if !std_actions::loads_lazily(action.name) || !self.inner.shared.config.load_std_actions {
            return Ok(None);
        }
        let _guard = self.inner.lazy_std.lock().await;
        if let Some(handle) = self.handle(action.name) {
            return Ok(Some(handle));
        }
        let info = self
            .load(action.name, action.wasm, ActionLimits::default())
            .await
            .map_err(|e| {
                ActionFailure::early(FailureKind::Internal {
                    message: format!("cannot load standard action {}: {e}", action.name),
                })
            })?;
        tracing::info!(action = action.name, cache = ?info.cache, elapsed = ?info.load_time, "standard action loaded on its first call");
        Ok(self.handle(action.name))
    }

    /// Runs the action `name` on `input` (a JSON object of parameters; the
    /// defaults from `describe()` are filled in) under the combined limits.
    ///
    /// # Errors
    ///
    /// An [`ActionFailure`] whose [`FailureKind`] says why: bad input, the
    /// action's own error, out of fuel, memory limit, timeout, trap, a result
    /// that is not JSON, or a refused network request. The runtime stays
    /// usable after any of them.
    pub async fn call(
        &self,
        name: &str,
        input: Value,
        ctx: CallContext,
        overrides: CallOverrides,
    ) -> Result<CallOutput, ActionFailure> {
        self.call_as(name, name, input, ctx, overrides).await
    }

    /// As [`Runtime::call`], for the action loaded under `key` shown to the
    /// component and in errors as `name` (versions of an uploaded action
    /// are loaded under one key each).
    ///
    /// # Errors
    /// As [`Runtime::call`].
    pub async fn call_as(
        &self,
        key: &str,
        name: &str,
        input: Value,
        ctx: CallContext,
        overrides: CallOverrides,
    ) -> Result<CallOutput, ActionFailure> {
        let action = match self.handle(key) {
            Some(action) => Some(action),
            // Boxed, as the call below: rarely taken, and kept out of the
            // future every call moves around.
            None => Box::pin(self.load_lazily(key)).await?,
        };
        let action = action.ok_or_else(|| {
            ActionFailure::early(FailureKind::NotFound {
                name: name.to_string(),
            })
        })?;
        self.call_handle(&action, name, input, ctx, overrides).await
    }

    /// The action loaded under `key` (a standard action's alias is its
    /// action's key), held: it stays callable after it is unloaded or
    /// replaced (a call started on a version finishes on it). A standard
    /// action that loads on its first call has none before it.
    pub fn handle(&self, key: &str) -> Option<ActionHandle> {
        self.get(key).map(ActionHandle)
    }

    /// As [`Runtime::call`], on a held action shown as `name`.
    ///
    /// The call runs on the action threads, never on the caller's, except
    /// for the quick standard actions (`std.noop`, `std.echo`, `std.fail`,
    /// `std.async_noop`: embedded, trusted, microseconds) with an input of
    /// at most 64 KiB, for which the trip to the pool and back would cost
    /// more than the call. Either way the call yields at every epoch tick.
    ///
    /// # Errors
    /// As [`Runtime::call`].
    pub async fn call_handle(
        &self,
        action: &ActionHandle,
        name: &str,
        input: Value,
        ctx: CallContext,
        overrides: CallOverrides,
    ) -> Result<CallOutput, ActionFailure> {
        // The call's future (the store, the instance, the timers) is a few
        // KiB: boxed once here rather than copied into each caller's.
        let called = Box::pin(self.run_call(action, name, input, ctx, overrides)).await;
        observe(name, &called);
        called
    }

    async fn run_call(
        &self,
        action: &ActionHandle,
        name: &str,
        input: Value,
        ctx: CallContext,
        overrides: CallOverrides,
    ) -> Result<CallOutput, ActionFailure> {
        let action = Arc::clone(&action.0);
        let shared = Arc::clone(&self.inner.shared);
        if action.inline {
            // A quick standard action with a small input costs less than
            // the trip to the action threads and back (about 10 µs).
            let prepared = shared
                .prepare(&action, name, input, ctx, &overrides)
                .map_err(ActionFailure::early)?;
            if prepared.input_text.len() <= INLINE_INPUT_BYTES {
                return shared.run(action, prepared).await;
            }
            return self.on_pool(shared.run(action, prepared)).await;
        }
        let name = name.to_owned();
        self.on_pool(async move {
            let prepared = shared
                .prepare(&action, &name, input, ctx, &overrides)
                .map_err(ActionFailure::early)?;
            shared.run(action, prepared).await
        })
        .await
    }

    /// Runs a call on the action threads.
    async fn on_pool(
        &self,
        call: impl Future<Output = Result<CallOutput, ActionFailure>> + Send + 'static,
    ) -> Result<CallOutput, ActionFailure> {
        match self.inner.pool.spawn(call).await {
            Ok(result) => result,
            Err(join) => Err(ActionFailure::early(FailureKind::Internal {
                message: format!("the call's task ended abnormally: {join}"),
            })),
        }
    }

    /// Interrupts every call running now and refuses new ones, for good:
    /// the node is shutting down. An interrupted call fails with
    /// [`FailureKind::Interrupted`], which is not the action's outcome.
    pub fn interrupt_calls(&self) {
        self.inner.shared.stop.stop();
    }
}

/// WASI p2 (name lookups checked by `sockets`), wasi:http (outgoing
/// requests go through [`EgressHooks`]) and the `log`, `execution` and
/// `ssh` imports (the last refusing the actions not granted it), shared
/// by every action.
fn build_linker(engine: &Engine) -> wasmtime::Result<Linker<HostState>> {
    let mut linker = Linker::new(engine);
    wasmtime_wasi::p2::add_to_linker_async(&mut linker)?;
    sockets::replace_lookup(&mut linker)?;
    wasmtime_wasi_http::p2::add_only_http_to_linker_async(&mut linker)?;
    Action::add_to_linker::<HostState, HasSelf<HostState>>(&mut linker, |s| s)?;
    Ok(linker)
}

/// Tells apart what people upload by mistake before the compiler sees it:
/// text (wasmtime would read it as WAT and complain about a missing `(`) and
/// core modules (built for wasm32-wasip1 or wasm32-unknown-unknown).
pub(crate) fn check_binary(wasm: &[u8]) -> Result<(), &'static str> {
    // A WebAssembly binary starts with `\0asm` and a 4-byte version; a
    // component's version is 0x0d with layer 1, a core module's is 1, layer 0.
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        return Err("the bytes do not start with the WebAssembly magic number (\\0asm)");
    }
    if wasm[6..8] == [0, 0] {
        return Err(
            "this is a core WebAssembly module, not a component: build it for \
                    wasm32-wasip2 (or wrap it with `wasm-tools component new`)",
        );
    }
    Ok(())
}

#[cfg(test)]
mod binary_tests {
    use super::check_binary;

    #[test]
    fn text_core_modules_and_components_are_told_apart() {
        let rejected = |bytes: &[u8], what: &str| {
            assert!(
                check_binary(bytes).is_err_and(|m| m.contains(what)),
                "{bytes:?} should be rejected with {what}"
            );
        };
        rejected(b"(component)", "magic number");
        rejected(b"\0asm", "magic number");
        rejected(
            &[0, b'a', b's', b'm', 1, 0, 0, 0],
            "core WebAssembly module",
        );
        let component = [0, b'a', b's', b'm', 0x0d, 0, 1, 0];
        assert_eq!(check_binary(&component), Ok(()));
    }
}
