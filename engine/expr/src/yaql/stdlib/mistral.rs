//! Mistral's custom functions (functions only): `env`, `task`, `tasks`,
//! `execution`, `executions`, `global`, `json_dump`, `json_parse`,
//! `yaml_dump`, `yaml_parse`, `uuid`; and Bora's `secret`.

use super::*;

/// Mistral's functions, called as functions only.
pub(super) fn functions(name: &str, c: &Call) -> R {
    c.kind(Kind::Func)?;
    mistral(name, c)
}

pub(super) fn json_in(v: &Value) -> serde_json::Value {
    v.to_json()
}

pub(super) fn mistral(name: &str, c: &Call) -> R {
    let host_err = |e: String| runtime(e);
    match name {
        "env" => {
            c.exact(0)?;
            Ok(c.env.var("__env")?)
        }
        "uuid" => {
            c.exact(0)?;
            Ok(Value::str(&crate::functions::uuid(c.env.host)))
        }
        "json_dump" => {
            c.exact(1)?;
            Ok(Value::str(&crate::functions::json_dump(&json_in(
                &c.val(0)?,
            ))))
        }
        "yaml_dump" => {
            c.exact(1)?;
            Ok(Value::str(&crate::functions::yaml_dump(&json_in(
                &c.val(0)?,
            ))))
        }
        "json_parse" | "yaml_parse" => {
            c.exact(1)?;
            let text = match c.val(0)? {
                Value::Str(s) => s,
                other => {
                    return Err(runtime(if name == "json_parse" {
                        format!(
                            "the JSON object must be str, bytes or bytearray, not {}",
                            other.type_name()
                        )
                    } else {
                        "expected a string or stream input".to_string()
                    }));
                }
            };
            let parsed = if name == "json_parse" {
                crate::functions::json_parse(&text).map_err(runtime)?
            } else {
                let budget = c.env.budget;
                let max_items = budget.limits().max_bytes / crate::limits::ITEM_BYTES;
                use crate::functions::YamlParseError as E;
                match crate::functions::yaml_parse_within(
                    &text,
                    budget.limits().max_depth,
                    max_items,
                ) {
                    Ok(v) => v,
                    Err(E::Text(message)) => return Err(runtime(message)),
                    Err(E::TooDeep) => return Err(budget.too_deep().into()),
                    // Counting it all goes past the byte limit.
                    Err(E::TooBig) => {
                        return Err(budget
                            .bytes(u64::MAX)
                            .err()
                            .map_or(CallErr::NoMatch, Into::into));
                    }
                }
            };
            Ok(c.env.json(&parsed)?)
        }
        "task" => {
            c.max(1)?;
            let name = match c.arg(0, "task_name")? {
                None | Some(Value::Null) => None,
                Some(Value::Str(s)) => Some(s),
                Some(other) => Some(Arc::from(yaql_str(&other).as_str())),
            };
            let found = c.env.host.task(name.as_deref()).map_err(host_err)?;
            Ok(match found {
                Some(j) => c.env.json(&j)?,
                None => Value::Null,
            })
        }
        "tasks" => {
            c.max(4)?;
            let opt_str = |v: Option<Value>| match v {
                None | Some(Value::Null) => None,
                Some(v) => Some(match v {
                    Value::Str(s) => s.to_string(),
                    other => yaql_str(&other),
                }),
            };
            let id = opt_str(c.arg(0, "workflow_execution_id")?);
            let recursive = c.arg(1, "recursive")?.is_some_and(|v| v.truthy());
            let state = opt_str(c.arg(2, "state")?);
            let flat = c.arg(3, "flat")?.is_some_and(|v| v.truthy());
            let found = c
                .env
                .host
                .tasks(id.as_deref(), recursive, state.as_deref(), flat)
                .map_err(host_err)?;
            Ok(c.env.json(&found)?)
        }
        "secret" => {
            c.exact(1)?;
            let name = match c.val(0)? {
                Value::Str(s) => s,
                other => {
                    return Err(runtime(format!(
                        "secret() takes the secret's name, not {}",
                        other.type_name()
                    )));
                }
            };
            let reference = crate::functions::secret_reference(&name).map_err(runtime)?;
            Ok(Value::str(&reference))
        }
        "execution" => {
            c.exact(0)?;
            Ok(c.env.json(&c.env.host.execution().map_err(host_err)?)?)
        }
        "executions" => {
            c.max(5)?;
            let opt_str = |v: Option<Value>| match v {
                None | Some(Value::Null) => None,
                Some(Value::Str(s)) => Some(s.to_string()),
                Some(other) => Some(yaql_str(&other)),
            };
            let filter = crate::functions::ExecutionsFilter {
                id: opt_str(c.arg(0, "id")?),
                root_execution_id: opt_str(c.arg(1, "root_execution_id")?),
                state: opt_str(c.arg(2, "state")?),
                from_time: opt_str(c.arg(3, "from_time")?),
                to_time: opt_str(c.arg(4, "to_time")?),
            };
            Ok(c.env
                .json(&c.env.host.executions(&filter).map_err(host_err)?)?)
        }
        _ => {
            // "global"
            c.exact(1)?;
            let var = match c.val(0)? {
                Value::Str(s) => s.to_string(),
                other => yaql_str(&other),
            };
            let found = c.env.host.global(&var).map_err(host_err)?;
            Ok(match found {
                Some(j) => c.env.json(&j)?,
                None => Value::Null,
            })
        }
    }
}
