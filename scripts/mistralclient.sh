#!/usr/bin/env bash
# Drives Bora with the real python-mistralclient CLI (tests/mistralclient):
# installs the pinned client into a virtualenv under target/ (once), starts a
# fresh `bora serve` on the given database and runs the scenario.
#
# Usage: scripts/mistralclient.sh [path/to/bora] [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."

bora="${1:-target/release/bora}"
backend="${2:-sqlite}"
venv="target/mistralclient-venv"
requirements="tests/mistralclient/requirements.txt"

if ! cmp -s "$requirements" "$venv/requirements.txt" 2>/dev/null; then
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check -r "$requirements"
    cp "$requirements" "$venv/requirements.txt"
fi

work="$(mktemp -d)"
case "$backend" in
    sqlite) database="sqlite://$work/bora.sqlite" ;;
    postgres)
        base="${BORA_TEST_POSTGRES_URL:-$(scripts/ensure-postgres.sh)}"
        db="bora_mistralclient_$$"
        psql "$base" -qc "CREATE DATABASE $db" >/dev/null
        database="${base%/*}/$db"
        ;;
    *) echo "mistralclient: unknown backend $backend" >&2; exit 1 ;;
esac

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$bora" serve --listen "127.0.0.1:$port" --database "$database" >"$work/serve.log" 2>&1 &
pid=$!
cleanup() {
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    if [ "$backend" = postgres ]; then psql "$base" -qc "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 100); do
    if curl -sf "http://127.0.0.1:$port/v2/" >/dev/null 2>&1; then break; fi
    sleep 0.1
done

echo "mistralclient: scenario on $backend"
if ! "$venv/bin/python" tests/mistralclient/scenario.py "$venv/bin/mistral" "http://127.0.0.1:$port/v2"; then
    echo "mistralclient: the scenario failed on $backend; the server's log:" >&2
    tail -n 40 "$work/serve.log" >&2
    exit 1
fi
