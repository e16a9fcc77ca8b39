#!/usr/bin/env bash
# Phase 3 for the whole real 2024-25 season, from the SQLite store to the SQLite store
# (`nbaprops backfill`, load + compute + write of the five tables); best of three.
# Usage: bench/phase3_backfill_bench.sh [path/to/nbaprops]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../build/nbaprops}"
data="$here/../../shared/data/nba-2024-25"
if [ ! -d "$data" ]; then
  echo "phase 3 backfill: skipped (no $data)"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest --db "$tmp/raw.db" "$data" > /dev/null
best=""
for run in 1 2 3; do
  cp "$tmp/raw.db" "$tmp/s.db"
  /usr/bin/time -f '%e %M' -o "$tmp/time" \
    "$bin" backfill --db "$tmp/s.db" --from 2024-10-22 --to 2025-04-13 --quiet > /dev/null
  read -r secs kb < "$tmp/time"
  best=$(awk -v a="$best" -v b="$secs" 'BEGIN { print (a == "" || b < a) ? b : a }')
done
printf '%-48s %s\n' "phase 3 backfill, real season, store to store" "${best} s, ${kb} KiB peak"
