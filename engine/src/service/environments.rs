//! Environments: named variable sets that executions take as `env`
//! (`params.env` given as the environment's name).

use bora_expr::python;
use bora_store::{EnvironmentRecord, ProjectScope, StoreError};
use serde_json::{Map, Value};

use super::{Service, ServiceError, bad};
use crate::clock::now_micros;
use crate::secrets;

impl Service {
    /// The `env` of a new execution: a dict as given, or the variables of
    /// the environment a name designates (Mistral's `params.env`).
    pub async fn resolve_env(
        &self,
        env: Option<&Value>,
        scope: &ProjectScope,
    ) -> Result<Map<String, Value>, ServiceError> {
        match env {
            Some(Value::Object(map)) => Ok(map.clone()),
            Some(Value::String(name)) if !name.is_empty() => {
                match self.store.get_environment(name, scope.read()).await {
                    Ok(found) => Ok(found.variables),
                    Err(StoreError::NotFound { .. }) => {
                        Err(bad(format!("Environment is not found: {name}")))
                    }
                    Err(other) => Err(other.into()),
                }
            }
            // Mistral treats every false value as "no environment".
            None | Some(Value::Null) | Some(Value::Bool(false)) | Some(Value::String(_)) => {
                Ok(Map::new())
            }
            Some(Value::Array(items)) if items.is_empty() => Ok(Map::new()),
            // Python's `str(env)` and `type(env)`.
            Some(other) => Err(bad(format!(
                "Unexpected value type for environment [env={}, type=<class '{}'>]",
                python::to_str(other),
                python::type_name(other)
            ))),
        }
    }

    /// `variables` with each of `secrets` added, sealed for `project` (see
    /// [`crate::secrets`]).
    fn seal_secrets(
        &self,
        variables: &mut Map<String, Value>,
        secrets: &Map<String, Value>,
        project: &str,
    ) -> Result<(), ServiceError> {
        for (name, value) in secrets {
            let Value::String(text) = value else {
                return Err(bad(format!(
                    "Secret '{name}' of the environment must be a string, got {}",
                    python::type_name(value)
                )));
            };
            let sealed = self
                .runtime
                .keyring()
                .seal(project, text)
                .map_err(|err| bad(format!("Cannot store secret '{name}': {err}")))?;
            variables.insert(name.clone(), Value::String(sealed));
        }
        Ok(())
    }

    /// Stores a new environment (`POST /v2/environments`); `secrets` are
    /// variables sealed at rest and never shown.
    pub async fn create_environment(
        &self,
        name: &str,
        description: Option<String>,
        mut variables: Map<String, Value>,
        secrets: &Map<String, Value>,
        scope: &str,
    ) -> Result<EnvironmentRecord, ServiceError> {
        if let Some(both) = secrets.keys().find(|k| variables.contains_key(*k)) {
            return Err(bad(format!(
                "'{both}' is given both as a variable and as a secret of the environment"
            )));
        }
        let project = crate::service::current_project();
        self.seal_secrets(&mut variables, secrets, &project)?;
        let record = EnvironmentRecord {
            id: crate::ids::new_id(),
            name: name.to_owned(),
            description,
            variables,
            scope: scope.to_owned(),
            project_id: project,
            created_at: now_micros(),
            updated_at: None,
        };
        self.store.create_environment(&record).await?;
        Ok(record)
    }

    /// Changes an environment's description, variables or scope
    /// (`PUT /v2/environments`); what is `None` stays. New `variables`
    /// replace the old ones, except that a secret given back as it is shown
    /// (`***`) keeps its value; `secrets` are added (sealed) or replaced.
    /// The body names it: only `caller`'s project's own may change.
    pub async fn update_environment(
        &self,
        name: &str,
        description: Option<&str>,
        variables: Option<Map<String, Value>>,
        secrets: &Map<String, Value>,
        scope: Option<&str>,
        caller: &ProjectScope,
    ) -> Result<EnvironmentRecord, ServiceError> {
        let current = self.store.get_environment(name, caller.change()).await?;
        let variables = match variables {
            Some(mut given) => {
                keep_masked_secrets(&mut given, &current.variables);
                Some(given)
            }
            None if secrets.is_empty() => None,
            None => Some(current.variables.clone()),
        };
        let variables = match variables {
            Some(mut variables) => {
                self.seal_secrets(&mut variables, secrets, &current.project_id)?;
                Some(variables)
            }
            None => None,
        };
        Ok(self
            .store
            .update_environment(
                name,
                description,
                variables.as_ref(),
                scope,
                now_micros(),
                caller.change(),
            )
            .await?)
    }

    /// Every environment.
    pub async fn list_environments(&self) -> Result<Vec<EnvironmentRecord>, ServiceError> {
        Ok(self.store.list_environments().await?)
    }

    /// One environment by name or id, as `scope` means it.
    pub async fn get_environment(
        &self,
        name: &str,
        scope: &ProjectScope,
    ) -> Result<EnvironmentRecord, ServiceError> {
        Ok(self.store.get_environment(name, scope.read()).await?)
    }

    /// Deletes an environment of `scope`'s project by name; executions
    /// keep their copy.
    pub async fn delete_environment(
        &self,
        name: &str,
        scope: &ProjectScope,
    ) -> Result<(), ServiceError> {
        Ok(self.store.delete_environment(name, scope.change()).await?)
    }
}

/// A variable given back as `***` where a secret was keeps the secret: a
/// client that read the environment and sends it back changes nothing.
fn keep_masked_secrets(given: &mut Map<String, Value>, current: &Map<String, Value>) {
    for (name, value) in given.iter_mut() {
        if value.as_str() == Some(secrets::MASK)
            && let Some(old) = current.get(name)
            && secrets::has_marker(old)
        {
            *value = old.clone();
        }
    }
}
