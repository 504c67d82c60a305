//! PostgreSQL dropping every one of Bora's connections at once (what a
//! database restart or a database failover does): requests that come right
//! after are answered from fresh connections, not failed, and executions
//! running across it finish. Runs only when `BORA_TEST_POSTGRES_URL` is set.
//!
//! Pooled connections are not pinged each time they are taken (a round trip
//! per store operation) but only when idle a while or since a connection
//! was seen lost (`bora_store::liveness`); a read that took a dead one
//! before the loss was noticed is run again (`api::retry`). Without either,
//! 14 to 16 of the 48 requests right after failed; with the first alone, 1
//! or 2.

use crate::pg;
use crate::process_support::{Server, create_workflows, free_port, request, start, wait_finished};

const WORKFLOWS: &str = "---
version: '2.0'
slow_chain:
  tasks:
    t1:
      action: std.sleep seconds=1
      on-success: t2
    t2:
      action: std.echo output=2
      on-success: t3
    t3:
      action: std.sleep seconds=1
";

/// `threads` clients making `each` GET requests at once; the statuses.
fn concurrent_gets(port: u16, threads: usize, each: usize) -> Vec<u16> {
    let clients: Vec<_> = (0..threads)
        .map(|_| {
            std::thread::spawn(move || {
                (0..each)
                    .map(|_| request(port, "GET", "/v2/executions?limit=5", None).0)
                    .collect::<Vec<u16>>()
            })
        })
        .collect();
    clients
        .into_iter()
        .flat_map(|c| c.join().unwrap())
        .collect()
}

/// Ends every session on `database` but this one.
async fn drop_connections(admin: &str, database: &str) -> i64 {
    let mut conn = <sqlx::PgConnection as sqlx::Connection>::connect(admin)
        .await
        .unwrap();
    sqlx::query_scalar(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity \
         WHERE datname = $1 AND pid <> pg_backend_pid()",
    )
    .bind(database)
    .fetch_one(&mut conn)
    .await
    .unwrap()
}

#[test]
fn requests_and_executions_survive_the_database_dropping_every_connection() {
    let Some(pg) = pg::TempPostgres::create_blocking("bora_dbconn") else {
        return;
    };
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let admin = std::env::var("BORA_TEST_POSTGRES_URL").unwrap();
    let database = pg.url.rsplit('/').next().unwrap().to_owned();
    let dir = tempfile::tempdir().unwrap();
    let server = Server::start(free_port(), &pg.url, &[], &dir.path().join("node.log"));
    let port = server.port;
    create_workflows(port, WORKFLOWS);
    let running = start(port, "slow_chain");
    // Every pooled connection in use once, so all of them are idle now.
    assert!(concurrent_gets(port, 16, 4).iter().all(|s| *s == 200));

    let dropped = runtime.block_on(drop_connections(&admin, &database));
    assert!(dropped > 0, "no session of {database} to end");
    let statuses = concurrent_gets(port, 16, 3);
    let failed: Vec<&u16> = statuses.iter().filter(|s| **s != 200).collect();
    assert!(
        failed.is_empty(),
        "{} of {} requests right after failed: {failed:?}",
        failed.len(),
        statuses.len()
    );

    assert_eq!(wait_finished(port, &running), "SUCCESS");
    let after = start(port, "slow_chain");
    assert_eq!(wait_finished(port, &after), "SUCCESS");
    drop(server);
}
