#!/usr/bin/env bash
# The MCP background-task benchmark (docs/benchmarks.md): builds the Silo and bench/TaskLoad in Release, installs the
# TypeScript baseline (bench/ts-baseline) when its lock file changed, and runs TaskLoad. Arguments go to TaskLoad;
# without any it runs its defaults (32 clients, 30 s warm-up, a 20 s window, both servers). `--help` lists the options.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/npm-ci-when-lock-changed.sh bench/ts-baseline
dotnet build src/Silo/Silo.csproj --configuration Release -warnaserror --nologo --verbosity quiet
dotnet build bench/TaskLoad/TaskLoad.csproj --configuration Release -warnaserror --nologo --verbosity quiet
exec dotnet bench/TaskLoad/bin/Release/net10.0/TaskActors.TaskLoad.dll "$@"
