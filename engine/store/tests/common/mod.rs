//! Backends for the store suite: a temp-file SQLite always, and a fresh
//! PostgreSQL database when `BORA_TEST_POSTGRES_URL` is set.

use bora_store::Store;
use sqlx::Connection;

pub struct TestBackend {
    pub name: &'static str,
    pub store: Store,
    _guard: Guard,
}

enum Guard {
    Sqlite(#[allow(dead_code)] tempfile::TempDir),
    Postgres { admin_url: String, database: String },
}

impl Drop for Guard {
    fn drop(&mut self) {
        if let Guard::Postgres {
            admin_url,
            database,
        } = self
        {
            let admin_url = admin_url.clone();
            let database = database.clone();
            // Drop the database from a plain thread: this runs inside a tokio
            // test whose runtime may be shutting down.
            let _ = std::thread::spawn(move || {
                let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                else {
                    return;
                };
                rt.block_on(async move {
                    if let Ok(mut conn) = sqlx::PgConnection::connect(&admin_url).await {
                        let _ = sqlx::query(&format!(
                            "DROP DATABASE IF EXISTS {database} WITH (FORCE)"
                        ))
                        .execute(&mut conn)
                        .await;
                    }
                });
            })
            .join();
        }
    }
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
    if let Ok(admin_url) = std::env::var("BORA_TEST_POSTGRES_URL") {
        let database = format!("bora_test_{}", uuid::Uuid::new_v4().simple());
        let mut conn = sqlx::PgConnection::connect(&admin_url)
            .await
            .expect("BORA_TEST_POSTGRES_URL must reach PostgreSQL");
        sqlx::query(&format!("CREATE DATABASE {database}"))
            .execute(&mut conn)
            .await
            .expect("create test database");
        let url = match admin_url.rfind('/') {
            Some(pos) if pos > "postgres://".len() => format!("{}/{database}", &admin_url[..pos]),
            _ => format!("{admin_url}/{database}"),
        };
        out.push(TestBackend {
            name: "postgres",
            store: Store::connect(&url).await.expect("postgres store"),
            _guard: Guard::Postgres {
                admin_url,
                database,
            },
        });
    }
    out
}
