//! Connecting to the database and applying migrations.

use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;

use sqlx::AnyPool;
use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::migrate::Migrator;
use tokio::sync::Mutex;

use crate::{Result, StoreError};

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// Which database is behind the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A handle on the store; cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    /// SQLite allows one writer at a time; writers of this process take turns
    /// here rather than racing for the file lock. `None` on PostgreSQL.
    pub(crate) write_lock: Option<Arc<Mutex<()>>>,
    /// The URL it was opened with (the LISTEN connection opens its own).
    pub(crate) url: String,
    /// Announcements of queued jobs to this process's listeners.
    pub(crate) local_jobs: tokio::sync::broadcast::Sender<crate::jobs::JobKind>,
    /// Whether the LISTEN connection was started (PostgreSQL).
    pub(crate) listening: Arc<std::sync::Mutex<bool>>,
    /// What this node keeps of the projects' settings (see
    /// [`crate::project_settings`]).
    pub(crate) projects: Arc<crate::project_settings::Cache>,
    /// Idle connections for the hot reads, last used first (see
    /// [`crate::readers`]).
    pub(crate) readers: Arc<crate::readers::Readers>,
    /// Whether the database is known to be out of reach (see
    /// [`crate::outage`]).
    pub(crate) outage: Arc<crate::outage::OutageFlag>,
    /// Claims whose answers were lost, whose jobs are to be freed (see
    /// [`Store::claim_jobs`]).
    pub(crate) unanswered_claims: Arc<crate::jobs::UnansweredClaims>,
}

/// The connections a node keeps to PostgreSQL at most (its pool): the
/// engine's committers each hold one, readers, claims and requests share
/// the rest.
pub const POSTGRES_CONNECTIONS: u32 = 16;

impl Store {
    /// Connects to `sqlite://PATH` (the file is created, in WAL mode) or
    /// `postgres://...`, and applies pending migrations.
    ///
    /// # Errors
    /// [`StoreError::BadUrl`] for another scheme, [`StoreError::Database`] when
    /// the database cannot be reached, [`StoreError::Migration`] when the
    /// schema cannot be brought up to date.
    pub async fn connect(url: &str) -> Result<Self> {
        Self::open(url, true).await
    }

    /// Connects like [`Store::connect`]; with `migrate` false the schema is
    /// only checked: a store older or newer than this version is refused
    /// (`bora db migrate` brings it up to date).
    ///
    /// # Errors
    /// As [`Store::connect`]; [`StoreError::Migration`] for a schema this
    /// version cannot use as it is.
    pub async fn open(url: &str, migrate: bool) -> Result<Self> {
        let store = Self::open_unchecked(url).await?;
        if migrate {
            store.migrate().await?;
        } else {
            let status = store.schema_status().await?;
            if !status.pending.is_empty() || !status.unknown.is_empty() {
                store.close().await;
                return Err(StoreError::Migration(status.describe()));
            }
        }
        Ok(store)
    }

    /// Connects without applying or checking migrations (`bora db`).
    ///
    /// # Errors
    /// As [`Store::connect`], without the migration errors.
    pub async fn open_unchecked(url: &str) -> Result<Self> {
        sqlx::any::install_default_drivers();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::BadUrl(url.to_owned()));
        };
        let url = match backend {
            // `mode=rwc` creates the file on first start.
            Backend::Sqlite if !url.contains("mode=") => {
                let sep = if url.contains('?') { '&' } else { '?' };
                format!("{url}{sep}mode=rwc")
            }
            _ => url.to_owned(),
        };
        let options = AnyConnectOptions::from_str(&url)
            .map_err(|err| StoreError::BadUrl(format!("{url} ({err})")))?;
        let max_connections = match backend {
            Backend::Sqlite => 8,
            Backend::Postgres => POSTGRES_CONNECTIONS,
        };
        if backend == Backend::Postgres {
            create_database_if_missing(&url).await?;
        }
        let pool = AnyPoolOptions::new()
            .max_connections(max_connections)
            .acquire_timeout(Duration::from_secs(30))
            // sqlx's own check pings every connection taken; this one only
            // those idle a while or since a connection was lost.
            .test_before_acquire(false)
            .before_acquire(|conn, meta| {
                // A dead connection is closed and another one taken.
                Box::pin(async move { Ok(crate::liveness::usable(conn, meta.idle_for).await) })
            })
            // On PostgreSQL a connection going back is checked within a
            // bound first: a half-open one is closed, not pinged for good.
            .after_release(move |conn, _meta| {
                Box::pin(async move {
                    match backend {
                        Backend::Sqlite => Ok(true),
                        Backend::Postgres => crate::bounded::release_check(conn).await,
                    }
                })
            })
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    let settings = match backend {
                        Backend::Sqlite => SQLITE_SETTINGS,
                        Backend::Postgres => POSTGRES_SETTINGS,
                    };
                    for setting in settings {
                        sqlx::query(setting).execute(&mut *conn).await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        let write_lock = (backend == Backend::Sqlite).then(|| Arc::new(Mutex::new(())));
        Ok(Self {
            pool,
            backend,
            write_lock,
            url,
            local_jobs: tokio::sync::broadcast::channel(64).0,
            listening: Arc::default(),
            projects: Arc::default(),
            readers: Arc::default(),
            outage: Arc::default(),
            unanswered_claims: Arc::default(),
        })
    }

    /// Takes this process's turn as the SQLite writer (nothing on PostgreSQL);
    /// hold the guard for the duration of the write.
    pub(crate) async fn writer(&self) -> Option<tokio::sync::MutexGuard<'_, ()>> {
        match &self.write_lock {
            Some(lock) => Some(lock.lock().await),
            None => None,
        }
    }

    /// A transaction that will write. On SQLite it takes the write lock at
    /// once (`BEGIN IMMEDIATE`): a transaction that reads first and writes
    /// later fails with "database is locked" when another connection wrote
    /// meanwhile, without waiting; taking the lock first waits its turn.
    pub(crate) async fn begin_write(&self) -> Result<sqlx::Transaction<'static, sqlx::Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            // Its `BEGIN` bounded as every statement (see `crate::bounded`).
            Backend::Postgres => {
                let bound = Some(crate::outage::ANSWER_BOUND);
                crate::bounded::answer(Box::pin(self.pool.begin()), bound).await?
            }
        })
    }

    /// The pool as an executor whose statements are bounded in time (see
    /// [`crate::bounded`]).
    pub(crate) fn bounded(&self) -> crate::bounded::Bounded<'_> {
        crate::bounded::Bounded {
            pool: &self.pool,
            bound: (self.backend == Backend::Postgres).then_some(crate::outage::ANSWER_BOUND),
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes every connection (graceful shutdown).
    pub async fn close(&self) {
        self.readers.close();
        self.pool.close().await;
    }
}

fn migrator(backend: Backend) -> &'static Migrator {
    match backend {
        Backend::Sqlite => &SQLITE_MIGRATIONS,
        Backend::Postgres => &POSTGRES_MIGRATIONS,
    }
}

/// sqlx's migration errors, said for an operator.
fn migration_error(err: sqlx::migrate::MigrateError) -> String {
    match err {
        sqlx::migrate::MigrateError::VersionMissing(version) => format!(
            "the database has migration {version}, which this version of Bora does not know: \
             it was upgraded by a newer Bora; run that version (or restore a backup)"
        ),
        other => other.to_string(),
    }
}

/// Where a database's schema stands against this version's migrations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaStatus {
    /// Applied migrations (version, description).
    pub applied: Vec<(i64, String)>,
    /// Known to this version, not applied yet.
    pub pending: Vec<(i64, String)>,
    /// Applied but unknown to this version (a newer Bora migrated it).
    pub unknown: Vec<i64>,
}

impl SchemaStatus {
    /// One line for an operator.
    pub fn describe(&self) -> String {
        if !self.unknown.is_empty() {
            format!(
                "the database schema is newer than this version of Bora (migrations {:?} are \
                 unknown here): run the newer version",
                self.unknown
            )
        } else if !self.pending.is_empty() {
            format!(
                "the database schema is behind this version of Bora ({} migrations pending, \
                 the first: {}): run `bora db migrate`",
                self.pending.len(),
                self.pending
                    .first()
                    .map(|(v, d)| format!("{v:04} {d}"))
                    .unwrap_or_default()
            )
        } else {
            format!(
                "the database schema is current ({} migrations applied)",
                self.applied.len()
            )
        }
    }
}

async fn schema_status(pool: &AnyPool, migrator: &Migrator) -> Result<SchemaStatus> {
    let applied: Vec<(i64, String)> = match sqlx::query_as(
        "SELECT version, description FROM _sqlx_migrations WHERE success ORDER BY version",
    )
    .fetch_all(pool)
    .await
    {
        Ok(rows) => rows,
        // No migrations table: a fresh database.
        Err(sqlx::Error::Database(_)) => Vec::new(),
        Err(err) => return Err(err.into()),
    };
    let known: Vec<(i64, String)> = migrator
        .iter()
        .filter(|m| !m.migration_type.is_down_migration())
        .map(|m| (m.version, m.description.to_string()))
        .collect();
    let pending = known
        .iter()
        .filter(|(v, _)| !applied.iter().any(|(a, _)| a == v))
        .cloned()
        .collect();
    let unknown = applied
        .iter()
        .filter(|(v, _)| !known.iter().any(|(k, _)| k == v))
        .map(|(v, _)| *v)
        .collect();
    Ok(SchemaStatus {
        applied,
        pending,
        unknown,
    })
}

impl Store {
    /// Where this store's schema stands (`bora db status`).
    ///
    /// # Errors
    /// [`StoreError::Database`] when the database cannot be read.
    pub async fn schema_status(&self) -> Result<SchemaStatus> {
        schema_status(&self.pool, migrator(self.backend)).await
    }

    /// Applies pending migrations (`bora db migrate`); returns the status after.
    ///
    /// # Errors
    /// [`StoreError::Migration`] when a migration fails or the schema is newer.
    pub async fn migrate(&self) -> Result<SchemaStatus> {
        migrator(self.backend)
            .run(&self.pool)
            .await
            .map_err(|err| StoreError::Migration(migration_error(err)))?;
        self.schema_status().await
    }
}

/// Creates the PostgreSQL database of `url` when it does not exist yet,
/// through the server's `postgres` database (a fresh server needs no manual
/// `CREATE DATABASE`).
async fn create_database_if_missing(url: &str) -> Result<()> {
    use sqlx::postgres::PgConnectOptions;
    use sqlx::{ConnectOptions, Connection};
    let options = PgConnectOptions::from_str(url)
        .map_err(|err| StoreError::BadUrl(format!("{url} ({err})")))?;
    let Some(name) = options.get_database().map(str::to_owned) else {
        return Ok(());
    };
    match options.connect().await {
        Ok(conn) => {
            let _ = conn.close().await;
            return Ok(());
        }
        Err(sqlx::Error::Database(err)) if err.code().as_deref() == Some("3D000") => {}
        // Unreachable or refused: the pool reports it with its own message.
        Err(_) => return Ok(()),
    }
    let mut admin = options.database("postgres").connect().await?;
    let quoted = format!("\"{}\"", name.replace('"', "\"\""));
    let created = sqlx::query(&format!("CREATE DATABASE {quoted}"))
        .execute(&mut admin)
        .await;
    let _ = admin.close().await;
    match created {
        Ok(_) => {
            tracing::info!(database = %name, "created the PostgreSQL database");
            Ok(())
        }
        // Another node created it at the same moment.
        Err(sqlx::Error::Database(err)) if err.code().as_deref() == Some("42P04") => Ok(()),
        Err(err) => Err(err.into()),
    }
}

/// Set on every SQLite connection. WAL lets readers run beside the writer;
/// NORMAL is durable against process crashes (only an OS crash may lose the
/// last commits); the busy timeout covers other processes holding the file
/// lock. The committing writer copies the WAL back into the database every
/// N pages: every 10,000 (40 MiB) rather than SQLite's 1,000, a hot page (a
/// B-tree's right edge, an index root) is copied once where it was copied
/// ten times (bursts: +9% tasks/s); after a checkpoint the file is cut back
/// to 64 MiB.
const SQLITE_SETTINGS: &[&str] = &[
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA busy_timeout = 30000",
    "PRAGMA wal_autocheckpoint = 10000",
    "PRAGMA journal_size_limit = 67108864",
];

/// Set on every PostgreSQL session: a frozen node (SIGSTOP, a long pause)
/// must not hold row locks the others wait on, so its session is ended; a
/// runaway statement is stopped too.
///
/// Prepared statements are planned once, generically (PostgreSQL 12+; older
/// servers keep their default). By default PostgreSQL plans each of a
/// statement's first five executions on every connection for the values
/// given, so each new shape of a multi-row insert and each new connection
/// re-plans a while: row d (20 sub-workflows) took ~4 ms for its second and
/// third runs on a fresh server instead of 3. The store's statements look
/// rows up by key or insert them, where the values do not change the plan.
const POSTGRES_SETTINGS: &[&str] = &[
    "SET idle_in_transaction_session_timeout = '5s'",
    "SET statement_timeout = '60s'",
    "SELECT set_config('plan_cache_mode', 'force_generic_plan', false) \
     WHERE current_setting('server_version_num')::int >= 120000",
];

/// A write transaction on `conn`, as [`Store::begin_write`] starts one on a
/// pooled connection.
pub(crate) async fn begin_on(
    conn: &mut sqlx::AnyConnection,
    backend: Backend,
) -> Result<sqlx::Transaction<'_, sqlx::Any>> {
    Ok(match backend {
        Backend::Sqlite => sqlx::Connection::begin_with(conn, "BEGIN IMMEDIATE").await?,
        Backend::Postgres => sqlx::Connection::begin(conn).await?,
    })
}
