#!/usr/bin/env bash
# Loads the 163 wide Odds API files of ../shared/data/nba-2024-25/props_threes/ (profile
# oddsapi-props-wide) into a new SQLite store three times and prints the best wall time and
# the peak memory (issue 11 target: <= 2 s). Usage: bench/threes_ingest_bench.sh [nbaprops]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../build/nbaprops}"
data="$here/../../shared/data/nba-2024-25/props_threes"
if [ ! -d "$data" ]; then
  echo "ingest threes folder: skipped (no $data)"
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
printf '%-48s %s\n' "ingest props_threes (163 wide files, new store)" "${best} s (target <= 2 s)"
printf '%-48s %s\n' "ingest props_threes, peak memory" "$(( peak / 1024 )) MiB"
