//! `std.ssh_proxied`: `std.ssh` through a gateway, an SSH jump: the host
//! logs in to `gateway_host` (as `gateway_username`, else `username`, with
//! the same password and key), opens a direct-tcpip channel there to each
//! host and runs SSH over it. Both the gateway and the hosts must be
//! allowed hosts of the call.
//!
//! `proxy_command` is refused: in Mistral it is a command run on Mistral's
//! own host to reach the gateway, and an action here runs no host command.

use bora_action_sdk::{Action, ActionResult, Context, Param};
use serde::Deserialize;
use serde_json::Value;
use ssh_common::{Job, credentials, failure, non_empty};

struct SshProxied;

#[derive(Deserialize)]
struct Input {
    cmd: String,
    host: Value,
    username: String,
    private_key_filename: Option<String>,
    gateway_host: String,
    gateway_username: Option<String>,
    password: Option<String>,
    proxy_command: Option<String>,
    private_key: Option<String>,
}

impl Action for SshProxied {
    type Input = Input;
    const NAME: &'static str = "std.ssh_proxied";
    const DESCRIPTION: &'static str = "Runs Secure Shell (SSH) command on provided single or \
         multiple hosts through an SSH gateway.\n\nIt is allowed to provide either a single host \
         or a list of hosts in action parameter 'host'. In case of a single host the action \
         result will be a single value, otherwise a list of results provided in the same order \
         as provided hosts.";
    const PARAMS: &'static [Param] = &[
        Param::required("cmd", "The command line to run."),
        Param::required(
            "host",
            "A host (host or host:port, port 22 by default) or a list of hosts, as the gateway \
             reaches them; each must be an allowed host.",
        ),
        Param::required("username", "The login on the hosts."),
        Param::required(
            "private_key_filename",
            "A private key file in the node's key directory (bora serve --ssh-key-dir), or null.",
        ),
        Param::required(
            "gateway_host",
            "The SSH gateway (host or host:port); it must be an allowed host.",
        ),
        Param::optional(
            "gateway_username",
            "null",
            "The login on the gateway; username by default.",
        ),
        Param::optional(
            "password",
            "null",
            "The password; also the passphrase of an encrypted key.",
        ),
        Param::optional(
            "proxy_command",
            "null",
            "Not supported: Bora runs no command on its own host (the gateway is an SSH jump).",
        ),
        Param::optional(
            "private_key",
            "null",
            "A private key as text (OpenSSH or PEM), e.g. from a secret.",
        ),
    ];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        if non_empty(input.proxy_command).is_some() {
            let host = match &input.host {
                Value::String(one) => one.clone(),
                other => other.to_string(),
            };
            return Err(failure(
                &input.cmd,
                &host,
                Some(
                    "proxy_command is not supported: Bora runs no command on its own host; \
                     std.ssh_proxied reaches the host through gateway_host as an SSH jump",
                ),
            ));
        }
        let gateway_username = non_empty(input.gateway_username).unwrap_or(input.username.clone());
        Job {
            action: Self::NAME,
            cmd: input.cmd,
            host: input.host,
            credentials: credentials(
                input.username,
                input.password,
                input.private_key,
                input.private_key_filename,
            ),
            gateway: Some((input.gateway_host, gateway_username)),
            return_result_on_error: false,
        }
        .run()
    }
}

bora_action_sdk::export_action!(SshProxied);
