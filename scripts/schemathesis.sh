#!/usr/bin/env bash
# Runs schemathesis against a fresh `bora serve`, driven by the server's own
# OpenAPI document (/v2/openapi.json): a bounded number of generated
# requests per operation, failing on any 5xx answer (or a schema that does
# not load). Installs the pinned schemathesis into a virtualenv under
# target/ (once).
#
# Usage: scripts/schemathesis.sh [path/to/bora] [sqlite|postgres] [max-examples]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-lib.sh
. scripts/venv-lib.sh

bora="${1:-target/release/bora}"
backend="${2:-sqlite}"
examples="${3:-20}"

ensure_tool schemathesis
venv="$TOOL_VENV"

start_bora "$bora" "$backend"
base="${BORA_URL%/v2}"
echo "schemathesis: $examples examples per operation on $backend"
# Seeded so a failure reproduces; no examples kept between runs. The event
# stream (/v2/events) never ends, so it is left out.
if ! "$venv/bin/schemathesis" run "$base/v2/openapi.json" \
        --url "$base" \
        --checks not_a_server_error \
        --max-examples "$examples" \
        --seed 1 \
        --generation-database none \
        --request-timeout 20 \
        --exclude-path /v2/events \
        --suppress-health-check all \
        --no-color; then
    echo "schemathesis: a request failed on $backend; the server's log:" >&2
    tail -n 40 "$BORA_LOG_FILE" >&2
    exit 1
fi
