#!/usr/bin/env bash
# gradient_boosting training on the real 2024-25 season (`nbaprops train`, 04-predictions.md §6):
# Phases 3-4 of the whole season are built once; then the model for 2025-01-13 (cutoff
# 2025-01-07, the last with prop lines in its validation window) and for 2025-04-13 (cutoff
# 2025-04-08, the latest of the season) are each trained from scratch (empty registry and model
# folder), best of three; then the second is reused from the registry.
# Usage: bench/train_bench.sh [path/to/nbaprops]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
bin="${1:-$here/../build/nbaprops}"
data="$here/../../shared/data/nba-2024-25"
require_data "$data" "train"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" ingest --db "$tmp/base.db" "$data" > /dev/null
# Exit code 1 = some entities failed and were recorded (the real data has a few): fine here.
"$bin" backfill --db "$tmp/base.db" --from 2024-10-22 --to 2025-04-13 --quiet --no-progress \
  > /dev/null || [ $? -eq 1 ]
for date in 2025-01-13 2025-04-13; do
  best=""
  for run in 1 2 3; do
    cp "$tmp/base.db" "$tmp/s.db"
    rm -rf "$tmp/models"
    /usr/bin/time -f '%e %M' -o "$tmp/time" \
      "$bin" train --db "$tmp/s.db" --date "$date" --models "$tmp/models" > "$tmp/out"
    read -r secs kb < <(tail -n 1 "$tmp/time")
    best=$(min_of "$best" "$secs")
  done
  rows=$(sed -n 's/^  training rows \([0-9]*\) .*/\1/p' "$tmp/out")
  printf '%-48s %s\n' "gradient_boosting train --date $date ($rows rows)" \
    "${best} s, ${kb} KiB peak"
done
/usr/bin/time -f '%e' -o "$tmp/time" \
  "$bin" train --db "$tmp/s.db" --date 2025-04-13 --models "$tmp/models" > "$tmp/out"
grep -q "reused" "$tmp/out"
printf '%-48s %s\n' "gradient_boosting model reused (same cutoff)" "$(tail -n 1 "$tmp/time") s"
