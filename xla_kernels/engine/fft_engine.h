// jfft's CPU FFT engine: plain C++17, no XLA or Python types.
//
// Three multi-dimensional entry points transform any set of axes of strided
// arrays directly (no transposes to bring axes to the end). All transforms
// are unnormalised: forward uses exp(-2 pi i jk/n), backward exp(+2 pi i jk/n);
// `scale` multiplies the result (a norm's 1/n or 1/sqrt(n)).
// Errors (bad layouts, sizes too large to allocate) are thrown as
// std::invalid_argument / std::length_error / std::bad_alloc; callers at the
// FFI boundary turn them into error values.
#ifndef JFFT_ENGINE_FFT_ENGINE_H_
#define JFFT_ENGINE_FFT_ENGINE_H_

#include <complex>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace jfft::engine {

// A strided view of an n-d array. Strides are counted in elements of T and
// may be negative or zero only where the dimension has length 1.
template <typename T>
struct ArrayView {
  T* data;
  std::vector<int64_t> shape;
  std::vector<int64_t> strides;
};

// Strides (in elements) of a contiguous row-major array of this shape.
std::vector<int64_t> row_major_strides(const std::vector<int64_t>& shape);

// How a transform may use threads: at most `threads` at once, with
// `schedule` running a task on another thread (XLA's thread pool, say). An
// empty `schedule` starts std::threads. The calling thread always works too,
// so a busy pool never blocks a transform.
struct Parallelism {
  int threads = 1;
  std::function<void(std::function<void()>)> schedule;
};

// Complex-to-complex over `axes` (any order; each axis once). `in` and `out`
// have the same shape; they may be the same array (in-place).
template <typename T>
void c2c(ArrayView<const std::complex<T>> in, ArrayView<std::complex<T>> out,
         const std::vector<int64_t>& axes, bool forward,
         const Parallelism& parallelism = {}, double scale = 1.0);

// Real-to-complex over `axes`: the last listed axis is halved,
// out.shape[axes.back()] == in.shape[axes.back()] / 2 + 1.
template <typename T>
void r2c(ArrayView<const T> in, ArrayView<std::complex<T>> out,
         const std::vector<int64_t>& axes, const Parallelism& parallelism = {},
         double scale = 1.0);

// Complex-to-real over `axes` with numpy's semantics: a backward c2c over all
// axes but the last, then a Hermitian c2r along the last listed axis whose
// output length is out.shape[axes.back()] (the input there has length
// out_len / 2 + 1). Only Im of the DC term and, for even lengths, of the
// Nyquist term are ignored. The input is never modified.
template <typename T>
void c2r(ArrayView<const std::complex<T>> in, ArrayView<T> out,
         const std::vector<int64_t>& axes, const Parallelism& parallelism = {},
         double scale = 1.0);

// The instruction set the kernels use: "avx512" (AVX-512 F/DQ/VL), "avx2"
// (AVX2 and FMA) or "baseline". set_isa forces one (for tests and
// benchmarks); "auto" picks the best the CPU supports. Unknown or unsupported
// names throw.
const char* isa();
void set_isa(const char* name);

// Asks the OS to back the whole 2 MiB blocks inside [data, data + bytes) with
// transparent huge pages (Linux; elsewhere nothing). Fresh memory is faulted
// in a page at a time, and for a large array that costs as much as an FFT of
// it (2048^2 complex64: ~10 ms of 4 KiB faults); huge pages cut the faults
// 512-fold. numpy does the same for its own large arrays. A hint only: where
// the OS declines (THP off, pages already there), nothing changes. Does
// nothing below 4 MiB.
void advise_huge_pages(void* data, size_t bytes);

// Process-wide plan cache controls. Clearing the cache also frees the
// scratch blocks kept for reuse (scratch.h).
struct PlanCacheInfo {
  size_t entries;        // plans held now (complex and real, all precisions)
  size_t capacity;       // most plans held before the least recently used go
  size_t bytes;          // bytes the held plans take (sub-plans counted in each
                         // plan that holds them: an upper bound)
  size_t max_bytes;      // most bytes held; a larger plan is used, not kept
  size_t scratch_bytes;  // scratch memory kept between transforms
};
PlanCacheInfo plan_cache_info();
void set_plan_cache_capacity(size_t capacity);
void set_plan_cache_max_bytes(size_t max_bytes);
void clear_plan_cache();

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_FFT_ENGINE_H_
