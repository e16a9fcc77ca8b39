#!/usr/bin/env bash
# Ten real seasons (2015-16 .. 2024-25, issue 12): ingest into a new store, then Phases 3-4
# over all of them in one backfill (--threads 2), which reads each season's 365-day look-back
# from the season before. One run (it takes a minute or more on 2 cores).
# Usage: bench/history_bench.sh [path/to/nbaprops]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bin="${1:-$here/../build/nbaprops}"
data="$here/../../shared/data"
if [ ! -d "$data/nba-history" ]; then
  echo "history: skipped (no $data/nba-history)"
  exit 0
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
seasons=("$data"/nba-history/*/ "$data/nba-2024-25/")
/usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" ingest --db "$tmp/h.db" "${seasons[@]}" \
  > /dev/null || [ $? -eq 1 ]
read -r secs kb < <(tail -n 1 "$tmp/time")
printf '%-48s %s\n' "ingest, ten real seasons" "${secs} s, ${kb} KiB peak"
sync "$tmp/h.db"
/usr/bin/time -f '%e %M' -o "$tmp/time" \
  "$bin" backfill --db "$tmp/h.db" --from 2015-10-27 --to 2025-04-13 --quiet --no-progress \
  --threads 2 > /dev/null || [ $? -eq 1 ]
read -r secs kb < <(tail -n 1 "$tmp/time")
printf '%-48s %s\n' "phases 3-4 backfill, ten real seasons, --threads 2" "${secs} s, ${kb} KiB peak"
