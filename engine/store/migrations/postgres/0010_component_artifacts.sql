-- Uploaded components compiled once: the native code wasmtime made of a
-- component (Engine::precompile_component), one row per component digest and
-- engine. `engine` is the hash of wasmtime's precompile compatibility
-- (its version, target, CPU features and code generation settings): a node
-- only loads an artifact an engine like its own wrote, and no node compiles
-- what another one compiled already.
CREATE TABLE component_artifacts (
    digest     TEXT NOT NULL,
    engine     TEXT NOT NULL,
    bytes      BYTEA NOT NULL,
    -- SHA-256 of bytes, checked before they are loaded as code
    sha256     TEXT NOT NULL,
    size       BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (digest, engine)
);

-- An upload is compiled in the background: compiling, then ready or error
-- (with the reason). Versions stored before this migration were compiled at
-- upload.
ALTER TABLE action_components ADD COLUMN compile_state TEXT NOT NULL DEFAULT 'ready';
ALTER TABLE action_components ADD COLUMN compile_error TEXT;
