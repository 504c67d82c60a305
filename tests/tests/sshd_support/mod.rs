//! A real OpenSSH server for the std.ssh tests: `sshd -D -e` on a free
//! loopback port with a configuration of its own in a temporary directory
//! (its own host key, an authorized key made here, no PAM, TCP forwarding
//! on for std.ssh_proxied), stopped when dropped.
//!
//! `BORA_TEST_SSHD` names the sshd binary (scripts/test.sh sets it after
//! scripts/ensure-sshd.sh installed it); set, a server that does not start
//! fails the test. Unset, `/usr/sbin/sshd` is used if it exists, and the
//! test is skipped with a printed reason if it does not.

#![allow(dead_code)]

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running sshd and the keys made for it.
pub struct Sshd {
    child: Child,
    pub port: u16,
    pub dir: tempfile::TempDir,
    /// The user the tests log in as (the one running them).
    pub user: String,
    /// An ed25519 private key the server accepts (OpenSSH text).
    pub key: String,
    /// An RSA private key the server accepts, as a file in `key_dir`.
    pub rsa_key_file: &'static str,
    /// A private key the server does not accept.
    pub stranger_key: String,
    /// The server's host key as a known_hosts line's key part.
    pub host_key_pub: String,
    /// Another host key, for a known_hosts file that does not match.
    pub other_host_key_pub: String,
}

/// The sshd to run, or why the test is skipped (`Err`). Panics when
/// `BORA_TEST_SSHD` names a binary that is not there.
fn binary() -> Result<PathBuf, String> {
    match std::env::var_os("BORA_TEST_SSHD").filter(|v| !v.is_empty()) {
        Some(path) => {
            let path = PathBuf::from(path);
            assert!(
                path.is_file(),
                "BORA_TEST_SSHD={} is not a file (scripts/ensure-sshd.sh installs sshd)",
                path.display()
            );
            Ok(path)
        }
        None => {
            let path = PathBuf::from("/usr/sbin/sshd");
            if path.is_file() {
                Ok(path)
            } else {
                Err(
                    "no sshd: /usr/sbin/sshd is missing and BORA_TEST_SSHD is not set \
                     (scripts/ensure-sshd.sh installs it)"
                        .to_owned(),
                )
            }
        }
    }
}

fn keygen(kind: &str, path: &Path) {
    let out = Command::new("ssh-keygen")
        .args(["-q", "-t", kind, "-N", "", "-C", "bora-test", "-f"])
        .arg(path)
        .output()
        .expect("ssh-keygen runs (it comes with OpenSSH)");
    assert!(out.status.success(), "ssh-keygen: {out:?}");
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

/// `ssh-ed25519 AAAA...` of a `.pub` file, without the comment.
fn key_part(pub_file: &Path) -> String {
    read(pub_file)
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

fn user() -> String {
    let out = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_owned()
}

impl Sshd {
    /// Starts a server, or returns `None` (printing why) when there is no
    /// sshd and `BORA_TEST_SSHD` is unset.
    pub fn start() -> Option<Sshd> {
        let sshd = match binary() {
            Ok(path) => path,
            Err(reason) => {
                eprintln!("skipped: {reason}");
                return None;
            }
        };
        // sshd refuses to start without its privilege separation directory
        // (scripts/ensure-sshd.sh makes it; a test run as root can too).
        let _ = std::fs::create_dir_all("/run/sshd");
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let key_dir = d.join("keys");
        std::fs::create_dir_all(&key_dir).unwrap();
        keygen("ed25519", &d.join("host_key"));
        keygen("ed25519", &d.join("other_host_key"));
        keygen("ed25519", &d.join("user_key"));
        keygen("rsa", &key_dir.join("id_rsa"));
        keygen("ed25519", &d.join("stranger_key"));
        let authorized = format!(
            "{}\n{}\n",
            read(&d.join("user_key.pub")).trim(),
            read(&key_dir.join("id_rsa.pub")).trim()
        );
        std::fs::write(d.join("authorized_keys"), authorized).unwrap();
        // A key outside the key directory, for the escape tests.
        std::fs::copy(d.join("user_key"), d.join("outside_key")).unwrap();

        let mut last = String::new();
        for _ in 0..3 {
            let port = free_port();
            match launch(&sshd, d, port) {
                Ok(child) => {
                    return Some(Sshd {
                        child,
                        port,
                        user: user(),
                        key: read(&d.join("user_key")),
                        rsa_key_file: "id_rsa",
                        stranger_key: read(&d.join("stranger_key")),
                        host_key_pub: key_part(&d.join("host_key.pub")),
                        other_host_key_pub: key_part(&d.join("other_host_key.pub")),
                        dir,
                    });
                }
                // Another process may have taken the port meanwhile.
                Err(why) => last = why,
            }
        }
        panic!("sshd ({}) did not start: {last}", sshd.display());
    }

    /// The directory given as the node's SSH key directory.
    pub fn key_dir(&self) -> PathBuf {
        self.dir.path().join("keys")
    }

    /// `127.0.0.1:<port>`, as std.ssh's `host`.
    pub fn host(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    /// A known_hosts file holding `key` for this server.
    pub fn known_hosts(&self, name: &str, key: &str) -> PathBuf {
        let path = self.dir.path().join(name);
        std::fs::write(&path, format!("[127.0.0.1]:{} {key}\n", self.port)).unwrap();
        path
    }

    /// What the server logged (`-e`: to its stderr, kept in a file).
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("sshd.log")).unwrap_or_default()
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Writes the configuration for `port` and starts sshd on it; the child
/// once the server answers with its SSH banner.
fn launch(sshd: &Path, d: &Path, port: u16) -> Result<Child, String> {
    let config = d.join("sshd_config");
    let base = format!(
        "Port {port}\n\
         ListenAddress 127.0.0.1\n\
         HostKey {host_key}\n\
         AuthorizedKeysFile {authorized}\n\
         PidFile none\n\
         StrictModes no\n\
         PermitRootLogin yes\n\
         UsePAM no\n\
         PasswordAuthentication no\n\
         KbdInteractiveAuthentication no\n\
         AllowTcpForwarding yes\n\
         LogLevel VERBOSE\n\
         SetEnv HOME={home}\n",
        host_key = d.join("host_key").display(),
        authorized = d.join("authorized_keys").display(),
        // Commands run by the login shell, which would read the user's own
        // start-up files (a ~/.bashrc that writes to stderr, or two
        // sessions racing on a pyenv rehash): an empty home instead.
        home = d.join("home").display(),
    );
    std::fs::create_dir_all(d.join("home")).unwrap();
    // OpenSSH 9.8+ makes a source that fails to log in wait (the wrong
    // key test would slow every later login); older ones do not know the
    // option and refuse the file with it.
    std::fs::write(&config, format!("{base}PerSourcePenalties no\n")).unwrap();
    let checked = Command::new(sshd)
        .arg("-t")
        .arg("-f")
        .arg(&config)
        .output()
        .map_err(|e| format!("cannot run {}: {e}", sshd.display()))?;
    if !checked.status.success() {
        std::fs::write(&config, &base).unwrap();
    }
    let log = std::fs::File::create(d.join("sshd.log")).unwrap();
    let mut child = Command::new(sshd)
        .args(["-D", "-e", "-f"])
        .arg(&config)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(log)
        .spawn()
        .map_err(|e| format!("cannot run {}: {e}", sshd.display()))?;
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Ok(Some(status)) = child.try_wait() {
            let log = std::fs::read_to_string(d.join("sshd.log")).unwrap_or_default();
            return Err(format!("sshd exited ({status}): {log}"));
        }
        if let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) {
            let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
            let mut banner = [0u8; 4];
            if stream.read_exact(&mut banner).is_ok() && &banner == b"SSH-" {
                return Ok(child);
            }
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            let log = std::fs::read_to_string(d.join("sshd.log")).unwrap_or_default();
            return Err(format!("sshd did not answer on port {port}: {log}"));
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
