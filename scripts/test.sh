#!/usr/bin/env bash
# Bora's whole test suite: the README's test command, and what CI runs.
#
# 1. installs the pinned toolchain and the wasm32-wasip2 target (rust-toolchain.toml);
# 2. makes sure PostgreSQL runs, so the store tests cover both backends,
#    and that OpenSSH's sshd is installed, so the std.ssh tests run (each
#    starts its own on a loopback port; scripts/ensure-sshd.sh);
# 3. runs every Rust test in the workspace (one profile: release), then
# 4. Mistral's conformance cases against `bora serve` on both backends
#    (scripts/conformance.sh), and
# 5. the real python-mistralclient CLI driving `bora serve` on both backends
#    (scripts/mistralclient.sh; installs the pinned client in a virtualenv;
#    on PostgreSQL the server asks for an API token: --os-auth-token),
# 6. schemathesis against `bora serve`, from its own OpenAPI document
#    (scripts/schemathesis.sh; installs the pinned schemathesis in a
#    virtualenv; a bounded number of examples, no 5xx allowed; both
#    backends),
# 7. the dashboard in headless Chromium (scripts/browser.sh; installs
#    Debian's chromium and Playwright for Python the first time), also
#    signing in to a server that asks for API tokens.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup toolchain install >/dev/null 2>&1 || rustup toolchain install

BORA_TEST_POSTGRES_URL="$(scripts/ensure-postgres.sh)"
export BORA_TEST_POSTGRES_URL
# Set, the std.ssh tests fail (rather than skip) when sshd cannot start.
BORA_TEST_SSHD="$(scripts/ensure-sshd.sh)"
export BORA_TEST_SSHD
export RUST_BACKTRACE=0

cargo test --release --workspace --locked --no-fail-fast
# The test build made target/release/bora (the CLI tests run it); building it
# again with `-p bora` would only recompile it under other feature settings.
if [ ! -x target/release/bora ]; then
    cargo build --release --locked -p bora
fi
for backend in sqlite postgres; do
    scripts/conformance.sh target/release/bora "$backend"
    scripts/mistralclient.sh target/release/bora "$backend"
done
scripts/schemathesis.sh target/release/bora sqlite 20
scripts/schemathesis.sh target/release/bora postgres 10
scripts/browser.sh target/release/bora sqlite
