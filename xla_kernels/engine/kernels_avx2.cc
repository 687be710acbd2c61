// Kernels for CPUs with AVX2 and FMA (compiled with -mavx2 -mfma; the driver
// calls them only after checking the CPU): 32-byte vectors.
#define JFFT_ISA avx2
#include <immintrin.h>

#include "kernels.h"

namespace jfft::engine::avx2 {

typedef float VecF8 __attribute__((vector_size(32)));
typedef double VecD4 __attribute__((vector_size(32)));

#include "lanes_avx2.inc"

template <>
const KernelTable<float>& kernels<float>() {
  return make_table<float, VecF8>("avx2");
}
template <>
const KernelTable<double>& kernels<double>() {
  return make_table<double, VecD4>("avx2");
}

}  // namespace jfft::engine::avx2
