//! Backends for the store suite: a temp-file SQLite always, and a fresh
//! PostgreSQL database when `BORA_TEST_POSTGRES_URL` is set.

use bora_store::Store;

mod pg;

pub struct TestBackend {
    pub name: &'static str,
    pub store: Store,
    _guard: Guard,
}

/// What keeps a backend's database alive until the test ends.
enum Guard {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres(#[allow(dead_code)] pg::TempPostgres),
}

/// Every backend configured for this run, each on a fresh database.
pub async fn backends() -> Vec<TestBackend> {
    let mut out = Vec::new();
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("bora.sqlite").display());
    out.push(TestBackend {
        name: "sqlite",
        store: Store::connect(&url).await.expect("sqlite store"),
        _guard: Guard::Sqlite(dir),
    });
    if let Some(pg) = pg::TempPostgres::create("bora_test").await {
        out.push(TestBackend {
            name: "postgres",
            store: Store::connect(&pg.url).await.expect("postgres store"),
            _guard: Guard::Postgres(pg),
        });
    }
    out
}
