#!/usr/bin/env bash
# Backtest-engine throughput, side by side: walkforward's portfolio simulator against
# backtesting.py and a vectorised numpy loop (benchmarks/bt_bench.py, copied from the shared
# references). Rounds alternate the engines so that background load hits all of them alike.
#
# usage: benchmarks/backtest_side_by_side.sh [ROUNDS] [BARS,...]
# needs: swift build -c release --product walkforward; pip install backtesting pandas numpy
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-2}
sizes=${2:-100000,1000000}
binary=.build/release/walkforward
[ -x "$binary" ] || { echo "build first: swift build -c release --product walkforward" >&2; exit 1; }
for round in $(seq 1 "$rounds"); do
    for bars in ${sizes//,/ }; do
        python3 benchmarks/bt_bench.py --bars "$bars" --max-seconds 120 \
            | sed "s/^{/{\"round\": $round, /"
        "$binary" bench backtest --bars "$bars" \
            | sed "s/^{/{\"round\": $round, \"engine\": \"walkforward\", /"
    done
done
