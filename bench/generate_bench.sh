#!/usr/bin/env bash
# Times `nbaprops generate` for 1 and 10 seasons into a temporary directory (issue 3
# targets: <= 3 s and <= 30 s). Usage: bench/generate_bench.sh [path/to/nbaprops]
set -euo pipefail
bin="${1:-$(dirname "$0")/../build/nbaprops}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for seasons in 1 10; do
  target=$(( seasons == 1 ? 3 : 30 ))
  start=$(date +%s.%N)
  "$bin" generate --seasons "$seasons" --seed 42 --out "$tmp/s$seasons" > /dev/null
  end=$(date +%s.%N)
  size=$(du -sh "$tmp/s$seasons" | cut -f1)
  secs=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", b - a }')
  printf '%-48s %s\n' "generate --seasons $seasons ($size)" "$secs s (target <= $target s)"
  rm -rf "$tmp/s$seasons"
done
