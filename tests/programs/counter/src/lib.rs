//! Counts its calls in a global: a fresh instance answers 1, an instance
//! kept warm between calls 2, 3, ... Prints and logs the count, so a test
//! sees whose output a call reports. `hold_mib` keeps that many MiB alive
//! (in the global) after the call; `trap` panics after counting.

use std::sync::Mutex;

use bora_action_sdk::{Action, ActionResult, Context, Param, done, log};
use serde::Deserialize;
use serde_json::json;

static CALLS: Mutex<u64> = Mutex::new(0);
static HELD: Mutex<Vec<Vec<u8>>> = Mutex::new(Vec::new());

struct Counter;

#[derive(Deserialize)]
struct Input {
    #[serde(default)]
    hold_mib: usize,
    #[serde(default)]
    trap: bool,
}

impl Action for Counter {
    type Input = Input;
    const NAME: &'static str = "test.counter";
    const DESCRIPTION: &'static str = "Counts the calls its instance has served.";
    const PARAMS: &'static [Param] = &[
        Param::optional("hold_mib", "0", "MiB to keep alive after the call."),
        Param::optional("trap", "false", "Panic after counting."),
    ];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        let calls = {
            let mut calls = CALLS.lock().unwrap_or_else(|e| e.into_inner());
            *calls += 1;
            *calls
        };
        println!("call {calls}");
        log::info(&format!("call {calls}"));
        if input.hold_mib > 0 {
            let mut held = HELD.lock().unwrap_or_else(|e| e.into_inner());
            held.push(std::hint::black_box(vec![1u8; input.hold_mib << 20]));
        }
        if input.trap {
            panic!("asked to trap at call {calls}");
        }
        done(json!({ "calls": calls }))
    }
}

bora_action_sdk::export_action!(Counter);
