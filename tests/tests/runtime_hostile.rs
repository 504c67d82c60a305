//! Hostile and misbehaving components (`bora_tests::programs`): each gives its
//! own typed failure, and afterwards the same runtime serves a normal call.

use std::time::Duration;

use crate::runtime_support::*;
use bora::runtime::{
    ActionLimits, CallOverrides, Ceilings, FailureKind, LoadError, Outcome, Runtime, RuntimeConfig,
    UNLIMITED_FUEL,
};
use bora_tests::programs;
use serde_json::{Value, json};

async fn runtime_with(programs: &[(&str, &[u8])]) -> Runtime {
    let rt = runtime().await;
    for (name, wasm) in programs {
        rt.load(name, wasm, ActionLimits::default())
            .await
            .unwrap_or_else(|e| panic!("{name} does not load: {e}"));
    }
    rt
}

#[tokio::test]
async fn an_endless_loop_is_stopped_by_fuel() {
    let rt = runtime_with(&[("hostile.loop", programs::ENDLESS_LOOP)]).await;
    let overrides = CallOverrides {
        fuel: Some(5_000_000),
        ..CallOverrides::default()
    };
    let input = json!({});
    match failure(&rt, "hostile.loop", input, overrides).await {
        FailureKind::OutOfFuel { fuel } => assert_eq!(fuel, 5_000_000),
        other => panic!("unexpected failure {other:?}"),
    }
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn an_endless_loop_with_unlimited_fuel_is_stopped_by_the_deadline() {
    // Unlimited fuel is above any finite fuel ceiling: lift it.
    let rt = Runtime::new(RuntimeConfig {
        ceilings: Ceilings {
            fuel: UNLIMITED_FUEL,
            ..Ceilings::default()
        },
        ..test_config()
    })
    .await
    .unwrap();
    rt.load(
        "hostile.loop",
        programs::ENDLESS_LOOP,
        ActionLimits::default(),
    )
    .await
    .unwrap();
    let overrides = CallOverrides {
        fuel: Some(UNLIMITED_FUEL),
        timeout: Some(Duration::from_millis(150)),
        ..CallOverrides::default()
    };
    let input = json!({});
    match call_with(&rt, "hostile.loop", input, overrides).await {
        Err(failure) => {
            match failure.kind {
                FailureKind::Timeout { timeout } => {
                    assert_eq!(timeout, Duration::from_millis(150))
                }
                other => panic!("unexpected failure {other:?}"),
            }
            // It ran until the deadline, not until some fuel budget.
            assert!(
                failure.elapsed >= Duration::from_millis(150),
                "{:?}",
                failure.elapsed
            );
        }
        Ok(out) => panic!("an endless loop finished: {:?}", out.outcome),
    }
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn unbounded_memory_growth_hits_the_memory_limit() {
    let rt = runtime_with(&[("hostile.hog", programs::MEMORY_HOG)]).await;
    let overrides = CallOverrides {
        memory: Some(16 << 20),
        ..CallOverrides::default()
    };
    let input = json!({});
    match failure(&rt, "hostile.hog", input, overrides).await {
        FailureKind::MemoryLimit { limit, requested } => {
            assert_eq!(limit, 16 << 20);
            assert!(requested > limit);
        }
        other => panic!("unexpected failure {other:?}"),
    }
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn a_host_file_cannot_be_read() {
    let rt = runtime_with(&[("hostile.read", programs::READ_HOST_FILE)]).await;
    // No preopened directories: the program's read fails, and it says so.
    let value = done(&rt, "hostile.read", json!({"path": "/etc/passwd"})).await;
    assert_eq!(value["read"], json!(false), "{value}");
    assert!(value.get("content").is_none(), "{value}");
    assert!(!value["error"].as_str().unwrap_or("").is_empty(), "{value}");
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn an_outgoing_request_without_permission_is_denied() {
    let server = TestServer::start(200, "OK", "{}");
    let rt = runtime_with(&[("hostile.fetch", programs::HTTP_FETCH)]).await;
    match failure(
        &rt,
        "hostile.fetch",
        json!({"url": server.url("/secret")}),
        CallOverrides::default(),
    )
    .await
    {
        FailureKind::NetworkDenied {
            denied, message, ..
        } => {
            assert!(denied[0].contains("/secret"), "{denied:?}");
            assert!(!message.is_empty());
        }
        other => panic!("unexpected failure {other:?}"),
    }
    assert!(server.requests().is_empty());
    // The same program with permission reaches the server.
    let allowed = CallOverrides {
        allowed_hosts: Some(vec![server.addr.to_string()]),
        ..CallOverrides::default()
    };
    let out = call_with(
        &rt,
        "hostile.fetch",
        json!({"url": server.url("/ok")}),
        allowed,
    )
    .await
    .unwrap_or_else(|f| panic!("allowed fetch failed: {f}"));
    assert!(matches!(out.outcome, Outcome::Done(_)));
    assert_eq!(server.requests().len(), 1);
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn a_panic_is_a_trap_with_the_message_on_stderr() {
    let rt = runtime_with(&[("hostile.panic", programs::PANIC)]).await;
    let input = json!({});
    match call(&rt, "hostile.panic", input).await {
        Err(failure) => {
            match &failure.kind {
                FailureKind::Trap { message } => {
                    assert!(message.contains("unreachable"), "{message}")
                }
                other => panic!("unexpected failure {other:?}"),
            }
            assert!(
                failure.stderr.contains("this action panics on purpose"),
                "{}",
                failure.stderr
            );
        }
        Ok(out) => panic!("a panic succeeded: {:?}", out.outcome),
    }
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn a_result_that_is_not_json_is_refused() {
    let rt = runtime_with(&[("hostile.notjson", programs::NOT_JSON)]).await;
    let input = json!({});
    match failure(&rt, "hostile.notjson", input, CallOverrides::default()).await {
        FailureKind::NotJson { excerpt, .. } => {
            assert!(excerpt.contains("this is not json"), "{excerpt}")
        }
        other => panic!("unexpected failure {other:?}"),
    }
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn prints_and_logs_are_captured_with_the_result() {
    let rt = runtime_with(&[("hostile.prints", programs::PRINTS)]).await;
    let input = json!({});
    let out = call(&rt, "hostile.prints", input).await.unwrap();
    assert_eq!(
        out.outcome,
        Outcome::Done(json!({"printed": true, "action_name": "hostile.prints"}))
    );
    assert_eq!(out.stdout, "hello on stdout\n");
    assert_eq!(out.stderr, "hello on stderr\n");
    let levels: Vec<&str> = out.logs.iter().map(|r| r.level).collect();
    assert_eq!(levels, ["trace", "debug", "info", "warn", "error"]);
    assert_eq!(out.logs[2].message, "log at info");
}

#[tokio::test]
async fn an_error_with_details_keeps_them_as_json() {
    let rt = runtime_with(&[("hostile.details", programs::ERROR_WITH_DETAILS)]).await;
    let input = json!({});
    match failure(&rt, "hostile.details", input, CallOverrides::default()).await {
        FailureKind::ActionError { message, details } => {
            assert!(!message.is_empty());
            assert!(
                matches!(details, Some(Value::Object(_)) | Some(Value::Array(_))),
                "{details:?}"
            );
        }
        other => panic!("unexpected failure {other:?}"),
    }
}

#[tokio::test]
async fn a_component_for_another_world_is_rejected_at_load() {
    let rt = runtime().await;
    let err = rt
        .load(
            "hostile.other",
            programs::OTHER_WORLD,
            ActionLimits::default(),
        )
        .await
        .unwrap_err();
    match &err {
        LoadError::WorldMismatch { name, message } => {
            assert_eq!(name, "hostile.other");
            assert!(
                message.contains("describe")
                    || message.contains("run")
                    || message.contains("import"),
                "the error should name the mismatch: {message}"
            );
        }
        other => panic!("unexpected load error {other:?}"),
    }
    assert!(rt.describe("hostile.other").is_none());
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn a_granted_action_still_cannot_reach_what_only_the_operator_opens() {
    let server = TestServer::start(200, "OK", "{}");
    // The operator opens nothing; this node's API listens on the server's
    // address (as if the action tried Bora's own API).
    let rt = Runtime::new(RuntimeConfig {
        private_egress: Vec::new(),
        own_addresses: vec![server.addr],
        ..test_config()
    })
    .await
    .unwrap();
    rt.load(
        "hostile.fetch",
        programs::HTTP_FETCH,
        ActionLimits::default(),
    )
    .await
    .unwrap();
    for (url, granted) in [
        (server.url("/v2/executions"), server.addr.to_string()),
        (server.url("/v2/executions"), "127.0.0.0/8".to_owned()),
        (
            "http://169.254.169.254/latest/meta-data/".to_owned(),
            "169.254.169.254".to_owned(),
        ),
    ] {
        // The workflow grants the address itself: not enough.
        let overrides = CallOverrides {
            allowed_hosts: Some(vec![granted.clone()]),
            ..CallOverrides::default()
        };
        match failure(&rt, "hostile.fetch", json!({"url": url}), overrides).await {
            FailureKind::NetworkDenied { denied, .. } => {
                assert!(denied[0].contains("operator"), "{granted}: {denied:?}");
            }
            other => panic!("{granted}: unexpected failure {other:?}"),
        }
    }
    assert!(
        server.requests().is_empty(),
        "a refused request got through"
    );
}
