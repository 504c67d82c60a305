//! Jinja expressions through minijinja, configured like Mistral's
//! `SandboxedEnvironment(undefined=StrictUndefined)`.
