//! The Python and JavaScript kits' build tools: installed once into the
//! kits cache (`<kits dir>/python/componentize-py-<version>/`, a virtualenv;
//! `<kits dir>/js/componentize-js-<version>/`, an npm prefix), then run on a
//! project. The versions are pinned so every machine builds with the tools
//! the kits were tested with. componentize-js runs through its own CLI:
//! `jco componentize` (jco 1.35) fails to read the WIT on this setup.

use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{KitError, io_error};

/// The componentize-py release the Python kit installs (PyPI).
pub const COMPONENTIZE_PY_VERSION: &str = "0.25.1";
/// The componentize-js release the JavaScript kit installs (npm); the
/// whole dependency tree is pinned by `action-sdk/js/tools/package-lock.json`.
pub const COMPONENTIZE_JS_VERSION: &str = "0.23.0";

/// Marks a tool directory whose installation finished.
const READY: &str = ".bora-ready";

/// A program named by an environment variable, else its usual name.
fn program(env: &str, default: &str) -> String {
    std::env::var(env)
        .ok()
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| default.to_owned())
}

/// Runs `cmd` to completion. Its stdout goes to our stderr (bora's stdout is
/// for the result), its stderr is inherited. A program that is not there is
/// a [`KitError::MissingTool`] with `why`; a failure names `what`.
fn run(cmd: &mut Command, what: &str, why: &str, hint: &str) -> Result<(), KitError> {
    let tool = cmd.get_program().to_string_lossy().into_owned();
    let status = cmd
        .stdin(Stdio::null())
        .stdout(Stdio::from(std::io::stderr()))
        .stderr(Stdio::inherit())
        .status()
        .map_err(|source| {
            if source.kind() == std::io::ErrorKind::NotFound {
                KitError::MissingTool {
                    tool: tool.clone(),
                    why: why.to_owned(),
                }
            } else {
                KitError::Spawn {
                    tool: tool.clone(),
                    source,
                }
            }
        })?;
    if status.success() {
        return Ok(());
    }
    Err(KitError::ToolFailed {
        what: what.to_owned(),
        status: status.to_string(),
        hint: hint.to_owned(),
    })
}

/// Whether `program --version` runs; a [`KitError::MissingTool`] with
/// `why` when it is not there.
fn check_runs(program: &str, why: &str) -> Result<(), KitError> {
    match Command::new(program)
        .arg("--version")
        .stdin(Stdio::null())
        .output()
    {
        Ok(out) if out.status.success() => Ok(()),
        Ok(out) => Err(KitError::ToolFailed {
            what: format!("{program} --version"),
            status: out.status.to_string(),
            hint: format!(": {}", String::from_utf8_lossy(&out.stderr).trim()),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(KitError::MissingTool {
            tool: program.to_owned(),
            why: why.to_owned(),
        }),
        Err(source) => Err(KitError::Spawn {
            tool: program.to_owned(),
            source,
        }),
    }
}

/// Runs `install` to fill `dir`, unless an earlier run finished it; true
/// when it ran. Holds a lock file next to `dir` meanwhile, so concurrent
/// builds install once; a directory left half-installed by an interrupted
/// run is started over.
fn install_once(
    dir: &Path,
    install: impl FnOnce() -> Result<(), KitError>,
) -> Result<bool, KitError> {
    let ready = dir.join(READY);
    if ready.is_file() {
        return Ok(false);
    }
    let (Some(parent), Some(leaf)) = (dir.parent(), dir.file_name()) else {
        return Err(io_error(dir)(std::io::Error::other("not a tool directory")));
    };
    std::fs::create_dir_all(parent).map_err(io_error(parent))?;
    let lock_path = parent.join(format!("{}.lock", leaf.to_string_lossy()));
    let lock = File::create(&lock_path).map_err(io_error(&lock_path))?;
    lock.lock().map_err(io_error(&lock_path))?;
    if ready.is_file() {
        return Ok(false);
    }
    if dir.exists() {
        std::fs::remove_dir_all(dir).map_err(io_error(dir))?;
    }
    install()?;
    std::fs::write(&ready, "").map_err(io_error(&ready))?;
    Ok(true)
}

/// componentize-py in a virtualenv.
pub(super) mod python {
    use super::*;

    const WHY: &str = "building a Python action needs Python 3 with its venv module, to install \
                       componentize-py (Debian: apt-get install python3 python3-venv), or set \
                       BORA_PYTHON to a Python 3 executable";

    /// An installed componentize-py.
    pub(in crate::kits) struct Tool {
        componentize_py: PathBuf,
        /// Whether this run installed it.
        pub(in crate::kits) installed: bool,
    }

    fn venv_bin(venv: &Path, name: &str) -> PathBuf {
        if cfg!(windows) {
            venv.join("Scripts").join(format!("{name}.exe"))
        } else {
            venv.join("bin").join(name)
        }
    }

    /// componentize-py from the kits cache, installed first if needed.
    pub(in crate::kits) fn ensure(kits_dir: &Path) -> Result<Tool, KitError> {
        let venv = kits_dir
            .join("python")
            .join(format!("componentize-py-{COMPONENTIZE_PY_VERSION}"));
        let installed = install_once(&venv, || {
            eprintln!(
                "installing componentize-py {COMPONENTIZE_PY_VERSION} into {} (once)",
                venv.display()
            );
            let python = program("BORA_PYTHON", "python3");
            run(
                Command::new(&python).args(["-m", "venv"]).arg(&venv),
                &format!("{python} -m venv {}", venv.display()),
                WHY,
                " (on Debian the venv module is the package python3-venv)",
            )?;
            run(
                Command::new(venv_bin(&venv, "python")).args([
                    "-m",
                    "pip",
                    "install",
                    "--disable-pip-version-check",
                    "--no-input",
                    &format!("componentize-py=={COMPONENTIZE_PY_VERSION}"),
                ]),
                &format!("pip install componentize-py=={COMPONENTIZE_PY_VERSION}"),
                WHY,
                " (it downloads from PyPI)",
            )
        })?;
        Ok(Tool {
            componentize_py: venv_bin(&venv, "componentize-py"),
            installed,
        })
    }

    /// `componentize-py -d wit -w action componentize app -p . -o <wasm>`
    /// in the project: `app.py` and the modules next to it (the kit's
    /// `bora_action.py`) go into the component with CPython.
    pub(in crate::kits) fn componentize(
        tool: &Tool,
        project: &Path,
        wasm_name: &str,
    ) -> Result<(), KitError> {
        eprintln!("building with componentize-py {COMPONENTIZE_PY_VERSION}");
        run(
            Command::new(&tool.componentize_py)
                .current_dir(project)
                .args([
                    "-d",
                    "wit",
                    "-w",
                    "action",
                    "componentize",
                    "app",
                    "-p",
                    ".",
                ])
                .args(["-o", wasm_name]),
            "componentize-py",
            WHY,
            "",
        )
    }
}

/// componentize-js in an npm prefix.
pub(super) mod js {
    use super::*;
    use crate::kits::templates::{JS_TOOLS_LOCK, JS_TOOLS_PACKAGE};

    const WHY: &str = "building a JavaScript action needs Node.js and npm, to install and run \
                       componentize-js (Debian: apt-get install nodejs npm), or set BORA_NODE \
                       and BORA_NPM to them";

    /// An installed componentize-js and the node that runs it.
    pub(in crate::kits) struct Tool {
        node: String,
        cli: PathBuf,
        /// Whether this run installed it.
        pub(in crate::kits) installed: bool,
    }

    /// componentize-js from the kits cache, installed first if needed.
    pub(in crate::kits) fn ensure(kits_dir: &Path) -> Result<Tool, KitError> {
        let node = program("BORA_NODE", "node");
        // Checked before anything is installed: without node nothing works.
        check_runs(&node, WHY)?;
        let prefix = kits_dir
            .join("js")
            .join(format!("componentize-js-{COMPONENTIZE_JS_VERSION}"));
        let installed = install_once(&prefix, || {
            eprintln!(
                "installing componentize-js {COMPONENTIZE_JS_VERSION} into {} (once)",
                prefix.display()
            );
            std::fs::create_dir_all(&prefix).map_err(io_error(&prefix))?;
            for (file, text) in [
                ("package.json", JS_TOOLS_PACKAGE),
                ("package-lock.json", JS_TOOLS_LOCK),
            ] {
                let path = prefix.join(file);
                std::fs::write(&path, text).map_err(io_error(&path))?;
            }
            let npm = program("BORA_NPM", "npm");
            run(
                Command::new(&npm)
                    .arg("ci")
                    .arg("--prefix")
                    .arg(&prefix)
                    .args(["--no-audit", "--no-fund"]),
                &format!("{npm} ci (componentize-js {COMPONENTIZE_JS_VERSION})"),
                WHY,
                " (it downloads from the npm registry)",
            )
        })?;
        Ok(Tool {
            node,
            cli: prefix.join("node_modules/@bytecodealliance/componentize-js/src/cli.js"),
            installed,
        })
    }

    /// componentize-js's own CLI on `action.js` (it bundles the modules
    /// `action.js` imports, such as the kit's `bora_action.js`).
    pub(in crate::kits) fn componentize(
        tool: &Tool,
        project: &Path,
        wasm_name: &str,
    ) -> Result<(), KitError> {
        eprintln!("building with componentize-js {COMPONENTIZE_JS_VERSION}");
        run(
            Command::new(&tool.node)
                .current_dir(project)
                .arg(&tool.cli)
                .args(["action.js", "--wit", "wit", "-n", "action"])
                .args(["-o", wasm_name]),
            "componentize-js",
            WHY,
            "",
        )
    }
}
