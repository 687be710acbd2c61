// Kernels for CPUs with AVX2 and FMA (compiled with -mavx2 -mfma; the driver
// calls them only after checking the CPU): 32-byte vectors.
#define JFFT_ISA avx2
#include "kernels.h"

namespace jfft::engine::avx2 {

typedef float VecF __attribute__((vector_size(32)));
typedef double VecD __attribute__((vector_size(32)));

template <>
const KernelTable<float>& kernels<float>() {
  return make_table<float, VecF>("avx2");
}
template <>
const KernelTable<double>& kernels<double>() {
  return make_table<double, VecD>("avx2");
}

}  // namespace jfft::engine::avx2
