//! `std.ssh`: runs a command on one host or a list of hosts over SSH, with
//! Mistral's parameters, result and messages (see `ssh-common`). The host
//! makes the connection, for the actions granted `ssh` only, and only to
//! the call's allowed hosts.

use bora_action_sdk::{Action, ActionResult, Context, Param};
use serde::Deserialize;
use serde_json::Value;
use ssh_common::{Job, credentials};

struct Ssh;

#[derive(Deserialize)]
struct Input {
    cmd: String,
    host: Value,
    username: String,
    password: Option<String>,
    private_key_filename: Option<String>,
    private_key: Option<String>,
    return_result_on_error: bool,
}

impl Action for Ssh {
    type Input = Input;
    const NAME: &'static str = "std.ssh";
    const DESCRIPTION: &'static str = "Runs Secure Shell (SSH) command on provided single or \
         multiple hosts.\n\nIt is allowed to provide either a single host or a list of hosts in \
         action parameter 'host'. In case of a single host the action result will be a single \
         value, otherwise a list of results provided in the same order as provided hosts.";
    const PARAMS: &'static [Param] = &[
        Param::required("cmd", "The command line to run."),
        Param::required(
            "host",
            "A host (host or host:port, port 22 by default) or a list of hosts; each must be an \
             allowed host.",
        ),
        Param::required("username", "The login."),
        Param::optional(
            "password",
            "\"\"",
            "The password; also the passphrase of an encrypted key.",
        ),
        Param::optional(
            "private_key_filename",
            "null",
            "A private key file in the node's key directory (bora serve --ssh-key-dir).",
        ),
        Param::optional(
            "private_key",
            "null",
            "A private key as text (OpenSSH or PEM), e.g. from a secret.",
        ),
        Param::optional(
            "return_result_on_error",
            "false",
            "On a non-zero exit, give {stdout, stderr, exit_code} instead of failing.",
        ),
    ];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
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
            gateway: None,
            return_result_on_error: input.return_result_on_error,
        }
        .run()
    }
}

bora_action_sdk::export_action!(Ssh);
