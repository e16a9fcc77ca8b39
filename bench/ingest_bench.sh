#!/usr/bin/env bash
# Loads the real 2024-25 season (../shared/data/nba-2024-25, gzip files) into a new SQLite
# store three times and prints the best wall time and the peak memory (issue 2 target:
# <= 5 s, <= 1 GiB on the 2-core machine). Usage: bench/ingest_bench.sh [path/to/nbaprops]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../build/nbaprops}"
data="$here/../../shared/data/nba-2024-25"
if [ ! -d "$data" ]; then
  echo "ingest real season: skipped (no $data)"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
best=""
peak=0
for run in 1 2 3; do
  rm -f "$tmp"/s.db*
  /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" ingest --db "$tmp/s.db" "$data" > /dev/null
  read -r secs kb < "$tmp/time"
  best=$(awk -v a="$best" -v b="$secs" 'BEGIN { print (a == "" || b < a) ? b : a }')
  peak=$(( kb > peak ? kb : peak ))
done
printf '%-48s %s\n' "ingest real season (4 gzip files, new store)" "${best} s (target <= 5 s)"
printf '%-48s %s\n' "ingest real season, peak memory" "$(( peak / 1024 )) MiB (target <= 1024 MiB)"
