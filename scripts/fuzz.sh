#!/usr/bin/env bash
# Runs each fuzz target of fuzz/ for a bounded time (default 60 s each):
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
# Not part of scripts/test.sh or CI: run it by hand. A crash leaves its
# input in fuzz/artifacts/TARGET/; make it a regression test in
# engine/expr/tests or engine/lang/tests.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(yaml_load yaql jinja)
fi
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "cargo-fuzz is missing: cargo install cargo-fuzz (and rustup toolchain install nightly)" >&2
    exit 2
fi
for target in "${targets[@]}"; do
    mkdir -p "corpus/$target"
    # Seeds: the checked-in examples of each kind.
    if [ -d "seeds/$target" ]; then
        cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
    fi
    echo "== $target: ${seconds}s"
    cargo +nightly fuzz run --release "$target" "corpus/$target" -- \
        -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048
done
