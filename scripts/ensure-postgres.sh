#!/usr/bin/env bash
# Makes sure a PostgreSQL server answers on 127.0.0.1:5432 (trust auth, user
# postgres), starting it, or installing it from Debian's packages, when needed.
# Prints nothing on success but the URL the tests should use.
set -euo pipefail

ready() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }

if ! command -v pg_isready >/dev/null 2>&1 || ! command -v pg_ctlcluster >/dev/null 2>&1; then
    echo "ensure-postgres: installing PostgreSQL from Debian's packages" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq postgresql postgresql-client >&2
fi

if ! ready; then
    echo "ensure-postgres: starting PostgreSQL" >&2
    for version in $(ls /etc/postgresql); do
        pg_ctlcluster --skip-systemctl-redirect "$version" main start >&2 || true
    done
    for _ in $(seq 1 30); do ready && break; sleep 1; done
fi

if ! ready; then
    echo "ensure-postgres: PostgreSQL is not answering on 127.0.0.1:5432" >&2
    exit 1
fi

# Trust auth over TCP for the tests; a fresh Debian install asks for passwords.
if ! psql -h 127.0.0.1 -U postgres -d postgres -Atc 'select 1' >/dev/null 2>&1; then
    echo "ensure-postgres: enabling trust auth for local connections" >&2
    for hba in /etc/postgresql/*/main/pg_hba.conf; do
        sed -i -E 's/^(host\s+all\s+all\s+127\.0\.0\.1\/32\s+)\S+/\1trust/; s/^(local\s+all\s+(postgres|all)\s+)\S+/\1trust/' "$hba"
    done
    for version in $(ls /etc/postgresql); do
        pg_ctlcluster --skip-systemctl-redirect "$version" main reload >&2 || true
    done
    sleep 1
fi

echo "postgres://postgres@127.0.0.1:5432/postgres"
