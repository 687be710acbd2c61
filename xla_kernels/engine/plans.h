// 1-D FFT plans: the precomputed data of a mixed-radix self-sorting (Stockham)
// complex transform, with Bluestein's algorithm for lengths with large prime
// factors, and of real transforms built on a half-length complex transform.
// The kernels that run them live in kernels.h.
//
// A plan is immutable once built, so one plan may run on many threads at once;
// each call brings its own scratch.
#ifndef JFFT_ENGINE_PLANS_H_
#define JFFT_ENGINE_PLANS_H_

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <new>
#include <stdexcept>
#include <type_traits>
#include <vector>

#include "cost_model.h"
#include "isa.h"

namespace jfft::engine {

// Memory of plan tables: blocks from kMappedTableBytes up are mapped
// directly (and unmapped when the plan goes), given transparent huge pages
// (advise_huge_pages): faulting a four-step plan of 2^24 points (128 MiB of
// twiddles) in 4 KiB at a time took longer than computing it, and blocks
// from malloc stayed with the process after eviction (140 lengths of
// 4e5..2e6 points: 1.5 GiB resident for 1 GiB of plans held).
constexpr size_t kMappedTableBytes = size_t{4} << 20;
void* allocate_table(size_t bytes);  // throws std::bad_alloc
void release_table(void* data, size_t bytes);

// A fixed-size array of trivially copyable values, uninitialised when made:
// plan tables are written whole right after, and zeroing them first (up to
// hundreds of MiB for long lengths) cost about as much as writing them.
template <typename U>
class Table {
 public:
  Table() = default;
  explicit Table(size_t size) : data_(nullptr, Release{0}), size_(size) {
    if (size > static_cast<size_t>(-1) / sizeof(U)) {
      throw std::length_error("plan table too large");
    }
    const size_t bytes = size * sizeof(U);
    data_ = std::unique_ptr<U, Release>(static_cast<U*>(allocate_table(bytes)),
                                        Release{bytes});
  }
  U* data() { return data_.get(); }
  const U* data() const { return data_.get(); }
  size_t size() const { return size_; }
  U& operator[](size_t i) { return data_.get()[i]; }
  const U& operator[](size_t i) const { return data_.get()[i]; }

 private:
  struct Release {
    size_t bytes = 0;
    void operator()(U* p) const { release_table(p, bytes); }
  };
  std::unique_ptr<U, Release> data_;
  size_t size_ = 0;
};

// exp(-2 pi i r / n) for any integer r, without a sine or cosine per value
// (long plans need millions of roots; a long double sin and cos each took
// seconds for lengths near 10^7): r is reduced to the first octant (angles
// up to pi/4), whose roots are the product of two tables of about sqrt(n)
// values each, computed in long double and multiplied in R. With R = long
// double the error (~1e-19) is below double's rounding; R = double (~2e-16)
// is below float's and twice as fast, for float plans. The reduction by
// symmetry makes 1, -1, i, -i exact (no 1e-20 left where a component is 0).
template <typename R>
class BasicUnitRoots {
 public:
  using Root = std::complex<R>;

  explicit BasicUnitRoots(int64_t n) : n_(n) {
    // The first octant is 8r in [0, n]: steps of angle pi / (4n).
    while ((int64_t{1} << (2 * fine_bits_)) < n_ + 1) ++fine_bits_;
    fine_size_ = int64_t{1} << fine_bits_;
    const long double step = 0.25L * 3.141592653589793238462643383279502884L /
                             static_cast<long double>(n_);
    fine_.resize(fine_size_);
    for (int64_t i = 0; i < fine_size_; ++i) fine_[i] = polar(step * i);
    coarse_.resize(n_ / fine_size_ + 1);
    for (size_t i = 0; i < coarse_.size(); ++i) {
      coarse_[i] = polar(step * static_cast<long double>(i * fine_size_));
    }
  }

  // exp(-2 pi i r / n).
  Root operator()(int64_t r) const {
    if (r < 0 || r >= n_) {
      r %= n_;
      if (r < 0) r += n_;
    }
    // With x = 8r: angle 2 pi r / n = x * pi / (4n), by octant.
    const int64_t x = 8 * r;
    Root w;  // exp(+2 pi i r / n) for r in the first half
    const int64_t y = x < 4 * n_ ? x : 8 * n_ - x;  // mirror: conj
    if (y < n_) {
      w = octant(y);
    } else if (y < 2 * n_) {
      const Root v = octant(2 * n_ - y);
      w = {v.imag(), v.real()};
    } else if (y < 3 * n_) {
      const Root v = octant(y - 2 * n_);
      w = {-v.imag(), v.real()};
    } else {
      const Root v = octant(4 * n_ - y);
      w = {-v.real(), v.imag()};
    }
    // Forward sign: exp(-i angle) = conj(w) in the first half.
    return x < 4 * n_ ? std::conj(w) : w;
  }

  // emit(i, root) for 0 <= i < count with root = (*this)(start + i * step):
  // the roots of a plan's twiddle tables are such runs. Every kPowersRefresh
  // values the root is looked up, in between multiplied by the step's root:
  // a lookup (modulo, octant branches, a product) per root was most of a
  // direct plan's build (C2CPlan<double>(2^20): 58 million instructions
  // under callgrind, 24 million by runs; FourStepPlan<double>(2^21) built in
  // half the time, paired runs). Each product adds at most ~2 ulp of R, so
  // the drift stays below kPowersRefresh * 1e-19 with R = long double (under
  // 1/20 of double's rounding) and 3e-15 with R = double (float plans).
  // Runs side by side hide the products' latency.
  template <typename Emit>
  void powers(int64_t start, int64_t step, int64_t count, Emit&& emit) const {
    const Root s = (*this)(step);
    step %= n_;
    start %= n_;
    int64_t at = start;  // start + i * step mod n, i a multiple of the block
    const int64_t block_step = (step * kPowersRefresh) % n_;
    int64_t i = 0;
    for (; i + kRuns * kPowersRefresh <= count; i += kRuns * kPowersRefresh) {
      Root w[kRuns];
      for (int r = 0; r < kRuns; ++r) {
        w[r] = (*this)(at);
        at = (at + block_step) % n_;
      }
      for (int64_t j = 0; j < kPowersRefresh; ++j) {
        for (int r = 0; r < kRuns; ++r) {
          emit(i + r * kPowersRefresh + j, w[r]);
          w[r] = times(w[r], s);
        }
      }
    }
    for (; i < count; i += kPowersRefresh) {
      Root w = (*this)(at);
      at = (at + block_step) % n_;
      const int64_t end = std::min(count, i + kPowersRefresh);
      for (int64_t j = i; j < end; ++j) {
        emit(j, w);
        w = times(w, s);
      }
    }
  }

  // The product of two roots, without std::complex's checks for infinities
  // (a library call per product).
  static Root times(const Root& a, const Root& b) {
    return {a.real() * b.real() - a.imag() * b.imag(),
            a.real() * b.imag() + a.imag() * b.real()};
  }

  static constexpr int64_t kPowersRefresh = 32;

 private:
  static Root polar(long double angle) {
    return {static_cast<R>(std::cos(angle)), static_cast<R>(std::sin(angle))};
  }
  // (cos, sin) of y * pi / (4n), 0 <= y <= n.
  Root octant(int64_t y) const {
    if (y == 0) return {R(1), R(0)};
    return times(coarse_[y >> fine_bits_], fine_[y & (fine_size_ - 1)]);
  }
  // Runs side by side: two for long double (x87's 8 registers; with four,
  // spills made FourStepPlan<double>(2^21) 1.8x slower), four for double.
  static constexpr int kRuns = sizeof(R) > sizeof(double) ? 2 : 4;

  int64_t n_;
  int fine_bits_ = 0;
  int64_t fine_size_ = 1;
  std::vector<Root> fine_, coarse_;
};

// Roots accurate for plans of T: long double products for double plans.
template <typename T>
using UnitRoots = BasicUnitRoots<
    std::conditional_t<std::is_same_v<T, float>, double, long double>>;

template <typename T, typename R>
std::complex<T> rounded(const std::complex<R>& w) {
  return {static_cast<T>(w.real()), static_cast<T>(w.imag())};
}

// Radices whose Stockham pass has its own butterfly (kernels.h); other odd
// radices run the generic pass, which needs the radix's roots of unity.
// Lengths made of these are the fast ones (jfft.next_fast_len asks).
constexpr int64_t kButterflyRadices[] = {2, 3, 4, 5, 7, 8, 11, 13};
constexpr bool has_butterfly(int64_t radix) {
  for (int64_t r : kButterflyRadices) {
    if (r == radix) return true;
  }
  return false;
}

// Bluestein's tables for a DFT of `length` done as a cyclic convolution of
// `padded_length` (at least 2 * length - 1): the chirp and the transformed
// kernel that bluestein.inc multiplies by. Held by a whole-line Bluestein
// plan and by each Bluestein pass of a mixed-radix plan.
template <typename T>
class ChirpTables {
 public:
  using Complex = std::complex<T>;

  ChirpTables() = default;
  ChirpTables(int64_t length, int64_t padded_length);
  size_t bytes() const {
    return (chirp_.capacity() + spectrum_.size()) * sizeof(Complex);
  }

  int64_t length() const { return length_; }
  int64_t padded_length() const { return padded_length_; }
  // The chirp exp(-pi i k^2 / n), 0 <= k < n. Stored for k <= n/2 only:
  // (n - k)^2 = n^2 + k^2 (mod 2n), so chirp(n - k) = (-1)^n chirp(k).
  const Complex* chirp_half() const { return chirp_.data(); }
  T chirp_mirror_sign() const { return length_ % 2 == 0 ? T(1) : T(-1); }
  Complex chirp(int64_t k) const {
    return 2 * k <= length_ ? chirp_[k]
                            : chirp_mirror_sign() * chirp_[length_ - k];
  }
  // The transformed, 1/m-scaled conjugate chirp (m values): the only table
  // as long as the padded length.
  const Complex* chirp_spectrum() const { return spectrum_.data(); }

 private:
  int64_t length_ = 0;
  int64_t padded_length_ = 0;
  std::vector<Complex> chirp_;
  Table<Complex> spectrum_;
};

// Rader's tables for a DFT of a prime `length` p done as a cyclic
// convolution of p - 1 points (rader.inc): with g the smallest primitive
// root of p, the input order g^r and the output order g^-q (r, q < p - 1,
// mod p), and the transformed, 1/(p-1)-scaled sequence exp(-2 pi i g^-s / p)
// that the convolution multiplies by. Held by a whole-line Rader plan and by
// each Rader pass of a mixed-radix plan, beside the plan of p - 1.
template <typename T>
class RaderTables {
 public:
  using Complex = std::complex<T>;

  RaderTables() = default;
  explicit RaderTables(int64_t prime);
  size_t bytes() const {
    return order_.capacity() * sizeof(int32_t) +
           spectrum_.size() * sizeof(Complex);
  }

  int64_t length() const { return length_; }
  const int32_t* input_order() const { return order_.data(); }
  const int32_t* output_order() const { return order_.data() + length_ - 1; }
  const Complex* spectrum() const { return spectrum_.data(); }

 private:
  int64_t length_ = 0;
  std::vector<int32_t> order_;  // input order, then output order
  Table<Complex> spectrum_;
};

// Complex-to-complex transform of one length, both directions: the factors
// and twiddles that the kernels (kernels.h) run. Forward uses exp(-2 pi i/n).
template <typename T>
class C2CPlan {
 public:
  using Complex = std::complex<T>;

  // One Stockham pass: `radix` butterflies of stride `ido`, repeated `l1`
  // times, with (radix - 1) * ido twiddles starting at twiddle_offset (then,
  // for radices run by the generic pass, the radix's own roots of unity).
  // `convolution`: for a Bluestein pass, its index in the plan's
  // convolutions (convolution(pass)), else -1.
  struct Pass {
    int64_t radix;
    int64_t l1;
    int64_t ido;
    size_t twiddle_offset;
    int64_t convolution = -1;
  };

  // A Bluestein or Rader pass's butterfly, a DFT of a large prime radix p
  // as a convolution: Bluestein's chirp tables of p, or Rader's tables
  // (whichever has a length), and the direct plan of the convolution's
  // length (FFTW's child plan), which runs in the lanes of the pass's own
  // lines.
  struct Convolution {
    ChirpTables<T> chirps;
    RaderTables<T> rader;
    std::shared_ptr<const C2CPlan<T>> plan;
    bool is_rader() const { return rader.length() > 0; }
  };

  // Radices 8, 4 and 2 (no 8 when largest_radix < 8), 3, 5, 7, 11, 13 and
  // any odd prime, a large prime by the generic pass, a Bluestein pass or a
  // Rader pass; Bluestein or Rader (a prime length) for the whole line where
  // that is cheaper (the cost model: cost_model.h).
  C2CPlan(int64_t length, int64_t largest_radix);

  // Bytes this plan holds, sub-plans included (a sub-plan shared with other
  // plans or cached on its own is counted in each: an upper bound).
  size_t bytes() const;

  // The passes ping-pong between the data and scratch + kPassSkew: with a
  // power-of-two length both would otherwise sit at the same offsets modulo
  // 4 KiB, so that a radix-8 pass's reads and writes (strides of powers of
  // two) crowd into the same L1 sets (16-lane AVX-512 kernels ran 1024-point
  // lines 60% slower per point than 1000-point ones).
  static constexpr size_t kPassSkew = 4;

  int64_t length() const { return length_; }
  // Complex elements (per lane) of scratch that a transform needs.
  size_t scratch_size() const { return scratch_size_; }
  // Complex elements (per lane) of the work area of the largest generic
  // radix or Bluestein pass.
  size_t work_size() const { return work_size_; }

  const std::vector<Pass>& passes() const { return passes_; }
  const Complex* twiddles() const { return twiddles_.data(); }
  const Convolution& convolution(const Pass& pass) const {
    return convolutions_[pass.convolution];
  }

  // Bluestein, for lengths with a large prime factor: the padded
  // convolution length m (0 for direct plans), and the direct plan of m that
  // lines in SIMD lanes run. Lines of a length whose lane group would exceed
  // kLaneGroupBytes never run in lanes (axis.cc splits m four-step), so
  // those plans hold no direct plan of m (its twiddles would double the
  // plan's size): bluestein() is then null.
  int64_t bluestein_length() const { return bluestein_length_; }
  const C2CPlan* bluestein() const { return bluestein_plan_.get(); }
  // The whole line's chirp tables (ChirpTables), as bluestein.inc reads
  // them.
  const Complex* chirp_half() const { return chirps_.chirp_half(); }
  T chirp_mirror_sign() const { return chirps_.chirp_mirror_sign(); }
  Complex chirp(int64_t k) const { return chirps_.chirp(k); }
  const Complex* chirp_spectrum() const { return chirps_.chirp_spectrum(); }

  // Rader, for a prime length: its tables (length() 0 for other plans) and
  // the plan of p - 1 that lines in SIMD lanes run.
  const RaderTables<T>& rader() const { return rader_; }
  const C2CPlan* rader_plan() const { return rader_plan_.get(); }

 private:
  int64_t length_;
  size_t scratch_size_ = 0;
  size_t work_size_ = 0;
  std::vector<Pass> passes_;
  Table<Complex> twiddles_;  // exp(-2 pi i k / n), forward sign
  int64_t bluestein_length_ = 0;
  std::shared_ptr<const C2CPlan<T>> bluestein_plan_;
  ChirpTables<T> chirps_;
  RaderTables<T> rader_;
  std::shared_ptr<const C2CPlan<T>> rader_plan_;
  std::vector<Convolution> convolutions_;
};

// Real transforms of one (output or input) real length n: r2c gives n/2+1
// complex values, c2r consumes them.
template <typename T>
class RealPlan {
 public:
  using Complex = std::complex<T>;

  RealPlan(int64_t length, int64_t largest_radix);
  size_t bytes() const;  // as C2CPlan::bytes

  int64_t length() const { return length_; }
  // Even lengths run a complex plan of n/2, odd lengths one of n.
  const C2CPlan<T>& complex_plan() const { return *complex_plan_; }
  // exp(-2 pi i k / n) for k < n/2 (even lengths only).
  const Complex* twiddles() const { return twiddles_.data(); }

 private:
  int64_t length_;
  std::shared_ptr<const C2CPlan<T>> complex_plan_;
  Table<Complex> twiddles_;
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
  size_t bytes() const;  // as C2CPlan::bytes

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
  Table<T> twiddle_re_, twiddle_im_;
};

// Whether the cost model plans `length` (for the kernels in use) as one
// Bluestein convolution of the whole line.
bool plans_as_bluestein(int64_t length);

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
