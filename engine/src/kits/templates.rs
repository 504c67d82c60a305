//! The project templates of `bora action new`, embedded in the binary (the
//! source tree is not read at run time), and the pure function that renders
//! them for a project name.
//!
//! Each template is a working greeting action whose name is the placeholder
//! `example.greet`: the Rust one is `action-sdk/examples/greet` (with a copy
//! of the SDK, since `bora-action-sdk` is not on crates.io), the Python one
//! `action-sdk/python/template` (with the kit's `bora_action.py`), the
//! JavaScript one `action-sdk/js/template` (with `bora_action.js`).

use super::{ActionName, Lang};

/// The action's name in every template; replaced by the project's name.
pub(crate) const NAME_PLACEHOLDER: &str = "example.greet";
/// The built component's file name in the templates' comments.
const WASM_PLACEHOLDER: &str = "NAME.wasm";

/// The WIT contract, copied into every project (componentize-py and
/// componentize-js read it; the Rust SDK's bindings are generated from it).
pub(crate) const ACTION_WIT: &str = include_str!("../../../wit/action.wit");

/// The Rust SDK's sources, by path inside the copied `bora-action-sdk/`.
pub(crate) const RUST_SDK: &[(&str, &str)] = &[
    ("src/lib.rs", include_str!("../../../action-sdk/src/lib.rs")),
    (
        "src/action.rs",
        include_str!("../../../action-sdk/src/action.rs"),
    ),
    (
        "src/execution.rs",
        include_str!("../../../action-sdk/src/execution.rs"),
    ),
    (
        "src/guest.rs",
        include_str!("../../../action-sdk/src/guest.rs"),
    ),
    (
        "src/input.rs",
        include_str!("../../../action-sdk/src/input.rs"),
    ),
    ("src/log.rs", include_str!("../../../action-sdk/src/log.rs")),
    (
        "src/outcome.rs",
        include_str!("../../../action-sdk/src/outcome.rs"),
    ),
    ("src/raw.rs", include_str!("../../../action-sdk/src/raw.rs")),
    ("src/ssh.rs", include_str!("../../../action-sdk/src/ssh.rs")),
];
/// The SDK's own manifest: the dependencies of the copy are checked
/// against it (see the tests), so the two cannot drift apart.
#[cfg(test)]
const RUST_SDK_MANIFEST: &str = include_str!("../../../action-sdk/Cargo.toml");
const RUST_LIB: &str = include_str!("../../../action-sdk/examples/greet/src/lib.rs");
/// The example's lock file: pins the versions the template was tested with.
const RUST_LOCK: &str = include_str!("../../../action-sdk/examples/greet/Cargo.lock");
/// The example's package name, as it appears in its lock file.
const RUST_LOCK_PACKAGE: &str = "name = \"greet\"";

pub(crate) const PYTHON_HELPER: &str = include_str!("../../../action-sdk/python/bora_action.py");
const PYTHON_APP: &str = include_str!("../../../action-sdk/python/template/app.py");
const PYTHON_TEST: &str = include_str!("../../../action-sdk/python/template/test_app.py");

pub(crate) const JS_HELPER: &str = include_str!("../../../action-sdk/js/bora_action.js");
const JS_ACTION: &str = include_str!("../../../action-sdk/js/template/action.js");
/// The JavaScript kit's build tools, pinned: `npm ci` installs exactly this.
pub(crate) const JS_TOOLS_PACKAGE: &str = include_str!("../../../action-sdk/js/tools/package.json");
pub(crate) const JS_TOOLS_LOCK: &str =
    include_str!("../../../action-sdk/js/tools/package-lock.json");

/// One file of a new project: its path relative to the project folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProjectFile {
    pub path: String,
    pub contents: String,
}

fn file(path: impl Into<String>, contents: impl Into<String>) -> ProjectFile {
    ProjectFile {
        path: path.into(),
        contents: contents.into(),
    }
}

/// A template's text for the project `name`.
fn render(template: &str, name: &ActionName) -> String {
    template
        .replace(NAME_PLACEHOLDER, name.as_str())
        .replace(WASM_PLACEHOLDER, &format!("{name}.wasm"))
}

/// Every file of a new `lang` project named `name`.
pub fn project_files(lang: Lang, name: &ActionName) -> Vec<ProjectFile> {
    let mut files = match lang {
        Lang::Rust => rust_files(name),
        Lang::Python => vec![
            file("app.py", render(PYTHON_APP, name)),
            file("test_app.py", render(PYTHON_TEST, name)),
            file("bora_action.py", PYTHON_HELPER),
            file(".gitignore", format!("/{name}.wasm\n__pycache__/\n")),
        ],
        Lang::Js => vec![
            file("action.js", render(JS_ACTION, name)),
            file("bora_action.js", JS_HELPER),
            file(".gitignore", format!("/{name}.wasm\n")),
        ],
    };
    files.push(file("wit/action.wit", ACTION_WIT));
    files.push(file("README.md", readme(lang, name)));
    files
}

fn rust_files(name: &ActionName) -> Vec<ProjectFile> {
    let mut files = vec![
        file("Cargo.toml", rust_manifest(name)),
        file(
            "Cargo.lock",
            RUST_LOCK.replacen(RUST_LOCK_PACKAGE, &format!("name = \"{name}\""), 1),
        ),
        file("src/lib.rs", render(RUST_LIB, name)),
        file("bora-action-sdk/Cargo.toml", rust_sdk_manifest()),
        file(".gitignore", format!("/target\n/{name}.wasm\n")),
    ];
    files.extend(
        RUST_SDK
            .iter()
            .map(|(path, text)| file(format!("bora-action-sdk/{path}"), *text)),
    );
    files
}

fn rust_manifest(name: &ActionName) -> String {
    format!(
        r#"# A Bora action in Rust, made by `bora action new --lang rust {name}`.
# `bora action build {name}` runs `cargo build --release --target wasm32-wasip2`
# and copies the component to {name}.wasm; `cargo test` runs its logic natively.
[package]
name = "{name}"
version = "0.1.0"
edition = "2024"
publish = false

[lib]
crate-type = ["cdylib", "rlib"]

[dependencies]
# A copy of Bora's Rust SDK (action-sdk/ in the Bora repository).
bora-action-sdk = {{ path = "bora-action-sdk" }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = {{ version = "1", features = ["preserve_order"] }}

[profile.release]
opt-level = "s"
lto = true
strip = true
codegen-units = 1

[workspace]
"#
    )
}

fn rust_sdk_manifest() -> String {
    format!(
        r#"# Bora's Rust action SDK (action-sdk/ in the Bora repository), copied
# by `bora action new` from bora {version}. Its bindings are generated from
# ../wit/action.wit.
[package]
name = "bora-action-sdk"
version = "{version}"
edition = "2024"
license = "Apache-2.0"
publish = false

[dependencies]
serde = {{ version = "1", features = ["derive"] }}
serde_json = {{ version = "1", features = ["preserve_order", "raw_value"] }}
serde_path_to_error = "0.1"

[target.'cfg(target_arch = "wasm32")'.dependencies]
wit-bindgen = "0.63"
"#,
        version = env!("CARGO_PKG_VERSION")
    )
}

fn readme(lang: Lang, name: &ActionName) -> String {
    let (language, source, tools, test) = match lang {
        Lang::Rust => (
            "Rust",
            "`src/lib.rs` (the SDK is copied in `bora-action-sdk/`)",
            "cargo for the wasm32-wasip2 target (installed with rustup when missing)",
            "`cargo test` runs its unit tests natively.\n",
        ),
        Lang::Python => (
            "Python",
            "`app.py` (the kit's helper is `bora_action.py`)",
            "componentize-py, installed once into a virtualenv in bora's cache \
             (needs python3)",
            "`python3 -m unittest` runs `test_app.py` in plain CPython.\n",
        ),
        Lang::Js => (
            "JavaScript",
            "`action.js` (the kit's helper is `bora_action.js`)",
            "componentize-js, installed once with npm into bora's cache (needs node and npm)",
            "",
        ),
    };
    format!(
        "# {name}\n\n\
         A Bora action in {language}, made by `bora action new --lang {lang} {name}`.\n\
         It greets `name`. The action is {source};\n\
         `wit/action.wit` is the contract it implements.\n\n\
         Build it into `{name}/{name}.wasm` and run it:\n\n\
         ```sh\n\
         bora action build {name}\n\
         bora action run {name}/{name}.wasm --input '{{\"name\": \"Ada\"}}'\n\
         ```\n\n\
         The build uses {tools}.\n\
         {test}",
        lang = lang.as_str(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: &str) -> ActionName {
        ActionName::parse(s).expect("a valid name")
    }

    #[test]
    fn the_rust_kit_copies_every_source_file_of_the_sdk() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../action-sdk/src");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("action-sdk/src is readable")
            .filter_map(|e| e.ok())
            .map(|e| format!("src/{}", e.file_name().to_string_lossy()))
            .collect();
        on_disk.sort();
        let mut copied: Vec<String> = RUST_SDK.iter().map(|(p, _)| (*p).to_owned()).collect();
        copied.sort();
        assert_eq!(
            copied, on_disk,
            "RUST_SDK must list every file of action-sdk/src"
        );
    }

    #[test]
    fn every_template_names_the_action_after_the_project() {
        for (template, what) in [
            (RUST_LIB, "rust lib.rs"),
            (PYTHON_APP, "app.py"),
            (JS_ACTION, "action.js"),
        ] {
            assert!(template.contains(NAME_PLACEHOLDER), "{what}");
            let out = render(template, &name("hello_x"));
            assert!(!out.contains(NAME_PLACEHOLDER), "{what}");
            assert!(
                out.contains("\"hello_x\"") || out.contains("'hello_x'"),
                "{what}"
            );
        }
        assert!(RUST_LOCK.contains(RUST_LOCK_PACKAGE));
    }

    #[test]
    fn projects_have_their_files() {
        let paths = |lang| -> Vec<String> {
            project_files(lang, &name("hi"))
                .into_iter()
                .map(|f| f.path)
                .collect()
        };
        let rust = paths(Lang::Rust);
        for p in [
            "Cargo.toml",
            "Cargo.lock",
            "src/lib.rs",
            "bora-action-sdk/Cargo.toml",
            "bora-action-sdk/src/guest.rs",
            "wit/action.wit",
            "README.md",
        ] {
            assert!(rust.contains(&p.to_owned()), "{p} in {rust:?}");
        }
        assert!(paths(Lang::Python).contains(&"bora_action.py".to_owned()));
        assert!(paths(Lang::Js).contains(&"bora_action.js".to_owned()));
        let lock = project_files(Lang::Rust, &name("hi"))
            .into_iter()
            .find(|f| f.path == "Cargo.lock")
            .expect("a lock file");
        assert!(lock.contents.contains("name = \"hi\""));
    }

    /// The SDK copy's guest glue finds the WIT at `../wit`, where the
    /// project keeps it.
    #[test]
    fn the_sdk_copy_finds_the_wit_next_to_it() {
        let guest = RUST_SDK
            .iter()
            .find(|(p, _)| *p == "src/guest.rs")
            .map(|(_, t)| *t)
            .unwrap_or_default();
        assert!(guest.contains("path: \"../wit\""));
    }

    /// Every dependency of `action-sdk/Cargo.toml` is in the copy's
    /// manifest too.
    #[test]
    fn the_sdk_copy_has_the_sdk_dependencies() {
        let copy = rust_sdk_manifest();
        let mut in_deps = false;
        for line in RUST_SDK_MANIFEST.lines() {
            let line = line.trim();
            if line.starts_with('[') {
                in_deps = line.ends_with("dependencies]");
                continue;
            }
            if !in_deps || line.is_empty() || line.starts_with('#') {
                continue;
            }
            let dep = line.split(['=', '.']).next().unwrap_or_default().trim();
            assert!(copy.contains(&format!("\n{dep} =")), "{dep} missing");
        }
    }
}
