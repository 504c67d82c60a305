-- Names are unique per project: each by-name UNIQUE constraint of a
-- definition table takes project_id in, so that a project can use a name
-- another project holds (and learns nothing of it). The new constraints
-- have the names PostgreSQL gives such constraints in a CREATE TABLE.
-- (SQLite rebuilds the tables for the same change.)

ALTER TABLE workflow_definitions DROP CONSTRAINT workflow_definitions_name_namespace_key;
ALTER TABLE workflow_definitions ADD CONSTRAINT workflow_definitions_name_namespace_project_id_key
    UNIQUE (name, namespace, project_id);

ALTER TABLE workbooks DROP CONSTRAINT workbooks_name_namespace_key;
ALTER TABLE workbooks ADD CONSTRAINT workbooks_name_namespace_project_id_key
    UNIQUE (name, namespace, project_id);

ALTER TABLE action_definitions DROP CONSTRAINT action_definitions_name_namespace_key;
ALTER TABLE action_definitions ADD CONSTRAINT action_definitions_name_namespace_project_id_key
    UNIQUE (name, namespace, project_id);

ALTER TABLE environments DROP CONSTRAINT environments_name_key;
ALTER TABLE environments ADD CONSTRAINT environments_name_project_id_key
    UNIQUE (name, project_id);

ALTER TABLE cron_triggers DROP CONSTRAINT cron_triggers_name_key;
ALTER TABLE cron_triggers ADD CONSTRAINT cron_triggers_name_project_id_key
    UNIQUE (name, project_id);

ALTER TABLE event_triggers DROP CONSTRAINT event_triggers_name_key;
ALTER TABLE event_triggers ADD CONSTRAINT event_triggers_name_project_id_key
    UNIQUE (name, project_id);
