// One core's peak single-precision rate: twelve independent chains of 8-lane fused
// multiply-adds, enough to keep both FMA pipes of a Zen core busy through their latency.
// The number the product kernels' GFLOP/s are compared with in docs/PERFORMANCE.md.
//
//   cc -O3 -mavx2 -mfma benchmarks/micro/fma_peak.c -o /tmp/fma_peak && /tmp/fma_peak
//   (/tmp/fma_peak & /tmp/fma_peak; wait)   # both cores at once
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

int main(void) {
    __m256 sums[12];
    for (int chain = 0; chain < 12; chain++) sums[chain] = _mm256_set1_ps(chain * 0.001f);
    const __m256 factor = _mm256_set1_ps(0.9999f), addend = _mm256_set1_ps(0.0001f);
    const long iterations = 200000000;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long iteration = 0; iteration < iterations; iteration++) {
        for (int chain = 0; chain < 12; chain++) {
            sums[chain] = _mm256_fmadd_ps(sums[chain], factor, addend);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) * 1e-9;
    float check = 0;
    for (int chain = 0; chain < 12; chain++) check += sums[chain][0];
    // 12 chains x 8 lanes x 2 operations per fused multiply-add.
    printf("%.1f GFLOP/s (check %.3f)\n", iterations * 12 * 16 / seconds / 1e9, check);
    return 0;
}
