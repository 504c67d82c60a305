//! The action runtime: runs WASI action components under wasmtime.
pub mod std_actions;
