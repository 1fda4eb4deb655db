#!/usr/bin/env bash
# Installs what the tests need and runs every test of the solution. CI calls this through .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

# Runs a command silently; shows its output only if it fails.
quietly() {
  local output
  if ! output="$("$@" 2>&1)"; then
    printf '%s\n' "$output" >&2
    echo "test.sh: '$*' failed" >&2
    return 1
  fi
}

# Installs an apt package when its command is missing (nothing else is installed system-wide).
install_missing() {
  local command="$1" package="$2"
  if command -v "$command" >/dev/null 2>&1; then
    return
  fi
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package"
}

# The storage, clustering, failover and chaos tests start their own redis-server (never a shared one).
install_missing redis-server redis-server
# The dashboard test opens the Orleans Dashboard in headless chromium.
install_missing chromium chromium

# The end-to-end clients (TS SDK, conformance suite, the Node 22 it needs); reinstalled only when the lock file changed.
quietly scripts/npm-ci-when-lock-changed.sh tests/e2e

quietly scripts/check-manifests.sh # deploy/k8s: rendered with kubectl kustomize and validated offline
dotnet --info >/dev/null
dotnet build TaskActors.sln --configuration Release -warnaserror

# Every test, with each test's output kept in a log: printed are the figures the tests measure (`FIGURE ...` lines:
# conformance totals, chaos and shutdown figures), the blocks of any failed test, and the summary.
log="$(mktemp -t taskactors-tests.XXXXXX)"
echo "test.sh: running every test (the whole output goes to $log)"
status=0
dotnet test --solution TaskActors.sln --configuration Release --no-build --output Detailed >"$log" 2>&1 || status=$?
grep -E '^[[:space:]]*FIGURE ' "$log" | sed -E 's/^[[:space:]]+//' || true
awk '/^(passed|failed|skipped) /{show = ($1 == "failed")} /^Test run summary/{show = 1} show' "$log"
if [[ $status -ne 0 ]]; then
  echo "test.sh: tests failed (exit $status); the whole output is in $log" >&2
else
  rm -f "$log"
fi
exit "$status"
