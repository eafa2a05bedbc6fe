#!/usr/bin/env bash
# Alternates the PyTorch reference and the Swift benchmark, cell by cell, round by round,
# on the default shape (2 layers, hidden 64, window 60, 5 features, batch 64, 4096 samples,
# 3 epochs with the first untimed, 2 threads), and appends one JSON line per run to
# benchmarks/results.jsonl (or $1). Summarise with benchmarks/summarise.py.
#
#   bash benchmarks/side_by_side.sh [results.jsonl] [rounds] [first round number]
#
# CELLS="lstm" limits the run to some cells (default: lstm gru rnn). TORCH_ENV sets variables
# for the PyTorch runs alone, recorded in their lines as `torch_env`. Its default,
# THP_MEM_ALLOC_ENABLE=1, lets PyTorch's allocator back its buffers of 2 MB and more with
# transparent huge pages, which makes its LSTM training about a third faster on a kernel that
# gives them only on request (see docs/PERFORMANCE.md); TORCH_ENV= runs PyTorch as installed.
set -euo pipefail
cd "$(dirname "$0")/.."
results="${1:-benchmarks/results.jsonl}"
rounds="${2:-3}"
first="${3:-1}"
torch_env="${TORCH_ENV-THP_MEM_ALLOC_ENABLE=1}"

# Builds the release test bundle; the probe test is skipped without NEURAL_BENCH.
swift test -c release --filter BenchmarkProbe >/dev/null
bundle=.build/release/WalkforwardPackageTests.xctest

for round in $(seq "$first" $((first + rounds - 1))); do
    for cell in ${CELLS:-lstm gru rnn}; do
        torch_fields="\"impl\": \"torch\", \"round\": $round, \"torch_env\": \"$torch_env\""
        # shellcheck disable=SC2086 # a list of VAR=VALUE words
        env $torch_env python3 benchmarks/torch_rnn_bench.py --cell "$cell" --threads 2 \
            | sed "s|^{|{$torch_fields, |" >>"$results"
        NEURAL_BENCH="$cell" "$bundle" --testing-library swift-testing \
            --filter BenchmarkProbe 2>/dev/null | grep '^{' \
            | sed "s/^{/{\"impl\": \"swift\", \"round\": $round, /" >>"$results"
    done
done
