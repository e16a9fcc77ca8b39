#!/usr/bin/env bash
# Loads the real 2024-25 season (../shared/data/nba-2024-25, gzip files) into a new SQLite
# store three times and prints the best wall time and the peak memory (issue 2 target:
# <= 5 s, <= 1 GiB on the 2-core machine). Usage: bench/ingest_bench.sh [path/to/nbaprops]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
bin="${1:-$here/../build/nbaprops}"
data="$here/../../shared/data/nba-2024-25"
require_data "$data" "ingest real season"
ingest_best_of_three "$bin" "$data"
printf '%-48s %s\n' "ingest real season (4 gzip files, new store)" "${best} s (target <= 5 s)"
printf '%-48s %s\n' "ingest real season, peak memory" "${peak_mib} MiB (target <= 1024 MiB)"
