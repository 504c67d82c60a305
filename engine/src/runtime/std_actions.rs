//! The standard actions (`std.echo`, `std.http`, ...) embedded in the
//! binary. They are WASI components compiled from the `actions/` workspace
//! by `engine/build.rs` during the normal build; this module only exposes
//! the generated table, the aliases and which actions load lazily.

use serde_json::Value;

use super::input::{Descriptor, Param};

/// One embedded standard action.
#[derive(Debug, Clone, Copy)]
pub struct StdAction {
    /// The action's name, e.g. `std.echo`.
    pub name: &'static str,
    /// The component's bytes.
    pub wasm: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/std_actions.rs"));

/// Other names of standard actions, as Mistral registers them: each is the
/// same action (one component, loaded once) under a second name, listed
/// and callable like the first.
pub const ALIASES: &[(&str, &str)] = &[("std.js", "std.javascript")];

/// The action an alias stands for; any other name as it is.
pub fn canonical(name: &str) -> &str {
    ALIASES
        .iter()
        .find(|(alias, _)| *alias == name)
        .map_or(name, |(_, action)| action)
}

/// The embedded standard action called `name` (or aliased so), if there
/// is one.
pub fn find(name: &str) -> Option<&'static StdAction> {
    let name = canonical(name);
    STD_ACTIONS.iter().find(|a| a.name == name)
}

/// Every name a standard action answers to: the actions', then the
/// aliases.
pub fn names() -> impl Iterator<Item = &'static str> {
    STD_ACTIONS
        .iter()
        .map(|a| a.name)
        .chain(ALIASES.iter().map(|(alias, _)| *alias))
}

/// Standard actions compiled on their first call instead of when the
/// runtime starts: `std.javascript` carries a JavaScript engine, whose
/// compilation by Cranelift takes seconds, a cost every start (and every
/// runtime a test makes) would pay for an action few workflows call.
pub fn loads_lazily(name: &str) -> bool {
    canonical(name) == "std.javascript"
}

/// What a lazily loaded standard action describes, for the catalogue and
/// the input check of `POST /v2/action_executions` before its first call
/// (`tests/runtime_std.rs` checks it against the component's
/// `describe()`).
pub(crate) fn lazy_descriptor(name: &str) -> Option<Descriptor> {
    let param = |name: &str, default: Option<Value>, description: &str| Param {
        name: name.to_owned(),
        default,
        description: Some(description.to_owned()),
    };
    match canonical(name) {
        "std.javascript" => Some(Descriptor {
            name: "std.javascript".to_owned(),
            description: "Evaluates given JavaScript: the script is a function body whose \
                          returned value is the result; $ is the context."
                .to_owned(),
            params: vec![
                param(
                    "script",
                    None,
                    "The body of a function: `return` gives the result (JSON-encoded; \
                     undefined is null).",
                ),
                param(
                    "context",
                    Some(Value::Null),
                    "The value of `$` in the script.",
                ),
            ],
            is_async: false,
        }),
        _ => None,
    }
}

/// Standard actions that finish in microseconds whatever their input
/// (bounded by their input's size): `std.noop`, `std.async_noop`,
/// `std.echo`, `std.fail`. The executor runs them in a lane of their own,
/// so they never queue behind long actions holding every slot.
pub fn is_quick(name: &str) -> bool {
    matches!(
        name,
        "std.noop" | "std.async_noop" | "std.echo" | "std.fail"
    )
}

/// Standard actions granted the `ssh` import unless their load says
/// otherwise (see [`super::Limits::ssh`]).
pub fn granted_ssh(name: &str) -> bool {
    matches!(name, "std.ssh" | "std.ssh_proxied")
}

/// Quick actions that also finish at once and have no side effects: the
/// engine may run them inside the step that asks for them
/// (`scheduler::inline`). `std.async_noop` is quick but completes later.
pub fn runs_inline(name: &str) -> bool {
    is_quick(name) && name != "std.async_noop"
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a component starts with (a core module has version 1, layer 0).
    const COMPONENT_HEADER: [u8; 8] = [0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00];

    #[test]
    fn every_std_action_is_an_embedded_component() {
        let expected = [
            "std.async_noop",
            "std.echo",
            "std.email",
            "std.fail",
            "std.http",
            "std.javascript",
            "std.mistral_http",
            "std.noop",
            "std.sleep",
            "std.ssh",
            "std.ssh_proxied",
            "std.test_dict",
        ];
        for name in expected {
            let action = find(name).unwrap_or_else(|| panic!("{name} is not embedded"));
            assert!(
                action.wasm.starts_with(&COMPONENT_HEADER),
                "{name} is not a component"
            );
        }
        let names: Vec<&str> = STD_ACTIONS.iter().map(|a| a.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted, "STD_ACTIONS is sorted by name");
        assert_eq!(names.len(), expected.len(), "{names:?}");
    }

    #[test]
    fn aliases_name_the_same_embedded_action() {
        let js = find("std.js").expect("std.js");
        assert_eq!(js.name, "std.javascript");
        assert!(std::ptr::eq(
            js,
            find("std.javascript").expect("std.javascript")
        ));
        assert_eq!(canonical("std.js"), "std.javascript");
        assert_eq!(canonical("std.echo"), "std.echo");
        assert!(find("std.jsx").is_none());
        assert!(names().any(|n| n == "std.js") && names().any(|n| n == "std.javascript"));
        // An alias is an action of its own for nothing else.
        for (alias, action) in ALIASES {
            assert!(
                find(action).is_some(),
                "{alias} stands for a missing {action}"
            );
            assert!(STD_ACTIONS.iter().all(|a| a.name != *alias), "{alias}");
        }
    }

    #[test]
    fn only_the_javascript_engine_loads_lazily_and_it_is_not_quick() {
        let lazy: Vec<&str> = names().filter(|n| loads_lazily(n)).collect();
        assert_eq!(lazy, ["std.javascript", "std.js"]);
        for name in lazy {
            assert!(!is_quick(name), "{name} runs scripts of any length");
            let described = lazy_descriptor(name).expect("a descriptor");
            assert_eq!(described.input_spec(), "script, context=null");
        }
        assert!(lazy_descriptor("std.echo").is_none());
    }
}
