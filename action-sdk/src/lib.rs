//! The Rust SDK for Bora actions.
