//! Build-script helper that compiles a guest Cargo workspace (the standard
//! actions in `actions/`, the test programs in `tests/programs/`) for
//! `wasm32-wasip2` and reports the components it produced, so the calling
//! `build.rs` can generate Rust that embeds them with `include_bytes!`.
//!
//! The nested `cargo build --release --target wasm32-wasip2 --locked` runs
//! in its own target directory (by default `<outer target>/wasm-components/
//! <name>`), never in the outer profile directory, so it does not wait on the
//! outer build's lock. It is shielded from the outer cargo's environment
//! (flags, wrappers, target dir, profile overrides, jobserver), and a failure
//! carries the nested cargo's own diagnostics.
//!
//! `bora action build` uses the same builder for a Rust action project
//! ([`Builder::outside_build_script`]).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The target every guest is built for; rustc emits a component directly.
pub const WASM_TARGET: &str = "wasm32-wasip2";

/// What a component file starts with: the wasm magic, then version 0x0d and
/// layer 1 (a core module has version 1, layer 0).
pub const COMPONENT_HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

/// Why a guest workspace could not be built.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    #[error("cannot run {program}: {source}")]
    Spawn {
        program: String,
        source: std::io::Error,
    },
    #[error(
        "the {target} target is not installed and `rustup target add {target}` failed \
         (install it by hand: rustup target add {target}):\n{output}"
    )]
    TargetInstall {
        target: &'static str,
        output: String,
    },
    #[error(
        "building the guest workspace {workspace} for {target} failed \
         (reproduce with: cd {workspace} && cargo build --release --target {target} --locked)\n\
         ----- nested cargo output -----\n{output}"
    )]
    Cargo {
        workspace: String,
        target: &'static str,
        output: String,
    },
    #[error("cannot read the nested cargo's JSON messages: {0}")]
    Messages(String),
    #[error("{path} is not a component (it does not start with the component header)")]
    NotAComponent { path: String },
    #[error("cannot read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("path {0} is not UTF-8 and cannot be embedded in generated Rust")]
    NonUtf8Path(String),
}

/// One component built from a guest workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Component {
    /// The Cargo package it came from, e.g. `std-echo`.
    pub package: String,
    /// The path of the `.wasm` file.
    pub wasm: PathBuf,
}

impl Component {
    /// An `include_bytes!("...")` expression for the component, for
    /// generated Rust.
    pub fn include_bytes_expr(&self) -> Result<String, BuildError> {
        let path = self
            .wasm
            .to_str()
            .ok_or_else(|| BuildError::NonUtf8Path(self.wasm.display().to_string()))?;
        Ok(format!("include_bytes!({})", rust_str(path)))
    }
}

/// A Rust string literal for `s` (`str`'s `Debug` output is valid Rust).
pub fn rust_str(s: &str) -> String {
    format!("{s:?}")
}

/// The outer build's target directory: `CARGO_TARGET_DIR` when set, else
/// `<outer workspace root>/target`.
pub fn outer_target_dir(outer_workspace_root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) if !dir.is_empty() => {
            let dir = PathBuf::from(dir);
            if dir.is_absolute() {
                dir
            } else {
                outer_workspace_root.join(dir)
            }
        }
        _ => outer_workspace_root.join("target"),
    }
}

/// Environment variables of the outer cargo that must not reach the nested
/// one: they would change its flags, wrap its rustc, move its output, change
/// its profile or tie it to the outer jobserver.
fn is_outer_only_env(name: &str) -> bool {
    const EXACT: &[&str] = &[
        "RUSTFLAGS",
        "RUSTDOCFLAGS",
        "RUSTC_WRAPPER",
        "RUSTC_WORKSPACE_WRAPPER",
        "MAKEFLAGS",
        "MFLAGS",
        "TARGET",
        "HOST",
        "OUT_DIR",
        "PROFILE",
        "OPT_LEVEL",
        "DEBUG",
        "NUM_JOBS",
        "RUSTC_LINKER",
    ];
    // CARGO_* settings that are about where and how to fetch (registries,
    // network, home) are kept; every other CARGO_* variable (build flags,
    // target dir, profiles, package metadata, jobserver) is outer-only.
    const CARGO_KEEP: &[&str] = &[
        "CARGO_HOME",
        "CARGO_NET_",
        "CARGO_HTTP_",
        "CARGO_REGISTRIES_",
        "CARGO_REGISTRY_",
        "CARGO_SOURCE_",
        "CARGO_TERM_",
    ];
    if EXACT.contains(&name) || name.starts_with("DEP_") {
        return true;
    }
    if let Some(rest) = name.strip_prefix("CARGO") {
        if name == "CARGO" {
            return false;
        }
        return rest.starts_with('_') && !CARGO_KEEP.iter().any(|k| name.starts_with(k));
    }
    false
}

/// Compiles one guest workspace to components.
#[derive(Debug, Clone)]
pub struct Builder {
    workspace: PathBuf,
    target_dir: PathBuf,
    watch: Vec<PathBuf>,
    build_script: bool,
    locked: bool,
}

impl Builder {
    /// A builder for the guest workspace at `workspace` (the directory of its
    /// `Cargo.toml`), with output in `target_dir`.
    pub fn new(workspace: impl Into<PathBuf>, target_dir: impl Into<PathBuf>) -> Self {
        Builder {
            workspace: workspace.into(),
            target_dir: target_dir.into(),
            watch: Vec::new(),
            build_script: true,
            locked: true,
        }
    }

    /// For use outside a build script (`bora action build`): print no
    /// `cargo:` directives on stdout, and let cargo update `Cargo.lock`, as
    /// an author who just added a dependency expects.
    pub fn outside_build_script(mut self) -> Self {
        self.build_script = false;
        self.locked = false;
        self
    }

    /// Also rebuild when `path` (a file, or a directory scanned recursively)
    /// changes: the WIT files, the SDK, ...
    pub fn watch(mut self, path: impl Into<PathBuf>) -> Self {
        self.watch.push(path.into());
        self
    }

    /// Prints `cargo:rerun-if-changed` for the guest workspace's sources
    /// (every top-level entry but `target/` and hidden ones, so its own
    /// output never triggers a rerun) and for the watched paths.
    fn emit_rerun_if_changed(&self) -> Result<(), BuildError> {
        let entries = std::fs::read_dir(&self.workspace).map_err(|source| BuildError::Io {
            path: self.workspace.display().to_string(),
            source,
        })?;
        let mut paths = BTreeSet::new();
        for entry in entries {
            let entry = entry.map_err(|source| BuildError::Io {
                path: self.workspace.display().to_string(),
                source,
            })?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name == "target" || name.starts_with('.') {
                continue;
            }
            paths.insert(entry.path());
        }
        paths.extend(self.watch.iter().cloned());
        for p in paths {
            println!("cargo:rerun-if-changed={}", p.display());
        }
        Ok(())
    }

    /// Builds every package of the workspace and returns its components, in
    /// the order cargo reports them, sorted by package name.
    pub fn build(&self) -> Result<Vec<Component>, BuildError> {
        if self.build_script {
            self.emit_rerun_if_changed()?;
        }
        ensure_target_installed(&self.workspace, self.build_script)?;

        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
        let mut cmd = Command::new(&cargo);
        cmd.current_dir(&self.workspace)
            .arg("build")
            .arg("--release");
        if self.locked {
            cmd.arg("--locked");
        }
        cmd.arg("--workspace")
            .args(["--target", WASM_TARGET])
            .arg("--target-dir")
            .arg(&self.target_dir)
            .arg("--message-format=json-render-diagnostics");
        for (name, _) in std::env::vars_os() {
            if let Some(name) = name.to_str()
                && is_outer_only_env(name)
            {
                cmd.env_remove(name);
            }
        }
        let output = cmd.output().map_err(|source| BuildError::Spawn {
            program: cargo.clone(),
            source,
        })?;
        let stderr = String::from_utf8_lossy(&output.stderr);
        if !output.status.success() {
            return Err(BuildError::Cargo {
                workspace: self.workspace.display().to_string(),
                target: WASM_TARGET,
                output: stderr.into_owned(),
            });
        }
        let mut components = parse_artifacts(&String::from_utf8_lossy(&output.stdout))?;
        for c in &components {
            check_component(&c.wasm)?;
        }
        components.sort_by(|a, b| a.package.cmp(&b.package));
        Ok(components)
    }
}

/// Checks that `path` starts with the component header.
pub fn check_component(path: &Path) -> Result<(), BuildError> {
    use std::io::Read;
    let mut header = [0u8; 8];
    std::fs::File::open(path)
        .and_then(|mut f| f.read_exact(&mut header))
        .map_err(|source| BuildError::Io {
            path: path.display().to_string(),
            source,
        })?;
    if header != COMPONENT_HEADER {
        return Err(BuildError::NotAComponent {
            path: path.display().to_string(),
        });
    }
    Ok(())
}

/// The package name from a cargo package id: either the newer
/// `path+file:///dir/name#0.1.0` / `...#name@0.1.0` form or the older
/// `name 0.1.0 (path+file:///dir)`.
fn package_name(package_id: &str, target_name: &str) -> String {
    if let Some((url, fragment)) = package_id.rsplit_once('#') {
        if let Some((name, _version)) = fragment.split_once('@') {
            return name.to_owned();
        }
        if let Some(last) = url.trim_end_matches('/').rsplit('/').next() {
            return last.to_owned();
        }
    }
    package_id
        .split_whitespace()
        .next()
        .map(str::to_owned)
        .unwrap_or_else(|| target_name.to_owned())
}

/// Extracts the `.wasm` artifacts of the workspace's cdylib and bin targets
/// (packages from a path, not from a registry) from cargo's JSON messages
/// (one JSON object a line).
fn parse_artifacts(stdout: &str) -> Result<Vec<Component>, BuildError> {
    let mut components = Vec::new();
    for line in stdout.lines().filter(|l| l.starts_with('{')) {
        let msg: serde_json::Value =
            serde_json::from_str(line).map_err(|e| BuildError::Messages(e.to_string()))?;
        if msg["reason"] != "compiler-artifact" {
            continue;
        }
        let kinds = msg["target"]["kind"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        if !kinds.iter().any(|k| k == "cdylib" || k == "bin") {
            continue;
        }
        let package_id = msg["package_id"].as_str().unwrap_or_default();
        // A dependency from a registry may declare a cdylib too (boa_engine
        // does), which cargo then builds: it is not one of ours.
        if !package_id.contains("path+file://") {
            continue;
        }
        let target_name = msg["target"]["name"].as_str().unwrap_or_default();
        let package = package_name(package_id, target_name);
        let wasm = msg["filenames"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|f| f.as_str())
            .find(|f| f.ends_with(".wasm"));
        if let Some(wasm) = wasm {
            components.push(Component {
                package,
                wasm: PathBuf::from(wasm),
            });
        }
    }
    Ok(components)
}

/// Makes sure the `wasm32-wasip2` standard library is installed for the
/// toolchain that builds `workspace` (run from there, so its
/// `rust-toolchain.toml` counts); installs it with rustup when it is not.
fn ensure_target_installed(workspace: &Path, build_script: bool) -> Result<(), BuildError> {
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_owned());
    let sysroot = Command::new(&rustc)
        .current_dir(workspace)
        .args(["--print", "sysroot"])
        .output()
        .map_err(|source| BuildError::Spawn {
            program: rustc.clone(),
            source,
        })?;
    let sysroot = PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
    if sysroot
        .join("lib/rustlib")
        .join(WASM_TARGET)
        .join("lib")
        .is_dir()
    {
        return Ok(());
    }
    if build_script {
        println!("cargo:warning=installing the {WASM_TARGET} target with rustup");
    } else {
        eprintln!("installing the {WASM_TARGET} target with rustup");
    }
    let mut cmd = Command::new("rustup");
    cmd.current_dir(workspace)
        .args(["target", "add", WASM_TARGET]);
    // rustup sets RUSTUP_TOOLCHAIN for the outer build; passing it on makes
    // the target land in the toolchain that is building.
    let out = cmd.output().map_err(|source| BuildError::Spawn {
        program: "rustup".to_owned(),
        source,
    })?;
    if !out.status.success() {
        return Err(BuildError::TargetInstall {
            target: WASM_TARGET,
            output: format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outer_env_is_filtered() {
        for name in [
            "RUSTFLAGS",
            "CARGO_ENCODED_RUSTFLAGS",
            "CARGO_TARGET_DIR",
            "CARGO_BUILD_TARGET",
            "RUSTC_WRAPPER",
            "CARGO_MAKEFLAGS",
            "CARGO_PROFILE_RELEASE_LTO",
            "CARGO_PKG_NAME",
            "CARGO_MANIFEST_DIR",
            "CARGO_FEATURE_STD",
            "CARGO_CFG_TARGET_OS",
        ] {
            assert!(is_outer_only_env(name), "{name} should be removed");
        }
        for name in [
            "CARGO",
            "CARGO_HOME",
            "CARGO_NET_OFFLINE",
            "CARGO_HTTP_PROXY",
            "RUSTUP_TOOLCHAIN",
            "PATH",
            "RUSTC",
        ] {
            assert!(!is_outer_only_env(name), "{name} should be kept");
        }
    }

    #[test]
    fn package_names_from_ids() {
        assert_eq!(
            package_name("path+file:///w/actions/echo#std-echo@0.1.0", "std_echo"),
            "std-echo"
        );
        assert_eq!(
            package_name("path+file:///w/actions/std-echo#0.1.0", "std_echo"),
            "std-echo"
        );
        assert_eq!(
            package_name("std-echo 0.1.0 (path+file:///w/actions/echo)", "std_echo"),
            "std-echo"
        );
    }

    #[test]
    fn artifacts_are_extracted() {
        let stdout = concat!(
            r#"{"reason":"compiler-artifact","package_id":"path+file:///w/a/echo#std-echo@0.1.0","target":{"kind":["cdylib"],"name":"std_echo"},"filenames":["/t/wasm32-wasip2/release/std_echo.wasm"]}"#,
            "\n",
            r#"{"reason":"compiler-artifact","package_id":"registry+https://github.com/rust-lang/crates.io-index#serde@1.0.0","target":{"kind":["lib"],"name":"serde"},"filenames":["/t/libserde.rlib"]}"#,
            "\n",
            r#"{"reason":"compiler-artifact","package_id":"registry+https://github.com/rust-lang/crates.io-index#boa_engine@0.22.0","target":{"kind":["cdylib","lib"],"name":"boa_engine"},"filenames":["/t/wasm32-wasip2/release/boa_engine.wasm","/t/libboa_engine.rlib"]}"#,
            "\n",
            r#"{"reason":"build-finished","success":true}"#,
            "\n"
        );
        let got = parse_artifacts(stdout).expect("valid messages");
        assert_eq!(
            got,
            vec![Component {
                package: "std-echo".into(),
                wasm: "/t/wasm32-wasip2/release/std_echo.wasm".into()
            }]
        );
        assert_eq!(
            got[0].include_bytes_expr().expect("utf-8"),
            r#"include_bytes!("/t/wasm32-wasip2/release/std_echo.wasm")"#
        );
    }

    #[test]
    fn rust_str_escapes() {
        assert_eq!(rust_str(r#"a"b\c"#), r#""a\"b\\c""#);
    }
}
