#ifndef WALKFORWARD_CPREFETCH_SHIM_H
#define WALKFORWARD_CPREFETCH_SHIM_H
// A software prefetch, which Swift has no spelling for. The backward pass asks for the
// cache lines of its next time step while the current step's products run.
static inline void walkforward_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 2);
}
#endif
