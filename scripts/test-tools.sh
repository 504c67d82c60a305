#!/usr/bin/env bash
# Installs what the test scripts after the Rust tests need: the virtualenvs of
# python-mistralclient, schemathesis and Playwright, and Debian's chromium.
# scripts/test.sh runs it in the background while the Rust build runs (the
# installs wait on the network, the build on the CPU); each script still
# checks for its own tools, so it also runs alone.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv-lib.sh

ensure_tool mistralclient
ensure_tool schemathesis
ensure_chromium
ensure_tool browser
