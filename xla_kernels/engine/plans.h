// 1-D FFT plans: the precomputed data of a mixed-radix self-sorting (Stockham)
// complex transform, with Bluestein's algorithm for lengths with large prime
// factors, and of real transforms built on a half-length complex transform.
// The kernels that run them live in kernels.h.
//
// A plan is immutable once built, so one plan may run on many threads at once;
// each call brings its own scratch.
#ifndef JFFT_ENGINE_PLANS_H_
#define JFFT_ENGINE_PLANS_H_

#include <complex>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

namespace jfft::engine {

// Complex-to-complex transform of one length, both directions: the factors
// and twiddles that the kernels (kernels.h) run. Forward uses exp(-2 pi i/n).
template <typename T>
class C2CPlan {
 public:
  using Complex = std::complex<T>;

  // One Stockham pass: `radix` butterflies of stride `ido`, repeated `l1`
  // times, with (radix - 1) * ido twiddles starting at twiddle_offset (then,
  // for radices above 5, the radix's own roots of unity).
  struct Pass {
    int64_t radix;
    int64_t l1;
    int64_t ido;
    size_t twiddle_offset;
  };

  // Radices 8, 4 and 2 (no 8 when largest_radix < 8), 3, 5 and any odd
  // prime; Bluestein where a large prime makes that cheaper.
  C2CPlan(int64_t length, int64_t largest_radix);

  // The passes ping-pong between the data and scratch + kPassSkew: with a
  // power-of-two length both would otherwise sit at the same offsets modulo
  // 4 KiB, so that a radix-8 pass's reads and writes (strides of powers of
  // two) crowd into the same L1 sets (16-lane AVX-512 kernels ran 1024-point
  // lines 60% slower per point than 1000-point ones).
  static constexpr size_t kPassSkew = 4;

  int64_t length() const { return length_; }
  // Complex elements (per lane) of scratch that a transform needs.
  size_t scratch_size() const { return scratch_size_; }
  // Complex elements (per lane) of the largest generic radix's work area.
  size_t work_size() const { return work_size_; }

  const std::vector<Pass>& passes() const { return passes_; }
  const Complex* twiddles() const { return twiddles_.data(); }

  // Bluestein: present when the length has a large prime factor.
  const C2CPlan* bluestein() const { return bluestein_plan_.get(); }
  const Complex* chirp() const { return chirp_.data(); }
  const Complex* chirp_spectrum() const { return chirp_spectrum_.data(); }

 private:
  int64_t length_;
  size_t scratch_size_ = 0;
  size_t work_size_ = 0;
  std::vector<Pass> passes_;
  std::vector<Complex> twiddles_;  // exp(-2 pi i k / n), forward sign
  // Bluestein: chirp exp(-pi i k^2 / n) and the transformed, 1/m-scaled
  // conjugate chirp of the padded convolution length m.
  std::unique_ptr<C2CPlan<T>> bluestein_plan_;
  std::vector<Complex> chirp_;
  std::vector<Complex> chirp_spectrum_;
};

// Real transforms of one (output or input) real length n: r2c gives n/2+1
// complex values, c2r consumes them.
template <typename T>
class RealPlan {
 public:
  using Complex = std::complex<T>;

  RealPlan(int64_t length, int64_t largest_radix);

  int64_t length() const { return length_; }
  // Even lengths run a complex plan of n/2, odd lengths one of n.
  const C2CPlan<T>& complex_plan() const { return *complex_plan_; }
  // exp(-2 pi i k / n) for k < n/2 (even lengths only).
  const Complex* twiddles() const { return twiddles_.data(); }

 private:
  int64_t length_;
  std::shared_ptr<const C2CPlan<T>> complex_plan_;
  std::vector<Complex> twiddles_;
};

// A long transform n = n1 * n2 done as a matrix (four-step): n2 transforms of
// length n1 down the columns, twiddles, n1 transforms of length n2 along the
// rows, written transposed. Both passes run many short lines side by side, so
// a single long line gets the SIMD lanes and threads that batches get.
template <typename T>
class FourStepPlan {
 public:
  using Complex = std::complex<T>;

  FourStepPlan(int64_t length, int64_t largest_radix);

  // A good split of `length`, or 0 when the direct plan is better.
  static int64_t split(int64_t length);

  int64_t length() const { return n1_ * n2_; }
  int64_t n1() const { return n1_; }
  int64_t n2() const { return n2_; }
  const C2CPlan<T>& columns() const { return *columns_; }
  const C2CPlan<T>& rows() const { return *rows_; }
  // exp(-2 pi i j2 k1 / n) for column j2's element k1, laid out as the
  // columns' PostTwiddles (kernel_api.h).
  const T* twiddle_re() const { return twiddle_re_.data(); }
  const T* twiddle_im() const { return twiddle_im_.data(); }

 private:
  int64_t n1_, n2_;
  std::shared_ptr<const C2CPlan<T>> columns_, rows_;
  std::vector<T> twiddle_re_, twiddle_im_;
};

// The largest radix of plans built now: 8 when the kernels in use have 32
// vector registers (AVX-512), else 4: a radix-8 butterfly holds 16 vectors,
// which spill with 16 registers (AVX2 ran 1024-point lines 10% faster with
// radix 4, AVX-512 4-11% slower). Defined by the driver.
int64_t preferred_largest_radix();

// Cached plans, shared between callers and threads; by default for the
// kernels in use now.
template <typename T>
std::shared_ptr<const C2CPlan<T>> get_c2c_plan(
    int64_t length, int64_t largest_radix = preferred_largest_radix());
template <typename T>
std::shared_ptr<const RealPlan<T>> get_real_plan(
    int64_t length, int64_t largest_radix = preferred_largest_radix());
template <typename T>
std::shared_ptr<const FourStepPlan<T>> get_four_step_plan(
    int64_t length, int64_t largest_radix = preferred_largest_radix());

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_PLANS_H_
