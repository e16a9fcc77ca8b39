#!/usr/bin/env bash
# The backtest of 2024-12-01..2025-01-13 on the real 2024-25 season (`nbaprops backtest`:
# predict and grade 41 dates into the backtest tables, pool, store the summary): best of three
# on a store that already holds Phases 3-4, with --threads 1 and --threads 2 (or the threads
# given as further arguments); then once from a store holding only the raw season, where the
# backtest builds the missing Phases 3-4 itself.
# Usage: bench/backtest_bench.sh [path/to/nbaprops [THREADS...]]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
bin="${1:-$here/../build/nbaprops}"
shift || true
thread_counts=("$@")
[ ${#thread_counts[@]} -gt 0 ] || thread_counts=(1 2)
data="$here/../../shared/data/nba-2024-25"
require_data "$data" "backtest"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
range=(--from 2024-12-01 --to 2025-01-13)
"$bin" ingest --db "$tmp/raw.db" "$data" > /dev/null
cp "$tmp/raw.db" "$tmp/built.db"
# Exit code 1 = some entities failed and were recorded (the real data has a few): fine here.
"$bin" backfill --db "$tmp/built.db" --from 2024-10-22 --to 2025-01-13 --quiet --no-progress \
  > /dev/null || [ $? -eq 1 ]
for threads in "${thread_counts[@]}"; do
  best=""
  for run in 1 2 3; do
    cp "$tmp/built.db" "$tmp/s.db"
    /usr/bin/time -f '%e %M' -o "$tmp/time" \
      "$bin" backtest --db "$tmp/s.db" "${range[@]}" --threads "$threads" --quiet > /dev/null
    read -r secs kb < <(tail -n 1 "$tmp/time")
    best=$(min_of "$best" "$secs")
  done
  printf '%-48s %s\n' "backtest 2024-12-01..2025-01-13, --threads $threads" \
    "${best} s, ${kb} KiB peak"
done
cp "$tmp/raw.db" "$tmp/s.db"
/usr/bin/time -f '%e %M' -o "$tmp/time" \
  "$bin" backtest --db "$tmp/s.db" "${range[@]}" --quiet > /dev/null
read -r secs kb < <(tail -n 1 "$tmp/time")
printf '%-48s %s\n' "same, raw store (builds Phases 3-4 first)" "${secs} s, ${kb} KiB peak"
