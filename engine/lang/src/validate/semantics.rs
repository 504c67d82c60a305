//! The checks Mistral's workflow specs make on a sound structure: no
//! UUID-like name, start tasks, transition targets and join inbound
//! counts (direct), `requires` targets (reverse).

use std::collections::{HashMap, HashSet};

use super::task::ClauseInfo;
use super::*;

fn is_uuid_like(name: &str) -> bool {
    let s = name.replace("urn:", "").replace("uuid:", "");
    let s = s.trim_matches(|c| c == '{' || c == '}').replace('-', "");
    s.len() == 32 && s.chars().all(|c| c.is_ascii_hexdigit())
}

pub(super) fn semantics(
    ctx: &mut Ctx,
    wf: &Workflow,
    node: &Node,
    task_clauses: &HashMap<String, Vec<(Transition, Pos, &'static str)>>,
    defaults_clauses: &HashMap<&'static str, ClauseInfo>,
) {
    ctx.task = None;
    if is_uuid_like(&wf.name) {
        ctx.push(
            node.pos,
            None,
            "Workflow name cannot be in the format of UUID.",
        );
    }
    let names: HashSet<&str> = wf.tasks.iter().map(|t| t.name.as_str()).collect();
    let task_pos = |name: &str| -> Pos {
        node.get("tasks")
            .and_then(Node::as_map)
            .and_then(|m| m.iter().find(|(k, _)| k.as_str() == Some(name)))
            .map_or(node.pos, |(k, _)| k.pos)
    };
    match wf.wf_type {
        WorkflowType::Direct => {
            let effective: Vec<&Task> = wf.tasks.iter().collect();
            let outbound: HashMap<&str, Vec<&str>> = effective
                .iter()
                .map(|t| (t.name.as_str(), wf.outbound_of(t)))
                .collect();
            let targets: HashSet<&str> = outbound.values().flatten().copied().collect();
            if effective.iter().all(|t| targets.contains(t.name.as_str())) {
                ctx.push(
                    node.get("tasks").map_or(node.pos, |n| n.pos),
                    Some("tasks"),
                    format!(
                        "Failed to find start tasks in direct workflow. There must be at least one task without inbound transition.[workflow_name={}]",
                        wf.name
                    ),
                );
            }
            // Every transition target exists or is an engine command.
            for t in &effective {
                ctx.task = Some(t.name.clone());
                let own = task_clauses.get(&t.name);
                for target in outbound.get(t.name.as_str()).into_iter().flatten().copied() {
                    if names.contains(target) || ENGINE_COMMANDS.contains(&target) {
                        continue;
                    }
                    // Position: the task's own transition, else the default's.
                    let (pos, attr) = own
                        .and_then(|c| c.iter().find(|(tr, _, _)| tr.name == target))
                        .map(|(_, p, a)| (*p, (*a).to_string()))
                        .or_else(|| {
                            defaults_clauses.iter().find_map(|(key, info)| {
                                info.clause
                                    .next
                                    .iter()
                                    .position(|tr| tr.name == target)
                                    .map(|i| (info.positions[i], format!("task-defaults.{key}")))
                            })
                        })
                        .unwrap_or((task_pos(&t.name), "on-success".into()));
                    ctx.push(pos, Some(&attr), format!("Task '{target}' not found."));
                }
            }
            // Joins count inbound tasks.
            for t in &effective {
                let Some(join) = t.join else { continue };
                ctx.task = Some(t.name.clone());
                let inbound = effective
                    .iter()
                    .filter(|o| {
                        outbound
                            .get(o.name.as_str())
                            .is_some_and(|v| v.contains(&t.name.as_str()))
                    })
                    .count();
                let pos = node
                    .get("tasks")
                    .and_then(|ts| ts.get(&t.name))
                    .and_then(|tn| tn.get("join"))
                    .map_or(task_pos(&t.name), |n| n.pos);
                match join {
                    Join::All if inbound == 0 => ctx.push(
                        pos,
                        Some("join"),
                        format!("No inbound tasks for task with 'join: all' [task_name={}]", t.name),
                    ),
                    Join::Count(n) if (inbound as u64) < n => ctx.push(
                        pos,
                        Some("join"),
                        format!(
                            "Not enough inbound tasks for task with 'join' [task_name={}, join={}, inbound_tasks={}]",
                            t.name, n, inbound
                        ),
                    ),
                    _ => {}
                }
            }
        }
        WorkflowType::Reverse => {
            for t in wf.effective_tasks() {
                ctx.task = Some(t.name.clone());
                for req in &t.requires {
                    if !names.contains(req.as_str()) {
                        let pos = node
                            .get("tasks")
                            .and_then(|ts| ts.get(&t.name))
                            .and_then(|tn| tn.get("requires"))
                            .or_else(|| node.get("task-defaults").and_then(|d| d.get("requires")))
                            .map_or(task_pos(&t.name), |n| n.pos);
                        ctx.push(pos, Some("requires"), format!("Task '{req}' not found."));
                    }
                }
            }
        }
    }
    ctx.task = None;
}
