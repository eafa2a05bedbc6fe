#ifndef WALKFORWARD_CINTRINSICS_SHIM_H
#define WALKFORWARD_CINTRINSICS_SHIM_H
// Two instructions the Neural module needs and Swift has no spelling for.

// A software prefetch into the caches. The backward pass asks for the cache lines of its
// next time step while the current step's products run.
static inline void walkforward_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 2);
}

// Lanewise, correctly rounded square roots as one vector instruction; Swift's generic
// SIMD squareRoot() compiles to one scalar square root per lane.
typedef float walkforward_float16 __attribute__((ext_vector_type(16)));
typedef float walkforward_float8 __attribute__((ext_vector_type(8)));
typedef float walkforward_float4 __attribute__((ext_vector_type(4)));

static inline walkforward_float16 walkforward_sqrt16(walkforward_float16 x) {
    return __builtin_elementwise_sqrt(x);
}

static inline walkforward_float8 walkforward_sqrt8(walkforward_float8 x) {
    return __builtin_elementwise_sqrt(x);
}

static inline walkforward_float4 walkforward_sqrt4(walkforward_float4 x) {
    return __builtin_elementwise_sqrt(x);
}
#endif
