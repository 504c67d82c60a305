//! Grows its memory without bound (1 MiB at a time, every page touched),
//! until the host's memory limit stops it.

use bora_action_sdk::{Action, ActionResult, Context, Param, done};
use serde::Deserialize;

struct MemoryHog;

#[derive(Deserialize)]
struct Input {}

impl Action for MemoryHog {
    type Input = Input;
    const NAME: &'static str = "test.memory_hog";
    const DESCRIPTION: &'static str = "Allocates memory until it is stopped.";
    const PARAMS: &'static [Param] = &[];

    fn run(_input: Input, _ctx: &Context) -> ActionResult {
        let mut chunks: Vec<Vec<u8>> = Vec::new();
        loop {
            chunks.push(std::hint::black_box(vec![1u8; 1 << 20]));
            if chunks.len() == usize::MAX {
                // Unreachable in practice; keeps `chunks` observably used.
                return done(chunks.len());
            }
        }
    }
}

bora_action_sdk::export_action!(MemoryHog);
