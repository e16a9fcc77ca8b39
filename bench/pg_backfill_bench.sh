#!/usr/bin/env bash
# Phases 3-4 of the whole real 2024-25 season, SQLite store vs PostgreSQL store: the same
# `nbaprops backfill` (load + compute + write of the ten tables) on each, one measured run per
# store and thread count, with the per-processor timings of the PostgreSQL run. PostgreSQL: the
# server of NBAPROPS_TEST_PG, else a throw-away PostgreSQL 15 cluster (scripts/with-postgres,
# fsync on, as a real server).
# Usage: bench/pg_backfill_bench.sh [path/to/nbaprops [THREADS...]]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
if [ -z "${NBAPROPS_TEST_PG:-}" ] && [ -z "${NBAPROPS_PG_BENCH_INNER:-}" ]; then
  NBAPROPS_PG_BENCH_INNER=1 NBAPROPS_PG_FSYNC=on exec "$here/../scripts/with-postgres" "$0" "$@"
fi
bin="${1:-$here/../build/nbaprops}"
shift || true
thread_counts=("$@")
[ ${#thread_counts[@]} -gt 0 ] || thread_counts=(1 2)
data="$here/../../shared/data/nba-2024-25"
require_data "$data" "pg backfill"
if [ -z "${NBAPROPS_TEST_PG:-}" ]; then
  echo "pg backfill: skipped (no PostgreSQL)"
  exit 0
fi
server="$NBAPROPS_TEST_PG"
# The URL of database $1 on the same server.
db_url() { sed -E "s|^(postgres(ql)?://[^/?]*)/[^?]*|\1/$1|" <<<"$server"; }
tmp="$(mktemp -d)"
cleanup() {
  for d in nbaprops_bench_raw nbaprops_bench_run; do
    psql -q "$server" -c "DROP DATABASE IF EXISTS $d WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
/usr/bin/time -f '%e' -o "$tmp/t" "$bin" ingest --db "$tmp/raw.db" "$data" >/dev/null
printf '%-56s %s s\n' "ingest real season, SQLite" "$(tail -n1 "$tmp/t")"
psql -q "$server" -c "DROP DATABASE IF EXISTS nbaprops_bench_raw WITH (FORCE)" >/dev/null
psql -q "$server" -c "CREATE DATABASE nbaprops_bench_raw" >/dev/null
/usr/bin/time -f '%e' -o "$tmp/t" "$bin" ingest --db "$(db_url nbaprops_bench_raw)" "$data" >/dev/null
printf '%-56s %s s\n' "ingest real season, PostgreSQL" "$(tail -n1 "$tmp/t")"
for threads in "${thread_counts[@]}"; do
  cp "$tmp/raw.db" "$tmp/s.db"
  sync "$tmp/s.db"
  /usr/bin/time -f '%e %M' -o "$tmp/t" \
    "$bin" backfill --db "$tmp/s.db" --from 2024-10-22 --to 2025-04-13 --quiet --no-progress \
    --threads "$threads" >/dev/null || [ $? -eq 1 ]
  read -r lite kb < <(tail -n 1 "$tmp/t")
  psql -q "$server" -c "DROP DATABASE IF EXISTS nbaprops_bench_run WITH (FORCE)" >/dev/null
  psql -q "$server" -c "CREATE DATABASE nbaprops_bench_run TEMPLATE nbaprops_bench_raw" >/dev/null
  /usr/bin/time -f '%e %M' -o "$tmp/t" \
    "$bin" backfill --db "$(db_url nbaprops_bench_run)" --from 2024-10-22 --to 2025-04-13 \
    --quiet --no-progress --timings --threads "$threads" >"$tmp/timings" || [ $? -eq 1 ]
  read -r pg pkb < <(tail -n 1 "$tmp/t")
  printf '%-56s %s s, %s KiB peak\n' "phases 3-4 backfill, real season, SQLite, --threads $threads" \
    "$lite" "$kb"
  printf '%-56s %s s, %s KiB peak (%sx SQLite)\n' \
    "phases 3-4 backfill, real season, PostgreSQL, --threads $threads" "$pg" "$pkb" \
    "$(awk -v a="$pg" -v b="$lite" 'BEGIN { printf "%.2f", a / b }')"
  sed 's/^/    /' "$tmp/timings"
done
