#!/usr/bin/env bash
# Does a backfill scale linearly with the number of seasons? Generates a 10-season synthetic
# league (`nbaprops generate --seasons 10 --seed 42`), loads it, then times the Phases 3-4
# backfill of its first season alone and of all ten seasons (fresh copies of the loaded
# store, --threads 2), and prints the time per game date of each, their ratio (issue target:
# within 1.5x) and the peak memory.
# Usage: bench/scaling_bench.sh [path/to/nbaprops]
set -euo pipefail
bin="${1:-$(dirname "$0")/../build/nbaprops}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
"$bin" generate --seasons 10 --seed 42 --out "$tmp/league" > /dev/null
"$bin" ingest --db "$tmp/raw.db" "$tmp/league/games.csv" "$tmp/league" > /dev/null
# Game dates per season (games.csv: game_id, game_date, season, ...), from the store.
"$bin" export --db "$tmp/raw.db" games |
  awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
           { print $c["season"] "," $c["game_date"] }' | sort -u > "$tmp/dates"
first_season=$(head -1 "$tmp/dates" | cut -d, -f1)
from=$(head -1 "$tmp/dates" | cut -d, -f2)
season_end=$(awk -F, -v s="$first_season" '$1 == s { d = $2 } END { print d }' "$tmp/dates")
to=$(tail -1 "$tmp/dates" | cut -d, -f2)
season_dates=$(awk -F, -v s="$first_season" '$1 == s' "$tmp/dates" | wc -l)
all_dates=$(wc -l < "$tmp/dates")

run() {  # run FROM TO -> "seconds peak_kib"
  cp "$tmp/raw.db" "$tmp/s.db"
  /usr/bin/time -f '%e %M' -o "$tmp/time" \
    "$bin" backfill --db "$tmp/s.db" --from "$1" --to "$2" --threads 2 --quiet --no-progress \
    > /dev/null || [ $? -eq 1 ]
  tail -n 1 "$tmp/time"
}
read -r one_secs one_kb < <(run "$from" "$season_end")
read -r all_secs all_kb < <(run "$from" "$to")
awk -v s1="$one_secs" -v n1="$season_dates" -v s10="$all_secs" -v n10="$all_dates" \
  -v k1="$one_kb" -v k10="$all_kb" 'BEGIN {
  p1 = 1000 * s1 / n1; p10 = 1000 * s10 / n10;
  printf "%-48s %s\n", "synthetic backfill, 1 season (" n1 " dates)", \
    sprintf("%.2f s, %.1f ms/date, %d MiB peak", s1, p1, k1 / 1024);
  printf "%-48s %s\n", "synthetic backfill, 10 seasons (" n10 " dates)", \
    sprintf("%.2f s, %.1f ms/date, %d MiB peak (%.2fx the 1-season ms/date; target <= 1.5x)", \
            s10, p10, k10 / 1024, p10 / p1);
}'
