#include "numpy_bindings.h"

#include <nanobind/ndarray.h>
#include <nanobind/stl/vector.h>

#include <complex>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/fft_engine.h"
#include "engine/thread_pool.h"

namespace nb = nanobind;

namespace jfft {
namespace {

using engine::ArrayView;
using InArray = nb::ndarray<nb::ro, nb::numpy, nb::device::cpu>;
using OutArray = nb::ndarray<nb::numpy, nb::device::cpu>;

// nanobind reports strides in elements; the Python side only passes arrays
// whose byte strides are multiples of the item size.
template <typename T, typename Array> ArrayView<T> view_of(const Array &a) {
  ArrayView<T> view{
      static_cast<T *>(const_cast<void *>(static_cast<const void *>(a.data()))),
      std::vector<int64_t>(a.ndim()), std::vector<int64_t>(a.ndim())};
  for (size_t d = 0; d < a.ndim(); ++d) {
    view.shape[d] = static_cast<int64_t>(a.shape(d));
    view.strides[d] = static_cast<int64_t>(a.stride(d));
  }
  return view;
}

template <typename T> bool is(const nb::dlpack::dtype &dtype) {
  return dtype == nb::dtype<T>();
}

[[noreturn]] void bad_dtypes(const char *func, const char *expected) {
  throw nb::type_error(
      (std::string(func) + ": x and out must be " + expected).c_str());
}

void numpy_c2c(InArray x, OutArray out, const std::vector<int64_t> &axes,
               bool forward, int workers, double scale) {
  using C64 = std::complex<float>;
  using C128 = std::complex<double>;
  const bool single = is<C64>(x.dtype()) && is<C64>(out.dtype());
  if (!single && !(is<C128>(x.dtype()) && is<C128>(out.dtype()))) {
    bad_dtypes("numpy_c2c", "both complex64 or both complex128");
  }
  nb::gil_scoped_release release;
  const auto parallelism = engine::shared_pool_parallelism(workers);
  if (single) {
    engine::c2c<float>(view_of<const C64>(x), view_of<C64>(out), axes, forward,
                       parallelism, scale);
  } else {
    engine::c2c<double>(view_of<const C128>(x), view_of<C128>(out), axes,
                        forward, parallelism, scale);
  }
}

void numpy_r2c(InArray x, OutArray out, const std::vector<int64_t> &axes,
               int workers, double scale) {
  const bool single =
      is<float>(x.dtype()) && is<std::complex<float>>(out.dtype());
  if (!single &&
      !(is<double>(x.dtype()) && is<std::complex<double>>(out.dtype()))) {
    bad_dtypes("numpy_r2c", "float32 and complex64, or float64 and complex128");
  }
  nb::gil_scoped_release release;
  const auto parallelism = engine::shared_pool_parallelism(workers);
  if (single) {
    engine::r2c<float>(view_of<const float>(x),
                       view_of<std::complex<float>>(out), axes, parallelism,
                       scale);
  } else {
    engine::r2c<double>(view_of<const double>(x),
                        view_of<std::complex<double>>(out), axes, parallelism,
                        scale);
  }
}

void numpy_c2r(InArray x, OutArray out, const std::vector<int64_t> &axes,
               int workers, double scale) {
  const bool single =
      is<std::complex<float>>(x.dtype()) && is<float>(out.dtype());
  if (!single &&
      !(is<std::complex<double>>(x.dtype()) && is<double>(out.dtype()))) {
    bad_dtypes("numpy_c2r", "complex64 and float32, or complex128 and float64");
  }
  nb::gil_scoped_release release;
  const auto parallelism = engine::shared_pool_parallelism(workers);
  if (single) {
    engine::c2r<float>(view_of<const std::complex<float>>(x),
                       view_of<float>(out), axes, parallelism, scale);
  } else {
    engine::c2r<double>(view_of<const std::complex<double>>(x),
                        view_of<double>(out), axes, parallelism, scale);
  }
}

} // namespace

void register_numpy_bindings(nb::module_ &m) {
  // Unnormalised transforms of x into out (shapes as fft_engine.h says),
  // multiplied by `scale`, on up to `workers` threads. out may be x itself
  // for numpy_c2c; any other overlap is the caller's to avoid.
  m.def("numpy_c2c", &numpy_c2c, nb::arg("x"), nb::arg("out"), nb::arg("axes"),
        nb::arg("forward"), nb::arg("workers"), nb::arg("scale"));
  m.def("numpy_r2c", &numpy_r2c, nb::arg("x"), nb::arg("out"), nb::arg("axes"),
        nb::arg("workers"), nb::arg("scale"));
  m.def("numpy_c2r", &numpy_c2r, nb::arg("x"), nb::arg("out"), nb::arg("axes"),
        nb::arg("workers"), nb::arg("scale"));
  m.def(
      "thread_pool_size", []() { return engine::shared_thread_pool().size(); },
      "Threads of the engine's persistent pool (the caller of a transform "
      "works beside them).");
}

} // namespace jfft
