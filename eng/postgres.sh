#!/usr/bin/env bash
# Makes a PostgreSQL server available on 127.0.0.1 for the EF Core tests and prints the
# connection string to use. Installs Debian's postgresql package when it is missing, starts the
# first cluster (creating one if there is none) and creates the test role. Idempotent.
set -euo pipefail

log() { echo "postgres.sh: $*" >&2; }

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and this user cannot install it; run: sudo apt-get install -y postgresql"
    exit 1
  fi
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi

if ! pg_lsclusters -h | grep -q .; then
  version=$(ls /usr/lib/postgresql | sort -V | tail -n1)
  log "creating cluster $version/main"
  pg_createcluster "$version" main >&2
fi

read -r version cluster port status _ < <(pg_lsclusters -h | head -n1)
if [ "$status" != "online" ]; then
  log "starting cluster $version/$cluster on port $port"
  pg_ctlcluster "$version" "$cluster" start >&2
fi

for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 1
done
pg_isready -q -h 127.0.0.1 -p "$port" || { log "server on port $port did not become ready"; exit 1; }

as_postgres() { if [ "$(id -u)" -eq 0 ]; then su postgres -c "$1"; else sudo -u postgres sh -c "$1"; fi; }
as_postgres "psql -q -p $port -tAc \"SELECT 1 FROM pg_roles WHERE rolname='privacykit'\" | grep -q 1 || psql -q -p $port -c \"CREATE ROLE privacykit LOGIN CREATEDB PASSWORD 'privacykit'\"" >&2
as_postgres "psql -q -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname='privacykit_tests'\" | grep -q 1 || createdb -p $port -O privacykit privacykit_tests" >&2

echo "Host=127.0.0.1;Port=$port;Username=privacykit;Password=privacykit;Database=privacykit_tests"
