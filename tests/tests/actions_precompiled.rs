//! Uploaded components are compiled once, in the background, and their code
//! is kept in the store: a node that restarts (or another node, with an
//! empty disk cache) loads it without compiling; the upload's progress is
//! visible as `compile_state`; and code made for another engine, or altered
//! in the store, is never loaded.

use std::time::{Duration, Instant};

use crate::api_support::{Server, servers};
use bora::actions::{Actions, Call};
use bora::bora_store::CompileState;
use bora::node::{Node, NodeConfig};
use bora::runtime::{CacheOutcome, LoadError, Precompiled};
use bora_tests::programs;
use serde_json::json;

/// A node on `url`. Uploaded components never go through the disk cache
/// of compiled components (the standard actions do; sharing it keeps the
/// start quick), so a node restarted on the same store sees only what the
/// store holds.
async fn node(url: &str) -> Node {
    let config = NodeConfig {
        database_url: url.to_owned(),
        ..Default::default()
    };
    Node::start(config).await.unwrap()
}

#[tokio::test]
async fn after_a_restart_the_first_call_does_not_compile() {
    let dir = tempfile::tempdir().unwrap();
    restart(&format!(
        "sqlite://{}",
        dir.path().join("bora.sqlite").display()
    ))
    .await;
    if let Some(pg) = crate::pg::TempPostgres::create("wasm_precompiled").await {
        restart(&pg.url).await;
    }
}

async fn restart(url: &str) {
    let a = node(url).await;
    let before = a.runtime.compilations();
    let on_a = Actions::new(a.store().clone(), a.runtime.clone());
    let uploaded = on_a
        .upload("my.kept", programs::PRINTS, Default::default())
        .await
        .unwrap();
    assert_eq!(uploaded.component.compile_state, CompileState::Ready);
    assert!(uploaded.descriptor.is_some());
    // Compiled once, at upload, and the code stored for this engine.
    assert_eq!(a.runtime.compilations(), before + 1);
    let stored = a
        .store()
        .component_artifact(&uploaded.component.digest, a.runtime.engine_key())
        .await
        .unwrap();
    assert!(
        stored.is_some(),
        "the precompiled component is in the store"
    );
    a.shutdown().await;

    // The restarted node must not compile the uploaded component again.
    let b = node(url).await;
    let started = b.runtime.compilations();
    let on_b = Actions::new(b.store().clone(), b.runtime.clone());
    let out = on_b
        .run(Call {
            name: "my.kept".into(),
            ..Call::default()
        })
        .await
        .unwrap();
    assert_eq!(
        out,
        Some(json!({"printed": true, "action_name": "my.kept"}))
    );
    assert_eq!(b.runtime.compilations(), started, "the first call compiled");
    let info = b.runtime.info("my.kept@1@<default-project>").unwrap();
    assert_eq!(info.cache, CacheOutcome::Precompiled);
    b.shutdown().await;
}

#[tokio::test]
async fn only_code_this_engine_made_and_unaltered_is_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let n = node(&format!(
        "sqlite://{}",
        dir.path().join("bora.sqlite").display()
    ))
    .await;
    let rt = &n.runtime;
    let made = rt.precompile("my.p", programs::PRINTS).await.unwrap();
    assert_eq!(made.engine, rt.engine_key());
    let load = async |artifact: &Precompiled| {
        rt.load_precompiled("my.p", artifact, programs::PRINTS.len(), Default::default())
            .await
    };
    let other_engine = Precompiled {
        engine: "0".repeat(64),
        ..made.clone()
    };
    let refused = load(&other_engine).await.unwrap_err();
    assert!(
        matches!(&refused, LoadError::InvalidComponent { message, .. } if message.contains("another") || message.contains("engine")),
        "{refused}"
    );
    let mut altered = made.clone();
    let last = altered.bytes.len() - 1;
    altered.bytes[last] ^= 1;
    let refused = load(&altered).await.unwrap_err();
    assert!(refused.to_string().contains("SHA-256"), "{refused}");
    assert!(rt.info("my.p").is_none(), "nothing refused was loaded");

    let info = load(&made).await.unwrap();
    assert_eq!(info.cache, CacheOutcome::Precompiled);
    assert_eq!(info.descriptor.name, "test.prints");
    n.shutdown().await;
}

/// Polls an uploaded action until it is no longer compiling.
async fn compiled(s: &Server, name: &str) -> serde_json::Value {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let got = s.get(&format!("/v2/actions/{name}")).await.json();
        if got["compile_state"] != "compiling" || Instant::now() > deadline {
            return got;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test]
async fn an_upload_compiles_in_the_background_with_its_state_visible() {
    for s in servers().await {
        // Answered at once, still compiling.
        let created = s
            .upload_wasm("name=my.later&wait=0", programs::PRINTS)
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let action = &created.json()["actions"][0];
        assert_eq!(action["compile_state"], "compiling", "{action}");
        let ready = compiled(&s, "my.later").await;
        assert_eq!(ready["compile_state"], "ready", "{ready}");
        assert_eq!(ready["compile_error"], serde_json::Value::Null);

        // A component that does not fit, found out after the answer: the
        // version stays, in error, with the reason; calls fail with it.
        let created = s
            .upload_wasm("name=my.misfit&wait=0", programs::OTHER_WORLD)
            .await;
        assert_eq!(created.status, 201, "{}", created.body);
        let failed = compiled(&s, "my.misfit").await;
        assert_eq!(failed["compile_state"], "error", "{failed}");
        let reason = failed["compile_error"].as_str().unwrap_or_default();
        assert!(
            reason.contains("does not implement the bora:action world"),
            "{reason}"
        );
        let call = s
            .send_json(
                "POST",
                "/v2/action_executions",
                &json!({"name": "my.misfit", "input": "{}"}),
            )
            .await;
        assert!(call.body.contains("bora:action world"), "{}", call.body);

        let bad_wait = s.upload_wasm("name=my.w&wait=soon", programs::PRINTS).await;
        assert_eq!(bad_wait.status, 400, "{}", bad_wait.body);
        assert!(bad_wait.body.contains("'wait'"), "{}", bad_wait.body);
        s.stop().await;
    }
}
