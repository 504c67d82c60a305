//! `std.mistral_http`: `std.http` that tells the remote side how to finish
//! the action, and waits for it. The request carries Mistral's headers (the
//! workflow's name, the execution, task and action execution ids, and the
//! callback URL); the action then stays RUNNING until the remote side
//! completes it with `PUT` on the callback URL. A response with an error
//! status (outside 200..=306) or no response at all fails it at once, as in
//! Mistral, whose executor completes an asynchronous action only when its
//! result is an error.
//!
//! One difference: Mistral's `Mistral-Callback-URL` is a bare path
//! (`/v2/action_executions/<id>`); Bora's is absolute, on the node's public
//! API address (`bora serve --public-url`), so that a worker elsewhere can
//! call it. A header whose value is unknown (no workflow outside one, no
//! public address in `bora run`) is left out, as requests leaves out a
//! header whose value is `None`.

use bora_action_sdk::{Action, ActionResult, Context, Param, execution, pending};
use http_common::{Input, PARAMS, Request};

struct MistralHttp;

impl Action for MistralHttp {
    type Input = Input;
    const NAME: &'static str = "std.mistral_http";
    const DESCRIPTION: &'static str = "Sends an HTTP request with Mistral's headers and waits \
         for the remote side to complete the action through the callback URL.";
    const PARAMS: &'static [Param] = PARAMS;
    const IS_ASYNC: bool = true;

    fn run(input: Input, ctx: &Context) -> ActionResult {
        let mut request = Request::from_input(input, Self::NAME)?;
        let workflow_name = execution::workflow_name();
        let callback_url = execution::callback_url();
        for (name, value) in mistral_headers(ctx, workflow_name, callback_url) {
            request.set_header(name, &value);
        }
        // The response itself is not the result: the remote side sends
        // that later. An error status fails the action (send's error).
        request.send()?;
        pending()
    }
}

bora_action_sdk::export_action!(MistralHttp);

/// Mistral's headers for a call, those with a value.
fn mistral_headers(
    ctx: &Context,
    workflow_name: Option<String>,
    callback_url: Option<String>,
) -> Vec<(&'static str, String)> {
    [
        ("Mistral-Workflow-Name", workflow_name),
        ("Mistral-Workflow-Execution-Id", ctx.execution_id.clone()),
        ("Mistral-Task-Id", ctx.task_id.clone()),
        (
            "Mistral-Action-Execution-Id",
            ctx.action_execution_id.clone(),
        ),
        ("Mistral-Callback-URL", callback_url),
    ]
    .into_iter()
    .filter_map(|(name, value)| value.map(|v| (name, v)))
    .collect()
}
