//! Precompiled components kept outside the process (in the store): native
//! code made once by `Engine::precompile_component`, loaded by any node whose
//! engine is compatible, so no node compiles a component twice.
//!
//! Loading native code is `unsafe` in wasmtime: the bytes must be an
//! artifact wasmtime wrote. [`deserialize`] only loads an artifact whose
//! engine key is this engine's and whose bytes hash to the digest recorded
//! when it was made; wasmtime then checks the header, its version and the
//! engine settings itself.

use wasmtime::Engine;
use wasmtime::component::Component;

use super::cache::content_hash;

/// A precompiled component.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Precompiled {
    /// Hex SHA-256 of the component it was compiled from.
    pub component_hash: String,
    /// The key of the engine that made it (see `Runtime::engine_key`).
    pub engine: String,
    /// The artifact (an ELF image with wasmtime's metadata).
    pub bytes: Vec<u8>,
    /// Hex SHA-256 of `bytes`, recorded when it was made.
    pub sha256: String,
}

/// Compiles a component with Cranelift (seconds for a large one: call it
/// off the async threads).
pub(crate) fn compile(
    engine: &Engine,
    engine_key: &str,
    wasm: &[u8],
) -> Result<Precompiled, String> {
    let bytes = engine
        .precompile_component(wasm)
        .map_err(|e| format!("{e:#}"))?;
    Ok(Precompiled {
        component_hash: content_hash(wasm),
        engine: engine_key.to_owned(),
        sha256: content_hash(&bytes),
        bytes,
    })
}

/// Loads an artifact made by an engine like `engine` (key `engine_key`).
/// Refuses one made for another engine or whose bytes changed since.
#[allow(unsafe_code)]
pub(crate) fn deserialize(
    engine: &Engine,
    engine_key: &str,
    artifact: &Precompiled,
) -> Result<Component, String> {
    if artifact.engine != engine_key {
        return Err(format!(
            "the precompiled component was made for engine {}, this node's is {engine_key}",
            artifact.engine
        ));
    }
    if content_hash(&artifact.bytes) != artifact.sha256 {
        return Err("the precompiled component does not match its SHA-256".to_owned());
    }
    // SAFETY: `Component::deserialize` loads native code that runs later,
    // so the bytes must be an artifact wasmtime produced. These are: they
    // are tagged with this engine's compatibility key, which only `compile`
    // above writes, they hash to the digest `compile` recorded with them
    // (nothing altered them in the store), and wasmtime checks the
    // artifact's header, version and engine settings before using it.
    unsafe { Component::deserialize(engine, &artifact.bytes) }.map_err(|e| format!("{e:#}"))
}
