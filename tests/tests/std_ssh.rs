//! `std.ssh` and `std.ssh_proxied` against a real OpenSSH server started
//! here (`sshd_support`): through the runtime for each case (a key as
//! text and as a file of the key directory, RSA and ed25519, lists of
//! hosts, Mistral's failures, the allow-list and the operator's loopback
//! rule, the gateway, the grant, known hosts), then through a workflow on
//! each backend, uploaded components with and without `grant=ssh`
//! included.

use crate::runtime_support;

use std::path::PathBuf;

use crate::api_support::{Server, servers_with, task_outcome};
use crate::sshd_support::Sshd;
use bora::runtime::{
    ActionLimits, CallContext, CallOverrides, FailureKind, Outcome, Runtime, RuntimeConfig,
    std_actions,
};
use serde_json::{Value, json};

/// A runtime whose actions may reach loopback (the operator's opening)
/// and read keys in the server's key directory.
async fn runtime_for(sshd: &Sshd) -> Runtime {
    runtime_with(RuntimeConfig {
        ssh_key_dir: Some(sshd.key_dir()),
        ..runtime_support::test_config()
    })
    .await
}

/// A runtime with only std.ssh and std.ssh_proxied loaded.
async fn runtime_with(config: RuntimeConfig) -> Runtime {
    let rt = Runtime::new(RuntimeConfig {
        load_std_actions: false,
        ..config
    })
    .await
    .unwrap();
    for name in ["std.ssh", "std.ssh_proxied"] {
        let std = std_actions::find(name).unwrap();
        rt.load(name, std.wasm, ActionLimits::default())
            .await
            .unwrap();
    }
    rt
}

fn loopback() -> CallOverrides {
    CallOverrides {
        allowed_hosts: Some(vec!["127.0.0.1".into()]),
        ..CallOverrides::default()
    }
}

/// The result of a call that must succeed, and its log lines.
async fn ok(rt: &Runtime, name: &str, input: Value) -> (Value, Vec<String>) {
    match rt
        .call(name, input, CallContext::default(), loopback())
        .await
    {
        Ok(out) => match out.outcome {
            Outcome::Done(value) => (value, out.logs.into_iter().map(|l| l.message).collect()),
            Outcome::Pending => panic!("{name}: pending"),
        },
        Err(failure) => panic!("{name} failed: {failure} (logs: {:?})", failure.logs),
    }
}

/// The failure of a call that must fail, under `overrides`.
async fn fails(rt: &Runtime, name: &str, input: Value, overrides: CallOverrides) -> FailureKind {
    match rt
        .call(name, input, CallContext::default(), overrides)
        .await
    {
        Ok(out) => panic!("{name}: expected a failure, got {:?}", out.outcome),
        Err(failure) => failure.kind,
    }
}

/// The action's own error message.
fn action_error(kind: FailureKind) -> String {
    match kind {
        FailureKind::ActionError { message, .. } => message,
        other => panic!("expected the action's error, got {other:?}"),
    }
}

fn ssh_input(sshd: &Sshd, cmd: &str, host: Value) -> Value {
    json!({
        "cmd": cmd,
        "host": host,
        "username": sshd.user,
        "private_key": sshd.key,
    })
}

#[tokio::test]
async fn std_ssh_runs_commands_as_mistral_does() {
    let Some(sshd) = Sshd::start() else { return };
    let rt = runtime_for(&sshd).await;
    let host = sshd.host();

    let (hi, logs) = ok(&rt, "std.ssh", ssh_input(&sshd, "echo hi", json!(host))).await;
    assert_eq!(hi, json!("hi\n"), "sshd: {}", sshd.log());
    // Any host key is accepted, as paramiko's AutoAddPolicy, and logged.
    let seen = format!("bora: ssh host key of {host}: ssh-ed25519 SHA256:");
    assert!(logs.iter().any(|l| l.starts_with(&seen)), "{logs:?}");

    let (list, _) = ok(
        &rt,
        "std.ssh",
        ssh_input(&sshd, "echo hi", json!([host, host])),
    )
    .await;
    assert_eq!(list, json!(["hi\n", "hi\n"]));

    let cmd = "echo out; echo err >&2; exit 3";
    let message = action_error(
        fails(
            &rt,
            "std.ssh",
            ssh_input(&sshd, cmd, json!(host)),
            loopback(),
        )
        .await,
    );
    assert_eq!(
        message,
        format!("Failed to execute ssh cmd '{cmd}' on {host}")
    );

    let mut lenient = ssh_input(&sshd, cmd, json!(host));
    lenient["return_result_on_error"] = json!(true);
    let (result, _) = ok(&rt, "std.ssh", lenient).await;
    assert_eq!(
        result,
        json!({"stdout": "out\n", "stderr": "err\n", "exit_code": 3})
    );

    let mut stranger = ssh_input(&sshd, "echo hi", json!(host));
    stranger["private_key"] = json!(sshd.stranger_key);
    let message = action_error(fails(&rt, "std.ssh", stranger, loopback()).await);
    assert_eq!(
        message,
        format!(
            "Failed to execute ssh cmd 'echo hi' on {host}\nException: authentication failed \
             for {}@{host} (tried publickey)",
            sshd.user
        )
    );
    // A port nothing listens on (taken, then let go).
    let free = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let closed = free.local_addr().unwrap().to_string();
    drop(free);
    let message = action_error(
        fails(
            &rt,
            "std.ssh",
            ssh_input(&sshd, "echo hi", json!(closed)),
            loopback(),
        )
        .await,
    );
    assert!(
        message.starts_with(&format!(
            "Failed to execute ssh cmd 'echo hi' on {closed}\nException: cannot connect"
        )),
        "{message}"
    );
}

#[tokio::test]
async fn std_ssh_reaches_allowed_hosts_only() {
    let Some(sshd) = Sshd::start() else { return };
    let rt = runtime_for(&sshd).await;
    let input = ssh_input(&sshd, "echo hi", json!(sshd.host()));
    let elsewhere = CallOverrides {
        allowed_hosts: Some(vec!["10.0.0.1".into()]),
        ..CallOverrides::default()
    };
    match fails(&rt, "std.ssh", input.clone(), elsewhere).await {
        FailureKind::NetworkDenied {
            denied, message, ..
        } => {
            let refused = format!("{}: host is not in the action's allowed hosts", sshd.host());
            assert_eq!(denied, std::slice::from_ref(&refused));
            assert!(
                message.ends_with(&format!("\nException: {refused}")),
                "{message}"
            );
        }
        other => panic!("{other:?}"),
    }
    // Listed by the call, loopback is still the operator's to open.
    let closed = runtime_with(RuntimeConfig {
        private_egress: Vec::new(),
        ..runtime_support::test_config()
    })
    .await;
    match fails(&closed, "std.ssh", input, loopback()).await {
        FailureKind::NetworkDenied { denied, .. } => {
            assert!(
                denied[0].contains("only the operator can open"),
                "{denied:?}"
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(!sshd.log().contains("Accepted"), "no login: {}", sshd.log());
}

#[tokio::test]
async fn std_ssh_proxied_jumps_through_the_gateway() {
    let Some(sshd) = Sshd::start() else { return };
    let rt = runtime_for(&sshd).await;
    let proxied = |host: &str, extra: Value| {
        let mut input = json!({
            "cmd": "echo through",
            "host": host,
            "username": sshd.user,
            "private_key_filename": null,
            "gateway_host": sshd.host(),
            "private_key": sshd.key,
        });
        input
            .as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        input
    };
    let (through, logs) = ok(&rt, "std.ssh_proxied", proxied(&sshd.host(), json!({}))).await;
    assert_eq!(through, json!("through\n"), "sshd: {}", sshd.log());
    // Two handshakes, the gateway's and the target's over the tunnel.
    let keys = logs
        .iter()
        .filter(|l| l.contains("ssh host key of"))
        .count();
    assert_eq!(keys, 2, "{logs:?}");
    let accepted = sshd.log().matches("Accepted publickey").count();
    assert!(accepted >= 2, "{}", sshd.log());

    // The target behind the gateway must be allowed too; nothing is sent.
    match fails(
        &rt,
        "std.ssh_proxied",
        proxied("10.1.2.3", json!({})),
        loopback(),
    )
    .await
    {
        FailureKind::NetworkDenied { denied, .. } => {
            assert_eq!(
                denied,
                ["10.1.2.3:22: host is not in the action's allowed hosts"]
            );
        }
        other => panic!("{other:?}"),
    }
    let message = action_error(
        fails(
            &rt,
            "std.ssh_proxied",
            proxied(&sshd.host(), json!({"proxy_command": "ssh -W %h:%p gw"})),
            loopback(),
        )
        .await,
    );
    assert!(
        message.contains("proxy_command is not supported"),
        "{message}"
    );
    assert_eq!(sshd.log().matches("Accepted publickey").count(), accepted);
}

#[tokio::test]
async fn key_files_come_from_the_key_directory_only() {
    let Some(sshd) = Sshd::start() else { return };
    let rt = runtime_for(&sshd).await;
    let by_file = |name: &str| {
        json!({
            "cmd": "echo by file",
            "host": sshd.host(),
            "username": sshd.user,
            "private_key_filename": name,
        })
    };
    // An RSA key (rsa-sha2 signatures) in the directory.
    let (result, _) = ok(&rt, "std.ssh", by_file(sshd.rsa_key_file)).await;
    assert_eq!(result, json!("by file\n"), "sshd: {}", sshd.log());
    // A key as text, pasted with CRLF lines.
    let mut crlf = ssh_input(&sshd, "echo crlf", json!(sshd.host()));
    crlf["private_key"] = json!(sshd.key.replace('\n', "\r\n"));
    assert_eq!(ok(&rt, "std.ssh", crlf).await.0, json!("crlf\n"));
    let outside = sshd.dir.path().join("outside_key");
    for escape in ["../outside_key".to_owned(), outside.display().to_string()] {
        let message = action_error(fails(&rt, "std.ssh", by_file(&escape), loopback()).await);
        assert!(
            message.contains("no absolute path, no '..'"),
            "{escape}: {message}"
        );
    }
    let message = action_error(fails(&rt, "std.ssh", by_file("id_nope"), loopback()).await);
    assert!(
        message.contains("not found in the node's SSH key directory"),
        "{message}"
    );
    // No key directory: nothing is read, and the message says how to set one.
    let none = runtime_with(runtime_support::test_config()).await;
    let message = action_error(fails(&none, "std.ssh", by_file("id_rsa"), loopback()).await);
    assert!(
        message.contains("bora serve --ssh-key-dir DIR"),
        "{message}"
    );
}

#[tokio::test]
async fn only_actions_granted_ssh_may_use_it() {
    let Some(sshd) = Sshd::start() else { return };
    let rt = runtime_for(&sshd).await;
    let wasm = std_actions::find("std.ssh").unwrap().wasm;
    // The same component under another name is not the standard action.
    rt.load("my.ssh", wasm, ActionLimits::default())
        .await
        .unwrap();
    let granted = ActionLimits {
        ssh: Some(true),
        ..ActionLimits::default()
    };
    rt.load("my.granted_ssh", wasm, granted).await.unwrap();
    let input = ssh_input(&sshd, "echo hi", json!(sshd.host()));
    let message = action_error(fails(&rt, "my.ssh", input.clone(), loopback()).await);
    assert!(message.contains("not granted ssh"), "{message}");
    let (hi, _) = ok(&rt, "my.granted_ssh", input.clone()).await;
    assert_eq!(hi, json!("hi\n"));
    // A grant taken away from the standard action.
    let revoked = ActionLimits {
        ssh: Some(false),
        ..ActionLimits::default()
    };
    rt.load("std.ssh", wasm, revoked).await.unwrap();
    let message = action_error(fails(&rt, "std.ssh", input, loopback()).await);
    assert!(message.contains("not granted ssh"), "{message}");
}

#[tokio::test]
async fn known_hosts_pin_the_servers_key() {
    let Some(sshd) = Sshd::start() else { return };
    let pinned = |file: PathBuf| RuntimeConfig {
        ssh_known_hosts: Some(file),
        ..runtime_support::test_config()
    };
    let input = ssh_input(&sshd, "echo pinned", json!(sshd.host()));
    let right = sshd.known_hosts("known_right", &sshd.host_key_pub);
    let rt = runtime_with(pinned(right)).await;
    assert_eq!(ok(&rt, "std.ssh", input.clone()).await.0, json!("pinned\n"));
    let wrong = sshd.known_hosts("known_wrong", &sshd.other_host_key_pub);
    let rt = runtime_with(pinned(wrong)).await;
    let message = action_error(fails(&rt, "std.ssh", input, loopback()).await);
    assert!(
        message.contains("does not match the known hosts"),
        "{message}"
    );
}

const WORKFLOW: &str = r#"---
version: '2.0'
ssh_wf:
  input: [host, user, key]
  task-defaults:
    limits:
      allowed-hosts: ['127.0.0.1']
  tasks:
    hi:
      action: std.ssh
      input:
        cmd: echo hi
        host: <% $.host %>
        username: <% $.user %>
        private_key: <% $.key %>
      publish:
        said: <% task().result %>
    lenient:
      action: std.ssh
      input:
        cmd: echo out; exit 4
        host: ['<% $.host %>', '<% $.host %>']
        username: <% $.user %>
        private_key: <% $.key %>
        return_result_on_error: true
    failing:
      action: std.ssh
      input:
        cmd: exit 5
        host: <% $.host %>
        username: <% $.user %>
        private_key: <% $.key %>
    proxied:
      action: std.ssh_proxied
      input:
        cmd: echo jumped
        host: <% $.host %>
        username: <% $.user %>
        private_key_filename: null
        gateway_host: <% $.host %>
        private_key: <% $.key %>
    uploaded:
      action: my_ssh
      input:
        cmd: echo hi
        host: <% $.host %>
        username: <% $.user %>
        private_key: <% $.key %>
    uploaded_granted:
      action: my_granted_ssh
      input:
        cmd: echo granted
        host: <% $.host %>
        username: <% $.user %>
        private_key: <% $.key %>
"#;

/// Each task's state and its result (success) or `state_info` (error).
async fn run(s: &Server, input: Value) -> Vec<(String, String, String)> {
    let created = s.post_yaml("/v2/workflows", WORKFLOW).await;
    assert_eq!(created.status, 201, "{}", created.body);
    let (id, ex) = s.run_workflow("ssh_wf", &input).await;
    assert_eq!(ex["state"], "ERROR", "two tasks fail: {ex}");
    s.task_outcomes(&id).await
}

#[tokio::test]
async fn std_ssh_in_a_workflow_and_uploads_need_the_grant() {
    let Some(sshd) = Sshd::start() else { return };
    let operator = |config: &mut bora::node::NodeConfig| {
        config.runtime.private_egress = vec!["127.0.0.1".into()];
    };
    let wasm = std_actions::find("std.ssh").unwrap().wasm;
    for server in servers_with("ssh_std_ssh", operator).await {
        let s = &server;
        let plain = s.upload_wasm("name=my_ssh", wasm).await;
        assert_eq!(plain.status, 201, "{}", plain.body);
        let granted = s.upload_wasm("name=my_granted_ssh&grant=ssh", wasm).await;
        assert_eq!(granted.status, 201, "{}", granted.body);
        let limits = &granted.json()["actions"][0]["limits"];
        assert_eq!(limits["grants"], json!(["ssh"]), "{}", granted.body);
        let unknown = s.upload_wasm("name=my_shell&grant=shell", wasm).await;
        assert_eq!(unknown.status, 400, "{}", unknown.body);

        let input = json!({"host": sshd.host(), "user": sshd.user, "key": sshd.key});
        let tasks = run(s, input).await;
        assert_eq!(
            task_outcome(&tasks, "hi"),
            ("SUCCESS", "\"hi\\n\""),
            "{tasks:?}"
        );
        let (state, lenient) = task_outcome(&tasks, "lenient");
        assert_eq!(state, "SUCCESS", "{tasks:?}");
        let one = json!({"stdout": "out\n", "stderr": "", "exit_code": 4});
        assert_eq!(
            serde_json::from_str::<Value>(lenient).unwrap(),
            json!([one, one])
        );
        assert_eq!(
            task_outcome(&tasks, "failing"),
            (
                "ERROR",
                format!("Failed to execute ssh cmd 'exit 5' on {}", sshd.host()).as_str()
            ),
            "{tasks:?}"
        );
        assert_eq!(
            task_outcome(&tasks, "proxied"),
            ("SUCCESS", "\"jumped\\n\""),
            "{tasks:?}"
        );
        let (state, info) = task_outcome(&tasks, "uploaded");
        assert_eq!(state, "ERROR", "{tasks:?}");
        assert!(info.contains("not granted ssh"), "{info}");
        assert_eq!(
            task_outcome(&tasks, "uploaded_granted"),
            ("SUCCESS", "\"granted\\n\""),
            "{tasks:?}"
        );
        server.stop().await;
    }
}
