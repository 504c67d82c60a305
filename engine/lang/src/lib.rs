//! Mistral Workflow Language v2: the typed model of workflows, workbooks and
//! ad-hoc actions, a YAML loader that keeps source positions, and a validator
//! that applies Mistral's rules.
