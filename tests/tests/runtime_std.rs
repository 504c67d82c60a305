//! The standard actions through the runtime, with Mistral's result shapes,
//! input checking, limits, the disk cache and concurrency.

use std::time::Duration;

use crate::runtime_support::*;
use bora::runtime::{
    ActionLimits, CacheOutcome, CallContext, CallOverrides, FailureKind, Outcome, Runtime,
    RuntimeConfig, std_actions,
};
use serde_json::{Value, json};

#[tokio::test]
async fn every_std_action_is_loaded_and_describes_itself() {
    let rt = runtime().await;
    let names: Vec<String> = std_actions::STD_ACTIONS
        .iter()
        .map(|a| a.name.to_string())
        .collect();
    assert_eq!(rt.list(), names);
    for name in &names {
        let d = rt.describe(name).unwrap();
        assert_eq!(&d.name, name, "describe() of {name} names itself");
    }
    let echo = rt.describe("std.echo").unwrap();
    assert_eq!(echo.input_spec(), "output, delay=0");
    assert!(!echo.is_async);
    assert!(rt.describe("std.nope").is_none());
}

#[tokio::test]
async fn echo_returns_its_output_as_given() {
    let rt = runtime().await;
    assert_eq!(
        done(&rt, "std.echo", json!({"output": "hi"})).await,
        json!("hi")
    );
    let nested = json!({"b": [1, 2.5, null, true], "a": {"z": 1, "y": 2}});
    let back = done(&rt, "std.echo", json!({"output": nested.clone()})).await;
    assert_eq!(back, nested);
    // Insertion order is kept (Mistral keeps dict order).
    assert_eq!(back.to_string(), nested.to_string());
}

#[tokio::test]
async fn noop_returns_null() {
    let rt = runtime().await;
    assert_eq!(done(&rt, "std.noop", json!({})).await, Value::Null);
    // A missing input is an empty one.
    assert_eq!(done(&rt, "std.noop", Value::Null).await, Value::Null);
}

#[tokio::test]
async fn fail_raises_mistral_error_or_carries_error_data() {
    let rt = runtime().await;
    match failure(&rt, "std.fail", json!({}), CallOverrides::default()).await {
        FailureKind::ActionError { message, details } => {
            assert_eq!(message, "Fail action expected exception.");
            assert_eq!(details, None);
        }
        other => panic!("unexpected failure {other:?}"),
    }
    let data = json!({"code": 42, "why": "because"});
    match failure(
        &rt,
        "std.fail",
        json!({"error_data": data.clone()}),
        CallOverrides::default(),
    )
    .await
    {
        FailureKind::ActionError { details, .. } => assert_eq!(details, Some(data)),
        other => panic!("unexpected failure {other:?}"),
    }
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn test_dict_builds_prefixed_keys() {
    let rt = runtime().await;
    let value = done(
        &rt,
        "std.test_dict",
        json!({"size": 3, "key_prefix": "k", "val": "v"}),
    )
    .await;
    assert_eq!(value, json!({"k0": "v", "k1": "v", "k2": "v"}));
    assert_eq!(done(&rt, "std.test_dict", json!({})).await, json!({}));
}

#[tokio::test]
async fn sleep_returns_null_and_is_bounded_by_the_timeout() {
    let rt = runtime().await;
    assert_eq!(
        done(&rt, "std.sleep", json!({"seconds": 0})).await,
        Value::Null
    );
    // Sleeping blocks in a host call (a WASI poll), where epochs do not
    // reach: the runtime's timer stops it.
    let overrides = CallOverrides {
        timeout: Some(Duration::from_millis(200)),
        ..CallOverrides::default()
    };
    match failure(&rt, "std.sleep", json!({"seconds": 30}), overrides).await {
        FailureKind::Timeout { timeout } => assert_eq!(timeout, Duration::from_millis(200)),
        other => panic!("unexpected failure {other:?}"),
    }
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn async_noop_is_pending() {
    let rt = runtime().await;
    assert!(rt.describe("std.async_noop").unwrap().is_async);
    let out = call(&rt, "std.async_noop", json!({})).await.unwrap();
    assert_eq!(out.outcome, Outcome::Pending);
}

#[tokio::test]
async fn bad_input_names_the_parameters_in_mistral_wording() {
    let rt = runtime().await;
    match failure(
        &rt,
        "std.echo",
        json!({"wrong_input": 1}),
        CallOverrides::default(),
    )
    .await
    {
        FailureKind::BadInput {
            message,
            missing,
            unexpected,
        } => {
            assert_eq!(
                message,
                "Invalid input [name=std.echo, class=mistral.actions.std_actions.EchoAction, \
                 missing=['output'], unexpected=['wrong_input']]"
            );
            assert_eq!(missing, vec!["output".to_string()]);
            assert_eq!(unexpected, vec!["wrong_input".to_string()]);
        }
        other => panic!("unexpected failure {other:?}"),
    }
    match failure(
        &rt,
        "std.echo",
        json!("not an object"),
        CallOverrides::default(),
    )
    .await
    {
        FailureKind::BadInput { message, .. } => {
            assert!(message.contains("must be a JSON object"), "{message}");
        }
        other => panic!("unexpected failure {other:?}"),
    }
    match failure(&rt, "std.nope", json!({}), CallOverrides::default()).await {
        FailureKind::NotFound { name } => assert_eq!(name, "std.nope"),
        other => panic!("unexpected failure {other:?}"),
    }
}

#[tokio::test]
async fn a_tiny_fuel_budget_stops_a_normal_action() {
    let rt = runtime().await;
    let overrides = CallOverrides {
        fuel: Some(1_000),
        ..CallOverrides::default()
    };
    match failure(&rt, "std.echo", json!({"output": "x"}), overrides).await {
        FailureKind::OutOfFuel { fuel } => assert_eq!(fuel, 1_000),
        other => panic!("unexpected failure {other:?}"),
    }
    let out = call(&rt, "std.echo", json!({"output": "x"})).await.unwrap();
    assert!(
        out.fuel_used > 0 && out.fuel_used < 500_000_000,
        "{}",
        out.fuel_used
    );
}

#[tokio::test]
async fn per_action_limits_apply_and_calls_override_them() {
    let rt = runtime().await;
    let noop = std_actions::find("std.noop").unwrap();
    rt.load(
        "tight.noop",
        noop.wasm,
        ActionLimits {
            fuel: Some(100),
            ..ActionLimits::default()
        },
    )
    .await
    .unwrap();
    assert!(matches!(
        failure(&rt, "tight.noop", json!({}), CallOverrides::default()).await,
        FailureKind::OutOfFuel { fuel: 100 }
    ));
    let overrides = CallOverrides {
        fuel: Some(10_000_000),
        ..CallOverrides::default()
    };
    assert!(
        call_with(&rt, "tight.noop", json!({}), overrides)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn http_reaches_an_explicitly_allowed_local_server() {
    let server = TestServer::start(200, "OK", r#"{"hello": "world"}"#);
    let rt = runtime().await;
    let overrides = CallOverrides {
        allowed_hosts: Some(vec!["127.0.0.1".into()]),
        ..CallOverrides::default()
    };
    let out = call_with(
        &rt,
        "std.http",
        json!({"url": server.url("/path"), "params": {"q": "1"}, "headers": {"X-Num": 5}}),
        overrides,
    )
    .await
    .unwrap_or_else(|f| panic!("std.http failed: {f} (logs {:?})", f.logs));
    let Outcome::Done(result) = out.outcome else {
        panic!("std.http is synchronous")
    };
    assert_eq!(result["status"], json!(200));
    assert_eq!(result["reason"], json!("OK"));
    assert_eq!(result["content"], json!({"hello": "world"}));
    // wasi:http hands header names over in lower case.
    assert_eq!(result["headers"]["x-test"], json!("yes"), "{result}");
    assert!(result["history"].is_array(), "{result}");
    assert!(result.get("encoding").is_some(), "{result}");
    assert!(
        result["url"].as_str().unwrap().contains("/path?q=1"),
        "{result}"
    );
    let seen = server.requests();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].request_line, "GET /path?q=1 HTTP/1.1");
    assert!(
        seen[0]
            .headers
            .iter()
            .any(|(k, v)| k == "x-num" && v == "5"),
        "{:?}",
        seen[0].headers
    );
}

#[tokio::test]
async fn http_is_denied_without_permission_and_for_loopback_by_wildcard() {
    let server = TestServer::start(200, "OK", "{}");
    let rt = runtime().await;
    for allowed in [
        None,
        Some(vec!["*".to_string()]),
        Some(vec!["example.org".to_string()]),
    ] {
        let overrides = CallOverrides {
            allowed_hosts: allowed.clone(),
            ..CallOverrides::default()
        };
        match failure(&rt, "std.http", json!({"url": server.url("/")}), overrides).await {
            FailureKind::NetworkDenied { denied, .. } => {
                assert_eq!(denied.len(), 1, "{allowed:?}: {denied:?}");
                assert!(denied[0].contains("127.0.0.1"), "{denied:?}");
            }
            other => panic!("{allowed:?}: unexpected failure {other:?}"),
        }
    }
    assert!(
        server.requests().is_empty(),
        "a denied request reached the server"
    );
    assert_still_serves(&rt).await;
}

#[tokio::test]
async fn the_disk_cache_is_reused_and_a_corrupt_artifact_is_recompiled() {
    let dir = tempfile::tempdir().unwrap();
    let config = || RuntimeConfig {
        cache_dir: Some(dir.path().to_path_buf()),
        load_std_actions: false,
        ..test_config()
    };
    let echo = std_actions::find("std.echo").unwrap();
    let rt = Runtime::new(config()).await.unwrap();
    let first = rt
        .load("e", echo.wasm, ActionLimits::default())
        .await
        .unwrap();
    assert_eq!(first.cache, CacheOutcome::Compiled);
    let second = Runtime::new(config()).await.unwrap();
    let info = second
        .load("e", echo.wasm, ActionLimits::default())
        .await
        .unwrap();
    assert_eq!(info.cache, CacheOutcome::Hit);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "cwasm") {
            let mut bytes = std::fs::read(&path).unwrap();
            let last = bytes.len() - 1;
            bytes[last] ^= 0xff;
            std::fs::write(&path, bytes).unwrap();
        }
    }
    let third = Runtime::new(config()).await.unwrap();
    let info = third
        .load("e", echo.wasm, ActionLimits::default())
        .await
        .unwrap();
    assert_eq!(info.cache, CacheOutcome::Compiled);
    assert_eq!(done(&third, "e", json!({"output": 1})).await, json!(1));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_calls_beyond_the_pool_size_all_succeed() {
    let rt = Runtime::new(RuntimeConfig {
        max_concurrent_instances: 2,
        ..test_config()
    })
    .await
    .unwrap();
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..32 {
        let rt = rt.clone();
        tasks.spawn(async move {
            rt.call(
                "std.echo",
                json!({"output": i}),
                CallContext::default(),
                CallOverrides::default(),
            )
            .await
            .map(|o| o.outcome)
        });
    }
    let mut seen = Vec::new();
    while let Some(result) = tasks.join_next().await {
        match result.unwrap() {
            Ok(Outcome::Done(Value::Number(n))) => seen.push(n.as_u64().unwrap()),
            other => panic!("unexpected {other:?}"),
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, (0..32).collect::<Vec<u64>>());
}

#[tokio::test]
async fn a_component_that_is_not_wasm_is_rejected_at_load() {
    let rt = Runtime::new(RuntimeConfig {
        load_std_actions: false,
        ..test_config()
    })
    .await
    .unwrap();
    let err = rt
        .load("junk", b"definitely not wasm", ActionLimits::default())
        .await
        .unwrap_err();
    assert!(
        matches!(err, bora::runtime::LoadError::InvalidComponent { .. }),
        "{err:?}"
    );
    assert!(rt.list().is_empty());
}
