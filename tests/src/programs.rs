//! Test-only guest components, compiled from `tests/programs/` by
//! `tests/build.rs` and embedded here:
//!
//! * `ENDLESS_LOOP`: spins forever (fuel / deadline);
//! * `MEMORY_HOG`: grows memory without bound (memory limit);
//! * `READ_HOST_FILE`: reads `path` (default `/etc/passwd`) and returns
//!   `{read, path, content | error}` (no preopens: `read` is false);
//! * `HTTP_FETCH`: GETs `url` through wasi:http, returns `{status, body}`;
//! * `PANIC`: panics with "this action panics on purpose";
//! * `NOT_JSON`: returns `done("this is not json")`;
//! * `PRINTS`: prints "hello on stdout" / "hello on stderr", logs
//!   "log at <level>" at every level, returns `{printed: true, action_name}`;
//! * `ERROR_WITH_DETAILS`: fails with "the action failed on purpose" and
//!   details `{"code": 42, "items": ["a", "b"]}`;
//! * `OTHER_WORLD`: a plain wasi:cli command, not an action.

include!(concat!(env!("OUT_DIR"), "/programs.rs"));

#[cfg(test)]
mod tests {
    use super::*;

    const COMPONENT_HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

    #[test]
    fn every_program_is_a_component() {
        for (name, wasm) in [
            ("ENDLESS_LOOP", ENDLESS_LOOP),
            ("MEMORY_HOG", MEMORY_HOG),
            ("READ_HOST_FILE", READ_HOST_FILE),
            ("HTTP_FETCH", HTTP_FETCH),
            ("PANIC", PANIC),
            ("NOT_JSON", NOT_JSON),
            ("PRINTS", PRINTS),
            ("ERROR_WITH_DETAILS", ERROR_WITH_DETAILS),
            ("OTHER_WORLD", OTHER_WORLD),
        ] {
            assert!(
                wasm.starts_with(&COMPONENT_HEADER),
                "{name} is not a component"
            );
        }
    }
}
