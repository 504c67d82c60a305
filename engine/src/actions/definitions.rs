//! Ad-hoc action definitions from YAML: action lists (`POST`/`PUT
//! /v2/actions`) and the `actions:` of workbooks (stored as
//! `<workbook>.<action>`).

use bora_core::adhoc::input_spec;
use bora_lang::model::AdhocAction;
use bora_store::{ActionDefinition, ProjectScope, Store, StoreError};

use super::is_std;
use crate::clock::now_micros;

/// Why definitions could not be stored.
#[derive(Debug, thiserror::Error)]
pub enum DefinitionError {
    /// The YAML is not a valid action list (one error per line).
    #[error("{0}")]
    Invalid(String),
    /// A name is taken (by a definition without `replace`, a standard
    /// action or an uploaded one).
    #[error("{0}")]
    Duplicate(String),
    #[error(transparent)]
    Store(StoreError),
}

impl From<StoreError> for DefinitionError {
    fn from(err: StoreError) -> Self {
        match err {
            StoreError::Duplicate { kind, key } => {
                DefinitionError::Duplicate(format!("Duplicate entry for {kind} [{key}]"))
            }
            other => DefinitionError::Store(other),
        }
    }
}

fn invalid(errors: bora_lang::Errors) -> DefinitionError {
    DefinitionError::Invalid(
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Where the definitions come from and how they are kept.
#[derive(Debug, Clone, Copy)]
pub struct Upload<'a> {
    pub namespace: &'a str,
    pub scope: &'a str,
    /// Replace existing definitions of the same names (PUT, workbooks).
    pub replace: bool,
}

fn record(
    action: &AdhocAction,
    name: String,
    definition: String,
    upload: Upload<'_>,
    workbook: Option<&str>,
) -> Result<ActionDefinition, DefinitionError> {
    let spec = serde_json::to_string(action)
        .map_err(|e| DefinitionError::Invalid(format!("cannot store action {name}: {e}")))?;
    let now = now_micros();
    Ok(ActionDefinition {
        id: crate::ids::new_id(),
        name,
        namespace: upload.namespace.to_owned(),
        definition,
        spec,
        input: input_spec(action),
        description: action.description.clone(),
        tags: action.tags.clone(),
        scope: upload.scope.to_owned(),
        project_id: crate::service::current_project(),
        workbook_name: workbook.map(str::to_owned),
        created_at: now,
        updated_at: Some(now),
    })
}

/// Refuses names that would be shadowed by, or shadow, another kind of
/// action: the standard actions and the uploaded components of the
/// definition's project (names are unique per project).
async fn check_names(store: &Store, defs: &[ActionDefinition]) -> Result<(), DefinitionError> {
    for def in defs {
        check_name(store, &def.name, &def.project_id).await?;
    }
    Ok(())
}

async fn check_name(store: &Store, name: &str, project: &str) -> Result<(), DefinitionError> {
    if is_std(name) {
        return Err(DefinitionError::Duplicate(format!(
            "Duplicate entry for Action [name={name}]: a system action has this name"
        )));
    }
    let own = ProjectScope::only(project);
    if store
        .latest_action_component(name, own.change())
        .await?
        .is_some()
    {
        return Err(DefinitionError::Duplicate(format!(
            "Duplicate entry for Action [name={name}]: an uploaded action has this name"
        )));
    }
    Ok(())
}

/// Parses an action list and stores its actions.
///
/// # Errors
/// [`DefinitionError::Invalid`] for a bad document, `Duplicate` for a name
/// taken, `Store` when the store fails.
pub async fn put_action_list(
    store: &Store,
    text: &str,
    upload: Upload<'_>,
) -> Result<Vec<ActionDefinition>, DefinitionError> {
    let list = bora_lang::parse_actions(text).map_err(invalid)?;
    let count = list.actions.len();
    let defs = list
        .actions
        .iter()
        .map(|action| {
            let definition = if count <= 1 {
                text.to_owned()
            } else {
                cut_top_level(text, &action.name)
            };
            record(action, action.name.clone(), definition, upload, None)
        })
        .collect::<Result<Vec<_>, _>>()?;
    check_names(store, &defs).await?;
    Ok(store.put_action_definitions(&defs, upload.replace).await?)
}

/// Checks that a workbook's actions can be stored (their full names are
/// not taken by standard or uploaded actions), before the workbook is.
///
/// # Errors
/// [`DefinitionError::Duplicate`] naming the action, or `Store`.
pub async fn check_workbook_actions(
    store: &Store,
    workbook: &bora_lang::model::Workbook,
) -> Result<(), DefinitionError> {
    let project = crate::service::current_project();
    for action in &workbook.actions {
        check_name(store, &workbook.qualified_name(&action.name), &project).await?;
    }
    Ok(())
}

/// Stores a workbook's actions as `<workbook>.<action>` (replacing earlier
/// uploads of the workbook).
///
/// # Errors
/// As [`put_action_list`].
pub async fn put_workbook_actions(
    store: &Store,
    workbook: &bora_lang::model::Workbook,
    text: &str,
    namespace: &str,
    scope: &str,
) -> Result<Vec<ActionDefinition>, DefinitionError> {
    if workbook.actions.is_empty() {
        return Ok(Vec::new());
    }
    let upload = Upload {
        namespace,
        scope,
        replace: true,
    };
    let defs = workbook
        .actions
        .iter()
        .map(|action| {
            let name = workbook.qualified_name(&action.name);
            record(
                action,
                name,
                cut_workbook_action(text, &action.name),
                upload,
                Some(&workbook.name),
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    check_names(store, &defs).await?;
    Ok(store.put_action_definitions(&defs, true).await?)
}

/// The key of a mapping line (`name:` or `'name':`), if the line is one.
fn key_of(line: &str) -> Option<&str> {
    let (key, _) = line.trim().split_once(':')?;
    Some(key.trim().trim_matches(['\'', '"']))
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

fn is_content(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && !t.starts_with('#')
}

/// The part of a multi-action document that defines `name`, as its own
/// document (Mistral keeps each action's definition separately).
fn cut_top_level(text: &str, name: &str) -> String {
    let mut out = String::from("---\nversion: '2.0'\n\n");
    let mut inside = false;
    for line in text.lines() {
        if is_content(line) && indent_of(line) == 0 {
            inside = key_of(line) == Some(name);
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// A workbook action's block (under `actions:`), dedented into an action
/// list document of its own; the whole text when the layout is unusual.
fn cut_workbook_action(text: &str, name: &str) -> String {
    let mut out = String::from("---\nversion: '2.0'\n\n");
    let mut in_actions = false;
    let mut item_indent = None;
    let mut inside = false;
    let mut found = false;
    for line in text.lines() {
        if is_content(line) && indent_of(line) == 0 {
            in_actions = key_of(line) == Some("actions");
            inside = false;
            continue;
        }
        if !in_actions {
            continue;
        }
        if is_content(line) {
            let indent = indent_of(line);
            let level = *item_indent.get_or_insert(indent);
            if indent <= level {
                inside = indent == level && key_of(line) == Some(name);
                found |= inside;
            }
        }
        if inside {
            let dedent = item_indent.unwrap_or(0).min(indent_of(line));
            out.push_str(&line[dedent..]);
            out.push('\n');
        }
    }
    if found { out } else { text.to_owned() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_one_action_out_of_a_list() {
        let text = "version: '2.0'\na1:\n  base: std.echo\n\na2:\n  base: std.noop\n";
        assert_eq!(
            cut_top_level(text, "a2"),
            "---\nversion: '2.0'\n\na2:\n  base: std.noop\n"
        );
    }

    #[test]
    fn cuts_one_action_out_of_a_workbook() {
        let text = "version: '2.0'\nname: wb\nactions:\n  one:\n    base: std.echo\n    \
                    base-input:\n      output: x\n  two:\n    base: std.noop\nworkflows:\n  \
                    wf:\n    tasks: {}\n";
        assert_eq!(
            cut_workbook_action(text, "one"),
            "---\nversion: '2.0'\n\none:\n  base: std.echo\n  base-input:\n    output: x\n"
        );
        assert_eq!(
            cut_workbook_action(text, "two"),
            "---\nversion: '2.0'\n\ntwo:\n  base: std.noop\n"
        );
        assert_eq!(cut_workbook_action(text, "wf"), text);
    }
}
