//! `std.fail`: always fails. With `error_data` the error carries it as its
//! details (what a workflow sees as the failed task's result); without, the
//! message is Mistral's `Fail action expected exception.`.

use bora_action_sdk::{Action, ActionError, ActionResult, Context, Param};
use serde::Deserialize;
use serde_json::Value;

struct Fail;

#[derive(Deserialize)]
struct Input {
    error_data: Value,
}

impl Action for Fail {
    type Input = Input;
    const NAME: &'static str = "std.fail";
    const DESCRIPTION: &'static str =
        "Always fails; error_data, when given, is the error's result.";
    const PARAMS: &'static [Param] = &[Param::optional(
        "error_data",
        "null",
        "The failed result to report; null for a plain failure.",
    )];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        Err(match input.error_data {
            Value::Null => ActionError::new("Fail action expected exception."),
            Value::String(s) => ActionError::new(s.clone()).with_details(s),
            data => ActionError::new(data.to_string()).with_details(data),
        })
    }
}

bora_action_sdk::export_action!(Fail);
