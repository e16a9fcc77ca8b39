#!/usr/bin/env bash
# A shared backfill of ten real seasons (2015-16 .. 2023-24 from ../shared/data/nba-history/
# and 2024-25), Phases 3-4, on PostgreSQL: one worker vs two workers on this machine, each
# worker --threads 1, each run on a fresh copy of the ingested database. Prints the wall time
# of each, the speedup, and where the time goes (the items' times from the work queue, and the
# per-processor timings of a single-process run of one season for scale). PostgreSQL: the
# server of NBAPROPS_TEST_PG, else a throw-away PostgreSQL 15 cluster (fsync on).
# Usage: bench/pg_workers_bench.sh [path/to/nbaprops [CHUNK_DAYS]]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
if [ -z "${NBAPROPS_TEST_PG:-}" ] && [ -z "${NBAPROPS_PG_BENCH_INNER:-}" ]; then
  NBAPROPS_PG_BENCH_INNER=1 NBAPROPS_PG_FSYNC=on exec "$here/../scripts/with-postgres" "$0" "$@"
fi
bin="${1:-$here/../build/nbaprops}"
chunk="${2:-30}"
shared="$here/../../shared/data"
if [ ! -d "$shared/nba-history" ] || [ ! -d "$shared/nba-2024-25" ] || [ -z "${NBAPROPS_TEST_PG:-}" ]; then
  echo "pg workers: skipped (no ten seasons in $shared, or no PostgreSQL)"
  exit 0
fi
server="$NBAPROPS_TEST_PG"
db_url() { sed -E "s|^(postgres(ql)?://[^/?]*)/[^?]*|\1/$1|" <<<"$server"; }
elapsed() { awk -v s="$1" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }'; }
tmp="$(mktemp -d)"
dbs=(nbaprops_ten_raw nbaprops_ten_w1 nbaprops_ten_w2)
cleanup() {
  for d in "${dbs[@]}"; do
    psql -q "$server" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
for d in "${dbs[@]}"; do psql -q "$server" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null; done
psql -q "$server" -c "CREATE DATABASE nbaprops_ten_raw" >/dev/null
raw="$(db_url nbaprops_ten_raw)"
start=$(date +%s.%N)
for season in "$shared"/nba-history/*/ "$shared/nba-2024-25"; do
  # Exit 1: some rows rejected (the README's quirks); they are listed in rejected_rows.
  "$bin" ingest --db "$raw" "$season" >"$tmp/ingest.log" 2>&1 || [ $? -eq 1 ] ||
    { echo "ingest of $season failed:"; tail -n 5 "$tmp/ingest.log"; exit 1; }
  tail -n 1 "$tmp/ingest.log" | sed "s|^|    $(basename "$season"): |"
done
printf '%-48s %s s\n' "ingest of ten seasons into PostgreSQL" "$(elapsed "$start")"
from=2015-10-01
to=2025-04-13
for workers in 1 2; do
  db="nbaprops_ten_w$workers"
  psql -q "$server" -c "CREATE DATABASE $db TEMPLATE nbaprops_ten_raw" >/dev/null
  url="$(db_url "$db")"
  "$bin" backfill --db "$url" --from $from --to $to --plan --chunk-days "$chunk" >"$tmp/plan"
  start=$(date +%s.%N)
  pids=()
  for w in $(seq 1 "$workers"); do
    "$bin" worker --db "$url" --threads 1 --quiet --poll-ms 200 2>"$tmp/worker$w.log" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || [ $? -eq 1 ]; done
  secs=$(elapsed "$start")
  eval "secs_$workers=$secs"
  printf '%-48s %s s (%s)\n' "ten seasons, phases 3-4, $workers worker(s)" "$secs" \
    "$(head -c 60 "$tmp/plan")"
  psql -qAt "$url" -c "SELECT '    ' || kind || ': ' || count(*) || ' items, ' ||
      round(sum(extract(epoch FROM finished_at - started_at))::numeric, 1) || ' s in items, longest ' ||
      round(max(extract(epoch FROM finished_at - started_at))::numeric, 1) || ' s'
      FROM work_items GROUP BY kind ORDER BY kind"
  psql -qAt "$url" -c "SELECT '    ' || processor || ': ' || round(sum(compute_ms) / 1000.0, 1)
      || ' s compute, ' || count(*) || ' partitions' FROM processor_runs
      WHERE processor <> 'ingest' GROUP BY processor ORDER BY processor"
done
awk -v a="$secs_1" -v b="$secs_2" 'BEGIN { printf "%-48s %.2fx\n", "speedup, two workers vs one", a / b }'
