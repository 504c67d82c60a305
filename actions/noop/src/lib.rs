//! `std.noop`: does nothing and returns `null`.

use bora_action_sdk::{Action, ActionResult, Context, Param, done};
use serde::Deserialize;

struct Noop;

#[derive(Deserialize)]
struct Input {}

impl Action for Noop {
    type Input = Input;
    const NAME: &'static str = "std.noop";
    const DESCRIPTION: &'static str = "Does nothing; the result is null.";
    const PARAMS: &'static [Param] = &[];

    fn run(_input: Input, _ctx: &Context) -> ActionResult {
        done(())
    }
}

bora_action_sdk::export_action!(Noop);
