#!/usr/bin/env bash
# Phases 3 and 4 for the whole real 2024-25 season, from the SQLite store to the SQLite store
# (`nbaprops backfill`, load + compute + write of the ten tables); best of three, with
# --threads 1 and with --threads 2 (or the threads given as further arguments).
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
for threads in "${thread_counts[@]}"; do
  best=""
  for run in 1 2 3; do
    cp "$tmp/raw.db" "$tmp/s.db"
    sync "$tmp/s.db"  # else the run's first fsync also writes the copy
    # Exit code 1 = some entities failed and were recorded (the real data has a few): fine here.
    /usr/bin/time -f '%e %M' -o "$tmp/time" \
      "$bin" backfill --db "$tmp/s.db" --from 2024-10-22 --to 2025-04-13 --quiet --no-progress \
      --threads "$threads" > /dev/null || [ $? -eq 1 ]
    read -r secs kb < <(tail -n 1 "$tmp/time")
    best=$(min_of "$best" "$secs")
  done
  printf '%-48s %s\n' "phases 3-4 backfill, real season, --threads $threads" \
    "${best} s, ${kb} KiB peak"
done
