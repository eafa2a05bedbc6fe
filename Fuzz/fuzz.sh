#!/usr/bin/env bash
# Builds one libFuzzer harness from Fuzz/Targets and runs it for a while.
#
#   Fuzz/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags...]
#
# The library modules are built once with `swift build --sanitize=fuzzer` in .build/fuzz,
# apart from the ordinary build; each harness is linked against their object files. The
# corpus grows in .build/fuzz/corpus/TARGET, seeded from the repository's own files and from
# FUZZ_SEEDS (a folder of extra samples, for example vendor answers kept outside the repo).
# A crash, hang or oversized allocation is written to .build/fuzz/crashes/TARGET/ (SwiftPM
# empties .build/fuzz/artifacts on every build).
set -euo pipefail
cd "$(dirname "$0")/.."

target=${1:-}
duration=${2:-60}
shift $(($# < 2 ? $# : 2))
source_file=Fuzz/Targets/$target.swift
if [ -z "$target" ] || [ ! -f "$source_file" ]; then
    echo "usage: Fuzz/fuzz.sh TARGET [SECONDS] [libFuzzer flags...]" >&2
    echo "fuzz: no $source_file; targets: $(ls Fuzz/Targets | sed 's/\.swift$//' | xargs)" >&2
    exit 64
fi

build=.build/fuzz
swift build --build-path "$build" --sanitize=fuzzer --target Reporting -j 1 >&2
debug=$build/debug

# The modules each harness needs, in dependency order, and the C libraries behind them.
case $target in
    strategy) modules="MarketData Neural Forecasting Backtesting" ;;
    run-json) modules="MarketData Neural Forecasting Backtesting Reporting" ;;
    safetensors) modules="Neural" ;;
    *) modules="MarketData" ;;
esac
objects=()
for module in $modules; do objects+=("$debug/$module.build"/*.o); done
mkdir -p "$build/bin"
swiftc -sanitize=fuzzer -parse-as-library -g -Onone -module-name Fuzz \
    -I "$debug/Modules" -I Sources/CCurl -I Sources/CBLAS -I Sources/CIntrinsics \
    "$source_file" "${objects[@]}" -lcurl -lopenblas -o "$build/bin/$target"

corpus=$build/corpus/$target
artifacts=$build/crashes/$target
mkdir -p "$corpus" "$artifacts"
seeds=()
case $target in
    price-csv) seeds+=(Data/*.csv) ;;
    json | strategy) seeds+=(Strategies/*.json) ;;
    safetensors) seeds+=(Fuzz/Seeds/safetensors/* Tests/NeuralTests/Fixtures/*.safetensors) ;;
esac
if [ -n "${FUZZ_SEEDS:-}" ]; then seeds+=("$FUZZ_SEEDS"/*); fi
# libFuzzer takes folders, so the seeds join the corpus; -max_len keeps long price files
# from slowing every run, as only their first lines matter to the parser.
for seed in "${seeds[@]}"; do
    if [ -f "$seed" ]; then cp "$seed" "$corpus/seed-$(basename "$seed")"; fi
done

# Swift's own crash reporter would catch the trap first and exit before libFuzzer saves the
# input that caused it.
export SWIFT_BACKTRACE=enable=no

# run-json writes every input to a file; memory-backed files make it several times faster.
if [ "$target" = run-json ] && [ -w /dev/shm ]; then export TMPDIR=/dev/shm; fi

# The JSON-based targets get JSON tokens and hostile numbers to splice in.
flags=()
case $target in
    json | strategy | run-json | yahoo | alphavantage | safetensors)
        flags+=(-dict=Fuzz/json.dict) ;;
esac

exec "$build/bin/$target" "$corpus" -max_len=4096 "${flags[@]}" \
    -max_total_time="$duration" -timeout=5 -rss_limit_mb=2048 -malloc_limit_mb=2048 \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "$@"
