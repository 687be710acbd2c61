// The strided multi-dimensional driver: each transformed axis is a set of
// 1-D lines, gathered into a contiguous buffer, transformed by a cached plan
// and scattered to the output. The first transformed axis reads the input;
// later axes work in place on the output, so no axis is ever moved.
#include "fft_engine.h"

#include <algorithm>
#include <stdexcept>
#include <string>

#include "plan_cache.h"
#include "plans.h"

namespace jfft::engine {

PlanCache& plan_cache() {
  static PlanCache* cache = new PlanCache(256);  // never destroyed: no exit race
  return *cache;
}

PlanCacheInfo plan_cache_info() {
  return {plan_cache().size(), plan_cache().capacity()};
}
void set_plan_cache_capacity(size_t capacity) {
  plan_cache().set_capacity(capacity);
}
void clear_plan_cache() { plan_cache().clear(); }

namespace {

void check_layout(const std::vector<int64_t>& shape,
                  const std::vector<int64_t>& strides, const char* name) {
  if (strides.size() != shape.size()) {
    throw std::invalid_argument(std::string(name) +
                                ": strides and shape differ in rank");
  }
  for (int64_t d : shape) {
    if (d < 0) throw std::invalid_argument(std::string(name) + ": bad shape");
  }
}

// Normalised, validated axes (each in [0, rank), no repeats).
std::vector<int64_t> check_axes(const std::vector<int64_t>& axes,
                                size_t rank) {
  std::vector<int64_t> result;
  for (int64_t axis : axes) {
    const int64_t a = axis < 0 ? axis + static_cast<int64_t>(rank) : axis;
    if (a < 0 || a >= static_cast<int64_t>(rank)) {
      throw std::invalid_argument("axis " + std::to_string(axis) +
                                  " out of range for rank " +
                                  std::to_string(rank));
    }
    if (std::find(result.begin(), result.end(), a) != result.end()) {
      throw std::invalid_argument("axis " + std::to_string(axis) +
                                  " repeated");
    }
    result.push_back(a);
  }
  return result;
}

bool is_empty(const std::vector<int64_t>& shape) {
  return std::any_of(shape.begin(), shape.end(),
                     [](int64_t d) { return d == 0; });
}

// Calls line(in_offset, out_offset) once for every 1-D line along `axis`:
// all index combinations of the other dimensions (whose lengths are the same
// in both arrays).
template <typename LineFn>
void for_each_line(const std::vector<int64_t>& shape,
                   const std::vector<int64_t>& in_strides,
                   const std::vector<int64_t>& out_strides, int64_t axis,
                   LineFn&& line) {
  const int64_t rank = static_cast<int64_t>(shape.size());
  std::vector<int64_t> index(rank, 0);
  int64_t in_offset = 0, out_offset = 0;
  while (true) {
    line(in_offset, out_offset);
    int64_t d = rank - 1;
    for (; d >= 0; --d) {
      if (d == axis) continue;
      if (++index[d] < shape[d]) {
        in_offset += in_strides[d];
        out_offset += out_strides[d];
        break;
      }
      in_offset -= in_strides[d] * (shape[d] - 1);
      out_offset -= out_strides[d] * (shape[d] - 1);
      index[d] = 0;
    }
    if (d < 0) return;
  }
}

template <typename T>
void c2c_axis(const std::complex<T>* in, const std::vector<int64_t>& in_strides,
              std::complex<T>* out, const std::vector<int64_t>& out_strides,
              const std::vector<int64_t>& shape, int64_t axis, bool forward) {
  const int64_t n = shape[axis];
  const auto plan = get_c2c_plan<T>(n);
  std::vector<std::complex<T>> buffer(n + plan->scratch_size());
  const int64_t in_stride = in_strides[axis], out_stride = out_strides[axis];
  for_each_line(shape, in_strides, out_strides, axis,
                [&](int64_t in_offset, int64_t out_offset) {
                  const std::complex<T>* src = in + in_offset;
                  for (int64_t j = 0; j < n; ++j) buffer[j] = src[j * in_stride];
                  plan->execute(buffer.data(), buffer.data() + n, forward);
                  std::complex<T>* dst = out + out_offset;
                  for (int64_t j = 0; j < n; ++j) dst[j * out_stride] = buffer[j];
                });
}

}  // namespace

template <typename T>
void c2c(ArrayView<const std::complex<T>> in, ArrayView<std::complex<T>> out,
         const std::vector<int64_t>& axes, bool forward) {
  check_layout(in.shape, in.strides, "c2c input");
  check_layout(out.shape, out.strides, "c2c output");
  if (in.shape != out.shape) {
    throw std::invalid_argument("c2c: input and output shapes differ");
  }
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (is_empty(in.shape)) return;
  if (checked.empty()) {
    // Nothing to transform: a strided copy.
    const std::vector<int64_t> shape1 = [&] {
      auto s = in.shape;
      s.push_back(1);
      return s;
    }();
    auto in_strides = in.strides, out_strides = out.strides;
    in_strides.push_back(0);
    out_strides.push_back(0);
    for_each_line(shape1, in_strides, out_strides,
                  static_cast<int64_t>(shape1.size()) - 1,
                  [&](int64_t i, int64_t o) { out.data[o] = in.data[i]; });
    return;
  }
  for (size_t k = 0; k < checked.size(); ++k) {
    const std::complex<T>* src = (k == 0) ? in.data : out.data;
    const std::vector<int64_t>& src_strides = (k == 0) ? in.strides : out.strides;
    c2c_axis<T>(src, src_strides, out.data, out.strides, in.shape, checked[k],
                forward);
  }
}

template <typename T>
void r2c(ArrayView<const T> in, ArrayView<std::complex<T>> out,
         const std::vector<int64_t>& axes) {
  check_layout(in.shape, in.strides, "r2c input");
  check_layout(out.shape, out.strides, "r2c output");
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (checked.empty()) throw std::invalid_argument("r2c: no axes");
  const int64_t last = checked.back();
  std::vector<int64_t> expected = in.shape;
  expected[last] = in.shape[last] / 2 + 1;
  if (out.shape != expected) {
    throw std::invalid_argument("r2c: output shape does not match input");
  }
  if (in.shape[last] == 0) {
    throw std::invalid_argument("r2c: zero-length transformed axis");
  }
  if (is_empty(in.shape)) return;

  const int64_t n = in.shape[last], m = n / 2 + 1;
  const auto plan = get_real_plan<T>(n);
  std::vector<T> real_line(n);
  std::vector<std::complex<T>> buffer(m + plan->scratch_size());
  const int64_t in_stride = in.strides[last], out_stride = out.strides[last];
  for_each_line(in.shape, in.strides, out.strides, last,
                [&](int64_t in_offset, int64_t out_offset) {
                  const T* src = in.data + in_offset;
                  for (int64_t j = 0; j < n; ++j) {
                    real_line[j] = src[j * in_stride];
                  }
                  plan->r2c(real_line.data(), buffer.data(), buffer.data() + m);
                  std::complex<T>* dst = out.data + out_offset;
                  for (int64_t k = 0; k < m; ++k) dst[k * out_stride] = buffer[k];
                });
  for (size_t k = 0; k + 1 < checked.size(); ++k) {
    c2c_axis<T>(out.data, out.strides, out.data, out.strides, out.shape,
                checked[k], true);
  }
}

template <typename T>
void c2r(ArrayView<const std::complex<T>> in, ArrayView<T> out,
         const std::vector<int64_t>& axes) {
  check_layout(in.shape, in.strides, "c2r input");
  check_layout(out.shape, out.strides, "c2r output");
  const std::vector<int64_t> checked = check_axes(axes, in.shape.size());
  if (checked.empty()) throw std::invalid_argument("c2r: no axes");
  const int64_t last = checked.back();
  const int64_t n = out.shape[last], m = n / 2 + 1;
  std::vector<int64_t> expected = out.shape;
  expected[last] = m;
  if (in.shape != expected) {
    throw std::invalid_argument("c2r: input shape does not match output");
  }
  if (n == 0) throw std::invalid_argument("c2r: zero output length");
  if (is_empty(in.shape)) return;

  // The other axes first, into a contiguous copy so the input stays intact.
  const std::complex<T>* src = in.data;
  std::vector<int64_t> src_strides = in.strides;
  std::vector<std::complex<T>> spectrum;
  if (checked.size() > 1) {
    size_t total = 1;
    for (int64_t d : in.shape) total *= static_cast<size_t>(d);
    spectrum.resize(total);
    std::vector<int64_t> strides(in.shape.size());
    int64_t stride = 1;
    for (size_t d = in.shape.size(); d-- > 0;) {
      strides[d] = stride;
      stride *= in.shape[d];
    }
    c2c<T>(in, {spectrum.data(), in.shape, strides},
           std::vector<int64_t>(checked.begin(), checked.end() - 1), false);
    src = spectrum.data();
    src_strides = strides;
  }

  const auto plan = get_real_plan<T>(n);
  std::vector<std::complex<T>> buffer(m + plan->scratch_size());
  std::vector<T> real_line(n);
  const int64_t in_stride = src_strides[last], out_stride = out.strides[last];
  for_each_line(in.shape, src_strides, out.strides, last,
                [&](int64_t in_offset, int64_t out_offset) {
                  const std::complex<T>* line = src + in_offset;
                  for (int64_t k = 0; k < m; ++k) buffer[k] = line[k * in_stride];
                  plan->c2r(buffer.data(), real_line.data(), buffer.data() + m);
                  T* dst = out.data + out_offset;
                  for (int64_t j = 0; j < n; ++j) dst[j * out_stride] = real_line[j];
                });
}

template void c2c<float>(ArrayView<const std::complex<float>>,
                         ArrayView<std::complex<float>>,
                         const std::vector<int64_t>&, bool);
template void c2c<double>(ArrayView<const std::complex<double>>,
                          ArrayView<std::complex<double>>,
                          const std::vector<int64_t>&, bool);
template void r2c<float>(ArrayView<const float>, ArrayView<std::complex<float>>,
                         const std::vector<int64_t>&);
template void r2c<double>(ArrayView<const double>,
                          ArrayView<std::complex<double>>,
                          const std::vector<int64_t>&);
template void c2r<float>(ArrayView<const std::complex<float>>, ArrayView<float>,
                         const std::vector<int64_t>&);
template void c2r<double>(ArrayView<const std::complex<double>>,
                          ArrayView<double>, const std::vector<int64_t>&);

}  // namespace jfft::engine
