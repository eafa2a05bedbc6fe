#ifndef WALKFORWARD_CMALLOC_SHIM_H
#define WALKFORWARD_CMALLOC_SHIM_H
// glibc's allocator tuning (mallopt), which Swift's Glibc module does not import.
#include <malloc.h>
#endif
