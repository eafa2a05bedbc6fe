// Cost of the LSTM's sigmoid, written the three ways one might, on 8-lane AVX2 vectors in a
// long loop over 4096 floats in L1 (best of 5 runs of 5,000 passes): 1 / (1 + e^-x) with a
// division, the same with a reciprocal estimate and one Newton step, and
// (1 + tanh(x / 2)) / 2 with the rational tanh. The exp and tanh mirror
// Sources/Neural/Kernels/Activation.swift. It answers whether the division is what makes
// the sigmoid cost more than tanh.
//
//   cc -O2 -march=haswell benchmarks/micro/sigmoid_variants.c -o /tmp/sigmoid && /tmp/sigmoid
#include <immintrin.h>
#include <stdio.h>
#include <time.h>

#define COUNT 4096
static float input[COUNT], output[COUNT];

static inline __m256 splat(float value) { return _mm256_set1_ps(value); }

static inline __m256 vector_exp(__m256 x) {
    x = _mm256_min_ps(_mm256_max_ps(x, splat(-87.33f)), splat(88.72f));
    __m256 shifted = _mm256_fmadd_ps(x, splat(1.44269504f), splat(12582912.f));
    __m256 k = _mm256_sub_ps(shifted, splat(12582912.f));
    __m256 r = _mm256_fmadd_ps(k, splat(-0.693359375f), x);
    r = _mm256_fmadd_ps(k, splat(2.1219444e-4f), r);
    __m256 square = _mm256_mul_ps(r, r);
    __m256 low = _mm256_fmadd_ps(splat(0.16667059f), r, splat(0.49999017f));
    __m256 high = _mm256_fmadd_ps(splat(8.3198622e-3f), r, splat(4.1910961e-2f));
    __m256 p = _mm256_fmadd_ps(square, _mm256_fmadd_ps(square, high, low),
                               _mm256_add_ps(splat(1), r));
    __m256i exponent = _mm256_slli_epi32(_mm256_castps_si256(shifted), 23);
    return _mm256_castsi256_ps(_mm256_add_epi32(_mm256_castps_si256(p), exponent));
}

static inline __m256 vector_tanh(__m256 x) {
    __m256 c = _mm256_min_ps(_mm256_max_ps(x, splat(-9)), splat(9));
    __m256 s = _mm256_mul_ps(c, c);
    __m256 n = splat(1.1694355e-8f);
    n = _mm256_fmadd_ps(n, s, splat(1.9455767e-5f));
    n = _mm256_fmadd_ps(n, s, splat(3.4280482e-3f));
    n = _mm256_fmadd_ps(n, s, splat(0.13325137f));
    n = _mm256_fmadd_ps(n, s, splat(0.99999994f));
    __m256 d = splat(7.1091841e-7f);
    d = _mm256_fmadd_ps(d, s, splat(3.1732835e-4f));
    d = _mm256_fmadd_ps(d, s, splat(2.5623033e-2f));
    d = _mm256_fmadd_ps(d, s, splat(0.46658468f));
    d = _mm256_fmadd_ps(d, s, splat(1));
    return _mm256_div_ps(_mm256_mul_ps(c, n), d);
}

static inline __m256 denominator(__m256 x) {
    return _mm256_add_ps(splat(1), vector_exp(_mm256_sub_ps(_mm256_setzero_ps(), x)));
}

__attribute__((noinline)) static void with_division(void) {
    for (int i = 0; i < COUNT; i += 8) {
        __m256 x = _mm256_loadu_ps(input + i);
        _mm256_storeu_ps(output + i, _mm256_div_ps(splat(1), denominator(x)));
    }
}

__attribute__((noinline)) static void with_reciprocal(void) {
    for (int i = 0; i < COUNT; i += 8) {
        __m256 d = denominator(_mm256_loadu_ps(input + i));
        __m256 r = _mm256_rcp_ps(d);
        _mm256_storeu_ps(output + i, _mm256_fmadd_ps(r, _mm256_fnmadd_ps(d, r, splat(1)), r));
    }
}

__attribute__((noinline)) static void through_tanh(void) {
    for (int i = 0; i < COUNT; i += 8) {
        __m256 half = _mm256_mul_ps(_mm256_loadu_ps(input + i), splat(0.5f));
        _mm256_storeu_ps(output + i,
                         _mm256_fmadd_ps(vector_tanh(half), splat(0.5f), splat(0.5f)));
    }
}

__attribute__((noinline)) static void tanh_alone(void) {
    for (int i = 0; i < COUNT; i += 8) {
        _mm256_storeu_ps(output + i, vector_tanh(_mm256_loadu_ps(input + i)));
    }
}

static void time_it(const char *name, void (*pass)(void)) {
    double best = 1e30;
    for (int run = 0; run < 5; run++) {
        struct timespec start, end;
        clock_gettime(CLOCK_MONOTONIC, &start);
        for (int repetition = 0; repetition < 5000; repetition++) pass();
        clock_gettime(CLOCK_MONOTONIC, &end);
        double ns = ((end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec)) /
                    (5000.0 * COUNT / 8);
        if (ns < best) best = ns;
    }
    printf("%-32s %.2f ns per 8 lanes\n", name, best);
}

int main(void) {
    for (int i = 0; i < COUNT; i++) input[i] = (i % 200 - 100) * 0.05f + 0.001f;
    time_it("1 / (1 + e^-x), division", with_division);
    time_it("1 / (1 + e^-x), rcp + Newton", with_reciprocal);
    time_it("(1 + tanh(x / 2)) / 2", through_tanh);
    time_it("tanh alone", tanh_alone);
    return 0;
}
