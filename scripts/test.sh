#!/usr/bin/env bash
# Bora's whole test suite: the README's test command, and what CI runs.
#
# 1. installs the pinned toolchain and the wasm32-wasip2 target (rust-toolchain.toml);
# 2. makes sure PostgreSQL runs, so the store tests cover both backends,
#    and that OpenSSH's sshd is installed, so the std.ssh tests run (each
#    starts its own on a loopback port; scripts/ensure-sshd.sh);
# 3. runs every Rust test in the workspace (one profile: release), then
# 4. Mistral's conformance cases against `bora serve` on both backends at
#    once (scripts/conformance.sh), and
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
# The virtualenvs and chromium of 5-7 install during the build
# (scripts/test-tools.sh). Each phase prints its time.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each phase says how long it took, so a slow CI run shows where its time went.
phase() {
    local name="$1" start=$SECONDS
    shift
    "$@"
    echo "== $name: $((SECONDS - start)) s (total $SECONDS s)" >&2
}

# Runs `script bora backend` on both backends at once (each starts its own
# server on its own port and database), then prints each one's output in turn.
both_backends() {
    local script="$1" bora="$2" logs status=0
    logs="$(mktemp -d)"
    "$script" "$bora" sqlite >"$logs/sqlite" 2>&1 &
    local sqlite=$!
    "$script" "$bora" postgres >"$logs/postgres" 2>&1 &
    local postgres=$!
    wait "$sqlite" || status=1
    wait "$postgres" || status=1
    cat "$logs/sqlite" "$logs/postgres"
    rm -rf "$logs"
    return "$status"
}

phase toolchain bash -c 'rustup toolchain install >/dev/null 2>&1 || rustup toolchain install'

BORA_TEST_POSTGRES_URL="$(scripts/ensure-postgres.sh)"
export BORA_TEST_POSTGRES_URL
# Set, the std.ssh tests fail (rather than skip) when sshd cannot start.
BORA_TEST_SSHD="$(scripts/ensure-sshd.sh)"
export BORA_TEST_SSHD
export RUST_BACKTRACE=0
echo "== services: $SECONDS s" >&2

# The Python tools and chromium of the last phases install while the build
# runs (after ensure-sshd.sh: apt takes one install at a time).
mkdir -p target
scripts/test-tools.sh >target/test-tools.log 2>&1 &
tools=$!

# Built first, apart, so the log tells the build's time from the tests'.
phase "cargo build (tests)" cargo test --release --workspace --locked --no-run
phase "cargo test" cargo test --release --workspace --locked --no-fail-fast
# The test build made target/release/bora (the CLI tests run it); building it
# again with `-p bora` would only recompile it under other feature settings.
if [ ! -x target/release/bora ]; then
    cargo build --release --locked -p bora
fi
if ! wait "$tools"; then
    echo "the test tools did not install:" >&2
    cat target/test-tools.log >&2
    exit 1
fi
echo "== test tools ready (total $SECONDS s)" >&2
# Conformance mostly waits (its cases sleep, time out and retry), so both
# backends run at once.
phase conformance both_backends scripts/conformance.sh target/release/bora
for backend in sqlite postgres; do
    phase "mistralclient $backend" scripts/mistralclient.sh target/release/bora "$backend"
done
phase "schemathesis sqlite" scripts/schemathesis.sh target/release/bora sqlite 20
phase "schemathesis postgres" scripts/schemathesis.sh target/release/bora postgres 10
phase browser scripts/browser.sh target/release/bora sqlite
