//! The standard actions (`std.echo`, `std.http`, ...) embedded in the
//! binary. They are WASI components compiled from the `actions/` workspace
//! by `engine/build.rs` during the normal build; this module only exposes
//! the generated table.

/// One embedded standard action.
#[derive(Debug, Clone, Copy)]
pub struct StdAction {
    /// The action's name, e.g. `std.echo`.
    pub name: &'static str,
    /// The component's bytes.
    pub wasm: &'static [u8],
}

include!(concat!(env!("OUT_DIR"), "/std_actions.rs"));

/// The embedded standard action called `name`, if there is one.
pub fn find(name: &str) -> Option<&'static StdAction> {
    STD_ACTIONS.iter().find(|a| a.name == name)
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
    }
}
