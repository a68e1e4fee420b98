#!/usr/bin/env bash
# The test command: installs what the tests need where it can, runs every test of the solution and
# ends with one line, "tests: N passed, N failed, N skipped". Needs the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# Runs a command as root: directly, through sudo without a password prompt, or not at all.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo -n "$@"
  else
    return 1
  fi
}

apt_install() {
  command -v apt-get >/dev/null 2>&1 || return 1
  as_root apt-get update -qq || return 1
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

# The browser tests take a browser from TALENTREVIEW_BROWSER, Playwright's own download, or PATH
# (tests/TalentReview.Web.Tests/Browser/BrowserLocator.cs); without any, Debian's chromium.
has_browser() {
  [ -n "${TALENTREVIEW_BROWSER:-}" ] && return 0
  compgen -G "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}/chromium*" >/dev/null && return 0
  for name in chromium chromium-browser google-chrome google-chrome-stable chrome; do
    command -v "$name" >/dev/null 2>&1 && return 0
  done
  return 1
}
if ! has_browser; then
  echo "test.sh: no browser for the browser tests; installing Debian's chromium"
  apt_install chromium || echo "test.sh: could not install chromium (needs apt-get and root); the browser tests will say how to get a browser" >&2
fi

# The Cosmos contract tests run a Cosmos-REST-compatible server from npm (tests/cosmos-server), the
# key-ring tests Azurite's blob service (tests/azurite).
if ! command -v npm >/dev/null 2>&1; then
  echo "test.sh: no node and npm for the Cosmos and key-ring tests; installing Debian's nodejs and npm"
  apt_install nodejs npm || echo "test.sh: could not install node and npm (needs apt-get and root); the Cosmos and key-ring tests will be skipped" >&2
fi
if command -v npm >/dev/null 2>&1; then
  (cd tests/cosmos-server && npm ci --no-audit --no-fund --loglevel=error)
  (cd tests/azurite && npm ci --no-audit --no-fund --loglevel=error)
fi

# Every test of the solution; the per-assembly summaries are summed into one closing line.
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test TalentReview.sln 2>&1 | tee "$log" || status=$?
passed=$(grep -Eo 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -Eo 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit "$status"
