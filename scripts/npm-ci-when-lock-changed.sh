#!/usr/bin/env bash
# Runs `npm ci` in the given directory unless its node_modules was installed from the same package-lock.json.
set -euo pipefail
dir="$1"
stamp="$dir/node_modules/.installed-lock.sha256"
lock_hash="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_hash" ]]; then
  (cd "$dir" && npm ci --no-audit --no-fund)
  echo "$lock_hash" >"$stamp"
fi
