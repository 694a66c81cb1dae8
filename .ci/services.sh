#!/usr/bin/env bash
# Prepares the local services the test suite talks to:
#   - PostgreSQL on 127.0.0.1:5432, database "test"
#   - MariaDB    on 127.0.0.1:3306, database "test"
# Usable both sourced (from .ci/run) and executed directly (bash .ci/services.sh).
# When CI=true, a service that cannot be brought up is a hard failure; otherwise it is a warning.
# Only system services that must exist before Maven belong here; servers the tests can start themselves (Chroma,
# PGlite) are started by the test fixtures (io.heavenbase.testsupport).

set -euo pipefail

CI_SERVICES_DIR="${CI_SERVICES_DIR:-$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/.services}"
SERVICE_WAIT_SECONDS="${SERVICE_WAIT_SECONDS:-60}"

_svc_log() { echo "[services] $*"; }

_svc_fail() {
  if [[ "${CI:-}" == "true" ]]; then
    echo "[services] ERROR: $*" >&2
    exit 1
  fi
  echo "[services] WARNING: $* (continuing because CI is not 'true')" >&2
  return 1
}

# _svc_wait <description> <command...>: retries the command once a second until it succeeds or time runs out.
_svc_wait() {
  local what="$1"; shift
  local deadline=$((SECONDS + SERVICE_WAIT_SECONDS))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS >= deadline)); then
      _svc_log "$what not ready after ${SERVICE_WAIT_SECONDS}s"
      return 1
    fi
    sleep 1
  done
}

_pg_ready() { pg_isready -q -h 127.0.0.1 -p 5432; }

_pg_psql() {
  # Local TCP auth for "postgres" is trust on the build machines; fall back to the unix socket as the postgres OS user.
  if PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -w -v ON_ERROR_STOP=1 -tAc 'select 1' >/dev/null 2>&1; then
    PGCONNECT_TIMEOUT=5 psql -h 127.0.0.1 -p 5432 -U postgres -d postgres -w -v ON_ERROR_STOP=1 -tA "$@"
  else
    runuser -u postgres -- psql -d postgres -v ON_ERROR_STOP=1 -tA "$@"
  fi
}

ensure_postgres() {
  if ! command -v pg_isready >/dev/null 2>&1; then
    _svc_fail "PostgreSQL client tools (pg_isready) not installed"; return 1
  fi
  if ! _pg_ready; then
    _svc_log "PostgreSQL is down; starting it"
    pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start || true
    _svc_wait "PostgreSQL" _pg_ready || { _svc_fail "PostgreSQL did not come up on 127.0.0.1:5432"; return 1; }
  fi
  _svc_log "PostgreSQL is up on 127.0.0.1:5432"
  if [[ "$(_pg_psql -c "select 1 from pg_database where datname = 'test'")" != "1" ]]; then
    _svc_log "creating PostgreSQL database 'test'"
    _pg_psql -c 'create database test' >/dev/null \
      || { _svc_fail "could not create PostgreSQL database 'test'"; return 1; }
  fi
  _svc_log "PostgreSQL database 'test' exists"
}

_maria_ready() {
  if command -v mariadb-admin >/dev/null 2>&1; then
    mariadb-admin -h 127.0.0.1 -P 3306 -uroot --connect-timeout=3 ping
  else
    (exec 3<>/dev/tcp/127.0.0.1/3306) 2>/dev/null
  fi
}

ensure_mariadb() {
  if ! _maria_ready >/dev/null 2>&1; then
    _svc_log "MariaDB is down; starting it"
    start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
    _svc_wait "MariaDB" _maria_ready || { _svc_fail "MariaDB did not come up on 127.0.0.1:3306"; return 1; }
  fi
  _svc_log "MariaDB is up on 127.0.0.1:3306"
  mariadb -h 127.0.0.1 -P 3306 -uroot --connect-timeout=5 -e 'CREATE DATABASE IF NOT EXISTS test' \
    || { _svc_fail "could not create MariaDB database 'test'"; return 1; }
  _svc_log "MariaDB database 'test' exists"
}

prepare_services() {
  mkdir -p "$CI_SERVICES_DIR"
  ensure_postgres || true
  ensure_mariadb || true
}

# Executed directly rather than sourced: do the work now.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  prepare_services
fi
