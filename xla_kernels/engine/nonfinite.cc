#include "nonfinite.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <type_traits>

#include "fft_engine.h"

namespace jfft::engine {
namespace {

using Complex = std::complex<double>;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Calls visit(a, b) for every index of `shape` in row-major order, with the
// index's offsets under two sets of strides.
template <typename Visit>
void for_each_index(const std::vector<int64_t>& shape,
                    const std::vector<int64_t>& strides_a,
                    const std::vector<int64_t>& strides_b, Visit visit) {
  for (int64_t d : shape) {
    if (d == 0) return;
  }
  const size_t rank = shape.size();
  std::vector<int64_t> index(rank, 0);
  int64_t a = 0, b = 0;
  while (true) {
    visit(a, b);
    size_t d = rank;
    for (; d > 0; --d) {
      const size_t dim = d - 1;
      if (++index[dim] < shape[dim]) {
        a += strides_a[dim];
        b += strides_b[dim];
        break;
      }
      a -= (shape[dim] - 1) * strides_a[dim];
      b -= (shape[dim] - 1) * strides_b[dim];
      index[dim] = 0;
    }
    if (d == 0) return;
  }
}

size_t element_count(const std::vector<int64_t>& shape) {
  size_t count = 1;
  for (int64_t d : shape) count *= static_cast<size_t>(d);
  return count;
}

bool nonfinite(float v) { return !std::isfinite(v); }
bool nonfinite(double v) { return !std::isfinite(v); }
template <typename T>
bool nonfinite(std::complex<T> v) {
  return !std::isfinite(v.real()) || !std::isfinite(v.imag());
}

template <typename T>
struct ScalarOf {
  using type = T;
};
template <typename T>
struct ScalarOf<std::complex<T>> {
  using type = T;
};
template <typename T>
using Scalar = typename ScalarOf<T>::type;

// Whether any of `count` contiguous floats or doubles has an all-ones
// exponent (Inf or NaN).
template <typename S>
bool scalars_nonfinite(const S* data, int64_t count) {
  using Bits = std::conditional_t<sizeof(S) == 4, uint32_t, uint64_t>;
  constexpr Bits kExponent = static_cast<Bits>(
      sizeof(S) == 4 ? uint64_t{0x7f800000} : uint64_t{0x7ff0000000000000});
  Bits found = 0;
  for (int64_t i = 0; i < count; ++i) {
    Bits bits;
    std::memcpy(&bits, data + i, sizeof bits);
    found |= static_cast<Bits>((bits & kExponent) == kExponent);
  }
  return found != 0;
}

// The same for count elements of kParts scalars each, `stride` scalars
// apart, without a branch per element (the strided zero frequencies of a
// batch of short lines: the std::isfinite tests ran as long as the
// transform of 2^16 lines of 2 points).
template <int64_t kParts, typename S>
bool strided_scalars_nonfinite(const S* data, int64_t count, int64_t stride) {
  using Bits = std::conditional_t<sizeof(S) == 4, uint32_t, uint64_t>;
  constexpr Bits kExponent = static_cast<Bits>(
      sizeof(S) == 4 ? uint64_t{0x7f800000} : uint64_t{0x7ff0000000000000});
  Bits found = 0;
  for (int64_t i = 0; i < count; ++i) {
    for (int64_t p = 0; p < kParts; ++p) {
      Bits bits;
      std::memcpy(&bits, data + i * stride + p, sizeof bits);
      found |= static_cast<Bits>((bits & kExponent) == kExponent);
    }
  }
  return found != 0;
}

// The signs (-1, 0, +1) of cos and sin of 2 pi q / n for 0 <= q < n, from
// integers alone: zero exactly at the quarter turns.
struct RootSigns {
  int cos, sin;
};
RootSigns root_signs(uint64_t q, uint64_t n) {
  using Wide = unsigned __int128;
  const Wide q2 = Wide{q} * 2, q4 = Wide{q} * 4, n1 = n, n3 = Wide{n} * 3;
  const int cos = q4 < n1 ? 1 : q4 == n1 ? 0 : q4 < n3 ? -1 : q4 == n3 ? 0 : 1;
  const int sin = q == 0 ? 0 : q2 < n1 ? 1 : q2 == n1 ? 0 : -1;
  return {cos, sin};
}

int infinity_sign(double v) { return std::isinf(v) ? (v > 0 ? 1 : -1) : 0; }

// An entry with an infinite component: its position and the sign of each
// infinite component (0 where that component is finite).
struct Infinite {
  int64_t j;
  int re, im;
};

// The infinities reaching one output component.
struct Reached {
  bool plus = false, minus = false;
  void add(int sign) {
    plus |= sign > 0;
    minus |= sign < 0;
  }
  bool both() const { return plus && minus; }
  double value(double finite) const {
    if (both()) return kNaN;
    if (plus) return std::numeric_limits<double>::infinity();
    if (minus) return -std::numeric_limits<double>::infinity();
    return finite;
  }
};

// Moves the infinite components of a line into `infinite` (zeroing them in
// the line). Returns false, leaving the line as it is, if it holds a NaN.
bool split_infinities(Complex* line, int64_t n,
                      std::vector<Infinite>* infinite) {
  infinite->clear();
  for (int64_t j = 0; j < n; ++j) {
    if (std::isnan(line[j].real()) || std::isnan(line[j].imag())) return false;
  }
  for (int64_t j = 0; j < n; ++j) {
    const int re = infinity_sign(line[j].real());
    const int im = infinity_sign(line[j].imag());
    if (re == 0 && im == 0) continue;
    infinite->push_back({j, re, im});
    line[j] = Complex(re ? 0.0 : line[j].real(), im ? 0.0 : line[j].imag());
  }
  return true;
}

uint64_t product_mod(int64_t j, int64_t k, int64_t n) {
  using Wide = unsigned __int128;
  return static_cast<uint64_t>(Wide(static_cast<uint64_t>(j)) *
                               static_cast<uint64_t>(k) %
                               static_cast<uint64_t>(n));
}

// One complex line in place: the finite part by `transform`, then each
// output's infinite terms x_j w^(jk) = (a + ib)(c + is) =
// (ac - bs) + i(as + bc), term by term with the exact signs of c and s.
void c2c_line(Complex* line, int64_t n, bool forward,
              const LineTransform& transform, std::vector<Infinite>* infinite) {
  if (!split_infinities(line, n, infinite)) {
    std::fill(line, line + n, Complex(kNaN, kNaN));
    return;
  }
  transform(line, n, forward);
  if (infinite->empty()) return;
  const int sin_sign = forward ? -1 : 1;
  for (int64_t k = 0; k < n; ++k) {
    Reached re, im;
    for (const Infinite& e : *infinite) {
      const RootSigns w = root_signs(product_mod(e.j, k, n), n);
      const int c = w.cos, s = w.sin * sin_sign;
      re.add(e.re * c);
      re.add(-e.im * s);
      im.add(e.re * s);
      im.add(e.im * c);
      if (re.both() && im.both()) break;
    }
    line[k] = Complex(re.value(line[k].real()), im.value(line[k].imag()));
  }
}

// All lines along `axis` of a row-major array, through c2c_line.
void c2c_axis(Complex* data, const std::vector<int64_t>& shape, int64_t axis,
              bool forward, const LineTransform& transform) {
  const int64_t n = shape[axis];
  int64_t inner = 1, outer = 1;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (static_cast<int64_t>(d) < axis) outer *= shape[d];
    if (static_cast<int64_t>(d) > axis) inner *= shape[d];
  }
  if (n == 0 || inner == 0 || outer == 0) return;
  std::vector<Complex> line(n);
  std::vector<Infinite> infinite;
  for (int64_t o = 0; o < outer; ++o) {
    for (int64_t i = 0; i < inner; ++i) {
      Complex* start = data + o * n * inner + i;
      for (int64_t j = 0; j < n; ++j) line[j] = start[j * inner];
      c2c_line(line.data(), n, forward, transform, &infinite);
      for (int64_t j = 0; j < n; ++j) start[j * inner] = line[j];
    }
  }
}

// One Hermitian line (n / 2 + 1 values) to n real values: x_j = sum over the
// spectrum extended by X_(n-k) = conj(X_k), Im of X_0 and (even n) of
// X_(n/2) ignored. A pair k, n - k contributes 2 Re(X_k w^(-jk)) =
// 2 (a c - b s) with w^(-jk) = c + is.
void c2r_line(const Complex* half, int64_t n, double* x,
              const LineTransform& transform, std::vector<Complex>* spectrum,
              std::vector<Complex>* full, std::vector<Infinite>* infinite) {
  const int64_t h = n / 2 + 1;
  spectrum->assign(half, half + h);
  (*spectrum)[0] = Complex((*spectrum)[0].real(), 0.0);
  if (n % 2 == 0) (*spectrum)[n / 2] = Complex((*spectrum)[n / 2].real(), 0.0);
  if (!split_infinities(spectrum->data(), h, infinite)) {
    std::fill(x, x + n, kNaN);
    return;
  }
  full->resize(n);
  for (int64_t k = 0; k < h; ++k) (*full)[k] = (*spectrum)[k];
  for (int64_t k = 1; k <= (n - 1) / 2; ++k) {
    (*full)[n - k] = std::conj((*spectrum)[k]);
  }
  transform(full->data(), n, false);
  for (int64_t j = 0; j < n; ++j) x[j] = (*full)[j].real();
  if (infinite->empty()) return;
  for (int64_t j = 0; j < n; ++j) {
    Reached reached;
    for (const Infinite& e : *infinite) {
      if (e.j == 0) {
        reached.add(e.re);
      } else if (2 * e.j == n) {
        reached.add(j % 2 ? -e.re : e.re);
      } else {
        const RootSigns w = root_signs(product_mod(e.j, j, n), n);
        reached.add(e.re * w.cos);
        reached.add(-e.im * w.sin);
      }
      if (reached.both()) break;
    }
    x[j] = reached.value(x[j]);
  }
}

template <typename T, typename Element>
void load(const Element* in, const std::vector<int64_t>& shape,
          const std::vector<int64_t>& strides, std::vector<Complex>* work) {
  work->resize(element_count(shape));
  Complex* w = work->data();
  for_each_index(shape, strides, row_major_strides(shape),
                 [&](int64_t from, int64_t to) {
                   if constexpr (std::is_same_v<Element, T>) {
                     w[to] = Complex(static_cast<double>(in[from]), 0.0);
                   } else {
                     w[to] = Complex(static_cast<double>(in[from].real()),
                                     static_cast<double>(in[from].imag()));
                   }
                 });
}

template <typename T>
void store(const std::vector<Complex>& work, const std::vector<int64_t>& shape,
           std::complex<T>* out, const std::vector<int64_t>& strides) {
  const Complex* w = work.data();
  for_each_index(shape, row_major_strides(shape), strides,
                 [&](int64_t from, int64_t to) {
                   out[to] = std::complex<T>(static_cast<T>(w[from].real()),
                                             static_cast<T>(w[from].imag()));
                 });
}

}  // namespace

template <typename T>
bool any_nonfinite(const T* data, const std::vector<int64_t>& shape,
                   const std::vector<int64_t>& strides) {
  // Dimensions of length 1 dropped and dimensions merged where their
  // strides allow, so that the rows along the last are as long as can be:
  // the zero frequencies of a batch of short lines (the transformed axes
  // set to 1) are then one strided row, not a row of one element per line
  // (2^16 lines of 2 points spent 5x the transform's time in this check).
  std::vector<int64_t> rows, row_strides;
  for (size_t d = 0; d < shape.size(); ++d) {
    if (shape[d] == 0) return false;
    if (shape[d] == 1) continue;
    if (!rows.empty() && row_strides.back() == strides[d] * shape[d]) {
      rows.back() *= shape[d];
      row_strides.back() = strides[d];
      continue;
    }
    rows.push_back(shape[d]);
    row_strides.push_back(strides[d]);
  }
  if (rows.empty()) return nonfinite(*data);
  // Rows along the last dimension; a unit-stride row is read as a run of
  // scalars by exponent bits, a loop that vectorises (c2r reads its whole
  // input through this before transforming it).
  const int64_t length = rows.back(), step = row_strides.back();
  rows.back() = 1;
  bool found = false;
  for_each_index(rows, row_strides, row_strides, [&](int64_t offset, int64_t) {
    if (found) return;
    constexpr int64_t kParts = sizeof(T) / sizeof(Scalar<T>);
    const Scalar<T>* row = reinterpret_cast<const Scalar<T>*>(data + offset);
    if (step == 1) {
      found = scalars_nonfinite(row, length * kParts);
    } else {
      found = strided_scalars_nonfinite<kParts>(row, length, step * kParts);
    }
  });
  return found;
}

template <typename T>
bool zero_frequency_nonfinite(const std::complex<T>* data,
                              const std::vector<int64_t>& shape,
                              const std::vector<int64_t>& strides,
                              const std::vector<int64_t>& axes) {
  std::vector<int64_t> batch_shape = shape;
  for (int64_t axis : axes) batch_shape[axis] = 1;
  return any_nonfinite(data, batch_shape, strides);
}

template <typename T>
bool first_samples_nonfinite(const T* data, const std::vector<int64_t>& shape,
                             const std::vector<int64_t>& strides,
                             int64_t axis) {
  std::vector<int64_t> column_shape = shape;
  column_shape[axis] = 1;
  if (any_nonfinite(data, column_shape, strides)) return true;
  return shape[axis] > 1 &&
         any_nonfinite(data + strides[axis], column_shape, strides);
}

template <typename T>
void c2c_nonfinite(const std::complex<T>* in,
                   const std::vector<int64_t>& in_strides, std::complex<T>* out,
                   const std::vector<int64_t>& out_strides,
                   const std::vector<int64_t>& shape,
                   const std::vector<int64_t>& axes, bool forward,
                   const LineTransform& transform) {
  std::vector<Complex> work;
  load<T>(in, shape, in_strides, &work);
  for (size_t a = axes.size(); a-- > 0;) {
    c2c_axis(work.data(), shape, axes[a], forward, transform);
  }
  store(work, shape, out, out_strides);
}

template <typename T>
void r2c_nonfinite(const T* in, const std::vector<int64_t>& in_shape,
                   const std::vector<int64_t>& in_strides, std::complex<T>* out,
                   const std::vector<int64_t>& out_strides,
                   const std::vector<int64_t>& axes,
                   const LineTransform& transform) {
  const int64_t last = axes.back();
  std::vector<Complex> work;
  load<T>(in, in_shape, in_strides, &work);
  c2c_axis(work.data(), in_shape, last, true, transform);
  // Im of the zero and (even n) Nyquist frequencies of a real line is zero
  // whatever the line holds, NaN included.
  const int64_t n = in_shape[last];
  std::vector<int64_t> half_shape = in_shape;
  half_shape[last] = n / 2 + 1;
  const std::vector<int64_t> half_strides = row_major_strides(half_shape);
  std::vector<Complex> half(element_count(half_shape));
  for_each_index(half_shape, row_major_strides(in_shape), half_strides,
                 [&](int64_t from, int64_t to) { half[to] = work[from]; });
  std::vector<int64_t> column_shape = half_shape;
  column_shape[last] = 1;
  const int64_t nyquist = n % 2 == 0 ? n / 2 : -1;
  for_each_index(
      column_shape, half_strides, half_strides, [&](int64_t first, int64_t) {
        Complex* line = half.data() + first;
        const int64_t step = half_strides[last];
        line[0] = Complex(line[0].real(), 0.0);
        if (nyquist > 0) {
          line[nyquist * step] = Complex(line[nyquist * step].real(), 0.0);
        }
      });
  for (size_t a = axes.size() - 1; a-- > 0;) {
    c2c_axis(half.data(), half_shape, axes[a], true, transform);
  }
  store(half, half_shape, out, out_strides);
}

template <typename T>
void c2r_nonfinite(const std::complex<T>* in,
                   const std::vector<int64_t>& in_shape,
                   const std::vector<int64_t>& in_strides, T* out,
                   const std::vector<int64_t>& out_shape,
                   const std::vector<int64_t>& out_strides,
                   const std::vector<int64_t>& axes,
                   const LineTransform& transform) {
  const int64_t last = axes.back();
  std::vector<Complex> work;
  load<T>(in, in_shape, in_strides, &work);
  for (size_t a = axes.size() - 1; a-- > 0;) {
    c2c_axis(work.data(), in_shape, axes[a], false, transform);
  }
  const int64_t n = out_shape[last], h = in_shape[last];
  // Lines along `last`: in the row-major work array they are h apart in
  // their own dimension's stride; visit each line's first element.
  std::vector<int64_t> line_shape = in_shape;
  line_shape[last] = 1;
  std::vector<int64_t> line_out_strides = out_strides;
  const std::vector<int64_t> work_strides = row_major_strides(in_shape);
  const int64_t work_step = work_strides[last], out_step = out_strides[last];
  std::vector<Complex> line(h), spectrum, full;
  std::vector<double> x(n);
  std::vector<Infinite> infinite;
  for_each_index(line_shape, work_strides, line_out_strides,
                 [&](int64_t from, int64_t to) {
                   for (int64_t k = 0; k < h; ++k) {
                     line[k] = work[from + k * work_step];
                   }
                   c2r_line(line.data(), n, x.data(), transform, &spectrum,
                            &full, &infinite);
                   for (int64_t j = 0; j < n; ++j) {
                     out[to + j * out_step] = static_cast<T>(x[j]);
                   }
                 });
}

#define JFFT_NONFINITE(T)                                                    \
  template bool any_nonfinite<T>(const T*, const std::vector<int64_t>&,      \
                                 const std::vector<int64_t>&);               \
  template bool any_nonfinite<std::complex<T>>(const std::complex<T>*,       \
                                               const std::vector<int64_t>&,  \
                                               const std::vector<int64_t>&); \
  template bool first_samples_nonfinite<T>(                                  \
      const T*, const std::vector<int64_t>&, const std::vector<int64_t>&,    \
      int64_t);                                                              \
  template bool zero_frequency_nonfinite<T>(                                 \
      const std::complex<T>*, const std::vector<int64_t>&,                   \
      const std::vector<int64_t>&, const std::vector<int64_t>&);             \
  template void c2c_nonfinite<T>(                                            \
      const std::complex<T>*, const std::vector<int64_t>&, std::complex<T>*, \
      const std::vector<int64_t>&, const std::vector<int64_t>&,              \
      const std::vector<int64_t>&, bool, const LineTransform&);              \
  template void r2c_nonfinite<T>(                                            \
      const T*, const std::vector<int64_t>&, const std::vector<int64_t>&,    \
      std::complex<T>*, const std::vector<int64_t>&,                         \
      const std::vector<int64_t>&, const LineTransform&);                    \
  template void c2r_nonfinite<T>(                                            \
      const std::complex<T>*, const std::vector<int64_t>&,                   \
      const std::vector<int64_t>&, T*, const std::vector<int64_t>&,          \
      const std::vector<int64_t>&, const std::vector<int64_t>&,              \
      const LineTransform&);
JFFT_NONFINITE(float)
JFFT_NONFINITE(double)
#undef JFFT_NONFINITE

}  // namespace jfft::engine
