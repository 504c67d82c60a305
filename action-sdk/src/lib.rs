//! The Rust SDK for Bora actions.
//!
//! An action is a WASI 0.2 component implementing the `bora:action` world in
//! `wit/action.wit`. This crate turns that contract into a short Rust API:
//!
//! * [`Action`]: a trait with the action's name, description, parameters
//!   ([`Param`], with defaults as JSON) and a typed `run` over a serde input;
//! * [`done`], [`pending`] and [`ActionError`]: the result and error helpers;
//! * [`log`]: the host's log import;
//! * [`execution`]: the workflow's name and the callback URL, on demand;
//! * [`ssh`]: a command on another host, for the actions granted it;
//! * [`export_action!`]: the one macro that exports a type as the component.
//!
//! ```ignore
//! use bora_action_sdk::{Action, ActionResult, Context, Param, done};
//! use serde::Deserialize;
//!
//! struct Greet;
//!
//! #[derive(Deserialize)]
//! struct Input { name: String }
//!
//! impl Action for Greet {
//!     type Input = Input;
//!     const NAME: &'static str = "example.greet";
//!     const DESCRIPTION: &'static str = "Greets someone.";
//!     const PARAMS: &'static [Param] = &[Param::required("name", "Who to greet")];
//!
//!     fn run(input: Input, _ctx: &Context) -> ActionResult {
//!         done(format!("Hello, {}!", input.name))
//!     }
//! }
//!
//! bora_action_sdk::export_action!(Greet);
//! ```
//!
//! Everything except the component glue also compiles for the host, so an
//! action's logic can be unit-tested natively through [`invoke`] and
//! [`describe`].

mod action;
pub mod execution;
mod input;
pub mod log;
mod outcome;
mod raw;
pub mod ssh;

#[cfg(target_arch = "wasm32")]
#[doc(hidden)]
pub mod guest;

pub use action::{Action, Context, Descriptor, describe, invoke};
pub use input::{InputError, Param, parse_input};
pub use outcome::{ActionError, ActionResult, Json, Outcome, done, pending};

/// Re-exports for the macro expansion; not part of the public API.
#[doc(hidden)]
pub mod __private {
    #[cfg(target_arch = "wasm32")]
    pub use crate::guest::{bindings, describe_export, run_export};
}

/// Exports an [`Action`] implementation as the component's `bora:action`
/// world (`describe` and `run`).
///
/// Use it once per crate, at the top level, on a type implementing
/// [`Action`]. Outside wasm builds it expands to nothing, so the action
/// crate still compiles (and can be unit-tested) on the host.
#[macro_export]
macro_rules! export_action {
    ($action:ty) => {
        #[cfg(target_arch = "wasm32")]
        const _: () = {
            struct __BoraActionComponent;

            impl $crate::__private::bindings::Guest for __BoraActionComponent {
                fn describe() -> $crate::__private::bindings::bora::action::types::Descriptor {
                    $crate::__private::describe_export::<$action>()
                }

                fn run(
                    input: ::std::string::String,
                    ctx: $crate::__private::bindings::bora::action::types::Context,
                ) -> ::std::result::Result<
                    $crate::__private::bindings::bora::action::types::Outcome,
                    $crate::__private::bindings::bora::action::types::ActionError,
                > {
                    $crate::__private::run_export::<$action>(input, ctx)
                }
            }

            $crate::__private::bindings::__export_bora_action!(
                __BoraActionComponent with_types_in $crate::__private::bindings
            );
        };
    };
}
