# Shared by the benchmark scripts (sourced, not run).
#   require_data DIR LABEL          prints "LABEL: skipped (no DIR)" and exits 0 when DIR is absent
#   min_of A B                      prints the smaller number; A may be empty (the first run)
# and, for the ingest benchmarks, best-of-three ingest of a data path into a new SQLite store,
# with the peak memory.
#   ingest_best_of_three BIN DATA   sets $best (seconds, the best wall time of 3 runs) and
#                                   $peak_mib (the largest peak RSS of the 3 runs, MiB)
require_data() {
  if [ ! -d "$1" ]; then
    echo "$2: skipped (no $1)"
    exit 0
  fi
}

min_of() {
  awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'
}

ingest_best_of_three() {
  local bin=$1 data=$2 tmp secs kb peak=0
  tmp="$(mktemp -d)"
  best=""
  for _ in 1 2 3; do
    rm -f "$tmp"/s.db*
    /usr/bin/time -f '%e %M' -o "$tmp/time" "$bin" ingest --db "$tmp/s.db" "$data" > /dev/null
    read -r secs kb < "$tmp/time"
    best=$(min_of "$best" "$secs")
    peak=$(( kb > peak ? kb : peak ))
  done
  rm -rf "$tmp"
  peak_mib=$(( peak / 1024 ))
}
