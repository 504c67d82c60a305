//! A plain `wasi:cli` command: a valid component that does not implement
//! the `bora:action` world (no `describe`, no `run`). The runtime must
//! reject it when loading it, naming what is missing.

fn main() {
    println!("I am a command, not an action");
}
