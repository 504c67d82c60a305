//! The component glue (wasm builds only): the bindings generated from
//! `wit/action.wit` and the conversions between them and the SDK's types.
//! [`crate::export_action!`] expands to an `impl Guest` calling into here.

use crate::action::{self, Action, Context};
use crate::outcome::Outcome;

/// Bindings for the `bora:action` world, generated once here so that action
/// crates need neither `wit-bindgen` nor a copy of the WIT files.
#[allow(unsafe_code, clippy::all, missing_docs)]
pub mod bindings {
    wit_bindgen::generate!({
        path: "../wit",
        world: "action",
        export_macro_name: "__export_bora_action",
        pub_export_macro: true,
    });
}

use bindings::bora::action::types as wit;

/// `describe` export: the action's [`Action`] constants as a WIT descriptor.
pub fn describe_export<A: Action>() -> wit::Descriptor {
    let d = action::describe::<A>();
    wit::Descriptor {
        name: d.name,
        description: d.description,
        params: d
            .params
            .into_iter()
            .map(|p| wit::Param {
                name: p.name.to_owned(),
                default: p.default.map(str::to_owned),
                description: (!p.description.is_empty()).then(|| p.description.to_owned()),
            })
            .collect(),
        is_async: d.is_async,
    }
}

/// `run` export: parses the input, runs the action, encodes the outcome.
pub fn run_export<A: Action>(
    input: String,
    ctx: wit::Context,
) -> Result<wit::Outcome, wit::ActionError> {
    let ctx = Context {
        execution_id: ctx.execution_id,
        task_id: ctx.task_id,
        action_execution_id: ctx.action_execution_id,
        action_name: ctx.action_name,
    };
    match A::run_text(input, &ctx) {
        Ok(Outcome::Done(json)) => Ok(wit::Outcome::Done(json.into_string())),
        Ok(Outcome::Pending) => Ok(wit::Outcome::Pending),
        Err(e) => Err(wit::ActionError {
            message: e.message().to_owned(),
            details: e.details().map(|d| d.to_string()),
        }),
    }
}
