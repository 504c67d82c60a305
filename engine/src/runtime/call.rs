//! One call, as it runs on the action pool: the limits combined under the
//! ceilings, a fresh `Store` (or a kept one, see [`super::warm`]) whose
//! epoch callback yields every tick and traps at the deadline or at
//! shutdown, the run itself, and the failure classified.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use serde_json::Value;
use tokio::sync::{AcquireError, OwnedSemaphorePermit, Semaphore};
use wasmtime::{Engine, Store, Trap, UpdateDeadline};

use super::bindings::bora::action::types as wit;
use super::bindings::{Action, ActionPre};
use super::config::{Ceilings, Effective, RuntimeConfig};
use super::error::{ActionFailure, FailureKind, LoadError};
use super::host::{ExecutionInfo, HostState, LogRecord};
use super::input::{self, Descriptor, Param};
use super::net::{EgressHooks, EgressPolicy, PrivateEgress};
use super::pool::{Interrupted, StopSwitch};
use super::ssh::SshSettings;
use super::warm::{MAX_USES, Warm, WarmKey, WarmPool};
use super::{CallContext, CallOutput, CallOverrides, CallTimings, LoadedAction, Outcome};

/// Fuel and time `describe()` gets at load time: it only returns a record.
const DESCRIBE_FUEL: u64 = 100_000_000;
const DESCRIBE_TIMEOUT: Duration = Duration::from_secs(10);

/// A call ready to run: its limits, its input as JSON text, its egress
/// policy and its context.
pub(crate) struct Prepared {
    limits: Effective,
    /// Time spent preparing (the check and the encoding of the input).
    arguments: Duration,
    pub input_text: String,
    policy: Arc<EgressPolicy>,
    wit_ctx: wit::Context,
    execution: ExecutionInfo,
    /// The project the call runs for (see [`CallContext::owner`]).
    owner: Option<String>,
}

/// What every call needs, shared by the runtime handle and the calls on
/// the pool (which must not hold the pool itself: see `ActionPool`'s drop).
pub(crate) struct Shared {
    pub engine: Engine,
    /// The global settings, defaults already within the ceilings.
    pub config: RuntimeConfig,
    /// The ceilings in force (memory also bounded by the pool's instances).
    pub ceilings: Ceilings,
    /// Bounds concurrent instances to the pool size, so that a burst of calls
    /// waits for a slot instead of failing to instantiate.
    pub slots: Arc<Semaphore>,
    /// Idle kept instances (each holds a slot).
    pub warm: WarmPool,
    pub stop: StopSwitch,
    /// What only the operator opens to actions (see [`PrivateEgress`]).
    pub private: Arc<PrivateEgress>,
    /// The operator's SSH settings, for the calls granted `ssh`.
    pub ssh: Arc<SshSettings>,
}

impl Shared {
    /// An instance slot; when none is free, an idle kept instance gives its
    /// own up first.
    async fn slot(&self) -> Result<OwnedSemaphorePermit, AcquireError> {
        if self.slots.available_permits() == 0 {
            self.warm.evict_oldest();
        }
        Arc::clone(&self.slots).acquire_owned().await
    }

    fn new_store(
        &self,
        fuel: u64,
        memory: u64,
        timeout: Duration,
        policy: Arc<EgressPolicy>,
        execution: ExecutionInfo,
        ssh: bool,
    ) -> Store<HostState> {
        let hooks = EgressHooks::new(policy, Arc::clone(&self.private));
        let ssh = ssh.then(|| Arc::clone(&self.ssh));
        let state = HostState::new(self.config.output_cap, memory, hooks, execution, ssh);
        let mut store = Store::new(&self.engine, state);
        store.limiter(|s| &mut s.memory);
        // Only fails when fuel is disabled, which it never is here.
        let _ = store.set_fuel(fuel);
        watch_epochs(&mut store, Instant::now() + timeout, self.stop.flag());
        store
    }

    /// Instantiates a freshly compiled component and calls its `describe()`.
    pub(crate) async fn describe(
        self: Arc<Self>,
        name: String,
        pre: ActionPre<HostState>,
    ) -> Result<Descriptor, LoadError> {
        let failed = |message: String| LoadError::Describe {
            name: name.clone(),
            message,
        };
        // An instance like a call's: it takes a slot of the pool, or loads
        // running beside calls (standard actions load in parallel; uploads
        // come while actions run) would find the pool full.
        let _permit = self
            .slot()
            .await
            .map_err(|e| failed(format!("instance pool closed: {e}")))?;
        let mut store = self.new_store(
            DESCRIBE_FUEL,
            self.config.memory_bytes,
            DESCRIBE_TIMEOUT,
            Arc::new(EgressPolicy::default()),
            ExecutionInfo::default(),
            false,
        );
        let described = tokio::time::timeout(DESCRIBE_TIMEOUT, async {
            let instance: Action = pre.instantiate_async(&mut store).await?;
            instance.call_describe(&mut store).await
        })
        .await
        .map_err(|_| failed(format!("timed out after {DESCRIBE_TIMEOUT:?}")))?
        .map_err(|e| failed(format!("{e:#}")))?;
        let mut params = Vec::with_capacity(described.params.len());
        for p in described.params {
            let default = match p.default {
                None => None,
                Some(text) => Some(serde_json::from_str(&text).map_err(|e| {
                    failed(format!(
                        "the default of parameter {} is not JSON ({e}): {text}",
                        p.name
                    ))
                })?),
            };
            params.push(Param {
                name: p.name,
                default,
                description: p.description,
            });
        }
        Ok(Descriptor {
            name: described.name,
            description: described.description,
            params,
            is_async: described.is_async,
        })
    }

    /// Checks and combines what a call of `action` shown as `name` runs
    /// with (see `Runtime::call`): the limits under the ceilings, the input
    /// against the descriptor. Fails before anything ran.
    pub(crate) fn prepare(
        &self,
        action: &LoadedAction,
        name: &str,
        input: Value,
        ctx: CallContext,
        overrides: &CallOverrides,
    ) -> Result<Prepared, FailureKind> {
        let start = Instant::now();
        let project = ctx.project.as_deref();
        let limits = Effective::resolve(
            &self.config,
            &action.limits,
            overrides,
            &self.ceilings,
            project,
        )
        .map_err(FailureKind::OverCeiling)?;
        let prepared = input::prepare(name, &action.class, &action.info.descriptor, input)?;
        let input_text = super::json_text::to_text(&Value::Object(prepared));
        let mut policy = match &overrides.allowed_hosts {
            Some(hosts) => Arc::new(EgressPolicy::new(hosts)),
            None => Arc::clone(&action.policy),
        };
        if let Some(project) = project
            && let Some(hosts) = &project.allowed_hosts
        {
            policy = Arc::new(policy.within(&project.project, hosts));
        }
        let execution = ExecutionInfo {
            workflow_name: ctx.workflow_name,
            callback_url: callback_url(
                self.config.public_url.as_deref(),
                ctx.action_execution_id.as_deref(),
            ),
        };
        let wit_ctx = wit::Context {
            execution_id: ctx.execution_id,
            task_id: ctx.task_id,
            action_execution_id: ctx.action_execution_id,
            action_name: name.to_owned(),
        };
        Ok(Prepared {
            limits,
            arguments: start.elapsed(),
            input_text,
            policy,
            wit_ctx,
            execution,
            owner: ctx.owner,
        })
    }

    /// Runs a prepared call of `action`.
    pub(crate) async fn run(
        self: Arc<Self>,
        action: Arc<LoadedAction>,
        prepared: Prepared,
    ) -> Result<CallOutput, ActionFailure> {
        let Prepared {
            limits,
            arguments,
            input_text,
            policy,
            wit_ctx,
            execution,
            owner,
        } = prepared;
        // Only a call that can carry nothing over but memory shares an instance.
        let warm_key = (action.limits.warm == Some(true) && !action.ssh && policy.allows_nothing())
            .then_some(WarmKey {
                action: action.serial,
                owner,
            });
        let kept = warm_key
            .as_ref()
            .and_then(|key| self.warm.take(key, Instant::now()))
            .and_then(|mut warm| {
                let ready = warm
                    .store
                    .data_mut()
                    .rearm(limits.memory, execution.clone());
                ready.then_some(warm)
            });
        let (permit, kept) = match kept {
            Some(Warm {
                store,
                instance,
                permit,
                uses,
            }) => (permit, Some((store, instance, uses))),
            None => {
                let permit = self.slot().await.map_err(|e| {
                    ActionFailure::early(FailureKind::Internal {
                        message: format!("instance pool closed: {e}"),
                    })
                })?;
                (permit, None)
            }
        };
        if self.stop.stopped() {
            return Err(ActionFailure::early(FailureKind::Interrupted));
        }
        let start = Instant::now();
        let (mut store, kept_instance, uses) = match kept {
            Some((mut store, instance, uses)) => {
                let _ = store.set_fuel(limits.fuel);
                watch_epochs(&mut store, start + limits.timeout, self.stop.flag());
                (store, Some(instance), uses)
            }
            None => {
                let store = self.new_store(
                    limits.fuel,
                    limits.memory,
                    limits.timeout,
                    policy,
                    execution,
                    action.ssh,
                );
                (store, None, 0)
            }
        };
        let fuel_start = store.get_fuel().unwrap_or(limits.fuel);
        let pre = &action.pre;
        let mut instantiated = None;
        let mut returned_from = None;
        // The timer bounds time spent in host calls too (the epoch deadline
        // only fires in wasm code); the stop switch likewise.
        let run = tokio::time::timeout(limits.timeout, async {
            let instance = match kept_instance {
                Some(instance) => instance,
                None => pre.instantiate_async(&mut store).await?,
            };
            instantiated = Some(Instant::now());
            let result = instance.call_run(&mut store, &input_text, &wit_ctx).await;
            returned_from = Some(instance);
            result
        });
        let result = tokio::select! {
            result = run => Some(result),
            () = self.stop.wait() => None,
        };
        let elapsed = start.elapsed();
        let instantiated = instantiated.unwrap_or(start + elapsed);
        let timings = CallTimings {
            arguments,
            instantiate: instantiated.saturating_duration_since(start),
            call: (start + elapsed).saturating_duration_since(instantiated),
            result: Duration::ZERO,
        };
        let fuel_used = fuel_start.saturating_sub(store.get_fuel().unwrap_or(0));
        let state = store.data_mut();
        let denied =
            std::mem::take(&mut *state.hooks.denied.lock().unwrap_or_else(|e| e.into_inner()));
        for reason in &denied {
            state.push_log("warn", format!("bora: outgoing request denied: {reason}"));
        }
        let memory_refused = state.memory.refused;
        let memory_granted = state.memory.granted;
        let mut captured = Captured {
            stdout: state.stdout.text(),
            stderr: state.stderr.text(),
            logs: state.take_logs(),
            fuel_used,
            elapsed,
            timings,
        };
        // Kept when the call returned (a trap, a timeout or a shutdown
        // leaves the instance unusable or half-way) with room to spare.
        let keep = matches!(result, Some(Ok(Ok(_))))
            && memory_granted <= limits.memory / 2
            && uses + 1 < MAX_USES
            && !self.stop.stopped()
            && self.slots.available_permits() > 0;
        match (warm_key, returned_from) {
            (Some(key), Some(instance)) if keep => {
                let warm = Warm {
                    store,
                    instance,
                    permit,
                    uses: uses + 1,
                };
                self.warm.park(key, warm, Instant::now());
            }
            // The memory is reset before the slot is given back.
            _ => drop((store, permit)),
        }

        let kind = match result {
            None => FailureKind::Interrupted,
            Some(Err(_elapsed)) => FailureKind::Timeout {
                timeout: limits.timeout,
            },
            Some(Ok(Err(err))) => classify_error(&err, &limits, memory_refused),
            Some(Ok(Ok(Ok(wit::Outcome::Done(text))))) => match parse_result(&text) {
                (Ok(value), took) => {
                    captured.timings.result = took;
                    return Ok(captured.output(Outcome::Done(value)));
                }
                (Err(e), _) => FailureKind::NotJson {
                    error: e.to_string(),
                    excerpt: excerpt(&text),
                },
            },
            Some(Ok(Ok(Ok(wit::Outcome::Pending)))) => {
                return Ok(captured.output(Outcome::Pending));
            }
            Some(Ok(Ok(Err(wit::ActionError { message, details })))) => FailureKind::ActionError {
                message,
                details: details
                    .map(|text| serde_json::from_str(&text).unwrap_or(Value::String(text))),
            },
        };
        let kind = match kind {
            // A refused request explains the failure that followed it.
            FailureKind::ActionError { message, details } if !denied.is_empty() => {
                FailureKind::NetworkDenied {
                    denied,
                    message,
                    details,
                }
            }
            FailureKind::Trap { message } if !denied.is_empty() => FailureKind::NetworkDenied {
                denied,
                message,
                details: None,
            },
            kind => kind,
        };
        Err(captured.failure(kind))
    }
}

/// Where an outside worker completes the action execution `id` on the
/// node whose API others reach at `public_url` (Mistral's `callback_url`,
/// made absolute: a worker elsewhere cannot resolve a bare path).
fn callback_url(public_url: Option<&str>, id: Option<&str>) -> Option<String> {
    let base = public_url?.trim_end_matches('/');
    Some(format!("{base}/v2/action_executions/{}", id?))
}

/// Makes wasm code give its thread back at every epoch tick, so long calls
/// share the pool, and trap once `deadline` has passed (wasmtime's
/// `Interrupt`, a timeout) or the stop switch is set ([`Interrupted`]).
fn watch_epochs(store: &mut Store<HostState>, deadline: Instant, stop: Arc<AtomicBool>) {
    store.set_epoch_deadline(1);
    store.epoch_deadline_callback(move |_| {
        if stop.load(Ordering::Relaxed) {
            return Err(wasmtime::Error::new(Interrupted));
        }
        if Instant::now() >= deadline {
            return Ok(UpdateDeadline::Interrupt);
        }
        // tokio's own yield puts the task at the back of the queue.
        Ok(UpdateDeadline::YieldCustom(
            1,
            Box::pin(tokio::task::yield_now()),
        ))
    });
}

/// What a call captured, whatever its outcome.
struct Captured {
    stdout: String,
    stderr: String,
    logs: Vec<LogRecord>,
    fuel_used: u64,
    elapsed: Duration,
    timings: CallTimings,
}

impl Captured {
    fn output(self, outcome: Outcome) -> CallOutput {
        CallOutput {
            outcome,
            stdout: self.stdout,
            stderr: self.stderr,
            logs: self.logs,
            fuel_used: self.fuel_used,
            elapsed: self.elapsed,
            timings: self.timings,
        }
    }

    fn failure(self, kind: FailureKind) -> ActionFailure {
        ActionFailure {
            kind,
            stdout: self.stdout,
            stderr: self.stderr,
            logs: self.logs,
            fuel_used: self.fuel_used,
            elapsed: self.elapsed,
        }
    }
}

/// Tells the limits apart from other traps: fuel and the epoch deadline are
/// traps of their own kind, shutdown raises [`Interrupted`]; a refused
/// memory growth is recorded by the limiter, since the guest usually aborts
/// on it (an `unreachable` trap).
fn classify_error(
    err: &wasmtime::Error,
    limits: &Effective,
    memory_refused: Option<u64>,
) -> FailureKind {
    if err.downcast_ref::<Interrupted>().is_some() {
        return FailureKind::Interrupted;
    }
    match err.downcast_ref::<Trap>() {
        Some(Trap::OutOfFuel) => return FailureKind::OutOfFuel { fuel: limits.fuel },
        Some(Trap::Interrupt) => {
            return FailureKind::Timeout {
                timeout: limits.timeout,
            };
        }
        _ => {}
    }
    if let Some(requested) = memory_refused {
        return FailureKind::MemoryLimit {
            limit: limits.memory,
            requested,
        };
    }
    let mut message = match err.downcast_ref::<Trap>() {
        Some(trap) => trap.to_string(),
        None => format!("{err:#}"),
    };
    if let Some(backtrace) = err.downcast_ref::<wasmtime::WasmBacktrace>() {
        message.push('\n');
        message.push_str(&backtrace.to_string());
    }
    FailureKind::Trap { message }
}

/// The result's JSON text parsed, and the time that took.
fn parse_result(text: &str) -> (serde_json::Result<Value>, Duration) {
    let start = Instant::now();
    let parsed = serde_json::from_str(text);
    (parsed, start.elapsed())
}

/// The first 200 characters of a text, for error messages.
fn excerpt(text: &str) -> String {
    let mut chars = text.chars();
    let head: String = chars.by_ref().take(200).collect();
    if chars.next().is_some() {
        format!("{head}...")
    } else {
        head
    }
}

/// Counts a finished call in the metrics: its outcome, wall time and fuel,
/// and the sandbox limit that stopped it, if one did.
pub(super) fn observe(name: &str, called: &Result<CallOutput, ActionFailure>) {
    use crate::telemetry::metrics;
    match called {
        Ok(output) => {
            let outcome = match output.outcome {
                Outcome::Done(_) => "success",
                Outcome::Pending => "pending",
            };
            metrics::action_call(name, outcome, output.elapsed, output.fuel_used);
        }
        Err(failure) => {
            let trap = match failure.kind {
                FailureKind::OutOfFuel { .. } => Some("out_of_fuel"),
                FailureKind::MemoryLimit { .. } => Some("memory_limit"),
                FailureKind::Timeout { .. } => Some("timeout"),
                FailureKind::Trap { .. } => Some("trap"),
                FailureKind::Interrupted => Some("interrupted"),
                _ => None,
            };
            if let Some(kind) = trap {
                metrics::action_trap(kind);
            }
            metrics::action_call(name, "error", failure.elapsed, failure.fuel_used);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::callback_url;

    #[test]
    fn callback_urls_need_a_public_url_and_an_action_execution() {
        assert_eq!(
            callback_url(Some("http://bora.example:8989/"), Some("a1")).as_deref(),
            Some("http://bora.example:8989/v2/action_executions/a1")
        );
        assert_eq!(callback_url(None, Some("a1")), None);
        assert_eq!(callback_url(Some("http://bora.example:8989"), None), None);
    }
}
