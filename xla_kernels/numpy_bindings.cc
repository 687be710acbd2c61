#include "numpy_bindings.h"

#include <nanobind/stl/string.h>

#include <algorithm>
#include <complex>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "engine/fft_engine.h"
#include "engine/r2r.h"
#include "engine/thread_pool.h"

namespace nb = nanobind;

namespace jfft {
namespace {

using engine::ArrayView;

// Transforms whose larger side (input or output) has fewer elements than
// this keep the GIL. Release / hold, jfft.numpy.rfft of float64, workers=1,
// paired rounds, four runs of `python benchmarks/gil_release.py N...` on 2
// loaded cores: for one Python thread 0.89-1.15 at every n from 64 to 65536
// (the cost of releasing is below the noise); for two Python threads side by
// side 0.96-1.06 up to n = 2048 (releasing never paid), 0.85-1.11 at 4096,
// 0.88-1.03 at 8192-16384, 0.62-0.98 at 65536. So the per-call sizes keep
// it, and from 4096 on other Python threads may run during the transform.
constexpr int64_t kGilReleaseMinElements = 4096;
// kGilReleaseMinElements, but for the measurement above
// (_set_gil_release_min_elements).
int64_t gil_release_min_elements = kGilReleaseMinElements;

// Releases the GIL for the scope when `release`.
class GilReleasedIf {
 public:
  explicit GilReleasedIf(bool release)
      : state_(release ? PyEval_SaveThread() : nullptr) {}
  ~GilReleasedIf() {
    if (state_ != nullptr) PyEval_RestoreThread(state_);
  }
  GilReleasedIf(const GilReleasedIf&) = delete;
  GilReleasedIf& operator=(const GilReleasedIf&) = delete;

 private:
  PyThreadState* state_;
};

// The axes, a tuple or list of ints, in a vector kept per thread: nanobind's
// std::vector caster allocates one per call.
const std::vector<int64_t>& axes_of(nb::handle axes) {
  thread_local std::vector<int64_t> result;
  PyObject* sequence = PySequence_Fast(axes.ptr(), "axes: expected a sequence");
  if (sequence == nullptr) throw nb::python_error();
  const Py_ssize_t count = PySequence_Fast_GET_SIZE(sequence);
  PyObject** items = PySequence_Fast_ITEMS(sequence);
  result.resize(count);
  for (Py_ssize_t i = 0; i < count; ++i) {
    result[i] = PyLong_AsLongLong(items[i]);
    if (result[i] == -1 && PyErr_Occurred()) {
      Py_DECREF(sequence);
      throw nb::python_error();
    }
  }
  Py_DECREF(sequence);
  return result;
}

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
    return view_.format != nullptr && std::strcmp(view_.format, format) == 0;
  }

  int64_t elements() const {
    return view_.itemsize > 0 ? view_.len / view_.itemsize : 0;
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

void numpy_c2c(nb::handle x, nb::handle out, nb::handle axis_list, bool forward,
               int workers, double scale) {
  const std::vector<int64_t>& axes = axes_of(axis_list);
  using C64 = std::complex<float>;
  using C128 = std::complex<double>;
  const Buffer in_buffer(x, false, "x");
  const Buffer out_buffer(out, true, "out");
  const bool single = in_buffer.is("Zf") && out_buffer.is("Zf");
  if (!single && !(in_buffer.is("Zd") && out_buffer.is("Zd"))) {
    bad_dtypes("numpy_c2c", "both complex64 or both complex128");
  }
  const GilReleasedIf released(
      std::max(in_buffer.elements(), out_buffer.elements()) >=
      gil_release_min_elements);
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

void numpy_r2c(nb::handle x, nb::handle out, nb::handle axis_list, int workers,
               double scale) {
  const std::vector<int64_t>& axes = axes_of(axis_list);
  const Buffer in_buffer(x, false, "x");
  const Buffer out_buffer(out, true, "out");
  const bool single = in_buffer.is("f") && out_buffer.is("Zf");
  if (!single && !(in_buffer.is("d") && out_buffer.is("Zd"))) {
    bad_dtypes("numpy_r2c", "float32 and complex64, or float64 and complex128");
  }
  const GilReleasedIf released(
      std::max(in_buffer.elements(), out_buffer.elements()) >=
      gil_release_min_elements);
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

void numpy_c2r(nb::handle x, nb::handle out, nb::handle axis_list, int workers,
               double scale) {
  const std::vector<int64_t>& axes = axes_of(axis_list);
  const Buffer in_buffer(x, false, "x");
  const Buffer out_buffer(out, true, "out");
  const bool single = in_buffer.is("Zf") && out_buffer.is("f");
  if (!single && !(in_buffer.is("Zd") && out_buffer.is("d"))) {
    bad_dtypes("numpy_c2r", "complex64 and float32, or complex128 and float64");
  }
  const GilReleasedIf released(
      std::max(in_buffer.elements(), out_buffer.elements()) >=
      gil_release_min_elements);
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

void numpy_r2r(nb::handle x, nb::handle out, nb::handle axis_list,
               const std::string& kind, int type, double pre, double post,
               int workers, double scale) {
  const std::vector<int64_t>& axes = axes_of(axis_list);
  if (kind != "dct" && kind != "dst") {
    throw std::invalid_argument(
        "numpy_r2r: kind must be 'dct' or 'dst', got '" + kind + "'");
  }
  const auto r2r_kind =
      kind == "dct" ? engine::R2RKind::kDct : engine::R2RKind::kDst;
  const Buffer in_buffer(x, false, "x");
  const Buffer out_buffer(out, true, "out");
  const bool single = in_buffer.is("f") && out_buffer.is("f");
  if (!single && !(in_buffer.is("d") && out_buffer.is("d"))) {
    bad_dtypes("numpy_r2r", "both float32 or both float64");
  }
  const GilReleasedIf released(in_buffer.elements() >=
                               gil_release_min_elements);
  const auto parallelism = engine::shared_pool_parallelism(workers);
  if (single) {
    engine::r2r<float>(in_buffer.view<const float>("x"),
                       out_buffer.view<float>("out"), axes, r2r_kind, type, pre,
                       post, parallelism, scale);
  } else {
    engine::r2r<double>(in_buffer.view<const double>("x"),
                        out_buffer.view<double>("out"), axes, r2r_kind, type,
                        pre, post, parallelism, scale);
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
  // The DCT or DST of x into out (same shape; out may be x): out = scale *
  // (per axis: post-at-ends . DCT/DST . pre-at-ends)(x), as engine/r2r.h's
  // r2r. tests/test_r2r.py tests the engine's r2r through it.
  m.def("numpy_r2r", &numpy_r2r, nb::arg("x"), nb::arg("out"), nb::arg("axes"),
        nb::arg("kind"), nb::arg("type"), nb::arg("pre"), nb::arg("post"),
        nb::arg("workers"), nb::arg("scale"));
  m.def(
      "_set_gil_release_min_elements",
      [](int64_t n) {
        const int64_t previous = gil_release_min_elements;
        gil_release_min_elements = n;
        return previous;
      },
      nb::arg("n"),
      "For benchmarks/gil_release.py: transforms of fewer elements than n "
      "keep the GIL (default kGilReleaseMinElements); returns the previous "
      "value.");
  m.def(
      "thread_pool_size", []() { return engine::shared_thread_pool().size(); },
      "Threads of the engine's persistent pool (the caller of a transform "
      "works beside them).");
}

}  // namespace jfft
