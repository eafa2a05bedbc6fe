#!/usr/bin/env bash
# Alternates the PyTorch reference and the Swift benchmark, cell by cell, round by round,
# on the default shape (2 layers, hidden 64, window 60, 5 features, batch 64, 4096 samples,
# 3 epochs with the first untimed, 2 threads), and appends one JSON line per run to
# benchmarks/results.jsonl (or $1). Summarise with benchmarks/summarise.py.
#
#   bash benchmarks/side_by_side.sh [results.jsonl] [rounds] [first round number]
#
# CELLS="lstm" limits the run to some cells (default: lstm gru rnn). BENCH_ENV sets variables
# for both sides' runs, recorded in every line as `bench_env`. Its default raises glibc's
# mmap and trim thresholds, as `walkforward bench backtest` does for itself, so that
# memory freed in one training step is reused in the next instead of being returned to the
# kernel and faulted in again: PyTorch as installed takes about 1.2 million page faults per
# LSTM run and trains about 1.8x faster without them; the Swift engine allocates once and is
# unaffected (see docs/PERFORMANCE.md). BENCH_ENV= runs both as installed.
set -euo pipefail
cd "$(dirname "$0")/.."
results="${1:-benchmarks/results.jsonl}"
rounds="${2:-3}"
first="${3:-1}"
bench_env="${BENCH_ENV-MALLOC_MMAP_THRESHOLD_=2147483647 MALLOC_TRIM_THRESHOLD_=2147483647}"

# Prefixes each JSON line on stdin with the implementation ($1), the round and the variables.
label() {
    sed "s|^{|{\"impl\": \"$1\", \"round\": $round, \"bench_env\": \"$bench_env\", |"
}

# Builds the release test bundle; the probe test is skipped without NEURAL_BENCH.
swift test -c release --filter BenchmarkProbe >/dev/null
bundle=.build/release/WalkforwardPackageTests.xctest

for round in $(seq "$first" $((first + rounds - 1))); do
    for cell in ${CELLS:-lstm gru rnn}; do
        # shellcheck disable=SC2086 # a list of VAR=VALUE words
        env $bench_env python3 benchmarks/torch_rnn_bench.py --cell "$cell" --threads 2 \
            | label torch >>"$results"
        # shellcheck disable=SC2086
        env $bench_env NEURAL_BENCH="$cell" "$bundle" --testing-library swift-testing \
            --filter BenchmarkProbe 2>/dev/null | grep '^{' | label swift >>"$results"
    done
done
