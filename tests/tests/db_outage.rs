//! PostgreSQL out of reach (its host gone, its port closed): once the
//! node's check notices, API requests are answered 503 at once with a JSON
//! fault and `Retry-After` instead of each waiting for the pool's 30 s
//! acquire timeout, `/ready` says since when and why, and when the database
//! is back the node serves and runs executions again. The database is
//! reached through a TCP proxy in these tests, which cuts it off: its port
//! closed (connections refused), or silent (connections accepted, never
//! answered, as behind a host that drops packets).
//!
//! An outage of the database itself, seen by every node alike, is nobody's
//! death: when it ends, the nodes do not take each other for dead on the
//! strength of heartbeats that could not be written meanwhile, and the
//! actions that ran through it finish once, not failed as "may have run".
//! Runs only when `BORA_TEST_POSTGRES_URL` is set.

use std::io::{Read, Write};
use std::net::{Shutdown, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::pg;
use crate::process_support::{
    Server, create_workflows, free_port, request, request_with, start, tasks, wait_finished,
};

const WORKFLOWS: &str = "---
version: '2.0'
short:
  tasks:
    t1:
      action: std.echo output=1
";

/// Chains of sleeps whose tasks are not safe-rerun: a node wrongly taken
/// for dead fails the sleep it was running with Mistral's redelivery
/// message.
const SLEEPS: &str = "---
version: '2.0'
sleepy:
  tasks:
    t1:
      action: std.sleep seconds=1
      on-success: t2
    t2:
      action: std.sleep seconds=4
      on-success: t3
    t3:
      action: std.echo output=3
";

/// A timer that comes due while the database is out of reach.
const TIMER: &str = "---
version: '2.0'
timer:
  tasks:
    t1:
      action: std.noop
      wait-before: 2
      on-success: t2
    t2:
      action: std.echo output=2
";

/// Forwards connections from a local port to PostgreSQL until cut (the
/// port closed: connections refused) or silenced (connections accepted
/// and never answered, as a host that drops packets leaves them); or its
/// open connections swallowed (see [`Proxy::swallow`]).
struct Proxy {
    port: u16,
    target: String,
    open: Arc<AtomicBool>,
    silent: Arc<AtomicBool>,
    /// Bumped by [`Proxy::swallow`]: connections made before it forward
    /// nothing more.
    generation: Arc<AtomicU64>,
    streams: Arc<Mutex<Vec<TcpStream>>>,
}

impl Proxy {
    fn start(port: u16, target: &str) -> Self {
        let proxy = Proxy {
            port,
            target: target.to_owned(),
            open: Arc::new(AtomicBool::new(false)),
            silent: Arc::new(AtomicBool::new(false)),
            generation: Arc::default(),
            streams: Arc::default(),
        };
        proxy.listen();
        proxy
    }

    /// Accepts on the port until [`Proxy::cut`].
    fn listen(&self) {
        let listener = TcpListener::bind(("127.0.0.1", self.port)).unwrap();
        listener.set_nonblocking(true).unwrap();
        self.open.store(true, Ordering::SeqCst);
        let (open, silent, generation, streams, target) = (
            Arc::clone(&self.open),
            Arc::clone(&self.silent),
            Arc::clone(&self.generation),
            Arc::clone(&self.streams),
            self.target.clone(),
        );
        std::thread::spawn(move || {
            // The listener is dropped (the port closed) when cut.
            while open.load(Ordering::SeqCst) {
                let Ok((client, _)) = listener.accept() else {
                    std::thread::sleep(Duration::from_millis(5));
                    continue;
                };
                client.set_nonblocking(false).unwrap();
                if silent.load(Ordering::SeqCst) {
                    streams.lock().unwrap().push(client);
                    continue;
                }
                let Ok(server) = TcpStream::connect(&target) else {
                    continue;
                };
                let mut kept = streams.lock().unwrap();
                kept.push(client.try_clone().unwrap());
                kept.push(server.try_clone().unwrap());
                let born = (Arc::clone(&generation), generation.load(Ordering::SeqCst));
                pipe(
                    client.try_clone().unwrap(),
                    server.try_clone().unwrap(),
                    born.clone(),
                );
                pipe(server, client, born);
            }
        });
    }

    /// Closes the port and every connection through it.
    fn cut(&self) {
        self.open.store(false, Ordering::SeqCst);
        self.close_all();
        // The accept loop notices within a few ms.
        std::thread::sleep(Duration::from_millis(50));
    }

    /// Closes every connection and answers new ones with silence (or, with
    /// `false`, forwards them again).
    fn silence(&self, silent: bool) {
        self.silent.store(silent, Ordering::SeqCst);
        self.close_all();
    }

    /// The connections open now stay open but carry nothing more either
    /// way (what is sent is taken and dropped), as when a NAT or firewall
    /// forgets them or the database's host freezes after acknowledging:
    /// each is half-open for good. New connections are forwarded.
    fn swallow(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
    }

    fn close_all(&self) {
        for stream in self.streams.lock().unwrap().drain(..) {
            let _ = stream.shutdown(Shutdown::Both);
        }
    }
}

/// Copies `from` to `to` on a thread of its own until either side closes;
/// once the generation moved from the one the connection was born in, what
/// is read is dropped.
fn pipe(mut from: TcpStream, mut to: TcpStream, (generation, born): (Arc<AtomicU64>, u64)) {
    std::thread::spawn(move || {
        let mut buf = [0u8; 16 * 1024];
        loop {
            match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(_) if generation.load(Ordering::SeqCst) != born => {}
                Ok(n) => {
                    if to.write_all(&buf[..n]).is_err() {
                        break;
                    }
                }
            }
        }
        let _ = to.shutdown(Shutdown::Both);
    });
}

/// The `host:port` of a `postgres://user@host[:port]/db` URL, and the URL
/// with `127.0.0.1:proxy` in its place.
fn through(url: &str, proxy: u16) -> (String, String) {
    let (scheme_user, rest) = url.split_once('@').unwrap();
    let (host, path) = rest.split_once('/').unwrap();
    let target = if host.contains(':') {
        host.to_owned()
    } else {
        format!("{host}:5432")
    };
    (target, format!("{scheme_user}@127.0.0.1:{proxy}/{path}"))
}

/// One node on a fresh database that it reaches through a proxy, its log
/// in `dir`; `None` when there is no PostgreSQL (the test is skipped).
fn proxied_node(prefix: &str, dir: &std::path::Path) -> Option<(pg::TempPostgres, Proxy, Server)> {
    let pg = pg::TempPostgres::create_blocking(prefix)?;
    let port = free_port();
    let (target, proxied) = through(&pg.url, port);
    let proxy = Proxy::start(port, &target);
    let server = Server::start(free_port(), &proxied, &[], &dir.join("node.log"));
    Some((pg, proxy, server))
}

#[test]
fn an_unreachable_database_is_answered_at_once_and_its_return_noticed() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_pg, proxy, server)) = proxied_node("bora_outage", dir.path()) else {
        return;
    };
    let port = server.port;
    create_workflows(port, WORKFLOWS);
    assert_eq!(wait_finished(port, &start(port, "short")), "SUCCESS");

    // The port closed, then the database silent.
    proxy.cut();
    refused_at_once(port);
    proxy.listen();
    served_again(port);
    proxy.silence(true);
    refused_at_once(port);
    proxy.silence(false);
    served_again(port);
    drop(server);
    proxy.cut();
}

#[test]
fn an_outage_longer_than_the_node_timeout_takes_no_node_for_dead() {
    let Some(pg) = pg::TempPostgres::create_blocking("bora_outage_nodes") else {
        return;
    };
    // Each node reaches the database through a proxy of its own.
    let dir = tempfile::tempdir().unwrap();
    let node = |name: &str| {
        let port = free_port();
        let (target, proxied) = through(&pg.url, port);
        let proxy = Proxy::start(port, &target);
        let flags = ["--node-id", name, "--node-timeout", "3"];
        let log = dir.path().join(format!("{name}.log"));
        (Server::start(free_port(), &proxied, &flags, &log), proxy)
    };
    let ((a, to_a), (b, to_b)) = (node("a"), node("b"));
    create_workflows(a.port, SLEEPS);
    let mut executions = Vec::new();
    for _ in 0..3 {
        executions.push((a.port, start(a.port, "sleepy")));
        executions.push((b.port, start(b.port, "sleepy")));
    }
    // The database goes while the 4 s sleeps run; they end during the
    // outage. It comes back for `a` after 9.5 s and for `b` 1.4 s later,
    // less than the node timeout. By then the pool's connect retries wait
    // seconds between tries (sqlx doubles the wait from 10 ms; the tenth
    // try comes 10.2 s after the first): a heartbeat waiting in them would
    // come back at a's next try and at b's try after that, seconds later,
    // and `a` would take `b` for dead.
    std::thread::sleep(Duration::from_millis(1_800));
    to_a.cut();
    to_b.cut();
    std::thread::sleep(Duration::from_millis(9_500));
    to_a.listen();
    std::thread::sleep(Duration::from_millis(1_400));
    to_b.listen();
    for (port, id) in &executions {
        let finished = wait_finished(*port, id);
        assert_eq!(finished, "SUCCESS", "{id}: {:?}", tasks(*port, id));
        for (name, state, actions) in tasks(*port, id) {
            assert_eq!(state, "SUCCESS", "{id} {name}");
            assert_eq!(actions.len(), 1, "{id} {name}: {actions:?}");
            assert!(
                actions[0].starts_with("\"SUCCESS\""),
                "{id} {name}: {actions:?}"
            );
        }
    }
    let log = |name: &str| std::fs::read_to_string(dir.path().join(format!("{name}.log"))).unwrap();
    for name in ["a", "b"] {
        assert!(
            !log(name).contains("taken for dead"),
            "node {name} was taken for dead:\n{}",
            log(name)
        );
    }
    drop((a, b));
    to_a.cut();
    to_b.cut();
}

#[test]
fn timers_due_during_an_outage_fire_once_when_it_ends() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_pg, proxy, server)) = proxied_node("bora_outage_timers", dir.path()) else {
        return;
    };
    create_workflows(server.port, TIMER);
    let executions: Vec<String> = (0..3).map(|_| start(server.port, "timer")).collect();
    // The timers come due 2 s into an 8 s outage; the node's claim loops
    // keep asking for a connection meanwhile.
    proxy.cut();
    std::thread::sleep(Duration::from_secs(8));
    proxy.listen();
    let back = Instant::now();
    for id in &executions {
        assert_eq!(wait_finished(server.port, id), "SUCCESS");
        for (name, state, actions) in tasks(server.port, id) {
            assert_eq!(state, "SUCCESS", "{id} {name}");
            assert_eq!(actions.len(), 1, "{id} {name}: {actions:?}");
        }
    }
    // A claimer left in the pool's connect back-off resumed seconds after
    // the database did (5 s in the measurements of this change); asking
    // anew every turn, it is back within a turn or two.
    eprintln!(
        "timers fired {:?} after the database came back",
        back.elapsed()
    );
    drop(server);
    proxy.cut();
}

#[test]
fn connections_that_stop_answering_are_given_up_and_the_work_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_pg, proxy, server)) = proxied_node("bora_outage_half_open", dir.path()) else {
        return;
    };
    create_workflows(server.port, SLEEPS);
    create_workflows(server.port, WORKFLOWS);
    let executions: Vec<String> = (0..3).map(|_| start(server.port, "sleepy")).collect();
    // While the 4 s sleeps run, every connection the node has open goes
    // silent for good: the committer's, the claim loops', the heartbeat's
    // and the idle ones in the pool. New connections work.
    std::thread::sleep(Duration::from_millis(2_500));
    proxy.swallow();
    let swallowed = Instant::now();
    for id in &executions {
        let finished = wait_finished(server.port, id);
        assert_eq!(finished, "SUCCESS", "{id}: {:?}", tasks(server.port, id));
        for (name, state, actions) in tasks(server.port, id) {
            assert_eq!(state, "SUCCESS", "{id} {name}");
            assert_eq!(actions.len(), 1, "{id} {name}: {actions:?}");
        }
    }
    eprintln!(
        "the executions finished {:?} after their connections went silent",
        swallowed.elapsed()
    );
    // Nothing is left stuck on a silent connection: the pool serves.
    for _ in 0..20 {
        assert_eq!(
            wait_finished(server.port, &start(server.port, "short")),
            "SUCCESS"
        );
    }
    assert_eq!(request(server.port, "GET", "/ready", None).0, 200);
    drop(server);
    proxy.cut();
}

#[test]
fn api_requests_on_connections_that_go_silent_are_answered_and_free_their_slots() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_pg, proxy, server)) = proxied_node("bora_outage_api_reads", dir.path()) else {
        return;
    };
    let port = server.port;
    create_workflows(port, WORKFLOWS);
    // More readers than the pool has connections, so that reads are on
    // every pooled connection when they all go silent.
    let stop = Arc::new(AtomicBool::new(false));
    let readers: Vec<_> = (0..24)
        .map(|_| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut answers = Vec::new();
                while !stop.load(Ordering::SeqCst) {
                    let began = Instant::now();
                    let (status, _) = request(port, "GET", "/v2/workflows", None);
                    answers.push((status, began.elapsed()));
                }
                answers
            })
        })
        .collect();
    // And writers, each creating workflows of its own (a transaction).
    let writers: Vec<_> = (0..4)
        .map(|w| {
            let stop = Arc::clone(&stop);
            std::thread::spawn(move || {
                let mut answers = Vec::new();
                let mut n = 0;
                while !stop.load(Ordering::SeqCst) {
                    n += 1;
                    let body = WORKFLOWS.replace("short:", &format!("w{w}_{n}:"));
                    let began = Instant::now();
                    let (status, _) = request(
                        port,
                        "POST",
                        "/v2/workflows",
                        Some(("text/plain", body.as_bytes())),
                    );
                    answers.push((status, began.elapsed()));
                }
                answers
            })
        })
        .collect();
    std::thread::sleep(Duration::from_secs(1));
    proxy.swallow();
    std::thread::sleep(Duration::from_secs(2));
    stop.store(true, Ordering::SeqCst);
    // Each request is answered: one caught on a silent connection after the
    // statement's bound (a read tried again on a checked connection; a
    // write told 503), not never (the client gives up after 60 s: 0).
    let (mut slowest, mut count, mut bounded) = (Duration::ZERO, 0, 0);
    for (client, ok) in readers
        .into_iter()
        .map(|r| (r, 200))
        .chain(writers.into_iter().map(|w| (w, 201)))
    {
        for (status, took) in client.join().unwrap() {
            assert!(
                status == ok || status == 503,
                "a request answered {status} after {took:?} (expected {ok})"
            );
            assert!(
                took < Duration::from_secs(45),
                "a request took {took:?} (expected {ok})"
            );
            slowest = slowest.max(took);
            count += 1;
            bounded += usize::from(took > Duration::from_secs(10));
        }
    }
    eprintln!(
        "{count} requests, {bounded} of them caught on a silent connection; the slowest took {slowest:?}"
    );
    // No pool slot is left to a silent connection: reads answer at once.
    for _ in 0..40 {
        let began = Instant::now();
        assert_eq!(request(port, "GET", "/v2/workflows", None).0, 200);
        assert!(
            began.elapsed() < Duration::from_secs(5),
            "a read took {:?}",
            began.elapsed()
        );
    }
    drop(server);
    proxy.cut();
}

#[test]
fn a_commit_whose_connection_goes_silent_is_given_up_and_stored_again() {
    let dir = tempfile::tempdir().unwrap();
    let Some((_pg, proxy, server)) = proxied_node("bora_outage_commit", dir.path()) else {
        return;
    };
    let port = server.port;
    let mut chain = String::from("---\nversion: '2.0'\nchain:\n  tasks:\n");
    for i in 1..=10 {
        chain.push_str(&format!("    t{i}:\n      action: std.echo output={i}\n"));
        if i < 10 {
            chain.push_str(&format!("      on-success: t{}\n", i + 1));
        }
    }
    create_workflows(port, &chain);
    // Starts one after another for 3 s: each answers once its first step
    // is committed, so a commit is in flight most of the time, and the
    // connections go silent under one of them. A start may be told that
    // the database is unavailable meanwhile (503, when the node's check
    // finds no answer in time on a loaded machine): the client tries again.
    let starter = std::thread::spawn(move || {
        let began = Instant::now();
        let mut ids = Vec::new();
        let body = br#"{"workflow_name": "chain"}"#;
        while began.elapsed() < Duration::from_secs(3) {
            let (status, started) = request(
                port,
                "POST",
                "/v2/executions",
                Some(("application/json", body)),
            );
            match status {
                201 => ids.push(started["id"].as_str().unwrap().to_owned()),
                503 => std::thread::sleep(Duration::from_secs(1)),
                _ => panic!("{status}: {started}"),
            }
        }
        ids
    });
    std::thread::sleep(Duration::from_millis(1_500));
    proxy.swallow();
    let swallowed = Instant::now();
    let executions = starter.join().unwrap();
    for id in &executions {
        assert_eq!(
            wait_finished(port, id),
            "SUCCESS",
            "{id}: {:?}",
            tasks(port, id)
        );
        let tasks = tasks(port, id);
        assert_eq!(tasks.len(), 10, "{id}: {tasks:?}");
        for (name, state, actions) in tasks {
            assert_eq!(state, "SUCCESS", "{id} {name}");
            assert_eq!(actions.len(), 1, "{id} {name}: {actions:?}");
        }
    }
    let log = std::fs::read_to_string(dir.path().join("node.log")).unwrap();
    eprintln!(
        "{} executions finished {:?} after their connections went silent; {} statements given up",
        executions.len(),
        swallowed.elapsed(),
        log.matches("had no answer").count()
    );
    drop(server);
    proxy.cut();
}

/// The node noticed the outage: requests are refused at once, reads and
/// writes, and `/ready` says why while `/health` is fine.
fn refused_at_once(port: u16) {
    // The node checks every 2 s, a pooled connection then one of its own
    // given 2 s each: it notices within 6 s. A request made before that
    // waits for the pool, so ask after.
    std::thread::sleep(Duration::from_secs(7));
    let cut = Instant::now();
    let refused = loop {
        let asked = Instant::now();
        let (status, head, body) = request_with(port, "GET", "/v2/workflows", &[], None);
        if status == 503 && asked.elapsed() < Duration::from_secs(1) {
            break (head, body);
        }
        assert!(
            cut.elapsed() < Duration::from_secs(45),
            "still {status} after {:?}: {body}",
            cut.elapsed()
        );
        std::thread::sleep(Duration::from_millis(200));
    };
    assert!(refused.0.contains("retry-after: 1"), "{}", refused.0);
    assert_eq!(
        refused.1["faultstring"],
        "The database is unavailable; try again shortly"
    );
    for _ in 0..5 {
        let asked = Instant::now();
        let (status, _) = request(
            port,
            "POST",
            "/v2/executions",
            Some(("application/json", br#"{"workflow_name": "short"}"#)),
        );
        assert_eq!(status, 503);
        assert!(
            asked.elapsed() < Duration::from_secs(1),
            "{:?}",
            asked.elapsed()
        );
    }
    let (status, ready) = request(port, "GET", "/ready", None);
    assert_eq!(status, 503);
    let store = ready["store"].as_str().unwrap_or_default();
    assert!(store.starts_with("unreachable since "), "{ready}");
    assert_eq!(request(port, "GET", "/health", None).0, 200);
}

/// The database is back: the node serves and runs executions again.
fn served_again(port: u16) {
    let back = Instant::now();
    while request(port, "GET", "/v2/workflows", None).0 != 200 {
        assert!(
            back.elapsed() < Duration::from_secs(30),
            "not back after 30 s"
        );
        std::thread::sleep(Duration::from_millis(200));
    }
    assert_eq!(request(port, "GET", "/ready", None).0, 200);
    assert_eq!(wait_finished(port, &start(port, "short")), "SUCCESS");
}
