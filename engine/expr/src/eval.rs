//! Mistral's evaluation rules: finding `<% %>` and `{{ }}` in a string,
//! returning a raw value for a whole-string expression, splicing text, and
//! evaluating nested data recursively; plus the spec-time [`validate`].
//!
//! The rules follow `mistral/expressions/__init__.py` and its evaluators:
//! - Jinja is tried first: a string where `{{(.*?)}}` or `{%(.*?)%}` matches
//!   (no DOTALL, so an expression spanning lines is not one) is Jinja. If the
//!   first `{{ }}` match is the whole string, its inner text is compiled as an
//!   expression returning a native value; otherwise the whole string is
//!   rendered as a template. A string with only `{% %}` blocks fails, as
//!   Mistral's `patterns[0]` does, with `list index out of range`.
//! - Otherwise every `<%.*?%>` match is a YAQL expression (its text is the
//!   match with `<`, `%`, `>` stripped from both ends). A match that is the
//!   whole string gives the raw value; otherwise each match is replaced, in
//!   order and everywhere in the current result, by Python's `str()` of its
//!   value (so a value containing a later expression's text gets replaced
//!   again, as in Mistral).
//!
//! [`CompiledText`] and [`CompiledData`] hold the parsed forms so that the
//! engine parses each definition's expressions once.

use std::sync::LazyLock;

use regex::Regex;
use serde_json::Value;

use crate::context::DataContext;
use crate::functions::ExprHost;
use crate::jinja::{self, JinjaError, JinjaExpression, JinjaTemplate};
use crate::limits::{LimitError, shorten};
use crate::yaql::{self, YaqlError};

static YAQL_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"<%.*?%>").unwrap_or_else(|e| panic!("static regex: {e}")));
static JINJA_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{\{(.*?)\}\}").unwrap_or_else(|e| panic!("static regex: {e}")));
static JINJA_BLOCK_RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\{%(.*?)%\}").unwrap_or_else(|e| panic!("static regex: {e}")));

/// The message Mistral gives when a string mixes YAQL and Jinja.
pub const MIXED_MESSAGE: &str = "The line already contains an expression of type 'jinja'. \
     Mixing expression types in a single line is not allowed.";

/// An expression error, with Mistral's messages.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ExprError {
    /// `YaqlEvaluationException`.
    #[error("Can not evaluate YAQL expression [expression={expression}, error={error}]")]
    Yaql { expression: String, error: String },
    /// `JinjaEvaluationException`.
    #[error("Can not evaluate Jinja expression [expression={expression}, error={error}]")]
    Jinja { expression: String, error: String },
    /// A YAQL grammar error found by [`validate`] (`YaqlGrammarException`).
    #[error("{0}")]
    YaqlGrammar(String),
    /// A Jinja grammar error found by [`validate`] (`JinjaGrammarException`).
    #[error("Syntax error '{0}'.")]
    JinjaGrammar(String),
    /// YAQL and Jinja in one string (`ExpressionGrammarException`).
    #[error("{MIXED_MESSAGE}")]
    Mixed,
    /// Not Mistral's: the evaluation (or, at validation, the parse) went
    /// past one of its [`crate::Limits`]. `expression` is the text with its
    /// delimiters, shortened to 200 characters.
    #[error("{} expression {error}: {expression}", language.name())]
    Limit {
        language: Language,
        expression: String,
        error: LimitError,
    },
}

impl ExprError {
    /// True when a limit was exceeded (rather than the expression being
    /// wrong for its data).
    pub fn is_limit(&self) -> bool {
        matches!(self, ExprError::Limit { .. })
    }

    fn yaql_limit(expression: &str, error: LimitError) -> ExprError {
        ExprError::Limit {
            language: Language::Yaql,
            expression: format!("<% {} %>", shorten(expression)),
            error,
        }
    }

    fn jinja_limit(text: &str, error: LimitError) -> ExprError {
        ExprError::Limit {
            language: Language::Jinja,
            expression: shorten(text),
            error,
        }
    }
}

/// The language of an expression string, as Mistral detects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Jinja,
    Yaql,
}

impl Language {
    /// `YAQL` or `Jinja`.
    pub fn name(self) -> &'static str {
        match self {
            Language::Jinja => "Jinja",
            Language::Yaql => "YAQL",
        }
    }
}

/// The language Mistral would evaluate `text` with, or `None` for plain text.
pub fn detect(text: &str) -> Option<Language> {
    if is_jinja(text) {
        Some(Language::Jinja)
    } else if YAQL_RE.is_match(text) {
        Some(Language::Yaql)
    } else {
        None
    }
}

fn is_jinja(text: &str) -> bool {
    JINJA_RE.is_match(text) || JINJA_BLOCK_RE.is_match(text)
}

/// Python's `s.strip("<%>")`.
fn strip_delimiters(s: &str) -> &str {
    s.trim_matches(|c| c == '<' || c == '%' || c == '>')
}

/// One `<% %>` of a string: the matched text and its parsed expression.
#[derive(Debug, Clone)]
struct YaqlPart {
    matched: String,
    expression: String,
    parsed: Result<yaql::Expression, YaqlError>,
}

#[derive(Debug)]
enum Compiled {
    Plain,
    Yaql(Vec<YaqlPart>),
    JinjaExpression(Result<JinjaExpression, JinjaError>),
    JinjaTemplate(Result<JinjaTemplate, JinjaError>),
    /// Only `{% %}` blocks: Mistral's evaluator fails on these.
    JinjaWithoutExpression,
}

/// A string compiled once (YAQL parsed, Jinja compiled) and evaluated many
/// times. Compiling never fails: a grammar error is reported when the text is
/// evaluated, with the message Mistral gives at that point (use [`validate`]
/// for the spec-time check).
#[derive(Debug)]
pub struct CompiledText {
    text: String,
    compiled: Compiled,
}

impl CompiledText {
    pub fn compile(text: &str) -> Self {
        let compiled = match detect(text) {
            None => Compiled::Plain,
            Some(Language::Jinja) => match JINJA_RE.captures(text) {
                None => Compiled::JinjaWithoutExpression,
                Some(caps) => {
                    let whole = caps.get(0).is_some_and(|m| m.as_str() == text);
                    let inner = caps.get(1).map_or("", |m| m.as_str());
                    if whole {
                        Compiled::JinjaExpression(JinjaExpression::compile(inner))
                    } else {
                        Compiled::JinjaTemplate(JinjaTemplate::compile(text))
                    }
                }
            },
            Some(Language::Yaql) => Compiled::Yaql(
                YAQL_RE
                    .find_iter(text)
                    .map(|m| {
                        let expression = strip_delimiters(m.as_str()).trim().to_string();
                        YaqlPart {
                            matched: m.as_str().to_string(),
                            parsed: yaql::Expression::parse(&expression),
                            expression,
                        }
                    })
                    .collect(),
            ),
        };
        Self {
            text: text.to_string(),
            compiled,
        }
    }

    /// The source text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the text holds no expression (it evaluates to itself).
    pub fn is_plain(&self) -> bool {
        matches!(self.compiled, Compiled::Plain)
    }

    /// Evaluates as Mistral's `expressions.evaluate(text, context)`.
    pub fn evaluate(&self, data: &DataContext, host: &dyn ExprHost) -> Result<Value, ExprError> {
        let jinja_error = |error: JinjaError| match error.limit {
            Some(limit) => ExprError::jinja_limit(&self.text, limit),
            None => ExprError::Jinja {
                expression: self.text.clone(),
                error: error.message,
            },
        };
        match &self.compiled {
            Compiled::Plain => Ok(Value::String(self.text.clone())),
            Compiled::JinjaWithoutExpression => Err(ExprError::Jinja {
                expression: self.text.clone(),
                error: "list index out of range".to_string(),
            }),
            Compiled::JinjaExpression(expr) => expr
                .as_ref()
                .map_err(|e| jinja_error(e.clone()))?
                .evaluate(data, host)
                .map_err(jinja_error),
            Compiled::JinjaTemplate(template) => template
                .as_ref()
                .map_err(|e| jinja_error(e.clone()))?
                .render(data, host)
                .map(Value::String)
                .map_err(jinja_error),
            Compiled::Yaql(parts) => {
                let mut result = self.text.clone();
                for part in parts {
                    let yaql_error = |error: YaqlError| match error {
                        YaqlError::Limit(limit) => ExprError::yaql_limit(&part.expression, limit),
                        error => ExprError::Yaql {
                            expression: part.expression.clone(),
                            error: error.to_string(),
                        },
                    };
                    let value = part
                        .parsed
                        .as_ref()
                        .map_err(|e| yaql_error(e.clone()))?
                        .evaluate(data, host)
                        .map_err(yaql_error)?;
                    if part.matched.len() == self.text.len() {
                        return Ok(value.to_json());
                    }
                    result = result.replace(&part.matched, &value.to_python_str());
                }
                Ok(Value::String(result))
            }
        }
    }
}

/// Evaluates `text` as Mistral's `expressions.evaluate(text, context)`:
/// plain text is returned as it is.
pub fn evaluate(text: &str, data: &DataContext, host: &dyn ExprHost) -> Result<Value, ExprError> {
    CompiledText::compile(text).evaluate(data, host)
}

/// Mistral's `evaluate_recursively`: strings inside dicts and lists are
/// evaluated, keys are not; with an empty (or null) context the data is
/// returned unevaluated.
pub fn evaluate_recursively(
    data: &Value,
    context: &DataContext,
    host: &dyn ExprHost,
) -> Result<Value, ExprError> {
    if context.is_empty() {
        return Ok(data.clone());
    }
    eval_value(data, context, host)
}

fn eval_value(
    data: &Value,
    context: &DataContext,
    host: &dyn ExprHost,
) -> Result<Value, ExprError> {
    match data {
        Value::String(s) => evaluate(s, context, host),
        Value::Array(items) => items
            .iter()
            .map(|item| eval_value(item, context, host))
            .collect::<Result<Vec<_>, _>>()
            .map(Value::Array),
        Value::Object(map) => {
            let mut out = serde_json::Map::with_capacity(map.len());
            for (key, value) in map {
                out.insert(key.clone(), eval_value(value, context, host)?);
            }
            Ok(Value::Object(out))
        }
        other => Ok(other.clone()),
    }
}

/// A JSON value (publish, input, output, ...) with every string compiled
/// once, for [`evaluate_recursively`]-style evaluation many times.
#[derive(Debug)]
pub enum CompiledData {
    /// A value with no expression in it.
    Literal(Value),
    Text(CompiledText),
    List(Vec<CompiledData>),
    Dict(Vec<(String, CompiledData)>),
}

impl CompiledData {
    pub fn compile(data: &Value) -> Self {
        match data {
            Value::String(s) => {
                let text = CompiledText::compile(s);
                if text.is_plain() {
                    Self::Literal(data.clone())
                } else {
                    Self::Text(text)
                }
            }
            Value::Array(items) => Self::List(items.iter().map(Self::compile).collect()),
            Value::Object(map) => Self::Dict(
                map.iter()
                    .map(|(k, v)| (k.clone(), Self::compile(v)))
                    .collect(),
            ),
            other => Self::Literal(other.clone()),
        }
    }

    /// Evaluates as [`evaluate_recursively`] does.
    pub fn evaluate(&self, context: &DataContext, host: &dyn ExprHost) -> Result<Value, ExprError> {
        if context.is_empty() {
            return Ok(self.source());
        }
        self.eval_inner(context, host)
    }

    fn eval_inner(&self, context: &DataContext, host: &dyn ExprHost) -> Result<Value, ExprError> {
        match self {
            Self::Literal(v) => Ok(v.clone()),
            Self::Text(t) => t.evaluate(context, host),
            Self::List(items) => items
                .iter()
                .map(|i| i.eval_inner(context, host))
                .collect::<Result<Vec<_>, _>>()
                .map(Value::Array),
            Self::Dict(entries) => {
                let mut out = serde_json::Map::with_capacity(entries.len());
                for (k, v) in entries {
                    out.insert(k.clone(), v.eval_inner(context, host)?);
                }
                Ok(Value::Object(out))
            }
        }
    }

    /// The data as written.
    pub fn source(&self) -> Value {
        match self {
            Self::Literal(v) => v.clone(),
            Self::Text(t) => Value::String(t.text().to_string()),
            Self::List(items) => Value::Array(items.iter().map(Self::source).collect()),
            Self::Dict(entries) => Value::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.clone(), v.source()))
                    .collect(),
            ),
        }
    }
}

/// Mistral's spec-time `expressions.validate(text)`: the Jinja part must
/// parse as a template, every `<% %>` must parse as YAQL, and a string may
/// not hold both languages.
pub fn validate(text: &str) -> Result<(), ExprError> {
    let mut found_jinja = false;
    if is_jinja(text) {
        jinja::validate_template(text).map_err(|e| match e.limit {
            Some(limit) => ExprError::jinja_limit(text, limit),
            None => ExprError::JinjaGrammar(e.message),
        })?;
        found_jinja = true;
    }
    if YAQL_RE.is_match(text) {
        if found_jinja {
            return Err(ExprError::Mixed);
        }
        for m in YAQL_RE.find_iter(text) {
            // Mistral validates the text with its surrounding spaces, so
            // error positions count them.
            let inner = strip_delimiters(m.as_str());
            let trimmed = inner.trim_start();
            let lead = inner.len() - trimmed.len();
            yaql::Expression::parse(trimmed.trim_end()).map_err(|e| match e {
                YaqlError::Limit(limit) => ExprError::yaql_limit(trimmed.trim_end(), limit),
                e => ExprError::YaqlGrammar(shift_position(e, lead).to_string()),
            })?;
        }
    }
    Ok(())
}

fn shift_position(error: YaqlError, by: usize) -> YaqlError {
    match error {
        YaqlError::Lexical { ch, pos } => YaqlError::Lexical { ch, pos: pos + by },
        YaqlError::Unexpected { token, pos, expr } => YaqlError::Unexpected {
            token,
            pos: pos + by,
            expr,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::functions::NoHost;
    use serde_json::json;

    fn ev(text: &str, data: Value) -> Result<Value, ExprError> {
        evaluate(text, &DataContext::new(data), &NoHost)
    }

    #[test]
    fn detection_and_splicing() {
        let data = json!({"a": 1, "b": "x"});
        assert_eq!(ev("plain", data.clone()), Ok(json!("plain")));
        assert_eq!(ev("{{ _.a }}", data.clone()), Ok(json!(1)));
        assert_eq!(ev("{{ _.a }}!", data.clone()), Ok(json!("1!")));
        assert_eq!(
            ev("<% $.a %> {{ _.b }}", data.clone()),
            Ok(json!("<% $.a %> x"))
        );
        assert!(matches!(
            ev("{% if true %}{% endif %}", data.clone()),
            Err(ExprError::Jinja { .. })
        ));
        assert_eq!(ev("{{ _.a\n}}", data.clone()), Ok(json!("{{ _.a\n}}")));
    }

    #[test]
    fn compiled_forms_can_be_shared_between_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<CompiledText>();
        assert_send_sync::<CompiledData>();
    }

    #[test]
    fn validation() {
        assert_eq!(validate("<% $.a %> {{ _.b }}"), Err(ExprError::Mixed));
        assert!(validate("{{ foo( }}").is_err());
        assert!(validate("{{ _.a }} {% if x %}y{% endif %}").is_ok());
        assert!(validate("plain").is_ok());
    }

    #[test]
    fn recursive_keeps_keys_and_skips_empty_context() {
        let data = json!({"{{ _.a }}": ["{{ _.a }}", 2]});
        let ctx = DataContext::new(json!({"a": 1}));
        assert_eq!(
            evaluate_recursively(&data, &ctx, &NoHost),
            Ok(json!({"{{ _.a }}": [1, 2]}))
        );
        assert_eq!(
            evaluate_recursively(&data, &DataContext::new(json!({})), &NoHost),
            Ok(data.clone())
        );
        let compiled = CompiledData::compile(&data);
        assert_eq!(
            compiled.evaluate(&ctx, &NoHost),
            Ok(json!({"{{ _.a }}": [1, 2]}))
        );
    }
}
