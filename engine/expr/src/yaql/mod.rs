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
    /// Not a yaql error: this parser refuses absurdly deep nesting.
    #[error("Parse error: expression nested too deeply")]
    TooDeep,
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
            Value::Str(s) => shown.push_str(&value::py_str_repr(s)),
            other => shown.push_str(&other.to_yaql_repr_str()),
        }
        YaqlError::Runtime(shown)
    }
}

/// A parsed YAQL expression: parse once, evaluate many times.
#[derive(Debug, Clone)]
pub struct Expression {
    tree: Arc<parser::Expr>,
    text: Arc<str>,
}

impl Expression {
    /// Parses `text` (the expression without `<% %>`, already stripped of
    /// surrounding whitespace: error positions count from its first
    /// character, as in yaql).
    pub fn parse(text: &str) -> Result<Expression, YaqlError> {
        Ok(Expression {
            tree: Arc::new(parser::parse(text)?),
            text: Arc::from(text),
        })
    }

    /// The expression text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Evaluates against the data context (`$`). `$__env`, `$__execution`
    /// and `$__task_execution` come from the data's keys of those names.
    /// The result has gone through Mistral's output conversion checks (a set
    /// holding lists fails as `unhashable type: 'list'`).
    pub fn evaluate(&self, data: &DataContext, host: &dyn ExprHost) -> Result<Value, YaqlError> {
        let env = eval::Env::root(data, host);
        let value = env.eval(&self.tree)?;
        eval::check_output(&value)?;
        Ok(value)
    }
}

#[cfg(test)]
mod tests;
