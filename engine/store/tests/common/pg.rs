//! A fresh PostgreSQL database per test server, dropped when the test ends,
//! so runs neither see each other's data nor leave databases behind.

/// A database created on `BORA_TEST_POSTGRES_URL`'s server.
pub struct TempPostgres {
    /// URL of the new database.
    pub url: String,
    admin: String,
    database: String,
}

impl TempPostgres {
    /// Creates `<prefix>_<uuid>`; `None` when `BORA_TEST_POSTGRES_URL` is not
    /// set (the PostgreSQL half of the tests is then skipped).
    pub async fn create(prefix: &str) -> Option<Self> {
        let admin = std::env::var("BORA_TEST_POSTGRES_URL").ok()?;
        let database = format!("{prefix}_{}", uuid::Uuid::new_v4().simple());
        let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(&admin)
            .await
            .expect("BORA_TEST_POSTGRES_URL must reach PostgreSQL");
        sqlx::query(&format!("CREATE DATABASE {database}"))
            .execute(&mut conn)
            .await
            .expect("create test database");
        let url = match admin.rfind('/') {
            Some(pos) if pos > "postgres://".len() => format!("{}/{database}", &admin[..pos]),
            _ => format!("{admin}/{database}"),
        };
        Some(Self {
            url,
            admin,
            database,
        })
    }

    /// [`TempPostgres::create`] for a test that is not async; says on
    /// stderr that the test is skipped when there is no PostgreSQL.
    // The store suites are async and use `create`.
    #[allow(dead_code)]
    pub fn create_blocking(prefix: &str) -> Option<Self> {
        let created = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime to create the test database")
            .block_on(Self::create(prefix));
        if created.is_none() {
            eprintln!("BORA_TEST_POSTGRES_URL is not set: skipped");
        }
        created
    }
}

impl Drop for TempPostgres {
    fn drop(&mut self) {
        let admin = self.admin.clone();
        let database = self.database.clone();
        // A plain thread with its own runtime: this runs inside a tokio test
        // whose runtime may be shutting down.
        let _ = std::thread::spawn(move || {
            let Ok(rt) = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
            else {
                return;
            };
            rt.block_on(async move {
                if let Ok(mut conn) =
                    <sqlx::PgConnection as sqlx::Connection>::connect(&admin).await
                {
                    let _ =
                        sqlx::query(&format!("DROP DATABASE IF EXISTS {database} WITH (FORCE)"))
                            .execute(&mut conn)
                            .await;
                }
            });
        })
        .join();
    }
}
