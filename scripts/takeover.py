#!/usr/bin/env python3
"""Takeover time after a SIGKILL, two `bora serve` nodes on one PostgreSQL.

  scripts/takeover.py [path/to/bora] [--rounds 5] [--node-timeout 3]
                      [--postgres postgres://postgres@127.0.0.1:5432/postgres]

Each round makes a fresh database, starts nodes `a` and `b`, starts chains of
one-second sleeps (safe-rerun) on `a`, kills `a` with SIGKILL in the middle of
them and measures, by watching the store:

  freed    - the kill until no job is held by `a` any more (death noticed),
  taken    - the kill until `b` holds the killed node's work (its action
             jobs claimed again, or its events),
  progress - the kill until a task of those executions is created after the
             kill (this includes rerunning the sleep that was cut: up to 1 s).

Prints each round and the medians. Needs `psql` on the PATH.
"""
import argparse, json, os, signal, socket, statistics, subprocess, sys, time, urllib.request

CHAIN = "---\nversion: '2.0'\nnap:\n  task-defaults:\n    safe-rerun: true\n  tasks:\n" + "".join(
    "    t%d:\n      action: std.sleep seconds=1\n%s" % (i, "      on-success: t%d\n" % (i + 1) if i < 29 else "")
    for i in range(30))


def free_port():
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close(); return p


def http(port, method, path, body=None, ctype="application/json"):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request("http://127.0.0.1:%d/v2%s" % (port, path), data=data, method=method,
                                 headers={"Content-Type": ctype, "Accept": "*/*"})
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read() or b"null")


def psql(url, sql):
    out = subprocess.run(["psql", url, "-Atc", sql], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def start_node(bora, name, url, extra, log):
    """Starts `bora serve` as node `name` with the flags `extra`; waits until it answers."""
    port = free_port()
    proc = subprocess.Popen([bora, "serve", "--listen", "127.0.0.1:%d" % port, "--database", url,
                             "--node-id", name] + extra,
                            stdout=log, stderr=log)
    for _ in range(300):
        try:
            http(port, "GET", "/workflows")
            return proc, port
        except OSError:
            time.sleep(0.05)
    proc.kill()
    sys.exit("node %s did not come up" % name)


def one_round(bora, base, timeout, n):
    db = "bora_takeover_%d_%d" % (os.getpid(), n)
    psql(base, "DROP DATABASE IF EXISTS %s" % db)
    psql(base, "CREATE DATABASE %s" % db)
    url = base.rsplit("/", 1)[0] + "/" + db
    log = open("/tmp/%s.log" % db, "w")
    flags = ["--node-timeout", str(timeout)]
    a, port_a = start_node(bora, "a", url, flags, log)
    b, port_b = start_node(bora, "b", url, flags, log)
    try:
        http(port_a, "POST", "/workflows", CHAIN.encode(), "text/plain")
        ids = [http(port_a, "POST", "/executions", {"workflow_name": "nap"})["id"] for _ in range(4)]
        time.sleep(2.5)
        in_list = ",".join("'%s'" % i for i in ids)
        a.send_signal(signal.SIGKILL)
        killed = time.time()
        a.wait()
        freed = taken = progress = None
        while time.time() - killed < 60 and progress is None:
            now = time.time() - killed
            held = psql(url, "SELECT count(*) FILTER (WHERE locked_by = 'a'), "
                             "count(*) FILTER (WHERE locked_by = 'b') FROM jobs "
                             "WHERE execution_id IN (%s)" % in_list).split("|")
            if freed is None and held[0] == "0":
                freed = now
            if taken is None and freed is not None and int(held[1]) > 0:
                taken = now
            after_us = int(killed * 1_000_000)
            fresh = psql(url, "SELECT count(*) FROM task_executions WHERE workflow_execution_id "
                              "IN (%s) AND created_at > %d" % (in_list, after_us))
            if fresh not in ("", "0"):
                progress = now
            time.sleep(0.02)
        return freed, taken, progress
    finally:
        for p in (a, b):
            if p.poll() is None:
                p.kill(); p.wait()
        log.close()
        psql(base, "DROP DATABASE IF EXISTS %s" % db)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bora", nargs="?", default="target/release/bora")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--node-timeout", type=float, default=3.0)
    ap.add_argument("--postgres", default=os.environ.get(
        "BORA_TEST_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"))
    args = ap.parse_args()
    rows = []
    for n in range(args.rounds):
        freed, taken, progress = one_round(args.bora, args.postgres, args.node_timeout, n)
        rows.append((freed, taken, progress))
        print("round %d: freed %s s, taken %s s, progress %s s" % (
            n + 1, *("%.2f" % v if v is not None else "never" for v in (freed, taken, progress))),
            flush=True)

    def median(i):
        values = [r[i] for r in rows if r[i] is not None]
        return "%.2f s" % statistics.median(values) if values else "never"
    print("median over %d rounds (node timeout %.1f s): freed %s, taken %s, progress %s" % (
        len(rows), args.node_timeout, median(0), median(1), median(2)))


if __name__ == "__main__":
    main()
