//! The `ssh` import (`wit/action.wit`): a command run on another host over
//! SSH, for std.ssh and std.ssh_proxied, with russh (pure Rust; its `ring`
//! backend, the crypto crate rustls already brings).
//!
//! It is a capability: a call's store holds [`SshSettings`] only when its
//! action was granted `ssh` (the two standard actions are, an upload when
//! it says `grant=ssh`); any other action gets an error. Where it connects
//! is judged by the call's egress policy exactly as a `wasi:sockets`
//! connection ([`SocketEgress::resolve_checked`]): the name must be an
//! allowed host, every address it resolves to must pass (loopback and the
//! like only when the operator opens them), and the connection goes to a
//! checked address. Behind a gateway the target is judged by name only
//! ([`SocketEgress::check_relayed`]): the gateway makes that connection.
//!
//! Host keys are accepted as paramiko's `AutoAddPolicy` (Mistral's) does,
//! and logged with their fingerprint; with `--ssh-known-hosts FILE` every
//! host (gateway included) must be listed there with its key. A key file
//! is read only inside the operator's key directory (`--ssh-key-dir`).
//! Output is capped per stream; the call's timer bounds everything (it
//! drops this future, and with it the connection, at the deadline).

use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};

use russh::client::{self, Handle};
use russh::keys::{HashAlg, PrivateKey, PrivateKeyWithHashAlg, PublicKeyOrCertificate};
use russh::{ChannelMsg, Disconnect, Sig};
use tokio::net::TcpStream;

use super::bindings::bora::action::ssh::{self, Credentials, ExecRequest, ExecResult};
use super::host::{CappedBuffer, HostState};
use super::net::SocketEgress;

/// Most bytes kept of each of a command's stdout and stderr.
const OUTPUT_CAP: usize = 1 << 20;
/// Largest key file read (a 16384-bit RSA key in PEM is about 13 KiB).
const MAX_KEY_FILE: u64 = 64 << 10;

/// What the operator set for SSH (`bora serve --ssh-key-dir`,
/// `--ssh-known-hosts`); handed to the calls granted `ssh`.
#[derive(Debug, Clone, Default)]
pub(crate) struct SshSettings {
    pub key_dir: Option<PathBuf>,
    pub known_hosts: Option<PathBuf>,
}

/// Why a command could not be run. The text goes to the action (and from
/// std.ssh to the task's error), so it names no host path and no secret.
#[derive(Debug, thiserror::Error)]
pub(crate) enum SshError {
    #[error(
        "the action is not granted ssh (std.ssh and std.ssh_proxied are; an uploaded action \
         needs grant=ssh at upload)"
    )]
    NotGranted,
    /// Refused by the egress policy (also recorded as a refusal, so the
    /// call's failure says "network access denied").
    #[error("{0}")]
    Denied(String),
    #[error("no way to log in: give private_key, private_key_filename or password")]
    NoCredentials,
    #[error(
        "private_key_filename {0:?}: this node has no SSH key directory (the operator sets one \
         with bora serve --ssh-key-dir DIR)"
    )]
    NoKeyDir(String),
    #[error("private_key_filename {name:?}: {why}")]
    KeyFile { name: String, why: String },
    #[error("the private key cannot be read: {0}")]
    BadKey(String),
    #[error("cannot connect to {target}: {why}")]
    Connect { target: String, why: String },
    #[error("{target}: {why}")]
    HostKey { target: String, why: String },
    #[error("SSH with {target} failed: {why}")]
    Protocol { target: String, why: String },
    #[error("authentication failed for {user}@{target} (tried {tried})")]
    Auth {
        user: String,
        target: String,
        tried: String,
    },
    #[error("the gateway {gateway} cannot reach {target}: {why}")]
    Tunnel {
        gateway: String,
        target: String,
        why: String,
    },
}

impl ssh::Host for HostState {
    async fn exec(&mut self, request: ExecRequest) -> Result<ExecResult, String> {
        let Some(settings) = self.ssh.clone() else {
            return Err(SshError::NotGranted.to_string());
        };
        let egress = Arc::clone(&self.socket_egress);
        let notes = Arc::new(Mutex::new(Vec::new()));
        let result = exec(&settings, &egress, request, &notes).await;
        let notes = std::mem::take(&mut *notes.lock().unwrap_or_else(|e| e.into_inner()));
        for note in notes {
            self.push_log("info", note);
        }
        result.map_err(|e| e.to_string())
    }
}

/// `host:port`, with brackets around an IPv6 address.
fn target(host: &str, port: u16) -> String {
    if host.contains(':') {
        format!("[{host}]:{port}")
    } else {
        format!("{host}:{port}")
    }
}

/// Connects (through the gateway if there is one), logs in, runs the
/// command; `notes` gets what the call's log should say (host keys).
async fn exec(
    settings: &SshSettings,
    egress: &SocketEgress,
    request: ExecRequest,
    notes: &Arc<Mutex<Vec<String>>>,
) -> Result<ExecResult, SshError> {
    let ExecRequest {
        host,
        port,
        credentials,
        gateway,
        command,
    } = request;
    let key = private_key(settings, &credentials).await?;
    let password = credentials.password.as_deref();
    if key.is_none() && password.is_none() {
        return Err(SshError::NoCredentials);
    }
    let login = Login {
        key: key.as_ref(),
        password,
    };
    let to = target(&host, port);
    let (session, jump) = match gateway {
        None => {
            let addrs = egress
                .resolve_checked(&host, port)
                .await
                .map_err(SshError::Denied)?;
            let stream = connect(&addrs, &to).await?;
            (handshake(stream, &host, port, settings, notes).await?, None)
        }
        Some(gw) => {
            // Both ends are judged before anything is sent anywhere.
            egress
                .check_relayed(&host, port)
                .map_err(SshError::Denied)?;
            let addrs = egress
                .resolve_checked(&gw.host, gw.port)
                .await
                .map_err(SshError::Denied)?;
            let via = target(&gw.host, gw.port);
            let stream = connect(&addrs, &via).await?;
            let mut jump = handshake(stream, &gw.host, gw.port, settings, notes).await?;
            authenticate(&mut jump, &gw.username, &via, &login).await?;
            let channel = jump
                .channel_open_direct_tcpip(host.as_str(), u32::from(port), "127.0.0.1", 0)
                .await
                .map_err(|e| SshError::Tunnel {
                    gateway: via.clone(),
                    target: to.clone(),
                    why: e.to_string(),
                })?;
            // The gateway's session lives as long as its handle (kept
            // until the end); the tunnel's stream holds only the channel.
            let inner = handshake(channel.into_stream(), &host, port, settings, notes).await?;
            (inner, Some(jump))
        }
    };
    run(session, &credentials.username, &to, &login, &command, jump).await
}

/// Logs in on the target, runs the command and closes both sessions.
async fn run(
    mut session: Handle<Client>,
    username: &str,
    to: &str,
    login: &Login<'_>,
    command: &str,
    jump: Option<Handle<Client>>,
) -> Result<ExecResult, SshError> {
    authenticate(&mut session, username, to, login).await?;
    let result = run_command(&session, to, command).await;
    close(&session).await;
    if let Some(jump) = jump {
        close(&jump).await;
    }
    result
}

/// What a login may use.
struct Login<'a> {
    key: Option<&'a Arc<PrivateKey>>,
    password: Option<&'a str>,
}

/// The key to log in with: `private_key` as given, else the file named
/// in the key directory. `password` opens an encrypted one.
async fn private_key(
    settings: &SshSettings,
    credentials: &Credentials,
) -> Result<Option<Arc<PrivateKey>>, SshError> {
    let text = match (&credentials.private_key, &credentials.private_key_file) {
        (Some(text), _) => text.clone(),
        (None, Some(name)) => read_key_file(settings.key_dir.as_deref(), name).await?,
        (None, None) => return Ok(None),
    };
    let key = russh::keys::decode_secret_key(&text, credentials.password.as_deref())
        .map_err(|e| SshError::BadKey(e.to_string()))?;
    Ok(Some(Arc::new(key)))
}

/// Reads `name` inside `dir`: a relative path of plain components, which
/// must still be inside `dir` once links are resolved.
async fn read_key_file(dir: Option<&Path>, name: &str) -> Result<String, SshError> {
    let file_error = |why: &str| SshError::KeyFile {
        name: name.to_owned(),
        why: why.to_owned(),
    };
    let dir = dir.ok_or_else(|| SshError::NoKeyDir(name.to_owned()))?;
    let relative = Path::new(name);
    let plain = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_) | Component::CurDir));
    if name.is_empty() || !plain {
        return Err(file_error(
            "must be a path inside the node's SSH key directory (no absolute path, no '..')",
        ));
    }
    let not_found = || file_error("not found in the node's SSH key directory");
    let dir = tokio::fs::canonicalize(dir)
        .await
        .map_err(|_| not_found())?;
    let path = tokio::fs::canonicalize(dir.join(relative))
        .await
        .map_err(|_| not_found())?;
    // A link inside the directory may point out of it.
    if !path.starts_with(&dir) {
        return Err(file_error("leads out of the node's SSH key directory"));
    }
    let meta = tokio::fs::metadata(&path).await.map_err(|_| not_found())?;
    if !meta.is_file() || meta.len() > MAX_KEY_FILE {
        return Err(file_error("is not a key file"));
    }
    let bytes = tokio::fs::read(&path)
        .await
        .map_err(|e| file_error(&e.to_string()))?;
    String::from_utf8(bytes).map_err(|_| file_error("is not a key file (not text)"))
}

/// A TCP connection to the first of `addrs` that answers.
async fn connect(addrs: &[std::net::SocketAddr], to: &str) -> Result<TcpStream, SshError> {
    let mut last = String::from("no address");
    for addr in addrs {
        match TcpStream::connect(addr).await {
            Ok(stream) => {
                // Commands and their replies are small messages.
                let _ = stream.set_nodelay(true);
                return Ok(stream);
            }
            Err(e) => last = format!("{addr}: {e}"),
        }
    }
    Err(SshError::Connect {
        target: to.to_owned(),
        why: last,
    })
}

/// The SSH handshake over `stream`, the server's key checked by [`Client`].
async fn handshake<S>(
    stream: S,
    host: &str,
    port: u16,
    settings: &SshSettings,
    notes: &Arc<Mutex<Vec<String>>>,
) -> Result<Handle<Client>, SshError>
where
    S: tokio::io::AsyncRead + tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let refusal = Arc::new(Mutex::new(None));
    let client = Client {
        host: host.to_owned(),
        port,
        known_hosts: settings.known_hosts.clone(),
        notes: Arc::clone(notes),
        refusal: Arc::clone(&refusal),
    };
    let config = Arc::new(client::Config::default());
    let to = target(host, port);
    client::connect_stream(config, stream, client)
        .await
        .map_err(
            |e| match refusal.lock().unwrap_or_else(|e| e.into_inner()).take() {
                Some(why) => SshError::HostKey {
                    target: to.clone(),
                    why,
                },
                None => SshError::Protocol {
                    target: to.clone(),
                    why: e.to_string(),
                },
            },
        )
}

/// Public key first, then the password, as paramiko tries them.
async fn authenticate(
    session: &mut Handle<Client>,
    user: &str,
    to: &str,
    login: &Login<'_>,
) -> Result<(), SshError> {
    let failed = |e: russh::Error| SshError::Protocol {
        target: to.to_owned(),
        why: e.to_string(),
    };
    let mut tried = Vec::new();
    if let Some(key) = login.key {
        // An RSA key signs with the best hash the server takes (SHA-1
        // `ssh-rsa` only for servers that say nothing).
        let hash = if key.algorithm().is_rsa() {
            session
                .best_supported_rsa_hash()
                .await
                .map_err(failed)?
                .flatten()
        } else {
            None
        };
        let with_hash = PrivateKeyWithHashAlg::new(Arc::clone(key), hash);
        let result = session
            .authenticate_publickey(user, with_hash)
            .await
            .map_err(failed)?;
        if result.success() {
            return Ok(());
        }
        tried.push("publickey");
    }
    if let Some(password) = login.password {
        let result = session
            .authenticate_password(user, password)
            .await
            .map_err(failed)?;
        if result.success() {
            return Ok(());
        }
        tried.push("password");
    }
    Err(SshError::Auth {
        user: user.to_owned(),
        target: to.to_owned(),
        tried: tried.join(", "),
    })
}

/// Runs `command` on a session channel; what it wrote and how it ended.
async fn run_command(
    session: &Handle<Client>,
    to: &str,
    command: &str,
) -> Result<ExecResult, SshError> {
    let failed = |e: russh::Error| SshError::Protocol {
        target: to.to_owned(),
        why: e.to_string(),
    };
    let mut channel = session.channel_open_session().await.map_err(failed)?;
    channel.exec(true, command).await.map_err(failed)?;
    let stdout = CappedBuffer::new(OUTPUT_CAP);
    let stderr = CappedBuffer::new(OUTPUT_CAP);
    let mut exit_status = None;
    let mut exit_signal = None;
    while let Some(message) = channel.wait().await {
        match message {
            ChannelMsg::Data { data } => stdout.push(&data),
            // Extended data type 1 is stderr (RFC 4254, 5.2).
            ChannelMsg::ExtendedData { data, ext: 1 } => stderr.push(&data),
            ChannelMsg::ExitStatus { exit_status: code } => exit_status = Some(code),
            ChannelMsg::ExitSignal { signal_name, .. } => {
                exit_signal = Some(signal_text(&signal_name));
            }
            ChannelMsg::Close => break,
            _ => {}
        }
    }
    Ok(ExecResult {
        stdout: stdout.text(),
        stderr: stderr.text(),
        exit_status,
        exit_signal,
    })
}

/// A signal's name as SSH sends it (`KILL`, not `SIGKILL`).
fn signal_text(sig: &Sig) -> String {
    match sig {
        Sig::Custom(name) => name.clone(),
        other => format!("{other:?}"),
    }
}

/// Says goodbye; the server may already be gone, which is fine.
async fn close(session: &Handle<Client>) {
    let _ = session
        .disconnect(Disconnect::ByApplication, "", "en")
        .await;
}

/// russh's client handler: judges the server's key.
struct Client {
    host: String,
    port: u16,
    known_hosts: Option<PathBuf>,
    /// Lines for the call's log.
    notes: Arc<Mutex<Vec<String>>>,
    /// Why the key was refused, for the error (russh's own says only
    /// "unknown key").
    refusal: Arc<Mutex<Option<String>>>,
}

impl client::Handler for Client {
    type Error = russh::Error;

    async fn check_server_key(
        &mut self,
        server_key: &PublicKeyOrCertificate,
    ) -> Result<bool, Self::Error> {
        let key = server_key.public_key();
        let shown = format!(
            "{} {}",
            key.algorithm().as_str(),
            key.fingerprint(HashAlg::Sha256)
        );
        let verdict = match &self.known_hosts {
            // paramiko's AutoAddPolicy, as Mistral: any key, logged.
            None => Ok(()),
            Some(path) => {
                let (host, port, path) = (self.host.clone(), self.port, path.clone());
                let checked = tokio::task::spawn_blocking(move || {
                    russh::keys::check_known_hosts_path(&host, port, &key, &path)
                })
                .await;
                match checked {
                    Ok(Ok(true)) => Ok(()),
                    Ok(Ok(false)) => Err(format!(
                        "host key {shown} is not among the known hosts (bora serve \
                         --ssh-known-hosts)"
                    )),
                    Ok(Err(russh::keys::Error::KeyChanged { .. })) => Err(format!(
                        "host key {shown} does not match the known hosts (bora serve \
                         --ssh-known-hosts): refused"
                    )),
                    Ok(Err(e)) => Err(format!("the known hosts cannot be read: {e}")),
                    Err(e) => Err(format!("the known hosts check failed: {e}")),
                }
            }
        };
        let to = target(&self.host, self.port);
        let mut notes = self.notes.lock().unwrap_or_else(|e| e.into_inner());
        match verdict {
            Ok(()) => {
                notes.push(format!("bora: ssh host key of {to}: {shown}"));
                Ok(true)
            }
            Err(why) => {
                notes.push(format!("bora: ssh host key of {to} refused: {why}"));
                *self.refusal.lock().unwrap_or_else(|e| e.into_inner()) = Some(why);
                Ok(false)
            }
        }
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn key_files_are_read_inside_the_key_directory_only() {
        let dir = tempfile::tempdir().unwrap();
        let keys = dir.path().join("keys");
        std::fs::create_dir_all(keys.join("team")).unwrap();
        std::fs::write(keys.join("id_test"), "KEY").unwrap();
        std::fs::write(keys.join("team/id_team"), "TEAM").unwrap();
        std::fs::write(dir.path().join("outside"), "NO").unwrap();
        std::os::unix::fs::symlink(dir.path().join("outside"), keys.join("link")).unwrap();
        let read = |name: &'static str| read_key_file(Some(&keys), name);
        assert_eq!(read("id_test").await.unwrap(), "KEY");
        assert_eq!(read("team/id_team").await.unwrap(), "TEAM");
        assert_eq!(read("./id_test").await.unwrap(), "KEY");
        for escape in ["../outside", "team/../../outside", "/etc/passwd", ""] {
            let err = read(escape).await.unwrap_err().to_string();
            assert!(err.contains("no absolute path, no '..'"), "{escape}: {err}");
        }
        let err = read("link").await.unwrap_err().to_string();
        assert!(err.contains("leads out"), "{err}");
        let err = read("missing").await.unwrap_err().to_string();
        assert!(err.contains("not found"), "{err}");
        let err = read("team").await.unwrap_err().to_string();
        assert!(err.contains("not a key file"), "{err}");
        let err = read_key_file(None, "id_test")
            .await
            .unwrap_err()
            .to_string();
        assert!(err.contains("--ssh-key-dir"), "{err}");
        assert!(!err.contains(&keys.display().to_string()), "{err}");
    }

    #[test]
    fn targets_bracket_ipv6() {
        assert_eq!(target("::1", 22), "[::1]:22");
        assert_eq!(target("h.example", 2222), "h.example:2222");
        assert_eq!(signal_text(&Sig::KILL), "KILL");
        assert_eq!(signal_text(&Sig::Custom("XCPU".into())), "XCPU");
    }
}
