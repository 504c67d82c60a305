//! The on-disk cache of precompiled components. A component is compiled once
//! (Cranelift takes ~0.2 s for a small Rust action, seconds for Python or JS)
//! and kept as `<component sha256>-<engine hash>.cwasm`, where the engine
//! hash covers wasmtime's version and every setting that affects code
//! generation; a sibling `.sha256` file holds the digest of the artifact,
//! checked before it is mapped into memory.

use std::hash::Hasher;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use wasmtime::Engine;
use wasmtime::component::Component;

/// Where artifacts live, and the engine they were compiled for.
pub(crate) struct ComponentCache {
    dir: Option<PathBuf>,
    engine_hash: String,
}

/// How a component was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CacheOutcome {
    /// Mapped from an artifact already on disk.
    Hit,
    /// Compiled now and written to the cache.
    Compiled,
    /// Compiled now; no cache (disabled, or it could not be written).
    CompiledUncached,
    /// Loaded from a precompiled artifact kept in the store.
    Precompiled,
}

/// A `Hasher` that feeds everything into SHA-256: stable across processes and
/// Rust versions, unlike `DefaultHasher`.
struct Sha256Hasher(Sha256);

impl Hasher for Sha256Hasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0.update(bytes);
    }
    fn finish(&self) -> u64 {
        // Only `write` is used; the digest is read through `finalize`.
        0
    }
}

/// Hex SHA-256 of a component's bytes.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Hex SHA-256 of the engine's precompile compatibility hash: wasmtime's
/// version, the target and its CPU features, and every setting that affects
/// code generation. Artifacts are only loaded into an engine with the same.
pub(crate) fn engine_key(engine: &Engine) -> String {
    let mut hasher = Sha256Hasher(Sha256::new());
    std::hash::Hash::hash(&engine.precompile_compatibility_hash(), &mut hasher);
    hex::encode(hasher.0.finalize())
}

impl ComponentCache {
    pub(crate) fn new(engine: &Engine, dir: Option<PathBuf>) -> Self {
        let engine_hash = engine_key(engine);
        Self {
            dir,
            engine_hash: engine_hash[..16].to_string(),
        }
    }

    fn paths(&self, hash: &str) -> Option<(PathBuf, PathBuf)> {
        let dir = self.dir.as_ref()?;
        let stem = format!("{hash}-{}", self.engine_hash);
        Some((
            dir.join(format!("{stem}.cwasm")),
            dir.join(format!("{stem}.sha256")),
        ))
    }

    /// Returns the compiled component for `bytes` (whose hash is `hash`),
    /// from the cache when possible. Compilation errors are returned as text.
    pub(crate) fn get_or_compile(
        &self,
        engine: &Engine,
        hash: &str,
        bytes: &[u8],
    ) -> Result<(Component, CacheOutcome), String> {
        let Some((artifact, digest)) = self.paths(hash) else {
            return compile(engine, bytes).map(|c| (c, CacheOutcome::CompiledUncached));
        };
        if let Some(component) = load_checked(engine, &artifact, &digest) {
            return Ok((component, CacheOutcome::Hit));
        }
        let serialized = engine
            .precompile_component(bytes)
            .map_err(|e| format!("{e:#}"))?;
        match write_artifact(&artifact, &digest, &serialized) {
            Ok(()) => {
                if let Some(component) = load_checked(engine, &artifact, &digest) {
                    return Ok((component, CacheOutcome::Compiled));
                }
            }
            Err(err) => tracing::warn!(
                path = %artifact.display(),
                error = %err,
                "cannot write the component cache; compiling in memory"
            ),
        }
        compile(engine, bytes).map(|c| (c, CacheOutcome::CompiledUncached))
    }
}

fn compile(engine: &Engine, bytes: &[u8]) -> Result<Component, String> {
    Component::from_binary(engine, bytes).map_err(|e| format!("{e:#}"))
}

/// Writes the artifact and its digest through temporary files and renames,
/// so a concurrent reader never sees a partial file.
fn write_artifact(artifact: &Path, digest: &Path, serialized: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = artifact.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let unique = format!("{}.{:?}", std::process::id(), std::thread::current().id());
    let tmp_artifact = artifact.with_extension(format!("cwasm.tmp{unique}"));
    let tmp_digest = digest.with_extension(format!("sha256.tmp{unique}"));
    std::fs::write(&tmp_artifact, serialized)?;
    std::fs::write(&tmp_digest, content_hash(serialized))?;
    std::fs::rename(&tmp_artifact, artifact)?;
    std::fs::rename(&tmp_digest, digest)?;
    Ok(())
}

/// Maps a cached artifact if it exists, its digest matches and wasmtime
/// accepts it for this engine; otherwise `None` (and it gets recompiled).
#[allow(unsafe_code)]
fn load_checked(engine: &Engine, artifact: &Path, digest: &Path) -> Option<Component> {
    let expected = std::fs::read_to_string(digest).ok()?;
    let data = std::fs::read(artifact).ok()?;
    if content_hash(&data) != expected.trim() {
        tracing::warn!(path = %artifact.display(), "cached component is corrupt; recompiling");
        return None;
    }
    // SAFETY: `deserialize_file` maps native code from the file and runs it
    // later, so the file must be an artifact wasmtime produced. This one is:
    // we wrote it ourselves (`write_artifact`, from `precompile_component`)
    // under a name made of the component's content hash and this engine's
    // compatibility hash, we just checked its SHA-256 against the digest we
    // wrote next to it, and wasmtime itself checks its header, version and
    // engine settings before using it.
    match unsafe { Component::deserialize_file(engine, artifact) } {
        Ok(component) => Some(component),
        Err(err) => {
            tracing::warn!(path = %artifact.display(), error = %err, "cached component rejected; recompiling");
            None
        }
    }
}
