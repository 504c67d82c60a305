//! `std.async_noop`: an asynchronous action that does nothing. It returns
//! `pending`, so the action execution stays RUNNING until it is completed
//! from outside (`PUT /v2/action_executions/{id}`).

use bora_action_sdk::{Action, ActionResult, Context, Param, pending};
use serde::Deserialize;

struct AsyncNoop;

#[derive(Deserialize)]
struct Input {}

impl Action for AsyncNoop {
    type Input = Input;
    const NAME: &'static str = "std.async_noop";
    const DESCRIPTION: &'static str =
        "Does nothing and stays running until completed through the API.";
    const PARAMS: &'static [Param] = &[];
    const IS_ASYNC: bool = true;

    fn run(_input: Input, _ctx: &Context) -> ActionResult {
        pending()
    }
}

bora_action_sdk::export_action!(AsyncNoop);
