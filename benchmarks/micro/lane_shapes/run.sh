#!/usr/bin/env bash
# Builds benchmarks/micro/lane_shapes/main.swift with the Neural module's kernel sources, as
# one optimised module with the flags Package.swift gives Neural on an AVX2+FMA machine,
# and runs it.
set -euo pipefail
cd "$(dirname "$0")/../../.."
kernels=Sources/Neural/Kernels
swiftc -O -wmo -target-cpu haswell -D NEURAL_AVX2 -D NEURAL_FMA -module-name LaneShapes \
    -I Sources/CBLAS -I Sources/CIntrinsics $(pkg-config --cflags-only-I openblas | sed 's/-I/-Xcc -I/g') \
    "$kernels/FloatLanes.swift" "$kernels/Activation.swift" "$kernels/LaneProduct.swift" \
    "$kernels/Matmul.swift" benchmarks/micro/lane_shapes/main.swift \
    -lopenblas -o /tmp/lane_shapes
/tmp/lane_shapes
