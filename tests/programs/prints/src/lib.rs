//! Writes to stdout and stderr, logs through the host's `log` import at
//! every level, then returns a result: the host captures all of it. With
//! `say`, it also prints and logs that text (and returns it).

use bora_action_sdk::{Action, ActionResult, Context, Param, done, log};
use serde::Deserialize;
use serde_json::json;

struct Prints;

#[derive(Deserialize)]
struct Input {
    #[serde(default)]
    say: Option<String>,
}

impl Action for Prints {
    type Input = Input;
    const NAME: &'static str = "test.prints";
    const DESCRIPTION: &'static str = "Prints, logs, then succeeds.";
    const PARAMS: &'static [Param] = &[Param::optional(
        "say",
        "null",
        "Text to print, log and return too.",
    )];

    fn run(input: Input, ctx: &Context) -> ActionResult {
        println!("hello on stdout");
        eprintln!("hello on stderr");
        log::trace("log at trace");
        log::debug("log at debug");
        log::info("log at info");
        log::warn("log at warn");
        log::error("log at error");
        if let Some(say) = &input.say {
            println!("said: {say}");
            log::info(&format!("said: {say}"));
            return done(json!({"printed": true, "said": say}));
        }
        done(json!({"printed": true, "action_name": ctx.action_name}))
    }
}

bora_action_sdk::export_action!(Prints);
