// DCT/DST types 1-4 (r2r.h): per axis, the lines run through the kernels'
// r2r (kernel_api.h), lane groups gathered from the array, transformed by
// r2r_line.inc around a direct FFT plan in registers and cache, and scattered
// back: one pass over memory per axis. Lengths whose FFT the engine would
// split four-step run one line at a time around the engine's own FFT.
#include "r2r.h"

#include <algorithm>
#include <complex>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "axis.h"
#include "isa.h"
#include "kernel_api.h"
#include "lines.h"
#include "parallel.h"
#include "plan_cache.h"
#include "plans.h"
#include "scratch.h"

namespace jfft::engine {
namespace {

// The twiddle tables' key in the engine's plan cache: a kind apart from the
// FFT plans' (the enum's underlying type is int, so any int is a value).
constexpr int kR2RTablesKind = 16;

// Which table set a transform of (kind, type, n) uses.
enum TableFamily : int64_t {
  kHalfShift = 1,     // DCT/DST-II and -III: exp(-i pi k / (2N))
  kQuarterShiftEven,  // type IV, even N
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
    const int64_t half = n / 2;
    first_.resize(half);
    second_.resize(half);
    for (int64_t m = 0; m < half; ++m) {
      first_[m] = rounded<T>(roots(4 * m + 1));
      second_[m] = T(2) * rounded<T>(roots(4 * m));
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

#include "cx.inc"
#include "r2r_line.inc"

// One axis's transform: the R2RPlan of r2r_line.inc and the plans and tables
// it points to.
template <typename T>
class AxisTransform {
 public:
  AxisTransform(R2RKind kind, int type, int64_t n, T pre, T post, T scale) {
    plan_.type = type;
    plan_.n = n;
    plan_.pre = pre;
    plan_.post = post;
    plan_.scale = scale;
    plan_.dst1 = kind == R2RKind::kDst && type == 1;
    if (kind == R2RKind::kDst && type != 1) {
      plan_.alternate_in = type == 2 || type == 4;
      plan_.reverse_in = type == 3;
      plan_.reverse_out = type == 2 || type == 4;
      plan_.alternate_out = type == 3;
    }
    switch (type) {
      case 1:
        real_ = get_real_plan<T>(plan_.dst1 ? 2 * (n + 1) : 2 * (n - 1));
        break;
      case 2:
      case 3:
        real_ = get_real_plan<T>(n);
        tables_ = get_tables<T>(n, kHalfShift);
        break;
      default:
        if (n % 2 == 0) {
          complex_ = get_c2c_plan<T>(n / 2);
          tables_ = get_tables<T>(n, kQuarterShiftEven);
        } else {
          real_ = get_real_plan<T>(n);
        }
        break;
    }
    plan_.real = real_.get();
    plan_.complex = complex_.get();
    if (tables_) {
      plan_.first = tables_->first();
      plan_.second = tables_->second();
    }
  }

  const R2RPlan<T>& plan() const { return plan_; }
  // The complex transform inside the FFT, which decides how lines run.
  const C2CPlan<T>& inner_plan() const {
    return real_ ? real_->complex_plan() : *complex_;
  }

 private:
  R2RPlan<T> plan_;
  std::shared_ptr<const RealPlan<T>> real_;
  std::shared_ptr<const C2CPlan<T>> complex_;
  std::shared_ptr<const R2RTables<T>> tables_;
};

// r2r_line on one line at a time, its FFTs the engine's own on that line
// (four-step, with the threads when the lines are fewer than them): for
// lengths whose FFT would not run in the kernels' lanes.
template <typename T>
void r2r_one_by_one(const R2RPlan<T>& plan, const T* src, T* dst,
                    const LineSet& lines, const Parallelism& parallelism) {
  using Complex = std::complex<T>;
  const int64_t n = plan.n;
  const bool few = lines.count < parallelism.threads;
  const Parallelism serial;
  const Parallelism& inner = few ? parallelism : serial;
  const Parallelism& outer = few ? serial : parallelism;
  const int64_t length =
      plan.real ? plan.real->length() : plan.complex->length();
  const int64_t half = length / 2 + 1;
  const std::vector<int64_t> axis = {0};
  parallel_for(lines.count, 1, lines.count * n, outer,
               [&](int64_t begin, int64_t end) {
                 ScratchArray<T> x(static_cast<size_t>(n));
                 ScratchArray<T> real(static_cast<size_t>(length));
                 ScratchArray<Complex> spectrum(static_cast<size_t>(length));
                 ScratchArray<Complex> values(
                     static_cast<size_t>(plan.complex ? length : 0));
                 const auto real_forward = [&](auto&& load, auto&& store) {
                   for (int64_t j = 0; j < length; ++j) real[j] = load(j);
                   r2c<T>({real.data(), {length}, {1}},
                          {spectrum.data(), {half}, {1}}, axis, inner);
                   for (int64_t k = 0; k < half; ++k) {
                     store(k, Cx<T>{spectrum[k].real(), spectrum[k].imag()});
                   }
                 };
                 const auto real_backward = [&](auto&& load, auto&& store) {
                   for (int64_t k = 0; k < half; ++k) {
                     const Cx<T> h = load(k);
                     spectrum[k] = Complex(h.re, h.im);
                   }
                   c2r<T>({spectrum.data(), {half}, {1}},
                          {real.data(), {length}, {1}}, axis, inner);
                   for (int64_t j = 0; j < length; ++j) store(j, real[j]);
                 };
                 const auto complex_forward = [&](auto&& load, auto&& store) {
                   for (int64_t m = 0; m < length; ++m) {
                     const Cx<T> u = load(m);
                     values[m] = Complex(u.re, u.im);
                   }
                   c2c<T>({values.data(), {length}, {1}},
                          {spectrum.data(), {length}, {1}}, axis, true, inner);
                   for (int64_t k = 0; k < length; ++k) {
                     store(k, Cx<T>{spectrum[k].real(), spectrum[k].imag()});
                   }
                 };
                 for (int64_t line = begin; line < end; ++line) {
                   int64_t from, to;
                   line_start(lines, line, &from, &to);
                   for (int64_t j = 0; j < n; ++j)
                     x[j] = src[from + j * lines.in_stride];
                   r2r_line<T, T>(plan, x.data(), real_forward, real_backward,
                                  complex_forward);
                   for (int64_t k = 0; k < n; ++k)
                     dst[to + k * lines.out_stride] = x[k];
                 }
               });
}

template <typename T>
void r2r_axis(const T* src, const std::vector<int64_t>& src_strides, T* dst,
              const std::vector<int64_t>& dst_strides,
              const std::vector<int64_t>& shape, size_t axis, R2RKind kind,
              int type, T pre, T post, T scale,
              const Parallelism& parallelism) {
  const int64_t n = shape[axis];
  const AxisTransform<T> transform(kind, type, n, pre, post, scale);
  const LineSet lines =
      lines_along(shape, src_strides, dst_strides, static_cast<int64_t>(axis));
  if (!runs_in_lanes<T>(transform.inner_plan(), lines)) {
    r2r_one_by_one<T>(transform.plan(), src, dst, lines, parallelism);
    return;
  }
  const KernelTable<T>& k = kernels<T>();
  parallel_for(lines.count, k.lanes, lines.count * n, parallelism,
               [&](int64_t begin, int64_t end) {
                 k.r2r(transform.plan(), src, dst, lines, begin, end);
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
