#!/usr/bin/env bash
# Phases 3 and 4 for the whole real 2024-25 season, from the SQLite store to the SQLite store
# (`nbaprops backfill`, load + compute + write of the ten tables); best of three, with
# --threads 1 and with --threads 2 (or the threads given as further arguments); with both, their
# ratio, and the machine's ceiling for it (two --threads 1 backfills at once).
# Usage: bench/backfill_bench.sh [path/to/nbaprops [THREADS...]]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
bin="${1:-$here/../build/nbaprops}"
shift || true
thread_counts=("$@")
[ ${#thread_counts[@]} -gt 0 ] || thread_counts=(1 2)
data="$here/../../shared/data/nba-2024-25"
require_data "$data" "backfill"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest --db "$tmp/raw.db" "$data" > /dev/null
declare -A best_of
run_once() {  # run_once DB THREADS TIMEFILE: one backfill of the season
  /usr/bin/time -f '%e %M' -o "$3" \
    "$bin" backfill --db "$1" --from 2024-10-22 --to 2025-04-13 --quiet --no-progress \
    --threads "$2" > /dev/null || [ $? -eq 1 ]
}
for threads in "${thread_counts[@]}"; do
  best=""
  for run in 1 2 3; do
    cp "$tmp/raw.db" "$tmp/s.db"
    sync "$tmp/s.db"  # else the run's first fsync also writes the copy
    # Exit code 1 = some entities failed and were recorded (the real data has a few): fine here.
    run_once "$tmp/s.db" "$threads" "$tmp/time"
    read -r secs kb < <(tail -n 1 "$tmp/time")
    best=$(min_of "$best" "$secs")
  done
  best_of[$threads]=$best
  printf '%-48s %s\n' "phases 3-4 backfill, real season, --threads $threads" \
    "${best} s, ${kb} KiB peak"
done
[ -n "${best_of[1]:-}" ] && [ -n "${best_of[2]:-}" ] || exit 0
printf '%-48s %s\n' "--threads 2 against --threads 1" \
  "$(awk -v a="${best_of[1]}" -v b="${best_of[2]}" 'BEGIN { printf "%.2fx", a / b }')"
# The machine's own ceiling for that ratio: two --threads 1 backfills at once, on two stores,
# best of three (each round timed by the later of the two). Two independent runs share nothing
# but the machine (caches, memory bandwidth, the host), so 2 x (one run alone) / (the pair) is
# the most any 2-thread run of this work could gain here (docs/performance.md, seventh session).
pair=""
for run in 1 2 3; do
  cp "$tmp/raw.db" "$tmp/a.db"
  cp "$tmp/raw.db" "$tmp/b.db"
  sync "$tmp/a.db" "$tmp/b.db"
  start=$(date +%s.%N)
  run_once "$tmp/a.db" 1 "$tmp/time-a" &
  run_once "$tmp/b.db" 1 "$tmp/time-b"
  wait $!
  secs=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  pair=$(min_of "$pair" "$secs")
done
printf '%-48s %s\n' "two --threads 1 backfills at once" "${pair} s"
printf '%-48s %s\n' "the machine's ceiling for the ratio" \
  "$(awk -v a="${best_of[1]}" -v p="$pair" 'BEGIN { printf "%.2fx", 2 * a / p }')"
