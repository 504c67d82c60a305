//! `std.test_dict`: returns `{"<key_prefix>0": val, ..., "<key_prefix><size-1>": val}`
//! (used to test large results).

use bora_action_sdk::{Action, ActionResult, Context, Param, done};
use serde::Deserialize;
use serde_json::{Map, Value};

struct TestDict;

#[derive(Deserialize)]
struct Input {
    size: i64,
    key_prefix: Value,
    val: Value,
}

impl Action for TestDict {
    type Input = Input;
    const NAME: &'static str = "std.test_dict";
    const DESCRIPTION: &'static str =
        "Returns a dict of `size` entries `<key_prefix><i>: val` (for testing).";
    const PARAMS: &'static [Param] = &[
        Param::optional("size", "0", "Number of entries."),
        Param::optional("key_prefix", "\"\"", "Prefix of every key."),
        Param::optional("val", "\"\"", "Value of every entry."),
    ];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        // Python's '%s' % key_prefix: a string as is, anything else as JSON.
        let prefix = match &input.key_prefix {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        };
        let mut dict = Map::new();
        // Python's range(size): a negative size gives an empty dict.
        for i in 0..input.size.max(0) {
            dict.insert(format!("{prefix}{i}"), input.val.clone());
        }
        done(dict)
    }
}

bora_action_sdk::export_action!(TestDict);
