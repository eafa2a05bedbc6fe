#ifndef WALKFORWARD_CBLAS_SHIM_H
#define WALKFORWARD_CBLAS_SHIM_H
// Debian's libopenblas-dev puts cblas.h under the openblas include directory that
// pkg-config names; the BLAS alternative also installs it at the top level.
#include <cblas.h>
#endif
