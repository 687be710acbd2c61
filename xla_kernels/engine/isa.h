// Which instruction set's kernels run: CPU detection, the choice (set_isa in
// fft_engine.h forces one) and the kernel tables it selects.
#ifndef JFFT_ENGINE_ISA_H_
#define JFFT_ENGINE_ISA_H_

#include <cstdint>

namespace jfft::engine {

// The kernel tables by instruction set, best last.
enum class Isa { kBaseline, kAvx2, kAvx512 };
Isa current_isa();

template <typename T>
struct KernelTable;  // kernel_api.h

// The table of the kernels in use (float or double).
template <typename T>
const KernelTable<T>& kernels();

// The largest radix of plans built now, for the kernels in use
// (kLargestRadixWide or kLargestRadixNarrow, cost_model.h).
int64_t preferred_largest_radix();

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_ISA_H_
