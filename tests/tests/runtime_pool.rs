//! The runtime's action threads, its stop switch and its ceilings: more
//! endless loops than action threads still let a short call through (they
//! yield at every epoch tick); `interrupt_calls` stops calls in wasm code
//! and in host calls with a failure of its own; limits above the ceilings
//! are refused (fuel, memory) or cut (timeout).

use std::time::Duration;

use crate::runtime_support::*;
use bora::runtime::{
    ActionLimits, CallOverrides, Ceilings, FailureKind, Limit, Outcome, Runtime, RuntimeConfig,
    UNLIMITED_FUEL,
};
use bora_tests::programs;
use serde_json::json;

/// Generous bound on anything that should happen at once.
const PATIENCE: Duration = Duration::from_secs(60);

async fn runtime_with_loop(config: RuntimeConfig) -> Runtime {
    let rt = Runtime::new(config).await.unwrap();
    rt.load(
        "hostile.loop",
        programs::ENDLESS_LOOP,
        ActionLimits::default(),
    )
    .await
    .unwrap();
    rt
}

/// A test runtime whose fuel ceiling is lifted, so that loops end only
/// when interrupted (10^11 fuel lasts a dozen seconds here).
fn unbounded() -> RuntimeConfig {
    RuntimeConfig {
        ceilings: Ceilings {
            fuel: UNLIMITED_FUEL,
            ..Ceilings::default()
        },
        ..test_config()
    }
}

fn long() -> CallOverrides {
    CallOverrides {
        timeout: Some(Duration::from_secs(600)),
        fuel: Some(UNLIMITED_FUEL),
        ..CallOverrides::default()
    }
}

/// Starts `n` endless loops on `rt`; their tasks end when interrupted.
fn spawn_loops(
    rt: &Runtime,
    n: usize,
) -> tokio::task::JoinSet<Result<bora::runtime::CallOutput, bora::runtime::ActionFailure>> {
    let mut loops = tokio::task::JoinSet::new();
    for _ in 0..n {
        let rt = rt.clone();
        loops.spawn(async move { call_with(&rt, "hostile.loop", json!({}), long()).await });
    }
    loops
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn more_endless_loops_than_action_threads_still_let_a_short_call_through() {
    let rt = runtime_with_loop(RuntimeConfig {
        action_threads: 1,
        ..unbounded()
    })
    .await;
    let mut loops = spawn_loops(&rt, 3);
    // Let the loops take the only action thread.
    tokio::time::sleep(Duration::from_millis(200)).await;
    for i in 0..5 {
        let echoed = tokio::time::timeout(PATIENCE, async {
            done(&rt, "std.echo", json!({ "output": i })).await
        })
        .await
        .expect("a short call got through while the loops ran");
        assert_eq!(echoed, json!(i));
    }
    // The loops were still running all along.
    assert!(loops.try_join_next().is_none());
    rt.interrupt_calls();
    while let Some(ended) = loops.join_next().await {
        let failure = ended.unwrap().unwrap_err();
        assert!(
            matches!(failure.kind, FailureKind::Interrupted),
            "{:?}",
            failure.kind
        );
    }
}

#[tokio::test]
async fn interrupting_stops_wasm_code_and_host_calls_and_refuses_new_calls() {
    let rt = runtime_with_loop(unbounded()).await;
    let mut loops = spawn_loops(&rt, 2);
    let sleeper = {
        let rt = rt.clone();
        tokio::spawn(
            async move { call_with(&rt, "std.sleep", json!({"seconds": 500}), long()).await },
        )
    };
    tokio::time::sleep(Duration::from_millis(300)).await;
    rt.interrupt_calls();
    let slept = tokio::time::timeout(PATIENCE, sleeper)
        .await
        .expect("the sleeping call stopped")
        .unwrap()
        .unwrap_err();
    assert!(
        matches!(slept.kind, FailureKind::Interrupted),
        "{:?}",
        slept.kind
    );
    while let Some(ended) = tokio::time::timeout(PATIENCE, loops.join_next())
        .await
        .expect("the loops stopped")
    {
        let failure = ended.unwrap().unwrap_err();
        assert!(
            matches!(failure.kind, FailureKind::Interrupted),
            "{:?}",
            failure.kind
        );
        // It did run: interrupted in wasm code, not refused.
        assert!(failure.fuel_used > 0);
    }
    let refused = call(&rt, "std.noop", json!({})).await.unwrap_err();
    assert!(
        matches!(refused.kind, FailureKind::Interrupted),
        "{:?}",
        refused.kind
    );
    assert_eq!(
        refused.to_string(),
        "the action was interrupted by shutdown"
    );
}

#[tokio::test]
async fn fuel_and_memory_above_the_ceilings_are_refused() {
    let rt = Runtime::new(test_config()).await.unwrap();
    let over = |fuel, memory| CallOverrides {
        fuel,
        memory,
        ..CallOverrides::default()
    };
    match failure(&rt, "std.noop", json!({}), over(Some(UNLIMITED_FUEL), None)).await {
        FailureKind::OverCeiling(over) => {
            assert_eq!(over.limit, Limit::Fuel);
            assert_eq!(over.ceiling, Ceilings::default().fuel);
        }
        other => panic!("unexpected {other:?}"),
    }
    let kind = failure(&rt, "std.noop", json!({}), over(None, Some(u64::MAX))).await;
    let message = kind.to_string();
    assert!(
        message.starts_with("the call's memory 18446744073709551615 bytes is above"),
        "{message}"
    );
    // The memory ceiling is bounded by the pool's largest instance.
    let largest = rt.config().max_memory_per_instance;
    assert_eq!(rt.ceilings().memory, largest);
    assert!(
        message.contains(&format!("ceiling of {largest} bytes")),
        "{message}"
    );
    assert!(message.contains("--max-memory"), "{message}");
    // At the ceiling itself the call runs.
    let at = CallOverrides {
        fuel: Some(Ceilings::default().fuel),
        memory: Some(largest),
        ..CallOverrides::default()
    };
    let out = call_with(&rt, "std.noop", json!({}), at).await.unwrap();
    assert!(matches!(out.outcome, Outcome::Done(_)));
}

#[tokio::test]
async fn a_timeout_above_the_ceiling_is_cut_to_it() {
    let rt = runtime_with_loop(RuntimeConfig {
        ceilings: Ceilings {
            timeout: Duration::from_millis(300),
            fuel: UNLIMITED_FUEL,
            ..Ceilings::default()
        },
        ..test_config()
    })
    .await;
    // The default (10 s in the test config) is lowered to the ceiling too.
    assert_eq!(rt.config().timeout, Duration::from_millis(300));
    match failure(&rt, "hostile.loop", json!({}), long()).await {
        FailureKind::Timeout { timeout } => assert_eq!(timeout, Duration::from_millis(300)),
        other => panic!("unexpected {other:?}"),
    }
    assert_still_serves(&rt).await;
}
