// DCT/DST types 1-4 on the public engine (r2c, c2r, c2c of blocks of
// lines). Per axis, lines go through in blocks small enough to stay in cache:
// each line is read once from the array (with the DST's sign flips and
// reversals and the `pre` factor), reordered into the FFT's input, the block
// is transformed, and each line is twiddled and written once to the output
// (with `post` and the overall scale). A block's lines lie one after another
// when the axis is contiguous, else interleaved like the array's own lines
// (see r2r_axis). Per transform of length N:
//
// - DCT-II (Makhoul): v = [x[0], x[2], ..., x[3], x[1]], V = rfft_N(v),
//   z[k] = 2 exp(-i pi k / (2N)) V[k]: y[k] = Re z[k], y[N-k] = -Im z[k].
// - DCT-III, its inverse up to 2N: H[k] = exp(i pi k / (2N)) (x[k] - i
//   x[N-k]) (x[N] = 0), u = irfft_N(H) unnormalised, y[2j] = u[j],
//   y[2j+1] = u[N-1-j].
// - DCT-IV, even N = 2M: u[m] = (x[2m] + i x[N-1-2m]) exp(-i pi (4m+1) /
//   (4N)), U = fft_M(u), w[m] = 2 exp(-i pi m / N) U[m]: y[2m] = Re w[m],
//   y[N-1-2m] = -Im w[m]. Odd N: y[k] = 2 Re(exp(-i pi (2k+1) / (4N))
//   fft_2N(x[m] exp(-i pi m / (2N)))[k]), the input zero-padded to 2N.
// - DCT-I: Re rfft of the even extension (2(N-1) points); DST-I: -Im of
//   rfft of the odd extension (2(N+1) points), shifted by one.
// - DST-II(x)[k] = DCT-II((-1)^j x[j])[N-1-k], DST-III(x)[k] = (-1)^k
//   DCT-III(reversed x)[k], DST-IV(x)[k] = DCT-IV((-1)^j x[j])[N-1-k].
#include "r2r.h"

#include <algorithm>
#include <complex>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "lines.h"
#include "parallel.h"
#include "plan_cache.h"
#include "plans.h"
#include "scratch.h"

namespace jfft::engine {
namespace {

// Lines per block: about this many elements of the FFT's input, so that a
// block's buffers (input, spectrum, one line) stay in L2 between the
// reordering, the FFT and the twiddle, and a 4096-point axis still gives the
// FFT 16 lines at once (the widest kernels' lane count).
constexpr int64_t kBlockElements = 65536;

// The twiddle tables' key in the engine's plan cache: a kind apart from the
// FFT plans' (the enum's underlying type is int, so any int is a value).
constexpr int kR2RTablesKind = 16;

// Which table set a transform of (kind, type, n) uses.
enum TableFamily : int64_t {
  kHalfShift = 1,     // DCT/DST-II and -III: exp(-i pi k / (2N))
  kQuarterShiftEven,  // type IV, even N
  kQuarterShiftOdd,   // type IV, odd N
};

// The twiddles of one (family, length, precision), cached beside the FFT
// plans (bounded and cleared with them).
template <typename T>
class R2RTables {
 public:
  using Complex = std::complex<T>;

  // `family` comes in the cache's largest-radix slot.
  R2RTables(int64_t n, int64_t family) {
    if (family == kHalfShift) {
      const UnitRoots<T> roots(4 * n);  // exp(-2 pi i r / 4N)
      first_.resize(n / 2 + 1);
      for (int64_t k = 0; k <= n / 2; ++k) first_[k] = rounded<T>(roots(k));
      return;
    }
    const UnitRoots<T> roots(8 * n);  // exp(-2 pi i r / 8N)
    if (family == kQuarterShiftEven) {
      const int64_t half = n / 2;
      first_.resize(half);
      second_.resize(half);
      for (int64_t m = 0; m < half; ++m) {
        first_[m] = rounded<T>(roots(4 * m + 1));
        second_[m] = T(2) * rounded<T>(roots(4 * m));
      }
      return;
    }
    first_.resize(n);
    second_.resize(n);
    for (int64_t m = 0; m < n; ++m) {
      first_[m] = rounded<T>(roots(2 * m));
      second_[m] = T(2) * rounded<T>(roots(2 * m + 1));
    }
  }

  size_t bytes() const {
    return sizeof(*this) + (first_.size() + second_.size()) * sizeof(Complex);
  }
  const Complex* first() const { return first_.data(); }
  const Complex* second() const { return second_.data(); }

 private:
  std::vector<Complex> first_, second_;
};

template <typename T>
std::shared_ptr<const R2RTables<T>> get_tables(int64_t n, TableFamily family) {
  return plan_cache().get<R2RTables<T>>(static_cast<PlanKind>(kR2RTablesKind),
                                        sizeof(T), n, family);
}

// a * b on plain floats (std::complex's operator* checks for NaNs and stays
// scalar).
template <typename T>
inline std::complex<T> times(std::complex<T> a, std::complex<T> b) {
  return {a.real() * b.real() - a.imag() * b.imag(),
          a.real() * b.imag() + a.imag() * b.real()};
}

// One axis's transform: its shape of work and the per-line steps around the
// block FFT. `v` is a line in the DCT's own order (the DST mapping applied).
template <typename T>
class AxisTransform {
 public:
  using Complex = std::complex<T>;

  AxisTransform(R2RKind kind, int type, int64_t n) : type_(type), n_(n) {
    dst1_ = kind == R2RKind::kDst && type == 1;
    if (kind == R2RKind::kDst && type != 1) {
      alternate_in_ = type == 2 || type == 4;
      reverse_in_ = type == 3;
      reverse_out_ = type == 2 || type == 4;
      alternate_out_ = type == 3;
    }
    switch (type) {
      case 1:
        fft_length_ = dst1_ ? 2 * (n + 1) : 2 * (n - 1);
        fft_ = Fft::kR2C;
        break;
      case 2:
        fft_length_ = n;
        fft_ = Fft::kR2C;
        tables_ = get_tables<T>(n, kHalfShift);
        break;
      case 3:
        fft_length_ = n;
        fft_ = Fft::kC2R;
        tables_ = get_tables<T>(n, kHalfShift);
        break;
      default:
        fft_length_ = n % 2 == 0 ? n / 2 : 2 * n;
        fft_ = Fft::kC2C;
        tables_ =
            get_tables<T>(n, n % 2 == 0 ? kQuarterShiftEven : kQuarterShiftOdd);
        break;
    }
    const int64_t half = fft_length_ / 2 + 1;
    switch (fft_) {
      case Fft::kR2C:  // real in, half spectrum out
        in_size_ = fft_length_;
        out_size_ = 2 * half;
        break;
      case Fft::kC2R:
        in_size_ = 2 * half;
        out_size_ = fft_length_;
        break;
      case Fft::kC2C:
        // Out of place: the engine's in-place c2c first scans its whole
        // input for infinities (driver.cc), a pass more than the
        // out-of-place one's look at the zero frequencies (6% of a 64x4096
        // float32 DCT-IV's time in perf record).
        in_size_ = 2 * fft_length_;
        out_size_ = 2 * fft_length_;
        break;
    }
  }

  int64_t fft_length() const { return fft_length_; }
  // Reals per line of the FFT's input and (apart from it) output buffers.
  int64_t in_size() const { return in_size_; }
  int64_t out_size() const { return out_size_; }

  // Reads a strided line into v (the DST's signs and reversal, `pre` at the
  // ends).
  void load(const T* x, int64_t stride, T pre, T* v) const {
    const int64_t n = n_;
    // One pass: the DSTs reverse (III) or alternate (II, IV), never both.
    if (reverse_in_) {
      for (int64_t j = 0; j < n; ++j) v[j] = x[(n - 1 - j) * stride];
    } else if (alternate_in_) {
      for (int64_t j = 0; j + 1 < n; j += 2) {
        v[j] = x[j * stride];
        v[j + 1] = -x[(j + 1) * stride];
      }
      if (n % 2) v[n - 1] = x[(n - 1) * stride];
    } else if (stride == 1) {
      std::copy(x, x + n, v);
    } else {
      for (int64_t j = 0; j < n; ++j) v[j] = x[j * stride];
    }
    if (pre != T(1)) {
      v[0] *= pre;
      if (type_ == 1 && !dst1_) v[n - 1] *= pre;
    }
  }

  // Where element j of the DCT-order input comes from in the array's line,
  // and the factor it gets there (DST signs, `pre` at the ends); the same
  // for element k of the output on its way to the array.
  int64_t in_index(int64_t j) const { return reverse_in_ ? n_ - 1 - j : j; }
  int64_t out_index(int64_t k) const { return reverse_out_ ? n_ - 1 - k : k; }
  T in_factor(int64_t j, T pre) const {
    const T sign = alternate_in_ && j % 2 ? T(-1) : T(1);
    return is_end(j) ? sign * pre : sign;
  }
  T out_factor(int64_t k, T post) const {
    const T sign = alternate_out_ && k % 2 ? T(-1) : T(1);
    return is_end(k) ? sign * post : sign;
  }
  bool is_end(int64_t j) const {
    return j == 0 || (type_ == 1 && !dst1_ && j == n_ - 1);
  }

  // Whether a line goes into reorder_line() as it lies in the array (no DST
  // mapping; end factors then applied by scale_input_ends), and out of
  // twiddle_line() likewise (scale_output_ends), with no copy through load()
  // and store().
  bool direct_in() const { return !reverse_in_ && !alternate_in_; }
  bool direct_out() const { return !reverse_out_ && !alternate_out_; }

  // `pre` on one reordered FFT input line: v[0] lands only at the input's
  // first element (DCT-I and -III), v[n-1] of DCT-I at element n-1.
  void scale_input_ends(T* in, T pre) const {
    if (pre == T(1)) return;
    in[0] *= pre;  // for DCT-III, Re of the first complex value (Im is 0)
    if (type_ == 1 && !dst1_) in[n_ - 1] *= pre;
  }
  // `post` on one output line of unit stride.
  void scale_output_ends(T* y, T post) const {
    if (post == T(1)) return;
    y[0] *= post;
    if (type_ == 1 && !dst1_) y[n_ - 1] *= post;
  }

  // Writes v (post at the ends) to a strided line.
  void store(T* v, T post, T* y, int64_t stride) const {
    const int64_t n = n_;
    if (post != T(1)) {
      v[0] *= post;
      if (type_ == 1 && !dst1_) v[n - 1] *= post;
    }
    if (reverse_out_) {
      for (int64_t k = 0; k < n; ++k) y[(n - 1 - k) * stride] = v[k];
    } else if (alternate_out_) {
      for (int64_t k = 0; k + 1 < n; k += 2) {
        y[k * stride] = v[k];
        y[(k + 1) * stride] = -v[k + 1];
      }
      if (n % 2) y[(n - 1) * stride] = v[n - 1];
    } else if (stride == 1) {
      std::copy(v, v + n, y);
    } else {
      for (int64_t k = 0; k < n; ++k) y[k * stride] = v[k];
    }
  }

  // A block of `count` lines in a buffer: element j of line b at
  // b * line + j (lines one after another: step 1) or b + j * step
  // (interleaved: line 1), in elements of the buffer's type. Blocks are
  // interleaved when the array's lines are too: then the block loops below
  // run across lines innermost, on contiguous memory; lines one after
  // another go through the *_line loops one at a time.
  struct Layout {
    int64_t line, step;
  };

  // The DCT-order lines v -> the FFT's input lines, for an interleaved
  // block (see Layout).
  void reorder(const T* v, Layout lv, T* in, Layout li, int64_t count) const {
    const int64_t n = n_;
    // Unit stride across lines known at compile time, so that the loops
    // vectorise.
    const auto at = [](auto* data, Layout l, int64_t b, int64_t j) -> auto& {
      return data[b + j * l.step];
    };
    switch (type_) {
      case 1: {
        const int64_t length = fft_length_;
        if (dst1_) {
          for (int64_t b = 0; b < count; ++b) {
            at(in, li, b, 0) = T(0);
            at(in, li, b, n + 1) = T(0);
          }
          for (int64_t j = 0; j < n; ++j) {
            for (int64_t b = 0; b < count; ++b) {
              const T x = at(v, lv, b, j);
              at(in, li, b, j + 1) = x;
              at(in, li, b, length - 1 - j) = -x;
            }
          }
        } else {
          for (int64_t j = 0; j < n; ++j) {
            for (int64_t b = 0; b < count; ++b) {
              at(in, li, b, j) = at(v, lv, b, j);
            }
          }
          for (int64_t j = 1; j + 1 < n; ++j) {
            for (int64_t b = 0; b < count; ++b) {
              at(in, li, b, length - j) = at(v, lv, b, j);
            }
          }
        }
        return;
      }
      case 2: {
        for (int64_t j = 0; j < (n + 1) / 2; ++j) {
          for (int64_t b = 0; b < count; ++b) {
            at(in, li, b, j) = at(v, lv, b, 2 * j);
          }
        }
        for (int64_t j = 0; j < n / 2; ++j) {
          for (int64_t b = 0; b < count; ++b) {
            at(in, li, b, n - 1 - j) = at(v, lv, b, 2 * j + 1);
          }
        }
        return;
      }
      case 3: {
        Complex* h = reinterpret_cast<Complex*>(in);
        const Complex* w = tables_->first();
        for (int64_t b = 0; b < count; ++b) {
          at(h, li, b, 0) = Complex(at(v, lv, b, 0), T(0));
        }
        for (int64_t k = 1; k <= n / 2; ++k) {
          const Complex wk = std::conj(w[k]);
          for (int64_t b = 0; b < count; ++b) {
            at(h, li, b, k) =
                times(wk, Complex(at(v, lv, b, k), -at(v, lv, b, n - k)));
          }
        }
        return;
      }
      default: {
        Complex* u = reinterpret_cast<Complex*>(in);
        const Complex* pre = tables_->first();
        if (n % 2 == 0) {
          for (int64_t m = 0; m < n / 2; ++m) {
            for (int64_t b = 0; b < count; ++b) {
              at(u, li, b, m) = times(
                  pre[m],
                  Complex(at(v, lv, b, 2 * m), at(v, lv, b, n - 1 - 2 * m)));
            }
          }
        } else {
          for (int64_t m = 0; m < n; ++m) {
            for (int64_t b = 0; b < count; ++b) {
              const T x = at(v, lv, b, m);
              at(u, li, b, m) = Complex(pre[m].real() * x, pre[m].imag() * x);
            }
          }
          for (int64_t m = n; m < 2 * n; ++m) {
            for (int64_t b = 0; b < count; ++b) {
              at(u, li, b, m) = Complex(0, 0);
            }
          }
        }
        return;
      }
    }
  }

  // The FFT's output lines -> DCT-order lines v, times scale, for an
  // interleaved block.
  void twiddle(const T* out, Layout lo, T scale, T* v, Layout lv,
               int64_t count) const {
    const int64_t n = n_;
    // Unit stride across lines known at compile time, so that the loops
    // vectorise.
    const auto at = [](auto* data, Layout l, int64_t b, int64_t j) -> auto& {
      return data[b + j * l.step];
    };
    const Complex* r = reinterpret_cast<const Complex*>(out);
    switch (type_) {
      case 1: {
        for (int64_t k = 0; k < n; ++k) {
          for (int64_t b = 0; b < count; ++b) {
            at(v, lv, b, k) = dst1_ ? -scale * at(r, lo, b, k + 1).imag()
                                    : scale * at(r, lo, b, k).real();
          }
        }
        return;
      }
      case 2: {
        const Complex* w = tables_->first();
        const T twice = T(2) * scale;
        for (int64_t b = 0; b < count; ++b) {
          at(v, lv, b, 0) = twice * at(r, lo, b, 0).real();
        }
        for (int64_t k = 1; k <= n / 2; ++k) {
          const Complex wk = w[k];
          const bool mirrored = k < n - k;
          for (int64_t b = 0; b < count; ++b) {
            const Complex z = times(wk, at(r, lo, b, k));
            at(v, lv, b, k) = twice * z.real();
            if (mirrored) at(v, lv, b, n - k) = -twice * z.imag();
          }
        }
        return;
      }
      case 3: {
        for (int64_t j = 0; j < (n + 1) / 2; ++j) {
          for (int64_t b = 0; b < count; ++b) {
            at(v, lv, b, 2 * j) = scale * at(out, lo, b, j);
          }
        }
        for (int64_t j = 0; j < n / 2; ++j) {
          for (int64_t b = 0; b < count; ++b) {
            at(v, lv, b, 2 * j + 1) = scale * at(out, lo, b, n - 1 - j);
          }
        }
        return;
      }
      default: {
        const Complex* post = tables_->second();
        if (n % 2 == 0) {
          for (int64_t m = 0; m < n / 2; ++m) {
            for (int64_t b = 0; b < count; ++b) {
              const Complex z = times(post[m], at(r, lo, b, m));
              at(v, lv, b, 2 * m) = scale * z.real();
              at(v, lv, b, n - 1 - 2 * m) = -scale * z.imag();
            }
          }
        } else {
          for (int64_t k = 0; k < n; ++k) {
            for (int64_t b = 0; b < count; ++b) {
              const Complex u = at(r, lo, b, k);
              at(v, lv, b, k) = scale * (post[k].real() * u.real() -
                                         post[k].imag() * u.imag());
            }
          }
        }
        return;
      }
    }
  }

  // reorder() and twiddle() for one line of unit stride, written as plain
  // loops over restrict pointers (each a forward or a reversed, unit or
  // stride-2 walk, never a store that depends on the index) so that they
  // vectorise: as the per-line case of the block loops above they stayed
  // scalar, and the DCT-II twiddle alone took a third of a 64x4096 float32
  // DCT-II's time (perf record on engine_r2r).
  void reorder_line(const T* __restrict v, T* __restrict in) const {
    const int64_t n = n_;
    switch (type_) {
      case 1: {
        const int64_t length = fft_length_;
        if (dst1_) {
          in[0] = T(0);
          in[n + 1] = T(0);
          for (int64_t j = 0; j < n; ++j) in[j + 1] = v[j];
          for (int64_t j = 0; j < n; ++j) in[length - 1 - j] = -v[j];
        } else {
          for (int64_t j = 0; j < n; ++j) in[j] = v[j];
          for (int64_t j = 1; j + 1 < n; ++j) in[length - j] = v[j];
        }
        return;
      }
      case 2: {
        for (int64_t j = 0; j < (n + 1) / 2; ++j) in[j] = v[2 * j];
        for (int64_t j = 0; j < n / 2; ++j) in[n - 1 - j] = v[2 * j + 1];
        return;
      }
      case 3: {
        // in holds n/2 + 1 complex values as (re, im) pairs.
        const T* w = reinterpret_cast<const T*>(tables_->first());
        in[0] = v[0];
        in[1] = T(0);
        for (int64_t k = 1; k <= n / 2; ++k) {
          // conj(w[k]) * (v[k] - i v[n-k])
          const T wr = w[2 * k], wi = w[2 * k + 1];
          const T a = v[k], b = v[n - k];
          in[2 * k] = wr * a - wi * b;
          in[2 * k + 1] = -wr * b - wi * a;
        }
        return;
      }
      default: {
        const T* pre = reinterpret_cast<const T*>(tables_->first());
        if (n % 2 == 0) {
          for (int64_t m = 0; m < n / 2; ++m) {
            // pre[m] * (v[2m] + i v[n-1-2m])
            const T pr = pre[2 * m], pi = pre[2 * m + 1];
            const T a = v[2 * m], b = v[n - 1 - 2 * m];
            in[2 * m] = pr * a - pi * b;
            in[2 * m + 1] = pr * b + pi * a;
          }
        } else {
          for (int64_t m = 0; m < n; ++m) {
            in[2 * m] = pre[2 * m] * v[m];
            in[2 * m + 1] = pre[2 * m + 1] * v[m];
          }
          std::fill(in + 2 * n, in + 4 * n, T(0));
        }
        return;
      }
    }
  }

  void twiddle_line(const T* __restrict out, T scale, T* __restrict v) const {
    const int64_t n = n_;
    switch (type_) {
      case 1: {
        if (dst1_) {
          for (int64_t k = 0; k < n; ++k) v[k] = -scale * out[2 * k + 3];
        } else {
          for (int64_t k = 0; k < n; ++k) v[k] = scale * out[2 * k];
        }
        return;
      }
      case 2: {
        // z[k] = w[k] V[k]: v[k] = 2 Re z[k] for k <= n/2, v[n-k] = -2 Im
        // z[k] for 0 < k < n-k, as two walks.
        const T* w = reinterpret_cast<const T*>(tables_->first());
        const T twice = T(2) * scale;
        v[0] = twice * out[0];
        for (int64_t k = 1; k <= n / 2; ++k) {
          v[k] =
              twice * (w[2 * k] * out[2 * k] - w[2 * k + 1] * out[2 * k + 1]);
        }
        for (int64_t k = 1; k <= (n - 1) / 2; ++k) {
          v[n - k] =
              -twice * (w[2 * k] * out[2 * k + 1] + w[2 * k + 1] * out[2 * k]);
        }
        return;
      }
      case 3: {
        for (int64_t j = 0; j < (n + 1) / 2; ++j) v[2 * j] = scale * out[j];
        for (int64_t j = 0; j < n / 2; ++j) {
          v[2 * j + 1] = scale * out[n - 1 - j];
        }
        return;
      }
      default: {
        const T* post = reinterpret_cast<const T*>(tables_->second());
        if (n % 2 == 0) {
          // z = post[m] U[m]: v[2m] = Re z, v[n-1-2m] = -Im z.
          for (int64_t m = 0; m < n / 2; ++m) {
            v[2 * m] = scale * (post[2 * m] * out[2 * m] -
                                post[2 * m + 1] * out[2 * m + 1]);
          }
          for (int64_t m = 0; m < n / 2; ++m) {
            v[n - 1 - 2 * m] = -scale * (post[2 * m] * out[2 * m + 1] +
                                         post[2 * m + 1] * out[2 * m]);
          }
        } else {
          for (int64_t k = 0; k < n; ++k) {
            v[k] = scale * (post[2 * k] * out[2 * k] -
                            post[2 * k + 1] * out[2 * k + 1]);
          }
        }
        return;
      }
    }
  }

  // The FFT of `lines` lines laid out as `li` (input) and `lo` (output), in
  // units of each buffer's own type: in -> out.
  void transform(T* in, Layout li, T* out, Layout lo, int64_t lines,
                 const Parallelism& parallelism) const {
    const int64_t length = fft_length_, half = length / 2 + 1;
    const std::vector<int64_t> axes = {1};
    switch (fft_) {
      case Fft::kR2C:
        r2c<T>({in, {lines, length}, {li.line, li.step}},
               {reinterpret_cast<Complex*>(out),
                {lines, half},
                {lo.line, lo.step}},
               axes, parallelism);
        return;
      case Fft::kC2R:
        c2r<T>({reinterpret_cast<const Complex*>(in),
                {lines, half},
                {li.line, li.step}},
               {out, {lines, length}, {lo.line, lo.step}}, axes, parallelism);
        return;
      case Fft::kC2C:
        c2c<T>({reinterpret_cast<const Complex*>(in),
                {lines, length},
                {li.line, li.step}},
               {reinterpret_cast<Complex*>(out),
                {lines, length},
                {lo.line, lo.step}},
               axes, true, parallelism);
        return;
    }
  }

  // Reals per element of the FFT's input and output buffers (2: complex).
  int64_t in_width() const { return fft_ == Fft::kR2C ? 1 : 2; }
  int64_t out_width() const { return fft_ == Fft::kC2R ? 1 : 2; }

 private:
  enum class Fft { kR2C, kC2R, kC2C };
  int type_;
  int64_t n_;
  bool dst1_ = false;
  bool alternate_in_ = false, reverse_in_ = false;
  bool alternate_out_ = false, reverse_out_ = false;
  int64_t fft_length_ = 0;
  Fft fft_ = Fft::kR2C;
  int64_t in_size_ = 0, out_size_ = 0;
  std::shared_ptr<const R2RTables<T>> tables_;
};

// Elements from one line's start to the next's in the block buffers: whole
// cache lines, an odd number of them, so that the lines of a block (often
// powers of two long) do not all fall into the same few cache sets when a
// block is walked across its lines (the strided staging, the FFT's lanes).
template <typename T>
int64_t line_pitch(int64_t size) {
  constexpr int64_t kPerCacheLine = 64 / sizeof(T);
  if (size == 0) return 0;
  int64_t cache_lines = (size + kPerCacheLine - 1) / kPerCacheLine;
  if (cache_lines % 2 == 0) ++cache_lines;
  return cache_lines * kPerCacheLine;
}

template <typename T>
void r2r_axis(const T* src, const std::vector<int64_t>& src_strides, T* dst,
              const std::vector<int64_t>& dst_strides,
              const std::vector<int64_t>& shape, size_t axis, R2RKind kind,
              int type, T pre, T post, T scale,
              const Parallelism& parallelism) {
  using Layout = typename AxisTransform<T>::Layout;
  const int64_t n = shape[axis];
  const AxisTransform<T> transform(kind, type, n);
  const LineSet lines =
      lines_along(shape, src_strides, dst_strides, static_cast<int64_t>(axis));
  const int64_t per_block = std::max<int64_t>(
      1, std::min<int64_t>(
             lines.count,
             kBlockElements / std::max<int64_t>(1, transform.fft_length())));
  const int64_t blocks = (lines.count + per_block - 1) / per_block;
  // A lone block (one long line, say) lets its FFT use the threads instead.
  const Parallelism serial;
  const Parallelism& inner = blocks == 1 ? parallelism : serial;
  const Parallelism& outer = blocks == 1 ? serial : parallelism;
  // Lines with a stride along the axis (an axis other than the last) usually
  // lie side by side: the block is then kept interleaved (element j of
  // every line together), so that it is read and written a row of lines at
  // a time and every step below runs across lines on contiguous memory
  // (line by line, 2-D 512^2 axis 0 took 2-4x as long as axis 1).
  const bool interleaved = lines.in_stride != 1;
  const int64_t in_width = transform.in_width();
  const int64_t out_width = transform.out_width();
  const int64_t in_length = transform.in_size() / in_width;
  const int64_t out_length = transform.out_size() / out_width;
  // Element strides (in units of each buffer's type) and buffer sizes.
  Layout in_layout, out_layout, v_layout;
  int64_t in_reals, out_reals, v_reals;
  if (interleaved) {
    const int64_t in_step = line_pitch<T>(per_block * in_width) / in_width;
    const int64_t out_step = line_pitch<T>(per_block * out_width) / out_width;
    const int64_t v_step = line_pitch<T>(per_block);
    in_layout = {1, in_step};
    out_layout = {1, out_step};
    v_layout = {1, v_step};
    in_reals = in_step * in_width * in_length;
    out_reals = out_step * out_width * out_length;
    v_reals = v_step * n;
  } else {
    const int64_t in_pitch = line_pitch<T>(transform.in_size());
    const int64_t out_pitch = line_pitch<T>(transform.out_size());
    in_layout = {in_pitch / in_width, 1};
    out_layout = {out_pitch / out_width, 1};
    v_layout = {0, 1};
    in_reals = per_block * in_pitch;
    out_reals = per_block * out_pitch;
    v_reals = n;
  }
  const bool direct_in = transform.direct_in();
  const bool direct_out = transform.direct_out() && lines.out_stride == 1;
  parallel_for(
      blocks, 1, lines.count * n, outer, [&](int64_t begin, int64_t end) {
        ScratchArray<T> buffer(
            static_cast<size_t>(in_reals + out_reals + v_reals));
        T* in = buffer.get();
        T* out = in + in_reals;
        T* v = in + in_reals + out_reals;
        std::vector<int64_t> src_offsets(per_block), dst_offsets(per_block);
        const int64_t src_stride = lines.in_stride,
                      dst_stride = lines.out_stride;
        for (int64_t block = begin; block < end; ++block) {
          const int64_t first = block * per_block;
          const int64_t count = std::min(per_block, lines.count - first);
          bool src_adjacent = true, dst_adjacent = true;
          for (int64_t b = 0; b < count; ++b) {
            line_start(lines, first + b, &src_offsets[b], &dst_offsets[b]);
            src_adjacent &= src_offsets[b] == src_offsets[0] + b;
            dst_adjacent &= dst_offsets[b] == dst_offsets[0] + b;
          }
          if (interleaved) {
            for (int64_t j = 0; j < n; ++j) {
              const T factor = transform.in_factor(j, pre);
              const T* row = src + transform.in_index(j) * src_stride;
              T* to = v + j * v_layout.step;
              if (src_adjacent) {
                row += src_offsets[0];
                for (int64_t b = 0; b < count; ++b) to[b] = factor * row[b];
              } else {
                for (int64_t b = 0; b < count; ++b) {
                  to[b] = factor * row[src_offsets[b]];
                }
              }
            }
            transform.reorder(v, v_layout, in, in_layout, count);
          } else {
            for (int64_t b = 0; b < count; ++b) {
              const T* line = src + src_offsets[b];
              if (!direct_in) {
                transform.load(line, 1, pre, v);
                line = v;
              }
              T* line_in = in + b * in_layout.line * in_width;
              transform.reorder_line(line, line_in);
              if (direct_in) transform.scale_input_ends(line_in, pre);
            }
          }
          transform.transform(in, in_layout, out, out_layout, count, inner);
          if (interleaved) {
            transform.twiddle(out, out_layout, scale, v, v_layout, count);
            for (int64_t k = 0; k < n; ++k) {
              const T factor = transform.out_factor(k, post);
              T* row = dst + transform.out_index(k) * dst_stride;
              const T* from = v + k * v_layout.step;
              if (dst_adjacent) {
                row += dst_offsets[0];
                for (int64_t b = 0; b < count; ++b) row[b] = factor * from[b];
              } else {
                for (int64_t b = 0; b < count; ++b) {
                  row[dst_offsets[b]] = factor * from[b];
                }
              }
            }
          } else {
            for (int64_t b = 0; b < count; ++b) {
              const T* line_out = out + b * out_layout.line * out_width;
              if (direct_out) {
                T* line = dst + dst_offsets[b];
                transform.twiddle_line(line_out, scale, line);
                transform.scale_output_ends(line, post);
              } else {
                transform.twiddle_line(line_out, scale, v);
                transform.store(v, post, dst + dst_offsets[b], dst_stride);
              }
            }
          }
        }
      });
}

// out = scale * in, element by element (no axes to transform).
template <typename T>
void scaled_copy(const ArrayView<const T>& in, const ArrayView<T>& out,
                 T scale) {
  if (in.shape.empty()) {
    out.data[0] = scale * in.data[0];
    return;
  }
  const size_t last = in.shape.size() - 1;
  const LineSet lines = lines_along(in.shape, in.strides, out.strides,
                                    static_cast<int64_t>(last));
  const int64_t n = in.shape[last];
  for (int64_t line = 0; line < lines.count; ++line) {
    int64_t s, t;
    line_start(lines, line, &s, &t);
    for (int64_t j = 0; j < n; ++j) {
      out.data[t + j * lines.out_stride] =
          scale * in.data[s + j * lines.in_stride];
    }
  }
}

void check_view(const std::vector<int64_t>& shape,
                const std::vector<int64_t>& strides, const char* name) {
  if (shape.size() != strides.size()) {
    throw std::invalid_argument(std::string("r2r: ") + name +
                                " strides and shape differ in rank");
  }
  for (int64_t d : shape) {
    if (d < 0) throw std::invalid_argument(std::string("r2r: bad ") + name);
  }
}

}  // namespace

template <typename T>
void r2r(ArrayView<const T> in, ArrayView<T> out,
         const std::vector<int64_t>& axes, R2RKind kind, int type, double pre,
         double post, const Parallelism& parallelism, double scale) {
  check_view(in.shape, in.strides, "input");
  check_view(out.shape, out.strides, "output");
  if (in.shape != out.shape) {
    throw std::invalid_argument("r2r: input and output shapes differ");
  }
  if (kind != R2RKind::kDct && kind != R2RKind::kDst) {
    throw std::invalid_argument("r2r: kind must be DCT or DST");
  }
  if (type < 1 || type > 4) {
    throw std::invalid_argument("r2r: type " + std::to_string(type) +
                                " is not 1, 2, 3 or 4");
  }
  const bool dct1 = kind == R2RKind::kDct && type == 1;
  if (pre != 1.0 && !(dct1 || type == 3)) {
    throw std::invalid_argument("r2r: this type takes no input end factor");
  }
  if (post != 1.0 && !(dct1 || type == 2)) {
    throw std::invalid_argument("r2r: this type takes no output end factor");
  }
  const size_t rank = in.shape.size();
  std::vector<size_t> checked;
  for (int64_t axis : axes) {
    const int64_t a = axis < 0 ? axis + static_cast<int64_t>(rank) : axis;
    if (a < 0 || a >= static_cast<int64_t>(rank)) {
      throw std::invalid_argument("r2r: axis " + std::to_string(axis) +
                                  " out of range for rank " +
                                  std::to_string(rank));
    }
    if (std::find(checked.begin(), checked.end(), static_cast<size_t>(a)) !=
        checked.end()) {
      throw std::invalid_argument("r2r: axis " + std::to_string(axis) +
                                  " repeated");
    }
    checked.push_back(static_cast<size_t>(a));
  }
  const bool empty = std::any_of(in.shape.begin(), in.shape.end(),
                                 [](int64_t d) { return d == 0; });
  if (empty) return;
  if (dct1) {
    for (size_t a : checked) {
      if (in.shape[a] < 2) {
        throw std::invalid_argument("r2r: DCT-I needs a length >= 2, got " +
                                    std::to_string(in.shape[a]));
      }
    }
  }
  if (checked.empty()) {
    scaled_copy<T>(in, out, static_cast<T>(scale));
    return;
  }
  for (size_t i = 0; i < checked.size(); ++i) {
    const bool first = i == 0, last = i + 1 == checked.size();
    r2r_axis<T>(first ? in.data : out.data, first ? in.strides : out.strides,
                out.data, out.strides, in.shape, checked[i], kind, type,
                static_cast<T>(pre), static_cast<T>(post),
                static_cast<T>(last ? scale : 1.0), parallelism);
  }
}

template void r2r<float>(ArrayView<const float>, ArrayView<float>,
                         const std::vector<int64_t>&, R2RKind, int, double,
                         double, const Parallelism&, double);
template void r2r<double>(ArrayView<const double>, ArrayView<double>,
                          const std::vector<int64_t>&, R2RKind, int, double,
                          double, const Parallelism&, double);

}  // namespace jfft::engine
