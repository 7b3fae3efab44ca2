#!/usr/bin/env bash
# Bundle size of the classifier: a wrangler dry-run of bench/classifier/classifier-bundle-entry.ts (classifier only) and,
# if it builds, of the gateway's own entry; prints raw and gzip sizes of every output module.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
TMP="$(mktemp -d)"
cat > "$TMP/wrangler.toml" <<TOML
name = "cailos-classifier-bundle"
main = "$ROOT/bench/classifier/classifier-bundle-entry.ts"
compatibility_date = "2026-04-20"
compatibility_flags = ["nodejs_compat"]
[[rules]]
type = "Data"
globs = ["**/*.bin"]
fallthrough = true
TOML
sizes() {
  local dir="$1" total=0 gz=0
  while IFS= read -r f; do
    local r g
    r=$(stat -c %s "$f"); g=$(gzip -9 -c "$f" | wc -c)
    total=$((total + r)); gz=$((gz + g))
    printf '  %-60s %10d raw %10d gzip\n' "${f#$dir/}" "$r" "$g"
  done < <(find "$dir" -type f ! -name '*.map' ! -name 'README.md' | sort)
  printf '  %-60s %10d raw %10d gzip\n' TOTAL "$total" "$gz"
}
(cd "$ROOT" && WRANGLER_SEND_METRICS=false npx wrangler deploy --dry-run --config "$TMP/wrangler.toml" --outdir "$TMP/classifier-only" >/dev/null)
echo "classifier-only worker:"; sizes "$TMP/classifier-only"
if (cd "$ROOT" && WRANGLER_SEND_METRICS=false npx wrangler deploy --dry-run --outdir "$TMP/gateway" >/dev/null 2>&1); then
  echo "gateway worker (src/index.ts):"; sizes "$TMP/gateway"
else
  echo "gateway worker: dry-run failed (src/index.ts not buildable yet)"
fi
rm -rf "$TMP"
