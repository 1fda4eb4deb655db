#!/usr/bin/env bash
# Installs what the tests need and runs every test of the solution. CI calls this through .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet --info >/dev/null
dotnet build TaskActors.sln --configuration Release -warnaserror
dotnet test --solution TaskActors.sln --configuration Release --no-build
