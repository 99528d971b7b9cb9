#!/usr/bin/env bash
# Starts a throwaway PostgreSQL for the JDBC property test, idempotently, on loopback only.
# Installs Debian's postgresql package when it is missing. Prints the JDBC URL on stdout (the
# only line printed there), for example:
#   export REQLENS_PG_URL="$(bash .ci/start-postgres.sh)"
# Settings: REQLENS_PG_PORT (55432), REQLENS_PG_DIR (/tmp/reqlens-pg). Stop it with
#   runuser -u postgres -- "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)/pg_ctl" \
#     -D /tmp/reqlens-pg/data stop
set -euo pipefail

port="${REQLENS_PG_PORT:-55432}"
dir="${REQLENS_PG_DIR:-/tmp/reqlens-pg}"
db=reqlens
url="jdbc:postgresql://127.0.0.1:${port}/${db}?user=postgres"

log() { echo "start-postgres: $*" >&2; }

bindir() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1; }

if [ -z "$(bindir)" ]; then
  log "installing postgresql (Debian package)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
bin="$(bindir)"
if [ -z "$bin" ]; then
  log "no PostgreSQL binaries after install"
  exit 1
fi

as_postgres() {
  if [ "$(id -u)" = "0" ]; then
    runuser -u postgres -- "$@"
  else
    "$@" # already an unprivileged user: run as ourselves
  fi
}

mkdir -p "$dir"
if [ "$(id -u)" = "0" ]; then
  chown postgres: "$dir"
fi

if ! as_postgres "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  if [ ! -f "$dir/data/PG_VERSION" ]; then
    log "initdb in $dir/data"
    as_postgres "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --no-locale >&2
  fi
  log "starting on 127.0.0.1:$port"
  as_postgres "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >&2
fi

if ! as_postgres "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname = '$db'" | grep -q 1; then
  as_postgres "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres "$db" >&2
fi
echo "$url"
