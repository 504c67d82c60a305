//! Mistral's inline syntax: the `name k=v ...` shorthand
//! (`BaseSpec._parse_cmd_and_input`), the `with-items` format, and the
//! one-level expression checks (`BaseSpec.validate_expr`).

use std::sync::LazyLock;

use regex::Regex;
use serde_json::{Map, Value as Json};

use crate::yaml::{Node, Value};

fn re(p: &str) -> Regex {
    Regex::new(p).unwrap_or_else(|e| unreachable!("constant regex {p}: {e}"))
}

/// `CMD_PTRN`: a command name, or a YAQL / Jinja expression, at the start.
static CMD: LazyLock<Regex> =
    LazyLock::new(|| re(r#"^([\w\.]+[^=\(\s"]*|<%.*?%>|\{\{.*\}\}|\{%.*%\})"#));

/// `PARAMS_PTRN`: `key=value` with quoted, expression, list, literal or digit values.
static PARAMS: LazyLock<Regex> = LazyLock::new(|| {
    re(r#"([-_\w]+)=("[^"]*"\s*|'[^']*'\s*|(\{\{(.*?)\}\})|<%.*?%>|\[.*\]\s*|true|false|null|\d+)"#)
});

/// `WITH_ITEMS_PTRN` (matched at the start only, like `re.match`).
static WITH_ITEMS: LazyLock<Regex> =
    LazyLock::new(|| re(r"^\s*([\w\d_\-]+)\s*in\s*(\[.+\]|(\{\{(.*?)\}\})|<%.*?%>)"));

/// Error of the shorthand parser, with Mistral's message.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("Invalid action/workflow task property: {0}")]
pub struct InvalidCommand(pub String);

/// Splits `name k=v k2=v2` into the name and its parameters. Quoted values
/// lose their quotes; other values are read as JSON when they can be.
pub fn parse_cmd_and_input(cmd: &str) -> Result<(String, Map<String, Json>), InvalidCommand> {
    if !cmd.contains(' ') {
        return Ok((cmd.to_string(), Map::new()));
    }
    let Some(m) = CMD.find(cmd) else {
        return Err(InvalidCommand(cmd.to_string()));
    };
    let mut params = Map::new();
    for caps in PARAMS.captures_iter(cmd) {
        let key = caps.get(1).map_or("", |m| m.as_str()).to_string();
        let raw = caps.get(2).map_or("", |m| m.as_str()).trim();
        let value = if raw.starts_with('"') || raw.starts_with('\'') {
            // `v[1:-1]`, on characters.
            let mut chars = raw.chars();
            chars.next();
            chars.next_back();
            Json::String(chars.as_str().to_string())
        } else {
            serde_json::from_str::<Json>(raw).unwrap_or_else(|_| Json::String(raw.to_string()))
        };
        params.insert(key, value);
    }
    Ok((m.as_str().to_string(), params))
}

/// One parsed `with-items` entry: `var in <source>`.
#[derive(Debug, Clone, PartialEq)]
pub struct WithItemsEntry {
    pub var: String,
    /// The source text after `in` (a JSON list or an expression).
    pub source: String,
}

/// Matches `var in <source>`; `None` when the format is wrong.
pub fn parse_with_items(item: &str) -> Option<WithItemsEntry> {
    let caps = WITH_ITEMS.captures(item)?;
    Some(WithItemsEntry {
        var: caps.get(1)?.as_str().to_string(),
        source: caps.get(2)?.as_str().to_string(),
    })
}

/// Checks one string's expressions as Mistral's `expressions.validate` does.
pub fn check_expression(text: &str) -> Result<(), String> {
    bora_expr::eval::validate(text).map_err(|e| e.to_string())
}

/// The strings `validate_expr` checks in a value: the value itself when it
/// is a string, else the string items of a list or the string values of a
/// mapping (one level only).
pub fn one_level_strings(node: &Node) -> Vec<&Node> {
    match &node.value {
        Value::Str(_) => vec![node],
        Value::Seq(items) => items.iter().filter(|n| n.as_str().is_some()).collect(),
        Value::Map(entries) => entries
            .iter()
            .map(|(_, v)| v)
            .filter(|n| n.as_str().is_some())
            .collect(),
        _ => Vec::new(),
    }
}

/// Same as [`one_level_strings`] for JSON values (inline parameters).
pub fn one_level_json_strings(map: &Map<String, Json>) -> Vec<&str> {
    map.values().filter_map(Json::as_str).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn shorthand() {
        let (name, params) = parse_cmd_and_input("std.echo output='a b' n=3 l=[1, 2] x=<% $.y %>")
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(name, "std.echo");
        assert_eq!(
            Json::Object(params),
            json!({"output": "a b", "n": 3, "l": [1, 2], "x": "<% $.y %>"})
        );
        let (name, params) = parse_cmd_and_input("std.noop").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!((name.as_str(), params.len()), ("std.noop", 0));
        assert!(parse_cmd_and_input("&x std.noop").is_err());
        let (name, _) = parse_cmd_and_input("fail msg='x'").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(name, "fail");
    }

    #[test]
    fn with_items() {
        let e = parse_with_items("x in <% $.list %> extra");
        assert_eq!(
            e.map(|e| (e.var, e.source)),
            Some(("x".into(), "<% $.list %>".into()))
        );
        assert!(parse_with_items("x in []").is_none());
        assert!(parse_with_items("x <% $.l %>").is_none());
    }
}
