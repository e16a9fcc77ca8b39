#!/usr/bin/env bash
# Issue 12's training target: one market's gradient_boosting model on nine earlier seasons
# within 30 s. `train --date 2025-01-14 --training-days 3650` on the ten-season store
# (~178,000 rows from 2015-10-28): read the rows, hash them, validation fit and final fit
# (each one XGBoost thread, run at once), save and register. One run from scratch (an empty
# models folder: the model is trained even when the store registered it before), then the
# same date again (the model reused from the registry).
# The store: $NBAPROPS_HISTORY_DB, else history.db in the repo root (`make history`), else one
# built here with scripts/history (a few minutes). Skipped without ../shared/data/nba-history.
# The run writes the model's registry row into that store (the same row every time).
# Usage: bench/train_history_bench.sh [path/to/nbaprops]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
bin="$(realpath "${1:-$here/../build/nbaprops}")"
data="${NBAPROPS_SHARED_DATA_DIR:-$here/../../shared/data}"
require_data "$data/nba-history" "train, nine seasons"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
db="${NBAPROPS_HISTORY_DB:-$here/../history.db}"
if [ ! -f "$db" ]; then
  db="$tmp/history.db"
  NBAPROPS_SHARED_DATA_DIR="$data" "$here/../scripts/history" "$bin" "$db" > "$tmp/history.log"
fi
run() {
  /usr/bin/time -f '%e %M' -o "$tmp/time" \
    "$bin" train --db "$db" --date 2025-01-14 --training-days 3650 --models "$tmp/models" \
    > "$tmp/out"
  read -r secs kb < <(tail -n 1 "$tmp/time")
  rows=$(sed -n 's/^  training rows \([0-9]*\) .*/\1/p' "$tmp/out")
}
run
grep -q "(trained)" "$tmp/out"
printf '%-48s %s\n' "gradient_boosting train, nine seasons ($rows rows)" \
  "${secs} s, $((kb / 1024)) MiB peak (target 30 s)"
run
grep -q "reused" "$tmp/out"
printf '%-48s %s\n' "same, reused from the registry" "${secs} s, $((kb / 1024)) MiB peak"
