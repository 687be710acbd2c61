// The column pass of a four-step transform (FourStepPlan) a block of
// columns at a time, for axis.cc's c2c_four_step (the plans' own uncached
// transform in plans.cc keeps the in-place pass: blocks measured slower
// there).
#ifndef JFFT_ENGINE_FOUR_STEP_COLUMNS_H_
#define JFFT_ENGINE_FOUR_STEP_COLUMNS_H_

#include <algorithm>
#include <complex>
#include <cstdint>
#include <cstring>

#include "cost_model.h"
#include "kernel_api.h"
#include "lines.h"
#include "plans.h"

namespace jfft::engine {

// Columns a block of the column pass copies out together. The columns of a
// row-major n1 x n2 matrix lie n2 elements apart: a lane group reading them
// in place touches one or two cache lines per row, rows 32 KiB apart for
// n2 = 2048, which crowd a few cache sets and miss the TLB row after row.
// Copied a block at a time into a contiguous buffer (one 512-byte run per
// row for complex128), transformed there and copied back, the pass streams.
// 1024 x 2048 complex128 columns, AVX-512, one thread: 12.0 ms in place,
// 10.1 ms with blocks of 16, 9.4-9.9 ms with 32, 10.6 ms with 64
// (/tmp harness over the engine library, 5 rounds each).
constexpr int64_t kFourStepColumnBlock = 32;
// Whether the column pass of a four-step line of n2 columns and element
// stride in_stride goes in blocks: for complex128 rows a multiple of 4 KiB
// apart (kL1SetBytes), the columns' rows all in the same cache sets.
// Elsewhere the copies cost more than they save (one line, one thread,
// engine harness, 3 alternating rounds, in place -> blocks: complex128 2^20
// 10.3-11.3 -> 8.8-9.9 ms; 3^12 4.8-5.6 -> 5.2-9.5 ms; complex64 3^12
// 1.9-2.9 -> 2.3-3.1 ms, 2^20 level at 5.4-6.1 ms).
template <typename T>
bool four_step_columns_in_blocks(int64_t n2, int64_t in_stride) {
  const int64_t apart = n2 * in_stride * int64_t{sizeof(std::complex<T>)};
  return sizeof(T) == sizeof(double) && apart % kL1SetBytes == 0;
}

static_assert(kFourStepColumnBlock % kPostTwiddleBlock == 0,
              "blocks start at whole post-twiddle blocks");

// Transforms columns first..first+count (count <= kFourStepColumnBlock) of
// the n1 x n2 matrix a[j1, j2] = in[(j1 * n2 + j2) * in_stride], n1 the
// columns plan's length, into matrix[j1 * n2 + j2], through `block` (n1 *
// count elements). `twiddles` index the block's columns from 0.
template <typename T>
void four_step_column_block(const KernelTable<T>& k,
                            const C2CPlan<T>& columns_plan,
                            const std::complex<T>* in, int64_t in_stride,
                            int64_t n2, int64_t first, int64_t count,
                            std::complex<T>* block, std::complex<T>* matrix,
                            bool forward, const PostTwiddles<T>& twiddles) {
  const int64_t n1 = columns_plan.length();
  const size_t run = static_cast<size_t>(count) * sizeof(std::complex<T>);
  for (int64_t j1 = 0; j1 < n1; ++j1) {
    const std::complex<T>* row = in + (j1 * n2 + first) * in_stride;
    std::complex<T>* to = block + j1 * count;
    if (in_stride == 1) {
      std::memcpy(static_cast<void*>(to), row, run);
    } else {
      for (int64_t c = 0; c < count; ++c) to[c] = row[c * in_stride];
    }
  }
  LineSet columns;  // the block's columns, side by side
  columns.dims = {count};
  columns.in_strides = {1};
  columns.out_strides = {1};
  columns.count = count;
  columns.in_stride = columns.out_stride = count;
  k.c2c(columns_plan, block, block, columns, 0, count, forward, twiddles);
  for (int64_t j1 = 0; j1 < n1; ++j1) {
    std::memcpy(static_cast<void*>(matrix + j1 * n2 + first),
                block + j1 * count, run);
  }
}

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_FOUR_STEP_COLUMNS_H_
