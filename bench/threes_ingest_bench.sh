#!/usr/bin/env bash
# Loads the 163 wide Odds API files of ../shared/data/nba-2024-25/props_threes/ (profile
# oddsapi-props-wide) into a new SQLite store three times and prints the best wall time and
# the peak memory (issue 11 target: <= 2 s). Usage: bench/threes_ingest_bench.sh [nbaprops]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/lib.sh"
bin="${1:-$here/../build/nbaprops}"
data="$here/../../shared/data/nba-2024-25/props_threes"
require_data "$data" "ingest threes folder"
ingest_best_of_three "$bin" "$data"
printf '%-48s %s\n' "ingest props_threes (163 wide files, new store)" "${best} s (target <= 2 s)"
printf '%-48s %s\n' "ingest props_threes, peak memory" "${peak_mib} MiB"
