//! The documents: workflow lists and action lists (`BaseListSpec`),
//! workbooks, and ad-hoc actions (`ActionSpec`).

use super::workflow::workflow;
use super::*;
use crate::inline::one_level_json_strings;
use crate::schema;
use crate::yaml::py_repr;

/// Validates a workflow list or action list document (`BaseListSpec`).
/// Returns the version and the item nodes that passed the list schema.
fn list_items<'a>(ctx: &mut Ctx, root: &'a Node) -> (Json, Vec<(String, &'a Node)>) {
    for e in schema::LIST.validate(root) {
        // Paths are `[item, attribute, ...]` except for `version`.
        let (item, attr) = match e.path.first().map(String::as_str) {
            None => (None, None),
            Some("version") => (None, Some("version".to_string())),
            Some(item) => (Some(item.to_string()), e.path.get(1).cloned()),
        };
        ctx.workflow = item;
        ctx.push(
            e.pos,
            attr.as_deref(),
            format!("Invalid DSL: {}", e.message),
        );
        ctx.workflow = None;
    }
    let Some(entries) = root.as_map() else {
        return (Json::Null, Vec::new());
    };
    let items: Vec<(&Node, &Node)> = entries
        .iter()
        .filter(|(k, _)| k.as_str() != Some("version"))
        .map(|(k, v)| (k, v))
        .collect();
    if items.is_empty() && root.get("version").is_some() {
        ctx.push(
            root.pos,
            None,
            format!(
                "At least one item must be in the list [data={}].",
                py_repr(root)
            ),
        );
    }
    let version = root.get("version").map_or(Json::Null, Node::to_json);
    let good = items
        .into_iter()
        .filter(|(_, v)| v.as_map().is_some_and(|m| !m.is_empty()))
        .map(|(k, v)| (k.key_string(), v))
        .collect();
    (version, good)
}

pub(crate) fn workflow_list(ctx: &mut Ctx, root: &Node) -> WorkflowList {
    let (version, items) = list_items(ctx, root);
    let mut workflows = Vec::new();
    for (name, node) in items {
        if let Some(wf) = workflow(ctx, &name, node) {
            workflows.push(wf);
        }
    }
    WorkflowList { version, workflows }
}

pub(crate) fn action_list(ctx: &mut Ctx, root: &Node) -> ActionList {
    let (version, items) = list_items(ctx, root);
    let mut actions = Vec::new();
    for (name, node) in items {
        if let Some(a) = action(ctx, &name, node) {
            actions.push(a);
        }
    }
    ActionList { version, actions }
}

// --------------------------------------------------------------- workbook

pub(crate) fn workbook(ctx: &mut Ctx, root: &Node) -> Option<Workbook> {
    // `_get_spec_version`: `str(float(version))` must be '2.0'.
    if let Some(map) = root.as_map() {
        let v = map
            .iter()
            .find(|(k, _)| k.as_str() == Some("version"))
            .map(|(_, v)| v);
        if let Some(v) = v {
            let as_float = match &v.value {
                Value::Str(s) => s.trim().parse::<f64>().ok(),
                Value::Int(i) => Some(*i as f64),
                Value::Float(f) => Some(*f),
                Value::Bool(b) => Some(f64::from(u8::from(*b))),
                _ => None,
            };
            if as_float != Some(2.0) || !v.truthy() {
                let shown = match &v.value {
                    Value::Str(s) => s.clone(),
                    _ => py_repr(v),
                };
                ctx.push(
                    v.pos,
                    Some("version"),
                    format!("Unsupported DSL version: {shown}"),
                );
                return None;
            }
        }
    }
    if ctx.schema(&schema::WORKBOOK, root, None) > 0 {
        return None;
    }
    let name = root.get("name").map(Node::key_string).unwrap_or_default();
    let mut workflows = Vec::new();
    let mut actions = Vec::new();
    if let Some(section) = root.get("actions").and_then(Node::as_map) {
        for (k, v) in section {
            if k.as_str() == Some("version") {
                continue;
            }
            if let Some(a) = action(ctx, &k.key_string(), v) {
                actions.push(a);
            }
        }
    }
    if let Some(section) = root.get("workflows").and_then(Node::as_map) {
        for (k, v) in section {
            if k.as_str() == Some("version") {
                continue;
            }
            if let Some(w) = workflow(ctx, &k.key_string(), v) {
                workflows.push(w);
            }
        }
    }
    Some(Workbook {
        name,
        version: root.get("version").map_or(Json::Null, Node::to_json),
        description: root.get("description").and_then(s),
        tags: string_list(root.get("tags")),
        workflows,
        actions,
    })
}

// ---------------------------------------------------------------- actions

fn action(ctx: &mut Ctx, name: &str, node: &Node) -> Option<AdhocAction> {
    ctx.workflow = Some(name.to_string());
    ctx.task = None;
    let before = ctx.errors.len();
    let injected = if node.as_map().is_some() {
        with_injected(
            node,
            &[
                ("name", Value::Str(name.to_string())),
                ("version", Value::Str("2.0".into())),
            ],
        )
    } else {
        node.clone()
    };
    if ctx.schema(&schema::ACTION, &injected, None) > 0 {
        ctx.workflow = None;
        return None;
    }
    let base_node = node.get("base")?;
    let (base, params) = cmd_and_input(ctx, base_node, "base").unwrap_or_default();
    for text in one_level_json_strings(&params) {
        ctx.expr_text(text, base_node.pos, "base");
    }
    if let Some(bi) = node.get("base-input") {
        ctx.exprs(bi, "base-input");
    }
    if let Some(out) = node.get("output")
        && out.as_str().is_some()
    {
        ctx.exprs(out, "output");
    }
    let base_input = merged(dict(node.get("base-input")), params);
    ctx.workflow = None;
    if ctx.errors.len() > before {
        return None;
    }
    Some(AdhocAction {
        name: name.to_string(),
        base,
        base_input,
        input: input_params(node.get("input")),
        output: node.get("output").map(Node::to_json),
        description: node.get("description").and_then(s),
        tags: string_list(node.get("tags")),
    })
}
