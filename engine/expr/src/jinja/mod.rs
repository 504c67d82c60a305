//! Jinja expressions through minijinja, configured like Mistral's
//! `SandboxedEnvironment(undefined=StrictUndefined, trim_blocks=True,
//! lstrip_blocks=True)`.
//!
//! What this module adds on top of minijinja's defaults, so that templates
//! written for Mistral (Jinja2 3.1) behave the same:
//! - the data is `_`, an [`Object`] backed by the [`DataContext`] (top-level
//!   keys are looked up and converted on demand, never the whole context);
//!   `__env`, `__execution` and `__task_execution` are globals taken from it;
//! - Mistral's custom functions are globals (bound to the data, as Mistral's
//!   `partial(fn, data_context)`) and filters (where the piped value is the
//!   function's *context* argument, so `{{ x | json_dump }}` fails as in
//!   Mistral);
//! - values are written with Python's `str()` (`True`, `None`, `{'a': 1}`);
//! - Python methods on values (`_.get('k')`, `s.strip()`, `l.index(3)`, ...);
//! - filters and tests whose Jinja2 behaviour differs from minijinja's
//!   (`round`, `int`, `sum`, `min`/`max`, `tojson`, `groupby`, `sequence`, ...).
//!
//! Functions that read execution data (`task()`, `execution()`, ...) need the
//! caller's [`ExprHost`], a borrowed trait object that minijinja's `'static`
//! functions cannot hold. Templates that mention one of those names are
//! therefore run on a scoped worker thread whose host calls are answered by
//! the calling thread over channels; all other templates run inline.

use std::cell::RefCell;
use std::cmp::Ordering;
use std::fmt::Write as _;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, LazyLock};

use minijinja::value::{Enumerator, Kwargs, Object, Rest, ValueKind};
use minijinja::{Environment, Error, ErrorKind, State, UndefinedBehavior, Value};
use regex::Regex;
use serde_json::Value as Json;

use crate::context::DataContext;
use crate::functions::{self, ExecutionsFilter, ExprHost, NoHost};
use crate::limits::{LimitError, LimitKind, Limits};
use crate::python;

/// Registers functions, filters or tests from a table:
/// `register!(env, add_filter, "name" => function, ...)`.
macro_rules! register {
    ($env:expr, $add:ident, $($name:literal => $f:expr),+ $(,)?) => {
        $( $env.$add($name, $f); )+
    };
}

mod budget;
mod checks;
mod data;
mod filters;
mod globals;
mod helpers;
mod host;
mod methods;
mod mistral;
pub mod names;
mod pyvalue;
mod random;
mod text;
mod unary;

use data::*;
use filters::*;
use helpers::*;
use host::*;
use methods::*;
use pyvalue::*;
use random::random_index;
use text::*;
use unary::*;

pub use data::to_json;
pub use pyvalue::py_str;

/// A Jinja compile or evaluation error; `message` is the bare reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct JinjaError {
    pub message: String,
    /// Set when the error is a limit exceeded (see [`crate::limits`]).
    pub limit: Option<LimitError>,
}

impl JinjaError {
    fn new(message: impl Into<String>) -> Self {
        Self {
            message: message.into(),
            limit: None,
        }
    }
}

impl From<LimitError> for JinjaError {
    fn from(error: LimitError) -> Self {
        Self {
            message: error.to_string(),
            limit: Some(error),
        }
    }
}

impl From<Error> for JinjaError {
    fn from(err: Error) -> Self {
        let message = match (err.kind(), err.detail()) {
            (ErrorKind::UndefinedError, Some(detail)) => format!("undefined value: {detail}"),
            (ErrorKind::UndefinedError, None) => "undefined value".to_string(),
            (_, Some(detail)) => detail.to_string(),
            (kind, None) => kind.to_string(),
        };
        // Fuel is the step limit; its amount is filled in by `within`.
        let limit =
            (err.kind() == ErrorKind::OutOfFuel).then_some(LimitError::new(LimitKind::Steps(0)));
        Self { message, limit }
    }
}

/// An evaluation error; one caused by an undefined value says what was
/// missing, as Jinja2's StrictUndefined does, when the data can tell.
fn named_undefined(err: Error) -> JinjaError {
    let undefined = err.kind() == ErrorKind::UndefinedError
        || (err.kind() == ErrorKind::InvalidOperation
            && err.detail().is_some_and(|d| d.contains("undefined")));
    match undefined.then(data::miss::take).flatten() {
        Some(missing) => JinjaError::new(missing),
        None => err.into(),
    }
}

/// The result of an evaluation that went past the limit `tripped`, if any:
/// an error is a limit error when a limit was exceeded on the way (even if
/// a filter turned it into another error), and fuel running out is the
/// step limit.
fn within<R>(
    limits: &Limits,
    tripped: Option<LimitError>,
    result: Result<R, JinjaError>,
) -> Result<R, JinjaError> {
    // Errors only: a result goes through untouched.
    result.map_err(|e| match tripped {
        Some(limit) => limit.into(),
        None if e.limit == Some(LimitError::new(LimitKind::Steps(0))) => {
            LimitError::new(LimitKind::Steps(limits.max_steps)).into()
        }
        None => e,
    })
}

/// The depth limit of an evaluation (`limits` clamped), against a text's
/// nesting.
fn check_depth_limit(limits: &Limits, depth: usize) -> Result<(), JinjaError> {
    let max = limits.max_expression_depth;
    if depth > max {
        return Err(LimitError::new(LimitKind::ExpressionDepth(max)).into());
    }
    Ok(())
}

/// The shared environment for whole expressions (`{{ expr }}`).
static ENV: LazyLock<Environment<'static>> = LazyLock::new(build_env);

/// Names of the functions that need the [`ExprHost`].
static HOST_NAMES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:task|tasks|execution|executions|global)\b")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

/// A whole-string `{{ expr }}`: compiled once, evaluated to a native value.
pub struct JinjaExpression {
    /// The text given to minijinja.
    source: String,
    /// Compiled against the environment of each fuel amount used.
    forms: budget::PerFuel<minijinja::Expression<'static, 'static>>,
    /// The nesting bound of the text.
    depth: usize,
    host_use: HostUse,
    /// Whether it may draw random numbers (see [`random::draws`]).
    draws: bool,
}

impl std::fmt::Debug for JinjaExpression {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JinjaExpression")
            .field("host_use", &self.host_use)
            .finish_non_exhaustive()
    }
}

impl JinjaExpression {
    /// Compiles the text between `{{` and `}}`.
    pub fn compile(source: &str) -> Result<Self, JinjaError> {
        // Before minijinja sees it: its parser and compiler recurse once per
        // term of an operator chain.
        let depth = budget::check_nesting(source, true)?;
        let expression = Self {
            source: bind_unary_operators(source),
            forms: budget::PerFuel::new(),
            depth,
            host_use: host_use(source),
            draws: random::draws(source),
        };
        // Grammar errors are reported now.
        expression.form(Limits::DEFAULT.max_steps)?;
        Ok(expression)
    }

    /// The compiled form for a step limit (an expression never loops).
    fn form(
        &self,
        max_steps: u64,
    ) -> Result<budget::Form<'_, minijinja::Expression<'static, 'static>>, JinjaError> {
        let fuel = budget::fuel_for(&self.source, false, max_steps);
        self.forms.get(fuel, |fuel| {
            let env = budget::fueled_env(&ENV, fuel);
            env.compile_expression_owned(self.source.clone())
                .map_err(JinjaError::from)
        })
    }

    /// Evaluates against `data`; the result is converted to JSON.
    pub fn evaluate(&self, data: &DataContext, host: &dyn ExprHost) -> Result<Json, JinjaError> {
        let limits = host.limits().clamped();
        check_depth_limit(&limits, self.depth)?;
        let expr = self.form(limits.max_steps)?;
        let run = |root: Value| -> Result<Json, JinjaError> {
            data::miss::clear();
            let value = expr.eval(root).map_err(named_undefined)?;
            // Mistral calls `str(result)` so that a StrictUndefined result
            // raises; a silent undefined (`'x' if false`) does not.
            if value.is_undefined() {
                ENV.render_str("{{ __v }}", minijinja::context! { __v => value })
                    .map_err(named_undefined)?;
                return Ok(Json::Null);
            }
            // Measured without recursion before the recursive conversion.
            budget::with(|budget| budget::measure(&value, budget)).unwrap_or(Ok(()))?;
            Ok(to_json(&value))
        };
        run_with_host(&self.host_use, self.draws, host, data, &limits, run)
    }
}

/// A text with Jinja blocks or surrounding text, rendered to a string.
pub struct JinjaTemplate {
    /// The text given to minijinja (namespace assignments counted).
    source: String,
    // One small environment per template and fuel amount: minijinja only
    // hands out owned templates through an environment's store. Cloning
    // shares the registered functions.
    envs: budget::PerFuel<Environment<'static>>,
    depth: usize,
    /// Whether an instruction may run more than once (see
    /// [`budget::can_loop`]).
    loops: bool,
    host_use: HostUse,
    /// Whether it may draw random numbers (see [`random::draws`]).
    draws: bool,
}

impl std::fmt::Debug for JinjaTemplate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JinjaTemplate")
            .field("host_use", &self.host_use)
            .finish_non_exhaustive()
    }
}

const TEMPLATE_NAME: &str = "t";

/// `{% break %}` / `{% continue %}`: minijinja accepts them (the workspace
/// enables `loop_controls`) but Mistral's environment has no loop-controls
/// extension.
static LOOP_CONTROL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\{%[-+]?\s*(break|continue)\s*[-+]?%\}")
        .unwrap_or_else(|e| panic!("static regex: {e}"))
});

fn reject_loop_controls(source: &str) -> Result<(), JinjaError> {
    match LOOP_CONTROL.captures(source) {
        Some(caps) => Err(JinjaError::new(format!(
            "Encountered unknown tag '{}'.",
            &caps[1]
        ))),
        None => Ok(()),
    }
}

impl JinjaTemplate {
    /// Compiles a template; syntax errors are reported here.
    pub fn compile(source: &str) -> Result<Self, JinjaError> {
        reject_loop_controls(source)?;
        let depth = budget::check_nesting(source, false)?;
        let counted = budget::count_namespace_sets(source);
        let rewritten = counted.is_some();
        let template = Self {
            source: counted.unwrap_or_else(|| source.to_string()),
            envs: budget::PerFuel::new(),
            depth,
            loops: budget::can_loop(source),
            host_use: host_use(source),
            draws: random::draws(source),
        };
        if let Err(error) = template.env(Limits::DEFAULT.max_steps) {
            // A syntax error is reported as the text written has it.
            if rewritten && let Err(original) = ENV.template_from_str(source) {
                return Err(original.into());
            }
            return Err(error);
        }
        Ok(template)
    }

    /// The environment holding the template for a step limit.
    fn env(&self, max_steps: u64) -> Result<budget::Form<'_, Environment<'static>>, JinjaError> {
        let fuel = budget::fuel_for(&self.source, self.loops, max_steps);
        self.envs.get(fuel, |fuel| {
            let base = budget::fueled_env(&ENV, fuel);
            let mut env = base.clone();
            env.add_template_owned(TEMPLATE_NAME, self.source.clone())?;
            Ok(env)
        })
    }

    /// Renders against `data`.
    pub fn render(&self, data: &DataContext, host: &dyn ExprHost) -> Result<String, JinjaError> {
        let limits = host.limits().clamped();
        check_depth_limit(&limits, self.depth)?;
        let env = self.env(limits.max_steps)?;
        let run = |root: Value| -> Result<String, JinjaError> {
            let template = env.get_template(TEMPLATE_NAME)?;
            data::miss::clear();
            template.render(root).map_err(named_undefined)
        };
        run_with_host(&self.host_use, self.draws, host, data, &limits, run)
    }
}

/// Mistral's spec-time check of a string containing Jinja: the whole string
/// must parse as a template (and not nest too deeply).
pub fn validate_template(source: &str) -> Result<(), JinjaError> {
    reject_loop_controls(source)?;
    budget::check_nesting(source, false)?;
    ENV.template_from_str(source)
        .map(|_| ())
        .map_err(Into::into)
}

fn build_env() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_trim_blocks(true);
    env.set_lstrip_blocks(true);
    env.set_formatter(|out, _state, value| {
        // What a template writes counts against the budget; a container is
        // measured (without recursion) before `str()` walks it.
        if matches!(
            value.kind(),
            ValueKind::Seq | ValueKind::Map | ValueKind::Iterable
        ) {
            budget::with(|budget| budget::measure(value, budget))
                .unwrap_or(Ok(()))
                .map_err(budget::limit_error)?;
        }
        let text = py_str(value);
        budget::with(|budget| budget.bytes(text.len() as u64))
            .unwrap_or(Ok(()))
            .map_err(budget::limit_error)?;
        out.write_str(&text).map_err(Error::from)
    });
    env.set_unknown_method_callback(py_method);
    // Measures a value assigned to a namespace attribute (see
    // `budget::count_namespace_sets`).
    env.add_filter(
        budget::COUNT_FILTER,
        |value: Value| -> Result<Value, Error> {
            budget::with(|budget| budget::measure(&value, budget))
                .unwrap_or(Ok(()))
                .map_err(budget::limit_error)?;
            Ok(value)
        },
    );
    mistral::register(&mut env);
    filters::register(&mut env);
    checks::register(&mut env);
    globals::register(&mut env);
    env
}

#[cfg(test)]
mod tests;
