//! Fails with its own error carrying JSON details.

use bora_action_sdk::{Action, ActionError, ActionResult, Context, Param};
use serde::Deserialize;
use serde_json::json;

struct ErrorWithDetails;

#[derive(Deserialize)]
struct Input {}

impl Action for ErrorWithDetails {
    type Input = Input;
    const NAME: &'static str = "test.error_with_details";
    const DESCRIPTION: &'static str = "Always fails with details.";
    const PARAMS: &'static [Param] = &[];

    fn run(_input: Input, _ctx: &Context) -> ActionResult {
        Err(ActionError::new("the action failed on purpose")
            .with_details(json!({"code": 42, "items": ["a", "b"]})))
    }
}

bora_action_sdk::export_action!(ErrorWithDetails);
