#include "numpy_bindings.h"

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

// The arrays are read through the buffer protocol, not nb::ndarray: for
// numpy arrays nanobind goes through __dlpack__ (a Python call, a capsule
// and three allocations per array), which cost more than a 64-point
// transform here (~2 us of ~4 us per call, perf on numpy_c2c).
class Buffer {
 public:
  Buffer(nb::handle array, bool writable, const char* name) {
    const int flags = writable ? PyBUF_RECORDS : PyBUF_RECORDS_RO;
    if (PyObject_GetBuffer(array.ptr(), &view_, flags) != 0) {
      PyErr_Clear();
      throw nb::type_error(
          (std::string(name) +
           (writable ? ": expected a writable array" : ": expected an array"))
              .c_str());
    }
  }
  ~Buffer() { PyBuffer_Release(&view_); }
  Buffer(const Buffer&) = delete;
  Buffer& operator=(const Buffer&) = delete;

  // numpy's struct-module codes for native float, double and their
  // complex types.
  bool is(const char* format) const {
    return view_.format != nullptr && std::string(view_.format) == format;
  }

  template <typename T>
  ArrayView<T> view(const char* name) const {
    ArrayView<T> result{static_cast<T*>(view_.buf),
                        std::vector<int64_t>(view_.ndim),
                        std::vector<int64_t>(view_.ndim)};
    constexpr int64_t item = sizeof(T);
    if (reinterpret_cast<uintptr_t>(view_.buf) % alignof(T) != 0) {
      throw std::invalid_argument(std::string(name) + ": data not aligned");
    }
    for (int d = 0; d < view_.ndim; ++d) {
      result.shape[d] = view_.shape[d];
      if (view_.strides[d] % item != 0) {
        throw std::invalid_argument(std::string(name) +
                                    ": strides not in whole elements");
      }
      result.strides[d] = view_.strides[d] / item;
    }
    return result;
  }

 private:
  Py_buffer view_{};
};

[[noreturn]] void bad_dtypes(const char* func, const char* expected) {
  throw nb::type_error(
      (std::string(func) + ": x and out must be " + expected).c_str());
}

void numpy_c2c(nb::handle x, nb::handle out, const std::vector<int64_t>& axes,
               bool forward, int workers, double scale) {
  using C64 = std::complex<float>;
  using C128 = std::complex<double>;
  const Buffer in_buffer(x, false, "x");
  const Buffer out_buffer(out, true, "out");
  const bool single = in_buffer.is("Zf") && out_buffer.is("Zf");
  if (!single && !(in_buffer.is("Zd") && out_buffer.is("Zd"))) {
    bad_dtypes("numpy_c2c", "both complex64 or both complex128");
  }
  nb::gil_scoped_release release;
  const auto parallelism = engine::shared_pool_parallelism(workers);
  if (single) {
    engine::c2c<float>(in_buffer.view<const C64>("x"),
                       out_buffer.view<C64>("out"), axes, forward, parallelism,
                       scale);
  } else {
    engine::c2c<double>(in_buffer.view<const C128>("x"),
                        out_buffer.view<C128>("out"), axes, forward,
                        parallelism, scale);
  }
}

void numpy_r2c(nb::handle x, nb::handle out, const std::vector<int64_t>& axes,
               int workers, double scale) {
  const Buffer in_buffer(x, false, "x");
  const Buffer out_buffer(out, true, "out");
  const bool single = in_buffer.is("f") && out_buffer.is("Zf");
  if (!single && !(in_buffer.is("d") && out_buffer.is("Zd"))) {
    bad_dtypes("numpy_r2c", "float32 and complex64, or float64 and complex128");
  }
  nb::gil_scoped_release release;
  const auto parallelism = engine::shared_pool_parallelism(workers);
  if (single) {
    engine::r2c<float>(in_buffer.view<const float>("x"),
                       out_buffer.view<std::complex<float>>("out"), axes,
                       parallelism, scale);
  } else {
    engine::r2c<double>(in_buffer.view<const double>("x"),
                        out_buffer.view<std::complex<double>>("out"), axes,
                        parallelism, scale);
  }
}

void numpy_c2r(nb::handle x, nb::handle out, const std::vector<int64_t>& axes,
               int workers, double scale) {
  const Buffer in_buffer(x, false, "x");
  const Buffer out_buffer(out, true, "out");
  const bool single = in_buffer.is("Zf") && out_buffer.is("f");
  if (!single && !(in_buffer.is("Zd") && out_buffer.is("d"))) {
    bad_dtypes("numpy_c2r", "complex64 and float32, or complex128 and float64");
  }
  nb::gil_scoped_release release;
  const auto parallelism = engine::shared_pool_parallelism(workers);
  if (single) {
    engine::c2r<float>(in_buffer.view<const std::complex<float>>("x"),
                       out_buffer.view<float>("out"), axes, parallelism, scale);
  } else {
    engine::c2r<double>(in_buffer.view<const std::complex<double>>("x"),
                        out_buffer.view<double>("out"), axes, parallelism,
                        scale);
  }
}

}  // namespace

void register_numpy_bindings(nb::module_& m) {
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

}  // namespace jfft
