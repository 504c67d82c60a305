//! `std.sleep`: waits `seconds` (through the WASI monotonic clock, which is
//! what `std::thread::sleep` uses on wasm32-wasip2) and returns `null`.

use std::time::Duration;

use bora_action_sdk::{Action, ActionResult, Context, Param, done};
use serde::Deserialize;
use serde_json::Value;

struct Sleep;

#[derive(Deserialize)]
struct Input {
    seconds: Value,
}

/// Mistral's `int(seconds)`: a number (truncated) or an integer string;
/// anything else, and anything negative, is no wait at all.
fn whole_seconds(seconds: &Value) -> u64 {
    match seconds {
        Value::Number(n) => n
            .as_u64()
            .or_else(|| n.as_f64().filter(|f| *f >= 1.0).map(|f| f as u64))
            .unwrap_or(0),
        Value::String(s) => s.trim().parse::<u64>().unwrap_or(0),
        Value::Bool(true) => 1,
        _ => 0,
    }
}

impl Action for Sleep {
    type Input = Input;
    const NAME: &'static str = "std.sleep";
    const DESCRIPTION: &'static str = "Waits the given number of seconds; the result is null.";
    const PARAMS: &'static [Param] = &[Param::optional(
        "seconds",
        "1",
        "Whole seconds to wait (negative or invalid means 0).",
    )];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        let seconds = whole_seconds(&input.seconds);
        if seconds > 0 {
            std::thread::sleep(Duration::from_secs(seconds));
        }
        done(())
    }
}

bora_action_sdk::export_action!(Sleep);
