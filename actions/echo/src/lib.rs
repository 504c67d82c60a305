//! `std.echo`: returns `output` unchanged, after waiting `delay` seconds.

use std::time::Duration;

use bora_action_sdk::{Action, ActionResult, Context, Json, Outcome, Param};
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

struct Echo;

#[derive(Deserialize)]
struct Input {
    /// Kept as the JSON text it came as: returned without being parsed or
    /// encoded again (a 1 MiB output costs one copy, not two codecs).
    output: Box<RawValue>,
    delay: Value,
}

/// Mistral's `float(delay)`: a number or a numeric string; anything else,
/// and anything negative or not finite, is no delay at all.
fn delay_seconds(delay: &Value) -> f64 {
    let seconds = match delay {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse::<f64>().ok(),
        Value::Bool(b) => Some(if *b { 1.0 } else { 0.0 }),
        _ => None,
    };
    match seconds {
        Some(s) if s.is_finite() && s > 0.0 => s,
        _ => 0.0,
    }
}

impl Action for Echo {
    type Input = Input;
    const NAME: &'static str = "std.echo";
    const DESCRIPTION: &'static str =
        "Returns its output parameter unchanged, optionally after a delay.";
    const PARAMS: &'static [Param] = &[
        Param::required("output", "The value to return."),
        Param::optional(
            "delay",
            "0",
            "Seconds to wait before returning (a float; negative or invalid means 0).",
        ),
    ];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        let delay = delay_seconds(&input.delay);
        if delay > 0.0 {
            // Duration::try_from_secs_f64 rejects values too large to represent.
            let d = Duration::try_from_secs_f64(delay).unwrap_or(Duration::MAX);
            std::thread::sleep(d);
        }
        Ok(Outcome::Done(Json::from(input.output)))
    }
}

bora_action_sdk::export_action!(Echo);
