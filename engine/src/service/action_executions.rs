//! Action executions: completing a running action from outside.

use std::time::Duration;

use bora_core::records::{ActionExecution, ActionResult};
use bora_core::state::State;
use bora_core::step::Event;
use serde_json::Value;

use super::{Service, ServiceError, bad};
use crate::clock::now_micros;

impl Service {
    /// Completes a RUNNING action from outside (`PUT
    /// /v2/action_executions/{id}`): an action of a task goes to its
    /// execution as `ActionCompleted`, as the executor reports results; an
    /// ad-hoc one is stored directly. Returns the action afterwards.
    pub async fn complete_action(
        &self,
        id: &str,
        result: ActionResult,
    ) -> Result<ActionExecution, ServiceError> {
        let mut action = self.store.get_action(id).await?;
        if action.state != State::Running {
            return Err(bad(format!(
                "Action execution [id={id}] is not RUNNING but {}: only a running \
                 action can be completed.",
                action.state
            )));
        }
        // An ad-hoc action over an async base applies its `output` now.
        let result = match crate::actions::completed_result(&self.store, &action, result).await {
            Ok(result) => result,
            Err(err) => ActionResult::Error(Value::String(err.to_string())),
        };
        let Some(execution_id) = action.workflow_execution_id.clone() else {
            action.state = result.state();
            action.accepted = true;
            action.result = Some(result);
            action.updated_at = Some(now_micros());
            self.store
                .put_adhoc_actions(std::slice::from_ref(&action))
                .await?;
            return Ok(action);
        };
        self.send(
            &execution_id,
            Event::ActionCompleted {
                action_id: id.to_owned(),
                result,
            },
        )
        .await?;
        // The step that applies it follows at once; bounded in case the
        // execution is held elsewhere (another node's lock).
        self.poll(
            &execution_id,
            Duration::from_secs(10),
            || self.store.get_action(id),
            |current| current.state != State::Running,
        )
        .await
    }
}
