#!/usr/bin/env bash
# Runs Mistral's conformance cases (../shared/conformance) against a fresh
# `bora serve` on SQLite and fails when fewer cases pass than the floor
# recorded in .ci/conformance-floor (raise it as Bora improves; never lower it).
#
# Usage: scripts/conformance.sh [path/to/bora]   (default: target/release/bora)
set -euo pipefail
cd "$(dirname "$0")/.."

shared="${BORA_SHARED_DIR:-../shared}"
if [ ! -f "$shared/conformance/run.py" ]; then
    echo "conformance: $shared/conformance not found, skipped"
    exit 0
fi
bora="${1:-target/release/bora}"
floor="$(cat .ci/conformance-floor 2>/dev/null || echo 0)"

work="$(mktemp -d)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$bora" serve --listen "127.0.0.1:$port" --database "sqlite://$work/bora.sqlite" >"$work/serve.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT

for _ in $(seq 1 100); do
    if curl -sf "http://127.0.0.1:$port/v2/" >/dev/null 2>&1; then break; fi
    sleep 0.1
done

python3 "$shared/conformance/run.py" --base-url "http://127.0.0.1:$port/v2" | tee "$work/run.out"
summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$work/run.out" | tail -n 1)"
passed="${summary%% passed*}"
echo "conformance: ${passed:-0} cases pass, the recorded floor is $floor"
if [ "${passed:-0}" -lt "$floor" ]; then
    echo "conformance: $passed passed, below the recorded floor of $floor" >&2
    tail -n 50 "$work/serve.log" >&2
    exit 1
fi
