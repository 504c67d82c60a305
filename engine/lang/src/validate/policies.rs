//! Task policies (`PoliciesSpec`, `RetrySpec`) and Bora's `limits`.

use super::*;
use crate::schema;

/// `PoliciesSpec` + `RetrySpec`: expressions of the truthy policy values.
pub(super) fn policies(ctx: &mut Ctx, node: &Node, owner: &str) -> Policies {
    let attr = |k: &str| {
        if owner == "task" {
            k.to_string()
        } else {
            format!("{owner}.{k}")
        }
    };
    let truthy = |k: &str| node.get(k).filter(|n| n.truthy());
    for k in [
        "wait-before",
        "wait-after",
        "timeout",
        "pause-before",
        "concurrency",
        "fail-on",
    ] {
        if let Some(v) = truthy(k) {
            ctx.exprs(v, &attr(k));
        }
    }
    let retry = truthy("retry").and_then(|r| retry(ctx, r, &attr("retry")));
    Policies {
        retry,
        wait_before: truthy("wait-before").and_then(int_or_expr),
        wait_after: truthy("wait-after").and_then(int_or_expr),
        timeout: truthy("timeout").and_then(int_or_expr),
        pause_before: node.get("pause-before").and_then(bool_or_expr),
        concurrency: truthy("concurrency").and_then(int_or_expr),
        fail_on: node.get("fail-on").and_then(bool_or_expr),
    }
}

/// `limits` (Bora extension; the owner's schema checked its structure):
/// the expressions of its values, then the model.
pub(super) fn limits(ctx: &mut Ctx, node: &Node, attr: &str) -> Option<Limits> {
    node.as_map()?;
    for k in ["fuel", "memory", "allowed-hosts"] {
        if let Some(v) = node.get(k) {
            ctx.exprs(v, attr);
        }
    }
    Some(Limits {
        fuel: node.get("fuel").and_then(int_or_expr),
        memory: node.get("memory").and_then(int_or_expr),
        allowed_hosts: node.get("allowed-hosts").and_then(|h| match &h.value {
            Value::Str(e) => Some(HostsOrExpr::Expr(e.clone())),
            Value::Seq(items) => Some(HostsOrExpr::List(items.iter().filter_map(s).collect())),
            _ => None,
        }),
    })
}

fn retry(ctx: &mut Ctx, node: &Node, attr: &str) -> Option<Retry> {
    // One-line form: `count=3 delay=1` becomes a mapping of its parameters.
    let data: Node = match &node.value {
        Value::Str(_) => {
            let (_, params) = cmd_and_input(ctx, node, attr)?;
            json_to_node(&Json::Object(params), node.pos)
        }
        _ => node.clone(),
    };
    if ctx.schema(&schema::RETRY, &data, Some(attr)) > 0 {
        return None;
    }
    for k in ["count", "delay", "break-on", "continue-on"] {
        if let Some(v) = data.get(k) {
            ctx.exprs(v, attr);
        }
    }
    let m = data.to_json();
    let get = |k: &str| m.get(k);
    Some(Retry {
        count: get("count").and_then(json_int_or_expr)?,
        delay: get("delay").and_then(json_int_or_expr)?,
        break_on: get("break-on").and_then(Json::as_str).map(str::to_string),
        continue_on: get("continue-on")
            .and_then(Json::as_str)
            .map(str::to_string),
        backoff: get("backoff").and_then(Json::as_str).map(|b| match b {
            "exponential" => Backoff::Exponential,
            "constant" => Backoff::Constant,
            other => Backoff::Expr(other.to_string()),
        }),
        max_delay: get("max-delay").and_then(json_int_or_expr),
        jitter: get("jitter").and_then(|j| match j {
            Json::Bool(b) => Some(BoolOrExpr::Bool(*b)),
            Json::String(s) => Some(BoolOrExpr::Expr(s.clone())),
            _ => None,
        }),
    })
}

/// Converts JSON (inline parameters) back into a node at `pos`.
fn json_to_node(v: &Json, pos: Pos) -> Node {
    let value = match v {
        Json::Null => Value::Null,
        Json::Bool(b) => Value::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => Value::Str(s.clone()),
        Json::Array(items) => Value::Seq(items.iter().map(|i| json_to_node(i, pos)).collect()),
        Json::Object(m) => Value::Map(
            m.iter()
                .map(|(k, v)| {
                    (
                        Node {
                            value: Value::Str(k.clone()),
                            pos,
                        },
                        json_to_node(v, pos),
                    )
                })
                .collect(),
        ),
    };
    Node { value, pos }
}
