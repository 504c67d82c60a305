//! Builds tiny guest workspaces for real (a nested cargo for wasm32-wasip2):
//! a good one yields a component, a broken one an error carrying rustc's
//! diagnostics.

use std::path::Path;

use bora_component_builder::{BuildError, Builder, COMPONENT_HEADER};

fn guest_workspace(dir: &Path, lib_rs: &str) {
    let write = |rel: &str, text: &str| {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("has a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write(
        "Cargo.toml",
        "[workspace]\nresolver = \"3\"\nmembers = [\"guest-one\"]\n",
    );
    write(
        "guest-one/Cargo.toml",
        "[package]\nname = \"guest-one\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
         [lib]\ncrate-type = [\"cdylib\"]\n",
    );
    write(
        "Cargo.lock",
        "version = 4\n\n[[package]]\nname = \"guest-one\"\nversion = \"0.1.0\"\n",
    );
    write("guest-one/src/lib.rs", lib_rs);
}

#[test]
fn a_guest_workspace_builds_to_components() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws");
    guest_workspace(
        &ws,
        "#[unsafe(no_mangle)]\npub extern \"C\" fn answer() -> u32 { 42 }\n",
    );
    let components = Builder::new(&ws, dir.path().join("target"))
        .build()
        .expect("the guest builds");
    assert_eq!(components.len(), 1, "{components:?}");
    assert_eq!(components[0].package, "guest-one");
    assert!(components[0].wasm.starts_with(dir.path().join("target")));
    let bytes = std::fs::read(&components[0].wasm).expect("read the component");
    assert!(bytes.starts_with(&COMPONENT_HEADER));
}

#[test]
fn a_broken_guest_reports_the_compiler_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ws = dir.path().join("ws");
    guest_workspace(&ws, "pub fn broken() -> u32 { \"not a number\" }\n");
    let err = Builder::new(&ws, dir.path().join("target"))
        .build()
        .expect_err("the guest does not compile");
    assert!(matches!(err, BuildError::Cargo { .. }), "{err:?}");
    let text = err.to_string();
    assert!(text.contains("mismatched types"), "{text}");
    assert!(text.contains("guest-one/src/lib.rs"), "{text}");
    assert!(
        text.contains("cargo build --release --target wasm32-wasip2 --locked"),
        "{text}"
    );
}
