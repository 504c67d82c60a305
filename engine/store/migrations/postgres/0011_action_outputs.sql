-- What an action wrote to stdout and stderr and sent through its `log`
-- import (bounded by the executor), kept beside its action execution and
-- deleted with its workflow execution. A row only for actions that said
-- something. (Numbered 0010 to leave room for migrations of parallel work.)
CREATE TABLE action_outputs (
    action_execution_id   TEXT PRIMARY KEY,
    workflow_execution_id TEXT,
    output                TEXT NOT NULL,
    created_at            BIGINT NOT NULL
);
CREATE INDEX action_outputs_execution ON action_outputs (workflow_execution_id);
