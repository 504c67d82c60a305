#!/usr/bin/env python3
"""Throughput of two `bora serve` nodes on one PostgreSQL against one node.

  scripts/nodes.py [path/to/bora] [--rounds 2] [--executions 2000] [--chain 3]
                   [--threads 8] [--clients 2] [--shared ../shared]
                   [--postgres postgres://postgres@127.0.0.1:5432/postgres]
                   [--one-node-args "..."] [--two-node-args "..."]

The client side is the same in both set-ups: `--clients` copies of the shared
burst.py (../shared/bench/burst.py) run at once, each starting
executions/clients executions of a `--chain`-noop chain from `--threads`
threads. With one node they all post to it; with two nodes each client posts
to one of them (round robin). Each set-up gets a fresh database and nodes
warmed by a small burst of their own first; the set-ups alternate, `--rounds`
times. The figure is all clients' tasks over the time the slowest took (each
burst.py waits until no execution of the database is running).

`--one-node-args` and `--two-node-args` add `bora serve` flags to the nodes of
each set-up (with `=`, as in `--two-node-args="--committers 1"`).

Prints each measurement and, per set-up, the median. Needs `psql` on the PATH.
"""
import argparse, json, os, shlex, statistics, subprocess, sys

from takeover import psql, start_node


def bursts(burst, ports, clients, executions, chain, threads):
    """Runs `clients` burst.py at once, round robin over `ports`; returns tasks/s together."""
    procs = []
    for i in range(clients):
        url = "http://127.0.0.1:%d/v2" % ports[i % len(ports)]
        procs.append(subprocess.Popen(
            [sys.executable, burst, url, "--executions", str(executions // clients),
             "--chain", str(chain), "--threads", str(threads)],
            stdout=subprocess.PIPE, text=True))
    results = []
    for p in procs:
        out, _ = p.communicate()
        line = next((l for l in out.splitlines() if l.startswith("{")), None)
        if p.returncode != 0 or line is None:
            sys.exit("burst.py failed:\n" + out)
        results.append(json.loads(line))
    tasks = sum(r["succeeded"] * chain for r in results)
    return tasks / max(r["total_s"] for r in results)


def measure(args, nodes, n):
    db = "bora_nodes_%d_%d" % (os.getpid(), n)
    psql(args.postgres, "DROP DATABASE IF EXISTS %s" % db)
    psql(args.postgres, "CREATE DATABASE %s" % db)
    url = args.postgres.rsplit("/", 1)[0] + "/" + db
    procs, ports = [], []
    with open("/tmp/%s.log" % db, "w") as log:
        try:
            extra = shlex.split(args.one_node_args if nodes == 1 else args.two_node_args)
            for name in "ab"[:nodes]:
                proc, port = start_node(args.bora, name, url, extra, log)
                procs.append(proc)
                ports.append(port)
            burst = os.path.join(args.shared, "bench", "burst.py")
            for port in ports:  # warm-up: prepared statements, pooled connections, caches
                bursts(burst, [port], 1, 200, args.chain, args.threads)
            return bursts(burst, ports, args.clients, args.executions, args.chain, args.threads)
        finally:
            for proc in procs:
                proc.terminate()
            for proc in procs:
                proc.wait()
            psql(args.postgres, "DROP DATABASE IF EXISTS %s" % db)

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bora", nargs="?", default=os.path.join(here, "..", "target", "release", "bora"))
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--executions", type=int, default=2000)
    ap.add_argument("--chain", type=int, default=3)
    ap.add_argument("--threads", type=int, default=8)
    ap.add_argument("--clients", type=int, default=2)
    ap.add_argument("--shared", default=os.environ.get("BORA_SHARED", os.path.join(here, "..", "..", "shared")))
    ap.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432/postgres")
    ap.add_argument("--one-node-args", default="", help="more `bora serve` flags for the one node")
    ap.add_argument("--two-node-args", default="", help="more `bora serve` flags for the two nodes")
    args = ap.parse_args()
    found = {1: [], 2: []}
    for r in range(args.rounds):
        for nodes in (1, 2):
            rate = measure(args, nodes, 2 * r + nodes)
            found[nodes].append(rate)
            print("round %d, %d node%s: %.0f tasks/s" % (r + 1, nodes, "s" if nodes > 1 else "", rate),
                  flush=True)
    one, two = statistics.median(found[1]), statistics.median(found[2])
    print("median: one node %.0f tasks/s, two nodes %.0f tasks/s (%+.1f%%)"
          % (one, two, 100.0 * (two - one) / one))
    return 0


if __name__ == "__main__":
    sys.exit(main())
