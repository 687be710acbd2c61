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
#include <string>
#include <utility>
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

// What a transform will run, as the engine decides it at run time: the
// dry-run entry points below go through the same driver and per-axis code
// as c2c / r2c / c2r, which record their decisions instead of transforming.
//
// A 1-D algorithm: "stockham" (mixed-radix passes, `radices` in order;
// none for length 1; `generic_radices` those run by the generic odd-radix
// pass, `bluestein_radices` and `rader_radices` those run by a Bluestein or
// Rader pass, `inner` the direct transforms of their convolution lengths
// (padded, or p - 1), in pass order), "bluestein" (the whole line as a
// convolution of padded_length, `inner` its transform of that length),
// "rader" (a prime line as a convolution of p - 1, `inner` its transform of
// p - 1), "four_step" (n1 x n2: `inner` the columns'
// transform of n1 and the rows' of n2), "real_even" (a real length n on a
// complex transform of n/2, `inner`, then the split of the spectra) or
// "real_odd" (on a complex transform of n). `threads`: the threads its
// passes split over (four-step ones, for a lone line), else 1; `lane_width`:
// the lines one pass runs side by side (four-step passes), else 0.
struct AlgorithmPlan {
  std::string name;
  int64_t length = 0;
  std::vector<int64_t> radices;
  std::vector<int64_t> generic_radices;    // those run by the generic pass
  std::vector<int64_t> bluestein_radices;  // those run by a Bluestein pass
  std::vector<int64_t> rader_radices;      // those run by a Rader pass
  int64_t padded_length = 0;
  int64_t n1 = 0, n2 = 0;
  int64_t threads = 1;
  int64_t lane_width = 0;
  std::vector<AlgorithmPlan> inner;
};

// One step of a transform, in the order the driver runs them: "c2c", "r2c"
// or "c2r" along `axis` (of the array given) of `lines` lines of `length`,
// by `strategy`: "lanes" (lane_width lines side by side in SIMD lanes),
// "one_by_one" (each line alone, its transform split four-step so that its
// passes get the lanes) or "trailing_planes" (the last two axes, plane by
// plane while a plane stays in cache: `lines` planes, `planes` the two steps
// each plane runs, `axis` the first of the two); `threads` split the lines
// (planes). `source`: which data the step reads: "input", "output" (in
// place on what earlier steps wrote), "spectrum" (c2r: a copy of the input
// after the other axes), "packed" (c2r: the half spectrum packed into the
// real output) or "nyquist" (c2r: the Nyquist column's own pass).
struct StepPlan {
  std::string transform;
  bool forward = true;
  int64_t axis = 0;
  int64_t length = 0;
  int64_t lines = 0;
  std::string strategy;
  int64_t lane_width = 0;
  int64_t threads = 1;
  std::string source;
  AlgorithmPlan algorithm;
  std::vector<StepPlan> planes;
};

struct PlanDescription {
  std::string isa;    // isa() when described
  int64_t lanes = 0;  // lines side by side in the widest lane group
  std::vector<StepPlan> steps;
};

// The same arguments as c2c / r2c / c2r; the views' data is never touched
// (it may be null).
template <typename T>
PlanDescription describe_c2c(ArrayView<const std::complex<T>> in,
                             ArrayView<std::complex<T>> out,
                             const std::vector<int64_t>& axes, bool forward,
                             const Parallelism& parallelism = {});
template <typename T>
PlanDescription describe_r2c(ArrayView<const T> in,
                             ArrayView<std::complex<T>> out,
                             const std::vector<int64_t>& axes,
                             const Parallelism& parallelism = {});
template <typename T>
PlanDescription describe_c2r(ArrayView<const std::complex<T>> in,
                             ArrayView<T> out, const std::vector<int64_t>& axes,
                             const Parallelism& parallelism = {});

// The cost model's thresholds (cost_model.h) by name, and the lane width
// of each kernel table for float and double ("lanes_float",
// "lanes_double"), for the plan description's readers and the path tests.
std::vector<std::pair<std::string, double>> plan_constants();

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
