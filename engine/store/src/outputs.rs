//! What actions printed and logged, kept beside their action executions
//! (one row per action execution that said something; the executor bounds
//! the text). Deleted with the workflow execution.

use crate::Result;
use crate::db::Store;

impl Store {
    /// Keeps the output of action execution `action_id` of execution
    /// `execution_id` (a rerun of the same action execution replaces it).
    pub async fn put_action_output(
        &self,
        action_id: &str,
        execution_id: Option<&str>,
        output: &str,
        now: i64,
    ) -> Result<()> {
        let _writer = self.writer().await;
        sqlx::query(
            "INSERT INTO action_outputs (action_execution_id, workflow_execution_id, output, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (action_execution_id) \
             DO UPDATE SET output = excluded.output, created_at = excluded.created_at",
        )
        .bind(action_id.to_owned())
        .bind(execution_id.map(str::to_owned))
        .bind(output.to_owned())
        .bind(now)
        .execute(self.bounded())
        .await?;
        Ok(())
    }

    /// The output kept for action execution `action_id`, if any.
    pub async fn action_output(&self, action_id: &str) -> Result<Option<String>> {
        let output =
            sqlx::query_scalar("SELECT output FROM action_outputs WHERE action_execution_id = $1")
                .bind(action_id.to_owned())
                .fetch_optional(self.bounded())
                .await?;
        Ok(output)
    }
}
