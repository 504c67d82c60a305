#!/usr/bin/env bash
# Runs Mistral's conformance cases (../shared/conformance) against a fresh
# `bora serve` and fails when fewer cases pass than the floor recorded in
# .ci/conformance-floor (raise it as Bora improves; never lower it).
#
# Usage: scripts/conformance.sh [path/to/bora] [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-lib.sh

shared="${BORA_SHARED:-../shared}"
if [ ! -f "$shared/conformance/run.py" ]; then
    echo "conformance: $shared/conformance not found, skipped"
    exit 0
fi
bora="${1:-target/release/bora}"
backend="${2:-sqlite}"
floor="$(cat .ci/conformance-floor 2>/dev/null || echo 0)"

start_bora "$bora" "$backend"
python3 "$shared/conformance/run.py" --base-url "$BORA_URL" | tee "$BORA_WORK/run.out"
summary="$(grep -E '^[0-9]+ passed, [0-9]+ failed' "$BORA_WORK/run.out" | tail -n 1)"
passed="${summary%% passed*}"
echo "conformance on $backend: ${passed:-0} cases pass, the recorded floor is $floor"
if [ "${passed:-0}" -lt "$floor" ]; then
    echo "conformance: $passed passed on $backend, below the recorded floor of $floor" >&2
    tail -n 50 "$BORA_LOG_FILE" >&2
    exit 1
fi
