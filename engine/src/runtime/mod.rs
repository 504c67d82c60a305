//! The action runtime: runs WASI action components under wasmtime.
