#!/usr/bin/env bash
# Runs the shared benchmarks (../shared/bench) against a fresh `bora serve`.
#
# Usage: scripts/bench.sh [path/to/bora] [sqlite|postgres] [bench.py options...]
# e.g.   scripts/bench.sh target/release/bora postgres --only a,b
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-lib.sh

shared="${BORA_SHARED:-../shared}"
bora="${1:-target/release/bora}"
backend="${2:-sqlite}"
shift $(( $# < 2 ? $# : 2 ))

start_bora "$bora" "$backend"
echo "bench on $backend"
python3 "$shared/bench/bench.py" --base-url "$BORA_URL" --runs 3 --poll 0.005 "$@"
