#!/usr/bin/env bash
# Paired A/B timing of two walkforward builds that runs them at the same time, one on each
# core (one thread each), and swaps the cores every round. Both runs see the
# shared host's slow and quiet spells together, so the ratio of a pair moves far less than
# the throughputs do. Prints each round and the median, lowest and highest ratio B/A.
#
#   bash benchmarks/paired.sh ROUNDS BINARY_A BINARY_B
#
# CELL picks the cell (default lstm) and MODE what is timed, train or infer (default train).
# The shape is one core's share of the default benchmark, as in alternate.py. To compare
# settings of one build (for example WALKFORWARD_MATMUL), pass a two-line wrapper script
# that exports the variable and execs it.
set -euo pipefail
if [ $# -ne 3 ]; then
    sed -n '2,12p' "$0" >&2
    exit 64
fi
rounds=$1
first=$2
second=$3
mode=${MODE:-train}
arguments=(bench "$mode" --cell "${CELL:-lstm}" --threads 1 --batch 32 --samples 2048 --epochs 4)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

rate() {
    python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1] + "_windows_per_s"])' \
        "$mode" <"$1"
}

ratios=()
for round in $(seq 1 "$rounds"); do
    core_a=$((round % 2))
    core_b=$((1 - core_a))
    taskset -c "$core_a" "$first" "${arguments[@]}" >"$scratch/a" &
    taskset -c "$core_b" "$second" "${arguments[@]}" >"$scratch/b"
    wait
    a=$(rate "$scratch/a")
    b=$(rate "$scratch/b")
    ratio=$(python3 -c "print(round($b / $a, 3))")
    echo "round $round: A $a  B $b  B/A $ratio"
    ratios+=("$ratio")
done
python3 -c '
import statistics, sys
ratios = [float(value) for value in sys.argv[1:]]
print(f"B/A median {statistics.median(ratios):.3f}  lowest {min(ratios):.3f}  "
      f"highest {max(ratios):.3f}  over {len(ratios)} rounds")
' "${ratios[@]}"
