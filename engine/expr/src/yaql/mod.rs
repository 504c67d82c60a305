//! A YAQL 3.2 interpreter, configured as Mistral configures yaql.
//!
//! - [`lexer`]: tokens (the token rules are listed there);
//! - [`parser`]: the expression tree and the grammar with yaql's operator
//!   precedence table;
//! - [`value`]: runtime values, Python-compatible equality and text forms;
//! - [`eval`]: evaluation (variables, scopes, operators, `.` and indexers);
//! - [`stdlib`]: the standard library Mistral enables, and Mistral's custom
//!   functions (as functions only, never methods).
//!
//! Engine options are Mistral's: input lists are frozen to tuples, output
//! tuples become lists, sets stay sets, dicts are not iterable, `=>` is the
//! keyword operator, delegates are off.
//!
//! [`Expression`] is parsed once and evaluated many times; it is cheap to
//! clone (the tree is shared).

pub mod eval;
pub mod lexer;
pub mod parser;
pub mod pyset;
pub mod stdlib;
pub mod value;

use std::sync::Arc;

pub use value::Value;

use crate::context::DataContext;
use crate::functions::ExprHost;
use crate::limits::Budget;

/// An error of parsing or evaluating a YAQL expression. `Display` gives
/// yaql's own message (what Mistral puts after `error=`).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum YaqlError {
    #[error("Lexical error: illegal character '{ch}' at position {pos}")]
    Lexical { ch: char, pos: usize },
    #[error("Parse error: unexpected end of statement")]
    UnexpectedEnd,
    #[error("Parse error: unexpected '{token}' at position {pos} of expression '{expr}'")]
    Unexpected {
        token: String,
        pos: usize,
        expr: String,
    },
    /// Not a yaql error: an evaluation limit was exceeded (see
    /// [`crate::limits`]); the parser refuses expressions nested deeper than
    /// [`crate::limits::MAX_EXPRESSION_DEPTH_CEILING`] with it too.
    #[error("{0}")]
    Limit(#[from] crate::limits::LimitError),
    #[error("Unknown function \"{0}\"")]
    UnknownFunction(String),
    #[error("Unknown method \"{name}\" for receiver {receiver}")]
    UnknownMethod { name: String, receiver: String },
    #[error("No function \"{0}\" matches supplied arguments")]
    NoMatchingFunction(String),
    #[error("No method \"{name}\" for receiver {receiver} matches supplied arguments")]
    NoMatchingMethod { name: String, receiver: String },
    #[error("Ambiguous function \"{0}\"")]
    AmbiguousFunction(String),
    /// Any other failure, with the text of the Python exception yaql would
    /// raise (`'missing'` for a KeyError, `tuple index out of range`, ...).
    #[error("{0}")]
    Runtime(String),
}

impl YaqlError {
    /// A Python `KeyError`: its message is the key's `repr()`.
    pub fn key_error(key: &Value) -> YaqlError {
        let mut shown = String::new();
        match key {
            Value::Str(s) => shown.push_str(&crate::python::str_repr(s)),
            other => shown.push_str(&other.to_message_str()),
        }
        YaqlError::Runtime(shown)
    }
}

/// A parsed YAQL expression: parse once, evaluate many times.
#[derive(Debug, Clone)]
pub struct Expression {
    tree: Arc<parser::Expr>,
    text: Arc<str>,
    /// The nesting of the tree (a leaf is 1).
    depth: usize,
}

impl Expression {
    /// Parses `text` (the expression without `<% %>`, already stripped of
    /// surrounding whitespace: error positions count from its first
    /// character, as in yaql).
    ///
    /// An expression nested deeper than
    /// [`crate::limits::MAX_EXPRESSION_DEPTH_CEILING`] is refused with
    /// [`YaqlError::Limit`].
    pub fn parse(text: &str) -> Result<Expression, YaqlError> {
        let (tree, depth) = parser::parse(text)?;
        Ok(Expression {
            tree: Arc::new(tree),
            text: Arc::from(text),
            depth,
        })
    }

    /// How deeply the parse tree nests (a leaf is 1).
    pub fn depth(&self) -> usize {
        self.depth
    }

    /// The expression text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Evaluates against the data context (`$`). `$__env`, `$__execution`
    /// and `$__task_execution` come from the data's keys of those names.
    /// The result has gone through Mistral's output conversion checks (a set
    /// holding lists fails as `unhashable type: 'list'`).
    ///
    /// The evaluation runs against a fresh [`Budget`] of `host.limits()`.
    pub fn evaluate(&self, data: &DataContext, host: &dyn ExprHost) -> Result<Value, YaqlError> {
        // `$.a.b` ending on a scalar (most task fields) builds nothing and
        // cannot loop: it needs no budget, and setting one up would cost
        // more than the lookup.
        if let parser::Expr::RootPath(path) = &*self.tree
            && let Some(scalar) = eval::root_path_scalar(data, path)
        {
            return Ok(Value::from_json(scalar));
        }
        self.evaluate_within(data, host, &Budget::new(host.limits()))
    }

    /// [`Expression::evaluate`] against a given budget.
    #[inline]
    pub fn evaluate_within(
        &self,
        data: &DataContext,
        host: &dyn ExprHost,
        budget: &Budget,
    ) -> Result<Value, YaqlError> {
        let max_depth = budget.limits().max_expression_depth;
        if self.depth > max_depth {
            return Err(
                crate::limits::LimitError::new(crate::limits::LimitKind::ExpressionDepth(
                    max_depth,
                ))
                .into(),
            );
        }
        let env = eval::Env::root(data, host, budget);
        let result = env.eval(&self.tree);
        // A limit error caught inside (a lazy generator keeps its error for
        // a consumer that may never come) still ends the evaluation.
        budget.check()?;
        let value = result?;
        eval::check_output(&value)?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests;
