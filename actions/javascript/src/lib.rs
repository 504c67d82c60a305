//! `std.javascript` (alias `std.js`): Mistral's `JavaScriptAction`. The
//! script is the body of a function called at once, with `$` set to
//! `context`; the returned value, encoded as `JSON.stringify` does
//! (`undefined` as null), is the result. Any JavaScript error fails the
//! action with `JavaScriptAction failed: <error>`, as in Mistral.
//!
//! The engine is Boa (pure Rust, in the component) instead of Mistral's V8:
//! the language is the same ECMAScript, without `Intl` and `Temporal`. The
//! script runs under the action's fuel, memory and time limits like any
//! other code, so an endless loop ends as out of fuel or a timeout.

use bora_action_sdk::{Action, ActionError, ActionResult, Context, Json, Outcome, Param};
use serde::Deserialize;
use serde_json::Value;

mod eval;

struct JavaScript;

#[derive(Deserialize)]
struct Input {
    script: String,
    context: Value,
}

impl Action for JavaScript {
    type Input = Input;
    const NAME: &'static str = "std.javascript";
    const DESCRIPTION: &'static str = "Evaluates given JavaScript: the script is a function body whose returned value is \
         the result; $ is the context.";
    const PARAMS: &'static [Param] = &[
        Param::required(
            "script",
            "The body of a function: `return` gives the result (JSON-encoded; undefined is null).",
        ),
        Param::optional("context", "null", "The value of `$` in the script."),
    ];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        eval::evaluate(&input.script, &input.context)
            .map(|raw| Outcome::Done(Json::from(raw)))
            .map_err(|e| ActionError::new(format!("JavaScriptAction failed: {e}")))
    }
}

bora_action_sdk::export_action!(JavaScript);

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use bora_action_sdk::invoke;
    use serde_json::json;

    use super::*;

    fn call(input: Value) -> ActionResult {
        invoke::<JavaScript>(&input.to_string(), &Context::default())
    }

    #[test]
    fn returns_the_value_and_fails_in_mistral_wording() {
        let Ok(Outcome::Done(result)) = call(json!({"script": "return $.a + $.b",
                                                     "context": {"a": 1, "b": 2}}))
        else {
            panic!("no result");
        };
        assert_eq!(result.to_value().unwrap(), json!(3));
        let err = call(json!({"script": "throw new Error('boom')"})).unwrap_err();
        assert_eq!(err.message(), "JavaScriptAction failed: Error: boom");
        let err = call(json!({"context": 1})).unwrap_err();
        assert!(err.message().contains("missing=[script]"), "{err}");
    }
}
