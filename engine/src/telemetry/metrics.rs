//! Prometheus metrics, served at `GET /metrics`.
//!
//! [`install`] puts the process-wide recorder in place (the router does, so
//! every node serving the API records); before that every function here is
//! a no-op. Counters are atomics behind a label lookup; histograms keep
//! samples until the exporter drains them, which a background thread does
//! every few seconds so that memory stays flat when nobody scrapes.
//!
//! The names and labels are listed in `docs/operations.md`.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use metrics::{
    Counter, Histogram, counter, describe_counter, describe_gauge, describe_histogram, gauge,
    histogram,
};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};

/// Bucket bounds of every `_seconds` histogram: from a quick action's
/// tens of microseconds to a long action's minutes.
const SECONDS_BUCKETS: &[f64] = &[
    0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
    5.0, 10.0, 30.0, 60.0, 300.0,
];

/// How often histogram samples are folded into their buckets.
const UPKEEP: Duration = Duration::from_secs(5);

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

/// Installs the process's Prometheus recorder (once: later calls return the
/// same handle). `None` when another recorder was installed first.
pub fn install() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let builder = PrometheusBuilder::new()
                .set_buckets_for_metric(Matcher::Suffix("_seconds".into()), SECONDS_BUCKETS)
                .ok()?;
            let handle = match builder.install_recorder() {
                Ok(handle) => handle,
                Err(err) => {
                    tracing::warn!(error = %err, "cannot install the metrics recorder; /metrics stays empty");
                    return None;
                }
            };
            describe();
            let upkeep = handle.clone();
            let spawned = std::thread::Builder::new()
                .name("bora-metrics".into())
                .spawn(move || {
                    loop {
                        std::thread::sleep(UPKEEP);
                        upkeep.run_upkeep();
                    }
                });
            if let Err(err) = spawned {
                tracing::warn!(error = %err, "cannot start the metrics upkeep thread; histograms are folded at each scrape only");
            }
            Some(handle)
        })
        .as_ref()
}

/// The metrics in Prometheus's text format (installing the recorder if
/// needed); `None` when this process records elsewhere.
pub fn render() -> Option<String> {
    install().map(PrometheusHandle::render)
}

fn describe() {
    describe_counter!(
        "bora_executions_started_total",
        "Workflow executions started (sub-workflows included), by workflow"
    );
    describe_counter!(
        "bora_executions_finished_total",
        "Workflow executions that reached SUCCESS, ERROR or CANCELLED, by workflow and state"
    );
    describe_counter!(
        "bora_tasks_finished_total",
        "Task executions that reached SUCCESS, ERROR, CANCELLED or SKIPPED, by state"
    );
    describe_counter!(
        "bora_action_calls_total",
        "Action calls by the real action run and outcome (success, error, pending)"
    );
    describe_histogram!(
        "bora_action_call_duration_seconds",
        "Wall time of action calls, by action"
    );
    describe_counter!(
        "bora_action_traps_total",
        "Action calls stopped by the sandbox, by kind (out_of_fuel, memory_limit, timeout, trap, interrupted)"
    );
    describe_counter!(
        "bora_action_fuel_consumed_total",
        "Wasm fuel consumed by action calls, by action"
    );
    describe_histogram!(
        "bora_engine_step_duration_seconds",
        "Time to apply one batch of events to an execution and store the result"
    );
    describe_counter!(
        "bora_engine_step_failures_total",
        "Engine steps that failed (retried or quarantined), by reason"
    );
    describe_counter!(
        "bora_expression_errors_total",
        "YAQL and Jinja expressions that failed in engine steps, by kind"
    );
    describe_gauge!(
        "bora_jobs",
        "Jobs in the store by kind (action, event) and status (waiting: due and free; held: by a node; scheduled: due later), sampled"
    );
    describe_histogram!(
        "bora_job_claim_duration_seconds",
        "Time of one claim of free jobs from the store, by kind"
    );
    describe_histogram!(
        "bora_job_wait_seconds",
        "Time claimed jobs waited in the store after they were due, by kind"
    );
    describe_counter!(
        "bora_http_requests_total",
        "HTTP requests by method, route template and status"
    );
    describe_histogram!(
        "bora_http_request_duration_seconds",
        "HTTP request latency by method and route template"
    );
}

pub fn execution_started(workflow: &str) {
    counter!("bora_executions_started_total", "workflow" => workflow.to_owned()).increment(1);
}

pub fn execution_finished(workflow: &str, state: &'static str) {
    counter!(
        "bora_executions_finished_total",
        "workflow" => workflow.to_owned(),
        "state" => state
    )
    .increment(1);
}

pub fn tasks_finished(state: &'static str, count: u64) {
    counter!("bora_tasks_finished_total", "state" => state).increment(count);
}

/// One finished action call: how it ended, its wall time and the fuel it
/// burnt.
pub fn action_call(action: &str, outcome: &'static str, elapsed: Duration, fuel: u64) {
    let burnt = fuel > 0;
    let series = match HANDLE.get() {
        Some(Some(_)) => kept_series(action, outcome, burnt),
        // Not this module's recorder (or none): looked up each time, as the
        // handles of a recorder installed later would differ.
        _ => ActionSeries::register(action, outcome, burnt),
    };
    series.calls.increment(1);
    series.duration.record(elapsed.as_secs_f64());
    if let Some(counter) = series.fuel.filter(|_| burnt) {
        counter.increment(fuel);
    }
}

/// The series one action call records into.
#[derive(Clone)]
struct ActionSeries {
    calls: Counter,
    duration: Histogram,
    /// Registered with the first call that burnt fuel (until then the
    /// action has no fuel series, as before it was kept).
    fuel: Option<Counter>,
}

impl ActionSeries {
    fn register(action: &str, outcome: &'static str, burnt: bool) -> Self {
        Self {
            calls: counter!(
                "bora_action_calls_total",
                "action" => action.to_owned(),
                "outcome" => outcome
            ),
            duration: histogram!("bora_action_call_duration_seconds", "action" => action.to_owned()),
            fuel: burnt.then(|| fuel_series(action)),
        }
    }
}

fn fuel_series(action: &str) -> Counter {
    counter!("bora_action_fuel_consumed_total", "action" => action.to_owned())
}

/// An action's series by outcome, registered once with this module's
/// recorder and kept: registering looks the series up by its labels
/// (a hash and an allocation per label, three series per call), which a
/// chain of quick actions paid on every task. At most [`KEPT_ACTIONS`]
/// action names are kept; past that the map starts again.
fn kept_series(action: &str, outcome: &'static str, burnt: bool) -> ActionSeries {
    type Kept = HashMap<String, Vec<(&'static str, ActionSeries)>>;
    static KEPT: LazyLock<Mutex<Kept>> = LazyLock::new(Mutex::default);
    // A poisoned lock only means a panic elsewhere: the map is still sound.
    let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(found) = kept
        .get_mut(action)
        .and_then(|by_outcome| by_outcome.iter_mut().find(|(o, _)| *o == outcome))
    {
        let series = &mut found.1;
        if burnt && series.fuel.is_none() {
            series.fuel = Some(fuel_series(action));
        }
        return series.clone();
    }
    if kept.len() >= KEPT_ACTIONS {
        kept.clear();
    }
    let series = ActionSeries::register(action, outcome, burnt);
    kept.entry(action.to_owned())
        .or_default()
        .push((outcome, series.clone()));
    series
}

/// Action names whose series [`kept_series`] keeps at most.
const KEPT_ACTIONS: usize = 4096;

pub fn action_trap(kind: &'static str) {
    counter!("bora_action_traps_total", "kind" => kind).increment(1);
}

pub fn engine_step(elapsed: Duration) {
    histogram!("bora_engine_step_duration_seconds").record(elapsed.as_secs_f64());
}

pub fn engine_step_failed(reason: &'static str) {
    counter!("bora_engine_step_failures_total", "reason" => reason).increment(1);
}

pub fn expression_errors(kind: &'static str, count: u32) {
    counter!("bora_expression_errors_total", "kind" => kind).increment(u64::from(count));
}

/// The sampled number of jobs of `kind` in `status`.
pub fn jobs(kind: &str, status: &str, count: i64) {
    // Counts of rows are far below 2^52: exact as f64.
    #[allow(clippy::cast_precision_loss)]
    let value = count as f64;
    gauge!("bora_jobs", "kind" => kind.to_owned(), "status" => status.to_owned()).set(value);
}

/// One claim of free jobs: its duration and how long each claimed job had
/// been due.
pub fn job_claim(kind: &'static str, elapsed: Duration, waited: impl Iterator<Item = Duration>) {
    histogram!("bora_job_claim_duration_seconds", "kind" => kind).record(elapsed.as_secs_f64());
    let wait = histogram!("bora_job_wait_seconds", "kind" => kind);
    for waited in waited {
        wait.record(waited.as_secs_f64());
    }
}

/// One answered HTTP request; `route` is the matched route template
/// (`/v2/executions/{id}`), never the raw path, to keep the label set small.
pub fn http_request(method: &str, route: &str, status: u16, elapsed: Duration) {
    counter!(
        "bora_http_requests_total",
        "method" => method.to_owned(),
        "route" => route.to_owned(),
        "status" => status.to_string()
    )
    .increment(1);
    histogram!(
        "bora_http_request_duration_seconds",
        "method" => method.to_owned(),
        "route" => route.to_owned()
    )
    .record(elapsed.as_secs_f64());
}

/// How often [`sample_jobs`] counts the jobs in the store.
pub const JOB_SAMPLE_PERIOD: Duration = Duration::from_secs(5);

/// Counts the store's jobs by kind and status every [`JOB_SAMPLE_PERIOD`]
/// into the `bora_jobs` gauge, for ever (the caller aborts it). One grouped
/// query per period, off every hot path.
pub async fn sample_jobs(store: bora_store::Store) {
    let mut tick = tokio::time::interval(JOB_SAMPLE_PERIOD);
    tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tick.tick().await;
        match store.job_counts(crate::clock::now_micros()).await {
            Ok(counts) => {
                // Statuses without rows are absent from the answer: zero.
                for kind in ["action", "event"] {
                    for status in ["waiting", "held", "scheduled"] {
                        let count = counts
                            .iter()
                            .find(|c| c.kind == kind && c.status == status)
                            .map_or(0, |c| c.count);
                        jobs(kind, status, count);
                    }
                }
            }
            Err(err) => tracing::debug!(error = %err, "counting jobs for the metrics failed"),
        }
    }
}
