//! Running a command on another host over SSH (the WIT `ssh` import).
//!
//! A capability: the host answers only actions granted `ssh` (std.ssh and
//! std.ssh_proxied; an uploaded component when its upload grants it), and
//! only for hosts among the call's allowed hosts. Any refusal comes back
//! as the `Err` text.
//!
//! In a host build (unit tests) there is no host to ask: [`exec`] fails.

/// How to log in, to the host and to the gateway alike.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Credentials {
    pub username: String,
    /// The password; also the passphrase of an encrypted private key.
    pub password: Option<String>,
    /// A private key as text (OpenSSH or PEM).
    pub private_key: Option<String>,
    /// A key file relative to the node's key directory
    /// (`bora serve --ssh-key-dir`).
    pub private_key_file: Option<String>,
}

/// An SSH jump host: the target is reached through a direct-tcpip channel
/// opened on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gateway {
    pub host: String,
    pub port: u16,
    /// The login on the gateway (same password and key).
    pub username: String,
}

/// One command to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExecRequest {
    pub host: String,
    pub port: u16,
    pub credentials: Credentials,
    pub gateway: Option<Gateway>,
    /// The command line, run by the remote user's shell.
    pub command: String,
}

/// How the command ended and what it wrote (each stream capped by the
/// host, with a note where it was cut).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExecResult {
    pub stdout: String,
    pub stderr: String,
    /// Absent when a signal ended the command or the server sent none.
    pub exit_status: Option<u32>,
    /// The signal that ended the command (`KILL`, `TERM`), if one did.
    pub exit_signal: Option<String>,
}

/// Connects, logs in, runs the command and waits for it to end.
///
/// # Errors
/// Why it could not run (not granted, refused by the allow-list, cannot
/// connect, login refused), as text for people. A command that fails is
/// not an error: see [`ExecResult::exit_status`].
pub fn exec(request: &ExecRequest) -> Result<ExecResult, String> {
    #[cfg(target_arch = "wasm32")]
    {
        use crate::guest::bindings::bora::action::ssh as wit;
        let c = &request.credentials;
        let wit_request = wit::ExecRequest {
            host: request.host.clone(),
            port: request.port,
            credentials: wit::Credentials {
                username: c.username.clone(),
                password: c.password.clone(),
                private_key: c.private_key.clone(),
                private_key_file: c.private_key_file.clone(),
            },
            gateway: request.gateway.as_ref().map(|g| wit::Gateway {
                host: g.host.clone(),
                port: g.port,
                username: g.username.clone(),
            }),
            command: request.command.clone(),
        };
        wit::exec(&wit_request).map(|r| ExecResult {
            stdout: r.stdout,
            stderr: r.stderr,
            exit_status: r.exit_status,
            exit_signal: r.exit_signal,
        })
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Err(format!(
            "no SSH outside a component (asked to run {:?} on {})",
            request.command, request.host
        ))
    }
}
