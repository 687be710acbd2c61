// 1-D FFT plans: a mixed-radix self-sorting (Stockham) complex transform with
// Bluestein's algorithm for lengths with large prime factors, and real
// transforms built on a half-length complex transform.
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

// Complex-to-complex transform of one length, both directions.
template <typename T>
class C2CPlan {
 public:
  using Complex = std::complex<T>;

  explicit C2CPlan(int64_t length);

  int64_t length() const { return length_; }
  // Complex elements of scratch that execute() needs.
  size_t scratch_size() const { return scratch_size_; }

  // Transforms `data` (contiguous, length() elements) in place.
  void execute(Complex* data, Complex* scratch, bool forward) const;

 private:
  // One Stockham pass: `radix` butterflies of stride `ido`, repeated `l1`
  // times, with (radix - 1) * ido twiddles starting at twiddle_offset.
  struct Pass {
    int64_t radix;
    int64_t l1;
    int64_t ido;
    size_t twiddle_offset;
  };

  void execute_passes(Complex* data, Complex* scratch, bool forward) const;
  void execute_bluestein(Complex* data, Complex* scratch, bool forward) const;

  int64_t length_;
  size_t scratch_size_ = 0;
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

  explicit RealPlan(int64_t length);

  int64_t length() const { return length_; }
  size_t scratch_size() const;

  // in: n reals, out: n/2+1 complex (both contiguous).
  void r2c(const T* in, Complex* out, Complex* scratch) const;
  // in: n/2+1 complex (read only), out: n reals.
  void c2r(const Complex* in, T* out, Complex* scratch) const;

 private:
  int64_t length_;
  // Even lengths: a complex plan of n/2 and the twiddles exp(-2 pi i k / n)
  // for k < n/2. Odd lengths: a complex plan of n.
  std::shared_ptr<const C2CPlan<T>> complex_plan_;
  std::vector<Complex> twiddles_;
};

// Cached plans, shared between callers and threads.
template <typename T>
std::shared_ptr<const C2CPlan<T>> get_c2c_plan(int64_t length);
template <typename T>
std::shared_ptr<const RealPlan<T>> get_real_plan(int64_t length);

}  // namespace jfft::engine

#endif  // JFFT_ENGINE_PLANS_H_
