//! Panics with a known message; the runtime reports a trap and keeps going.

use bora_action_sdk::{Action, ActionResult, Context, Param};
use serde::Deserialize;

struct Panic;

#[derive(Deserialize)]
struct Input {}

/// The message the panic carries (tests look for it).
pub const MESSAGE: &str = "this action panics on purpose";

impl Action for Panic {
    type Input = Input;
    const NAME: &'static str = "test.panic";
    const DESCRIPTION: &'static str = "Panics.";
    const PARAMS: &'static [Param] = &[];

    #[allow(clippy::panic)]
    fn run(_input: Input, _ctx: &Context) -> ActionResult {
        panic!("{MESSAGE}");
    }
}

bora_action_sdk::export_action!(Panic);
