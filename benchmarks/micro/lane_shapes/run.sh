#!/usr/bin/env bash
# Builds benchmarks/micro/lane_shapes/main.swift with the Neural module's kernel sources, as
# one optimised module with the flags Package.swift gives Neural on this machine (AVX-512,
# or AVX2+FMA; `WALKFORWARD_NO_AVX512=1` for the latter on an AVX-512 machine), and runs it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
kernels=Sources/Neural/Kernels
flags=(-target-cpu haswell -D NEURAL_AVX2 -D NEURAL_FMA)
if grep -q '^flags.* avx512vl' /proc/cpuinfo && [ "${WALKFORWARD_NO_AVX512:-}" != 1 ]; then
    flags=(-target-cpu skylake-avx512 -D NEURAL_AVX512 -D NEURAL_AVX2 -D NEURAL_FMA)
fi
swiftc -O -wmo "${flags[@]}" -module-name LaneShapes \
    -I Sources/CBLAS -I Sources/CIntrinsics $(pkg-config --cflags-only-I openblas | sed 's/-I/-Xcc -I/g') \
    "$kernels/FloatLanes.swift" "$kernels/Activation.swift" "$kernels/LaneProduct.swift" \
    "$kernels/Matmul.swift" benchmarks/micro/lane_shapes/main.swift \
    -lopenblas -o /tmp/lane_shapes
/tmp/lane_shapes
