//! Mistral's `std.ssh` and `std.ssh_proxied` over the host's `ssh` import:
//! the shared part of both actions (a library member of the standard
//! actions workspace, not an action itself).
//!
//! As Mistral: `host` is one host (the result is the command's stdout) or
//! a list (a list of results, in order; a list of one gives its one
//! result, as Mistral's `len(results) > 1` test does). A command that
//! exits non-zero fails the action with `Failed to execute ssh cmd '<cmd>'
//! on <host>`, or with `return_result_on_error` gives `{stdout, stderr,
//! exit_code}` for that host instead. A failure to connect or log in fails
//! with the same message and `\nException: <why>`. `password` is also the
//! passphrase of an encrypted key.
//!
//! Differences, which the sandbox imposes or which are Bora's own:
//! - the host makes the connection, so `host` (and `gateway_host`) must be
//!   among the call's allowed hosts; nothing here is a security boundary;
//! - `host` may carry a port (`host:2222`, `[::1]:2222`); Mistral always
//!   uses 22;
//! - `private_key_filename` is read by the host inside its key directory
//!   (`bora serve --ssh-key-dir`), not under the server user's `~/.ssh`,
//!   and no key is looked for when none is given (paramiko tries the
//!   user's `~/.ssh/id_*` and agent);
//! - a command ended by a signal fails (paramiko reports -1, which
//!   Mistral's `status_code > 0` test takes for success);
//! - the failing host is named alone in the message (Mistral prints the
//!   whole list of hosts as Python shows it);
//! - `proxy_command` (a command run on Mistral's own host) is refused:
//!   the sandbox runs no host command; the gateway is an SSH jump instead.

use bora_action_sdk::ssh::{Credentials, ExecRequest, ExecResult, Gateway};
use bora_action_sdk::{ActionError, ActionResult, done, log};
use serde_json::{Value, json};

/// SSH's port, when a host names none.
pub const DEFAULT_PORT: u16 = 22;

/// Most bytes of a command's stderr copied into the log when it fails.
const STDERR_IN_LOG: usize = 2048;

/// What both actions run: a command on one host or a list of them, with
/// the same login, perhaps through a gateway.
#[derive(Debug, Clone)]
pub struct Job {
    /// The action's name, for input errors.
    pub action: &'static str,
    pub cmd: String,
    /// `host` as given: a string or a list of strings.
    pub host: Value,
    pub credentials: Credentials,
    /// `gateway_host` and the login there (std.ssh_proxied).
    pub gateway: Option<(String, String)>,
    pub return_result_on_error: bool,
}

/// An empty string (Mistral's default password) is no password.
pub fn non_empty(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.is_empty())
}

/// The login both actions take from Mistral's inputs: an empty password,
/// key or key file name is none at all.
pub fn credentials(
    username: String,
    password: Option<String>,
    private_key: Option<String>,
    private_key_filename: Option<String>,
) -> Credentials {
    Credentials {
        username,
        password: non_empty(password),
        private_key: non_empty(private_key),
        private_key_file: non_empty(private_key_filename),
    }
}

/// Mistral's failure message for `cmd` on `host`, with the cause when
/// there is one.
pub fn failure(cmd: &str, host: &str, cause: Option<&str>) -> ActionError {
    let mut message = format!("Failed to execute ssh cmd '{cmd}' on {host}");
    if let Some(cause) = cause {
        message.push_str("\nException: ");
        message.push_str(cause);
    }
    ActionError::new(message)
}

fn bad_input(action: &str, param: &str, why: impl std::fmt::Display) -> ActionError {
    ActionError::new(format!(
        "Invalid input [name={action}]: parameter '{param}': {why}"
    ))
}

/// `host`, `host:port`, `[v6]`, `[v6]:port`; a bare IPv6 address (more
/// than one colon) is a host.
pub fn split_host(text: &str) -> Result<(String, u16), String> {
    let text = text.trim();
    let port = |p: &str| {
        p.parse::<u16>()
            .ok()
            .filter(|p| *p > 0)
            .ok_or_else(|| format!("invalid port {p:?} in {text:?}"))
    };
    let (host, port) = if let Some(rest) = text.strip_prefix('[') {
        let (host, after) = rest
            .split_once(']')
            .ok_or_else(|| format!("missing ']' in {text:?}"))?;
        match after.strip_prefix(':') {
            Some(p) => (host, port(p)?),
            None if after.is_empty() => (host, DEFAULT_PORT),
            None => return Err(format!("unexpected {after:?} after ']' in {text:?}")),
        }
    } else {
        match text.split_once(':') {
            Some((host, p)) if !p.contains(':') => (host, port(p)?),
            _ => (text, DEFAULT_PORT),
        }
    };
    if host.is_empty() || host.contains(|c: char| c.is_whitespace() || c.is_control()) {
        return Err(format!("invalid host {text:?}"));
    }
    Ok((host.to_owned(), port))
}

impl Job {
    /// The hosts as a list, and whether `host` was a single one.
    fn hosts(&self) -> Result<Vec<String>, ActionError> {
        let expected = "expected a host name or a list of host names";
        match &self.host {
            Value::String(one) => Ok(vec![one.clone()]),
            Value::Array(items) if items.is_empty() => {
                Err(bad_input(self.action, "host", "the list of hosts is empty"))
            }
            Value::Array(items) => items
                .iter()
                .map(|item| match item {
                    Value::String(s) => Ok(s.clone()),
                    _ => Err(bad_input(self.action, "host", expected)),
                })
                .collect(),
            _ => Err(bad_input(self.action, "host", expected)),
        }
    }

    /// The request for one host, or why its address does not read.
    fn request(&self, host: &str) -> Result<ExecRequest, String> {
        let (name, port) = split_host(host)?;
        let gateway = match &self.gateway {
            None => None,
            Some((gateway, username)) => {
                let (host, port) = split_host(gateway).map_err(|e| format!("gateway_host: {e}"))?;
                Some(Gateway {
                    host,
                    port,
                    username: username.clone(),
                })
            }
        };
        Ok(ExecRequest {
            host: name,
            port,
            credentials: self.credentials.clone(),
            gateway,
            command: self.cmd.clone(),
        })
    }

    /// Runs the job with the host's `exec`.
    pub fn run(&self) -> ActionResult {
        self.run_with(bora_action_sdk::ssh::exec)
    }

    /// Runs the job with `exec` (the host's, or a stand-in in tests).
    pub fn run_with(
        &self,
        mut exec: impl FnMut(&ExecRequest) -> Result<ExecResult, String>,
    ) -> ActionResult {
        let hosts = self.hosts()?;
        let mut results = Vec::with_capacity(hosts.len());
        for host in &hosts {
            let request = self
                .request(host)
                .map_err(|e| failure(&self.cmd, host, Some(&e)))?;
            let via = match &request.gateway {
                Some(g) => format!(" via {}:{}", g.host, g.port),
                None => String::new(),
            };
            log::info(&format!(
                "Executing ssh cmd on {}:{} as {}{via}",
                request.host, request.port, request.credentials.username
            ));
            let ran = exec(&request).map_err(|e| failure(&self.cmd, host, Some(&e)))?;
            if ran.exit_status == Some(0) {
                results.push(Value::String(ran.stdout));
                continue;
            }
            let shown = match (&ran.exit_status, &ran.exit_signal) {
                (Some(code), _) => format!("exit status {code}"),
                (None, Some(signal)) => format!("ended by signal {signal}"),
                (None, None) => "no exit status".to_owned(),
            };
            log::warn(&format!(
                "ssh cmd on {host}: {shown}; stderr: {}",
                head(&ran.stderr, STDERR_IN_LOG)
            ));
            if !self.return_result_on_error {
                return Err(failure(&self.cmd, host, None));
            }
            // paramiko's recv_exit_status() is -1 without a status.
            let exit_code = ran.exit_status.map_or(-1, i64::from);
            results.push(json!({
                "stdout": ran.stdout,
                "stderr": ran.stderr,
                "exit_code": exit_code,
            }));
        }
        match <[Value; 1]>::try_from(results) {
            Ok([one]) => done(one),
            Err(results) => done(results),
        }
    }
}

/// The first `max` bytes of `text` (at a character boundary).
fn head(text: &str, max: usize) -> &str {
    &text[..text.floor_char_boundary(max)]
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn job(host: Value) -> Job {
        Job {
            action: "std.ssh",
            cmd: "echo hi".into(),
            host,
            credentials: Credentials {
                username: "root".into(),
                ..Credentials::default()
            },
            gateway: None,
            return_result_on_error: false,
        }
    }

    fn ran(stdout: &str, status: Option<u32>) -> ExecResult {
        ExecResult {
            stdout: stdout.into(),
            stderr: "oops".into(),
            exit_status: status,
            exit_signal: None,
        }
    }

    fn value(result: ActionResult) -> Value {
        match result.unwrap() {
            bora_action_sdk::Outcome::Done(json) => json.to_value().unwrap(),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn hosts_and_ports_read_as_mistral_and_with_a_port() {
        assert_eq!(split_host("h.example"), Ok(("h.example".into(), 22)));
        assert_eq!(split_host("h.example:2222"), Ok(("h.example".into(), 2222)));
        assert_eq!(split_host("[::1]:2200"), Ok(("::1".into(), 2200)));
        assert_eq!(split_host("fe80::1"), Ok(("fe80::1".into(), 22)));
        assert!(split_host("h:0").is_err());
        assert!(split_host("h:x").is_err());
        assert!(split_host("").is_err());
        assert!(split_host("a b").is_err());
    }

    #[test]
    fn one_host_gives_its_stdout_a_list_gives_a_list() {
        let mut seen = Vec::new();
        let result = job(json!("a:2201")).run_with(|r| {
            seen.push((r.host.clone(), r.port));
            Ok(ran("hi\n", Some(0)))
        });
        assert_eq!(value(result), json!("hi\n"));
        assert_eq!(seen, [("a".to_owned(), 2201)]);
        let result = job(json!(["a", "b"])).run_with(|r| Ok(ran(&r.host, Some(0))));
        assert_eq!(value(result), json!(["a", "b"]));
        // Mistral: `if len(results) > 1: return results`.
        let result = job(json!(["a"])).run_with(|r| Ok(ran(&r.host, Some(0))));
        assert_eq!(value(result), json!("a"));
        assert!(job(json!([])).run_with(|_| unreachable!()).is_err());
        assert!(job(json!(7)).run_with(|_| unreachable!()).is_err());
    }

    #[test]
    fn failures_read_as_mistrals() {
        let err = job(json!(["a", "b"]))
            .run_with(|r| Ok(ran("", Some(u32::from(r.host == "b")))))
            .unwrap_err();
        assert_eq!(err.message(), "Failed to execute ssh cmd 'echo hi' on b");
        let err = job(json!("a"))
            .run_with(|_| Err("connection refused".into()))
            .unwrap_err();
        assert_eq!(
            err.message(),
            "Failed to execute ssh cmd 'echo hi' on a\nException: connection refused"
        );
        let mut lenient = job(json!(["a", "b"]));
        lenient.return_result_on_error = true;
        let result = lenient.run_with(|r| {
            Ok(match r.host.as_str() {
                "a" => ran("out", Some(3)),
                _ => ExecResult {
                    exit_signal: Some("KILL".into()),
                    ..ran("", None)
                },
            })
        });
        assert_eq!(
            value(result),
            json!([
                {"stdout": "out", "stderr": "oops", "exit_code": 3},
                {"stdout": "", "stderr": "oops", "exit_code": -1},
            ])
        );
    }

    #[test]
    fn the_gateway_goes_with_every_host() {
        let mut proxied = job(json!("10.0.0.5"));
        proxied.gateway = Some(("gw.example:2022".into(), "jump".into()));
        let result = proxied.run_with(|r| {
            assert_eq!(
                r.gateway,
                Some(Gateway {
                    host: "gw.example".into(),
                    port: 2022,
                    username: "jump".into()
                })
            );
            Ok(ran("ok", Some(0)))
        });
        assert_eq!(value(result), json!("ok"));
        proxied.gateway = Some(("gw:bad".into(), "jump".into()));
        let err = proxied.run_with(|_| unreachable!()).unwrap_err();
        assert!(err.message().contains("Exception: gateway_host"), "{err}");
    }

    #[test]
    fn long_stderr_is_cut_at_a_character() {
        assert_eq!(head("héllo", 2), "h");
        assert_eq!(head("abc", 10), "abc");
    }
}
