//! Tries to read `/etc/passwd` (or the `path` it is given) through the WASI
//! filesystem and reports what happened. The host grants no preopened
//! directories, so the read must fail.

use bora_action_sdk::{Action, ActionResult, Context, Param, done};
use serde::Deserialize;
use serde_json::json;

struct ReadHostFile;

#[derive(Deserialize)]
struct Input {
    path: String,
}

impl Action for ReadHostFile {
    type Input = Input;
    const NAME: &'static str = "test.read_host_file";
    const DESCRIPTION: &'static str = "Reads a host file, if it can.";
    const PARAMS: &'static [Param] = &[Param::optional("path", "\"/etc/passwd\"", "The file.")];

    fn run(input: Input, _ctx: &Context) -> ActionResult {
        match std::fs::read_to_string(&input.path) {
            Ok(content) => done(json!({"read": true, "path": input.path, "content": content})),
            Err(e) => done(json!({"read": false, "path": input.path, "error": e.to_string()})),
        }
    }
}

bora_action_sdk::export_action!(ReadHostFile);
