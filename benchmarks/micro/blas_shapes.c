// OpenBLAS single-thread sgemm throughput on the products of one LSTM training chunk
// (2 layers, hidden 64, 32 rows per thread, blocks of 4 steps), with every operand hot in
// cache: the best of 7 repetitions of 10,000 calls each. It bounds what a hand-written
// kernel could gain over OpenBLAS's small-matrix kernels on this machine.
//
//   cc -O2 benchmarks/micro/blas_shapes.c -lopenblas -o /tmp/blas_shapes && /tmp/blas_shapes
#include <cblas.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

struct shape {
    const char *name;
    int transposed_a, m, n, k;
    float beta;
};

int main(void) {
    openblas_set_num_threads(1);
    float *a = aligned_alloc(64, 1 << 22), *b = aligned_alloc(64, 1 << 22);
    float *c = aligned_alloc(64, 1 << 22);
    for (int i = 0; i < (1 << 20); i++) {
        a[i] = (i % 7) * 0.01f;
        b[i] = (i % 5) * 0.01f;
        c[i] = 0;
    }
    const struct shape shapes[] = {
        {"forward h W_hh^T, beta 1", 0, 32, 256, 64, 1},
        {"backward dG W_hh", 0, 32, 64, 256, 0},
        {"input projection, 43-row piece", 0, 43, 256, 64, 0},
        {"dx = dG W_ih, 43-row piece", 0, 43, 64, 256, 0},
        {"dW_hh^T += h^T dG, 4 steps", 1, 64, 256, 128, 1},
        {"dW_hh += dG^T h (untransposed)", 1, 256, 64, 128, 1},
    };
    printf("OpenBLAS %s\n", openblas_get_config());
    for (size_t s = 0; s < sizeof shapes / sizeof shapes[0]; s++) {
        const struct shape x = shapes[s];
        double best = 1e30;
        for (int repetition = 0; repetition < 7; repetition++) {
            struct timespec start, end;
            clock_gettime(CLOCK_MONOTONIC, &start);
            for (int call = 0; call < 10000; call++) {
                cblas_sgemm(CblasRowMajor, x.transposed_a ? CblasTrans : CblasNoTrans,
                            CblasNoTrans, x.m, x.n, x.k, 1, a, x.transposed_a ? x.m : x.k, b,
                            x.n, x.beta, c, x.n);
            }
            clock_gettime(CLOCK_MONOTONIC, &end);
            double ns = ((end.tv_sec - start.tv_sec) * 1e9 + (end.tv_nsec - start.tv_nsec)) / 1e4;
            if (ns < best) best = ns;
        }
        printf("%-34s m %3d n %3d k %3d  %7.0f ns  %6.1f GFLOP/s\n", x.name, x.m, x.n, x.k, best,
               2.0 * x.m * x.n * x.k / best);
    }
    return 0;
}
