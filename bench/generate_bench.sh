#!/usr/bin/env bash
# Times `nbaprops generate` for 1 and 10 seasons into a temporary directory and prints
# the seconds each took. Usage: bench/generate_bench.sh [path/to/nbaprops]
set -euo pipefail
bin="${1:-$(dirname "$0")/../build/nbaprops}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for seasons in 1 10; do
  start=$(date +%s.%N)
  "$bin" generate --seasons "$seasons" --seed 42 --out "$tmp/s$seasons" > /dev/null
  end=$(date +%s.%N)
  size=$(du -sh "$tmp/s$seasons" | cut -f1)
  printf 'generate --seasons %-2s %6.2f s  (%s)\n' "$seasons" "$(echo "$end - $start" | bc -l)" "$size"
done
