//! `std.echo`: returns `output` unchanged, after waiting `delay` seconds.

use std::time::Duration;

use bora_action_sdk::{
    Action, ActionError, ActionResult, Context, Json, Outcome, Param, invoke, parse_input,
};
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

struct Echo;

#[derive(Deserialize)]
struct Input {
    /// Kept as the JSON text it came as: returned without being parsed or
    /// encoded again.
    output: Box<RawValue>,
    delay: Value,
}

/// [`Input`] borrowing `output` from the call's input text, which
/// `run_text` then cuts down to it: the result is the input's own buffer.
#[derive(Deserialize)]
struct Borrowed<'a> {
    #[serde(borrow)]
    output: &'a RawValue,
    delay: Value,
}

fn wait(delay: &Value) {
    let delay = delay_seconds(delay);
    if delay > 0.0 {
        // Duration::try_from_secs_f64 rejects values too large to represent.
        let d = Duration::try_from_secs_f64(delay).unwrap_or(Duration::MAX);
        std::thread::sleep(d);
    }
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
        wait(&input.delay);
        Ok(Outcome::Done(Json::from(input.output)))
    }

    /// A 1 MiB output costs no copy in the component: it is cut out of the
    /// input text in place.
    fn run_text(input: String, ctx: &Context) -> ActionResult {
        let (range, delay) = {
            let parsed: Borrowed<'_> = parse_input(Self::NAME, Self::PARAMS, &input)
                .map_err(|e| ActionError::new(e.to_string()))?;
            (Json::range_in(&input, parsed.output.get()), parsed.delay)
        };
        let Some(range) = range else {
            // Not a slice of the input after all: the ordinary way.
            return invoke::<Self>(&input, ctx);
        };
        match Json::from_input_part(input, range) {
            Ok(output) => {
                wait(&delay);
                Ok(Outcome::Done(output))
            }
            Err(input) => invoke::<Self>(&input, ctx),
        }
    }
}

bora_action_sdk::export_action!(Echo);
