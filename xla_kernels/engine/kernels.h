// The FFT kernels, written once over a "lane" type V and compiled once per
// instruction set (kernels_baseline.cc, kernels_avx2.cc include this file
// inside their own namespace, with their own compiler flags).
//
// V is either a scalar T (one transform at a time) or a GCC vector of T (that
// many transforms side by side, one per lane, so every butterfly is a SIMD
// operation). Data is held as Cx<V>: a vector of real parts and a vector of
// imaginary parts per element.
//
// Complex arithmetic is spelled out as plain formulas (std::complex's
// NaN-checked multiply would keep the loops scalar). Which outputs an Inf
// turns into NaN here depends on the pass order; the driver redoes lines
// holding infinities by the DFT's own rule (nonfinite.h).

#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <stdexcept>
#include <type_traits>

#include "cost_model.h"
#include "kernel_api.h"
#include "plans.h"
#include "scratch.h"

namespace jfft::engine::JFFT_ISA {

// Everything here lives in this instruction set's namespace, buffers included:
// a std:: template instantiated with the same types in two kernel files could
// be merged by the linker into one compiled for the wrong instruction set.
// Buffers are uninitialised blocks from the scratch pool (scratch.h).
template <typename U>
class Buffer {
 public:
  explicit Buffer(size_t size)
      : data_(static_cast<U*>(take_scratch(
            size <= SIZE_MAX / sizeof(U) ? size * sizeof(U) : SIZE_MAX,
            &capacity_))) {}
  ~Buffer() { give_back_scratch(data_, capacity_); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;
  U* data() { return data_; }
  U& operator[](size_t i) { return data_[i]; }

 private:
  size_t capacity_ = 0;
  U* data_;
};

#include "cx.inc"
#include "line_start.inc"

// Stockham passes.
// in(i, m, k) = in[i + ido * (m + radix * k)]
// out(i, k, j) = out[i + ido * (k + l1 * j)]
// out(i, k, j) = twiddle(j, i) * sum_m in(i, m, k) exp(-+2 pi i jm / radix)
// Twiddles at i == 0 are 1 and skipped (also keeps Inf * 0 out of numpy's
// way).

// The butterflies are written on any complex vector type C with +, -,
// scale and rotate_quarter: Cx<V> (lanes of split real and imaginary parts,
// the Stockham passes) or Interleaved<W> (codelet_lines.inc).
template <bool kFwd, typename C>
inline void butterfly2(const C* a, int64_t ia, C* y) {
  y[0] = a[0] + a[ia];
  y[1] = a[0] - a[ia];
}

template <bool kFwd, typename T, typename C>
inline void butterfly3(const C* a, int64_t ia, C* y) {
  constexpr T kHalf = T(0.5);
  constexpr T kSin60 = T(0.866025403784438646763723170752936183L);
  const C a0 = a[0], a1 = a[ia], a2 = a[2 * ia];
  const C t = a1 + a2;
  const C c = a0 - scale(kHalf, t);
  const C d = rotate_quarter<kFwd>(scale(kSin60, a1 - a2));
  y[0] = a0 + t;
  y[1] = c + d;
  y[2] = c - d;
}

template <bool kFwd, typename C>
inline void butterfly4(const C* a, int64_t ia, C* y) {
  const C a0 = a[0], a1 = a[ia], a2 = a[2 * ia], a3 = a[3 * ia];
  const C t0 = a0 + a2, t1 = a0 - a2, t2 = a1 + a3;
  const C t3 = rotate_quarter<kFwd>(a1 - a3);
  y[0] = t0 + t2;
  y[1] = t1 + t3;
  y[2] = t0 - t2;
  y[3] = t1 - t3;
}

// Radix 8 as two radix-4 halves: y_k = E_k + w8^k O_k, y_k+4 = E_k - w8^k O_k.
template <bool kFwd, typename T, typename C>
inline void butterfly8(const C* a, int64_t ia, C* y) {
  constexpr T kHalfSqrt2 = T(0.707106781186547524400844362104849039L);
  C e[4], o[4];
  butterfly4<kFwd>(a, 2 * ia, e);
  butterfly4<kFwd>(a + ia, 2 * ia, o);
  // w8 = (1 -+ i) / sqrt 2, w8^2 = -+i, w8^3 = (-1 -+ i) / sqrt 2, with
  // rotate_quarter<kFwd> the product by -+i.
  const C r1 = rotate_quarter<kFwd>(o[1]), r3 = rotate_quarter<kFwd>(o[3]);
  o[1] = scale(kHalfSqrt2, o[1] + r1);
  o[3] = scale(kHalfSqrt2, r3 - o[3]);
  o[2] = rotate_quarter<kFwd>(o[2]);
  for (int k = 0; k < 4; ++k) {
    y[k] = e[k] + o[k];
    y[k + 4] = e[k] - o[k];
  }
}

template <bool kFwd, typename T, typename C>
inline void butterfly5(const C* a, int64_t ia, C* y) {
  constexpr T kCos1 = T(0.309016994374947424102293417182819059L);
  constexpr T kCos2 = T(-0.809016994374947424102293417182819059L);
  constexpr T kSin1 = T(0.951056516295153572116439333379382143L);
  constexpr T kSin2 = T(0.587785252292473129168705954639072769L);
  const C a0 = a[0];
  const C t1 = a[ia] + a[4 * ia], d1 = a[ia] - a[4 * ia];
  const C t2 = a[2 * ia] + a[3 * ia], d2 = a[2 * ia] - a[3 * ia];
  const C c1 = a0 + scale(kCos1, t1) + scale(kCos2, t2);
  const C c2 = a0 + scale(kCos2, t1) + scale(kCos1, t2);
  const C e1 = rotate_quarter<kFwd>(scale(kSin1, d1) + scale(kSin2, d2));
  const C e2 = rotate_quarter<kFwd>(scale(kSin2, d1) - scale(kSin1, d2));
  y[0] = a0 + t1 + t2;
  y[1] = c1 + e1;
  y[2] = c2 + e2;
  y[3] = c2 - e2;
  y[4] = c1 - e1;
}

// cos and sin of 2 pi q / P for q = 1 .. (P - 1) / 2: the constants of the
// odd radices with their own butterfly (butterfly_odd).
template <int P>
struct OddRadixRoots;
template <>
struct OddRadixRoots<7> {
  static constexpr long double kCos[3] = {
      0.623489801858733530525004884004239811L,
      -0.222520933956314404288902564496794759L,
      -0.900968867902419126236102319507445051L};
  static constexpr long double kSin[3] = {
      0.78183148246802980870844452667405775L,
      0.974927912181823607018131682993931217L,
      0.433883739117558120475768332848358755L};
};
template <>
struct OddRadixRoots<11> {
  static constexpr long double kCos[5] = {
      0.841253532831181168861811648919367718L,
      0.415415013001886425529274149229623204L,
      -0.142314838273285140443792668616369669L,
      -0.654860733945285064056925072466293553L,
      -0.959492973614497389890368057066327699L};
  static constexpr long double kSin[5] = {
      0.540640817455597582107635954318691695L,
      0.90963199535451837141171538307902846L,
      0.989821441880932732376092037776718787L,
      0.75574957435425828377403584397234442L,
      0.281732556841429697711417915346616899L};
};
template <>
struct OddRadixRoots<13> {
  static constexpr long double kCos[6] = {
      0.885456025653209895900375522015098879L,
      0.568064746731155802511807559127516625L,
      0.120536680255323053349067687452543582L,
      -0.354604887042535625969637892600018474L,
      -0.748510748171101098634630599701351384L,
      -0.970941817426052027156982276293789227L};
  static constexpr long double kSin[6] = {
      0.464723172043768545656015335133104778L,
      0.822983865893656394579617423439381991L,
      0.992708874098053992800751649492520179L,
      0.935016242685414823439784599837830729L,
      0.66312265824079520237678549266676628L,
      0.239315664287557767148753726260211895L};
};

// cos(2 pi q / P) and sin(2 pi q / P) for any q, folded onto the table.
template <int P, typename T>
constexpr T odd_radix_cos(int q) {
  q %= P;
  return T(q <= P / 2 ? OddRadixRoots<P>::kCos[q - 1]
                      : OddRadixRoots<P>::kCos[P - q - 1]);
}
template <int P, typename T>
constexpr T odd_radix_sin(int q) {
  q %= P;
  return q <= P / 2 ? T(OddRadixRoots<P>::kSin[q - 1])
                    : -T(OddRadixRoots<P>::kSin[P - q - 1]);
}

// An odd prime radix P written out: with t_m = a_m + a_P-m and
// d_m = a_m - a_P-m (m = 1 .. h, h = (P - 1) / 2),
//   y_j, y_P-j = a_0 + sum_m cos(2 pi jm / P) t_m
//                -+ i sum_m sin(2 pi jm / P) d_m   (forward sign),
// 2 h^2 real-by-complex products instead of (P - 1)^2 complex ones. The
// loops have constant bounds and are unrolled, so every constant is an
// immediate and the t_m, d_m stay in registers.
template <int P, bool kFwd, typename T, typename C>
inline void butterfly_odd(const C* a, int64_t ia, C* y) {
  constexpr int kHalf = (P - 1) / 2;
  const C a0 = a[0];
  C t[kHalf], d[kHalf];
  C total = a0;
#pragma GCC unroll 16
  for (int m = 0; m < kHalf; ++m) {
    const C x = a[(m + 1) * ia], z = a[(P - 1 - m) * ia];
    t[m] = x + z;
    d[m] = x - z;
    total = total + t[m];
  }
  y[0] = total;
#pragma GCC unroll 16
  for (int j = 1; j <= kHalf; ++j) {
    C even = a0 + scale(odd_radix_cos<P, T>(j), t[0]);
    C odd = scale(odd_radix_sin<P, T>(j), d[0]);
#pragma GCC unroll 16
    for (int m = 2; m <= kHalf; ++m) {
      even = even + scale(odd_radix_cos<P, T>(j * m), t[m - 1]);
      odd = odd + scale(odd_radix_sin<P, T>(j * m), d[m - 1]);
    }
    const C rot = rotate_quarter<kFwd>(odd);
    y[j] = even + rot;
    y[P - j] = even - rot;
  }
}

template <int R, bool kFwd, typename T, typename C>
inline void butterfly(const C* a, int64_t ia, C* y) {
  static_assert(has_butterfly(R), "no butterfly for this radix");
  if constexpr (R == 2) {
    butterfly2<kFwd>(a, ia, y);
  } else if constexpr (R == 3) {
    butterfly3<kFwd, T>(a, ia, y);
  } else if constexpr (R == 4) {
    butterfly4<kFwd>(a, ia, y);
  } else if constexpr (R == 5) {
    butterfly5<kFwd, T>(a, ia, y);
  } else if constexpr (R == 8) {
    butterfly8<kFwd, T>(a, ia, y);
  } else {
    butterfly_odd<R, kFwd, T>(a, ia, y);
  }
}

// One pass of a radix with its own butterfly.
template <int R, bool kFwd, typename T, typename V>
void pass_fixed(int64_t l1, int64_t ido, const Cx<V>* in, Cx<V>* out,
                const std::complex<T>* tw) {
  const int64_t s = ido * l1;
  for (int64_t k = 0; k < l1; ++k) {
    const Cx<V>* a = in + ido * R * k;
    Cx<V>* b = out + ido * k;
    Cx<V> y[R];
    butterfly<R, kFwd, T>(a, ido, y);
    for (int j = 0; j < R; ++j) b[j * s] = y[j];
    for (int64_t i = 1; i < ido; ++i) {
      butterfly<R, kFwd, T>(a + i, ido, y);
      b[i] = y[0];
      for (int j = 1; j < R; ++j) {
        b[i + j * s] = twiddle<kFwd>(y[j], tw[i + (j - 1) * ido]);
      }
    }
  }
}

// Any odd radix p, by the pairing of m and p - m that butterfly_odd uses:
// 2 h^2 real-by-complex products per butterfly (h = (p - 1) / 2), for
// outputs j and j + 1 at once, so that the sums and differences are loaded
// once for both and four accumulator pairs hide the multiply-add latency
// (perf showed one output at a time waiting on its two accumulator pairs).
// roots[q] = exp(-2 pi i q / p); work holds p + 1 values.
template <bool kFwd, typename T, typename V>
void pass_generic(int64_t p, int64_t l1, int64_t ido, const Cx<V>* in,
                  Cx<V>* out, const std::complex<T>* tw,
                  const std::complex<T>* roots, Cx<V>* work) {
  const int64_t half = (p - 1) / 2;
  const int64_t s = ido * l1;
  Cx<V>* sums = work;              // sums[m] = a_m + a_{p-m}
  Cx<V>* diffs = work + half + 1;  // diffs[m] = a_m - a_{p-m}
  for (int64_t k = 0; k < l1; ++k) {
    const Cx<V>* a = in + ido * p * k;
    Cx<V>* b = out + ido * k;
    for (int64_t i = 0; i < ido; ++i) {
      const Cx<V> a0 = a[i];
      Cx<V> total = a0;
      for (int64_t m = 1; m <= half; ++m) {
        const Cx<V> x = a[i + m * ido], y = a[i + (p - m) * ido];
        sums[m] = x + y;
        diffs[m] = x - y;
        total = total + sums[m];
      }
      b[i] = total;
      // even = a0 + sum cos * sums; odd = sum imag(root) * diffs, which is
      // -sin: y_j = even + rotate<!kFwd>(odd), y_p-j = even - that.
      const auto store = [&](int64_t j, Cx<V> even, Cx<V> odd) {
        const Cx<V> rot = rotate_quarter<!kFwd>(odd);
        const Cx<V> yj = even + rot, ypj = even - rot;
        if (i == 0) {
          b[j * s] = yj;
          b[(p - j) * s] = ypj;
        } else {
          b[i + j * s] = twiddle<kFwd>(yj, tw[i + (j - 1) * ido]);
          b[i + (p - j) * s] = twiddle<kFwd>(ypj, tw[i + (p - j - 1) * ido]);
        }
      };
      int64_t j = 1;
      for (; j < half; j += 2) {
        Cx<V> even1 = a0, even2 = a0;
        Cx<V> odd1 = {V{}, V{}}, odd2 = {V{}, V{}};
        int64_t q1 = 0, q2 = 0;
        for (int64_t m = 1; m <= half; ++m) {
          q1 += j;
          if (q1 >= p) q1 -= p;
          q2 += j + 1;
          if (q2 >= p) q2 -= p;
          const Cx<V> sm = sums[m], dm = diffs[m];
          const std::complex<T> w1 = roots[q1], w2 = roots[q2];
          even1 = even1 + scale(w1.real(), sm);
          odd1 = odd1 + scale(w1.imag(), dm);
          even2 = even2 + scale(w2.real(), sm);
          odd2 = odd2 + scale(w2.imag(), dm);
        }
        store(j, even1, odd1);
        store(j + 1, even2, odd2);
      }
      if (j == half) {
        Cx<V> even = a0, odd = {V{}, V{}};
        int64_t q = 0;
        for (int64_t m = 1; m <= half; ++m) {
          q += j;
          if (q >= p) q -= p;
          even = even + scale(roots[q].real(), sums[m]);
          odd = odd + scale(roots[q].imag(), diffs[m]);
        }
        store(j, even, odd);
      }
    }
  }
}

// pass_generic for one line at a time (V = T), where one butterfly has no
// lanes to fill: FFTPACK's passg order. The pairs' sums and differences are
// laid out as p blocks of all l1 * ido butterflies, then each output block
// is accumulated over m in loops along the blocks, which the compiler
// vectorises (the coefficients are real, so re and im parts scale alike).
// The input is consumed as workspace (it is the previous pass's buffer).
template <bool kFwd, typename T>
void pass_generic_blocks(int64_t p, int64_t l1, int64_t ido, Cx<T>* in,
                         Cx<T>* out, const std::complex<T>* tw,
                         const std::complex<T>* roots) {
  const int64_t half = (p - 1) / 2;
  const int64_t s = ido * l1;
  // out block 0: a_0; block m: a_m + a_p-m; block p - m: a_m - a_p-m.
  for (int64_t k = 0; k < l1; ++k) {
    const Cx<T>* a = in + ido * p * k;
    Cx<T>* b = out + ido * k;
    for (int64_t i = 0; i < ido; ++i) {
      b[i] = a[i];
      for (int64_t m = 1; m <= half; ++m) {
        const Cx<T> x = a[i + m * ido], y = a[i + (p - m) * ido];
        b[i + m * s] = x + y;
        b[i + (p - m) * s] = x - y;
      }
    }
  }
  // in block 0: y_0; blocks j and p - j: even_j and odd_j, then y_j, y_p-j.
  const int64_t len = 2 * s;  // reals per block
  T* __restrict y0 = reinterpret_cast<T*>(in);
  const T* a0 = reinterpret_cast<const T*>(out);
  std::copy(a0, a0 + len, y0);
  for (int64_t m = 1; m <= half; ++m) {
    const T* __restrict sm = reinterpret_cast<const T*>(out + m * s);
    for (int64_t x = 0; x < len; ++x) y0[x] += sm[x];
  }
  for (int64_t j = 1; j <= half; ++j) {
    T* __restrict even = reinterpret_cast<T*>(in + j * s);
    T* __restrict odd = reinterpret_cast<T*>(in + (p - j) * s);
    std::copy(a0, a0 + len, even);
    std::fill(odd, odd + len, T(0));
    int64_t q = 0;
    for (int64_t m = 1; m <= half; ++m) {
      q += j;
      if (q >= p) q -= p;
      const T c = roots[q].real(), w = roots[q].imag();  // cos, -sin
      const T* __restrict sm = reinterpret_cast<const T*>(out + m * s);
      const T* __restrict dm = reinterpret_cast<const T*>(out + (p - m) * s);
      for (int64_t x = 0; x < len; ++x) {
        even[x] += c * sm[x];
        odd[x] += w * dm[x];
      }
    }
    Cx<T>* e = in + j * s;
    Cx<T>* o = in + (p - j) * s;
    for (int64_t x = 0; x < s; ++x) {
      const Cx<T> rot = rotate_quarter<!kFwd>(o[x]);
      const Cx<T> ev = e[x];
      e[x] = ev + rot;
      o[x] = ev - rot;
    }
  }
  // Twiddles, back into out: out(i, k, j) = w(j, i) y_j(i, k).
  std::copy(in, in + s, out);
  for (int64_t j = 1; j < p; ++j) {
    const Cx<T>* y = in + j * s;
    Cx<T>* b = out + j * s;
    const std::complex<T>* w = tw + (j - 1) * ido;
    for (int64_t k = 0; k < l1; ++k) {
      b[k * ido] = y[k * ido];
      for (int64_t i = 1; i < ido; ++i) {
        b[k * ido + i] = twiddle<kFwd>(y[k * ido + i], w[i]);
      }
    }
  }
}

#include "bluestein.inc"
#include "rader.inc"

template <typename T, typename V>
Cx<V>* transform(const C2CPlan<T>& plan, Cx<V>* data, Cx<V>* scratch,
                 bool forward);

// A pass of a large prime radix p by Bluestein's algorithm (bluestein.inc)
// or Rader's (rader.inc), whichever the convolution holds: each butterfly's
// DFT of p, its inputs at stride ido, is a convolution through two
// transforms of the convolution's direct plan, in the same lanes (V) as the
// line; then the twiddles as in pass_fixed. work holds the convolution's
// values and that plan's scratch.
template <bool kFwd, typename T, typename V>
void pass_convolution(const typename C2CPlan<T>::Convolution& convolution,
                      int64_t l1, int64_t ido, const Cx<V>* in, Cx<V>* out,
                      const std::complex<T>* tw, Cx<V>* work) {
  const C2CPlan<T>& inner_plan = *convolution.plan;
  const int64_t m = inner_plan.length();
  const int64_t p =
      convolution.is_rader() ? m + 1 : convolution.chirps.length();
  const int64_t s = ido * l1;
  const auto inner = [&](Cx<V>* a, bool forward) {
    return transform(inner_plan, a, work + m, forward);
  };
  const auto butterfly = [&](const auto& load, const auto& store) {
    if (convolution.is_rader()) {
      rader<kFwd>(convolution.rader, load, store, work, inner);
    } else {
      bluestein<kFwd>(convolution.chirps, m, load, store, work, inner);
    }
  };
  for (int64_t k = 0; k < l1; ++k) {
    for (int64_t i = 0; i < ido; ++i) {
      const Cx<V>* a = in + i + ido * p * k;
      Cx<V>* b = out + i + ido * k;
      const auto load = [&](int64_t j) { return a[j * ido]; };
      if (i == 0) {
        butterfly(load, [&](int64_t j, Cx<V> y) { b[j * s] = y; });
      } else {
        butterfly(load, [&](int64_t j, Cx<V> y) {
          b[j * s] = j == 0 ? y : twiddle<kFwd>(y, tw[i + (j - 1) * ido]);
        });
      }
    }
  }
}

// The passes of a direct plan, alternating between data and scratch; returns
// where the result ended up (no copy back).
template <bool kFwd, typename T, typename V>
Cx<V>* run_passes(const C2CPlan<T>& plan, Cx<V>* data, Cx<V>* scratch) {
  const auto& passes = plan.passes();
  const int64_t n = plan.length();
  Cx<V>* work = scratch + C2CPlan<T>::kPassSkew + n;
  Cx<V>* src = data;
  Cx<V>* dst = scratch + C2CPlan<T>::kPassSkew;
  for (const auto& pass : passes) {
    const std::complex<T>* tw = plan.twiddles() + pass.twiddle_offset;
    if (pass.convolution >= 0) {
      pass_convolution<kFwd>(plan.convolution(pass), pass.l1, pass.ido, src,
                             dst, tw, work);
      std::swap(src, dst);
      continue;
    }
    switch (pass.radix) {
      case 2:
        pass_fixed<2, kFwd>(pass.l1, pass.ido, src, dst, tw);
        break;
      case 3:
        pass_fixed<3, kFwd>(pass.l1, pass.ido, src, dst, tw);
        break;
      case 4:
        pass_fixed<4, kFwd>(pass.l1, pass.ido, src, dst, tw);
        break;
      case 5:
        pass_fixed<5, kFwd>(pass.l1, pass.ido, src, dst, tw);
        break;
      case 8:
        pass_fixed<8, kFwd>(pass.l1, pass.ido, src, dst, tw);
        break;
      case 7:
        pass_fixed<7, kFwd>(pass.l1, pass.ido, src, dst, tw);
        break;
      case 11:
        pass_fixed<11, kFwd>(pass.l1, pass.ido, src, dst, tw);
        break;
      case 13:
        pass_fixed<13, kFwd>(pass.l1, pass.ido, src, dst, tw);
        break;
      default:
        if constexpr (std::is_same_v<V, T>) {
          pass_generic_blocks<kFwd>(pass.radix, pass.l1, pass.ido, src, dst, tw,
                                    tw + (pass.radix - 1) * pass.ido);
        } else {
          pass_generic<kFwd>(pass.radix, pass.l1, pass.ido, src, dst, tw,
                             tw + (pass.radix - 1) * pass.ido, work);
        }
    }
    std::swap(src, dst);
  }
  return src;
}

#include "real_line.inc"

// Complex transform of plan.length() elements of data; scratch holds
// plan.scratch_size() elements. Returns where the result is: data itself or
// a part of scratch (data is then clobbered).
template <typename T, typename V>
Cx<V>* transform(const C2CPlan<T>& plan, Cx<V>* data, Cx<V>* scratch,
                 bool forward) {
  if (plan.bluestein_length() > 0) {
    // The driver runs lines of plans without a direct plan of m four-step
    // instead.
    const C2CPlan<T>& inner = *plan.bluestein();
    const int64_t m = inner.length();
    const auto load = [&](int64_t k) { return data[k]; };
    const auto store = [&](int64_t k, Cx<V> y) { data[k] = y; };
    const auto padded = [&](Cx<V>* a, bool fwd) {
      return transform(inner, a, scratch + m, fwd);
    };
    if (forward) {
      bluestein<true>(plan, m, load, store, scratch, padded);
    } else {
      bluestein<false>(plan, m, load, store, scratch, padded);
    }
    return data;
  }
  if (plan.rader_plan()) {
    const C2CPlan<T>& inner_plan = *plan.rader_plan();
    const int64_t m = inner_plan.length();
    const auto load = [&](int64_t k) { return data[k]; };
    const auto store = [&](int64_t k, Cx<V> y) { data[k] = y; };
    const auto inner = [&](Cx<V>* a, bool fwd) {
      return transform(inner_plan, a, scratch + m, fwd);
    };
    if (forward) {
      rader<true>(plan.rader(), load, store, scratch, inner);
    } else {
      rader<false>(plan.rader(), load, store, scratch, inner);
    }
    return data;
  }
  return forward ? run_passes<true>(plan, data, scratch)
                 : run_passes<false>(plan, data, scratch);
}

// Real transforms of length n. r2c: x (n values) -> out (n/2+1 values); c2r
// the reverse. Scratch: real_scratch_size(plan) elements.
template <typename T>
size_t real_scratch_size(const RealPlan<T>& plan) {
  const int64_t n = plan.length();
  const size_t own = static_cast<size_t>(n % 2 == 0 ? n / 2 : n);
  return own + plan.complex_plan().scratch_size();
}

// The real transforms (real_line.inc) with a direct inner plan. r2c: x (n
// values) -> out (n/2+1 values), transformed in out itself for even n; c2r
// the reverse.
template <typename T, typename V>
void r2c_transform(const RealPlan<T>& plan, const V* x, Cx<V>* out,
                   Cx<V>* scratch) {
  const bool odd = plan.length() % 2 == 1;
  Cx<V>* z = odd ? scratch : out;
  Cx<V>* inner_scratch = odd ? scratch + plan.length() : scratch;
  r2c_line(
      plan, [&](int64_t j) { return x[j]; },
      [&](int64_t k, Cx<V> y) { out[k] = y; }, z,
      [&](Cx<V>* data, bool forward) {
        return transform(plan.complex_plan(), data, inner_scratch, forward);
      });
}

template <typename T, typename V>
void c2r_transform(const RealPlan<T>& plan, const Cx<V>* in, V* x,
                   Cx<V>* scratch) {
  const int64_t n = plan.length();
  Cx<V>* inner_scratch = scratch + (n % 2 == 1 ? n : n / 2);
  c2r_line(
      plan, [&](int64_t k) { return in[k]; },
      [&](int64_t j, V value) { x[j] = value; }, scratch,
      [&](Cx<V>* data, bool forward) {
        return transform(plan.complex_plan(), data, inner_scratch, forward);
      });
}

// Moves L lines of n complex values (line b at in + offsets[b], stride
// `stride`) into lanes: lane b of buf[j] is element j of line b; and back.
// These generic loops are specialised with shuffles where an instruction set
// has them (kernels_avx2.cc): moving data in and out of lanes costs as much
// as the butterflies otherwise.
template <typename T, typename V, int L>
void gather_lanes(const std::complex<T>* in, const int64_t* offsets,
                  int64_t stride, int64_t n, Cx<V>* buf) {
  for (int64_t j = 0; j < n; ++j) {
    for (int b = 0; b < L; ++b) {
      const std::complex<T> v = in[offsets[b] + j * stride];
      buf[j].re[b] = v.real();
      buf[j].im[b] = v.imag();
    }
  }
}

template <typename T, typename V, int L>
void scatter_lanes(const Cx<V>* buf, int64_t n, std::complex<T>* out,
                   const int64_t* offsets, int64_t stride) {
  for (int64_t j = 0; j < n; ++j) {
    for (int b = 0; b < L; ++b) {
      out[offsets[b] + j * stride] =
          std::complex<T>(buf[j].re[b], buf[j].im[b]);
    }
  }
}

// The same for real lines: lane b of x[j] is element j of line b.
template <typename T, typename V, int L>
void gather_real_lanes(const T* in, const int64_t* offsets, int64_t stride,
                       int64_t n, V* x) {
  for (int64_t j = 0; j < n; ++j) {
    for (int b = 0; b < L; ++b) x[j][b] = in[offsets[b] + j * stride];
  }
}

template <typename T, typename V, int L>
void scatter_real_lanes(const V* x, int64_t n, T* out, const int64_t* offsets,
                        int64_t stride) {
  for (int64_t j = 0; j < n; ++j) {
    for (int b = 0; b < L; ++b) out[offsets[b] + j * stride] = x[j][b];
  }
}

// The same for the first `count` lanes only (a last, partly filled group);
// the other lanes are zero, which no transform turns into NaN or Inf. Line
// by line, in scalar stores into the zeroed buffer: building each vector
// from count loads cost a sixth of a padded group's time.
template <typename T, typename V>
void gather_some_lanes(const std::complex<T>* in, const int64_t* offsets,
                       int count, int64_t stride, int64_t n, Cx<V>* buf) {
  std::memset(static_cast<void*>(buf), 0, sizeof(Cx<V>) * n);
  T* lanes = reinterpret_cast<T*>(buf);
  constexpr int64_t kWidth = sizeof(V) / sizeof(T);
  for (int b = 0; b < count; ++b) {
    const std::complex<T>* line = in + offsets[b];
    for (int64_t j = 0; j < n; ++j) {
      const std::complex<T> x = line[j * stride];
      lanes[2 * kWidth * j + b] = x.real();
      lanes[2 * kWidth * j + kWidth + b] = x.imag();
    }
  }
}

template <typename T, typename V>
void scatter_some_lanes(const Cx<V>* buf, int64_t n, std::complex<T>* out,
                        const int64_t* offsets, int count, int64_t stride) {
  const T* lanes = reinterpret_cast<const T*>(buf);
  constexpr int64_t kWidth = sizeof(V) / sizeof(T);
  for (int b = 0; b < count; ++b) {
    std::complex<T>* line = out + offsets[b];
    for (int64_t j = 0; j < n; ++j) {
      line[j * stride] = std::complex<T>(lanes[2 * kWidth * j + b],
                                         lanes[2 * kWidth * j + kWidth + b]);
    }
  }
}

template <typename T, typename V>
void gather_some_real_lanes(const T* in, const int64_t* offsets, int count,
                            int64_t stride, int64_t n, V* x) {
  std::memset(static_cast<void*>(x), 0, sizeof(V) * n);
  T* lanes = reinterpret_cast<T*>(x);
  constexpr int64_t kWidth = sizeof(V) / sizeof(T);
  for (int b = 0; b < count; ++b) {
    const T* line = in + offsets[b];
    for (int64_t j = 0; j < n; ++j) lanes[kWidth * j + b] = line[j * stride];
  }
}

template <typename T, typename V>
void scatter_some_real_lanes(const V* x, int64_t n, T* out,
                             const int64_t* offsets, int count,
                             int64_t stride) {
  const T* lanes = reinterpret_cast<const T*>(x);
  constexpr int64_t kWidth = sizeof(V) / sizeof(T);
  for (int b = 0; b < count; ++b) {
    T* line = out + offsets[b];
    for (int64_t j = 0; j < n; ++j) line[j * stride] = lanes[kWidth * j + b];
  }
}

// A group of `count` lines moved into and out of W's lanes: all of W's
// lanes, the first `count` of them (a last, padded group), or, for W == T,
// one line in scalar code.
template <typename T, typename W>
void gather_group(const std::complex<T>* in, const int64_t* offsets, int count,
                  int64_t stride, int64_t n, Cx<W>* buf) {
  constexpr int L = sizeof(W) / sizeof(T);
  if constexpr (std::is_same_v<W, T>) {
    const std::complex<T>* line = in + offsets[0];
    for (int64_t j = 0; j < n; ++j) {
      buf[j] = Cx<T>{line[j * stride].real(), line[j * stride].imag()};
    }
  } else if (count == L) {
    gather_lanes<T, W, L>(in, offsets, stride, n, buf);
  } else {
    gather_some_lanes<T, W>(in, offsets, count, stride, n, buf);
  }
}

template <typename T, typename W>
void scatter_group(const Cx<W>* buf, int64_t n, std::complex<T>* out,
                   const int64_t* offsets, int count, int64_t stride) {
  constexpr int L = sizeof(W) / sizeof(T);
  if constexpr (std::is_same_v<W, T>) {
    std::complex<T>* line = out + offsets[0];
    for (int64_t j = 0; j < n; ++j) {
      line[j * stride] = std::complex<T>(buf[j].re, buf[j].im);
    }
  } else if (count == L) {
    scatter_lanes<T, W, L>(buf, n, out, offsets, stride);
  } else {
    scatter_some_lanes<T, W>(buf, n, out, offsets, count, stride);
  }
}

template <typename T, typename W>
void gather_real_group(const T* in, const int64_t* offsets, int count,
                       int64_t stride, int64_t n, W* x) {
  constexpr int L = sizeof(W) / sizeof(T);
  if constexpr (std::is_same_v<W, T>) {
    const T* line = in + offsets[0];
    for (int64_t j = 0; j < n; ++j) x[j] = line[j * stride];
  } else if (count == L) {
    gather_real_lanes<T, W, L>(in, offsets, stride, n, x);
  } else {
    gather_some_real_lanes<T, W>(in, offsets, count, stride, n, x);
  }
}

template <typename T, typename W>
void scatter_real_group(const W* x, int64_t n, T* out, const int64_t* offsets,
                        int count, int64_t stride) {
  constexpr int L = sizeof(W) / sizeof(T);
  if constexpr (std::is_same_v<W, T>) {
    T* line = out + offsets[0];
    for (int64_t j = 0; j < n; ++j) line[j * stride] = x[j];
  } else if (count == L) {
    scatter_real_lanes<T, W, L>(x, n, out, offsets, stride);
  } else {
    scatter_some_real_lanes<T, W>(x, n, out, offsets, count, stride);
  }
}

// Whether the last `count` lines (fewer than a group of `lanes`) run as one
// group with idle lanes rather than one by one in scalar code: from half
// the lanes filled. With 8 float lanes (AVX-512's narrower group), 1001,
// 5537, 17775, 28561 and 19320 points, jfft / ducc0 geomeans of 1.07 scalar
// vs 1.00 padded for 4 lines, 1.27 vs 1.58 for 3 lines
// (benchmarks/line_ratios.py --lines 3|4, padding forced on and off).
constexpr int64_t kPaddedGroupMinShare = 2;
inline bool pad_last_group(int64_t count, int lanes) {
  return count * kPaddedGroupMinShare >= lanes;
}

// Whether the L lines start at consecutive elements (lanes adjacent in
// memory, as along any axis but the last of a row-major array).
template <int L>
inline bool adjacent(const int64_t* offsets) {
  for (int b = 1; b < L; ++b) {
    if (offsets[b] != offsets[0] + b) return false;
  }
  return true;
}

// Multiplies y[k] (k >= 1) of the lines from `line` on by their post
// twiddles (lane groups never straddle a kPostTwiddleBlock).
template <typename T, typename V>
void apply_post_twiddles(Cx<V>* y, int64_t n, const PostTwiddles<T>& post,
                         int64_t line, bool forward) {
  const V sign = V{} + (forward ? T(1) : T(-1));
  const int64_t first = post_twiddle_index(0, line, n);
  for (int64_t k = 1; k < n; ++k) {
    V wr, wi;
    const int64_t at = first + k * kPostTwiddleBlock;
    std::memcpy(&wr, post.re + at, sizeof(V));
    std::memcpy(&wi, post.im + at, sizeof(V));
    wi *= sign;
    const Cx<V> a = y[k];
    y[k] = Cx<V>{a.re * wr - a.im * wi, a.re * wi + a.im * wr};
  }
}

// Line loops: transform lines [begin, end) of a LineSet, as many lines at a
// time as V has lanes (one line per lane), what is left through the Narrower
// vector types in turn, the last few one by one.

// Whether a group of `lanes` contiguous lines would have all its rows in one
// L1 set: lines a multiple of 4 KiB apart, more of them than the 8 ways of
// an L1 set (16-lane groups of 1024-point float lines ran at 2.0 ns a point,
// 8-lane ones at 1.4).
template <typename T>
bool rows_share_a_set(const LineSet& lines, int lanes) {
  if (lanes <= kL1Ways || lines.in_strides.empty()) return false;
  const int64_t apart =
      lines.in_strides.back() * static_cast<int64_t>(sizeof(std::complex<T>));
  return lines.in_stride == 1 && apart % kL1SetBytes == 0;
}

// The lane type W of a group, for make_group below.
template <typename W>
struct LaneType {
  using type = W;
};

// The line loop above, written once for c2c/r2c/c2r/r2r_lines.
// make_group(LaneType<W>{}) returns the work on one group of lines in W's
// lanes, holding its buffers (taken once per lane type, not per group):
// group(in_offsets, out_offsets, count, first_line) runs it on `count` lines,
// all of W's lanes but in a last padded group, and one line for W = T.
template <typename T, typename V, typename... Narrower, typename MakeGroup>
void for_each_lane_group(const LineSet& lines, int64_t begin, int64_t end,
                         const MakeGroup& make_group) {
  constexpr int L = sizeof(V) / sizeof(T);
  int64_t line = begin;
  if (end - begin >= L) {
    auto group = make_group(LaneType<V>{});
    int64_t io[L], oo[L];
    for (; line + L <= end; line += L) {
      for (int b = 0; b < L; ++b) line_start(lines, line + b, &io[b], &oo[b]);
      group(io, oo, L, line);
    }
  }
  if (line == end) return;
  if constexpr (sizeof...(Narrower) > 0) {
    return for_each_lane_group<T, Narrower...>(lines, line, end, make_group);
  }
  if (pad_last_group(end - line, L)) {
    const int count = static_cast<int>(end - line);
    auto group = make_group(LaneType<V>{});
    int64_t io[L], oo[L];
    for (int b = 0; b < count; ++b) {
      line_start(lines, line + b, &io[b], &oo[b]);
    }
    group(io, oo, count, line);
    return;
  }
  auto single = make_group(LaneType<T>{});
  for (; line < end; ++line) {
    int64_t io, oo;
    line_start(lines, line, &io, &oo);
    single(&io, &oo, 1, line);
  }
}

// The lines side by side in c2c_lines's widest lane groups for `lines`.
template <typename T, typename V, typename... Narrower>
int c2c_lane_width(const LineSet& lines) {
  constexpr int L = sizeof(V) / sizeof(T);
  if constexpr (sizeof...(Narrower) > 0) {
    if (rows_share_a_set<T>(lines, L)) {
      return c2c_lane_width<T, Narrower...>(lines);
    }
  }
  return L;
}

// Lane groups of lines packed end to end whose rows take at most
// kLanePrefetchMaxBytes (c2c, r2c and c2r lines) prefetch the next group's
// input and output into L2 (PREFETCHT1) before their own: out of cache,
// gathering such short rows waited on memory. 2^17 points after a 16 MB sweep
// of other memory (numpy_c2c, one thread, AVX-512, paired calls): complex64 n
// = 66..200 took 0.67-0.89x the time, 240 0.95x, 256..2000 0.99-1.09x;
// complex128 66..120 0.86-0.90x, 128..192 0.95-0.97x; in cache,
// complex64 80..200 lost 6-8% to it.
constexpr int64_t kLanePrefetchMaxBytes = int64_t{16} << 10;

// Prefetches the `bytes` from `from` on into L2.
inline void prefetch_bytes(uintptr_t from, int64_t bytes, bool for_writing) {
  for (int64_t at = 0; at < bytes; at += 64) {
    const void* p = reinterpret_cast<const void*>(from + at);
    if (for_writing) {
      __builtin_prefetch(p, 1, 2);
    } else {
      __builtin_prefetch(p, 0, 2);
    }
  }
}

// The prefetch above for a group of `count` lines starting at in + io[b]
// and out + oo[b], when they are rows of in_row (out_row) elements end to
// end: the next group's rows follow. Addresses as integers: past the
// arrays' ends a prefetch never faults, pointer arithmetic is undefined.
template <typename In, typename Out>
inline void prefetch_next_group(const In* in, const int64_t* io, int64_t is,
                                int64_t in_row, Out* out, const int64_t* oo,
                                int64_t os, int64_t out_row, int count) {
  if (count < 2 || is != 1 || os != 1 || io[1] - io[0] != in_row ||
      oo[1] - oo[0] != out_row) {
    return;
  }
  const int64_t in_bytes = count * in_row * int64_t{sizeof(In)};
  const int64_t out_bytes = count * out_row * int64_t{sizeof(Out)};
  if (std::max(in_bytes, out_bytes) > kLanePrefetchMaxBytes) return;
  prefetch_bytes(reinterpret_cast<uintptr_t>(in + io[0]) + in_bytes, in_bytes,
                 false);
  prefetch_bytes(reinterpret_cast<uintptr_t>(out + oo[0]) + out_bytes,
                 out_bytes, true);
}

template <typename T, typename V, typename... Narrower>
void c2c_lines(const C2CPlan<T>& plan, const std::complex<T>* in,
               std::complex<T>* out, const LineSet& lines, int64_t begin,
               int64_t end, bool forward, const PostTwiddles<T>& post) {
  constexpr int L = sizeof(V) / sizeof(T);
  if constexpr (sizeof...(Narrower) > 0) {
    if (rows_share_a_set<T>(lines, L)) {
      return c2c_lines<T, Narrower...>(plan, in, out, lines, begin, end,
                                       forward, post);
    }
  }
  const int64_t n = plan.length();
  const size_t size = n + plan.scratch_size();
  const int64_t is = lines.in_stride, os = lines.out_stride;
  for_each_lane_group<T, V, Narrower...>(lines, begin, end, [&](auto lanes) {
    using W = typename decltype(lanes)::type;
    return [&, buf = Buffer<Cx<W>>(size)](const int64_t* io, const int64_t* oo,
                                          int count, int64_t line) mutable {
      prefetch_next_group(in, io, is, n, out, oo, os, n, count);
      gather_group<T, W>(in, io, count, is, n, buf.data());
      Cx<W>* y = transform(plan, buf.data(), buf.data() + n, forward);
      if (post.re) apply_post_twiddles(y, n, post, line, forward);
      scatter_group<T, W>(y, n, out, oo, count, os);
    };
  });
}

template <typename T, typename V, typename... Narrower>
void r2c_lines(const RealPlan<T>& plan, const T* in, std::complex<T>* out,
               const LineSet& lines, int64_t begin, int64_t end) {
  const int64_t n = plan.length(), m = n / 2 + 1;
  const size_t size = m + real_scratch_size(plan);
  const int64_t is = lines.in_stride, os = lines.out_stride;
  for_each_lane_group<T, V, Narrower...>(lines, begin, end, [&](auto lanes) {
    using W = typename decltype(lanes)::type;
    return
        [&, buf = Buffer<Cx<W>>(size), x = Buffer<W>(n)](
            const int64_t* io, const int64_t* oo, int count, int64_t) mutable {
          prefetch_next_group(in, io, is, n, out, oo, os, m, count);
          gather_real_group<T, W>(in, io, count, is, n, x.data());
          r2c_transform(plan, x.data(), buf.data(), buf.data() + m);
          scatter_group<T, W>(buf.data(), m, out, oo, count, os);
        };
  });
}

template <typename T, typename V, typename... Narrower>
void c2r_lines(const RealPlan<T>& plan, const std::complex<T>* in, T* out,
               const LineSet& lines, int64_t begin, int64_t end, bool packed) {
  const int64_t n = plan.length(), m = n / 2 + 1;
  // Packed lines (even n) hold m - 1 values, Re(Nyquist) in Im(DC).
  const int64_t stored = packed ? m - 1 : m;
  const size_t size = m + real_scratch_size(plan);
  const int64_t is = lines.in_stride, os = lines.out_stride;
  for_each_lane_group<T, V, Narrower...>(lines, begin, end, [&](auto lanes) {
    using W = typename decltype(lanes)::type;
    return
        [&, buf = Buffer<Cx<W>>(size), x = Buffer<W>(n)](
            const int64_t* io, const int64_t* oo, int count, int64_t) mutable {
          prefetch_next_group(in, io, is, stored, out, oo, os, n, count);
          gather_group<T, W>(in, io, count, is, stored, buf.data());
          if (packed) {
            buf[m - 1] = Cx<W>{buf[0].im, W{}};
            buf[0].im = W{};
          }
          c2r_transform(plan, buf.data(), x.data(), buf.data() + m);
          scatter_real_group<T, W>(x.data(), n, out, oo, count, os);
        };
  });
}

#include "codelet_lines.inc"
#include "r2r_line.inc"

// The work buffer of r2r_group: the inner FFT's values and scratch.
template <typename T>
size_t r2r_work_size(const R2RPlan<T>& plan) {
  if (plan.real) return real_scratch_size(*plan.real);
  return static_cast<size_t>(plan.complex->length()) +
         plan.complex->scratch_size();
}

// r2r_line on lines in lanes, with direct plans as its inner FFTs.
template <typename T, typename V>
void r2r_group(const R2RPlan<T>& plan, V* x, Cx<V>* work) {
  // The real line's inner complex transform, its scratch past the half
  // (even lengths) or whole (odd) complex line in work.
  const auto real_inner = [&](Cx<V>* data, bool forward) {
    const RealPlan<T>& real = *plan.real;
    const int64_t length = real.length();
    Cx<V>* scratch = work + (length % 2 == 0 ? length / 2 : length);
    return transform(real.complex_plan(), data, scratch, forward);
  };
  const auto real_forward = [&](auto&& load, auto&& store) {
    r2c_line(*plan.real, load, store, work, real_inner);
  };
  const auto real_backward = [&](auto&& load, auto&& store) {
    c2r_line(*plan.real, load, store, work, real_inner);
  };
  const auto complex_forward = [&](auto&& load, auto&& store) {
    const C2CPlan<T>& complex = *plan.complex;
    const int64_t length = complex.length();
    for (int64_t m = 0; m < length; ++m) work[m] = load(m);
    const Cx<V>* y = transform(complex, work, work + length, true);
    for (int64_t k = 0; k < length; ++k) store(k, y[k]);
  };
  r2r_line<T, V>(plan, x, real_forward, real_backward, complex_forward);
}

template <typename T, typename V, typename... Narrower>
void r2r_lines(const R2RPlan<T>& plan, const T* in, T* out,
               const LineSet& lines, int64_t begin, int64_t end) {
  const int64_t n = plan.n;
  const size_t work = r2r_work_size(plan);
  const int64_t is = lines.in_stride, os = lines.out_stride;
  for_each_lane_group<T, V, Narrower...>(lines, begin, end, [&](auto lanes) {
    using W = typename decltype(lanes)::type;
    return
        [&, x = Buffer<W>(n), buf = Buffer<Cx<W>>(work)](
            const int64_t* io, const int64_t* oo, int count, int64_t) mutable {
          gather_real_group<T, W>(in, io, count, is, n, x.data());
          r2r_group(plan, x.data(), buf.data());
          scatter_real_group<T, W>(x.data(), n, out, oo, count, os);
        };
  });
}

// The codelets' vector: the narrowest this instruction set has. Built
// from one 8- or 16-byte value per line (or a 4 x 4 transpose), a 64-byte
// vector of 8 complex floats costs more moves per value than the butterflies
// save: on AVX-512, 2^17 points of n = 3 / 12 / 16 (complex64) and 8 / 16
// (complex128) took 1.9 / 2.5 / 2.4x and 1.5 / 2.0x the time with 64-byte
// vectors than with 32-byte ones (benchmarks/line_ratios.py, --isa avx512
// against --isa avx2, one thread).
template <typename V, typename... Narrower>
struct NarrowestVector {
  using type = V;
};
template <typename V, typename Next, typename... Rest>
struct NarrowestVector<V, Next, Rest...> {
  using type = typename NarrowestVector<Next, Rest...>::type;
};

// The table this instruction set hands to the driver.
template <typename T, typename V, typename... Narrower>
const KernelTable<T>& make_table(const char* name) {
  constexpr int L = sizeof(V) / sizeof(T);
  using C = typename NarrowestVector<V, Narrower...>::type;
  static const KernelTable<T> table{
      name,
      L,
      &c2c_lines<T, V, Narrower...>,
      &r2c_lines<T, V, Narrower...>,
      &c2r_lines<T, V, Narrower...>,
      &c2c_lane_width<T, V, Narrower...>,
      &c2c_codelet_lines<T, C>,
      &r2c_codelet_lines<T, C>,
      &c2r_codelet_lines<T, C>,
      static_cast<int>(sizeof(C) / (2 * sizeof(T))),
      &r2r_lines<T, V, Narrower...>};
  return table;
}

}  // namespace jfft::engine::JFFT_ISA
