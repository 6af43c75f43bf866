#!/bin/bash
# CLI start-up: tsx (npm run cli), the bin from the sources, the bin from dist/ (npm run build:cli), bare node.
# Prints mode|command|milliseconds per run, then the load average (docs/benchmarks.md, "CLI start").
# Alternating runs: tsx (npm run cli's command), bin from source, bin from the bundle.
cd "$(dirname "$0")/.."
for i in 1 2 3 4 5; do
  for mode in tsx src bundle bare; do
    case $mode in
      tsx) cmd="node --max-old-space-size=128 --max-semi-space-size=8 --import tsx src/cli/main.ts" ;;
      src) cmd="env NAMEBRIDGE_CLI_FROM_SOURCE=1 node bin/namebridge.js" ;;
      bundle) cmd="node bin/namebridge.js" ;;
      bare) cmd="node -e 0" ;;
    esac
    for what in "--help" "decode 王希祥"; do
      s=$(date +%s%N); $cmd $what >/dev/null 2>&1; e=$(date +%s%N)
      echo "$mode|$what|$(( (e - s) / 1000000 ))"
    done
  done
done
uptime
