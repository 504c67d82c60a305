//! The [`Action`] trait and the host-independent driver that runs one.

use serde::de::DeserializeOwned;

use crate::input::{Param, parse_input};
use crate::outcome::{ActionError, ActionResult};

/// Where a call comes from (the WIT `context` record). Outside a workflow
/// (`bora action run`, or an action execution started through the API) the
/// execution and task ids are `None`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    /// Id of the workflow execution this call belongs to.
    pub execution_id: Option<String>,
    /// Id of the task execution this call belongs to.
    pub task_id: Option<String>,
    /// Id of this action execution (what an outside worker uses to complete
    /// a pending action).
    pub action_execution_id: Option<String>,
    /// The name the action was invoked as, e.g. `std.echo`.
    pub action_name: String,
}

/// One action: its description and its typed `run`.
///
/// The input arrives as a JSON object. Before `run` is called the SDK checks
/// its keys against [`Action::PARAMS`] (missing required and unexpected
/// parameters are reported together, by name), fills in the declared
/// defaults, and deserializes it into [`Action::Input`]; a value of the wrong
/// type is reported with the parameter's name. So `Input` needs no
/// `#[serde(default)]`: the defaults live once, in `PARAMS`, which is also
/// what `describe` reports.
pub trait Action {
    /// The input, deserialized from the JSON object the action is called with.
    type Input: DeserializeOwned;

    /// The canonical name, e.g. `std.echo`.
    const NAME: &'static str;
    /// What the action does, for people.
    const DESCRIPTION: &'static str;
    /// The input parameters, in declaration order.
    const PARAMS: &'static [Param];
    /// True when `run` may return [`crate::pending`]: the action is completed
    /// later from outside Bora.
    const IS_ASYNC: bool = false;

    /// Runs the action.
    fn run(input: Self::Input, ctx: &Context) -> ActionResult;

    /// Runs the action on the call's input text, which it owns. The default
    /// checks and parses it ([`invoke`]) and calls [`Action::run`]. An
    /// action that returns part of its input as it came (`std.echo`) can
    /// parse it borrowed ([`crate::parse_input`]) and hand that part back
    /// in the input's own buffer ([`crate::Json::from_input_part`]): a
    /// large value then costs no copy in the component.
    fn run_text(input: String, ctx: &Context) -> ActionResult
    where
        Self: Sized,
    {
        invoke::<Self>(&input, ctx)
    }
}

/// What an action says about itself (the WIT `descriptor` record).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Descriptor {
    /// The canonical name.
    pub name: String,
    /// What the action does.
    pub description: String,
    /// The input parameters, in declaration order.
    pub params: Vec<Param>,
    /// Whether the action may return `pending`.
    pub is_async: bool,
}

/// The descriptor of `A`, as its `describe` export returns it.
pub fn describe<A: Action>() -> Descriptor {
    Descriptor {
        name: A::NAME.to_owned(),
        description: A::DESCRIPTION.to_owned(),
        params: A::PARAMS.to_vec(),
        is_async: A::IS_ASYNC,
    }
}

/// Runs `A` on a JSON input text, exactly as its `run` export does: input
/// check, defaults, deserialization, then [`Action::run`]. Bad input becomes
/// an [`ActionError`] whose message names the parameter.
pub fn invoke<A: Action>(input: &str, ctx: &Context) -> ActionResult {
    let input: A::Input =
        parse_input(A::NAME, A::PARAMS, input).map_err(|e| ActionError::new(e.to_string()))?;
    A::run(input, ctx)
}
