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
#include <complex>
#include <cstdint>
#include <cstring>

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

template <bool kFwd, typename V>
inline void butterfly2(const Cx<V>* a, int64_t ia, Cx<V>* y) {
  y[0] = a[0] + a[ia];
  y[1] = a[0] - a[ia];
}

template <bool kFwd, typename T, typename V>
inline void butterfly3(const Cx<V>* a, int64_t ia, Cx<V>* y) {
  constexpr T kHalf = T(0.5);
  constexpr T kSin60 = T(0.866025403784438646763723170752936183L);
  const Cx<V> a0 = a[0], a1 = a[ia], a2 = a[2 * ia];
  const Cx<V> t = a1 + a2;
  const Cx<V> c = a0 - scale(kHalf, t);
  const Cx<V> d = rotate_quarter<kFwd>(scale(kSin60, a1 - a2));
  y[0] = a0 + t;
  y[1] = c + d;
  y[2] = c - d;
}

template <bool kFwd, typename V>
inline void butterfly4(const Cx<V>* a, int64_t ia, Cx<V>* y) {
  const Cx<V> a0 = a[0], a1 = a[ia], a2 = a[2 * ia], a3 = a[3 * ia];
  const Cx<V> t0 = a0 + a2, t1 = a0 - a2, t2 = a1 + a3;
  const Cx<V> t3 = rotate_quarter<kFwd>(a1 - a3);
  y[0] = t0 + t2;
  y[1] = t1 + t3;
  y[2] = t0 - t2;
  y[3] = t1 - t3;
}

// Radix 8 as two radix-4 halves: y_k = E_k + w8^k O_k, y_k+4 = E_k - w8^k O_k.
template <bool kFwd, typename T, typename V>
inline void butterfly8(const Cx<V>* a, int64_t ia, Cx<V>* y) {
  constexpr T kHalfSqrt2 = T(0.707106781186547524400844362104849039L);
  Cx<V> e[4], o[4];
  butterfly4<kFwd>(a, 2 * ia, e);
  butterfly4<kFwd>(a + ia, 2 * ia, o);
  // o[1] *= w8, o[2] *= w8^2 = -+i, o[3] *= w8^3 (forward sign shown).
  const Cx<V> o1 = o[1], o3 = o[3];
  if constexpr (kFwd) {
    o[1] = scale(kHalfSqrt2, Cx<V>{o1.re + o1.im, o1.im - o1.re});
    o[3] = scale(kHalfSqrt2, Cx<V>{o3.im - o3.re, -(o3.re + o3.im)});
  } else {
    o[1] = scale(kHalfSqrt2, Cx<V>{o1.re - o1.im, o1.re + o1.im});
    o[3] = scale(kHalfSqrt2, Cx<V>{-(o3.re + o3.im), o3.re - o3.im});
  }
  o[2] = rotate_quarter<kFwd>(o[2]);
  for (int k = 0; k < 4; ++k) {
    y[k] = e[k] + o[k];
    y[k + 4] = e[k] - o[k];
  }
}

template <bool kFwd, typename T, typename V>
inline void butterfly5(const Cx<V>* a, int64_t ia, Cx<V>* y) {
  constexpr T kCos1 = T(0.309016994374947424102293417182819059L);
  constexpr T kCos2 = T(-0.809016994374947424102293417182819059L);
  constexpr T kSin1 = T(0.951056516295153572116439333379382143L);
  constexpr T kSin2 = T(0.587785252292473129168705954639072769L);
  const Cx<V> a0 = a[0];
  const Cx<V> t1 = a[ia] + a[4 * ia], d1 = a[ia] - a[4 * ia];
  const Cx<V> t2 = a[2 * ia] + a[3 * ia], d2 = a[2 * ia] - a[3 * ia];
  const Cx<V> c1 = a0 + scale(kCos1, t1) + scale(kCos2, t2);
  const Cx<V> c2 = a0 + scale(kCos2, t1) + scale(kCos1, t2);
  const Cx<V> e1 = rotate_quarter<kFwd>(scale(kSin1, d1) + scale(kSin2, d2));
  const Cx<V> e2 = rotate_quarter<kFwd>(scale(kSin2, d1) - scale(kSin1, d2));
  y[0] = a0 + t1 + t2;
  y[1] = c1 + e1;
  y[2] = c2 + e2;
  y[3] = c2 - e2;
  y[4] = c1 - e1;
}

template <int R, bool kFwd, typename T, typename V>
inline void butterfly(const Cx<V>* a, int64_t ia, Cx<V>* y) {
  if constexpr (R == 2) {
    butterfly2<kFwd>(a, ia, y);
  } else if constexpr (R == 3) {
    butterfly3<kFwd, T>(a, ia, y);
  } else if constexpr (R == 4) {
    butterfly4<kFwd>(a, ia, y);
  } else if constexpr (R == 5) {
    butterfly5<kFwd, T>(a, ia, y);
  } else {
    static_assert(R == 8, "radices with butterflies: 2, 3, 4, 5, 8");
    butterfly8<kFwd, T>(a, ia, y);
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

// Any odd radix p, O(p^2) per butterfly using the pairing of m and p - m.
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
      for (int64_t j = 1; j <= half; ++j) {
        Cx<V> even = a0;
        Cx<V> odd = {V{}, V{}};
        int64_t q = 0;
        for (int64_t m = 1; m <= half; ++m) {
          q += j;
          if (q >= p) q -= p;
          even = even + scale(roots[q].real(), sums[m]);
          odd = odd + scale(-roots[q].imag(), diffs[m]);  // sin(2 pi q / p)
        }
        const Cx<V> rot = rotate_quarter<kFwd>(odd);
        const Cx<V> yj = even + rot, ypj = even - rot;
        if (i == 0) {
          b[j * s] = yj;
          b[(p - j) * s] = ypj;
        } else {
          b[i + j * s] = twiddle<kFwd>(yj, tw[i + (j - 1) * ido]);
          b[i + (p - j) * s] = twiddle<kFwd>(ypj, tw[i + (p - j - 1) * ido]);
        }
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
      default:
        pass_generic<kFwd>(pass.radix, pass.l1, pass.ido, src, dst, tw,
                           tw + (pass.radix - 1) * pass.ido, work);
    }
    std::swap(src, dst);
  }
  return src;
}

#include "bluestein.inc"
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
  int64_t line = begin;
  if (end - begin >= L) {
    Buffer<Cx<V>> buf(size);
    int64_t io[L], oo[L];
    for (; line + L <= end; line += L) {
      for (int b = 0; b < L; ++b) line_start(lines, line + b, &io[b], &oo[b]);
      gather_lanes<T, V, L>(in, io, is, n, buf.data());
      Cx<V>* y = transform(plan, buf.data(), buf.data() + n, forward);
      if (post.re) apply_post_twiddles(y, n, post, line, forward);
      scatter_lanes<T, V, L>(y, n, out, oo, os);
    }
  }
  if (line == end) return;
  if constexpr (sizeof...(Narrower) > 0) {
    return c2c_lines<T, Narrower...>(plan, in, out, lines, line, end, forward,
                                     post);
  }
  Buffer<Cx<T>> buf(size);
  for (; line < end; ++line) {
    int64_t io, oo;
    line_start(lines, line, &io, &oo);
    for (int64_t j = 0; j < n; ++j) {
      const std::complex<T> v = in[io + j * is];
      buf[j] = Cx<T>{v.real(), v.imag()};
    }
    Cx<T>* y = transform(plan, buf.data(), buf.data() + n, forward);
    if (post.re) apply_post_twiddles(y, n, post, line, forward);
    for (int64_t j = 0; j < n; ++j) {
      out[oo + j * os] = std::complex<T>(y[j].re, y[j].im);
    }
  }
}

template <typename T, typename V, typename... Narrower>
void r2c_lines(const RealPlan<T>& plan, const T* in, std::complex<T>* out,
               const LineSet& lines, int64_t begin, int64_t end) {
  constexpr int L = sizeof(V) / sizeof(T);
  const int64_t n = plan.length(), m = n / 2 + 1;
  const size_t size = m + real_scratch_size(plan);
  const int64_t is = lines.in_stride, os = lines.out_stride;
  int64_t line = begin;
  if (end - begin >= L) {
    Buffer<Cx<V>> buf(size);
    Buffer<V> x(n);
    int64_t io[L], oo[L];
    for (; line + L <= end; line += L) {
      for (int b = 0; b < L; ++b) line_start(lines, line + b, &io[b], &oo[b]);
      gather_real_lanes<T, V, L>(in, io, is, n, x.data());
      r2c_transform(plan, x.data(), buf.data(), buf.data() + m);
      scatter_lanes<T, V, L>(buf.data(), m, out, oo, os);
    }
  }
  if (line == end) return;
  if constexpr (sizeof...(Narrower) > 0) {
    return r2c_lines<T, Narrower...>(plan, in, out, lines, line, end);
  }
  Buffer<Cx<T>> buf(size);
  Buffer<T> x(n);
  for (; line < end; ++line) {
    int64_t io, oo;
    line_start(lines, line, &io, &oo);
    for (int64_t j = 0; j < n; ++j) x[j] = in[io + j * is];
    r2c_transform(plan, x.data(), buf.data(), buf.data() + m);
    for (int64_t k = 0; k < m; ++k) {
      out[oo + k * os] = std::complex<T>(buf[k].re, buf[k].im);
    }
  }
}

template <typename T, typename V, typename... Narrower>
void c2r_lines(const RealPlan<T>& plan, const std::complex<T>* in, T* out,
               const LineSet& lines, int64_t begin, int64_t end, bool packed) {
  constexpr int L = sizeof(V) / sizeof(T);
  const int64_t n = plan.length(), m = n / 2 + 1;
  // Packed lines (even n) hold m - 1 values, Re(Nyquist) in Im(DC).
  const int64_t stored = packed ? m - 1 : m;
  const size_t size = m + real_scratch_size(plan);
  const int64_t is = lines.in_stride, os = lines.out_stride;
  int64_t line = begin;
  if (end - begin >= L) {
    Buffer<Cx<V>> buf(size);
    Buffer<V> x(n);
    int64_t io[L], oo[L];
    for (; line + L <= end; line += L) {
      for (int b = 0; b < L; ++b) line_start(lines, line + b, &io[b], &oo[b]);
      gather_lanes<T, V, L>(in, io, is, stored, buf.data());
      if (packed) {
        buf[m - 1] = Cx<V>{buf[0].im, V{}};
        buf[0].im = V{};
      }
      c2r_transform(plan, buf.data(), x.data(), buf.data() + m);
      scatter_real_lanes<T, V, L>(x.data(), n, out, oo, os);
    }
  }
  if (line == end) return;
  if constexpr (sizeof...(Narrower) > 0) {
    return c2r_lines<T, Narrower...>(plan, in, out, lines, line, end, packed);
  }
  Buffer<Cx<T>> buf(size);
  Buffer<T> x(n);
  for (; line < end; ++line) {
    int64_t io, oo;
    line_start(lines, line, &io, &oo);
    for (int64_t k = 0; k < stored; ++k) {
      const std::complex<T> v = in[io + k * is];
      buf[k] = Cx<T>{v.real(), v.imag()};
    }
    if (packed) {
      buf[m - 1] = Cx<T>{buf[0].im, T(0)};
      buf[0].im = T(0);
    }
    c2r_transform(plan, buf.data(), x.data(), buf.data() + m);
    for (int64_t j = 0; j < n; ++j) out[oo + j * os] = x[j];
  }
}

// The table this instruction set hands to the driver.
template <typename T, typename V, typename... Narrower>
const KernelTable<T>& make_table(const char* name) {
  constexpr int L = sizeof(V) / sizeof(T);
  static const KernelTable<T> table{name,
                                    L,
                                    &c2c_lines<T, V, Narrower...>,
                                    &r2c_lines<T, V, Narrower...>,
                                    &c2r_lines<T, V, Narrower...>,
                                    &c2c_lane_width<T, V, Narrower...>};
  return table;
}

}  // namespace jfft::engine::JFFT_ISA
