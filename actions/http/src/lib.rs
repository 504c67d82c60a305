//! `std.http`: one HTTP request over `wasi:http`, with Mistral's inputs and
//! result shape (the request itself is `http-common`'s, shared with
//! `std.mistral_http`).

use bora_action_sdk::{Action, ActionResult, Context, Param, done};
use http_common::{Input, PARAMS, Request};

struct Http;

impl Action for Http {
    type Input = Input;
    const NAME: &'static str = "std.http";
    const DESCRIPTION: &'static str = "Sends an HTTP request and returns the response.";
    const PARAMS: &'static [Param] = PARAMS;

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        done(Request::from_input(input, Self::NAME)?.send()?)
    }
}

bora_action_sdk::export_action!(Http);
