#!/usr/bin/env bash
# Drives Bora with the real python-mistralclient CLI (tests/mistralclient):
# installs the pinned client into a virtualenv under target/ (once), starts a
# fresh `bora serve` on the given backend and runs the scenario.
#
# Usage: scripts/mistralclient.sh [path/to/bora] [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-lib.sh
. scripts/venv-lib.sh

bora="${1:-target/release/bora}"
backend="${2:-sqlite}"

ensure_tool mistralclient
venv="$TOOL_VENV"

# On PostgreSQL the server asks for API tokens: the client sends one with
# --os-auth-token, as against a Mistral behind Keystone.
token=""
if [ "$backend" = postgres ]; then
    BORA_SERVE_FLAGS="--auth tokens" start_bora "$bora" "$backend"
    token="$("$bora" token create --project e2e --database "$BORA_DATABASE" | tail -n 1)"
else
    start_bora "$bora" "$backend"
fi
echo "mistralclient: scenario on $backend${token:+ (with an API token)}"
if ! BORA_TOKEN="$token" "$venv/bin/python" tests/mistralclient/scenario.py "$venv/bin/mistral" "$BORA_URL"; then
    echo "mistralclient: the scenario failed on $backend; the server's log:" >&2
    tail -n 40 "$BORA_LOG_FILE" >&2
    exit 1
fi
