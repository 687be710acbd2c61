// The interface between the driver (axis.cc, driver.cc) and the kernels
// compiled once per instruction set (kernels.h); isa.h picks the table.
#ifndef JFFT_ENGINE_KERNEL_API_H_
#define JFFT_ENGINE_KERNEL_API_H_

#include <complex>
#include <cstdint>
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
// to the output. Every length 2..kCodeletMaxLength, in order; `second` ==
// 1: one butterfly of `first`, else `first` butterflies of `second` after
// `second` of `first`, with twiddles between. Up to 16: over lengths
// 2..16 the geomean of jfft / ducc0 went from 1.32 (Stockham lanes) to 0.94
// for complex64 and from 1.25 to 0.73 for complex128, one thread (python -m
// benchmarks --sweep --lengths 2-64 --threads 1 2, before and after, on a
// loaded 2-core AVX2 machine); 17 and up stay on the passes, whose lanes
// were level with ducc0 there.
struct CodeletShape {
  int64_t length, first, second;
};
constexpr int64_t kCodeletMaxLength = 16;
constexpr CodeletShape kCodelets[] = {
    {2, 2, 1},  {3, 3, 1},   {4, 4, 1},  {5, 5, 1},  {6, 2, 3},
    {7, 7, 1},  {8, 8, 1},   {9, 3, 3},  {10, 2, 5}, {11, 11, 1},
    {12, 4, 3}, {13, 13, 1}, {14, 2, 7}, {15, 3, 5}, {16, 4, 4},
};
constexpr bool codelets_in_order() {
  int64_t length = 2;
  for (const CodeletShape& shape : kCodelets) {
    if (shape.length != length++ || shape.first * shape.second != shape.length)
      return false;
  }
  return length == kCodeletMaxLength + 1;
}
static_assert(codelets_in_order(), "a codelet for every length 2..max");
constexpr const CodeletShape* codelet_of(int64_t length) {
  return length >= 2 && length <= kCodeletMaxLength ? &kCodelets[length - 2]
                                                    : nullptr;
}

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
