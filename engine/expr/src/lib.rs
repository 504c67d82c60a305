//! Expressions of Mistral's Workflow Language: YAQL (`<% %>`) and Jinja (`{{ }}`).
//!
//! # Layout
//!
//! - [`yaql`]: a YAQL 3.2 interpreter (lexer, parser, evaluator, standard library).
//! - [`jinja`]: Jinja templates through minijinja, configured like Mistral's.
//! - [`eval`]: Mistral's rules for finding expressions in a string, splicing
//!   several into text, and evaluating nested data recursively.
//! - [`functions`]: Mistral's custom functions (`task()`, `env()`, `json_dump()`,
//!   ...) and the [`functions::ExprHost`] trait through which the engine supplies
//!   execution data, so this crate needs no database.
//!
//! - [`context`]: [`context::DataContext`], the layered data seen as `$` / `_`.
//! - [`dateutil`]: dateutil's free-form date parser, behind YAQL's `datetime(string)`.
//! - [`python`]: Python's formatting (`repr`, `str`, `json.dumps`), written once.
//! - [`random`]: the generator behind `uuid()`, `random()` and Jinja's
//!   `random`, drawn through [`ExprHost::random_u64`] so a host can make
//!   evaluations repeatable (time likewise through [`ExprHost::now_micros`]).
//! - [`limits`]: the budget of one evaluation ([`Limits`]: steps, bytes of
//!   values built, value and expression nesting, a deadline), passed in by
//!   the engine through [`ExprHost::limits`].
//!
//! Data in and out is `serde_json::Value` (with `preserve_order`, since Mistral
//! keeps dict insertion order).

pub mod context;
pub mod dateutil;
pub mod eval;
pub mod functions;
pub mod jinja;
pub mod limits;
pub mod python;
pub mod random;
pub mod yaql;

pub use context::DataContext;
pub use eval::{
    CompiledData, CompiledText, ExprError, Language, evaluate, evaluate_recursively, validate,
};
pub use functions::{ExecutionsFilter, ExprHost, NoHost};
pub use limits::{LimitError, LimitKind, Limits, check_depth};
