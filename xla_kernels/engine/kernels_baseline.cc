// Kernels for any x86-64 (SSE2) or other CPU: 16-byte vectors.
#define JFFT_ISA baseline
#include "kernels.h"

namespace jfft::engine::baseline {

typedef float VecF __attribute__((vector_size(16)));
typedef double VecD __attribute__((vector_size(16)));

template <>
const KernelTable<float>& kernels<float>() {
  return make_table<float, VecF>("baseline");
}
template <>
const KernelTable<double>& kernels<double>() {
  return make_table<double, VecD>("baseline");
}

}  // namespace jfft::engine::baseline
