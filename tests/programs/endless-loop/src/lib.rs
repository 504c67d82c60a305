//! Spins forever: stopped only by the fuel budget or the wall-clock deadline.

use bora_action_sdk::{Action, ActionResult, Context, Param};
use serde::Deserialize;

struct EndlessLoop;

#[derive(Deserialize)]
struct Input {}

impl Action for EndlessLoop {
    type Input = Input;
    const NAME: &'static str = "test.endless_loop";
    const DESCRIPTION: &'static str = "Never returns.";
    const PARAMS: &'static [Param] = &[];

    fn run(_input: Input, _ctx: &Context) -> ActionResult {
        let mut n: u64 = 0;
        loop {
            // black_box keeps the loop from being optimised into a trap.
            n = std::hint::black_box(n.wrapping_add(1));
        }
    }
}

bora_action_sdk::export_action!(EndlessLoop);
