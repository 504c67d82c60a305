#!/usr/bin/env bash
# The dashboard in a real headless browser: Debian's chromium driven by
# Playwright for Python (tests/browser/dashboard.py) against a fresh
# `bora serve`. Installs chromium with apt-get and Playwright into a
# virtualenv under target/ the first time (never `playwright install`: the
# browser is Debian's). Screenshots go to target/browser/.
#
# Usage: scripts/browser.sh [path/to/bora] [sqlite|postgres]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/serve-lib.sh
. scripts/venv-lib.sh

bora="${1:-target/release/bora}"
backend="${2:-sqlite}"
out="target/browser"

ensure_chromium
ensure_tool browser
venv="$TOOL_VENV"

start_bora "$bora" "$backend"
echo "browser: dashboard test on $backend"
rm -rf "$out"
if ! "$venv/bin/python" tests/browser/dashboard.py "$BORA_URL" "$out"; then
    echo "browser: the dashboard test failed on $backend; the server's log:" >&2
    tail -n 40 "$BORA_LOG_FILE" >&2
    exit 1
fi

# The same dashboard against a server that asks for API tokens.
stop_bora
BORA_SERVE_FLAGS="--auth tokens" start_bora "$bora" "$backend"
token="$("$bora" token create --project ui --database "$BORA_DATABASE" | tail -n 1)"
curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: text/plain' \
    --data-binary @tests/browser/demo.yaml "$BORA_URL/workflows" >/dev/null
execution="$(curl -sf -X POST -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"workflow_name": "ui_demo"}' "$BORA_URL/executions" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')"
echo "browser: sign-in test on $backend"
if ! "$venv/bin/python" tests/browser/signin.py "$BORA_URL" "$out" "$token" "$execution"; then
    echo "browser: the sign-in test failed on $backend; the server's log:" >&2
    tail -n 40 "$BORA_LOG_FILE" >&2
    exit 1
fi
echo "browser: screenshots in $out/"
