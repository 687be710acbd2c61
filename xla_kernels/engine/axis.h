// One axis of a transform: its lines run side by side in the kernels' SIMD
// lanes or one by one, each split four-step, chosen by one rule for complex
// lines and for the complex transforms inside real ones.
#ifndef JFFT_ENGINE_AXIS_H_
#define JFFT_ENGINE_AXIS_H_

#include <complex>
#include <cstdint>
#include <string>
#include <vector>

#include "fft_engine.h"
#include "lines.h"
#include "plans.h"

namespace jfft::engine {

// Where a dry run records its decisions (describe_c2c & co.): with a Trace,
// the axis and driver code decide as always, append a StepPlan and skip the
// work (the data pointers may then be null).
struct Trace {
  std::vector<StepPlan> steps;
};

// What a transform learnt on the way of its outputs' zero frequencies
// (element 0 of every line of its one axis), which the driver checks for
// Inf and NaN (nonfinite.h): the codelets see them in registers.
enum class ZeroFrequencies { kUnchecked, kFinite, kNonfinite };

// The c2c along `axis` of arrays of this shape and strides, from `in` to
// `out` (which may be the same array).
template <typename T>
void c2c_axis(const std::complex<T>* in, const std::vector<int64_t>& in_strides,
              std::complex<T>* out, const std::vector<int64_t>& out_strides,
              const std::vector<int64_t>& shape, int64_t axis, bool forward,
              const Parallelism& parallelism, Trace* trace = nullptr,
              ZeroFrequencies* zero_frequencies = nullptr);

// The r2c of `lines` (along `axis`, for the description).
template <typename T>
void r2c_axis(const RealPlan<T>& plan, const T* in, const LineSet& lines,
              std::complex<T>* out, int64_t axis,
              const Parallelism& parallelism, Trace* trace = nullptr,
              ZeroFrequencies* zero_frequencies = nullptr);

// The c2r of `lines`; packed: each input line holds n/2 values (n even),
// with Re(Nyquist) in Im(DC), and may share its memory with the output line.
template <typename T>
void c2r_axis(const RealPlan<T>& plan, const std::complex<T>* in,
              const LineSet& lines, bool packed, T* out, int64_t axis,
              const Parallelism& parallelism, Trace* trace = nullptr);

// Whether lines whose (complex or real) transform runs `plan` as its complex
// transform go through the kernels' lanes with that direct plan, as c2c_axis
// and r2c_axis decide; else they run one by one, each four-step.
template <typename T>
bool runs_in_lanes(const C2CPlan<T>& plan, const LineSet& lines);

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_AXIS_H_
