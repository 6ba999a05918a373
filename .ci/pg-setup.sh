#!/usr/bin/env bash
# Start an already-installed Debian PostgreSQL cluster on 127.0.0.1 for the test suite,
# create role claims/claims and database claims_test, and print the SQLAlchemy URL.
# Run as root. Installs nothing (the caller runs `apt-get install -y postgresql`).
# Everything but the URL goes to stderr, so `URL=$(bash .ci/pg-setup.sh)` works.
set -euo pipefail

PORT="${PGPORT:-5432}"
log() { echo "pg-setup: $*" >&2; }

if [ "$(id -u)" -ne 0 ]; then
  log "must run as root"; exit 1
fi
if ! command -v pg_lsclusters >/dev/null 2>&1; then
  log "postgresql is not installed (apt-get install -y postgresql)"; exit 1
fi

# Newest installed server version.
VERSION="$(ls /usr/lib/postgresql | sort -n | tail -1)"
if [ -z "$VERSION" ]; then
  log "no PostgreSQL server under /usr/lib/postgresql"; exit 1
fi
CLUSTER=main

if ! pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {f=1} END {exit !f}'; then
  log "creating cluster $VERSION/$CLUSTER"
  pg_createcluster "$VERSION" "$CLUSTER" --port "$PORT" >&2
fi

CONF="/etc/postgresql/$VERSION/$CLUSTER/postgresql.conf"
# Listen on loopback only, on the wanted port.
sed -i -E "s/^#?listen_addresses\s*=.*/listen_addresses = '127.0.0.1'/" "$CONF"
sed -i -E "s/^#?port\s*=.*/port = $PORT/" "$CONF"

STATUS="$(pg_lsclusters -h | awk -v v="$VERSION" -v c="$CLUSTER" '$1==v && $2==c {print $4}')"
if [ "$STATUS" != "online" ]; then
  log "starting cluster $VERSION/$CLUSTER on 127.0.0.1:$PORT"
  pg_ctlcluster "$VERSION" "$CLUSTER" start >&2
fi

# Wait until it accepts connections (up to 30 s).
for _ in $(seq 1 30); do
  if su postgres -c "pg_isready -q -h 127.0.0.1 -p $PORT"; then break; fi
  sleep 1
done
su postgres -c "pg_isready -h 127.0.0.1 -p $PORT" >&2

psql_admin() { su postgres -c "psql -v ON_ERROR_STOP=1 -q -p $PORT -tA -c \"$1\""; }

if [ "$(psql_admin "SELECT 1 FROM pg_roles WHERE rolname='claims'")" != "1" ]; then
  psql_admin "CREATE ROLE claims LOGIN PASSWORD 'claims'" >&2
else
  psql_admin "ALTER ROLE claims LOGIN PASSWORD 'claims'" >&2
fi
if [ "$(psql_admin "SELECT 1 FROM pg_database WHERE datname='claims_test'")" != "1" ]; then
  psql_admin "CREATE DATABASE claims_test OWNER claims" >&2
fi

echo "postgresql+psycopg://claims:claims@127.0.0.1:$PORT/claims_test"
