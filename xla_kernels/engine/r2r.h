// Real-to-real transforms: DCT and DST of types 1-4 over any axes of strided
// arrays, with scipy.fft's definitions (unnormalised, "backward"), e.g.
// DCT-II y[k] = 2 sum_j x[j] cos(pi k (2j + 1) / (2N)).
//
// Each axis runs as one real or complex FFT of about its own length between
// an input permutation and an output twiddle (DCT-I and DST-I: a real FFT of
// the symmetric extension, 2(N-1) or 2(N+1) points), fused around the FFT on
// lines held in the kernels' SIMD lanes: one pass over memory per axis
// (r2r_line.inc has the algorithms).
#ifndef JFFT_ENGINE_R2R_H_
#define JFFT_ENGINE_R2R_H_

#include <cstdint>
#include <vector>

#include "fft_engine.h"

namespace jfft::engine {

enum class R2RKind : int { kDct = 0, kDst = 1 };

// out = scale * (per axis: Post . T . Pre)(in), T the unnormalised `kind`
// transform of `type` (1-4) along each of `axes`. Pre multiplies the input
// entries at the transform's "ends" by `pre`, Post the output entries there
// by `post`: both ends of DCT-I, index 0 of DCT-II's output and DCT-III's
// input, index N-1 of DST-II's output and DST-III's input. scipy's
// `orthogonalize` is pre = sqrt(2) and/or post = 1/sqrt(2), and the linear
// transposes of these maps are maps of the same form (DCT-II^T = DCT-III with
// pre = 2, DCT-I^T = DCT-I with pre = 2 and post = 1/2). Where a type has no
// end on one side, that factor must be 1. DCT-I needs lengths >= 2; empty
// arrays are left alone. `in` and `out` have the same shape and may be the
// same array. Throws std::invalid_argument for bad arguments.
template <typename T>
void r2r(ArrayView<const T> in, ArrayView<T> out,
         const std::vector<int64_t>& axes, R2RKind kind, int type,
         double pre = 1.0, double post = 1.0,
         const Parallelism& parallelism = {}, double scale = 1.0);

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_R2R_H_
