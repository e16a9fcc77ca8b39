#!/usr/bin/env bash
# One daily run with every market that has lines (issue 12 target: a daily run with five markets
# within 0.2 s when the week's models are registered). The real season has lines for four
# markets on the same dates: points, rebounds and assists (DFS, to 2025-01-13) and threes (8
# books, every date); PRA has no lines in the data, so its stage has nothing to predict. A
# store holding Phases 3-4 up to 2025-01-08 and the daily run of 2025-01-09 (which trains the
# models of cutoff C(2025-01-10) = 2025-01-07: gradient_boosting and the four markets), then
# `run --date 2025-01-10 --mode daily` on fresh copies, best of five, with and without the
# market stage (--no-markets).
# Usage: bench/markets_daily_bench.sh [path/to/nbaprops]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
bin="${1:-$here/../build/nbaprops}"
data="$here/../../shared/data/nba-2024-25"
require_data "$data" "markets daily run"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
ok() { [ "$1" -le 1 ]; }  # exit code 1: some entities failed and were recorded (real data)
"$bin" ingest --db "$tmp/day.db" "$data" "$data/props_threes" > /dev/null
rc=0; "$bin" backfill --db "$tmp/day.db" --from 2024-10-22 --to 2025-01-08 --quiet --no-progress \
  > /dev/null || rc=$?; ok $rc
sleep 1  # the models registered below must be later than the backfill's writes (whole seconds)
rc=0; "$bin" run --db "$tmp/day.db" --date 2025-01-09 --mode daily --quiet --no-progress \
  > /dev/null || rc=$?; ok $rc

best_of() {  # best_of N DATE [RUN OPTIONS] -> seconds
  local best="" secs
  for _ in $(seq "$1"); do
    rm -rf "$tmp/run" && mkdir "$tmp/run"
    cp "$tmp/day.db" "$tmp/run/s.db"
    [ -d "$tmp/models" ] && cp -r "$tmp/models" "$tmp/run/models"
    sync "$tmp/run/s.db"  # else the run's first fsync writes the whole copied file
    rc=0
    /usr/bin/time -f '%e' -o "$tmp/time" "$bin" run --db "$tmp/run/s.db" --date "$2" \
      --mode daily --quiet --no-progress "${@:3}" > "$tmp/run/out" || rc=$?
    ok $rc
    secs=$(tail -n 1 "$tmp/time")
    best=$(min_of "$best" "$secs")
  done
  echo "$best"
}
markets=$(sqlite3 "$tmp/day.db" "select group_concat(market || ' ' || n, ', ') from (select
  market, count(distinct player_lookup) n from prop_lines where game_date = '2025-01-10'
  group by market)" 2>/dev/null || echo "?")
printf '%-52s %s\n' "daily run 2025-01-10, every market ($markets)" \
  "$(best_of 5 2025-01-10) s (target <= 0.2 s)"
printf '%-52s %s\n' "the same without the market stage (--no-markets)" \
  "$(best_of 5 2025-01-10 --no-markets) s"
