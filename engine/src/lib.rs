//! Bora: a workflow service compatible with OpenStack Mistral whose actions run
//! as sandboxed WebAssembly components.
//!
//! # Layout
//!
//! - [`bora_lang`] (`engine/lang`): the Workflow Language v2 model, YAML loader and validator.
//! - [`bora_expr`] (`engine/expr`): YAQL and Jinja expressions, evaluated as Mistral does.
//! - [`runtime`]: the wasmtime host that runs action components under fuel,
//!   memory, wall-clock and network limits.
//! - [`cli`]: the `bora` command line (the only place that uses `anyhow`).

pub mod cli;
pub mod runtime;

pub use bora_expr;
pub use bora_lang;
