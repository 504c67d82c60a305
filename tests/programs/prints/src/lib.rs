//! Writes to stdout and stderr, logs through the host's `log` import at
//! every level, then returns a result: the host captures all of it.

use bora_action_sdk::{Action, ActionResult, Context, Param, done, log};
use serde::Deserialize;
use serde_json::json;

struct Prints;

#[derive(Deserialize)]
struct Input {}

impl Action for Prints {
    type Input = Input;
    const NAME: &'static str = "test.prints";
    const DESCRIPTION: &'static str = "Prints, logs, then succeeds.";
    const PARAMS: &'static [Param] = &[];

    fn run(_input: Input, ctx: &Context) -> ActionResult {
        println!("hello on stdout");
        eprintln!("hello on stderr");
        log::trace("log at trace");
        log::debug("log at debug");
        log::info("log at info");
        log::warn("log at warn");
        log::error("log at error");
        done(json!({"printed": true, "action_name": ctx.action_name}))
    }
}

bora_action_sdk::export_action!(Prints);
