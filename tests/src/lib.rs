//! Shared helpers for Bora's integration tests (the tests live in `tests/tests/`).
pub mod programs;
