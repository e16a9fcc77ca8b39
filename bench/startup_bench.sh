#!/usr/bin/env bash
# The program's start-up: `nbaprops --help` (loading its libraries, building the command line)
# run 40 times; prints the best and the median wall time in milliseconds. Every command pays
# this before its own work (libpq and libxgboost are opened on first use: docs/decisions.md).
# Usage: bench/startup_bench.sh [path/to/nbaprops]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../build/nbaprops}"
times=()
for _ in $(seq 40); do
  start=$EPOCHREALTIME
  "$bin" --help > /dev/null
  end=$EPOCHREALTIME
  times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) * 1000 }')")
done
read -r best median < <(printf '%s\n' "${times[@]}" | sort -g |
  awk '{ v[NR] = $1 } END { print v[1], v[int((NR + 1) / 2)] }')
printf '%-48s %s\n' "start-up, nbaprops --help (40 runs)" "best ${best} ms, median ${median} ms"
