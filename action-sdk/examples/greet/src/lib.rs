//! `example.greet`: an example Bora action.
//!
//! Greets `name` (required) with `greeting` (default `"Hello"`), `times`
//! times (default 1, at most 10), and fails with details when `name` is
//! empty.

use bora_action_sdk::{Action, ActionError, ActionResult, Context, Param, done, log};
use serde::Deserialize;
use serde_json::json;

/// The action.
pub struct Greet;

/// Its input (the defaults live in [`Greet::PARAMS`]).
#[derive(Deserialize)]
pub struct Input {
    name: String,
    greeting: String,
    times: u8,
}

impl Action for Greet {
    type Input = Input;
    const NAME: &'static str = "example.greet";
    const DESCRIPTION: &'static str = "Greets someone.";
    const PARAMS: &'static [Param] = &[
        Param::required("name", "Who to greet."),
        Param::optional("greeting", "\"Hello\"", "The word to greet with."),
        Param::optional("times", "1", "How many greetings (1 to 10)."),
    ];

    fn run(input: Input, ctx: &Context) -> ActionResult {
        if input.name.trim().is_empty() {
            return Err(ActionError::new("name is empty").with_details(json!({"param": "name"})));
        }
        if !(1..=10).contains(&input.times) {
            return Err(ActionError::new(format!(
                "times must be between 1 and 10, not {}",
                input.times
            )));
        }
        log::info(&format!("greeting {} as {}", input.name, ctx.action_name));
        let line = format!("{}, {}!", input.greeting, input.name);
        done(json!({
            "greetings": vec![line; usize::from(input.times)],
            "execution_id": ctx.execution_id,
        }))
    }
}

bora_action_sdk::export_action!(Greet);

#[cfg(test)]
mod tests {
    use super::*;
    use bora_action_sdk::{Outcome, invoke};

    fn ctx() -> Context {
        Context {
            action_name: "example.greet".into(),
            ..Context::default()
        }
    }

    #[test]
    fn greets_with_defaults() {
        let out = invoke::<Greet>(r#"{"name": "Ada"}"#, &ctx());
        let Ok(Outcome::Done(result)) = out else {
            panic!("expected a result, got {out:?}");
        };
        assert_eq!(
            result.to_value().ok(),
            Some(json!({"greetings": ["Hello, Ada!"], "execution_id": null}))
        );
    }

    #[test]
    fn bad_input_names_the_parameter() {
        let err = invoke::<Greet>(r#"{"name": "Ada", "times": "x"}"#, &ctx()).unwrap_err();
        assert!(err.message().contains("parameter 'times'"), "{err}");
        let err = invoke::<Greet>(r#"{"name": " "}"#, &ctx()).unwrap_err();
        assert_eq!(err.details(), Some(&json!({"param": "name"})));
    }
}
