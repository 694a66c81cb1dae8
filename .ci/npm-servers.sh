#!/usr/bin/env bash
# NOT needed for the tests: they start these servers themselves (io.heavenbase.testsupport.NpmTestServers) when
# the URL variables below are unset. This script is for running them by hand, e.g. for the real benchmarks or to
# keep one server across several Maven runs (export the printed lines and the tests use it).
#
# Installs (npm ci, pinned in runtime/src/test-support/npm/servers/package-lock.json, into the same cache the tests
# use: $HEAVENBASE_NPM_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/heavenbase/npm) and runs the npm-served test servers:
#   - Chroma 1.0.0 (chromadb 3.0.9 CLI)          on 127.0.0.1:${HEAVENBASE_CHROMA_PORT:-58123}
#   - PGlite (PostgreSQL 17 + pgvector), 4 conns on 127.0.0.1:${HEAVENBASE_PGLITE_PORT:-55499}
# and exports the URLs the tests read:
#   HEAVENBASE_TEST_CHROMA_URL=http://127.0.0.1:58123
#   HEAVENBASE_TEST_PGVECTOR_URL=jdbc:postgresql://127.0.0.1:55499/postgres?user=postgres&sslmode=disable&prepareThreshold=0
#
# Executed: bash .ci/npm-servers.sh start|stop|status   (start prints the export lines)
# Sourced:  source .ci/npm-servers.sh; npm_servers_start; ...; npm_servers_stop
# Idempotent: npm ci runs only when the package files changed; a server already answering on its port
# that is one of ours (same script, any checkout) is reused; one of ours that does not answer is
# restarted; a foreign process on the port is an error. Pids, logs and the Chroma data directory
# live in .ci/.services/. When CI=true, a server that cannot be installed or started is a hard
# failure (exit 1); otherwise it is a warning and the tests that need it skip.
# A URL variable that is already set (say, pointing at a real server) is kept and that server is
# not started here.

NPM_SERVERS_CI_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NPM_SERVERS_PACKAGES="$NPM_SERVERS_CI_DIR/../runtime/src/test-support/npm/servers"
# Same directory name as io.heavenbase.testsupport.NpmPackages: the set's name and the hash of its two files.
NPM_SERVERS_DIR="${HEAVENBASE_NPM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/heavenbase/npm}/servers-$(
  cat "$NPM_SERVERS_PACKAGES/package.json" "$NPM_SERVERS_PACKAGES/package-lock.json" | sha256sum | cut -c1-16)"
NPM_SERVERS_STATE_DIR="${CI_SERVICES_DIR:-$NPM_SERVERS_CI_DIR/.services}"
NPM_SERVERS_WAIT_SECONDS="${NPM_SERVERS_WAIT_SECONDS:-90}"
HEAVENBASE_CHROMA_PORT="${HEAVENBASE_CHROMA_PORT:-58123}"
HEAVENBASE_PGLITE_PORT="${HEAVENBASE_PGLITE_PORT:-55499}"
HEAVENBASE_PGLITE_MAX_CONNECTIONS="${HEAVENBASE_PGLITE_MAX_CONNECTIONS:-4}"

# Script paths of the two servers inside node_modules; also how a running server is recognised as ours.
_NPM_CHROMA_MAIN="node_modules/chromadb/dist/cli.mjs"
_NPM_PGLITE_MAIN="node_modules/@electric-sql/pglite-socket/dist/scripts/server.js"

_npm_log() { echo "[npm-servers] $*"; }

_npm_fail() {
  if [[ "${CI:-}" == "true" ]]; then
    echo "[npm-servers] ERROR: $*" >&2
    exit 1
  fi
  echo "[npm-servers] WARNING: $* (continuing because CI is not 'true'; the tests that need it will skip)" >&2
  return 1
}

# npm ci into the cache when it holds no finished install of the current package files.
npm_servers_install() {
  command -v node >/dev/null 2>&1 || { _npm_fail "node is not installed (needs Node.js 20+)"; return 1; }
  command -v npm >/dev/null 2>&1 || { _npm_fail "npm is not installed"; return 1; }
  local done="$NPM_SERVERS_DIR/.heavenbase-installed"
  if [[ -f "$done" ]]; then
    _npm_log "$NPM_SERVERS_DIR is up to date with package-lock.json"
    return 0
  fi
  _npm_log "npm ci into $NPM_SERVERS_DIR"
  rm -rf "$NPM_SERVERS_DIR" && mkdir -p "$NPM_SERVERS_DIR" \
    && cp "$NPM_SERVERS_PACKAGES/package.json" "$NPM_SERVERS_PACKAGES/package-lock.json" "$NPM_SERVERS_DIR/" \
    && (cd "$NPM_SERVERS_DIR" && npm ci --no-audit --no-fund --loglevel=error) \
    || { _npm_fail "npm ci failed in $NPM_SERVERS_DIR"; return 1; }
  echo "$NPM_SERVERS_PACKAGES/package-lock.json" >"$done"
}

# _npm_http_ok <port> <path>: an HTTP 200 from 127.0.0.1 (bash /dev/tcp, no curl needed).
_npm_http_ok() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
    IFS= read -r -t 5 status <&3 || exit 1
    [[ "$status" == HTTP/*" 200"* ]]
  ) 2>/dev/null
}

# _npm_tcp_ok <port>: something accepts connections on 127.0.0.1:<port>.
_npm_tcp_ok() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

_npm_chroma_ready() { _npm_http_ok "$HEAVENBASE_CHROMA_PORT" /api/v2/heartbeat; }
_npm_pglite_ready() { _npm_tcp_ok "$HEAVENBASE_PGLITE_PORT"; }

# _npm_listener_pid <port>: pid of the process listening on 127.0.0.1:<port>, empty when none/unknown.
_npm_listener_pid() {
  command -v ss >/dev/null 2>&1 || return 0
  ss -ltnpH "sport = :$1" 2>/dev/null | grep -o 'pid=[0-9]*' | head -n1 | cut -d= -f2
  return 0
}

# _npm_is_ours <pid> <main script>: the process runs that server script (from any checkout).
_npm_is_ours() {
  [[ -n "$1" && -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q -- "$2"
}

_npm_kill() {
  local pid="$1" waited=0
  kill "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null && ((waited < 100)); do
    sleep 0.1
    waited=$((waited + 1))
  done
  kill -9 "$pid" 2>/dev/null || true
}

_npm_wait() {
  local what="$1" pid="$2"; shift 2
  local deadline=$((SECONDS + NPM_SERVERS_WAIT_SECONDS))
  until "$@"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      _npm_log "$what exited during startup; last log lines:"
      tail -n 20 "$NPM_SERVERS_STATE_DIR/$what.log" >&2 || true
      return 1
    fi
    if ((SECONDS >= deadline)); then
      _npm_log "$what not ready after ${NPM_SERVERS_WAIT_SECONDS}s"
      return 1
    fi
    sleep 0.5
  done
}

# _npm_start_server <name> <port> <ready-fn> <main script> <args...>: reuse, restart or start one server.
_npm_start_server() {
  local name="$1" port="$2" ready="$3" main="$4"; shift 4
  local pidfile="$NPM_SERVERS_STATE_DIR/$name.pid" pid listener
  pid="$(cat "$pidfile" 2>/dev/null || true)"
  listener="$(_npm_listener_pid "$port")"
  if [[ -n "$pid" ]] && _npm_is_ours "$pid" "$main" && "$ready"; then
    _npm_log "$name is already running (pid $pid) on 127.0.0.1:$port; reusing it"
    return 0
  fi
  if [[ -n "$listener" ]] && _npm_is_ours "$listener" "$main"; then
    if "$ready"; then
      _npm_log "$name from an earlier run (pid $listener) answers on 127.0.0.1:$port; reusing it"
      echo "$listener" >"$pidfile"
      return 0
    fi
    _npm_log "$name from an earlier run (pid $listener) does not answer; restarting it"
    _npm_kill "$listener"
  elif _npm_tcp_ok "$port"; then
    _npm_fail "port 127.0.0.1:$port is taken by another program (pid ${listener:-unknown}); set HEAVENBASE_${name^^}_PORT"
    return 1
  fi
  [[ -n "$pid" ]] && _npm_is_ours "$pid" "$main" && _npm_kill "$pid"
  _npm_log "starting $name on 127.0.0.1:$port"
  # setsid: own session, so the server outlives this shell and ignores the terminal's signals.
  (cd "$NPM_SERVERS_DIR" && exec setsid node "$NPM_SERVERS_DIR/$main" "$@" >"$NPM_SERVERS_STATE_DIR/$name.log" 2>&1 </dev/null) &
  pid=$!
  echo "$pid" >"$pidfile"
  local started=$SECONDS
  _npm_wait "$name" "$pid" "$ready" || { _npm_fail "$name did not come up on 127.0.0.1:$port (log: $NPM_SERVERS_STATE_DIR/$name.log)"; return 1; }
  _npm_log "$name is up on 127.0.0.1:$port (pid $pid, $((SECONDS - started))s)"
}

npm_servers_start_chroma() {
  if [[ -n "${HEAVENBASE_TEST_CHROMA_URL:-}" && "$HEAVENBASE_TEST_CHROMA_URL" != "http://127.0.0.1:$HEAVENBASE_CHROMA_PORT" ]]; then
    _npm_log "HEAVENBASE_TEST_CHROMA_URL is set to $HEAVENBASE_TEST_CHROMA_URL; not starting Chroma"
    return 0
  fi
  local data="$NPM_SERVERS_STATE_DIR/chroma-data"
  if ! { _npm_chroma_ready && _npm_is_ours "$(_npm_listener_pid "$HEAVENBASE_CHROMA_PORT")" "$_NPM_CHROMA_MAIN"; }; then
    rm -rf "$data"
  fi
  mkdir -p "$data"
  _npm_start_server chroma "$HEAVENBASE_CHROMA_PORT" _npm_chroma_ready "$_NPM_CHROMA_MAIN" \
    run --path "$data" --host 127.0.0.1 --port "$HEAVENBASE_CHROMA_PORT" || return 1
  export HEAVENBASE_TEST_CHROMA_URL="http://127.0.0.1:$HEAVENBASE_CHROMA_PORT"
}

npm_servers_start_pglite() {
  local url="jdbc:postgresql://127.0.0.1:$HEAVENBASE_PGLITE_PORT/postgres?user=postgres&sslmode=disable&prepareThreshold=0"
  if [[ -n "${HEAVENBASE_TEST_PGVECTOR_URL:-}" && "$HEAVENBASE_TEST_PGVECTOR_URL" != "$url" ]]; then
    _npm_log "HEAVENBASE_TEST_PGVECTOR_URL is set to $HEAVENBASE_TEST_PGVECTOR_URL; not starting PGlite"
    return 0
  fi
  _npm_start_server pglite "$HEAVENBASE_PGLITE_PORT" _npm_pglite_ready "$_NPM_PGLITE_MAIN" \
    -h 127.0.0.1 -p "$HEAVENBASE_PGLITE_PORT" -e vector -m "$HEAVENBASE_PGLITE_MAX_CONNECTIONS" || return 1
  export HEAVENBASE_TEST_PGVECTOR_URL="$url"
}

# Installs and starts both servers, exports their URLs; returns 1 (CI: exits) if one failed.
npm_servers_start() {
  mkdir -p "$NPM_SERVERS_STATE_DIR"
  npm_servers_install || return 1
  local failed=0
  npm_servers_start_chroma || failed=1
  npm_servers_start_pglite || failed=1
  [[ -n "${HEAVENBASE_TEST_CHROMA_URL:-}" ]] && echo "export HEAVENBASE_TEST_CHROMA_URL='$HEAVENBASE_TEST_CHROMA_URL'"
  [[ -n "${HEAVENBASE_TEST_PGVECTOR_URL:-}" ]] && echo "export HEAVENBASE_TEST_PGVECTOR_URL='$HEAVENBASE_TEST_PGVECTOR_URL'"
  return "$failed"
}

# Stops the servers listed in the pid files (only processes running our server scripts).
npm_servers_stop() {
  local name main pid
  for name in chroma pglite; do
    [[ "$name" == chroma ]] && main="$_NPM_CHROMA_MAIN" || main="$_NPM_PGLITE_MAIN"
    pid="$(cat "$NPM_SERVERS_STATE_DIR/$name.pid" 2>/dev/null || true)"
    if [[ -n "$pid" ]] && _npm_is_ours "$pid" "$main"; then
      _npm_log "stopping $name (pid $pid)"
      _npm_kill "$pid"
    fi
    rm -f "$NPM_SERVERS_STATE_DIR/$name.pid"
  done
  rm -rf "$NPM_SERVERS_STATE_DIR/chroma-data"
}

npm_servers_status() {
  local up=0
  if _npm_chroma_ready; then _npm_log "chroma answers on 127.0.0.1:$HEAVENBASE_CHROMA_PORT"; else _npm_log "chroma is down"; up=1; fi
  if _npm_pglite_ready; then _npm_log "pglite answers on 127.0.0.1:$HEAVENBASE_PGLITE_PORT"; else _npm_log "pglite is down"; up=1; fi
  return "$up"
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -uo pipefail
  case "${1:-start}" in
    start) npm_servers_start ;;
    stop) npm_servers_stop ;;
    status) npm_servers_status ;;
    *) echo "usage: bash .ci/npm-servers.sh [start|stop|status]" >&2; exit 2 ;;
  esac
fi
