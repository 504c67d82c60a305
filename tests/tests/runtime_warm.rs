//! Warm instances (`?instances=warm`, `ActionLimits::warm`): a call runs in
//! the instance its action's previous call left, for the same project
//! only, with its own fuel, stdout and logs; a fresh instance replaces one
//! after a trap, after its memory grew past half the cap, for another
//! version, and for every call of an action that may reach a host.

use bora::runtime::{
    ActionLimits, CallContext, CallOutput, CallOverrides, FailureKind, Outcome, Runtime,
};
use bora_tests::programs;
use serde_json::{Value, json};

use crate::runtime_support::*;

async fn loaded(warm: Option<bool>) -> Runtime {
    let rt = runtime().await;
    let limits = ActionLimits {
        warm,
        ..ActionLimits::default()
    };
    rt.load("test.counter", programs::COUNTER, limits)
        .await
        .unwrap();
    rt
}

fn for_project(project: &str) -> CallContext {
    CallContext {
        owner: Some(project.to_owned()),
        ..CallContext::default()
    }
}

async fn run(rt: &Runtime, input: Value, ctx: CallContext, overrides: CallOverrides) -> CallOutput {
    match rt.call("test.counter", input, ctx, overrides).await {
        Ok(output) => output,
        Err(failure) => panic!("the counter failed: {failure}"),
    }
}

/// The instance's call count the call answered.
async fn count_in(rt: &Runtime, project: &str) -> u64 {
    let output = run(
        rt,
        json!({}),
        for_project(project),
        CallOverrides::default(),
    )
    .await;
    match output.outcome {
        Outcome::Done(value) => value["calls"].as_u64().unwrap(),
        other => panic!("expected a count, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_the_opt_in_every_call_gets_a_fresh_instance() {
    for warm in [None, Some(false)] {
        let rt = loaded(warm).await;
        for _ in 0..3 {
            assert_eq!(count_in(&rt, "p").await, 1, "warm: {warm:?}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_warm_action_runs_in_its_last_instance_with_its_own_output_and_fuel() {
    let rt = loaded(Some(true)).await;
    let mut fuel = Vec::new();
    for n in 1..=4u64 {
        let output = run(&rt, json!({}), for_project("p"), CallOverrides::default()).await;
        assert_eq!(output.outcome, Outcome::Done(json!({ "calls": n })));
        // Only this call's output and logs, not those of the calls before.
        assert_eq!(output.stdout, format!("call {n}\n"));
        let logs: Vec<&str> = output.logs.iter().map(|l| l.message.as_str()).collect();
        assert_eq!(logs, [format!("call {n}")]);
        fuel.push(output.fuel_used);
    }
    // Each call pays for itself, and skips the start-up a fresh one runs.
    assert!(fuel.iter().all(|&f| f > 0), "{fuel:?}");
    // A fuel budget too small for four calls together is enough for each.
    let budget = CallOverrides {
        fuel: Some(fuel[1] * 2),
        ..CallOverrides::default()
    };
    for n in 5..=8u64 {
        let output = run(&rt, json!({}), for_project("p"), budget.clone()).await;
        assert_eq!(output.outcome, Outcome::Done(json!({ "calls": n })));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn projects_never_share_an_instance() {
    let rt = loaded(Some(true)).await;
    assert_eq!(count_in(&rt, "a").await, 1);
    assert_eq!(count_in(&rt, "b").await, 1);
    assert_eq!(count_in(&rt, "a").await, 2);
    assert_eq!(count_in(&rt, "b").await, 2);
    // A call of Bora's own (no project) is its own owner too.
    let own = run(
        &rt,
        json!({}),
        CallContext::default(),
        CallOverrides::default(),
    )
    .await;
    assert_eq!(own.outcome, Outcome::Done(json!({ "calls": 1 })));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_trap_discards_the_instance() {
    let rt = loaded(Some(true)).await;
    assert_eq!(count_in(&rt, "p").await, 1);
    assert_eq!(count_in(&rt, "p").await, 2);
    let trapped = rt
        .call(
            "test.counter",
            json!({"trap": true}),
            for_project("p"),
            CallOverrides::default(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(trapped.kind, FailureKind::Trap { .. }),
        "{:?}",
        trapped.kind
    );
    assert_eq!(count_in(&rt, "p").await, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_instance_holding_over_half_its_memory_cap_is_not_kept() {
    let rt = loaded(Some(true)).await;
    assert_eq!(count_in(&rt, "p").await, 1);
    // The test runtime's cap is 32 MiB: 20 MiB held is over half of it.
    let held = run(
        &rt,
        json!({"hold_mib": 20}),
        for_project("p"),
        CallOverrides::default(),
    )
    .await;
    assert_eq!(held.outcome, Outcome::Done(json!({ "calls": 2 })));
    assert_eq!(count_in(&rt, "p").await, 1);
    // A kept instance is not given to a call whose cap it already exceeds.
    let small = run(
        &rt,
        json!({"hold_mib": 4}),
        for_project("p"),
        CallOverrides::default(),
    )
    .await;
    assert_eq!(small.outcome, Outcome::Done(json!({ "calls": 2 })));
    let capped = CallOverrides {
        memory: Some(3 << 20),
        ..CallOverrides::default()
    };
    let fresh = run(&rt, json!({}), for_project("p"), capped).await;
    assert_eq!(fresh.outcome, Outcome::Done(json!({ "calls": 1 })));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_action_that_may_reach_a_host_always_gets_a_fresh_instance() {
    let rt = loaded(Some(true)).await;
    let with_hosts = CallOverrides {
        allowed_hosts: Some(vec!["example.com".into()]),
        ..CallOverrides::default()
    };
    for _ in 0..3 {
        let output = run(&rt, json!({}), for_project("p"), with_hosts.clone()).await;
        assert_eq!(output.outcome, Outcome::Done(json!({ "calls": 1 })));
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_new_version_never_runs_in_an_old_versions_instance() {
    let rt = loaded(Some(true)).await;
    assert_eq!(count_in(&rt, "p").await, 1);
    assert_eq!(count_in(&rt, "p").await, 2);
    let limits = ActionLimits {
        warm: Some(true),
        ..ActionLimits::default()
    };
    rt.load("test.counter", programs::COUNTER, limits)
        .await
        .unwrap();
    assert_eq!(count_in(&rt, "p").await, 1);
}
