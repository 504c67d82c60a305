//! Benchmark of the action runtime: instantiate + call of `std.noop` and of
//! `std.echo` with a 1 MiB input, on one thread and on all cores, with the
//! pooling and the on-demand allocator. Prints median and p99 latency (µs)
//! and calls per second.
//!
//! `std.noop` runs on the caller's thread (a quick standard action);
//! `pool.noop`, the same component loaded under another name as an upload
//! would be, runs on the action threads, as does the 1 MiB echo (its input
//! is too big to run inline): the difference is the trip to the pool.
//! `pool.noop warm` is loaded as an upload with `?instances=warm` would be:
//! a call runs in the instance the previous call left (see the runtime's
//! `warm` module).
//!
//! A second table breaks the one-thread calls down by phase (medians):
//! arguments (input check and encoding), instantiate (store and instance),
//! call (`run`, with the copies in and out), result (parsing it), and the
//! rest of the call's latency (the store dropped, which resets the
//! instance's memory; the trip to the action threads and back).
//!
//! `std.javascript` (Boa) adds a small script's call, and its first call
//! on each runtime, which loads it: compiled with Cranelift on the first
//! runtime, mapped from the disk cache on the second.
//!
//! Run with `cargo bench -p bora --bench runtime` (release profile).
//! `BORA_BENCH_ITERS` scales the iteration counts (default 1.0).
//!
//! `BORA_BENCH_COMPONENTS=py=PATH,js=PATH` adds components built elsewhere
//! (e.g. the Python and JavaScript kits' greeting templates, from
//! `bora action new --lang python|js` and `bora action build`), each called
//! with `{"name": "bench"}` after warm-up (each also as `<label> warm`,
//! loaded with warm instances), and a third table: how long
//! loading each takes on a restarted runtime (the compiled artifact read
//! from the disk cache, which the first load filled) and its first call.
//! `BORA_BENCH_ONLY=label,...` keeps only the cases with those labels;
//! `BORA_BENCH_ALLOCATOR=pooling|on-demand` only that allocator (to profile
//! one).

use std::time::{Duration, Instant};

use bora::runtime::{
    ActionLimits, Allocator, CallContext, CallOverrides, CallTimings, Outcome, Runtime,
    RuntimeConfig, std_actions,
};
use serde_json::{Value, json};

struct Case {
    label: String,
    action: String,
    input: Value,
    iters: usize,
}

struct Stats {
    median_us: f64,
    p99_us: f64,
    calls_per_s: f64,
}

fn stats(mut lat: Vec<Duration>, wall: Duration) -> Stats {
    lat.sort_unstable();
    let at = |q: f64| {
        let idx = ((lat.len() as f64 - 1.0) * q).round() as usize;
        lat[idx].as_secs_f64() * 1e6
    };
    Stats {
        median_us: at(0.5),
        p99_us: at(0.99),
        calls_per_s: lat.len() as f64 / wall.as_secs_f64(),
    }
}

/// One call's latency and its phases.
type Sample = (Duration, CallTimings);

/// Median of each phase, in µs: arguments, instantiate, call, result, and
/// the rest of each call's latency.
fn phases(mut timings: Vec<Sample>) -> [f64; 5] {
    let pick: [fn(&Sample) -> Duration; 5] = [
        |(_, t)| t.arguments,
        |(_, t)| t.instantiate,
        |(_, t)| t.call,
        |(_, t)| t.result,
        |(total, t)| total.saturating_sub(t.arguments + t.instantiate + t.call + t.result),
    ];
    pick.map(|f| {
        timings.sort_unstable_by_key(f);
        timings
            .get(timings.len() / 2)
            .map_or(0.0, |t| f(t).as_secs_f64() * 1e6)
    })
}

async fn call(runtime: &Runtime, case: &Case) -> (Duration, CallTimings) {
    // The bench's own copy of the input, made before the clock starts (a
    // caller hands its input over; copying 1 MiB is not the call's cost).
    let input = case.input.clone();
    let start = Instant::now();
    let out = runtime
        .call(
            &case.action,
            input,
            CallContext::default(),
            CallOverrides::default(),
        )
        .await;
    let elapsed = start.elapsed();
    match out {
        Ok(out) => {
            assert!(matches!(out.outcome, Outcome::Done(_)));
            (elapsed, out.timings)
        }
        Err(err) => panic!("{} failed: {err}", case.action),
    }
}

/// One call, on a runtime of its own.
fn single_call(runtime: &Runtime, case: &Case) {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(call(runtime, case));
}

/// Sequential calls on one thread; 10% warm-up excluded.
fn single_thread(runtime: &Runtime, case: &Case) -> (Stats, [f64; 5]) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async {
        for _ in 0..case.iters / 10 {
            call(runtime, case).await;
        }
        let mut lat = Vec::with_capacity(case.iters);
        let mut timings = Vec::with_capacity(case.iters);
        let start = Instant::now();
        for _ in 0..case.iters {
            let (elapsed, phases) = call(runtime, case).await;
            lat.push(elapsed);
            timings.push((elapsed, phases));
        }
        (stats(lat, start.elapsed()), phases(timings))
    })
}

/// One task per core, each making `iters / cores` sequential calls.
fn all_cores(runtime: &Runtime, case: &Case, cores: usize) -> Stats {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(cores)
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async {
        let per_task = (case.iters / cores).max(1);
        let run = |n: usize| {
            let mut tasks = tokio::task::JoinSet::new();
            for _ in 0..cores {
                let runtime = runtime.clone();
                let case = Case {
                    label: case.label.clone(),
                    action: case.action.clone(),
                    input: case.input.clone(),
                    iters: n,
                };
                tasks.spawn(async move {
                    let mut lat = Vec::with_capacity(case.iters);
                    for _ in 0..case.iters {
                        lat.push(call(&runtime, &case).await.0);
                    }
                    lat
                });
            }
            tasks
        };
        let mut warm = run((per_task / 10).max(1));
        while warm.join_next().await.is_some() {}
        let start = Instant::now();
        let mut tasks = run(per_task);
        let mut lat = Vec::new();
        while let Some(part) = tasks.join_next().await {
            lat.extend(part.expect("bench task"));
        }
        stats(lat, start.elapsed())
    })
}

fn main() {
    let scale: f64 = std::env::var("BORA_BENCH_ITERS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0);
    let iters = |n: f64| ((n * scale) as usize).max(10);
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cache = tempfile::tempdir().expect("temp dir");
    let big = "x".repeat(1 << 20);
    let extra = extra_components();
    let mut cases = vec![
        Case {
            label: "std.noop".into(),
            action: "std.noop".into(),
            input: json!({}),
            iters: iters(20_000.0),
        },
        Case {
            label: "pool.noop".into(),
            action: "pool.noop".into(),
            input: json!({}),
            iters: iters(20_000.0),
        },
        Case {
            label: "std.echo 1 MiB".into(),
            action: "std.echo".into(),
            input: json!({ "output": big }),
            iters: iters(300.0),
        },
        Case {
            label: "std.javascript".into(),
            action: "std.javascript".into(),
            input: json!({"script": "return $.a + $.b", "context": {"a": 1, "b": 2}}),
            iters: iters(1_000.0),
        },
    ];
    cases.insert(
        2,
        Case {
            label: "pool.noop warm".into(),
            action: "pool.noop.warm".into(),
            input: json!({}),
            iters: iters(20_000.0),
        },
    );
    for (label, _) in &extra {
        for (suffix, shown) in [("", ""), (".warm", " warm")] {
            cases.push(Case {
                label: format!("{label}{shown}"),
                action: format!("bench.{label}{suffix}"),
                input: json!({ "name": "bench" }),
                iters: iters(2_000.0),
            });
        }
    }
    if let Ok(only) = std::env::var("BORA_BENCH_ONLY") {
        let only: Vec<&str> = only.split(',').map(str::trim).collect();
        cases.retain(|c| only.contains(&c.label.as_str()));
    }
    let mut restarts = Vec::new();
    println!("bora action runtime benchmark ({cores} cores)");
    println!(
        "{:<16} {:<10} {:<8} {:>8} {:>12} {:>10} {:>12}",
        "action", "allocator", "threads", "iters", "median µs", "p99 µs", "calls/s"
    );
    let mut breakdown = Vec::new();
    let allocators = match std::env::var("BORA_BENCH_ALLOCATOR").as_deref() {
        Ok("pooling") => vec![Allocator::Pooling],
        Ok("on-demand") => vec![Allocator::OnDemand],
        Ok(other) => panic!("BORA_BENCH_ALLOCATOR: `{other}` is not pooling or on-demand"),
        Err(_) => vec![Allocator::Pooling, Allocator::OnDemand],
    };
    for allocator in allocators {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("tokio runtime")
            .block_on(async {
                let runtime = Runtime::new(RuntimeConfig {
                    allocator,
                    cache_dir: Some(cache.path().to_path_buf()),
                    ..RuntimeConfig::default()
                })
                .await
                .expect("runtime");
                let noop = std_actions::find("std.noop").expect("std.noop is embedded");
                let warm = ActionLimits {
                    warm: Some(true),
                    ..ActionLimits::default()
                };
                runtime
                    .load("pool.noop", noop.wasm, ActionLimits::default())
                    .await
                    .expect("pool.noop loads");
                runtime
                    .load("pool.noop.warm", noop.wasm, warm.clone())
                    .await
                    .expect("pool.noop.warm loads");
                // Filled once, so later loads read the compiled artifact.
                for (label, wasm) in &extra {
                    for (suffix, limits) in [("", ActionLimits::default()), (".warm", warm.clone())]
                    {
                        runtime
                            .load(&format!("bench.{label}{suffix}"), wasm, limits)
                            .await
                            .unwrap_or_else(|e| panic!("{label} loads: {e}"));
                    }
                }
                runtime
            });
        for (label, wasm) in &extra {
            restarts.push(after_restart(label, wasm, allocator, cache.path()));
        }
        let name = match runtime.allocator() {
            Allocator::Pooling => "pooling",
            Allocator::OnDemand => "on-demand",
        };
        if let Some(js) = cases.iter().find(|c| c.action == "std.javascript") {
            let first = Instant::now();
            single_call(&runtime, js);
            let cache = runtime
                .info("std.javascript")
                .map(|info| format!("{:?}", info.cache));
            println!(
                "{:<16} {:<10} first call: {:.1} ms (load: {})",
                js.label,
                name,
                first.elapsed().as_secs_f64() * 1e3,
                cache.unwrap_or_default()
            );
        }
        for case in &cases {
            let (one, split) = single_thread(&runtime, case);
            breakdown.push((case.label.clone(), name, split));
            for (threads, s) in [(1, one), (cores, all_cores(&runtime, case, cores))] {
                println!(
                    "{:<16} {:<10} {:<8} {:>8} {:>12.1} {:>10.1} {:>12.0}",
                    case.label, name, threads, case.iters, s.median_us, s.p99_us, s.calls_per_s
                );
            }
        }
    }
    println!();
    println!("breakdown, one thread (median µs of each phase)");
    println!(
        "{:<16} {:<10} {:>10} {:>12} {:>10} {:>10} {:>10}",
        "action", "allocator", "arguments", "instantiate", "call", "result", "rest"
    );
    for (label, allocator, [arguments, instantiate, call, result, rest]) in breakdown {
        println!(
            "{label:<16} {allocator:<10} {arguments:>10.1} {instantiate:>12.1} {call:>10.1} \
             {result:>10.1} {rest:>10.1}"
        );
    }
    if !restarts.is_empty() {
        println!();
        println!("after a restart (ms): load from the disk cache, then the first call");
        println!(
            "{:<16} {:<10} {:>10} {:>12}",
            "action", "allocator", "load", "first call"
        );
        for (label, allocator, load, first) in restarts {
            println!("{label:<16} {allocator:<10} {load:>10.1} {first:>12.2}");
        }
    }
}

/// The components named in `BORA_BENCH_COMPONENTS` (`label=path,...`).
fn extra_components() -> Vec<(String, Vec<u8>)> {
    let Ok(list) = std::env::var("BORA_BENCH_COMPONENTS") else {
        return Vec::new();
    };
    list.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|item| {
            let (label, path) = item
                .split_once('=')
                .unwrap_or_else(|| panic!("BORA_BENCH_COMPONENTS: `{item}` is not label=path"));
            let wasm = std::fs::read(path.trim()).unwrap_or_else(|e| panic!("{path}: {e}"));
            (label.trim().to_owned(), wasm)
        })
        .collect()
}

/// A new runtime on the same cache dir (as after a restart): how long
/// `load` takes (ms) and then the first call (ms).
fn after_restart(
    label: &str,
    wasm: &[u8],
    allocator: Allocator,
    cache: &std::path::Path,
) -> (String, &'static str, f64, f64) {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    rt.block_on(async {
        let runtime = Runtime::new(RuntimeConfig {
            allocator,
            cache_dir: Some(cache.to_path_buf()),
            ..RuntimeConfig::default()
        })
        .await
        .expect("runtime");
        let name = format!("bench.{label}");
        let start = Instant::now();
        runtime
            .load(&name, wasm, ActionLimits::default())
            .await
            .unwrap_or_else(|e| panic!("{label} loads: {e}"));
        let load = start.elapsed();
        let case = Case {
            label: label.to_owned(),
            action: name,
            input: json!({ "name": "bench" }),
            iters: 1,
        };
        let (first, _) = call(&runtime, &case).await;
        let kind = match runtime.allocator() {
            Allocator::Pooling => "pooling",
            Allocator::OnDemand => "on-demand",
        };
        (
            label.to_owned(),
            kind,
            load.as_secs_f64() * 1e3,
            first.as_secs_f64() * 1e3,
        )
    })
}
