//! Backends for the store suite: a temp-file SQLite always, and a fresh
//! PostgreSQL database when `BORA_TEST_POSTGRES_URL` is set.

use bora_store::Store;

mod pg;

// Not every suite uses both ways in.
#[allow(dead_code)]
pub struct TestBackend {
    pub name: &'static str,
    pub store: Store,
    /// The database URL (for statements the store has no call for).
    pub url: String,
    _guard: Guard,
}

/// What keeps a backend's database alive until the test ends.
pub enum Guard {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres(#[allow(dead_code)] pg::TempPostgres),
}

/// A fresh, empty database of every configured backend: its backend's
/// name, URL and what keeps it (nothing is migrated).
pub async fn empty_databases() -> Vec<(&'static str, String, Guard)> {
    let mut out = Vec::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    out.push(("sqlite", url, Guard::Sqlite(dir)));
    if let Some(pg) = pg::TempPostgres::create("bora_test").await {
        out.push(("postgres", pg.url.clone(), Guard::Postgres(pg)));
    }
    out
}

/// Every backend configured for this run, each on a fresh database.
#[allow(dead_code)]
pub async fn backends() -> Vec<TestBackend> {
    let mut out = Vec::new();
    for (name, url, guard) in empty_databases().await {
        out.push(TestBackend {
            name,
            store: Store::connect(&url).await.expect("store"),
            url,
            _guard: guard,
        });
    }
    out
}
