#!/usr/bin/env bash
# The MCP background-task benchmark (docs/benchmarks.md): builds the Silo, the Gateway and bench/TaskLoad in Release
# with -warnaserror, installs the TypeScript baseline (bench/ts-baseline) when its lock file changed, and runs TaskLoad,
# which measures TaskActors embedded, TaskActors on Redis and the TS SDK task server side by side, and with --cluster
# local clusters of several silo and gateway processes (scale-out). Arguments go to TaskLoad; `--help` describes the
# script and lists every option.
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

With --cluster SxG[,SxG...] (e.g. --cluster 1x1,2x1,3x1,1x2,2x2,3x2) it also measures, after the servers at each
client count, local clusters on Redis: S silo processes and G gateway processes of their own, each configuration on
fresh processes. scripts/local-cluster.sh (up --gateways 0 --no-build, with a temporary --run-dir and a free
--base-port; later down) starts a redis-server (AOF, appendfsync everysec) and the S silos and waits until each is
ready; then TaskLoad starts the G gateways as the script would, so that each gateway's Orleans client knows every silo
from the start. Clients are spread evenly over the gateways (client i on gateway i mod G; G = 0: over the silos'
co-hosted endpoints). The benchmark's settings reach every process as TaskActors__* environment variables. Per
configuration it reports the same figures, CPU summed over every silo and gateway process (and apart, by role), the
storage and grain-call counters summed over every silo's /diagnostics/counters with each silo's share of the grain
calls, and Redis commands per task. With --cluster, --servers defaults to none (name servers to add them). The
cluster runs the Release builds of src/Silo and src/Gateway, which this script builds; it needs redis-server,
redis-cli and curl on PATH.

Each client (its own MCP session) loops: tools/call of `noop` as a task, tasks/get, tasks/result. Per server and client
count it reports tasks/s (and the ratio to the TS SDK at that count), create/get/result latency p50/p90/p99/max,
errors, server CPU ms per task (process CPU time over the window / tasks), cores used by the server, its Redis, the
load generator and everything else, the server's RSS; for TaskActors storage reads and writes per task and grain calls
per task (GET /diagnostics/counters deltas, by state and by grain method); in Redis mode Redis commands per task from
INFO commandstats deltas (every command, those run inside EVAL/EVALSHA scripts included, by name, with the
background measured over an idle interval after the window), Redis CPU ms per task (INFO cpu) and AOF bytes per task.

What the script does first: npm ci in bench/ts-baseline when its package-lock.json changed (needs the npm registry
once), dotnet build of src/Silo, src/Gateway and bench/TaskLoad in Release with -warnaserror. Cluster mode needs
redis-server 7.0 or later on PATH (or --redis-server PATH). Ctrl+C stops every process it started.

Examples:
  bench/run-task-bench.sh -c 8 -c 32 -c 128 --markdown /tmp/task-bench.md   # the full run (about 10 minutes)
  bench/run-task-bench.sh -c 8 --warmup 3 --duration 5 --redis-idle 3        # a smoke run (under a minute, builds aside)
  bench/run-task-bench.sh -c 32 --servers embedded,redis --gets 5            # storage reads stay per task, not per get
  bench/run-task-bench.sh -c 32 -c 128 --servers redis --cluster 1x1,2x1,3x1,1x2,2x2,3x2 --markdown /tmp/scale-out.md
                                                                             # scale-out (about 20 minutes)
  bench/run-task-bench.sh -c 32 --warmup 5 -d 5 --redis-idle 3 --cluster 1x1,2x1   # a scale-out smoke run

TaskLoad's options (defaults: -c 32, --warmup 30, --duration 20, --servers all (none with --cluster), --redis-idle 10):
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
  dotnet build src/Gateway/Gateway.csproj --configuration Release -warnaserror --nologo --verbosity quiet -consoleLoggerParameters:NoSummary
fi

dotnet build bench/TaskLoad/TaskLoad.csproj --configuration Release -warnaserror --nologo --verbosity quiet -consoleLoggerParameters:NoSummary >&2
exec dotnet bench/TaskLoad/bin/Release/net10.0/TaskActors.TaskLoad.dll "$@"
