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

# redis-server, installed only when missing: the storage, clustering and failover tests start their own (never a shared one).
if ! command -v redis-server >/dev/null 2>&1; then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server
fi

# chromium, installed only when missing: the dashboard test opens the Orleans Dashboard in it, headless.
if ! command -v chromium >/dev/null 2>&1; then
  sudo=()
  if [[ $(id -u) -ne 0 ]]; then
    sudo=(sudo)
  fi
  quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  quietly "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi

# The end-to-end clients (TS SDK, conformance suite, the Node 22 it needs); reinstalled only when the lock file changed.
quietly scripts/npm-ci-when-lock-changed.sh tests/e2e

quietly scripts/check-manifests.sh # deploy/k8s: rendered with kubectl kustomize and validated offline
dotnet --info >/dev/null
dotnet build TaskActors.sln --configuration Release -warnaserror
dotnet test --solution TaskActors.sln --configuration Release --no-build
