#!/usr/bin/env bash
# A local TaskActors cluster on this machine, from a Release build: a redis-server (AOF on, its own data dir), N silo
# processes (each with the MCP endpoint co-hosted) and M gateway processes of their own.
#
#   scripts/local-cluster.sh up [--silos N] [--gateways M] [--base-port P] [--run-dir DIR] [--no-build]
#   scripts/local-cluster.sh status [--run-dir DIR]
#   scripts/local-cluster.sh down [--run-dir DIR]
#
# Defaults: 2 silos, 1 gateway, base port 7000, run directory .local-cluster/ in the repository. Ports from the base P:
# Redis P; silo i (1..N): HTTP P+10+i, Orleans silo port P+100+i, Orleans gateway port P+200+i; gateway j (1..M): HTTP
# P+300+j. `up` waits until every process is ready (/health/ready), then prints each MCP URL and each process's PID and
# role; the same table is in <run-dir>/cluster.tsv, logs in <run-dir>/*.log. `down` stops every process by its PID
# (SIGTERM, then SIGKILL after 15 s). Extra settings reach every process through TaskActors__* environment variables.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }

command="${1:-}"
[[ -n "$command" ]] || usage 2
shift
silos=2
gateways=1
base=7000
run_dir="$repo/.local-cluster"
build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --silos) silos="${2:?--silos needs a number}"; shift 2 ;;
    --gateways) gateways="${2:?--gateways needs a number}"; shift 2 ;;
    --base-port) base="${2:?--base-port needs a port}"; shift 2 ;;
    --run-dir) run_dir="${2:?--run-dir needs a directory}"; shift 2 ;;
    --no-build) build=0; shift ;;
    -h|--help) usage 0 ;;
    *) echo "local-cluster.sh: unknown option '$1'" >&2; usage 2 ;;
  esac
done
for value in "$silos" "$gateways" "$base"; do
  [[ "$value" =~ ^[0-9]+$ ]] || { echo "local-cluster.sh: '$value' is not a number" >&2; exit 2; }
done
(( silos >= 1 && silos <= 50 )) || { echo "local-cluster.sh: --silos must be 1 to 50" >&2; exit 2; }
(( gateways >= 0 && gateways <= 50 )) || { echo "local-cluster.sh: --gateways must be 0 to 50" >&2; exit 2; }
(( base >= 1024 && base + 400 <= 65535 )) || { echo "local-cluster.sh: --base-port must be 1024 to 65135" >&2; exit 2; }
table="$run_dir/cluster.tsv"

alive() { kill -0 "$1" 2>/dev/null; }

ready() { curl -fsS -o /dev/null --max-time 2 "$1/health/ready" 2>/dev/null; }

# Waits until $2 answers /health/ready, or fails naming the process and its log; gives up if the process died.
wait_ready() {
  local name="$1" url="$2" pid="$3" log="$4" deadline=$((SECONDS + 120))
  until ready "$url"; do
    if ! alive "$pid"; then
      echo "local-cluster.sh: $name (pid $pid) exited; the end of $log:" >&2
      tail -n 20 "$log" >&2
      return 1
    fi
    if (( SECONDS > deadline )); then
      echo "local-cluster.sh: $name (pid $pid) not ready within 120 s; see $log" >&2
      return 1
    fi
    sleep 0.5
  done
}

start() {
  local role="$1" name="$2" http="$3" log="$run_dir/$2.log"
  shift 3
  env "$@" nohup dotnet "${binaries[$role]}" --urls "http://127.0.0.1:$http" >"$log" 2>&1 &
  local pid=$!
  printf '%s\t%s\t%s\thttp://127.0.0.1:%s\t%s\n' "$role" "$name" "$pid" "$http" "$log" >>"$table"
  echo "$pid"
}

down() {
  [[ -f "$table" ]] || { echo "no cluster in $run_dir"; return 0; }
  local pids=()
  while IFS=$'\t' read -r role name pid _; do
    [[ "$role" == role ]] && continue
    if alive "$pid"; then
      kill -TERM "$pid" 2>/dev/null || true
      pids+=("$pid")
      echo "stopping $name (pid $pid)"
    fi
  done < <(tac "$table") # gateways first, Redis last: silos leave the cluster while it still has its store
  local deadline=$((SECONDS + 15))
  for pid in "${pids[@]}"; do
    while alive "$pid" && (( SECONDS < deadline )); do sleep 0.2; done
    alive "$pid" && kill -KILL "$pid" 2>/dev/null || true
  done
  rm -f "$table"
}

status() {
  [[ -f "$table" ]] || { echo "no cluster in $run_dir"; return 1; }
  local failed=0
  while IFS=$'\t' read -r role name pid url log; do
    if [[ "$role" == role ]]; then
      printf '%-8s %-10s %-8s %-7s %s\n' ROLE NAME PID STATE URL
      continue
    fi
    local state=dead
    if alive "$pid"; then
      state=alive
      if [[ "$role" != redis ]]; then
        ready "$url" && state=ready || state=unready
      fi
    fi
    [[ "$state" == dead ]] && failed=1
    local shown="$url"
    [[ "$role" == redis ]] || shown="$url/mcp"
    printf '%-8s %-10s %-8s %-7s %s\n' "$role" "$name" "$pid" "$state" "$shown"
  done <"$table"
  return "$failed"
}

up() {
  if [[ -f "$table" ]]; then
    echo "local-cluster.sh: a cluster is already recorded in $table; run 'down' first" >&2
    exit 1
  fi
  command -v redis-server >/dev/null || { echo "local-cluster.sh: redis-server is not installed (apt-get install redis-server)" >&2; exit 1; }
  mkdir -p "$run_dir/redis"
  if (( build )); then
    dotnet build src/Silo/Silo.csproj -c Release --nologo -v quiet -clp:NoSummary
    dotnet build src/Gateway/Gateway.csproj -c Release --nologo -v quiet -clp:NoSummary
  fi
  declare -gA binaries=(
    [silo]="$repo/src/Silo/bin/Release/net10.0/TaskActors.Silo.dll"
    [gateway]="$repo/src/Gateway/bin/Release/net10.0/TaskActors.Gateway.dll"
  )
  printf 'role\tname\tpid\turl\tlog\n' >"$table"
  trap 'echo "local-cluster.sh: start failed; stopping what started" >&2; down >/dev/null' ERR

  redis-server --port "$base" --bind 127.0.0.1 --dir "$run_dir/redis" --appendonly yes --appendfsync everysec --save "" \
    >"$run_dir/redis.log" 2>&1 &
  local redis_pid=$!
  printf 'redis\tredis\t%s\tredis://127.0.0.1:%s\t%s\n' "$redis_pid" "$base" "$run_dir/redis.log" >>"$table"
  local deadline=$((SECONDS + 20))
  until redis-cli -p "$base" ping >/dev/null 2>&1; do
    alive "$redis_pid" || { echo "local-cluster.sh: redis-server exited; see $run_dir/redis.log" >&2; false; }
    (( SECONDS < deadline )) || { echo "local-cluster.sh: redis-server not answering on $base" >&2; false; }
    sleep 0.2
  done

  local redis="127.0.0.1:$base" pids=() names=() urls=() logs=()
  for ((i = 1; i <= silos; i++)); do
    local http=$((base + 10 + i))
    pids+=("$(start silo "silo-$i" "$http" TaskActors__Cluster__Redis="$redis" \
      TaskActors__Cluster__SiloPort=$((base + 100 + i)) TaskActors__Cluster__GatewayPort=$((base + 200 + i)))")
    names+=("silo-$i"); urls+=("http://127.0.0.1:$http"); logs+=("$run_dir/silo-$i.log")
    # The first silo founds the cluster; the others join it.
    if (( i == 1 )); then
      wait_ready "silo-1" "${urls[0]}" "${pids[0]}" "${logs[0]}"
    fi
  done
  # Gateways start once every silo is ready: a gateway learns the silos it may use when it starts (then once a minute).
  for k in "${!pids[@]}"; do
    wait_ready "${names[$k]}" "${urls[$k]}" "${pids[$k]}" "${logs[$k]}"
  done
  for ((j = 1; j <= gateways; j++)); do
    local http=$((base + 300 + j))
    pids+=("$(start gateway "gateway-$j" "$http" TaskActors__Cluster__Redis="$redis")")
    names+=("gateway-$j"); urls+=("http://127.0.0.1:$http"); logs+=("$run_dir/gateway-$j.log")
  done
  for k in "${!pids[@]}"; do
    wait_ready "${names[$k]}" "${urls[$k]}" "${pids[$k]}" "${logs[$k]}"
  done
  trap - ERR
  status
}

case "$command" in
  up) up ;;
  down) down ;;
  status) status ;;
  -h|--help|help) usage 0 ;;
  *) echo "local-cluster.sh: unknown command '$command'" >&2; usage 2 ;;
esac
