// The interface between the driver (axis.cc, driver.cc) and the kernels
// compiled once per instruction set (kernels.h); isa.h picks the table.
#ifndef JFFT_ENGINE_KERNEL_API_H_
#define JFFT_ENGINE_KERNEL_API_H_

#include <complex>
#include <cstdint>
#include <iterator>
#include <vector>

#include "lines.h"
#include "plans.h"

namespace jfft::engine {

// Twiddles applied to a transform's result (the four-step method's): element
// k of line l is multiplied by re[i] + i im[i], or by its conjugate for
// backward transforms, where i = post_twiddle_index(k, l, length). Element
// 0's twiddles must be 1: they are skipped. Real and imaginary parts lie
// apart and lines in blocks of kPostTwiddleBlock, so that lanes load them as
// vectors and a lane group reads its block front to back.
constexpr int64_t kPostTwiddleBlock = 16;  // the most lanes of any kernels
inline int64_t post_twiddle_index(int64_t k, int64_t line, int64_t length) {
  return (line / kPostTwiddleBlock) * (length * kPostTwiddleBlock) +
         k * kPostTwiddleBlock + line % kPostTwiddleBlock;
}
template <typename T>
struct PostTwiddles {
  const T* re = nullptr;  // none when null
  const T* im = nullptr;
};

// The short lengths that run as codelets (codelet_lines.inc): the whole
// transform in registers for many lines at once, straight from the input
// to the output. In increasing order; `second` == 1: one butterfly of
// `first`, else `first` DFTs of `second` after `second` DFTs of `first`,
// with twiddles between, where a factor without a butterfly of its own is
// an earlier codelet of the table (18 = 2 x 9 = 2 x 3 x 3). `real`: r2c and
// c2r of the length run the complex codelet on the real lines too.
//
// Every length 2..16: over lengths 2..16 the geomean of jfft / ducc0 went
// from 1.32 (Stockham lanes) to 0.94 for complex64 and from 1.25 to 0.73
// for complex128, one thread (python -m benchmarks --sweep --lengths 2-64
// --threads 1 2, before and after, on a loaded 2-core AVX2 machine).
// 17..64: the composites below, chosen from a sweep of every composite
// 18..64 with factors of butterflies: the engine's time over the faster of
// pyFFTW (FFTW_MEASURE) and ducc0, 2^17 points, one thread, best of 5
// paired rounds, Stockham lanes before -> codelet after (shared 2-core
// AVX-512 machine, noisy: +-30% between runs). c2c complex128, AVX-512 /
// AVX2: 18 1.10 -> 0.48 / 1.10 -> 0.50, 20 2.11 -> 0.89 / 2.94 -> 1.30,
// 24 1.00 -> 0.59 / 1.24 -> 0.61, 27 0.92 -> 0.54, 32 1.41 -> 1.03 / 2.05
// -> 1.16, 36 1.02 -> 0.75, 48 1.18 -> 0.85 / 1.26 -> 1.00; 45, 49, 54,
// 55, 56, 60, 63, 64 went level or up on AVX-512 (63: 0.83 -> 1.23, 64:
// 1.14 -> 1.19) and stay on the lanes. complex64 gained only where lines
// come in 4 x 4 transposes (n a multiple of 4: 20 1.24 -> 0.62, 28 0.60 ->
// 0.39, 32 1.26 -> 0.81, 56 0.81 -> 0.72, 64 0.95 -> 0.88); odd multiples
// (25 0.47 -> 0.74, 45, 49, 63) lost to the lanes' wider vectors. Then
// python benchmarks/line_ratios.py --rounds 7 18 20 24 25 28 32 36 40 42
// 48 50 64, two runs each: geomean engine/peer (faster of pyFFTW and
// mkl_fft) 0.80-1.42 -> 0.49-0.59 (complex128 AVX-512), 0.90-1.28 ->
// 0.58-0.67 (AVX2), complex64 0.55-0.68 -> 0.40-0.43 and 0.71-0.87 ->
// 0.52-0.61 (complex128 64 and complex64 18, 25, 42, 50 run the lanes in
// both). Real lines keep the complex codelet where r2c gained and c2r did
// not lose much (benchmarks/real_codelet_ratios.py --lines 8192, jfft / pyFFTW, two
// runs): float64 rfft 20 1.15-1.23 -> 0.79-0.80, 24 0.56-0.62 -> 0.43-0.44,
// 32 1.01-1.11 -> 0.86-0.88 (irfft 1.06-1.13 -> 1.13-1.20); not 36, 44
// (float64 rfft 44 0.68-0.71 -> 1.10-1.23, irfft 36 0.51-0.55 -> 0.69) nor
// 30, 33, 35, 42, 48, 50, 52 (r2c engine/peer 30: 0.74 -> 1.06).
enum : int { kCodeletSingle = 1, kCodeletDouble = 2, kCodeletBoth = 3 };
struct CodeletShape {
  int64_t length, first, second;
  int complex = kCodeletBoth;  // the precisions whose c2c runs it
  int real = kCodeletBoth;     // and whose r2c and c2r do
};
constexpr int kD = kCodeletDouble, kS = kCodeletSingle, kBoth = kCodeletBoth;
constexpr CodeletShape kCodelets[] = {
    {2, 2, 1},
    {3, 3, 1},
    {4, 4, 1},
    {5, 5, 1},
    {6, 2, 3},
    {7, 7, 1},
    {8, 8, 1},
    {9, 3, 3},
    {10, 2, 5},
    {11, 11, 1},
    {12, 4, 3},
    {13, 13, 1},
    {14, 2, 7},
    {15, 3, 5},
    {16, 4, 4},
    {18, 2, 9, kD, 0},
    {20, 4, 5},
    {21, 3, 7, kD, kD},
    {22, 2, 11},
    {24, 8, 3},
    {25, 5, 5, kD, kD},
    {26, 2, 13, kD, kD},
    {27, 3, 9, kD, kD},
    {28, 4, 7},
    {30, 2, 15, kD, 0},
    {32, 4, 8},
    {33, 3, 11, kD, 0},
    {35, 5, 7, kD, 0},
    {36, 4, 9, kBoth, 0},
    {39, 3, 13, kD, kD},
    {40, 8, 5, kBoth, kD},
    {42, 6, 7, kD, 0},
    {44, 4, 11, kBoth, 0},
    {48, 3, 16, kBoth, 0},
    {50, 2, 25, kD, 0},
    {52, 4, 13, kBoth, 0},
    {56, 8, 7, kS, 0},
    {64, 8, 8, kS, 0},
};
constexpr int64_t kCodeletMaxLength =
    kCodelets[std::size(kCodelets) - 1].length;
// The recipe of a length (any precision's): also the factors' of longer
// codelets.
constexpr const CodeletShape* codelet_shape(int64_t length) {
  for (const CodeletShape& shape : kCodelets) {
    if (shape.length == length) return &shape;
  }
  return nullptr;
}
template <typename T>
constexpr int codelet_precision() {
  return sizeof(T) == sizeof(float) ? kCodeletSingle : kCodeletDouble;
}
// The codelet of c2c of a length in T's precision, if it has one.
template <typename T>
constexpr const CodeletShape* codelet_of(int64_t length) {
  const CodeletShape* shape = codelet_shape(length);
  return shape && (shape->complex & codelet_precision<T>()) ? shape : nullptr;
}
// The codelet of r2c and c2r, if it has one.
template <typename T>
constexpr const CodeletShape* real_codelet_of(int64_t length) {
  const CodeletShape* shape = codelet_shape(length);
  return shape && (shape->real & codelet_precision<T>()) ? shape : nullptr;
}
// A factor of a codelet: a radix with a butterfly, or a shorter codelet.
constexpr bool codelet_factor(int64_t factor, int64_t length) {
  return has_butterfly(factor) ||
         (factor < length && codelet_shape(factor) != nullptr);
}
constexpr bool codelets_well_formed() {
  int64_t previous = 1;
  for (const CodeletShape& shape : kCodelets) {
    if (shape.length <= previous ||
        shape.first * shape.second != shape.length ||
        !codelet_factor(shape.first, shape.length) ||
        (shape.second > 1 && !codelet_factor(shape.second, shape.length)) ||
        (shape.second == 1 && !has_butterfly(shape.first)) ||
        (shape.real & ~shape.complex) != 0) {
      return false;
    }
    previous = shape.length;
  }
  return true;
}
static_assert(codelets_well_formed(),
              "codelets in order, each factor a butterfly or a codelet");

// One axis's DCT or DST (r2r.h) as r2r_line.inc runs it: the transform of
// `type` on lines of n values, the DST's mapping onto the DCT (reversals and
// sign flips of its input and output), the end factors and the scale; the
// inner FFT's plan (a complex one for type 4 of even n, else a real one) and
// the twiddle tables (r2r.cc's R2RTables).
template <typename T>
struct R2RPlan {
  int type = 2;
  int64_t n = 0;
  bool dst1 = false;
  bool reverse_in = false, alternate_in = false;
  bool reverse_out = false, alternate_out = false;
  T pre = 1, post = 1, scale = 1;
  const RealPlan<T>* real = nullptr;
  const C2CPlan<T>* complex = nullptr;
  const std::complex<T>* first = nullptr;
  const std::complex<T>* second = nullptr;
};

template <typename T>
struct KernelTable {
  const char* isa;
  int lanes;  // lines transformed side by side
  void (*c2c)(const C2CPlan<T>&, const std::complex<T>* in,
              std::complex<T>* out, const LineSet&, int64_t begin, int64_t end,
              bool forward, const PostTwiddles<T>& post);
  void (*r2c)(const RealPlan<T>&, const T* in, std::complex<T>* out,
              const LineSet&, int64_t begin, int64_t end);
  // packed: each input line holds n/2 values (n even), with Re(Nyquist) in
  // Im(DC); the line may then share its memory with the output line.
  void (*c2r)(const RealPlan<T>&, const std::complex<T>* in, T* out,
              const LineSet&, int64_t begin, int64_t end, bool packed);
  // The lines side by side that c2c runs for these lines: `lanes`, or
  // fewer where a full lane group would crowd one L1 set (cost_model.h).
  int (*c2c_lane_width)(const LineSet&);
  // Lines [begin, end) of a length with a codelet (codelet_of), in vectors
  // of codelet_width lines. c2c and r2c return whether any line's zero
  // frequency came out Inf or NaN (nonfinite.h).
  bool (*c2c_codelet)(int64_t length, const std::complex<T>* in,
                      std::complex<T>* out, const LineSet&, int64_t begin,
                      int64_t end, bool forward);
  // Real lines of such a length (n real values, n/2+1 complex), in the same
  // vectors; packed as for c2r.
  bool (*r2c_codelet)(int64_t length, const T* in, std::complex<T>* out,
                      const LineSet&, int64_t begin, int64_t end);
  void (*c2r_codelet)(int64_t length, const std::complex<T>* in, T* out,
                      const LineSet&, int64_t begin, int64_t end, bool packed);
  int codelet_width;
  // The DCT or DST of lines [begin, end), `in` to `out` (which may be the
  // same array), in lane groups; plan.real or plan.complex must run as a
  // direct plan (no four-step).
  void (*r2r)(const R2RPlan<T>&, const T* in, T* out, const LineSet&,
              int64_t begin, int64_t end);
};

namespace baseline {
template <typename T>
const KernelTable<T>& kernels();
}
namespace avx2 {
template <typename T>
const KernelTable<T>& kernels();
}
namespace avx512 {
template <typename T>
const KernelTable<T>& kernels();
}

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_KERNEL_API_H_
