# Sourced by the test scripts: starts a fresh `bora serve` for them.
#
#   start_bora BORA BACKEND   (BACKEND: sqlite | postgres)
#
# BORA_SERVE_FLAGS, when set, are added to `bora serve`'s flags.
# Sets BORA_URL (http://127.0.0.1:PORT/v2), BORA_DATABASE and BORA_LOG_FILE,
# and arranges for
# the server, its scratch directory and (on PostgreSQL) its database to go on
# exit. Each run gets its own database, so runs never see each other's data.

start_bora() {
    local bora="$1" backend="$2" database port
    BORA_WORK="$(mktemp -d)"
    BORA_DB_NAME=""
    case "$backend" in
        sqlite) database="sqlite://$BORA_WORK/bora.sqlite" ;;
        postgres)
            BORA_PG_BASE="${BORA_TEST_POSTGRES_URL:-$(scripts/ensure-postgres.sh)}"
            BORA_DB_NAME="bora_script_$$_$RANDOM"
            psql "$BORA_PG_BASE" -qc "CREATE DATABASE $BORA_DB_NAME" >/dev/null
            database="${BORA_PG_BASE%/*}/$BORA_DB_NAME"
            ;;
        *) echo "unknown backend $backend (sqlite or postgres)" >&2; return 1 ;;
    esac
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
    BORA_LOG_FILE="$BORA_WORK/serve.log"
    BORA_DATABASE="$database"
    # shellcheck disable=SC2086  # extra flags are words on purpose
    "$bora" serve --listen "127.0.0.1:$port" --database "$database" ${BORA_SERVE_FLAGS:-} \
        >"$BORA_LOG_FILE" 2>&1 &
    BORA_PID=$!
    trap stop_bora EXIT
    BORA_URL="http://127.0.0.1:$port/v2"
    for _ in $(seq 1 100); do
        if curl -sf "$BORA_URL/" >/dev/null 2>&1; then return 0; fi
        sleep 0.1
    done
    echo "bora serve did not come up on port $port:" >&2
    tail -n 20 "$BORA_LOG_FILE" >&2
    return 1
}

stop_bora() {
    kill "$BORA_PID" 2>/dev/null || true
    wait "$BORA_PID" 2>/dev/null || true
    if [ -n "$BORA_DB_NAME" ]; then
        psql "$BORA_PG_BASE" -qc "DROP DATABASE IF EXISTS $BORA_DB_NAME" >/dev/null 2>&1 || true
    fi
    rm -rf "$BORA_WORK"
}
