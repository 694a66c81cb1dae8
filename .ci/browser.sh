#!/usr/bin/env bash
# Prepares what the Dev UI browser test (deployment: DevUiBrowserTest) needs before Maven runs:
#   - Chromium from Debian's packages (/usr/bin/chromium; apt-get install chromium when missing, as root).
# playwright-core (npm, pinned in deployment/src/test/browser/package-lock.json) is installed by the test itself;
# it drives the system Chromium and never downloads a browser of its own (never run `npx playwright install`).
# Executed: bash .ci/browser.sh        Sourced: source .ci/browser.sh; browser_prepare
# When CI=true, anything that cannot be installed is a hard failure (exit 1); otherwise it is a warning and the
# browser test skips with the reason.

_browser_log() { echo "[browser] $*"; }

_browser_fail() {
  if [[ "${CI:-}" == "true" ]]; then
    echo "[browser] ERROR: $*" >&2
    exit 1
  fi
  echo "[browser] WARNING: $* (continuing because CI is not 'true'; the Dev UI browser test will skip)" >&2
  return 1
}

browser_install_chromium() {
  if [[ -x "${HEAVENBASE_CHROMIUM:-/usr/bin/chromium}" ]]; then
    _browser_log "Chromium is installed: $("${HEAVENBASE_CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null || echo '?')"
    return 0
  fi
  command -v apt-get >/dev/null 2>&1 || { _browser_fail "Chromium is missing and apt-get is not available"; return 1; }
  [[ "$(id -u)" == "0" ]] || { _browser_fail "Chromium is missing; install it as root: apt-get install -y chromium"; return 1; }
  _browser_log "installing Debian's chromium"
  { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium >/dev/null; } \
    || { _browser_fail "apt-get install chromium failed"; return 1; }
  [[ -x /usr/bin/chromium ]] || { _browser_fail "apt-get installed chromium but /usr/bin/chromium is missing"; return 1; }
  _browser_log "Chromium is installed: $(/usr/bin/chromium --version 2>/dev/null || echo '?')"
}

browser_prepare() {
  browser_install_chromium
}

if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  set -uo pipefail
  browser_prepare
fi
