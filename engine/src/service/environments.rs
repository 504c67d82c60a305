//! Environments: named variable sets that executions take as `env`
//! (`params.env` given as the environment's name).

use bora_expr::python;
use bora_store::{EnvironmentRecord, ProjectScope, StoreError};
use serde_json::{Map, Value};

use super::{Service, ServiceError, bad};
use crate::clock::now_micros;

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
                match self.store.get_environment(name).await {
                    Ok(found) if scope.sees_definition(&found.project_id, &found.scope) => {
                        Ok(found.variables)
                    }
                    Ok(_) | Err(StoreError::NotFound { .. }) => {
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

    /// Stores a new environment (`POST /v2/environments`).
    pub async fn create_environment(
        &self,
        name: &str,
        description: Option<String>,
        variables: Map<String, Value>,
        scope: &str,
    ) -> Result<EnvironmentRecord, ServiceError> {
        let record = EnvironmentRecord {
            id: uuid::Uuid::new_v4().to_string(),
            name: name.to_owned(),
            description,
            variables,
            scope: scope.to_owned(),
            project_id: crate::service::current_project(),
            created_at: now_micros(),
            updated_at: None,
        };
        self.store.create_environment(&record).await?;
        Ok(record)
    }

    /// Changes an environment's description, variables or scope
    /// (`PUT /v2/environments`); what is `None` stays.
    pub async fn update_environment(
        &self,
        name: &str,
        description: Option<&str>,
        variables: Option<&Map<String, Value>>,
        scope: Option<&str>,
    ) -> Result<EnvironmentRecord, ServiceError> {
        // The body names it: only the caller's project's may change.
        let current = self.store.get_environment(name).await?;
        if current.project_id != crate::service::current_project() {
            return Err(StoreError::NotFound {
                kind: "Environment",
                key: format!("name={name}"),
            }
            .into());
        }
        Ok(self
            .store
            .update_environment(name, description, variables, scope, now_micros())
            .await?)
    }

    /// Every environment.
    pub async fn list_environments(&self) -> Result<Vec<EnvironmentRecord>, ServiceError> {
        Ok(self.store.list_environments().await?)
    }

    /// One environment by name or id.
    pub async fn get_environment(&self, name: &str) -> Result<EnvironmentRecord, ServiceError> {
        Ok(self.store.get_environment(name).await?)
    }

    /// Deletes an environment by name; executions keep their copy.
    pub async fn delete_environment(&self, name: &str) -> Result<(), ServiceError> {
        Ok(self.store.delete_environment(name).await?)
    }
}
