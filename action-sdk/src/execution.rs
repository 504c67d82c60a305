//! What the host says about the call's execution beyond [`crate::Context`]
//! (the WIT `execution` import): the workflow's name and the callback URL.
//! Asked on demand, so actions that do not need them pay nothing.
//!
//! In a host build (unit tests) there is no host to ask: both are `None`.

/// Name of the workflow the call belongs to; `None` outside a workflow.
pub fn workflow_name() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        crate::guest::bindings::bora::action::execution::workflow_name()
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The URL at which an outside worker completes this action execution
/// (`PUT` with `{"state": "SUCCESS", "output": ...}`), on the node's public
/// API address; `None` when there is no action execution (`bora action
/// run`) or the node has no public address (`bora run`).
pub fn callback_url() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        crate::guest::bindings::bora::action::execution::callback_url()
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}
