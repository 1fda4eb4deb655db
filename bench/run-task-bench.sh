#!/usr/bin/env bash
# The MCP background-task benchmark (docs/benchmarks.md): builds the Silo and bench/TaskLoad in Release with
# -warnaserror, installs the TypeScript baseline (bench/ts-baseline) when its lock file changed, and runs TaskLoad,
# which measures TaskActors embedded, TaskActors on Redis and the TS SDK task server side by side. Arguments go to
# TaskLoad; `--help` describes the script and lists every option.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
bench/run-task-bench.sh [TaskLoad options]

The MCP background-task benchmark of docs/benchmarks.md. One run measures, at each client count, three servers side
by side, each on freshly started processes, one after another:

  embedded  TaskActors' Silo binary (src/Silo, Release) in the embedded default: one silo, gateway co-hosted,
            in-memory state, on free HTTP, silo and gateway ports.
  redis     The same binary in cluster mode (TaskActors:Cluster:Redis): grain state, membership and reminders in a
            redis-server the benchmark starts itself for that run (free port, fresh temporary directory, no RDB,
            appendonly yes, appendfsync everysec), killed by PID and its directory deleted at the end.
  ts        The TypeScript SDK's task server with its in-memory task store (bench/ts-baseline, Node from the lock file).

Each client (its own MCP session) loops: tools/call of `noop` as a task, tasks/get, tasks/result. Per server and client
count it reports tasks/s (and the ratio to the TS SDK at that count), create/get/result latency p50/p90/p99/max,
errors, server CPU ms per task (process CPU time over the window / tasks), cores used by the server, its Redis, the
load generator and everything else, the server's RSS; for TaskActors storage reads and writes per task and grain calls
per task (GET /diagnostics/counters deltas, by state and by grain method); in Redis mode Redis commands per task from
INFO commandstats deltas (every command, those run inside EVAL/EVALSHA scripts included, by name, with the
background measured over an idle interval after the window), Redis CPU ms per task (INFO cpu) and AOF bytes per task.

What the script does first: npm ci in bench/ts-baseline when its package-lock.json changed (needs the npm registry
once), dotnet build of src/Silo and bench/TaskLoad in Release with -warnaserror. Cluster mode needs redis-server 7.0 or
later on PATH (or --redis-server PATH). Ctrl+C stops every process it started.

Examples:
  bench/run-task-bench.sh -c 8 -c 32 -c 128 --markdown /tmp/task-bench.md   # the full run (about 10 minutes)
  bench/run-task-bench.sh -c 8 --warmup 3 --duration 5 --redis-idle 3        # a smoke run (under a minute, builds aside)
  bench/run-task-bench.sh -c 32 --servers embedded,redis --gets 5            # storage reads stay per task, not per get

TaskLoad's options (defaults: -c 32, --warmup 30, --duration 20, --servers all, --redis-idle 10):
EOF
}

help=false
for argument in "$@"; do
  if [[ "$argument" == "--help" || "$argument" == "-h" || "$argument" == "-?" ]]; then
    help=true
  fi
done

if [[ "$help" == true ]]; then
  usage
else
  scripts/npm-ci-when-lock-changed.sh bench/ts-baseline
  dotnet build src/Silo/Silo.csproj --configuration Release -warnaserror --nologo --verbosity quiet -consoleLoggerParameters:NoSummary
fi

dotnet build bench/TaskLoad/TaskLoad.csproj --configuration Release -warnaserror --nologo --verbosity quiet -consoleLoggerParameters:NoSummary >&2
exec dotnet bench/TaskLoad/bin/Release/net10.0/TaskActors.TaskLoad.dll "$@"
