# Shared by the ingest benchmarks (sourced, not run): best-of-three ingest of a data path
# into a new SQLite store, with the peak memory.
#   ingest_best_of_three BIN DATA   sets $best (seconds, the best wall time of 3 runs) and
#                                   $peak_mib (the largest peak RSS of the 3 runs, MiB)
# The caller skips (exit 0, one line) when DATA is absent: `require_data DATA LABEL`.
require_data() {
  if [ ! -d "$1" ]; then
    echo "$2: skipped (no $1)"
    exit 0
  fi
}

ingest_best_of_three() {
  local bin=$1 data=$2 tmp secs kb peak=0
  tmp="$(mktemp -d)"
  best=""
  for _ in 1 2 3; do
    rm -f "$tmp"/s.db*
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" ingest --db "$tmp/s.db" "$data" > /dev/null
    read -r secs kb < "$tmp/time"
    best=$(awk -v a="$best" -v b="$secs" 'BEGIN { print (a == "" || b < a) ? b : a }')
    peak=$(( kb > peak ? kb : peak ))
  done
  rm -rf "$tmp"
  peak_mib=$(( peak / 1024 ))
}
