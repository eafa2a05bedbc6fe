// One core's peak single-precision rate: twelve independent chains of fused multiply-adds,
// enough to keep both FMA pipes busy through their latency, on 8 AVX2 lanes or, built with
// -mavx512f, on 16 AVX-512 lanes. The number the product kernels' GFLOP/s are compared with
// in docs/PERFORMANCE.md.
//
//   cc -O3 -mavx2 -mfma benchmarks/micro/fma_peak.c -o /tmp/fma_peak && /tmp/fma_peak
//   cc -O3 -mavx512f benchmarks/micro/fma_peak.c -o /tmp/fma_peak16 && /tmp/fma_peak16
//   (/tmp/fma_peak & /tmp/fma_peak; wait)   # both cores at once
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

#ifdef __AVX512F__
typedef __m512 vector;
#define LANES 16
#define broadcast _mm512_set1_ps
#define fused_multiply_add _mm512_fmadd_ps
#else
typedef __m256 vector;
#define LANES 8
#define broadcast _mm256_set1_ps
#define fused_multiply_add _mm256_fmadd_ps
#endif

int main(void) {
    vector sums[12];
    for (int chain = 0; chain < 12; chain++) sums[chain] = broadcast(chain * 0.001f);
    const vector factor = broadcast(0.9999f), addend = broadcast(0.0001f);
    const long iterations = 200000000;
    struct timespec start, end;
    clock_gettime(CLOCK_MONOTONIC, &start);
    for (long iteration = 0; iteration < iterations; iteration++) {
        for (int chain = 0; chain < 12; chain++) {
            sums[chain] = fused_multiply_add(sums[chain], factor, addend);
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &end);
    double seconds = (end.tv_sec - start.tv_sec) + (end.tv_nsec - start.tv_nsec) * 1e-9;
    float check = 0;
    for (int chain = 0; chain < 12; chain++) check += sums[chain][0];
    // 12 chains x LANES lanes x 2 operations per fused multiply-add.
    printf("%d lanes: %.1f GFLOP/s (check %.3f)\n", LANES,
           iterations * 12.0 * LANES * 2 / seconds / 1e9, check);
    return 0;
}
