//! Action kits: `bora action new` (a project from an embedded template) and
//! `bora action build` (the project built into `NAME/NAME.wasm` with the
//! language's tools).
//!
//! - Rust: `cargo build --release --target wasm32-wasip2`, through the same
//!   builder as the standard actions (`bora-component-builder`);
//! - Python: componentize-py, installed once into a virtualenv in the kits
//!   cache (`tools::python`);
//! - JavaScript: componentize-js, installed once with `npm ci` from a pinned
//!   lock file into the kits cache (`tools::js`).
//!
//! `templates` is the pure part (which files a project has); this module and
//! `tools` do the file system and processes.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bora_component_builder::{BuildError, Builder, check_component};

mod templates;
mod tools;

pub use templates::{ProjectFile, project_files};
pub use tools::{COMPONENTIZE_JS_VERSION, COMPONENTIZE_PY_VERSION};

/// A language with a kit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    Rust,
    Python,
    Js,
}

impl Lang {
    pub fn as_str(self) -> &'static str {
        match self {
            Lang::Rust => "rust",
            Lang::Python => "python",
            Lang::Js => "js",
        }
    }

    /// The file that marks a project of this language (what `detect` looks for).
    pub fn marker(self) -> &'static str {
        match self {
            Lang::Rust => "Cargo.toml",
            Lang::Python => "app.py",
            Lang::Js => "action.js",
        }
    }
}

impl std::fmt::Display for Lang {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A project's name: the folder's name, the action's name in its
/// descriptor, the Cargo package name and the component's file name, so
/// it must suit all four.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActionName(String);

impl ActionName {
    /// An ASCII letter, then up to 63 letters, digits, `-` or `_`.
    pub fn parse(name: &str) -> Result<Self, KitError> {
        let mut chars = name.chars();
        let starts_with_letter = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
        let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if starts_with_letter && rest_ok && name.len() <= 64 {
            Ok(ActionName(name.to_owned()))
        } else {
            Err(KitError::BadName(name.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ActionName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Why a kit command failed.
#[derive(Debug, thiserror::Error)]
pub enum KitError {
    #[error(
        "`{0}` cannot name an action project: use an ASCII letter, then letters, digits, \
         `-` or `_` (at most 64 characters)"
    )]
    BadName(String),
    #[error("{0} already exists; `bora action new` only creates a new folder")]
    Exists(PathBuf),
    #[error(
        "{0} is not an action project: it has none of Cargo.toml (Rust), app.py (Python) \
         or action.js (JavaScript); make one with `bora action new --lang rust|python|js NAME`"
    )]
    NotAProject(PathBuf),
    #[error("{dir} has both {first} and {second}; remove the one that is not the action")]
    Ambiguous {
        dir: PathBuf,
        first: &'static str,
        second: &'static str,
    },
    #[error("{tool} was not found: {why}")]
    MissingTool { tool: String, why: String },
    #[error("{what} failed ({status}){hint}; its output is above")]
    ToolFailed {
        what: String,
        status: String,
        hint: String,
    },
    #[error("cannot run {tool}: {source}")]
    Spawn {
        tool: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Build(#[from] BuildError),
    #[error("the Rust build made {0} components; expected exactly one cdylib")]
    ComponentCount(usize),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> KitError + '_ {
    move |source| KitError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Creates the project folder `dir` (its last component is the name) for
/// `lang` from the embedded template, and returns the files written.
pub fn new_project(lang: Lang, dir: &Path) -> Result<Vec<PathBuf>, KitError> {
    let name = project_name(dir)?;
    if dir.exists() {
        return Err(KitError::Exists(dir.to_path_buf()));
    }
    let mut written = Vec::new();
    for f in project_files(lang, &name) {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        std::fs::write(&path, f.contents).map_err(io_error(&path))?;
        written.push(path);
    }
    Ok(written)
}

/// The project name of the folder `dir` (`.` and `..` are resolved).
fn project_name(dir: &Path) -> Result<ActionName, KitError> {
    let resolved = if dir.exists() {
        dir.canonicalize().map_err(io_error(dir))?
    } else {
        dir.to_path_buf()
    };
    let last = resolved
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    ActionName::parse(&last)
}

/// The language of the project in `dir`, from its marker file.
pub fn detect(dir: &Path) -> Result<Lang, KitError> {
    let found: Vec<Lang> = [Lang::Rust, Lang::Python, Lang::Js]
        .into_iter()
        .filter(|l| dir.join(l.marker()).is_file())
        .collect();
    match found.as_slice() {
        [lang] => Ok(*lang),
        [] => Err(KitError::NotAProject(dir.to_path_buf())),
        [first, second, ..] => Err(KitError::Ambiguous {
            dir: dir.to_path_buf(),
            first: first.marker(),
            second: second.marker(),
        }),
    }
}

/// Where `bora action build` installs componentize-py and componentize-js.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    pub kits_dir: PathBuf,
}

/// What `build` made.
#[derive(Debug, Clone)]
pub struct Built {
    pub lang: Lang,
    pub wasm: PathBuf,
    pub bytes: u64,
    /// Time spent installing the tools, when this build installed them.
    pub install_time: Option<Duration>,
    /// Time spent compiling the component.
    pub build_time: Duration,
}

/// Builds the project in `dir` into `dir/NAME.wasm`. Progress goes to
/// stderr, as do the tools' own output.
pub fn build(dir: &Path, options: &BuildOptions) -> Result<Built, KitError> {
    let name = project_name(dir)?;
    let lang = detect(dir)?;
    let wasm_name = format!("{name}.wasm");
    let wasm = dir.join(&wasm_name);
    // A failed build must not leave the previous component looking fresh.
    match std::fs::remove_file(&wasm) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(io_error(&wasm)(e)),
    }
    let started = Instant::now();
    let install_time = match lang {
        Lang::Rust => {
            build_rust(dir, &wasm)?;
            None
        }
        Lang::Python => {
            let tool = tools::python::ensure(&options.kits_dir)?;
            let installed = tool.installed.then(|| started.elapsed());
            tools::python::componentize(&tool, dir, &wasm_name)?;
            installed
        }
        Lang::Js => {
            let tool = tools::js::ensure(&options.kits_dir)?;
            let installed = tool.installed.then(|| started.elapsed());
            tools::js::componentize(&tool, dir, &wasm_name)?;
            installed
        }
    };
    let build_time = started
        .elapsed()
        .saturating_sub(install_time.unwrap_or_default());
    check_component(&wasm)?;
    let bytes = std::fs::metadata(&wasm).map_err(io_error(&wasm))?.len();
    Ok(Built {
        lang,
        wasm,
        bytes,
        install_time,
        build_time,
    })
}

/// `cargo build --release --target wasm32-wasip2` in the project (its own
/// `target/`), then the one cdylib copied to `wasm`.
fn build_rust(dir: &Path, wasm: &Path) -> Result<(), KitError> {
    eprintln!("building with cargo (--release --target wasm32-wasip2)");
    let components = Builder::new(dir, dir.join("target"))
        .outside_build_script()
        .build()
        .map_err(|e| match e {
            BuildError::Spawn { program, source }
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                KitError::MissingTool {
                    tool: program,
                    why: "building a Rust action needs Rust's cargo (https://rustup.rs)".into(),
                }
            }
            other => KitError::Build(other),
        })?;
    let [component] = components.as_slice() else {
        return Err(KitError::ComponentCount(components.len()));
    };
    std::fs::copy(&component.wasm, wasm).map_err(io_error(wasm))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fit_a_folder_a_package_and_a_file() {
        for ok in ["greet", "my-action", "a_1", "X"] {
            assert!(ActionName::parse(ok).is_ok(), "{ok}");
        }
        for bad in ["", "1abc", "my.action", "a b", "-x", "é", &"a".repeat(65)] {
            assert!(ActionName::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn new_then_detect_for_each_language() {
        let tmp = tempfile::tempdir().expect("temp dir");
        for lang in [Lang::Rust, Lang::Python, Lang::Js] {
            let dir = tmp.path().join(format!("greet-{lang}"));
            let files = new_project(lang, &dir).expect("scaffolds");
            assert!(files.iter().all(|f| f.is_file()));
            assert_eq!(detect(&dir).expect("detects"), lang);
            assert!(matches!(new_project(lang, &dir), Err(KitError::Exists(_))));
        }
        assert!(matches!(detect(tmp.path()), Err(KitError::NotAProject(_))));
        assert!(matches!(
            new_project(Lang::Js, &tmp.path().join("no.dots")),
            Err(KitError::BadName(_))
        ));
    }
}
