//! Workflow definitions: workbooks and workflow documents, checked against
//! the limits and ceilings and stored one record per workflow; reading and
//! deleting them.

use std::collections::HashMap;
use std::sync::Arc;

use bora_core::limits::find_nul;
use bora_core::plan::Plan;
use bora_lang::model::{IntOrExpr, Workflow};
use bora_store::{Lookup, ProjectScope, WorkbookRecord, WorkflowDefinition};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::definition_cache::{Read, StartDefinition};
use super::{Service, ServiceError, bad};
use crate::clock::now_micros;
use crate::runtime::{Ceilings, Limit};

fn sha256(text: &str) -> String {
    hex::encode(Sha256::digest(text.as_bytes()))
}

/// Mistral's input string: `a, b="x"` (defaults as JSON).
pub fn input_string(workflow: &Workflow) -> String {
    bora_core::input::input_spec(&workflow.input)
}

/// Mistral's workflow interface: input names (with defaults) and output keys.
pub fn interface(workflow: &Workflow) -> Value {
    let input: Vec<Value> = workflow
        .input
        .iter()
        .map(|p| match &p.default {
            Some(default) => json!({ p.name.clone(): default }),
            None => Value::String(p.name.clone()),
        })
        .collect();
    let output: Vec<&String> = workflow.output.keys().collect();
    json!({"input": input, "output": output})
}

/// A stored spec, parsed (unreadable only if the store was tampered with).
pub(super) fn parse_spec(spec: &str) -> Result<Workflow, ServiceError> {
    serde_json::from_str(spec)
        .map_err(|e| ServiceError::Internal(format!("stored spec unreadable: {e}")))
}

/// A 400 for a definition whose YAML makes a NUL character (an escape such
/// as `"\0"`), naming where: PostgreSQL cannot store it.
fn nul_in_definition(text: &str) -> ServiceError {
    fn find(node: &bora_lang::yaml::Node) -> Option<bora_lang::Pos> {
        use bora_lang::yaml::Value as Y;
        match &node.value {
            Y::Str(s) if s.contains('\0') => Some(node.pos),
            Y::Seq(items) => items.iter().find_map(find),
            Y::Map(pairs) => pairs.iter().find_map(|(k, v)| find(k).or_else(|| find(v))),
            _ => None,
        }
    }
    let at = bora_lang::yaml::load(text)
        .ok()
        .as_ref()
        .and_then(find)
        .map_or_else(String::new, |pos| format!(" in the value at {pos}"));
    bad(format!(
        "The definition makes a NUL character (\\u0000){at}, which is not accepted."
    ))
}

/// Lists a definition's errors, one per line, as a 400.
fn invalid(errors: bora_lang::Errors) -> ServiceError {
    ServiceError::BadRequest(
        errors
            .iter()
            .map(|e| e.to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// Refuses a workflow whose tasks' literal `limits` (task-defaults
/// applied) are above the ceilings; expressions are checked when they are
/// evaluated, by the runtime.
fn check_ceilings(workflow: &Workflow, ceilings: &Ceilings) -> Result<(), ServiceError> {
    for raw in &workflow.tasks {
        let Some(limits) = workflow.task(&raw.name).and_then(|t| t.limits) else {
            continue;
        };
        for (limit, value) in [(Limit::Fuel, &limits.fuel), (Limit::Memory, &limits.memory)] {
            if let Some(IntOrExpr::Int(n)) = value
                && let Err(over) = ceilings.check(limit, *n)
            {
                return Err(ServiceError::BadRequest(format!(
                    "Invalid task '{}' of workflow '{}': limits.{} {over}",
                    raw.name,
                    workflow.name,
                    limit.key()
                )));
            }
        }
    }
    Ok(())
}

/// A definition record for a parsed workflow, with its spec as JSON.
fn definition_record(
    workflow: &Workflow,
    definition: String,
    namespace: &str,
    scope: &str,
    workbook: Option<&str>,
) -> Result<(WorkflowDefinition, String), ServiceError> {
    let spec =
        serde_json::to_string(workflow).map_err(|e| ServiceError::Internal(e.to_string()))?;
    let now = now_micros();
    Ok((
        WorkflowDefinition {
            id: crate::ids::new_id(),
            name: workflow.name.clone(),
            namespace: namespace.to_owned(),
            checksum: sha256(&definition)[..32].to_owned(),
            definition,
            spec_hash: sha256(&spec),
            input: input_string(workflow),
            interface: interface(workflow).to_string(),
            tags: workflow.tags.clone(),
            scope: scope.to_owned(),
            project_id: crate::service::current_project(),
            workbook_name: workbook.map(str::to_owned),
            created_at: now,
            updated_at: Some(now),
        },
        spec,
    ))
}

/// The part of a multi-workflow document that defines `name`, as its own
/// document (Mistral stores each workflow's definition separately).
fn cut_definition(text: &str, name: &str, count: usize) -> String {
    if count <= 1 {
        return text.to_owned();
    }
    let mut out = String::from("---\nversion: '2.0'\n\n");
    let mut inside = false;
    for line in text.lines() {
        let top_level = !line.is_empty() && !line.starts_with([' ', '\t', '#']);
        if top_level {
            let key = line
                .split(':')
                .next()
                .unwrap_or("")
                .trim()
                .trim_matches(['\'', '"']);
            inside = key == name;
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

impl Service {
    /// A definition's size, before parsing it.
    fn check_definition_size(&self, text: &str) -> Result<(), ServiceError> {
        let max = self.limits.max_definition_bytes;
        if text.len() > max {
            return Err(bad(format!(
                "The definition is {} bytes, over the limit of {max} bytes (max_definition_bytes)",
                text.len()
            )));
        }
        Ok(())
    }

    /// A parsed workflow's task count, and no NUL character anywhere in it
    /// (a YAML escape `\0` can make one; PostgreSQL cannot store it).
    fn check_workflow(&self, text: &str, workflow: &Workflow) -> Result<(), ServiceError> {
        let max = self.limits.max_tasks;
        if workflow.tasks.len() > max {
            return Err(bad(format!(
                "Workflow '{}' has {} tasks, over the limit of {max} tasks (max_tasks)",
                workflow.name,
                workflow.tasks.len()
            )));
        }
        let spec =
            serde_json::to_value(workflow).map_err(|e| ServiceError::Internal(e.to_string()))?;
        if find_nul(&spec).is_some() {
            return Err(nul_in_definition(text));
        }
        Ok(())
    }

    /// Parses a workflow document into definitions ready to store.
    fn definitions(
        &self,
        text: &str,
        namespace: &str,
        scope: &str,
    ) -> Result<Vec<(WorkflowDefinition, String)>, ServiceError> {
        self.check_definition_size(text)?;
        let list = bora_lang::parse_workflows(text).map_err(invalid)?;
        for workflow in &list.workflows {
            check_ceilings(workflow, &self.ceilings)?;
            self.check_workflow(text, workflow)?;
        }
        let count = list.workflows.len();
        list.workflows
            .iter()
            .map(|workflow| {
                let definition = cut_definition(text, &workflow.name, count);
                definition_record(workflow, definition, namespace, scope, None)
            })
            .collect()
    }

    /// Checks a document as storing it would (size, language, task count,
    /// ceilings, NUL characters) without storing anything: Mistral's
    /// `POST /v2/{workflows,workbooks,actions}/validate`. Names already
    /// taken are not checked (that depends on when the document is stored).
    pub fn validate_document(&self, kind: bora_lang::Kind, text: &str) -> Result<(), ServiceError> {
        self.check_definition_size(text)?;
        match kind {
            bora_lang::Kind::Workflows => self.definitions(text, "", "private").map(|_| ()),
            bora_lang::Kind::Workbook => {
                let workbook = bora_lang::parse_workbook(text).map_err(invalid)?;
                for workflow in &workbook.workflows {
                    self.check_workflow(text, workflow)?;
                    let mut qualified = workflow.clone();
                    qualified.name = workbook.qualified_name(&workflow.name);
                    check_ceilings(&qualified, &self.ceilings)?;
                }
                Ok(())
            }
            bora_lang::Kind::Actions => {
                let list = bora_lang::parse_actions(text).map_err(invalid)?;
                let whole = serde_json::to_value(&list)
                    .map_err(|e| ServiceError::Internal(e.to_string()))?;
                if find_nul(&whole).is_some() {
                    return Err(nul_in_definition(text));
                }
                Ok(())
            }
        }
    }

    /// Stores a workbook and its workflows as `<workbook>.<workflow>`
    /// (`POST /v2/workbooks`, or `PUT` with `update`).
    pub async fn put_workbook(
        &self,
        text: &str,
        namespace: &str,
        scope: &str,
        update: bool,
    ) -> Result<WorkbookRecord, ServiceError> {
        self.check_definition_size(text)?;
        let workbook = bora_lang::parse_workbook(text).map_err(invalid)?;
        for workflow in &workbook.workflows {
            self.check_workflow(text, workflow)?;
        }
        let whole =
            serde_json::to_value(&workbook).map_err(|e| ServiceError::Internal(e.to_string()))?;
        if find_nul(&whole).is_some() {
            return Err(nul_in_definition(text));
        }
        let now = now_micros();
        let defs = workbook
            .workflows
            .iter()
            .map(|workflow| {
                let mut workflow = workflow.clone();
                workflow.name = workbook.qualified_name(&workflow.name);
                check_ceilings(&workflow, &self.ceilings)?;
                definition_record(
                    &workflow,
                    text.to_owned(),
                    namespace,
                    scope,
                    Some(&workbook.name),
                )
            })
            .collect::<Result<Vec<_>, _>>()?;
        let record = WorkbookRecord {
            id: crate::ids::new_id(),
            name: workbook.name.clone(),
            namespace: namespace.to_owned(),
            definition: text.to_owned(),
            tags: workbook.tags.clone(),
            scope: scope.to_owned(),
            project_id: crate::service::current_project(),
            created_at: now,
            updated_at: Some(now),
        };
        // Names taken by standard or uploaded actions fail before anything is stored.
        crate::actions::definitions::check_workbook_actions(&self.store, &workbook).await?;
        let stored = self.store.put_workbook(&record, &defs, update).await;
        self.definitions.clear();
        let stored = stored?;
        // The workbook's actions become `<workbook>.<action>`.
        crate::actions::definitions::put_workbook_actions(
            &self.store,
            &workbook,
            text,
            namespace,
            scope,
        )
        .await?;
        Ok(stored)
    }

    /// Stores the workflows of a document (`POST /v2/workflows`).
    pub async fn create_workflows(
        &self,
        text: &str,
        namespace: &str,
        scope: &str,
    ) -> Result<Vec<WorkflowDefinition>, ServiceError> {
        let mut defs = self.definitions(text, namespace, scope)?;
        for (def, _) in &mut defs {
            def.updated_at = None;
        }
        let created = self.store.create_workflows(&defs).await;
        // A new definition of the caller's own may hide a public one.
        self.definitions.clear();
        created?;
        Ok(defs.into_iter().map(|(d, _)| d).collect())
    }

    /// Replaces (or creates) the workflows of a document (`PUT /v2/workflows`).
    pub async fn update_workflows(
        &self,
        text: &str,
        namespace: &str,
        scope: &str,
    ) -> Result<Vec<WorkflowDefinition>, ServiceError> {
        let defs = self.definitions(text, namespace, scope)?;
        let updated = self.store.update_workflows(&defs).await;
        self.definitions.clear();
        Ok(updated?)
    }

    /// A workflow definition (by id or name, as `lookup`'s caller means
    /// it) and its plan (the parsed spec, shared with the scheduler's
    /// cache: read and parsed once per spec).
    pub(super) async fn workflow_spec(
        &self,
        workflow: &str,
        namespace: &str,
        lookup: Lookup<'_>,
    ) -> Result<(WorkflowDefinition, Arc<Plan>), ServiceError> {
        let def = self.store.get_workflow(workflow, namespace, lookup).await?;
        let plan = self.plan(&def.spec_hash).await?;
        Ok((def, plan))
    }

    /// [`Service::workflow_spec`] for running as `scope`: with
    /// [`Read::Kept`] from the definitions this node's starts used when it
    /// is there, with the definitions' generation it was read at (a start
    /// made from it must be stored by a commit that finds the generation
    /// unmoved, see [`super::definition_cache`]); with [`Read::Fresh`] from
    /// the store (and kept), with nothing to check.
    pub(super) async fn start_spec(
        &self,
        workflow: &str,
        namespace: &str,
        scope: &ProjectScope,
        read: Read,
    ) -> Result<(StartDefinition, Arc<Plan>, Option<i64>), ServiceError> {
        let kept = match read {
            Read::Kept => self.definitions.get(workflow, namespace, scope),
            Read::Fresh => None,
        };
        let (def, generation) = match kept {
            Some(found) => found,
            None => {
                let (def, generation) = self
                    .store
                    .get_workflow_at(workflow, namespace, scope.read())
                    .await?;
                let def = StartDefinition::from(def);
                self.definitions
                    .put(workflow, namespace, scope, def.clone(), generation);
                (def, generation)
            }
        };
        let plan = self.plan(&def.spec_hash).await?;
        let check = matches!(read, Read::Kept).then_some(generation);
        Ok((def, plan, check))
    }

    /// The scheduler's plan of a stored spec.
    async fn plan(&self, spec_hash: &str) -> Result<Arc<Plan>, ServiceError> {
        self.scheduler
            .plan(spec_hash)
            .await
            .map_err(|err| match err {
                crate::scheduler::SchedulerError::Store(err) => ServiceError::from(err),
                other => ServiceError::Internal(other.to_string()),
            })
    }

    /// [`Service::workflow_spec`] of the workflow the request's project
    /// means (its own, else a public one): what a new trigger starts, as
    /// its project, also when an admin makes it.
    pub(super) async fn visible_workflow_spec(
        &self,
        workflow: &str,
        namespace: &str,
    ) -> Result<(WorkflowDefinition, Arc<Plan>), ServiceError> {
        let caller = ProjectScope::only(&super::current_project());
        self.workflow_spec(workflow, namespace, caller.read()).await
    }

    /// Definition lookups by id for many executions (list endpoints).
    pub async fn workflow_names(&self) -> Result<HashMap<String, String>, ServiceError> {
        Ok(self
            .store
            .list_workflows()
            .await?
            .into_iter()
            .map(|d| (d.id, d.name))
            .collect())
    }

    /// Every workbook.
    pub async fn list_workbooks(&self) -> Result<Vec<WorkbookRecord>, ServiceError> {
        Ok(self.store.list_workbooks().await?)
    }

    /// One workbook by name or id in a namespace, as `scope` means it.
    pub async fn get_workbook(
        &self,
        name: &str,
        namespace: &str,
        scope: &ProjectScope,
    ) -> Result<WorkbookRecord, ServiceError> {
        Ok(self
            .store
            .get_workbook(name, namespace, scope.read())
            .await?)
    }

    /// Deletes a workbook record of `scope`'s project; its workflows stay
    /// (Mistral's behaviour).
    pub async fn delete_workbook(
        &self,
        name: &str,
        namespace: &str,
        scope: &ProjectScope,
    ) -> Result<(), ServiceError> {
        Ok(self
            .store
            .delete_workbook(name, namespace, scope.change())
            .await?)
    }

    /// Every workflow definition.
    pub async fn list_workflows(&self) -> Result<Vec<WorkflowDefinition>, ServiceError> {
        Ok(self.store.list_workflows().await?)
    }

    /// One workflow definition by id or name in a namespace, as `scope`
    /// means it.
    pub async fn get_workflow(
        &self,
        id: &str,
        namespace: &str,
        scope: &ProjectScope,
    ) -> Result<WorkflowDefinition, ServiceError> {
        Ok(self.store.get_workflow(id, namespace, scope.read()).await?)
    }

    /// Deletes a workflow definition of `scope`'s project, unless a cron or
    /// event trigger would start it (Mistral refuses: the trigger would
    /// fire a workflow that is gone).
    pub async fn delete_workflow(
        &self,
        id: &str,
        namespace: &str,
        scope: &ProjectScope,
    ) -> Result<(), ServiceError> {
        let def = self
            .store
            .get_workflow(id, namespace, scope.change())
            .await?;
        let triggers = self.store.cron_triggers_of_workflow(&def.id).await?;
        if !triggers.is_empty() {
            return Err(bad(format!(
                "Can't delete workflow that has cron triggers associated. \
                 [workflow_identifier={id}], [cron_trigger_name(s)={}]",
                triggers.join(", ")
            )));
        }
        let triggers = self.store.event_triggers_of_workflow(&def.id).await?;
        if !triggers.is_empty() {
            return Err(bad(format!(
                "Can't delete workflow that has event triggers associated. \
                 [workflow_identifier={id}], [event_trigger_name(s)={}]",
                triggers.join(", ")
            )));
        }
        let deleted = self
            .store
            .delete_workflow(&def.id, namespace, scope.change())
            .await;
        self.definitions.clear();
        Ok(deleted?)
    }
}
